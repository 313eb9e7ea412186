//! Programme rules: posts, mandates, policies as data, their evaluation, the label checklist.

use patient_partner::policy::{EstablishmentData, LabelChecklist, Mandate, Policy, Post, PostRole};
use patient_partner::Vocabulary;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;

use crate::convert::{parse_wire, py_date, py_to_json_text, py_to_value, to_py};
use crate::errors::{guard, CoreResult};
use crate::types::json_text;

data_class! {
    /// A post of a salaried patient partner or parent partner (contract, working time, pay,
    /// renewals, trainings), validated by the core.
    PyPost, "Post", Post,
    parse = |t| Post::from_json(t).py(),
    {}
}

data_class! {
    /// The mandate of a user representative (CDU), validated by the core.
    PyMandate, "Mandate", Mandate,
    parse = |t| Mandate::from_json(t).py(),
    {}
}

data_class! {
    /// A label checklist: configurable criteria evaluated on an establishment's data. The
    /// shipped one (`LabelChecklist.example()`) is an example, not official criteria.
    PyLabelChecklist, "LabelChecklist", LabelChecklist,
    parse = |t| LabelChecklist::from_json(t).py(),
    {
        /// The example checklist shipped with the core (clearly marked as an example).
        #[staticmethod]
        fn example() -> Self {
            PyLabelChecklist { inner: LabelChecklist::example().clone() }
        }
    }
}

data_class! {
    /// The data of an establishment that a label checklist is evaluated on.
    PyEstablishmentData, "EstablishmentData", EstablishmentData,
    parse = |t| EstablishmentData::from_json(t).py(),
    {}
}

/// A `Post` given as a `Post`, a dict or JSON text.
fn post_arg(obj: &Bound<'_, PyAny>) -> PyResult<Post> {
    if let Ok(p) = obj.cast::<PyPost>() {
        return Ok(p.get().inner.clone());
    }
    PyPost::parse_text(&py_to_json_text(obj)?)
}

/// The programme's rules as data (immutable). `Policy.builtin()` is the regional programme;
/// `Policy.from_json(text)` / `from_dict(data)` load your own (validated: `PolicyError`).
/// Every evaluation returns all the findings, each with a stable rule id, a severity,
/// English and French messages and the facts it used.
#[pyclass(frozen, module = "patient_partner", name = "Policy")]
pub struct PyPolicy {
    inner: Policy,
}

#[pymethods]
impl PyPolicy {
    /// The built-in policy (the regional programme).
    #[staticmethod]
    fn builtin() -> Self {
        PyPolicy {
            inner: Policy::builtin().clone(),
        }
    }

