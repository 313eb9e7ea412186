//! Identifiers, vocabularies, engagement, referrals, the journal and the indicators.

use std::sync::{Arc, Mutex, MutexGuard};

use patient_partner::activity::Activity;
use patient_partner::engagement::{Participation, Role, RoleCatalogue};
use patient_partner::ids::*;
use patient_partner::indicators::{self, IndicatorCatalogue};
use patient_partner::journal::Journal;
use patient_partner::mission::Mission;
use patient_partner::referral::{Consent, ReferralEvent, ReferralLifecycle, ReferralState};
use patient_partner::report::{GroupBy, Period};
use patient_partner::{Error, Modality, Vocabulary};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::convert::{parse_wire, py_date, py_to_json_text, py_to_value, to_py};
use crate::errors::{guard, CoreResult};
use crate::report::PyInterviews;
use crate::types::{
    json_text, PyActivity, PyInterview, PyJournalDocument, PyReferral, PyReferralTransition,
};

// ---------------------------------------------------------------------------------------
// Identifiers and vocabularies

/// Checks an identifier and returns its canonical form (trimmed). `id_type` is one of
/// `patient`, `partner`, `establishment`, `referral`, `interview`, `activity`,
/// `professional`, `post`, `mandate`. Raises `InvalidIdError`.
#[pyfunction]
pub fn parse_id(id_type: &str, value: &str) -> PyResult<String> {
    guard(|| {
        let parsed: Result<String, IdError> = match id_type {
            "patient" => PatientId::new(value).map(String::from),
            "partner" => PartnerId::new(value).map(String::from),
            "establishment" => EstablishmentId::new(value).map(String::from),
            "referral" => ReferralId::new(value).map(String::from),
            "interview" => InterviewId::new(value).map(String::from),
            "activity" => ActivityId::new(value).map(String::from),
            "professional" => ProfessionalId::new(value).map(String::from),
            "post" => PostId::new(value).map(String::from),
            "mandate" => MandateId::new(value).map(String::from),
            other => {
                return Err(PyValueError::new_err(format!(
                    "unknown id type {other:?}: expected patient, partner, establishment, referral, interview, activity, professional, post or mandate"
                )))
            }
        };
        parsed.py()
    })
}

/// Parses a modality as people write it (wire name or French label, any case, accents
/// optional) and returns its wire name. Raises `UnknownValueError`.
#[pyfunction]
pub fn parse_modality(value: &str) -> PyResult<&'static str> {
    guard(|| Ok(Modality::parse_lenient(value).py()?.wire_name()))
}

macro_rules! vocabularies {
    ($($name:literal => $ty:ty),* $(,)?) => {
        /// The names of the vocabularies `vocabulary()` knows.
        const VOCABULARY_NAMES: &[&str] = &[$($name),*];

        fn vocabulary_entries(name: &str) -> Option<Vec<(&'static str, &'static str, &'static str)>> {
            match name {
                $($name => Some(<$ty as Vocabulary>::all().iter()
                    .map(|v| (v.wire_name(), v.label_en(), v.label_fr())).collect()),)*
                _ => None,
            }
        }
    };
}

