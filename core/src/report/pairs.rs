//! The (group, patient) pair table of a report: for each patient seen by each group, the
//! first interview day (ever, and in the period). It is what new patients and distinct
//! patients are counted from, and the only structure that grows with the data (never with
//! the rows).
//!
//! With millions of pairs the table is far larger than the processor's caches, and updating
//! it one interview at a time costs a cache miss per row. So the table is **radix
//! partitioned**: the pairs are split by bits of their hash into [`PARTITIONS`] tables, and
//! interviews are staged per partition and applied [`FLUSH_AT`] at a time, so that each
//! batch updates one small table that stays in cache (the technique of partitioned hash
//! aggregation in analytical databases). Tables also grow one partition at a time, which
//! keeps the peak memory of a resize small. Results never depend on the staging: every
//! reader of the table flushes first.

use std::hash::BuildHasher;

use super::builder::NONE;
use super::fxhash::{BuildFx, FxHashMap, IdKey, InlineKey};

/// The first interview dates of one patient with one group.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    /// Day number of the first interview pushed (before or in the period).
    pub(crate) first_ever: i32,
    /// Day number of the first interview in the period, or [`NONE`].
    pub(crate) first_in_period: i32,
}

/// The number of partitions (a power of two).
pub(crate) const PARTITIONS: usize = 256;

/// Interviews staged per partition before they are applied.
pub(crate) const FLUSH_AT: usize = 256;

/// The hash bits that choose a partition: above those a table of up to 2^32 slots indexes
/// with, below the 7 top bits its control bytes use.
const PARTITION_SHIFT: u32 = 40;

/// One interview waiting to be applied: group, patient, day number.
type Staged = (u32, InlineKey, i32);

#[derive(Debug, Default)]
struct Partition {
    table: FxHashMap<(u32, InlineKey), Pair>,
    staged: Vec<Staged>,
}

/// The pair table, detachable so that another thread can update it while the builder's
/// thread parses (the streaming CSV path). Patient ids are keys of the table itself (inline
/// when short, boxed in a table of their own when longer than 23 bytes).
#[derive(Debug)]
pub(crate) struct PairSink {
    parts: Vec<Partition>,
    long: FxHashMap<(u32, Box<str>), Pair>,
    start_day: i32,
}

/// Records one interview of day number `day` in `pair`.
#[inline]
fn update(pair: &mut Pair, day: i32, start_day: i32) {
    pair.first_ever = pair.first_ever.min(day);
    if day >= start_day {
        pair.first_in_period = pair.first_in_period.min(day);
    }
}

/// A pair's first record.
#[inline]
fn fresh(day: i32, start_day: i32) -> Pair {
    Pair {
        first_ever: day,
        first_in_period: if day >= start_day { day } else { NONE },
    }
}

/// Keeps the earliest of each date.
fn earliest(pair: &mut Pair, other: &Pair) {
    pair.first_ever = pair.first_ever.min(other.first_ever);
    pair.first_in_period = pair.first_in_period.min(other.first_in_period);
}

#[inline]
fn partition_of(group: u32, key: &InlineKey) -> usize {
    let hash = BuildFx::default().hash_one((group, key));
    (hash >> PARTITION_SHIFT) as usize & (PARTITIONS - 1)
}

impl PairSink {
    pub(crate) fn new(start_day: i32) -> Self {
        PairSink {
            parts: (0..PARTITIONS).map(|_| Partition::default()).collect(),
            long: FxHashMap::default(),
            start_day,
        }
    }

    /// Records an interview of `patient` with `group` on day number `day`, as staged by
    /// `ActivityReportBuilder::stage`.
    #[inline]
    pub(crate) fn record(&mut self, group: u32, patient: IdKey, day: i32) {
        match patient {
            IdKey::Inline(key) => {
                let part = &mut self.parts[partition_of(group, &key)];
                part.staged.push((group, key, day));
                if part.staged.len() >= FLUSH_AT {
                    apply(part, self.start_day);
                }
            }
            IdKey::Long(key) => {
                let start_day = self.start_day;
                self.long
                    .entry((group, key))
                    .and_modify(|p| update(p, day, start_day))
                    .or_insert_with(|| fresh(day, start_day));
            }
        }
    }

    /// Applies every staged interview.
    pub(crate) fn flush(&mut self) {
        let start_day = self.start_day;
        for part in &mut self.parts {
            apply(part, start_day);
        }
    }

    /// Adds the pairs of `other`, whose group `g` is this table's group `remap[g]`; a pair
    /// held by both keeps the earliest of each date.
    pub(crate) fn merge(&mut self, mut other: PairSink, remap: &[u32]) {
        self.flush();
        other.flush();
        let group = |g: u32| remap.get(g as usize).copied().unwrap_or(g);
        let identity = remap.iter().enumerate().all(|(i, &g)| i as u32 == g);
        for (k, theirs) in other.parts.into_iter().enumerate() {
            if identity {
                // Same groups: a pair stays in its partition.
                let mine = &mut self.parts[k].table;
                mine.reserve(
                    theirs
                        .table
                        .len()
                        .saturating_sub(mine.capacity() - mine.len()),
                );
                for (key, pair) in theirs.table {
                    earliest(mine.entry(key).or_insert(pair), &pair);
                }
            } else {
                for ((g, key), pair) in theirs.table {
                    let g = group(g);
                    let mine = &mut self.parts[partition_of(g, &key)].table;
                    earliest(mine.entry((g, key)).or_insert(pair), &pair);
                }
            }
        }
        for ((g, key), pair) in other.long {
            earliest(self.long.entry((group(g), key)).or_insert(pair), &pair);
        }
    }

    /// How many distinct pairs are held (staged interviews counted once each, as applying
    /// them would).
    pub(crate) fn len(&self) -> usize {
        let staged_new = |part: &Partition| {
            let mut seen = std::collections::HashSet::<(u32, InlineKey), BuildFx>::default();
            part.staged
                .iter()
                .filter(|(g, k, _)| !part.table.contains_key(&(*g, *k)) && seen.insert((*g, *k)))
                .count()
        };
        self.parts
            .iter()
            .map(|p| p.table.len() + staged_new(p))
            .sum::<usize>()
            + self.long.len()
    }

    /// How many distinct patients the pairs name.
    pub(crate) fn distinct_patients(&self) -> usize {
        let mut short = std::collections::HashSet::<&InlineKey, BuildFx>::default();
        for part in &self.parts {
            short.extend(part.table.keys().map(|(_, p)| p));
            short.extend(part.staged.iter().map(|(_, p, _)| p));
        }
        let long: std::collections::HashSet<&str, BuildFx> =
            self.long.keys().map(|(_, p)| &**p).collect();
        short.len() + long.len()
    }

    /// Every pair: its group and its first dates (call [`flush`](Self::flush) first).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &Pair)> {
        debug_assert!(self.parts.iter().all(|p| p.staged.is_empty()));
        let short = self
            .parts
            .iter()
            .flat_map(|p| p.table.iter().map(|((g, _), pair)| (*g, pair)));
        short.chain(self.long.iter().map(|((g, _), p)| (*g, p)))
    }
}

/// Applies the staged interviews of one partition to its table.
#[inline]
fn apply(part: &mut Partition, start_day: i32) {
    let table = &mut part.table;
    for (group, key, day) in part.staged.drain(..) {
        table
            .entry((group, key))
            .and_modify(|p| update(p, day, start_day))
            .or_insert_with(|| fresh(day, start_day));
    }
}
