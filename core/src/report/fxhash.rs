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

/// The `BuildHasher` of [`FxHasher`].
pub(crate) type BuildFx = BuildHasherDefault<FxHasher>;

/// A `HashMap` with [`FxHasher`].
pub(crate) type FxHashMap<K, V> = HashMap<K, V, BuildFx>;

/// A string of at most [`INLINE_MAX`] bytes held inline: its bytes, zero-padded, and its
/// length in the last byte. Comparing two keys is three word comparisons, with no pointer to
/// follow: identifiers such as `PAT-0012345` never leave the hash table's own memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct InlineKey([u64; 3]);

/// The longest string an [`InlineKey`] holds.
const INLINE_MAX: usize = 23;

impl InlineKey {
    #[inline]
    fn new(s: &str) -> Option<Self> {
        let bytes = s.as_bytes();
        if bytes.len() > INLINE_MAX {
            return None;
        }
        let mut buf = [0u8; 24];
        buf[..bytes.len()].copy_from_slice(bytes);
        buf[23] = bytes.len() as u8;
        let word = |i: usize| {
            let mut w = [0u8; 8];
            w.copy_from_slice(&buf[i * 8..i * 8 + 8]);
            u64::from_le_bytes(w)
        };
        Some(InlineKey([word(0), word(1), word(2)]))
    }
}

impl std::hash::Hash for InlineKey {
    #[inline]
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0[0]);
        state.write_u64(self.0[1]);
        state.write_u64(self.0[2]);
    }
}

/// A string prepared for an [`Interner`]: inline when short, boxed otherwise. It owns its
/// bytes, so that it can be sent to the thread that interns it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum IdKey {
    /// At most [`INLINE_MAX`] bytes.
    Inline(InlineKey),
    /// Longer.
    Long(Box<str>),
}

impl IdKey {
    /// The key of `s`.
    #[inline]
    pub(crate) fn new(s: &str) -> Self {
        match InlineKey::new(s) {
            Some(key) => IdKey::Inline(key),
            None => IdKey::Long(s.into()),
        }
    }
}

/// Interns strings as dense `u32` indices, allocating only for a long string never seen
/// before (strings of up to [`INLINE_MAX`] bytes are stored inline).
#[derive(Debug, Default)]
pub(crate) struct Interner {
    short: FxHashMap<InlineKey, u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl Interner {
    /// The index of `s`, and whether it was just added.
    #[inline]
    pub(crate) fn intern(&mut self, s: &str) -> (u32, bool) {
        match InlineKey::new(s) {
            Some(key) => self.intern_inline(key),
            None => self.intern_long(s),
        }
    }

    /// The next index. More than `u32::MAX` distinct ids cannot fit in memory anyway:
    /// saturate rather than panic.
    #[inline]
    fn next(&self) -> u32 {
        u32::try_from(self.len()).unwrap_or(u32::MAX)
    }

    #[inline]
    fn intern_inline(&mut self, key: InlineKey) -> (u32, bool) {
        let next = self.next();
        match self.short.entry(key) {
            std::collections::hash_map::Entry::Occupied(e) => (*e.get(), false),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(next);
                (next, true)
            }
        }
    }

    fn intern_long(&mut self, s: &str) -> (u32, bool) {
        if let Some(&i) = self.long.get(s) {
            return (i, false);
        }
        let next = self.next();
        self.long.insert(s.into(), next);
        (next, true)
    }

    /// How many distinct strings were interned.
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_long_strings_get_distinct_dense_indices() {
        let mut interner = Interner::default();
        let long = "X".repeat(40);
        let edge = "Y".repeat(INLINE_MAX);
        let over = "Y".repeat(INLINE_MAX + 1);
        assert_eq!(interner.intern("PAT-1"), (0, true));
        assert_eq!(interner.intern(&long), (1, true));
        assert_eq!(interner.intern(""), (2, true));
        assert_eq!(interner.intern(&edge), (3, true));
        assert_eq!(interner.intern(&over), (4, true));
        assert_eq!(interner.intern("PAT-1"), (0, false));
        assert_eq!(interner.intern(&long), (1, false));
        assert_eq!(interner.intern(""), (2, false));
        assert_eq!(interner.intern(&edge), (3, false));
        assert_eq!(interner.intern(&over), (4, false));
        // A string and the same string with a trailing NUL differ (the length is kept).
        assert_eq!(interner.intern("PAT-1\0"), (5, true));
        assert_eq!(interner.len(), 6);
        assert_eq!(IdKey::new(&over), IdKey::Long(over.clone().into()));
        assert!(matches!(IdKey::new(&edge), IdKey::Inline(_)));
    }
}
