//! Disclosure control of one group's table: its cells (six per reported bucket, then the
//! six of its totals row), the relations a reader knows between them
//! ([`group_relations`]), and the masking of a report's tables, each on its own
//! ([`protect_tables`]) — see [`super::disclosure`] for the rules and guarantees. A
//! [publication](super::publication) lays the same cells side by side and protects its
//! tables together.

use super::disclosure::{on_threads, protect, protect_with, Relations};
use super::new_patients::NewPatientRule;
use super::output::{ActivityCells, ActivityMeasure, Column, ReportRow, Reporting, TotalsRow};
use crate::mission::ActivityCategory;

/// Applies disclosure control to every group's table (each on its own: tables share no
/// cell), on up to `threads` threads taking the next table as they finish one (tables
/// differ widely in cost). The result does not depend on the threads.
pub(crate) fn protect_tables<'a>(
    tables: impl ExactSizeIterator<Item = (&'a mut [ReportRow], &'a mut TotalsRow)> + Send,
    threshold: u64,
    rule: NewPatientRule,
    with_activities: bool,
    threads: usize,
) {
    let protect_one = |(rows, totals): (&mut [ReportRow], &mut TotalsRow)| {
        suppress_group(rows, totals, threshold, rule);
        if with_activities {
            suppress_activities(rows, totals, threshold);
        }
    };
    on_threads(tables, threads, protect_one);
}

/// The columns of a bucket row and of a totals row, in cell order.
pub(super) const ROW_COLUMNS: [Column; 6] = Column::BUCKET_COUNTS;

/// The cells of a row per table ([`ROW_COLUMNS`]), and the positions of its columns.
pub(super) const CELLS: usize = ROW_COLUMNS.len();
const IN_PERSON: usize = 0;
pub(super) const TOTAL: usize = 3;
pub(super) const NEW: usize = 4;
pub(super) const PATIENTS: usize = 5;

/// The positions of the rows whose bucket was reported (the only ones that hold cells for
/// disclosure control).
pub(super) fn reported_rows(rows: &[ReportRow]) -> Vec<usize> {
    rows.iter()
        .enumerate()
        .filter(|(_, r)| r.reporting != Reporting::NotReported)
        .map(|(i, _)| i)
        .collect()
}

/// The relations of one group's table of `k` reported buckets (cells: [`CELLS`] per
/// bucket, then the totals row's), for the values `values` (see [`super::disclosure`]).
pub(super) fn group_relations(values: &[u64], k: usize, rule: NewPatientRule) -> Relations {
    let base = k * CELLS;
    let at = |r: usize, c: usize| r * CELLS + c;
    let mut lines: Vec<Vec<usize>> = Vec::new();
    // each row: in person + phone + video = total (the totals row too)
    for r in 0..=k {
        lines.push(vec![at(r, 0), at(r, 1), at(r, 2), at(r, TOTAL)]);
    }
    // each column but the distinct patients: the buckets add up to the totals row
    for c in IN_PERSON..=NEW {
        let mut line: Vec<usize> = (0..k).map(|r| at(r, c)).collect();
        line.push(base + c);
        lines.push(line);
    }
    if rule == NewPatientRule::FirstInPeriod {
        // every patient of the period is new in it
        lines.push(vec![base + NEW, base + PATIENTS]);
    }
    let mut relations = Relations::sums(lines);
    for r in 0..=k {
        // new patients were seen; patients had an interview; interviews mean a patient
        relations.add_at_most_if_true(values, at(r, NEW), at(r, PATIENTS));
        relations.add_at_most_if_true(values, at(r, PATIENTS), at(r, TOTAL));
        relations.add_positive_if_true(values, at(r, PATIENTS));
        if values.get(at(r, PATIENTS)) == Some(&0) {
            // no patient, no interview: the row is zeros (a published 0 says so; a masked
            // 0 tells the attacker a little more than a reader, the safe side)
            relations.add_at_most_if_true(values, at(r, TOTAL), at(r, PATIENTS));
        }
    }
    for r in 0..k {
        // a bucket's patients and the patients new after it are different patients of the
        // period (under the default rule: a bucket's patients are new in it or before)
        let mut left = vec![at(r, PATIENTS)];
        left.extend((r + 1..k).map(|later| at(later, NEW)));
        relations.add_sum_at_most_if_true(values, left, vec![base + PATIENTS]);
    }
    // every patient of the period was seen in some bucket
    relations.add_sum_at_most_if_true(
        values,
        vec![base + PATIENTS],
        (0..k).map(|r| at(r, PATIENTS)).collect(),
    );
    relations
}

