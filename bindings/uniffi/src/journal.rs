//! The journal as a thread-safe object: a core [`pp::Journal`] behind a `Mutex`, shared as an
//! `Arc` by uniffi (Kotlin: a `Journal` class, `AutoCloseable`; Swift: a `Journal` class).
//! Every call locks the journal for its duration; the core's ingests are all or nothing, so a
//! refused document leaves the journal unchanged whichever thread sent it.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDate;
use patient_partner as pp;
use patient_partner::ids::ReferralId;
use patient_partner::referral::{Referral, ReferralEvent, ReferralState, ReferralTransition};

use crate::error::{core, guard, FfiResult};
use crate::records::{count, from_core_activities, Activity};
use crate::referral::ReferralHistory;
use crate::report::{report_of, ActivityReport, Inputs, ReportRequest};
use crate::values::{from_core_interviews, to_json, Interview};

/// What a journal holds, in numbers (core: `journal::JournalSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalSummary {
    /// Number of referrals.
    pub referrals: i64,
    /// Number of accepted transitions.
    pub transitions: i64,
    /// Number of interviews.
    pub interviews: i64,
    /// Number of activities.
    pub activities: i64,
    /// The current state of each referral, by id.
    pub referral_states: HashMap<ReferralId, ReferralState>,
    /// How many referrals are in each state; states with none are left out.
    pub state_counts: HashMap<ReferralState, i64>,
}

impl From<pp::journal::JournalSummary> for JournalSummary {
    fn from(s: pp::journal::JournalSummary) -> Self {
        JournalSummary {
            referrals: count(s.referrals),
            transitions: count(s.transitions),
            interviews: count(s.interviews),
            activities: count(s.activities),
            referral_states: s.referral_states.into_iter().collect(),
            state_counts: s
                .state_counts
                .into_iter()
                .map(|(st, n)| (st, count(n)))
                .collect(),
        }
    }
}

/// A consistent history of referrals, transitions, interviews and activities, safe to share
/// between threads.
#[derive(Debug, Default, uniffi::Object)]
pub struct Journal {
    inner: Mutex<pp::Journal>,
}

impl Journal {
    /// Locks the journal. A poisoned lock (a panic while it was held, caught by the guard) is
    /// recovered: the core changes a journal only after every check passed, so its content
    /// is consistent.
    fn lock(&self) -> MutexGuard<'_, pp::Journal> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A journal holding `journal` (the FHIR import builds one).
    #[cfg(feature = "fhir")]
    pub(crate) fn from_core(journal: pp::Journal) -> Self {
        Journal {
            inner: Mutex::new(journal),
        }
    }

    /// Borrows the core journal for the indicator functions.
    pub(crate) fn with_core<T>(&self, f: impl FnOnce(&pp::Journal) -> T) -> T {
        f(&self.lock())
    }
}

#[uniffi::export]
impl Journal {
    /// An empty journal.
    #[uniffi::constructor]
    pub fn new() -> Self {
        Journal::default()
    }

    /// A journal built from a journal document (JSON text; schema
    /// `core/schemas/journal_document.schema.json`).
    #[uniffi::constructor]
    pub fn from_json(text: String) -> FfiResult<Self> {
        guard(|| {
            let journal = pp::Journal::from_json(&text).map_err(core)?;
            Ok(Journal {
                inner: Mutex::new(journal),
            })
        })
    }

    /// Ingests a journal document (JSON text), all or nothing.
    pub fn ingest_json(&self, text: String) -> FfiResult<()> {
        guard(|| self.lock().ingest_json(&text).map_err(core))
    }

    /// Adds a referral (state `received`), checked by the core (`Referral::validate`; its
    /// id must be new).
    pub fn add_referral(&self, referral: Referral) -> FfiResult<()> {
        guard(|| self.lock().add_referral(referral).map_err(core))
    }

    /// Applies `event`, dated `date`, to the referral `referral` of the journal; returns its
    /// new state. Refused (and nothing changed) when the lifecycle forbids it.
    pub fn apply(
        &self,
        referral: ReferralId,
        date: NaiveDate,
        event: ReferralEvent,
    ) -> FfiResult<ReferralState> {
        self.add_transition(ReferralTransition {
            referral,
            date,
            event,
        })
    }

