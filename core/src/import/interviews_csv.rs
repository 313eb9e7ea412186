//! Interview logs from CSV files and workbooks.
//!
//! Columns, by header name (any order; the [aliases](super::aliases) such as `Date`,
//! `Partenaire`, `Patient`, `Modalité`, `Durée (min)` are accepted): `date`, `partner`,
//! `patient`, `modality` (required) and `referral`, `duration_minutes`, `establishment`, `id`
//! (optional). The common rules (format, encoding, separator, header, unused columns, blank
//! rows, positions) are those of [`super::table`]. Values:
//! - `date`: `YYYY-MM-DD` or `DD/MM/YYYY`, a time after it ignored; a date cell in a
//!   workbook ([`super::parse_date`]);
//! - `partner`, `patient`, `referral`, `establishment`, `id`: identifiers
//!   ([`crate::ids`]; trimmed, at most 64 bytes, no control characters);
//! - `modality`: `in_person`, `phone`, `video` or the French `présentiel`, `téléphone`,
//!   `visio`, any case, accents optional ([`Modality::parse_lenient`]);
//! - `duration_minutes`: a whole number of minutes, 1 to
//!   [`MAX_INTERVIEW_MINUTES`](crate::interview::MAX_INTERVIEW_MINUTES) (1440), or `H:MM` (`0:45`; [`super::fields::parse_minutes`]).
//!
//! Empty optional values are absent values. [`InterviewReader`] streams the rows one at a
//! time (for logs too large to hold); [`read_interviews`] reads everything or nothing, with
//! the [`ImportSummary`] of what was left aside.
//!
//! ```
//! use patient_partner::import::read_interviews_csv;
//! let text = "\u{feff}date;partner;patient;modality\n09/01/2023;PP-A;PAT-0001;présentiel\n";
//! let interviews = read_interviews_csv(text.as_bytes())?;
//! assert_eq!(interviews.len(), 1);
//! let err = read_interviews_csv("date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,fax\n".as_bytes())
//!     .unwrap_err();
//! assert_eq!(err.code(), "invalid_modality");
//! assert_eq!((err.context().line, err.context().column), (Some(2), Some(4)));
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::io::Read;

use super::aliases::Entity;
use super::dates::parse_date;
use super::error::{ImportError, ImportErrorKind};
use super::options::{ImportOptions, UnknownColumns};
use super::summary::{FileFormat, ImportSummary, Imported};
use super::table::{read_json_text, sniff, ColumnSpec, TableSource};
use crate::text::short;
use chrono::NaiveDate;

use crate::ids::{
    check_id, EstablishmentId, IdError, InterviewId, PartnerId, PatientId, ReferralId,
};
use crate::interview::{Interview, Modality};
use crate::located::Located;

// The positions of the log's columns in [`COLUMNS`] (shared with `import/frame.rs`).
pub(crate) const DATE: usize = 0;
pub(crate) const PARTNER: usize = 1;
pub(crate) const PATIENT: usize = 2;
pub(crate) const MODALITY: usize = 3;
pub(crate) const REFERRAL: usize = 4;
pub(crate) const DURATION: usize = 5;
pub(crate) const ESTABLISHMENT: usize = 6;
pub(crate) const ID: usize = 7;

/// The columns of an interview log.
pub(crate) const COLUMNS: &[ColumnSpec] = &[
    ColumnSpec {
        name: "date",
        required: true,
    },
    ColumnSpec {
        name: "partner",
        required: true,
    },
    ColumnSpec {
        name: "patient",
        required: true,
    },
    ColumnSpec {
        name: "modality",
        required: true,
    },
    ColumnSpec {
        name: "referral",
        required: false,
    },
    ColumnSpec {
        name: "duration_minutes",
        required: false,
    },
    ColumnSpec {
        name: "establishment",
        required: false,
    },
    ColumnSpec {
        name: "id",
        required: false,
    },
];

/// Streams the interviews of a log (CSV, workbook or JSON), one `Result` per row.
///
/// The header is read by [`InterviewReader::open`]. After the first error the iterator
/// ends: a caller that wants all or nothing stops there ([`read_interviews`] does). CSV is
/// streamed; a workbook or a JSON document is read whole first (its format needs it).
pub struct InterviewReader<R: Read> {
    inner: Inner<R>,
    done: bool,
}

enum Inner<R: Read> {
    Table(TableRows<R>),
    Json(JsonRows),
}

/// The rows of a table (CSV or workbook) and how an interview is read from them.
struct TableRows<R: Read> {
    source: TableSource<R>,
}

/// The interviews of a JSON log, already checked by serde.
struct JsonRows {
    rows: std::vec::IntoIter<Interview>,
    summary: ImportSummary,
    /// Interviews handed out so far.
    index: u64,
}

