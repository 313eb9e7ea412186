//! Ops of programme rules: `evaluate_post`, `cofinancing_split`, `contract_calendar`,
//! `evaluate_mandate`, `programme_indicators`, `evaluate_label`, `load_policy`.

use chrono::NaiveDate;
use patient_partner::policy::{EstablishmentData, LabelChecklist, Mandate, Policy, Post, PostRole};
use serde_json::{json, Value};

use crate::harness::{arg, core, ok, opt_arg, Fail, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "evaluate_post" => evaluate_post(input),
        "cofinancing_split" => cofinancing_split(input),
        "contract_calendar" => contract_calendar(input),
        "evaluate_mandate" => evaluate_mandate(input),
        "programme_indicators" => programme_indicators(input),
        "evaluate_label" => evaluate_label(input),
        "load_policy" => load_policy(input),
        _ => return None,
    })
}

/// The input's `policy` (a document, loaded with `Policy::from_json`), or the built-in one.
fn policy(input: &Value) -> Result<Policy, Fail> {
    match input.get("policy") {
        None | Some(Value::Null) => Ok(Policy::builtin().clone()),
        Some(value) => Policy::from_json(&value.to_string()).map_err(core),
    }
}

fn post(value: &Value) -> Result<Post, Fail> {
    Ok(Post::from_json(&value.to_string())?)
}

fn evaluate_post(input: &Value) -> Outcome {
    let policy = policy(input)?;
    let post = post(&arg::<Value>(input, "post")?)?;
    ok(&policy.evaluate_post(&post).map_err(core)?)
}

fn cofinancing_split(input: &Value) -> Outcome {
    let policy = policy(input)?;
    let role: PostRole = arg::<String>(input, "role")?.parse().map_err(core)?;
    let fte: i64 = arg(input, "fte_permille")?;
    let pay: i64 = arg(input, "pay_cents")?;
    ok(&policy.cofinancing_split(role, fte, pay).map_err(core)?)
}

fn contract_calendar(input: &Value) -> Outcome {
    let policy = policy(input)?;
    let post = post(&arg::<Value>(input, "post")?)?;
    ok(&policy.contract_calendar(&post).map_err(core)?)
}

fn evaluate_mandate(input: &Value) -> Outcome {
    let policy = policy(input)?;
    let value: Value = arg(input, "mandate")?;
    let mandate = Mandate::from_json(&value.to_string())?;
    let as_of: NaiveDate = arg(input, "as_of")?;
    ok(&policy.evaluate_mandate(&mandate, as_of).map_err(core)?)
}

fn programme_indicators(input: &Value) -> Outcome {
    let policy = policy(input)?;
    let values: Vec<Value> = arg(input, "posts")?;
    let posts = values.iter().map(post).collect::<Result<Vec<_>, _>>()?;
    let year: i32 = arg(input, "year")?;
    ok(&policy.programme_indicators(&posts, year).map_err(core)?)
}

fn evaluate_label(input: &Value) -> Outcome {
    let policy = policy(input)?;
    let checklist = match opt_arg::<Value>(input, "checklist")? {
        Some(value) => LabelChecklist::from_json(&value.to_string()).map_err(core)?,
        None => LabelChecklist::example().clone(),
    };
    let data: Value = arg(input, "data")?;
    let data = EstablishmentData::from_json(&data.to_string()).map_err(core)?;
    ok(&policy.evaluate_label(&checklist, &data).map_err(core)?)
}

fn load_policy(input: &Value) -> Outcome {
    let text = match (input.get("policy"), opt_arg::<String>(input, "text")?) {
        (Some(value), None) => value.to_string(),
        (None, Some(text)) => text,
        _ => {
            return Err(Fail::Harness(
                "load_policy needs exactly one of `policy` or `text`".into(),
            ))
        }
    };
    let policy = Policy::from_json(&text).map_err(core)?;
    let doc = policy.document();
    ok(&json!({
        "id": doc.id,
        "posts": doc.posts.iter().map(|r| r.role).collect::<Vec<_>>(),
        "trainings": doc.trainings.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(),
    }))
}

/// Every rule id and every op of this area has at least one vector.
#[test]
fn every_rule_and_op_has_a_vector() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/policy");
    let mut texts = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("tests/vectors/policy exists") {
        let path = entry.expect("entry").path();
        texts.push(std::fs::read_to_string(&path).expect("readable vector"));
    }
    let all = texts.join("\n");
    for rule in patient_partner::policy::rules::ALL {
        assert!(
            all.contains(&format!("\"{rule}\"")),
            "no vector shows rule `{rule}`"
        );
    }
    for op in [
        "evaluate_post",
        "cofinancing_split",
        "contract_calendar",
        "evaluate_mandate",
        "programme_indicators",
        "evaluate_label",
        "load_policy",
    ] {
        assert!(
            all.contains(&format!("\"op\": \"{op}\"")),
            "no vector runs op `{op}`"
        );
    }
}
