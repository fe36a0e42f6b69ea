//! Types and non-names the document's own words decide, where the tagger guessed (issue 20,
//! draws 121207 and 131207): what a name is called in the text outranks what it looks like.
//!
//! - **Places by their last word**: stadiums, arenas, refuges, a "Strip", a "Gulf/Bay/Sea of
//!   …" are places, not organisations ("Bank of America Stadium", "Arctic National Wildlife
//!   Refuge", "Gulf of Mexico", "Las Vegas Strip") — see [`place_by_name`].
//! - **No person** ([`settle`]): a name followed by ", which" ("from Ora, which Mr. King
//!   co-owns"), a name a class noun introduces ("a hacking group known as Fancy Bear"), a
//!   service something is streamed on ("streamed on Hulu") is an organisation; a lone word
//!   after "in/at/from" that the city list holds is a place ("a press conference in Chelsea").
//! - **No name**: an operation ("Operation Jump Start"), a person name after "a" ("a Daytime
//!   Emmy"); a lone capitalised word after a title that the article also writes in lower
//!   case and that is no given name or surname is a common noun ("Executive Session", "the
//!   Queen City").
//!
//! - **Two names in one mention** ([`two_names`]): "Alianza Americas and Lawyers for Civil
//!   Rights", "U.S. PIRG Education Fund and Citizens for Tax Justice" are two organisations.
//!
//! - **A company's first word** ([`company_first_words`]): "Patriot" beside "Patriot Coal".
//! - **A transposed acronym** ([`transposed_acronyms`]): "MNSBC" beside "MSNBC" is MSNBC.
//! - **A department's initials** ([`department_initials`]): "VA" beside the "Department of
//!   Veterans Affairs" is the department, not Virginia.
//!
//! - **A given name's surname** ([`given_with_surname`]): "Sarah and Timothy Rogers" names
//!   Sarah Rogers, "Sheldon Adelson and his wife, Miriam," Miriam Adelson.
//!
//! Each check looks at a few tokens around a candidate; one hash set of the article's
//! lower-case words: linear.

use super::roles::View;
use super::Cand;
use crate::actors::tag::gazetteer::{self, CITIES, COUNTRIES, GIVEN_NAMES, REGIONS, SURNAMES};
use crate::actors::EntityKind;
use crate::lexicon::words::is_kin_noun;
use crate::lexicon::{fold, lower};
use crate::report::ActorType;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Last words of places that the tagger reads as organisations.
const PLACE_LAST: &[&str] = &["Stadium", "Arena", "Coliseum", "Ballpark", "Refuge", "Strip", "Speedway"];

/// First words of bodies of water and lands named "X of Y".
const PLACE_FIRST: &[&str] = &["Gulf", "Bay", "Sea", "Strait", "Straits", "Isle", "Cape"];

/// Class nouns that make the name they introduce an organisation ("a group known as …").
const ORG_NOUNS: &[&str] = &[
    "group",
    "company",
    "firm",
    "organization",
    "organisation",
    "network",
    "service",
    "platform",
    "app",
    "website",
    "site",
    "agency",
    "startup",
    "outfit",
    "gang",
    "cartel",
    "militia",
    "coalition",
    "collective",
];

/// Class nouns that make the name they introduce a place ("a stream called Miracle Run").
const PLACE_NOUNS: &[&str] = &[
    "stream",
    "river",
    "creek",
    "lake",
    "mountain",
    "island",
    "town",
    "village",
    "city",
    "neighborhood",
    "neighbourhood",
    "county",
    "region",
    "valley",
    "canyon",
    "peninsula",
];

/// What a name's words say it is, when it says place (tokens `a..b`).
pub(super) fn place_by_name(v: &View, a: usize, b: usize) -> Option<ActorType> {
    if b - a < 2 {
        return None;
    }
    let last = PLACE_LAST.contains(&v.word(b - 1));
    let water = b - a >= 3 && PLACE_FIRST.contains(&v.word(a)) && v.word(a + 1) == "of";
    (last || water).then_some(ActorType::Place)
}

