//! Training (feature `dev`): builds the model files under `data/` from `../shared/data`.
//! The runtime only loads what this writes.
//!
//! `newslens-train NAME ARGS` runs one trainer: `clusters` (word clusters from unlabelled
//! text, [`clusters`]), then `ner` (the entity tagger, [`ner`]), which uses them; `cues`
//! (the quote cue table, [`cues`]); `edges` (where a partial quote's content starts and ends,
//! [`edges`]).

pub mod clusters;
pub mod cues;
pub mod edges;

pub mod ner;
pub mod pos;

use std::collections::HashMap;

/// Averaged-perceptron weights, `N` a feature key (one per tag, or one for a ranking), averaged
/// lazily: a weight's running total is brought up to date only when the weight changes, so an
/// update costs its keys, not the whole model. Bump `t` once per example.
pub(crate) struct Averaged<const N: usize> {
    pub w: HashMap<u32, [f32; N]>,
    total: HashMap<u32, [f64; N]>,
    stamp: HashMap<u32, [u64; N]>,
    pub t: u64,
}

impl<const N: usize> Averaged<N> {
    pub fn new() -> Self {
        Averaged { w: HashMap::new(), total: HashMap::new(), stamp: HashMap::new(), t: 0 }
    }

    /// Adds `d` to weight `i` of key `k`.
    pub fn bump(&mut self, k: u32, i: usize, d: f32) {
        let w = self.w.entry(k).or_insert([0.0; N]);
        let total = self.total.entry(k).or_insert([0.0; N]);
        let stamp = self.stamp.entry(k).or_insert([0; N]);
        total[i] += (self.t - stamp[i]) as f64 * w[i] as f64;
        stamp[i] = self.t;
        w[i] += d;
    }

    /// Every weight averaged over all `t` steps.
    pub fn averaged(&self) -> HashMap<u32, [f32; N]> {
        let mut out = HashMap::new();
        for (k, w) in &self.w {
            let total = &self.total[k];
            let stamp = &self.stamp[k];
            let mut a = [0f32; N];
            for i in 0..N {
                let tot = total[i] + (self.t - stamp[i]) as f64 * w[i] as f64;
                a[i] = (tot / self.t.max(1) as f64) as f32;
            }
            out.insert(*k, a);
        }
        out
    }
}

/// A small deterministic generator (xorshift64*), for visiting orders: the same data and seed
/// always give the same model.
pub(crate) struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}
