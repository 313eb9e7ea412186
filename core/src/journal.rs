//! The journal: a consistent history of referrals, their transitions, interviews and
//! activities.
//!
//! A [`Journal`] ingests items one at a time ([`Journal::add_referral`],
//! [`add_transition`](Journal::add_transition), [`add_interview`](Journal::add_interview),
//! [`add_activity`](Journal::add_activity)) or a whole [`JournalDocument`]
//! ([`Journal::ingest`], [`Journal::from_json`]). It refuses impossible histories with a
//! [`JournalError`]; **whatever it holds is consistent**, and every call is all-or-nothing:
//! a document with one bad item changes nothing.
//!
//! Rules (each error's `entity` is the id of the item concerned — for an interview without
//! an id, its referral's id — and `field` the field at fault):
//! - ids are unique per kind: referrals, interviews (those that have an id), activities
//!   (`duplicate_id`, field `id`);
//! - a referral is valid on its own ([`Referral::validate`]: `duplicate_need`,
//!   `consent_after_record`);
//! - a transition names a known referral (`unknown_referral`, field `referral`) and obeys
//!   the [lifecycle rules](crate::referral::lifecycle) (`transition_from_final_state`,
//!   `transition_before_previous`, `invalid_transition`, `consent_required`,
//!   `consent_after_record`);
//! - a transition to a final state is not dated before an interview already recorded for
//!   that referral (`final_before_interview`, field `date`);
//! - an interview that names a referral: the referral is known (`unknown_referral`, field
//!   `referral`), is about the same patient (`patient_mismatch`, field `patient`), and the
//!   interview is dated on or after the day it was received (`interview_before_referral`,
//!   field `date`) and not after the day it became closed, declined or cancelled
//!   (`interview_after_final`, field `date`; an interview on that very day is accepted);
//! - an activity is valid ([`Activity::validate`]).
//!
//! A document is ingested section by section — referrals, then transitions (in document
//! order), then interviews, then activities — so an interview may refer to a referral of the
//! same document. Errors from a document name the item in `field`, as
//! `<section>[<index>].<field>` (0-based: `transitions[2].date`).
//!
//! ```
//! use patient_partner::journal::Journal;
//! let doc = r#"{
//!   "referrals": [{"id": "REF-1", "patient": "PAT-0001", "received": "2023-01-09",
//!                  "source": {"kind": "referring_physician"}, "stage": "diagnosis",
//!                  "consent": {"status": "given", "date": "2023-01-09"}}],
//!   "transitions": [{"referral": "REF-1", "date": "2023-01-10",
//!                    "event": {"kind": "assign", "partner": "PP-001"}}],
//!   "interviews": [{"date": "2023-01-12", "partner": "PP-001", "patient": "PAT-0001",
//!                   "modality": "phone", "referral": "REF-1"}]
//! }"#;
//! let journal = Journal::from_json(doc)?;
//! assert_eq!(journal.summary().interviews, 1);
//! let bad = doc.replace("2023-01-12", "2023-01-02"); // before the referral was received
//! let err = Journal::from_json(&bad).unwrap_err();
//! assert_eq!(err.code(), "interview_before_referral");
//! assert_eq!(err.context().field.as_deref(), Some("interviews[0].date"));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::activity::{Activity, ActivityError, ActivityErrorKind};
use crate::ids::{ActivityId, InterviewId, PatientId, ReferralId};
use crate::interview::{Interview, InterviewError, InterviewErrorKind};
use crate::located::{ErrorKind, Located};
use crate::referral::{
    Referral, ReferralError, ReferralErrorKind, ReferralLifecycle, ReferralState,
    ReferralTransition,
};

crate::bilingual_enum! {
    /// The kinds of item a journal holds.
    pub enum JournalEntity {
        /// A referral.
        Referral => "referral", "referral", "adressage",
        /// An interview.
        Interview => "interview", "interview", "entretien",
        /// An activity.
        Activity => "activity", "activity", "activité",
    }
}

/// What a journal ingests at once: every list may be absent (empty).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct JournalDocument {
    /// New referrals.
    #[serde(default)]
    pub referrals: Vec<Referral>,
    /// Transitions of referrals (of this document or already in the journal), in order.
    #[serde(default)]
    pub transitions: Vec<ReferralTransition>,
    /// Interviews.
    #[serde(default)]
    pub interviews: Vec<Interview>,
    /// Activities.
    #[serde(default)]
    pub activities: Vec<Activity>,
}

