//! Document-level typing: one type for one name in an article, decided by what the name says
//! about itself and by the words around its mentions, where the tagger's type is only a guess
//! per mention ("Zero Hedge" a place once and an organisation twice; "West Virginia
//! University" a place; "Loretta Lynch" a place in a headline).
//!
//! Evidence, strongest first:
//!
//! * **The name's own words**: a last word that heads companies, institutions and outlets
//!   ("… Energy", "… University", "… Report", "… Inc.") makes an organisation or a medium; a
//!   given name before one or two more capitalised words, in a name the tagger called a place,
//!   makes a person ("Loretta Lynch", not "Virginia Beach": the first word must be no place).
//! * **The words around a mention**: an appositive with a title head after the name ("Huma
//!   Abedin, a top Clinton aide") or a courtesy title before it is a person; a company's noun
//!   after its possessive ("Hulu's CEO") an organisation; a state after a comma ("Eau Claire,
//!   Wis.") or a list of cities around one ("Cleveland, Cincinnati and Columbus") a place.
//! * **The other mentions of the same name**: with no evidence above, the type most of them
//!   carry.
//!
//! Only candidates the lexicon does not type are changed, and only among person,
//! organisation, medium and place. One pass over the candidates with a hash map: linear.

use super::roles::{self, View};
use super::{sentence_range, Cand};
use crate::actors::tag::gazetteer::{self, CITIES, COUNTRIES, GIVEN_NAMES, REGIONS, SURNAMES};
use crate::lexicon::words::is_compass_word;
use crate::lexicon::{fold, lower, OrgWord};
use crate::lexicon::{FastMap, FastSet};
use crate::report::ActorType;
use crate::text::Segmented;
use std::ops::Range;

/// Last words of company names the lexicon's organisation words leave out.
pub(super) const COMPANY_WORDS: &[&str] = &[
    "Energy",
    "Mining",
    "Networks",
    "Healthcare",
    "Pharmaceuticals",
    "Insurance",
    "Capital",
    "Partners",
    "Holdings",
    "Investments",
    "Securities",
    "Financial",
    "Communications",
    "Entertainment",
    "Studios",
    "Industries",
    "Enterprises",
    "Technologies",
    "Motors",
    "Airlines",
    "Airways",
    "Systems",
    "Petroleum",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "LLC",
    "LLP",
    "Ltd",
    "Ltd.",
    "PLC",
    "Co.",
];

/// Last words of outlets' names the lexicon's media words leave out.
const MEDIA_WORDS: &[&str] = &[
    "Report",
    "Beacon",
    "Examiner",
    "Inquirer",
    "Enquirer",
    "Chronicle",
    "Observer",
    "Sentinel",
    "Dispatch",
    "Monitor",
];

/// Last words of places' names the lexicon's place words leave out.
const PLACE_WORDS: &[&str] =
    &["County", "Parish", "Township", "Borough", "City", "Town", "Village", "Belt", "Heights", "Park"];

/// Nouns after a possessive that only a company has ("Hulu's CEO").
const COMPANY_NOUNS: &[&str] =
    &["CEO", "shareholders", "subsidiary", "subsidiaries", "headquarters", "stock", "shares"];

/// AP abbreviations of US states, as written after a town ("Eau Claire, Wis.").
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala.", "Ariz.", "Ark.", "Calif.", "Colo.", "Conn.", "Del.", "Fla.", "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.",
    "Md.", "Mass.", "Mich.", "Minn.", "Miss.", "Mo.", "Mont.", "Neb.", "Nev.", "N.H.", "N.J.", "N.M.", "N.Y.", "N.C.",
    "N.D.", "Okla.", "Ore.", "Pa.", "R.I.", "S.C.", "S.D.", "Tenn.", "Vt.", "Va.", "Wash.", "W.Va.", "Wis.", "Wyo.",
];

/// The type family a vote is for (organisations and media are one family: the clustering
/// keeps whichever of the two a mention says).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Family {
    Person,
    Org,
    Place,
}

fn family(k: ActorType) -> Option<Family> {
    match k {
        ActorType::Person => Some(Family::Person),
        ActorType::Organization | ActorType::Media => Some(Family::Org),
        ActorType::Place => Some(Family::Place),
        ActorType::Country => None,
    }
}

