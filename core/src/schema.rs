//! JSON Schemas of the input documents, generated from the Rust types with `schemars`.
//!
//! [`input_schemas`] lists one schema per document a user may hand to the library (a journal
//! document, a role catalogue, a single referral, interview or activity…). The same schemas
//! are committed under `core/schemas/<name>.schema.json`; the test `core/tests/schemas.rs`
//! fails when the committed files drift from the code, and rewrites them when run with
//! `UPDATE_SCHEMAS=1`.
//!
//! ```
//! let schemas = patient_partner::schema::input_schemas();
//! assert!(schemas.iter().any(|(name, _)| *name == "interview"));
//! ```

use schemars::{schema_for, Schema};

/// One `(name, schema)` pair per input document type; `name` is the file stem under
/// `core/schemas/` (`core/schemas/<name>.schema.json`). Names are unique.
pub fn input_schemas() -> Vec<(&'static str, Schema)> {
    vec![
        ("interview", schema_for!(crate::interview::Interview)),
        (
            "journal_document",
            schema_for!(crate::journal::JournalDocument),
        ),
        (
            "role_catalogue",
            schema_for!(crate::engagement::RoleCatalogueDocument),
        ),
        ("referral", schema_for!(crate::referral::Referral)),
        (
            "referral_transition",
            schema_for!(crate::referral::ReferralTransition),
        ),
        ("activity", schema_for!(crate::activity::Activity)),
        ("report_request", schema_for!(crate::report::ReportRequest)),
        ("interview_log", schema_for!(crate::import::InterviewLog)),
        (
            "indicator_catalogue",
            schema_for!(Vec<crate::indicators::IndicatorDefinition>),
        ),
        ("policy", schema_for!(crate::policy::PolicyDocument)),
        ("post", schema_for!(crate::policy::Post)),
        ("mandate", schema_for!(crate::policy::Mandate)),
        (
            "label_checklist",
            schema_for!(crate::policy::LabelChecklist),
        ),
        (
            "establishment_data",
            schema_for!(crate::policy::EstablishmentData),
        ),
        (
            "column_aliases",
            schema_for!(crate::import::ColumnAliasesDocument),
        ),
        // One line per input document type; keep the list simple.
    ]
}
