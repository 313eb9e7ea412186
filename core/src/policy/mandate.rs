//! User representatives on the users' commission (CDU): their mandates and its rules.
//!
//! A [`Mandate`] records who holds it (a pseudonymous [`PartnerId`]), in which
//! establishment, who appointed them ([`Appointer`]), their [`AssociationMembership`], the
//! mandate's first and last day (both included), whether they are a patient of the
//! establishment ([`PatientStatus`]) and the trainings they completed.
//!
//! [`Mandate::validate`] refuses impossible input (entity: the mandate id):
//! `end_before_start` (field `end`), then `empty_training_id` (field
//! `trainings[i].training`).
//!
//! [`Policy::evaluate_mandate`] applies the `mandate.*` rules of the
//! [rule table](super::rules) on an evaluation date `as_of` (the training rules depend on
//! it). The basic training's **deadline** is `basic_training_within_months` after the start
//! (day clamped to the month's end, see [`super::dates`]), included; a training completed
//! before the mandate (in an earlier mandate) counts. Facts:
//! - `mandate.appointing_authority`: `appointed_by`, `required`;
//! - `mandate.approved_association`: `association`;
//! - `mandate.term_too_long`: `start`, `end`, `max_end`, `term_years`;
//! - `mandate.patient_of_establishment`: `patient_of_establishment`;
//! - `mandate.basic_training_pending` and `mandate.basic_training_overdue`: `start`,
//!   `deadline`, `as_of`;
//! - `mandate.basic_training_late`: `deadline`, `training`, `completed_on`.
//!
//! ```
//! use patient_partner::policy::{Mandate, Policy};
//! use chrono::NaiveDate;
//! let mandate = Mandate::from_json(r#"{"id": "MAN-01", "establishment": "EST-01",
//!   "representative": "RU-001", "appointed_by": "regional_health_agency",
//!   "association": "approved_association", "start": "2024-01-15", "end": "2027-01-14",
//!   "patient_of_establishment": "not_a_patient"}"#)?;
//! let as_of = NaiveDate::from_ymd_opt(2024, 9, 1).unwrap();
//! let evaluation = Policy::builtin().evaluate_mandate(&mandate, as_of)?;
//! assert_eq!(evaluation.rule_ids(), ["mandate.basic_training_overdue"]);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::dates::{max_end_of_term, months_after};
use super::document::{Appointer, AssociationRule, Policy};
use super::error::{PolicyError, PolicyErrorKind as K};
use super::finding::{Evaluation, Finding, Severity};
use super::post::{check_trainings, TrainingRecord};
use super::rules;
use crate::engagement::EstablishmentPatient;
use crate::ids::{EstablishmentId, MandateId, PartnerId};
use crate::vocabulary::Vocabulary;

crate::bilingual_enum! {
    /// Whether a user representative belongs to an association, and whether it is approved.
    pub enum AssociationMembership {
        /// A member of an approved association (*association agréée*).
        ApprovedAssociation => "approved_association", "member of an approved association", "membre d'une association agréée",
        /// A member of an association that is not approved.
        NonApprovedAssociation => "non_approved_association", "member of a non-approved association", "membre d'une association non agréée",
        /// Not a member of any association.
        NoAssociation => "no_association", "not a member of an association", "sans association",
    }
}

crate::bilingual_enum! {
    /// Whether a person is a patient of the establishment concerned.
    pub enum PatientStatus {
        /// Not a patient of the establishment.
        NotAPatient => "not_a_patient", "not a patient of the establishment", "pas patient de l'établissement",
        /// A patient of the establishment.
        Patient => "patient", "patient of the establishment", "patient de l'établissement",
    }
}

/// A user representative's mandate on an establishment's CDU.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mandate {
    /// The mandate's identifier.
    pub id: MandateId,
    /// The establishment whose CDU the representative sits on.
    pub establishment: EstablishmentId,
    /// The representative, by pseudonym.
    pub representative: PartnerId,
    /// Who appointed them.
    pub appointed_by: Appointer,
    /// Their association.
    pub association: AssociationMembership,
    /// The first day of the mandate.
    pub start: NaiveDate,
    /// The last day of the mandate (included).
    pub end: NaiveDate,
    /// Whether they are a patient of the establishment.
    pub patient_of_establishment: PatientStatus,
    /// Trainings they completed.
    #[serde(default)]
    pub trainings: Vec<TrainingRecord>,
}

