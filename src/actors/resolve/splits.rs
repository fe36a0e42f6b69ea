//! One entity, one actor: person names the article writes in a shorter or misspelt form, and a
//! company's first word alone.
//!
//! - **Two-word surnames** ("Mr. Peña Nieto" beside "Enrique Peña Nieto", "Guajardo
//!   Villarreal", "Van Voorhis"): a two-word person name that ends exactly one person name of
//!   three or four words in the article is that person, unless it starts with a given name
//!   ("Ben Carson" inside a headline run) other than a particle ("Van Voorhis").
//! - **A misspelt given name** ("Donand Trump" once beside "Donald Trump"): a full name written
//!   once whose given name differs by one letter (same length, five letters or more, same
//!   first letter) from the given name of the same surname written more often.
//! - **A company's first word** ("Walter" for Walter Energy, "Lenox" for Lenox Healthcare): a
//!   lone word no person's name holds, tagged a person, is the article's one company (a name
//!   ending in a company word) that starts with it.
//!
//! Each is a hash lookup per name (linear in mentions).

use super::Building;
use crate::actors::tag::gazetteer::{self, GIVEN_NAMES};
use crate::report::ActorType;
use std::collections::HashMap;

/// Person keys ([`crate::lexicon::names::person_key`]) of the article's full names → the key
/// of the person each stands for, where that is another (see the module documentation).
/// `keys` lists every full name's key once per mention.
pub(super) fn person_aliases(keys: &[String]) -> HashMap<String, String> {
    let mut count: HashMap<&str, usize> = HashMap::new();
    for k in keys {
        *count.entry(k.as_str()).or_default() += 1;
    }
    let mut out = HashMap::new();
    // Two-word suffixes of longer names → the longer names (None when several).
    let mut suffix: HashMap<String, Option<&str>> = HashMap::new();
    // Surname → (given name, key) of the names with that surname.
    let mut by_last: HashMap<&str, Vec<(&str, &str)>> = HashMap::new();
    for &k in count.keys() {
        let words: Vec<&str> = k.split(' ').collect();
        // A name of three or four words ("Ted Cruz Apologizes To Ben Carson" is a headline).
        if (3..=4).contains(&words.len()) {
            let s = words[words.len() - 2..].join(" ");
            suffix.entry(s).and_modify(|o| *o = None).or_insert(Some(k));
        }
        if words.len() == 2 {
            by_last.entry(words[1]).or_default().push((words[0], k));
        }
    }
    for (&k, &n) in &count {
        let words: Vec<&str> = k.split(' ').collect();
        if words.len() != 2 {
            continue;
        }
        // Not "Ben Carson" inside a longer run: the short form starts with no given name.
        let particle = is_particle(words[0]);
        let given_first = gazetteer::holds(GIVEN_NAMES, words[0]) && !particle;
        if let Some(Some(long)) = suffix.get(k).filter(|_| !given_first) {
            out.insert(k.to_string(), long.to_string());
            continue;
        }
        if n != 1 {
            continue;
        }
        let given = words[0];
        let misspelt = by_last.get(words[1]).into_iter().flatten().filter(|&&(g, other)| {
            // The other written twice, or this given name no given name at all ("Donand").
            let no_name = !gazetteer::holds(GIVEN_NAMES, given);
            other != k && count.get(other).is_some_and(|&m| m >= 2 || no_name) && one_letter_apart(given, g)
        });
        let found: Vec<&str> = misspelt.map(|&(_, other)| other).collect();
        if let [one] = found.as_slice() {
            out.insert(k.to_string(), one.to_string());
        }
    }
    out
}

/// A lower-case particle of surnames ("de Blasio", "Van Voorhis", "bin Laden").
pub(super) fn is_particle(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "van"
            | "von"
            | "de"
            | "del"
            | "della"
            | "di"
            | "da"
            | "du"
            | "le"
            | "la"
            | "al"
            | "el"
            | "bin"
            | "ben"
            | "mac"
            | "st"
    )
}

/// Same length of five or more, same first letter, one letter changed.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len() && a.len() >= 5 && a[0] == b[0] && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// Folded first word → the one organisation or medium of two or more words starting with it
/// (`None` when several do).
pub(super) fn org_first_words(actors: &[Building]) -> HashMap<String, Option<usize>> {
    let mut out: HashMap<String, Option<usize>> = HashMap::new();
    for (i, b) in actors.iter().enumerate() {
        if !matches!(b.kind, ActorType::Organization | ActorType::Media) || b.known.is_some() {
            continue;
        }
        let Some(name) = b.names.first() else { continue };
        let words: Vec<&str> = name.split_whitespace().collect();
        // A company's name (not "Obama Administration", "Trump Foundation": named after a
        // person, whose surname alone is the person).
        let (Some(first), Some(last)) = (words.first(), words.last()) else { continue };
        if words.len() < 2 || !super::types::COMPANY_WORDS.contains(last) {
            continue;
        }
        let key = crate::lexicon::names::word_key(first);
        out.entry(key)
            .and_modify(|o| {
                if *o != Some(i) {
                    *o = None
                }
            })
            .or_insert(Some(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_and_misspelt_forms_join_the_full_name() {
        let keys: Vec<String> =
            ["enrique pena nieto", "pena nieto", "donald trump", "donald trump", "donand trump", "ben carson"]
                .iter()
                .map(|s| s.to_string())
                .collect();
        let a = person_aliases(&keys);
        assert_eq!(a.get("pena nieto").map(String::as_str), Some("enrique pena nieto"));
        assert_eq!(a.get("donand trump").map(String::as_str), Some("donald trump"));
        assert!(!a.contains_key("ben carson"));
        assert!(!a.contains_key("donald trump"));
    }

    #[test]
    fn one_letter() {
        assert!(one_letter_apart("donand", "donald"));
        assert!(one_letter_apart("mario", "marco"));
        assert!(!one_letter_apart("jon", "joe"));
        assert!(!one_letter_apart("donald", "ronald"));
    }
}
