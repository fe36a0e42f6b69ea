//! Word-level normalisers shared by every stage. Each says what it folds; pick the one whose
//! folding the caller's comparison needs (a lexicon lookup, a name comparison, a feature).

/// Whether a word starts with a capital letter ("Kim", "U.S."; not "kim", "'90s", "").
pub fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Lower case for look-ups in lower-case word lists (tokens are short; ASCII fast path).
pub fn lower(t: &str) -> String {
    if t.is_ascii() {
        t.to_ascii_lowercase()
    } else {
        t.to_lowercase()
    }
}

/// [`lower`] without a copy when the word is ASCII without capitals (most words).
pub fn lower_cow(t: &str) -> std::borrow::Cow<'_, str> {
    if t.is_ascii() && !t.bytes().any(|b| b.is_ascii_uppercase()) {
        std::borrow::Cow::Borrowed(t)
    } else {
        std::borrow::Cow::Owned(lower(t))
    }
}

/// "U.S.", "a.m.": ASCII letters each followed by a period (a dotted abbreviation; compare
/// [`super::names::is_acronym_of`], which asks whether capitals abbreviate a name).
pub fn is_dotted_initials(t: &str) -> bool {
    let b = t.as_bytes();
    b.len() >= 4 && b.chunks(2).all(|c| c.len() == 2 && c[0].is_ascii_alphabetic() && c[1] == b'.')
}

/// A word in capitals: two letters or more, none lower case ("NATO", "U.S.", "WASHINGTON").
pub fn is_all_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
}

/// A compass word that starts a region's name ("West Bank", "Central America", "Northern
/// Ireland"), lower-cased.
pub fn is_compass_word(w: &str) -> bool {
    matches!(
        w,
        "north"
            | "south"
            | "east"
            | "west"
            | "northern"
            | "southern"
            | "eastern"
            | "western"
            | "central"
            | "upper"
            | "lower"
    )
}

/// A noun naming a relative, as in "his wife, Miriam," or "her daughter Chelsea", lower-cased.
pub fn is_kin_noun(w: &str) -> bool {
    matches!(w, "wife" | "husband" | "son" | "daughter" | "brother" | "sister" | "mother" | "father" | "widow")
}

/// A subordinating conjunction that can open a sentence's first clause ("After reporter Ann
/// Curry finished, …", "When the vote came, …"), in lower case. Not "as", which also opens
/// frames ("As Ms. Simonyan put it, …"); callers that want it add it.
pub fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "after" | "before" | "when" | "while" | "although" | "though" | "if" | "because" | "since" | "until" | "once"
    )
}

/// A word that counts some members out of a group ("the two Democrats", "some Republicans",
/// "12 senators"): a number, in digits or words, or a quantifier. Such a group is people, not the
/// body they belong to.
pub fn is_quantifier(w: &str) -> bool {
    w.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w.to_lowercase().as_str(),
            "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "both"
                | "some"
                | "several"
                | "many"
                | "few"
                | "most"
                | "other"
                | "dozens"
                | "a"
                | "handful"
        )
}

/// A party-state label after a US politician's name ("R-Ariz.", "D-N.Y.", "I-Vt."): a
/// description of the person named before it, never a name of its own.
pub fn is_party_label(t: &str) -> bool {
    matches!(t.get(..2), Some("D-" | "R-" | "I-")) && t[2..].chars().next().is_some_and(|c| c.is_ascii_uppercase())
}

/// A token as the named-entity tagger's training text (CoNLL-2003) writes it: typographic
/// quotes as `"` and `'`, dashes as `-`. Case is kept. The tagger's weights were trained on
/// this spelling; [`conll_pos_word`] differs on dashes because its weights were trained on
/// another corpus's spelling, so unifying the two means retraining one model.
pub fn conll_ner_token(w: &str) -> &str {
    match w {
        "\u{201c}" | "\u{201d}" | "\u{201e}" | "\u{ab}" | "\u{bb}" | "``" | "''" => "\"",
        "\u{2018}" | "\u{2019}" => "'",
        "\u{2019}s" => "'s",
        "\u{2013}" | "\u{2014}" | "\u{2012}" | "--" => "-",
        _ => w,
    }
}

/// A word as the part-of-speech tagger's features see it: lower case, typographic quotes and
/// dashes as in its training text (`"`, `'`, `--`), digits kept. See [`conll_ner_token`].
pub fn conll_pos_word(w: &str) -> String {
    match w {
        "\u{201c}" | "\u{201d}" | "\u{ab}" | "\u{bb}" | "\u{201e}" | "''" | "``" => "\"".into(),
        "\u{2018}" | "\u{2019}" => "'".into(),
        "\u{2014}" | "\u{2013}" | "\u{2015}" => "--".into(),
        // One string, not two, for the words without a typographic apostrophe (most).
        _ if !w.contains('\u{2019}') => w.to_lowercase(),
        _ => {
            let w = w.replace('\u{2019}', "'");
            w.to_lowercase()
        }
    }
}

/// Lower case with every digit mapped to `0` and `’` to `'`, so "1996" and "1997" share the
/// tagger's features.
pub fn lower_digits_zero(w: &str) -> String {
    let mut s = String::with_capacity(w.len());
    for c in w.chars() {
        // ASCII first (most words): the same answers as the general branches, without the
        // Unicode tables.
        if c.is_ascii() {
            s.push(if c.is_ascii_digit() { '0' } else { c.to_ascii_lowercase() });
        } else if c.is_numeric() {
            s.push('0');
        } else if c == '\u{2019}' {
            s.push('\'');
        } else {
            s.extend(c.to_lowercase());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_cow_is_lower() {
        for w in ["said", "Said", "SAID", "iPhone", "", "1,200", "Éric", "naïve", "İstanbul", "ǅ", "’s"] {
            let c = lower_cow(w);
            assert_eq!(c, lower(w), "{w}");
            assert_eq!(matches!(c, std::borrow::Cow::Borrowed(_)), w.is_ascii() && lower(w) == w, "{w}");
        }
    }

    #[test]
    fn party_labels() {
        for t in ["R-Ariz.", "D-N.Y.", "I-Vt.", "D-W.Va"] {
            assert!(is_party_label(t), "{t}");
        }
        for t in ["R-rated", "Roe", "DR-", "T-Mobile"] {
            assert!(!is_party_label(t), "{t}");
        }
    }

    #[test]
    fn normalisers() {
        assert!(starts_upper("Kim") && !starts_upper("kim") && !starts_upper(""));
        assert!(is_dotted_initials("U.S.") && !is_dotted_initials("US") && !is_dotted_initials("Mr."));
        assert_eq!(conll_ner_token("\u{2014}"), "-");
        assert_eq!(conll_pos_word("\u{2014}"), "--");
        assert_eq!(lower_digits_zero("May-1996"), "may-0000");
        assert_eq!(lower("KCNA"), "kcna");
    }
}
