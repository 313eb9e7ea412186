//! Referrals from CSV and JSON.
//!
//! JSON: an array of [`Referral`]s or `{"referrals": [...]}` (the serde JSON of the type).
//!
//! CSV or workbook (the common rules of [`super::table`]: format, encoding, [aliases](super::aliases) such as the French headers, unused columns and blank rows), one referral per row. Required columns:
//! `id`, `patient`, `received` (date), `source` (`referring_physician` or `care_team`, or
//! their French labels), `stage` ([`PathwayStage`]). Optional: `profession` (required for
//! `care_team`, empty for `referring_physician`), `professional` (id), `needs` ([`Need`]
//! wire names or labels separated by `|`), `consent` (`given`, `refused`, `not_asked`;
//! default `not_asked`), `consent_date` (required for `given` and `refused`, empty
//! otherwise), `establishment` (id), `setting` (`inside_establishment`,
//! `outside_establishment`), `follow_up` (`one_off`, `long_term`).
//!
//! Every referral is then checked with [`Referral::validate`] (its error keeps its own code,
//! with the referral id as entity). All or nothing.
//!
//! ```
//! use patient_partner::import::read_referrals_csv;
//! let csv = "id;patient;received;source;profession;stage;needs;consent;consent_date\n\
//!            REF-1;PAT-1;09/01/2023;care_team;nurse;treatment;pathway_navigation|experience_sharing;given;06/01/2023\n";
//! let referrals = read_referrals_csv(csv.as_bytes())?;
//! assert_eq!(referrals[0].needs.len(), 2);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::io::Read;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::aliases::Entity;
use super::error::{ImportError, ImportErrorKind};
use super::fields::vocabulary_lenient;
use super::json::parse_json;
use super::options::{ImportOptions, UnknownColumns};
use super::summary::Imported;
use super::table::{read_records, ColumnSpec, TableSource};
use crate::ids::{EstablishmentId, PatientId, ProfessionalId, ReferralId};
use crate::referral::{
    Consent, ConsentStatus, FollowUp, Need, PathwayStage, Profession, Referral, ReferralSource,
    Setting,
};

const ID: usize = 0;
const PATIENT: usize = 1;
const RECEIVED: usize = 2;
const SOURCE: usize = 3;
const STAGE: usize = 4;
const PROFESSION: usize = 5;
const PROFESSIONAL: usize = 6;
const NEEDS: usize = 7;
const CONSENT: usize = 8;
const CONSENT_DATE: usize = 9;
const ESTABLISHMENT: usize = 10;
const SETTING: usize = 11;
const FOLLOW_UP: usize = 12;

pub(crate) const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "id",
        required: true,
    },
    ColumnSpec {
        name: "patient",
        required: true,
    },
    ColumnSpec {
        name: "received",
        required: true,
    },
    ColumnSpec {
        name: "source",
        required: true,
    },
    ColumnSpec {
        name: "stage",
        required: true,
    },
    ColumnSpec {
        name: "profession",
        required: false,
    },
    ColumnSpec {
        name: "professional",
        required: false,
    },
    ColumnSpec {
        name: "needs",
        required: false,
    },
    ColumnSpec {
        name: "consent",
        required: false,
    },
    ColumnSpec {
        name: "consent_date",
        required: false,
    },
    ColumnSpec {
        name: "establishment",
        required: false,
    },
    ColumnSpec {
        name: "setting",
        required: false,
    },
    ColumnSpec {
        name: "follow_up",
        required: false,
    },
];

crate::bilingual_enum! {
    /// The `source` column of a referral CSV.
    pub enum SourceColumn {
        /// The referring physician.
        ReferringPhysician => "referring_physician", "referring physician", "médecin référent",
        /// A care-team professional (the `profession` column says which).
        CareTeam => "care_team", "care team", "équipe de soins",
    }
}

/// A list of referrals as a JSON document: `{"referrals": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReferralList {
    /// The referrals.
    pub referrals: Vec<Referral>,
}

