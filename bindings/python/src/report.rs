//! Interview logs (one batch across the boundary) and activity reports.

use std::sync::Arc;

use patient_partner::import;
use patient_partner::report::{self, ActivityReport, ReportRequest};
use patient_partner::{Interview, Vocabulary};
use pyo3::exceptions::{PyIndexError, PyTypeError};
use pyo3::prelude::*;

use crate::convert::to_py;
use crate::errors::{guard, CoreResult};
use crate::types::{json_text, PyInterview, PyReportRequest};

/// Calls a function of the pure-Python helper module `patient_partner._frames`.
pub fn frames<'py>(
    py: Python<'py>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("patient_partner._frames")?
        .getattr(name)?
        .call1(args)
}

/// An interview log held by the core: immutable, shared without copy, one batch across the
/// boundary.
#[pyclass(frozen, module = "patient_partner", name = "Interviews", sequence)]
#[derive(Clone)]
pub struct PyInterviews {
    pub inner: Arc<Vec<Interview>>,
    /// What the import that made this log left aside (`None` when not read from a file).
    pub summary: Option<Arc<import::ImportSummary>>,
}

impl PyInterviews {
    pub fn from_vec(v: Vec<Interview>) -> Self {
        PyInterviews {
            inner: Arc::new(v),
            summary: None,
        }
    }

    pub fn with_summary(v: Vec<Interview>, summary: import::ImportSummary) -> Self {
        PyInterviews {
            inner: Arc::new(v),
            summary: Some(Arc::new(summary)),
        }
    }
}

#[pymethods]
impl PyInterviews {
    /// A log from `Interview` objects (use `read_interviews_csv` or `parse_interviews_*` for
    /// files and text).
    #[new]
    #[pyo3(signature = (items=None))]
    fn new(items: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        guard(|| {
            let mut out = Vec::new();
            if let Some(items) = items {
                for item in items.try_iter()? {
                    let item = item?;
                    let interview = item.cast::<PyInterview>().map_err(|_| {
                        PyTypeError::new_err("Interviews() takes Interview objects")
                    })?;
                    out.push(interview.get().inner.clone());
                }
            }
            Ok(Self::from_vec(out))
        })
    }

    /// Reads a JSON log (an array of interviews or `{"interviews": [...]}`).
    #[staticmethod]
    fn from_json(text: &str) -> PyResult<Self> {
        guard(|| Ok(Self::from_vec(import::read_interviews_json(text).py()?)))
    }

    /// Pickles through the JSON form.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (json_text(slf.get().inner.as_slice(), None)?,)))
    }

    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// What the import left aside (a dict: `format`, `sheet`, `encoding`, `separator`,
    /// `columns`, `rows`, `ignored_columns`, `blank_rows`, `blank_row_lines`), or `None`
    /// for a log not read from a file.
    #[getter]
    fn summary<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        guard(|| {
            self.summary
                .as_deref()
                .map(|s| crate::files::summary_dict(py, s))
                .transpose()
        })
    }

    fn __getitem__(&self, index: isize) -> PyResult<PyInterview> {
        let len = self.inner.len() as isize;
        let i = if index < 0 { index + len } else { index };
        if i < 0 || i >= len {
            return Err(PyIndexError::new_err("interview index out of range"));
        }
        Ok(PyInterview {
            inner: self.inner[i as usize].clone(),
        })
    }

    /// Each interview as a dict of its JSON form.
    /// The first and last interview days, `None` for an empty log (what a report's period
    /// defaults to).
    fn date_span(&self) -> Option<(chrono::NaiveDate, chrono::NaiveDate)> {
        crate::domain::date_span(&self.inner)
    }

    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, self.inner.as_slice()))
    }

    /// The log as JSON text (an array of interviews).
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| json_text(self.inner.as_slice(), indent))
    }

    /// The log as a pandas DataFrame with the CSV columns (`date` as `datetime.date`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames(py, "interviews_to_pandas", (self.to_dicts(py)?,))
    }

    /// The log as a polars DataFrame with the CSV columns (`date` of type `Date`).
    fn to_polars<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frames(py, "interviews_to_polars", (self.to_dicts(py)?,))
    }

    fn __repr__(&self) -> String {
        match (
            self.inner.iter().map(|i| i.date).min(),
            self.inner.iter().map(|i| i.date).max(),
        ) {
            (Some(a), Some(b)) => format!("Interviews(len={}, from={a}, to={b})", self.inner.len()),
            _ => "Interviews(len=0)".to_owned(),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        Ok(match other.cast::<Self>() {
            Ok(o) => pyo3::types::PyBool::new(py, self.inner == o.get().inner)
                .to_owned()
                .into_any()
                .unbind(),
            Err(_) => py.NotImplemented(),
        })
    }
}