vocabularies! {
    "Modality" => Modality,
    "Mission" => Mission,
    "Role" => Role,
    "Participation" => Participation,
    "EngagementLevel" => patient_partner::EngagementLevel,
    "Scope" => patient_partner::Scope,
    "ReferralState" => ReferralState,
    "GroupBy" => patient_partner::report::GroupBy,
    "Bucket" => patient_partner::report::Bucket,
    "NewPatientRule" => patient_partner::report::NewPatientRule,
    "MissionCategory" => patient_partner::mission::MissionCategory,
    "ExtraClinicalArea" => patient_partner::mission::ExtraClinicalArea,
    "ActivityCategory" => patient_partner::mission::ActivityCategory,
    "MissionFormat" => patient_partner::mission::MissionFormat,
    "ActivityModality" => patient_partner::ActivityModality,
    "Remuneration" => patient_partner::engagement::Remuneration,
    "TrainingRequirement" => patient_partner::engagement::TrainingRequirement,
    "EstablishmentPatient" => patient_partner::engagement::EstablishmentPatient,
    "Need" => patient_partner::referral::Need,
    "PathwayStage" => patient_partner::referral::PathwayStage,
    "Profession" => patient_partner::referral::Profession,
    "Setting" => patient_partner::referral::Setting,
    "FollowUp" => patient_partner::referral::FollowUp,
    "ConsentStatus" => patient_partner::referral::ConsentStatus,
    "DeclineReason" => patient_partner::referral::DeclineReason,
    "ReferralOutcome" => patient_partner::referral::ReferralOutcome,
    "Resource" => patient_partner::referral::Resource,
    "PostRole" => patient_partner::policy::PostRole,
    "Severity" => patient_partner::policy::Severity,
    "Compliance" => patient_partner::policy::Compliance,
    "Reporting" => patient_partner::report::Reporting,
    "Column" => patient_partner::report::Column,
    "ActivityMeasure" => patient_partner::report::ActivityMeasure,
    "TableIndicator" => patient_partner::indicators::published::TableIndicator,
    "Revisions" => patient_partner::report::publication::Revisions,
    "LedgerRow" => patient_partner::report::publication::LedgerRow,
}

/// The values of a closed vocabulary of the core, in order: a list of
/// `(wire_name, english_label, french_label)`. `name` is one of `vocabulary_names()`.
#[pyfunction]
pub fn vocabulary(name: &str) -> PyResult<Vec<(&'static str, &'static str, &'static str)>> {
    vocabulary_entries(name).ok_or_else(|| {
        PyValueError::new_err(format!(
            "unknown vocabulary {name:?}: expected one of {}",
            VOCABULARY_NAMES.join(", ")
        ))
    })
}

/// The names of the vocabularies `vocabulary()` knows.
#[pyfunction]
pub fn vocabulary_names() -> Vec<&'static str> {
    VOCABULARY_NAMES.to_vec()
}

// ---------------------------------------------------------------------------------------
// Engagement and missions

/// The catalogue of engagement roles and the classification tables (immutable). The
/// built-in one is `RoleCatalogue.builtin()`; an establishment loads its own with
/// `RoleCatalogue.from_json(text)` or `from_dict(data)`.
#[pyclass(frozen, module = "patient_partner", name = "RoleCatalogue")]
pub struct PyRoleCatalogue {
    inner: RoleCatalogue,
}

#[pymethods]
impl PyRoleCatalogue {
    /// The built-in catalogue.
    #[staticmethod]
    fn builtin() -> Self {
        PyRoleCatalogue {
            inner: RoleCatalogue::builtin().clone(),
        }
    }

    /// Loads a catalogue from JSON text (errors: `EngagementError`).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyRoleCatalogue {
                inner: RoleCatalogue::from_json(text).py()?,
            })
        })
    }

    /// Loads a catalogue from a dict of its JSON form.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            let text = serde_json::to_string(&py_to_value(data)?)
                .map_err(|e| PyValueError::new_err(e.to_string()))?;
            Self::from_json(&text)
        })
    }

    /// The catalogue document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, self.inner.document()))
    }

    /// The catalogue document as JSON text.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| json_text(self.inner.document(), indent))
    }

    /// The roles of the catalogue (wire names, in catalogue order).
    #[getter]
    fn roles(&self) -> Vec<&'static str> {
        self.inner
            .profiles()
            .iter()
            .map(|p| p.role.wire_name())
            .collect()
    }

    /// Classifies a mission: `{"level", "scope", "participation", "role_fit"?}`.
    #[pyo3(signature = (mission, participation=None, role=None))]
    fn classify<'py>(
        &self,
        py: Python<'py>,
        mission: &str,
        participation: Option<&str>,
        role: Option<&str>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let mission: Mission = parse_wire(mission).py()?;
            let participation: Option<Participation> =
                participation.map(parse_wire).transpose().py()?;
            let role: Option<Role> = role.map(parse_wire).transpose().py()?;
            to_py(py, &self.inner.classify(mission, participation, role).py()?)
        })
    }

    /// The profile of a role: `{"role", "remuneration", "training",
    /// "establishment_patient", "levels", "scopes"}`.
    fn profile<'py>(&self, py: Python<'py>, role: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let role: Role = parse_wire(role).py()?;
            to_py(py, self.inner.profile(role).py()?)
        })
    }

    fn __repr__(&self) -> String {
        format!("RoleCatalogue(roles={})", self.inner.profiles().len())
    }
}

