//! Dates: `chrono::NaiveDate` crosses the boundary as an ISO-8601 `YYYY-MM-DD` string.
//!
//! `uniffi.toml` maps it to `java.time.LocalDate` in Kotlin (`LocalDate.parse` /
//! `LocalDate.toString`, both ISO-8601). Swift has no calendar-date type without a time zone
//! (`Foundation.Date` is an instant), so Swift sees it as `String` (`public typealias
//! NaiveDate = String`), in the same `YYYY-MM-DD` form.
//!
//! A string that is not a valid ISO date (only possible from Swift, or from Kotlin for a year
//! beyond 9999) is refused with [`PatientPartnerError::InvalidArgument`] (kind
//! `invalid_date`, entity `LocalDate`).

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
