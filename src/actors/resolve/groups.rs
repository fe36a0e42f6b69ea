//! Words naming a people or a faith's members, alone: "Muslim" (a "Muslim ban"), "Latinos",
//! "Hispanic", "Filipinos", "Greeks". An adjective or a group, never an actor, whatever type
//! the tagger guessed (issue 20, draw 151207: "Muslim" typed place). One word only: "Muslim
//! Brotherhood", "Jewish Federation" and "Latino Victory Fund" are names.

use crate::actors::tag::gazetteer::{self, CITIES, COUNTRIES, DEMONYMS, REGIONS};

/// Faiths' and peoples' words the demonyms list (nationalities) leaves out; singular and plural
/// ("Blacks", not "Black": a surname).
const GROUP_WORDS: &[&str] = &[
    "Muslim",
    "Christian",
    "Jewish",
    "Hindu",
    "Sikh",
    "Buddhist",
    "Mormon",
    "Catholic",
    "Protestant",
    "Evangelical",
    "Latino",
    "Latina",
    "Latinx",
    "Hispanic",
    "Indigenous",
    "Blacks",
    "Whites",
];

/// Whether the one-word name `w` names a people or a faith's members.
pub(super) fn group_word(w: &str) -> bool {
    let one = w.strip_suffix('s').filter(|s| s.len() > 2).unwrap_or(w);
    if [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds(l, w) || gazetteer::holds(l, one)) {
        return false;
    }
    GROUP_WORDS.contains(&w)
        || GROUP_WORDS.contains(&one)
        || gazetteer::holds(DEMONYMS, w)
        || gazetteer::holds(DEMONYMS, one)
}

#[cfg(test)]
mod tests {
    use super::group_word;

    #[test]
    fn peoples_and_faiths_alone() {
        for w in ["Muslim", "Latinos", "Hispanic", "Filipinos", "Greeks", "Americans"] {
            assert!(group_word(w), "{w}");
        }
        for w in ["Vatican", "Trump", "Black", "Georgia", "Jordan"] {
            assert!(!group_word(w), "{w}");
        }
    }
}
