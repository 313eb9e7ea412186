//! Text renderings of a report: aligned tables for people, CSV for spreadsheets.
//!
//! Both come from the core so that every face of the library prints the same thing.
//!
//! - Table: one table per group. Not reported cells show `–`, masked cells
//!   [`MASKED_MARK`] (`s`); a bucket cut by the period is marked `*`, a partially reported
//!   bucket `+`.
//! - CSV (`,`-separated, header line first): the group column (`partner` or
//!   `establishment`, absent for `all`), the bucket column (`month`, `quarter` or `year`;
//!   `total` on the totals rows), `start`, `end`, `partial`, `reporting`, `in_person`,
//!   `phone`, `video`, `total`, `new_patients`, `patients` (distinct patients of the bucket,
//!   or of the period on totals rows); for a report
//!   with activities, then three columns per activity category: `clinical_groups`,
//!   `clinical_groups_minutes`, `clinical_groups_participants`, `with_professionals`… Not
//!   reported cells are empty, masked cells hold [`MASKED_MARK`] (`s`).
//! - The table of a report with activities adds, under each group's interviews, the
//!   number of activities of each category that has any (bucket by bucket), and the
//!   group's minutes and participants per category.
//!
//! **One mark for every masked cell.** Disclosure control masks the small counts (from 1 to
//! `N − 1`) and then complementary cells, whatever their value (a masked 33 protects a 3).
//! Every output therefore shows the same neutral mark, `s` (*secret statistique*, as French
//! statistics publish it), for every masked cell, with the legend of
//! [`masked_legend_en`] / [`masked_legend_fr`]. A mark such as `< 11` would be false on a
//! complementary cell, and a mark per kind of masked cell would tell a reader which are the
//! small counts.

use std::fmt::Write as _;

use super::grouping::{GroupBy, GroupLabel};
use super::output::{
    ActivityCells, ActivityMeasure, ActivityReport, Column, ReportRow, Reporting, TotalsRow,
};
use crate::mission::ActivityCategory;
use crate::vocabulary::Vocabulary;

/// The mark of a masked cell in every output (text tables, CSV, previews, workbooks): `s`,
/// for *secret statistique*. The same for a small count and for a complementary cell, which
/// may hold any value: it says only that the cell is not published.
pub const MASKED_MARK: &str = "s";

/// The English legend of [`MASKED_MARK`] for the threshold used
/// ([`ActivityReport::suppress_below`]): `suppressed: below 11, or masked to protect another`.
pub fn masked_legend_en(threshold: Option<u64>) -> String {
    match threshold {
        Some(n) => format!("suppressed: below {n}, or masked to protect another"),
        None => "suppressed: below the threshold, or masked to protect another".to_owned(),
    }
}

/// The French legend of [`MASKED_MARK`] for the threshold used
/// ([`ActivityReport::suppress_below`]): `secret statistique : effectif inférieur à 11 ou
/// masqué pour protéger un autre`.
pub fn masked_legend_fr(threshold: Option<u64>) -> String {
    match threshold {
        Some(n) => format!(
            "secret statistique : effectif inférieur à {n} ou masqué pour protéger un autre"
        ),
        None => "secret statistique : effectif inférieur au seuil ou masqué pour protéger un autre"
            .to_owned(),
    }
}

fn cell(value: Option<u64>, masked: bool) -> String {
    match (value, masked) {
        (_, true) => MASKED_MARK.to_owned(),
        (Some(v), false) => v.to_string(),
        (None, false) => "–".to_owned(),
    }
}

/// The report as aligned text tables, one per group.
pub fn to_table(report: &ActivityReport) -> String {
    let mut out = String::new();
    let marks = write_tables(&mut out, report, report.groups(), usize::MAX);
    write_legend(&mut out, report, marks);
    out
}

/// Which marks the tables written so far used, so that the legend explains only those.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Marks {
    pub(crate) partial: bool,
    pub(crate) partially_reported: bool,
    pub(crate) not_reported: bool,
    pub(crate) masked: bool,
}

