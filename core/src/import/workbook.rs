//! Workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read with `calamine`.
//!
//! The sheet read is the first one, or the one named (exactly as the tab says; an unknown
//! name is `unknown_sheet`, listing the sheets). Its used range is read as a table: the first
//! non-blank row is the header. Cells become text before the columns' own rules apply:
//! - text cells as they are;
//! - date cells as `YYYY-MM-DD`; **date-time** cells keep their date part (a time of day
//!   alone, with no date, stays `HH:MM:SS` and is not a date);
//! - duration cells (`[h]:mm`) as whole minutes, so a `Durée` typed `0:45` is 45;
//! - numbers without a fractional part as whole numbers (`1042`, so ids and durations typed
//!   as numbers work); other numbers as written by Rust (`42.5`, refused as a duration);
//! - booleans `TRUE`/`FALSE`, error cells as their code (`#N/A`), both refused by any column.
//!
//! Errors name the sheet, the row as the spreadsheet numbers it and the column letter.

use std::io::Cursor;

use calamine::{Data, Range, Reader};

use super::error::{ImportError, ImportErrorKind};
use super::summary::FileFormat;
use super::table::Step;
use crate::text::short;
use crate::vocabulary::Vocabulary;

/// The rows of one sheet, converted to text one row at a time.
pub(crate) struct SheetRows {
    name: String,
    format: FileFormat,
    range: Range<Data>,
    /// 0-based index within the range of the next row to read.
    next: usize,
    /// Spreadsheet row number (1-based) of the range's first row, and 0-based column.
    first_row: u64,
    first_column: u64,
    /// The header row (spreadsheet number) and its texts, once found.
    header: Option<(u64, Vec<String>)>,
    /// The current row's cells as text.
    cells: Vec<String>,
}

fn workbook_error(format: FileFormat, e: impl std::fmt::Display) -> ImportError {
    ImportError::new(ImportErrorKind::InvalidWorkbook {
        format: format.wire_name().to_owned(),
        message: crate::text::short_message(&e.to_string()),
    })
}

fn pick<RS, W>(
    mut workbook: W,
    format: FileFormat,
    sheet: Option<&str>,
) -> Result<(String, Range<Data>), ImportError>
where
    RS: std::io::Read + std::io::Seek,
    W: Reader<RS>,
    W::Error: std::fmt::Display,
{
    let names = workbook.sheet_names();
    let name = match sheet {
        Some(wanted) => names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| {
                names
                    .iter()
                    .find(|n| n.trim().eq_ignore_ascii_case(wanted.trim()))
            })
            .cloned()
            .ok_or_else(|| {
                let available: Vec<String> =
                    names.iter().map(|n| format!("{:?}", short(n))).collect();
                ImportError::new(ImportErrorKind::UnknownSheet {
                    name: short(wanted),
                    available: available.join(", "),
                })
            })?,
        None => names
            .first()
            .cloned()
            .ok_or_else(|| ImportError::new(ImportErrorKind::EmptyFile))?,
    };
    let range = workbook
        .worksheet_range(&name)
        .map_err(|e| workbook_error(format, e).sheet(name.clone()))?;
    Ok((name, range))
}

type Picked = (String, Range<Data>);

/// Opens the workbook as a `W` (a bad one is `invalid_workbook`) and picks its sheet.
fn open_as<'a, W>(
    cursor: Cursor<&'a [u8]>,
    format: FileFormat,
    sheet: Option<&str>,
) -> Result<Picked, ImportError>
where
    W: Reader<Cursor<&'a [u8]>>,
    W::Error: std::fmt::Display,
{
    let workbook =
        calamine::open_workbook_from_rs::<W, _>(cursor).map_err(|e| workbook_error(format, e))?;
    pick(workbook, format, sheet)
}

/// Opens a ZIP workbook: `.xlsx` (and `.xlsm`), else `.xlsb`, else `.ods`; the error of
/// the `.xlsx` reader when it is none of them.
fn open_zip(
    cursor: Cursor<&[u8]>,
    sheet: Option<&str>,
) -> Result<(FileFormat, Picked), ImportError> {
    let xlsx_error = match calamine::open_workbook_from_rs::<calamine::Xlsx<_>, _>(cursor.clone()) {
        Ok(wb) => return Ok((FileFormat::Xlsx, pick(wb, FileFormat::Xlsx, sheet)?)),
        Err(e) => e,
    };
    if let Ok(wb) = calamine::open_workbook_from_rs::<calamine::Xlsb<_>, _>(cursor.clone()) {
        return Ok((FileFormat::Xlsb, pick(wb, FileFormat::Xlsb, sheet)?));
    }
    if let Ok(wb) = calamine::open_workbook_from_rs::<calamine::Ods<_>, _>(cursor) {
        return Ok((FileFormat::Ods, pick(wb, FileFormat::Ods, sheet)?));
    }
    Err(workbook_error(FileFormat::Xlsx, xlsx_error))
}

