//! Publications: several tables of one log protected together (the core's
//! `report::publication`). Conversions only.

use std::sync::Arc;

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
#[pyo3(signature = (interviews, requests, ledger=None, revisions="refuse"))]
pub fn compute_publication(
    py: Python<'_>,
    interviews: &PyInterviews,
    requests: Vec<PyRef<'_, PyReportRequest>>,
    ledger: Option<std::path::PathBuf>,
    revisions: &str,
) -> PyResult<PyPublishedTables> {
    guard(|| {
        let log = Arc::clone(&interviews.inner);
        let requests: Vec<ReportRequest> = requests.iter().map(|r| r.inner.clone()).collect();
        let revisions: Revisions = crate::convert::parse_wire(revisions).py()?;
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
        Ok(PyPublishedTables::new(result.py()?))
    })
}

/// The tables of a publication, in the order asked (grouping first, then bucket), protected
/// together. Immutable.
#[pyclass(frozen, module = "patient_partner", name = "PublishedTables", sequence)]
pub struct PyPublishedTables {
    inner: Arc<PublishedTables>,
    tables: Vec<PyActivityReport>,
}

impl PyPublishedTables {
    fn new(published: PublishedTables) -> Self {
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
        }
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

    /// `{"tables": [<one report dict per table>]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| crate::convert::value_to_py(py, &self.inner.to_json_value()))
    }

    /// The same as JSON text.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| crate::types::json_text(&self.inner.to_json_value(), indent))
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
