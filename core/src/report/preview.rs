//! Previews: a report shown in a notebook or a console, bounded whatever its size.
//!
//! A report of 5,000 partners over a year holds 65,000 rows; shown whole it is megabytes of
//! HTML that freeze a notebook. A preview shows, in the manner of pandas:
//!
//! - a **summary line**: the period, how many groups (partners or establishments) and
//!   buckets (months, quarters, years), the interviews of all groups together and the
//!   disclosure threshold;
//! - the tables of the **first [`max_groups`](PreviewOptions::max_groups) groups** (10 by
//!   default), each with at most [`max_buckets`](PreviewOptions::max_buckets) bucket rows
//!   (24 by default: the first and last halves, the middle elided as `…`) and its totals;
//! - a **legend** of the marks used: `s` masked by disclosure control ([`MASKED_MARK`], the
//!   same for every masked cell: "suppressed: below 11, or masked to protect another", with
//!   the threshold used; in the HTML, each masked cell's `title` holds that legend too), `–`
//!   not reported (not zero), `*` bucket cut by the period, `+` bucket partially reported.
//!
//! The HTML ([`to_html`]) never exceeds [`MAX_HTML_BYTES`] (200,000 bytes), whatever the
//! options: groups stop being added before the budget is reached, and the summary says how
//! many are shown. The text ([`to_text`]) is the same preview as aligned tables, as
//! [`to_table`](super::render::to_table) prints them.
//!
//! **Disclosure**: the all-groups figures of the summary are sums of the groups' totals; a
//! sum is shown only when no group's total of that column is masked (otherwise it would let
//! a reader recompute the masked cell) and says so.
//!
//! ```
//! use patient_partner::report::{activity_report, preview, Period, ReportRequest};
//! use patient_partner::{Interview, Modality, PartnerId, PatientId};
//! use chrono::NaiveDate;
//! let d = NaiveDate::from_ymd_opt(2023, 1, 9).unwrap();
//! let log: Vec<Interview> = (0..30)
//!     .map(|i| Ok(Interview::new(d, PartnerId::new(format!("PP-{i:02}"))?,
//!         PatientId::new("PAT-0001")?, Modality::Phone)))
//!     .collect::<Result<_, patient_partner::Error>>()?;
//! let report = activity_report(&log, &ReportRequest::new(Period::year(2023).unwrap()))?;
//! let html = preview::to_html(&report, &preview::PreviewOptions::default());
//! assert!(html.contains("10 of 30 partners shown"));
//! assert!(html.len() < preview::MAX_HTML_BYTES);
//! # Ok::<(), patient_partner::Error>(())
//! ```

use std::fmt::Write as _;

use super::bucket::Bucket;
use super::grouping::GroupBy;
use super::output::{
    ActivityCells, ActivityMeasure, ActivityReport, Column, ReportRow, Reporting, TotalsRow,
};
use super::render::{
    masked_legend_en, shown_buckets, write_legend, write_tables, Marks, MASKED_MARK,
};
use crate::vocabulary::Vocabulary;

/// The most bytes of HTML a preview holds, whatever its options.
pub const MAX_HTML_BYTES: usize = 200_000;

/// Room kept for the closing legend and tags when the groups are added.
const HTML_RESERVE: usize = 2_000;

/// How much of a report a preview shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PreviewOptions {
    /// The most groups shown (their tables in report order); `usize::MAX` for as many as
    /// the HTML budget allows. Default 10.
    pub max_groups: usize,
    /// The most bucket rows shown per group: beyond, the first and last halves with `…`
    /// between them. At least 2 are shown. Default 24.
    pub max_buckets: usize,
}

impl Default for PreviewOptions {
    fn default() -> Self {
        PreviewOptions {
            max_groups: 10,
            max_buckets: 24,
        }
    }
}

impl PreviewOptions {
    fn buckets(&self) -> usize {
        self.max_buckets.max(2)
    }
}