fn row<R: Read>(s: &TableSource<R>) -> Result<Referral, ImportError> {
    let source = match s.vocab::<SourceColumn>(SOURCE)? {
        SourceColumn::ReferringPhysician => {
            s.must_be_empty(
                PROFESSION,
                "empty: the referring physician has no profession column",
            )?;
            ReferralSource::ReferringPhysician {
                professional: s.opt_id(PROFESSIONAL, |v| ProfessionalId::new(v))?,
            }
        }
        SourceColumn::CareTeam => ReferralSource::CareTeam {
            profession: s.vocab::<Profession>(PROFESSION)?,
            professional: s.opt_id(PROFESSIONAL, |v| ProfessionalId::new(v))?,
        },
    };
    let mut needs = Vec::new();
    if let Some(text) = s.get(NEEDS)? {
        for part in text.split('|').map(str::trim).filter(|p| !p.is_empty()) {
            needs.push(vocabulary_lenient::<Need>(part).ok_or_else(|| {
                s.error(
                    NEEDS,
                    ImportErrorKind::InvalidValue {
                        found: crate::text::short(part),
                        expected: "needs (wire names or labels) separated by |".to_owned(),
                    },
                )
            })?);
        }
    }
    let consent = match s
        .opt_vocab::<ConsentStatus>(CONSENT)?
        .unwrap_or(ConsentStatus::NotAsked)
    {
        ConsentStatus::Given => Consent::Given {
            date: s.date(CONSENT_DATE)?,
        },
        ConsentStatus::Refused => Consent::Refused {
            date: s.date(CONSENT_DATE)?,
        },
        ConsentStatus::NotAsked => {
            if s.opt_date(CONSENT_DATE)?.is_some() {
                s.must_be_empty(CONSENT_DATE, "empty when consent is not_asked")?;
            }
            Consent::NotAsked
        }
    };
    Ok(Referral {
        id: s.id(ID, |v| ReferralId::new(v))?,
        patient: s.id(PATIENT, |v| PatientId::new(v))?,
        received: s.date(RECEIVED)?,
        source,
        needs,
        stage: s.vocab::<PathwayStage>(STAGE)?,
        consent,
        establishment: s.opt_id(ESTABLISHMENT, |v| EstablishmentId::new(v))?,
        setting: s.opt_vocab::<Setting>(SETTING)?,
        follow_up: s.opt_vocab::<FollowUp>(FOLLOW_UP)?,
    })
}

/// Reads a list of referrals (CSV, workbook or JSON, recognised by content) with `options`:
/// every row, validated, with the summary of what was left aside; or the first error
/// (nothing partial).
pub fn read_referrals<R: Read>(
    input: R,
    options: &ImportOptions,
) -> Result<Imported<Vec<Referral>>, ImportError> {
    read_records(
        input,
        COLUMNS,
        Entity::Referral,
        options,
        read_referrals_json,
        row,
        check,
    )
}

/// Reads a list of referrals (CSV, workbook or JSON): every row, validated, or the first
/// error. It returns no summary, so it **refuses** columns it does not use
/// (`unknown_column`) rather than drop them unseen; use [`read_referrals`] to have them
/// ignored and named.
pub fn read_referrals_csv<R: Read>(input: R) -> Result<Vec<Referral>, ImportError> {
    let options = ImportOptions::new().unknown_columns(UnknownColumns::Refuse);
    read_referrals(input, &options).map(|i| i.records)
}

/// Reads a JSON list of referrals (an array or `{"referrals": [...]}`), each validated.
pub fn read_referrals_json(text: &str) -> Result<Vec<Referral>, ImportError> {
    let value: serde_json::Value = parse_json(text, "Referral")?;
    let referrals = if value.is_array() {
        parse_json::<Vec<Referral>>(text, "Referral")?
    } else {
        parse_json::<ReferralList>(text, "Referral")?.referrals
    };
    for r in &referrals {
        check(r)?;
    }
    Ok(referrals)
}

/// The referral rules ([`Referral::validate`]), their error wrapped with its place.
fn check(referral: &Referral) -> Result<(), ImportError> {
    referral
        .validate()
        .map_err(|e| e.map_kind(ImportErrorKind::Referral))
}
