//! Activities from CSV and JSON.
//!
//! JSON: an array of [`Activity`] records or `{"activities": [...]}` (the serde JSON of the
//! type).
//!
//! CSV or workbook (the common rules of [`super::table`]: format, encoding, [aliases](super::aliases) such as the French headers, unused columns and blank rows), one activity per row. Required columns:
//! `id`, `date`, `partner`, `mission` ([`Mission`] wire name or label), `modality`
//! (`in_person`, `video`, `phone`, `hybrid` or French labels), `duration_minutes`.
//! Optional: `participants` (whole number), `co_animator` (professional id) with
//! `co_animator_profession` (both or neither), `participation`
//! ([`Participation`](crate::engagement::Participation)), `establishment` (id).
//!
//! Every activity is then checked with [`Activity::validate`] (its error keeps its own
//! code, with the activity id as entity). All or nothing.
//!
//! ```
//! use patient_partner::import::read_activities_csv;
//! let csv = "id,date,partner,mission,modality,duration_minutes,participants\n\
//!            ACT-1,2023-05-04,PP-1,groupe de parole,présentiel,90,8\n";
//! let activities = read_activities_csv(csv.as_bytes())?;
//! assert_eq!(activities[0].participants, Some(8));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::io::Read;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aliases::Entity;
use super::error::{ImportError, ImportErrorKind};
use super::json::parse_json;
use super::options::{ImportOptions, UnknownColumns};
use super::summary::Imported;
use super::table::{read_records, ColumnSpec, TableSource};
use crate::activity::{Activity, ActivityModality, CoAnimator};
use crate::ids::{ActivityId, EstablishmentId, PartnerId, ProfessionalId};
use crate::mission::Mission;
use crate::referral::Profession;

const ID: usize = 0;
const DATE: usize = 1;
const PARTNER: usize = 2;
const MISSION: usize = 3;
const MODALITY: usize = 4;
const DURATION: usize = 5;
const PARTICIPANTS: usize = 6;
const CO_ANIMATOR: usize = 7;
const CO_ANIMATOR_PROFESSION: usize = 8;
const PARTICIPATION: usize = 9;
const ESTABLISHMENT: usize = 10;

pub(crate) const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "id",
        required: true,
    },
    ColumnSpec {
        name: "date",
        required: true,
    },
    ColumnSpec {
        name: "partner",
        required: true,
    },
    ColumnSpec {
        name: "mission",
        required: true,
    },
    ColumnSpec {
        name: "modality",
        required: true,
    },
    ColumnSpec {
        name: "duration_minutes",
        required: true,
    },
    ColumnSpec {
        name: "participants",
        required: false,
    },
    ColumnSpec {
        name: "co_animator",
        required: false,
    },
    ColumnSpec {
        name: "co_animator_profession",
        required: false,
    },
    ColumnSpec {
        name: "participation",
        required: false,
    },
    ColumnSpec {
        name: "establishment",
        required: false,
    },
];

/// A list of activities as a JSON document: `{"activities": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActivityList {
    /// The activities.
    pub activities: Vec<Activity>,
}

fn row<R: Read>(s: &TableSource<R>) -> Result<Activity, ImportError> {
    let duration = s.opt_minutes(DURATION, 0..=u32::MAX)?.ok_or_else(|| {
        s.error(
            DURATION,
            ImportErrorKind::MissingValue {
                expected: "a duration in minutes".to_owned(),
            },
        )
    })?;
    let co_animator = match (
        s.opt_id(CO_ANIMATOR, |v| ProfessionalId::new(v))?,
        s.opt_vocab::<Profession>(CO_ANIMATOR_PROFESSION)?,
    ) {
        (Some(professional), Some(profession)) => Some(CoAnimator {
            professional,
            profession,
        }),
        (None, None) => None,
        (Some(_), None) => {
            return Err(s.error(
                CO_ANIMATOR_PROFESSION,
                ImportErrorKind::MissingValue {
                    expected: "the co-animator's profession".to_owned(),
                },
            ))
        }
        (None, Some(_)) => {
            return Err(s.error(
                CO_ANIMATOR,
                ImportErrorKind::MissingValue {
                    expected: "the co-animator's id".to_owned(),
                },
            ))
        }
    };
    Ok(Activity {
        id: s.id(ID, |v| ActivityId::new(v))?,
        date: s.date(DATE)?,
        partner: s.id(PARTNER, |v| PartnerId::new(v))?,
        mission: s.vocab::<Mission>(MISSION)?,
        modality: s.vocab::<ActivityModality>(MODALITY)?,
        duration_minutes: duration,
        participants: s.opt_number(PARTICIPANTS, 0..=u32::MAX)?,
        co_animator,
        participation: s.opt_vocab(PARTICIPATION)?,
        establishment: s.opt_id(ESTABLISHMENT, |v| EstablishmentId::new(v))?,
    })
}

/// Reads a list of activities (CSV, workbook or JSON, recognised by content) with `options`:
/// every row, validated, with the summary of what was left aside; or the first error
/// (nothing partial).
pub fn read_activities<R: Read>(
    input: R,
    options: &ImportOptions,
) -> Result<Imported<Vec<Activity>>, ImportError> {
    read_records(
        input,
        COLUMNS,
        Entity::Activity,
        options,
        read_activities_json,
        row,
        check,
    )
}

/// Reads a list of activities (CSV, workbook or JSON): every row, validated, or the first
/// error. It returns no summary, so it **refuses** columns it does not use
/// (`unknown_column`) rather than drop them unseen; use [`read_activities`] to have them
/// ignored and named.
pub fn read_activities_csv<R: Read>(input: R) -> Result<Vec<Activity>, ImportError> {
    let options = ImportOptions::new().unknown_columns(UnknownColumns::Refuse);
    read_activities(input, &options).map(|i| i.records)
}

/// Reads a JSON list of activities (an array or `{"activities": [...]}`), each validated.
pub fn read_activities_json(text: &str) -> Result<Vec<Activity>, ImportError> {
    let value: serde_json::Value = parse_json(text, "Activity")?;
    let activities = if value.is_array() {
        parse_json::<Vec<Activity>>(text, "Activity")?
    } else {
        parse_json::<ActivityList>(text, "Activity")?.activities
    };
    for a in &activities {
        check(a)?;
    }
    Ok(activities)
}

/// The activity rules ([`Activity::validate`]), their error wrapped with its place.
fn check(activity: &Activity) -> Result<(), ImportError> {
    activity
        .validate()
        .map_err(|e| e.map_kind(ImportErrorKind::Activity))
}