impl SheetRows {
    /// Opens the sheet `sheet` (the first when `None`) of the workbook in `bytes`.
    ///
    /// calamine can panic on malformed content (fuzzing found slice indexing in its OLE
    /// reader): the panic is caught here and becomes `invalid_workbook`, so that a bad file
    /// is a typed error, never a crash of the host. (This needs `panic = "unwind"`, the
    /// workspace's setting; the panic message still goes to the panic hook.)
    pub(crate) fn open(
        bytes: &[u8],
        format: FileFormat,
        sheet: Option<&str>,
    ) -> Result<Self, ImportError> {
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            Self::open_unguarded(bytes, format, sheet)
        }));
        caught.unwrap_or_else(|payload| {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(workbook_error(
                format,
                format!("malformed content (the workbook reader failed: {what})"),
            ))
        })
    }

    fn open_unguarded(
        bytes: &[u8],
        format: FileFormat,
        sheet: Option<&str>,
    ) -> Result<Self, ImportError> {
        if format == FileFormat::Xls {
            ole_header_fits(bytes).map_err(|why| workbook_error(format, why))?;
            biff_sheets_fit(bytes).map_err(|why| workbook_error(format, why))?;
        }
        let cursor = Cursor::new(bytes);
        let (format, (name, range)) = match format {
            FileFormat::Xls => (
                FileFormat::Xls,
                open_as::<calamine::Xls<_>>(cursor, FileFormat::Xls, sheet)?,
            ),
            FileFormat::Ods => (
                FileFormat::Ods,
                open_as::<calamine::Ods<_>>(cursor, FileFormat::Ods, sheet)?,
            ),
            _ => open_zip(cursor, sheet)?,
        };
        let (first_row, first_column) = range
            .start()
            .map_or((1, 0), |(r, c)| (u64::from(r) + 1, u64::from(c)));
        let mut rows = SheetRows {
            name,
            format,
            range,
            next: 0,
            first_row,
            first_column,
            header: None,
            cells: Vec::new(),
        };
        // The header: the first row that is not blank.
        while rows.next < rows.range.height() {
            rows.load(rows.next);
            rows.next += 1;
            if !rows.cells.iter().all(|c| c.trim().is_empty()) {
                let number = rows.first_row + rows.next as u64 - 1;
                rows.header = Some((number, std::mem::take(&mut rows.cells)));
                break;
            }
        }
        Ok(rows)
    }

    /// The sheet's name.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// The workbook's format.
    pub(crate) fn format(&self) -> FileFormat {
        self.format
    }

    /// The 0-based column of the range's first column (0 is `A`).
    pub(crate) fn first_column(&self) -> u64 {
        self.first_column
    }

    /// The header row's number and texts; `None` for an empty sheet.
    pub(crate) fn header(&self) -> Option<(u64, &[String])> {
        self.header.as_ref().map(|(n, h)| (*n, h.as_slice()))
    }

    /// Converts row `index` of the range into `cells`.
    fn load(&mut self, index: usize) {
        let width = self.range.width();
        self.cells.resize(width, String::new());
        for (j, cell) in self.cells.iter_mut().enumerate() {
            cell.clear();
            if let Some(value) = self.range.get((index, j)) {
                cell_text(value, cell);
            }
        }
    }

    /// Reads the next row.
    pub(crate) fn advance(&mut self) -> Step {
        if self.header.is_none() || self.next >= self.range.height() {
            return Step::End;
        }
        self.load(self.next);
        self.next += 1;
        let number = self.first_row + self.next as u64 - 1;
        if self.cells.iter().all(|c| c.trim().is_empty()) {
            Step::Blank(number)
        } else {
            Step::Row(number)
        }
    }

    /// The text of cell `pos` of the current row.
    pub(crate) fn cell(&self, pos: usize) -> &str {
        self.cells.get(pos).map_or("", String::as_str)
    }
}

/// Checks that the counts an OLE (`.xls`) header announces fit in the file, before calamine
/// allocates by them: fuzzing found a 4 KB file whose header made it ask for 6 GB. A valid
/// file cannot hold more FAT, mini-FAT or DIFAT sectors than it has sectors.
fn ole_header_fits(bytes: &[u8]) -> Result<(), String> {
    let u32_at = |at: usize| {
        bytes.get(at..at + 4).map_or(0, |b| {
            u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        })
    };
    let len = bytes.len() as u64;
    let sector: u64 = match bytes.get(30..32) {
        Some([0x0C, 0]) => 4096,
        _ => 512,
    };
    let sectors = len / sector + 1;
    for (name, at) in [("FAT", 44), ("mini FAT", 64), ("DIFAT", 72)] {
        let count = u32_at(at);
        if count > sectors {
            return Err(format!(
                "malformed content: the header announces {count} {name} sectors in a file of {len} bytes"
            ));
        }
    }
    // calamine 0.35 reserves a capacity read from bytes 62..66 (a mis-sliced DIFAT length):
    // bound it too (valid files give at most the mini-FAT length times 65,536).
    if u32_at(62) > (sectors << 16) | 0xFFFF {
        return Err(format!(
            "malformed content: an impossible DIFAT length in a file of {len} bytes"
        ));
    }
    Ok(())
}

