//! Word clusters learned without labels (see `src/train/clusters.rs`): each frequent word has a
//! path of three cluster ids, coarse to fine ("3" of 8, "31a" of 32, "31a0f" of 256), so the
//! prefixes of a path are coarser clusters. They carry what a word is like from text the
//! labelled data never saw.

use super::features::FastMap;
use std::sync::OnceLock;

/// Prefix lengths used as features, besides the whole path.
pub(crate) const PREFIXES: &[usize] = &[1, 3];

static SOURCE: &str = include_str!("../../../data/ner/clusters.txt");

/// Lower-cased word → path, from `data/ner/clusters.txt` (`word TAB path` lines).
pub(crate) fn table() -> &'static FastMap<&'static str, &'static str> {
    static TABLE: OnceLock<FastMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| SOURCE.lines().filter_map(|l| l.split_once('\t')).collect())
}