impl JournalDocument {
    /// Parses a document (`malformed_document` with line and column on failure; unknown
    /// fields are refused).
    pub fn from_json(text: &str) -> Result<Self, JournalError> {
        serde_json::from_str(text).map_err(|e| JournalError::malformed(&e))
    }
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum JournalErrorKind {
    /// The document is not valid JSON or does not have the expected shape.
    #[error("malformed document: {message}")]
    MalformedDocument {
        /// The parser's message.
        message: String,
    },
    /// An id already used by another item of the same kind.
    #[error("duplicate {entity} id")]
    DuplicateId {
        /// The kind of item.
        entity: JournalEntity,
    },
    /// A transition or interview names a referral the journal does not hold.
    #[error("unknown referral {referral}")]
    UnknownReferral {
        /// The referral named.
        referral: ReferralId,
    },
    /// An interview dated before its referral was received.
    #[error("interview dated {date}, before its referral was received ({received})")]
    InterviewBeforeReferral {
        /// The interview's date.
        date: NaiveDate,
        /// The referral's receipt date.
        received: NaiveDate,
    },
    /// An interview dated after its referral became final.
    #[error("interview dated {date}, after its referral was {state} ({final_date})")]
    InterviewAfterFinal {
        /// The interview's date.
        date: NaiveDate,
        /// The referral's final state.
        state: ReferralState,
        /// The day it became final.
        final_date: NaiveDate,
    },
    /// A transition to a final state dated before an interview of the referral.
    #[error("the referral cannot become final on {date}: it has an interview on {interview}")]
    FinalBeforeInterview {
        /// The transition's date.
        date: NaiveDate,
        /// The last interview's date.
        interview: NaiveDate,
    },
    /// An interview's patient differs from its referral's.
    #[error("interview of patient {found}, but the referral is for {expected}")]
    PatientMismatch {
        /// The referral's patient.
        expected: PatientId,
        /// The interview's patient.
        found: PatientId,
    },
    /// A referral or a transition broke a referral rule (the code is the referral rule's).
    #[error("{0}")]
    Referral(ReferralErrorKind),
    /// An activity broke an activity rule (the code is the activity rule's).
    #[error("{0}")]
    Activity(ActivityErrorKind),
    /// An interview broke an interview rule ([`Interview::validate`]; the code is the
    /// interview rule's: `zero_duration`, `duration_too_long`).
    #[error("{0}")]
    Interview(InterviewErrorKind),
}

/// For [`Referral`](JournalErrorKind::Referral), [`Activity`](JournalErrorKind::Activity)
/// and [`Interview`](JournalErrorKind::Interview), the code is the wrapped rule's
/// (`invalid_transition`…).
impl ErrorKind for JournalErrorKind {
    fn code(&self) -> &'static str {
        match self {
            JournalErrorKind::MalformedDocument { .. } => "malformed_document",
            JournalErrorKind::DuplicateId { .. } => "duplicate_id",
            JournalErrorKind::UnknownReferral { .. } => "unknown_referral",
            JournalErrorKind::InterviewBeforeReferral { .. } => "interview_before_referral",
            JournalErrorKind::InterviewAfterFinal { .. } => "interview_after_final",
            JournalErrorKind::FinalBeforeInterview { .. } => "final_before_interview",
            JournalErrorKind::PatientMismatch { .. } => "patient_mismatch",
            JournalErrorKind::Referral(kind) => kind.code(),
            JournalErrorKind::Activity(kind) => kind.code(),
            JournalErrorKind::Interview(kind) => kind.code(),
        }
    }
}

/// An error of this module: a kind, and where it happened (entity: the referral, interview
/// or activity; field: its place in the document, `interviews[2].date`; line and column for
/// malformed JSON).
pub type JournalError = Located<JournalErrorKind>;

impl JournalError {
    fn malformed(e: &serde_json::Error) -> Self {
        JournalError::new(JournalErrorKind::MalformedDocument {
            message: crate::text::short_message(&e.to_string()),
        })
        .at_json(e)
    }

    fn in_section(mut self, section: &str, index: usize) -> Self {
        let context = self.context_mut();
        context.field = Some(match context.field.take() {
            Some(field) => format!("{section}[{index}].{field}"),
            None => format!("{section}[{index}]"),
        });
        self
    }
}

impl From<ReferralError> for JournalError {
    fn from(e: ReferralError) -> Self {
        e.map_kind(JournalErrorKind::Referral)
    }
}

