//! The rule that says when a patient counts as a *new patient*.
//!
//! - [`NewPatientRule::FirstInPeriod`] (the default, and the reading of the reference tables
//!   of BRIEF §5): within each group, a patient is new in the bucket holding their **first
//!   interview within the period**. Interviews before the period are ignored, so the sum of
//!   the new patients of a group's buckets equals the group's distinct patients of the period.
//! - [`NewPatientRule::FirstEver`]: a patient is new only in the bucket of their **first
//!   interview ever** with the group. A patient first seen before the period is counted among
//!   the period's patients but never as new. This variant needs the history: every interview
//!   before the period must be given to the report too (they are used for this rule only and
//!   are never counted). The report cannot tell whether that history is complete: a history
//!   that starts later than the programme makes some returning patients look new.

crate::bilingual_enum! {
    /// When a patient counts as new.
    #[derive(Default)]
    pub enum NewPatientRule {
        /// New in the bucket of the first interview within the period (the reference tables).
        #[default]
        FirstInPeriod => "first_in_period", "first interview in the period", "premier entretien de la période",
        /// New only at the first interview ever (needs the history before the period).
        FirstEver => "first_ever", "first interview ever", "premier entretien",
    }
}
