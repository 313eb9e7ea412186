//! One CSV log read in several byte ranges at once: where a log may be cut, and the checks
//! that make each range read exactly as one pass from the start would.
//!
//! A range starts right after a line feed and ends right after one; its lines are numbered
//! from 1 and shifted by the caller once the lines of the ranges before it are known. A cut
//! is only right if it falls **between two records**, never inside a quoted cell that holds
//! a line break. Finding that out for sure would mean reading the file from its start, so
//! each range is read as if its start were outside quotes, and [`QuoteWatch`] checks the
//! assumption as the bytes go by:
//! - outside quotes, a `"` may only open a cell (right after a separator or a line break);
//!   inside, a run of quotes is pairs of escaped quotes, plus one closing quote when the run
//!   is odd, and a closing quote must be followed by a separator, a line break or the end;
//! - on such files the CSV reader's quoting is exactly the parity of the quotes, so a range
//!   that **ends outside quotes** proves the next range starts between two records.
//!
//! A quote anywhere else (`5"` in an unquoted cell, text after a closing quote) makes the
//! parity unreliable: the caller then reads the log again in one range, as it does when two
//! ranges detected different encodings or a range ended inside quotes. Nothing read by a
//! failed attempt is kept. Only encodings in which a line feed byte is always a line feed
//! can be cut: UTF-8 and the single-byte encodings (Windows-1252…); UTF-16 is read in one
//! range, as are workbooks and JSON.

use std::cell::RefCell;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom};
use std::path::Path;

use super::table::CsvLayout;

/// A log that can be read from any byte, more than once: a file on disk or bytes in memory.
///
/// ```
/// use patient_partner::import::LogSource;
/// use std::io::Read;
/// let log = LogSource::Bytes(b"date,partner,patient,modality\n");
/// let mut text = String::new();
/// log.open()?.read_to_string(&mut text)?;
/// assert_eq!(log.len()?, 30);
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub enum LogSource<'a> {
    /// A regular file, opened once per range.
    File(&'a Path),
    /// The whole log in memory (standard input, a Python `bytes`, a buffer of a mobile app).
    Bytes(&'a [u8]),
}

impl<'a> LogSource<'a> {
    /// The whole log, from its first byte.
    pub fn open(&self) -> io::Result<Box<dyn Read + Send + 'a>> {
        Ok(match *self {
            LogSource::File(path) => Box::new(File::open(path)?),
            LogSource::Bytes(bytes) => Box::new(bytes),
        })
    }

    /// The size of the log in bytes.
    pub fn len(&self) -> io::Result<u64> {
        Ok(match *self {
            LogSource::File(path) => std::fs::metadata(path)?.len(),
            LogSource::Bytes(bytes) => bytes.len() as u64,
        })
    }

    /// Whether the log holds no byte.
    pub fn is_empty(&self) -> io::Result<bool> {
        Ok(self.len()? == 0)
    }

    /// The bytes `start..end` of the log.
    pub(crate) fn open_range(&self, start: u64, end: u64) -> io::Result<Box<dyn Read + Send + 'a>> {
        Ok(match *self {
            LogSource::File(path) => {
                let mut file = File::open(path)?;
                file.seek(SeekFrom::Start(start))?;
                Box::new(file.take(end.saturating_sub(start)))
            }
            LogSource::Bytes(bytes) => {
                let at = |o: u64| usize::try_from(o).map_or(bytes.len(), |o| o.min(bytes.len()));
                Box::new(&bytes[at(start)..at(end).max(at(start))])
            }
        })
    }
}

/// Bytes read at a time while looking for a line break.
const PROBE: usize = 1 << 16;

