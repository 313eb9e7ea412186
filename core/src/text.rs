//! Small text helpers at the bottom of the crate (they import only the error context's
//! column letters): how values are quoted in error messages, and spreadsheet column letters.
//!
//! Error messages quote what they were given, but never whole: [`short`] keeps at most
//! [`QUOTE_CHARS`] characters (and adds `…`), so that a 200 MB field gives a short message.
//! Messages print the kept text with Rust's `{:?}`, which escapes control characters and NUL
//! (`"a\u{0}b"` prints as `"a\0b"`).
//!
//! ```
//! use patient_partner::text::{short, column_letters};
//! assert_eq!(short("fax"), "fax");
//! assert_eq!(short(&"x".repeat(500)).chars().count(), 81);
//! assert_eq!(column_letters(4), "D");
//! assert_eq!(column_letters(28), "AB");
//! ```

/// The most characters of a message taken from another reader (serde_json's, calamine's):
/// they may quote the input, so they are cut too.
pub const MESSAGE_CHARS: usize = 300;

/// A reader's message cut to [`MESSAGE_CHARS`] characters (with `…`), control characters
/// escaped.
///
/// ```
/// use patient_partner::text::short_message;
/// let m = format!("unknown variant `{}`, expected `phone`", "x".repeat(10_000));
/// assert!(short_message(&m).chars().count() <= 301);
/// assert_eq!(short_message("a\u{0}b"), "a\\u{0}b");
/// ```
pub fn short_message(message: &str) -> String {
    let escaped: String = message
        .chars()
        .take(MESSAGE_CHARS + 1)
        .flat_map(|c| {
            if c.is_control() && c != '\n' {
                c.escape_default().collect::<Vec<_>>()
            } else {
                vec![c]
            }
        })
        .collect();
    match escaped.char_indices().nth(MESSAGE_CHARS) {
        None => escaped,
        Some((cut, _)) => format!("{}…", &escaped[..cut]),
    }
}

pub use crate::located::{column_letters, short, QUOTE_CHARS};

/// `text` escaped for XHTML element content and attribute values (`&`, `<`, `>`, `"`, `'`);
/// control characters, which XHTML cannot hold, become spaces. Used by the notebook
/// previews and the FHIR narratives.
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_cuts_on_a_character_boundary() {
        let s = "é".repeat(100);
        let cut = short(&s);
        assert_eq!(cut.chars().count(), QUOTE_CHARS + 1);
        assert!(cut.ends_with('…'));
        assert_eq!(short(""), "");
    }
}
