//! Releases over time: a ledger of what earlier releases of a publication published, so
//! that a new release is protected together with them.
//!
//! A monthly dashboard publishes the year's tables at the end of November, then again at
//! the end of December: December's cells are the year's totals minus November's, and a
//! cell masked in one release may be published, or recomputable, in the other. A
//! [`Ledger`] records, for every release made through it, the cells it published with
//! their values and the cells it masked (never a patient id, never a masked value). A new
//! release ([`Publication::release_builder`](super::Publication::release_builder)):
//!
//! 1. recomputes every earlier release's tables from today's log over that release's
//!    period (the log is read once, into every period);
//! 2. compares each cell the ledger says was published with today's value: a difference is
//!    a **revision** (late entries). Revisions are refused with `revised_cells`, naming the
//!    cells, unless [`Revisions::Accept`] is given; then the earlier cell keeps its
//!    published value, the relations it no longer satisfies are left out of the check, and
//!    the revisions are listed in the release ([`PublishedTables::revisions`](super::PublishedTables::revisions));
//! 3. protects the new tables **together with** the earlier ones: an earlier published
//!    cell is a value the attacker holds and can never be masked again (nor serve as a
//!    complement), an earlier masked cell stays masked and must keep its protection; the
//!    same cell in two releases (same table, group, row span and column, same value) is one
//!    cell. Every relation of each release, and between its tables, is given to the checker.
//!    If earlier releases give a masked cell away whatever is masked now (after revisions
//!    only), the release is refused with `unprotectable_cells`;
//! 4. appends the new release to the ledger.
//!
//! A ledger is kept for one set of settings: the threshold, the new-patient rule and the
//! tables (grouping and bucket, in order). A publication under other settings is refused
//! with `ledger_mismatch`. A new ledger ([`Ledger::new`]) takes the settings of its first
//! release. Periods may differ from one release to the next (that is the point).
//!
//! As JSON (the CLI's `--ledger FILE`, Python's `ledger=`):
//!
//! ```json
//! {"format": "patient-partner-ledger", "version": 1,
//!  "settings": {"suppress_below": 11, "new_patient_rule": "first_in_period",
//!               "tables": [{"group_by": "partner", "bucket": "month"}]},
//!  "releases": [{"release": 1, "period": {"start": "2023-01-01", "end": "2023-11-30"},
//!    "cells": [{"table": 0, "group": "PP-A", "row": "bucket", "start": "2023-01-01",
//!               "end": "2023-01-31", "column": "in_person", "value": 12},
//!              {"table": 0, "group": "PP-A", "row": "bucket", "start": "2023-01-01",
//!               "end": "2023-01-31", "column": "phone", "value": null}]}]}
//! ```
//!
//! `value: null` is a masked cell. `group` is the partner's or establishment's id (`null`
//! for `all` and for interviews without an establishment). The ledger holds what was
//! published, nothing more: it can be kept next to the published files.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::super::bucket::Bucket;
use super::super::disclosure::{protect_parts, Fixed};
use super::super::error::{ReportError, ReportErrorKind};
use super::super::group_table::ROW_COLUMNS;
use super::super::grouping::GroupBy;
use super::super::new_patients::NewPatientRule;
use super::super::output::{ActivityReport, Column};
use super::super::period::Period;
use super::super::request::ReportRequest;
use super::layout::{own_patterns, publication_layout, write_masks, Layout, Places, TRIALS};

/// The `format` of every ledger.
pub const LEDGER_FORMAT: &str = "patient-partner-ledger";
/// The version of the ledger format this library writes and reads.
pub const LEDGER_VERSION: u32 = 1;

/// What earlier releases of one publication published (see the module documentation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// Always [`LEDGER_FORMAT`].
    pub format: String,
    /// [`LEDGER_VERSION`].
    pub version: u32,
    /// The settings of every release; `None` until the first one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<LedgerSettings>,
    /// The releases, oldest first.
    #[serde(default)]
    pub releases: Vec<LedgerRelease>,
}

/// The settings a ledger is kept for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerSettings {
    /// The disclosure threshold.
    pub suppress_below: u64,
    /// When a patient counts as new.
    pub new_patient_rule: NewPatientRule,
    /// The tables of each release, in order.
    pub tables: Vec<LedgerTable>,
}

/// One table of a release: its grouping and bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerTable {
    /// One table per partner, per establishment, or one for all.
    pub group_by: GroupBy,
    /// Rows by month, quarter or year.
    pub bucket: Bucket,
}

/// One release: its period, every cell it published or masked, the revisions it accepted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LedgerRelease {
    /// Its number, from 1.
    pub release: u32,
    /// The days it reported.
    pub period: Period,
    /// Its cells.
    pub cells: Vec<LedgerCell>,
    /// Cells of earlier releases that it found changed and accepted.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub revisions: Vec<Revision>,
}

