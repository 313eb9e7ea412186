//! Import of interview logs, referrals and activities from the files teams really keep:
//! CSV exports (UTF-8 with or without BOM, Windows-1252, UTF-16), Excel and LibreOffice
//! workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), and JSON.
//!
//! Every import is **all or nothing**: a bad row rejects the whole file with an
//! [`ImportError`] naming where it is (CSV: the physical line and the field position;
//! workbooks: the sheet and the cell, `D17`), its field (the canonical column name) and what
//! was expected, quoting at most 80 characters of the value. Nothing partial is ever
//! returned. What is left aside on purpose — columns the import does not use, blank rows —
//! is named in an [`ImportSummary`]. For logs too large to hold in memory,
//! [`InterviewReader`] streams the rows one at a time and stops at the first error; feeding
//! it into [`crate::report::ActivityReportBuilder`] keeps memory bounded by the distinct
//! patients rather than by the rows.
//!
//! - [`table`]: format, header, unused columns, blank rows, positions (shared by all);
//! - [`decode`]: encodings, detected or given; [`lines`](self) true line numbers;
//! - [`aliases`]: the headers teams write (`Partenaire`, `Durée (min)`…), as data;
//! - [`options`]: encoding, sheet, column mapping, strictness;
//! - `workbook`: workbook cells as text (feature `workbooks`, on by default);
//! - [`interviews_csv`]: the interview log columns;
//! - [`dates`]: ISO and French dates;
//! - [`json`]: JSON interview logs;
//! - [`frame`]: interview logs from data frames and Arrow tables (typed cells, batch by batch);
//! - [`referrals`], [`activities`]: referrals and activities (each record is then validated
//!   by its own rules: [`crate::referral::Referral::validate`],
//!   [`crate::activity::Activity::validate`]);
//! - [`fields`]: field parsers shared by these importers;
//! - [`summary`]: what was read and skipped;
//! - `split`: one CSV log cut into byte ranges read at once ([`LogSource`]; used by
//!   [`crate::report::ActivityReportBuilder::push_log`]).

pub mod activities;
pub mod aliases;
pub mod dates;
pub mod decode;
mod error;
pub mod fields;
pub mod frame;
pub mod interviews_csv;
pub mod json;
mod lines;
pub mod options;
pub mod referrals;
pub(crate) mod split;
pub mod summary;
pub mod table;
#[cfg(feature = "workbooks")]
mod workbook;

pub use activities::{read_activities, read_activities_csv, read_activities_json, ActivityList};
pub use aliases::{ColumnAliases, ColumnAliasesDocument, Entity};
pub use dates::parse_date;
pub use decode::TextEncoding;
pub use error::{ImportError, ImportErrorKind};
pub use frame::{FrameBatch, FrameCell, InterviewFrame};
pub(crate) use interviews_csv::RowRef;
pub use interviews_csv::{
    read_interviews, read_interviews_csv, read_interviews_csv_str, InterviewCsvReader,
    InterviewReader,
};
pub use json::{read_interviews_json, InterviewLog};
pub use options::{ImportOptions, UnknownColumns};
pub use referrals::{
    read_referrals, read_referrals_csv, read_referrals_json, ReferralList, SourceColumn,
};
pub use split::LogSource;
pub use summary::{ColumnMatch, FileFormat, IgnoredColumn, ImportSummary, Imported};
pub use table::sniff_format;