impl Marks {
    pub(crate) fn of_row(&mut self, row: &ReportRow) {
        self.partial |= row.partial;
        self.partially_reported |= row.reporting == Reporting::PartiallyReported;
        self.not_reported |= row.reporting == Reporting::NotReported;
        self.masked |= !row.masked.is_empty();
    }
}

/// The rows of a group to show when at most `max_buckets` may be: all of them, or the first
/// and last halves with the number left out between them.
pub(crate) fn shown_buckets(
    rows: &[ReportRow],
    max_buckets: usize,
) -> (&[ReportRow], usize, &[ReportRow]) {
    if rows.len() <= max_buckets {
        return (rows, 0, &[]);
    }
    let tail = max_buckets / 2;
    let head = max_buckets - tail;
    (
        &rows[..head],
        rows.len() - head - tail,
        &rows[rows.len() - tail..],
    )
}

/// Writes one aligned table per group of `groups`, at most `max_buckets` bucket rows each
/// (the middle ones elided as `…`).
pub(crate) fn write_tables<'a>(
    out: &mut String,
    report: &ActivityReport,
    groups: impl Iterator<Item = (&'a TotalsRow, &'a [ReportRow])>,
    max_buckets: usize,
) -> Marks {
    let bucket_name = report.bucket.wire_name();
    let headers: Vec<String> = std::iter::once(bucket_name.to_owned())
        .chain(Column::BUCKET_COUNTS.iter().map(ToString::to_string))
        .collect();
    let mut marks = Marks::default();
    for (g, (totals, rows)) in groups.enumerate() {
        if g > 0 {
            out.push('\n');
        }
        let _ = writeln!(
            out,
            "{} · {} to {} · by {}",
            totals.group.title(),
            report.period.start(),
            report.period.end(),
            bucket_name
        );
        let mut lines: Vec<Vec<String>> = Vec::new();
        let (head, elided, tail) = shown_buckets(rows, max_buckets);
        let mut push_row = |lines: &mut Vec<Vec<String>>, row: &ReportRow| {
            let mut key = row.bucket.key().to_owned();
            if row.partial {
                key.push('*');
            }
            if row.reporting == Reporting::PartiallyReported {
                key.push('+');
            }
            marks.of_row(row);
            let mut line = vec![key];
            line.extend(
                Column::BUCKET_COUNTS
                    .iter()
                    .map(|&c| cell(row.get(c), row.masked.contains(&c))),
            );
            lines.push(line);
        };
        for row in head {
            push_row(&mut lines, row);
        }
        if elided > 0 {
            let mut line = vec![format!("… {elided} more")];
            line.extend(Column::BUCKET_COUNTS.iter().map(|_| "…".to_owned()));
            lines.push(line);
        }
        for row in tail {
            push_row(&mut lines, row);
        }
        marks.masked |= !totals.masked.is_empty();
        let mut line = vec!["total".to_owned()];
        line.extend(
            Column::BUCKET_COUNTS
                .iter()
                .map(|&c| cell(totals.get(c), totals.masked.contains(&c))),
        );
        lines.push(line);
        let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count()).collect();
        for line in &lines {
            for (w, c) in widths.iter_mut().zip(line.iter()) {
                *w = (*w).max(c.chars().count());
            }
        }
        let write_line = |out: &mut String, cells: &[String]| {
            for (i, (c, w)) in cells.iter().zip(widths.iter()).enumerate() {
                let pad = w.saturating_sub(c.chars().count());
                if i == 0 {
                    out.push_str(c);
                    out.push_str(&" ".repeat(pad));
                } else {
                    out.push_str("  ");
                    out.push_str(&" ".repeat(pad));
                    out.push_str(c);
                }
            }
            out.push('\n');
        };
        write_line(out, &headers);
        for line in &lines {
            write_line(out, line);
        }
        if !totals.activities.is_empty() {
            write_activities(out, totals, head, elided, tail, &mut marks);
        }
    }
    marks
}