/// What the catalogue says about a mission: `{"mission", "category", "area"?, "format"}`.
#[pyfunction]
pub fn mission_profile<'py>(py: Python<'py>, mission: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let mission: Mission = parse_wire(mission).py()?;
        to_py(py, &mission.profile())
    })
}

// ---------------------------------------------------------------------------------------
// Referrals

fn from_py<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>, what: &str) -> PyResult<T> {
    let value = py_to_value(obj)?;
    serde_json::from_value(value).map_err(|e| PyValueError::new_err(format!("invalid {what}: {e}")))
}

/// The state a referral in state `state` reaches with `event` (a dict such as
/// `{"kind": "assign", "partner": "PP-001"}`), given the current `consent` (default
/// `{"status": "not_asked"}`). No date rule is checked. Raises `ReferralError`.
#[pyfunction]
#[pyo3(signature = (state, event, consent=None))]
pub fn referral_transition(
    state: &str,
    event: &Bound<'_, PyAny>,
    consent: Option<&Bound<'_, PyAny>>,
) -> PyResult<&'static str> {
    guard(|| {
        let from: ReferralState = parse_wire(state).py()?;
        let event: ReferralEvent = from_py(event, "referral event")?;
        let consent: Consent = match consent {
            Some(c) if !c.is_none() => from_py(c, "consent")?,
            _ => Consent::default(),
        };
        Ok(from.next(&event, &consent).py()?.wire_name())
    })
}

fn transition_arg(obj: &Bound<'_, PyAny>) -> PyResult<patient_partner::ReferralTransition> {
    if let Ok(t) = obj.cast::<PyReferralTransition>() {
        return Ok(t.get().inner.clone());
    }
    PyReferralTransition::parse_text(&py_to_json_text(obj)?)
}

/// The lifecycle of one referral: apply dated transitions, each checked by the core.
/// Thread-safe (an internal lock).
#[pyclass(frozen, module = "patient_partner", name = "ReferralLifecycle")]
pub struct PyReferralLifecycle {
    inner: Mutex<ReferralLifecycle>,
}

impl PyReferralLifecycle {
    fn lock(&self) -> PyResult<MutexGuard<'_, ReferralLifecycle>> {
        self.inner
            .lock()
            .map_err(|_| crate::errors::internal("lifecycle lock poisoned by an earlier panic"))
    }
}

#[pymethods]
impl PyReferralLifecycle {
    /// The lifecycle of a referral just received (state `received`).
    #[new]
    fn new(referral: &PyReferral) -> Self {
        PyReferralLifecycle {
            inner: Mutex::new(ReferralLifecycle::new(&referral.inner)),
        }
    }

    /// Applies a transition (a `ReferralTransition` or its dict) and returns the new state;
    /// on error (`ReferralError`) nothing changes.
    fn apply(&self, transition: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        guard(|| {
            let t = transition_arg(transition)?;
            Ok(self.lock()?.apply(&t).py()?.wire_name())
        })
    }

    /// The state `transition` would lead to, without applying it.
    fn check(&self, transition: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        guard(|| {
            let t = transition_arg(transition)?;
            Ok(self.lock()?.check(&t).py()?.wire_name())
        })
    }

