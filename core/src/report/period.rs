//! The reporting period: an inclusive range of days.
//!
//! Reporting periods are arbitrary date ranges (BRIEF §5: "Oct 2021–Dec 2022" is 15 months).
//! Both bounds are **inclusive**; a period of one day has `start == end`. A period whose end
//! is before its start is rejected with `invalid_period`, also when it is read from JSON.
//!
//! ```
//! use patient_partner::report::Period;
//! use chrono::NaiveDate;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let year = Period::new(d(2023, 1, 1), d(2023, 12, 31)).unwrap();
//! assert!(year.contains(d(2023, 12, 31)));
//! assert!(!year.contains(d(2024, 1, 1)));
//! assert_eq!(Period::new(d(2023, 2, 1), d(2023, 1, 31)).unwrap_err().code(), "invalid_period");
//! ```
//!
//! **The default period** (the same in the CLI, Python and Kotlin): a bound not given is the
//! day of the log's first interview (start) or last interview (end), every row of the log
//! counted, whatever its group; see [`Period::resolve`]. With a bound missing and an empty
//! log there is no period: `no_period`.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::{ReportError, ReportErrorKind};

/// An inclusive range of days: `start <= end`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "RawPeriod")]
pub struct Period {
    /// The first day of the period (inclusive).
    start: NaiveDate,
    /// The last day of the period (inclusive).
    end: NaiveDate,
}

/// The JSON shape of a [`Period`] before validation.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    start: NaiveDate,
    end: NaiveDate,
}

impl TryFrom<RawPeriod> for Period {
    type Error = ReportError;
    fn try_from(raw: RawPeriod) -> Result<Self, ReportError> {
        Period::new(raw.start, raw.end)
    }
}

impl Period {
    /// The smallest period holding every date of `dates` (the first to the last); `None`
    /// when there is none. What a report covers when no period is given.
    ///
    /// ```
    /// use patient_partner::report::Period;
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
    /// let p = Period::spanning([d(3, 1), d(1, 9), d(2, 2)].into_iter()).unwrap();
    /// assert_eq!((p.start(), p.end()), (d(1, 9), d(3, 1)));
    /// assert!(Period::spanning(std::iter::empty()).is_none());
    /// ```
    pub fn spanning(dates: impl Iterator<Item = NaiveDate>) -> Option<Period> {
        let mut bounds: Option<(NaiveDate, NaiveDate)> = None;
        for d in dates {
            bounds = Some(bounds.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
        }
        bounds.and_then(|(lo, hi)| Period::new(lo, hi).ok())
    }

    /// The period of a report whose bounds may be missing: `start` or else the first day of
    /// `log_span`, `end` or else its last day. `log_span` is the first and last interview
    /// days of the log (`None` for an empty log; only looked at when a bound is missing).
    ///
    /// Errors: `no_period` when a bound is missing and the log is empty (entity `Period`,
    /// field `start` or `end`); `invalid_period` when the resulting end is before the start
    /// (e.g. `end` given before the log's first interview).
    ///
    /// ```
    /// use patient_partner::report::Period;
    /// use chrono::NaiveDate;
    /// let d = |m, day| NaiveDate::from_ymd_opt(2023, m, day).unwrap();
    /// let span = Some((d(1, 9), d(11, 30)));
    /// let p = Period::resolve(None, Some(d(12, 31)), span).unwrap();
    /// assert_eq!((p.start(), p.end()), (d(1, 9), d(12, 31)));
    /// assert_eq!(Period::resolve(None, None, None).unwrap_err().code(), "no_period");
    /// assert_eq!(Period::resolve(Some(d(1, 1)), Some(d(1, 31)), None).unwrap().days(), 31);
    /// ```
    pub fn resolve(
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        log_span: Option<(NaiveDate, NaiveDate)>,
    ) -> Result<Period, ReportError> {
        let missing = |field: &'static str| {
            ReportError::new(ReportErrorKind::NoPeriod)
                .entity("Period")
                .field(field)
        };
        let start = match (start, log_span) {
            (Some(s), _) => s,
            (None, Some((first, _))) => first,
            (None, None) => return Err(missing("start")),
        };
        let end = match (end, log_span) {
            (Some(e), _) => e,
            (None, Some((_, last))) => last,
            (None, None) => return Err(missing("end")),
        };
        Period::new(start, end)
    }

    /// [`Period::resolve`] for a log held in memory: its span is computed only when a bound
    /// is missing.
    pub fn resolve_for(
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
        interviews: &[crate::interview::Interview],
    ) -> Result<Period, ReportError> {
        let span = match (start, end) {
            (Some(_), Some(_)) => None,
            _ => Period::spanning(interviews.iter().map(|i| i.date)).map(|p| (p.start, p.end)),
        };
        Period::resolve(start, end, span)
    }

    /// A period from `start` to `end`, both included; `invalid_period` if `end < start`.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Result<Self, ReportError> {
        if end < start {
            return Err(
                ReportError::new(ReportErrorKind::InvalidPeriod { start, end })
                    .entity("Period")
                    .field("end"),
            );
        }
        Ok(Period { start, end })
    }

    /// The calendar year `year`, from 1 January to 31 December.
    ///
    /// Returns `None` for years chrono cannot represent.
    pub fn year(year: i32) -> Option<Self> {
        Some(Period {
            start: NaiveDate::from_ymd_opt(year, 1, 1)?,
            end: NaiveDate::from_ymd_opt(year, 12, 31)?,
        })
    }

    /// The first day (inclusive).
    pub fn start(&self) -> NaiveDate {
        self.start
    }

    /// The last day (inclusive).
    pub fn end(&self) -> NaiveDate {
        self.end
    }

    /// Whether `date` lies in the period (bounds included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }

    /// The number of days of the period (at least 1).
    pub fn days(&self) -> i64 {
        (self.end - self.start).num_days() + 1
    }

    /// The day numbers (days from the common era) of both bounds.
    pub(crate) fn day_numbers(&self) -> (i32, i32) {
        (self.start.num_days_from_ce(), self.end.num_days_from_ce())
    }
}
