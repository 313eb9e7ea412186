//! Protecting a large set of cells piece by piece: cells that no chain of relations links
//! cannot tell anything about each other, so each connected part is protected on its own
//! (the same masks as one program over everything, at a fraction of the cost), on several
//! threads.

use super::protect::{protect_bounded, Start};
use super::Relations;

/// Primary and secondary suppression of a publication's cells (see
/// [`protect`](super::protect)), one connected part of `relations` at a time, on up to
/// `threads` threads (the result does not depend on them). It starts from the cells of
/// `seeded` masked (complements found table by table), tries at most `trials` complements
/// per failing cell before taking the one leaving the most room, and publishes a masked
/// complement the attacker knows exactly anyway (masking it would hide nothing).
pub fn protect_parts(
    values: &[u64],
    relations: &Relations,
    threshold: u64,
    seeded: &[bool],
    trials: usize,
    threads: usize,
) -> Vec<bool> {
    let parts = connected_parts(values.len(), relations);
    type Job = (Vec<usize>, Vec<u64>, Vec<bool>, Relations);
    let jobs: Vec<Job> = parts
        .into_iter()
        .map(|cells| {
            let mut position = vec![None; values.len()];
            for (k, &c) in cells.iter().enumerate() {
                if let Some(p) = position.get_mut(c) {
                    *p = Some(k);
                }
            }
            let local = relations.restricted(&|i| position.get(i).copied().flatten());
            let local_values = cells
                .iter()
                .map(|&c| values.get(c).copied().unwrap_or(0))
                .collect();
            let local_forced = cells
                .iter()
                .map(|&c| seeded.get(c).copied().unwrap_or(false))
                .collect();
            (cells, local_values, local_forced, local)
        })
        .collect();
    let mut masked = vec![false; values.len()];
    let run = |(cells, local_values, local_forced, local): &Job| {
        (
            cells.clone(),
            protect_bounded(
                local_values,
                local,
                threshold,
                &[],
                &Start {
                    seeded: local_forced,
                    trials,
                    release_known: true,
                },
            ),
        )
    };
    let results: Vec<(Vec<usize>, Vec<bool>)> = if threads < 2 || jobs.len() < 2 {
        jobs.iter().map(run).collect()
    } else {
        let next = std::sync::atomic::AtomicUsize::new(0);
        let found = std::sync::Mutex::new(Vec::new());
        std::thread::scope(|scope| {
            for _ in 0..threads.min(jobs.len()) {
                scope.spawn(|| loop {
                    let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                    let Some(job) = jobs.get(i) else { break };
                    let result = run(job);
                    if let Ok(mut found) = found.lock() {
                        found.push(result);
                    }
                });
            }
        });
        found.into_inner().unwrap_or_default()
    };
    for (cells, local) in results {
        for (c, m) in cells.into_iter().zip(local) {
            if let Some(slot) = masked.get_mut(c) {
                *slot = m;
            }
        }
    }
    masked
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
            let masked = protect_parts(&values, &relations, 11, &[], usize::MAX, threads);
            assert_eq!(&masked[..9], alone.as_slice());
            assert!(
                masked[9..].iter().all(|&m| !m),
                "nothing small in the second table"
            );
        }
        assert_eq!(connected_parts(18, &relations).len(), 2);
    }
}
