//! Closed vocabularies: the trait every domain enum implements.
//!
//! Each enum of the crate (roles, levels, modalities, states…) has a stable snake_case *wire
//! name* used in JSON, CSV and every binding, an English label (its `Display`) and a French
//! label, because the field works in French.
//!
//! ```
//! use patient_partner::{Modality, Vocabulary};
//! assert_eq!(Modality::Phone.wire_name(), "phone");
//! assert_eq!(Modality::Phone.to_string(), "phone");
//! assert_eq!(Modality::Phone.label_fr(), "téléphone");
//! assert_eq!("video".parse::<Modality>().unwrap(), Modality::Video);
//! ```

use std::fmt;

use crate::located::{ErrorKind, Located};

/// A closed vocabulary with stable wire names and bilingual labels.
pub trait Vocabulary: Sized + Copy + 'static {
    /// The Rust name of the type, used in error messages.
    const TYPE_NAME: &'static str;
    /// Every value, in declaration order.
    fn all() -> &'static [Self];
    /// The stable snake_case name used on the wire (JSON, CSV, bindings).
    fn wire_name(&self) -> &'static str;
    /// The English label (also the `Display` output).
    fn label_en(&self) -> &'static str;
    /// The French label, as the field names it.
    fn label_fr(&self) -> &'static str;
    /// Parses a wire name (exact, case-sensitive).
    fn from_wire(s: &str) -> Result<Self, UnknownValue> {
        Self::all()
            .iter()
            .copied()
            .find(|v| v.wire_name() == s)
            .ok_or_else(|| {
                UnknownValue::unknown(
                    Self::TYPE_NAME,
                    s,
                    Self::all().iter().map(|v| v.wire_name()).collect(),
                )
            })
    }
}

/// What was wrong with a vocabulary value.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VocabularyErrorKind {
    /// A string that is not the wire name of any value of the vocabulary.
    Unknown {
        /// The value that was given (at most [`crate::text::QUOTE_CHARS`] characters of
        /// it).
        value: String,
        /// The wire names that are accepted.
        expected: Vec<&'static str>,
    },
}

impl ErrorKind for VocabularyErrorKind {
    fn code(&self) -> &'static str {
        match self {
            VocabularyErrorKind::Unknown { .. } => "unknown_value",
        }
    }
}

impl fmt::Display for VocabularyErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VocabularyErrorKind::Unknown { value, expected } => write!(
                f,
                "unknown value {value:?}: expected one of {}",
                expected.join(", ")
            ),
        }
    }
}

/// A value is not in its vocabulary: the kind, with the vocabulary's type name
/// (`Modality`…) as the context's entity.
pub type UnknownValue = Located<VocabularyErrorKind>;

impl UnknownValue {
    /// An unknown `value` of the vocabulary `type_name`, accepting `expected`.
    pub(crate) fn unknown(type_name: &str, value: &str, expected: Vec<&'static str>) -> Self {
        Located::new(VocabularyErrorKind::Unknown {
            value: crate::text::short(value),
            expected,
        })
        .entity(type_name)
    }
}
