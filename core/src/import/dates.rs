//! Dates as logs write them: ISO `YYYY-MM-DD` or French `DD/MM/YYYY`, with or without a time.
//!
//! ISO dates have exactly four, two and two digits. French dates accept one or two digits
//! for the day and the month (`5/1/2023` is 5 January 2023) and four for the year. A time
//! after the date (`09/01/2023 14:30`, `2023-01-09T14:30:00`, as spreadsheets export
//! date-time cells) is checked and dropped: the date part is kept. Anything else, or a day
//! that does not exist (`2023-02-29`), is rejected.
//!
//! ```
//! use patient_partner::import::parse_date;
//! use chrono::NaiveDate;
//! assert_eq!(parse_date("2024-02-29"), Some(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
//! assert_eq!(parse_date("05/01/2023"), Some(NaiveDate::from_ymd_opt(2023, 1, 5).unwrap()));
//! assert_eq!(parse_date("2023-02-29"), None);
//! assert_eq!(parse_date("01-05-2023"), None);
//! assert_eq!(parse_date("09/01/2023 14:30"), NaiveDate::from_ymd_opt(2023, 1, 9));
//! assert_eq!(parse_date("2023-01-09T14:30:00"), NaiveDate::from_ymd_opt(2023, 1, 9));
//! assert_eq!(parse_date("09/01/2023 noon"), None);
//! ```

use chrono::NaiveDate;

fn digits(s: &[u8]) -> Option<u32> {
    if s.is_empty() {
        return None;
    }
    s.iter().try_fold(0u32, |acc, &b| {
        b.is_ascii_digit().then(|| acc * 10 + u32::from(b - b'0'))
    })
}

/// Whether `t` is a time of day `H:MM`, `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff`.
fn is_time(t: &[u8]) -> bool {
    let text = match std::str::from_utf8(t) {
        Ok(t) => t,
        Err(_) => return false,
    };
    let main = text.split('.').next().unwrap_or_default();
    let fraction_ok = text
        .split_once('.')
        .is_none_or(|(_, f)| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()));
    let parts: Vec<&str> = main.split(':').collect();
    fraction_ok
        && (2..=3).contains(&parts.len())
        && parts.iter().enumerate().all(|(i, p)| {
            (if i == 0 { 1..=2 } else { 2..=2 }).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
        })
        && digits(parts[0].as_bytes()).is_some_and(|h| h < 24)
        && digits(parts[1].as_bytes()).is_some_and(|m| m < 60)
        && parts
            .get(2)
            .is_none_or(|s| digits(s.as_bytes()).is_some_and(|s| s < 61))
}

/// Parses `YYYY-MM-DD` or `DD/MM/YYYY`, optionally followed by a time (surrounding white
/// space ignored).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.trim().as_bytes();
    // A date alone is at most 10 bytes long: look for a time only after that.
    let time_at = if b.len() <= 10 {
        None
    } else {
        b.iter().position(|&c| c == b' ' || c == b'T')
    };
    let b = match time_at {
        Some(at) => {
            let time = b.get(at + 1..)?;
            let time = if b[at] == b' ' {
                time.trim_ascii_start()
            } else {
                time
            };
            if !is_time(time) {
                return None;
            }
            b.get(..at)?
        }
        None => b,
    };
    if b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-') {
        let year = digits(b.get(0..4)?)?;
        let month = digits(b.get(5..7)?)?;
        let day = digits(b.get(8..10)?)?;
        return NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day);
    }
    let mut parts = b.split(|&c| c == b'/');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || !(1..=2).contains(&day.len())
        || !(1..=2).contains(&month.len())
        || year.len() != 4
    {
        return None;
    }
    NaiveDate::from_ymd_opt(
        i32::try_from(digits(year)?).ok()?,
        digits(month)?,
        digits(day)?,
    )
}
