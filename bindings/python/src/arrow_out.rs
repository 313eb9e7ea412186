//! Reports out as Arrow: `ActivityReport.to_arrow()` builds the report's tables as Arrow
//! record batches (no Python object per row), exported through the PyCapsule interface
//! (`pyarrow.table(t)`, `polars.DataFrame(t)` read them without a copy). Conversions
//! only: the columns are the report's fields under their wire names.
//!
//! - `rows`: the group column (`partner` / `establishment`; none for `all`), the bucket
//!   (`month` / `quarter` / `year`, its key), `start`, `end` (date32), `partial` (bool),
//!   `reporting` (dictionary of its wire names: a pandas categorical), the counts `in_person`,
//!   `phone`, `video`, `total`, `new_patients`, `patients` (the bucket's distinct patients)
//!   (int64, null when masked or not reported),
//!   `masked` (list of the masked columns' names, empty when none).
//! - `totals`: the group column, the counts (`patients`: distinct over the period), `buckets`,
//!   `buckets_not_reported` (int64), `masked`.
//! - A report with activities adds, before `masked`, three int64 columns per activity
//!   category (`clinical_groups`, `clinical_groups_minutes`, `clinical_groups_participants`,
//!   `with_professionals`…, as the core's CSV names them); their masked cells are named in
//!   `masked` by those column names.

use std::sync::Arc;

use arrow_array::builder::{ListBuilder, StringBuilder};
use arrow_array::types::Int8Type;
use arrow_array::{
    ArrayRef, BooleanArray, Date32Array, DictionaryArray, Int64Array, Int8Array, RecordBatch,
    StringArray,
};
use arrow_schema::{DataType, Field, Schema};
use chrono::{Datelike, NaiveDate};
use patient_partner::report::{
    ActivityCells, ActivityMeasure, ActivityReport, Column, GroupBy, Reporting,
};
use patient_partner::Vocabulary;
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3_arrow::PyTable;

/// Days from 1970-01-01 (Arrow's date32).
fn days(date: NaiveDate) -> i32 {
    // 719_163: the day number of 1970-01-01 counted from 0001-01-01 (chrono's CE day 1).
    date.num_days_from_ce() - 719_163
}

fn counts(values: impl Iterator<Item = Option<u64>>) -> ArrayRef {
    Arc::new(values.map(|v| v.map(|n| n as i64)).collect::<Int64Array>())
}

/// The `masked` column: per row, the masked interview columns, then the masked activity
/// columns by their flat names.
fn masked<'a>(rows: impl Iterator<Item = (&'a [Column], &'a [ActivityCells])>) -> ArrayRef {
    let mut list = ListBuilder::new(StringBuilder::new()).with_field(Arc::new(Field::new(
        "item",
        DataType::Utf8,
        false,
    )));
    for (columns, activities) in rows {
        for c in columns {
            list.values().append_value(c.wire_name());
        }
        for a in activities {
            for m in &a.masked {
                list.values().append_value(m.column_name(a.category));
            }
        }
        list.append(true);
    }
    Arc::new(list.finish())
}

/// The flat activity columns of a table whose rows hold `activities` (none for a report
/// without activities).
fn activity_columns(report: &ActivityReport, rows: &[&[ActivityCells]]) -> Vec<(String, ArrayRef)> {
    if !report.has_activities() {
        return Vec::new();
    }
    let mut columns = Vec::new();
    for (c, category) in patient_partner::mission::ActivityCategory::ALL
        .iter()
        .enumerate()
    {
        for &measure in ActivityMeasure::ALL {
            let values = rows
                .iter()
                .map(|cells| cells.get(c).and_then(|a| a.get(measure)));
            columns.push((measure.column_name(*category), counts(values)));
        }
    }
    columns
}

/// The group column's name and values (`None` for `group_by: all`).
fn group_column(report: &ActivityReport, keys: Vec<Option<&str>>) -> Option<(String, ArrayRef)> {
    match report.group_by {
        GroupBy::All => None,
        other => Some((
            other.wire_name().to_owned(),
            Arc::new(keys.into_iter().collect::<StringArray>()),
        )),
    }
}

