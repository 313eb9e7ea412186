//! Publications: several tables of one log protected together (the core's
//! `report::publication`). Conversions only.

use std::sync::Arc;

use patient_partner::indicators::published::{
    indicators_of, indicators_to_csv, protected_indicators, PublishedIndicator,
    PublishedWithIndicators, TableIndicator,
};
use patient_partner::report::publication::{
    publish, Ledger, Publication, PublishedTables, Revisions,
};
use patient_partner::report::{self, ReportRequest};
use pyo3::prelude::*;

use crate::errors::{guard, CoreResult};
use crate::report::{PyActivityReport, PyInterviews};
use crate::types::PyReportRequest;

/// Computes the tables of `requests` over `interviews`, protected together (the core's
/// `publish`), with the GIL released. With `ledger` (a path), the tables are a new release
/// of the ledger kept in that file: protected with every earlier release, then recorded
/// there (the core's `Publication::release_builder` and `Ledger::open`/`save`).
#[pyfunction]
#[pyo3(signature = (interviews, requests, ledger=None, revisions="refuse", indicators=Vec::new()))]
pub fn compute_publication(
    py: Python<'_>,
    interviews: &PyInterviews,
    requests: Vec<PyRef<'_, PyReportRequest>>,
    ledger: Option<std::path::PathBuf>,
    revisions: &str,
    indicators: Vec<String>,
) -> PyResult<PyPublishedTables> {
    guard(|| {
        let log = Arc::clone(&interviews.inner);
        let requests: Vec<ReportRequest> = requests.iter().map(|r| r.inner.clone()).collect();
        let revisions: Revisions = crate::convert::parse_wire(revisions).py()?;
        let asked = table_indicators(&indicators)?;
        let result = py.detach(move || {
            let publication = Publication::new(requests)?;
            let Some(path) = ledger else {
                return publish(&log, &publication);
            };
            let mut builder = publication.release_builder(Ledger::open(&path)?)?;
            builder.extend(log.iter())?;
            let (published, ledger) = builder.release(revisions)?;
            ledger.save(&path)?;
            Ok(published)
        });
        let published = result.py()?;
        let indicators = indicators_of(&published, &asked);
        Ok(PyPublishedTables::new(published, indicators))
    })
}

/// The wire names of `names` as indicators (`unknown_value` naming a wrong one).
fn table_indicators(names: &[String]) -> PyResult<Vec<TableIndicator>> {
    names
        .iter()
        .map(|n| crate::convert::parse_wire(n).py())
        .collect()
}

/// `indicators` by `by` over `request`'s period, protected as the publication of the table
/// by `by` and year with `request`'s threshold (the core's `protected_indicators`), with
/// the GIL released: one dict per indicator (`indicator`, `group_by`, `groups`).
#[pyfunction]
pub fn compute_protected_indicators<'py>(
    py: Python<'py>,
    interviews: &PyInterviews,
    request: PyRef<'_, PyReportRequest>,
    by: &str,
    indicators: Vec<String>,
) -> PyResult<Bound<'py, PyAny>> {
    guard(|| {
        let log = Arc::clone(&interviews.inner);
        let request = request.inner.clone();
        let by: report::GroupBy = crate::convert::parse_wire(by).py()?;
        let asked = table_indicators(&indicators)?;
        let result = py.detach(move || protected_indicators(&log, &request, by, &asked));
        crate::convert::to_py(py, &result.py()?)
    })
}

/// The tables of a publication, in the order asked (grouping first, then bucket), protected
/// together. Immutable.
#[pyclass(frozen, module = "patient_partner", name = "PublishedTables", sequence)]
pub struct PyPublishedTables {
    inner: Arc<PublishedTables>,
    tables: Vec<PyActivityReport>,
    indicators: Vec<PublishedIndicator>,
}

impl PyPublishedTables {
    fn new(published: PublishedTables, indicators: Vec<PublishedIndicator>) -> Self {
        let tables = published
            .tables
            .iter()
            .map(|t| PyActivityReport {
                inner: Arc::new(t.clone()),
            })
            .collect();
        PyPublishedTables {
            inner: Arc::new(published),
            tables,
            indicators,
        }
    }

