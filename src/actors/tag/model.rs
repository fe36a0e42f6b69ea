//! The linear-chain model: per-feature label weights, label transitions, Viterbi decoding.
//!
//! Weights are an averaged structured perceptron's, pruned (features whose weights are all
//! tiny are dropped) and quantised to `i8` with one scale per model, so a feature costs its
//! key and at most 17 bytes. At load the keys go into an open-addressing table;
//! scoring a token is one probe per feature plus 17 integer additions.
//!
//! Decoding is Viterbi over BILOU labels with the transitions BILOU forbids (an `I-PER` after
//! `O`, a `B-ORG` followed by `L-LOC`, a sentence ending inside an entity) ruled out, so every
//! output decodes into whole, non-overlapping mentions.
//!
//! File layout (little endian): `b"NLNER3"`, a `u8` count of models, a `u32` count of keys and
//! the keys of all the models together (ascending, varint deltas: three keys in five are in
//! both models, so each is written once), then per model: `u32` rows, `f32` scale,
//! `(LABELS + 1) * LABELS` `f32` transitions (the last row is the start state), one bit per key
//! of the list (least significant first) saying whether the model has a row for it, a mask of
//! three bytes per row (bit `l` set when the row's weight for label `l` is not zero; about
//! three weights in four are zero), then the non-zero `i8` weights of all its rows in order
//! ([`crate::weights::write_masks`]). Loaded, the rows are the same integers as a plain
//! `rows * LABELS` array (layout `NLNER2`); gzipped, which is what the Wasm module carries, the
//! file is 17% smaller than in that layout (381 kB against 461 kB).

use super::features::{label_pos, label_type, LABELS};
use crate::weights::{Reader, Rows};

pub(crate) const MAGIC: &[u8; 6] = b"NLNER3";

/// Transition scores, `trans[prev][next]`, with `prev == LABELS` the sentence start.
pub(crate) type Trans = [[f32; LABELS]; LABELS + 1];

pub(crate) struct Model {
    rows: Rows,
    scale: f32,
    pub trans: Trans,
}

impl Model {
    /// Builds a model from sorted keys and their quantised weights.
    pub fn new(keys: Vec<u32>, weights: Vec<i8>, scale: f32, trans: Trans) -> Model {
        Model { rows: Rows::new(keys, weights, LABELS), scale, trans: mask(&trans) }
    }

    /// The integer sums of the weight rows of the given feature keys.
    pub fn sum<'k>(&self, keys: impl IntoIterator<Item = &'k u32>) -> [i32; LABELS] {
        self.rows.sum::<LABELS>(keys)
    }

    /// Emission scores from summed rows ([`Model::sum`]).
    pub fn scaled(&self, sums: [i32; LABELS]) -> [f32; LABELS] {
        sums.map(|a| a as f32 * self.scale)
    }

    /// Parses one model from the front of `bytes` (its keys among `all`), returning it and
    /// the rest.
    fn parse<'b>(bytes: &'b [u8], all: &[u32]) -> Option<(Model, &'b [u8])> {
        let mut r = Reader(bytes);
        let rows = r.u32()? as usize;
        let scale = r.f32()?;
        let mut trans = [[0f32; LABELS]; LABELS + 1];
        for row in trans.iter_mut() {
            for t in row.iter_mut() {
                *t = r.f32()?;
            }
        }
        let member = r.take(all.len().div_ceil(8))?;
        let keys: Vec<u32> =
            all.iter().enumerate().filter(|&(j, _)| member[j / 8] >> (j % 8) & 1 == 1).map(|(_, &k)| k).collect();
        if keys.len() != rows {
            return None;
        }
        let weights = r.masked_weights(rows, LABELS)?;
        Some((Model::new(keys, weights, scale, trans), r.0))
    }

    /// Serialises the model in the layout [`parse_models`] reads, its keys among `all`.
    #[cfg(feature = "dev")]
    fn encode(&self, all: &[u32], out: &mut Vec<u8>) {
        let (keys, weights) = self.rows.entries();
        out.extend((keys.len() as u32).to_le_bytes());
        out.extend(self.scale.to_le_bytes());
        for row in &self.trans {
            for t in row {
                out.extend(t.to_le_bytes());
            }
        }
        let mut member = vec![0u8; all.len().div_ceil(8)];
        for k in &keys {
            if let Ok(j) = all.binary_search(k) {
                member[j / 8] |= 1 << (j % 8);
            }
        }
        out.extend(member);
        crate::weights::write_masks(out, &weights, LABELS);
    }

    /// The model without the rows whose largest weight is below `min` in absolute value
    /// (quantised units): the smallest features move a score by less than rounding does.
    #[cfg(feature = "dev")]
    pub fn pruned(&self, min: i8) -> Model {
        let (keys, weights) = self.rows.entries();
        let (mut k, mut w) = (Vec::new(), Vec::new());
        for (key, row) in keys.iter().zip(weights.chunks(LABELS)) {
            if row.iter().any(|x| x.unsigned_abs() >= min.unsigned_abs()) {
                k.push(*key);
                w.extend_from_slice(row);
            }
        }
        Model { rows: Rows::new(k, w, LABELS), scale: self.scale, trans: self.trans }
    }

    #[cfg(feature = "dev")]
    pub fn rows(&self) -> usize {
        self.rows.len()
    }
}

