//! Gazetteers: name lists the tagger consults as features, never as rules.
//!
//! A list match is only evidence: "Jordan" is in the country list and the given-name list, and
//! the model weighs that against context. Entries are phrases of whitespace-separated tokens,
//! matched case-insensitively against token sequences by hashing the lower-cased tokens (see
//! [`super::features::phrase_hash`]), so a lookup allocates nothing and any phrase length costs
//! one probe. The lists and their sources are described in `data/README.md`.

use super::features::{phrase_hash, FastMap};
use crate::lexicon::words::lower_digits_zero;
use std::sync::OnceLock;

/// The lists, in feature order (a list's index is part of its features' keys).
const SOURCES: &[&str] = &[
    include_str!("../../../data/gazetteers/countries.txt"),
    include_str!("../../../data/gazetteers/cities.txt"),
    include_str!("../../../data/gazetteers/regions.txt"),
    include_str!("../../../data/gazetteers/demonyms.txt"),
    include_str!("../../../data/gazetteers/given_names.txt"),
    include_str!("../../../data/gazetteers/surnames.txt"),
    include_str!("../../../data/gazetteers/org_suffixes.txt"),
    include_str!("../../../data/gazetteers/agencies.txt"),
    include_str!("../../../data/gazetteers/organisations.txt"),
];

pub(crate) const N_LISTS: usize = 9;

pub(crate) struct Lists {
    /// Phrase hash → bit mask of the lists holding the phrase.
    pub phrases: FastMap<u64, u16>,
    /// First word's hash → the longest phrase starting with it, in tokens: one probe rules out
    /// most tokens before any phrase is hashed.
    pub starts: FastMap<u64, u8>,
}

pub(crate) fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut phrases = FastMap::default();
        let mut starts = FastMap::default();
        for (i, src) in SOURCES.iter().enumerate() {
            for line in src.lines() {
                let words: Vec<String> = line.split_whitespace().map(lower_digits_zero).collect();
                if words.is_empty() {
                    continue;
                }
                let n = starts.entry(phrase_hash([words[0].as_str()])).or_insert(0u8);
                *n = (*n).max(words.len().min(6) as u8);
                *phrases.entry(phrase_hash(words.iter().map(String::as_str))).or_insert(0u16) |= 1 << i;
            }
        }
        Lists { phrases, starts }
    })
}

/// Indices of the lists in [`SOURCES`].
pub(crate) const COUNTRIES: usize = 0;
pub(crate) const CITIES: usize = 1;
pub(crate) const REGIONS: usize = 2;
pub(crate) const DEMONYMS: usize = 3;
pub(crate) const GIVEN_NAMES: usize = 4;
pub(crate) const SURNAMES: usize = 5;

/// Whether the list `list` holds the one-word name `word` (case-insensitive).
pub(crate) fn holds(list: usize, word: &str) -> bool {
    let w = lower_digits_zero(word);
    lists().phrases.get(&phrase_hash([w.as_str()])).is_some_and(|m| m & (1 << list) != 0)
}

/// Whether the list `list` holds the phrase of `words` (case-insensitive).
pub(crate) fn holds_phrase<'a>(list: usize, words: impl IntoIterator<Item = &'a str>) -> bool {
    let w: Vec<String> = words.into_iter().map(lower_digits_zero).collect();
    lists().phrases.get(&phrase_hash(w.iter().map(String::as_str))).is_some_and(|m| m & (1 << list) != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_multiword_entries() {
        assert_eq!(SOURCES.len(), N_LISTS);
        let l = lists();
        let h = phrase_hash(["new", "york"]);
        assert!(l.phrases.get(&h).is_some_and(|m| m & 2 != 0), "New York is a city");
        assert!(l.phrases.get(&phrase_hash(["reuters"])).is_some_and(|m| m & (1 << 7) != 0));
    }
}
