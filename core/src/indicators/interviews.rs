//! Indicators computed from interviews alone: activity counts, interviews per patient,
//! remote share. Each counts the interviews dated within the period (bounds included).

use std::collections::HashSet;

use schemars::JsonSchema;
use serde::Serialize;

use super::values::Ratio;
use crate::interview::{Interview, Modality};
use crate::report::Period;

/// The activity counts of a period (indicators `interviews_in_person`, `interviews_by_phone`,
/// `interviews_by_video`, `interviews_total`, `patients_seen`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ActivityCounts {
    /// Interviews in person.
    pub interviews_in_person: u64,
    /// Interviews by phone.
    pub interviews_by_phone: u64,
    /// Interviews by video.
    pub interviews_by_video: u64,
    /// All interviews.
    pub interviews_total: u64,
    /// Distinct patients seen.
    pub patients_seen: u64,
}

/// The activity counts of the interviews dated within `period`, all partners together.
///
/// ```
/// use patient_partner::indicators::activity_counts;
/// use patient_partner::report::Period;
/// use patient_partner::{Interview, Modality, PartnerId, PatientId};
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2023, 3, 1).unwrap();
/// let log = [Interview::new(d, PartnerId::new("PP-1")?, PatientId::new("PAT-1")?, Modality::Video)];
/// let counts = activity_counts(&log, &Period::year(2023).unwrap());
/// assert_eq!((counts.interviews_by_video, counts.patients_seen), (1, 1));
/// # Ok::<(), patient_partner::Error>(())
/// ```
pub fn activity_counts(interviews: &[Interview], period: &Period) -> ActivityCounts {
    counts_of(interviews.iter().filter(|i| period.contains(i.date)))
}

/// The counts of `interviews` (already the period's).
pub(crate) fn counts_of<'a>(interviews: impl Iterator<Item = &'a Interview>) -> ActivityCounts {
    let mut counts = ActivityCounts {
        interviews_in_person: 0,
        interviews_by_phone: 0,
        interviews_by_video: 0,
        interviews_total: 0,
        patients_seen: 0,
    };
    let mut patients = HashSet::new();
    for i in interviews {
        match i.modality {
            Modality::InPerson => counts.interviews_in_person += 1,
            Modality::Phone => counts.interviews_by_phone += 1,
            Modality::Video => counts.interviews_by_video += 1,
        }
        counts.interviews_total += 1;
        patients.insert(i.patient.as_str());
    }
    counts.patients_seen = patients.len() as u64;
    counts
}

/// Indicator `interviews_per_patient`: interviews within the period over distinct patients
/// seen within it (numerator: interviews, denominator: patients).
pub fn interviews_per_patient(interviews: &[Interview], period: &Period) -> Ratio {
    per_patient(&activity_counts(interviews, period))
}

/// Indicator `remote_share`: interviews by phone or video within the period over all
/// interviews within it.
pub fn remote_share(interviews: &[Interview], period: &Period) -> Ratio {
    remote(&activity_counts(interviews, period))
}

/// `interviews_per_patient` of counts.
pub(crate) fn per_patient(c: &ActivityCounts) -> Ratio {
    Ratio::new(c.interviews_total, c.patients_seen)
}

/// `remote_share` of counts.
pub(crate) fn remote(c: &ActivityCounts) -> Ratio {
    Ratio::new(
        c.interviews_by_phone + c.interviews_by_video,
        c.interviews_total,
    )
}
