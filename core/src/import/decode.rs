//! Text encodings of CSV files: what is detected, what can be asked for, and the decoding
//! stream that turns any of them into UTF-8 as the rows are read.
//!
//! Detection ([`ImportOptions::encoding`](super::ImportOptions) left unset):
//! - a byte order mark decides: `EF BB BF` UTF-8, `FF FE` UTF-16LE, `FE FF` UTF-16BE (Excel's
//!   "Texte Unicode" is UTF-16LE with a BOM);
//! - otherwise the file is read as UTF-8 **until its first non-ASCII byte**: if the rest of
//!   that byte's line (up to 64 KiB) is valid UTF-8 the file is UTF-8, otherwise it is
//!   Windows-1252 (what Excel writes for "CSV (séparateur : point-virgule)" on a French
//!   Windows). Both encodings agree on ASCII, so the bytes before were read right either
//!   way, and the decision needs no second pass over a large file. The decision looks at
//!   that line only, never at how the file happens to be read, so a log read in several
//!   byte ranges at once (`import/split.rs`) decides exactly as one read from the start. A
//!   UTF-8 file with an invalid byte further on is an `invalid_encoding` error naming its
//!   line, with a hint.
//!
//! An explicit encoding ([`TextEncoding::from_label`]: `utf-8`, `windows-1252` (also `cp1252`,
//! `latin1`, `iso-8859-1`, which the WHATWG Encoding Standard maps to it), `utf-16le`,
//! `utf-16be`, and the other labels of that standard) overrides detection; a BOM of that same
//! encoding is skipped. Decoding uses `encoding_rs`; bytes that are malformed in the chosen
//! encoding are an error, never replaced silently.

use std::io::{self, Read};