/// Cuts the rows of a log laid out as `layout` into at most `ranges` byte ranges of at least
/// `min_range` bytes each, each starting right after a line feed. `None` when the log
/// cannot or need not be cut: an encoding whose line feeds are not single bytes, a quote or
/// no line end in the lines up to the header, or too few bytes for two ranges.
pub(crate) fn plan(
    log: LogSource<'_>,
    layout: &CsvLayout,
    ranges: usize,
    min_range: u64,
) -> io::Result<Option<Vec<(u64, u64)>>> {
    if ranges < 2 || !layout.encoding.is_none_or(|e| e.cuts_at_line_feeds()) {
        return Ok(None);
    }
    let len = log.len()?;
    let Some(data_start) = after_header(log, layout.header_line, len)? else {
        return Ok(None);
    };
    let data = len - data_start;
    let wanted = (data / min_range.max(1)).min(ranges as u64);
    if wanted < 2 {
        return Ok(None);
    }
    let mut cuts = vec![data_start];
    for k in 1..wanted {
        let nominal = data_start + data / wanted * k;
        let next_nominal = data_start + data / wanted * (k + 1);
        let from = nominal.max(*cuts.last().unwrap_or(&data_start));
        if let Some(cut) = next_line(log, from, next_nominal.min(len))? {
            if cut > *cuts.last().unwrap_or(&data_start) && cut < len {
                cuts.push(cut);
            }
        }
    }
    if cuts.len() < 2 {
        return Ok(None);
    }
    cuts.push(len);
    Ok(Some(cuts.windows(2).map(|w| (w[0], w[1])).collect()))
}

/// The offset right after the `header_line`-th line break (`\n`, `\r\n` or a lone `\r`):
/// where the rows start. `None` when a quote comes before it (a header cell may then span
/// lines) or the file has no more lines.
fn after_header(log: LogSource<'_>, header_line: u64, len: u64) -> io::Result<Option<u64>> {
    let mut input = log.open()?;
    let mut buf = vec![0u8; PROBE];
    let mut offset = 0u64;
    let mut breaks = 0u64;
    // The header's line ends with a `\r`: the rows start after it, or after a `\n` next.
    let mut ended_by_cr = false;
    let mut prev = 0u8;
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => return Ok(None),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for (i, &b) in buf[..n].iter().enumerate() {
            let at = offset + i as u64;
            if ended_by_cr {
                let start = if b == b'\n' { at + 1 } else { at };
                return Ok(Some(start).filter(|&o| o < len));
            }
            match b {
                b'"' => return Ok(None),
                b'\n' if prev != b'\r' => breaks += 1,
                b'\r' => breaks += 1,
                _ => {}
            }
            if breaks == header_line {
                if b == b'\r' {
                    ended_by_cr = true;
                } else {
                    return Ok(Some(at + 1).filter(|&o| o < len));
                }
            }
            prev = b;
        }
        offset += n as u64;
    }
}