/// The type the words around one mention at tokens `a..b` give it, when they say it is no
/// person.
fn no_person(v: &View, a: usize, b: usize, lone: bool) -> Option<ActorType> {
    // Only a one-word name: "the speech by John Smith, which" is about the speech.
    if lone && v.word(b) == "," && v.word(b + 1) == "which" {
        // "the city of Nineveh, which": a place.
        let place = [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds(l, v.word(a)))
            || (a >= 2
                && v.word(a - 1) == "of"
                && matches!(lower(v.word(a - 2)).as_str(), "city" | "town" | "village"));
        return Some(if place { ActorType::Place } else { ActorType::Organization });
    }
    // "a group known as Fancy Bear", "a company called Ora", "a firm named X".
    let noun_at = match (a.checked_sub(1).map(|p| v.word(p)), a.checked_sub(2).map(|p| v.word(p))) {
        (Some("as"), Some("known")) => a.checked_sub(3),
        (Some("called" | "named" | "dubbed"), _) => a.checked_sub(2),
        _ => None,
    };
    if let Some(noun) = noun_at.map(|n| lower(v.word(n))) {
        if ORG_NOUNS.contains(&noun.as_str()) {
            return Some(ActorType::Organization);
        }
        // "a mountain stream called Miracle Run".
        if PLACE_NOUNS.contains(&noun.as_str()) {
            return Some(ActorType::Place);
        }
    }
    // "Apple's chief executive", "Apple holds": a company's nouns after its possessive.
    if lone
        && v.is_possessive(b)
        && (matches!(v.word(b + 1), "CEO" | "shareholders" | "headquarters" | "subsidiary" | "stock" | "shares")
            || (v.word(b + 1) == "chief" && v.word(b + 2) == "executive"))
    {
        return Some(ActorType::Organization);
    }
    // "streamed on Hulu", "available on Netflix".
    if a >= 2
        && v.word(a - 1) == "on"
        && matches!(
            v.word(a - 2),
            "streamed" | "streaming" | "streams" | "available" | "aired" | "airs" | "broadcast" | "posted"
        )
    {
        return Some(ActorType::Organization);
    }
    None
}

/// "in Chelsea": a lone word after "in/at/from" that the city list holds, not before a
/// possessive or another capitalised word.
fn locative_city(v: &View, c: &Cand) -> bool {
    let a = c.toks.start;
    a > 0
        && matches!(v.word(a - 1), "in" | "at" | "from")
        && gazetteer::holds(CITIES, v.word(a))
        && !v.is_possessive(c.toks.end)
        && !v.is_cap(c.toks.end)
}