fn votable(c: &Cand) -> bool {
    c.known.is_none()
        && c.nominal.is_none()
        && !c.nested
        && c.same_as.is_none()
        && c.extra_alias.is_none()
        && family(c.kind).is_some()
}

/// What a name's own words say it is, if they decide.
fn by_name(v: &View, c: &Cand) -> Option<ActorType> {
    let (a, b) = (c.toks.start, c.toks.end);
    let last = v.word(b - 1);
    if let Some(t) = super::kinds::place_by_name(v, a, b) {
        return Some(t);
    }
    if b - a >= 2 {
        // "Oval Office", "Kennedy Center" tagged as places are buildings.
        // "Soviet Union" and "Newport News" are places too.
        let building = c.kind == ActorType::Place
            && (matches!(last, "Office" | "Center" | "Centre" | "Union")
                || is_compass_word(&v.word(a).to_lowercase())
                || [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds_phrase(l, (a..b).map(|i| v.word(i)))));
        match v.lex.org_word(last).filter(|_| !building) {
            Some(OrgWord::Media) => return Some(ActorType::Media),
            Some(OrgWord::Org) => return Some(ActorType::Organization),
            Some(_) => return None,
            None => {}
        }
        if MEDIA_WORDS.contains(&last) {
            return Some(ActorType::Media);
        }
        if COMPANY_WORDS.contains(&last) {
            return Some(ActorType::Organization);
        }
    }
    // "Loretta Lynch" a place: a given name that is no place, then one or two capitalised words.
    if c.kind == ActorType::Place && (2..=3).contains(&(b - a)) {
        let first = v.word(a);
        let words: Vec<&str> = (a..b).map(|i| v.word(i)).collect();
        let named = words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|ch| ch.is_alphabetic() || matches!(ch, '-' | '.' | '\''))
        });
        let place = |w: &str| [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds(l, w));
        let whole_place =
            [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds_phrase(l, words.iter().copied()));
        if named
            && gazetteer::holds(GIVEN_NAMES, first)
            && gazetteer::holds(SURNAMES, v.word(b - 1))
            && !place(first)
            && !whole_place
            && v.lex.lookup(first).is_none()
            && !words.iter().any(|w| v.lex.title(w).is_some() || v.lex.is_stopword(w))
        {
            return Some(ActorType::Person);
        }
    }
    None
}

