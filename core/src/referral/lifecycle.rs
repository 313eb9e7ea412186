//! The lifecycle of a referral: states, events and the rules that validate each transition.
//!
//! The sources do not describe a lifecycle (BRIEF §4); this one is our model of what users
//! expect:
//!
//! ```text
//!                 assign              start                close(outcome)
//!   received ──────────────▶ assigned ─────────▶ in_progress ───────────────▶ closed
//!      │                    │  ▲ assign (reassign)    │
//!      │ decline(reason)    │  │                      │
//!      ├────────────────────┴──┴─▶ declined           │
//!      │ cancel (from any non-final state)            │
//!      └──────────────────────────────────────────────┴──────▶ cancelled
//! ```
//!
//! Rules, in the order they are checked by [`ReferralLifecycle::apply`]:
//! 1. the transition names this referral (`referral_mismatch`);
//! 2. `closed`, `declined` and `cancelled` are final: no event at all is accepted from them
//!    (`transition_from_final_state`);
//! 3. a transition is dated on or after the previous one, and on or after the day the
//!    referral was received (`transition_before_previous`); events on the same day apply in
//!    the order given;
//! 4. the event must be allowed from the current state (`invalid_transition`):
//!    `assign` from received or assigned (a reassignment); `start` from assigned; `close` from
//!    in_progress; `decline` from received or assigned (once the follow-up has started it is
//!    closed, not declined); `cancel` from any non-final state; `record_consent` from any
//!    non-final state, without changing it;
//! 5. `assign` requires the patient's consent to be `given` (`consent_required`): a referral
//!    whose consent was refused or not asked can only have its consent recorded, be declined
//!    or be cancelled;
//! 6. a recorded consent is not dated after the transition that records it
//!    (`consent_after_record`).
//!
//! ```
//! use patient_partner::referral::{ReferralState, ReferralEvent, Consent};
//! use patient_partner::PartnerId;
//! use chrono::NaiveDate;
//! let consent = Consent::Given { date: NaiveDate::from_ymd_opt(2023, 1, 9).unwrap() };
//! let assign = ReferralEvent::Assign { partner: PartnerId::new("PP-001").unwrap() };
//! assert_eq!(ReferralState::Received.next(&assign, &consent).unwrap(), ReferralState::Assigned);
//! let err = ReferralState::Closed.next(&ReferralEvent::Start, &consent).unwrap_err();
//! assert_eq!(err.code(), "transition_from_final_state");
//! ```

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::consent::{Consent, ConsentStatus};
use super::error::{ReferralError, ReferralErrorKind};
use super::orientation::Orientation;
use super::Referral;
use crate::ids::{PartnerId, ReferralId};

crate::bilingual_enum! {
    /// Where a referral stands.
    pub enum ReferralState {
        /// Received, not yet given to a patient partner.
        Received => "received", "received", "reçu",
        /// Given to a patient partner.
        Assigned => "assigned", "assigned", "attribué",
        /// The follow-up has started.
        InProgress => "in_progress", "in progress", "en cours",
        /// Final: the follow-up ended, with an outcome.
        Closed => "closed", "closed", "clôturé",
        /// Final: the referral was declined, with a reason.
        Declined => "declined", "declined", "refusé",
        /// Final: the referral was cancelled.
        Cancelled => "cancelled", "cancelled", "annulé",
    }
}

