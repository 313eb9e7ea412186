//! Column headers as teams write them: the alias table, as data.
//!
//! Each importer knows its columns by a canonical snake_case name (`date`, `partner`,
//! `duration_minutes`…). A header matches a column when, once [normalised](normalize_header),
//! it equals the column's canonical name or one of its aliases. The built-in table
//! (`core/data/column_aliases.json`, schema `core/schemas/column_aliases.schema.json`) holds
//! the headers French teams actually write: `Date de l'entretien`, `Partenaire`,
//! `Patient partenaire`, `N° patient`, `Modalité`, `Mode`, `Durée (min)`, `Établissement`,
//! `Adressage`, `Identifiant`… An establishment loads its own with
//! [`ColumnAliases::from_json`]; a user mapping ([`ImportOptions::column`](super::ImportOptions::column))
//! overrides both for one column.
//!
//! Normalisation ignores case, accents (the Latin letters of French and its neighbours:
//! `é` = `e`, `œ` = `oe`), surrounding white space, runs of inner white space (no-break spaces
//! too), `_` against a space, and typographic apostrophes (`’` = `'`, as Excel's autocorrect
//! writes them).
//!
//! ```
//! use patient_partner::import::aliases::{normalize_header, ColumnAliases, Entity};
//! assert_eq!(normalize_header("  Date de l’Entretien "), "date de l'entretien");
//! assert_eq!(normalize_header("DURÉE (min)"), "duree (min)");
//! let aliases = ColumnAliases::builtin();
//! assert_eq!(aliases.column_for(Entity::Interview, "Modalité"), Some("modality"));
//! assert_eq!(aliases.column_for(Entity::Interview, "N° patient"), Some("patient"));
//! assert_eq!(aliases.column_for(Entity::Interview, "duration_minutes"), Some("duration_minutes"));
//! assert_eq!(aliases.column_for(Entity::Interview, "Commentaire"), None);
//! ```

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::error::{ImportError, ImportErrorKind};

/// The kinds of record a file can hold, each with its own columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Entity {
    /// An interview log.
    Interview,
    /// A list of referrals.
    Referral,
    /// A list of activities.
    Activity,
}

impl Entity {
    /// The entity's name in error contexts (`Interview`, `Referral`, `Activity`).
    pub fn name(self) -> &'static str {
        match self {
            Entity::Interview => "Interview",
            Entity::Referral => "Referral",
            Entity::Activity => "Activity",
        }
    }

    /// The canonical names of its columns, in the order of the documentation (the names
    /// of its importer's column specs).
    pub fn columns(self) -> impl Iterator<Item = &'static str> {
        self.specs().iter().map(|spec| spec.name)
    }

    fn specs(self) -> &'static [super::table::ColumnSpec] {
        match self {
            Entity::Interview => super::interviews_csv::COLUMNS,
            Entity::Referral => super::referrals::COLUMNS,
            Entity::Activity => super::activities::COLUMNS,
        }
    }
}

/// The alias table as a JSON document: for each entity, canonical column name → aliases.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ColumnAliasesDocument {
    /// Interview log columns (`date`, `partner`, `patient`, `modality`, `duration_minutes`,
    /// `establishment`, `referral`, `id`).
    #[serde(default)]
    pub interview: BTreeMap<String, Vec<String>>,
    /// Referral columns (`id`, `patient`, `received`, `source`, `stage`, `profession`,
    /// `professional`, `needs`, `consent`, `consent_date`, `establishment`, `setting`,
    /// `follow_up`).
    #[serde(default)]
    pub referral: BTreeMap<String, Vec<String>>,
    /// Activity columns (`id`, `date`, `partner`, `mission`, `modality`, `duration_minutes`,
    /// `participants`, `co_animator`, `co_animator_profession`, `participation`,
    /// `establishment`).
    #[serde(default)]
    pub activity: BTreeMap<String, Vec<String>>,
}

/// A checked alias table: normalised header → canonical column, per entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnAliases {
    by_entity: HashMap<Entity, HashMap<String, &'static str>>,
}

const BUILTIN: &str = include_str!("../../data/column_aliases.json");

