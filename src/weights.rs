//! Byte-level pieces shared by the model files (the entity tagger's `data/ner/model.bin`, the
//! part-of-speech tagger's `data/pos/model.bin`, the quote edges' `data/quotes/edges.bin`): a
//! bounds-checked little-endian reader, and ascending feature keys stored as delta varints (7
//! bits a byte, high bit = more follow), and the loaded form of all three: [`Rows`], feature key
//! → row of `i8` weights. The last two files are one such table after their magic
//! ([`write_rows`], [`Reader::rows`]).
//!
//! The files are embedded and trusted, but a truncated or foreign file must give `None`,
//! never a panic or a wrapped key, so every read is checked.

/// FNV-1a 64-bit offset basis and prime: every model's feature keys start from FNV-1a over the
/// feature's template number and strings (the entity tagger then mixes per-token hashes, see
/// `actors::tag::features`; the part-of-speech tagger and the quote edges fold to 32 bits, see
/// `text::pos::hash`). Changing either constant invalidates every weight file.
pub(crate) const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
pub(crate) const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// Continues an FNV-1a hash `h` over `bytes`.
pub(crate) fn fnv1a(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h = (h ^ b as u64).wrapping_mul(FNV_PRIME);
    }
    h
}

/// Reads little-endian values from the front of a byte slice; `None` once it runs short.
pub(crate) struct Reader<'a>(pub &'a [u8]);

impl<'a> Reader<'a> {
    pub fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (a, b) = self.0.split_at(n);
        self.0 = b;
        Some(a)
    }

    pub fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub fn f32(&mut self) -> Option<f32> {
        Some(f32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    pub fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let (&b, rest) = self.0.split_first()?;
            self.0 = rest;
            v |= ((b & 0x7f) as u32).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }

    /// `rows` ascending keys written by [`write_keys`].
    pub fn keys(&mut self, rows: usize) -> Option<Vec<u32>> {
        let mut keys = Vec::with_capacity(rows.min(self.0.len()));
        let mut k = 0u32;
        for _ in 0..rows {
            k = k.checked_add(self.varint()?)?;
            keys.push(k);
        }
        Some(keys)
    }
}

impl Reader<'_> {
    /// A table written by [`write_masked_rows`], with `width` weights a key.
    pub fn masked_rows(&mut self, width: usize) -> Option<Rows> {
        let n = self.u32()? as usize;
        let _scale = self.f32()?;
        let keys = self.keys(n)?;
        let w = self.masked_weights(n, width)?;
        Some(Rows::new(keys, w, width))
    }

    /// `rows` rows of `width` weights written by [`write_masks`].
    pub fn masked_weights(&mut self, rows: usize, width: usize) -> Option<Vec<i8>> {
        let bytes = width.div_ceil(8);
        if width == 0 || width > 32 {
            return None;
        }
        let masks = self.take(rows.checked_mul(bytes)?)?;
        // The non-zero weights follow the masks; `values` walks them.
        let mut values = self.0.iter();
        let mut weights = vec![0i8; rows * width];
        for (row, m) in weights.chunks_exact_mut(width).zip(masks.chunks_exact(bytes)) {
            let mut bits = m.iter().enumerate().fold(0u64, |a, (i, &b)| a | u64::from(b) << (8 * i));
            if bits >> width != 0 {
                return None;
            }
            while bits != 0 {
                row[bits.trailing_zeros() as usize] = *values.next()? as i8;
                bits &= bits - 1;
            }
        }
        self.0 = values.as_slice();
        Some(weights)
    }

    /// A table written by [`write_rows`], with `width` weights a key.
    pub fn rows(&mut self, width: usize) -> Option<Rows> {
        let n = self.u32()? as usize;
        // The scale turns the weights back into floats; the models that use this table choose
        // by an argmax over integer sums, which a positive scale does not change.
        let _scale = self.f32()?;
        let keys = self.keys(n)?;
        let w = self.take(n.checked_mul(width)?)?;
        Some(Rows::new(keys, w.iter().map(|&b| b as i8).collect(), width))
    }
}