/// Reads an interview log from a CSV file (the core's rules: `,` or `;`, ISO or French
/// dates, French modalities). All or nothing: a bad row raises `DataImportError` with its
/// `line` and `column`. The GIL is released while the file is read.
#[pyfunction]
pub fn read_interviews_csv(py: Python<'_>, path: std::path::PathBuf) -> PyResult<PyInterviews> {
    guard(|| {
        let file = std::fs::File::open(&path)?;
        let result = py.detach(move || import::read_interviews_csv(file));
        Ok(PyInterviews::from_vec(result.py()?))
    })
}

/// Reads an interview log from CSV text (see `read_interviews_csv`).
#[pyfunction]
pub fn parse_interviews_csv(py: Python<'_>, text: &str) -> PyResult<PyInterviews> {
    guard(|| {
        let text = text.to_owned();
        let result = py.detach(move || import::read_interviews_csv_str(&text));
        Ok(PyInterviews::from_vec(result.py()?))
    })
}

/// Reads an interview log from a JSON file (an array of interviews or
/// `{"interviews": [...]}`).
#[pyfunction]
pub fn read_interviews_json(py: Python<'_>, path: std::path::PathBuf) -> PyResult<PyInterviews> {
    guard(|| {
        let text = std::fs::read_to_string(&path)?;
        let result = py.detach(move || import::read_interviews_json(&text));
        Ok(PyInterviews::from_vec(result.py()?))
    })
}

/// Reads an interview log from JSON text.
#[pyfunction]
pub fn parse_interviews_json(py: Python<'_>, text: &str) -> PyResult<PyInterviews> {
    guard(|| {
        let text = text.to_owned();
        let result = py.detach(move || import::read_interviews_json(&text));
        Ok(PyInterviews::from_vec(result.py()?))
    })
}

/// Computes the activity report of `interviews` for `request` (the core's
/// `activity_report`; with `activities`, an iterable of `Activity` or dicts,
/// `activity_report_with`), with the GIL released during the computation.
#[pyfunction]
#[pyo3(signature = (interviews, request, *, activities=None))]
pub fn compute_activity_report(
    py: Python<'_>,
    interviews: &PyInterviews,
    request: &PyReportRequest,
    activities: Option<&Bound<'_, PyAny>>,
) -> PyResult<PyActivityReport> {
    guard(|| {
        let log = Arc::clone(&interviews.inner);
        let request: ReportRequest = request.inner.clone();
        let activities = activities.map(crate::domain::activities_of).transpose()?;
        let result = py.detach(move || match activities {
            None => report::activity_report(&log, &request),
            Some(list) => report::activity_report_with(&log, &list, &request),
        });
        Ok(PyActivityReport {
            inner: Arc::new(result.py()?),
        })
    })
}

/// An activity report: per group and bucket the interviews in person, by phone, by video,
/// the total, the new patients and the distinct patients; per group a totals row. Immutable.
#[pyclass(frozen, module = "patient_partner", name = "ActivityReport")]
#[derive(Clone)]
pub struct PyActivityReport {
    pub inner: Arc<ActivityReport>,
}