crate::bilingual_enum! {
    /// Which row of a group's table a cell is in.
    pub enum LedgerRow {
        /// A bucket's row (a month, a quarter, a year).
        Bucket => "bucket", "bucket row", "ligne de tranche",
        /// The totals row of the period.
        Totals => "totals", "totals row", "ligne des totaux",
    }
}

/// Where a cell is: its table (position in the settings' `tables`), group, row and column.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CellPlace {
    /// The table's position in the ledger's `tables`.
    pub table: usize,
    /// The group's id (partner or establishment); `None` for `all` and for interviews
    /// without an establishment.
    #[serde(default)]
    pub group: Option<String>,
    /// A bucket's row or the totals row.
    pub row: LedgerRow,
    /// The first day of the row (of the period, for the totals row).
    pub start: NaiveDate,
    /// The last day of the row.
    pub end: NaiveDate,
    /// The column.
    pub column: Column,
}

impl std::fmt::Display for CellPlace {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "table {} {} {} {}..{} {}",
            self.table + 1,
            self.group.as_deref().unwrap_or("(no id)"),
            self.row,
            self.start,
            self.end,
            self.column
        )
    }
}

/// One cell of a release: where it is, and its published value (`None`: masked).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LedgerCell {
    /// Where the cell is.
    #[serde(flatten)]
    pub place: CellPlace,
    /// The published value, `None` when the cell was masked.
    pub value: Option<u64>,
}

/// A cell an earlier release published that today's log changes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Revision {
    /// The release that published it.
    pub release: u32,
    /// Where the cell is.
    pub place: CellPlace,
    /// The value it published.
    pub published: u64,
    /// Its value from today's log.
    pub now: u64,
}

crate::bilingual_enum! {
    /// What a release does with revisions (cells already published that late entries
    /// change).
    #[derive(Default)]
    pub enum Revisions {
        /// Refuse the release with `revised_cells` (the default).
        #[default]
        Refuse => "refuse", "refuse revisions", "refuser les révisions",
        /// Accept them and list them in the release.
        Accept => "accept", "accept revisions", "accepter les révisions",
    }
}

impl Default for Ledger {
    fn default() -> Self {
        Ledger::new()
    }
}

impl Ledger {
    /// A ledger without releases: it takes the settings of the first.
    pub fn new() -> Self {
        Ledger {
            format: LEDGER_FORMAT.to_owned(),
            version: LEDGER_VERSION,
            settings: None,
            releases: Vec::new(),
        }
    }

    /// Reads a ledger from its JSON text: `ledger_mismatch` when the text is not a ledger
    /// (bad JSON, with its line and column; another format; a newer version).
    pub fn from_json(text: &str) -> Result<Self, ReportError> {
        Ledger::parse(text, "the text")
    }

    /// [`from_json`](Self::from_json), the messages naming the source as `name`.
    fn parse(text: &str, name: &str) -> Result<Self, ReportError> {
        let mismatch = |message: String| {
            ReportError::new(ReportErrorKind::LedgerMismatch { message }).entity("Ledger")
        };
        let ledger: Ledger = serde_json::from_str(text)
            .map_err(|e| mismatch(format!("{name} is not a release ledger: {e}")).at_json(&e))?;
        if ledger.format != LEDGER_FORMAT {
            return Err(mismatch(format!(
                "{name} has the format {:?}, not {LEDGER_FORMAT:?}",
                crate::located::short(&ledger.format)
            )));
        }
        if ledger.version > LEDGER_VERSION {
            return Err(mismatch(format!(
                "{name} has the version {}, newer than this library reads ({LEDGER_VERSION})",
                ledger.version
            )));
        }
        Ok(ledger)
    }