impl ReferralState {
    /// Whether nothing can happen any more (closed, declined, cancelled).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ReferralState::Closed | ReferralState::Declined | ReferralState::Cancelled
        )
    }

    /// The state after `event`, given the patient's current `consent` (rules 2, 4 and 5 of
    /// the [module](self); dates are checked by [`ReferralLifecycle::apply`]).
    pub fn next(self, event: &ReferralEvent, consent: &Consent) -> Result<Self, ReferralError> {
        use ReferralState as S;
        let kind = event.kind();
        if self.is_final() {
            return Err(
                ReferralError::new(ReferralErrorKind::TransitionFromFinalState {
                    state: self,
                    event: kind,
                })
                .field("event"),
            );
        }
        let next = match (self, event) {
            (S::Received | S::Assigned, ReferralEvent::Assign { .. }) => {
                if consent.status() != ConsentStatus::Given {
                    return Err(ReferralError::new(ReferralErrorKind::ConsentRequired {
                        consent: consent.status(),
                    })
                    .field("consent"));
                }
                S::Assigned
            }
            (S::Assigned, ReferralEvent::Start) => S::InProgress,
            (S::InProgress, ReferralEvent::Close { .. }) => S::Closed,
            (S::Received | S::Assigned, ReferralEvent::Decline { .. }) => S::Declined,
            (_, ReferralEvent::Cancel) => S::Cancelled,
            (state, ReferralEvent::RecordConsent { .. }) => state,
            (from, _) => {
                return Err(ReferralError::new(ReferralErrorKind::InvalidTransition {
                    from,
                    event: kind,
                })
                .field("event"))
            }
        };
        Ok(next)
    }
}

crate::bilingual_enum! {
    /// The kind of a [`ReferralEvent`], without its data.
    pub enum ReferralEventKind {
        /// See [`ReferralEvent::Assign`].
        Assign => "assign", "assigned", "attribution",
        /// See [`ReferralEvent::Start`].
        Start => "start", "started", "début du suivi",
        /// See [`ReferralEvent::Close`].
        Close => "close", "closed", "clôture",
        /// See [`ReferralEvent::Decline`].
        Decline => "decline", "declined", "refus",
        /// See [`ReferralEvent::Cancel`].
        Cancel => "cancel", "cancelled", "annulation",
        /// See [`ReferralEvent::RecordConsent`].
        RecordConsent => "record_consent", "given a new consent", "recueil du consentement",
    }
}

crate::bilingual_enum! {
    /// Why a referral was declined.
    pub enum DeclineReason {
        /// The patient did not wish to meet a patient partner.
        PatientRefused => "patient_refused", "the patient refused", "refus du patient",
        /// The patient could not be reached.
        PatientUnreachable => "patient_unreachable", "the patient could not be reached", "patient injoignable",
        /// The request is outside a patient partner's remit.
        OutOfScope => "out_of_scope", "outside a patient partner's remit", "hors du champ du patient partenaire",
        /// No patient partner is available.
        NoPartnerAvailable => "no_partner_available", "no patient partner available", "aucun patient partenaire disponible",
        /// Another reason.
        Other => "other", "another reason", "autre motif",
    }
}

crate::bilingual_enum! {
    /// How a follow-up ended.
    pub enum ReferralOutcome {
        /// The needs stated in the referral were addressed.
        NeedsAddressed => "needs_addressed", "needs addressed", "besoins pris en compte",
        /// The patient was oriented to professionals or resources.
        Oriented => "oriented", "oriented elsewhere", "orienté",
        /// The patient ended the follow-up.
        EndedByPatient => "ended_by_patient", "ended by the patient", "arrêt à la demande du patient",
        /// Contact with the patient was lost.
        LostContact => "lost_contact", "contact lost", "perdu de vue",
        /// Another outcome.
        Other => "other", "other outcome", "autre issue",
    }
}

/// Something that happens to a referral. On the wire: an object tagged by `kind`
/// (`{"kind": "assign", "partner": "PP-001"}`, `{"kind": "start"}`,
/// `{"kind": "close", "outcome": "oriented", "orientations": [...]}`,
/// `{"kind": "decline", "reason": "patient_refused"}`, `{"kind": "cancel"}`,
/// `{"kind": "record_consent", "consent": {"status": "given", "date": "2023-01-10"}}`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ReferralEvent {
    /// Given (or given again) to a patient partner.
    Assign {
        /// The patient partner.
        partner: PartnerId,
    },
    /// The follow-up starts.
    Start,
    /// The follow-up ends.
    Close {
        /// How it ended.
        outcome: ReferralOutcome,
        /// Where the patient was oriented, if anywhere.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        orientations: Vec<Orientation>,
    },
    /// The referral is declined.
    Decline {
        /// Why.
        reason: DeclineReason,
    },
    /// The referral is cancelled (by the referrer, or because it is no longer relevant).
    Cancel,
    /// The patient's consent is recorded (or changes).
    RecordConsent {
        /// The new consent.
        consent: Consent,
    },
}

