//! The indicator catalogue: every indicator as data (id, names, definition, unit).
//!
//! The built-in catalogue is the JSON file `core/src/indicators/definitions.json`, compiled
//! into the crate; [`IndicatorCatalogue::from_json`] reads another one (to add indicators,
//! or reword definitions), with the same shape.
//!
//! ```
//! use patient_partner::indicators::{IndicatorCatalogue, IndicatorUnit};
//! let catalogue = IndicatorCatalogue::builtin();
//! let remote = catalogue.get("remote_share").unwrap();
//! assert_eq!(remote.unit, IndicatorUnit::Ratio);
//! assert_eq!(remote.name_fr, "Part des entretiens à distance");
//! ```

use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::report::{ReportError, ReportErrorKind};

crate::bilingual_enum! {
    /// What an indicator's value measures.
    pub enum IndicatorUnit {
        /// A number of items (interviews, patients, activities).
        Count => "count", "count", "nombre",
        /// Whole days.
        Days => "days", "days", "jours",
        /// A share between 0 and 1.
        Ratio => "ratio", "ratio", "proportion",
        /// Interviews per patient.
        InterviewsPerPatient => "interviews_per_patient", "interviews per patient", "entretiens par patient",
    }
}

/// One indicator: what it is called and exactly how it is computed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorDefinition {
    /// Stable snake_case id.
    pub id: String,
    /// English name.
    pub name_en: String,
    /// French name.
    pub name_fr: String,
    /// The written definition: population, period, formula, edge cases.
    pub definition: String,
    /// The same definition in French (absent in a catalogue that gives none).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub definition_fr: Option<String>,
    /// The unit of the value.
    pub unit: IndicatorUnit,
}

/// A list of indicator definitions with unique ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(transparent)]
pub struct IndicatorCatalogue {
    indicators: Vec<IndicatorDefinition>,
}

const BUILTIN: &str = include_str!("definitions.json");

impl IndicatorCatalogue {
    /// The built-in catalogue (the indicators this crate computes).
    pub fn builtin() -> &'static IndicatorCatalogue {
        static CATALOGUE: OnceLock<IndicatorCatalogue> = OnceLock::new();
        CATALOGUE.get_or_init(|| {
            // The built-in file is checked by the crate's tests; an empty catalogue is the
            // fallback rather than a panic.
            IndicatorCatalogue::from_json(BUILTIN).unwrap_or(IndicatorCatalogue {
                indicators: Vec::new(),
            })
        })
    }

    /// Reads a catalogue: a JSON array of definitions with unique, non-empty ids
    /// (`invalid_request` otherwise).
    pub fn from_json(text: &str) -> Result<Self, ReportError> {
        let indicators: Vec<IndicatorDefinition> = serde_json::from_str(text).map_err(|e| {
            ReportError::new(ReportErrorKind::InvalidRequest {
                message: crate::text::short_message(&e.to_string()),
            })
            .entity("IndicatorCatalogue")
        })?;
        let mut seen = std::collections::BTreeSet::new();
        for d in &indicators {
            if d.id.trim().is_empty() || !seen.insert(d.id.as_str()) {
                return Err(ReportError::new(ReportErrorKind::InvalidRequest {
                    message: format!("indicator ids must be unique and non-empty: {:?}", d.id),
                })
                .entity("IndicatorCatalogue")
                .field("id"));
            }
        }
        Ok(IndicatorCatalogue { indicators })
    }

    /// Every definition, in catalogue order.
    pub fn indicators(&self) -> &[IndicatorDefinition] {
        &self.indicators
    }

    /// The definition of `id`.
    pub fn get(&self, id: &str) -> Option<&IndicatorDefinition> {
        self.indicators.iter().find(|d| d.id == id)
    }

    /// The definition of `id`, or `unknown_indicator`.
    pub fn require(&self, id: &str) -> Result<&IndicatorDefinition, ReportError> {
        self.get(id).ok_or_else(|| {
            ReportError::new(ReportErrorKind::UnknownIndicator { id: id.to_owned() })
                .entity("IndicatorCatalogue")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_catalogue_parses_with_every_computed_indicator() {
        let catalogue = IndicatorCatalogue::from_json(BUILTIN).expect("built-in catalogue");
        assert_eq!(IndicatorCatalogue::builtin(), &catalogue);
        for id in [
            "interviews_in_person",
            "interviews_by_phone",
            "interviews_by_video",
            "interviews_total",
            "patients_seen",
            "new_patients",
            "referral_to_first_interview_median_days",
            "referral_to_first_interview_p90_days",
            "referral_source_share",
            "orientation_rate",
            "decline_rate",
            "interviews_per_patient",
            "remote_share",
            "extra_clinical_activities",
        ] {
            let d = catalogue.require(id).expect(id);
            assert!(!d.name_en.is_empty() && !d.name_fr.is_empty() && d.definition.len() > 40);
        }
        assert_eq!(catalogue.indicators().len(), 14);
    }

    #[test]
    fn catalogue_rejects_duplicate_ids() {
        let one =
            r#"{"id": "x", "name_en": "X", "name_fr": "X", "definition": "d", "unit": "count"}"#;
        let err = IndicatorCatalogue::from_json(&format!("[{one}, {one}]")).unwrap_err();
        assert_eq!(err.code(), "invalid_request");
        assert_eq!(
            IndicatorCatalogue::builtin()
                .require("nope")
                .unwrap_err()
                .code(),
            "unknown_indicator"
        );
    }
}
