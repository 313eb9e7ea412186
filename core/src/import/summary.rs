//! What an import read, and what it left aside on purpose.
//!
//! Nothing is dropped silently: a column the import does not use is named in
//! [`ImportSummary::ignored_columns`], a row whose every cell is empty or blank is counted in
//! [`ImportSummary::blank_rows`] (with the line of the first few). Anything else that is wrong
//! rejects the whole file.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

crate::bilingual_enum! {
    /// The format of a file, from its content.
    pub enum FileFormat {
        /// Delimited text (`,`, `;` or tab).
        Csv => "csv", "CSV", "CSV",
        /// Office Open XML workbook (`.xlsx`, `.xlsm`).
        Xlsx => "xlsx", "Excel workbook (xlsx)", "classeur Excel (xlsx)",
        /// Excel binary workbook (`.xlsb`).
        Xlsb => "xlsb", "Excel binary workbook (xlsb)", "classeur Excel binaire (xlsb)",
        /// Excel 97–2003 workbook (`.xls`).
        Xls => "xls", "Excel 97-2003 workbook (xls)", "classeur Excel 97-2003 (xls)",
        /// OpenDocument spreadsheet (`.ods`).
        Ods => "ods", "OpenDocument spreadsheet (ods)", "classeur OpenDocument (ods)",
        /// A JSON document.
        Json => "json", "JSON", "JSON",
        /// A data frame or Arrow table handed over in memory (pandas, polars, pyarrow,
        /// DuckDB), read column by column.
        Frame => "frame", "data frame", "tableau de données",
    }
}

/// A column of the file that the import did not use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct IgnoredColumn {
    /// The header as written in the file.
    pub header: String,
    /// Its 1-based position (4 is column `D` of a sheet).
    pub column: u64,
}

/// A column of the file that the import used: which column it is, and its header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ColumnMatch {
    /// The canonical column (`date`, `partner`…).
    pub column: String,
    /// The header as written in the file (`Date de l'entretien`…).
    pub header: String,
}

/// The most blank-row lines an [`ImportSummary`] lists (it counts them all).
pub const LISTED_BLANK_ROWS: usize = 10;

/// What an import read and what it skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ImportSummary {
    /// The format read.
    pub format: FileFormat,
    /// CSV: the encoding the text was read with (`UTF-8`, `windows-1252`, `UTF-16LE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
    /// CSV: the separator found in the header line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub separator: Option<String>,
    /// Workbooks: the sheet read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The columns used, with the header each was read from, in file order.
    pub columns: Vec<ColumnMatch>,
    /// Records read (blank rows not included).
    pub rows: u64,
    /// Columns left aside (a comments column…), in file order.
    pub ignored_columns: Vec<IgnoredColumn>,
    /// Rows skipped because every cell was empty or blank.
    pub blank_rows: u64,
    /// The lines (CSV), row numbers (workbooks) or 0-based row positions (data frames) of
    /// the first [`LISTED_BLANK_ROWS`] blank rows.
    pub blank_row_lines: Vec<u64>,
}

impl ImportSummary {
    pub(crate) fn new(format: FileFormat) -> Self {
        ImportSummary {
            format,
            encoding: None,
            separator: None,
            sheet: None,
            columns: Vec::new(),
            rows: 0,
            ignored_columns: Vec::new(),
            blank_rows: 0,
            blank_row_lines: Vec::new(),
        }
    }

    /// The summary of a JSON document of `rows` records (nothing is left aside in JSON).
    pub(crate) fn of_json(rows: usize) -> Self {
        ImportSummary {
            rows: rows as u64,
            ..ImportSummary::new(FileFormat::Json)
        }
    }

    pub(crate) fn blank_row(&mut self, line: u64) {
        self.blank_rows += 1;
        if self.blank_row_lines.len() < LISTED_BLANK_ROWS {
            self.blank_row_lines.push(line);
        }
    }

    /// Whether something was left aside (ignored columns or blank rows): worth telling the
    /// user.
    pub fn has_notes(&self) -> bool {
        !self.ignored_columns.is_empty() || self.blank_rows > 0
    }
}

/// One line for a person: `read 152 rows (xlsx, sheet "Entretiens 2023"); ignored column
/// "Commentaire" (F); skipped 3 blank rows (25, 26, 27)`.
impl std::fmt::Display for ImportSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "read {} rows ({}", self.rows, self.format.wire_name())?;
        if let Some(sheet) = &self.sheet {
            write!(f, ", sheet {sheet:?}")?;
        }
        if let Some(encoding) = &self.encoding {
            write!(f, ", {encoding}")?;
        }
        if let Some(separator) = &self.separator {
            let shown = if separator == "\t" { "tab" } else { separator };
            write!(f, ", separator {shown}")?;
        }
        write!(f, ")")?;
        if !self.ignored_columns.is_empty() {
            let names: Vec<String> = self
                .ignored_columns
                .iter()
                .map(|c| {
                    if c.header.is_empty() {
                        if self.sheet.is_some() {
                            format!("{} (no header)", crate::text::column_letters(c.column))
                        } else {
                            format!("column {} (no header)", c.column)
                        }
                    } else if self.sheet.is_some() {
                        format!("{:?} ({})", c.header, crate::text::column_letters(c.column))
                    } else {
                        format!("{:?} (column {})", c.header, c.column)
                    }
                })
                .collect();
            let s = if names.len() > 1 { "s" } else { "" };
            write!(f, "; ignored column{s} {}", names.join(", "))?;
        }
        if self.blank_rows > 0 {
            let s = if self.blank_rows > 1 { "s" } else { "" };
            let lines: Vec<String> = self.blank_row_lines.iter().map(u64::to_string).collect();
            let more = if self.blank_rows as usize > self.blank_row_lines.len() {
                ", …"
            } else {
                ""
            };
            let at = if self.sheet.is_some() {
                "row"
            } else if self.format == FileFormat::Frame {
                "frame row"
            } else {
                "line"
            };
            write!(
                f,
                "; skipped {} blank row{s} ({at}{s} {}{more})",
                self.blank_rows,
                lines.join(", ")
            )?;
        }
        Ok(())
    }
}

use crate::vocabulary::Vocabulary;

/// Records read from a file, with the summary of what was left aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported<T> {
    /// The records, in file order.
    pub records: T,
    /// What was read and skipped.
    pub summary: ImportSummary,
}