#[pymethods]
impl PyActivityReport {
    /// The report as the crate's public JSON object: the settings, `rows` and `totals`
    /// (identical to `cargo run --example activity_report -- --format json`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| crate::convert::value_to_py(py, &self.inner.to_json_value()))
    }

    /// The report as JSON text.
    #[pyo3(signature = (indent=None))]
    fn to_json(&self, indent: Option<usize>) -> PyResult<String> {
        guard(|| json_text(&self.inner.to_json_value(), indent))
    }

    /// The rows (one dict per group and bucket), as in `to_dict()["rows"]`.
    fn to_dicts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, &self.inner.rows))
    }

    /// The rows, as in `to_dict()["rows"]`.
    #[getter]
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.to_dicts(py)
    }

    /// The totals rows (one per group), as in `to_dict()["totals"]`.
    #[getter]
    fn totals<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| to_py(py, &self.inner.totals))
    }

    /// The first day of the period.
    #[getter]
    fn start(&self) -> chrono::NaiveDate {
        self.inner.period.start()
    }

    /// The last day of the period.
    #[getter]
    fn end(&self) -> chrono::NaiveDate {
        self.inner.period.end()
    }

    /// `partner`, `establishment` or `all`.
    #[getter]
    fn group_by(&self) -> &'static str {
        self.inner.group_by.wire_name()
    }

    /// `month`, `quarter` or `year`.
    #[getter]
    fn bucket(&self) -> &'static str {
        self.inner.bucket.wire_name()
    }

    /// `first_in_period` or `first_ever`.
    #[getter]
    fn new_patient_rule(&self) -> &'static str {
        self.inner.new_patient_rule.wire_name()
    }

    /// The disclosure threshold applied, if any.
    #[getter]
    fn suppress_below(&self) -> Option<u64> {
        self.inner.suppress_below
    }

    /// The report as a FHIR R4 collection Bundle of MeasureReports (a dict): one per bucket
    /// and one for the totals; masked cells carry the data-absent-reason `masked`, buckets
    /// not reported `unknown` (ADR 0013).
    fn to_fhir<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        guard(|| {
            crate::convert::value_to_py(
                py,
                &patient_partner::fhir::measure_report::report_bundle(&self.inner),
            )
        })
    }

    /// The tables as text, as the example prints them.
    fn to_table(&self) -> PyResult<String> {
        guard(|| Ok(report::render::to_table(&self.inner)))
    }

    /// The rows as CSV text, as the example writes them.
    fn to_csv(&self) -> PyResult<String> {
        guard(|| Ok(report::render::to_csv(&self.inner)))
    }

    /// The report as an Excel workbook's bytes (`lang`: `"fr"` or `"en"`): a sheet and a
    /// chart per group, masked cells `s` (legend: below N, or masked to protect another),
    /// not reported `–`, a definitions sheet.
    #[pyo3(signature = (lang="fr"))]
    fn to_xlsx_bytes<'py>(
        &self,
        py: Python<'py>,
        lang: &str,
    ) -> PyResult<Bound<'py, pyo3::types::PyBytes>> {
        guard(|| Ok(pyo3::types::PyBytes::new(py, &self.xlsx(py, lang)?)))
    }

    /// Writes the report as an Excel workbook to `path` (see `to_xlsx_bytes`).
    #[pyo3(signature = (path, lang="fr"))]
    fn to_excel(&self, py: Python<'_>, path: std::path::PathBuf, lang: &str) -> PyResult<()> {
        guard(|| {
            let bytes = self.xlsx(py, lang)?;
            py.detach(move || std::fs::write(&path, bytes))?;
            Ok(())
        })
    }

    /// The rows (`table="rows"`) or totals (`table="totals"`) as an Arrow table that
    /// exports `__arrow_c_stream__` (`pyarrow.table(t)`, `polars.DataFrame(t)`,
    /// `duckdb.arrow(t)`); no Python object per row. Columns: see `to_pandas`.
    #[pyo3(signature = (table="rows"))]
    fn to_arrow(&self, table: &str) -> PyResult<pyo3_arrow::PyTable> {
        guard(|| crate::arrow_out::report_table(&self.inner, table))
    }

    /// The rows or totals as a pandas DataFrame, built from `to_arrow()` (needs pandas and
    /// pyarrow): `start`/`end` datetime64, counts nullable `Int64` (`<NA>` when masked or
    /// not reported), `partial` bool, `reporting` categorical, `masked` a list of column
    /// names (empty when none).
    #[pyo3(signature = (table="rows"))]
    fn to_pandas<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        frames(py, "arrow_to_pandas", (self.to_arrow(table)?,))
    }

    /// The rows or totals as a polars DataFrame, built from `to_arrow()` without a copy
    /// (same columns as `to_pandas`; `start`/`end` `Date`, `reporting` `Categorical`).
    #[pyo3(signature = (table="rows"))]
    fn to_polars<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        frames(py, "arrow_to_polars", (self.to_arrow(table)?,))
    }

    /// A bounded HTML preview (the core's `report::preview`): the summary line, the first
    /// `max_groups` groups with at most `max_buckets` bucket rows each, the legend; never
    /// more than 200,000 bytes. `None` takes `patient_partner.options.display`.
    #[pyo3(signature = (max_groups=None, max_buckets=None))]
    fn to_html(
        &self,
        py: Python<'_>,
        max_groups: Option<usize>,
        max_buckets: Option<usize>,
    ) -> PyResult<String> {
        let options = preview_options(py, max_groups, max_buckets)?;
        guard(|| Ok(report::preview::to_html(&self.inner, &options)))
    }

    /// The same preview as text (what `repr()` and `print()` show).
    #[pyo3(signature = (max_groups=None, max_buckets=None))]
    fn to_string(
        &self,
        py: Python<'_>,
        max_groups: Option<usize>,
        max_buckets: Option<usize>,
    ) -> PyResult<String> {
        let options = preview_options(py, max_groups, max_buckets)?;
        guard(|| Ok(report::preview::to_text(&self.inner, &options)))
    }

    /// The notebook view: [`to_html`](Self::to_html) with the display options.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.to_html(py, None, None)
    }

    fn __str__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_string(py, None, None)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.to_string(py, None, None)
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<Py<PyAny>> {
        let py = other.py();
        Ok(match other.cast::<Self>() {
            Ok(o) => pyo3::types::PyBool::new(py, self.inner == o.get().inner)
                .to_owned()
                .into_any()
                .unbind(),
            Err(_) => py.NotImplemented(),
        })
    }
}