/// `1234567` as `1,234,567`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `n` with its noun, singular or plural.
fn counted(n: usize, singular: &str, plural: &str) -> String {
    let noun = if n == 1 { singular } else { plural };
    format!("{} {noun}", thousands(n as u64))
}

fn group_nouns(by: GroupBy) -> (&'static str, &'static str) {
    match by {
        GroupBy::Partner => ("partner", "partners"),
        GroupBy::Establishment => ("establishment", "establishments"),
        GroupBy::All => ("table", "tables"),
    }
}

fn bucket_nouns(bucket: Bucket) -> (&'static str, &'static str) {
    match bucket {
        Bucket::Month => ("month", "months"),
        Bucket::Quarter => ("quarter", "quarters"),
        Bucket::Year => ("year", "years"),
    }
}

/// The sum of one column over every group's totals, or `None` when a group's cell is
/// masked or absent (the sum would then reveal it, or be incomplete).
fn all_groups(report: &ActivityReport, column: Column) -> Option<u64> {
    let mut sum = 0u64;
    for totals in &report.totals {
        if totals.masked.contains(&column) {
            return None;
        }
        let value = totals.get(column)?;
        sum = sum.saturating_add(value);
    }
    Some(sum)
}

/// The summary line: period, groups, buckets, interviews of all groups, threshold.
pub fn summary(report: &ActivityReport) -> String {
    let (one, many) = group_nouns(report.group_by);
    let (b_one, b_many) = bucket_nouns(report.bucket);
    let buckets = usize::try_from(report.bucket.count(&report.period)).unwrap_or(usize::MAX);
    let mut out = format!(
        "Activity report {} to {} · {} × {}",
        report.period.start(),
        report.period.end(),
        counted(report.totals.len(), one, many),
        counted(buckets, b_one, b_many),
    );
    if report.group_by != GroupBy::All || report.totals.is_empty() {
        out.push_str(" · by ");
        out.push_str(report.group_by.wire_name());
    }
    match all_groups(report, Column::Total) {
        Some(total) => {
            let _ = write!(out, " · {} interviews", thousands(total));
            let parts: Option<Vec<String>> = [
                (Column::InPerson, "in person"),
                (Column::Phone, "phone"),
                (Column::Video, "video"),
            ]
            .into_iter()
            .map(|(c, name)| all_groups(report, c).map(|n| format!("{} {name}", thousands(n))))
            .collect();
            if let Some(parts) = parts {
                let _ = write!(out, " ({})", parts.join(", "));
            }
        }
        None => out.push_str(" · all-groups total not shown (a group's total is masked)"),
    }
    if let Some(k) = report.suppress_below {
        let _ = write!(out, " · counts below {k} masked");
    }
    out
}

fn shown_note(report: &ActivityReport, shown: usize) -> Option<String> {
    let all = report.totals.len();
    (shown < all).then(|| {
        let (_, many) = group_nouns(report.group_by);
        format!(
            "{} of {} {many} shown (every row is in the full report: its data frames, CSV or workbook)",
            thousands(shown as u64),
            thousands(all as u64)
        )
    })
}

/// The preview as text: the summary line, the first groups' tables, how many more there
/// are, and the legend.
pub fn to_text(report: &ActivityReport, options: &PreviewOptions) -> String {
    let mut out = summary(report);
    out.push('\n');
    let shown = report.totals.len().min(options.max_groups);
    if shown > 0 {
        out.push('\n');
    }
    let marks = write_tables(
        &mut out,
        report,
        report.groups().take(shown),
        options.buckets(),
    );
    if let Some(note) = shown_note(report, shown) {
        let _ = writeln!(out, "… {note}");
    }
    write_legend(&mut out, report, marks);
    out
}

/// Escapes text for HTML element content and attribute values.
fn esc(text: &str) -> String {
    crate::text::escape_html(text)
}

