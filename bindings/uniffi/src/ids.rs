//! Identifiers as their own types: a patient's pseudonym cannot be passed where a partner is
//! expected, in Kotlin or Swift, any more than in Rust.
//!
//! Each core id newtype (`PatientId`, `PartnerId`…) is a uniffi custom type bridged by a
//! one-field record (`PatientIdValue { value }`), so the foreign languages get a distinct
//! type per id: Kotlin `typealias PatientId = PatientIdValue` (a `data class`), used as
//! `PatientId("P-0001")` and read back with `.value`; Swift `typealias PatientId =
//! PatientIdValue` (a `struct`), `PatientId(value: "P-0001")`. A `String` is not accepted
//! where an id is expected, and two kinds of id cannot be swapped: the compiler refuses it.
//!
//! Ids are validated **when lifted** into Rust, by the core's own rules (trimmed, not empty,
//! at most 64 bytes, no control character): a bad id given to any function or inside any
//! record is refused with the typed `InvalidId` error (`empty_id`, `id_too_long`,
//! `id_control_character`) before the function runs. An id coming back from Rust is always
//! in its canonical (trimmed) form.

use patient_partner::ids::{
    ActivityId, EstablishmentId, InterviewId, MandateId, PartnerId, PatientId, PostId,
    ProfessionalId, ReferralId,
};

use crate::error::core;

macro_rules! ffi_id {
    ($id:ident, $value:ident, $doc:literal) => {
        #[doc = $doc]
        #[derive(Debug, Clone, PartialEq, Eq, Hash, uniffi::Record)]
        pub struct $value {
            /// The identifier's text (trimmed, 1 to 64 bytes, no control character).
            pub value: String,
        }

        uniffi::custom_type!($id, $value, {
            remote,
            lower: |id| $value { value: id.into_string() },
            try_lift: |bridge| <$id>::new(bridge.value).map_err(|e| core(e).into()),
        });
    };
}

ffi_id!(
    PatientId,
    PatientIdValue,
    "The identifier of a patient, by pseudonym: construct it as `PatientId(value)`; validated when it reaches Rust."
);
ffi_id!(
    PartnerId,
    PartnerIdValue,
    "The identifier of a patient partner: construct it as `PartnerId(value)`; validated when it reaches Rust."
);
ffi_id!(
    EstablishmentId,
    EstablishmentIdValue,
    "The identifier of an establishment: construct it as `EstablishmentId(value)`; validated when it reaches Rust."
);
ffi_id!(
    ReferralId,
    ReferralIdValue,
    "The identifier of a referral: construct it as `ReferralId(value)`; validated when it reaches Rust."
);
ffi_id!(
    InterviewId,
    InterviewIdValue,
    "The identifier of an interview: construct it as `InterviewId(value)`; validated when it reaches Rust."
);
ffi_id!(
    ActivityId,
    ActivityIdValue,
    "The identifier of an activity: construct it as `ActivityId(value)`; validated when it reaches Rust."
);
ffi_id!(
    ProfessionalId,
    ProfessionalIdValue,
    "The identifier of a health professional, by pseudonym: construct it as `ProfessionalId(value)`; validated when it reaches Rust."
);
ffi_id!(
    PostId,
    PostIdValue,
    "The identifier of a post of a salaried patient partner: construct it as `PostId(value)`; validated when it reaches Rust."
);
ffi_id!(
    MandateId,
    MandateIdValue,
    "The identifier of a user representative's mandate: construct it as `MandateId(value)`; validated when it reaches Rust."
);
