//! The rules of a post: working time, contract length, renewals, training before taking
//! office. Each rule is described in the [rule table](super::rules).
//!
//! Facts of each finding:
//! - `post.max_fte`: `fte_permille`, `max_fte_permille`;
//! - `post.term_too_long`: `term` (1 = initial contract), `start`, `end`, `max_end`,
//!   `contract_years`;
//! - `post.renewal_limit`: `renewal` (1-based), `renewals_allowed`, `decided_on`, `end`;
//! - `post.renewal_outside_window`: `renewal`, `decided_on`, `window_opens`,
//!   `window_closes`;
//! - `post.training_missing`: `start`, `accepted_trainings` (ids joined by `,`),
//!   `recorded_trainings` (ids joined by `,`, possibly empty);
//! - `post.training_after_start`: `start`, `training`, `completed_on`.
//!
//! ```
//! use patient_partner::policy::{Compliance, Policy, Post};
//! let post = Post::from_json(r#"{"id": "POST-01", "establishment": "EST-01",
//!   "partner": "PP-001", "role": "patient_partner", "start": "2021-09-01",
//!   "end": "2024-09-01", "fte_permille": 600, "gross_annual_pay_cents": 2400000,
//!   "trainings": [{"training": "ars_na_programme_training", "completed_on": "2021-09-01"}]}"#)?;
//! let evaluation = Policy::builtin().evaluate_post(&post)?;
//! assert_eq!(evaluation.compliance, Compliance::NonCompliant);
//! assert_eq!(evaluation.rule_ids(), ["post.max_fte", "post.term_too_long"]);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use super::calendar::{window, TermStatus};
use super::document::Policy;
use super::error::PolicyError;
use super::finding::{Evaluation, Finding, Severity};
use super::post::Post;
use super::rules;
use crate::engagement::TrainingRequirement;
use crate::vocabulary::Vocabulary;

/// `500` → `0.5`, `1000` → `1`, `501` → `0.501` (with `sep` as the decimal separator).
pub(crate) fn fte_text(permille: i64, sep: char) -> String {
    let whole = permille / 1000;
    let frac = (permille % 1000).abs();
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:03}");
    format!("{whole}{sep}{}", digits.trim_end_matches('0'))
}