/// Writes the activity table of one group: a column per category with any activity (or a
/// masked cell), the buckets shown above, the totals, then minutes and participants.
fn write_activities(
    out: &mut String,
    totals: &TotalsRow,
    head: &[ReportRow],
    elided: usize,
    tail: &[ReportRow],
    marks: &mut Marks,
) {
    let used = totals.shown_activity_categories();
    if used.is_empty() {
        out.push_str("activities: none\n");
        return;
    }
    let value = |cells: Option<&ActivityCells>, measure: ActivityMeasure| match cells {
        Some(a) => cell(a.get(measure), a.is_masked(measure)),
        None => "–".to_owned(),
    };
    let mut lines: Vec<Vec<String>> = Vec::new();
    let mut header = vec!["activities".to_owned()];
    header.extend(used.iter().map(|&c| {
        ActivityCategory::ALL
            .get(c)
            .map(|c| c.label_en().to_owned())
            .unwrap_or_default()
    }));
    lines.push(header);
    let mut push_row = |lines: &mut Vec<Vec<String>>, row: &ReportRow| {
        let mut line = vec![row.bucket.key().to_owned()];
        for &c in &used {
            let cells = row.activities.get(c);
            marks.masked |= cells.is_some_and(|a| !a.masked.is_empty());
            line.push(value(cells, ActivityMeasure::Activities));
        }
        lines.push(line);
    };
    for row in head {
        push_row(&mut lines, row);
    }
    if elided > 0 {
        let mut line = vec![format!("… {elided} more")];
        line.extend(used.iter().map(|_| "…".to_owned()));
        lines.push(line);
    }
    for row in tail {
        push_row(&mut lines, row);
    }
    for (name, measure) in [
        ("total", ActivityMeasure::Activities),
        ("minutes", ActivityMeasure::Minutes),
        ("participants", ActivityMeasure::Participants),
    ] {
        let mut line = vec![name.to_owned()];
        for &c in &used {
            let cells = totals.activities.get(c);
            marks.masked |= cells.is_some_and(|a| !a.masked.is_empty());
            line.push(value(cells, measure));
        }
        lines.push(line);
    }
    let mut widths = vec![0usize; used.len() + 1];
    for line in &lines {
        for (w, c) in widths.iter_mut().zip(line.iter()) {
            *w = (*w).max(c.chars().count());
        }
    }
    for line in &lines {
        for (i, (c, w)) in line.iter().zip(widths.iter()).enumerate() {
            let pad = " ".repeat(w.saturating_sub(c.chars().count()));
            if i == 0 {
                out.push_str(c);
                out.push_str(&pad);
            } else {
                out.push_str("  ");
                out.push_str(&pad);
                out.push_str(c);
            }
        }
        out.push('\n');
    }
}

/// Writes the legend of the marks used.
pub(crate) fn write_legend(out: &mut String, report: &ActivityReport, marks: Marks) {
    if marks.partial {
        out.push_str("* bucket cut by the period (it starts or ends inside it)\n");
    }
    if marks.partially_reported {
        out.push_str("+ bucket partially reported (counts are a lower bound)\n");
    }
    if marks.not_reported {
        out.push_str("– not reported (no data handed in: not zero)\n");
    }
    if marks.masked {
        let _ = writeln!(
            out,
            "{MASKED_MARK} {}",
            masked_legend_en(report.suppress_below)
        );
    }
}

fn group_columns(group: &GroupLabel) -> Option<String> {
    match group {
        GroupLabel::Partner { partner } => Some(partner.to_string()),
        GroupLabel::Establishment { establishment } => Some(
            establishment
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
        ),
        GroupLabel::All {} => None,
    }
}

fn csv_cell(value: Option<u64>, masked: bool) -> String {
    match (value, masked) {
        (_, true) => MASKED_MARK.to_owned(),
        (Some(v), false) => v.to_string(),
        (None, false) => String::new(),
    }
}

fn row_record(row: &ReportRow) -> Vec<String> {
    let m = |c: Column| row.masked.contains(&c);
    let mut rec: Vec<String> = group_columns(&row.group).into_iter().collect();
    rec.extend([
        row.bucket.key().to_owned(),
        row.start.to_string(),
        row.end.to_string(),
        row.partial.to_string(),
        row.reporting.wire_name().to_owned(),
        csv_cell(row.in_person, m(Column::InPerson)),
        csv_cell(row.phone, m(Column::Phone)),
        csv_cell(row.video, m(Column::Video)),
        csv_cell(row.total, m(Column::Total)),
        csv_cell(row.new_patients, m(Column::NewPatients)),
        csv_cell(row.patients, m(Column::Patients)),
    ]);
    rec.extend(activity_record(&row.activities));
    rec
}