/// The former name of [`InterviewReader`], kept for existing code.
pub type InterviewCsvReader<R> = InterviewReader<R>;

impl<R: Read> std::fmt::Debug for InterviewReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InterviewReader")
            .field("line", &self.line())
            .field("done", &self.done)
            .finish()
    }
}

impl<R: Read> InterviewReader<R> {
    /// Opens a log with the default [`ImportOptions`]: reads the header, sniffs the format
    /// and the separator, checks the columns.
    pub fn new(input: R) -> Result<Self, ImportError> {
        Self::open(input, &ImportOptions::default())
    }

    /// Opens a log with `options` (encoding, sheet, column mapping, unused columns). The
    /// format comes from the content: a workbook, a JSON log (read whole with
    /// [`read_interviews_json`](super::read_interviews_json)) or CSV.
    pub fn open(input: R, options: &ImportOptions) -> Result<Self, ImportError> {
        let entity = Entity::Interview;
        let (format, input) = sniff(input).map_err(|e| e.entity(entity.name()))?;
        let inner = if format == FileFormat::Json {
            let log = super::json::read_interviews_json(&read_json_text(input, entity)?)?;
            Inner::Json(JsonRows {
                summary: ImportSummary::of_json(log.len()),
                rows: log.into_iter(),
                index: 0,
            })
        } else {
            Inner::Table(TableRows {
                source: TableSource::open_sniffed(format, input, COLUMNS, entity, options)?,
            })
        };
        Ok(InterviewReader { inner, done: false })
    }

    /// The 1-based line (CSV) or spreadsheet row (workbook) of the last row read (the
    /// header's before the first row); for JSON, the number of interviews read.
    pub fn line(&self) -> u64 {
        match &self.inner {
            Inner::Table(t) => t.source.line(),
            Inner::Json(j) => j.index,
        }
    }

    /// What was read and left aside so far (complete once the rows are exhausted).
    pub fn summary(&self) -> &ImportSummary {
        match &self.inner {
            Inner::Table(t) => t.source.summary(),
            Inner::Json(j) => &j.summary,
        }
    }

    /// Reads every remaining interview and returns the first and last dates (`None` for a
    /// log without interviews): what a report covers when no period is given. Every row is
    /// checked; the first error is returned.
    pub fn date_bounds(self) -> Result<Option<(NaiveDate, NaiveDate)>, ImportError> {
        let mut bounds: Option<(NaiveDate, NaiveDate)> = None;
        for row in self {
            let d = row?.date;
            bounds = Some(bounds.map_or((d, d), |(lo, hi)| (lo.min(d), hi.max(d))));
        }
        Ok(bounds)
    }

    /// Hands every remaining row to `each`, checked exactly as the iterator checks it but
    /// without building an [`Interview`] for table rows (the fields are borrowed from the
    /// reader): the fast path of [`InterviewReader::push_into`]. Stops at the first error,
    /// of the reader or of `each`; returns the summary.
    pub(crate) fn for_each_row<E: From<ImportError>>(
        self,
        mut each: impl FnMut(RowRef<'_>) -> Result<(), E>,
    ) -> Result<ImportSummary, E> {
        match self.inner {
            Inner::Table(mut t) => {
                t.each_row(&mut each)?;
                Ok(t.source.summary().clone())
            }
            Inner::Json(j) => {
                for (i, interview) in j.rows.enumerate() {
                    each(RowRef {
                        date: interview.date,
                        partner: interview.partner.as_str(),
                        patient: interview.patient.as_str(),
                        modality: interview.modality,
                        establishment: interview.establishment.as_ref().map(|e| e.as_str()),
                        place: RowPlace::Record(i as u64 + 1),
                    })?;
                }
                Ok(j.summary)
            }
        }
    }
}

impl<R: Read> InterviewReader<R> {
    /// How the log is laid out when it is a CSV table (its header read): what reading one of
    /// its byte ranges alone needs. `None` for a workbook or a JSON log.
    pub(crate) fn csv_layout(&self) -> Option<super::table::CsvLayout> {
        match &self.inner {
            Inner::Table(t) => t.source.csv_layout(),
            Inner::Json(_) => None,
        }
    }
}

/// What reading one byte range of a CSV log gave ([`for_each_row_in_range`]).
pub(crate) struct RangeRun<E> {
    /// `Ok` when every row of the range was read and handed out; the first error otherwise
    /// (located at lines counted from the range's start).
    pub(crate) result: Result<(), E>,
    /// Rows read and blank rows skipped (lines counted from the range's start).
    pub(crate) summary: ImportSummary,
    /// The line breaks of the range (complete when `result` is `Ok`).
    pub(crate) breaks: u64,
    /// The encoding the range's decoder settled on, if it had to and did.
    pub(crate) encoding: Option<&'static str>,
    /// The most bytes one record of the range took.
    pub(crate) longest_record: u64,
}

/// Reads the rows of one byte range of a CSV log laid out as `layout`, checked exactly as
/// [`InterviewReader::for_each_row`] checks them, handing each to `each`; stops at the
/// first error. Lines are counted from the range's start (`import/split.rs`).
pub(crate) fn for_each_row_in_range<R: Read, E: From<ImportError>>(
    input: R,
    layout: &super::table::CsvLayout,
    options: &ImportOptions,
    mut each: impl FnMut(RowRef<'_>) -> Result<(), E>,
) -> RangeRun<E> {
    let mut t = TableRows {
        source: TableSource::open_range(input, layout, options),
    };
    let result = t.each_row(&mut each);
    RangeRun {
        result,
        summary: t.source.summary().clone(),
        breaks: t.source.breaks_read(),
        encoding: t.source.decided_encoding(),
        longest_record: t.source.longest_record(),
    }
}

/// One checked row, its fields borrowed from the reader ([`InterviewReader::for_each_row`]).
pub(crate) struct RowRef<'a> {
    pub(crate) date: NaiveDate,
    pub(crate) partner: &'a str,
    pub(crate) patient: &'a str,
    pub(crate) modality: Modality,
    pub(crate) establishment: Option<&'a str>,
    pub(crate) place: RowPlace<'a>,
}

/// Where a row is: a line (and sheet) of a table, or the position of a JSON record.
pub(crate) enum RowPlace<'a> {
    Row {
        line: u64,
        sheet: Option<&'a str>,
    },
    Record(u64),
    /// The 0-based position of a data frame's row.
    Frame(u64),
}

