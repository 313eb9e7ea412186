//! The bottom of every error: *where* something went wrong ([`ErrorContext`]), and the one
//! error type every module uses ([`Located`]), a *what* (the module's kind enum) with that
//! context. This file imports nothing of the crate.
//!
//! Each module declares its kind enum (`ReferralErrorKind`, `ImportErrorKind`…), with a
//! stable snake_case [`ErrorKind::code`], and names its error
//! `pub type ReferralError = Located<ReferralErrorKind>;`. Every module error therefore has
//! the same accessors ([`Located::kind`], [`Located::code`], [`Located::context`]) and the
//! same message shape: where, then what.
//!
//! ```
//! use patient_partner::{PatientId, ids::IdErrorKind};
//! let err = PatientId::new("   ").unwrap_err();
//! assert_eq!(err.kind(), &IdErrorKind::Empty);
//! assert_eq!(err.code(), "empty_id");
//! assert_eq!(err.context().entity.as_deref(), Some("PatientId"));
//! assert_eq!(err.to_string(), "PatientId: must not be empty");
//! ```

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where an error happened: every field is optional, filled when known.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorContext {
    /// The entity concerned (a referral id, a post id, a partner id, an identifier type…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    /// The field concerned (`date`, `modality`, `fte`…).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// For file input: the 1-based line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// For file input: the 1-based column (field position for CSV, column number for a
    /// workbook: 4 is column `D`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<u64>,
    /// For workbooks: the sheet. `line` is then the row as the spreadsheet numbers it and
    /// [`ErrorContext::cell`] gives the cell's name (`D17`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// For data frames: the 0-based position of the row (as `df.iloc[row]`), counted over
    /// every batch of the frame. `column` is then the 1-based position of the frame's column.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// For data frames with an index (pandas): the row's index label, as the caller gave it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row_label: Option<String>,
}

impl ErrorContext {
    /// The spreadsheet name of the cell (`D17`) when the error is in a workbook and both
    /// row and column are known.
    ///
    /// ```
    /// let ctx = patient_partner::ErrorContext {
    ///     sheet: Some("Entretiens 2023".into()), line: Some(17), column: Some(4),
    ///     ..Default::default()
    /// };
    /// assert_eq!(ctx.cell().as_deref(), Some("D17"));
    /// ```
    pub fn cell(&self) -> Option<String> {
        self.sheet.as_ref()?;
        Some(format!("{}{}", column_letters(self.column?), self.line?))
    }

    /// Where in a file, for messages: `line 4` (CSV) or `sheet "Entretiens 2023", row 17`
    /// (workbooks); `None` when the error is not about a line of a file.
    ///
    /// ```
    /// let ctx = patient_partner::ErrorContext { line: Some(4), ..Default::default() };
    /// assert_eq!(ctx.place().as_deref(), Some("line 4"));
    /// ```
    pub fn place(&self) -> Option<String> {
        let line = self.line?;
        Some(match &self.sheet {
            Some(sheet) => format!("sheet {sheet:?}, row {line}"),
            None => format!("line {line}"),
        })
    }

    /// The whole context as one phrase, the prefix of every error message: the place in
    /// the file (`line 4, column 4`, or `sheet "S", cell D17`) or else the entity, then the
    /// field in parentheses (`field x` alone); `None` when nothing is known.
    ///
    /// ```
    /// use patient_partner::ErrorContext;
    /// let csv = ErrorContext { line: Some(4), column: Some(4), field: Some("modality".into()),
    ///     ..Default::default() };
    /// assert_eq!(csv.describe().as_deref(), Some("line 4, column 4 (modality)"));
    /// let sheet = ErrorContext { sheet: Some("Log".into()), line: Some(17), column: Some(4),
    ///     ..Default::default() };
    /// assert_eq!(sheet.describe().as_deref(), Some("sheet \"Log\", cell D17"));
    /// let doc = ErrorContext { entity: Some("R-001".into()), field: Some("date".into()),
    ///     ..Default::default() };
    /// assert_eq!(doc.describe().as_deref(), Some("R-001 (date)"));
    /// let field = ErrorContext { field: Some("fte".into()), ..Default::default() };
    /// assert_eq!(field.describe().as_deref(), Some("field fte"));
    /// let frame = ErrorContext { row: Some(16), row_label: Some("r17".into()), column: Some(4),
    ///     field: Some("modality".into()), ..Default::default() };
    /// assert_eq!(frame.describe().as_deref(),
    ///     Some("frame row 16 (index \"r17\"), column 4 (modality)"));
    /// assert_eq!(ErrorContext::default().describe(), None);
    /// ```
    pub fn describe(&self) -> Option<String> {
        self.describe_in(&ENGLISH)
    }