    /// The current state (wire name).
    #[getter]
    fn state(&self) -> PyResult<&'static str> {
        Ok(self.lock()?.state().wire_name())
    }

    /// The current consent, as a dict.
    #[getter]
    fn consent<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let consent = self.lock()?.consent();
        to_py(py, &consent)
    }

    /// The partner of the last assignment, if any.
    #[getter]
    fn partner(&self) -> PyResult<Option<String>> {
        Ok(self.lock()?.partner().map(|p| p.as_str().to_owned()))
    }

    /// The date of the last transition (the receipt date if none).
    #[getter]
    fn last_date(&self) -> PyResult<chrono::NaiveDate> {
        Ok(self.lock()?.last_date())
    }

    /// The transitions applied, in order.
    #[getter]
    fn history(&self) -> PyResult<Vec<PyReferralTransition>> {
        Ok(self
            .lock()?
            .history()
            .iter()
            .map(|t| PyReferralTransition { inner: t.clone() })
            .collect())
    }

    fn __repr__(&self) -> PyResult<String> {
        let l = self.lock()?;
        Ok(format!(
            "ReferralLifecycle(referral={:?}, state={:?}, transitions={})",
            l.referral().as_str(),
            l.state().wire_name(),
            l.history().len()
        ))
    }
}

// ---------------------------------------------------------------------------------------
// Journal

/// A consistent history of referrals, transitions, interviews and activities. Every
/// ingest is all or nothing: a refused one raises (`JournalError`, or the error of the rule
/// broken) and changes nothing. Thread-safe (an internal lock; the GIL is released while
/// a document is ingested).
#[pyclass(frozen, module = "patient_partner", name = "Journal")]
pub struct PyJournal {
    inner: Arc<Mutex<Journal>>,
}

impl PyJournal {
    fn lock(&self) -> PyResult<MutexGuard<'_, Journal>> {
        self.inner
            .lock()
            .map_err(|_| crate::errors::internal("journal lock poisoned by an earlier panic"))
    }

    /// A copy of the journal (for computations without holding the lock).
    pub fn snapshot(&self) -> PyResult<Journal> {
        Ok(self.lock()?.clone())
    }
}

#[pymethods]
impl PyJournal {
    /// An empty journal.
    #[new]
    fn new() -> Self {
        PyJournal {
            inner: Arc::new(Mutex::new(Journal::new())),
        }
    }

