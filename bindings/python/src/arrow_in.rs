//! Data frames in through the Arrow PyCapsule interface (`__arrow_c_stream__`,
//! `__arrow_c_array__`): polars, pandas (via pyarrow), pyarrow tables and record batch
//! readers, DuckDB relations. Conversions only: each Arrow column is lent to the core as
//! typed cells ([`FrameCell`]); the column rules, aliases and checks are the core's
//! ([`patient_partner::import::frame`]). No CSV text, no Python object per row; the GIL is
//! released while the batches are read.

use std::collections::BTreeMap;
use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::{Date32Type, Float64Type, Int64Type};
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Float64Array, Int64Array, LargeStringArray,
    RecordBatch, RecordBatchReader, StringArray, StringViewArray,
};
use arrow_buffer::NullBuffer;
use arrow_cast::{cast_with_options, CastOptions};
use arrow_schema::{DataType, Schema};
use patient_partner::import::{FrameBatch, FrameCell, ImportError, ImportSummary, InterviewFrame};
use patient_partner::report::{ActivityReport, ActivityReportBuilder, ReportError, ReportRequest};
use patient_partner::Located;
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;

use crate::errors::{guard, CoreResult};
use crate::files::{options, summary_dict};
use crate::report::{PyActivityReport, PyInterviews};
use crate::types::PyReportRequest;

/// The values of one column of a batch, in the few shapes the core reads.
enum Values {
    Utf8(StringArray),
    LargeUtf8(LargeStringArray),
    Utf8View(StringViewArray),
    /// A dictionary (pandas categorical, polars `Categorical`/`Enum`): each row's key.
    Dictionary(Vec<usize>, Box<Values>),
    Date(Date32Array),
    Integer(Int64Array),
    Float(Float64Array),
    Bool(BooleanArray),
    /// A type the import does not read, in a column it does not use: only its nulls count.
    Opaque,
    /// The Arrow `null` type: every value missing.
    Null,
}

/// A column of a batch: its values and its (logical) nulls.
struct Column {
    nulls: Option<NullBuffer>,
    values: Values,
}

/// Whether the core can read columns of this Arrow type (before any batch is read).
fn readable(data_type: &DataType) -> bool {
    use DataType::*;
    match data_type {
        Utf8 | LargeUtf8 | Utf8View | Date32 | Date64 | Timestamp(..) | Boolean | Null => true,
        Int8 | Int16 | Int32 | Int64 | UInt8 | UInt16 | UInt32 | UInt64 => true,
        Float16 | Float32 | Float64 => true,
        Dictionary(_, values) => matches!(**values, Utf8 | LargeUtf8 | Utf8View),
        _ => false,
    }
}

/// An array as the values the core reads; `Err` with the cast's message (an unsigned value
/// too large for 64-bit integers…).
fn values(array: &ArrayRef) -> Result<Values, String> {
    let strict = CastOptions {
        safe: false,
        ..Default::default()
    };
    let cast = |to: &DataType| cast_with_options(array, to, &strict).map_err(|e| e.to_string());
    use DataType::*;
    Ok(match array.data_type() {
        Utf8 => Values::Utf8(array.as_string::<i32>().clone()),
        LargeUtf8 => Values::LargeUtf8(array.as_string::<i64>().clone()),
        Utf8View => Values::Utf8View(array.as_string_view().clone()),
        Dictionary(..) => {
            let dict = array
                .as_any_dictionary_opt()
                .ok_or_else(|| "a dictionary array without keys".to_owned())?;
            Values::Dictionary(dict.normalized_keys(), Box::new(values(dict.values())?))
        }
        Date32 => Values::Date(array.as_primitive::<Date32Type>().clone()),
        // A timestamp's calendar date (in its time zone when it has one).
        Date64 | Timestamp(..) => Values::Date(cast(&Date32)?.as_primitive::<Date32Type>().clone()),
        Int64 => Values::Integer(array.as_primitive::<Int64Type>().clone()),
        Int8 | Int16 | Int32 | UInt8 | UInt16 | UInt32 | UInt64 => {
            Values::Integer(cast(&Int64)?.as_primitive::<Int64Type>().clone())
        }
        Float64 => Values::Float(array.as_primitive::<Float64Type>().clone()),
        Float16 | Float32 => Values::Float(cast(&Float64)?.as_primitive::<Float64Type>().clone()),
        Boolean => Values::Bool(array.as_boolean().clone()),
        Null => Values::Null,
        _ => Values::Opaque,
    })
}