/// Retypes person and place candidates the words around them decide, and drops lone common
/// nouns read as persons after a title (see the module documentation).
pub(super) fn settle(v: &View, cands: &mut Vec<Cand>) {
    // Words of the article's full person names: a lone word among them is that person.
    let mut person_words: HashSet<String> = HashSet::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Person && c.toks.len() > 1 && c.nominal.is_none()) {
        for i in c.toks.clone() {
            person_words.insert(fold(v.word(i)));
        }
    }
    let key = |c: &Cand| fold(&v.text[c.name.start..c.name.end]);
    let free = |c: &Cand| c.known.is_none() && c.nominal.is_none() && c.same_as.is_none() && !c.nested;
    // Names that some mention says are no person.
    let mut org_names: HashMap<String, ActorType> = HashMap::new();
    // Lone words a locative says are places ("a press conference in Chelsea").
    let mut place_names: HashSet<String> = HashSet::new();
    // Lone words a title names as a person ("President Obama"): the same word tagged an
    // organisation elsewhere ("Clinton Breaks With Obama", "Obama's veto") is the person.
    let mut titled_names: HashSet<String> = HashSet::new();
    for c in cands.iter().filter(|c| free(c) && c.kind != ActorType::Country) {
        let a = c.toks.start;
        if c.kind == ActorType::Person
            && c.toks.len() == 1
            && a > 0
            && v.is_cap(a - 1)
            && v.lex.is_title_before_name(v.word(a - 1))
        {
            titled_names.insert(key(c));
        }
        // ", which" after a place is common ("in Ferguson, which"): only a person's is no person.
        let lone = c.toks.len() == 1 && c.kind == ActorType::Person;
        match no_person(v, c.toks.start, c.toks.end, lone) {
            Some(ActorType::Place) => {
                org_names.insert(key(c), ActorType::Place);
            }
            Some(t) if c.kind != ActorType::Organization => {
                org_names.insert(key(c), t);
            }
            _ => {}
        }
        if lone && !person_words.contains(&fold(v.word(c.toks.start))) && locative_city(v, c) {
            place_names.insert(key(c));
        }
    }
    let lower_words: crate::lexicon::FastSet<&str> =
        (0..v.toks.len()).map(|i| v.word(i)).filter(|w| w.starts_with(|ch: char| ch.is_lowercase())).collect();
    cands.retain_mut(|c| {
        if !free(c) {
            return true;
        }
        let a = c.toks.start;
        // "Operation Jump Start": a military operation's name is an event.
        if a > 0 && v.word(a - 1) == "Operation" {
            return false;
        }
        // "nominated for a Daytime Emmy": a person is not counted with "a".
        if c.kind == ActorType::Person
            && a > 0
            && matches!(v.word(a - 1), "a" | "an")
            && !c.toks.clone().any(|i| person_words.contains(&fold(v.word(i))))
            && !v.is_possessive(c.toks.end)
        {
            return false;
        }
        // "But this is America, Chris.": a lone given name spoken to is an addressee the
        // article names no further (here the interviewer, whose surname labels the
        // transcript); no actor of its own.
        if c.kind == ActorType::Person
            && c.toks.len() == 1
            && a > 0
            && v.word(a - 1) == ","
            && matches!(v.word(c.toks.end), "." | "?" | "!")
            && gazetteer::holds(GIVEN_NAMES, v.word(a))
            && !gazetteer::holds(SURNAMES, v.word(a))
            && !person_words.contains(&fold(v.word(a)))
        {
            return false;
        }
        // "The Hill reported": the lexicon knows the name with its article.
        if a > 0 && v.word(a - 1) == "The" && c.kind != ActorType::Country {
            if let Some(known) = super::lexicon_cand(v, a - 1..c.toks.end, EntityKind::Org) {
                *c = known;
                return true;
            }
        }
        // "in the Southwest": a compass region.
        if c.toks.len() == 1
            && c.kind == ActorType::Organization
            && a >= 2
            && v.word(a - 1) == "the"
            && matches!(v.word(a - 2), "in" | "across" | "throughout" | "from")
            && matches!(
                lower(v.word(a)).as_str(),
                "southwest" | "northwest" | "southeast" | "northeast" | "midwest" | "south" | "north" | "west" | "east"
            )
        {
            c.kind = ActorType::Place;
            return true;
        }
        // "AWR Hawkins is the Second Amendment columnist": a name and surname the predicate
        // gives a person's title.
        if c.kind != ActorType::Person && c.toks.len() == 2 && gazetteer::holds(SURNAMES, v.word(a + 1)) {
            let b = c.toks.end;
            let copula = matches!(v.word(b), "is" | "was") && matches!(v.word(b + 1), "the" | "a" | "an");
            let titled = copula
                && (b + 2..b + 6).take_while(|&i| !matches!(v.word(i), "," | "." | "for" | "of" | "at")).any(|i| {
                    let w = v.word(i);
                    w.starts_with(char::is_lowercase) && v.lex.is_title_head(w)
                });
            if titled {
                c.kind = ActorType::Person;
                return true;
            }
        }
        let k = key(c);
        let lone = c.toks.len() == 1;
        let w = v.word(c.toks.start);
        let ours = lone && person_words.contains(&fold(w));
        if let Some(&t) = org_names.get(&k).filter(|_| !ours) {
            if matches!(c.kind, ActorType::Person | ActorType::Place) || t == ActorType::Place {
                c.kind = t;
            }
            return true;
        }
        if lone && c.kind == ActorType::Organization && titled_names.contains(&k) {
            c.kind = ActorType::Person;
            return true;
        }
        if c.kind != ActorType::Person || !lone || ours {
            return true;
        }
        let a = c.toks.start;
        let prev = a.checked_sub(1).map(|p| v.word(p)).unwrap_or("");
        // "a press conference in Chelsea", and the article's other "Chelsea"s.
        if place_names.contains(&k) {
            c.kind = ActorType::Place;
            return true;
        }
        // "Executive Session", "the Queen City".
        let titled = a > 0 && v.is_cap(a - 1) && v.lex.title(prev).is_some();
        let common = lower_words.contains(lower(w).as_str())
            && !gazetteer::holds(GIVEN_NAMES, w)
            && !gazetteer::holds(SURNAMES, w);
        !(titled && common)
    });
}

