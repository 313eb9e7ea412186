//! Findings: what a valid post or mandate breaks, and the evaluation that gathers them.
//!
//! Every evaluation returns **every** finding, in a fixed order (the order of the rule table
//! in the [module docs](super)), never only the first. A [`Finding`] has a stable `rule_id`
//! (see [`super::rules`]), a [`Severity`], a message in English and in French, and the
//! `facts` it used (name → value as text: dates ISO, numbers in decimal, enums by wire
//! name). An [`Evaluation`] is [`Compliance::Compliant`] when it has no finding,
//! [`Compliance::CompliantWithWarnings`] when it has only warnings, and
//! [`Compliance::NonCompliant`] when it has a violation.
//!
//! ```
//! use patient_partner::policy::{Compliance, Evaluation};
//! let empty = Evaluation::new("POST-01", Vec::new());
//! assert_eq!(empty.compliance, Compliance::Compliant);
//! ```

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

crate::bilingual_enum! {
    /// How serious a finding is.
    pub enum Severity {
        /// The rule is broken: the post or mandate does not comply.
        Violation => "violation", "violation", "non-conformité",
        /// Something to look at; the post or mandate still complies.
        Warning => "warning", "warning", "avertissement",
    }
}

crate::bilingual_enum! {
    /// The overall result of an evaluation.
    pub enum Compliance {
        /// No finding.
        Compliant => "compliant", "compliant", "conforme",
        /// Only warnings.
        CompliantWithWarnings => "compliant_with_warnings", "compliant with warnings", "conforme avec avertissements",
        /// At least one violation.
        NonCompliant => "non_compliant", "non-compliant", "non conforme",
    }
}

/// One rule that a post or mandate breaks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Finding {
    /// The stable rule identifier (`post.max_fte`…).
    pub rule_id: String,
    /// Violation or warning.
    pub severity: Severity,
    /// What is wrong, in English.
    pub message_en: String,
    /// What is wrong, in French.
    pub message_fr: String,
    /// The values the rule used, by name (dates ISO, numbers in decimal, enums by wire name).
    pub facts: BTreeMap<String, String>,
}

impl Finding {
    pub(crate) fn new(
        rule_id: &str,
        severity: Severity,
        message_en: String,
        message_fr: String,
        facts: &[(&str, String)],
    ) -> Self {
        Finding {
            rule_id: rule_id.to_owned(),
            severity,
            message_en,
            message_fr,
            facts: facts
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        }
    }
}

/// The findings of one post or mandate.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Evaluation {
    /// The post or mandate evaluated (its id).
    pub subject: String,
    /// Compliant, compliant with warnings, or non-compliant.
    pub compliance: Compliance,
    /// Every finding, in rule-table order.
    pub findings: Vec<Finding>,
}

impl Evaluation {
    /// Gathers findings and derives the compliance.
    pub fn new(subject: &str, findings: Vec<Finding>) -> Self {
        let compliance = if findings.iter().any(|f| f.severity == Severity::Violation) {
            Compliance::NonCompliant
        } else if findings.is_empty() {
            Compliance::Compliant
        } else {
            Compliance::CompliantWithWarnings
        };
        Evaluation {
            subject: subject.to_owned(),
            compliance,
            findings,
        }
    }

    /// The rule ids of the findings, in order.
    pub fn rule_ids(&self) -> Vec<&str> {
        self.findings.iter().map(|f| f.rule_id.as_str()).collect()
    }

    /// Whether any finding is a violation.
    pub fn has_violation(&self) -> bool {
        self.compliance == Compliance::NonCompliant
    }
}
