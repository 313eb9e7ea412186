//! The cells of every table of a publication side by side, the relations that link them
//! (the module documentation of [`super`] lists them), and the masks written back.

use std::collections::{BTreeMap, BTreeSet};

use super::super::bucket::Bucket;
use super::super::disclosure::{protect, protect_parts, Fixed, Relations};
use super::super::group_table::{
    group_relations, reported_rows, CELLS, NEW, PATIENTS, ROW_COLUMNS, TOTAL,
};
use super::super::grouping::{GroupBy, GroupLabel};
use super::super::new_patients::NewPatientRule;
use super::super::output::ActivityReport;

/// Complements tried per failing cell of a publication before the one leaving the most
/// room is taken.
pub(super) const TRIALS: usize = 4;

/// Each partner seen in a period, with the establishments they were seen in (`None`:
/// interviews without one): what links partners' and establishments' tables.
pub(super) type Places = BTreeMap<String, BTreeSet<Option<String>>>;

/// One group's table among the publication's cells.
pub(super) struct GroupCells {
    pub label: GroupLabel,
    rule: NewPatientRule,
    /// The positions in the report's `rows` of the group's reported buckets.
    pub rows: Vec<usize>,
    /// The position in the report's `totals`.
    totals: usize,
    /// The first cell: [`CELLS`] per reported bucket, then the totals row's.
    base: usize,
}

impl GroupCells {
    pub fn row(&self, r: usize, column: usize) -> usize {
        self.base + r * CELLS + column
    }

    pub fn totals(&self, column: usize) -> usize {
        self.base + self.rows.len() * CELLS + column
    }
}

/// Every cell of every table, with its relations.
pub(super) struct Layout {
    pub values: Vec<u64>,
    pub relations: Relations,
    /// Per table, its groups.
    pub tables: Vec<Vec<GroupCells>>,
}

/// The cells of `tables` (made without a threshold), the relations within each table and
/// between tables (see the module documentation of [`super`]).
pub(super) fn publication_layout(tables: &[ActivityReport], places: &Places) -> Layout {
    let mut layout = lay_out(tables);
    for fine in 0..tables.len() {
        for coarse in 0..tables.len() {
            if fine != coarse {
                link(&mut layout, tables, fine, coarse, places);
            }
        }
    }
    layout
}

/// Each table's own pattern (small programs): the joint check then starts from cells
/// that already hold against each table alone.
pub(super) fn own_patterns(layout: &Layout, threshold: u64) -> Vec<bool> {
    let mut seeded = vec![false; layout.values.len()];
    for groups in &layout.tables {
        for group in groups {
            let end = group.totals(CELLS);
            let (Some(values), Some(slots)) = (
                layout.values.get(group.base..end),
                seeded.get_mut(group.base..end),
            ) else {
                continue;
            };
            let own = group_relations(values, group.rows.len(), group.rule);
            for (slot, m) in slots.iter_mut().zip(protect(values, &own, threshold)) {
                *slot = m;
            }
        }
    }
    seeded
}

/// Masks the cells of `tables` (made without a threshold) so that every masked cell passes
/// the check of [`super::super::disclosure`] against the whole publication.
pub(super) fn protect_together(
    tables: &mut [ActivityReport],
    places: &Places,
    threshold: u64,
    threads: usize,
) {
    let layout = publication_layout(tables, places);
    let seeded = own_patterns(&layout, threshold);
    let fixed = Fixed {
        seeded: &seeded,
        ..Fixed::default()
    };
    let protected = protect_parts(
        &layout.values,
        &layout.relations,
        threshold,
        fixed,
        TRIALS,
        threads,
    );
    write_masks(tables, &layout, &protected.masked);
}

/// Marks masked in `tables` the cells `masked` says (the publication's first cells are the
/// tables', in layout order).
pub(super) fn write_masks(tables: &mut [ActivityReport], layout: &Layout, masked: &[bool]) {
    for (table, groups) in tables.iter_mut().zip(&layout.tables) {
        for group in groups {
            for (r, &i) in group.rows.iter().enumerate() {
                if let Some(row) = table.rows.get_mut(i) {
                    for (c, &column) in ROW_COLUMNS.iter().enumerate() {
                        if masked.get(group.row(r, c)).copied().unwrap_or(false) {
                            row.mask(column);
                        }
                    }
                }
            }
            if let Some(totals) = table.totals.get_mut(group.totals) {
                for (c, &column) in ROW_COLUMNS.iter().enumerate() {
                    if masked.get(group.totals(c)).copied().unwrap_or(false) {
                        totals.mask(column);
                    }
                }
            }
        }
    }
}

