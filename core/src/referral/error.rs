//! Errors of referrals and their lifecycle.

use chrono::NaiveDate;

use super::lifecycle::{ReferralEventKind, ReferralState};
use super::need::Need;
use crate::located::{ErrorKind, Located};

/// What went wrong with a referral or one of its transitions.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ReferralErrorKind {
    /// The event is not allowed from the current (non-final) state.
    #[error("a referral that is {from} cannot be {event}")]
    InvalidTransition {
        /// The current state.
        from: ReferralState,
        /// The event that was refused.
        event: ReferralEventKind,
    },
    /// The referral is closed, declined or cancelled: nothing can happen to it any more.
    #[error("the referral is {state}, a final state: it cannot be {event}")]
    TransitionFromFinalState {
        /// The final state.
        state: ReferralState,
        /// The event that was refused.
        event: ReferralEventKind,
    },
    /// The transition is dated before the last event of the referral (or its receipt).
    #[error("dated {date}, before the previous event of the referral ({previous})")]
    TransitionBeforePrevious {
        /// The transition's date.
        date: NaiveDate,
        /// The date of the previous event (the receipt date if none).
        previous: NaiveDate,
    },
    /// Assignment needs the patient's consent, and it is not given.
    #[error("the patient's consent is required before assignment (consent: {consent})")]
    ConsentRequired {
        /// The current consent status.
        consent: super::consent::ConsentStatus,
    },
    /// A consent is dated after the event that records it (the referral's receipt, or the
    /// `record_consent` transition).
    #[error("consent dated {consent_date}, after the day it was recorded ({recorded})")]
    ConsentAfterRecord {
        /// The consent's date.
        consent_date: NaiveDate,
        /// The day it was recorded.
        recorded: NaiveDate,
    },
    /// The same need is listed twice.
    #[error("need {need} is listed twice")]
    DuplicateNeed {
        /// The repeated need.
        need: Need,
    },
    /// A transition was applied to the history of another referral.
    #[error("the transition concerns another referral")]
    ReferralMismatch,
    /// The text is not valid JSON or not a referral (unknown field, missing field, wrong
    /// type); the context holds the line and column.
    #[error("malformed referral: {message}")]
    MalformedDocument {
        /// The JSON reader's message (cut, escaped).
        message: String,
    },
}

impl ErrorKind for ReferralErrorKind {
    fn code(&self) -> &'static str {
        match self {
            ReferralErrorKind::InvalidTransition { .. } => "invalid_transition",
            ReferralErrorKind::TransitionFromFinalState { .. } => "transition_from_final_state",
            ReferralErrorKind::TransitionBeforePrevious { .. } => "transition_before_previous",
            ReferralErrorKind::ConsentRequired { .. } => "consent_required",
            ReferralErrorKind::ConsentAfterRecord { .. } => "consent_after_record",
            ReferralErrorKind::DuplicateNeed { .. } => "duplicate_need",
            ReferralErrorKind::ReferralMismatch => "referral_mismatch",
            ReferralErrorKind::MalformedDocument { .. } => "malformed_document",
        }
    }
}

/// An error of this module: a kind, and where it happened (the referral id as `entity`, the
/// field concerned: `event`, `date`, `consent`, `needs`, `referral`; line and column for
/// malformed JSON, or the row of a file when an importer read it).
pub type ReferralError = Located<ReferralErrorKind>;
