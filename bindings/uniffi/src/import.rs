//! Import: interview logs (typed), referrals and activities (the core's JSON) from CSV or JSON
//! text. A bad row rejects the whole import with an `Import` error naming its line and column.

use patient_partner::import;

use crate::error::{core, guard, FfiResult};
use crate::values::{from_core_interviews, to_json, Interview};

/// Reads an interview log from CSV text (`date,partner,patient,modality`, optional
/// `referral,duration_minutes,establishment`; `,` or `;`; ISO or `dd/mm/yyyy` dates; modality
/// wire name or French label).
#[uniffi::export]
pub fn read_interviews_csv(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list = import::read_interviews_csv_str(&text).map_err(core)?;
        Ok(from_core_interviews(&list))
    })
}

/// Reads an interview log from JSON text (an array of interviews, or `{"interviews": [...]}`).
#[uniffi::export]
pub fn read_interviews_json(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list = import::read_interviews_json(&text).map_err(core)?;
        Ok(from_core_interviews(&list))
    })
}

/// Reads referrals from CSV text; returns them as the core's JSON (a list of referrals).
#[uniffi::export]
pub fn read_referrals_csv_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_referrals_csv(text.as_bytes())?)))
}

/// Reads referrals from JSON text; returns them as the core's JSON (a list of referrals).
#[uniffi::export]
pub fn read_referrals_json_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_referrals_json(&text)?)))
}

/// Reads activities from CSV text; returns them as the core's JSON (a list of activities).
#[uniffi::export]
pub fn read_activities_csv_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_activities_csv(text.as_bytes())?)))
}

/// Reads activities from JSON text; returns them as the core's JSON (a list of activities).
#[uniffi::export]
pub fn read_activities_json_to_json(text: String) -> FfiResult<String> {
    guard(|| Ok(to_json(&import::read_activities_json(&text)?)))
}

// ---------------------------------------------------------------------------------------
// Files as teams keep them: workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) and CSV in any
// encoding, as bytes, with the core's import options and its summary.

/// How a file is read (every field optional: the defaults read a file as it comes).
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct ImportOptions {
    /// The sheet of a workbook (default: the first).
    #[uniffi(default = None)]
    pub sheet: Option<String>,
    /// The encoding of a CSV file (`utf-8`, `windows-1252`, `utf-16le`…; default: detected).
    #[uniffi(default = None)]
    pub encoding: Option<String>,
    /// Headers to read as columns: column (`partner`…) → header (`Intervenant`).
    #[uniffi(default)]
    pub columns: std::collections::HashMap<String, String>,
    /// Refuse columns the import does not use instead of ignoring them.
    #[uniffi(default = false)]
    pub strict: bool,
}

impl ImportOptions {
    fn to_core(&self) -> FfiResult<import::ImportOptions> {
        let mut o = import::ImportOptions::new();
        if let Some(sheet) = &self.sheet {
            o = o.sheet(sheet.clone());
        }
        if let Some(label) = &self.encoding {
            o = o.encoding(import::TextEncoding::from_label(label).map_err(core)?);
        }
        let mut columns: Vec<_> = self.columns.iter().collect();
        columns.sort();
        for (column, header) in columns {
            o = o.column(column.clone(), header.clone());
        }
        if self.strict {
            o = o.unknown_columns(import::UnknownColumns::Refuse);
        }
        Ok(o)
    }
}

use patient_partner::import::{ColumnMatch, FileFormat, IgnoredColumn, ImportSummary};

/// A column the import used, and the header it was read from.
#[uniffi::remote(Record)]
pub struct ColumnMatch {
    pub column: String,
    pub header: String,
}

/// A column of the file that the import did not use.
#[uniffi::remote(Record)]
pub struct IgnoredColumn {
    pub header: String,
    pub column: u64,
}

/// What an import read and left aside.
#[uniffi::remote(Record)]
pub struct ImportSummary {
    pub format: FileFormat,
    pub encoding: Option<String>,
    pub separator: Option<String>,
    pub sheet: Option<String>,
    pub columns: Vec<ColumnMatch>,
    pub rows: u64,
    pub ignored_columns: Vec<IgnoredColumn>,
    pub blank_rows: u64,
    pub blank_row_lines: Vec<u64>,
}

/// The core's one-line text of a summary (`read 150 rows (xlsx, sheet "Entretiens 2023");
/// ignored column "Commentaire" (F); …`).
#[uniffi::export]
pub fn import_summary_text(summary: ImportSummary) -> String {
    summary.to_string()
}

/// An interview log read from a file, with the summary of the import.
#[derive(Debug, Clone, uniffi::Record)]
pub struct InterviewImport {
    /// The interviews, in file order.
    pub interviews: Vec<Interview>,
    /// What was read and left aside.
    pub summary: ImportSummary,
}

/// Records read from a file as the core's JSON, with the summary of the import.
#[derive(Debug, Clone, uniffi::Record)]
pub struct JsonImport {
    /// The records as the core's JSON (a list).
    pub json: String,
    /// What was read and left aside.
    pub summary: ImportSummary,
}

/// Reads an interview log from a file's bytes: a workbook or CSV in any encoding (French
/// headers known). All or nothing; errors name the line, or the sheet and cell.
#[uniffi::export]
pub fn read_interviews_file(data: Vec<u8>, options: ImportOptions) -> FfiResult<InterviewImport> {
    guard(|| {
        let imported = import::read_interviews(&data[..], &options.to_core()?).map_err(core)?;
        Ok(InterviewImport {
            interviews: from_core_interviews(&imported.records),
            summary: imported.summary,
        })
    })
}

/// Reads an interview log from text (CSV or JSON) with options (see `readInterviewsFile`).
#[uniffi::export]
pub fn read_interviews_text(text: String, options: ImportOptions) -> FfiResult<InterviewImport> {
    read_interviews_file(text.into_bytes(), options)
}

/// Reads referrals from a file's bytes (workbook or CSV); the referrals as the core's JSON.
#[uniffi::export]
pub fn read_referrals_file_to_json(data: Vec<u8>, options: ImportOptions) -> FfiResult<JsonImport> {
    guard(|| {
        let imported = import::read_referrals(&data[..], &options.to_core()?)?;
        Ok(JsonImport {
            json: to_json(&imported.records),
            summary: imported.summary,
        })
    })
}

/// Reads activities from a file's bytes (workbook or CSV); the activities as the core's JSON.
#[uniffi::export]
pub fn read_activities_file_to_json(
    data: Vec<u8>,
    options: ImportOptions,
) -> FfiResult<JsonImport> {
    guard(|| {
        let imported = import::read_activities(&data[..], &options.to_core()?)?;
        Ok(JsonImport {
            json: to_json(&imported.records),
            summary: imported.summary,
        })
    })
}