    /// A journal from a journal document in JSON text.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyJournal {
                inner: Arc::new(Mutex::new(Journal::from_json(text).py()?)),
            })
        })
    }

    /// A journal from a journal document given as a dict (or a `JournalDocument`).
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| Self::from_json(&py_to_json_text_obj(data)?))
    }

    /// A journal from a FHIR R4 Bundle (a dict, or JSON text) of the shape `to_fhir` writes:
    /// the journal's rules apply (all or nothing). A Bundle it cannot read raises
    /// `FhirError` naming the element (`field`: `Bundle.entry[3].resource.status`).
    #[staticmethod]
    fn from_fhir(py: Python<'_>, bundle: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            let journal = if bundle.is_instance_of::<pyo3::types::PyString>() {
                let text: String = bundle.extract()?;
                py.detach(move || patient_partner::fhir::import::journal_from_bundle_json(&text))
                    .py()?
            } else {
                let value = crate::convert::py_to_value(bundle)?;
                py.detach(move || patient_partner::fhir::import::journal_from_bundle(&value))
                    .py()?
            };
            Ok(PyJournal {
                inner: Arc::new(Mutex::new(journal)),
            })
        })
    }

    /// The journal as a FHIR R4 Bundle (a dict): `kind="collection"` (default) or
    /// `"transaction"` (conditional creates). Patients are pseudonyms only (ADR 0013).
    #[pyo3(signature = (kind="collection"))]
    fn to_fhir<'py>(&self, py: Python<'py>, kind: &str) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let kind =
                crate::convert::parse_wire::<patient_partner::fhir::export::BundleKind>(kind)
                    .py()?;
            let bundle = patient_partner::fhir::export::journal_bundle(&*self.lock()?, kind);
            crate::convert::value_to_py(py, &bundle)
        })
    }

    /// Ingests a journal document given as JSON text, all or nothing.
    fn ingest_json(&self, py: Python<'_>, text: &str) -> PyResult<()> {
        guard(|| {
            let text = text.to_owned();
            let inner = Arc::clone(&self.inner);
            let result = py.detach(move || -> Result<Result<(), Error>, ()> {
                let mut j = inner.lock().map_err(|_| ())?;
                Ok(j.ingest_json(&text).map_err(Error::from))
            });
            match result {
                Ok(r) => r.py(),
                Err(()) => Err(crate::errors::internal(
                    "journal lock poisoned by an earlier panic",
                )),
            }
        })
    }

    /// Ingests a journal document given as a dict (or a `JournalDocument`), all or
    /// nothing.
    fn ingest(&self, py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<()> {
        guard(|| {
            let text = py_to_json_text_obj(document)?;
            self.ingest_json(py, &text)
        })
    }

    /// Adds a referral.
    fn add_referral(&self, referral: &PyReferral) -> PyResult<()> {
        guard(|| self.lock()?.add_referral(referral.inner.clone()).py())
    }

    /// Applies a transition to a referral of the journal; returns the new state.
    fn add_transition(&self, transition: &Bound<'_, PyAny>) -> PyResult<&'static str> {
        guard(|| {
            let t = transition_arg(transition)?;
            let mut j = self.lock()?;
            j.add_transition(t.clone()).py()?;
            Ok(j.state_of(&t.referral)
                .map(|s| s.wire_name())
                .unwrap_or("received"))
        })
    }

    /// Adds an interview.
    fn add_interview(&self, interview: &PyInterview) -> PyResult<()> {
        guard(|| self.lock()?.add_interview(interview.inner.clone()).py())
    }

    /// Adds an activity.
    fn add_activity(&self, activity: &PyActivity) -> PyResult<()> {
        guard(|| self.lock()?.add_activity(activity.inner.clone()).py())
    }

    /// `{"referrals", "transitions", "interviews", "activities", "referral_states",
    /// "state_counts"}`.
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let s = self.lock()?.summary();
            to_py(py, &s)
        })
    }

    /// The current state of a referral (wire name), or `None` if unknown.
    fn state_of(&self, referral: &str) -> PyResult<Option<&'static str>> {
        guard(|| {
            let id = ReferralId::new(referral).py()?;
            Ok(self.lock()?.state_of(&id).map(|s| s.wire_name()))
        })
    }

    /// The interviews of the journal.
    fn interviews(&self) -> PyResult<PyInterviews> {
        Ok(PyInterviews::from_vec(self.lock()?.interviews().to_vec()))
    }

    /// The activity report of the journal (the core's `journal_report`): its interviews
    /// and, on every row, its activities by category. The journal is read in place, with
    /// the GIL released.
    fn compute_report(
        &self,
        py: Python<'_>,
        request: &crate::types::PyReportRequest,
    ) -> PyResult<crate::report::PyActivityReport> {
        guard(|| {
            let journal = Arc::clone(&self.inner);
            let request = request.inner.clone();
            let result = py.detach(move || {
                let journal = journal
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner);
                patient_partner::report::journal_report(&journal, &request)
            });
            Ok(crate::report::PyActivityReport {
                inner: Arc::new(result.py()?),
            })
        })
    }

    /// The activities of the journal.
    fn activities(&self) -> PyResult<Vec<PyActivity>> {
        Ok(self
            .lock()?
            .activities()
            .iter()
            .map(|a| PyActivity { inner: a.clone() })
            .collect())
    }

    /// The whole journal as a journal document.
    fn to_document(&self) -> PyResult<PyJournalDocument> {
        Ok(PyJournalDocument {
            inner: self.lock()?.to_document(),
        })
    }

    /// The whole journal as a dict (a journal document).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let doc = self.lock()?.to_document();
            to_py(py, &doc)
        })
    }

    /// The whole journal as JSON text (a journal document).
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| json_text(&self.lock()?.to_document(), indent))
    }

    fn __repr__(&self) -> PyResult<String> {
        let s = self.lock()?.summary();
        Ok(format!(
            "Journal(referrals={}, transitions={}, interviews={}, activities={})",
            s.referrals, s.transitions, s.interviews, s.activities
        ))
    }
}