/// Applies disclosure control to one group's table (see [`super::disclosure`]).
fn suppress_group(
    rows: &mut [ReportRow],
    totals: &mut TotalsRow,
    threshold: u64,
    rule: NewPatientRule,
) {
    // Cells: CELLS per reported bucket, then the CELLS of the totals row.
    let reported = reported_rows(rows);
    let mut values = Vec::with_capacity((reported.len() + 1) * CELLS);
    for &i in &reported {
        if let Some(row) = rows.get(i) {
            values.extend(ROW_COLUMNS.map(|c| row.get(c).unwrap_or(0)));
        }
    }
    let base = values.len();
    values.extend(ROW_COLUMNS.map(|c| totals.get(c).unwrap_or(0)));
    let relations = group_relations(&values, reported.len(), rule);
    let masked = protect(&values, &relations, threshold);
    for (r, &i) in reported.iter().enumerate() {
        if let Some(row) = rows.get_mut(i) {
            for (c, column) in ROW_COLUMNS.iter().copied().enumerate() {
                if masked.get(r * CELLS + c).copied().unwrap_or(false) {
                    row.mask(column);
                }
            }
        }
    }
    for (c, column) in ROW_COLUMNS.iter().copied().enumerate() {
        if masked.get(base + c).copied().unwrap_or(false) {
            totals.mask(column);
        }
    }
}

/// Applies disclosure control to the activity columns of one group's table: each category
/// is a table of its own (no published relation links two categories, nor a category and
/// the interviews), whose relations are its column sums and what every reader knows: an
/// activity lasts at least a minute (activities ≤ minutes) and, when true of the data,
/// a group session has a participant at least (activities ≤ participants). An activity
/// lasts at most a day, which no sum states: a masked count therefore masks its minutes
/// too (and is itself protected), so that minutes never pin a masked count.
pub(super) fn suppress_activities(rows: &mut [ReportRow], totals: &mut TotalsRow, threshold: u64) {
    let reported = reported_rows(rows);
    let k = reported.len();
    for c in 0..ActivityCategory::ALL.len() {
        // Cells: 3 per reported bucket, then the 3 of the totals row.
        let mut values = Vec::with_capacity(k * 3 + 3);
        for &i in &reported {
            let cells = rows.get(i).and_then(|r| r.activities.get(c));
            for &measure in ActivityMeasure::ALL {
                values.push(cells.and_then(|a| a.get(measure)).unwrap_or(0));
            }
        }
        let base = values.len();
        let total_cells = totals.activities.get(c);
        for &measure in ActivityMeasure::ALL {
            values.push(total_cells.and_then(|a| a.get(measure)).unwrap_or(0));
        }
        let lines: Vec<Vec<usize>> = (0..3)
            .map(|m| {
                let mut line: Vec<usize> = (0..k).map(|r| r * 3 + m).collect();
                line.push(base + m);
                line
            })
            .collect();
        let mut relations = Relations::sums(lines);
        for r in (0..k).map(|r| r * 3).chain([base]) {
            relations.add_at_most_if_true(&values, r, r + 1);
            relations.add_at_most_if_true(&values, r, r + 2);
        }
        // A masked count hides its minutes: run again with those minutes forced until the
        // pattern holds (each run masks at least what the previous one did).
        let mut forced = vec![false; values.len()];
        let masked = loop {
            let masked = protect_with(&values, &relations, threshold, &forced);
            let mut more = false;
            for r in (0..=k).map(|r| r * 3) {
                if masked.get(r).copied().unwrap_or(false)
                    && !masked.get(r + 1).copied().unwrap_or(true)
                {
                    if let Some(f) = forced.get_mut(r + 1) {
                        *f = true;
                        more = true;
                    }
                }
            }
            if !more {
                break masked;
            }
        };
        let apply = |cells: Option<&mut ActivityCells>, at: usize| {
            if let Some(cells) = cells {
                for (m, measure) in ActivityMeasure::ALL.iter().copied().enumerate() {
                    if masked.get(at + m).copied().unwrap_or(false) {
                        *cells.cell_mut(measure) = None;
                        cells.masked.push(measure);
                    }
                }
            }
        };
        for (r, &i) in reported.iter().enumerate() {
            apply(
                rows.get_mut(i).and_then(|row| row.activities.get_mut(c)),
                r * 3,
            );
        }
        apply(totals.activities.get_mut(c), base);
    }
}
