//! The smallest tour of the crate: identifiers, an interview, bilingual labels.
//!
//! Run with `cargo run --example quickstart`.

use chrono::NaiveDate;
use patient_partner::{Interview, Modality, PartnerId, PatientId, Vocabulary};

fn main() -> Result<(), patient_partner::Error> {
    let interview = Interview::new(
        NaiveDate::from_ymd_opt(2023, 3, 14).expect("valid date"),
        PartnerId::new("PP-001")?,
        PatientId::new("PAT-0042")?,
        Modality::InPerson,
    );
    println!(
        "{} saw {} on {} ({} / {})",
        interview.partner,
        interview.patient,
        interview.date,
        interview.modality,
        interview.modality.label_fr()
    );
    match PatientId::new("   ") {
        Ok(_) => unreachable!("blank identifiers are rejected"),
        Err(e) => println!("rejected as expected: {e} [{}]", e.code()),
    }
    Ok(())
}