/// The cells of every group's table and the relations within each.
fn lay_out(tables: &[ActivityReport]) -> Layout {
    let mut layout = Layout {
        values: Vec::new(),
        relations: Relations::default(),
        tables: Vec::new(),
    };
    for table in tables {
        let mut groups = Vec::new();
        let mut first_row = 0;
        for (g, (totals, rows)) in table.groups().enumerate() {
            let base = layout.values.len();
            let reported = reported_rows(rows);
            for &i in &reported {
                if let Some(row) = rows.get(i) {
                    layout
                        .values
                        .extend(ROW_COLUMNS.map(|c| row.get(c).unwrap_or(0)));
                }
            }
            layout
                .values
                .extend(ROW_COLUMNS.map(|c| totals.get(c).unwrap_or(0)));
            let own = group_relations(
                layout.values.get(base..).unwrap_or_default(),
                reported.len(),
                table.new_patient_rule,
            );
            layout.relations.append_shifted(&own, base);
            groups.push(GroupCells {
                label: totals.group.clone(),
                rule: table.new_patient_rule,
                rows: reported.iter().map(|&i| first_row + i).collect(),
                totals: g,
                base,
            });
            first_row += rows.len();
        }
        layout.tables.push(groups);
    }
    layout
}

/// How the groups of a finer grouping make up a group of a coarser one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cover {
    /// The finer groups' interviews add up to the coarser group's.
    Exact,
    /// The coarser group's interviews are at most the finer groups' (a partner also seen
    /// in another establishment).
    AtMost,
}

/// Whether buckets of size `fine` nest in buckets of size `coarse`.
fn nests(fine: Bucket, coarse: Bucket) -> bool {
    let size = |b: Bucket| match b {
        Bucket::Month => 0,
        Bucket::Quarter => 1,
        Bucket::Year => 2,
    };
    size(fine) <= size(coarse)
}

/// The groups of table `fine` that make up `coarse_group` of a table grouped by
/// `coarse_by`, and how; `None` when the groupings do not nest that way.
fn cover(
    fine: &[GroupCells],
    fine_by: GroupBy,
    coarse_group: &GroupLabel,
    coarse_by: GroupBy,
    places: &Places,
) -> Option<(Vec<usize>, Cover)> {
    let all: Vec<usize> = (0..fine.len()).collect();
    match (fine_by, coarse_by) {
        (a, b) if a == b => {
            let same = fine.iter().position(|g| &g.label == coarse_group)?;
            Some((vec![same], Cover::Exact))
        }
        (_, GroupBy::All) => Some((all, Cover::Exact)),
        (GroupBy::Partner, GroupBy::Establishment) => {
            let GroupLabel::Establishment { establishment } = coarse_group else {
                return None;
            };
            let place = establishment.as_ref().map(|e| e.as_str().to_owned());
            let mut exact = true;
            let members = fine
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    let seen = g.label.key().and_then(|p| places.get(p));
                    let here = seen.is_some_and(|s| s.contains(&place));
                    if here && seen.is_some_and(|s| s.len() > 1) {
                        exact = false;
                    }
                    here
                })
                .map(|(i, _)| i)
                .collect();
            Some((members, if exact { Cover::Exact } else { Cover::AtMost }))
        }
        (GroupBy::Establishment, GroupBy::Partner) => {
            let GroupLabel::Partner { partner } = coarse_group else {
                return None;
            };
            let seen = places.get(partner.as_str())?;
            let mut exact = true;
            let members = fine
                .iter()
                .enumerate()
                .filter(|(_, g)| {
                    let GroupLabel::Establishment { establishment } = &g.label else {
                        return false;
                    };
                    let place = establishment.as_ref().map(|e| e.as_str().to_owned());
                    let here = seen.contains(&place);
                    let others = places
                        .iter()
                        .any(|(p, s)| p != partner.as_str() && s.contains(&place));
                    if here && others {
                        exact = false;
                    }
                    here
                })
                .map(|(i, _)| i)
                .collect();
            Some((members, if exact { Cover::Exact } else { Cover::AtMost }))
        }
        _ => None,
    }
}

