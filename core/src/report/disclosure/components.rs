//! Protecting a large set of cells piece by piece: cells that no chain of relations links
//! cannot tell anything about each other, so each connected part is protected on its own
//! (the same masks as one program over everything, at a fraction of the cost), on several
//! threads.

use super::protect::{protect_bounded, Protected, Start};
use super::Relations;

/// The cells whose state is decided before a protection starts (each `true` at its index;
/// shorter slices leave the rest free).
#[derive(Debug, Clone, Copy, Default)]
pub struct Fixed<'a> {
    /// Masked from the start, but may be published again when the attacker knows them
    /// exactly anyway: complements found table by table before the joint check.
    pub seeded: &'a [bool],
    /// Masked whatever happens (cells an earlier release masked). They are checked like
    /// every masked cell.
    pub masked: &'a [bool],
    /// Published whatever happens (cells an earlier release published): never masked,
    /// never taken as a complement.
    pub published: &'a [bool],
}

/// Primary and secondary suppression of a publication's cells (see
/// [`protect`](super::protect)), one connected part of `relations` at a time, on up to
/// `threads` threads (the result does not depend on them). It starts from the cells of
/// `fixed` (complements found table by table, cells of earlier releases), tries at most
/// `trials` complements per failing cell before taking the one leaving the most room, and
/// publishes a masked seeded complement the attacker knows exactly anyway (masking it would
/// hide nothing).
pub fn protect_parts(
    values: &[u64],
    relations: &Relations,
    threshold: u64,
    fixed: Fixed<'_>,
    trials: usize,
    threads: usize,
) -> Protected {
    let mut parts: Vec<Part> = connected_parts(values.len(), relations)
        .into_iter()
        .map(|cells| {
            let mut position = vec![None; values.len()];
            for (k, &c) in cells.iter().enumerate() {
                if let Some(p) = position.get_mut(c) {
                    *p = Some(k);
                }
            }
            let pick = |of: &[bool]| -> Vec<bool> {
                cells
                    .iter()
                    .map(|&c| of.get(c).copied().unwrap_or(false))
                    .collect()
            };
            Part {
                relations: relations.restricted(&|i| position.get(i).copied().flatten()),
                values: cells
                    .iter()
                    .map(|&c| values.get(c).copied().unwrap_or(0))
                    .collect(),
                seeded: pick(fixed.seeded),
                forced: pick(fixed.masked),
                published: pick(fixed.published),
                protected: Protected::default(),
                cells,
            }
        })
        .collect();
    on_threads(parts.iter_mut(), threads, |part| {
        let start = Start {
            seeded: &part.seeded,
            published: &part.published,
            trials,
            release_known: true,
        };
        part.protected = protect_bounded(
            &part.values,
            &part.relations,
            threshold,
            &part.forced,
            &start,
        );
    });
    let mut whole = Protected {
        masked: vec![false; values.len()],
        unprotected: Vec::new(),
    };
    for part in parts {
        for &k in &part.protected.unprotected {
            whole.unprotected.extend(part.cells.get(k));
        }
        for (c, m) in part.cells.into_iter().zip(part.protected.masked) {
            if let Some(slot) = whole.masked.get_mut(c) {
                *slot = m;
            }
        }
    }
    whole.unprotected.sort_unstable();
    whole
}

/// One connected part of a publication's cells, renumbered from 0, and its masks once
/// protected.
struct Part {
    /// The cells of the whole, in order.
    cells: Vec<usize>,
    values: Vec<u64>,
    seeded: Vec<bool>,
    forced: Vec<bool>,
    published: Vec<bool>,
    relations: Relations,
    protected: Protected,
}

/// Calls `work` on every item of `items`, on up to `threads` threads, each taking the next
/// item as it finishes one (items differ widely in cost). What `work` does must not depend
/// on the order.
pub(crate) fn on_threads<T: Send>(
    items: impl ExactSizeIterator<Item = T> + Send,
    threads: usize,
    work: impl Fn(T) + Sync,
) {
    let threads = threads.min(items.len());
    if threads < 2 {
        items.for_each(work);
        return;
    }
    let queue = std::sync::Mutex::new(items);
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                // A poisoned lock means another worker panicked: the scope passes that on.
                let next = queue.lock().ok().and_then(|mut items| items.next());
                match next {
                    Some(item) => work(item),
                    None => break,
                }
            });
        }
    });
}

/// The connected parts of `n` cells under `relations`, each a sorted list of cells, in the
/// order of their first cell.
fn connected_parts(n: usize, relations: &Relations) -> Vec<Vec<usize>> {
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for cells in relations.links() {
        let cells: Vec<usize> = cells.into_iter().filter(|&i| i < n).collect();
        if let Some((&first, rest)) = cells.split_first() {
            for &c in rest {
                let (a, b) = (root(&mut parent, first), root(&mut parent, c));
                if a != b {
                    parent[a.max(b)] = a.min(b);
                }
            }
        }
    }
    let mut parts: Vec<Vec<usize>> = Vec::new();
    let mut part_of = vec![usize::MAX; n];
    for i in 0..n {
        let r = root(&mut parent, i);
        if part_of[r] == usize::MAX {
            part_of[r] = parts.len();
            parts.push(Vec::new());
        }
        parts[part_of[r]].push(i);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unlinked_tables_are_protected_as_if_alone() {
        // two 2 x 2 tables with margins, side by side; the second one shifted by 9
        let one = [3u64, 20, 30, 40, 23, 70, 33, 60, 93];
        let lines = vec![
            vec![0, 1, 4],
            vec![2, 3, 5],
            vec![0, 2, 6],
            vec![1, 3, 7],
            vec![4, 5, 8],
            vec![6, 7, 8],
        ];
        let alone = super::super::protect(&one, &Relations::sums(lines.clone()), 11);
        let mut values = one.to_vec();
        values.extend([50, 60, 70, 80, 110, 150, 120, 140, 260]);
        let mut relations = Relations::sums(lines.clone());
        relations.append_shifted(&Relations::sums(lines), 9);
        for threads in [1, 2] {
            let masked = protect_parts(
                &values,
                &relations,
                11,
                Fixed::default(),
                usize::MAX,
                threads,
            )
            .masked;
            assert_eq!(&masked[..9], alone.as_slice());
            assert!(
                masked[9..].iter().all(|&m| !m),
                "nothing small in the second table"
            );
        }
        assert_eq!(connected_parts(18, &relations).len(), 2);
    }
}