impl ReferralEvent {
    /// The kind of event, without its data.
    pub fn kind(&self) -> ReferralEventKind {
        match self {
            ReferralEvent::Assign { .. } => ReferralEventKind::Assign,
            ReferralEvent::Start => ReferralEventKind::Start,
            ReferralEvent::Close { .. } => ReferralEventKind::Close,
            ReferralEvent::Decline { .. } => ReferralEventKind::Decline,
            ReferralEvent::Cancel => ReferralEventKind::Cancel,
            ReferralEvent::RecordConsent { .. } => ReferralEventKind::RecordConsent,
        }
    }
}

/// A dated event of one referral: the unit a journal ingests.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralTransition {
    /// The referral concerned.
    pub referral: ReferralId,
    /// The day it happened.
    pub date: NaiveDate,
    /// What happened.
    pub event: ReferralEvent,
}

/// The history of one referral: its current state and every transition accepted so far.
///
/// Built from a valid [`Referral`] with [`ReferralLifecycle::new`]; [`apply`](Self::apply)
/// checks the rules of the [module](self) and changes nothing when it refuses a transition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReferralLifecycle {
    referral: ReferralId,
    received: NaiveDate,
    state: ReferralState,
    consent: Consent,
    #[serde(skip_serializing_if = "Option::is_none")]
    partner: Option<PartnerId>,
    history: Vec<ReferralTransition>,
}

impl ReferralLifecycle {
    /// The lifecycle of a referral just received: state `received`, no transition.
    pub fn new(referral: &Referral) -> Self {
        ReferralLifecycle {
            referral: referral.id.clone(),
            received: referral.received,
            state: ReferralState::Received,
            consent: referral.consent,
            partner: None,
            history: Vec::new(),
        }
    }

    /// Checks `transition` against every rule and returns the state it would lead to,
    /// without changing anything.
    pub fn check(&self, transition: &ReferralTransition) -> Result<ReferralState, ReferralError> {
        let entity = self.referral.as_str();
        if transition.referral != self.referral {
            return Err(ReferralError::new(ReferralErrorKind::ReferralMismatch)
                .field("referral")
                .entity(transition.referral.as_str()));
        }
        if self.state.is_final() {
            // Rule 2 comes before the date rule: a final referral accepts nothing.
            return self
                .state
                .next(&transition.event, &self.consent)
                .map_err(|e| e.entity(entity));
        }
        let previous = self.last_date();
        if transition.date < previous {
            return Err(
                ReferralError::new(ReferralErrorKind::TransitionBeforePrevious {
                    date: transition.date,
                    previous,
                })
                .field("date")
                .entity(entity),
            );
        }
        let next = self
            .state
            .next(&transition.event, &self.consent)
            .map_err(|e| e.entity(entity))?;
        if let ReferralEvent::RecordConsent { consent } = &transition.event {
            if let Some(consent_date) = consent.date() {
                if consent_date > transition.date {
                    return Err(ReferralError::new(ReferralErrorKind::ConsentAfterRecord {
                        consent_date,
                        recorded: transition.date,
                    })
                    .field("consent")
                    .entity(entity));
                }
            }
        }
        Ok(next)
    }

    /// Applies `transition` if every rule allows it, and returns the new state. On error
    /// the lifecycle is unchanged.
    pub fn apply(
        &mut self,
        transition: &ReferralTransition,
    ) -> Result<ReferralState, ReferralError> {
        let next = self.check(transition)?;
        match &transition.event {
            ReferralEvent::Assign { partner } => self.partner = Some(partner.clone()),
            ReferralEvent::RecordConsent { consent } => self.consent = *consent,
            _ => {}
        }
        self.state = next;
        self.history.push(transition.clone());
        Ok(next)
    }