/// Appends a key → weight-row table: the key count, the scale, the ascending `keys` (delta
/// varints), then the weights row by row. Read back with [`Reader::rows`].
pub(crate) fn write_rows(out: &mut Vec<u8>, keys: &[u32], weights: &[i8], scale: f32) {
    out.extend((keys.len() as u32).to_le_bytes());
    out.extend(scale.to_le_bytes());
    write_keys(out, keys);
    out.extend(weights.iter().map(|&w| w as u8));
}

/// Appends a key → weight-row table without its zero weights (most are): the key count, the
/// scale, the ascending `keys` (delta varints), then [`write_masks`]. Read back with
/// [`Reader::masked_rows`]; gzip makes it about a tenth smaller than [`write_rows`]'s.
pub(crate) fn write_masked_rows(out: &mut Vec<u8>, keys: &[u32], weights: &[i8], width: usize, scale: f32) {
    out.extend((keys.len() as u32).to_le_bytes());
    out.extend(scale.to_le_bytes());
    write_keys(out, keys);
    write_masks(out, weights, width);
}

/// Appends rows of `width` (at most 32) weights as one mask per row, `width.div_ceil(8)` bytes
/// (bit `l`, least significant first, set when weight `l` is not zero), then the non-zero
/// weights of all rows in order. Read back with [`Reader::masked_weights`].
pub(crate) fn write_masks(out: &mut Vec<u8>, weights: &[i8], width: usize) {
    for row in weights.chunks(width) {
        let bits = row.iter().enumerate().fold(0u32, |a, (l, &w)| a | u32::from(w != 0) << l);
        out.extend(&bits.to_le_bytes()[..width.div_ceil(8)]);
    }
    out.extend(weights.iter().filter(|&&w| w != 0).map(|&w| w as u8));
}

/// Appends ascending `keys` as delta varints.
pub(crate) fn write_keys(out: &mut Vec<u8>, keys: &[u32]) {
    let mut prev = 0u32;
    for &k in keys {
        let mut d = k.wrapping_sub(prev);
        prev = k;
        while d >= 0x80 {
            out.push((d as u8 & 0x7f) | 0x80);
            d >>= 7;
        }
        out.push(d as u8);
    }
}

/// Feature keys with a row of `width` quantised weights each, found through an open-addressing
/// table: one multiply and usually one probe per lookup (the keys are hashes already, and a
/// general-purpose hash map cost a third of the tagging time).
///
/// A slot holds the key and its row number together in one `u64` (row + 1 in the high half, 0
/// for an empty slot), so a hit costs two dependent loads (slot, then the row's weights) instead
/// of three (slot → key array → weights), and a miss one: the taggers spend most of their time
/// waiting for these loads, not adding. The weights stay packed in key order.
pub(crate) struct Rows {
    table: Vec<u64>,
    weights: Vec<i8>,
    width: usize,
    shift: u32,
}

fn slot(key: u32, shift: u32) -> usize {
    (key.wrapping_mul(0x9e37_79b1) >> shift) as usize
}

impl Rows {
    /// `weights` holds `keys.len() * width` values, row by row in key order.
    pub fn new(keys: Vec<u32>, weights: Vec<i8>, width: usize) -> Rows {
        // At most ~2/3 full, so linear probing stays short.
        let bits = (keys.len() * 3 / 2 + 1).max(16).next_power_of_two().trailing_zeros();
        let mut table = vec![0u64; 1 << bits];
        let shift = 32 - bits;
        let wrap = table.len() - 1;
        let rows = keys.len().min(weights.len() / width.max(1));
        for (row, &k) in keys.iter().take(rows).enumerate() {
            let mut s = slot(k, shift);
            while table[s] != 0 {
                s = (s + 1) & wrap;
            }
            table[s] = ((row as u64 + 1) << 32) | k as u64;
        }
        Rows { table, weights, width, shift }
    }

