//! The rows of a file, whatever its format: the machinery shared by every import.
//!
//! - **Format** from the content, never from a file name: a ZIP (`PK\3\4`: `.xlsx`, `.xlsm`,
//!   `.xlsb`, `.ods`) or OLE (`D0 CF 11 E0`: `.xls`) signature is a workbook, anything else
//!   delimited text ([`sniff_format`]).
//! - **CSV**: encoding detected or given ([`super::decode`]); separator `;`, `,` or tab,
//!   whichever the header line holds most of; fields may be quoted with `"` (a quoted field may
//!   hold separators and line breaks).
//! - **Workbooks** (`import/workbook.rs`): the first sheet, or the one named; cells converted to
//!   text (dates as `YYYY-MM-DD`, whole numbers without a decimal point).
//! - **Header**: the first row that is not blank. Each header is matched against the columns
//!   of the entity through the [aliases](super::aliases) and the user's mapping. A required
//!   column that is absent is `missing_column`; a column matched twice is `duplicate_column`;
//!   a header that matches nothing (a comments column…) is ignored and named in the
//!   [`ImportSummary`], or refused (`unknown_column`) with [`UnknownColumns::Refuse`].
//! - **Rows**: a row whose every cell is empty or blank is skipped and counted in the
//!   summary. Other rows must have as many fields as the header (`wrong_field_count`). Values
//!   are trimmed; an empty value is an absent optional value.
//! - **Positions**: CSV errors name the 1-based physical line of the file (LF, CRLF or CR
//!   line ends, line breaks inside quoted cells and blank lines all counted: see
//!   `import/lines.rs`) and the 1-based field position; workbook errors name the sheet, the row
//!   as the spreadsheet numbers it and the column (`sheet "Entretiens 2023", cell D17`). The
//!   `field` of an error is the canonical column name.

use std::io::{BufRead, BufReader, Chain, Cursor, Read};

use super::aliases::{normalize_header, Entity};
use super::decode::{is_malformed, DecodingReader};
use super::error::{ImportError, ImportErrorKind};
use super::lines::{breaks_in, LineTracker};
use super::options::{ImportOptions, UnknownColumns};
use super::summary::{ColumnMatch, FileFormat, IgnoredColumn, ImportSummary};
use crate::text::short;

/// One column a format knows.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ColumnSpec {
    /// Its canonical name.
    pub(crate) name: &'static str,
    /// Whether the header must hold it.
    pub(crate) required: bool,
}

/// The format announced by the first bytes of a file: a workbook by its signature, JSON by a
/// leading `[` or `{` (after a BOM and white space), CSV otherwise.
///
/// ```
/// use patient_partner::import::{sniff_format, FileFormat};
/// assert_eq!(sniff_format(b"PK\x03\x04rest"), FileFormat::Xlsx);
/// assert_eq!(sniff_format(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), FileFormat::Xls);
/// assert_eq!(sniff_format(b"\xEF\xBB\xBF [{\"date\": 1}]"), FileFormat::Json);
/// assert_eq!(sniff_format(b"date;partner"), FileFormat::Csv);
/// ```
pub fn sniff_format(head: &[u8]) -> FileFormat {
    const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    if head.starts_with(b"PK\x03\x04") {
        // An OpenDocument file stores its media type first, uncompressed.
        if head.get(30..38) == Some(b"mimetype")
            && head.windows(11).take(100).any(|w| w == b"spreadsheet")
        {
            return FileFormat::Ods;
        }
        return FileFormat::Xlsx;
    }
    if head.starts_with(OLE) {
        return FileFormat::Xls;
    }
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    match text.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'[') | Some(b'{') => FileFormat::Json,
        _ => FileFormat::Csv,
    }
}

/// An input whose first bytes were read to sniff its format, then put back in front.
pub(crate) type Head<R> = Chain<Cursor<Vec<u8>>, R>;