/// The relations between table `fine` and table `coarse` when `fine`'s buckets nest in
/// `coarse`'s: each coarse cell against the fine cells it is made of.
fn link(
    layout: &mut Layout,
    tables: &[ActivityReport],
    fine: usize,
    coarse: usize,
    places: &Places,
) {
    let (Some(f), Some(c)) = (tables.get(fine), tables.get(coarse)) else {
        return;
    };
    if !nests(f.bucket, c.bucket) {
        return;
    }
    let same_groups = f.group_by == c.group_by;
    let (Some(fine_groups), Some(coarse_groups)) =
        (layout.tables.get(fine), layout.tables.get(coarse))
    else {
        return;
    };
    let mut found = Relations::default();
    let values = &layout.values;
    for coarse_group in coarse_groups {
        let Some((members, how)) = cover(
            fine_groups,
            f.group_by,
            &coarse_group.label,
            c.group_by,
            places,
        ) else {
            continue;
        };
        // Bucket rows: the fine rows inside each coarse bucket; then the totals rows.
        let mut pairs: Vec<(Vec<usize>, usize)> = Vec::new();
        for (r, &i) in coarse_group.rows.iter().enumerate() {
            let Some(span) = c.rows.get(i) else { continue };
            let parts: Vec<usize> = members
                .iter()
                .filter_map(|&m| fine_groups.get(m))
                .flat_map(|g| {
                    g.rows.iter().enumerate().filter_map(move |(fr, &fi)| {
                        let row = f.rows.get(fi)?;
                        (row.start >= span.start && row.end <= span.end).then_some(g.row(fr, 0))
                    })
                })
                .collect();
            pairs.push((parts, coarse_group.row(r, 0)));
        }
        let totals: Vec<usize> = members
            .iter()
            .filter_map(|&m| fine_groups.get(m))
            .map(|g| g.totals(0))
            .collect();
        pairs.push((totals, coarse_group.totals(0)));
        for (parts, whole) in pairs {
            let at = |c: usize| -> Vec<usize> { parts.iter().map(|&p| p + c).collect() };
            for column in 0..=TOTAL {
                let mut line = at(column);
                match how {
                    Cover::Exact => {
                        line.push(whole + column);
                        found.add_sum_if_true(values, line);
                    }
                    Cover::AtMost => {
                        found.add_sum_at_most_if_true(values, vec![whole + column], line);
                    }
                }
            }
            // New patients: over time a group's add up; a coarser group's are new to one
            // of its finer groups too.
            let mut new = at(NEW);
            if same_groups {
                new.push(whole + NEW);
                found.add_sum_if_true(values, new);
            } else {
                found.add_sum_at_most_if_true(values, vec![whole + NEW], new);
            }
            // Distinct patients: each part's are among the whole's, the whole's among the
            // parts'.
            let patients = at(PATIENTS);
            if same_groups && patients.len() == 1 {
                found.add_sum_if_true(values, vec![patients[0], whole + PATIENTS]);
            } else {
                found.add_sum_at_most_if_true(values, vec![whole + PATIENTS], patients.clone());
            }
            for part in patients {
                found.add_at_most_if_true(values, part, whole + PATIENTS);
            }
        }
    }
    // Partners and establishments: two ways of splitting the same interviews.
    let across = matches!(
        (f.group_by, c.group_by),
        (GroupBy::Partner, GroupBy::Establishment) | (GroupBy::Establishment, GroupBy::Partner)
    );
    if across {
        let mut wholes: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        // every coarse bucket key, with the coarse cells of that bucket
        let mut keys: BTreeMap<(chrono::NaiveDate, chrono::NaiveDate), Vec<usize>> =
            BTreeMap::new();
        for g in coarse_groups {
            for (r, &i) in g.rows.iter().enumerate() {
                if let Some(row) = c.rows.get(i) {
                    keys.entry((row.start, row.end))
                        .or_default()
                        .push(g.row(r, 0));
                }
            }
        }
        for ((start, end), coarse_cells) in keys {
            let fine_cells: Vec<usize> = fine_groups
                .iter()
                .flat_map(|g| {
                    g.rows.iter().enumerate().filter_map(move |(fr, &fi)| {
                        let row = f.rows.get(fi)?;
                        (row.start >= start && row.end <= end).then_some(g.row(fr, 0))
                    })
                })
                .collect();
            wholes.push((fine_cells, coarse_cells));
        }
        wholes.push((
            fine_groups.iter().map(|g| g.totals(0)).collect(),
            coarse_groups.iter().map(|g| g.totals(0)).collect(),
        ));
        for (left, right) in wholes {
            for column in 0..=TOTAL {
                let shift =
                    |cells: &[usize]| -> Vec<usize> { cells.iter().map(|&i| i + column).collect() };
                found.add_equal_sums_if_true(values, shift(&left), shift(&right));
            }
        }
    }
    layout.relations.append_shifted(&found, 0);
}