/// Whether an organisation mention `left` "and" `right` joins two names: the left one of two
/// or more capitalised words with no "of/for" ("Alianza Americas"), the right one an
/// "X for/of Y" name of its own ("Lawyers for Civil Rights"). "Department of Health and
/// Human Services", "Bill and Melinda Gates Foundation", "Iraq and Afghanistan Veterans of
/// America" and "Centers for Disease Control and Prevention" stay whole.
pub(super) fn two_names(v: &View, left: &Range<usize>, right: &Range<usize>) -> bool {
    let caps = |r: &Range<usize>| r.clone().all(|i| v.is_cap(i) || matches!(v.word(i), "for" | "of" | "on"));
    let inner = |i: usize| matches!(v.word(i), "for" | "of" | "on");
    left.len() >= 2
        && right.len() >= 3
        && caps(left)
        && caps(right)
        && !left.clone().any(inner)
        && v.is_cap(right.start)
        && v.is_cap(right.end - 1)
        && (right.start + 1..right.end - 1).any(inner)
}

/// "the VA" beside "the Department of Veterans Affairs": an acronym of two to four capitals
/// equal to the initials of the words after "Department of" in an organisation the article
/// names is that department, even where the lexicon knows it as something else (a state's
/// abbreviation). Runs after the acronym linking; one hash map.
pub(super) fn department_initials(v: &View, cands: &mut [Cand]) {
    let mut initials: HashMap<String, crate::span::Span> = HashMap::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Organization && c.same_as.is_none()) {
        let t = c.toks.clone();
        if t.len() < 4 || v.word(t.start) != "Department" || v.word(t.start + 1) != "of" {
            continue;
        }
        let words: Vec<&str> = (t.start + 2..t.end).map(|i| v.word(i)).filter(|w| *w != "the").collect();
        if words.iter().all(|w| w.starts_with(char::is_uppercase)) {
            let key: String = words.iter().filter_map(|w| w.chars().next()).collect();
            initials.insert(key, c.name);
        }
    }
    if initials.is_empty() {
        return;
    }
    for c in cands.iter_mut().filter(|c| c.toks.len() == 1 && c.same_as.is_none() && c.kind != ActorType::Person) {
        let w = v.word(c.toks.start);
        let caps = (2..=4).contains(&w.len()) && w.chars().all(|ch| ch.is_ascii_uppercase());
        if let Some(&long) = initials.get(w).filter(|_| caps) {
            c.kind = ActorType::Organization;
            c.known = None;
            c.extra_alias = None;
            c.same_as = Some(long);
        }
    }
}

