//! Calendar arithmetic of the policy rules, in one place so every rule counts the same way.
//!
//! - **Dates are days**, and every period is inclusive of both its first and last day: a
//!   contract from 2021-09-01 to 2024-08-31 covers 1,096 days.
//! - **A term of N years** starting on day `s` may end at the latest on the day before the
//!   *anniversary* of `s` N years later ([`max_end_of_term`]). The anniversary of 29 February
//!   in a year without one is **1 March**, so a term is never shorter than N full years: a
//!   3-year term starting 2024-02-29 may run to 2027-02-28.
//! - **N months before or after** a date ([`months_before`], [`months_after`]) keep the
//!   day of the month, clamped to the month's last day: 6 months before 2024-08-31 is
//!   2024-02-29; 6 months after 2024-08-31 is 2025-02-28.
//!
//! ```
//! use chrono::NaiveDate;
//! use patient_partner::policy::dates::{max_end_of_term, months_before};
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! assert_eq!(max_end_of_term(d(2021, 9, 1), 3), Some(d(2024, 8, 31)));
//! assert_eq!(max_end_of_term(d(2024, 2, 29), 3), Some(d(2027, 2, 28)));
//! assert_eq!(months_before(d(2024, 8, 31), 6), Some(d(2024, 2, 29)));
//! ```

use chrono::{Datelike, Days, Months, NaiveDate};

/// The anniversary of `date` `years` later (29 February → 1 March in a common year).
/// `None` only beyond the calendar's range.
pub fn anniversary(date: NaiveDate, years: u32) -> Option<NaiveDate> {
    let year = date.year().checked_add(i32::try_from(years).ok()?)?;
    NaiveDate::from_ymd_opt(year, date.month(), date.day())
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
}

/// The last day of a term of `years` years starting on `start`: the day before the
/// anniversary. `None` only beyond the calendar's range.
pub fn max_end_of_term(start: NaiveDate, years: u32) -> Option<NaiveDate> {
    anniversary(start, years)?.checked_sub_days(Days::new(1))
}

/// `months` months before `date`, the day clamped to the month's last day.
pub fn months_before(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_sub_months(Months::new(months))
}

/// `months` months after `date`, the day clamped to the month's last day.
pub fn months_after(date: NaiveDate, months: u32) -> Option<NaiveDate> {
    date.checked_add_months(Months::new(months))
}

/// The day after `date`.
pub fn next_day(date: NaiveDate) -> Option<NaiveDate> {
    date.checked_add_days(Days::new(1))
}

/// The number of days of `[start, end]` (both included) that fall in `[from, to]`.
pub fn overlap_days(start: NaiveDate, end: NaiveDate, from: NaiveDate, to: NaiveDate) -> i64 {
    let a = start.max(from);
    let b = end.min(to);
    if b < a {
        0
    } else {
        (b - a).num_days() + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn anniversaries_and_terms() {
        assert_eq!(anniversary(d(2024, 2, 29), 4), Some(d(2028, 2, 29)));
        assert_eq!(anniversary(d(2024, 2, 29), 1), Some(d(2025, 3, 1)));
        assert_eq!(max_end_of_term(d(2023, 3, 1), 1), Some(d(2024, 2, 29)));
        assert_eq!(max_end_of_term(d(2024, 1, 1), 0), Some(d(2023, 12, 31)));
        assert_eq!(anniversary(NaiveDate::MAX, 1), None);
    }

    #[test]
    fn overlaps() {
        assert_eq!(
            overlap_days(
                d(2024, 1, 1),
                d(2024, 12, 31),
                d(2024, 1, 1),
                d(2024, 12, 31)
            ),
            366
        );
        assert_eq!(
            overlap_days(
                d(2021, 9, 1),
                d(2024, 8, 31),
                d(2021, 1, 1),
                d(2021, 12, 31)
            ),
            122
        );
        assert_eq!(
            overlap_days(d(2025, 1, 1), d(2025, 2, 1), d(2024, 1, 1), d(2024, 12, 31)),
            0
        );
    }
}
