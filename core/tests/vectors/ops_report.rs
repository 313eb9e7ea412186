//! Ops of the report area: activity reports and interview log import.

use patient_partner::import::{read_interviews_csv_str, read_interviews_json};
use patient_partner::report::{activity_report, ReportRequest};
use patient_partner::Interview;
use serde_json::Value;

use crate::harness::{arg, core, ok, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "activity_report" => report(input),
        "import_interviews_csv" => import_csv(input),
        "import_interviews_json" => import_json(input),
        _ => return None,
    })
}

fn report(input: &Value) -> Outcome {
    let interviews: Vec<Interview> = arg(input, "interviews")?;
    let request_json: Value = arg(input, "request")?;
    let request = ReportRequest::from_json_value(&request_json).map_err(core)?;
    ok(&activity_report(&interviews, &request).map_err(core)?)
}

fn import_csv(input: &Value) -> Outcome {
    let text: String = arg(input, "text")?;
    ok(&read_interviews_csv_str(&text).map_err(core)?)
}

fn import_json(input: &Value) -> Outcome {
    let text: String = arg(input, "text")?;
    ok(&read_interviews_json(&text).map_err(core)?)
}