fn batch(columns: Vec<(String, ArrayRef)>) -> PyResult<RecordBatch> {
    let fields: Vec<Field> = columns
        .iter()
        .map(|(name, array)| {
            let nullable = array.null_count() > 0 || array.data_type() == &DataType::Int64;
            Field::new(name, array.data_type().clone(), nullable)
        })
        .collect();
    RecordBatch::try_new(
        Arc::new(Schema::new(fields)),
        columns.into_iter().map(|(_, a)| a).collect(),
    )
    .map_err(|e| PyValueError::new_err(format!("cannot build the Arrow table: {e}")))
}

/// The `rows` table.
fn rows_batch(report: &ActivityReport) -> PyResult<RecordBatch> {
    let rows = &report.rows;
    let mut columns: Vec<(String, ArrayRef)> = Vec::new();
    columns.extend(group_column(
        report,
        rows.iter().map(|r| r.group.key()).collect(),
    ));
    let bucket: StringArray = rows.iter().map(|r| Some(r.bucket.key())).collect();
    columns.push((report.bucket.wire_name().to_owned(), Arc::new(bucket)));
    let start: Date32Array = rows.iter().map(|r| Some(days(r.start))).collect();
    let end: Date32Array = rows.iter().map(|r| Some(days(r.end))).collect();
    columns.push(("start".to_owned(), Arc::new(start)));
    columns.push(("end".to_owned(), Arc::new(end)));
    let partial: BooleanArray = rows.iter().map(|r| Some(r.partial)).collect();
    columns.push(("partial".to_owned(), Arc::new(partial)));
    let states = Reporting::all();
    let keys: Int8Array = rows
        .iter()
        .map(|r| {
            states
                .iter()
                .position(|s| *s == r.reporting)
                .map(|k| k as i8)
        })
        .collect();
    let names: StringArray = states.iter().map(|s| Some(s.wire_name())).collect();
    let reporting = DictionaryArray::<Int8Type>::try_new(keys, Arc::new(names))
        .map_err(|e| PyValueError::new_err(format!("cannot build the Arrow table: {e}")))?;
    columns.push(("reporting".to_owned(), Arc::new(reporting)));
    for column in Column::BUCKET_COUNTS {
        columns.push((
            column.wire_name().to_owned(),
            counts(rows.iter().map(|r| r.get(column))),
        ));
    }
    let cells: Vec<&[ActivityCells]> = rows.iter().map(|r| r.activities.as_slice()).collect();
    columns.extend(activity_columns(report, &cells));
    columns.push((
        "masked".to_owned(),
        masked(
            rows.iter()
                .map(|r| (r.masked.as_slice(), r.activities.as_slice())),
        ),
    ));
    batch(columns)
}

/// The `totals` table.
fn totals_batch(report: &ActivityReport) -> PyResult<RecordBatch> {
    let totals = &report.totals;
    let mut columns: Vec<(String, ArrayRef)> = Vec::new();
    columns.extend(group_column(
        report,
        totals.iter().map(|r| r.group.key()).collect(),
    ));
    for column in Column::BUCKET_COUNTS {
        columns.push((
            column.wire_name().to_owned(),
            counts(totals.iter().map(|r| r.get(column))),
        ));
    }
    columns.push((
        "buckets".to_owned(),
        counts(totals.iter().map(|r| Some(r.buckets))),
    ));
    columns.push((
        "buckets_not_reported".to_owned(),
        counts(totals.iter().map(|r| Some(r.buckets_not_reported))),
    ));
    let cells: Vec<&[ActivityCells]> = totals.iter().map(|r| r.activities.as_slice()).collect();
    columns.extend(activity_columns(report, &cells));
    columns.push((
        "masked".to_owned(),
        masked(
            totals
                .iter()
                .map(|r| (r.masked.as_slice(), r.activities.as_slice())),
        ),
    ));
    batch(columns)
}

/// One table of the report (`rows` or `totals`) as an Arrow table (pyo3-arrow's `Table`:
/// it exports `__arrow_c_stream__`).
pub fn report_table(report: &ActivityReport, table: &str) -> PyResult<PyTable> {
    let batch = match table {
        "rows" => rows_batch(report)?,
        "totals" => totals_batch(report)?,
        other => {
            return Err(PyValueError::new_err(format!(
                "table must be 'rows' or 'totals', not {other:?}"
            )))
        }
    };
    let schema = batch.schema();
    PyTable::try_new(vec![batch], schema)
}
