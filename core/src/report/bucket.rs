//! Buckets: the month, quarter or year rows of a report.
//!
//! A period is cut into consecutive calendar buckets. Each bucket has a key: `2023-01` for a
//! month, `2023-Q1` for a quarter, `2023` for a year. When the period starts or ends in the
//! middle of a bucket, that bucket is **partial**: it only counts the days inside the period
//! and is flagged `partial` in the report (its bounds are clipped to the period).
//!
//! ```
//! use patient_partner::report::{Bucket, Period};
//! use chrono::NaiveDate;
//! let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
//! let period = Period::new(d(2023, 1, 15), d(2023, 6, 30)).unwrap();
//! let quarters = Bucket::Quarter.spans(&period).unwrap();
//! assert_eq!(quarters.len(), 2);
//! assert_eq!(quarters[0].key, "2023-Q1");
//! assert!(quarters[0].partial);
//! assert_eq!(quarters[0].start, d(2023, 1, 15));
//! assert_eq!(quarters[1].key, "2023-Q2");
//! assert!(!quarters[1].partial);
//! ```

use chrono::{Datelike, NaiveDate};

use super::error::{ReportError, ReportErrorKind};
use super::period::Period;

/// The most buckets a report may hold per group (100 years of months).
pub const MAX_BUCKETS: u64 = 1200;

crate::bilingual_enum! {
    /// The size of the rows of a report.
    #[derive(Default)]
    pub enum Bucket {
        /// Calendar months, keyed `YYYY-MM`.
        #[default]
        Month => "month", "month", "mois",
        /// Calendar quarters (Jan–Mar, Apr–Jun, Jul–Sep, Oct–Dec), keyed `YYYY-Qn`.
        Quarter => "quarter", "quarter", "trimestre",
        /// Calendar years, keyed `YYYY`.
        Year => "year", "year", "année",
    }
}

/// One bucket of a period, clipped to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BucketSpan {
    /// The key: `2023-01`, `2023-Q1` or `2023`.
    pub key: String,
    /// The first day of the bucket inside the period.
    pub start: NaiveDate,
    /// The last day of the bucket inside the period.
    pub end: NaiveDate,
    /// Whether the period cuts the bucket (it starts after the bucket's first day or ends
    /// before its last day).
    pub partial: bool,
}

impl Bucket {
    /// The ordinal of the bucket holding `date`: consecutive buckets have consecutive ordinals.
    #[inline]
    pub(crate) fn ordinal(self, date: NaiveDate) -> i64 {
        let year = i64::from(date.year());
        match self {
            Bucket::Month => year * 12 + i64::from(date.month0()),
            Bucket::Quarter => year * 4 + i64::from(date.month0() / 3),
            Bucket::Year => year,
        }
    }

    /// The first and last day of the bucket of ordinal `ord`, if chrono can represent them.
    fn bounds(self, ord: i64) -> Option<(NaiveDate, NaiveDate)> {
        let (year, first_month, months) = match self {
            Bucket::Month => (ord.div_euclid(12), ord.rem_euclid(12) + 1, 1),
            Bucket::Quarter => (ord.div_euclid(4), ord.rem_euclid(4) * 3 + 1, 3),
            Bucket::Year => (ord, 1, 12),
        };
        let year = i32::try_from(year).ok()?;
        let first_month = u32::try_from(first_month).ok()?;
        let start = NaiveDate::from_ymd_opt(year, first_month, 1)?;
        let last_month = first_month + months - 1;
        let next = if last_month == 12 {
            NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
        } else {
            NaiveDate::from_ymd_opt(year, last_month + 1, 1)?
        };
        Some((start, next.pred_opt()?))
    }

    /// The key of the bucket of ordinal `ord`.
    fn key(self, ord: i64) -> String {
        match self {
            Bucket::Month => format!("{:04}-{:02}", ord.div_euclid(12), ord.rem_euclid(12) + 1),
            Bucket::Quarter => format!("{:04}-Q{}", ord.div_euclid(4), ord.rem_euclid(4) + 1),
            Bucket::Year => format!("{ord:04}"),
        }
    }

    /// The key of the bucket holding `date` (`2023-01`, `2023-Q1`, `2023`).
    ///
    /// ```
    /// use patient_partner::report::Bucket;
    /// use chrono::NaiveDate;
    /// let leap = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
    /// assert_eq!(Bucket::Month.key_of(leap), "2024-02");
    /// assert_eq!(Bucket::Quarter.key_of(leap), "2024-Q1");
    /// assert_eq!(Bucket::Year.key_of(leap), "2024");
    /// ```
    pub fn key_of(self, date: NaiveDate) -> String {
        self.key(self.ordinal(date))
    }

    /// How many buckets `period` spans.
    pub fn count(self, period: &Period) -> u64 {
        let n = self.ordinal(period.end()) - self.ordinal(period.start()) + 1;
        u64::try_from(n).unwrap_or(0)
    }

    /// Every bucket of `period`, in order, clipped to the period; `too_many_buckets` beyond
    /// [`MAX_BUCKETS`].
    pub fn spans(self, period: &Period) -> Result<Vec<BucketSpan>, ReportError> {
        let count = self.count(period);
        if count > MAX_BUCKETS {
            return Err(ReportError::new(ReportErrorKind::TooManyBuckets {
                buckets: count,
                max: MAX_BUCKETS,
            })
            .entity("Period"));
        }
        let first = self.ordinal(period.start());
        let last = self.ordinal(period.end());
        let mut spans = Vec::with_capacity(usize::try_from(count).unwrap_or(0));
        for ord in first..=last {
            // Buckets at the edge of chrono's range are clipped to the period anyway.
            let (b_start, b_end) = self.bounds(ord).unwrap_or((period.start(), period.end()));
            let start = b_start.max(period.start());
            let end = b_end.min(period.end());
            spans.push(BucketSpan {
                key: self.key(ord),
                start,
                end,
                partial: start != b_start || end != b_end,
            });
        }
        Ok(spans)
    }
}
