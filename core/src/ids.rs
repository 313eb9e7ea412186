//! Identifiers: validated, pseudonymous newtypes.
//!
//! Every entity is named by an opaque, pseudonymous string (`PP-001`, `PAT-0042`): never a
//! name, never a birth date. An identifier is trimmed of surrounding white space, must not be
//! empty, must be at most [`MAX_ID_LEN`] bytes long and must not contain control characters.
//! Anything else is rejected with an [`IdError`] naming the identifier type and the fault.
//!
//! ```
//! use patient_partner::{PatientId, ids::IdErrorKind};
//! let id = PatientId::new("  PAT-0042 ").unwrap();
//! assert_eq!(id.as_str(), "PAT-0042");
//! let err = PatientId::new("   ").unwrap_err();
//! assert_eq!(err.kind(), &IdErrorKind::Empty);
//! assert_eq!(err.code(), "empty_id");
//! ```

use std::fmt;

use crate::located::{ErrorKind, Located};

/// The longest identifier accepted, in bytes (after trimming).
pub const MAX_ID_LEN: usize = 64;

/// What was wrong with an identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum IdErrorKind {
    /// Empty, or only white space.
    Empty,
    /// Longer than [`MAX_ID_LEN`] bytes.
    TooLong {
        /// The length that was given, in bytes.
        len: usize,
    },
    /// Contains a control character (new line, tab, NUL…).
    ControlCharacter,
}

impl ErrorKind for IdErrorKind {
    /// The stable error code used by the conformance vectors and the bindings.
    fn code(&self) -> &'static str {
        match self {
            IdErrorKind::Empty => "empty_id",
            IdErrorKind::TooLong { .. } => "id_too_long",
            IdErrorKind::ControlCharacter => "id_control_character",
        }
    }
}

impl fmt::Display for IdErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IdErrorKind::Empty => f.write_str("must not be empty"),
            IdErrorKind::TooLong { len } => {
                write!(f, "{len} bytes long, at most {MAX_ID_LEN} allowed")
            }
            IdErrorKind::ControlCharacter => f.write_str("must not contain control characters"),
        }
    }
}

/// An identifier was rejected: the fault, with the identifier type (`PatientId`…) as the
/// context's entity.
pub type IdError = Located<IdErrorKind>;

impl IdError {
    /// The identifier type that rejected the value (`"PatientId"`…).
    pub fn id_type(&self) -> &str {
        self.context().entity.as_deref().unwrap_or("identifier")
    }
}

fn validate(id_type: &'static str, raw: &str) -> Result<String, IdError> {
    check_id(id_type, raw).map(str::to_owned)
}

/// Whether `s` holds a control character (`char::is_control`), with a fast path for ASCII.
#[inline]
fn has_control(s: &str) -> bool {
    // One pass over the bytes; the characters only for non-ASCII text (C1 controls).
    let mut ascii = true;
    for b in s.bytes() {
        if b < 0x20 || b == 0x7f {
            return true;
        }
        ascii &= b < 0x80;
    }
    !ascii && s.chars().any(char::is_control)
}

/// `s` trimmed of white space, without the Unicode scan when it starts and ends with a
/// visible ASCII character (the common case on hot paths).
pub(crate) fn trim_fast(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}

/// Checks `raw` against the identifier rules without allocating and returns it trimmed:
/// what `XxxId::new` accepts, for hot paths (streaming imports) that only need to know that
/// an id is valid. `id_type` names the type in the error (`"PatientId"`).
///
/// ```
/// use patient_partner::ids::check_id;
/// assert_eq!(check_id("PatientId", " PAT-1 ").unwrap(), "PAT-1");
/// assert_eq!(check_id("PatientId", "").unwrap_err().code(), "empty_id");
/// ```
pub fn check_id<'a>(id_type: &'static str, raw: &'a str) -> Result<&'a str, IdError> {
    let trimmed = trim_fast(raw);
    let kind = if trimmed.is_empty() {
        Some(IdErrorKind::Empty)
    } else if trimmed.len() > MAX_ID_LEN {
        Some(IdErrorKind::TooLong { len: trimmed.len() })
    } else if has_control(trimmed) {
        Some(IdErrorKind::ControlCharacter)
    } else {
        None
    };
    match kind {
        Some(kind) => Err(IdError::new(kind).entity(id_type)),
        None => Ok(trimmed),
    }
}

