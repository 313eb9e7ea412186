//! Engagement: roles, levels, scopes, the role catalogue and the classification of
//! activities.
//!
//! - [`Role`]: the forms of user and patient engagement named by the sources (BRIEF §2).
//! - [`EngagementLevel`]: the continuum information < consultation < collaboration <
//!   partnership (Pomey et al., 2015).
//! - [`Scope`]: micro (direct care), meso (organisation of services), macro (policy and
//!   governance).
//! - [`RoleCatalogue`]: **data**, not code: for each role, its [`Remuneration`], its
//!   [`TrainingRequirement`], whether the person may be a patient of the establishment
//!   ([`EstablishmentPatient`]) and its typical levels and scopes; plus the two tables that
//!   classify an activity (mission → scope and usual [`Participation`]; participation →
//!   level). The built-in default (`core/data/role_catalogue.json`) is **our modelling**:
//!   the sources give no such table. Establishments load their own with
//!   [`RoleCatalogue::from_json`].
//! - [`RoleCatalogue::classify`]: (mission, participation, role) → [`Classification`]; the
//!   rules are in [`classify`].
//!
//! One purpose per file: [`role`], [`level`], [`scope`], [`participation`], [`profile`],
//! [`catalogue`], [`classify`], [`error`].
//!
//! ```
//! use patient_partner::engagement::{RoleCatalogue, EngagementLevel, Scope};
//! use patient_partner::mission::Mission;
//! let got = RoleCatalogue::builtin().classify(Mission::IndividualInterview, None, None)?;
//! assert_eq!(got.scope, Scope::Micro);
//! assert_eq!(got.level, EngagementLevel::Collaboration);
//! # Ok::<(), patient_partner::Error>(())
//! ```

pub mod catalogue;
pub mod classify;
pub mod error;
pub mod level;
pub mod participation;
pub mod profile;
pub mod role;
pub mod scope;

pub use catalogue::{
    MissionRule, ParticipationRule, RoleCatalogue, RoleCatalogueDocument, BUILTIN_CATALOGUE_JSON,
};
pub use classify::{Classification, RoleFit};
pub use error::{EngagementError, EngagementErrorKind};
pub use level::EngagementLevel;
pub use participation::Participation;
pub use profile::{EstablishmentPatient, Remuneration, RoleProfile, TrainingRequirement};
pub use role::Role;
pub use scope::Scope;
