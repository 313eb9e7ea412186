//! The CSV machinery shared by every CSV import: encoding, separator, header, line numbers.
//!
//! - Encoding: UTF-8, with or without a byte order mark; other bytes are `invalid_encoding`
//!   (with the line and column where they occur).
//! - Separator: sniffed from the header line: `;` when it holds more semicolons than commas,
//!   `,` otherwise. Fields may be quoted with `"`.
//! - Header: the first non-blank line; names are matched ignoring case and surrounding white
//!   space. A required column that is absent is `missing_column`; a name the format does not
//!   know is `unknown_column` (rejected rather than ignored, so that a misspelt optional
//!   column is never silently dropped); a repeated name is `duplicate_column`.
//! - Rows: blank lines are skipped; every row must have as many fields as the header
//!   (`wrong_field_count`). Values are trimmed; an empty value is an absent optional value.
//! - Lines are 1-based lines of the file (the header is line 1 unless blank lines precede
//!   it); columns are 1-based field positions, and `field` is the header name.

use std::io::{BufRead, BufReader, Chain, Cursor, Read};

use super::error::{ImportError, ImportErrorKind};

/// One column a format knows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ColumnSpec {
    /// Its header name (lower case).
    pub(crate) name: &'static str,
    /// Whether the header must hold it.
    pub(crate) required: bool,
}

type Source<R> = Chain<Cursor<Vec<u8>>, BufReader<R>>;

/// A CSV file being read record by record, with its columns resolved.
pub(crate) struct CsvSource<R: Read> {
    reader: csv::Reader<Source<R>>,
    /// The current row, checked as UTF-8 once as a whole (then read field by field).
    record: csv::StringRecord,
    specs: &'static [ColumnSpec],
    /// For each spec, its 0-based position in the file's header.
    positions: Vec<Option<usize>>,
    width: usize,
    line_offset: u64,
    line: u64,
    entity: &'static str,
}

fn io_error(e: &std::io::Error) -> ImportError {
    ImportError::new(ImportErrorKind::Io {
        message: e.to_string(),
    })
}

impl<R: Read> CsvSource<R> {
    /// Opens `input` for the columns `specs`, reading and checking its header.
    pub(crate) fn open(
        input: R,
        specs: &'static [ColumnSpec],
        entity: &'static str,
    ) -> Result<Self, ImportError> {
        let mut buffered = BufReader::with_capacity(1 << 16, input);
        let mut first = Vec::new();
        let mut skipped: u64 = 0;
        loop {
            first.clear();
            let n = buffered
                .read_until(b'\n', &mut first)
                .map_err(|e| io_error(&e))?;
            if n == 0 {
                return Err(ImportError::new(ImportErrorKind::EmptyFile).entity(entity));
            }
            if skipped == 0 && first.starts_with(&[0xEF, 0xBB, 0xBF]) {
                first.drain(..3);
            }
            if first.iter().all(u8::is_ascii_whitespace) {
                skipped += 1;
                continue;
            }
            break;
        }
        let header_line = skipped + 1;
        let header_text = std::str::from_utf8(&first).map_err(|_| {
            ImportError::new(ImportErrorKind::InvalidEncoding)
                .entity(entity)
                .line(header_line)
        })?;
        let semicolons = header_text.matches(';').count();
        let commas = header_text.matches(',').count();
        let delimiter = if semicolons > commas { b';' } else { b',' };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(Cursor::new(first).chain(buffered));
        let headers = reader
            .byte_headers()
            .map_err(|e| csv_error(&e, entity, skipped))?
            .clone();
        let mut positions = vec![None; specs.len()];
        for (i, raw) in headers.iter().enumerate() {
            let column = i as u64 + 1;
            let name = std::str::from_utf8(raw)
                .map_err(|_| {
                    ImportError::new(ImportErrorKind::InvalidEncoding)
                        .entity(entity)
                        .line(header_line)
                        .column(column)
                })?
                .trim()
                .to_lowercase();
            let Some(s) = specs.iter().position(|s| s.name == name) else {
                let expected = specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ");
                return Err(ImportError::new(ImportErrorKind::UnknownColumn {
                    name: name.clone(),
                    expected,
                })
                .entity(entity)
                .line(header_line)
                .at(column, name));
            };
            match positions.get_mut(s) {
                Some(Some(_)) => {
                    return Err(ImportError::new(ImportErrorKind::DuplicateColumn {
                        name: name.clone(),
                    })
                    .entity(entity)
                    .line(header_line)
                    .at(column, name))
                }
                Some(slot) => *slot = Some(i),
                None => {}
            }
        }
        for (spec, pos) in specs.iter().zip(&positions) {
            if spec.required && pos.is_none() {
                return Err(ImportError::new(ImportErrorKind::MissingColumn {
                    name: spec.name.to_owned(),
                })
                .entity(entity)
                .line(header_line)
                .field(spec.name));
            }
        }
        Ok(CsvSource {
            reader,
            record: csv::StringRecord::new(),
            specs,
            positions,
            width: headers.len(),
            line_offset: skipped,
            line: header_line,
            entity,
        })
    }