/// Writes a model file in the layout [`parse_models`] reads.
#[cfg(feature = "dev")]
pub(crate) fn encode_models(models: &[&Model]) -> Vec<u8> {
    let mut all: Vec<u32> = models.iter().flat_map(|m| m.rows.entries().0).collect();
    all.sort_unstable();
    all.dedup();
    let mut out = MAGIC.to_vec();
    out.push(models.len() as u8);
    out.extend((all.len() as u32).to_le_bytes());
    crate::weights::write_keys(&mut out, &all);
    for m in models {
        m.encode(&all, &mut out);
    }
    out
}

/// Parses a model file: the first and second pass models, or `None` if it is not one.
pub(crate) fn parse_models(bytes: &[u8]) -> Option<Vec<Model>> {
    let rest = bytes.strip_prefix(MAGIC.as_slice())?;
    let (&n, rest) = rest.split_first()?;
    let mut r = Reader(rest);
    let count = r.u32()? as usize;
    let all = r.keys(count)?;
    let mut rest = r.0;
    let mut models = Vec::new();
    for _ in 0..n {
        let (m, r) = Model::parse(rest, &all)?;
        models.push(m);
        rest = r;
    }
    rest.is_empty().then_some(models)
}

/// Whether BILOU allows `next` after `prev` (`prev == None` at the sentence start).
pub(crate) fn allowed(prev: Option<u8>, next: u8) -> bool {
    let inside = prev.is_some_and(|p| p != 0 && label_pos(p) < 2);
    match label_type(next) {
        None => !inside,
        Some(t) => {
            let continues = label_pos(next) == 1 || label_pos(next) == 2;
            if continues {
                inside && prev.and_then(label_type) == Some(t)
            } else {
                !inside
            }
        }
    }
}

/// Whether a sentence may end on `label` (not inside an entity).
fn may_end(label: u8) -> bool {
    label == 0 || label_pos(label) >= 2
}

/// The transitions with those BILOU forbids set to minus infinity (the start row included).
pub(crate) fn mask(trans: &Trans) -> Trans {
    let mut m = *trans;
    for (p, row) in m.iter_mut().enumerate() {
        let prev = (p < LABELS).then_some(p as u8);
        for (l, t) in row.iter_mut().enumerate() {
            if !allowed(prev, l as u8) {
                *t = f32::NEG_INFINITY;
            }
        }
    }
    m
}