    /// The weight row of `key`, if the model has one.
    pub fn row(&self, key: u32) -> Option<&[i8]> {
        let mask = self.table.len() - 1;
        let mut s = slot(key, self.shift);
        loop {
            let e = *self.table.get(s)?;
            let r = (e >> 32) as usize;
            if r == 0 {
                return None;
            }
            if e as u32 == key {
                return self.weights.get((r - 1) * self.width..r * self.width);
            }
            s = (s + 1) & mask;
        }
    }

    /// The sums of the rows of `keys` (unknown keys add nothing); `N` is the row width.
    pub fn sum<'k, const N: usize>(&self, keys: impl IntoIterator<Item = &'k u32>) -> [i32; N] {
        let mut acc = [0i32; N];
        for &k in keys {
            // A fixed-length row lets the compiler add it in a few vector instructions.
            // Indexed, not zipped: without cross-crate inlining (LTO off) `Zip::new` stayed a
            // call per key.
            if let Some(w) = self.row(k).and_then(|w| <&[i8; N]>::try_from(w).ok()) {
                for j in 0..N {
                    acc[j] += w[j] as i32;
                }
            }
        }
        acc
    }

    /// How many keys the table holds.
    #[cfg(any(test, feature = "dev"))]
    pub fn len(&self) -> usize {
        self.table.iter().filter(|&&e| e != 0).count()
    }

    /// The keys in ascending order with their rows, for writing a model back out (training and
    /// tests only).
    #[cfg(any(test, feature = "dev"))]
    pub fn entries(&self) -> (Vec<u32>, Vec<i8>) {
        let mut e: Vec<(u32, usize)> =
            self.table.iter().filter(|&&e| e != 0).map(|&e| (e as u32, (e >> 32) as usize - 1)).collect();
        e.sort_unstable();
        let w = self.width;
        (
            e.iter().map(|&(k, _)| k).collect(),
            e.iter().flat_map(|&(_, r)| self.weights[r * w..(r + 1) * w].iter().copied()).collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_short_input_is_none() {
        let keys = [0, 1, 127, 128, 300, 70_000, u32::MAX];
        let mut out = Vec::new();
        write_keys(&mut out, &keys);
        assert_eq!(Reader(&out).keys(keys.len()), Some(keys.to_vec()));
        assert_eq!(Reader(&out[..out.len() - 1]).keys(keys.len()), None);
        assert_eq!(Reader(&[1, 2, 3]).u32(), None);
    }

    #[test]
    fn rows_find_their_keys_and_sum() {
        let keys: Vec<u32> = (0..100).map(|i| i * 7919).collect();
        let weights: Vec<i8> = (0..200).map(|i| (i % 100) as i8).collect();
        let r = Rows::new(keys.clone(), weights, 2);
        assert_eq!(r.row(7919 * 3), Some(&[6i8, 7][..]));
        assert_eq!(r.row(5), None);
        assert_eq!(r.sum::<2>(&[0, 7919, 5]), [2, 4]);
        assert_eq!(r.entries(), (keys, (0..200).map(|i| (i % 100) as i8).collect()));
    }

    #[test]
    fn a_table_with_key_zero_and_the_next_values_finds_them_all() {
        // An empty slot must not be mistaken for key 0.
        let keys: Vec<u32> = vec![0, 1, 2, 3, 9, u32::MAX];
        let weights: Vec<i8> = (0..6).collect();
        let r = Rows::new(keys, weights, 1);
        for (k, w) in [(0, 0), (1, 1), (2, 2), (3, 3), (9, 4), (u32::MAX, 5)] {
            assert_eq!(r.row(k), Some(&[w][..]), "key {k}");
        }
        assert_eq!(r.row(4), None);
        assert_eq!(r.len(), 6);
    }
}