impl Values {
    fn cell(&self, row: usize) -> FrameCell<'_> {
        match self {
            Values::Utf8(a) => FrameCell::Text(a.value(row)),
            Values::LargeUtf8(a) => FrameCell::Text(a.value(row)),
            Values::Utf8View(a) => FrameCell::Text(a.value(row)),
            Values::Dictionary(keys, values) => values.cell(keys[row]),
            Values::Date(a) => match a.value_as_date(row) {
                Some(d) => FrameCell::Date(d),
                None => FrameCell::Other,
            },
            Values::Integer(a) => FrameCell::Integer(a.value(row)),
            Values::Float(a) => FrameCell::Float(a.value(row)),
            Values::Bool(a) => FrameCell::Bool(a.value(row)),
            Values::Opaque => FrameCell::Other,
            Values::Null => FrameCell::Null,
        }
    }
}

/// One record batch lent to the core.
struct Batch {
    rows: usize,
    columns: Vec<Column>,
}

impl Batch {
    fn new(batch: &RecordBatch) -> Result<Self, String> {
        let columns = batch
            .columns()
            .iter()
            .map(|array| {
                Ok(Column {
                    nulls: array.logical_nulls(),
                    values: values(array)?,
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Batch {
            rows: batch.num_rows(),
            columns,
        })
    }
}

impl FrameBatch for Batch {
    fn num_rows(&self) -> usize {
        self.rows
    }

    fn cell(&self, column: usize, row: usize) -> FrameCell<'_> {
        let Some(c) = self.columns.get(column) else {
            return FrameCell::Null;
        };
        if c.nulls.as_ref().is_some_and(|n| n.is_null(row)) {
            return FrameCell::Null;
        }
        c.values.cell(row)
    }
}

/// The batches of a sequence of frames read one after the other as one stream: a polars
/// DataFrame comes as `iter(df.iter_slices(n))`, because polars' `__arrow_c_stream__`
/// converts the whole frame when it is asked for (+386 MiB for a 10M-row log, measured),
/// while a slice's export costs only that slice. The next slice is fetched with the GIL,
/// the batches are read without it; row positions run on across slices.
struct Slices {
    slices: Py<PyAny>,
    current: Box<dyn RecordBatchReader + Send>,
    schema: Arc<Schema>,
}

impl Slices {
    /// The stream of the slices of `iterator`; `None` when it yields none.
    fn open(iterator: &Bound<'_, PyAny>) -> PyResult<Option<Self>> {
        let Some(first) = next_slice(iterator)? else {
            return Ok(None);
        };
        let schema = first.schema();
        Ok(Some(Slices {
            slices: iterator.clone().unbind(),
            current: first,
            schema,
        }))
    }
}

fn next_slice(iterator: &Bound<'_, PyAny>) -> PyResult<Option<Box<dyn RecordBatchReader + Send>>> {
    match iterator.call_method0("__next__") {
        Ok(slice) => Ok(Some(slice.extract::<AnyRecordBatch>()?.into_reader()?)),
        Err(e) if e.is_instance_of::<pyo3::exceptions::PyStopIteration>(iterator.py()) => Ok(None),
        Err(e) => Err(e),
    }
}

impl Iterator for Slices {
    type Item = Result<RecordBatch, arrow_schema::ArrowError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(batch) = self.current.next() {
                return Some(batch);
            }
            let next = Python::attach(|py| next_slice(self.slices.bind(py)));
            match next {
                Ok(Some(reader)) if reader.schema() == self.schema => self.current = reader,
                Ok(Some(_)) => {
                    return Some(Err(arrow_schema::ArrowError::SchemaError(
                        "the slices of the frame do not share one schema".to_owned(),
                    )))
                }
                Ok(None) => return None,
                Err(e) => return Some(Err(arrow_schema::ArrowError::ExternalError(Box::new(e)))),
            }
        }
    }
}

impl RecordBatchReader for Slices {
    fn schema(&self) -> Arc<Schema> {
        Arc::clone(&self.schema)
    }
}

/// The Arrow stream of `data`: an object exporting Arrow, or an iterator of such objects
/// (slices of one frame, see [`Slices`]); `None` for an iterator that yields nothing.
fn reader_of(data: &Bound<'_, PyAny>) -> PyResult<Option<Box<dyn RecordBatchReader + Send>>> {
    let exports = data.hasattr("__arrow_c_stream__")? || data.hasattr("__arrow_c_array__")?;
    if !exports && data.hasattr("__next__")? {
        return Ok(Slices::open(data)?.map(|s| Box::new(s) as Box<dyn RecordBatchReader + Send>));
    }
    Ok(Some(data.extract::<AnyRecordBatch>()?.into_reader()?))
}

/// A frame's stream, its columns matched by the core.
struct Opened {
    reader: Box<dyn RecordBatchReader + Send>,
    frame: InterviewFrame,
}

