//! One-word "names" that are common words capitalised by their place (issue 20): an adjective
//! before its noun ("Environmental activists have …", "these Muslim families", "the
//! Anglo-Saxon monopoly"), a common noun opening its sentence that the article also writes in
//! lower case ("Defendants had not …" beside "the defendants"), an indefinite pronoun
//! ("Anyone who …"). An actor every mention of which is such a word, with no other name, is
//! no actor. Checked on the actor's mentions at the end of resolution: constant work per
//! mention and, only when some actor qualifies, one pass over the tokens.

use super::roles::View;
use super::{looks_like_verb, noun_at, Building};
use crate::actors::tag::gazetteer::{self, GIVEN_NAMES, SURNAMES};
use crate::lexicon::lower;
use crate::lexicon::words::is_kin_noun;
use crate::report::ActorType;
use crate::text::pos::Tags;
use std::collections::HashSet;

/// Indexes (into `actors`) of the actors that are common words.
pub(super) fn common_actors(v: &View, pos: &Tags, actors: &[Building]) -> HashSet<usize> {
    let mut out = HashSet::new();
    // Mentions of one token, not a name the lexicon knows, all names of one word.
    let one_word: Vec<(usize, Vec<usize>)> = actors
        .iter()
        .enumerate()
        .filter(|(_, b)| b.known.is_none() && !b.mentions.is_empty())
        .filter(|(_, b)| b.names.iter().all(|n| !n.contains(char::is_whitespace)))
        .filter_map(|(a, b)| {
            let toks: Option<Vec<usize>> = b
                .mentions
                .iter()
                .map(|m| {
                    let i = v.token_at(m.start);
                    (v.span(i..i + 1) == *m).then_some(i)
                })
                .collect();
            toks.map(|t| (a, t))
        })
        .collect();
    if one_word.is_empty() {
        return out;
    }
    let mut lower_seen: Option<HashSet<String>> = None;
    for (a, toks) in one_word {
        let w = v.word(toks[0]);
        // An acronym or a name in capitals; a possessive the tokenizer left on ("Romney's").
        if w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) || w.contains(['\'', '\u{2019}']) {
            continue;
        }
        // Places before a noun are [`super::attributive`]'s ("the Miami area").
        let place = matches!(actors[a].kind, ActorType::Place | ActorType::Country);
        // A given name alone, never completed, naming someone's relative ("his wife, Miriam,";
        // "Sarah and Timothy Rogers"): the reader is not told who that is. A public figure
        // known by a given name ("Hillary", "Bernie", "Adele") is left alone.
        let given = actors[a].kind == ActorType::Person
            && gazetteer::holds(GIVEN_NAMES, w)
            && !gazetteer::holds(SURNAMES, w)
            && toks.iter().any(|&i| relative(v, i));
        if given {
            out.insert(a);
            continue;
        }
        if indefinite_pronoun(w) || !place && toks.iter().all(|&i| adjective_use(v, pos, i)) {
            out.insert(a);
            continue;
        }
        if toks.iter().all(|&i| sentence_start(v, i)) {
            let seen = lower_seen.get_or_insert_with(|| {
                (0..v.toks.len())
                    .map(|i| v.word(i))
                    .filter(|w| w.starts_with(char::is_lowercase))
                    .map(str::to_string)
                    .collect()
            });
            if seen.contains(&lower(w)) {
                out.insert(a);
            }
        }
    }
    out
}

/// "his wife, Miriam", "her daughter Chelsea", "Sarah and Timothy Rogers": a given name
/// after a kinship noun, or joined by "and" to a full name that gives the family's surname.
fn relative(v: &View, i: usize) -> bool {
    let mut p = i.wrapping_sub(1);
    if v.word(p) == "," {
        p = p.wrapping_sub(1);
    }
    let kin = is_kin_noun(v.word(p)) || v.word(p) == "spouse";
    let family = v.word(i + 1) == "and" && v.is_cap(i + 2) && v.is_cap(i + 3) && !v.is_cap(i + 4);
    kin || family
}

fn indefinite_pronoun(w: &str) -> bool {
    matches!(
        w,
        "Anyone" | "Anybody" | "Everyone" | "Everybody" | "Someone" | "Somebody" | "Nobody" | "None" | "Whoever"
    )
}

/// Whether token `i` opens its sentence or line.
fn sentence_start(v: &View, i: usize) -> bool {
    let Some(p) = i.checked_sub(1) else { return true };
    let between = v.text.get(v.toks[p].end..v.toks[i].start).unwrap_or("");
    // A straight quote opens the sentence when a space comes before it ("said. \"Anyone"),
    // not when it closes one ("…,\" Conway notes").
    let opening = |q: usize| q == 0 || v.text.get(..v.toks[q].start).is_some_and(|t| t.ends_with(char::is_whitespace));
    between.contains('\n')
        || matches!(v.word(p), "." | "!" | "?" | ":" | "\u{201c}")
        || (v.word(p) == "\"" && opening(p))
}

/// "Environmental activists have", "these Muslim families", "the Anglo-Saxon monopoly": the
/// word qualifies the lower-case noun after it, opening its sentence or after a determiner.
fn adjective_use(v: &View, pos: &Tags, i: usize) -> bool {
    let next = v.word(i + 1);
    let noun = next.starts_with(char::is_lowercase)
        && next.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        && !v.lex.is_stopword(next)
        && !looks_like_verb(next)
        && noun_at(v, pos, i + 1);
    // A noun restating an organisation ("the Teamsters union") makes the name its head.
    let restates = matches!(
        next,
        "union" | "movement" | "group" | "party" | "campaign" | "company" | "network" | "team" | "club" | "coalition"
    );
    noun && !restates
        && !v.is_possessive(i + 1)
        && (sentence_start(v, i)
            || matches!(
                lower(v.word(i.wrapping_sub(1))).as_str(),
                "the" | "these" | "those" | "some" | "many" | "most" | "all" | "other" | "such" | "their" | "our"
            ))
}
