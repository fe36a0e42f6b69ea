//! Person names and acronyms: when two strings name the same entity.
//!
//! The same person is written "Kim Jong-un", "Kim Jong Un" and "KIM JONG UN", and Russian names
//! reach English through several transliterations ("Sergei"/"Sergey", "Zelensky"/"Zelenskyy").
//! [`name_key`] folds those differences away (case, hyphens, diacritics, y/i, doubled letters)
//! so that equal keys mean "the same name"; it never drops a word, so "Kim Jong-un" and
//! "Kim Yo-jong", or "Sergei Shoigu" and "Sergei Lavrov", keep different keys.

/// The words of a name, folded for comparison (see the module doc). Hyphens split words, so
/// "Jong-un" and "Jong Un" agree.
pub fn name_words(name: &str) -> Vec<String> {
    let (words, _) = split_name(name);
    words.iter().map(|w| word_key(w)).filter(|w| !w.is_empty()).collect()
}

/// A name's raw words (white space, hyphens and commas split them) without its generational
/// suffix, and that suffix: "Joe Manchin III" → (["Joe", "Manchin"], Some("III")). A suffix is
/// not part of the name to compare; a name of one word keeps its only word.
fn split_name(name: &str) -> (Vec<&str>, Option<&str>) {
    let mut raw: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\u{2010}' | '\u{2011}' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let suffix = match raw.as_slice() {
        [_, _, .., last] if matches!(*last, "Jr." | "Jr" | "Sr." | "Sr" | "II" | "III" | "IV") => raw.pop(),
        _ => None,
    };
    (raw, suffix)
}

/// The generational suffix ending a name of two words or more ("Jr.", "Sr.", "III"), folded
/// ("jr", "sr", "iii"), if it has one.
pub fn generational_suffix(name: &str) -> Option<String> {
    split_name(name).1.map(|last| last.trim_end_matches('.').to_lowercase())
}

/// The key of one person inside one article: [`name_key`] with the generational suffix kept,
/// so "Donald Trump Jr." and "Donald Trump", or "Duncan Hunter Sr." and "Duncan Hunter", named
/// side by side stay two people (across articles [`name_key`] still matches them).
pub fn person_key(name: &str) -> String {
    let key = name_key(name);
    match generational_suffix(name) {
        Some(s) => format!("{key} {s}"),
        None => key,
    }
}

/// The whole-name key: [`name_words`] joined by spaces.
pub fn name_key(name: &str) -> String {
    // `name_words(name).join(" ")`, written into one string.
    let (words, _) = split_name(name);
    let mut out = String::with_capacity(name.len());
    for w in &words {
        let mark = out.len();
        if mark > 0 {
            out.push(' ');
        }
        let start = out.len();
        push_word_key(w, &mut out);
        if out.len() == start {
            out.truncate(mark);
        }
    }
    out
}

/// A lower-case Latin letter without its diacritic ("á" → "a", "ñ" → "n", "ý" → "y"); any
/// other character as it is.
pub fn base_letter(c: char) -> char {
    match c {
        'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' | 'ā' => 'a',
        'é' | 'è' | 'ê' | 'ë' | 'ē' | 'ė' => 'e',
        'í' | 'ì' | 'î' | 'ï' | 'ī' => 'i',
        'ý' => 'y',
        'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ō' => 'o',
        'ú' | 'ù' | 'û' | 'ü' | 'ū' => 'u',
        'ç' | 'č' | 'ć' => 'c',
        'ñ' | 'ń' => 'n',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ł' => 'l',
        c => c,
    }
}

/// One word folded: lower case, Latin diacritics removed, `y` read as `i`, doubled letters
/// single, punctuation dropped.
pub fn word_key(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    push_word_key(word, &mut out);
    out
}

