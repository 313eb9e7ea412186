//! Properties of the journal: whatever it holds is consistent, every ingest is all or
//! nothing, and its document round-trips.

use std::collections::BTreeSet;

use chrono::{Duration, NaiveDate};
use patient_partner::activity::{Activity, ActivityModality};
use patient_partner::journal::{Journal, JournalDocument};
use patient_partner::mission::Mission;
use patient_partner::referral::{
    Consent, DeclineReason, PathwayStage, Referral, ReferralEvent, ReferralOutcome, ReferralSource,
    ReferralTransition,
};
use patient_partner::{
    ActivityId, Interview, InterviewId, Modality, PartnerId, PatientId, ReferralId,
};
use proptest::prelude::*;

fn day(offset: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + Duration::days(offset)
}
fn rid(n: u8) -> ReferralId {
    ReferralId::new(format!("REF-{n}")).unwrap()
}
fn pid(n: u8) -> PatientId {
    PatientId::new(format!("PAT-{n}")).unwrap()
}

fn referral() -> impl Strategy<Value = Referral> {
    (0u8..4, 0u8..3, 0i64..20, any::<bool>()).prop_map(|(r, p, received, consented)| Referral {
        id: rid(r),
        patient: pid(p),
        received: day(received),
        source: ReferralSource::ReferringPhysician { professional: None },
        needs: vec![],
        stage: PathwayStage::Treatment,
        consent: if consented {
            Consent::Given {
                date: day(received),
            }
        } else {
            Consent::NotAsked
        },
        establishment: None,
        setting: None,
        follow_up: None,
    })
}

fn transition() -> impl Strategy<Value = ReferralTransition> {
    let event = prop_oneof![
        Just(ReferralEvent::Assign {
            partner: PartnerId::new("PP-001").unwrap()
        }),
        Just(ReferralEvent::Start),
        Just(ReferralEvent::Close {
            outcome: ReferralOutcome::Oriented,
            orientations: vec![]
        }),
        Just(ReferralEvent::Decline {
            reason: DeclineReason::PatientRefused
        }),
        Just(ReferralEvent::Cancel),
        Just(ReferralEvent::RecordConsent {
            consent: Consent::Given { date: day(0) }
        }),
    ];
    (0u8..5, 0i64..60, event).prop_map(|(r, d, event)| ReferralTransition {
        referral: rid(r),
        date: day(d),
        event,
    })
}

fn interview() -> impl Strategy<Value = Interview> {
    (
        proptest::option::of(0u8..6),
        proptest::option::of(0u8..5),
        0u8..3,
        0i64..60,
    )
        .prop_map(|(id, r, p, d)| {
            let mut i = Interview::new(
                day(d),
                PartnerId::new("PP-001").unwrap(),
                pid(p),
                Modality::Phone,
            );
            i.id = id.map(|n| InterviewId::new(format!("INT-{n}")).unwrap());
            i.referral = r.map(rid);
            i
        })
}

fn activity() -> impl Strategy<Value = Activity> {
    (0u8..4, 0u32..200, proptest::option::of(0u32..5)).prop_map(|(n, minutes, participants)| {
        let mut a = Activity::new(
            ActivityId::new(format!("ACT-{n}")).unwrap(),
            day(5),
            PartnerId::new("PP-001").unwrap(),
            Mission::SupportGroup,
            ActivityModality::InPerson,
            minutes,
        );
        a.participants = participants;
        a
    })
}

fn document() -> impl Strategy<Value = JournalDocument> {
    (
        proptest::collection::vec(referral(), 0..3),
        proptest::collection::vec(transition(), 0..3),
        proptest::collection::vec(interview(), 0..3),
        proptest::collection::vec(activity(), 0..2),
    )
        .prop_map(
            |(referrals, transitions, interviews, activities)| JournalDocument {
                referrals,
                transitions,
                interviews,
                activities,
            },
        )
}

/// Every rule of the journal, checked from the outside.
fn assert_consistent(journal: &Journal) {
    let mut interview_ids = BTreeSet::new();
    for interview in journal.interviews() {
        if let Some(id) = &interview.id {
            assert!(interview_ids.insert(id.clone()), "duplicate interview {id}");
        }
        if let Some(r) = &interview.referral {
            let record = journal.referral(r).expect("interview of a known referral");
            assert_eq!(record.referral().patient, interview.patient);
            assert!(interview.date >= record.referral().received);
            if let Some(final_date) = record.lifecycle().final_date() {
                assert!(interview.date <= final_date);
            }
        }
    }
    for record in journal.referrals() {
        let dates: Vec<_> = record.history().iter().map(|t| t.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]));
        assert!(dates.iter().all(|d| *d >= record.referral().received));
        let finals = record.history().iter().filter(|t| {
            matches!(
                t.event,
                ReferralEvent::Close { .. } | ReferralEvent::Decline { .. } | ReferralEvent::Cancel
            )
        });
        assert!(finals.count() <= 1);
    }
    let mut activity_ids = BTreeSet::new();
    for activity in journal.activities() {
        assert!(activity.validate().is_ok());
        assert!(activity_ids.insert(activity.id.clone()));
    }
}

proptest! {
    #[test]
    fn ingests_are_all_or_nothing_and_keep_the_journal_consistent(
        documents in proptest::collection::vec(document(), 1..6),
    ) {
        let mut journal = Journal::new();
        for doc in &documents {
            let before = journal.clone();
            match journal.ingest(doc) {
                Ok(()) => {
                    let s = journal.summary();
                    prop_assert_eq!(s.interviews, before.interviews().len() + doc.interviews.len());
                    prop_assert_eq!(s.referrals, before.summary().referrals + doc.referrals.len());
                }
                Err(_) => prop_assert_eq!(&journal, &before),
            }
            assert_consistent(&journal);
            // The journal's own document rebuilds an equal journal.
            let rebuilt = Journal::from_document(&journal.to_document());
            prop_assert_eq!(rebuilt.as_ref(), Ok(&journal));
            // And it survives JSON.
            let text = serde_json::to_string(&journal.to_document()).unwrap();
            let reparsed = Journal::from_json(&text);
            prop_assert_eq!(reparsed.as_ref(), Ok(&journal));
        }
    }
}

#[derive(Debug, Clone)]
enum Item {
    Referral(Referral),
    Transition(ReferralTransition),
    Interview(Interview),
    Activity(Activity),
}

fn item() -> impl Strategy<Value = Item> {
    prop_oneof![
        1 => referral().prop_map(Item::Referral),
        3 => transition().prop_map(Item::Transition),
        3 => interview().prop_map(Item::Interview),
        1 => activity().prop_map(Item::Activity),
    ]
}

proptest! {
    #[test]
    fn single_items_are_all_or_nothing_and_keep_the_journal_consistent(
        items in proptest::collection::vec(item(), 1..60),
    ) {
        let mut journal = Journal::new();
        for item in items {
            let before = journal.clone();
            let result = match item {
                Item::Referral(r) => journal.add_referral(r),
                Item::Transition(t) => journal.add_transition(t).map(|_| ()),
                Item::Interview(i) => journal.add_interview(i),
                Item::Activity(a) => journal.add_activity(a),
            };
            if result.is_err() {
                prop_assert_eq!(&journal, &before);
            }
            assert_consistent(&journal);
        }
        let rebuilt = Journal::from_document(&journal.to_document());
        prop_assert_eq!(rebuilt.as_ref(), Ok(&journal));
    }
}

#[test]
fn journal_is_send_and_sync() {
    fn check<T: Send + Sync + 'static>() {}
    check::<Journal>();
    check::<patient_partner::RoleCatalogue>();
}