/// The most cells a sheet's bounding box may span: Excel 97–2003's own limit, 65,536 rows
/// × 256 columns.
const MAX_XLS_CELLS: u64 = 65_536 * 256;

/// Checks that no sheet of a `.xls` spans more cells than the format allows, before
/// calamine allocates every sheet as a dense grid of its bounding box: fuzzing found a
/// 24 KB file with one cell at A1 and one at column 40,000, for which it asked 62 GB.
/// Scans the BIFF records of the `Workbook` stream for cell positions; a file this scan
/// cannot read is left to calamine (which then reports it).
fn biff_sheets_fit(bytes: &[u8]) -> Result<(), String> {
    use std::io::Read;
    let Ok(mut ole) = cfb::CompoundFile::open(Cursor::new(bytes)) else {
        return Ok(());
    };
    let mut stream = Vec::new();
    let read = ["/Workbook", "/Book"]
        .iter()
        .find_map(|name| ole.open_stream(name).ok())
        .map(|mut s| s.read_to_end(&mut stream));
    if !matches!(read, Some(Ok(_))) {
        return Ok(());
    }
    // (first row, last row, first column, last column) of the current sheet's cells.
    let mut bounds: Option<(u64, u64, u64, u64)> = None;
    let mut at = 0usize;
    while let Some(head) = stream.get(at..at + 4) {
        let kind = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + len).unwrap_or_default();
        at += 4 + len;
        let u16_at = |i: usize| {
            data.get(i..i + 2)
                .map(|b| u64::from(u16::from_le_bytes([b[0], b[1]])))
        };
        let cells: Option<(u64, u64, u64)> = match kind {
            // BOF: a new sheet (or the workbook globals) starts.
            0x0809 => {
                bounds = None;
                None
            }
            // DIMENSIONS: calamine reserves rows × columns cells from it, computed as it
            // does (`parse_dimensions`: 32-bit rows in BIFF8, columns reset past 255).
            0x0200 => {
                let u32_at = |i: usize| {
                    data.get(i..i + 4)
                        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                };
                let u16_32 = |i: usize| u16_at(i).map(|v| v as u32);
                let dims = match len {
                    10 => (u16_32(0), u16_32(2), u16_32(4), u16_32(6)),
                    14 => (u32_at(0), u32_at(4), u16_32(8), u16_32(10)),
                    _ => (None, None, None, None),
                };
                if let (Some(rf), Some(rl), Some(mut cf), Some(cl)) = dims {
                    if cf > 0xFF || cl < cf {
                        cf = 0;
                    }
                    let (rows, cols) = if rl >= 1 && cl >= 1 {
                        (
                            (rl - 1).wrapping_sub(rf).wrapping_add(1),
                            (cl - 1).wrapping_sub(cf).wrapping_add(1),
                        )
                    } else {
                        (1, 1)
                    };
                    let area = u64::from(rows) * u64::from(cols);
                    if area > MAX_XLS_CELLS {
                        return Err(format!(
                            "malformed content: a sheet's dimensions announce {area} cells, \
                             more than an Excel 97-2003 sheet can hold ({MAX_XLS_CELLS})"
                        ));
                    }
                }
                None
            }
            // NUMBER, RK, LABEL, LABELSST, FORMULA, BLANK, BOOLERR: one cell.
            0x0203 | 0x027E | 0x0204 | 0x00FD | 0x0006 | 0x0201 | 0x0205 => {
                match (u16_at(0), u16_at(2)) {
                    (Some(row), Some(col)) => Some((row, col, col)),
                    _ => None,
                }
            }
            // MULRK, MULBLANK: a run of cells, the last column in the record's last bytes.
            0x00BD | 0x00BE => match (u16_at(0), u16_at(2), u16_at(len.saturating_sub(2))) {
                (Some(row), Some(first), Some(last)) => Some((row, first, last.max(first))),
                _ => None,
            },
            _ => None,
        };
        if let Some((row, first, last)) = cells {
            let b = bounds.get_or_insert((row, row, first, last));
            *b = (b.0.min(row), b.1.max(row), b.2.min(first), b.3.max(last));
            let area = (b.1 - b.0 + 1) * (b.3 - b.2 + 1);
            if area > MAX_XLS_CELLS {
                return Err(format!(
                    "malformed content: a sheet spans {area} cells (rows {}..{}, columns {}..{}), \
                     more than an Excel 97-2003 sheet can hold ({MAX_XLS_CELLS})",
                    b.0 + 1,
                    b.1 + 1,
                    b.2 + 1,
                    b.3 + 1
                ));
            }
        }
    }
    Ok(())
}