impl Policy {
    /// Evaluates `post` against this policy: every finding, in rule-table order. Invalid
    /// input is an error (see [`Post::validate`]), as is a kind of post the policy does not
    /// fund (`role_not_in_policy`).
    pub fn evaluate_post(&self, post: &Post) -> Result<Evaluation, PolicyError> {
        let calendar = self.contract_calendar(post)?;
        let rules_ = self.rules_for_post(post)?;
        let role_en = post.role.label_en();
        let role_fr = post.role.label_fr();
        let mut findings = Vec::new();

        if post.fte_permille > rules_.max_fte_permille {
            findings.push(Finding::new(
                rules::POST_MAX_FTE,
                Severity::Violation,
                format!(
                    "The {role_en} post works {} FTE, above the programme's limit of {} FTE.",
                    fte_text(post.fte_permille, '.'),
                    fte_text(rules_.max_fte_permille, '.')
                ),
                format!(
                    "Le poste de {role_fr} est à {} ETP, au-delà de la limite du programme ({} ETP).",
                    fte_text(post.fte_permille, ','),
                    fte_text(rules_.max_fte_permille, ',')
                ),
                &[
                    ("fte_permille", post.fte_permille.to_string()),
                    ("max_fte_permille", rules_.max_fte_permille.to_string()),
                ],
            ));
        }

        for term in calendar.terms.iter().filter(|t| t.end > t.max_end) {
            let (what_en, what_fr) = if term.number == 1 {
                (
                    "The initial contract".to_owned(),
                    "Le contrat initial".to_owned(),
                )
            } else {
                (
                    format!("Renewal {}", term.number - 1),
                    format!("Le renouvellement {}", term.number - 1),
                )
            };
            findings.push(Finding::new(
                rules::POST_TERM_TOO_LONG,
                Severity::Violation,
                format!(
                    "{what_en} runs from {} to {}, beyond {} years (last day allowed: {}).",
                    term.start, term.end, rules_.contract_years, term.max_end
                ),
                format!(
                    "{what_fr} court du {} au {}, au-delà de {} ans (dernier jour permis : {}).",
                    term.start, term.end, rules_.contract_years, term.max_end
                ),
                &[
                    ("term", term.number.to_string()),
                    ("start", term.start.to_string()),
                    ("end", term.end.to_string()),
                    ("max_end", term.max_end.to_string()),
                    ("contract_years", rules_.contract_years.to_string()),
                ],
            ));
        }

        for term in calendar
            .terms
            .iter()
            .filter(|t| t.status == TermStatus::BeyondRenewalLimit)
        {
            let n = term.number - 1;
            let decided = term.decided_on.map(|d| d.to_string()).unwrap_or_default();
            findings.push(Finding::new(
                rules::POST_RENEWAL_LIMIT,
                Severity::Violation,
                format!(
                    "Renewal {n} (decided on {decided}, to {}) is refused: the programme allows {} renewal(s).",
                    term.end, rules_.renewals_allowed
                ),
                format!(
                    "Le renouvellement {n} (décidé le {decided}, jusqu'au {}) est refusé : le programme permet {} renouvellement(s).",
                    term.end, rules_.renewals_allowed
                ),
                &[
                    ("renewal", n.to_string()),
                    ("renewals_allowed", rules_.renewals_allowed.to_string()),
                    ("decided_on", decided.clone()),
                    ("end", term.end.to_string()),
                ],
            ));
        }

        for (i, pair) in calendar.terms.windows(2).enumerate() {
            let [previous, renewal] = pair else { continue };
            let Some(decided) = renewal.decided_on else {
                continue;
            };
            let Some(w) = window(rules_, previous.end) else {
                continue;
            };
            if decided < w.opens || decided > w.closes {
                let n = i + 1;
                findings.push(Finding::new(
                    rules::POST_RENEWAL_OUTSIDE_WINDOW,
                    Severity::Warning,
                    format!(
                        "Renewal {n} was decided on {decided}, outside its window ({} to {}).",
                        w.opens, w.closes
                    ),
                    format!(
                        "Le renouvellement {n} a été décidé le {decided}, hors de sa fenêtre (du {} au {}).",
                        w.opens, w.closes
                    ),
                    &[
                        ("renewal", n.to_string()),
                        ("decided_on", decided.to_string()),
                        ("window_opens", w.opens.to_string()),
                        ("window_closes", w.closes.to_string()),
                    ],
                ));
            }
        }

        let severity = match rules_.training {
            TrainingRequirement::BeforeTakingOffice => Some(Severity::Violation),
            TrainingRequirement::Recommended => Some(Severity::Warning),
            TrainingRequirement::NotRequired => None,
        };
        if let Some(severity) = severity {
            let earliest = post
                .trainings
                .iter()
                .filter(|r| rules_.accepted_trainings.contains(&r.training))
                .min_by_key(|r| r.completed_on);
            match earliest {
                None => {
                    let recorded: Vec<&str> =
                        post.trainings.iter().map(|r| r.training.as_str()).collect();
                    findings.push(Finding::new(
                        rules::POST_TRAINING_MISSING,
                        severity,
                        format!(
                            "No accepted training is recorded for this {role_en} (accepted: {}).",
                            rules_.accepted_trainings.join(", ")
                        ),
                        format!(
                            "Aucune formation reconnue n'est enregistrée pour ce {role_fr} (reconnues : {}).",
                            rules_.accepted_trainings.join(", ")
                        ),
                        &[
                            ("start", post.start.to_string()),
                            ("accepted_trainings", rules_.accepted_trainings.join(",")),
                            ("recorded_trainings", recorded.join(",")),
                        ],
                    ));
                }
                Some(record) if record.completed_on > post.start => {
                    findings.push(Finding::new(
                        rules::POST_TRAINING_AFTER_START,
                        severity,
                        format!(
                            "The post started on {} but the training {} was completed on {}, after taking office.",
                            post.start, record.training, record.completed_on
                        ),
                        format!(
                            "Le poste a commencé le {} mais la formation {} a été achevée le {}, après la prise de poste.",
                            post.start, record.training, record.completed_on
                        ),
                        &[
                            ("start", post.start.to_string()),
                            ("training", record.training.clone()),
                            ("completed_on", record.completed_on.to_string()),
                        ],
                    ));
                }
                Some(_) => {}
            }
        }

        Ok(Evaluation::new(post.id.as_str(), findings))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::policy::post::{PostRole, Renewal, TrainingRecord};
    use crate::policy::Compliance;
    use crate::{EstablishmentId, PartnerId, PostId};
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn trained_post() -> Post {
        let mut p = Post::new(
            PostId::new("POST-1").unwrap(),
            EstablishmentId::new("EST-1").unwrap(),
            PartnerId::new("PP-001").unwrap(),
            PostRole::ParentPartner,
            d(2024, 9, 1),
            d(2027, 8, 31),
            500,
            2_000_000,
        );
        p.trainings.push(TrainingRecord {
            training: "du_accompagnant_parcours_cancerologie".into(),
            completed_on: d(2024, 9, 1),
        });
        p
    }

    #[test]
    fn fte_text_formats() {
        assert_eq!(fte_text(500, '.'), "0.5");
        assert_eq!(fte_text(501, ','), "0,501");
        assert_eq!(fte_text(1000, '.'), "1");
        assert_eq!(fte_text(250, '.'), "0.25");
    }

    #[test]
    fn compliant_post_has_no_finding() {
        let e = Policy::builtin().evaluate_post(&trained_post()).unwrap();
        assert_eq!(e.compliance, Compliance::Compliant);
        assert!(e.findings.is_empty());
    }

    #[test]
    fn every_finding_is_returned() {
        let mut p = trained_post();
        p.fte_permille = 800;
        p.end = d(2027, 9, 1);
        p.trainings[0].completed_on = d(2024, 9, 2);
        p.renewals = vec![
            Renewal {
                decided_on: d(2025, 1, 1),
                end: d(2030, 8, 31),
            },
            Renewal {
                decided_on: d(2030, 8, 1),
                end: d(2031, 8, 31),
            },
        ];
        let e = Policy::builtin().evaluate_post(&p).unwrap();
        assert_eq!(
            e.rule_ids(),
            [
                "post.max_fte",
                "post.term_too_long",
                "post.renewal_limit",
                "post.renewal_outside_window",
                "post.training_after_start"
            ]
        );
        assert_eq!(e.compliance, Compliance::NonCompliant);
        assert_eq!(e.findings[0].facts["fte_permille"], "800");
        assert!(e.findings[0].message_fr.contains("0,8 ETP"));
    }

    #[test]
    fn recommended_training_gives_warnings() {
        let mut doc = Policy::builtin().document().clone();
        doc.posts[1].training = TrainingRequirement::Recommended;
        let policy = Policy::from_document(doc).unwrap();
        let mut p = trained_post();
        p.trainings.clear();
        let e = policy.evaluate_post(&p).unwrap();
        assert_eq!(e.rule_ids(), ["post.training_missing"]);
        assert_eq!(e.compliance, Compliance::CompliantWithWarnings);
    }
}
