//! Ops of the report area: activity reports and interview log import.

use patient_partner::import::{
    read_activities, read_activities_json, read_interviews, read_interviews_json, read_referrals,
    read_referrals_json, ImportOptions, ImportSummary, UnknownColumns,
};
use patient_partner::indicators::published::{with_indicators, TableIndicator};
use patient_partner::report::publication::{publish, Publication};
use patient_partner::report::{activity_report, activity_report_with, ReportRequest};
use patient_partner::{Activity, Interview};
use serde_json::Value;

use crate::harness::{arg, core, ok, opt_arg, Fail, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "activity_report" => report(input),
        "publish" => publication(input),
        "import_interviews_csv" => import_csv(input),
        "import_interviews_json" => import_json(input),
        "import_referrals_csv" => {
            table_op(input, |t, o| Ok(read_referrals(t.as_bytes(), o)?.records))
        }
        "import_referrals_json" => text_op(input, read_referrals_json),
        "import_activities_csv" => {
            table_op(input, |t, o| Ok(read_activities(t.as_bytes(), o)?.records))
        }
        "import_summary" => import_summary(input),
        "import_activities_json" => text_op(input, read_activities_json),
        _ => return None,
    })
}

fn report(input: &Value) -> Outcome {
    let interviews: Vec<Interview> = arg(input, "interviews")?;
    let request_json: Value = arg(input, "request")?;
    let request = ReportRequest::from_json_value(&request_json).map_err(core)?;
    match opt_arg::<Vec<Activity>>(input, "activities")? {
        None => ok(&activity_report(&interviews, &request).map_err(core)?),
        Some(activities) => {
            ok(&activity_report_with(&interviews, &activities, &request).map_err(core)?)
        }
    }
}

/// `publish`: `requests` protected together over `interviews`, with `indicators` (wire
/// names) read from them.
fn publication(input: &Value) -> Outcome {
    let interviews: Vec<Interview> = arg(input, "interviews")?;
    let requests: Vec<Value> = arg(input, "requests")?;
    let requests = requests
        .iter()
        .map(|r| ReportRequest::from_json_value(r).map_err(core))
        .collect::<Result<Vec<_>, _>>()?;
    let indicators: Vec<TableIndicator> = opt_arg(input, "indicators")?.unwrap_or_default();
    let publication = Publication::new(requests).map_err(core)?;
    let published = publish(&interviews, &publication).map_err(core)?;
    ok(&with_indicators(published, &indicators))
}

/// The import options of a vector: optional `strict` (bool), `columns` (canonical column →
/// header), `sheet`, `encoding`.
fn options(input: &Value) -> Result<ImportOptions, Fail> {
    let mut o = ImportOptions::new();
    if opt_arg::<bool>(input, "strict")?.unwrap_or(false) {
        o = o.unknown_columns(UnknownColumns::Refuse);
    }
    let columns: std::collections::BTreeMap<String, String> =
        opt_arg(input, "columns")?.unwrap_or_default();
    for (column, header) in columns {
        o = o.column(column, header);
    }
    if let Some(sheet) = opt_arg::<String>(input, "sheet")? {
        o = o.sheet(sheet);
    }
    if let Some(label) = opt_arg::<String>(input, "encoding")? {
        o = o.encoding(patient_partner::import::TextEncoding::from_label(&label).map_err(core)?);
    }
    Ok(o)
}

fn table_op<T: serde::Serialize>(
    input: &Value,
    f: impl Fn(&str, &ImportOptions) -> patient_partner::Result<T>,
) -> Outcome {
    let text: String = arg(input, "text")?;
    let options = options(input)?;
    ok(&f(&text, &options).map_err(core)?)
}

fn import_csv(input: &Value) -> Outcome {
    table_op(input, |t, o| Ok(read_interviews(t.as_bytes(), o)?.records))
}

fn import_summary(input: &Value) -> Outcome {
    let entity: String = arg(input, "entity")?;
    table_op(input, |t, o| -> patient_partner::Result<ImportSummary> {
        Ok(match entity.as_str() {
            "referral" => read_referrals(t.as_bytes(), o)?.summary,
            "activity" => read_activities(t.as_bytes(), o)?.summary,
            _ => read_interviews(t.as_bytes(), o)?.summary,
        })
    })
}

fn import_json(input: &Value) -> Outcome {
    let text: String = arg(input, "text")?;
    ok(&read_interviews_json(&text).map_err(core)?)
}

fn text_op<T: serde::Serialize, E: Into<patient_partner::Error>>(
    input: &Value,
    f: impl Fn(&str) -> Result<T, E>,
) -> Outcome {
    let text: String = arg(input, "text")?;
    ok(&f(&text).map_err(core)?)
}
