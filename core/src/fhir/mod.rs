//! FHIR R4 exchange (issue 14; the mapping is ADR 0013): the conformance resources the
//! library ships, a journal as a `Bundle` and back, an activity report as `MeasureReport`s.
//!
//! Everything here writes and reads plain JSON values (`serde_json::Value`) of FHIR R4
//! resources: no FHIR model crate, no network. Only pseudonymous identifiers and vocabulary
//! labels ever leave the crate.
//!
//! - [`conformance`]: the CodeSystems, ValueSets and the Measure, generated from the core's
//!   vocabularies (committed under `core/fhir/`, checked for drift by
//!   `core/tests/fhir_conformance.rs`, validated by the HAPI validator in `make test`).
//!
//! ```
//! use patient_partner::fhir::conformance::conformance_resources;
//! let resources = conformance_resources();
//! let need = resources.iter().find(|(name, _)| *name == "CodeSystem-need").unwrap();
//! assert_eq!(need.1["url"], "https://patient-partner.example/fhir/CodeSystem/need");
//! ```

pub mod conformance;
pub mod export;
pub mod import;
pub mod measure_report;
mod narrative;

/// The base of every URL the library mints (identifier systems, canonicals). An example
/// domain until a real one is registered: a deployment changes this constant and
/// regenerates `core/fhir/` (`UPDATE_FHIR=1 cargo test -p patient-partner --test fhir_conformance`).
pub const BASE: &str = "https://patient-partner.example/fhir";

/// The version written on every conformance resource and in the Measure canonical.
pub const VERSION: &str = "1";

/// The canonical URL of one of our conformance resources: `{BASE}/{kind}/{id}`.
pub fn canonical(kind: &str, id: &str) -> String {
    format!("{BASE}/{kind}/{id}")
}
