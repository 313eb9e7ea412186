//! Ops of the foundation: identifiers and interview modalities.

use patient_partner::ids::*;
use patient_partner::Modality;
use serde_json::Value;

use crate::harness::{arg, core, ok, Fail, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "parse_id" => parse_id(input),
        "parse_modality" => parse_modality(input),
        _ => return None,
    })
}

fn parse_id(input: &Value) -> Outcome {
    let id_type: String = arg(input, "type")?;
    let value: String = arg(input, "value")?;
    let parsed = match id_type.as_str() {
        "patient" => PatientId::new(&value).map(String::from),
        "partner" => PartnerId::new(&value).map(String::from),
        "establishment" => EstablishmentId::new(&value).map(String::from),
        "referral" => ReferralId::new(&value).map(String::from),
        "interview" => InterviewId::new(&value).map(String::from),
        "activity" => ActivityId::new(&value).map(String::from),
        "professional" => ProfessionalId::new(&value).map(String::from),
        "post" => PostId::new(&value).map(String::from),
        "mandate" => MandateId::new(&value).map(String::from),
        other => return Err(Fail::Harness(format!("unknown id type `{other}`"))),
    };
    ok(&parsed.map_err(core)?)
}

fn parse_modality(input: &Value) -> Outcome {
    let value: String = arg(input, "value")?;
    ok(&Modality::parse_lenient(&value).map_err(core)?)
}
