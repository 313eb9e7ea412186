//! A small, fast, non-cryptographic hasher for the report's internal tables.
//!
//! The aggregation looks up one partner and one patient id per interview; the standard
//! SipHash costs more than the rest of the work. This is the multiply-rotate hash used by
//! rustc (*FxHash*) with a final avalanche step, written out here to avoid a dependency. It is not resistant to
//! deliberately colliding keys: crafted ids can slow a report down, never change it.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// The FxHash hasher.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        // The multiply-rotate rounds leave the low bits (the table index) depending mostly
        // on the low bytes of each word; ids such as `PAT-0012345` differ in their last
        // bytes. A final avalanche (MurmurHash3's fmix64) spreads every input bit.
        let mut h = self.hash;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// Interns strings as dense `u32` indices, allocating only for a string never seen before.
#[derive(Debug, Default)]
pub(crate) struct Interner {
    index: FxHashMap<Box<str>, u32>,
}

impl Interner {
    /// The index of `s`, and whether it was just added.
    #[inline]
    pub(crate) fn intern(&mut self, s: &str) -> (u32, bool) {
        if let Some(&i) = self.index.get(s) {
            return (i, false);
        }
        // More than u32::MAX distinct ids cannot fit in memory anyway; saturate rather
        // than panic.
        let i = u32::try_from(self.index.len()).unwrap_or(u32::MAX);
        self.index.insert(s.into(), i);
        (i, true)
    }

    /// How many distinct strings were interned.
    pub(crate) fn len(&self) -> usize {
        self.index.len()
    }
}