impl From<ActivityError> for JournalError {
    fn from(e: ActivityError) -> Self {
        e.map_kind(JournalErrorKind::Activity)
    }
}

impl From<InterviewError> for JournalError {
    fn from(e: InterviewError) -> Self {
        e.map_kind(JournalErrorKind::Interview)
    }
}

/// A referral held by a journal, with its lifecycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReferralRecord {
    referral: Referral,
    lifecycle: ReferralLifecycle,
    last_interview: Option<NaiveDate>,
}

impl ReferralRecord {
    /// The referral as received.
    pub fn referral(&self) -> &Referral {
        &self.referral
    }
    /// Its current state.
    pub fn state(&self) -> ReferralState {
        self.lifecycle.state()
    }
    /// Its lifecycle (state, consent, partner, history).
    pub fn lifecycle(&self) -> &ReferralLifecycle {
        &self.lifecycle
    }
    /// Its accepted transitions, in order.
    pub fn history(&self) -> &[ReferralTransition] {
        self.lifecycle.history()
    }
    /// The date of its latest interview, if any.
    pub fn last_interview(&self) -> Option<NaiveDate> {
        self.last_interview
    }
}

/// What a journal holds, in numbers (the output of the `ingest_journal` op).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct JournalSummary {
    /// Number of referrals.
    pub referrals: usize,
    /// Number of accepted transitions.
    pub transitions: usize,
    /// Number of interviews.
    pub interviews: usize,
    /// Number of activities.
    pub activities: usize,
    /// The current state of each referral, by id.
    pub referral_states: BTreeMap<ReferralId, ReferralState>,
    /// How many referrals are in each state (states with none are left out).
    pub state_counts: BTreeMap<ReferralState, usize>,
}

/// A consistent history of referrals, transitions, interviews and activities. Plain data:
/// `Send + Sync`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Journal {
    referrals: BTreeMap<ReferralId, ReferralRecord>,
    interviews: Vec<Interview>,
    interview_ids: BTreeSet<InterviewId>,
    activities: Vec<Activity>,
    activity_ids: BTreeSet<ActivityId>,
    transitions: usize,
}

impl Journal {
    /// An empty journal.
    pub fn new() -> Self {
        Journal::default()
    }

    /// A journal holding exactly the given document (see [`Journal::ingest`]).
    pub fn from_document(doc: &JournalDocument) -> Result<Self, JournalError> {
        let mut journal = Journal::new();
        journal.ingest(doc)?;
        Ok(journal)
    }

    /// A journal holding exactly the given JSON document.
    pub fn from_json(text: &str) -> Result<Self, JournalError> {
        Journal::from_document(&JournalDocument::from_json(text)?)
    }

    /// Ingests a whole document, all or nothing: on error the journal is unchanged.
    ///
    /// The document is checked against the journal and staged first (only the referrals it
    /// touches are copied), then committed: the cost grows with the document, not with the
    /// journal.
    pub fn ingest(&mut self, doc: &JournalDocument) -> Result<(), JournalError> {
        let mut stage = Stage::new(self);
        for (i, referral) in doc.referrals.iter().enumerate() {
            stage
                .add_referral(referral.clone())
                .map_err(|e| e.in_section("referrals", i))?;
        }
        for (i, transition) in doc.transitions.iter().enumerate() {
            stage
                .add_transition(transition)
                .map_err(|e| e.in_section("transitions", i))?;
        }
        for (i, interview) in doc.interviews.iter().enumerate() {
            stage
                .add_interview(interview.clone())
                .map_err(|e| e.in_section("interviews", i))?;
        }
        for (i, activity) in doc.activities.iter().enumerate() {
            stage
                .add_activity(activity.clone())
                .map_err(|e| e.in_section("activities", i))?;
        }
        let changes = stage.into_changes();
        self.commit(changes);
        Ok(())
    }

    /// Ingests a JSON [`JournalDocument`], all or nothing.
    pub fn ingest_json(&mut self, text: &str) -> Result<(), JournalError> {
        self.ingest(&JournalDocument::from_json(text)?)
    }

    /// Adds a referral (state `received`).
    pub fn add_referral(&mut self, referral: Referral) -> Result<(), JournalError> {
        let mut stage = Stage::new(self);
        stage.add_referral(referral)?;
        let changes = stage.into_changes();
        self.commit(changes);
        Ok(())
    }

