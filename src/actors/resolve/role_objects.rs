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
use std::collections::{HashMap, HashSet};

/// Token edges of the article's person names, and of its other names (start → end and end →
/// start).
pub(super) struct Edges {
    pub(super) person_starts: HashSet<usize>,
    pub(super) person_ends: HashSet<usize>,
    /// A person name's end → its start.
    pub(super) person_begin: HashMap<usize, usize>,
    pub(super) name_starts: HashMap<usize, usize>,
    pub(super) name_ends: HashMap<usize, usize>,
}

impl Edges {
    pub(super) fn new(cands: &[Cand]) -> Edges {
        let mut e = Edges {
            person_starts: HashSet::new(),
            person_ends: HashSet::new(),
            person_begin: HashMap::new(),
            name_starts: HashMap::new(),
            name_ends: HashMap::new(),
        };
        for c in cands.iter().filter(|c| c.nominal.is_none()) {
            if c.kind == ActorType::Person {
                e.person_starts.insert(c.toks.start);
                e.person_ends.insert(c.toks.end);
                e.person_begin.insert(c.toks.end, c.toks.start);
            } else if !c.nested {
                e.name_starts.insert(c.toks.start, c.toks.end);
                e.name_ends.insert(c.toks.end, c.toks.start);
            }
        }
        e
    }
}

/// Whether this mention of an organisation, medium, country or place only sits inside a
/// person's role, or qualifies a name or title through a possessive.
pub(super) fn in_role(v: &View, pos: &Tags, c: &Cand, e: &Edges) -> bool {
    if !may_only_qualify(c) {
        return false;
    }
    let place = matches!(c.kind, ActorType::Country | ActorType::Place);
    possessive_before_name(v, pos, c, e) || role_object(v, pos, c.toks.start, c.toks.end, place, e, true)
}

/// Whether a mention is of the kinds the modifier rules judge: a name (not a description or
/// a name inside a longer one) of an organisation, medium, country or place.
pub(super) fn may_only_qualify(c: &Cand) -> bool {
    matches!(c.kind, ActorType::Organization | ActorType::Media | ActorType::Country | ActorType::Place)
        && c.nominal.is_none()
        && !c.nested
}

/// "Russia's foreign minister", "Germany's Angela Merkel", "CNN's Anderson Cooper", "the State
/// Department's climate envoy", "POLITICO's Battleground States average", "New York City's
/// notorious Rikers Island jail": a possessive that qualifies a title, a person's name or a
/// name that itself qualifies a noun names the owner only as part of that phrase (the judges'
/// call after draw 131207). A place's possessive before any other name is one too
/// ("Philadelphia's Union League club"). An owner of a common noun ("CNN's reporting",
/// "Russia's annexation") acts, and so does an organisation owning a name that acts or is
/// an event ("the National Football League's Charlotte Panthers played", "the Supreme Court's
/// Citizens United decision", "told MSNBC's “Morning Joe”").
fn possessive_before_name(v: &View, pos: &Tags, c: &Cand, e: &Edges) -> bool {
    let b = c.toks.end;
    // "Fox News’ Chris Wallace": the apostrophe alone after a final s.
    let bare = matches!(v.word(b), "\u{2019}" | "'") && v.word(b - 1).ends_with('s');
    if !v.is_possessive(b) && !bare {
        return false;
    }
    let mut next = b + 1;
    // Lower-case describing words between ("notorious", "longtime").
    while next < b + 3 && v.word(next).starts_with(char::is_lowercase) && matches!(pos.get(next), Pos::Adj) {
        next += 1;
    }
    let w = v.word(next);
    if e.person_starts.contains(&next)
        || is_title_word(v, w)
        || (w.chars().all(|ch| ch.is_lowercase() || ch == '-') && is_title_word(v, v.word(next + 1)))
    {
        return true;
    }
    if !(w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase)) || title_case(v, next) {
        return false;
    }
    match e.name_starts.get(&next) {
        // The owned name qualifies a noun ("Battleground States average", "Union League club").
        Some(&end) => {
            let n = v.word(end);
            n.starts_with(char::is_lowercase)
                && matches!(pos.get(end), Pos::Noun | Pos::Adj)
                && !super::looks_like_verb(n)
                && !matches!(n, "last" | "next" | "late" | "early" | "this")
                && !v.lex.is_time_head(n)
                && !agent_noun(n)
        }
        None => matches!(c.kind, ActorType::Country | ActorType::Place),
    }
}

/// A noun naming an act of its possessor, who is then its agent ("the Supreme Court's Citizens
/// United decision").
fn agent_noun(n: &str) -> bool {
    matches!(
        n,
        "decision" | "ruling" | "rulings" | "verdict" | "order" | "opinion" | "decisions" | "announcement" | "policy"
    )
}

