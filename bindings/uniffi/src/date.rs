//! Dates: `chrono::NaiveDate` crosses the boundary as an ISO-8601 `YYYY-MM-DD` string.
//!
//! `uniffi.toml` maps it to `java.time.LocalDate` in Kotlin (`LocalDate.parse` /
//! `LocalDate.toString`, both ISO-8601) and to `Foundation.DateComponents` in Swift (year,
//! month and day; no instant, no time zone: ADR 0011).
//!
//! A string that is not a valid ISO date (a Swift `DateComponents` without its year, month or
//! day, or a Kotlin year beyond 9999) is refused with `PatientPartnerError.InvalidArgument`
//! (kind `invalid_date`, entity `LocalDate`).

use chrono::NaiveDate;

use crate::error::PatientPartnerError;

fn lift_date(text: String) -> uniffi::Result<NaiveDate> {
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
        PatientPartnerError::argument(
            patient_partner::ErrorCode::InvalidDate,
            patient_partner::ErrorContext {
                entity: Some("LocalDate".to_owned()),
                ..Default::default()
            },
            patient_partner::text::short_message(&format!(
                "{text:?} is not an ISO-8601 date (YYYY-MM-DD): {e}"
            )),
        )
        .into()
    })
}

uniffi::custom_type!(NaiveDate, String, {
    remote,
    lower: |date| date.format("%Y-%m-%d").to_string(),
    try_lift: |text| lift_date(text),
});
