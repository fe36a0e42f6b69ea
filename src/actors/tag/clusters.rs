//! Word clusters learned without labels (see `newslens-train clusters`): each frequent word has
//! a bit-string path in a binary merge tree, so prefixes of the path name coarser clusters.
//! They carry what a word is like from text the labelled data never saw.

use std::collections::HashMap;
use std::sync::OnceLock;

/// Prefix lengths used as features, besides the whole path.
pub(crate) const PREFIXES: &[usize] = &[4, 6, 10];

static SOURCE: &str = include_str!("../../../data/ner/clusters.txt");

/// Lower-cased word → path ("0110…"), from `data/ner/clusters.txt` (`word TAB path` lines).
pub(crate) fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| SOURCE.lines().filter_map(|l| l.split_once('\t')).collect())
}