    /// Loads and validates a policy from JSON text.
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| {
            Ok(PyPolicy {
                inner: Policy::from_json(text).py()?,
            })
        })
    }

    /// Loads and validates a policy from a dict of its JSON form.
    #[staticmethod]
    fn from_dict(data: &Bound<'_, PyAny>) -> PyResult<Self> {
        guard(|| {
            let value = py_to_value(data)?;
            if !value.is_object() {
                return Err(PyTypeError::new_err("Policy.from_dict expects a dict"));
            }
            Self::from_json(&value.to_string())
        })
    }

    /// The policy document as a dict.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, self.inner.document()))
    }

    /// The policy document as JSON text.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| json_text(self.inner.document(), indent))
    }

    /// The policy's id.
    #[getter]
    fn id(&self) -> &str {
        &self.inner.document().id
    }

    /// The kinds of post the policy funds (wire names, in order).
    #[getter]
    fn posts(&self) -> Vec<&'static str> {
        self.inner
            .document()
            .posts
            .iter()
            .map(|r| r.role.wire_name())
            .collect()
    }

    /// The ids of the trainings the policy knows (in order).
    #[getter]
    fn trainings(&self) -> Vec<String> {
        self.inner
            .document()
            .trainings
            .iter()
            .map(|t| t.id.to_string())
            .collect()
    }

    /// Every finding on a post (a `Post`, its dict or JSON text): `{"subject",
    /// "compliance", "findings": [...]}`.
    fn evaluate_post<'py>(
        &self,
        py: Python<'py>,
        post: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, &self.inner.evaluate_post(&post_arg(post)?).py()?))
    }

    /// The co-financing of `pay_cents` (gross annual pay, in cents) for a `role` post at
    /// `fte_permille` (500 = half time): agency, establishment, outside the programme.
    fn cofinancing_split<'py>(
        &self,
        py: Python<'py>,
        role: &str,
        fte_permille: i64,
        pay_cents: i64,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let role: PostRole = parse_wire(role).py()?;
            to_py(
                py,
                &self
                    .inner
                    .cofinancing_split(role, fte_permille, pay_cents)
                    .py()?,
            )
        })
    }

    /// The co-financing of a post's own pay and working time.
    fn post_split<'py>(
        &self,
        py: Python<'py>,
        post: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, &self.inner.post_split(&post_arg(post)?).py()?))
    }

    /// The contract calendar of a post: terms, renewal window, last possible end.
    fn contract_calendar<'py>(
        &self,
        py: Python<'py>,
        post: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, &self.inner.contract_calendar(&post_arg(post)?).py()?))
    }

    /// Every finding on a user representative's mandate (a `Mandate` or its dict) as of a
    /// date.
    fn evaluate_mandate<'py>(
        &self,
        py: Python<'py>,
        mandate: &Bound<'py, PyAny>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let mandate = match mandate.cast::<PyMandate>() {
                Ok(m) => m.get().inner.clone(),
                Err(_) => PyMandate::parse_text(&py_to_json_text(mandate)?)?,
            };
            let as_of = py_date(as_of)?;
            to_py(py, &self.inner.evaluate_mandate(&mandate, as_of).py()?)
        })
    }

    /// The programme indicators of `posts` (a list of `Post` or dicts) in `year`:
    /// establishments, posts, FTE, co-financing totals, renewal calendar.
    fn programme_indicators<'py>(
        &self,
        py: Python<'py>,
        posts: &Bound<'py, PyAny>,
        year: i32,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let mut list = Vec::new();
            for item in posts.try_iter()? {
                list.push(post_arg(&item?)?);
            }
            let policy = self.inner.clone();
            let r = py.detach(move || policy.programme_indicators(&list, year));
            to_py(py, &r.py()?)
        })
    }

    /// Evaluates a label checklist (default: the shipped example) on an establishment's
    /// data (an `EstablishmentData` or its dict).
    #[pyo3(signature = (data, checklist=None))]
    fn evaluate_label<'py>(
        &self,
        py: Python<'py>,
        data: &Bound<'py, PyAny>,
        checklist: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            let data = match data.cast::<PyEstablishmentData>() {
                Ok(d) => d.get().inner.clone(),
                Err(_) => PyEstablishmentData::parse_text(&py_to_json_text(data)?)?,
            };
            let checklist = match checklist {
                None => LabelChecklist::example().clone(),
                Some(c) if c.is_none() => LabelChecklist::example().clone(),
                Some(c) => match c.cast::<PyLabelChecklist>() {
                    Ok(c) => c.get().inner.clone(),
                    Err(_) => PyLabelChecklist::parse_text(&py_to_json_text(c)?)?,
                },
            };
            to_py(py, &self.inner.evaluate_label(&checklist, &data).py()?)
        })
    }

    fn __repr__(&self) -> String {
        format!("Policy(id={:?})", self.inner.document().id)
    }
}

/// The JSON Schema of an input document of the core (`input_schema_names()` lists them).
#[pyfunction]
pub fn input_schema<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let schemas = patient_partner::schema::input_schemas();
        match schemas.iter().find(|(n, _)| *n == name) {
            Some((_, schema)) => to_py(py, schema),
            None => Err(PyValueError::new_err(format!(
                "unknown schema {name:?}: expected one of {}",
                schemas
                    .iter()
                    .map(|(n, _)| *n)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    })
}

/// The names of the input documents that have a JSON Schema.
#[pyfunction]
pub fn input_schema_names() -> Vec<&'static str> {
    patient_partner::schema::input_schemas()
        .into_iter()
        .map(|(n, _)| n)
        .collect()
}