/// Reads the first bytes of `input` and tells its format; returns the input whole again.
pub(crate) fn sniff<R: Read>(mut input: R) -> Result<(FileFormat, Head<R>), ImportError> {
    let mut head = vec![0u8; 512];
    let mut n = 0;
    while n < head.len() {
        match input.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(io_error(&e)),
        }
    }
    head.truncate(n);
    Ok((sniff_format(&head), Cursor::new(head).chain(input)))
}

/// Reads a list of records of `entity` from any format: a JSON document with `json`, a
/// table row by row with `row`, each record then checked by `check` (its error is then
/// located at the row's line and sheet). All or nothing; the summary says what was left aside.
pub(crate) fn read_records<R: Read, T>(
    input: R,
    specs: &'static [ColumnSpec],
    entity: Entity,
    options: &ImportOptions,
    json: fn(&str) -> Result<Vec<T>, ImportError>,
    row: fn(&TableSource<R>) -> Result<T, ImportError>,
    check: fn(&T) -> Result<(), ImportError>,
) -> Result<super::summary::Imported<Vec<T>>, ImportError> {
    let (format, input) = sniff(input).map_err(|e| e.entity(entity.name()))?;
    if format == FileFormat::Json {
        let records = json(&read_json_text(input, entity)?)?;
        let summary = ImportSummary::of_json(records.len());
        return Ok(super::summary::Imported { records, summary });
    }
    let mut source = TableSource::open_sniffed(format, input, specs, entity, options)?;
    let mut records = Vec::new();
    while let Some(next) = source.advance() {
        next?;
        let record = row(&source)?;
        check(&record).map_err(|e| e.at_row(source.line(), source.summary().sheet.as_deref()))?;
        records.push(record);
    }
    Ok(super::summary::Imported {
        records,
        summary: source.summary().clone(),
    })
}

/// Reads a whole JSON document as UTF-8 text (a BOM is skipped).
pub(crate) fn read_json_text<R: Read>(mut input: R, entity: Entity) -> Result<String, ImportError> {
    let mut bytes = Vec::new();
    input
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(&e).entity(entity.name()))?;
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    String::from_utf8(bytes).map_err(|_| {
        ImportError::new(ImportErrorKind::InvalidEncoding {
            encoding: "UTF-8".to_owned(),
        })
        .entity(entity.name())
    })
}
type CsvInput<R> = LineTracker<Chain<Cursor<Vec<u8>>, BufReader<DecodingReader<Head<R>>>>>;

/// Where the rows come from.
enum Rows<R: Read> {
    Csv(CsvRows<R>),
    #[cfg(feature = "workbooks")]
    Sheet(super::workbook::SheetRows),
}

struct CsvRows<R: Read> {
    reader: csv::Reader<CsvInput<R>>,
    /// The current row, checked as UTF-8 once as a whole (then read field by field).
    /// (An `Option` so that taking it for the next read allocates nothing.)
    record: Option<csv::StringRecord>,
    /// Lines before the first line the CSV reader saw (blank lines above the header).
    line_offset: u64,
    encoding: &'static str,
    /// The most bytes a record read so far took.
    longest: u64,
}

impl<R: Read> CsvRows<R> {
    /// The 1-based line of byte `offset` of the CSV reader's input.
    fn line_at(&mut self, offset: u64) -> u64 {
        self.reader.get_mut().content_line_at(offset) + self.line_offset
    }
}

/// A file being read row by row, with its columns resolved.
pub(crate) struct TableSource<R: Read> {
    rows: Rows<R>,
    specs: &'static [ColumnSpec],
    /// For each spec, its 0-based position among the row's fields.
    positions: Vec<Option<usize>>,
    width: usize,
    /// The line (CSV) or spreadsheet row (workbook) of the current row.
    line: u64,
    entity: Entity,
    summary: ImportSummary,
}

pub(crate) fn io_error(e: &std::io::Error) -> ImportError {
    ImportError::new(ImportErrorKind::Io {
        message: crate::text::short_message(&e.to_string()),
    })
}

/// A row is blank when every cell is empty or white space (no-break spaces too).
fn is_blank<'a>(mut cells: impl Iterator<Item = &'a [u8]>) -> bool {
    cells.all(|c| {
        c.iter().all(u8::is_ascii_whitespace)
            || std::str::from_utf8(c).is_ok_and(|t| t.trim().is_empty())
    })
}

