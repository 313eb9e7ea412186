//! Import: interview logs, referrals and activities, typed, from CSV or JSON text or from a
//! file's bytes. A bad row rejects the whole import with an `Import` error naming its line and
//! column (or sheet and cell).

use patient_partner::import;
use patient_partner::referral::Referral;

use crate::error::{core, guard, FfiResult};
#[cfg(feature = "json")]
use crate::records::to_core_activities;
use crate::records::{count, from_core_activities, Activity};
#[cfg(feature = "json")]
use crate::values::to_json;
use crate::values::{from_core_interviews, Interview};

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
#[cfg(feature = "json")]
#[uniffi::export]
pub fn read_interviews_json(text: String) -> FfiResult<Vec<Interview>> {
    guard(|| {
        let list = import::read_interviews_json(&text).map_err(core)?;
        Ok(from_core_interviews(&list))
    })
}

/// Reads referrals from CSV text (each validated: `Referral::validate`).
#[uniffi::export]
pub fn read_referrals_csv(text: String) -> FfiResult<Vec<Referral>> {
    guard(|| Ok(import::read_referrals_csv(text.as_bytes())?))
}

/// Reads referrals from JSON text (an array of referral documents).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn read_referrals_json(text: String) -> FfiResult<Vec<Referral>> {
    guard(|| Ok(import::read_referrals_json(&text)?))
}

/// Reads activities from CSV text (each validated: `Activity::validate`).
#[uniffi::export]
pub fn read_activities_csv(text: String) -> FfiResult<Vec<Activity>> {
    guard(|| {
        Ok(from_core_activities(&import::read_activities_csv(
            text.as_bytes(),
        )?))
    })
}

/// Reads activities from JSON text (an array of activity documents).
#[cfg(feature = "json")]
#[uniffi::export]
pub fn read_activities_json(text: String) -> FfiResult<Vec<Activity>> {
    guard(|| Ok(from_core_activities(&import::read_activities_json(&text)?)))
}

/// Referrals as the core's JSON document (a list), to write a file.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn referrals_to_json(referrals: Vec<Referral>) -> String {
    to_json(&referrals)
}

/// Activities as the core's JSON document (a list), to write a file.
#[cfg(feature = "json")]
#[uniffi::export]
pub fn activities_to_json(activities: Vec<Activity>) -> FfiResult<String> {
    guard(|| Ok(to_json(&to_core_activities(activities)?)))
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
    /// What to do with a column the import does not use: `null` or `IGNORE` names it in the
    /// summary; `REFUSE` refuses the file (`unknown_column`), so that a misspelt column is
    /// never dropped.
    #[uniffi(default = None)]
    pub unknown_columns: Option<UnknownColumns>,
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
        if let Some(rule) = self.unknown_columns {
            o = o.unknown_columns(rule);
        }
        Ok(o)
    }
}

use patient_partner::import::{ColumnMatch, FileFormat, UnknownColumns};

/// A column the import used, and the header it was read from.
#[uniffi::remote(Record)]
pub struct ColumnMatch {
    /// The field it gave (`date`, `partner`…).
    pub column: String,
    /// The header as the file wrote it.
    pub header: String,
}

/// A column of the file that the import did not use.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct IgnoredColumn {
    /// Its header.
    pub header: String,
    /// Its 1-based position (for a workbook, 4 is column D).
    pub column: i64,
}

/// What an import read and left aside (core: `import::ImportSummary`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct ImportSummary {
    /// The format found from the content.
    pub format: FileFormat,
    /// The text encoding, for text files.
    pub encoding: Option<String>,
    /// The CSV separator, for CSV.
    pub separator: Option<String>,
    /// The sheet read, for workbooks.
    pub sheet: Option<String>,
    /// The columns used, with their headers.
    pub columns: Vec<ColumnMatch>,
    /// The rows read (blank rows aside).
    pub rows: i64,
    /// The columns left aside.
    pub ignored_columns: Vec<IgnoredColumn>,
    /// The blank rows skipped.
    pub blank_rows: i64,
    /// Their lines (or rows).
    pub blank_row_lines: Vec<i64>,
    /// The core's one-line account (`read 150 rows (xlsx, sheet "Entretiens 2023"); ignored
    /// column "Commentaire" (F); …`).
    pub text: String,
}

impl From<import::ImportSummary> for ImportSummary {
    fn from(s: import::ImportSummary) -> Self {
        ImportSummary {
            text: s.to_string(),
            format: s.format,
            encoding: s.encoding,
            separator: s.separator,
            sheet: s.sheet,
            columns: s.columns,
            rows: count(s.rows),
            ignored_columns: s
                .ignored_columns
                .into_iter()
                .map(|c| IgnoredColumn {
                    header: c.header,
                    column: count(c.column),
                })
                .collect(),
            blank_rows: count(s.blank_rows),
            blank_row_lines: s.blank_row_lines.into_iter().map(count).collect(),
        }
    }
}

/// An interview log read from a file, with the summary of the import.
#[derive(Debug, Clone, uniffi::Record)]
pub struct InterviewImport {
    /// The interviews, in file order.
    pub interviews: Vec<Interview>,
    /// What was read and left aside.
    pub summary: ImportSummary,
}

/// Referrals read from a file, with the summary of the import.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ReferralImport {
    /// The referrals, in file order.
    pub referrals: Vec<Referral>,
    /// What was read and left aside.
    pub summary: ImportSummary,
}

/// Activities read from a file, with the summary of the import.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ActivityImport {
    /// The activities, in file order.
    pub activities: Vec<Activity>,
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
            summary: imported.summary.into(),
        })
    })
}

/// Reads an interview log from text (CSV or JSON) with options (see `readInterviewsFile`).
#[uniffi::export]
pub fn read_interviews_text(text: String, options: ImportOptions) -> FfiResult<InterviewImport> {
    read_interviews_file(text.into_bytes(), options)
}

/// Reads referrals from a file's bytes (workbook or CSV in any encoding). All or nothing.
#[uniffi::export]
pub fn read_referrals_file(data: Vec<u8>, options: ImportOptions) -> FfiResult<ReferralImport> {
    guard(|| {
        let imported = import::read_referrals(&data[..], &options.to_core()?)?;
        Ok(ReferralImport {
            referrals: imported.records,
            summary: imported.summary.into(),
        })
    })
}

/// Reads activities from a file's bytes (workbook or CSV in any encoding). All or nothing.
#[uniffi::export]
pub fn read_activities_file(data: Vec<u8>, options: ImportOptions) -> FfiResult<ActivityImport> {
    guard(|| {
        let imported = import::read_activities(&data[..], &options.to_core()?)?;
        Ok(ActivityImport {
            activities: from_core_activities(&imported.records),
            summary: imported.summary.into(),
        })
    })
}
