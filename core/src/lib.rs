//! # patient-partner
//!
//! The shared rulebook of *patient partner* programmes in oncology: the roles and levels of
//! user engagement, the missions of patient partners, referrals and interviews, the indicators
//! of activity reports, and the rules of the programmes that fund salaried patient partners.
//!
//! Every rule lives in this crate; the Python (pyo3) and Kotlin/Swift (uniffi) bindings only
//! convert values and call it. Identifiers are pseudonymous strings: the crate never holds a
//! patient's name or birth date.
//!
//! ## Conventions
//! - Identifiers are validated newtypes ([`ids`]).
//! - Every closed vocabulary implements [`Vocabulary`]: a stable snake_case wire name, an
//!   English `Display` and a French [`label_fr`](Vocabulary::label_fr).
//! - Each module has one error type, a [`Located`] kind with a stable code and an
//!   [`ErrorContext`]; [`Error`] gathers them.
//!
//! ```
//! use patient_partner::{Interview, Modality, PartnerId, PatientId, Vocabulary};
//! use chrono::NaiveDate;
//!
//! let interview = Interview::new(
//!     NaiveDate::from_ymd_opt(2023, 3, 14).unwrap(),
//!     PartnerId::new("PP-001")?,
//!     PatientId::new("PAT-0042")?,
//!     Modality::InPerson,
//! );
//! assert_eq!(interview.modality.label_fr(), "présentiel");
//! # Ok::<(), patient_partner::Error>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[macro_use]
mod macros;

pub mod activity;
pub mod engagement;
pub mod error;
pub mod error_code;
pub mod fhir;
pub mod ids;
pub mod import;
pub mod indicators;
pub mod interview;
pub mod journal;
pub mod located;
pub mod mission;
pub mod policy;
pub mod referral;
pub mod report;
pub mod schema;
pub mod text;
pub mod vocabulary;

pub use activity::{Activity, ActivityModality};
pub use engagement::{EngagementLevel, Role, RoleCatalogue, Scope};
pub use error::{Error, ErrorCategory, Result};
pub use error_code::ErrorCode;
pub use ids::{
    ActivityId, EstablishmentId, InterviewId, MandateId, PartnerId, PatientId, PostId,
    ProfessionalId, ReferralId,
};
pub use interview::{Interview, Modality};
pub use journal::{Journal, JournalDocument};
pub use located::{ErrorContext, ErrorKind, Located};
pub use mission::Mission;
pub use referral::{Referral, ReferralState, ReferralTransition};
pub use vocabulary::Vocabulary;

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