fn open(
    data: &Bound<'_, PyAny>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
) -> PyResult<Opened> {
    let Some(reader) = reader_of(data)? else {
        return Err(pyo3::exceptions::PyValueError::new_err(
            "the frame's slices were empty: pass the frame itself",
        ));
    };
    let schema: Arc<Schema> = reader.schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let frame = InterviewFrame::open(&names, &options(None, None, columns, strict)?).py()?;
    for (position, _) in frame.used_columns() {
        let data_type = schema.field(position).data_type();
        if !readable(data_type) {
            return Err(frame.unsupported_column(position, &data_type.to_string())).py();
        }
    }
    Ok(Opened { reader, frame })
}

/// Names the row of an error by the frame's index label (a pandas index), when given.
fn labelled<K>(err: Located<K>, index: Option<&Bound<'_, PyAny>>) -> Located<K> {
    let (Some(index), Some(row)) = (index, err.context().row) else {
        return err;
    };
    // `Display` of a Python object is its `str()`.
    let label = index.get_item(row).map(|label| label.to_string());
    match label {
        Ok(label) => err.with_row_label(&label),
        // An index that cannot be read at that position: the position alone says where.
        Err(_) => err,
    }
}

/// Reads the batches of `reader` into the core's report builder (the GIL released by the
/// caller).
fn report(
    reader: Box<dyn RecordBatchReader + Send>,
    frame: &mut InterviewFrame,
    request: &ReportRequest,
    activities: Option<&[patient_partner::Activity]>,
    threads: patient_partner::report::Threads,
) -> Result<(ActivityReport, ImportSummary), ReportError> {
    let mut builder = ActivityReportBuilder::new(request)?;
    let batches = reader.map(|batch| {
        batch
            .map_err(|e| e.to_string())
            .and_then(|batch| Batch::new(&batch))
    });
    let summary = frame.push_into_with(batches, &mut builder, threads)?;
    if let Some(list) = activities {
        builder.extend_activities(list)?;
    }
    Ok((builder.finish(), summary))
}

/// The activity report of a data frame (any object with `__arrow_c_stream__` or
/// `__arrow_c_array__`), and the import summary as a dict. Columns as
/// `read_interviews(columns=, strict=)`; `index`: the frame's index, to name a bad row by
/// its label; `threads`: the batches are aggregated by up to that many threads (`None`:
/// `PP_THREADS`, else every core), the same report for any number.
#[pyfunction]
#[pyo3(signature = (data, request, *, columns=None, strict=false, index=None, activities=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn compute_activity_report_arrow<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    request: &PyReportRequest,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
    index: Option<Bound<'py, PyAny>>,
    activities: Option<&Bound<'py, PyAny>>,
    threads: Option<i64>,
) -> PyResult<(PyActivityReport, Bound<'py, PyAny>)> {
    guard(|| {
        let activities = activities.map(crate::domain::activities_of).transpose()?;
        let threads = crate::files::threads_of(threads).py()?;
        let Opened { reader, mut frame } = open(data, columns, strict)?;
        let request: ReportRequest = request.inner.clone();
        let result =
            py.detach(move || report(reader, &mut frame, &request, activities.as_deref(), threads));
        let (report, summary) = result.map_err(|e| labelled(e, index.as_ref())).py()?;
        Ok((
            PyActivityReport {
                inner: Arc::new(report),
            },
            summary_dict(py, &summary)?,
        ))
    })
}

/// The interviews of a data frame (see [`compute_activity_report_arrow`]), with the import
/// summary (`Interviews.summary`).
#[pyfunction]
#[pyo3(signature = (data, *, columns=None, strict=false, index=None))]
pub fn read_interviews_arrow<'py>(
    py: Python<'py>,
    data: &Bound<'py, PyAny>,
    columns: Option<BTreeMap<String, String>>,
    strict: bool,
    index: Option<Bound<'py, PyAny>>,
) -> PyResult<PyInterviews> {
    guard(|| {
        let Opened { reader, mut frame } = open(data, columns, strict)?;
        let result = py.detach(move || -> Result<_, ImportError> {
            let mut all = Vec::new();
            for batch in reader {
                let batch = batch
                    .map_err(|e| e.to_string())
                    .and_then(|batch| Batch::new(&batch))
                    .map_err(|message| frame.read_failure(&message))?;
                all.extend(frame.interviews(&batch)?);
            }
            Ok((all, frame.summary().clone()))
        });
        let (interviews, summary) = result.map_err(|e| labelled(e, index.as_ref())).py()?;
        Ok(PyInterviews::with_summary(interviews, summary))
    })
}