    /// `{"tables": [...]}`, with `"indicators": [...]` when some were asked (the CLI's JSON).
    fn json_value(&self) -> serde_json::Value {
        serde_json::to_value(PublishedWithIndicators {
            published: (*self.inner).clone(),
            indicators: self.indicators.clone(),
        })
        .unwrap_or_default()
    }

    fn xlsx(&self, py: Python<'_>, lang: &str) -> PyResult<Vec<u8>> {
        let options = crate::report::xlsx_options(lang)?;
        let published = Arc::clone(&self.inner);
        py.detach(move || report::xlsx::publication_to_xlsx(&published, &options))
            .py()
    }
}

#[pymethods]
impl PyPublishedTables {
    /// The tables, one `ActivityReport` per (grouping, bucket).
    #[getter]
    fn tables(&self) -> Vec<PyActivityReport> {
        self.tables.clone()
    }

    /// The indicators asked (`indicators=`), read from the published tables: one dict per
    /// indicator and grouping (`indicator`, `group_by`, `groups`: the group's key, then
    /// `numerator`, `denominator`, `value`, `masked`).
    #[getter]
    fn indicators<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.indicators)
    }

    /// The indicators as CSV (`indicator,group_by,group,numerator,denominator,value`, a
    /// masked part as `s`).
    fn indicators_to_csv(&self) -> String {
        indicators_to_csv(&self.indicators)
    }

    /// The release's number in its ledger (from 1), `None` without a ledger.
    #[getter]
    fn release(&self) -> Option<u32> {
        self.inner.release
    }

    /// The cells of earlier releases that late entries changed, accepted by this release
    /// (`revisions="accept"`): dicts with `release`, `place`, `published`, `now`.
    #[getter]
    fn revisions<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::convert::to_py(py, &self.inner.revisions)
    }

    fn __len__(&self) -> usize {
        self.tables.len()
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyActivityReport> {
        let n = self.tables.len() as isize;
        let i = if index < 0 { index + n } else { index };
        usize::try_from(i)
            .ok()
            .and_then(|i| self.tables.get(i))
            .cloned()
            .ok_or_else(|| pyo3::exceptions::PyIndexError::new_err("table index out of range"))
    }

    /// `{"tables": [<one report dict per table>]}`, and `"indicators"` when asked.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| crate::convert::value_to_py(py, &self.json_value()))
    }

    /// The same as JSON text.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| crate::types::json_text(&self.json_value(), indent))
    }

    /// Every table as aligned text, each under a heading.
    fn to_table(&self) -> String {
        report::render::publication_to_table(&self.inner)
    }

    /// Every table as CSV, each after a `# by …` heading line (one table: plain CSV).
    fn to_csv(&self) -> String {
        report::render::publication_to_csv(&self.inner)
    }

    /// The whole publication as one Excel workbook: a sheet per group and table, then the
    /// definitions (`lang`: "fr" or "en").
    #[pyo3(signature = (lang="fr"))]
    fn to_xlsx_bytes<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        guard(|| Ok(pyo3::types::PyBytes::new(py, &self.xlsx(py, lang)?)))
    }

    /// Writes the workbook of `to_xlsx_bytes` to `path`.
    #[pyo3(signature = (path, lang="fr"))]
    fn to_excel(&self, py: Python<'_>, path: std::path::PathBuf, lang: &str) -> PyResult<()> {
        guard(|| {
            let bytes = self.xlsx(py, lang)?;
            py.detach(move || std::fs::write(&path, bytes))?;
            Ok(())
        })
    }

    fn __repr__(&self) -> String {
        let names: Vec<String> = self
            .inner
            .tables
            .iter()
            .map(|t| format!("{} by {}", t.group_by, t.bucket))
            .collect();
        format!("PublishedTables([{}])", names.join(", "))
    }
}
