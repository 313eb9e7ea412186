//! Errors of the role catalogue and of classification.

use super::{EngagementLevel, Participation, Role, Scope};
use crate::located::{ErrorKind, Located};
use crate::mission::Mission;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum EngagementErrorKind {
    /// The catalogue is not valid JSON or does not have the catalogue's shape (context: line
    /// and column).
    #[error("malformed role catalogue: {message}")]
    MalformedCatalogue {
        /// The parser's message.
        message: String,
    },
    /// The catalogue lists no role.
    #[error("the role catalogue lists no role")]
    EmptyCatalogue,
    /// A role is listed twice.
    #[error("role {role} is listed twice")]
    DuplicateRole {
        /// The role.
        role: Role,
    },
    /// A role has no typical level.
    #[error("role {role} has no engagement level")]
    EmptyLevels {
        /// The role.
        role: Role,
    },
    /// A role has no typical scope.
    #[error("role {role} has no scope")]
    EmptyScopes {
        /// The role.
        role: Role,
    },
    /// A level is listed twice for a role.
    #[error("level {level} is listed twice")]
    DuplicateLevel {
        /// The level.
        level: EngagementLevel,
    },
    /// A scope is listed twice for a role.
    #[error("scope {scope} is listed twice")]
    DuplicateScope {
        /// The scope.
        scope: Scope,
    },
    /// A mission has two classification rules.
    #[error("mission {mission} is listed twice")]
    DuplicateMission {
        /// The mission.
        mission: Mission,
    },
    /// A participation kind has two levels.
    #[error("participation {participation} is listed twice")]
    DuplicateParticipation {
        /// The participation kind.
        participation: Participation,
    },
    /// A participation kind (of a mission rule, or asked for) has no level in the catalogue.
    #[error("participation {participation} has no engagement level in the catalogue")]
    UnmappedParticipation {
        /// The participation kind.
        participation: Participation,
    },
    /// The role is not in this catalogue.
    #[error("role {role} is not in the catalogue")]
    RoleNotInCatalogue {
        /// The role.
        role: Role,
    },
    /// The mission has no classification rule in this catalogue.
    #[error("mission {mission} has no classification rule in the catalogue")]
    UnclassifiedMission {
        /// The mission.
        mission: Mission,
    },
}

impl ErrorKind for EngagementErrorKind {
    fn code(&self) -> &'static str {
        use EngagementErrorKind as K;
        match self {
            K::MalformedCatalogue { .. } => "malformed_catalogue",
            K::EmptyCatalogue => "empty_catalogue",
            K::DuplicateRole { .. } => "duplicate_role",
            K::EmptyLevels { .. } => "empty_levels",
            K::EmptyScopes { .. } => "empty_scopes",
            K::DuplicateLevel { .. } => "duplicate_level",
            K::DuplicateScope { .. } => "duplicate_scope",
            K::DuplicateMission { .. } => "duplicate_mission",
            K::DuplicateParticipation { .. } => "duplicate_participation",
            K::UnmappedParticipation { .. } => "unmapped_participation",
            K::RoleNotInCatalogue { .. } => "role_not_in_catalogue",
            K::UnclassifiedMission { .. } => "unclassified_mission",
        }
    }
}

/// An error of this module: a kind, and where it happened (entity: the role, mission or
/// participation's wire name; field: `roles`, `levels`, `scopes`, `missions`,
/// `participations`, `participation`; line and column for malformed JSON).
pub type EngagementError = Located<EngagementErrorKind>;

impl EngagementError {
    pub(crate) fn malformed(e: &serde_json::Error) -> Self {
        EngagementError::new(EngagementErrorKind::MalformedCatalogue {
            message: crate::text::short_message(&e.to_string()),
        })
        .at_json(e)
    }
}