impl ColumnAliases {
    /// The built-in table (`core/data/column_aliases.json`).
    pub fn builtin() -> &'static ColumnAliases {
        static TABLE: OnceLock<ColumnAliases> = OnceLock::new();
        TABLE.get_or_init(|| {
            // The file is part of the crate and checked by its tests: it always loads.
            ColumnAliases::from_json(BUILTIN).unwrap_or_else(|_| ColumnAliases::canonical_only())
        })
    }

    /// A table with no alias: only the canonical names match.
    pub fn canonical_only() -> ColumnAliases {
        let mut by_entity = HashMap::new();
        for entity in [Entity::Interview, Entity::Referral, Entity::Activity] {
            let map = entity.columns().map(|c| (normalize_header(c), c)).collect();
            by_entity.insert(entity, map);
        }
        ColumnAliases { by_entity }
    }

    /// Loads a table from JSON ([`ColumnAliasesDocument`]). The canonical names always
    /// match; an alias of an unknown column, or one alias given to two columns of the same
    /// entity, is `invalid_aliases`.
    pub fn from_json(text: &str) -> Result<ColumnAliases, ImportError> {
        let doc: ColumnAliasesDocument = super::json::parse_json(text, "ColumnAliases")?;
        ColumnAliases::from_document(&doc)
    }

    /// Checks and builds a table from its document.
    pub fn from_document(doc: &ColumnAliasesDocument) -> Result<ColumnAliases, ImportError> {
        let mut table = ColumnAliases::canonical_only();
        for (entity, columns) in [
            (Entity::Interview, &doc.interview),
            (Entity::Referral, &doc.referral),
            (Entity::Activity, &doc.activity),
        ] {
            let map = table.by_entity.entry(entity).or_default();
            for (column, aliases) in columns {
                let Some(canonical) = entity.columns().find(|c| *c == column.as_str()) else {
                    return Err(invalid(format!(
                        "{}: unknown column {:?} (columns: {})",
                        entity.name(),
                        crate::text::short(column),
                        entity.columns().collect::<Vec<_>>().join(", ")
                    )));
                };
                for alias in aliases {
                    let key = normalize_header(alias);
                    if key.is_empty() {
                        return Err(invalid(format!(
                            "{}: an empty alias for {column:?}",
                            entity.name()
                        )));
                    }
                    match map.get(&key) {
                        Some(other) if *other != canonical => {
                            return Err(invalid(format!(
                                "{}: the alias {:?} is given to both {other:?} and {column:?}",
                                entity.name(),
                                crate::text::short(alias)
                            )))
                        }
                        _ => {
                            map.insert(key, canonical);
                        }
                    }
                }
            }
        }
        Ok(table)
    }

    /// The canonical column a header names for `entity`, if any.
    pub fn column_for(&self, entity: Entity, header: &str) -> Option<&'static str> {
        self.by_entity
            .get(&entity)?
            .get(&normalize_header(header))
            .copied()
    }
}

fn invalid(message: String) -> ImportError {
    ImportError::new(ImportErrorKind::InvalidAliases { message })
}

/// A header as compared with the aliases: lower case, accents removed, `_` as a space, inner
/// white space collapsed, typographic apostrophes as `'`, trimmed.
pub fn normalize_header(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut space = false;
    for c in header.chars() {
        let folded: &str = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => {
                "a"
            }
            'ç' | 'Ç' => "c",
            'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
            'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
            'ñ' | 'Ñ' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => "o",
            'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
            'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "y",
            'œ' | 'Œ' => "oe",
            'æ' | 'Æ' => "ae",
            '’' | '‘' | '`' | '´' | 'ʼ' => "'",
            '_' => " ",
            _ => "",
        };
        let piece = if folded.is_empty() {
            None
        } else {
            Some(folded)
        };
        if piece == Some(" ") || (piece.is_none() && c.is_whitespace()) {
            space = true;
            continue;
        }
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        match piece {
            Some(p) => out.push_str(p),
            None => out.extend(c.to_lowercase()),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_table_loads_and_knows_french_headers() {
        let table = ColumnAliases::from_json(BUILTIN).expect("the built-in table is valid");
        for (header, column) in [
            ("Date", "date"),
            ("Date de l'entretien", "date"),
            ("Partenaire", "partner"),
            ("Patient partenaire", "partner"),
            ("Patient", "patient"),
            ("N° patient", "patient"),
            ("Modalité", "modality"),
            ("Mode", "modality"),
            ("Durée", "duration_minutes"),
            ("Durée (min)", "duration_minutes"),
            ("Établissement", "establishment"),
            ("ETABLISSEMENT", "establishment"),
            ("Adressage", "referral"),
            ("Identifiant", "id"),
        ] {
            assert_eq!(
                table.column_for(Entity::Interview, header),
                Some(column),
                "{header}"
            );
        }
        assert_eq!(table.column_for(Entity::Interview, "Commentaire"), None);
        assert_eq!(
            table.column_for(Entity::Referral, "Étape du parcours"),
            Some("stage")
        );
        assert_eq!(
            table.column_for(Entity::Activity, "Nombre de participants"),
            Some("participants")
        );
    }

    #[test]
    fn conflicting_or_unknown_aliases_are_refused() {
        let err =
            ColumnAliases::from_json(r#"{"interview": {"date": ["Jour"], "patient": ["jour"]}}"#)
                .unwrap_err();
        assert_eq!(err.code(), "invalid_aliases");
        let err =
            ColumnAliases::from_json(r#"{"interview": {"colour": ["Couleur"]}}"#).unwrap_err();
        assert_eq!(err.code(), "invalid_aliases");
        // A canonical name cannot be taken by another column either.
        let err =
            ColumnAliases::from_json(r#"{"interview": {"patient": ["partner"]}}"#).unwrap_err();
        assert_eq!(err.code(), "invalid_aliases");
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize_header("Durée\u{a0} (min)"), "duree (min)");
        assert_eq!(normalize_header("duration_minutes"), "duration minutes");
        assert_eq!(normalize_header("Cœur"), "coeur");
        assert_eq!(normalize_header("   "), "");
    }
}
