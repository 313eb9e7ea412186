//! How a file is read: encoding, sheet, column mapping, and what to do with unused columns.
//!
//! ```
//! use patient_partner::import::{ImportOptions, UnknownColumns, TextEncoding};
//! let options = ImportOptions::new()
//!     .encoding(TextEncoding::WINDOWS_1252)
//!     .sheet("Entretiens 2023")
//!     .column("partner", "Intervenant")
//!     .unknown_columns(UnknownColumns::Refuse);
//! assert_eq!(options.sheet_name(), Some("Entretiens 2023"));
//! ```

use std::collections::BTreeMap;
use std::sync::Arc;

use super::aliases::ColumnAliases;
use super::decode::TextEncoding;

crate::bilingual_enum! {
    /// What an import does with a column it does not use (a comments column, notes…).
    pub enum UnknownColumns {
        /// Ignore it and name it in the [`ImportSummary`](super::ImportSummary) (the default).
        Ignore => "ignore", "ignore", "ignorer",
        /// Refuse the file (`unknown_column`), so that a misspelt column is never dropped.
        Refuse => "refuse", "refuse", "refuser",
    }
}

/// The options of an import. The default reads what it is given as it comes: format from
/// the content, encoding detected, the first sheet, the built-in aliases, unused columns
/// ignored.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub(crate) encoding: Option<TextEncoding>,
    pub(crate) sheet: Option<String>,
    pub(crate) columns: BTreeMap<String, String>,
    pub(crate) unknown_columns: Option<UnknownColumns>,
    pub(crate) aliases: Option<Arc<ColumnAliases>>,
    pub(crate) max_record_bytes: Option<u64>,
}

/// The default most bytes of one CSV record (its line, or lines for quoted line breaks):
/// 1 MiB, far more than any real row, so that a broken file fails fast with
/// `record_too_long` instead of being held whole.
pub const DEFAULT_MAX_RECORD_BYTES: u64 = 1 << 20;

impl ImportOptions {
    /// The default options.
    pub fn new() -> Self {
        Self::default()
    }

    /// Reads CSV text in `encoding` instead of detecting it (workbooks carry their own).
    pub fn encoding(mut self, encoding: TextEncoding) -> Self {
        self.encoding = Some(encoding);
        self
    }

    /// Reads the sheet `name` of a workbook instead of the first one.
    pub fn sheet(mut self, name: impl Into<String>) -> Self {
        self.sheet = Some(name.into());
        self
    }

    /// Takes the column headed `header` (compared as aliases are) as the canonical column
    /// `column` (`partner`, `date`…). For that column the aliases no longer apply. A column
    /// name the entity does not have is refused when the file is opened
    /// (`invalid_aliases`).
    pub fn column(mut self, column: impl Into<String>, header: impl Into<String>) -> Self {
        self.columns.insert(column.into(), header.into());
        self
    }

    /// What to do with columns the import does not use.
    pub fn unknown_columns(mut self, policy: UnknownColumns) -> Self {
        self.unknown_columns = Some(policy);
        self
    }

    /// Uses `aliases` instead of the built-in table.
    pub fn aliases(mut self, aliases: ColumnAliases) -> Self {
        self.aliases = Some(Arc::new(aliases));
        self
    }

    /// The most bytes one CSV record (or the header line) may take
    /// ([`DEFAULT_MAX_RECORD_BYTES`] by default); a longer one is `record_too_long`.
    pub fn max_record_bytes(mut self, bytes: u64) -> Self {
        self.max_record_bytes = Some(bytes);
        self
    }

    /// The record length limit in force.
    pub fn record_limit(&self) -> u64 {
        self.max_record_bytes.unwrap_or(DEFAULT_MAX_RECORD_BYTES)
    }

    /// The encoding asked for, if any.
    pub fn encoding_choice(&self) -> Option<TextEncoding> {
        self.encoding
    }

    /// The sheet asked for, if any.
    pub fn sheet_name(&self) -> Option<&str> {
        self.sheet.as_deref()
    }

    /// The user's column mapping: canonical column → header.
    pub fn column_mapping(&self) -> &BTreeMap<String, String> {
        &self.columns
    }

    /// The policy for unused columns.
    pub fn unknown_columns_policy(&self) -> UnknownColumns {
        self.unknown_columns.unwrap_or(UnknownColumns::Ignore)
    }

    pub(crate) fn alias_table(&self) -> &ColumnAliases {
        match &self.aliases {
            Some(a) => a,
            None => ColumnAliases::builtin(),
        }
    }
}