/// What the words around one mention say it is, if they decide.
fn by_context(v: &View, sent: &Range<usize>, c: &Cand) -> Option<ActorType> {
    let (a, b) = (c.toks.start, c.toks.end);
    let prev = a.checked_sub(1).map(|p| v.word(p)).unwrap_or("");
    if matches!(prev, "Mr." | "Mrs." | "Ms." | "Mr" | "Mrs" | "Ms") {
        return Some(ActorType::Person);
    }
    // "Hulu's CEO", "Wells Fargo CEO John Stumpf".
    let company_noun = (v.is_possessive(b) && COMPANY_NOUNS.contains(&v.word(b + 1))) || v.word(b) == "CEO";
    if company_noun && c.kind != ActorType::Person {
        return Some(ActorType::Organization);
    }
    // "Estefania Isaias, the daughter of Roberto Isaias": a relative is a person.
    let kin = matches!(
        v.word(b + 2).trim_end_matches(','),
        "daughter"
            | "son"
            | "wife"
            | "husband"
            | "brother"
            | "sister"
            | "mother"
            | "father"
            | "widow"
            | "niece"
            | "nephew"
    );
    // Not "the Lewisburg Green Dragons, his son's high school track team".
    let kin = kin && !v.is_possessive(b + 3);
    if c.kind != ActorType::Person && v.word(b) == "," && matches!(v.word(b + 1), "the" | "his" | "her" | "a") && kin {
        return Some(ActorType::Person);
    }
    // A list after a class noun: "companies like UnitedHealth, Humana and Kaiser Permanente",
    // "outlets such as Hulu".
    if let Some(t) = listed_under(v, a) {
        if family(t) != family(c.kind) {
            return Some(t);
        }
    }
    // A name the place lists do not know is no place where it is a source ("according to
    // Pew") or an academic's institution ("a professor of religion at Dartmouth").
    let known_place =
        [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds_phrase(l, (a..b).map(|i| v.word(i))));
    if c.kind == ActorType::Place && !known_place {
        let according = prev == "to" && a >= 2 && lower(v.word(a - 2)) == "according";
        let academic = prev == "at"
            && (a.saturating_sub(6)..a).any(|i| {
                matches!(
                    lower(v.word(i)).as_str(),
                    "professor" | "lecturer" | "researcher" | "scholar" | "fellow" | "dean" | "student" | "students"
                )
            });
        if according || academic {
            return Some(ActorType::Organization);
        }
    }
    let one_place_word = b - a <= 2 && gazetteer::holds_phrase(CITIES, (a..b).map(|i| v.word(i)));
    // The abbreviation's stop may be a token of its own at a sentence's end ("Eau Claire, Wis. And").
    let abbreviation = |w: &str| {
        STATE_ABBREVIATIONS.contains(&w)
            || v.word(b + 2) == "." && STATE_ABBREVIATIONS.iter().any(|s| s.strip_suffix('.') == Some(w))
    };
    let state_after = v.word(b) == "," && (abbreviation(v.word(b + 1)) || gazetteer::holds(REGIONS, v.word(b + 1)));
    if state_after && (one_place_word || c.kind == ActorType::Organization && b - a <= 2) {
        return Some(ActorType::Place);
    }
    // A city among cities: "Cleveland, Cincinnati and Columbus".
    if one_place_word && c.kind == ActorType::Organization {
        let city = |i: usize| gazetteer::holds(CITIES, v.word(i)) && v.is_cap(i);
        let after = matches!(v.word(b), "," | "and" | "or") && city(b + 1);
        let before = a >= 2 && matches!(v.word(a - 1), "," | "and" | "or") && city(a - 2);
        if after || before {
            return Some(ActorType::Place);
        }
    }
    // "Huma Abedin, a top Clinton aide": an appositive with a title head after a two-word name
    // that reads as a given name and a surname, or one in lower case ("Kurdish Peshmerga,
    // Defense Secretary Ash Carter told" is no appositive).
    let personal = gazetteer::holds(GIVEN_NAMES, v.word(a))
        || gazetteer::holds(SURNAMES, v.word(b - 1))
        || v.word(b + 1).chars().next().is_some_and(char::is_lowercase);
    // Not after "reported by", "according to": "As reported by Western Journalism, the former
    // secretary of state was…" starts a clause.
    let source = prev == "by" || (prev == "to" && a >= 2 && lower(v.word(a - 2)) == "according");
    if c.kind != ActorType::Person
        && b - a == 2
        && personal
        && !source
        && v.lex.org_word(v.word(b - 1)).is_none()
        && roles::appositive_after(v, sent, b, &[]).is_some()
    {
        return Some(ActorType::Person);
    }
    None
}

/// The type a list's class noun gives its members, for a name at token `a` in "companies like
/// X, Y and Z" or "outlets such as X": back over at most twelve tokens of capitalised words,
/// commas and "and"/"or" to "like", "such as" or "including", right after the class noun.
fn listed_under(v: &View, a: usize) -> Option<ActorType> {
    let mut i = a;
    let stop = a.saturating_sub(12);
    while i > stop {
        let w = v.word(i - 1);
        if matches!(w, "," | "and" | "or" | "&" | ".") || v.is_cap(i - 1) {
            i -= 1;
            continue;
        }
        break;
    }
    let (cue, noun_at) = match i.checked_sub(1).map(|k| v.word(k)) {
        Some("like" | "including") => (true, i.checked_sub(2)),
        Some("as") if i >= 2 && v.word(i - 2) == "such" => (true, i.checked_sub(3)),
        _ => (false, None),
    };
    if !cue {
        return None;
    }
    match lower(v.word(noun_at?)).as_str() {
        "companies" | "firms" | "insurers" | "retailers" | "banks" | "automakers" | "carriers" | "airlines"
        | "corporations" | "groups" | "organizations" | "organisations" | "universities" | "colleges" | "brands"
        | "platforms" | "providers" | "manufacturers" | "chains" | "businesses" => Some(ActorType::Organization),
        "outlets" | "newspapers" | "networks" | "publications" | "broadcasters" | "services" | "websites" | "sites" => {
            Some(ActorType::Media)
        }
        // "in select cities like New York, Los Angeles and Philadelphia".
        "cities" | "towns" | "states" | "countries" | "places" => Some(ActorType::Place),
        _ => None,
    }
}

