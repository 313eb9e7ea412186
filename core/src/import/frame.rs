//! Interview logs from data frames: columns found by name, cells read by type, batch by batch.
//!
//! A data frame (pandas, polars, an Arrow table, a DuckDB relation) is not text: its
//! columns have types. The caller (a binding) lends each batch through [`FrameBatch`], one
//! [`FrameCell`] at a time, and [`InterviewFrame`] applies **the rules of the CSV import**:
//! - **Columns**: the same [aliases](super::aliases), user mapping and strictness
//!   ([`super::ImportOptions`]) match the frame's column names; `missing_column`,
//!   `duplicate_column`, `unknown_column` as for a CSV header; unused columns are named in
//!   the [`ImportSummary`] (format [`FileFormat::Frame`]).
//! - **Rows**: a row whose every cell is null, NaN or blank text is skipped and counted (its
//!   0-based position listed). Any other row is checked field by field.
//! - **Cells**: a date column holds dates ([`FrameCell::Date`]; a timestamp's date is
//!   taken by the caller) or text read as in a CSV file (`YYYY-MM-DD`, `DD/MM/YYYY`);
//!   identifiers are text or whole numbers (`123` is the id `"123"`); the modality is text
//!   (English or French, [`crate::interview::Modality::parse_lenient`]); the duration is a
//!   whole number of minutes, a whole float (pandas' integers with missing values) or text
//!   (`45`, `0:45`). A cell of another type is refused with the rule's code
//!   (`invalid_date`, `invalid_modality`, `invalid_number`, `invalid_id`).
//! - **Positions**: errors name the 0-based row position over the whole frame
//!   ([`crate::ErrorContext::row`], as `df.iloc[row]`), the 1-based column position and the
//!   canonical column name; a binding adds the index label
//!   ([`crate::Located::with_row_label`]).
//!
//! ```
//! use patient_partner::import::{FrameBatch, FrameCell, ImportOptions, InterviewFrame};
//! struct Rows(Vec<[&'static str; 4]>);
//! impl FrameBatch for Rows {
//!     fn num_rows(&self) -> usize { self.0.len() }
//!     fn cell(&self, column: usize, row: usize) -> FrameCell<'_> {
//!         FrameCell::Text(self.0[row][column])
//!     }
//! }
//! let mut frame = InterviewFrame::open(&["Date", "Partenaire", "Patient", "Modalité"],
//!     &ImportOptions::new())?;
//! let batch = Rows(vec![["09/01/2023", "PP-A", "PAT-1", "présentiel"],
//!                       ["2023-01-10", "PP-A", "PAT-1", "fax"]]);
//! let err = frame.interviews(&batch).unwrap_err();
//! assert_eq!(err.code(), "invalid_modality");
//! assert_eq!((err.context().row, err.context().column), (Some(1), Some(4)));
//! # Ok::<(), patient_partner::import::ImportError>(())
//! ```

use chrono::NaiveDate;

use super::aliases::Entity;
use super::dates::parse_date;
use super::error::{ImportError, ImportErrorKind};
use super::interviews_csv::{
    modality_of, RowPlace, RowRef, COLUMNS, DATE, DURATION, ESTABLISHMENT, ID, MODALITY, PARTNER,
    PATIENT, REFERRAL,
};
use super::options::ImportOptions;
use super::summary::{FileFormat, ImportSummary};
use super::table::{resolve, Place};
use crate::ids::{
    check_id, trim_fast, EstablishmentId, InterviewId, PartnerId, PatientId, ReferralId,
};
use crate::interview::{Interview, Modality};
use crate::text::short;

/// One cell of a frame, as the caller reads it from its column's type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum FrameCell<'a> {
    /// A missing value (null, `None`, `NaN`, `NaT`).
    Null,
    /// Text (string, large string, string view, dictionary of strings, categorical).
    Text(&'a str),
    /// A calendar date (date32, date64, or the date of a timestamp).
    Date(NaiveDate),
    /// A whole number (any integer type).
    Integer(i64),
    /// A floating-point number.
    Float(f64),
    /// A boolean.
    Bool(bool),
    /// A value of a type the import does not read (in a column it does not use: a list,
    /// binary data…). Not empty.
    Other,
}

/// One batch of a frame: rows × the frame's columns, in the order of the names given to
/// [`InterviewFrame::open`].
pub trait FrameBatch {
    /// The number of rows of the batch.
    fn num_rows(&self) -> usize;
    /// The cell at `column` (0-based, in the frame's column order) and `row` (0-based in the
    /// batch). Only columns the import uses are asked for, plus the others of a row whose
    /// used cells are all empty (to tell a blank row).
    fn cell(&self, column: usize, row: usize) -> FrameCell<'_>;
}

