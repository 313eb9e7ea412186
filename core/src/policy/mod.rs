//! Programme rules as configurable policy: salaried posts of patient partners and parent
//! partners, their co-financing and contracts, user representatives' mandates on the CDU,
//! programme indicators and a label checklist.
//!
//! A [`Policy`] is **data** ([`PolicyDocument`], with a JSON Schema): establishments, the
//! regional agency or another region load their own with [`Policy::from_json`]. The built-in
//! [`Policy::builtin`] is the ARS Nouvelle-Aquitaine programme (BRIEF §6).
//!
//! Invalid input (an end before a start, a negative pay, a working time outside (0, 1]…) is
//! a typed [`PolicyError`]; what a valid post or mandate breaks is a [`Finding`], and an
//! evaluation returns them **all**. Every rule id is in [`rules`]:
//!
//! | rule id | default severity | finding when |
//! |---|---|---|
//! | `post.max_fte` | violation | working time above the role's limit (0.5 FTE by default) |
//! | `post.term_too_long` | violation | a term runs past the day before the anniversary of its start (3 years by default) |
//! | `post.renewal_limit` | violation | a renewal beyond those allowed (a second renewal by default) |
//! | `post.renewal_outside_window` | warning | a renewal decided outside its window (6 months before the term's end, to that end) |
//! | `post.training_missing` | violation¹ | no accepted training recorded |
//! | `post.training_after_start` | violation¹ | accepted training completed after taking office (the same day is compliant) |
//! | `mandate.appointing_authority` | violation | not appointed by the agency |
//! | `mandate.approved_association` | violation | not a member of an approved association |
//! | `mandate.term_too_long` | violation | mandate longer than 3 years |
//! | `mandate.patient_of_establishment` | violation | a patient of the establishment |
//! | `mandate.basic_training_pending` | warning | basic training not done, deadline not passed |
//! | `mandate.basic_training_overdue` | violation | basic training not done, deadline passed |
//! | `mandate.basic_training_late` | warning | basic training done after the deadline (6 months after the start) |
//!
//! ¹ warning when the role's training is only `recommended`; not checked when `not_required`.
//!
//! One purpose per file:
//! - [`post`] — [`Post`], [`PostRole`], [`Renewal`], [`TrainingRecord`], input validation and
//!   units (working time in thousandths, pay in cents);
//! - [`document`] — [`PolicyDocument`] and the validated [`Policy`];
//! - [`dates`] — how days, years and months are counted (leap days included);
//! - [`finding`] — [`Finding`], [`Severity`], [`Evaluation`], [`Compliance`];
//! - [`rules`] — the rule ids;
//! - [`cofinancing`] — the split of a pay (agency, establishment, outside the programme);
//! - [`calendar`] — terms, renewal window, last possible end;
//! - [`evaluate_post`] — the `post.*` rules;
//! - [`mandate`] — [`Mandate`] and the `mandate.*` rules;
//! - [`indicators`] — programme indicators of a year;
//! - [`label`] — label checklists;
//! - [`error`] — [`PolicyError`].
//!
//! ```
//! use patient_partner::policy::{Compliance, Policy, Post};
//! let post = Post::from_json(r#"{"id": "POST-01", "establishment": "EST-01",
//!   "partner": "PP-001", "role": "patient_partner", "start": "2021-09-01",
//!   "end": "2024-08-31", "fte_permille": 500, "gross_annual_pay_cents": 2400000,
//!   "trainings": [{"training": "ars_na_programme_training", "completed_on": "2021-06-30"}]}"#)?;
//! let policy = Policy::builtin();
//! assert_eq!(policy.evaluate_post(&post)?.compliance, Compliance::Compliant);
//! let split = policy.post_split(&post)?;
//! assert_eq!((split.agency_cents, split.establishment_cents), (1_200_000, 1_200_000));
//! # Ok::<(), patient_partner::Error>(())
//! ```

pub mod calendar;
pub mod cofinancing;
pub mod dates;
pub mod document;
pub mod error;
pub mod evaluate_post;
pub mod finding;
pub mod indicators;
pub mod label;
pub mod mandate;
pub mod post;
pub mod rules;

pub use calendar::{ContractCalendar, ContractTerm, RenewalWindow, TermStatus};
pub use cofinancing::CofinancingSplit;
pub use document::{
    Appointer, AssociationRule, MandateRules, Policy, PolicyDocument, PostRules,
    TrainingDefinition, TrainingKind, BUILTIN_POLICY_JSON,
};
pub use error::{PolicyError, PolicyErrorKind};
pub use finding::{Compliance, Evaluation, Finding, Severity};
pub use indicators::{CalendarEntry, EstablishmentTotals, NextStep, ProgrammeIndicators, Totals};
pub use label::{
    ChecklistStatus, CriterionOutcome, CriterionResult, EstablishmentData, LabelCheck,
    LabelChecklist, LabelCriterion, LabelEvaluation, LabelOutcome, EXAMPLE_CHECKLIST_JSON,
};
pub use mandate::{AssociationMembership, Mandate, PatientStatus};
pub use post::{Post, PostRole, Renewal, TrainingRecord, FULL_TIME_PERMILLE};
