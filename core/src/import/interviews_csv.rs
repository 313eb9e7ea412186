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
//!   [`MAX_INTERVIEW_MINUTES`] (1440), or `H:MM` (`0:45`; [`super::fields::parse_minutes`]).
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
use crate::interview::{Interview, Modality, MAX_INTERVIEW_MINUTES};
use crate::report::fxhash::IdKey;
use crate::report::ActivityReportBuilder;

/// A row staged for the pair thread: (group, day number, patient).
type Staged = (u32, i32, IdKey);

const DATE: usize = 0;
const PARTNER: usize = 1;
const PATIENT: usize = 2;
const MODALITY: usize = 3;
const REFERRAL: usize = 4;
const DURATION: usize = 5;
const ESTABLISHMENT: usize = 6;
const ID: usize = 7;

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

    /// Streams every remaining row into `builder`. For tables this is the fast path for
    /// large logs: no [`Interview`] is built and no allocation is made per row once ids
    /// have been seen; every row is checked exactly as [`read_interviews`] checks it,
    /// including rows outside the report's period; on a machine with more than one core a
    /// second thread updates the (group, patient) table while this one parses. Stops at
    /// the first error: an [`ImportError`] naming the line and column (or the sheet and
    /// cell), or a report error (`interview_in_gap`) located at its row; after an error the
    /// builder holds the rows before it. Returns the [`ImportSummary`] (`rows` is the
    /// number read).
    ///
    /// ```
    /// use patient_partner::import::InterviewCsvReader;
    /// use patient_partner::report::{ActivityReportBuilder, Period, ReportRequest};
    /// let log = "date,partner,patient,modality\n2023-01-09,PP-A,PAT-1,phone\n2023-01-10,PP-A,PAT-1,video\n";
    /// let mut builder = ActivityReportBuilder::new(&ReportRequest::new(Period::year(2023).unwrap()))?;
    /// let summary = InterviewCsvReader::new(log.as_bytes())?.push_into(&mut builder)?;
    /// assert_eq!(summary.rows, 2);
    /// assert_eq!(builder.finish().totals[0].total, Some(2));
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn push_into(
        self,
        builder: &mut ActivityReportBuilder,
    ) -> Result<ImportSummary, crate::Error> {
        match self.inner {
            Inner::Table(t) => t.push_into(builder),
            Inner::Json(j) => {
                for (i, interview) in j.rows.enumerate() {
                    builder
                        .push(&interview)
                        .map_err(|e| e.entity(format!("Interview #{}", i + 1)))?;
                }
                Ok(j.summary)
            }
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
        let modality = match modality_text {
            // The exact spellings first: no allocation on the common path.
            "in_person" | "présentiel" => Modality::InPerson,
            "phone" | "téléphone" => Modality::Phone,
            "video" | "visio" => Modality::Video,
            other => Modality::parse_lenient(other).map_err(|_| {
                s.error(
                    MODALITY,
                    ImportErrorKind::InvalidModality {
                        found: short(other),
                    },
                )
            })?,
        };
        let duration_minutes = match s.get(DURATION)? {
            None => None,
            Some(v) => Some(
                super::fields::parse_minutes(v)
                    .filter(|m| (1..=MAX_INTERVIEW_MINUTES).contains(m))
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

    /// Streams every remaining row into `builder` without building [`Interview`] values
    /// (the fast path for large logs: no allocation per row once ids have been seen).
    /// Every row is checked exactly as [`read_interviews`] checks it, including rows
    /// outside the report's period; stops at the first error: an [`ImportError`] naming
    /// line and column, or a report error (`interview_in_gap`) whose context holds the line
    /// (and the sheet). After an error the builder holds the rows before it. On a machine
    /// with more than one core, a second thread updates the (group, patient) table while
    /// this one parses.
    fn push_into(
        mut self,
        builder: &mut ActivityReportBuilder,
    ) -> Result<ImportSummary, crate::Error> {
        let parallel = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        if !parallel {
            while let Some(next) = self.source.advance() {
                next?;
                let f = self.fields()?;
                builder
                    .push_parts(f.date, f.partner, f.patient, f.modality, f.establishment)
                    .map_err(|e| self.locate(e))?;
            }
            return Ok(self.source.summary().clone());
        }
        // Two threads: this one parses, checks, interns the groups and counts; the other
        // updates the (group, patient) pair table, the largest and least cache-friendly
        // structure.
        const BATCH: usize = 8192;
        let mut sink = builder.take_pairs();
        let (result, sink) = std::thread::scope(|scope| {
            let (to_worker, from_main) = std::sync::mpsc::sync_channel::<Vec<Staged>>(4);
            let (to_main, recycled) = std::sync::mpsc::channel::<Vec<Staged>>();
            let worker = scope.spawn(move || {
                for mut batch in from_main {
                    for (group, day, patient) in batch.drain(..) {
                        sink.record(group, patient, day);
                    }
                    // The main thread may be gone: then the buffer is simply dropped.
                    let _ = to_main.send(batch);
                }
                sink
            });
            let mut rows = 0;
            let mut batch = Vec::with_capacity(BATCH);
            let mut result: Result<u64, crate::Error> = Ok(0);
            while let Some(next) = self.source.advance() {
                let staged = next
                    .map_err(crate::Error::from)
                    .and_then(|()| self.fields().map_err(crate::Error::from))
                    .and_then(|f| {
                        builder
                            .stage(f.date, f.partner, f.modality, f.establishment)
                            .map(|staged| {
                                staged.map(|(group, day)| (group, day, IdKey::new(f.patient)))
                            })
                            .map_err(|e| self.locate(e).into())
                    });
                match staged {
                    Err(e) => {
                        result = Err(e);
                        break;
                    }
                    Ok(update) => {
                        rows += 1;
                        batch.extend(update);
                        if batch.len() >= BATCH {
                            let next = recycled
                                .try_recv()
                                .unwrap_or_else(|_| Vec::with_capacity(BATCH));
                            // The worker only stops when this side hangs up.
                            let _ = to_worker.send(std::mem::replace(&mut batch, next));
                        }
                    }
                }
            }
            if !batch.is_empty() {
                let _ = to_worker.send(batch);
            }
            drop(to_worker);
            if result.is_ok() {
                result = Ok(rows);
            }
            (result, worker.join())
        });
        match sink {
            Ok(sink) => builder.restore_pairs(sink),
            // The worker only does arithmetic on a map: no input can make it panic. Should
            // it ever, the panic is a bug and is passed on as is.
            Err(payload) => std::panic::resume_unwind(payload),
        }
        result.map(|_| self.source.summary().clone())
    }

    /// A report error about the current row, located at it.
    fn locate(&self, e: crate::report::ReportError) -> crate::report::ReportError {
        e.at_row(self.source.line(), self.source.summary().sheet.as_deref())
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