impl<R: Read> TableSource<R> {
    /// Opens an input whose format was sniffed (JSON is not a table: `invalid_json`).
    pub(crate) fn open_sniffed(
        format: FileFormat,
        mut input: Head<R>,
        specs: &'static [ColumnSpec],
        entity: Entity,
        options: &ImportOptions,
    ) -> Result<Self, ImportError> {
        match format {
            FileFormat::Xlsx | FileFormat::Xls | FileFormat::Ods | FileFormat::Xlsb => {
                let mut bytes = Vec::new();
                input
                    .read_to_end(&mut bytes)
                    .map_err(|e| io_error(&e).entity(entity.name()))?;
                Self::open_workbook(bytes, format, specs, entity, options)
            }
            FileFormat::Json => Err(ImportError::new(ImportErrorKind::InvalidJson {
                message: format!(
                    "a JSON document where a table of {} was expected (use the JSON reader)",
                    entity.name().to_lowercase()
                ),
            })
            .entity(entity.name())),
            // Never sniffed from bytes (a frame is handed over in memory): read as CSV.
            FileFormat::Csv | FileFormat::Frame => Self::open_csv(input, specs, entity, options),
        }
    }

    #[cfg(feature = "workbooks")]
    fn open_workbook(
        bytes: Vec<u8>,
        format: FileFormat,
        specs: &'static [ColumnSpec],
        entity: Entity,
        options: &ImportOptions,
    ) -> Result<Self, ImportError> {
        let sheet = super::workbook::SheetRows::open(&bytes, format, options.sheet_name())
            .map_err(|e| e.entity(entity.name()))?;
        drop(bytes);
        let mut summary = ImportSummary::new(sheet.format());
        summary.sheet = Some(sheet.name().to_owned());
        let Some((row, headers)) = sheet.header() else {
            return Err(ImportError::new(ImportErrorKind::EmptyFile)
                .entity(entity.name())
                .sheet(sheet.name()));
        };
        let place = Place::Sheet {
            name: sheet.name().to_owned(),
            row,
            first_column: sheet.first_column(),
        };
        let headers: Vec<String> = headers.to_vec();
        let width = headers.len();
        let positions = resolve(&headers, specs, entity, options, &place, &mut summary)?;
        Ok(TableSource {
            rows: Rows::Sheet(sheet),
            specs,
            positions,
            width,
            line: row,
            entity,
            summary,
        })
    }

    #[cfg(not(feature = "workbooks"))]
    fn open_workbook(
        _bytes: Vec<u8>,
        format: FileFormat,
        _specs: &'static [ColumnSpec],
        entity: Entity,
        _options: &ImportOptions,
    ) -> Result<Self, ImportError> {
        Err(ImportError::new(ImportErrorKind::WorkbooksDisabled {
            format: crate::Vocabulary::wire_name(&format).to_owned(),
        })
        .entity(entity.name()))
    }