    /// Applies a transition to a referral of the journal; returns the new state.
    pub fn add_transition(
        &mut self,
        transition: ReferralTransition,
    ) -> Result<ReferralState, JournalError> {
        let mut stage = Stage::new(self);
        let state = stage.add_transition(&transition)?;
        let changes = stage.into_changes();
        self.commit(changes);
        Ok(state)
    }

    /// Adds an interview.
    pub fn add_interview(&mut self, interview: Interview) -> Result<(), JournalError> {
        let mut stage = Stage::new(self);
        stage.add_interview(interview)?;
        let changes = stage.into_changes();
        self.commit(changes);
        Ok(())
    }

    /// Adds an activity.
    pub fn add_activity(&mut self, activity: Activity) -> Result<(), JournalError> {
        let mut stage = Stage::new(self);
        stage.add_activity(activity)?;
        let changes = stage.into_changes();
        self.commit(changes);
        Ok(())
    }

    fn commit(&mut self, changes: Changes) {
        self.referrals.extend(changes.records);
        self.interview_ids.extend(changes.interview_ids);
        self.interviews.extend(changes.interviews);
        self.activity_ids.extend(changes.activity_ids);
        self.activities.extend(changes.activities);
        self.transitions += changes.transitions;
    }

    /// Every referral, by id.
    pub fn referrals(&self) -> impl Iterator<Item = &ReferralRecord> {
        self.referrals.values()
    }
    /// One referral.
    pub fn referral(&self, id: &ReferralId) -> Option<&ReferralRecord> {
        self.referrals.get(id)
    }
    /// The current state of one referral.
    pub fn state_of(&self, id: &ReferralId) -> Option<ReferralState> {
        self.referrals.get(id).map(ReferralRecord::state)
    }
    /// Every interview, in the order ingested.
    pub fn interviews(&self) -> &[Interview] {
        &self.interviews
    }
    /// The interviews of one referral, in the order ingested.
    pub fn interviews_for<'a>(
        &'a self,
        referral: &'a ReferralId,
    ) -> impl Iterator<Item = &'a Interview> + 'a {
        self.interviews
            .iter()
            .filter(move |i| i.referral.as_ref() == Some(referral))
    }
    /// Every activity, in the order ingested.
    pub fn activities(&self) -> &[Activity] {
        &self.activities
    }

    /// What the journal holds, in numbers.
    pub fn summary(&self) -> JournalSummary {
        let mut state_counts = BTreeMap::new();
        for record in self.referrals.values() {
            *state_counts.entry(record.state()).or_insert(0) += 1;
        }
        JournalSummary {
            referrals: self.referrals.len(),
            transitions: self.transitions,
            interviews: self.interviews.len(),
            activities: self.activities.len(),
            referral_states: self
                .referrals
                .iter()
                .map(|(id, record)| (id.clone(), record.state()))
                .collect(),
            state_counts,
        }
    }

    /// The journal as a document: ingesting it into an empty journal gives an equal journal.
    pub fn to_document(&self) -> JournalDocument {
        JournalDocument {
            referrals: self
                .referrals
                .values()
                .map(|r| r.referral.clone())
                .collect(),
            transitions: self
                .referrals
                .values()
                .flat_map(|r| r.history().iter().cloned())
                .collect(),
            interviews: self.interviews.clone(),
            activities: self.activities.clone(),
        }
    }
}

/// What an ingest adds or changes, checked but not yet committed.
#[derive(Default)]
struct Changes {
    /// New referrals, and copies of the existing ones that changed.
    records: BTreeMap<ReferralId, ReferralRecord>,
    interview_ids: BTreeSet<InterviewId>,
    interviews: Vec<Interview>,
    activity_ids: BTreeSet<ActivityId>,
    activities: Vec<Activity>,
    transitions: usize,
}

/// A journal seen through pending changes: every rule is checked here, against the journal
/// and what the same call has already staged.
struct Stage<'a> {
    base: &'a Journal,
    changes: Changes,
}

impl<'a> Stage<'a> {
    fn new(base: &'a Journal) -> Self {
        Stage {
            base,
            changes: Changes::default(),
        }
    }

    fn into_changes(self) -> Changes {
        self.changes
    }

    fn has_referral(&self, id: &ReferralId) -> bool {
        self.changes.records.contains_key(id) || self.base.referrals.contains_key(id)
    }

