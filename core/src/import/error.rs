//! The error of the import module: what was wrong in a file, and where.

use crate::activity::ActivityErrorKind;
use crate::located::{ErrorKind, Located};
use crate::referral::ReferralErrorKind;

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ImportErrorKind {
    /// The file holds no header line (empty, or only white space and a BOM).
    #[error("the file is empty: expected a header line")]
    EmptyFile,
    /// Bytes that are not valid in the encoding the file is read with.
    #[error("the text is not valid {encoding}{hint}", hint = encoding_hint(encoding))]
    InvalidEncoding {
        /// The encoding the file was read with (`UTF-8`, `windows-1252`, `UTF-16LE`…).
        encoding: String,
    },
    /// An encoding name that is not known (see [`super::TextEncoding::from_label`]).
    #[error("unknown encoding {found:?}: expected a name such as utf-8, windows-1252, utf-16le")]
    UnknownEncoding {
        /// The name given.
        found: String,
    },
    /// A workbook could not be opened or read.
    #[error("cannot read the workbook ({format}): {message}")]
    InvalidWorkbook {
        /// The format its content announces (`xlsx`, `xls`, `ods`…).
        format: String,
        /// What the workbook reader said.
        message: String,
    },
    /// The sheet asked for is not in the workbook.
    #[error("no sheet {name:?} in the workbook: its sheets are {available}")]
    UnknownSheet {
        /// The sheet asked for.
        name: String,
        /// The sheets of the workbook, quoted and comma-separated.
        available: String,
    },
    /// Workbooks were given but this build of the crate reads none (feature `workbooks`).
    #[error("this build cannot read {format} workbooks (the crate's feature `workbooks` is off)")]
    WorkbooksDisabled {
        /// The format the content announces.
        format: String,
    },
    /// The column alias table is not consistent.
    #[error("invalid column alias table: {message}")]
    InvalidAliases {
        /// What is wrong.
        message: String,
    },
    /// A required column is absent from the header.
    #[error("missing column {name:?} (or one of its aliases) in the header, which holds {found}")]
    MissingColumn {
        /// The column expected.
        name: String,
        /// The headers found (the first twelve, quoted).
        found: String,
    },
    /// A header names a column the format does not use, and the import refuses such
    /// columns ([`super::UnknownColumns::Refuse`]; by default they are ignored and listed in
    /// the [`super::ImportSummary`]).
    #[error("unknown column {name:?}: expected {expected} (or their aliases); without the strict mode such a column is ignored")]
    UnknownColumn {
        /// The column found.
        name: String,
        /// The columns accepted.
        expected: String,
    },
    /// A column appears twice in the header.
    #[error("column {name:?} appears twice in the header")]
    DuplicateColumn {
        /// The repeated column.
        name: String,
    },
    /// A row has more or fewer fields than the header.
    #[error("expected {expected} fields as in the header, found {found}")]
    WrongFieldCount {
        /// The number of columns of the header.
        expected: u64,
        /// The number of fields of the row.
        found: u64,
    },
    /// A required value is empty.
    #[error("missing value: expected {expected}")]
    MissingValue {
        /// What was expected.
        expected: String,
    },
    /// A value is not a date.
    #[error("invalid date {found:?}: expected YYYY-MM-DD or DD/MM/YYYY")]
    InvalidDate {
        /// The value found.
        found: String,
    },
    /// A value is not a modality.
    #[error("invalid modality {found:?}: expected one of in_person, phone, video, présentiel, téléphone, visio")]
    InvalidModality {
        /// The value found.
        found: String,
    },
    /// A value is not in its vocabulary, or not allowed here.
    #[error("invalid value {found:?}: expected {expected}")]
    InvalidValue {
        /// The value found.
        found: String,
        /// What is accepted.
        expected: String,
    },
    /// A value is not a valid identifier.
    #[error("invalid identifier {found:?}: {reason}")]
    InvalidId {
        /// The value found.
        found: String,
        /// Why it was rejected.
        reason: String,
    },
    /// A duration is not a whole number of minutes from 1 to
    /// [`MAX_INTERVIEW_MINUTES`](crate::interview::MAX_INTERVIEW_MINUTES).
    #[error("invalid duration {found:?}: expected a whole number of minutes from 1 to {max} (45, or 0:45)", max = crate::interview::MAX_INTERVIEW_MINUTES)]
    InvalidNumber {
        /// The value found.
        found: String,
    },
    /// A CSV record (or the header line) is longer than the limit
    /// ([`super::ImportOptions::max_record_bytes`]).
    #[error("a record longer than {limit} bytes (a missing closing quote, or not a CSV file?)")]
    RecordTooLong {
        /// The limit in force.
        limit: u64,
    },
    /// The text is not well-formed CSV.
    #[error("malformed CSV: {message}")]
    MalformedCsv {
        /// What the CSV reader said.
        message: String,
    },
    /// The text is not the expected JSON document.
    #[error("invalid JSON: {message}")]
    InvalidJson {
        /// What the JSON reader said.
        message: String,
    },
    /// The input could not be read.
    #[error("read error: {message}")]
    Io {
        /// What the system said.
        message: String,
    },
    /// A data frame's column has a type the import cannot read (a list, a struct, binary
    /// data…): see [`super::frame`].
    #[error(
        "a column of type {found:?} cannot be read (expected text, dates, timestamps or numbers)"
    )]
    UnsupportedColumnType {
        /// The column's type, as the frame names it.
        found: String,
    },
    /// A row (or a JSON record) is an activity that breaks an activity rule
    /// ([`crate::activity::Activity::validate`]); the code is the rule's (`zero_duration`…).
    #[error("{0}")]
    Activity(ActivityErrorKind),
    /// A row (or a JSON record) is a referral that breaks a referral rule
    /// ([`crate::referral::Referral::validate`]); the code is the rule's (`duplicate_need`…).
    #[error("{0}")]
    Referral(ReferralErrorKind),
}

