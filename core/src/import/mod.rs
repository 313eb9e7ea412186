//! Import of interview logs, referrals and activities from CSV and JSON.
//!
//! Every import is **all or nothing**: a bad row rejects the whole file with an
//! [`ImportError`] naming its line, its column (1-based field position) and its field (the
//! header name), and what was expected. Nothing partial is ever returned. For logs too large
//! to hold in memory, [`InterviewCsvReader`] streams the rows one at a time and stops at the
//! first error; feeding it into [`crate::report::ActivityReportBuilder`] keeps memory bounded
//! by the distinct patients rather than by the rows.
//!
//! - [`csv_source`]: encoding, separator sniffing, header rules, line numbers;
//! - [`interviews_csv`]: the interview log columns;
//! - [`dates`]: ISO and French dates;
//! - [`json`]: JSON interview logs;
//! - [`referrals`], [`activities`]: referrals and activities, CSV and JSON (each record is
//!   then validated by its own rules: [`crate::referral::Referral::validate`],
//!   [`crate::activity::Activity::validate`]);
//! - [`fields`]: field parsers shared by these importers.

pub mod activities;
pub mod csv_source;
pub mod dates;
mod error;
pub mod fields;
pub mod interviews_csv;
pub mod json;
pub mod referrals;

pub use activities::{read_activities_csv, read_activities_json, ActivityList};
pub use dates::parse_date;
pub use error::{ImportError, ImportErrorKind};
pub use interviews_csv::{read_interviews_csv, read_interviews_csv_str, InterviewCsvReader};
pub use json::{read_interviews_json, InterviewLog};
pub use referrals::{read_referrals_csv, read_referrals_json, ReferralList, SourceColumn};
