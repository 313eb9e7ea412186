//! The journal as a thread-safe object: a core [`pp::Journal`] behind a `Mutex`, shared as an
//! `Arc` by uniffi (Kotlin: a `Journal` class, `AutoCloseable`; Swift: a `Journal` class).
//! Every call locks the journal for its duration; the core's ingests are all or nothing, so a
//! refused document leaves the journal unchanged whichever thread sent it.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use patient_partner as pp;
use patient_partner::{ids, Vocabulary};

use crate::error::{core, guard, FfiResult};
use crate::values::{from_core_interviews, from_json, to_json, Interview};

/// What a journal holds, in numbers (core: `journal::JournalSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct JournalSummary {
    /// Number of referrals.
    pub referrals: u64,
    /// Number of accepted transitions.
    pub transitions: u64,
    /// Number of interviews.
    pub interviews: u64,
    /// Number of activities.
    pub activities: u64,
    /// The current state (wire name) of each referral, by id.
    pub referral_states: HashMap<String, String>,
    /// How many referrals are in each state (wire name); states with none are left out.
    pub state_counts: HashMap<String, u64>,
}

fn count(n: usize) -> u64 {
    u64::try_from(n).unwrap_or(u64::MAX)
}

impl From<pp::journal::JournalSummary> for JournalSummary {
    fn from(s: pp::journal::JournalSummary) -> Self {
        JournalSummary {
            referrals: count(s.referrals),
            transitions: count(s.transitions),
            interviews: count(s.interviews),
            activities: count(s.activities),
            referral_states: s
                .referral_states
                .iter()
                .map(|(id, st)| (id.as_str().to_owned(), st.wire_name().to_owned()))
                .collect(),
            state_counts: s
                .state_counts
                .iter()
                .map(|(st, n)| (st.wire_name().to_owned(), count(*n)))
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

    /// Adds a referral (a referral document, JSON text).
    pub fn add_referral_json(&self, referral: String) -> FfiResult<()> {
        guard(|| {
            let referral = pp::Referral::from_json(&referral)?;
            self.lock().add_referral(referral).map_err(core)
        })
    }

    /// Applies a dated transition to a referral of the journal (JSON text:
    /// `{"referral": id, "date": "YYYY-MM-DD", "event": {...}}`); returns the new state
    /// (wire name).
    pub fn add_transition_json(&self, transition: String) -> FfiResult<String> {
        guard(|| {
            let transition: pp::ReferralTransition =
                from_json("ReferralTransition", "transition", &transition)?;
            let state = self.lock().add_transition(transition).map_err(core)?;
            Ok(state.wire_name().to_owned())
        })
    }

    /// Adds an interview.
    pub fn add_interview(&self, interview: Interview) -> FfiResult<()> {
        guard(|| {
            let interview = pp::Interview::try_from(interview)?;
            self.lock().add_interview(interview).map_err(core)
        })
    }

    /// Adds an activity (an activity document, JSON text).
    pub fn add_activity_json(&self, activity: String) -> FfiResult<()> {
        guard(|| {
            let activity = pp::Activity::from_json(&activity)?;
            self.lock().add_activity(activity).map_err(core)
        })
    }

    /// The current state (wire name) of a referral, or `null` if the journal does not know it.
    pub fn state_of(&self, referral: String) -> FfiResult<Option<String>> {
        guard(|| {
            let id = ids::ReferralId::new(referral).map_err(core)?;
            Ok(self.lock().state_of(&id).map(|s| s.wire_name().to_owned()))
        })
    }

    /// Every interview, in the order they were ingested.
    pub fn interviews(&self) -> FfiResult<Vec<Interview>> {
        guard(|| Ok(from_core_interviews(self.lock().interviews())))
    }

    /// What the journal holds, in numbers.
    pub fn summary(&self) -> FfiResult<JournalSummary> {
        guard(|| Ok(self.lock().summary().into()))
    }

    /// The summary as the core serialises it (JSON text).
    pub fn summary_json(&self) -> FfiResult<String> {
        guard(|| Ok(to_json(&self.lock().summary())))
    }

    /// The whole journal as a journal document (JSON text).
    pub fn to_json(&self) -> FfiResult<String> {
        guard(|| Ok(to_json(&self.lock().to_document())))
    }
}