impl RowRef<'_> {
    /// Locates an error about this row (of any module) at it: its line and sheet, or
    /// `Interview #n` for a JSON record.
    pub(crate) fn locate<K>(&self, e: Located<K>) -> Located<K> {
        match self.place {
            RowPlace::Row { line, sheet } => e.at_row(line, sheet),
            RowPlace::Record(n) => e.entity(format!("Interview #{n}")),
            RowPlace::Frame(row) => e.frame_row(row),
        }
    }
}

impl<R: Read> TableRows<R> {
    /// Checks an identifier without allocating.
    fn check<'s>(
        &'s self,
        spec: usize,
        id_type: &'static str,
        value: &'s str,
    ) -> Result<&'s str, ImportError> {
        check_id(id_type, value).map_err(|e| {
            self.source.error(
                spec,
                ImportErrorKind::InvalidId {
                    found: short(value),
                    reason: e.to_string(),
                },
            )
        })
    }

    /// Hands every remaining row to `each`, checked ([`Self::fields`]) and located at its
    /// line (and sheet); stops at the first error, of the reader or of `each`.
    fn each_row<E: From<ImportError>>(
        &mut self,
        each: &mut impl FnMut(RowRef<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        while let Some(next) = self.source.advance() {
            next?;
            let f = self.fields()?;
            each(RowRef {
                date: f.date,
                partner: f.partner,
                patient: f.patient,
                modality: f.modality,
                establishment: f.establishment,
                place: RowPlace::Row {
                    line: self.source.line(),
                    sheet: self.source.summary().sheet.as_deref(),
                },
            })?;
        }
        Ok(())
    }

    fn optional(&self, spec: usize, id_type: &'static str) -> Result<Option<&str>, ImportError> {
        match self.source.get(spec)? {
            Some(v) => self.check(spec, id_type, v).map(Some),
            None => Ok(None),
        }
    }

    /// Reads and checks every field of the current row, borrowing the text.
    fn fields(&self) -> Result<InterviewFields<'_>, ImportError> {
        let s = &self.source;
        let date_text = s.required(DATE, "a date (YYYY-MM-DD or DD/MM/YYYY)")?;
        let date = parse_date(date_text).ok_or_else(|| {
            s.error(
                DATE,
                ImportErrorKind::InvalidDate {
                    found: short(date_text),
                },
            )
        })?;
        let partner = self.check(PARTNER, "PartnerId", s.required(PARTNER, "a partner id")?)?;
        let patient = self.check(PATIENT, "PatientId", s.required(PATIENT, "a patient id")?)?;
        let modality_text = s.required(MODALITY, "a modality")?;
        let modality = modality_of(modality_text).ok_or_else(|| {
            s.error(
                MODALITY,
                ImportErrorKind::InvalidModality {
                    found: short(modality_text),
                },
            )
        })?;
        let duration_minutes = match s.get(DURATION)? {
            None => None,
            Some(v) => Some(
                super::fields::parse_minutes(v)
                    .filter(|&m| Interview::check_duration(m).is_ok())
                    .ok_or_else(|| {
                        s.error(DURATION, ImportErrorKind::InvalidNumber { found: short(v) })
                    })?,
            ),
        };
        Ok(InterviewFields {
            id: self.optional(ID, "InterviewId")?,
            date,
            partner,
            patient,
            modality,
            referral: self.optional(REFERRAL, "ReferralId")?,
            duration_minutes,
            establishment: self.optional(ESTABLISHMENT, "EstablishmentId")?,
        })
    }

    fn parse_row(&self) -> Result<Interview, ImportError> {
        let f = self.fields()?;
        // The fields were checked: these constructors cannot fail; map defensively anyway.
        let id_err = |spec: usize| {
            move |e: IdError| {
                self.source.error(
                    spec,
                    ImportErrorKind::InvalidId {
                        found: String::new(),
                        reason: e.to_string(),
                    },
                )
            }
        };
        Ok(Interview {
            id: f.id.map(InterviewId::new).transpose().map_err(id_err(ID))?,
            date: f.date,
            partner: PartnerId::new(f.partner).map_err(id_err(PARTNER))?,
            patient: PatientId::new(f.patient).map_err(id_err(PATIENT))?,
            modality: f.modality,
            referral: f
                .referral
                .map(ReferralId::new)
                .transpose()
                .map_err(id_err(REFERRAL))?,
            duration_minutes: f.duration_minutes,
            establishment: f
                .establishment
                .map(EstablishmentId::new)
                .transpose()
                .map_err(id_err(ESTABLISHMENT))?,
        })
    }
}