    /// Reads the next row: `None` at the end, an error for a malformed row.
    pub(crate) fn advance(&mut self) -> Option<Result<(), ImportError>> {
        // Reuse the buffers of the previous row.
        let mut bytes = std::mem::take(&mut self.record).into_byte_record();
        match self.reader.read_byte_record(&mut bytes) {
            Ok(false) => None,
            Err(e) => Some(Err(csv_error(&e, self.entity, self.line_offset))),
            Ok(true) => {
                self.line = bytes
                    .position()
                    .map_or(self.line + 1, |p| p.line() + self.line_offset);
                if bytes.len() != self.width {
                    return Some(Err(ImportError::new(ImportErrorKind::WrongFieldCount {
                        expected: self.width as u64,
                        found: bytes.len() as u64,
                    })
                    .entity(self.entity)
                    .line(self.line)));
                }
                match csv::StringRecord::from_byte_record(bytes) {
                    Ok(record) => {
                        self.record = record;
                        Some(Ok(()))
                    }
                    Err(e) => {
                        let position = e.utf8_error().field();
                        let spec = self.positions.iter().position(|p| *p == Some(position));
                        let err = match spec {
                            Some(spec) => self.error(spec, ImportErrorKind::InvalidEncoding),
                            None => ImportError::new(ImportErrorKind::InvalidEncoding)
                                .entity(self.entity)
                                .line(self.line)
                                .column(position as u64 + 1),
                        };
                        Some(Err(err))
                    }
                }
            }
        }
    }

    /// The 1-based line of the current row.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// An error about column `spec` of the current row.
    pub(crate) fn error(&self, spec: usize, kind: ImportErrorKind) -> ImportError {
        let column = self
            .positions
            .get(spec)
            .copied()
            .flatten()
            .map_or(0, |p| p as u64 + 1);
        let name = self.specs.get(spec).map_or("", |s| s.name);
        ImportError::new(kind)
            .entity(self.entity)
            .line(self.line)
            .at(column, name)
    }

    /// The trimmed value of column `spec` in the current row; `None` when the column is
    /// absent or the value empty.
    pub(crate) fn get(&self, spec: usize) -> Result<Option<&str>, ImportError> {
        let Some(pos) = self.positions.get(spec).copied().flatten() else {
            return Ok(None);
        };
        let text = self.record.get(pos).unwrap_or_default().trim();
        Ok((!text.is_empty()).then_some(text))
    }

    /// The value of a required column; `missing_value` when empty.
    pub(crate) fn required(&self, spec: usize, expected: &str) -> Result<&str, ImportError> {
        self.get(spec)?.ok_or_else(|| {
            self.error(
                spec,
                ImportErrorKind::MissingValue {
                    expected: expected.to_owned(),
                },
            )
        })
    }
}

fn csv_error(e: &csv::Error, entity: &'static str, offset: u64) -> ImportError {
    let line = e.position().map(|p| p.line() + offset);
    let err = match e.kind() {
        csv::ErrorKind::Io(io) => io_error(io),
        csv::ErrorKind::Utf8 { .. } => ImportError::new(ImportErrorKind::InvalidEncoding),
        _ => ImportError::new(ImportErrorKind::MalformedCsv {
            message: e.to_string(),
        }),
    }
    .entity(entity);
    match line {
        Some(l) => err.line(l),
        None => err,
    }
}
