//! Interview logs from JSON.
//!
//! Either an array of interviews or an object `{"interviews": [...]}`; each interview is the
//! serde JSON of [`Interview`] (`date` ISO, `partner`, `patient`, `modality` wire name,
//! optional `id`, `referral`, `duration_minutes`, `establishment`; unknown keys rejected).
//! Errors are `invalid_json` with the line and column the JSON reader points at, and
//! `invalid_number` (field `duration_minutes`, entity `Interview #n`) for a duration outside
//! 1 to 1440 minutes.
//!
//! ```
//! use patient_partner::import::read_interviews_json;
//! let log = read_interviews_json(r#"{"interviews": [
//!     {"date": "2023-01-09", "partner": "PP-A", "patient": "PAT-0001", "modality": "video"}]}"#)?;
//! assert_eq!(log.len(), 1);
//! assert_eq!(read_interviews_json("[{}]").unwrap_err().code(), "invalid_json");
//! # Ok::<(), patient_partner::Error>(())
//! ```

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::error::{ImportError, ImportErrorKind};
use crate::interview::{Interview, InterviewErrorKind};

/// An interview log as a JSON document: `{"interviews": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InterviewLog {
    /// The interviews, in any order.
    pub interviews: Vec<Interview>,
}

/// Parses `text` as a `T`, mapping errors to `invalid_json` with line and column.
pub(crate) fn parse_json<T: DeserializeOwned>(
    text: &str,
    entity: &'static str,
) -> Result<T, ImportError> {
    serde_json::from_str(text).map_err(|e| {
        ImportError::new(ImportErrorKind::InvalidJson {
            message: crate::text::short_message(&e.to_string()),
        })
        .entity(entity)
        .at_json(&e)
    })
}

/// Reads a JSON interview log: an array of interviews or `{"interviews": [...]}`.
pub fn read_interviews_json(text: &str) -> Result<Vec<Interview>, ImportError> {
    // Parse to a Value first so that errors inside the list keep their line and column
    // (untagged enums lose them).
    let value: serde_json::Value = parse_json(text, "Interview")?;
    let interviews = if value.is_array() {
        parse_json::<Vec<Interview>>(text, "Interview")?
    } else {
        parse_json::<InterviewLog>(text, "Interview")?.interviews
    };
    check_durations(&interviews)?;
    Ok(interviews)
}

/// Checks every interview ([`Interview::validate`]); a duration outside 1 to 1440 minutes
/// is `invalid_number`, field `duration_minutes`, entity: the interview's 1-based position
/// in the list.
fn check_durations(interviews: &[Interview]) -> Result<(), ImportError> {
    for (n, interview) in interviews.iter().enumerate() {
        interview.validate().map_err(|e| {
            let entity = format!("Interview #{}", n + 1);
            match e.kind() {
                InterviewErrorKind::ZeroDuration | InterviewErrorKind::DurationTooLong { .. } => {
                    let found = interview.duration_minutes.unwrap_or_default().to_string();
                    ImportError::new(ImportErrorKind::InvalidNumber { found })
                        .entity(entity)
                        .field("duration_minutes")
                }
                // Not produced by `validate` (serde already read the record).
                InterviewErrorKind::MalformedDocument { message } => {
                    ImportError::new(ImportErrorKind::InvalidJson {
                        message: message.clone(),
                    })
                    .entity(entity)
                }
            }
        })?;
    }
    Ok(())
}