    /// The staged copy of a referral, copied from the journal on first use.
    fn record_mut(&mut self, id: &ReferralId) -> Option<&mut ReferralRecord> {
        if !self.changes.records.contains_key(id) {
            let record = self.base.referrals.get(id)?.clone();
            self.changes.records.insert(id.clone(), record);
        }
        self.changes.records.get_mut(id)
    }

    fn add_referral(&mut self, referral: Referral) -> Result<(), JournalError> {
        if self.has_referral(&referral.id) {
            return Err(JournalError::new(JournalErrorKind::DuplicateId {
                entity: JournalEntity::Referral,
            })
            .entity(referral.id.as_str())
            .field("id"));
        }
        referral.validate()?;
        let lifecycle = ReferralLifecycle::new(&referral);
        self.changes.records.insert(
            referral.id.clone(),
            ReferralRecord {
                referral,
                lifecycle,
                last_interview: None,
            },
        );
        Ok(())
    }

    fn add_transition(
        &mut self,
        transition: &ReferralTransition,
    ) -> Result<ReferralState, JournalError> {
        let id = transition.referral.as_str();
        let unknown = || {
            JournalError::new(JournalErrorKind::UnknownReferral {
                referral: transition.referral.clone(),
            })
            .entity(id)
            .field("referral")
        };
        // Check on the journal's own record before copying it.
        let record = match self.changes.records.get(&transition.referral) {
            Some(record) => record,
            None => self
                .base
                .referrals
                .get(&transition.referral)
                .ok_or_else(unknown)?,
        };
        let next = record.lifecycle.check(transition)?;
        if let Some(interview) = record.last_interview {
            if next.is_final() && transition.date < interview {
                return Err(JournalError::new(JournalErrorKind::FinalBeforeInterview {
                    date: transition.date,
                    interview,
                })
                .entity(id)
                .field("date"));
            }
        }
        let record = self.record_mut(&transition.referral).ok_or_else(unknown)?;
        let state = record.lifecycle.apply(transition)?;
        self.changes.transitions += 1;
        Ok(state)
    }

    fn add_interview(&mut self, interview: Interview) -> Result<(), JournalError> {
        let entity = interview
            .id
            .as_ref()
            .map(|id| id.as_str())
            .or(interview.referral.as_ref().map(|r| r.as_str()))
            .unwrap_or("interview")
            .to_owned();
        interview
            .validate()
            .map_err(|e| JournalError::from(e).entity(&entity))?;
        if let Some(id) = &interview.id {
            if self.base.interview_ids.contains(id) || self.changes.interview_ids.contains(id) {
                return Err(JournalError::new(JournalErrorKind::DuplicateId {
                    entity: JournalEntity::Interview,
                })
                .entity(&entity)
                .field("id"));
            }
        }
        if let Some(referral_id) = &interview.referral {
            let unknown = || {
                JournalError::new(JournalErrorKind::UnknownReferral {
                    referral: referral_id.clone(),
                })
                .entity(&entity)
                .field("referral")
            };
            let record = match self.changes.records.get(referral_id) {
                Some(record) => record,
                None => self.base.referrals.get(referral_id).ok_or_else(unknown)?,
            };
            if record.referral.patient != interview.patient {
                return Err(JournalError::new(JournalErrorKind::PatientMismatch {
                    expected: record.referral.patient.clone(),
                    found: interview.patient.clone(),
                })
                .entity(&entity)
                .field("patient"));
            }
            if interview.date < record.referral.received {
                return Err(
                    JournalError::new(JournalErrorKind::InterviewBeforeReferral {
                        date: interview.date,
                        received: record.referral.received,
                    })
                    .entity(&entity)
                    .field("date"),
                );
            }
            if let Some(final_date) = record.lifecycle.final_date() {
                if interview.date > final_date {
                    return Err(JournalError::new(JournalErrorKind::InterviewAfterFinal {
                        date: interview.date,
                        state: record.lifecycle.state(),
                        final_date,
                    })
                    .entity(&entity)
                    .field("date"));
                }
            }
            if record.last_interview < Some(interview.date) {
                let record = self.record_mut(referral_id).ok_or_else(unknown)?;
                record.last_interview = Some(interview.date);
            }
        }
        if let Some(id) = &interview.id {
            self.changes.interview_ids.insert(id.clone());
        }
        self.changes.interviews.push(interview);
        Ok(())
    }