/// The preview options: the arguments given, else `patient_partner.options.display`
/// (`None` there: as many as the HTML budget allows).
fn preview_options(
    py: Python<'_>,
    max_groups: Option<usize>,
    max_buckets: Option<usize>,
) -> PyResult<report::preview::PreviewOptions> {
    let display = py
        .import("patient_partner._options")?
        .getattr("options")?
        .getattr("display")?;
    let or_option = |given: Option<usize>, name: &str| -> PyResult<usize> {
        match given {
            Some(n) => Ok(n),
            None => Ok(display
                .getattr(name)?
                .extract::<Option<usize>>()?
                .unwrap_or(usize::MAX)),
        }
    };
    Ok(report::preview::PreviewOptions {
        max_groups: or_option(max_groups, "max_groups")?,
        max_buckets: or_option(max_buckets, "max_buckets")?,
    })
}

/// Computes the activity report of a CSV log file without holding the log in memory: the
/// core streams the rows into the report (memory grows with the distinct (group, patient)
/// pairs, not with the rows), on up to `threads` threads (`None`: `PP_THREADS`, else every
/// core). The GIL is released throughout. All or nothing, as `read_interviews_csv`.
#[pyfunction]
#[pyo3(signature = (path, request, *, threads=None))]
pub fn compute_activity_report_csv(
    py: Python<'_>,
    path: std::path::PathBuf,
    request: &PyReportRequest,
    threads: Option<i64>,
) -> PyResult<PyActivityReport> {
    guard(|| {
        let threads = crate::files::threads_of(threads).py()?;
        // A missing file is an `OSError` here.
        std::fs::File::open(&path)?;
        let request: ReportRequest = request.inner.clone();
        let result = py.detach(move || -> Result<ActivityReport, patient_partner::Error> {
            let mut builder = report::ActivityReportBuilder::new(&request)?;
            // No summary comes back from here: refuse unused columns rather than drop them.
            let options =
                import::ImportOptions::new().unknown_columns(import::UnknownColumns::Refuse);
            builder.push_log(
                import::LogSource::File(&path),
                &options,
                report::Parallelism::new(threads),
            )?;
            Ok(builder.finish())
        });
        Ok(PyActivityReport {
            inner: Arc::new(result.py()?),
        })
    })
}

