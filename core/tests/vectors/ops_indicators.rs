//! Ops of the indicators: the catalogue and one op per computed indicator.

use patient_partner::activity::Activity;
use patient_partner::indicators::{self, IndicatorCatalogue};
use patient_partner::journal::{Journal, JournalDocument};
use patient_partner::report::Period;
use patient_partner::Interview;
use serde_json::Value;

use crate::harness::{arg, core, ok, Outcome};

pub fn run(op: &str, input: &Value) -> Option<Outcome> {
    Some(match op {
        "indicator_catalogue" => ok(IndicatorCatalogue::builtin()),
        "indicator_activity_counts" => {
            with_interviews(input, |i, p| ok(&indicators::activity_counts(i, p)))
        }
        "indicator_interviews_per_patient" => {
            with_interviews(input, |i, p| ok(&indicators::interviews_per_patient(i, p)))
        }
        "indicator_remote_share" => {
            with_interviews(input, |i, p| ok(&indicators::remote_share(i, p)))
        }
        "indicator_referral_delay" => {
            with_journal(input, |j, p| ok(&indicators::referral_delay(j, p)))
        }
        "indicator_referral_sources" => {
            with_journal(input, |j, p| ok(&indicators::referral_sources(j, p)))
        }
        "indicator_orientation_rate" => {
            with_journal(input, |j, p| ok(&indicators::orientation_rate(j, p)))
        }
        "indicator_decline_rate" => with_journal(input, |j, p| ok(&indicators::decline_rate(j, p))),
        "indicator_extra_clinical_activities" => (|| {
            let activities: Vec<Activity> = arg(input, "activities")?;
            let period: Period = arg(input, "period")?;
            ok(&indicators::extra_clinical_activities(&activities, &period))
        })(),
        _ => return None,
    })
}

fn with_interviews(input: &Value, f: impl Fn(&[Interview], &Period) -> Outcome) -> Outcome {
    let interviews: Vec<Interview> = arg(input, "interviews")?;
    let period: Period = arg(input, "period")?;
    f(&interviews, &period)
}

fn with_journal(input: &Value, f: impl Fn(&Journal, &Period) -> Outcome) -> Outcome {
    let doc: JournalDocument = arg(input, "journal")?;
    let period: Period = arg(input, "period")?;
    let journal = Journal::from_document(&doc).map_err(core)?;
    f(&journal, &period)
}