    fn open_csv(
        input: Head<R>,
        specs: &'static [ColumnSpec],
        entity: Entity,
        options: &ImportOptions,
    ) -> Result<Self, ImportError> {
        let decoder = DecodingReader::new(input, options.encoding_choice())
            .map_err(|e| io_error(&e).entity(entity.name()))?;
        let mut buffered = BufReader::with_capacity(1 << 16, decoder);
        let mut first = Vec::new();
        let mut skipped: u64 = 0;
        let encoding_now = |b: &BufReader<DecodingReader<Head<R>>>| {
            b.get_ref().encoding().map_or("UTF-8", |e| e.name())
        };
        loop {
            first.clear();
            let n = match read_line(&mut buffered, &mut first, options.record_limit()) {
                Ok(n) => n,
                Err(e) if super::lines::is_too_long(&e) => {
                    return Err(ImportError::new(ImportErrorKind::RecordTooLong {
                        limit: options.record_limit(),
                    })
                    .entity(entity.name())
                    .line(skipped + 1))
                }
                Err(e) if is_malformed(&e) => {
                    return Err(ImportError::new(ImportErrorKind::InvalidEncoding {
                        encoding: encoding_now(&buffered).to_owned(),
                    })
                    .entity(entity.name())
                    .line(skipped + 1))
                }
                Err(e) => return Err(io_error(&e).entity(entity.name())),
            };
            if n == 0 {
                return Err(ImportError::new(ImportErrorKind::EmptyFile).entity(entity.name()));
            }
            // Blank lines, and lines of nothing but separators (empty rows above the table).
            if first
                .iter()
                .all(|b| b.is_ascii_whitespace() || matches!(b, b';' | b',' | b'\t'))
            {
                skipped += 1 + breaks_in(&first).saturating_sub(1);
                continue;
            }
            break;
        }
        let header_line = skipped + 1;
        let encoding = encoding_now(&buffered);
        let header_text = std::str::from_utf8(&first).map_err(|_| {
            ImportError::new(ImportErrorKind::InvalidEncoding {
                encoding: encoding.to_owned(),
            })
            .entity(entity.name())
            .line(header_line)
        })?;
        let delimiter = sniff_separator(header_text);
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(true)
            .flexible(true)
            .from_reader(LineTracker::new(
                Cursor::new(first).chain(buffered),
                options.record_limit(),
            ));
        let headers = match reader.byte_headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                let mut rows = CsvRows {
                    reader,
                    record: None,
                    line_offset: skipped,
                    encoding,
                    longest: 0,
                };
                return Err(csv_error(&e, entity, &mut rows));
            }
        };
        // The encoding is known once the header was read (unless it is all ASCII so far).
        let encoding = reader.get_ref().encoding_hint().unwrap_or(encoding);
        let mut names = Vec::with_capacity(headers.len());
        for (i, raw) in headers.iter().enumerate() {
            let name = std::str::from_utf8(raw).map_err(|_| {
                ImportError::new(ImportErrorKind::InvalidEncoding {
                    encoding: encoding.to_owned(),
                })
                .entity(entity.name())
                .line(header_line)
                .column(i as u64 + 1)
            })?;
            names.push(name.to_owned());
        }
        let mut summary = ImportSummary::new(FileFormat::Csv);
        summary.separator = Some(char::from(delimiter).to_string());
        summary.encoding = Some(encoding.to_owned());
        let place = Place::Csv { line: header_line };
        let positions = resolve(&names, specs, entity, options, &place, &mut summary)?;
        Ok(TableSource {
            rows: Rows::Csv(CsvRows {
                reader,
                record: None,
                line_offset: skipped,
                encoding,
                longest: 0,
            }),
            specs,
            positions,
            width: names.len(),
            line: header_line,
            entity,
            summary,
        })
    }

    /// How a CSV table is laid out, once its header is read: what a byte range of the same
    /// file needs to be read alone (`import/split.rs`). `None` for a workbook.
    pub(crate) fn csv_layout(&self) -> Option<CsvLayout> {
        match &self.rows {
            Rows::Csv(csv) => Some(CsvLayout {
                delimiter: self
                    .summary
                    .separator
                    .as_deref()
                    .and_then(|s| s.bytes().next())
                    .unwrap_or(b','),
                positions: self.positions.clone(),
                width: self.width,
                header_line: self.line,
                encoding: csv
                    .reader
                    .get_ref()
                    .get_ref()
                    .get_ref()
                    .1
                    .get_ref()
                    .encoding(),
                encoding_name: csv.encoding,
                specs: self.specs,
                entity: self.entity,
                summary: self.summary.clone(),
            }),
            #[cfg(feature = "workbooks")]
            Rows::Sheet(_) => None,
        }
    }

    /// Opens one byte range of a CSV file laid out as `layout` (the header read from the
    /// start of the same file). The range starts right after a line break; its lines are
    /// numbered from 1 (the caller adds the lines before it).
    pub(crate) fn open_range(input: R, layout: &CsvLayout, options: &ImportOptions) -> Self {
        let decoder =
            DecodingReader::mid_stream(Cursor::new(Vec::new()).chain(input), layout.encoding);
        let buffered = BufReader::with_capacity(1 << 16, decoder);
        let reader = csv::ReaderBuilder::new()
            .delimiter(layout.delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(LineTracker::new(
                Cursor::new(Vec::new()).chain(buffered),
                options.record_limit(),
            ));
        TableSource {
            rows: Rows::Csv(CsvRows {
                reader,
                record: None,
                line_offset: 0,
                encoding: layout.encoding_name,
                longest: 0,
            }),
            specs: layout.specs,
            positions: layout.positions.clone(),
            width: layout.width,
            line: 0,
            entity: layout.entity,
            summary: layout.summary.clone(),
        }
    }

    /// The line breaks read so far (after the last row: the lines of a CSV range).
    pub(crate) fn breaks_read(&mut self) -> u64 {
        match &mut self.rows {
            Rows::Csv(csv) => csv.reader.get_mut().line_at_end() - 1,
            #[cfg(feature = "workbooks")]
            Rows::Sheet(_) => 0,
        }
    }

    /// The most bytes one CSV record read so far took (0 for a workbook).
    pub(crate) fn longest_record(&self) -> u64 {
        match &self.rows {
            Rows::Csv(csv) => csv.longest,
            #[cfg(feature = "workbooks")]
            Rows::Sheet(_) => 0,
        }
    }

    /// The encoding a CSV file's decoder settled on, once it did (`None` while only ASCII
    /// was read, and for a workbook).
    pub(crate) fn decided_encoding(&self) -> Option<&'static str> {
        match &self.rows {
            Rows::Csv(csv) => csv.reader.get_ref().encoding_hint(),
            #[cfg(feature = "workbooks")]
            Rows::Sheet(_) => None,
        }
    }

    /// Reads the next row: `None` at the end, an error for a malformed row. Blank rows are
    /// skipped (and counted).
    pub(crate) fn advance(&mut self) -> Option<Result<(), ImportError>> {
        loop {
            let step = match &mut self.rows {
                Rows::Csv(csv) => Self::advance_csv(csv, self.entity, self.width),
                #[cfg(feature = "workbooks")]
                Rows::Sheet(sheet) => sheet.advance(),
            };
            match step {
                Step::End => {
                    // (The only kind of rows without the `workbooks` feature.)
                    #[allow(irrefutable_let_patterns)]
                    if let Rows::Csv(csv) = &self.rows {
                        // All ASCII is UTF-8 too.
                        let read_as = csv.reader.get_ref().encoding_hint().unwrap_or(csv.encoding);
                        self.summary.encoding = Some(read_as.to_owned());
                    }
                    return None;
                }
                Step::Error(e) => return Some(Err(e)),
                Step::Blank(line) => {
                    self.line = line;
                    self.summary.blank_row(line);
                }
                Step::Row(line) => {
                    self.line = line;
                    self.summary.rows += 1;
                    return Some(Ok(()));
                }
            }
        }
    }

    fn advance_csv(csv: &mut CsvRows<R>, entity: Entity, width: usize) -> Step {
        // Reuse the buffers of the previous row.
        let mut bytes = csv.record.take().unwrap_or_default().into_byte_record();
        let more = match csv.reader.read_byte_record(&mut bytes) {
            Ok(more) => more,
            Err(e) => return Step::Error(csv_error(&e, entity, csv)),
        };
        if !more {
            return Step::End;
        }
        let offset = bytes.position().map_or(0, csv::Position::byte);
        let line = csv.line_at(offset);
        let next = csv.reader.position().byte();
        csv.longest = csv.longest.max(next.saturating_sub(offset));
        csv.reader.get_mut().set_record_start(next);
        if is_blank(bytes.iter()) {
            csv.record = Some(csv::StringRecord::from_byte_record_lossy(bytes));
            return Step::Blank(line);
        }
        if bytes.len() != width {
            return Step::Error(
                ImportError::new(ImportErrorKind::WrongFieldCount {
                    expected: width as u64,
                    found: bytes.len() as u64,
                })
                .entity(entity.name())
                .line(line),
            );
        }
        match csv::StringRecord::from_byte_record(bytes) {
            Ok(record) => {
                csv.record = Some(record);
                Step::Row(line)
            }
            Err(e) => {
                let position = e.utf8_error().field();
                let bytes = e.into_byte_record();
                let before: u64 = bytes.iter().take(position).map(breaks_in).sum();
                let err = ImportError::new(ImportErrorKind::InvalidEncoding {
                    encoding: csv.encoding.to_owned(),
                })
                .entity(entity.name())
                .line(line + before)
                .column(position as u64 + 1);
                Step::Error(err)
            }
        }
    }

    /// The 1-based line (CSV) or spreadsheet row (workbook) of the current row.
    pub(crate) fn line(&self) -> u64 {
        self.line
    }

    /// What was read and skipped so far.
    pub(crate) fn summary(&self) -> &ImportSummary {
        &self.summary
    }

    /// The text of field `pos` of the current row.
    fn field(&self, pos: usize) -> &str {
        match &self.rows {
            Rows::Csv(csv) => csv
                .record
                .as_ref()
                .and_then(|r| r.get(pos))
                .unwrap_or_default(),
            #[cfg(feature = "workbooks")]
            Rows::Sheet(sheet) => sheet.cell(pos),
        }
    }

    /// An error about column `spec` of the current row.
    pub(crate) fn error(&self, spec: usize, kind: ImportErrorKind) -> ImportError {
        let pos = self.positions.get(spec).copied().flatten();
        let name = self.specs.get(spec).map_or("", |s| s.name);
        let err = ImportError::new(kind).entity(self.entity.name());
        match &self.rows {
            Rows::Csv(csv) => {
                // A quoted cell may span lines: name the line the field starts on.
                let before: u64 = pos.map_or(0, |p| {
                    csv.record
                        .iter()
                        .flatten()
                        .take(p)
                        .map(|f| breaks_in(f.as_bytes()))
                        .sum()
                });
                err.line(self.line + before)
                    .at(pos.map_or(0, |p| p as u64 + 1), name)
            }
            #[cfg(feature = "workbooks")]
            Rows::Sheet(sheet) => err
                .sheet(sheet.name())
                .line(self.line)
                .at(pos.map_or(0, |p| sheet.first_column() + p as u64 + 1), name),
        }
    }

    /// The trimmed value of column `spec` in the current row; `None` when the column is
    /// absent or the value empty.
    pub(crate) fn get(&self, spec: usize) -> Result<Option<&str>, ImportError> {
        let Some(pos) = self.positions.get(spec).copied().flatten() else {
            return Ok(None);
        };
        let text = self.field(pos).trim();
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

/// How a CSV file is laid out (its header read): what reading one of its byte ranges alone
/// needs ([`TableSource::csv_layout`], `import/split.rs`).
#[derive(Debug, Clone)]
pub(crate) struct CsvLayout {
    /// The separator byte.
    pub(crate) delimiter: u8,
    /// For each column spec, its 0-based position among the row's fields.
    pub(crate) positions: Vec<Option<usize>>,
    /// The header's number of fields.
    pub(crate) width: usize,
    /// The header's 1-based line (blank lines above it counted).
    pub(crate) header_line: u64,
    /// The encoding, when the header (or its byte order mark, or the options) decided it.
    pub(crate) encoding: Option<super::decode::TextEncoding>,
    /// The name errors and the summary give while the encoding is undecided.
    pub(crate) encoding_name: &'static str,
    pub(crate) specs: &'static [ColumnSpec],
    pub(crate) entity: Entity,
    /// The summary after the header (columns matched and ignored; no rows yet).
    pub(crate) summary: ImportSummary,
}

/// One step of reading rows.
pub(crate) enum Step {
    End,
    Error(ImportError),
    /// A blank row at this line / spreadsheet row.
    Blank(u64),
    /// A row at this line / spreadsheet row.
    Row(u64),
}

/// Where a header is, for its errors.
pub(crate) enum Place {
    Csv {
        line: u64,
    },
    /// The column names of a data frame (no line: errors name the column's position).
    Frame,
    #[cfg_attr(not(feature = "workbooks"), allow(dead_code))]
    Sheet {
        name: String,
        row: u64,
        first_column: u64,
    },
}

impl Place {
    fn error(&self, kind: ImportErrorKind, entity: Entity, index: Option<usize>) -> ImportError {
        let err = ImportError::new(kind).entity(entity.name());
        match self {
            Place::Frame => match index {
                Some(i) => err.column(i as u64 + 1),
                None => err,
            },
            Place::Csv { line } => {
                let err = err.line(*line);
                match index {
                    Some(i) => err.column(i as u64 + 1),
                    None => err,
                }
            }
            Place::Sheet {
                name,
                row,
                first_column,
            } => {
                let err = err.sheet(name.clone()).line(*row);
                match index {
                    Some(i) => err.column(first_column + i as u64 + 1),
                    None => err,
                }
            }
        }
    }

    fn column_number(&self, index: usize) -> u64 {
        match self {
            Place::Csv { .. } | Place::Frame => index as u64 + 1,
            Place::Sheet { first_column, .. } => first_column + index as u64 + 1,
        }
    }
}

/// Reads one line into `line`, with its end: `\n`, `\r\n` or a lone `\r` (old Mac files),
/// so that a file with CR line ends is not read whole to find its header.
fn read_line<B: BufRead>(input: &mut B, line: &mut Vec<u8>, limit: u64) -> std::io::Result<usize> {
    let mut n = 0;
    loop {
        if n as u64 > limit {
            return Err(super::lines::too_long());
        }
        let buf = match input.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            return Ok(n);
        }
        match memchr::memchr2(b'\n', b'\r', buf) {
            Some(i) => {
                let end = buf[i];
                line.extend_from_slice(&buf[..=i]);
                input.consume(i + 1);
                n += i + 1;
                if end == b'\r' {
                    // A CRLF split across two buffers stays one line end.
                    let next = loop {
                        match input.fill_buf() {
                            Ok(b) => break b.first().copied(),
                            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                            Err(e) => return Err(e),
                        }
                    };
                    if next == Some(b'\n') {
                        line.push(b'\n');
                        input.consume(1);
                        n += 1;
                    }
                }
                return Ok(n);
            }
            None => {
                let len = buf.len();
                line.extend_from_slice(buf);
                input.consume(len);
                n += len;
            }
        }
    }
}