/// A modality cell's value (`Modality::parse_lenient`), the exact spellings first: no
/// allocation on the common path. Shared by the file and frame readers.
pub(crate) fn modality_of(text: &str) -> Option<Modality> {
    match text {
        "in_person" | "présentiel" => Some(Modality::InPerson),
        "phone" | "téléphone" => Some(Modality::Phone),
        "video" | "visio" => Some(Modality::Video),
        other => Modality::parse_lenient(other).ok(),
    }
}

/// The checked fields of one row, borrowed from the reader.
struct InterviewFields<'a> {
    id: Option<&'a str>,
    date: NaiveDate,
    partner: &'a str,
    patient: &'a str,
    modality: Modality,
    referral: Option<&'a str>,
    duration_minutes: Option<u32>,
    establishment: Option<&'a str>,
}

impl<R: Read> Iterator for InterviewReader<R> {
    type Item = Result<Interview, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = match &mut self.inner {
            Inner::Json(j) => {
                let next = j.rows.next()?;
                j.index += 1;
                Ok(next)
            }
            Inner::Table(t) => match t.source.advance()? {
                Ok(()) => t.parse_row(),
                Err(e) => Err(e),
            },
        };
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }
}

/// Reads a whole interview log (CSV or workbook) with `options`: every row and the summary
/// of what was left aside, or the first error (nothing partial).
///
/// ```
/// use patient_partner::import::{read_interviews, ImportOptions};
/// let log = "Date;Partenaire;Patient;Modalité;Commentaire\r\n\
///            09/01/2023 14:30;PP-A;PAT-0001;Présentiel;suite à la RCP\r\n\
///            ;;;;\r\n";
/// let imported = read_interviews(log.as_bytes(), &ImportOptions::new())?;
/// assert_eq!(imported.records.len(), 1);
/// assert_eq!(imported.summary.ignored_columns[0].header, "Commentaire");
/// assert_eq!(imported.summary.blank_rows, 1);
/// # Ok::<(), patient_partner::Error>(())
/// ```
pub fn read_interviews<R: Read>(
    input: R,
    options: &ImportOptions,
) -> Result<Imported<Vec<Interview>>, ImportError> {
    let mut reader = InterviewReader::open(input, options)?;
    let records = reader.by_ref().collect::<Result<Vec<_>, _>>()?;
    Ok(Imported {
        records,
        summary: reader.summary().clone(),
    })
}

/// Reads a whole interview log (CSV, workbook or JSON): every row, or the first error
/// (nothing partial). It returns no summary, so it **refuses** columns it does not use
/// (`unknown_column`, as [`UnknownColumns::Refuse`]) rather than drop them unseen; use
/// [`read_interviews`] to have them ignored and named.
pub fn read_interviews_csv<R: Read>(input: R) -> Result<Vec<Interview>, ImportError> {
    let options = ImportOptions::new().unknown_columns(UnknownColumns::Refuse);
    InterviewReader::open(input, &options)?.collect()
}

/// Reads a CSV interview log from a string (see [`read_interviews_csv`]).
pub fn read_interviews_csv_str(text: &str) -> Result<Vec<Interview>, ImportError> {
    read_interviews_csv(text.as_bytes())
}
