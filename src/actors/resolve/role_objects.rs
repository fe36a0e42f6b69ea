//! Organisations and places named only inside a person's role or before a possessive (issue
//! 20): "Sean Spicer, chief strategist for the Republican National Committee", "Michael
//! McFaul, a senior fellow at the Hoover Institution", "Senators Charles E. Grassley,
//! Republican of Iowa", "Rep. Elijah Cummings of Maryland", "NBC's Dante Chinni",
//! "Philadelphia's Union League club". A reader takes such a name for part of the person's
//! description, not for an actor of the story; an actor all of whose mentions are so is
//! dropped (with [`super::attributive`] and [`super::org_modifier`]). Each test looks at a
//! few tokens around the mention.

use super::roles::View;
use super::{is_title_word, Cand};
use crate::lexicon::lower;
use crate::report::ActorType;
use crate::text::pos::{Pos, Tags};
use std::collections::HashSet;

/// Token edges of the article's person names.
pub(super) struct Edges {
    person_starts: HashSet<usize>,
    person_ends: HashSet<usize>,
}

impl Edges {
    pub(super) fn new(cands: &[Cand]) -> Edges {
        let mut e = Edges { person_starts: HashSet::new(), person_ends: HashSet::new() };
        for c in cands.iter().filter(|c| c.nominal.is_none()) {
            if c.kind == ActorType::Person {
                e.person_starts.insert(c.toks.start);
                e.person_ends.insert(c.toks.end);
            }
        }
        e
    }
}

/// Whether this mention of an organisation, medium, country or place only sits inside a
/// person's role, or qualifies a name or title through a possessive.
pub(super) fn in_role(v: &View, pos: &Tags, c: &Cand, e: &Edges) -> bool {
    if !matches!(c.kind, ActorType::Organization | ActorType::Media | ActorType::Country | ActorType::Place)
        || c.nominal.is_some()
        || c.nested
    {
        return false;
    }
    possessive_before_name(v, c, e) || role_object(v, pos, c, e)
}

/// "Russia's foreign minister", "Germany's Angela Merkel": a place's possessive qualifies a
/// title or a person's name. Not an organisation's: "CNN's Jake Tapper", "the Supreme
/// Court's Citizens United decision", "the State Department's climate envoy" name the outlet,
/// the court, the department the judges count.
fn possessive_before_name(v: &View, c: &Cand, e: &Edges) -> bool {
    let b = c.toks.end;
    if !matches!(c.kind, ActorType::Country | ActorType::Place) || !v.is_possessive(b) {
        return false;
    }
    let next = b + 1;
    e.person_starts.contains(&next)
        || is_title_word(v, v.word(next))
        || (v.word(next).chars().all(|ch| ch.is_lowercase() || ch == '-') && is_title_word(v, v.word(next + 1)))
}

/// The object of "for/at/with/of/from" after a title in a person's appositive ("Sean Spicer,
/// chief strategist for the RNC"; "the chief executive of Ora Media, John Dickey"), or a
/// place after a person's name or party ("Cummings of Maryland", "Grassley, Republican of
/// Iowa").
fn role_object(v: &View, pos: &Tags, c: &Cand, e: &Edges) -> bool {
    let (a, b) = (c.toks.start, c.toks.end);
    // "host of MSNBC's “Morning Joe”": the role's object is what the name owns.
    if v.is_possessive(b) {
        return false;
    }
    let mut j = a;
    if j > 0 && lower(v.word(j - 1)) == "the" {
        j -= 1;
    }
    if j < 2 {
        return false;
    }
    let prep = v.word(j - 1);
    if !matches!(prep, "for" | "at" | "with" | "of" | "from") {
        return false;
    }
    let t = j - 2;
    let place = matches!(c.kind, ActorType::Country | ActorType::Place);
    if prep == "of"
        && place
        && (e.person_ends.contains(&(j - 1)) || matches!(v.word(t), "Republican" | "Democrat" | "Independent"))
    {
        return true;
    }
    let title = is_title_word(v, v.word(t));
    // The person follows the role ("…, John Dickey", "… of the FBI James Comey").
    if title && (e.person_starts.contains(&b) || (v.word(b) == "," && e.person_starts.contains(&(b + 1)))) {
        return true;
    }
    // After the name, any noun describing the person will do ("chief strategist for", "a law
    // professor at").
    let noun = v.word(t).starts_with(char::is_lowercase) && matches!(pos.get(t), Pos::Noun);
    if !(title || noun) {
        return false;
    }
    // The role follows the person's name after a comma, through a few words that describe
    // ("a Washington-based developer and spokeswoman", "a senior"), never through a verb or
    // a clause ("Clinton, who met the director of …").
    let mut k = t;
    while k > 0 && k + 8 > t {
        k -= 1;
        let w = v.word(k);
        if w == "," {
            return e.person_ends.contains(&k);
        }
        let describes = matches!(pos.get(k), Pos::Noun | Pos::Propn | Pos::Adj | Pos::Det | Pos::Num | Pos::Other)
            || w == "and"
            || is_title_word(v, w);
        if !describes || matches!(lower(w).as_str(), "who" | "which" | "that" | "whose") {
            return false;
        }
    }
    false
}