/// An interview log read from a data frame, batch after batch (see the module docs).
#[derive(Debug, Clone)]
pub struct InterviewFrame {
    /// For each of the log's columns, its position among the frame's columns.
    positions: Vec<Option<usize>>,
    width: usize,
    /// Rows seen so far, blank ones included: the position of the next batch's first row.
    offset: u64,
    summary: ImportSummary,
    /// Identifiers given as numbers, written out as text for the current row.
    scratch: [String; 5],
}

/// A field's value once read: borrowed text, or text written into the row's scratch.
#[derive(Clone, Copy)]
enum Text<'a> {
    Borrowed(&'a str),
    Scratch(usize),
}

impl InterviewFrame {
    /// Matches the frame's column names with the log's columns, as a CSV header is matched.
    pub fn open<S: AsRef<str>>(
        column_names: &[S],
        options: &ImportOptions,
    ) -> Result<Self, ImportError> {
        let headers: Vec<String> = column_names.iter().map(|s| s.as_ref().to_owned()).collect();
        let mut summary = ImportSummary::new(FileFormat::Frame);
        let positions = resolve(
            &headers,
            COLUMNS,
            Entity::Interview,
            options,
            &Place::Frame,
            &mut summary,
        )?;
        Ok(InterviewFrame {
            positions,
            width: headers.len(),
            offset: 0,
            summary,
            scratch: Default::default(),
        })
    }

    /// The frame's columns that the import reads: (position in the frame, canonical name).
    /// A binding converts only these.
    pub fn used_columns(&self) -> impl Iterator<Item = (usize, &'static str)> + '_ {
        self.positions
            .iter()
            .zip(COLUMNS)
            .filter_map(|(p, spec)| p.map(|p| (p, spec.name)))
    }

    /// The error for a used column whose type the caller cannot read as cells
    /// (`unsupported_column_type`), naming the column and the type.
    pub fn unsupported_column(&self, column: usize, type_name: &str) -> ImportError {
        let name = self
            .positions
            .iter()
            .position(|p| *p == Some(column))
            .map_or("", |spec| COLUMNS[spec].name);
        ImportError::new(ImportErrorKind::UnsupportedColumnType {
            found: short(type_name),
        })
        .entity(Entity::Interview.name())
        .at(column as u64 + 1, name)
    }

    /// The error for a frame whose batches could not be read (`io_error`: the producer of
    /// an Arrow stream failed), with the producer's message cut short.
    pub fn read_failure(&self, message: &str) -> ImportError {
        ImportError::new(ImportErrorKind::Io {
            message: crate::text::short_message(message),
        })
        .entity(Entity::Interview.name())
        .frame_row(self.offset)
    }

    /// The 0-based position of the next batch's first row.
    pub(crate) fn offset(&self) -> u64 {
        self.offset
    }

    /// Reads the next batch as starting at row `offset` (a worker of a parallel read).
    pub(crate) fn set_offset(&mut self, offset: u64) {
        self.offset = offset;
    }

    /// Forgets the rows counted so far (a worker's copy counts its own).
    pub(crate) fn reset_counts(&mut self) {
        self.summary.rows = 0;
        self.summary.blank_rows = 0;
        self.summary.blank_row_lines.clear();
    }

    /// The summary of a read done by several workers, put together.
    pub(crate) fn replace_summary(&mut self, summary: ImportSummary) {
        self.summary = summary;
    }

    /// What was read and skipped so far (`rows` counts the rows read, blank rows apart).
    pub fn summary(&self) -> &ImportSummary {
        &self.summary
    }

    /// Reads every row of `batch` into interviews (all or nothing for the batch).
    pub fn interviews<B: FrameBatch + ?Sized>(
        &mut self,
        batch: &B,
    ) -> Result<Vec<Interview>, ImportError> {
        let mut out = Vec::with_capacity(batch.num_rows());
        self.read_batch(batch, |row| {
            out.push(row.to_interview()?);
            Ok::<(), ImportError>(())
        })?;
        Ok(out)
    }

    /// Hands every row of `batch` to `each`, checked, its fields borrowed (the fast path of
    /// a report: `InterviewFrame::push_into` in `report/feed.rs`). Stops at the first
    /// error.
    pub(crate) fn read_batch<B: FrameBatch + ?Sized, E: From<ImportError>>(
        &mut self,
        batch: &B,
        mut each: impl FnMut(FrameRow<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        for r in 0..batch.num_rows() {
            let position = self.offset;
            self.offset += 1;
            // A row with a date is not blank: the full test only for rows without one.
            let dated = !matches!(self.cell(batch, DATE, r), FrameCell::Null);
            if !dated && self.is_blank(batch, r) {
                self.summary.blank_row(position);
                continue;
            }
            let fields = self.fields(batch, r, position)?;
            self.summary.rows += 1;
            each(FrameRow {
                fields,
                scratch: &self.scratch,
                position,
            })?;
        }
        Ok(())
    }

    fn is_blank<B: FrameBatch + ?Sized>(&self, batch: &B, r: usize) -> bool {
        let empty = |c: usize| match batch.cell(c, r) {
            FrameCell::Null => true,
            FrameCell::Text(t) => t.trim().is_empty(),
            FrameCell::Float(f) => f.is_nan(),
            _ => false,
        };
        // The used columns first: a row with a value there is not blank, the common case.
        self.positions.iter().flatten().all(|&c| empty(c))
            && (0..self.width)
                .filter(|c| !self.positions.contains(&Some(*c)))
                .all(empty)
    }

    fn error(&self, spec: usize, position: u64, kind: ImportErrorKind) -> ImportError {
        let column = self.positions[spec].map_or(0, |p| p as u64 + 1);
        ImportError::new(kind)
            .entity(Entity::Interview.name())
            .frame_row(position)
            .at(column, COLUMNS[spec].name)
    }

    fn missing(&self, position: u64, spec: usize, expected: &str) -> ImportError {
        self.error(
            spec,
            position,
            ImportErrorKind::MissingValue {
                expected: expected.to_owned(),
            },
        )
    }

    fn cell<'b, B: FrameBatch + ?Sized>(
        &self,
        batch: &'b B,
        spec: usize,
        r: usize,
    ) -> FrameCell<'b> {
        match self.positions[spec] {
            Some(c) => match batch.cell(c, r) {
                FrameCell::Text(t) => match trim_fast(t) {
                    "" => FrameCell::Null,
                    t => FrameCell::Text(t),
                },
                FrameCell::Float(f) if f.is_nan() => FrameCell::Null,
                other => other,
            },
            None => FrameCell::Null,
        }
    }