    /// The same phrase in French (`ligne 4, colonne 4 (modality)`, `feuille « Log », cellule
    /// D17`, `ligne 16 du tableau (index « r17 »)`, `champ fte`): field names stay the wire
    /// names the user's file or document used.
    ///
    /// ```
    /// use patient_partner::ErrorContext;
    /// let csv = ErrorContext { line: Some(4), column: Some(4), field: Some("modality".into()),
    ///     ..Default::default() };
    /// assert_eq!(csv.describe_fr().as_deref(), Some("ligne 4, colonne 4 (modality)"));
    /// let sheet = ErrorContext { sheet: Some("Log".into()), line: Some(17), column: Some(4),
    ///     ..Default::default() };
    /// assert_eq!(sheet.describe_fr().as_deref(), Some("feuille « Log », cellule D17"));
    /// let field = ErrorContext { field: Some("fte".into()), ..Default::default() };
    /// assert_eq!(field.describe_fr().as_deref(), Some("champ fte"));
    /// ```
    pub fn describe_fr(&self) -> Option<String> {
        self.describe_in(&FRENCH)
    }

    fn describe_in(&self, w: &Words) -> Option<String> {
        let mut parts: Vec<String> = Vec::new();
        if let (None, None, Some(row)) = (&self.sheet, self.line, self.row) {
            match &self.row_label {
                Some(label) => parts.push(format!(
                    "{} (index {})",
                    (w.frame_row)(row),
                    (w.quote)(label)
                )),
                None => parts.push((w.frame_row)(row)),
            }
            if let Some(column) = self.column {
                parts.push(format!("{} {column}", w.column));
            }
        } else if let Some(sheet) = &self.sheet {
            parts.push(format!("{} {}", w.sheet, (w.quote)(sheet)));
            match (self.cell(), self.line, self.column) {
                (Some(cell), _, _) => parts.push(format!("{} {cell}", w.cell)),
                (None, Some(row), None) => parts.push(format!("{} {row}", w.row)),
                (None, None, Some(column)) => {
                    parts.push(format!("{} {}", w.column, column_letters(column)))
                }
                _ => {}
            }
        } else {
            if let Some(line) = self.line {
                parts.push(format!("{} {line}", w.line));
            }
            if let Some(column) = self.column {
                parts.push(format!("{} {column}", w.column));
            }
        }
        // The place in a file says enough; the entity names things otherwise.
        if let (true, Some(entity)) = (parts.is_empty(), &self.entity) {
            parts.push(entity.clone());
        }
        let head = parts.join(", ");
        match (&self.field, head.is_empty()) {
            (None, true) => None,
            (None, false) => Some(head),
            (Some(field), true) => Some(format!("{} {field}", w.field)),
            (Some(field), false) => Some(format!("{head} ({field})")),
        }
    }
}

/// The words of [`ErrorContext::describe_in`] in one language.
struct Words {
    line: &'static str,
    column: &'static str,
    sheet: &'static str,
    cell: &'static str,
    row: &'static str,
    field: &'static str,
    frame_row: fn(u64) -> String,
    quote: fn(&str) -> String,
}