/// The separator of a header line: `;`, tab or `,`, whichever it holds most of (`,` when it
/// holds none).
fn sniff_separator(header: &str) -> u8 {
    let count = |c: char| header.matches(c).count();
    let (semicolons, tabs, commas) = (count(';'), count('\t'), count(','));
    if semicolons > commas && semicolons >= tabs {
        b';'
    } else if tabs > commas && tabs > semicolons {
        b'\t'
    } else {
        b','
    }
}

/// Matches the headers with the columns of `entity`: returns, for each spec, its position.
pub(crate) fn resolve(
    headers: &[String],
    specs: &'static [ColumnSpec],
    entity: Entity,
    options: &ImportOptions,
    place: &Place,
    summary: &mut ImportSummary,
) -> Result<Vec<Option<usize>>, ImportError> {
    let aliases = options.alias_table();
    let mapping = options.column_mapping();
    for column in mapping.keys() {
        if !specs.iter().any(|s| s.name == column) {
            let names: Vec<&str> = specs.iter().map(|s| s.name).collect();
            return Err(ImportError::new(ImportErrorKind::InvalidAliases {
                message: format!(
                    "the column mapping names {:?}, which {} files do not have (columns: {})",
                    short(column),
                    entity.name().to_lowercase(),
                    names.join(", ")
                ),
            })
            .entity(entity.name()));
        }
    }
    let mapped: Vec<(String, &str)> = mapping
        .iter()
        .map(|(column, header)| (normalize_header(header), column.as_str()))
        .collect();
    let mut positions = vec![None; specs.len()];
    for (i, raw) in headers.iter().enumerate() {
        let key = normalize_header(raw);
        let by_user = mapped.iter().find(|(h, _)| *h == key).map(|(_, c)| *c);
        let column = by_user.or_else(|| {
            aliases
                .column_for(entity, raw)
                .filter(|c| !mapping.contains_key(*c))
        });
        let spec = column.and_then(|c| specs.iter().position(|s| s.name == c));
        let Some(s) = spec else {
            // A column without a header (a trailing separator, a stray cell widening the
            // sheet) is ignored and named even in strict mode: it names nothing to misspell.
            let unnamed = raw.trim().is_empty();
            if options.unknown_columns_policy() == UnknownColumns::Refuse && !unnamed {
                let expected = specs.iter().map(|s| s.name).collect::<Vec<_>>().join(", ");
                let shown = short(raw.trim());
                return Err(place
                    .error(
                        ImportErrorKind::UnknownColumn {
                            name: shown.clone(),
                            expected,
                        },
                        entity,
                        Some(i),
                    )
                    .field(shown));
            }
            summary.ignored_columns.push(IgnoredColumn {
                header: short(raw.trim()),
                column: place.column_number(i),
            });
            continue;
        };
        match positions.get_mut(s) {
            Some(Some(_)) => {
                return Err(place
                    .error(
                        ImportErrorKind::DuplicateColumn {
                            name: specs[s].name.to_owned(),
                        },
                        entity,
                        Some(i),
                    )
                    .field(specs[s].name))
            }
            Some(slot) => *slot = Some(i),
            None => {}
        }
        summary.columns.push(ColumnMatch {
            column: specs[s].name.to_owned(),
            header: short(raw.trim()),
        });
    }
    for (spec, pos) in specs.iter().zip(&positions) {
        if spec.required && pos.is_none() {
            let found: Vec<String> = headers
                .iter()
                .take(12)
                .map(|h| format!("{:?}", short(h.trim())))
                .collect();
            return Err(place
                .error(
                    ImportErrorKind::MissingColumn {
                        name: spec.name.to_owned(),
                        found: found.join(", "),
                    },
                    entity,
                    None,
                )
                .field(spec.name));
        }
    }
    Ok(positions)
}

