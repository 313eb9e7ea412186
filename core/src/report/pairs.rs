//! The (group, patient) pair table of a report: for each patient seen by each group, the
//! first interview day (ever, and in the period) and the buckets the patient was seen in.
//! It is what new patients and distinct patients (per bucket and over the period) are
//! counted from, and the only structure that grows with the data (never with the rows).
//!
//! The buckets seen are a 64-bit mask in the pair itself (a report of up to 64 buckets, five
//! years of months, needs nothing else); the visits to buckets beyond the 64th are kept as
//! (group, patient, bucket) entries in a set of their own, bounded by pairs × buckets.
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

use std::collections::HashSet;
use std::hash::BuildHasher;

use super::builder::NONE;
use super::fxhash::{BuildFx, FxHashMap, IdKey, InlineKey};

/// The first interview dates of one patient with one group, and the buckets of the period
/// the patient was seen in.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair {
    /// Day number of the first interview pushed (before or in the period).
    pub(crate) first_ever: i32,
    /// Day number of the first interview in the period, or [`NONE`].
    pub(crate) first_in_period: i32,
    /// Bit `b` set: the patient was seen in bucket `b` (buckets 0 to 63; later buckets are
    /// in [`PairSink`]'s set of wide visits).
    pub(crate) seen: u64,
}

/// One interview as the pair table needs it: its group, its day number and its bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Visit {
    /// The group's index in the builder.
    pub(crate) group: u32,
    /// The day number of the interview.
    pub(crate) day: i32,
    /// The bucket of the period, or [`NO_BUCKET`] for an interview before the period.
    pub(crate) bucket: u16,
}

/// The bucket of an interview outside the period.
pub(crate) const NO_BUCKET: u16 = u16::MAX;

/// The buckets a pair's mask holds.
const MASK_BUCKETS: u16 = 64;

/// The mask bit of `bucket` (0 for a bucket the mask does not hold).
#[inline]
fn bit(bucket: u16) -> u64 {
    if bucket < MASK_BUCKETS {
        1 << bucket
    } else {
        0
    }
}

/// The number of partitions (a power of two).
pub(crate) const PARTITIONS: usize = 256;

/// Interviews staged per partition before they are applied.
pub(crate) const FLUSH_AT: usize = 256;

/// The hash bits that choose a partition: above those a table of up to 2^32 slots indexes
/// with, below the 7 top bits its control bytes use.
const PARTITION_SHIFT: u32 = 40;

/// One interview waiting to be applied.
type Staged = (InlineKey, Visit);

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
    /// Visits to buckets the pair masks do not hold (from the 65th on): (group, patient,
    /// bucket), each once.
    wide: HashSet<(u32, IdKey, u16), BuildFx>,
    start_day: i32,
}

/// Records one interview in `pair`.
#[inline]
fn update(pair: &mut Pair, visit: Visit, start_day: i32) {
    pair.first_ever = pair.first_ever.min(visit.day);
    if visit.day >= start_day {
        pair.first_in_period = pair.first_in_period.min(visit.day);
        pair.seen |= bit(visit.bucket);
    }
}

/// A pair's first record.
#[inline]
fn fresh(visit: Visit, start_day: i32) -> Pair {
    let in_period = visit.day >= start_day;
    Pair {
        first_ever: visit.day,
        first_in_period: if in_period { visit.day } else { NONE },
        seen: if in_period { bit(visit.bucket) } else { 0 },
    }
}

/// Keeps the earliest of each date and every bucket seen.
fn earliest(pair: &mut Pair, other: &Pair) {
    pair.first_ever = pair.first_ever.min(other.first_ever);
    pair.first_in_period = pair.first_in_period.min(other.first_in_period);
    pair.seen |= other.seen;
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
            wide: HashSet::default(),
            start_day,
        }
    }

    /// Records an interview of `patient`, as staged by `ActivityReportBuilder::stage`.
    #[inline]
    pub(crate) fn record(&mut self, visit: Visit, patient: IdKey) {
        if visit.bucket >= MASK_BUCKETS && visit.bucket != NO_BUCKET {
            self.wide
                .insert((visit.group, patient.clone(), visit.bucket));
        }
        match patient {
            IdKey::Inline(key) => {
                let part = &mut self.parts[partition_of(&key)];
                part.staged.push((key, visit));
                if part.staged.len() >= FLUSH_AT {
                    apply(part, self.start_day);
                }
            }
            IdKey::Long(key) => {
                let start_day = self.start_day;
                self.long
                    .entry((visit.group, key))
                    .and_modify(|p| update(p, visit, start_day))
                    .or_insert_with(|| fresh(visit, start_day));
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
        self.wide.extend(
            other
                .wide
                .into_iter()
                .map(|(g, key, bucket)| (group(g), key, bucket)),
        );
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
                .filter(|(k, v)| {
                    !part.table.contains_key(&(v.group, *k)) && seen.insert((v.group, *k))
                })
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
            short.extend(part.staged.iter().map(|(p, _)| p));
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

    /// Every visit to a bucket beyond the pair masks: (group, bucket), once per patient.
    pub(crate) fn wide_visits(&self) -> impl Iterator<Item = (u32, u16)> + '_ {
        self.wide.iter().map(|(g, _, b)| (*g, *b))
    }
}

/// Applies the staged interviews of one partition to its table.
#[inline]
fn apply(part: &mut Partition, start_day: i32) {
    let table = &mut part.table;
    for (key, visit) in part.staged.drain(..) {
        table
            .entry((visit.group, key))
            .and_modify(|p| update(p, visit, start_day))
            .or_insert_with(|| fresh(visit, start_day));
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
            let day = 50 + ((i + offset) % 200) as i32;
            let bucket = if day >= 100 {
                ((day - 100) % 70) as u16
            } else {
                NO_BUCKET
            };
            sink.record(Visit { group, day, bucket }, key);
        }
        sink
    }

    /// Every pair as (group, first ever, first in period, mask), and every wide visit.
    type Contents = (Vec<(u32, i32, i32, u64)>, Vec<(u32, u16)>);

    fn sorted(mut sink: PairSink) -> Contents {
        sink.flush();
        let mut all: Vec<_> = sink
            .iter()
            .map(|(g, p)| (g, p.first_ever, p.first_in_period, p.seen))
            .collect();
        all.sort_unstable();
        let mut wide: Vec<_> = sink.wide_visits().collect();
        wide.sort_unstable();
        (all, wide)
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
        let (one, three) = (sorted(one), sorted(three));
        assert!(!one.1.is_empty(), "buckets beyond the mask are exercised");
        assert_eq!(one, three);
    }
}