use encoding_rs::{DecoderResult, Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use super::error::{ImportError, ImportErrorKind};

/// A text encoding for CSV files (a thin handle on an `encoding_rs` encoding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextEncoding(&'static Encoding);

impl TextEncoding {
    /// UTF-8.
    pub const UTF_8: TextEncoding = TextEncoding(UTF_8);
    /// Windows-1252 (Western European; what "latin1" means in practice).
    pub const WINDOWS_1252: TextEncoding = TextEncoding(WINDOWS_1252);
    /// UTF-16, little-endian.
    pub const UTF_16LE: TextEncoding = TextEncoding(UTF_16LE);
    /// UTF-16, big-endian.
    pub const UTF_16BE: TextEncoding = TextEncoding(UTF_16BE);

    /// The encoding a label names, as the WHATWG Encoding Standard defines labels (case and
    /// surrounding spaces ignored): `utf-8`, `utf8`, `windows-1252`, `cp1252`, `latin1`,
    /// `iso-8859-1`, `utf-16le`, `utf-16be`, `iso-8859-15`… An unknown label is
    /// `unknown_encoding`.
    ///
    /// ```
    /// use patient_partner::import::TextEncoding;
    /// assert_eq!(TextEncoding::from_label("CP1252")?, TextEncoding::WINDOWS_1252);
    /// assert_eq!(TextEncoding::from_label("latin1")?.name(), "windows-1252");
    /// assert_eq!(TextEncoding::from_label("ebcdic").unwrap_err().code(), "unknown_encoding");
    /// # Ok::<(), patient_partner::Error>(())
    /// ```
    pub fn from_label(label: &str) -> Result<Self, ImportError> {
        let trimmed = label.trim();
        // "utf-16" alone means little-endian, as Windows writes it.
        let label =
            if trimmed.eq_ignore_ascii_case("utf-16") || trimmed.eq_ignore_ascii_case("utf16") {
                "utf-16le"
            } else {
                trimmed
            };
        Encoding::for_label(label.as_bytes())
            // The standard maps a few labels to the "replacement" encoding: not a real one.
            .filter(|e| *e != encoding_rs::REPLACEMENT)
            .map(TextEncoding)
            .ok_or_else(|| {
                ImportError::new(ImportErrorKind::UnknownEncoding {
                    found: crate::text::short(label),
                })
            })
    }

    /// The encoding's canonical name (`UTF-8`, `windows-1252`, `UTF-16LE`…).
    pub fn name(self) -> &'static str {
        self.0.name()
    }

    /// Whether a line feed byte (`0x0A`) is always a line feed in this encoding (UTF-8 and
    /// the single-byte encodings): a file in it can be cut at line feeds
    /// (`import/split.rs`). Not UTF-16, nor the multi-byte encodings of East Asia.
    pub(crate) fn cuts_at_line_feeds(self) -> bool {
        self.is_utf8() || self.0.is_single_byte()
    }

    fn is_utf8(self) -> bool {
        self.0 == UTF_8
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

enum Mode {
    /// Nothing but ASCII so far: not decided yet.
    Detect,
    /// UTF-8: bytes pass through (checked row by row by the CSV layer).
    Utf8,
    /// Decoded to UTF-8.
    Decode(encoding_rs::Decoder),
}

/// A stream of UTF-8 from a stream in any supported encoding.
pub(crate) struct DecodingReader<R> {
    inner: R,
    mode: Mode,
    encoding: Option<TextEncoding>,
    /// Raw bytes read from `inner` and not yet handed out / decoded.
    raw: Vec<u8>,
    start: usize,
    eof: bool,
    /// Decoded text not yet handed out, from `out_start`.
    out: Vec<u8>,
    out_start: usize,
    /// The decoder met malformed bytes: reported once the text before them is handed out.
    pending_malformed: bool,
    malformed: bool,
    /// The decoder was flushed (called with `last`): it must not be called again.
    finished: bool,
}

const CHUNK: usize = 1 << 16;

impl<R: Read> DecodingReader<R> {
    /// Wraps a stream that starts in the middle of a file, right after a line break (a byte
    /// range of `import/split.rs`): no byte order mark is looked for; `encoding` is the
    /// file's when it is known, `None` to detect it as [`DecodingReader::new`] does.
    pub(crate) fn mid_stream(inner: R, encoding: Option<TextEncoding>) -> Self {
        DecodingReader {
            inner,
            mode: Self::mode_of(encoding),
            encoding,
            raw: Vec::with_capacity(CHUNK),
            start: 0,
            eof: false,
            out: Vec::new(),
            out_start: 0,
            pending_malformed: false,
            malformed: false,
            finished: false,
        }
    }

    fn mode_of(encoding: Option<TextEncoding>) -> Mode {
        match encoding {
            None => Mode::Detect,
            Some(e) if e.is_utf8() => Mode::Utf8,
            Some(e) => Mode::Decode(e.0.new_decoder_without_bom_handling()),
        }
    }

    /// Wraps `inner`, sniffing its byte order mark; `encoding` overrides detection.
    pub(crate) fn new(mut inner: R, encoding: Option<TextEncoding>) -> io::Result<Self> {
        let mut raw = Vec::with_capacity(CHUNK);
        // Read enough for the BOM (up to 3 bytes; a short file may have fewer).
        let mut head = [0u8; 3];
        let mut n = 0;
        while n < 3 {
            let k = inner.read(&mut head[n..])?;
            if k == 0 {
                break;
            }
            n += k;
        }
        raw.extend_from_slice(&head[..n]);
        let bom = Encoding::for_bom(&raw);
        let (detected, skip) = match (encoding, bom) {
            (Some(given), Some((found, len))) if found == given.0 => (Some(given), len),
            (Some(given), _) => (Some(given), 0),
            (None, Some((found, len))) => (Some(TextEncoding(found)), len),
            (None, None) => (None, 0),
        };
        Ok(DecodingReader {
            inner,
            mode: Self::mode_of(detected),
            encoding: detected,
            raw,
            start: skip,
            eof: false,
            out: Vec::new(),
            out_start: 0,
            pending_malformed: false,
            malformed: false,
            finished: false,
        })
    }

    /// The encoding read with, once known (`None` while only ASCII has been seen).
    pub(crate) fn encoding(&self) -> Option<TextEncoding> {
        self.encoding
    }

    /// Refills `raw` when it is empty; returns false at the end of the input.
    fn fill(&mut self) -> io::Result<bool> {
        if self.start < self.raw.len() {
            return Ok(true);
        }
        if self.eof {
            return Ok(false);
        }
        self.raw.clear();
        self.start = 0;
        self.raw.resize(CHUNK, 0);
        let n = loop {
            match self.inner.read(&mut self.raw) {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                other => break other?,
            }
        };
        self.raw.truncate(n);
        if n == 0 {
            self.eof = true;
        }
        Ok(n > 0)
    }

    /// Makes sure at least `want` raw bytes are available from `start` (fewer at the end).
    fn ensure(&mut self, want: usize) -> io::Result<()> {
        while self.raw.len() - self.start < want && !self.eof {
            self.raw.drain(..self.start);
            self.start = 0;
            let old = self.raw.len();
            self.raw.resize(old + CHUNK, 0);
            let n = self.inner.read(&mut self.raw[old..])?;
            self.raw.truncate(old + n);
            if n == 0 {
                self.eof = true;
            }
        }
        Ok(())
    }

    /// Decides the encoding at the first non-ASCII byte, at `start + offset`: UTF-8 when the
    /// rest of its line (up to the line break, at most [`DECISION_WINDOW`] bytes, or the end
    /// of the input) is valid UTF-8, Windows-1252 otherwise. Looking further than one
    /// character matters: `É` followed by a no-break space in Windows-1252 happens to be a
    /// valid UTF-8 sequence. The window depends on the line only, not on how the input was
    /// read (one pass or byte ranges starting at line breaks): the decision is the same.
    fn decide(&mut self, offset: usize) -> io::Result<()> {
        let mut searched = 0;
        let (end, capped) = loop {
            let at = self.start + offset;
            let have = &self.raw[at..];
            if let Some(nl) = memchr::memchr(b'\n', &have[searched.min(have.len())..]) {
                break (at + searched + nl, false);
            }
            if have.len() >= DECISION_WINDOW {
                break (at + DECISION_WINDOW, true);
            }
            if self.eof {
                break (at + have.len(), false);
            }
            searched = have.len();
            self.ensure(offset + have.len() + 1)?;
        };
        let at = self.start + offset;
        let valid = match std::str::from_utf8(&self.raw[at..end]) {
            Ok(_) => true,
            // Only cut short by the window's cap (not by a line break or the end): valid so far.
            Err(e) => capped && e.error_len().is_none() && e.valid_up_to() > 0,
        };
        if valid {
            self.mode = Mode::Utf8;
            self.encoding = Some(TextEncoding::UTF_8);
        } else {
            self.mode = Mode::Decode(WINDOWS_1252.new_decoder_without_bom_handling());
            self.encoding = Some(TextEncoding::WINDOWS_1252);
        }
        Ok(())
    }
}

/// The most bytes from the first non-ASCII byte that decide a file's encoding.
const DECISION_WINDOW: usize = 1 << 16;

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            if self.malformed {
                return Err(io::Error::new(io::ErrorKind::InvalidData, MALFORMED));
            }
            if self.pending_malformed && self.out_start >= self.out.len() {
                self.malformed = true;
                continue;
            }
            let available = self.fill()?;
            match &mut self.mode {
                Mode::Detect => {
                    if !available {
                        return Ok(0);
                    }
                    let pending = &self.raw[self.start..];
                    let n = pending.len().min(out.len());
                    // The common case, checked a word at a time: all ASCII.
                    let ascii = if pending[..n].is_ascii() {
                        n
                    } else {
                        pending.iter().position(|b| !b.is_ascii()).unwrap_or(n)
                    };
                    if ascii == 0 {
                        self.decide(0)?;
                        continue;
                    }
                    let n = ascii.min(out.len());
                    out[..n].copy_from_slice(&pending[..n]);
                    self.start += n;
                    return Ok(n);
                }
                Mode::Utf8 => {
                    if !available {
                        return Ok(0);
                    }
                    let pending = &self.raw[self.start..];
                    let n = pending.len().min(out.len());
                    out[..n].copy_from_slice(&pending[..n]);
                    self.start += n;
                    return Ok(n);
                }
                Mode::Decode(decoder) => {
                    if self.out_start < self.out.len() {
                        let n = (self.out.len() - self.out_start).min(out.len());
                        out[..n].copy_from_slice(&self.out[self.out_start..self.out_start + n]);
                        self.out_start += n;
                        return Ok(n);
                    }
                    if self.finished {
                        return Ok(0);
                    }
                    let last = !available;
                    let input = &self.raw[self.start..];
                    let room = decoder
                        .max_utf8_buffer_length_without_replacement(input.len())
                        .unwrap_or(3 * CHUNK)
                        .max(16);
                    self.out.clear();
                    self.out.resize(room, 0);
                    self.out_start = 0;
                    let (result, read, written) =
                        decoder.decode_to_utf8_without_replacement(input, &mut self.out, last);
                    self.out.truncate(written);
                    self.start += read;
                    if matches!(result, DecoderResult::Malformed(_, _)) {
                        // What was decoded before the bad bytes is handed out first.
                        self.pending_malformed = true;
                    } else if last {
                        self.finished = true;
                    }
                    if written == 0 && self.pending_malformed {
                        self.malformed = true;
                    }
                }
            }
        }
    }
}

