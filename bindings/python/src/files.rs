//! Files as teams keep them: workbooks and CSV in (paths or bytes), with the core's import
//! options, and the import summary back as a dict. Conversions only: every rule is the
//! core's (`patient_partner::import`).

use std::collections::BTreeMap;
use std::sync::Arc;

use patient_partner::import::{self, ImportOptions, ImportSummary, TextEncoding, UnknownColumns};
use patient_partner::report::{self, ActivityReport, ReportRequest};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::convert::to_py;
use crate::errors::{guard, CoreResult};
use crate::report::{PyActivityReport, PyInterviews};
use crate::types::{PyActivity, PyReferral, PyReportRequest};

/// A file given from Python: its bytes (read with the GIL released for paths).
enum Source {
    Path(std::path::PathBuf),
    Bytes(Vec<u8>),
}

impl Source {
    fn from_py(obj: &Bound<'_, PyAny>) -> PyResult<Self> {
        if let Ok(b) = obj.cast::<PyBytes>() {
            return Ok(Source::Bytes(b.as_bytes().to_vec()));
        }
        if let Ok(b) = obj.cast::<pyo3::types::PyByteArray>() {
            return Ok(Source::Bytes(b.to_vec()));
        }
        match obj.extract::<std::path::PathBuf>() {
            Ok(p) => Ok(Source::Path(p)),
            Err(_) => Err(PyTypeError::new_err(
                "expected a path (str or os.PathLike) or the file's bytes",
            )),
        }
    }

    /// The same source once a path is known to open: a missing file is an `OSError` here,
    /// before the GIL is released, as for every other reader.
    fn readable(self) -> PyResult<Self> {
        if let Source::Path(p) = &self {
            std::fs::File::open(p)?;
        }
        Ok(self)
    }

    /// The log, for reading it in byte ranges.
    fn log(&self) -> import::LogSource<'_> {
        match self {
            Source::Path(p) => import::LogSource::File(p),
            Source::Bytes(b) => import::LogSource::Bytes(b),
        }
    }

    /// A reader over the file (opened now, so a missing file is an `OSError` here).
    fn open(self) -> PyResult<Box<dyn std::io::Read + Send>> {
        Ok(match self {
            Source::Path(p) => Box::new(std::fs::File::open(p)?),
            Source::Bytes(b) => Box::new(std::io::Cursor::new(b)),
        })
    }
}

/// The threads of a `threads=` argument: `None` is `PP_THREADS`, else every core (the
/// core's `Threads::from_env`); 0, a negative number or a bad `PP_THREADS` is a
/// `ReportError` `invalid_request`.
pub fn threads_of(threads: Option<i64>) -> Result<report::Threads, patient_partner::Error> {
    Ok(match threads {
        None => report::Threads::from_env()?,
        Some(n) => report::Threads::new(usize::try_from(n).unwrap_or(0))?,
    })
}

/// The core's import options from the keyword arguments.
pub fn options(
    sheet: Option<String>,
    encoding: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
) -> PyResult<ImportOptions> {
    let mut o = ImportOptions::new();
    if let Some(sheet) = sheet {
        o = o.sheet(sheet);
    }
    if let Some(label) = encoding {
        o = o.encoding(TextEncoding::from_label(&label).py()?);
    }
    for (column, header) in columns.unwrap_or_default() {
        o = o.column(column, header);
    }
    if strict {
        o = o.unknown_columns(UnknownColumns::Refuse);
    }
    Ok(o)
}

/// The summary as a dict, plus `message` (the core's one-line text of it) and `has_notes`
/// (whether something was left aside: worth a warning).
pub fn summary_dict<'py>(py: Python<'py>, summary: &ImportSummary) -> PyResult<Bound<'py, PyAny>> {
    let dict = to_py(py, summary)?;
    dict.set_item("message", summary.to_string())?;
    dict.set_item("has_notes", summary.has_notes())?;
    Ok(dict)
}

/// Reads an interview log (a workbook or CSV; path or bytes) into `Interviews`, whose
/// `summary` says what was left aside.
#[pyfunction]
#[pyo3(signature = (source, *, sheet=None, encoding=None, columns=None, strict=false))]
pub fn read_interviews_file(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    sheet: Option<String>,
    encoding: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
) -> PyResult<PyInterviews> {
    guard(|| {
        let options = options(sheet, encoding, columns, strict)?;
        let input = Source::from_py(source)?.open()?;
        let imported = py
            .detach(move || import::read_interviews(input, &options))
            .py()?;
        Ok(PyInterviews::with_summary(
            imported.records,
            imported.summary,
        ))
    })
}

/// A reader of the core's importers (`read_referrals`, `read_activities`).
type ListReader<T> = fn(
    Box<dyn std::io::Read + Send>,
    &ImportOptions,
) -> Result<import::Imported<Vec<T>>, import::ImportError>;