    fn fields<'b, B: FrameBatch + ?Sized>(
        &mut self,
        batch: &'b B,
        r: usize,
        position: u64,
    ) -> Result<Fields<'b>, ImportError> {
        let date = match self.cell(batch, DATE, r) {
            FrameCell::Date(d) => d,
            FrameCell::Null => {
                return Err(self.missing(position, DATE, "a date (YYYY-MM-DD or DD/MM/YYYY)"))
            }
            FrameCell::Text(t) => parse_date(t).ok_or_else(|| {
                self.error(
                    DATE,
                    position,
                    ImportErrorKind::InvalidDate { found: short(t) },
                )
            })?,
            other => {
                return Err(self.error(
                    DATE,
                    position,
                    ImportErrorKind::InvalidDate {
                        found: shown(other),
                    },
                ))
            }
        };
        let modality = match self.cell(batch, MODALITY, r) {
            FrameCell::Null => return Err(self.missing(position, MODALITY, "a modality")),
            FrameCell::Text(t) => modality_of(t).ok_or_else(|| {
                self.error(
                    MODALITY,
                    position,
                    ImportErrorKind::InvalidModality { found: short(t) },
                )
            })?,
            other => {
                return Err(self.error(
                    MODALITY,
                    position,
                    ImportErrorKind::InvalidModality {
                        found: shown(other),
                    },
                ))
            }
        };
        let duration_minutes = match self.cell(batch, DURATION, r) {
            FrameCell::Null => None,
            cell => {
                let minutes = match cell {
                    FrameCell::Integer(i) => u32::try_from(i).ok(),
                    FrameCell::Float(f)
                        if f.fract() == 0.0 && (0.0..=u32::MAX as f64).contains(&f) =>
                    {
                        Some(f as u32)
                    }
                    FrameCell::Text(t) => super::fields::parse_minutes(t),
                    _ => None,
                };
                Some(
                    minutes
                        .filter(|&m| Interview::check_duration(m).is_ok())
                        .ok_or_else(|| {
                            self.error(
                                DURATION,
                                position,
                                ImportErrorKind::InvalidNumber { found: shown(cell) },
                            )
                        })?,
                )
            }
        };
        let partner = self.id(batch, r, position, PARTNER, "PartnerId", 0)?;
        let patient = self.id(batch, r, position, PATIENT, "PatientId", 1)?;
        let establishment = self.id(batch, r, position, ESTABLISHMENT, "EstablishmentId", 2)?;
        let referral = self.id(batch, r, position, REFERRAL, "ReferralId", 3)?;
        let id = self.id(batch, r, position, ID, "InterviewId", 4)?;
        let partner = partner.ok_or_else(|| self.missing(position, PARTNER, "a partner id"))?;
        let patient = patient.ok_or_else(|| self.missing(position, PATIENT, "a patient id"))?;
        Ok(Fields {
            date,
            partner,
            patient,
            modality,
            establishment,
            referral,
            duration_minutes,
            id,
        })
    }

    /// An identifier of column `spec`, checked; numbers are written into scratch `slot`.
    fn id<'b, B: FrameBatch + ?Sized>(
        &mut self,
        batch: &'b B,
        r: usize,
        position: u64,
        spec: usize,
        id_type: &'static str,
        slot: usize,
    ) -> Result<Option<Text<'b>>, ImportError> {
        let invalid = |this: &Self, found: String, reason: String| {
            this.error(spec, position, ImportErrorKind::InvalidId { found, reason })
        };
        let text = match self.cell(batch, spec, r) {
            FrameCell::Null => return Ok(None),
            FrameCell::Text(t) => {
                check_id(id_type, t).map_err(|e| invalid(self, short(t), e.to_string()))?;
                return Ok(Some(Text::Borrowed(t)));
            }
            FrameCell::Integer(i) => i.to_string(),
            FrameCell::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", f as i64),
            other => {
                return Err(invalid(
                    self,
                    shown(other),
                    format!("{id_type} must be text or a whole number"),
                ))
            }
        };
        check_id(id_type, &text).map_err(|e| invalid(self, short(&text), e.to_string()))?;
        self.scratch[slot] = text;
        Ok(Some(Text::Scratch(slot)))
    }
}