fn csv_error<R: Read>(e: &csv::Error, entity: Entity, rows: &mut CsvRows<R>) -> ImportError {
    match e.kind() {
        csv::ErrorKind::Io(io) if super::lines::is_too_long(io) => {
            let line = rows.reader.get_mut().record_line() + rows.line_offset;
            ImportError::new(ImportErrorKind::RecordTooLong {
                limit: rows.reader.get_ref().limit(),
            })
            .entity(entity.name())
            .line(line)
        }
        csv::ErrorKind::Io(io) if is_malformed(io) => {
            // The decoder stopped right before the bad bytes: the tracker has seen every
            // line before them.
            let line = rows.reader.get_mut().line_at_end() + rows.line_offset;
            ImportError::new(ImportErrorKind::InvalidEncoding {
                encoding: rows
                    .reader
                    .get_ref()
                    .encoding_hint()
                    .unwrap_or(rows.encoding)
                    .to_owned(),
            })
            .entity(entity.name())
            .line(line)
        }
        csv::ErrorKind::Io(io) => io_error(io).entity(entity.name()),
        _ => {
            let err = ImportError::new(ImportErrorKind::MalformedCsv {
                message: crate::text::short_message(&e.to_string()),
            })
            .entity(entity.name());
            match e.position() {
                Some(p) => {
                    let line = rows.line_at(p.byte());
                    err.line(line)
                }
                None => err,
            }
        }
    }
}

impl<R: Read> LineTracker<Chain<Cursor<Vec<u8>>, BufReader<DecodingReader<Head<R>>>>> {
    /// The encoding the decoder settled on, if it did.
    fn encoding_hint(&self) -> Option<&'static str> {
        self.get_ref()
            .get_ref()
            .1
            .get_ref()
            .encoding()
            .map(super::decode::TextEncoding::name)
    }
}
