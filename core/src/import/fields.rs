//! Field parsers shared by the CSV importers of referrals and activities: identifiers,
//! dates, numbers and vocabulary values, each mapped to an [`ImportError`] naming the row,
//! the column and what was expected.

use std::io::Read;

use super::dates::parse_date;
use super::error::{ImportError, ImportErrorKind};
use super::table::TableSource;
use crate::ids::IdError;
use crate::text::short;
use crate::vocabulary::Vocabulary;

/// A vocabulary value as people write it: the wire name, or the English or French label,
/// ignoring case and surrounding white space.
///
/// ```
/// use patient_partner::import::fields::vocabulary_lenient;
/// use patient_partner::mission::Mission;
/// assert_eq!(vocabulary_lenient::<Mission>("Groupe de parole"), Some(Mission::SupportGroup));
/// assert_eq!(vocabulary_lenient::<Mission>("support_group"), Some(Mission::SupportGroup));
/// assert_eq!(vocabulary_lenient::<Mission>("knitting"), None);
/// ```
pub fn vocabulary_lenient<T: Vocabulary>(s: &str) -> Option<T> {
    let s = s.trim();
    T::all().iter().copied().find(|v| {
        v.wire_name() == s
            || v.wire_name().eq_ignore_ascii_case(s)
            || v.label_fr().to_lowercase() == s.to_lowercase()
            || v.label_en().to_lowercase() == s.to_lowercase()
    })
}

/// A number of minutes as logs write it: a whole number (`45`), or a duration `H:MM` /
/// `H:MM:SS` with whole minutes (`0:45`, `1:30`, `00:45:00`, what a spreadsheet's time or
/// duration cell becomes). `None` for anything else.
///
/// ```
/// use patient_partner::import::fields::parse_minutes;
/// assert_eq!(parse_minutes("45"), Some(45));
/// assert_eq!(parse_minutes("1:30"), Some(90));
/// assert_eq!(parse_minutes("00:45:00"), Some(45));
/// assert_eq!(parse_minutes("0:45:30"), None);
/// assert_eq!(parse_minutes("45 min"), None);
/// ```
pub fn parse_minutes(text: &str) -> Option<u32> {
    let text = text.trim();
    if let Ok(n) = text.parse::<u32>() {
        return Some(n);
    }
    let parts: Vec<&str> = text.split(':').collect();
    let number = |p: &str| {
        (!p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [h, m] | [h, m, "00"] if m.len() == 2 => {
            let (h, m) = (number(h)?, number(m)?);
            (m < 60)
                .then(|| h.checked_mul(60)?.checked_add(m))
                .flatten()
        }
        _ => None,
    }
}

fn expected_values<T: Vocabulary>() -> String {
    let names: Vec<&str> = T::all().iter().map(|v| v.wire_name()).collect();
    format!("one of {} (or its French label)", names.join(", "))
}

impl<R: Read> TableSource<R> {
    /// A required vocabulary value of column `spec`.
    pub(crate) fn vocab<T: Vocabulary>(&self, spec: usize) -> Result<T, ImportError> {
        let text = self.required(spec, &expected_values::<T>())?;
        vocabulary_lenient(text).ok_or_else(|| {
            self.error(
                spec,
                ImportErrorKind::InvalidValue {
                    found: short(text),
                    expected: expected_values::<T>(),
                },
            )
        })
    }

    /// An optional vocabulary value of column `spec`.
    pub(crate) fn opt_vocab<T: Vocabulary>(&self, spec: usize) -> Result<Option<T>, ImportError> {
        match self.get(spec)? {
            None => Ok(None),
            Some(_) => self.vocab(spec).map(Some),
        }
    }

    /// A required date of column `spec`.
    pub(crate) fn date(&self, spec: usize) -> Result<chrono::NaiveDate, ImportError> {
        let text = self.required(spec, "a date (YYYY-MM-DD or DD/MM/YYYY)")?;
        parse_date(text)
            .ok_or_else(|| self.error(spec, ImportErrorKind::InvalidDate { found: short(text) }))
    }

    /// An optional date of column `spec`.
    pub(crate) fn opt_date(&self, spec: usize) -> Result<Option<chrono::NaiveDate>, ImportError> {
        match self.get(spec)? {
            None => Ok(None),
            Some(_) => self.date(spec).map(Some),
        }
    }

    /// An identifier of column `spec` built with `make`.
    pub(crate) fn id<T>(
        &self,
        spec: usize,
        make: fn(&str) -> Result<T, IdError>,
    ) -> Result<T, ImportError> {
        let text = self.required(spec, "an identifier")?;
        make(text).map_err(|e| {
            self.error(
                spec,
                ImportErrorKind::InvalidId {
                    found: short(text),
                    reason: e.to_string(),
                },
            )
        })
    }

    /// An optional identifier of column `spec`.
    pub(crate) fn opt_id<T>(
        &self,
        spec: usize,
        make: fn(&str) -> Result<T, IdError>,
    ) -> Result<Option<T>, ImportError> {
        match self.get(spec)? {
            None => Ok(None),
            Some(_) => self.id(spec, make).map(Some),
        }
    }

    /// An optional whole number of column `spec` within `range`.
    pub(crate) fn opt_number(
        &self,
        spec: usize,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<Option<u32>, ImportError> {
        self.opt_parsed(spec, range, |t| t.parse().ok(), "a whole number", "")
    }

    /// An optional number of minutes of column `spec` within `range` ([`parse_minutes`]).
    pub(crate) fn opt_minutes(
        &self,
        spec: usize,
        range: std::ops::RangeInclusive<u32>,
    ) -> Result<Option<u32>, ImportError> {
        self.opt_parsed(
            spec,
            range,
            parse_minutes,
            "a number of minutes",
            " (45, or 0:45)",
        )
    }

    /// An optional number of column `spec` read by `parse` and within `range`; otherwise
    /// `invalid_value` expecting "`what` from … to …`hint`".
    fn opt_parsed(
        &self,
        spec: usize,
        range: std::ops::RangeInclusive<u32>,
        parse: fn(&str) -> Option<u32>,
        what: &str,
        hint: &str,
    ) -> Result<Option<u32>, ImportError> {
        let Some(text) = self.get(spec)? else {
            return Ok(None);
        };
        match parse(text).filter(|n| range.contains(n)) {
            Some(n) => Ok(Some(n)),
            None => Err(self.error(
                spec,
                ImportErrorKind::InvalidValue {
                    found: short(text),
                    expected: format!("{what} from {} to {}{hint}", range.start(), range.end()),
                },
            )),
        }
    }

    /// Fails with `invalid_value` on column `spec` when it holds a value.
    pub(crate) fn must_be_empty(&self, spec: usize, why: &str) -> Result<(), ImportError> {
        match self.get(spec)? {
            None => Ok(()),
            Some(text) => Err(self.error(
                spec,
                ImportErrorKind::InvalidValue {
                    found: short(text),
                    expected: why.to_owned(),
                },
            )),
        }
    }
}