    fn add_activity(&mut self, activity: Activity) -> Result<(), JournalError> {
        if self.base.activity_ids.contains(&activity.id)
            || self.changes.activity_ids.contains(&activity.id)
        {
            return Err(JournalError::new(JournalErrorKind::DuplicateId {
                entity: JournalEntity::Activity,
            })
            .entity(activity.id.as_str())
            .field("id"));
        }
        activity.validate()?;
        self.changes.activity_ids.insert(activity.id.clone());
        self.changes.activities.push(activity);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interview::Modality;
    use crate::referral::{Consent, PathwayStage, ReferralEvent, ReferralOutcome, ReferralSource};
    use crate::PartnerId;

    fn date(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2023, m, d).unwrap()
    }

    fn referral() -> Referral {
        Referral {
            id: ReferralId::new("REF-1").unwrap(),
            patient: PatientId::new("PAT-1").unwrap(),
            received: date(1, 9),
            source: ReferralSource::ReferringPhysician { professional: None },
            needs: vec![],
            stage: PathwayStage::Diagnosis,
            consent: Consent::Given { date: date(1, 9) },
            establishment: None,
            setting: None,
            follow_up: None,
        }
    }

    fn transition(d: NaiveDate, event: ReferralEvent) -> ReferralTransition {
        ReferralTransition {
            referral: ReferralId::new("REF-1").unwrap(),
            date: d,
            event,
        }
    }

    fn interview(d: NaiveDate) -> Interview {
        let mut i = Interview::new(
            d,
            PartnerId::new("PP-001").unwrap(),
            PatientId::new("PAT-1").unwrap(),
            Modality::Video,
        );
        i.referral = Some(ReferralId::new("REF-1").unwrap());
        i
    }

    #[test]
    fn one_item_at_a_time() {
        let mut j = Journal::new();
        j.add_referral(referral()).unwrap();
        let assign = ReferralEvent::Assign {
            partner: PartnerId::new("PP-001").unwrap(),
        };
        assert_eq!(
            j.add_transition(transition(date(1, 10), assign)).unwrap(),
            ReferralState::Assigned
        );
        j.add_transition(transition(date(1, 11), ReferralEvent::Start))
            .unwrap();
        j.add_interview(interview(date(1, 20))).unwrap();
        // Closing before the interview already recorded would make it impossible.
        let close = |d| {
            transition(
                d,
                ReferralEvent::Close {
                    outcome: ReferralOutcome::NeedsAddressed,
                    orientations: vec![],
                },
            )
        };
        let err = j.add_transition(close(date(1, 15))).unwrap_err();
        assert_eq!(err.code(), "final_before_interview");
        assert_eq!(err.context().entity.as_deref(), Some("REF-1"));
        assert_eq!(j.state_of(&referral().id), Some(ReferralState::InProgress));
        j.add_transition(close(date(1, 20))).unwrap();
        assert_eq!(j.interviews_for(&referral().id).count(), 1);
        let record = j.referral(&referral().id).unwrap();
        assert_eq!(record.history().len(), 3);
        assert_eq!(record.last_interview(), Some(date(1, 20)));
        // The same day as the closure is fine, the day after is not.
        j.add_interview(interview(date(1, 20))).unwrap();
        let err = j.add_interview(interview(date(1, 21))).unwrap_err();
        assert_eq!(err.code(), "interview_after_final");
        assert_eq!(err.context().field.as_deref(), Some("date"));
        assert_eq!(j.interviews().len(), 2);
        assert_eq!(j.summary().transitions, 3);
    }

    #[test]
    fn a_bad_document_changes_nothing() {
        let mut j = Journal::new();
        let mut doc = JournalDocument {
            referrals: vec![referral()],
            interviews: vec![interview(date(1, 12)), interview(date(1, 1))],
            ..JournalDocument::default()
        };
        let err = j.ingest(&doc).unwrap_err();
        assert_eq!(err.code(), "interview_before_referral");
        assert_eq!(err.context().field.as_deref(), Some("interviews[1].date"));
        assert_eq!(j, Journal::new());
        doc.interviews.pop();
        j.ingest(&doc).unwrap();
        assert_eq!(j.summary().interviews, 1);
        assert_eq!(
            j.ingest(&doc).unwrap_err().code(),
            "duplicate_id",
            "the referral is already there"
        );
    }

    #[test]
    fn malformed_documents_say_where() {
        let err = Journal::from_json("{\n \"referrals\": [],\n \"notes\": 1\n}").unwrap_err();
        assert_eq!(err.code(), "malformed_document");
        assert_eq!(err.context().line, Some(3));
    }
}
