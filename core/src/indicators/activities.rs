//! Indicator `extra_clinical_activities`: extra-clinical activities by area of mission.

use schemars::JsonSchema;
use serde::Serialize;

use crate::activity::Activity;
use crate::mission::ExtraClinicalArea;
use crate::report::Period;

/// The activities of one area.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct AreaCount {
    /// The area of mission.
    pub area: ExtraClinicalArea,
    /// Activities dated within the period.
    pub activities: u64,
    /// Their total duration in minutes.
    pub minutes: u64,
}

/// Extra-clinical activities of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ExtraClinicalActivities {
    /// All extra-clinical activities within the period.
    pub activities: u64,
    /// Their total duration in minutes.
    pub minutes: u64,
    /// One entry per area, every area listed (zeros included), in vocabulary order.
    pub by_area: Vec<AreaCount>,
}

/// Counts the extra-clinical activities dated within `period`, by area of mission.
pub fn extra_clinical_activities(
    activities: &[Activity],
    period: &Period,
) -> ExtraClinicalActivities {
    let mut by_area: Vec<AreaCount> = ExtraClinicalArea::ALL
        .iter()
        .map(|&area| AreaCount {
            area,
            activities: 0,
            minutes: 0,
        })
        .collect();
    for a in activities.iter().filter(|a| period.contains(a.date)) {
        if let Some(area) = a.mission.extra_clinical_area() {
            if let Some(entry) = by_area.iter_mut().find(|e| e.area == area) {
                entry.activities += 1;
                entry.minutes += u64::from(a.duration_minutes);
            }
        }
    }
    ExtraClinicalActivities {
        activities: by_area.iter().map(|e| e.activities).sum(),
        minutes: by_area.iter().map(|e| e.minutes).sum(),
        by_area,
    }
}
