//! The (group, patient) pair table of a report: for each patient seen by each group, the
//! first interview day (ever, and in the period). It is what new patients and distinct
//! patients are counted from, and the only structure that grows with the data (never with
//! the rows).
//!
//! With millions of pairs the table is far larger than the processor's caches, and updating
//! it one interview at a time costs a cache miss per row. So the table is **radix
//! partitioned**: the pairs are split by bits of their patient's hash into [`PARTITIONS`]
//! tables, and
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

/// The partition of a patient's pairs: by the patient alone, so that a pair falls in the
/// same partition in every table whatever its group's number there, and two tables merge
/// partition by partition (in parallel).
#[inline]
fn partition_of(key: &InlineKey) -> usize {
    let hash = BuildFx::default().hash_one(key);
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
                let part = &mut self.parts[partition_of(&key)];
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
    /// held by both keeps the earliest of each date. With `threads` > 1 the partitions are
    /// merged on that many threads (each partition by one thread: no lock).
    pub(crate) fn merge(&mut self, mut other: PairSink, remap: &[u32], threads: usize) {
        self.flush();
        other.flush();
        let group = |g: u32| remap.get(g as usize).copied().unwrap_or(g);
        let merge_part = |mine: &mut Partition, theirs: Partition| {
            let table = &mut mine.table;
            table.reserve(
                theirs
                    .table
                    .len()
                    .saturating_sub(table.capacity() - table.len()),
            );
            for ((g, key), pair) in theirs.table {
                let g = group(g);
                earliest(table.entry((g, key)).or_insert(pair), &pair);
            }
        };
        let big = other.parts.iter().map(|p| p.table.len()).sum::<usize>() > 100_000;
        if threads > 1 && big {
            let chunk = PARTITIONS.div_ceil(threads);
            let mut theirs = other.parts.into_iter();
            std::thread::scope(|scope| {
                for mine in self.parts.chunks_mut(chunk) {
                    let batch: Vec<Partition> = theirs.by_ref().take(mine.len()).collect();
                    let merge_part = &merge_part;
                    scope.spawn(move || {
                        for (m, t) in mine.iter_mut().zip(batch) {
                            merge_part(m, t);
                        }
                    });
                }
            });
        } else {
            for (mine, theirs) in self.parts.iter_mut().zip(other.parts) {
                merge_part(mine, theirs);
            }
        }
        for ((g, key), pair) in other.long {
            earliest(self.long.entry((group(g), key)).or_insert(pair), &pair);
        }
    }

    /// Whether no interview was recorded.
    pub(crate) fn is_empty(&self) -> bool {
        self.long.is_empty()
            && self
                .parts
                .iter()
                .all(|p| p.table.is_empty() && p.staged.is_empty())
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

#[cfg(test)]
mod tests {
    use super::*;

    fn sink(offset: u32, remap_groups: bool) -> PairSink {
        let mut sink = PairSink::new(100);
        for i in 0..150_000u32 {
            let group = if remap_groups { (i + 1) % 7 } else { i % 7 };
            let key = IdKey::new(&format!("PAT-{}", (i * 7 + offset) % 90_000));
            sink.record(group, key, 50 + ((i + offset) % 200) as i32);
        }
        sink
    }

    fn sorted(mut sink: PairSink) -> Vec<(u32, i32, i32)> {
        sink.flush();
        let mut all: Vec<_> = sink
            .iter()
            .map(|(g, p)| (g, p.first_ever, p.first_in_period))
            .collect();
        all.sort_unstable();
        all
    }

    #[test]
    fn merging_on_several_threads_gives_the_one_thread_table() {
        // Groups numbered differently in the two tables (remap), more than 100,000 pairs:
        // the parallel path.
        let remap: Vec<u32> = (0..7).map(|g| (g + 6) % 7).collect();
        let mut one = sink(0, false);
        one.merge(sink(3, true), &remap, 1);
        let mut three = sink(0, false);
        three.merge(sink(3, true), &remap, 3);
        assert!(one.len() > 100_000);
        assert_eq!(one.len(), three.len());
        assert_eq!(sorted(one), sorted(three));
    }
}