/// The best label sequence for the given emission scores, into `out`. `trans` must be
/// [`mask`]ed: forbidden transitions are minus infinity.
pub(crate) fn viterbi(emissions: &[[f32; LABELS]], trans: &Trans, out: &mut Vec<u8>) {
    out.clear();
    let n = emissions.len();
    if n == 0 {
        return;
    }
    const NEG: f32 = f32::NEG_INFINITY;
    // Forward: each position's best score per label, kept for the backtrace. Only the best
    // values are computed here, as whole rows padded to 4-lane vectors (the padding is minus
    // infinity): branch-free, so the compiler turns them into vector adds, compares and selects
    // (SSE natively, SIMD128 in Wasm). The pairs BILOU forbids are minus infinity in `trans`,
    // so their sums never win.
    let mut tp = [[NEG; PAD]; LABELS];
    for (t, row) in tp.iter_mut().zip(trans.iter()) {
        t[..LABELS].copy_from_slice(row);
    }
    let mut scores = vec![[NEG; LABELS]; n];
    for (l, s) in scores[0].iter_mut().enumerate() {
        *s = trans[LABELS][l] + emissions[0][l];
    }
    for i in 1..n {
        let score = scores[i - 1];
        let mut best = [NEG; PAD];
        for (p, row) in tp.iter().enumerate() {
            let s = score[p];
            for l in 0..PAD {
                let v = s + row[l];
                best[l] = if v > best[l] { v } else { best[l] };
            }
        }
        for l in 0..LABELS {
            scores[i][l] = best[l] + emissions[i][l];
        }
    }
    let mut last = 0u8;
    let mut best = NEG;
    for (l, &s) in scores[n - 1].iter().enumerate() {
        if may_end(l as u8) && s > best {
            best = s;
            last = l as u8;
        }
    }
    // Backtrace: the predecessor of `last` is the first label, in ascending order, with the
    // greatest sum: the same scan (same additions, strictly greater) as the forward pass made,
    // so the same label it would have recorded; 0 when none is reachable, as before.
    out.resize(n, 0);
    out[n - 1] = last;
    for i in (1..n).rev() {
        let l = last as usize;
        let mut best = NEG;
        let mut arg = 0u8;
        for (p, row) in trans.iter().take(LABELS).enumerate() {
            let v = scores[i - 1][p] + row[l];
            if v > best {
                best = v;
                arg = p as u8;
            }
        }
        last = arg;
        out[i - 1] = last;
    }
}

/// [`LABELS`] rounded up to whole 4-lane vectors.
const PAD: usize = LABELS.div_ceil(4) * 4;

#[cfg(test)]
mod tests {
    use super::super::features::label;
    use super::*;

    #[test]
    fn viterbi_never_breaks_bilou() {
        // Emissions that alone would say "I-PER O L-ORG": decoding must repair them.
        let mut e = [[0f32; LABELS]; 3];
        e[0][label(0, 1) as usize] = 5.0;
        e[1][0] = 1.0;
        e[2][label(1, 2) as usize] = 5.0;
        let mut out = Vec::new();
        viterbi(&e, &mask(&[[0f32; LABELS]; LABELS + 1]), &mut out);
        let mut prev = None;
        for &l in &out {
            assert!(allowed(prev, l), "{out:?}");
            prev = Some(l);
        }
        assert!(may_end(out[2]));
    }

    #[test]
    #[cfg(feature = "dev")]
    fn shipped_models_write_back_to_the_same_bytes() {
        let models = parse_models(super::super::MODEL_BYTES).expect("shipped models");
        assert_eq!(models.len(), 2);
        assert_eq!(encode_models(&models.iter().collect::<Vec<_>>()), super::super::MODEL_BYTES);
    }

    #[test]
    #[cfg(feature = "dev")]
    fn models_round_trip_with_partly_shared_keys() {
        let t = [[0.5f32; LABELS]; LABELS + 1];
        let row = |i: u32| (0..LABELS as u32).map(move |l| if (i + l) % 3 == 0 { (i * 7 + l) as i8 } else { 0 });
        let a_keys: Vec<u32> = vec![0, 3, 9, 400, u32::MAX];
        let b_keys: Vec<u32> = vec![3, 5, 400, 70_000];
        let a = Model::new(a_keys.clone(), a_keys.iter().flat_map(|&k| row(k % 50)).collect(), 0.25, t);
        let b = Model::new(b_keys.clone(), b_keys.iter().flat_map(|&k| row(k % 40 + 1)).collect(), 0.5, t);
        let bytes = encode_models(&[&a, &b]);
        let back = parse_models(&bytes).expect("parses");
        assert_eq!(back[0].rows.entries(), a.rows.entries());
        assert_eq!(back[1].rows.entries(), b.rows.entries());
        assert_eq!((back[0].scale, back[1].scale), (0.25, 0.5));
        assert!(parse_models(&bytes[..bytes.len() - 1]).is_none());
    }

    #[test]
    fn rejects_garbage_files() {
        assert!(parse_models(b"").is_none());
        assert!(parse_models(b"NLNER3\x01\xff\xff").is_none());
        assert!(parse_models(b"NLNER2\x01\x00\x00\x00\x00").is_none());
    }
}
