//! Classifying an activity into an (engagement level, scope) pair.
//!
//! The rules, all driven by the [`RoleCatalogue`] data:
//! 1. the **scope** is the scope of the activity's mission (the catalogue's `missions`
//!    table); a mission without a rule is `unclassified_mission`;
//! 2. the **participation** is the one stated by the activity, or else the mission's usual
//!    participation (same table);
//! 3. the **level** is the level of that participation (the catalogue's `participations`
//!    table); a participation without a level is `unmapped_participation`;
//! 4. when a role is given, the result also says whether this level and scope are typical of
//!    the role ([`RoleFit`]); a role absent from the catalogue is `role_not_in_catalogue`.
//!
//! So a support group is micro and, when the partner co-animates it, collaboration; the
//! same partner co-designing a pathway acts at meso level, in partnership.
//!
//! ```
//! use patient_partner::engagement::{RoleCatalogue, EngagementLevel, Scope, Role, RoleFit};
//! use patient_partner::mission::Mission;
//! let c = RoleCatalogue::builtin();
//! let got = c.classify(Mission::PathwayRedesign, None, Some(Role::SalariedPatientPartner))?;
//! assert_eq!((got.level, got.scope), (EngagementLevel::Partnership, Scope::Meso));
//! assert_eq!(got.role_fit, Some(RoleFit::Typical));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use schemars::JsonSchema;
use serde::Serialize;

use super::{EngagementError, EngagementLevel, Participation, Role, RoleCatalogue, Scope};
use crate::activity::Activity;
use crate::mission::Mission;

crate::bilingual_enum! {
    /// Whether a classification is typical of a role's profile.
    pub enum RoleFit {
        /// Both the level and the scope are among the role's typical ones.
        Typical => "typical", "typical of the role", "conforme au rôle",
        /// The scope is typical, the level is not.
        AtypicalLevel => "atypical_level", "atypical level for the role", "niveau inhabituel pour le rôle",
        /// The level is typical, the scope is not.
        AtypicalScope => "atypical_scope", "atypical scope for the role", "échelle inhabituelle pour le rôle",
        /// Neither is typical.
        Atypical => "atypical", "atypical for the role", "inhabituel pour le rôle",
    }
}

/// The result of a classification (the output of the `classify_engagement` op).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Classification {
    /// The level on the engagement continuum.
    pub level: EngagementLevel,
    /// The scope.
    pub scope: Scope,
    /// The participation the level was derived from (stated, or the mission's usual one).
    pub participation: Participation,
    /// When a role was given: whether the result is typical of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_fit: Option<RoleFit>,
}

impl RoleCatalogue {
    /// Classifies a mission with an optional stated participation and optional role (rules
    /// in the [module](self) documentation).
    pub fn classify(
        &self,
        mission: Mission,
        participation: Option<Participation>,
        role: Option<Role>,
    ) -> Result<Classification, EngagementError> {
        let rule = self.mission_rule(mission)?;
        let participation = participation.unwrap_or(rule.participation);
        let level = self.level_of(participation)?;
        let scope = rule.scope;
        let role_fit = match role {
            None => None,
            Some(role) => {
                let profile = self.profile(role)?;
                let level_ok = profile.levels.contains(&level);
                let scope_ok = profile.scopes.contains(&scope);
                Some(match (level_ok, scope_ok) {
                    (true, true) => RoleFit::Typical,
                    (false, true) => RoleFit::AtypicalLevel,
                    (true, false) => RoleFit::AtypicalScope,
                    (false, false) => RoleFit::Atypical,
                })
            }
        };
        Ok(Classification {
            level,
            scope,
            participation,
            role_fit,
        })
    }

    /// Classifies an activity record: its mission and stated participation, and the role of
    /// its partner when the caller knows it.
    pub fn classify_activity(
        &self,
        activity: &Activity,
        role: Option<Role>,
    ) -> Result<Classification, EngagementError> {
        self.classify(activity.mission, activity.participation, role)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stated_participation_overrides_the_mission_default() {
        let c = RoleCatalogue::builtin();
        let usual = c.classify(Mission::SupportGroup, None, None).unwrap();
        assert_eq!(usual.scope, Scope::Micro);
        let attended = c
            .classify(Mission::SupportGroup, Some(Participation::Attends), None)
            .unwrap();
        assert_eq!(attended.level, EngagementLevel::Information);
        assert_eq!(attended.scope, Scope::Micro);
        assert!(attended.level < usual.level);
    }

    #[test]
    fn role_fit() {
        let c = RoleCatalogue::builtin();
        let got = c
            .classify(Mission::Media, None, Some(Role::VolunteerPeerHelperPatient))
            .unwrap();
        assert_ne!(got.role_fit, Some(RoleFit::Typical));
    }

    #[test]
    fn every_mission_and_participation_classifies_with_the_builtin() {
        let c = RoleCatalogue::builtin();
        for m in Mission::ALL {
            for p in Participation::ALL {
                for r in Role::ALL {
                    assert!(c.classify(*m, Some(*p), Some(*r)).is_ok());
                }
            }
        }
    }
}
