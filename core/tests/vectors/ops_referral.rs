//! Ops of referrals: `referral_transition`, `referral_history`, `validate_referral`.

use patient_partner::referral::{
    Consent, Referral, ReferralEvent, ReferralLifecycle, ReferralState, ReferralTransition,
};
use serde_json::{json, Value};

use crate::harness::{arg, core, ok, opt_arg, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "referral_transition" => referral_transition(input),
        "referral_history" => referral_history(input),
        "validate_referral" => validate_referral(input),
        _ => return None,
    })
}

fn referral_transition(input: &Value) -> Outcome {
    let from: ReferralState = arg::<String>(input, "from")?.parse().map_err(core)?;
    let event: ReferralEvent = arg(input, "event")?;
    let consent: Consent = opt_arg(input, "consent")?.unwrap_or_default();
    ok(&from.next(&event, &consent).map_err(core)?)
}

fn referral_history(input: &Value) -> Outcome {
    let value: Value = arg(input, "referral")?;
    let referral = Referral::from_json(&value.to_string())?;
    let transitions: Vec<ReferralTransition> = arg(input, "transitions")?;
    let mut lifecycle = ReferralLifecycle::new(&referral);
    for transition in &transitions {
        lifecycle.apply(transition).map_err(core)?;
    }
    let mut out = json!({
        "state": lifecycle.state(),
        "consent": lifecycle.consent(),
        "last_date": lifecycle.last_date(),
        "transitions": lifecycle.history().len(),
    });
    if let Some(partner) = lifecycle.partner() {
        out["partner"] = json!(partner);
    }
    ok(&out)
}

fn validate_referral(input: &Value) -> Outcome {
    let value: Value = arg(input, "referral")?;
    ok(&Referral::from_json(&value.to_string())?)
}