/// Appends [`word_key`] of `word` to `out`, which must be empty or end in a character that is
/// no letter or digit (a space): the doubled-letter rule then reads the word's letters only.
pub(crate) fn push_word_key(word: &str, out: &mut String) {
    if word.is_ascii() {
        // The same steps on ASCII: lower case, no diacritics to remove.
        let mut last = out.as_bytes().last().copied();
        for b in word.bytes() {
            let c = match b.to_ascii_lowercase() {
                b'y' => b'i',
                c if c.is_ascii_alphanumeric() => c,
                _ => continue,
            };
            if last != Some(c) {
                out.push(c as char);
                last = Some(c);
            }
        }
        return;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let c = match base_letter(c) {
            'y' => 'i',
            c if c.is_alphanumeric() => c,
            _ => continue,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
}

/// Levenshtein distance between two words (letters inserted, dropped or changed); for names and
/// other short strings (it is O(|a|·|b|)).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether `acr` ("KCNA", "DPRK") abbreviates `name` ("Korean Central News Agency",
/// "Democratic People's Republic of Korea"): its letters are the initials of the name's
/// capitalised words, in order (small words such as "of" may be skipped or counted).
pub fn is_acronym_of(acr: &str, name: &str) -> bool {
    acronym_letters(acr).is_some_and(|a| acronym_keys(name).contains(&a))
}

/// An acronym's letters, when it has two or more and all are capitals ("S.E.C." → "SEC").
pub fn acronym_letters(acr: &str) -> Option<String> {
    let letters: String = acr.chars().filter(|c| c.is_alphabetic()).collect();
    (letters.chars().count() >= 2 && letters.chars().all(char::is_uppercase)).then_some(letters)
}

/// The initials an acronym of `name` may spell, distinct: its capitalised words' ("CFPB"),
/// all its words' ("DOTI"), and all but articles' ("DOI" for the Department of the Interior).
/// None for a one-word name. An acronym matches when its [`acronym_letters`] are one of them,
/// so the names an article's acronyms may stand for can be looked up by these keys.
pub fn acronym_keys(name: &str) -> Vec<String> {
    let words: Vec<&str> = name
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !matches!(*w, "\u{2019}s" | "'s"))
        .collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let caps: String = words.iter().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    let all: String = words.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect();
    let no_articles: String = words
        .iter()
        .filter(|w| !matches!(**w, "the" | "a" | "an"))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    let mut keys = vec![caps];
    for k in [all, no_articles] {
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// If `token` is `prefix` followed directly by a lower-case word that `is_word` accepts, the
/// byte length of `prefix` in it: "Jong-unthrough" with prefix "Jong-un" gives 7. This is how a
/// name glued to the next word by a lost space is recognised.
pub fn glued_prefix(token: &str, prefix: &str, is_word: impl Fn(&str) -> bool) -> Option<usize> {
    let rest = token.strip_prefix(prefix)?;
    let ok = !rest.is_empty() && rest.chars().all(|c| c.is_lowercase()) && is_word(rest);
    ok.then_some(prefix.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `word_key` as it was written before its ASCII path, char by char.
    fn word_key_chars(word: &str) -> String {
        let mut out = String::new();
        for c in word.chars().flat_map(char::to_lowercase) {
            let c = match base_letter(c) {
                'y' => 'i',
                c if c.is_alphanumeric() => c,
                _ => continue,
            };
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    }

    #[test]
    fn keys_written_in_one_string_are_the_joined_word_keys() {
        let names = [
            "Sergei Shoigu",
            "Kim Jong-un",
            "Joe Manchin III",
            "Martin Luther King Jr.",
            "Donald Trump, Jr",
            "José Martí",
            "O'Rourke",
            "Yo-Yo Ma",
            "AAA  Bbb",
            "-- , --",
            "",
            "X - Y",
            "Ms. Llewellyn-Jones",
            "İstanbul Öcalan",
            "ΣΊΣΥΦΟΣ Παπαδόπουλος",
            "Nguyễn Tấn Dũng",
            "Ssss Yyyy yy",
            "ß Straße",
            "100 1000",
            "Mary Ann McCarthy II",
            "\u{2019}s Jr.",
            "Jean‐Luc Picard",
            "A. B. C.",
            "Foo ,Bar,, Baz",
        ];
        for n in names {
            let words: Vec<String> = name_words(n);
            assert_eq!(name_key(n), words.join(" "), "{n:?}");
            for w in n.split(' ') {
                assert_eq!(word_key(w), word_key_chars(w), "{w:?}");
            }
        }
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        assert_eq!(name_key("Sergei Shoigu"), name_key("Sergey Shoigu"));
        assert_eq!(name_key("Kim Jong-un"), name_key("Kim Jong Un"));
        assert_eq!(name_key("Volodymyr Zelenskyy"), name_key("Volodymyr Zelensky"));
        assert_eq!(name_key("José Martí"), name_key("Jose Marti"));
        assert_eq!(name_key("Joe Manchin III"), name_key("Joe Manchin"));
        assert_eq!(name_key("Martin Luther King Jr."), name_key("Martin Luther King"));
        assert_ne!(person_key("Donald Trump Jr."), person_key("Donald Trump"));
        assert_eq!(person_key("Donald Trump Jr."), person_key("Donald Trump, Jr"));
        assert_eq!(person_key("Rand Paul"), name_key("Rand Paul"));
    }

    #[test]
    fn different_people_keep_different_keys() {
        assert_ne!(name_key("Kim Jong-un"), name_key("Kim Yo-jong"));
        assert_ne!(name_key("Sergei Shoigu"), name_key("Sergei Lavrov"));
        assert_ne!(name_key("Kim Jong-un"), name_key("Kim"));
    }

    #[test]
    fn acronyms() {
        assert!(is_acronym_of("KCNA", "Korean Central News Agency"));
        assert!(is_acronym_of("DPRK", "Democratic People\u{2019}s Republic of Korea"));
        assert!(is_acronym_of("CSIS", "Center for Strategic and International Studies"));
        assert!(!is_acronym_of("KCNA", "Korean Central Television"));
        assert!(!is_acronym_of("L", "Kim Jong Un"));
        assert!(is_acronym_of("DOI", "Department of the Interior"));
        assert_eq!(acronym_keys("Department of the Interior"), vec!["DI", "DOTI", "DOI"]);
        assert_eq!(acronym_letters("S.E.C."), Some("SEC".to_string()));
        assert!(acronym_keys("Reuters").is_empty());
    }

    #[test]
    fn glued_names() {
        let words = |w: &str| matches!(w, "through" | "and");
        assert_eq!(glued_prefix("Jong-unthrough", "Jong-un", words), Some(7));
        assert_eq!(glued_prefix("Jong-un", "Jong-un", words), None);
        assert_eq!(glued_prefix("Kimberly", "Kim", words), None);
    }
}
