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
            .ok_or_else(|| UnknownValue {
                type_name: Self::TYPE_NAME,
                value: crate::text::short(s),
                expected: Self::all().iter().map(|v| v.wire_name()).collect(),
            })
    }
}

/// A string that is not the wire name of any value of a vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownValue {
    /// The vocabulary that was expected.
    pub type_name: &'static str,
    /// The value that was given (at most [`crate::text::QUOTE_CHARS`] characters of it).
    pub value: String,
    /// The wire names that are accepted.
    pub expected: Vec<&'static str>,
}

impl fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown {} {:?}: expected one of {}",
            self.type_name,
            self.value,
            self.expected.join(", ")
        )
    }
}

impl std::error::Error for UnknownValue {}
