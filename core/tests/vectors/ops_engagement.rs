//! Ops of engagement, missions and activities: `classify_engagement`, `role_profile`,
//! `load_role_catalogue`, `mission_profile`, `validate_activity`.

use patient_partner::activity::Activity;
use patient_partner::engagement::{Participation, Role, RoleCatalogue};
use patient_partner::mission::Mission;
use serde_json::{json, Value};

use crate::harness::{arg, core, ok, opt_arg, Fail, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "classify_engagement" => classify_engagement(input),
        "role_profile" => role_profile(input),
        "load_role_catalogue" => load_role_catalogue(input),
        "mission_profile" => mission_profile(input),
        "validate_activity" => validate_activity(input),
        _ => return None,
    })
}

/// The catalogue of the input (`catalogue`, a JSON value loaded with `RoleCatalogue::from_json`),
/// or the built-in one.
fn catalogue(input: &Value) -> Result<RoleCatalogue, Fail> {
    match input.get("catalogue") {
        None | Some(Value::Null) => Ok(RoleCatalogue::builtin().clone()),
        Some(value) => RoleCatalogue::from_json(&value.to_string()).map_err(core),
    }
}

fn classify_engagement(input: &Value) -> Outcome {
    let catalogue = catalogue(input)?;
    let mission: Mission = arg::<String>(input, "mission")?.parse().map_err(core)?;
    let participation: Option<Participation> = match opt_arg::<String>(input, "participation")? {
        Some(p) => Some(p.parse().map_err(core)?),
        None => None,
    };
    let role: Option<Role> = match opt_arg::<String>(input, "role")? {
        Some(r) => Some(r.parse().map_err(core)?),
        None => None,
    };
    ok(&catalogue
        .classify(mission, participation, role)
        .map_err(core)?)
}

fn role_profile(input: &Value) -> Outcome {
    let catalogue = catalogue(input)?;
    let role: Role = arg::<String>(input, "role")?.parse().map_err(core)?;
    ok(catalogue.profile(role).map_err(core)?)
}

fn load_role_catalogue(input: &Value) -> Outcome {
    let text = match (input.get("catalogue"), opt_arg::<String>(input, "text")?) {
        (Some(value), None) => value.to_string(),
        (None, Some(text)) => text,
        _ => {
            return Err(Fail::Harness(
                "load_role_catalogue needs exactly one of `catalogue` or `text`".into(),
            ))
        }
    };
    let catalogue = RoleCatalogue::from_json(&text).map_err(core)?;
    let doc = catalogue.document();
    ok(&json!({
        "roles": doc.roles.iter().map(|p| p.role).collect::<Vec<_>>(),
        "missions": doc.missions.len(),
        "participations": doc.participations.len(),
    }))
}

fn mission_profile(input: &Value) -> Outcome {
    let mission: Mission = arg::<String>(input, "mission")?.parse().map_err(core)?;
    ok(&mission.profile())
}

fn validate_activity(input: &Value) -> Outcome {
    let value: Value = arg(input, "activity")?;
    let activity = Activity::from_json(&value.to_string())?;
    ok(&activity)
}