const ENGLISH: Words = Words {
    line: "line",
    column: "column",
    sheet: "sheet",
    cell: "cell",
    row: "row",
    field: "field",
    frame_row: |row| format!("frame row {row}"),
    quote: |text| format!("{text:?}"),
};

const FRENCH: Words = Words {
    line: "ligne",
    column: "colonne",
    sheet: "feuille",
    cell: "cellule",
    row: "ligne",
    field: "champ",
    frame_row: |row| format!("ligne {row} du tableau"),
    quote: |text| format!("« {text} »"),
};

/// The most characters of a value quoted in a message.
pub const QUOTE_CHARS: usize = 80;

/// `value` cut to [`QUOTE_CHARS`] characters, with `…` when it was longer.
pub fn short(value: &str) -> String {
    match value.char_indices().nth(QUOTE_CHARS) {
        None => value.to_owned(),
        Some((cut, _)) => {
            let mut s = value[..cut].to_owned();
            s.push('…');
            s
        }
    }
}

/// The spreadsheet letters of the 1-based column `n` (`1` → `A`, `27` → `AA`); `?` for 0.
pub fn column_letters(n: u64) -> String {
    if n == 0 {
        return "?".to_owned();
    }
    let mut n = n;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// What a module's kind enum provides: an English message (`Display`) and a stable code.
pub trait ErrorKind: fmt::Debug + fmt::Display {
    /// The stable snake_case code of this kind (`empty_id`, `invalid_transition`…): the
    /// `kind` the conformance vectors expect, identical in every binding.
    fn code(&self) -> &'static str;
}

/// An error of one module: what went wrong (`K`, the module's kind enum) and where
/// ([`ErrorContext`]).
///
/// Its message names the place first, then the fault:
/// `line 4, column 4 (modality): invalid modality "fax": expected one of …`.
#[derive(Clone, PartialEq, Eq)]
pub struct Located<K> {
    // Boxed: errors travel through `Result`s on hot paths, keep them one pointer wide.
    inner: Box<(K, ErrorContext)>,
}

impl<K> Located<K> {
    /// An error of `kind` with an empty context.
    pub(crate) fn new(kind: K) -> Self {
        Located {
            inner: Box::new((kind, ErrorContext::default())),
        }
    }
    /// An error of `kind` with this context.
    pub(crate) fn with_context(kind: K, context: ErrorContext) -> Self {
        Located {
            inner: Box::new((kind, context)),
        }
    }
    /// Sets the entity.
    pub(crate) fn entity(mut self, entity: impl Into<String>) -> Self {
        self.inner.1.entity = Some(entity.into());
        self
    }
    /// Sets the field.
    pub(crate) fn field(mut self, field: impl Into<String>) -> Self {
        self.inner.1.field = Some(field.into());
        self
    }
    /// Sets the line.
    pub(crate) fn line(mut self, line: u64) -> Self {
        self.inner.1.line = Some(line);
        self
    }
    /// Sets the column.
    pub(crate) fn column(mut self, column: u64) -> Self {
        self.inner.1.column = Some(column);
        self
    }
    /// Sets the column and the field.
    pub(crate) fn at(self, column: u64, field: impl Into<String>) -> Self {
        self.column(column).field(field)
    }
    /// Sets the sheet (workbooks).
    pub(crate) fn sheet(mut self, sheet: impl Into<String>) -> Self {
        self.inner.1.sheet = Some(sheet.into());
        self
    }
    /// Sets the 0-based row of a data frame.
    pub(crate) fn frame_row(mut self, row: u64) -> Self {
        self.inner.1.row = Some(row);
        self
    }
    /// Locates the error at a row of a file: its line, and its sheet for workbooks.
    pub(crate) fn at_row(mut self, line: u64, sheet: Option<&str>) -> Self {
        self.inner.1.line = Some(line);
        self.inner.1.sheet = sheet.map(str::to_owned);
        self
    }
    /// Sets line and column from a JSON reader's error (when it points at a place).
    pub(crate) fn at_json(self, e: &serde_json::Error) -> Self {
        if e.line() > 0 {
            self.line(e.line() as u64).column(e.column() as u64)
        } else {
            self
        }
    }
    /// The context, to refine it (a section's index prefixed to the field…).
    pub(crate) fn context_mut(&mut self) -> &mut ErrorContext {
        &mut self.inner.1
    }
    /// The same place with another kind: how a module wraps the error of a module below
    /// (`JournalErrorKind::Referral`, `ImportErrorKind::Activity`…).
    pub(crate) fn map_kind<L>(self, wrap: impl FnOnce(K) -> L) -> Located<L> {
        let (kind, context) = *self.inner;
        Located::with_context(wrap(kind), context)
    }

    /// Names the row of a data frame by the caller's index label (a pandas index value),
    /// shown in the message next to the row's position. Only the caller knows the index:
    /// the bindings add it to an error the core located at [`ErrorContext::row`]. The
    /// label is quoted short and escaped like every value in a message.
    pub fn with_row_label(mut self, label: &str) -> Self {
        self.inner.1.row_label = Some(short(label));
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &K {
        &self.inner.0
    }
    /// Where it happened.
    pub fn context(&self) -> &ErrorContext {
        &self.inner.1
    }
    /// The kind and the context, owned.
    pub fn into_parts(self) -> (K, ErrorContext) {
        *self.inner
    }
}

impl<K: ErrorKind> Located<K> {
    /// The stable code of the kind (see [`ErrorKind::code`]).
    pub fn code(&self) -> &'static str {
        self.inner.0.code()
    }
}

impl<K: fmt::Display> fmt::Display for Located<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.inner.1.describe() {
            Some(place) => write!(f, "{place}: {}", self.inner.0),
            None => write!(f, "{}", self.inner.0),
        }
    }
}

