//! Names that only qualify the phrase after them, in shapes the two modifier rules of `mod.rs`
//! ([`super::attributive`], [`super::org_modifier`]) do not read (issue 20, draw 141207): a
//! describing word between the name and its noun ("GOP presidential nominee", "Kremlin verbal
//! threats", "a highly anticipated United Nations climate change treaty", "a free Manhattan
//! apartment"), a noun before the title ("White House press secretary Josh Earnest",
//! "Manhattan district attorney prosecutors"), a compound adjective ("US-based oil companies"),
//! two names sharing one noun ("the Washington Post/ABC News poll"), a place before a
//! comma-set title ("South Bend, Indiana, Mayor Pete Buttigieg") and a place qualifying
//! people by their title after "of" ("a meeting of Pacific Island leaders"). Each test looks at
//! a few tokens around the mention.

use super::role_objects::{may_only_qualify, Edges};
use super::roles::View;
use super::{
    acts_for_place, is_title_word, looks_like_verb, noun_at, quantifier, restates, speaks_after, speaks_for, Cand,
};
use crate::lexicon::{lower, starts_upper};
use crate::report::ActorType;
use crate::text::pos::{Pos, Tags};

/// Whether this mention of an organisation, medium, country or place only qualifies the noun
/// or title after it.
pub(super) fn qualifies(v: &View, pos: &Tags, c: &Cand, e: &Edges) -> bool {
    if !may_only_qualify(c) {
        return false;
    }
    let place = matches!(c.kind, ActorType::Country | ActorType::Place);
    let (mut a, mut b) = (c.toks.start, c.toks.end);
    if v.is_possessive(b) {
        return false;
    }
    // "US-based", "Kremlin-backed": the name is half of a compound adjective.
    let w = v.word(b);
    let last = v.word(b - 1);
    if last.rsplit_once('-').is_some_and(|(x, y)| !x.is_empty() && y.len() > 2 && y.chars().all(char::is_lowercase))
        || (w.starts_with('-') && w[1..].starts_with(char::is_lowercase))
        || (w == "-"
            && v.word(b + 1).starts_with(char::is_lowercase)
            && v.word(b + 1).ends_with("ed")
            && v.tokens.span(b - 1..b + 2).len() == v.tokens.slice(b - 1..b).len() + 1 + v.word(b + 1).len())
    {
        return true;
    }
    // Two names sharing the noun: "the Washington Post/ABC News poll", "Reuters/Ipsos"; not
    // across a spaced dash.
    let joined =
        |i: usize| v.tokens.span(i - 1..i + 2).len() == v.tokens.slice(i - 1..i).len() + 1 + v.word(i + 1).len();
    for _ in 0..2 {
        if matches!(v.word(b), "/" | "-") && joined(b) {
            if let Some(&end) = e.name_starts.get(&(b + 1)) {
                b = end;
            }
        }
        if a >= 2 && matches!(v.word(a - 1), "/" | "-") && joined(a - 1) {
            if let Some(&start) = e.name_ends.get(&(a - 1)) {
                a = start;
            }
        }
    }
    if place && comma_title(v, a, b, e) {
        return true;
    }
    // Describing words after the name ("presidential", "verbal", "primary").
    let mut k = b;
    while k < b + 2
        && v.word(k).starts_with(char::is_lowercase)
        && matches!(pos.get(k), Pos::Adj)
        && !matches!(v.word(k), "next" | "last" | "late" | "early" | "this")
    {
        k += 1;
    }
    let next = v.word(k);
    let lower_noun = |i: usize| {
        let w = v.word(i);
        w.starts_with(char::is_lowercase)
            && w.chars().all(|ch| ch.is_alphabetic() || ch == '-')
            && !v.lex.is_stopword(w)
            && !looks_like_verb(w)
            && !v.lex.is_time_head(w)
            && noun_at(v, pos, i)
    };
    let speaks = |i: usize| speaks_for(v.word(i)) && speaks_after(v, i + 1);
    let before = a.checked_sub(1).map(|i| lower(v.word(i))).unwrap_or_default();
    let locative = matches!(
        before.as_str(),
        "in" | "into" | "to" | "from" | "at" | "across" | "throughout" | "within" | "inside" | "around" | "near"
    );
    if place && locative {
        return false;
    }
    // "a meeting of Pacific Island leaders", "Tea Party leaders".
    if k == b && next.starts_with(char::is_lowercase) && is_title_word(v, next) && next.ends_with('s') {
        return !speaks(k);
    }
    // "MSNBC host Chris Matthews", "ABC News anchor George Stephanopoulos", "Marquette
    // pollster Charles Franklin": an organisation or medium right before a lower-case job
    // title and a person's name is that person's affiliation (not a spokesman's: "Justice
    // Department spokesman Peter Carr" speaks for it).
    if !place
        && k == b
        && next.starts_with(char::is_lowercase)
        && media_job(next)
        && e.person_starts.contains(&(k + 1))
        && !speaks_for(next)
    {
        return true;
    }
    // "White House press secretary Josh Earnest", "Manhattan district attorney prosecutors".
    // Not a place's own force ("the Charlotte-Mecklenburg police chief").
    if lower_noun(k)
        && !restates(next)
        && !(place && acts_for_place(next))
        && is_title_word(v, v.word(k + 1))
        && !speaks(k + 1)
    {
        return true;
    }
    if k > b {
        // "GOP presidential nominee", "Kremlin verbal threats"; not a phrase whose last noun
        // restates the organisation ("the Retired American Warriors political action
        // committee").
        let mut h = k;
        while h + 1 < k + 3 && lower_noun(h + 1) {
            h += 1;
        }
        return (is_title_word(v, next) || (lower_noun(k) && !restates(v.word(h)))) && !speaks(k);
    }
    // A compound noun after an organisation's name ("GOP primary debates", "Tea Party “super
    // PACs”"); a place before one is more often where it is ("Rikers Island jail complex"),
    // unless it is a listed country or state, not its force ("Illinois train tracks"; not
    // "Texas police officers").
    let q = if matches!(next, "\u{201c}" | "\"") { k + 1 } else { k };
    let listed = c.known.is_some() && !acts_for_place(v.word(q)) && !acts_for_place(v.word(q + 1));
    if (!place || listed)
        && lower_noun(q)
        && lower_noun(q + 1)
        && !restates(v.word(q))
        && !restates(v.word(q + 1))
        && !speaks(q + 1)
    {
        return true;
    }
    // A determiner before describing words before the name ("a highly anticipated United
    // Nations climate change treaty", "a free Manhattan apartment").
    if !lower_noun(k) || restates(next) || speaks(k) || (place && acts_for_place(next)) {
        return false;
    }
    let mut i = a;
    while i > 0 && i + 4 > a {
        i -= 1;
        let w = v.word(i);
        if matches!(lower(w).as_str(), "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that")
            || quantifier(w)
        {
            return i + 1 < a || (a, b) != (c.toks.start, c.toks.end);
        }
        if !(w.starts_with(char::is_lowercase) && matches!(pos.get(i), Pos::Adj | Pos::Adv)) {
            return false;
        }
    }
    false
}

