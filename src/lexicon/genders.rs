//! The sex a given name usually goes with, from the 1990 US census name lists
//! (`data/gazetteers/given_genders.txt`, made by `data/gazetteers/build.py`): "Joseph" male,
//! "Lois" female. Only the 679 names one sex surely holds at least 95% of the time are listed;
//! "Jordan", "Kelly" or "Leslie" are not, nor names too rare in the census to be sure of
//! ("Hilary", which men bear too), nor names it did not know ("Barack").
//!
//! The quote stage weighs this against what the article itself says ("Mr.", "she said"), so
//! a pronoun is not given to a woman the article names as "Lois Lerner" only because the one
//! "her" near her name was someone else's.

use std::collections::HashMap;
use std::sync::OnceLock;

const GIVEN_GENDERS: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/data/gazetteers/given_genders.txt"));

/// The sex a given name usually names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// The usual sex of a given name, any case ("JOSEPH", "joseph"), or `None` when the name is
/// shared or unknown.
pub fn of_given_name(word: &str) -> Option<Gender> {
    static TABLE: OnceLock<HashMap<String, Gender>> = OnceLock::new();
    let table = TABLE.get_or_init(|| {
        GIVEN_GENDERS
            .lines()
            .filter_map(|l| {
                let (name, sex) = l.split_once('\t')?;
                let g = match sex {
                    "m" => Gender::Male,
                    "f" => Gender::Female,
                    _ => return None,
                };
                Some((name.to_lowercase(), g))
            })
            .collect()
    });
    if word.len() > 24 {
        return None;
    }
    table.get(&word.to_lowercase()).copied()
}

/// The usual sex of a full name's given name ("Joseph Crowley"); `None` for a one-word name
/// ("Crowley"), whose only word is no given name to go by.
pub fn of_full_name(name: &str) -> Option<Gender> {
    let mut words = name.split_whitespace();
    let given = words.next()?;
    words.next()?;
    of_given_name(given)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_names_have_their_sex_and_shared_ones_none() {
        assert_eq!(of_given_name("Joseph"), Some(Gender::Male));
        assert_eq!(of_given_name("LOIS"), Some(Gender::Female));
        assert_eq!(of_given_name("mary"), Some(Gender::Female));
        // Too rare in the census to be sure of: 0.014% of women, and men below the male list's end.
        assert_eq!(of_given_name("Hilary"), None);
        assert_eq!(of_given_name("Jordan"), None);
        assert_eq!(of_given_name("Kelly"), None);
        assert_eq!(of_given_name("Barack"), None);
        assert_eq!(of_given_name(""), None);
        assert_eq!(of_full_name("Joseph Crowley"), Some(Gender::Male));
        assert_eq!(of_full_name("Joseph"), None);
    }
}