impl<K: fmt::Debug> fmt::Debug for Located<K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Located")
            .field("kind", &self.inner.0)
            .field("context", &self.inner.1)
            .finish()
    }
}

impl<K: fmt::Debug + fmt::Display> std::error::Error for Located<K> {}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    struct Broken;
    impl fmt::Display for Broken {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("broken")
        }
    }
    impl ErrorKind for Broken {
        fn code(&self) -> &'static str {
            "broken"
        }
    }

    #[test]
    fn letters_roll_over_like_a_spreadsheet() {
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(27), "AA");
        assert_eq!(column_letters(52), "AZ");
        assert_eq!(column_letters(703), "AAA");
        assert_eq!(column_letters(0), "?");
    }

    #[test]
    fn one_message_shape_for_every_context() {
        let e = Located::new(Broken);
        assert_eq!(e.to_string(), "broken");
        assert_eq!(e.code(), "broken");
        let e = e.at_row(17, Some("Log")).at(4, "modality");
        assert_eq!(e.to_string(), "sheet \"Log\", cell D17 (modality): broken");
        let e = Located::new(Broken).line(3).entity("R-1").field("event");
        assert_eq!(e.to_string(), "line 3 (event): broken");
        let e = Located::new(Broken).sheet("Log").column(2);
        assert_eq!(e.to_string(), "sheet \"Log\", column B: broken");
        let e = Located::new(Broken).sheet("Log").line(9);
        assert_eq!(e.to_string(), "sheet \"Log\", row 9: broken");
    }

    #[test]
    fn wrapping_keeps_the_place() {
        #[derive(Debug)]
        struct Outer(Broken);
        let e = Located::new(Broken).line(5).map_kind(Outer);
        assert_eq!(e.context().line, Some(5));
        assert_eq!(e.kind().0, Broken);
        assert_eq!(
            std::mem::size_of::<Located<Broken>>(),
            std::mem::size_of::<usize>()
        );
    }
}
