//! Laws and programmes the tagger gives as organisations (issue 20): a law's name cut before
//! its "Act" (“Justice Against Sponsors of Terrorism” + "Act"), the law's acronym used alone
//! ("pass JASTA"), a trust fund ("Medicare Trust Fund"), and programmes joined by "and"
//! ("Medicare and Social Security", where one of them is a programme the lexicon lists). They
//! become MISC: no actor. One pass over the mentions, and a hash lookup per one-word mention.

use crate::actors::{EntityKind, EntityMention};
use crate::lexicon::lexicon;
use crate::lexicon::FastSet;
use crate::text::{Segmented, Tokens};

fn law_word(w: &str) -> bool {
    matches!(w, "Act" | "Acts" | "Amendment" | "Treaty" | "Accords")
}

/// "Title X", "Title IX", "Section 230": a part of a code named by its number, not an actor.
fn numbered_part(first: &str, second: &str) -> bool {
    matches!(first, "Title" | "Section")
        && !second.is_empty()
        && second.len() <= 5
        && (second.chars().all(|c| c.is_ascii_digit()) || second.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L')))
}

/// Marks the laws, funds and programme lists among `mentions` as MISC.
pub fn filter(text: &str, seg: &Segmented, mut mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    let v = Tokens::new(text, &seg.tokens);
    let lex = lexicon();
    let mut laws: Vec<String> = Vec::new();
    for m in mentions.iter_mut().filter(|m| !m.tokens.is_empty() && m.tokens.end <= seg.tokens.len()) {
        let (a, b) = (m.tokens.start, m.tokens.end);
        let name = v.slice(a..b);
        // A law's name the tagger cut before its law word, or already a law.
        if law_word(v.word(b)) {
            laws.push(format!("{name} {}", v.word(b)));
            m.kind = EntityKind::Misc;
        } else if m.kind == EntityKind::Misc && m.tokens.len() >= 3 && law_word(v.word(b - 1)) {
            laws.push(name.to_string());
        }
        if m.kind == EntityKind::Per {
            continue;
        }
        if b - a == 2 && numbered_part(v.word(a), v.word(a + 1)) {
            m.kind = EntityKind::Misc;
            continue;
        }
        let two_last = b - a >= 3 && v.word(b - 2) == "Trust" && v.word(b - 1) == "Fund";
        let programmes = (a + 1..b - 1)
            .any(|i| v.word(i) == "and" && (lex.is_not_actor(v.slice(a..i)) || lex.is_not_actor(v.slice(i + 1..b))));
        if two_last || programmes {
            m.kind = EntityKind::Misc;
        }
    }
    if laws.is_empty() {
        return mentions;
    }
    // The law's acronym alone ("JASTA"): its letters are the law's initials, with or without
    // the law word, capitalised words only or every word (as `is_acronym_of` reads them).
    let mut acronyms: FastSet<String> = FastSet::default();
    for l in &laws {
        for name in [l.as_str(), l.rsplit_once(' ').map_or(l.as_str(), |p| p.0)] {
            let words: Vec<&str> =
                name.split(|c: char| c.is_whitespace() || c == '-').filter(|w| !w.is_empty()).collect();
            if words.len() >= 2 {
                acronyms.insert(words.iter().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect());
                acronyms.insert(words.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect());
            }
        }
    }
    for m in mentions.iter_mut().filter(|m| m.kind != EntityKind::Per && m.tokens.len() == 1) {
        let w = v.word(m.tokens.start);
        let letters: String = w.chars().filter(|c| c.is_alphabetic()).collect();
        if letters.len() >= 3 && letters.chars().all(char::is_uppercase) && acronyms.contains(&letters) {
            m.kind = EntityKind::Misc;
        }
    }
    mentions
}