/// The offset right after the first line feed at or after `from`, if there is one before
/// `limit`.
fn next_line(log: LogSource<'_>, from: u64, limit: u64) -> io::Result<Option<u64>> {
    let mut input = log.open_range(from, limit)?;
    let mut buf = vec![0u8; PROBE];
    let mut offset = from;
    loop {
        let n = match input.read(&mut buf) {
            Ok(0) => return Ok(None),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if let Some(i) = memchr::memchr(b'\n', &buf[..n]) {
            return Ok(Some(offset + i as u64 + 1));
        }
        offset += n as u64;
    }
}

/// What [`QuoteWatch`] found in a range read as if it started outside quotes.
#[derive(Debug, Clone)]
pub(crate) struct QuoteState {
    delimiter: u8,
    /// Inside a quoted cell (an odd number of quotes since the range's start).
    inside: bool,
    /// The length of the run of quotes being read (it may go on in the next read).
    run: usize,
    /// The run began outside quotes at the start of a cell.
    opens_cell: bool,
    /// The last byte seen (a line feed before the first).
    prev: u8,
    /// Every quote so far was where the parity rule holds.
    reliable: bool,
    /// The range was read to its end.
    at_end: bool,
}

impl QuoteState {
    pub(crate) fn new(delimiter: u8) -> Self {
        QuoteState {
            delimiter,
            inside: false,
            run: 0,
            opens_cell: false,
            prev: b'\n',
            reliable: true,
            at_end: false,
        }
    }

    /// Whether every quote of the range was where the parity rule holds.
    #[cfg(test)]
    pub(crate) fn reliable(&self) -> bool {
        self.reliable
    }

    /// Whether the range ended between two records (read to its end: outside quotes).
    pub(crate) fn ends_between_records(&self) -> bool {
        self.reliable && !self.inside && self.run == 0
    }

    /// Whether the last record read may have been cut by the end of the range (the range
    /// was read to its end and ended inside quotes, or its quotes are unreliable): an error
    /// found in it may not be the error one pass would find.
    pub(crate) fn may_have_cut_a_record(&self) -> bool {
        !self.reliable || (self.at_end && !self.ends_between_records())
    }

    fn ends_cell(&self, next: Option<u8>) -> bool {
        next.is_none_or(|b| b == self.delimiter || b == b'\n' || b == b'\r')
    }

    fn begin_run(&mut self, before: u8) {
        if !self.inside {
            self.opens_cell = before == self.delimiter || before == b'\n' || before == b'\r';
        }
    }

    fn end_run(&mut self, next: Option<u8>) {
        let odd = self.run % 2 == 1;
        if self.inside {
            if odd {
                self.inside = false;
                if !self.ends_cell(next) {
                    self.reliable = false;
                }
            }
        } else if !self.opens_cell {
            self.reliable = false;
        } else if odd {
            self.inside = true;
        } else if !self.ends_cell(next) {
            self.reliable = false;
        }
        self.run = 0;
    }

    /// Takes in the next bytes of the range.
    fn feed(&mut self, bytes: &[u8]) {
        let Some(&last) = bytes.last() else {
            return;
        };
        let mut i = 0;
        if self.run > 0 {
            i = bytes.iter().take_while(|&&b| b == b'"').count();
            self.run += i;
            if i == bytes.len() {
                self.prev = b'"';
                return;
            }
            self.end_run(Some(bytes[i]));
        }
        while let Some(j) = memchr::memchr(b'"', &bytes[i..]) {
            let s = i + j;
            self.begin_run(if s > 0 { bytes[s - 1] } else { self.prev });
            let len = bytes[s..].iter().take_while(|&&b| b == b'"').count();
            self.run = len;
            i = s + len;
            if i == bytes.len() {
                self.prev = b'"';
                return;
            }
            self.end_run(Some(bytes[i]));
        }
        self.prev = last;
    }

    /// The range is read to its end.
    fn finish(&mut self) {
        self.at_end = true;
        if self.run > 0 {
            self.end_run(None);
        }
    }
}

/// Passes a range's bytes on while checking its quotes ([`QuoteState`]).
pub(crate) struct QuoteWatch<'s, R> {
    inner: R,
    state: &'s RefCell<QuoteState>,
}

impl<'s, R> QuoteWatch<'s, R> {
    pub(crate) fn new(inner: R, state: &'s RefCell<QuoteState>) -> Self {
        QuoteWatch { inner, state }
    }
}

impl<R: Read> Read for QuoteWatch<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let mut state = self.state.borrow_mut();
        if n == 0 && !buf.is_empty() {
            state.finish();
        } else {
            state.feed(&buf[..n]);
        }
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn watch(text: &str, chunk: usize) -> QuoteState {
        let mut state = QuoteState::new(b';');
        for piece in text.as_bytes().chunks(chunk) {
            state.feed(piece);
        }
        state.finish();
        state
    }

    #[test]
    fn well_quoted_cells_keep_the_parity_reliable() {
        for chunk in [1, 2, 3, 64] {
            let s = watch("a;\"b;c\";\"d\"\"e\"\n\"\";\"\"\"\"\n\"x\ny\";z\n", chunk);
            assert!(s.ends_between_records(), "chunk {chunk}");
        }
    }

    #[test]
    fn a_range_that_ends_inside_quotes_is_seen() {
        let s = watch("a;\"b\nc\n", 2);
        assert!(s.reliable());
        assert!(!s.ends_between_records());
    }

    #[test]
    fn stray_quotes_make_the_parity_unreliable() {
        for text in ["a;5\";b\n", "a;\"b\"c;d\n", "a; \"b\";c\n", "\"\"x;y\n"] {
            for chunk in [1, 2, 64] {
                assert!(!watch(text, chunk).reliable(), "{text:?} chunk {chunk}");
            }
        }
    }
}