/// Retypes the candidates a name's words or its mentions' contexts decide, and makes every
/// mention of one name carry one type (see the module documentation).
pub(super) fn vote(v: &View, seg: &Segmented, sent_of: &[usize], cands: &mut [Cand]) {
    let keys: Vec<Option<String>> =
        cands.iter().map(|c| votable(c).then(|| fold(&v.text[c.name.start..c.name.end].to_lowercase()))).collect();
    // Per name: decided votes and the tagger's votes, per family.
    let mut decided: FastMap<&str, FastMap<ActorType, usize>> = FastMap::default();
    let mut tagged: FastMap<&str, FastMap<Family, usize>> = FastMap::default();
    // Names ending in a place's head word ("Wake County", "Rust Belt").
    let mut placeish: FastSet<&str> = FastSet::default();
    for (c, key) in cands.iter().zip(&keys) {
        let Some(key) = key.as_deref() else { continue };
        if let Some(t) = by_name(v, c).or_else(|| by_context(v, &sentence_range(seg, sent_of, c.toks.start), c)) {
            *decided.entry(key).or_default().entry(t).or_default() += 1;
        }
        let last = v.word(c.toks.end - 1);
        if v.lex.org_word(last) == Some(OrgWord::Place) || PLACE_WORDS.contains(&last) {
            placeish.insert(key);
        }
        if let Some(f) = family(c.kind) {
            *tagged.entry(key).or_default().entry(f).or_default() += 1;
        }
    }
    let winner = |key: &str| -> Option<ActorType> {
        if let Some(d) = decided.get(key) {
            let best = d.iter().max_by_key(|&(t, n)| (*n, *t == ActorType::Media))?;
            let contested = d.iter().any(|(t, n)| family(*t) != family(*best.0) && *n == *best.1);
            return (!contested).then_some(*best.0);
        }
        // Tagged an organisation in some places and a place in others ("attacking Planned
        // Parenthood", "at a Planned Parenthood clinic"): an organisation, unless the place
        // lists know the name. A person among them is left to `retype_person_names`.
        let t = tagged.get(key)?;
        if t.len() != 2 || !t.contains_key(&Family::Org) || !t.contains_key(&Family::Place) {
            return None;
        }
        // One word ("Appalachia") says less about itself: the majority, if there is one.
        let place = [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds_phrase(l, key.split(' ')));
        // Else the organisation, unless two in three mentions say place (the tagger reads an
        // organisation where something happens as a place: "at a Planned Parenthood clinic");
        // a region's name ("Central America", "West Bank", "Wake County") stays a place.
        let (o, p) = (t[&Family::Org], t[&Family::Place]);
        let region = key.split(' ').next().is_some_and(is_compass_word) || placeish.contains(key);
        match (place, key.contains(' ')) {
            (true, _) => Some(ActorType::Place),
            (false, true) if region => Some(ActorType::Place),
            (false, true) if 2 * o >= p => Some(ActorType::Organization),
            (false, true) => Some(ActorType::Place),
            (false, false) => None,
        }
    };
    let wins: Vec<Option<ActorType>> = keys.iter().map(|k| k.as_deref().and_then(winner)).collect();
    for (c, w) in cands.iter_mut().zip(wins) {
        let Some(w) = w else { continue };
        // Organisation and medium are one family: a mention keeps the one it says.
        if family(w) != family(c.kind) || (w == ActorType::Media && c.kind == ActorType::Organization) {
            // A lone word tagged a person is a surname the clustering joins to its full name:
            // left to that pass.
            if c.kind == ActorType::Person && c.toks.len() == 1 && w != ActorType::Person {
                continue;
            }
            c.kind = w;
        }
    }
}
