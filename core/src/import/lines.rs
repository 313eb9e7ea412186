//! True line numbers for CSV records, whatever the line endings.
//!
//! The `csv` crate's `Position::line` lags one line behind with `\r\n` terminators
//! (BurntSushi/rust-csv#395), so lines are not taken from it. [`LineTracker`] sits between
//! the text and the CSV reader and records where every line break is (`\n`, `\r\n` or a lone
//! `\r`, inside quoted cells too); a record's line is then 1 + the breaks before its byte
//! offset, which the CSV reader does report right. Memory stays bounded: breaks are dropped
//! once records past them have been read, so only the reader's look-ahead is held.

use std::collections::VecDeque;
use std::io::{self, Read};

/// A reader that remembers the byte offsets of the line breaks it passes on.
pub(crate) struct LineTracker<R> {
    inner: R,
    /// Bytes passed on so far.
    offset: u64,
    /// Offsets and byte lengths (1, or 2 for `\r\n`) of the breaks not yet counted.
    breaks: VecDeque<(u64, u64)>,
    /// Breaks before the front of `breaks`.
    counted: u64,
    /// The offset just past the last break counted.
    last_end: u64,
    /// The last byte passed on was `\r` (a following `\n` belongs to the same break).
    after_cr: bool,
    /// The offset where the record being read starts (the last one asked for).
    record_start: u64,
    /// The most bytes one record may take (look-ahead included): beyond, reading fails
    /// with [`too_long`], so that one huge field is never held whole.
    max_record: u64,
}

/// The message of the I/O error raised for a record longer than the limit.
const TOO_LONG: &str = "patient-partner: record longer than the limit";

/// The record-too-long error.
pub(crate) fn too_long() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, TOO_LONG)
}

/// Whether `e` is the tracker's record-too-long error.
pub(crate) fn is_too_long(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::InvalidData && e.to_string() == TOO_LONG
}

/// Bytes the CSV reader may read ahead of the record it is parsing.
const LOOK_AHEAD: u64 = 1 << 17;

impl<R: Read> LineTracker<R> {
    pub(crate) fn new(inner: R, max_record: u64) -> Self {
        LineTracker {
            inner,
            record_start: 0,
            max_record,
            offset: 0,
            breaks: VecDeque::new(),
            counted: 0,
            last_end: 0,
            after_cr: false,
        }
    }

    /// The limit of one record, in bytes.
    pub(crate) fn limit(&self) -> u64 {
        self.max_record
    }

    /// Where the next record starts (after each record read): the limit counts from there.
    pub(crate) fn set_record_start(&mut self, offset: u64) {
        self.record_start = offset;
    }

    /// The 1-based line where the record being read starts (blank lines skipped).
    pub(crate) fn record_line(&mut self) -> u64 {
        self.content_line_at(self.record_start)
    }

    /// The underlying reader.
    pub(crate) fn get_ref(&self) -> &R {
        &self.inner
    }

    /// The 1-based line of the next byte to be passed on (the line where reading stopped).
    pub(crate) fn line_at_end(&mut self) -> u64 {
        self.line_at(self.offset)
    }

    /// The 1-based line of the byte at `offset`. Offsets asked for must not decrease.
    pub(crate) fn line_at(&mut self, offset: u64) -> u64 {
        while let Some(&(b, len)) = self.breaks.front() {
            if b >= offset {
                break;
            }
            self.breaks.pop_front();
            self.counted += 1;
            self.last_end = b + len;
        }
        self.counted + 1
    }

    /// The 1-based line of the first content at or after `offset`: blank lines there are
    /// skipped (the CSV reader reports a record after blank lines as starting at the first
    /// of them).
    pub(crate) fn content_line_at(&mut self, offset: u64) -> u64 {
        self.line_at(offset);
        // An offset inside a `\r\n` (on its `\n`) is past that break.
        let mut at = offset.max(self.last_end);
        while let Some(&(b, len)) = self.breaks.front() {
            if b != at {
                break;
            }
            at += len;
            self.breaks.pop_front();
            self.counted += 1;
            self.last_end = at;
        }
        self.counted + 1
    }
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.offset - self.record_start > self.max_record.saturating_add(LOOK_AHEAD) {
            return Err(too_long());
        }
        let n = self.inner.read(buf)?;
        let chunk = &buf[..n];
        for i in memchr::memchr2_iter(b'\n', b'\r', chunk) {
            let is_lf_after_cr = chunk[i] == b'\n'
                && if i == 0 {
                    self.after_cr
                } else {
                    chunk[i - 1] == b'\r'
                };
            if is_lf_after_cr {
                if let Some(last) = self.breaks.back_mut() {
                    last.1 = 2;
                }
            } else {
                self.breaks.push_back((self.offset + i as u64, 1));
            }
        }
        if n > 0 {
            self.after_cr = chunk[n - 1] == b'\r';
        }
        self.offset += n as u64;
        Ok(n)
    }
}

/// The line breaks inside `text` (`\n`, `\r\n` and a lone `\r` each count one).
pub(crate) fn breaks_in(text: &[u8]) -> u64 {
    let mut count = 0;
    let mut prev = 0u8;
    for &b in text {
        if b == b'\r' || (b == b'\n' && prev != b'\r') {
            count += 1;
        }
        prev = b;
    }
    count
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A reader that hands out one byte per call, so that every sequence straddles reads
    /// (also used by the decoder's tests).
    pub(crate) struct OneByte<'a>(pub(crate) &'a [u8]);
    impl Read for OneByte<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match self.0.split_first() {
                Some((b, rest)) if !buf.is_empty() => {
                    buf[0] = *b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn counts_lf_crlf_and_lone_cr() {
        let text = b"a\r\nb\nc\rd\r\n\r\ne";
        let mut t = LineTracker::new(&text[..], u64::MAX);
        let mut sink = Vec::new();
        t.read_to_end(&mut sink).unwrap();
        let e = text.iter().position(|&b| b == b'e').unwrap() as u64;
        let d = text.iter().position(|&b| b == b'd').unwrap() as u64;
        assert_eq!(t.line_at(0), 1);
        assert_eq!(t.line_at(d), 4);
        assert_eq!(t.line_at(e), 6);
    }

    #[test]
    fn a_crlf_split_across_reads_is_one_break() {
        let mut t = LineTracker::new(OneByte(b"a\r\nb\r\nc"), u64::MAX);
        let mut sink = Vec::new();
        t.read_to_end(&mut sink).unwrap();
        assert_eq!(t.line_at(6), 3);
    }

    #[test]
    fn breaks_in_text() {
        assert_eq!(breaks_in(b"a\nb\r\nc\rd"), 3);
        assert_eq!(breaks_in(b""), 0);
    }
}