fn html_cell(out: &mut String, value: Option<u64>, masked: bool, threshold: Option<u64>) {
    match (value, masked) {
        (_, true) => {
            let _ = write!(
                out,
                "<td class=\"pp-masked\" title=\"{}\">{MASKED_MARK}</td>",
                esc(&masked_legend_en(threshold))
            );
        }
        (Some(v), false) => {
            let _ = write!(out, "<td>{}</td>", thousands(v));
        }
        (None, false) => out.push_str("<td class=\"pp-na\" title=\"not reported\">&ndash;</td>"),
    }
}

fn html_counts(
    out: &mut String,
    value: impl Fn(Column) -> Option<u64>,
    masked: impl Fn(Column) -> bool,
    threshold: Option<u64>,
) {
    for column in Column::BUCKET_COUNTS {
        html_cell(out, value(column), masked(column), threshold);
    }
}

fn html_row(out: &mut String, row: &ReportRow, threshold: Option<u64>, marks: &mut Marks) {
    let m = |c: Column| row.masked.contains(&c);
    let mut key = esc(row.bucket.key());
    if row.partial {
        key.push('*');
    }
    if row.reporting == Reporting::PartiallyReported {
        key.push('+');
    }
    marks.of_row(row);
    let _ = write!(out, "<tr><th>{key}</th>");
    html_counts(out, |c| row.get(c), m, threshold);
    out.push_str("</tr>\n");
}