impl PyActivityReport {
    /// The workbook's bytes in `lang`, written with the GIL released.
    fn xlsx(&self, py: Python<'_>, lang: &str) -> PyResult<Vec<u8>> {
        let options = xlsx_options(lang)?;
        let report = Arc::clone(&self.inner);
        py.detach(move || report::xlsx::to_xlsx(&report, &options))
            .py()
    }
}

macro_rules! list_importers {
    ($($(#[$doc:meta])* $read:ident, $parse:ident, $core:expr, $wrap:ident, $is_csv:tt;)*) => {
        $(
            $(#[$doc])*
            /// Reads a file (all or nothing; errors: `DataImportError` with `line`, `column`).
            #[pyfunction]
            pub fn $read(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Vec<crate::types::$wrap>> {
                guard(|| {
                    let text = std::fs::read_to_string(&path)?;
                    $parse(py, &text)
                })
            }

            $(#[$doc])*
            /// Reads text (all or nothing; errors: `DataImportError` with `line`, `column`).
            #[pyfunction]
            pub fn $parse(py: Python<'_>, text: &str) -> PyResult<Vec<crate::types::$wrap>> {
                guard(|| {
                    let text = text.to_owned();
                    let items = py.detach(move || list_importers!(@call $core, text, $is_csv)).py()?;
                    Ok(items.into_iter().map(|inner| crate::types::$wrap { inner }).collect())
                })
            }
        )*
    };
    (@call $core:expr, $text:ident, csv) => { $core($text.as_bytes()) };
    (@call $core:expr, $text:ident, json) => { $core(&$text) };
}

list_importers! {
    /// Referrals from CSV (the core's referral columns).
    read_referrals_csv, parse_referrals_csv, import::read_referrals_csv, PyReferral, csv;
    /// Referrals from JSON (an array or `{"referrals": [...]}`).
    read_referrals_json, parse_referrals_json, import::read_referrals_json, PyReferral, json;
    /// Activities from CSV (the core's activity columns).
    read_activities_csv, parse_activities_csv, import::read_activities_csv, PyActivity, csv;
    /// Activities from JSON (an array or `{"activities": [...]}`).
    read_activities_json, parse_activities_json, import::read_activities_json, PyActivity, json;
}

/// The workbook options of `lang` (`"fr"` or `"en"`).
pub(crate) fn xlsx_options(lang: &str) -> PyResult<report::xlsx::XlsxOptions> {
    let language = crate::convert::parse_wire::<report::xlsx::ReportLanguage>(lang).py()?;
    Ok(report::xlsx::XlsxOptions {
        language,
        ..report::xlsx::XlsxOptions::default()
    })
}
