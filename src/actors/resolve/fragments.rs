//! Names the tagger cut short: "Enterprise Institute" (American Enterprise Institute),
//! "National Organization" (for Women), "Peterson Institute" (for International Economics),
//! "Moore" and "Van Allen" (Moore & Van Allen), "New York Attorney" (General). A mention is
//! extended over the capitalised words that finish an institution's name, or cut back to
//! where a title begins; constant work per mention (windows of a few tokens in its sentence).

use super::{sentence_range, View};
use crate::actors::{EntityKind, EntityMention};
use crate::lexicon::{starts_upper, OrgWord};
use crate::text::Segmented;
use std::ops::Range;

/// The most capitalised words added on either side.
const MAX_WORDS: usize = 4;

/// Repairs each non-person mention's span (see the module doc); person mentions pass as they are.
pub(super) fn repair(v: &View, seg: &Segmented, sent_of: &[usize], mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    // Tokens inside person mentions: a name is never taken into an institution's.
    let mut person = vec![false; seg.tokens.len()];
    for m in mentions.iter().filter(|m| m.kind == EntityKind::Per) {
        for t in m.tokens.clone() {
            if let Some(p) = person.get_mut(t) {
                *p = true;
            }
        }
    }
    mentions
        .into_iter()
        .map(|mut m| {
            if m.kind == EntityKind::Per || m.tokens.is_empty() || m.tokens.end > seg.tokens.len() {
                return m;
            }
            let sent = sentence_range(seg, sent_of, m.tokens.start);
            let mut toks = m.tokens.clone();
            let before = toks.clone();
            cut_title(v, &sent, &mut toks);
            extend_left(v, &sent, &person, &mut toks);
            let joined = extend_right(v, &sent, &person, &mut toks);
            if toks != before && !toks.is_empty() {
                m.tokens = toks.clone();
                m.span = v.span(toks);
                if joined {
                    m.kind = EntityKind::Org;
                }
            }
            m
        })
        .collect()
}

/// A capitalised word that may be part of an institution's name: not a title head
/// ("Secretary"), not a possessive's owner, not a sentence's first word.
fn name_word(v: &View, sent: &Range<usize>, person: &[bool], i: usize) -> bool {
    let w = v.word(i);
    i > sent.start
        && i < sent.end
        && starts_upper(w)
        && w.chars().any(char::is_alphabetic)
        && !person.get(i).copied().unwrap_or(false)
        && !v.lex.is_stopword(w)
        && !v.lex.is_time_head(&w.to_lowercase())
        && !v.lex.is_title_head(w)
        && !v.lex.is_title_head(w.trim_end_matches('s'))
        && !v.is_possessive(i + 1)
        // "Saudi-sponsored" is an adjective; "Republican Congress" a description.
        && !w.split('-').skip(1).any(|p| p.starts_with(char::is_lowercase))
        && !matches!(w, "Republican" | "Democratic" | "GOP")
}

fn org_head(v: &View, w: &str) -> bool {
    matches!(v.lex.org_word(w), Some(OrgWord::Org | OrgWord::Media))
}

/// "New York Attorney" + "General Eric Schneiderman": a place or organisation that runs into a
/// title is cut before the title ("New York"), and the title is left to the person's roles.
fn cut_title(v: &View, sent: &Range<usize>, toks: &mut Range<usize>) {
    if toks.len() < 2 || !starts_upper(v.word(toks.end)) || toks.end >= sent.end {
        return;
    }
    let last = toks.end - 1;
    if v.lex.is_title_head(v.word(last)) && !org_head(v, v.word(last)) {
        toks.end = last;
    }
}

/// "American" + "Enterprise Institute", "Trans-" + "Pacific Partnership": capitalised words
/// before a name ending in an institution's head word. A country's adjective before a
/// government body is left out ("Russian" + "Foreign Ministry" is read by the country rules).
fn extend_left(v: &View, sent: &Range<usize>, person: &[bool], toks: &mut Range<usize>) {
    let head = v.word(toks.end - 1);
    if !org_head(v, head) {
        return;
    }
    let government = matches!(
        head,
        "Ministry" | "Department" | "Embassy" | "Army" | "Navy" | "Force" | "Forces" | "Government" | "Parliament"
    );
    let mut a = toks.start;
    while a > sent.start && toks.start - a < MAX_WORDS && name_word(v, sent, person, a - 1) {
        let w = v.word(a - 1);
        if government && v.lex.lookup(w).is_some_and(|e| e.demonym.is_some() || e.country.is_some()) {
            break;
        }
        // A place before a body of its own ("Ohio" + "Coalition") stays outside only when
        // the tagger typed it apart; inside a run it is part of the name.
        a -= 1;
    }
    // The run must stop at a lower-case word or "The": a capitalised word before it is a
    // heading in title case ("Wealthy Voters Abandon Republican Party").
    let bounded = a > sent.start && {
        let w = v.word(a - 1);
        w == "The" || w.chars().next().is_some_and(char::is_lowercase)
    };
    if a < toks.start && bounded {
        toks.start = a;
    }
}

/// "National Organization" + "for Women", "Peterson Institute" + "for International
/// Economics", "Northeast Ohio Coalition" + "for the Homeless": a head word, "for/of/on"
/// (and "the"), and capitalised words. "Moore" + "& Van Allen": any name, "&" and capitalised
/// words, a firm. Returns whether the mention now names an organisation.
fn extend_right(v: &View, sent: &Range<usize>, person: &[bool], toks: &mut Range<usize>) -> bool {
    let b = toks.end;
    let amp = v.word(b) == "&";
    // "on" names a body's subject only after a deliberative body ("Commission on Presidential
    // Debates"); elsewhere it is where or when ("Hofstra University on Long Island").
    let linked = org_head(v, v.word(b - 1))
        && match v.word(b) {
            "for" | "of" => true,
            "on" => matches!(v.word(b - 1), "Commission" | "Committee" | "Council" | "Board" | "Conference"),
            _ => false,
        };
    if !(amp || linked) {
        return false;
    }
    let mut c = b + 1;
    if linked && v.word(c) == "the" {
        c += 1;
    }
    // "on Thursday", "on Long Island": a time or a place after "on" is no part of a name.
    if v.word(b) == "on" && {
        let w = v.word(c);
        v.lex.is_time_head(&w.to_lowercase())
            || v.lex.lookup(w).is_some_and(|e| e.place.is_some() || e.country.is_some())
    } {
        return false;
    }
    let start = c;
    // A firm's name is made of surnames: person words count there.
    let person: &[bool] = if amp { &[] } else { person };
    // "of" inside the subject ("for the District of Columbia"); no title phrase ("National
    // Executive Director": a title word before another).
    let is_title = |i: usize| v.lex.title(v.word(i)).is_some();
    let word_ok = |i: usize| name_word(v, sent, person, i) && !(is_title(i) && is_title(i + 1));
    while c < sent.end && c - start < MAX_WORDS {
        if word_ok(c) {
            c += 1;
        } else if c > start && v.word(c) == "of" && word_ok(c + 1) {
            c += 2;
        } else {
            break;
        }
    }
    // A run that goes on into more capitalised words is a title or a heading: leave it.
    if c == start || (c < sent.end && starts_upper(v.word(c)) && !v.lex.is_title_head(v.word(c))) {
        return false;
    }
    // "the Department of Justice" the tagger found whole needs nothing; "Committee on Foreign
    // Relations" is left to the committee rule.
    if v.word(b) == "on" && v.word(b - 1) == "Committee" {
        return false;
    }
    toks.end = c;
    amp
}
