//! What a report is asked for: period, grouping, buckets, new-patient rule, coverage and
//! disclosure control.
//!
//! As JSON (every key but `period` may be left out):
//!
//! ```
//! use patient_partner::report::{Bucket, GroupBy, ReportRequest};
//! let request: ReportRequest = serde_json::from_str(r#"{
//!     "period": {"start": "2023-01-01", "end": "2023-12-31"},
//!     "group_by": "partner",
//!     "bucket": "month",
//!     "new_patient_rule": "first_in_period",
//!     "coverage": [{"group": "PP-A", "start": "2023-12-01", "end": "2023-12-31"}],
//!     "suppress_below": null
//! }"#).unwrap();
//! assert_eq!(request.group_by, GroupBy::Partner);
//! assert_eq!(request.bucket, Bucket::Month);
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::bucket::Bucket;
use super::coverage::ReportingGap;
use super::error::{ReportError, ReportErrorKind};
use super::grouping::GroupBy;
use super::new_patients::NewPatientRule;
use super::period::Period;

/// A request for an activity report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportRequest {
    /// The days reported (inclusive bounds).
    pub period: Period,
    /// One table per partner (default), per establishment, or one for all.
    #[serde(default)]
    pub group_by: GroupBy,
    /// Rows by month (default), quarter or year.
    #[serde(default)]
    pub bucket: Bucket,
    /// When a patient counts as new (default: first interview within the period).
    #[serde(default)]
    pub new_patient_rule: NewPatientRule,
    /// Ranges declared as not reported (see [`super::coverage`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub coverage: Vec<ReportingGap>,
    /// Disclosure control: mask every count below this threshold, with secondary
    /// suppression (see [`super::disclosure`]). `None`: nothing is masked.
    #[serde(default)]
    pub suppress_below: Option<u64>,
}

impl ReportRequest {
    /// A request over `period` with every default: by partner, by month, new patients at
    /// their first interview in the period, no coverage gaps, no suppression.
    pub fn new(period: Period) -> Self {
        ReportRequest {
            period,
            group_by: GroupBy::default(),
            bucket: Bucket::default(),
            new_patient_rule: NewPatientRule::default(),
            coverage: Vec::new(),
            suppress_below: None,
        }
    }

    /// Reads a request from its JSON value, with typed errors: `invalid_period` when the
    /// period ends before it starts, `invalid_gap` for a reversed coverage gap,
    /// `invalid_request` for any other problem (unknown key, bad value), and the checks of
    /// [`validate`](Self::validate).
    ///
    /// ```
    /// use patient_partner::report::ReportRequest;
    /// let bad = serde_json::json!({"period": {"start": "2023-02-01", "end": "2023-01-31"}});
    /// assert_eq!(ReportRequest::from_json_value(&bad).unwrap_err().code(), "invalid_period");
    /// let unknown = serde_json::json!({"period": {"start": "2023-01-01", "end": "2023-01-31"}, "by": "all"});
    /// assert_eq!(ReportRequest::from_json_value(&unknown).unwrap_err().code(), "invalid_request");
    /// ```
    pub fn from_json_value(value: &serde_json::Value) -> Result<Self, ReportError> {
        match ReportRequest::deserialize(value) {
            Ok(request) => {
                request.validate()?;
                Ok(request)
            }
            Err(e) => {
                // Give the typed error when the period is well-formed but reversed.
                if let Some(raw) = value.get("period") {
                    if let (Some(start), Some(end)) = (
                        raw.get("start")
                            .and_then(|v| NaiveDate::deserialize(v).ok()),
                        raw.get("end").and_then(|v| NaiveDate::deserialize(v).ok()),
                    ) {
                        Period::new(start, end)?;
                    }
                }
                Err(ReportError::new(ReportErrorKind::InvalidRequest {
                    message: crate::text::short_message(&e.to_string()),
                })
                .entity("ReportRequest"))
            }
        }
    }

    /// [`from_json_value`](Self::from_json_value) from JSON text.
    pub fn from_json_str(text: &str) -> Result<Self, ReportError> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
            ReportError::new(ReportErrorKind::InvalidRequest {
                message: crate::text::short_message(&e.to_string()),
            })
            .entity("ReportRequest")
        })?;
        Self::from_json_value(&value)
    }

    /// Checks the request: the number of buckets and every coverage gap.
    pub fn validate(&self) -> Result<(), ReportError> {
        self.bucket.spans(&self.period)?;
        for gap in &self.coverage {
            gap.validate()?;
        }
        Ok(())
    }
}