impl Mandate {
    /// Checks the input rules of the [module](self).
    pub fn validate(&self) -> Result<(), PolicyError> {
        let id = self.id.as_str();
        if self.end < self.start {
            return Err(PolicyError::new(K::EndBeforeStart).entity(id).field("end"));
        }
        check_trainings(&self.trainings, id)
    }

    /// Parses a mandate from JSON (`malformed_document` on a wrong shape) and validates it.
    pub fn from_json(text: &str) -> Result<Self, PolicyError> {
        let mandate: Mandate = serde_json::from_str(text).map_err(|e| {
            PolicyError::json(
                K::MalformedDocument {
                    message: crate::text::short_message(&e.to_string()),
                },
                &e,
            )
        })?;
        mandate.validate()?;
        Ok(mandate)
    }

    /// Whether the mandate runs on `date`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.start <= date && date <= self.end
    }
}

impl Policy {
    /// The deadline of `mandate`'s basic training.
    pub fn basic_training_deadline(&self, mandate: &Mandate) -> Result<NaiveDate, PolicyError> {
        months_after(
            mandate.start,
            self.mandate_rules().basic_training_within_months,
        )
        .ok_or_else(|| {
            PolicyError::new(K::DateOutOfRange)
                .entity(mandate.id.as_str())
                .field("start")
        })
    }

