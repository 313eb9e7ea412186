//! Indicators: definitions as data, and the computations they describe.
//!
//! The sources ask for better indicators "to measure the impact of patient partners": the set
//! is extensible and every definition is explicit. Each indicator of the
//! [`IndicatorCatalogue`] has an id, English and French names, a written definition and an
//! [`IndicatorUnit`]; the functions below compute them over a [`Period`](crate::report::Period)
//! (bounds included).
//!
//! - From interviews ([`interviews`]): [`activity_counts`], [`interviews_per_patient`],
//!   [`remote_share`]; per partner or establishment ([`grouped`]): the same with `_by`
//!   and a [`GroupBy`](crate::report::GroupBy). The monthly tables are [`crate::report`].
//! - From a consistent [`Journal`](crate::journal::Journal) ([`referrals`]):
//!   [`referral_delay`] (median and 90th percentile by nearest rank), [`referral_sources`],
//!   [`orientation_rate`], [`decline_rate`].
//! - From activities ([`activities`]): [`extra_clinical_activities`].
//! - **With disclosure control** ([`published`]): the interview indicators read from the
//!   published tables of a publication (`indicators_of`, `protected_indicators`), never
//!   saying more than those tables; the functions above print raw counts and are not meant
//!   for publication when the tables are masked.
//!
//! Shares are [`Ratio`]s that keep their numerator and denominator, with no value (`null`)
//! when the denominator is 0.

pub mod activities;
pub mod definitions;
pub mod grouped;
pub mod interviews;
pub mod published;
pub mod referrals;
pub mod values;

pub use activities::{extra_clinical_activities, AreaCount, ExtraClinicalActivities};
pub use definitions::{IndicatorCatalogue, IndicatorDefinition, IndicatorUnit};
pub use grouped::{activity_counts_by, interviews_per_patient_by, remote_share_by, Grouped};
pub use interviews::{activity_counts, interviews_per_patient, remote_share, ActivityCounts};
pub use referrals::{
    decline_rate, orientation_rate, referral_delay, referral_sources, ReferralDelay,
    ReferralSources, SourceKind, SourceShare,
};
pub use values::{nearest_rank_percentile, Ratio};