/// The message of the I/O error a decoder raises on malformed bytes (recognised by the CSV
/// layer, which turns it into `invalid_encoding` with the line).
pub(crate) const MALFORMED: &str = "patient-partner: malformed bytes for the encoding";

/// Whether `e` is the decoder's malformed-input error.
pub(crate) fn is_malformed(e: &io::Error) -> bool {
    e.kind() == io::ErrorKind::InvalidData && e.to_string() == MALFORMED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(bytes: &[u8], encoding: Option<TextEncoding>) -> (String, Option<TextEncoding>) {
        let mut r = DecodingReader::new(bytes, encoding).unwrap();
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        (out, r.encoding())
    }

    #[test]
    fn ascii_then_windows_1252_is_detected_at_the_first_accent() {
        let (text, enc) = decode(b"date;modalit\xe9\n", None);
        assert_eq!(text, "date;modalité\n");
        assert_eq!(enc, Some(TextEncoding::WINDOWS_1252));
    }

    #[test]
    fn utf8_is_kept_and_bom_removed() {
        let (text, enc) = decode("\u{feff}Modalité;Durée\n".as_bytes(), None);
        assert_eq!(text, "Modalité;Durée\n");
        assert_eq!(enc, Some(TextEncoding::UTF_8));
        let (text, enc) = decode("a;é".as_bytes(), None);
        assert_eq!((text.as_str(), enc), ("a;é", Some(TextEncoding::UTF_8)));
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Date\tModalité\r\n".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        let (text, enc) = decode(&bytes, None);
        assert_eq!(text, "Date\tModalité\r\n");
        assert_eq!(enc, Some(TextEncoding::UTF_16LE));
    }

    #[test]
    fn an_explicit_encoding_overrides_detection() {
        // Valid UTF-8 bytes for "é", read as Windows-1252 on purpose.
        let (text, _) = decode("é".as_bytes(), Some(TextEncoding::WINDOWS_1252));
        assert_eq!(text, "Ã©");
    }

    use crate::import::lines::tests::OneByte;

    fn decode_slowly(bytes: &[u8]) -> (String, Option<TextEncoding>) {
        let mut r = DecodingReader::new(OneByte(bytes), None).unwrap();
        let mut out = String::new();
        r.read_to_string(&mut out).unwrap();
        (out, r.encoding())
    }

    #[test]
    fn a_read_boundary_inside_a_sequence_still_decides_right() {
        let (text, enc) = decode_slowly("ab;é;c\n".as_bytes());
        assert_eq!(
            (text.as_str(), enc),
            ("ab;é;c\n", Some(TextEncoding::UTF_8))
        );
        let (text, enc) = decode_slowly(b"ab;\xe9;c\n");
        assert_eq!(
            (text.as_str(), enc),
            ("ab;é;c\n", Some(TextEncoding::WINDOWS_1252))
        );
        // A chunk boundary too: the accent is the first byte of the second chunk.
        let mut bytes = vec![b'a'; CHUNK + 2];
        bytes.extend("é".as_bytes());
        let (text, enc) = decode(&bytes, None);
        assert!(text.ends_with('é'));
        assert_eq!(enc, Some(TextEncoding::UTF_8));
    }

    #[test]
    fn windows_1252_that_looks_like_utf8_for_one_character_is_still_detected() {
        // "ANNULÉ\u{a0}: réf" in Windows-1252: C9 A0 is a valid UTF-8 sequence (U+0260),
        // the later E9 is not.
        let (text, enc) = decode(b"ANNUL\xc9\xa0: r\xe9f\n", None);
        assert_eq!(enc, Some(TextEncoding::WINDOWS_1252));
        assert_eq!(text, "ANNULÉ\u{a0}: réf\n");
    }

    #[test]
    fn malformed_utf16_is_an_error_not_a_replacement() {
        // A lone high surrogate.
        let bytes = [0xFF, 0xFE, 0x00, 0xD8, b'a', 0];
        let mut r = DecodingReader::new(&bytes[..], None).unwrap();
        let mut out = String::new();
        let err = r.read_to_string(&mut out).unwrap_err();
        assert!(is_malformed(&err));
    }
}