    /// The ledger kept in the file at `path`; a new ledger when there is no such file
    /// (the first release). `ledger_mismatch` when the file is not a ledger (with its line
    /// and column), `invalid_request` when it cannot be read; both name the file.
    pub fn open(path: &std::path::Path) -> Result<Self, ReportError> {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Ledger::parse(&text, &shown),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Ledger::new()),
            Err(e) => Err(ReportError::new(ReportErrorKind::InvalidRequest {
                message: format!("cannot read the ledger {shown}: {e}"),
            })
            .entity("Ledger")),
        }
    }

    /// Writes the ledger to `path`: first to `path` + `.tmp`, then renamed over it, so a
    /// failed write leaves the earlier ledger whole. `output_error` naming the file.
    pub fn save(&self, path: &std::path::Path) -> Result<(), ReportError> {
        let mut temporary = path.as_os_str().to_owned();
        temporary.push(".tmp");
        let temporary = std::path::PathBuf::from(temporary);
        let mut text = self.to_json();
        text.push('\n');
        std::fs::write(&temporary, text)
            .and_then(|()| std::fs::rename(&temporary, path))
            .map_err(|e| {
                ReportError::new(ReportErrorKind::Output {
                    message: format!("the ledger {}: {e}", path.display()),
                })
                .entity("Ledger")
            })
    }

    /// The ledger as pretty-printed JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// `ledger_mismatch` unless the ledger is new or kept for the settings `wanted`.
    pub(super) fn check(&self, wanted: &LedgerSettings) -> Result<(), ReportError> {
        let Some(kept) = &self.settings else {
            return Ok(());
        };
        let differs = if kept.suppress_below != wanted.suppress_below {
            Some(format!(
                "it was kept with the threshold {}, this publication asks for {}",
                kept.suppress_below, wanted.suppress_below
            ))
        } else if kept.new_patient_rule != wanted.new_patient_rule {
            Some(format!(
                "it was kept with the new-patient rule {}, this publication asks for {}",
                kept.new_patient_rule, wanted.new_patient_rule
            ))
        } else if kept.tables != wanted.tables {
            let list = |tables: &[LedgerTable]| -> String {
                tables
                    .iter()
                    .map(|t| format!("by {} and {}", t.group_by, t.bucket))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            Some(format!(
                "it was kept for the tables {}, this publication has {}",
                list(&kept.tables),
                list(&wanted.tables)
            ))
        } else {
            None
        };
        match differs {
            Some(message) => {
                Err(ReportError::new(ReportErrorKind::LedgerMismatch { message }).entity("Ledger"))
            }
            None => Ok(()),
        }
    }
}

/// `invalid_request`: a release through a ledger without a disclosure threshold.
pub(super) fn no_threshold() -> ReportError {
    ReportError::new(ReportErrorKind::InvalidRequest {
        message: "a release through a ledger needs a disclosure threshold (suppress_below)".into(),
    })
    .entity("Ledger")
}

/// The ledger settings of a publication's requests, `None` without a threshold.
pub(super) fn settings_of(requests: &[ReportRequest]) -> Option<LedgerSettings> {
    let first = requests.first()?;
    Some(LedgerSettings {
        suppress_below: first.suppress_below?,
        new_patient_rule: first.new_patient_rule,
        tables: requests
            .iter()
            .map(|r| LedgerTable {
                group_by: r.group_by,
                bucket: r.bucket,
            })
            .collect(),
    })
}

/// An earlier release and its tables recomputed from today's log.
pub(super) struct Earlier<'a> {
    pub record: &'a LedgerRelease,
    pub tables: Vec<ActivityReport>,
    pub places: Places,
}

/// What protecting a release gives: the cells to record, and the revisions accepted.
pub(super) struct Protection {
    pub cells: Vec<LedgerCell>,
    pub revisions: Vec<Revision>,
}

