//! Byte-level pieces shared by the model files (the entity tagger's `data/ner/model.bin`, the
//! part-of-speech tagger's `data/pos/model.bin`): a bounds-checked little-endian reader, and
//! ascending feature keys stored as delta varints (7 bits a byte, high bit = more follow).
//!
//! Both files are embedded and trusted, but a truncated or foreign file must give `None`,
//! never a panic or a wrapped key, so every read is checked.

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
}