/// "South Bend, Indiana, Mayor Pete Buttigieg": a place (and the state after it) set off by
/// commas before a capitalised title and a person's name, not after a locative preposition
/// ("in Austin, Texas, Governor Abbott signed" names where).
fn comma_title(v: &View, a: usize, b: usize, e: &Edges) -> bool {
    let mut start = a;
    if start >= 2 && v.word(start - 1) == "," {
        if let Some(&s) = e.name_ends.get(&(start - 1)) {
            start = s;
        }
    }
    let mut end = b;
    // "Tulsa, Okla., police officer": the stop of an abbreviated state.
    if v.word(end) == "." && v.word(end + 1) == "," {
        end += 1;
    }
    if v.word(end) == "," {
        if let Some(&x) = e.name_starts.get(&(end + 1)) {
            end = x;
        }
    }
    if v.word(end) != "," {
        return false;
    }
    let t = v.word(end + 1);
    let locative = start > 0 && matches!(lower(v.word(start - 1)).as_str(), "in" | "at" | "from" | "to" | "near");
    // A city and its state, both named ("Sandy ravaged New Jersey, President Obama said" is no
    // title's place).
    let pair = start < a || end > b;
    // A lower-case title may take one noun before it ("Tulsa, Okla., police officer Betty
    // Shelby").
    let title = if starts_upper(t) || is_title_word(v, t) {
        is_title_word(v, t).then_some(end + 2)
    } else {
        let u = v.word(end + 2);
        (t.chars().all(|ch| ch.is_ascii_lowercase()) && !v.lex.is_stopword(t) && is_title_word(v, u)).then_some(end + 3)
    };
    pair && title.is_some_and(|p| e.person_starts.contains(&p)) && !locative
}

/// A newsroom's job titles that the title list does not hold as heads ("host", "anchor").
fn media_job(w: &str) -> bool {
    matches!(
        w,
        "host"
            | "anchor"
            | "correspondent"
            | "reporter"
            | "columnist"
            | "contributor"
            | "analyst"
            | "commentator"
            | "editor"
            | "writer"
            | "producer"
            | "moderator"
            | "journalist"
            | "pollster"
    )
}