fn html_group(
    out: &mut String,
    report: &ActivityReport,
    totals: &TotalsRow,
    rows: &[ReportRow],
    options: &PreviewOptions,
    marks: &mut Marks,
) {
    let threshold = report.suppress_below;
    let _ = write!(
        out,
        "<table class=\"dataframe pp-group\">\n<caption>{}</caption>\n<thead><tr><th>{}</th>",
        esc(totals.group.title()),
        report.bucket.wire_name()
    );
    for column in Column::BUCKET_COUNTS {
        let _ = write!(out, "<th>{}</th>", column.label_en());
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let (head, elided, tail) = shown_buckets(rows, options.buckets());
    for row in head {
        html_row(out, row, threshold, marks);
    }
    if elided > 0 {
        let _ = writeln!(
            out,
            "<tr class=\"pp-elided\"><th title=\"{elided} buckets not shown\">…</th>{}</tr>",
            "<td>…</td>".repeat(Column::BUCKET_COUNTS.len())
        );
    }
    for row in tail {
        html_row(out, row, threshold, marks);
    }
    let m = |c: Column| totals.masked.contains(&c);
    marks.masked |= !totals.masked.is_empty();
    out.push_str("<tr class=\"pp-total\"><th>total</th>");
    html_counts(out, |c| totals.get(c), m, threshold);
    out.push_str("</tr>\n</tbody></table>\n");
    if !totals.activities.is_empty() {
        html_activities(out, report, totals, (head, elided, tail), marks);
    }
}

/// The activity table of a group beside its interviews: the count of each category with
/// any activity (or a masked cell) per bucket shown, then the totals of the count, minutes
/// and participants.
fn html_activities(
    out: &mut String,
    report: &ActivityReport,
    totals: &TotalsRow,
    (head, elided, tail): (&[ReportRow], usize, &[ReportRow]),
    marks: &mut Marks,
) {
    let threshold = report.suppress_below;
    let used = totals.shown_activity_categories();
    let _ = write!(
        out,
        "<table class=\"dataframe pp-group pp-activities\">\n<caption>{} · activities</caption>\n",
        esc(totals.group.title())
    );
    if used.is_empty() {
        out.push_str("<tbody><tr><td>no activity in the period</td></tr></tbody></table>\n");
        return;
    }
    let _ = write!(out, "<thead><tr><th>{}</th>", report.bucket.wire_name());
    for &c in &used {
        if let Some(a) = totals.activities.get(c) {
            let _ = write!(out, "<th>{}</th>", esc(a.category.label_en()));
        }
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    let mut cells = |out: &mut String, activities: &[ActivityCells], measure: ActivityMeasure| {
        for &c in &used {
            let cell = activities.get(c);
            let masked = cell.is_some_and(|a| a.is_masked(measure));
            marks.masked |= masked;
            html_cell(out, cell.and_then(|a| a.get(measure)), masked, threshold);
        }
    };
    for row in head {
        let _ = write!(out, "<tr><th>{}</th>", esc(row.bucket.key()));
        cells(out, &row.activities, ActivityMeasure::Activities);
        out.push_str("</tr>\n");
    }
    if elided > 0 {
        let _ = writeln!(
            out,
            "<tr class=\"pp-elided\"><th title=\"{elided} buckets not shown\">…</th>{}</tr>",
            "<td>…</td>".repeat(used.len())
        );
    }
    for row in tail {
        let _ = write!(out, "<tr><th>{}</th>", esc(row.bucket.key()));
        cells(out, &row.activities, ActivityMeasure::Activities);
        out.push_str("</tr>\n");
    }
    for (name, measure) in [
        ("total", ActivityMeasure::Activities),
        ("minutes", ActivityMeasure::Minutes),
        ("participants", ActivityMeasure::Participants),
    ] {
        let class = if name == "total" {
            " class=\"pp-total\""
        } else {
            ""
        };
        let _ = write!(out, "<tr{class}><th>{name}</th>");
        cells(out, &totals.activities, measure);
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody></table>\n");
}

const STYLE: &str = "<style scoped>\
.pp-report table.pp-group{display:inline-table;vertical-align:top;margin:0 1.5em 1em 0}\
.pp-report caption{font-weight:bold;text-align:left}\
.pp-report td{text-align:right}\
.pp-report td.pp-masked,.pp-report td.pp-na{color:#888}\
.pp-report tr.pp-total{font-weight:bold;border-top:1px solid #aaa}\
.pp-report p{margin:0.3em 0}\
</style>\n";

/// The preview as HTML (a notebook's `_repr_html_`): at most [`MAX_HTML_BYTES`] bytes.
pub fn to_html(report: &ActivityReport, options: &PreviewOptions) -> String {
    let mut out = String::from("<div class=\"pp-report\">\n");
    out.push_str(STYLE);
    let _ = writeln!(out, "<p><b>{}</b></p>", esc(&summary(report)));
    let mut marks = Marks::default();
    let mut shown = 0usize;
    let mut tables = String::new();
    for (totals, rows) in report.groups().take(options.max_groups) {
        let mut one = String::new();
        html_group(&mut one, report, totals, rows, options, &mut marks);
        if out.len() + tables.len() + one.len() + HTML_RESERVE > MAX_HTML_BYTES {
            break;
        }
        tables.push_str(&one);
        shown += 1;
    }
    if let Some(note) = shown_note(report, shown) {
        let _ = writeln!(out, "<p>{}</p>", esc(&note));
    }
    out.push_str("<div>\n");
    out.push_str(&tables);
    out.push_str("</div>\n");
    let mut legend: Vec<String> = Vec::new();
    if marks.masked {
        legend.push(format!(
            "<b>{MASKED_MARK}</b> {}",
            esc(&masked_legend_en(report.suppress_below))
        ));
    }
    if marks.not_reported {
        legend.push("<b>&ndash;</b> not reported (no data handed in: not zero)".to_owned());
    }
    if marks.partial {
        legend.push("<b>*</b> bucket cut by the period".to_owned());
    }
    if marks.partially_reported {
        legend.push("<b>+</b> bucket partially reported (counts are a lower bound)".to_owned());
    }
    if !legend.is_empty() {
        let _ = writeln!(out, "<p><small>{}</small></p>", legend.join(" · "));
    }
    out.push_str("</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn html_escapes_what_it_quotes() {
        assert_eq!(
            esc("<a href='x'>&\"</a>"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;"
        );
    }
}