fn py_to_json_text_obj(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    if obj.is_instance_of::<pyo3::types::PyString>() {
        return Err(PyTypeError::new_err(
            "expected a dict (use from_json / ingest_json for JSON text)",
        ));
    }
    py_to_json_text(obj)
}

// ---------------------------------------------------------------------------------------
// Indicators

fn period(start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> PyResult<Period> {
    Period::new(py_date(start)?, py_date(end)?).py()
}

fn interviews_arg(obj: &Bound<'_, PyAny>) -> PyResult<Arc<Vec<patient_partner::Interview>>> {
    if let Ok(log) = obj.cast::<PyInterviews>() {
        return Ok(Arc::clone(&log.get().inner));
    }
    let mut out = Vec::new();
    for item in obj.try_iter()? {
        let item = item?;
        let i = item.cast::<PyInterview>().map_err(|_| {
            PyTypeError::new_err("expected Interviews or a list of Interview objects")
        })?;
        out.push(i.get().inner.clone());
    }
    Ok(Arc::new(out))
}

/// The indicator definitions: a list of `{"id", "name_en", "name_fr", "definition",
/// "unit", ...}` as the core's catalogue holds them.
#[pyfunction]
pub fn indicator_catalogue(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    guard(|| to_py(py, IndicatorCatalogue::builtin()))
}

/// The period of an interview indicator: the bounds given, a missing one from the log's
/// first or last interview (the core's `Period::resolve`, as the reports default).
fn log_period(
    log: &[patient_partner::Interview],
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
) -> PyResult<Period> {
    let start = start.map(py_date).transpose()?;
    let end = end.map(py_date).transpose()?;
    Period::resolve_for(start, end, log).py()
}

/// The first and last interview days of a log (`None` when empty).
pub fn date_span(
    log: &[patient_partner::Interview],
) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
    Period::spanning(log.iter().map(|i| i.date)).map(|p| (p.start(), p.end()))
}

/// An interview indicator, over all interviews (`by=None`: one dict) or per group (a list
/// of flat dicts, the group key first: a data frame in one call).
fn interview_indicator<'py, T, G>(
    py: Python<'py>,
    interviews: &Bound<'py, PyAny>,
    start: Option<&Bound<'py, PyAny>>,
    end: Option<&Bound<'py, PyAny>>,
    by: Option<&str>,
    whole: fn(&[patient_partner::Interview], &Period) -> T,
    grouped: fn(&[patient_partner::Interview], &Period, GroupBy) -> Vec<G>,
) -> PyResult<Bound<'py, PyAny>>
where
    T: serde::Serialize + Send,
    G: serde::Serialize + Send,
{
    guard(|| {
        let log = interviews_arg(interviews)?;
        let p = log_period(&log, start, end)?;
        match by {
            None => {
                let r = py.detach(move || whole(&log, &p));
                to_py(py, &r)
            }
            Some(by) => {
                let by: GroupBy = parse_wire(by).py()?;
                let r = py.detach(move || grouped(&log, &p, by));
                to_py(py, &r)
            }
        }
    })
}

/// Interviews by modality, total, and distinct patients over `[start, end]` (by default the
/// log's first to last interview); per group with `by=`.
#[pyfunction]
#[pyo3(signature = (interviews, start=None, end=None, *, by=None))]
pub fn activity_counts<'py>(
    py: Python<'py>,
    interviews: &Bound<'py, PyAny>,
    start: Option<&Bound<'py, PyAny>>,
    end: Option<&Bound<'py, PyAny>>,
    by: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    interview_indicator(
        py,
        interviews,
        start,
        end,
        by,
        indicators::activity_counts,
        indicators::activity_counts_by,
    )
}

