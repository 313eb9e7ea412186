//! The error of the import module: what was wrong in a file, and where.

use std::fmt;

use crate::error::ErrorContext;

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

impl ImportErrorKind {
    /// The stable snake_case code of this kind.
    pub fn code(&self) -> &'static str {
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
        }
    }
}

/// An error of this module: a kind, and where it happened (line, column, field).
///
/// Its `Display` names the place first: `line 4, column 4 (modality): invalid modality "fax":
/// expected one of …`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    // Boxed: errors travel through `Result`s on hot paths, keep them one pointer wide.
    inner: Box<(ImportErrorKind, ErrorContext)>,
}

impl ImportError {
    /// An error of `kind` with an empty context.
    pub(crate) fn new(kind: ImportErrorKind) -> Self {
        ImportError {
            inner: Box::new((kind, ErrorContext::default())),
        }
    }
    /// Sets the entity.
    pub(crate) fn entity(mut self, entity: impl Into<String>) -> Self {
        self.inner.1.entity = Some(entity.into());
        self
    }
    /// Sets the line.
    pub(crate) fn line(mut self, line: u64) -> Self {
        self.inner.1.line = Some(line);
        self
    }
    /// Sets the column and the field.
    pub(crate) fn at(mut self, column: u64, field: impl Into<String>) -> Self {
        self.inner.1.column = Some(column);
        self.inner.1.field = Some(field.into());
        self
    }
    /// Sets the sheet (workbooks).
    pub(crate) fn sheet(mut self, sheet: impl Into<String>) -> Self {
        self.inner.1.sheet = Some(sheet.into());
        self
    }
    /// Sets the column only.
    pub(crate) fn column(mut self, column: u64) -> Self {
        self.inner.1.column = Some(column);
        self
    }
    /// Sets the field only.
    pub(crate) fn field(mut self, field: impl Into<String>) -> Self {
        self.inner.1.field = Some(field.into());
        self
    }
    /// What went wrong.
    pub fn kind(&self) -> &ImportErrorKind {
        &self.inner.0
    }
    /// The stable code of the kind.
    pub fn code(&self) -> &'static str {
        self.inner.0.code()
    }
    /// Where it happened.
    pub fn context(&self) -> ErrorContext {
        self.inner.1.clone()
    }
    /// Where it happened, borrowed.
    pub fn context_ref(&self) -> &ErrorContext {
        &self.inner.1
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.inner.1;
        let mut place = Vec::new();
        if let Some(sheet) = &c.sheet {
            place.push(format!("sheet {sheet:?}"));
            match (c.cell(), c.line, c.column) {
                (Some(cell), _, _) => place.push(format!("cell {cell}")),
                (None, Some(row), None) => place.push(format!("row {row}")),
                (None, None, Some(column)) => {
                    place.push(format!("column {}", crate::text::column_letters(column)))
                }
                _ => {}
            }
        } else {
            if let Some(line) = c.line {
                place.push(format!("line {line}"));
            }
            if let Some(column) = c.column {
                place.push(format!("column {column}"));
            }
        }
        let mut prefix = place.join(", ");
        if let Some(field) = &c.field {
            if prefix.is_empty() {
                prefix = format!("field {field}");
            } else {
                prefix = format!("{prefix} ({field})");
            }
        }
        if prefix.is_empty() {
            write!(f, "{}", self.inner.0)
        } else {
            write!(f, "{prefix}: {}", self.inner.0)
        }
    }
}

impl std::error::Error for ImportError {}