/// A cell shown in a message (short and escaped by the message's `{:?}`).
fn shown(cell: FrameCell<'_>) -> String {
    match cell {
        FrameCell::Null => String::new(),
        FrameCell::Text(t) => short(t),
        FrameCell::Date(d) => d.to_string(),
        FrameCell::Integer(i) => i.to_string(),
        FrameCell::Float(f) => f.to_string(),
        FrameCell::Bool(b) => b.to_string(),
        FrameCell::Other => "(a value of another type)".to_owned(),
    }
}

/// The checked fields of a row.
struct Fields<'a> {
    date: NaiveDate,
    partner: Text<'a>,
    patient: Text<'a>,
    modality: Modality,
    establishment: Option<Text<'a>>,
    referral: Option<Text<'a>>,
    duration_minutes: Option<u32>,
    id: Option<Text<'a>>,
}

/// One checked row of a frame, its text borrowed from the batch or the reader.
pub(crate) struct FrameRow<'a> {
    fields: Fields<'a>,
    scratch: &'a [String; 5],
    position: u64,
}

impl<'a> FrameRow<'a> {
    fn text(&self, t: Text<'a>) -> &'a str {
        match t {
            Text::Borrowed(s) => s,
            Text::Scratch(slot) => &self.scratch[slot],
        }
    }

    /// The row as the report's feed takes it.
    pub(crate) fn as_row_ref(&self) -> RowRef<'a> {
        RowRef {
            date: self.fields.date,
            partner: self.text(self.fields.partner),
            patient: self.text(self.fields.patient),
            modality: self.fields.modality,
            establishment: self.fields.establishment.map(|t| self.text(t)),
            place: RowPlace::Frame(self.position),
        }
    }

    /// The row as an [`Interview`] (its fields were checked: the constructors cannot fail).
    fn to_interview(&self) -> Result<Interview, ImportError> {
        let id_err = |e: crate::ids::IdError| {
            ImportError::new(ImportErrorKind::InvalidId {
                found: String::new(),
                reason: e.to_string(),
            })
            .frame_row(self.position)
        };
        let opt = |t: Option<Text<'a>>| t.map(|t| self.text(t));
        Ok(Interview {
            id: opt(self.fields.id)
                .map(InterviewId::new)
                .transpose()
                .map_err(id_err)?,
            date: self.fields.date,
            partner: PartnerId::new(self.text(self.fields.partner)).map_err(id_err)?,
            patient: PatientId::new(self.text(self.fields.patient)).map_err(id_err)?,
            modality: self.fields.modality,
            referral: opt(self.fields.referral)
                .map(ReferralId::new)
                .transpose()
                .map_err(id_err)?,
            duration_minutes: self.fields.duration_minutes,
            establishment: opt(self.fields.establishment)
                .map(EstablishmentId::new)
                .transpose()
                .map_err(id_err)?,
        })
    }
}
