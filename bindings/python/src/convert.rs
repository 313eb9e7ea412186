//! Conversions between Python values and the core's serde: nothing else.
//!
//! Out: [`to_py`] is pythonize (serde → Python objects directly). In: [`py_to_value`]
//! walks the Python value into serde JSON itself, because what notebooks pass is not only
//! JSON-shaped (pythonize refuses `datetime.date`, keeps NaN as a float, and knows no
//! `to_dict()`), with a depth limit ([`MAX_DEPTH`]) so that no input can overflow the stack.
//!
//! Every domain value crosses the boundary as the JSON the core's serde produces or
//! accepts, so the wire names are the core's, by construction. Python → JSON accepts
//! `datetime.date` (and `datetime.datetime`, pandas `Timestamp`) as ISO dates, tuples as
//! lists, and float NaN (a pandas missing value) as `null`.

use chrono::NaiveDate;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde::Serialize;
use serde_json::{Map, Number, Value};

/// A serde JSON value as a Python object (dicts, lists, str, int, float, bool, None).
pub fn value_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    to_py(py, value)
}

/// Any serialisable core value as a Python object, by pythonize (serde straight to Python
/// objects, no JSON in between): structs and maps as dicts, sequences as lists, dates and
/// enums as their wire strings, `None` for absent values.
pub fn to_py<'py, T: Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    pythonize::pythonize(py, value)
        .map_err(|e| PyValueError::new_err(format!("cannot convert the value: {e}")))
}

/// The deepest nesting of lists and dicts accepted from Python, as serde_json accepts from
/// JSON text (128): a deeper value is a `ConversionError` (a `ValueError`), never a stack
/// overflow.
pub const MAX_DEPTH: usize = 128;

/// A Python object as a serde JSON value (see the module docs for what is accepted).
pub fn py_to_value(obj: &Bound<'_, PyAny>) -> PyResult<Value> {
    py_to_value_at(obj, 0)
}

fn py_to_value_at(obj: &Bound<'_, PyAny>, depth: usize) -> PyResult<Value> {
    if depth > MAX_DEPTH {
        return Err(crate::errors::conversion_error(
            "nested_too_deep",
            format!("the value is nested deeper than {MAX_DEPTH} levels of lists and dicts"),
        ));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if obj.is_instance_of::<PyBool>() {
        return Ok(Value::Bool(obj.extract::<bool>()?));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::Number(i.into()));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::Number(u.into()));
        }
        return Err(crate::errors::conversion_error(
            "integer_out_of_range",
            "integer out of range: whole numbers of 64 bits at most".to_owned(),
        ));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract()?;
        return Ok(Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or(Value::Null));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyDateTime>() || obj.is_instance_of::<PyDate>() {
        return Ok(Value::String(py_date(obj)?.to_string()));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        let mut map = Map::new();
        for (k, v) in dict.iter() {
            let key = k
                .cast::<PyString>()
                .map_err(|_| PyTypeError::new_err("dictionary keys must be strings"))?
                .to_cow()?
                .into_owned();
            map.insert(key, py_to_value_at(&v, depth + 1)?);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for item in obj.try_iter()? {
            items.push(py_to_value_at(&item?, depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    // Objects of this package (and anything else) that know their own dict.
    if let Ok(to_dict) = obj.getattr("to_dict") {
        if to_dict.is_callable() {
            return py_to_value_at(&to_dict.call0()?, depth + 1);
        }
    }
    Err(PyTypeError::new_err(format!(
        "cannot convert a value of type {} (expected None, bool, int, float, str, date, list or dict)",
        obj.get_type().name()?
    )))
}

/// A Python value as JSON text, for the core's `from_json` constructors.
pub fn py_to_json_text(obj: &Bound<'_, PyAny>) -> PyResult<String> {
    // A str is taken as JSON text already.
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(s.to_cow()?.into_owned());
    }
    let value = py_to_value(obj)?;
    serde_json::to_string(&value).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// A `datetime.date`, `datetime.datetime` (its date) or ISO `YYYY-MM-DD` string as a date.
pub fn py_date(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    if let Ok(s) = obj.cast::<PyString>() {
        let text = s.to_cow()?;
        return NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
            PyValueError::new_err(format!("invalid date {text:?}: expected YYYY-MM-DD"))
        });
    }
    if obj.is_instance_of::<PyDateTime>() {
        return obj.call_method0("date")?.extract::<NaiveDate>();
    }
    if obj.is_instance_of::<PyDate>() {
        return obj.extract::<NaiveDate>();
    }
    Err(PyTypeError::new_err(format!(
        "expected a datetime.date or a YYYY-MM-DD string, got {}",
        obj.get_type().name()?
    )))
}

/// An enum argument given as its wire name (a Python `str`).
pub fn parse_wire<T>(name: &str) -> Result<T, patient_partner::Error>
where
    T: std::str::FromStr<Err = patient_partner::vocabulary::UnknownValue>,
{
    name.parse::<T>().map_err(patient_partner::Error::from)
}
