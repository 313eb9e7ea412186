//! Loading, running and comparing vectors. See `tests/vectors/README.md`.

use std::path::{Path, PathBuf};

use patient_partner::Error;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// Why an op did not return a value.
#[derive(Debug)]
pub enum Fail {
    /// The core returned an error: compared with `expect.error`.
    Core(Error),
    /// The vector itself is malformed (missing or mistyped argument): always a failure.
    Harness(String),
}

impl From<Error> for Fail {
    fn from(e: Error) -> Self {
        Fail::Core(e)
    }
}

impl<K> From<patient_partner::Located<K>> for Fail
where
    Error: From<patient_partner::Located<K>>,
{
    fn from(e: patient_partner::Located<K>) -> Self {
        Fail::Core(e.into())
    }
}

/// Converts any module error into a [`Fail::Core`].
pub fn core<E: Into<Error>>(e: E) -> Fail {
    Fail::Core(e.into())
}

/// What an op handler returns.
pub type Outcome = Result<Value, Fail>;

/// Reads the required argument `name` of the input object as a `T` (harness failure if absent
/// or of the wrong shape: the vector is wrong, not the core).
pub fn arg<T: DeserializeOwned>(input: &Value, name: &str) -> Result<T, Fail> {
    let v = input
        .get(name)
        .ok_or_else(|| Fail::Harness(format!("input has no field `{name}`")))?;
    serde_json::from_value(v.clone())
        .map_err(|e| Fail::Harness(format!("input field `{name}`: {e}")))
}

/// Reads the optional argument `name` (absent or null gives `None`).
pub fn opt_arg<T: DeserializeOwned>(input: &Value, name: &str) -> Result<Option<T>, Fail> {
    match input.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(_) => arg(input, name).map(Some),
    }
}

/// Serialises an op's result.
pub fn ok<T: serde::Serialize>(value: &T) -> Outcome {
    serde_json::to_value(value).map_err(|e| Fail::Harness(format!("result not serialisable: {e}")))
}

/// The result of running every vector.
pub struct Report {
    pub passed: usize,
    pub failures: Vec<String>,
}

impl Report {
    pub fn summary(&self) -> String {
        format!(
            "vectors: {} passed, {} failed",
            self.passed,
            self.failures.len()
        )
    }
}

/// The folders to run: the repository's `tests/vectors`, and `$PP_VECTORS_DIR` if set.
pub fn vector_dirs() -> Vec<PathBuf> {
    let mut dirs = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors")];
    if let Some(extra) = std::env::var_os("PP_VECTORS_DIR") {
        if !extra.is_empty() {
            dirs.push(PathBuf::from(extra));
        }
    }
    dirs
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries =
        std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("directory entry").path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|x| x == "json") {
            out.push(path);
        }
    }
}

/// Runs every vector file through `dispatch`.
pub fn run_all(dispatch: fn(&str, &Value) -> Option<Outcome>) -> Report {
    let mut files = Vec::new();
    for dir in vector_dirs() {
        collect(&dir, &mut files);
    }
    files.sort();
    let mut report = Report {
        passed: 0,
        failures: Vec::new(),
    };
    for file in &files {
        match run_file(file, dispatch) {
            Ok(()) => report.passed += 1,
            Err(msg) => report.failures.push(format!("{}: {msg}", file.display())),
        }
    }
    report
}

fn run_file(path: &Path, dispatch: fn(&str, &Value) -> Option<Outcome>) -> Result<(), String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("unreadable: {e}"))?;
    let case: Value = serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let op = case["op"].as_str().ok_or("no `op` string")?;
    case["description"]
        .as_str()
        .ok_or("no `description` string")?;
    let input = case.get("input").ok_or("no `input`")?;
    let expect = case.get("expect").ok_or("no `expect`")?;
    let outcome = dispatch(op, input).ok_or_else(|| format!("unknown op `{op}`"))?;
    match (expect.get("ok"), expect.get("error"), outcome) {
        (Some(want), None, Ok(got)) => {
            if json_eq(want, &got) {
                Ok(())
            } else {
                Err(format!(
                    "op `{op}`: expected\n{}\ngot\n{}",
                    serde_json::to_string_pretty(want).unwrap_or_default(),
                    serde_json::to_string_pretty(&got).unwrap_or_default()
                ))
            }
        }
        (Some(_), None, Err(Fail::Core(e))) => Err(format!(
            "op `{op}`: expected ok, got error [{}] {e}",
            e.code()
        )),
        (None, Some(want), Ok(got)) => {
            Err(format!("op `{op}`: expected error {want}, got ok {got}"))
        }
        (None, Some(want), Err(Fail::Core(e))) => check_error(want, &e),
        (_, _, Err(Fail::Harness(msg))) => Err(format!("op `{op}`: malformed vector: {msg}")),
        _ => Err("`expect` must hold exactly one of `ok` or `error`".into()),
    }
}

fn check_error(want: &Value, got: &Error) -> Result<(), String> {
    let kind = want["kind"]
        .as_str()
        .ok_or("expect.error has no `kind` string")?;
    if kind != got.code() {
        return Err(format!(
            "expected error kind `{kind}`, got `{}`: {got}",
            got.code()
        ));
    }
    let ctx = serde_json::to_value(got.context()).map_err(|e| e.to_string())?;
    for key in ["entity", "field", "line", "column"] {
        if let Some(w) = want.get(key) {
            if ctx.get(key) != Some(w) {
                return Err(format!(
                    "error `{kind}`: expected {key} = {w}, got {}",
                    ctx.get(key).cloned().unwrap_or(Value::Null)
                ));
            }
        }
    }
    Ok(())
}

/// JSON equality where numbers compare by value with a relative tolerance of 1e-9, and
/// object key order does not matter.
pub fn json_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => {
            let (x, y) = (
                x.as_f64().unwrap_or(f64::NAN),
                y.as_f64().unwrap_or(f64::NAN),
            );
            x == y || (x - y).abs() <= 1e-9 * x.abs().max(y.abs())
        }
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| json_eq(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| json_eq(v, w)))
        }
        _ => a == b,
    }
}