    /// The earliest accepted basic training of `mandate`, if any.
    pub fn earliest_basic_training<'m>(&self, mandate: &'m Mandate) -> Option<&'m TrainingRecord> {
        let accepted = &self.mandate_rules().accepted_basic_trainings;
        mandate
            .trainings
            .iter()
            .filter(|r| accepted.contains(&r.training))
            .min_by_key(|r| r.completed_on)
    }

    /// Evaluates `mandate` on `as_of`: every finding, in rule-table order (see the
    /// [module](self) docs).
    pub fn evaluate_mandate(
        &self,
        mandate: &Mandate,
        as_of: NaiveDate,
    ) -> Result<Evaluation, PolicyError> {
        mandate.validate()?;
        let m = self.mandate_rules();
        let id = mandate.id.as_str();
        let mut findings = Vec::new();

        if mandate.appointed_by != m.appointed_by {
            findings.push(Finding::new(
                rules::MANDATE_APPOINTING_AUTHORITY,
                Severity::Violation,
                format!(
                    "The representative was appointed by the {}, not by the {}.",
                    mandate.appointed_by.label_en(),
                    m.appointed_by.label_en()
                ),
                format!(
                    "Le représentant a été désigné par : {}, et non par : {}.",
                    mandate.appointed_by.label_fr(),
                    m.appointed_by.label_fr()
                ),
                &[
                    ("appointed_by", mandate.appointed_by.wire_name().to_owned()),
                    ("required", m.appointed_by.wire_name().to_owned()),
                ],
            ));
        }

        if m.association == AssociationRule::ApprovedRequired
            && mandate.association != AssociationMembership::ApprovedAssociation
        {
            findings.push(Finding::new(
                rules::MANDATE_APPROVED_ASSOCIATION,
                Severity::Violation,
                format!(
                    "User representatives must be members of an approved association (here: {}).",
                    mandate.association.label_en()
                ),
                format!(
                    "Les représentants des usagers doivent être membres d'une association agréée (ici : {}).",
                    mandate.association.label_fr()
                ),
                &[("association", mandate.association.wire_name().to_owned())],
            ));
        }

        let max_end = max_end_of_term(mandate.start, m.term_years).ok_or_else(|| {
            PolicyError::new(K::DateOutOfRange)
                .entity(id)
                .field("start")
        })?;
        if mandate.end > max_end {
            findings.push(Finding::new(
                rules::MANDATE_TERM_TOO_LONG,
                Severity::Violation,
                format!(
                    "The mandate runs from {} to {}, beyond {} years (last day allowed: {max_end}).",
                    mandate.start, mandate.end, m.term_years
                ),
                format!(
                    "Le mandat court du {} au {}, au-delà de {} ans (dernier jour permis : {max_end}).",
                    mandate.start, mandate.end, m.term_years
                ),
                &[
                    ("start", mandate.start.to_string()),
                    ("end", mandate.end.to_string()),
                    ("max_end", max_end.to_string()),
                    ("term_years", m.term_years.to_string()),
                ],
            ));
        }

        if m.establishment_patient == EstablishmentPatient::Excluded
            && mandate.patient_of_establishment == PatientStatus::Patient
        {
            findings.push(Finding::new(
                rules::MANDATE_PATIENT_OF_ESTABLISHMENT,
                Severity::Violation,
                "User representatives must not be patients of the establishment.".to_owned(),
                "Les représentants des usagers ne doivent pas être patients de l'établissement."
                    .to_owned(),
                &[(
                    "patient_of_establishment",
                    mandate.patient_of_establishment.wire_name().to_owned(),
                )],
            ));
        }

        let deadline = self.basic_training_deadline(mandate)?;
        match self.earliest_basic_training(mandate) {
            None if as_of <= deadline => findings.push(Finding::new(
                rules::MANDATE_BASIC_TRAINING_PENDING,
                Severity::Warning,
                format!("The basic training is not recorded yet; it is due by {deadline}."),
                format!("La formation de base n'est pas encore enregistrée ; elle est due au plus tard le {deadline}."),
                &[
                    ("start", mandate.start.to_string()),
                    ("deadline", deadline.to_string()),
                    ("as_of", as_of.to_string()),
                ],
            )),
            None => findings.push(Finding::new(
                rules::MANDATE_BASIC_TRAINING_OVERDUE,
                Severity::Violation,
                format!("The basic training was due by {deadline} and is not recorded."),
                format!("La formation de base était due au plus tard le {deadline} et n'est pas enregistrée."),
                &[
                    ("start", mandate.start.to_string()),
                    ("deadline", deadline.to_string()),
                    ("as_of", as_of.to_string()),
                ],
            )),
            Some(record) if record.completed_on > deadline => findings.push(Finding::new(
                rules::MANDATE_BASIC_TRAINING_LATE,
                Severity::Warning,
                format!(
                    "The basic training {} was completed on {}, after its deadline ({deadline}).",
                    record.training, record.completed_on
                ),
                format!(
                    "La formation de base {} a été achevée le {}, après son échéance ({deadline}).",
                    record.training, record.completed_on
                ),
                &[
                    ("deadline", deadline.to_string()),
                    ("training", record.training.clone()),
                    ("completed_on", record.completed_on.to_string()),
                ],
            )),
            Some(_) => {}
        }

        Ok(Evaluation::new(id, findings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::Compliance;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn mandate() -> Mandate {
        Mandate {
            id: MandateId::new("MAN-1").unwrap(),
            establishment: EstablishmentId::new("EST-1").unwrap(),
            representative: PartnerId::new("RU-001").unwrap(),
            appointed_by: Appointer::RegionalHealthAgency,
            association: AssociationMembership::ApprovedAssociation,
            start: d(2024, 8, 31),
            end: d(2027, 8, 30),
            patient_of_establishment: PatientStatus::NotAPatient,
            trainings: vec![TrainingRecord {
                training: "user_representative_basic_training".into(),
                completed_on: d(2025, 2, 28),
            }],
        }
    }

    #[test]
    fn compliant_mandate_and_deadline_clamp() {
        let p = Policy::builtin();
        let m = mandate();
        assert_eq!(p.basic_training_deadline(&m).unwrap(), d(2025, 2, 28));
        let e = p.evaluate_mandate(&m, d(2026, 1, 1)).unwrap();
        assert_eq!(e.compliance, Compliance::Compliant);
    }

    #[test]
    fn every_rule_fires() {
        let p = Policy::builtin();
        let mut m = mandate();
        m.appointed_by = Appointer::Establishment;
        m.association = AssociationMembership::NoAssociation;
        m.end = d(2027, 8, 31);
        m.patient_of_establishment = PatientStatus::Patient;
        m.trainings[0].completed_on = d(2025, 3, 1);
        let e = p.evaluate_mandate(&m, d(2026, 1, 1)).unwrap();
        assert_eq!(
            e.rule_ids(),
            [
                "mandate.appointing_authority",
                "mandate.approved_association",
                "mandate.term_too_long",
                "mandate.patient_of_establishment",
                "mandate.basic_training_late"
            ]
        );
        m.trainings.clear();
        let pending = p.evaluate_mandate(&m, d(2025, 2, 28)).unwrap();
        assert!(pending
            .rule_ids()
            .contains(&"mandate.basic_training_pending"));
        let overdue = p.evaluate_mandate(&m, d(2025, 3, 1)).unwrap();
        assert!(overdue
            .rule_ids()
            .contains(&"mandate.basic_training_overdue"));
    }

    #[test]
    fn end_before_start_is_an_error() {
        let mut m = mandate();
        m.end = d(2024, 8, 30);
        let e = Policy::builtin().evaluate_mandate(&m, m.start).unwrap_err();
        assert_eq!(e.code(), "end_before_start");
        assert_eq!(e.context().entity.as_deref(), Some("MAN-1"));
    }
}