/// Gives a lone given name the surname its context supplies: "Sarah and Timothy Rogers"
/// (the next name of two words, starting with a given name, after "and"); "Sheldon Adelson
/// and his wife, Miriam," (the full name right before "and/, his/her" + kin noun + comma). One map of person names by end token: linear.
pub(super) fn given_with_surname(v: &View, cands: &mut [Cand]) {
    let person = |c: &Cand| c.kind == ActorType::Person && c.nominal.is_none();
    let given = |w: &str| gazetteer::holds(GIVEN_NAMES, w) && !gazetteer::holds(SURNAMES, w);
    let by_start: HashMap<usize, usize> =
        cands.iter().enumerate().filter(|(_, c)| person(c)).map(|(i, c)| (c.toks.start, i)).collect();
    let by_end: HashMap<usize, usize> =
        cands.iter().enumerate().filter(|(_, c)| person(c)).map(|(i, c)| (c.toks.end, i)).collect();
    let mut found: Vec<(usize, String)> = Vec::new();
    for (i, c) in cands.iter().enumerate() {
        // "Charles G. and David H. Koch": a given name and an initial.
        let initial = |i: usize| {
            let w = v.word(i);
            w.len() == 2 && w.ends_with('.') && w.starts_with(|ch: char| ch.is_ascii_uppercase())
        };
        let with_initial = c.toks.len() == 2 && initial(c.toks.start + 1);
        // (With an initial, a given name the surname list also holds: "Charles G.")
        let first_ok = if with_initial {
            gazetteer::holds(GIVEN_NAMES, v.word(c.toks.start))
        } else {
            given(v.word(c.toks.start))
        };
        if !person(c) || !(c.toks.len() == 1 || with_initial) || !first_ok {
            continue;
        }
        let (a, b) = (c.toks.start, c.toks.end);
        let w = v.slice(a..b);
        // "Sarah and Timothy Rogers".
        if v.word(b) == "and" {
            if let Some(d) = by_start.get(&(b + 1)).map(|&j| &cands[j]) {
                let same_shape = d.toks.len() == c.toks.len() + 1 && (!with_initial || initial(d.toks.start + 1));
                if same_shape && gazetteer::holds(GIVEN_NAMES, v.word(d.toks.start)) {
                    found.push((i, format!("{w} {}", v.word(d.toks.end - 1))));
                    continue;
                }
            }
        }
        if with_initial {
            continue;
        }
        // "Sheldon Adelson and his wife, Miriam,".
        let kin = a >= 3
            && v.word(a - 1) == ","
            && is_kin_noun(v.word(a - 2))
            && matches!(v.word(a - 3), "his" | "her")
            && matches!(v.word(b), "," | "." | "and");
        if kin {
            // The relative's name right before: "Sheldon Adelson and his wife", "Gov. Jack
            // Dalrymple, his wife" (not "He said his wife", whose "his" is a pronoun's).
            let owner = (a >= 5 && matches!(v.word(a - 4), "and" | ","))
                .then(|| by_end.get(&(a - 4)))
                .flatten()
                .map(|&j| &cands[j]);
            if let Some(o) = owner.filter(|o| o.toks.len() >= 2) {
                found.push((i, format!("{w} {}", v.word(o.toks.end - 1))));
            }
        }
    }
    for (i, n) in found {
        cands[i].full_name = Some(n);
    }
}

/// "MNSBC" beside "MSNBC": an all-capitals name of four letters or more that is another
/// all-capitals name of the article with two adjacent letters swapped is that name (a typo).
/// Spellings of one set of letters compared with each other (a typo has one or two).
const MAX_SPELLINGS: usize = 4;