/// Masks `tables` (made without a threshold) together with every earlier release; see the
/// module documentation.
pub(super) fn protect_release(
    tables: &mut [ActivityReport],
    places: &Places,
    earlier: &[Earlier<'_>],
    threshold: u64,
    threads: usize,
    revisions: Revisions,
) -> Result<Protection, ReportError> {
    let layout = publication_layout(tables, places);
    // the place of every cell: today's, then the earlier releases' own
    let mut places_of = cell_places(tables, &layout);
    let today = places_of.len();
    let mut values = layout.values.clone();
    let mut relations = layout.relations.clone();
    let mut seeded = own_patterns(&layout, threshold);
    let mut masked_before = vec![false; values.len()];
    let mut published_before = vec![false; values.len()];
    // every cell by place (one place may hold cells of different values: a row span
    // shared by two periods, a revised cell)
    let mut by_place: BTreeMap<CellPlace, Vec<usize>> = BTreeMap::new();
    for (i, place) in places_of.iter().enumerate() {
        by_place.entry(place.clone()).or_default().push(i);
    }
    let mut revised = Vec::new();
    for release in earlier {
        let old = publication_layout(&release.tables, &release.places);
        let said: BTreeMap<&CellPlace, Option<u64>> = release
            .record
            .cells
            .iter()
            .map(|c| (&c.place, c.value))
            .collect();
        let mut cell_of = Vec::with_capacity(old.values.len());
        for (j, place) in cell_places(&release.tables, &old).into_iter().enumerate() {
            let now = old.values.get(j).copied().unwrap_or(0);
            let published = said.get(&place).copied().flatten();
            if let Some(value) = published.filter(|&v| v != now) {
                revised.push(Revision {
                    release: release.record.release,
                    place: place.clone(),
                    published: value,
                    now,
                });
            }
            let value = published.unwrap_or(now);
            let same = by_place.get(&place).and_then(|cells| {
                cells
                    .iter()
                    .copied()
                    .find(|&i| values.get(i).copied() == Some(value))
            });
            let cell = match same {
                Some(i) => i,
                None => {
                    let i = values.len();
                    values.push(value);
                    seeded.push(false);
                    masked_before.push(false);
                    published_before.push(false);
                    places_of.push(place.clone());
                    by_place.entry(place).or_default().push(i);
                    i
                }
            };
            let slot = if published.is_some() {
                published_before.get_mut(cell)
            } else {
                masked_before.get_mut(cell)
            };
            if let Some(s) = slot {
                *s = true;
            }
            cell_of.push(cell);
        }
        let renumbered = old.relations.restricted(&|j| cell_of.get(j).copied());
        relations.append_shifted(&renumbered, 0);
    }
    if !revised.is_empty() && revisions == Revisions::Refuse {
        return Err(ReportError::new(ReportErrorKind::RevisedCells {
            count: revised.len(),
            cells: describe(revised.iter().map(|r| {
                format!(
                    "{} (release {}: {} published, {} now)",
                    r.place, r.release, r.published, r.now
                )
            })),
        })
        .entity("Ledger"));
    }
    // A cell published once is known for good.
    for ((published, masked), seed) in published_before
        .iter()
        .zip(masked_before.iter_mut())
        .zip(seeded.iter_mut())
    {
        if *published {
            *masked = false;
            *seed = false;
        }
    }
    let relations = relations.holding(&values);
    let fixed = Fixed {
        seeded: &seeded,
        masked: &masked_before,
        published: &published_before,
    };
    let protected = protect_parts(&values, &relations, threshold, fixed, TRIALS, threads);
    if !protected.unprotected.is_empty() {
        return Err(ReportError::new(ReportErrorKind::UnprotectableCells {
            count: protected.unprotected.len(),
            cells: describe(
                protected
                    .unprotected
                    .iter()
                    .filter_map(|&c| places_of.get(c))
                    .map(ToString::to_string),
            ),
        })
        .entity("Ledger"));
    }
    write_masks(tables, &layout, &protected.masked);
    places_of.truncate(today);
    let cells = places_of
        .into_iter()
        .enumerate()
        .map(|(i, place)| LedgerCell {
            place,
            value: (!protected.masked.get(i).copied().unwrap_or(true))
                .then(|| values.get(i).copied())
                .flatten(),
        })
        .collect();
    Ok(Protection {
        cells,
        revisions: revised,
    })
}

/// The first five of `items`, joined, with how many more.
fn describe(items: impl Iterator<Item = String>) -> String {
    let all: Vec<String> = items.collect();
    let mut text = all.iter().take(5).cloned().collect::<Vec<_>>().join("; ");
    if all.len() > 5 {
        text.push_str(&format!("; and {} more", all.len() - 5));
    }
    text
}

/// Where each cell of `layout` (laid out from `tables`) is.
fn cell_places(tables: &[ActivityReport], layout: &Layout) -> Vec<CellPlace> {
    let mut places = vec![None; layout.values.len()];
    for (t, (table, groups)) in tables.iter().zip(&layout.tables).enumerate() {
        for group in groups {
            let key = group.label.key().map(str::to_owned);
            let mut put = |cell: usize, row: LedgerRow, start, end, column| {
                if let Some(slot) = places.get_mut(cell) {
                    *slot = Some(CellPlace {
                        table: t,
                        group: key.clone(),
                        row,
                        start,
                        end,
                        column,
                    });
                }
            };
            for (r, &i) in group.rows.iter().enumerate() {
                if let Some(row) = table.rows.get(i) {
                    for (c, &column) in ROW_COLUMNS.iter().enumerate() {
                        put(
                            group.row(r, c),
                            LedgerRow::Bucket,
                            row.start,
                            row.end,
                            column,
                        );
                    }
                }
            }
            for (c, &column) in ROW_COLUMNS.iter().enumerate() {
                put(
                    group.totals(c),
                    LedgerRow::Totals,
                    table.period.start(),
                    table.period.end(),
                    column,
                );
            }
        }
    }
    let unknown = CellPlace {
        table: usize::MAX,
        group: None,
        row: LedgerRow::Totals,
        start: NaiveDate::MIN,
        end: NaiveDate::MIN,
        column: Column::Total,
    };
    places
        .into_iter()
        .map(|p| p.unwrap_or_else(|| unknown.clone()))
        .collect()
}
