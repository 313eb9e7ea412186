//! Interview logs from CSV.
//!
//! Columns, by header name (any order, any case): `date`, `partner`, `patient`, `modality`
//! (required) and `referral`, `duration_minutes`, `establishment`, `id` (optional). The
//! common rules (encoding, separator, header, blank lines) are those of
//! [`super::csv_source`]. Values:
//! - `date`: `YYYY-MM-DD` or `DD/MM/YYYY` ([`super::parse_date`]);
//! - `partner`, `patient`, `referral`, `establishment`, `id`: identifiers
//!   ([`crate::ids`]; trimmed, at most 64 bytes, no control characters);
//! - `modality`: `in_person`, `phone`, `video` or the French `présentiel`, `téléphone`,
//!   `visio`, any case, accents optional ([`Modality::parse_lenient`]);
//! - `duration_minutes`: a whole number.
//!
//! Empty optional values are absent values. [`InterviewCsvReader`] streams the rows one at a
//! time (for logs too large to hold); [`read_interviews_csv`] reads everything or nothing.
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

use super::csv_source::{ColumnSpec, CsvSource};
use super::dates::parse_date;
use super::error::{ImportError, ImportErrorKind};
use crate::ids::{EstablishmentId, IdError, InterviewId, PartnerId, PatientId, ReferralId};
use crate::interview::{Interview, Modality};

const DATE: usize = 0;
const PARTNER: usize = 1;
const PATIENT: usize = 2;
const MODALITY: usize = 3;
const REFERRAL: usize = 4;
const DURATION: usize = 5;
const ESTABLISHMENT: usize = 6;
const ID: usize = 7;

/// The columns of an interview log.
const COLUMNS: &[ColumnSpec] = &[
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

/// Streams the interviews of a CSV log, one `Result` per row.
///
/// The header is read by [`InterviewCsvReader::new`]. After the first error the iterator
/// ends: a caller that wants all or nothing stops there ([`read_interviews_csv`] does).
pub struct InterviewCsvReader<R: Read> {
    source: CsvSource<R>,
    done: bool,
}

impl<R: Read> std::fmt::Debug for InterviewCsvReader<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("InterviewCsvReader")
            .field("line", &self.source.line())
            .field("done", &self.done)
            .finish()
    }
}

impl<R: Read> InterviewCsvReader<R> {
    /// Opens a log: reads the header, sniffs the separator, checks the columns.
    pub fn new(input: R) -> Result<Self, ImportError> {
        Ok(InterviewCsvReader {
            source: CsvSource::open(input, COLUMNS, "Interview")?,
            done: false,
        })
    }

    /// The 1-based line of the last row read (the header's before the first row).
    pub fn line(&self) -> u64 {
        self.source.line()
    }

    fn id<T>(
        &self,
        spec: usize,
        value: &str,
        make: fn(&str) -> Result<T, IdError>,
    ) -> Result<T, ImportError> {
        make(value).map_err(|e| {
            self.source.error(
                spec,
                ImportErrorKind::InvalidId {
                    found: value.to_owned(),
                    reason: e.to_string(),
                },
            )
        })
    }

    fn optional_id<T>(
        &self,
        spec: usize,
        make: fn(&str) -> Result<T, IdError>,
    ) -> Result<Option<T>, ImportError> {
        match self.source.get(spec)? {
            Some(v) => self.id(spec, v, make).map(Some),
            None => Ok(None),
        }
    }

    fn parse_row(&self) -> Result<Interview, ImportError> {
        let s = &self.source;
        let date_text = s.required(DATE, "a date (YYYY-MM-DD or DD/MM/YYYY)")?;
        let date = parse_date(date_text).ok_or_else(|| {
            s.error(
                DATE,
                ImportErrorKind::InvalidDate {
                    found: date_text.to_owned(),
                },
            )
        })?;
        let partner = self.id(PARTNER, s.required(PARTNER, "a partner id")?, |v| {
            PartnerId::new(v)
        })?;
        let patient = self.id(PATIENT, s.required(PATIENT, "a patient id")?, |v| {
            PatientId::new(v)
        })?;
        let modality_text = s.required(MODALITY, "a modality")?;
        let modality = Modality::parse_lenient(modality_text).map_err(|_| {
            s.error(
                MODALITY,
                ImportErrorKind::InvalidModality {
                    found: modality_text.to_owned(),
                },
            )
        })?;
        let duration_minutes = match s.get(DURATION)? {
            None => None,
            Some(v) => Some(v.parse::<u32>().map_err(|_| {
                s.error(
                    DURATION,
                    ImportErrorKind::InvalidNumber {
                        found: v.to_owned(),
                    },
                )
            })?),
        };
        Ok(Interview {
            id: self.optional_id(ID, |v| InterviewId::new(v))?,
            date,
            partner,
            patient,
            modality,
            referral: self.optional_id(REFERRAL, |v| ReferralId::new(v))?,
            duration_minutes,
            establishment: self.optional_id(ESTABLISHMENT, |v| EstablishmentId::new(v))?,
        })
    }
}

impl<R: Read> Iterator for InterviewCsvReader<R> {
    type Item = Result<Interview, ImportError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let result = match self.source.advance()? {
            Ok(()) => self.parse_row(),
            Err(e) => Err(e),
        };
        if result.is_err() {
            self.done = true;
        }
        Some(result)
    }
}

/// Reads a whole CSV interview log: every row, or the first error (nothing partial).
pub fn read_interviews_csv<R: Read>(input: R) -> Result<Vec<Interview>, ImportError> {
    InterviewCsvReader::new(input)?.collect()
}

/// Reads a CSV interview log from a string (see [`read_interviews_csv`]).
pub fn read_interviews_csv_str(text: &str) -> Result<Vec<Interview>, ImportError> {
    read_interviews_csv(text.as_bytes())
}