/// What to do after "not valid UTF-8": the usual cause is a file saved as Windows-1252.
fn encoding_hint(encoding: &str) -> &'static str {
    if encoding == "UTF-8" {
        " (a CSV saved by Excel as \"CSV (séparateur : point-virgule)\" is Windows-1252: \
         give the encoding windows-1252)"
    } else {
        ""
    }
}

impl ErrorKind for ImportErrorKind {
    fn code(&self) -> &'static str {
        match self {
            ImportErrorKind::EmptyFile => "empty_file",
            ImportErrorKind::InvalidEncoding { .. } => "invalid_encoding",
            ImportErrorKind::UnknownEncoding { .. } => "unknown_encoding",
            ImportErrorKind::InvalidWorkbook { .. } => "invalid_workbook",
            ImportErrorKind::UnknownSheet { .. } => "unknown_sheet",
            ImportErrorKind::WorkbooksDisabled { .. } => "workbooks_disabled",
            ImportErrorKind::InvalidAliases { .. } => "invalid_aliases",
            ImportErrorKind::MissingColumn { .. } => "missing_column",
            ImportErrorKind::UnknownColumn { .. } => "unknown_column",
            ImportErrorKind::DuplicateColumn { .. } => "duplicate_column",
            ImportErrorKind::WrongFieldCount { .. } => "wrong_field_count",
            ImportErrorKind::MissingValue { .. } => "missing_value",
            ImportErrorKind::InvalidDate { .. } => "invalid_date",
            ImportErrorKind::InvalidModality { .. } => "invalid_modality",
            ImportErrorKind::InvalidValue { .. } => "invalid_value",
            ImportErrorKind::InvalidId { .. } => "invalid_id",
            ImportErrorKind::InvalidNumber { .. } => "invalid_number",
            ImportErrorKind::MalformedCsv { .. } => "malformed_csv",
            ImportErrorKind::RecordTooLong { .. } => "record_too_long",
            ImportErrorKind::InvalidJson { .. } => "invalid_json",
            ImportErrorKind::Io { .. } => "io_error",
            ImportErrorKind::UnsupportedColumnType { .. } => "unsupported_column_type",
            ImportErrorKind::Activity(kind) => kind.code(),
            ImportErrorKind::Referral(kind) => kind.code(),
        }
    }
}

/// An error of this module: a kind, and where it happened (line, column, field; sheet for
/// workbooks). A record that breaks an activity or referral rule is wrapped
/// ([`ImportErrorKind::Activity`], [`ImportErrorKind::Referral`]) with the row's place.
///
/// Its `Display` names the place first: `line 4, column 4 (modality): invalid modality "fax":
/// expected one of …`.
pub type ImportError = Located<ImportErrorKind>;