/// Interviews per distinct patient over `[start, end]` (a ratio dict; per group with `by=`).
#[pyfunction]
#[pyo3(signature = (interviews, start=None, end=None, *, by=None))]
pub fn interviews_per_patient<'py>(
    py: Python<'py>,
    interviews: &Bound<'py, PyAny>,
    start: Option<&Bound<'py, PyAny>>,
    end: Option<&Bound<'py, PyAny>>,
    by: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    interview_indicator(
        py,
        interviews,
        start,
        end,
        by,
        indicators::interviews_per_patient,
        indicators::interviews_per_patient_by,
    )
}

/// Phone and video interviews over all interviews in `[start, end]` (a ratio dict; per group
/// with `by=`).
#[pyfunction]
#[pyo3(signature = (interviews, start=None, end=None, *, by=None))]
pub fn remote_share<'py>(
    py: Python<'py>,
    interviews: &Bound<'py, PyAny>,
    start: Option<&Bound<'py, PyAny>>,
    end: Option<&Bound<'py, PyAny>>,
    by: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    interview_indicator(
        py,
        interviews,
        start,
        end,
        by,
        indicators::remote_share,
        indicators::remote_share_by,
    )
}

/// The period of a report: the bounds given, a missing one from `span` (the log's first
/// and last interview days), by the core's rule (`no_period` when there is none).
#[pyfunction]
#[pyo3(signature = (start=None, end=None, span=None))]
pub fn default_period(
    start: Option<&Bound<'_, PyAny>>,
    end: Option<&Bound<'_, PyAny>>,
    span: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
) -> PyResult<(chrono::NaiveDate, chrono::NaiveDate)> {
    guard(|| {
        let start = start.map(py_date).transpose()?;
        let end = end.map(py_date).transpose()?;
        let p = Period::resolve(start, end, span).py()?;
        Ok((p.start(), p.end()))
    })
}

macro_rules! journal_indicator {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[pyfunction]
        pub fn $name<'py>(
            py: Python<'py>,
            journal: &PyJournal,
            start: &Bound<'py, PyAny>,
            end: &Bound<'py, PyAny>,
        ) -> PyResult<Bound<'py, PyAny>> {
            guard(|| {
                let p = period(start, end)?;
                let r = indicators::$name(&*journal.lock()?, &p);
                to_py(py, &r)
            })
        }
    };
}

journal_indicator! {
    /// Days from referral to first interview: median and 90th percentile (nearest rank).
    referral_delay
}
journal_indicator! {
    /// The share of referrals by source over `[start, end]`.
    referral_sources
}
journal_indicator! {
    /// Closed referrals with at least one orientation, over closed referrals (a ratio).
    orientation_rate
}
journal_indicator! {
    /// Declined referrals over referrals that reached a final state (a ratio).
    decline_rate
}

/// The core's activities of an iterable of `Activity` objects or activity dicts (each dict
/// read and validated as `Activity.from_dict` does).
pub fn activities_of(activities: &Bound<'_, PyAny>) -> PyResult<Vec<Activity>> {
    let mut list: Vec<Activity> = Vec::new();
    for item in activities.try_iter()? {
        let item = item?;
        match item.cast::<PyActivity>() {
            Ok(a) => list.push(a.get().inner.clone()),
            Err(_) => list.push(PyActivity::parse_text(&py_to_json_text(&item)?)?),
        }
    }
    Ok(list)
}

/// Extra-clinical activities by mission area over `[start, end]`; `activities` is a list of
/// `Activity` objects or of their dicts.
#[pyfunction]
pub fn extra_clinical_activities<'py>(
    py: Python<'py>,
    activities: &Bound<'py, PyAny>,
    start: &Bound<'py, PyAny>,
    end: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let p = period(start, end)?;
        let list = activities_of(activities)?;
        to_py(py, &indicators::extra_clinical_activities(&list, &p))
    })
}