/// Whether the words from `i` on are a title-case heading ("Russia's Economy Slows As
/// Sanctions Bite"): no lower-case word of four letters or more within six tokens of its
/// sentence.
fn title_case(v: &View, i: usize) -> bool {
    !(i..i + 6).take_while(|&k| !matches!(v.word(k), "." | "!" | "?" | "")).any(|k| {
        let w = v.word(k);
        w.len() >= 4 && w.chars().all(char::is_lowercase)
    })
}

/// The object of "for/at/with/of/from" after a title in a person's appositive ("Sean Spicer,
/// chief strategist for the RNC"; "the chief executive of Ora Media, John Dickey"), or a
/// place after a person's name or party ("Cummings of Maryland", "Grassley, Republican of
/// Iowa").
fn role_object(v: &View, pos: &Tags, a: usize, b: usize, place: bool, e: &Edges, outer: bool) -> bool {
    // "host of MSNBC's “Morning Joe”": the role's object is what the name owns.
    if v.is_possessive(b) {
        return false;
    }
    let mut j = a;
    // Describing words before the name ("the Miami-based Florida Democratic Black Caucus").
    while j > 0
        && j + 2 > a
        && v.word(j - 1).rsplit_once('-').is_some_and(|(_, y)| y.len() > 2 && y.chars().all(char::is_lowercase))
    {
        j -= 1;
    }
    if j > 0 && lower(v.word(j - 1)) == "the" {
        j -= 1;
    }
    if j < 2 {
        return false;
    }
    let prep = v.word(j - 1);
    // A place after an institution that is itself in a role ("professor at Seton Hall
    // University in New Jersey").
    if outer && place && matches!(prep, "in" | ",") && j == a {
        if let Some(&s) = e.name_ends.get(&(j - 1)) {
            if role_object(v, pos, s, j - 1, false, e, false) {
                return true;
            }
        }
    }
    if !matches!(prep, "for" | "at" | "with" | "of" | "from") {
        return false;
    }
    // An institution right after a person ("Dan McLaughlin at the National Review") is the
    // person's employer, unless the person is the object of a verb or preposition: then the
    // institution is where something happens ("met with Sanders at the White House", "told
    // Muir at the White House").
    if !place && matches!(prep, "at" | "with") {
        if let Some(&ps) = e.person_begin.get(&(j - 1)) {
            // Past an honorific outside the name ("a mentor to Mr. Obama at Harvard Law School").
            let ps = match ps {
                1.. if matches!(v.word(ps - 1), "Mr." | "Mrs." | "Ms." | "Dr." | "Mr" | "Mrs" | "Ms" | "Dr") => ps - 1,
                _ => ps,
            };
            if ps == 0 || !matches!(pos.get(ps - 1), Pos::Verb | Pos::Adp | Pos::Prt) {
                return true;
            }
        }
    }
    // The object of a role's own institution ("co-director of the Nuclear Policy Program at
    // the Carnegie Endowment"): the chain names where the person works.
    if outer && matches!(prep, "at" | "of") {
        if let Some(&s) = e.name_ends.get(&(j - 1)) {
            if role_object(v, pos, s, j - 1, false, e, false) {
                return true;
            }
        }
    }
    let t = j - 2;
    // A place named in an office ("the attorney general of Florida", "Senator from Texas").
    // Not a list of places after a plural ("the governors of California, Arizona and Texas").
    let list = v.word(b) == "and" || (v.word(b) == "," && e.name_starts.contains_key(&(b + 1)));
    let singular = !v.word(t).ends_with('s') && !list;
    // "from" only after a legislator ("a home-care aide from Nashua" is where she lives).
    let office = match prep {
        "of" => is_title_word(v, v.word(t)),
        _ => matches!(
            lower(v.word(t)).as_str(),
            "senator" | "congressman" | "congresswoman" | "representative" | "sen." | "rep."
        ),
    };
    if place && matches!(prep, "of" | "from") && j == a && singular && office {
        return true;
    }
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
    while k > 0 && k + 10 > t {
        k -= 1;
        let w = v.word(k);
        if w == "," {
            return e.person_ends.contains(&k);
        }
        // "Aaron Kall is director of debate at", "Holtz-Eakin served as director of".
        if matches!(w, "is" | "was") && e.person_ends.contains(&k) {
            return true;
        }
        // "James Acton, a physicist who is co-director of": the clause still describes.
        if matches!(w, "is" | "was") && k > 0 && v.word(k - 1) == "who" {
            k -= 1;
            continue;
        }
        if w == "as" && k > 0 && matches!(v.word(k - 1), "served" | "serves" | "serving") {
            return e.person_ends.contains(&(k - 1));
        }
        let describes = matches!(pos.get(k), Pos::Noun | Pos::Propn | Pos::Adj | Pos::Det | Pos::Num | Pos::Other)
            || w == "and"
            || w == "of"
            || is_title_word(v, w);
        if !describes || matches!(lower(w).as_str(), "who" | "which" | "that" | "whose") {
            return false;
        }
    }
    false
}
