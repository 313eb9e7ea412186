//! Properties of the referral lifecycle over random sequences of dated events.

use chrono::{Duration, NaiveDate};
use patient_partner::referral::{
    Consent, DeclineReason, Need, PathwayStage, Referral, ReferralEvent, ReferralLifecycle,
    ReferralOutcome, ReferralSource, ReferralState, ReferralTransition,
};
use patient_partner::{PartnerId, PatientId, ReferralId};
use proptest::prelude::*;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + Duration::days(offset)
}

fn referral(consent: Consent) -> Referral {
    Referral {
        id: ReferralId::new("REF-1").unwrap(),
        patient: PatientId::new("PAT-0001").unwrap(),
        received: day(10),
        source: ReferralSource::ReferringPhysician { professional: None },
        needs: vec![Need::PathwayNavigation],
        stage: PathwayStage::Diagnosis,
        consent,
        establishment: None,
        setting: None,
        follow_up: None,
    }
}

fn event() -> impl Strategy<Value = ReferralEvent> {
    prop_oneof![
        Just(ReferralEvent::Assign {
            partner: PartnerId::new("PP-001").unwrap()
        }),
        Just(ReferralEvent::Start),
        Just(ReferralEvent::Close {
            outcome: ReferralOutcome::NeedsAddressed,
            orientations: vec![]
        }),
        Just(ReferralEvent::Decline {
            reason: DeclineReason::Other
        }),
        Just(ReferralEvent::Cancel),
        (0i64..40).prop_map(|d| ReferralEvent::RecordConsent {
            consent: Consent::Given { date: day(d) }
        }),
        Just(ReferralEvent::RecordConsent {
            consent: Consent::NotAsked
        }),
    ]
}

fn consent() -> impl Strategy<Value = Consent> {
    prop_oneof![
        Just(Consent::NotAsked),
        (0i64..11).prop_map(|d| Consent::Given { date: day(d) }),
        (0i64..11).prop_map(|d| Consent::Refused { date: day(d) }),
    ]
}

proptest! {
    #[test]
    fn random_histories_never_panic_nor_leave_a_final_state(
        consent in consent(),
        steps in proptest::collection::vec((0i64..40, event()), 0..20),
    ) {
        let referral = referral(consent);
        prop_assert!(referral.validate().is_ok());
        let mut lifecycle = ReferralLifecycle::new(&referral);
        let mut final_state: Option<ReferralState> = None;
        for (offset, event) in steps {
            let before = lifecycle.clone();
            let transition = ReferralTransition {
                referral: referral.id.clone(),
                date: day(offset),
                event,
            };
            match lifecycle.apply(&transition) {
                Ok(state) => {
                    prop_assert!(final_state.is_none(), "left the final state {:?}", final_state);
                    prop_assert_eq!(state, lifecycle.state());
                    prop_assert!(transition.date >= before.last_date());
                    if matches!(transition.event, ReferralEvent::Assign { .. }) {
                        let consent_given = matches!(before.consent(), Consent::Given { .. });
                        prop_assert!(consent_given);
                    }
                    if state.is_final() {
                        final_state = Some(state);
                        prop_assert_eq!(lifecycle.final_date(), Some(transition.date));
                    }
                }
                Err(err) => {
                    // A refused transition changes nothing.
                    prop_assert_eq!(&lifecycle, &before);
                    if before.state().is_final() {
                        prop_assert_eq!(err.code(), "transition_from_final_state");
                    }
                }
            }
        }
        // The history is dated in order and starts on or after receipt.
        let dates: Vec<_> = lifecycle.history().iter().map(|t| t.date).collect();
        prop_assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        prop_assert!(dates.first().is_none_or(|d| *d >= referral.received));
    }

    #[test]
    fn the_state_machine_is_total(state_index in 0usize..6, event in event(), consent in consent()) {
        let state = ReferralState::ALL[state_index];
        match state.next(&event, &consent) {
            Ok(next) => prop_assert!(!state.is_final() && (next == state || next != ReferralState::Received)),
            Err(e) => prop_assert!(matches!(
                e.code(),
                "invalid_transition" | "transition_from_final_state" | "consent_required"
            )),
        }
    }
}