/// The activity columns of a row (nothing for a report without activities).
fn activity_record(activities: &[ActivityCells]) -> impl Iterator<Item = String> + '_ {
    activities.iter().flat_map(|a| {
        ActivityMeasure::ALL
            .iter()
            .copied()
            .map(move |m| csv_cell(a.get(m), a.is_masked(m)))
    })
}

fn totals_record(report: &ActivityReport, totals: &TotalsRow) -> Vec<String> {
    let m = |c: Column| totals.masked.contains(&c);
    let mut rec: Vec<String> = group_columns(&totals.group).into_iter().collect();
    rec.extend([
        "total".to_owned(),
        report.period.start().to_string(),
        report.period.end().to_string(),
        String::new(),
        String::new(),
        csv_cell(totals.in_person, m(Column::InPerson)),
        csv_cell(totals.phone, m(Column::Phone)),
        csv_cell(totals.video, m(Column::Video)),
        csv_cell(totals.total, m(Column::Total)),
        csv_cell(totals.new_patients, m(Column::NewPatients)),
        csv_cell(totals.patients, m(Column::Patients)),
    ]);
    rec.extend(activity_record(&totals.activities));
    rec
}

/// The report as CSV: the bucket rows of each group followed by its totals row.
pub fn to_csv(report: &ActivityReport) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<&str> = match report.group_by {
        GroupBy::Partner => vec!["partner"],
        GroupBy::Establishment => vec!["establishment"],
        GroupBy::All => vec![],
    };
    header.extend([
        report.bucket.wire_name(),
        "start",
        "end",
        "partial",
        "reporting",
        "in_person",
        "phone",
        "video",
        "total",
        "new_patients",
        "patients",
    ]);
    let activity_columns: Vec<String> = if report.has_activities() {
        ActivityCategory::ALL
            .iter()
            .flat_map(|&c| {
                ActivityMeasure::ALL
                    .iter()
                    .copied()
                    .map(move |m| m.column_name(c))
            })
            .collect()
    } else {
        Vec::new()
    };
    header.extend(activity_columns.iter().map(String::as_str));
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(&header);
    for (totals, rows) in report.groups() {
        for row in rows {
            let _ = writer.write_record(row_record(row));
        }
        let _ = writer.write_record(totals_record(report, totals));
    }
    let bytes = writer.into_inner().unwrap_or_default();
    String::from_utf8(bytes).unwrap_or_default()
}

/// The tables of a [publication](super::publication) as text: each table under a heading
/// (`== by partner, by month ==`), then the legend.
pub fn publication_to_table(published: &super::publication::PublishedTables) -> String {
    let mut out = String::new();
    for report in &published.tables {
        out.push_str(&table_heading(report));
        out.push('\n');
        out.push_str(&to_table(report));
        out.push('\n');
    }
    out
}

/// The tables of a [publication](super::publication) as CSV: each table's CSV (its own
/// header line) after a heading line `# by partner, by month`, tables separated by an
/// empty line. One table is plain CSV, as [`to_csv`].
pub fn publication_to_csv(published: &super::publication::PublishedTables) -> String {
    if let [one] = published.tables.as_slice() {
        return to_csv(one);
    }
    let mut out = String::new();
    for (i, report) in published.tables.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str("# ");
        out.push_str(table_heading(report).trim_matches(|c| c == '=' || c == ' '));
        out.push('\n');
        out.push_str(&to_csv(report));
    }
    out
}

/// `== by partner, by month ==`.
fn table_heading(report: &ActivityReport) -> String {
    let by = match report.group_by {
        GroupBy::Partner => "by partner",
        GroupBy::Establishment => "by establishment",
        GroupBy::All => "all",
    };
    format!("== {by}, by {} ==", report.bucket.wire_name())
}