/// Writes the text of a cell (see the [module](self)).
fn cell_text(value: &Data, out: &mut String) {
    use std::fmt::Write;
    match value {
        Data::Empty => {}
        Data::String(s) => out.push_str(s),
        Data::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Data::Float(f) => number_text(*f, out),
        Data::Bool(b) => out.push_str(if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(dt) => {
            if dt.is_duration() {
                match dt.as_duration() {
                    Some(d) if d.num_seconds() % 60 == 0 => {
                        let _ = write!(out, "{}", d.num_minutes());
                    }
                    _ => number_text(dt.as_f64(), out),
                }
            } else if dt.as_f64() < 1.0 {
                // A time of day alone: no date.
                match dt.as_datetime() {
                    Some(t) => {
                        let _ = write!(out, "{}", t.format("%H:%M:%S"));
                    }
                    None => number_text(dt.as_f64(), out),
                }
            } else {
                match dt.as_datetime() {
                    Some(t) if t.time() == chrono::NaiveTime::MIN => {
                        let _ = write!(out, "{}", t.format("%Y-%m-%d"));
                    }
                    Some(t) => {
                        let _ = write!(out, "{}", t.format("%Y-%m-%d %H:%M:%S"));
                    }
                    None => number_text(dt.as_f64(), out),
                }
            }
        }
        Data::DateTimeIso(s) => out.push_str(s),
        Data::DurationIso(s) => match iso_duration_minutes(s) {
            Some(m) => {
                let _ = write!(out, "{m}");
            }
            None => out.push_str(s),
        },
        Data::Error(e) => {
            let _ = write!(out, "{e}");
        }
    }
}

fn number_text(f: f64, out: &mut String) {
    use std::fmt::Write;
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        let _ = write!(out, "{}", f as i64);
    } else {
        let _ = write!(out, "{f}");
    }
}

/// Whole minutes of an ISO 8601 duration as OpenDocument writes it (`PT00H45M00S`).
fn iso_duration_minutes(s: &str) -> Option<u64> {
    let rest = s.strip_prefix("PT")?;
    let mut minutes = 0u64;
    let mut number = String::new();
    for c in rest.chars() {
        match c {
            '0'..='9' | '.' => number.push(c),
            'H' | 'M' | 'S' => {
                let v: f64 = number.parse().ok()?;
                number.clear();
                let m = match c {
                    'H' => v * 60.0,
                    'M' => v,
                    _ => v / 60.0,
                };
                if m.fract() != 0.0 || !(0.0..1e12).contains(&m) {
                    return None;
                }
                minutes = minutes.checked_add(m as u64)?;
            }
            _ => return None,
        }
    }
    number.is_empty().then_some(minutes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_durations() {
        assert_eq!(iso_duration_minutes("PT00H45M00S"), Some(45));
        assert_eq!(iso_duration_minutes("PT1H30M0S"), Some(90));
        assert_eq!(iso_duration_minutes("PT0H0M30S"), None);
        assert_eq!(iso_duration_minutes("P1D"), None);
        assert_eq!(
            iso_duration_minutes("PT200000000000000000H200000000000000000H"),
            None
        );
    }

    #[test]
    fn time_and_duration_cells_become_minutes_or_dates() {
        use calamine::{ExcelDateTime, ExcelDateTimeType};
        let text = |d: Data| {
            let mut s = String::new();
            cell_text(&d, &mut s);
            s
        };
        // 0:45 typed in a cell formatted h:mm (a time of day), and [h]:mm (a duration).
        let time = Data::DateTime(ExcelDateTime::new(
            0.03125,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(text(time), "00:45:00");
        assert_eq!(crate::import::fields::parse_minutes("00:45:00"), Some(45));
        let span = Data::DateTime(ExcelDateTime::new(
            0.0625,
            ExcelDateTimeType::TimeDelta,
            false,
        ));
        assert_eq!(text(span), "90");
        // 9 January 2023 14:30 keeps its date.
        let when = Data::DateTime(ExcelDateTime::new(
            44935.604166,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert!(text(when).starts_with("2023-01-09 14:2"));
        let day = Data::DateTime(ExcelDateTime::new(
            44935.0,
            ExcelDateTimeType::DateTime,
            false,
        ));
        assert_eq!(text(day), "2023-01-09");
    }

    #[test]
    fn numbers() {
        let mut s = String::new();
        number_text(1042.0, &mut s);
        assert_eq!(s, "1042");
        s.clear();
        number_text(42.5, &mut s);
        assert_eq!(s, "42.5");
    }
}