/// Reads a list with `read` and wraps each record with `wrap`: `(records, summary)`.
fn read_list<'py, T, W>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    options: ImportOptions,
    read: ListReader<T>,
    wrap: fn(T) -> W,
) -> PyResult<(Vec<W>, Bound<'py, PyAny>)>
where
    T: Send,
{
    let input = Source::from_py(source)?.open()?;
    let imported = py.detach(move || read(input, &options)).py()?;
    let summary = summary_dict(py, &imported.summary)?;
    Ok((imported.records.into_iter().map(wrap).collect(), summary))
}

/// Reads referrals (workbook or CSV; path or bytes): `(referrals, summary)`.
#[pyfunction]
#[pyo3(signature = (source, *, sheet=None, encoding=None, columns=None, strict=false))]
pub fn read_referrals_file<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    sheet: Option<String>,
    encoding: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
) -> PyResult<(Vec<PyReferral>, Bound<'py, PyAny>)> {
    guard(|| {
        let options = options(sheet, encoding, columns, strict)?;
        read_list(py, source, options, import::read_referrals, |inner| {
            PyReferral { inner }
        })
    })
}

/// Reads activities (workbook or CSV; path or bytes): `(activities, summary)`.
#[pyfunction]
#[pyo3(signature = (source, *, sheet=None, encoding=None, columns=None, strict=false))]
pub fn read_activities_file<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    sheet: Option<String>,
    encoding: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
) -> PyResult<(Vec<PyActivity>, Bound<'py, PyAny>)> {
    guard(|| {
        let options = options(sheet, encoding, columns, strict)?;
        read_list(py, source, options, import::read_activities, |inner| {
            PyActivity { inner }
        })
    })
}

/// The first and last interview days of a log file (every row checked, nothing held):
/// what a report's period defaults to. `None` for a log without interviews. A CSV log is
/// read by up to `threads` threads, as `compute_activity_report_file` reads it.
#[pyfunction]
#[pyo3(signature = (source, *, sheet=None, encoding=None, columns=None, strict=false, threads=None))]
pub fn interviews_file_date_span(
    py: Python<'_>,
    source: &Bound<'_, PyAny>,
    sheet: Option<String>,
    encoding: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
    threads: Option<i64>,
) -> PyResult<Option<(chrono::NaiveDate, chrono::NaiveDate)>> {
    guard(|| {
        let options = options(sheet, encoding, columns, strict)?;
        let threads = threads_of(threads).py()?;
        let source = Source::from_py(source)?.readable()?;
        py.detach(move || -> Result<_, patient_partner::Error> {
            Ok(report::log_date_span(
                source.log(),
                &options,
                report::Parallelism::new(threads),
            )?)
        })
        .py()
    })
}

/// The activity report of a log file (workbook or CSV; path or bytes), streamed into the
/// report without holding the log: `(report, summary)`. A CSV log is read by up to
/// `threads` threads at once (`None`: `PP_THREADS`, else every core; the core's
/// `ActivityReportBuilder::push_log`). `progress(bytes_read, bytes_total)` is called about
/// every 100 ms on the calling thread (taking the GIL for the call only); its first exception
/// is raised once the report is done. The GIL is released throughout.
#[pyfunction]
#[pyo3(signature = (source, request, *, sheet=None, encoding=None, columns=None, strict=false, activities=None, threads=None, progress=None))]
#[allow(clippy::too_many_arguments)]
pub fn compute_activity_report_file<'py>(
    py: Python<'py>,
    source: &Bound<'py, PyAny>,
    request: &PyReportRequest,
    sheet: Option<String>,
    encoding: Option<String>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
    activities: Option<&Bound<'py, PyAny>>,
    threads: Option<i64>,
    progress: Option<Py<PyAny>>,
) -> PyResult<(PyActivityReport, Bound<'py, PyAny>)> {
    guard(|| {
        let options = options(sheet, encoding, columns, strict)?;
        let activities = activities.map(crate::domain::activities_of).transpose()?;
        let threads = threads_of(threads).py()?;
        let source = Source::from_py(source)?.readable()?;
        let request: ReportRequest = request.inner.clone();
        // The first exception of the progress callback, raised once the report is done.
        let failed: std::sync::Mutex<Option<PyErr>> = std::sync::Mutex::new(None);
        let tell = |p: report::ReadProgress| {
            let Some(callback) = &progress else { return };
            let Ok(mut failed) = failed.lock() else {
                return;
            };
            if failed.is_none() {
                Python::attach(|py| {
                    if let Err(e) = callback.call1(py, (p.bytes_read, p.bytes_total)) {
                        *failed = Some(e);
                    }
                });
            }
        };
        let result = py.detach(
            || -> Result<(ActivityReport, ImportSummary), patient_partner::Error> {
                let mut builder = report::ActivityReportBuilder::new(&request)?;
                let summary = builder.push_log_observed(
                    source.log(),
                    &options,
                    report::Parallelism::new(threads),
                    &tell,
                )?;
                if let Some(list) = &activities {
                    builder.extend_activities(list)?;
                }
                Ok((builder.finish(), summary))
            },
        );
        let (report, summary) = result.py()?;
        if let Some(e) = failed.into_inner().ok().flatten() {
            return Err(e);
        }
        Ok((
            PyActivityReport {
                inner: Arc::new(report),
            },
            summary_dict(py, &summary)?,
        ))
    })
}