    /// Applies a dated transition to a referral of the journal; returns its new state.
    pub fn add_transition(&self, transition: ReferralTransition) -> FfiResult<ReferralState> {
        guard(|| self.lock().add_transition(transition).map_err(core))
    }

    /// Adds an interview.
    pub fn add_interview(&self, interview: Interview) -> FfiResult<()> {
        guard(|| {
            let interview = pp::Interview::try_from(interview)?;
            self.lock().add_interview(interview).map_err(core)
        })
    }

    /// Adds an activity (validated by the core: `Activity::validate`; its id must be new).
    pub fn add_activity(&self, activity: Activity) -> FfiResult<()> {
        guard(|| {
            let activity = pp::Activity::try_from(activity)?;
            self.lock().add_activity(activity).map_err(core)
        })
    }

    /// The current state of a referral, or `null` if the journal does not know it.
    pub fn state_of(&self, referral: ReferralId) -> FfiResult<Option<ReferralState>> {
        guard(|| Ok(self.lock().state_of(&referral)))
    }

    /// Every referral, in the order of their ids.
    pub fn referrals(&self) -> FfiResult<Vec<Referral>> {
        guard(|| {
            Ok(self
                .lock()
                .referrals()
                .map(|r| r.referral().clone())
                .collect())
        })
    }

    /// One referral, or `null` if the journal does not know it.
    pub fn referral(&self, referral: ReferralId) -> FfiResult<Option<Referral>> {
        guard(|| {
            Ok(self
                .lock()
                .referral(&referral)
                .map(|r| r.referral().clone()))
        })
    }

    /// The accepted transitions of a referral, in order, or `null` if the journal does not
    /// know it.
    pub fn history(&self, referral: ReferralId) -> FfiResult<Option<Vec<ReferralTransition>>> {
        guard(|| {
            Ok(self
                .lock()
                .referral(&referral)
                .map(|r| r.history().to_vec()))
        })
    }

    /// Where a referral of the journal stands (state, consent, last date, partner), or
    /// `null` if the journal does not know it.
    pub fn referral_status(&self, referral: ReferralId) -> FfiResult<Option<ReferralHistory>> {
        guard(|| {
            Ok(self
                .lock()
                .referral(&referral)
                .map(|r| ReferralHistory::from(r.lifecycle())))
        })
    }

    /// Every interview, in the order they were ingested.
    pub fn interviews(&self) -> FfiResult<Vec<Interview>> {
        guard(|| Ok(from_core_interviews(self.lock().interviews())))
    }

    /// Every activity, in the order they were ingested.
    pub fn activities(&self) -> FfiResult<Vec<Activity>> {
        guard(|| Ok(from_core_activities(self.lock().activities())))
    }

    /// The activity report of the journal: its interviews and, on every row, its
    /// activities by category (no copy leaves Rust).
    pub fn activity_report(&self, request: ReportRequest) -> FfiResult<ActivityReport> {
        guard(|| report_of(Inputs::Journal(&self.lock()), &request))
    }

    /// `activityReport` off the caller's thread (Kotlin `suspend`, Swift `async`).
    /// The journal is locked while the report runs, as for every call.
    pub async fn activity_report_async(
        self: Arc<Self>,
        request: ReportRequest,
    ) -> FfiResult<ActivityReport> {
        crate::background::on_thread(move || report_of(Inputs::Journal(&self.lock()), &request))
            .await
    }

    /// What the journal holds, in numbers.
    pub fn summary(&self) -> FfiResult<JournalSummary> {
        guard(|| Ok(self.lock().summary().into()))
    }

    /// The whole journal as a journal document (JSON text).
    pub fn to_json(&self) -> FfiResult<String> {
        guard(|| Ok(to_json(&self.lock().to_document())))
    }
}

/// The journal's JSON exports (the `json` feature).
#[cfg(feature = "json")]
#[uniffi::export]
impl Journal {
    /// The summary as the core serialises it (JSON text).
    pub fn summary_json(&self) -> FfiResult<String> {
        guard(|| Ok(to_json(&self.lock().summary())))
    }
}
