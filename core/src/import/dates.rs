//! Dates as logs write them: ISO `YYYY-MM-DD` or French `DD/MM/YYYY`.
//!
//! ISO dates have exactly four, two and two digits. French dates accept one or two digits
//! for the day and the month (`5/1/2023` is 5 January 2023) and four for the year. Anything
//! else, or a day that does not exist (`2023-02-29`), is rejected.
//!
//! ```
//! use patient_partner::import::parse_date;
//! use chrono::NaiveDate;
//! assert_eq!(parse_date("2024-02-29"), Some(NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()));
//! assert_eq!(parse_date("05/01/2023"), Some(NaiveDate::from_ymd_opt(2023, 1, 5).unwrap()));
//! assert_eq!(parse_date("2023-02-29"), None);
//! assert_eq!(parse_date("01-05-2023"), None);
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

/// Parses `YYYY-MM-DD` or `DD/MM/YYYY` (surrounding white space ignored).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let b = s.trim().as_bytes();
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
