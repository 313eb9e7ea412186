//! Grouping: one table per partner, per establishment, or one for all interviews.
//!
//! - `partner`: one table per patient partner (the reference tables of BRIEF §5).
//! - `establishment`: one table per establishment. Interviews without an establishment form
//!   their own group, shown with `"establishment": null` (listed last).
//! - `all`: a single table for every interview.
//!
//! New patients and distinct patients are always counted **within each group**: a patient
//! seen by two partners is a new patient of each partner.

use schemars::JsonSchema;
use serde::Serialize;

use crate::ids::{EstablishmentId, PartnerId};

crate::bilingual_enum! {
    /// What a report makes one table of.
    #[derive(Default)]
    pub enum GroupBy {
        /// One table per patient partner.
        #[default]
        Partner => "partner", "partner", "patient partenaire",
        /// One table per establishment.
        Establishment => "establishment", "establishment", "établissement",
        /// One table for every interview.
        All => "all", "all", "ensemble",
    }
}

/// Which group a row belongs to, as it appears in the report's JSON (`partner`,
/// `establishment`, or nothing for `all`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum GroupLabel {
    /// A partner's table.
    Partner {
        /// The patient partner.
        partner: PartnerId,
    },
    /// An establishment's table (`None`: interviews without an establishment).
    Establishment {
        /// The establishment, or `null` for interviews that name none.
        establishment: Option<EstablishmentId>,
    },
    /// The single table of `all`.
    All {},
}

impl GroupLabel {
    /// The group's key as [`ReportingGap::group`](super::ReportingGap::group) names it: the
    /// partner or establishment id; `None` for `all` and for interviews without an
    /// establishment.
    pub fn key(&self) -> Option<&str> {
        match self {
            GroupLabel::Partner { partner } => Some(partner.as_str()),
            GroupLabel::Establishment { establishment } => {
                establishment.as_ref().map(EstablishmentId::as_str)
            }
            GroupLabel::All {} => None,
        }
    }

    /// The order of groups in every output: by key, the group without a key (interviews
    /// without an establishment) last.
    pub fn report_order(&self, other: &GroupLabel) -> std::cmp::Ordering {
        let (a, b) = (self.key(), other.key());
        (a.is_none(), a).cmp(&(b.is_none(), b))
    }

    /// The label of `interview`'s group under `by`.
    pub fn of(interview: &crate::interview::Interview, by: GroupBy) -> GroupLabel {
        match by {
            GroupBy::Partner => GroupLabel::Partner {
                partner: interview.partner.clone(),
            },
            GroupBy::Establishment => GroupLabel::Establishment {
                establishment: interview.establishment.clone(),
            },
            GroupBy::All => GroupLabel::All {},
        }
    }

    /// A human title for the group (`PP-A`, `EST-01`, `no establishment`, `all`).
    pub fn title(&self) -> &str {
        match self {
            GroupLabel::Partner { partner } => partner.as_str(),
            GroupLabel::Establishment {
                establishment: Some(e),
            } => e.as_str(),
            GroupLabel::Establishment {
                establishment: None,
            } => "no establishment",
            GroupLabel::All {} => "all",
        }
    }
}
