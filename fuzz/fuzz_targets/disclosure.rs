//! The disclosure invariant on small tables: after masking, no published count is from 1 to
//! threshold − 1, no line (row or column equation) has exactly one masked cell, and the
//! library's exact attacker check passes on every masked cell.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;
use common::quiet_caught_panics;
use patient_partner::report::disclosure::{is_protected, mask_cells, Relations};

fuzz_target!(|data: &[u8]| {
    quiet_caught_panics();
    // A table of r rows × 3 columns plus row totals and column totals, values from bytes.
    let Some((&shape, rest)) = data.split_first() else {
        return;
    };
    let rows = usize::from(shape % 6) + 1;
    let threshold = 11;
    let mut values = Vec::new();
    for r in 0..rows {
        let row: Vec<u64> = (0..3)
            .map(|c| u64::from(*rest.get(r * 3 + c).unwrap_or(&0) % 40))
            .collect();
        let total: u64 = row.iter().sum();
        values.extend(row);
        values.push(total);
    }
    // Column totals (4 of them: three columns and the grand total).
    let width = 4;
    for c in 0..width {
        values.push((0..rows).map(|r| values[r * width + c]).sum());
    }
    let mut lines: Vec<Vec<usize>> = (0..=rows)
        .map(|r| (0..width).map(|c| r * width + c).collect())
        .collect();
    for c in 0..width {
        lines.push((0..=rows).map(|r| r * width + c).collect());
    }
    let masked = mask_cells(&values, &lines, threshold);
    for (v, m) in values.iter().zip(&masked) {
        assert!(*m || *v == 0 || *v >= threshold, "published {v}");
    }
    for line in &lines {
        let n = line.iter().filter(|&&i| masked[i]).count();
        assert_ne!(n, 1, "a line with exactly one masked cell");
    }
    let relations = Relations::sums(lines);
    for (cell, &m) in masked.iter().enumerate() {
        if m && !masked.iter().all(|&x| x) {
            assert!(is_protected(&values, &relations, &masked, threshold, cell), "cell {cell} recoverable");
        }
    }
});
