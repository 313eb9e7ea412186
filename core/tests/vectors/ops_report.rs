//! Ops of the report area: activity reports and interview log import.

use patient_partner::import::{
    read_activities_csv, read_activities_json, read_interviews_csv_str, read_interviews_json,
    read_referrals_csv, read_referrals_json,
};
use patient_partner::report::{activity_report, ReportRequest};
use patient_partner::Interview;
use serde_json::Value;

use crate::harness::{arg, core, ok, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "activity_report" => report(input),
        "import_interviews_csv" => import_csv(input),
        "import_interviews_json" => import_json(input),
        "import_referrals_csv" => text_op(input, |t| read_referrals_csv(t.as_bytes())),
        "import_referrals_json" => text_op(input, read_referrals_json),
        "import_activities_csv" => text_op(input, |t| read_activities_csv(t.as_bytes())),
        "import_activities_json" => text_op(input, read_activities_json),
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

fn text_op<T: serde::Serialize>(
    input: &Value,
    f: impl Fn(&str) -> patient_partner::Result<T>,
) -> Outcome {
    let text: String = arg(input, "text")?;
    ok(&f(&text).map_err(core)?)
}