    /// The referral this history belongs to.
    pub fn referral(&self) -> &ReferralId {
        &self.referral
    }
    /// The current state.
    pub fn state(&self) -> ReferralState {
        self.state
    }
    /// The current consent (the referral's, or the last recorded one).
    pub fn consent(&self) -> Consent {
        self.consent
    }
    /// The patient partner it is (or was last) assigned to.
    pub fn partner(&self) -> Option<&PartnerId> {
        self.partner.as_ref()
    }
    /// Every accepted transition, in order.
    pub fn history(&self) -> &[ReferralTransition] {
        &self.history
    }
    /// The date of the last transition, or the receipt date if there is none.
    pub fn last_date(&self) -> NaiveDate {
        self.history
            .last()
            .map_or(self.received, |transition| transition.date)
    }
    /// The day the referral reached a final state, if it has.
    pub fn final_date(&self) -> Option<NaiveDate> {
        if self.state.is_final() {
            Some(self.last_date())
        } else {
            None
        }
    }
    /// The final event (close, decline or cancel), if the referral is final.
    pub fn final_event(&self) -> Option<&ReferralEvent> {
        if self.state.is_final() {
            self.history.last().map(|transition| &transition.event)
        } else {
            None
        }
    }
    /// The orientations given when the referral was closed (empty otherwise).
    pub fn orientations(&self) -> &[Orientation] {
        match self.final_event() {
            Some(ReferralEvent::Close { orientations, .. }) => orientations,
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::{Need, PathwayStage, Profession, ReferralSource};
    use crate::PatientId;

    fn date(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, 2, d).unwrap()
    }

    #[test]
    fn orientations_and_final_date_come_from_the_close() {
        let referral = Referral {
            id: ReferralId::new("REF-7").unwrap(),
            patient: PatientId::new("PAT-7").unwrap(),
            received: date(1),
            source: ReferralSource::CareTeam {
                profession: Profession::Oncologist,
                professional: None,
            },
            needs: vec![Need::AdministrativeProcedures],
            stage: PathwayStage::AfterTreatment,
            consent: Consent::NotAsked,
            establishment: None,
            setting: None,
            follow_up: None,
        };
        let mut life = ReferralLifecycle::new(&referral);
        let at = |d, event| ReferralTransition {
            referral: referral.id.clone(),
            date: date(d),
            event,
        };
        let assign = ReferralEvent::Assign {
            partner: PartnerId::new("PP-002").unwrap(),
        };
        let err = life.apply(&at(2, assign.clone())).unwrap_err();
        assert_eq!(err.code(), "consent_required");
        assert_eq!(err.context().entity.as_deref(), Some("REF-7"));
        life.apply(&at(
            3,
            ReferralEvent::RecordConsent {
                consent: Consent::Given { date: date(3) },
            },
        ))
        .unwrap();
        life.apply(&at(3, assign)).unwrap();
        life.apply(&at(4, ReferralEvent::Start)).unwrap();
        assert_eq!(life.final_date(), None);
        assert!(life.orientations().is_empty());
        let oriented = vec![Orientation::Professional {
            profession: Profession::SocialWorker,
        }];
        life.apply(&at(
            9,
            ReferralEvent::Close {
                outcome: ReferralOutcome::Oriented,
                orientations: oriented.clone(),
            },
        ))
        .unwrap();
        assert_eq!(life.final_date(), Some(date(9)));
        assert_eq!(life.orientations(), oriented.as_slice());
        assert_eq!(life.partner().map(|p| p.as_str()), Some("PP-002"));
        assert_eq!(
            life.apply(&at(10, ReferralEvent::Cancel))
                .unwrap_err()
                .code(),
            "transition_from_final_state"
        );
    }

    #[test]
    fn labels_are_bilingual() {
        use crate::Vocabulary;
        assert_eq!(ReferralState::InProgress.wire_name(), "in_progress");
        assert_eq!(ReferralState::Closed.label_fr(), "clôturé");
        assert!(ReferralState::ALL.iter().filter(|s| s.is_final()).count() == 3);
    }
}