/// Names keyed by their sorted letters, then their few distinct spellings: linear.
pub(super) fn transposed_acronyms(v: &View, cands: &mut [Cand]) {
    let caps = |c: &Cand| {
        let w = v.word(c.toks.start);
        c.toks.len() == 1 && c.kind != ActorType::Person && w.len() >= 4 && w.chars().all(|ch| ch.is_ascii_uppercase())
    };
    let mut by_letters: HashMap<Vec<u8>, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate().filter(|(_, c)| caps(c) && c.same_as.is_none()) {
        let mut k = v.word(c.toks.start).as_bytes().to_vec();
        k.sort_unstable();
        by_letters.entry(k).or_default().push(i);
    }
    let swapped = |a: &[u8], b: &[u8]| {
        let d: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
        d.len() == 2 && d[1] == d[0] + 1 && a[d[0]] == b[d[1]] && a[d[1]] == b[d[0]]
    };
    let mut joins: Vec<(usize, crate::span::Span)> = Vec::new();
    for list in by_letters.values() {
        // The distinct spellings of these letters, in order of first mention: (word, count,
        // first candidate, first candidate the lexicon knows). An article repeats one acronym
        // thousands of times but spells it few ways; more than a few is no typo.
        let mut words: Vec<(&str, usize, usize, Option<usize>)> = Vec::new();
        for &i in list {
            let w = v.word(cands[i].toks.start);
            let known = cands[i].known.is_some();
            if let Some(x) = words.iter_mut().find(|x| x.0 == w) {
                x.1 += 1;
                x.3 = x.3.or(known.then_some(i));
            } else if words.len() < MAX_SPELLINGS {
                words.push((w, 1, i, known.then_some(i)));
            }
        }
        if words.len() < 2 {
            continue;
        }
        // The spelling written more often (or the one the lexicon knows) is the name.
        for &i in list {
            let wi = v.word(cands[i].toks.start);
            let Some(&(_, ci, _, _)) = words.iter().find(|x| x.0 == wi) else { continue };
            let target = words.iter().find_map(|&(wj, cj, first, known)| {
                if !swapped(wi.as_bytes(), wj.as_bytes()) {
                    return None;
                }
                if known.is_some() && cands[i].known.is_none() {
                    return known;
                }
                (cj > ci).then_some(first)
            });
            if let Some(j) = target {
                joins.push((i, cands[j].name));
            }
        }
    }
    for (i, t) in joins {
        cands[i].same_as = Some(t);
    }
}

/// Last words of company names whose first word alone names the company ("Patriot Coal",
/// "Peabody Energy"), besides the company words of `types`.
const INDUSTRY: &[&str] = &["Coal", "Oil", "Gas", "Steel", "Media", "Group", "Foods"];

/// "Patriot" beside "Patriot Coal": a one-word organisation the lexicon does not know that
/// is the first word of exactly one two-word company name of the article joins it.
pub(super) fn company_first_words(v: &View, cands: &mut [Cand]) {
    let mut first: HashMap<&str, Option<crate::span::Span>> = HashMap::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Organization && c.toks.len() == 2 && c.same_as.is_none()) {
        let last = v.word(c.toks.end - 1);
        if INDUSTRY.contains(&last) || super::types::COMPANY_WORDS.contains(&last) {
            first.entry(v.word(c.toks.start)).and_modify(|s| *s = None).or_insert(Some(c.name));
        }
    }
    if first.is_empty() {
        return;
    }
    for c in cands.iter_mut() {
        let lone = c.toks.len() == 1 && c.kind == ActorType::Organization && c.known.is_none() && c.same_as.is_none();
        if let Some(Some(t)) = lone.then(|| first.get(v.word(c.toks.start))).flatten() {
            c.same_as = Some(*t);
        }
    }
}

/// An institution nominal that is its country under another name ("the Russian government",
/// "the Iranian regime", "the Chinese leadership"): no organisation of its own; the judges
/// count it a second actor for the country.
pub(super) fn country_itself(n: &super::Nominal) -> bool {
    n.institution && matches!(n.head.as_str(), "government" | "regime" | "leadership")
}