macro_rules! id_newtype {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub struct $name(String);

        impl $name {
            /// Validates and wraps an identifier (trimmed, non-empty, bounded, no control characters).
            pub fn new(raw: impl AsRef<str>) -> Result<Self, IdError> {
                validate(stringify!($name), raw.as_ref()).map($name)
            }
            /// The identifier as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
            /// The identifier as an owned string.
            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl TryFrom<String> for $name {
            type Error = IdError;
            fn try_from(s: String) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl TryFrom<&str> for $name {
            type Error = IdError;
            fn try_from(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl std::str::FromStr for $name {
            type Err = IdError;
            fn from_str(s: &str) -> Result<Self, IdError> {
                Self::new(s)
            }
        }

        impl From<$name> for String {
            fn from(id: $name) -> String {
                id.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "minLength": 1,
                    "maxLength": MAX_ID_LEN,
                    "pattern": "^\\S(.*\\S)?$",
                    "description": concat!("A pseudonymous identifier (", stringify!($name), "): trimmed, non-empty, at most 64 bytes, no control characters.")
                })
            }
        }
    };
}

id_newtype!(
    /// A patient, by pseudonym only (`PAT-0042`). Never a name or a birth date.
    PatientId
);
id_newtype!(
    /// A patient partner (or parent partner, or any engaged person), by pseudonym (`PP-001`).
    PartnerId
);
id_newtype!(
    /// An establishment (a cancer centre, a hospital, a clinic), by code (`EST-BDX-01`).
    EstablishmentId
);
id_newtype!(
    /// A referral (*adressage*).
    ReferralId
);
id_newtype!(
    /// An interview (*entretien*).
    InterviewId
);
id_newtype!(
    /// An activity (a support group, a training session, a committee…).
    ActivityId
);
id_newtype!(
    /// A health professional, by pseudonym (`PRO-017`).
    ProfessionalId
);
id_newtype!(
    /// A salaried post (of a patient partner or a parent partner).
    PostId
);
id_newtype!(
    /// A mandate (of a user representative on the CDU).
    MandateId
);

/// The identifier types, as named on the wire (for example by the `parse_id` vector op).
pub const ID_TYPES: &[&str] = &[
    "patient",
    "partner",
    "establishment",
    "referral",
    "interview",
    "activity",
    "professional",
    "post",
    "mandate",
];

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn trims_and_bounds() {
        assert_eq!(PartnerId::new(" PP-001\t").unwrap().as_str(), "PP-001");
        let long = "x".repeat(MAX_ID_LEN + 1);
        let err = PartnerId::new(&long).unwrap_err();
        assert_eq!(err.kind(), &IdErrorKind::TooLong { len: 65 });
        assert_eq!(err.id_type(), "PartnerId");
        assert!(PartnerId::new("x".repeat(MAX_ID_LEN)).is_ok());
        assert_eq!(
            PatientId::new("a\nb").unwrap_err().code(),
            "id_control_character"
        );
    }

    #[test]
    fn serde_validates() {
        let ok: PatientId = serde_json::from_str("\" P1 \"").unwrap();
        assert_eq!(ok.as_str(), "P1");
        assert!(serde_json::from_str::<PatientId>("\"  \"").is_err());
        assert_eq!(serde_json::to_string(&ok).unwrap(), "\"P1\"");
    }

    proptest! {
        #[test]
        fn never_panics_and_accepted_ids_are_canonical(s in ".{0,80}") {
            if let Ok(id) = PatientId::new(&s) {
                prop_assert_eq!(id.as_str(), id.as_str().trim());
                prop_assert!(!id.as_str().is_empty() && id.as_str().len() <= MAX_ID_LEN);
                prop_assert_eq!(PatientId::new(id.as_str()).unwrap(), id.clone());
            }
        }
    }
}
