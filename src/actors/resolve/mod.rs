//! Mention resolution: from tagged entity mentions to one actor per real entity.
//!
//! A tagger finds strings ("Russian", "Vladimir Putin", "Putin", "KCNA", "Pyongyang"); a reader
//! wants entities: one person with a role, one news agency, one country. Resolution runs in
//! passes over the article, each linear in its mentions or tokens:
//!
//! 1. **Candidates** ([`Cand`]): each mention is cleaned (determiners and possessives off, title
//!    words peeled from person names into roles) and typed, the lexicon overriding the tagger
//!    where it knows better: "KCNA" is media, "Pyongyang" stands for North Korea unless it is
//!    where something happens ("in Pyongyang"), "Kremlin" is an organisation, "Russian" alone is
//!    an adjective and no actor. Hyphenated compounds ("US-led", "DPRK-Russia") yield their
//!    countries.
//! 2. **Repair**: a name glued to the next word by a lost space ("Kim Jong-unthrough") is cut
//!    back to the name when that name occurs elsewhere in the article.
//! 3. **Links**: an acronym defined in parentheses joins its long form; a country directly
//!    before an organisation ("U.S. State Department") becomes part of its name.
//! 4. **Roles** are read around every person name ([`roles`]), and **nominal mentions**
//!    ("The Russian president", "Russia’s defense minister") are found by a token scan.
//! 5. **Clustering**: full names by a transliteration-folded key ([`names::name_key`]); a lone
//!    surname or given name joins the full name it abbreviates, the nearest one before it when
//!    several do (so two Kims stay two people); nominal mentions join the one person whose role
//!    fits (head word and country), or failing that the nearest person nearby whose known roles
//!    do not contradict it, and never anyone else.
//!
//! Actor ids are `{article}:{type letter}{n}` with `n` counted per type in order of first mention.

mod cases;
mod common_words;
mod fragments;
mod groups;
mod kinds;
mod noun_modifiers;
mod role_fit;
mod role_objects;
mod role_rules;
pub mod roles;
mod splits;
mod types;

use super::{ArticleActors, EntityKind, EntityMention};
use crate::lexicon::names;
use crate::lexicon::{fold, lexicon, lower, starts_upper, Lexicon, OrgWord};
use crate::report::{Actor, ActorType, Mention, RoleEvidence};
use crate::span::Span;
use crate::text::pos::{Pos, Tags};
use crate::text::Segmented;
use crate::text::Tokens;
use roles::{Nominal, View};
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// What the lexicon says a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Known {
    Country(usize),
    Media(usize),
    Org(usize),
    Place(usize),
}

/// One mention on its way to an actor.
#[derive(Clone, Debug)]
struct Cand {
    /// The mention as reported (may include a title: "President Putin").
    span: Span,
    /// The name inside it, used for clustering.
    name: Span,
    /// Tokens of `name`.
    toks: Range<usize>,
    kind: ActorType,
    known: Option<Known>,
    /// Another surface form of the same entity (the bare "State Department").
    extra_alias: Option<String>,
    /// The name span of the candidate this one is an acronym of.
    same_as: Option<Span>,
    roles: Vec<Span>,
    /// Person nominal mention, to be resolved by role.
    nominal: Option<Nominal>,
    /// A country inside an organisation's name: a mention, never a clustering anchor.
    nested: bool,
    /// A lone given name's full name, from the relative it is named beside ("Sarah and
    /// Timothy Rogers", "Sheldon Adelson and his wife, Miriam": `kinds::given_with_surname`).
    full_name: Option<String>,
}

impl Cand {
    fn new(name: Span, toks: Range<usize>, kind: ActorType, known: Option<Known>) -> Cand {
        Cand {
            span: name,
            name,
            toks,
            kind,
            known,
            extra_alias: None,
            same_as: None,
            roles: Vec::new(),
            nominal: None,
            nested: false,
            full_name: None,
        }
    }
}

/// Merges mentions into actors; ids are `{article}:{letter}{n}`.
pub fn resolve(article_id: &str, text: &str, seg: &Segmented, mentions: &[EntityMention]) -> ArticleActors {
    resolve_in(article_id, text, seg, mentions, &[])
}

/// [`resolve`], reading no roles and no nominal mentions inside the `headlines` spans (sorted,
/// disjoint): a headline's capitalised words ("Obama Adviser Rice Defends…") are no appositive.
pub fn resolve_in(
    article_id: &str,
    text: &str,
    seg: &Segmented,
    mentions: &[EntityMention],
    headlines: &[Span],
) -> ArticleActors {
    let lex = lexicon();
    let v = View { tokens: Tokens::new(text, &seg.tokens), lex };
    let sent_of = sentence_index(seg);
    let pos = Tags::new(text, seg);
    let mut cands = Vec::new();
    for m in fragments::repair(&v, seg, &sent_of, join_split_names(&v, mentions)) {
        match split_conjoined(&v, &m) {
            Some(parts) => parts.iter().for_each(|p| candidates(&v, &pos, seg, &sent_of, p, &mut cands)),
            None => candidates(&v, &pos, seg, &sent_of, &m, &mut cands),
        }
    }
    hyphen_countries(&v, &mut cands);
    repair_glued(&v, &mut cands);
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    drop_overlaps(&mut cands);
    cases::drop_case_parties(&v, &mut cands);
    types::vote(&v, seg, &sent_of, &mut cands);
    retype_person_names(&v, &mut cands);
    kinds::settle(&v, &mut cands);
    link(&v, &mut cands);
    kinds::department_initials(&v, &mut cands);
    kinds::transposed_acronyms(&v, &mut cands);
    kinds::company_first_words(&v, &mut cands);
    kinds::given_with_surname(&v, &mut cands);
    let person = person_tokens(&v, &cands);
    read_roles(&v, seg, &sent_of, &person, headlines, &mut cands);
    nominals(&v, seg, &person, headlines, &mut cands);
    build(article_id, &v, &pos, cands)
}

/// "Trump Corporation and Trump Payroll Corporation" tagged as one organisation: two names,
/// each ending in an organisation head word, joined by "and". Both sides must end in a head
/// word, so "Department of Health and Human Services" and "Ways and Means Committee" stay whole.
fn split_conjoined(v: &View, m: &EntityMention) -> Option<[EntityMention; 2]> {
    if m.kind == EntityKind::Per {
        return None;
    }
    let and = m.tokens.clone().find(|&i| v.word(i) == "and")?;
    let (left, right) = (m.tokens.start..and, and + 1..m.tokens.end);
    let named = |r: &Range<usize>| {
        r.len() >= 2
            && v.is_cap(r.end - 1)
            && matches!(v.lex.org_word(v.word(r.end - 1)), Some(OrgWord::Org | OrgWord::Media))
    };
    let both_named = named(&left) && named(&right) && v.is_cap(right.start);
    if !both_named && !kinds::two_names(v, &left, &right) {
        return None;
    }
    Some([left, right].map(|r| EntityMention { span: v.span(r.clone()), kind: m.kind, tokens: r }))
}

/// Prepares the tagger's mentions: a mention never crosses a line break (pasted page furniture
/// runs lines together), and a person name the tagger cut in two ("Kim" PER + "Jong-un" MISC)
/// is joined again.
fn join_split_names(v: &View, mentions: &[EntityMention]) -> Vec<EntityMention> {
    let mut out: Vec<EntityMention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let Some(s) = v.text.get(m.span.start..m.span.end) else { continue };
        let mut pieces = Vec::new();
        let mut start = m.span.start;
        for line in s.split('\n') {
            let a = start + (line.len() - line.trim_start().len());
            let b = start + line.trim_end().len();
            if b > a {
                pieces.push(Span::new(a, b));
            }
            start += line.len() + 1;
        }
        for span in pieces {
            let piece = EntityMention { span, kind: m.kind, tokens: m.tokens.clone() };
            if let Some(prev) = out.last_mut() {
                let gap = v.text.get(prev.span.end..span.start).unwrap_or("x");
                let joinable = prev.kind == EntityKind::Per
                    && matches!(piece.kind, EntityKind::Per | EntityKind::Misc)
                    && gap == " "
                    && starts_upper(&v.text[span.start..span.end])
                    && v.lex.lookup(&v.text[span.start..span.end]).is_none();
                if joinable {
                    prev.span.end = span.end;
                    continue;
                }
            }
            out.push(piece);
        }
    }
    out
}

/// A platform or page a name speaks through, never the last word of a name in news text.
fn is_platform_noun(word: &str) -> bool {
    matches!(
        word,
        "Twitter"
            | "Facebook"
            | "Instagram"
            | "YouTube"
            | "TikTok"
            | "account"
            | "accounts"
            | "website"
            | "feed"
            | "handle"
    )
}

/// "HomeWorld", "spot_imgspot_img": words glued from page furniture, not names (a name may
/// have an inner capital after one or two letters: "McDonald", "MacArthur", "DeSantis").
fn is_glued_junk(word: &str) -> bool {
    let mut lower_run = 0;
    for c in word.chars() {
        if c.is_lowercase() {
            lower_run += 1;
        } else if c.is_uppercase() && lower_run >= 3 {
            return true;
        } else {
            lower_run = 0;
        }
    }
    word.contains('_')
}

/// The tagger sometimes calls a person's surname a place or an organisation ("Putin" LOC).
/// A mention the lexicon does not know that equals a person's full name, or one word of it,
/// is that person; so is one whose exact name is tagged a person at least as often as not.
fn retype_person_names(v: &View, cands: &mut [Cand]) {
    let mut full = std::collections::HashSet::new();
    let mut words = std::collections::HashSet::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Person && c.toks.len() > 1) {
        let w = names::name_words(&v.text[c.name.start..c.name.end]);
        words.extend(w.first().cloned());
        words.extend(w.last().cloned());
        full.insert(w.join(" "));
    }
    // The same name tagged a person in some places and something else in others ("Trump said"
    // and "Trump’s comments"): the person, unless most of its mentions say otherwise.
    let retypable = |c: &Cand| c.kind != ActorType::Person && c.known.is_none() && !c.nested && c.extra_alias.is_none();
    // Each name key once, for the candidates that vote (persons and the retypable).
    let keys: Vec<Option<String>> = cands
        .iter()
        .map(|c| {
            (c.kind == ActorType::Person || retypable(c)).then(|| names::name_key(&v.text[c.name.start..c.name.end]))
        })
        .collect();
    let mut votes: HashMap<&str, (usize, usize)> = HashMap::new();
    for (c, key) in cands.iter().zip(&keys) {
        if let Some(key) = key {
            let v = votes.entry(key.as_str()).or_default();
            if c.kind == ActorType::Person {
                v.0 += 1;
            } else {
                v.1 += 1;
            }
        }
    }
    for (c, key) in cands.iter_mut().zip(&keys) {
        let Some(key) = key.as_deref().filter(|_| retypable(c)) else { continue };
        let person_most = votes.get(key).is_some_and(|&(p, o)| p > 0 && p >= o);
        if full.contains(key) || (c.toks.len() == 1 && words.contains(key)) || person_most {
            c.kind = ActorType::Person;
        }
    }
}

/// For each token, the index of its sentence.
fn sentence_index(seg: &Segmented) -> Vec<usize> {
    let mut out = vec![usize::MAX; seg.tokens.len()];
    for (si, s) in seg.sentences.iter().enumerate() {
        for t in s.tokens.clone() {
            if let Some(x) = out.get_mut(t) {
                *x = si;
            }
        }
    }
    out
}

fn sentence_range(seg: &Segmented, sent_of: &[usize], tok: usize) -> Range<usize> {
    sent_of.get(tok).and_then(|&s| seg.sentences.get(s)).map_or(tok..tok + 1, |s| s.tokens.clone())
}

/// Token indices covering `span`.
fn tokens_of(seg: &Segmented, span: Span) -> Range<usize> {
    let a = seg.tokens.partition_point(|t| t.end <= span.start);
    let b = seg.tokens.partition_point(|t| t.start < span.end);
    a..b.max(a)
}

/// "in Pyongyang", "a visit to Moscow": the capital as a place, not as its government.
fn locative(v: &View, first: usize) -> bool {
    let Some(p) = first.checked_sub(1) else { return false };
    match v.word(p) {
        "in" | "at" | "near" | "outside" | "inside" | "downtown" | "across" | "around" | "into" | "In" | "At" => true,
        "to" | "from" => p.checked_sub(1).is_some_and(|q| {
            matches!(
                v.word(q),
                "visit"
                    | "trip"
                    | "travel"
                    | "traveled"
                    | "travelled"
                    | "flew"
                    | "arrived"
                    | "returned"
                    | "went"
                    | "journey"
                    | "came"
                    | "back"
                    | "route"
                    | "way"
            )
        }),
        _ => false,
    }
}

/// Turns one tagged mention into candidates (none, one, or a country plus a name). The name is
/// first trimmed ([`name_tokens`]) and checked ([`not_a_name`]); then the first rule that
/// decides wins, each pushing its candidates: the lexicon, the repairs of the tagger's
/// boundaries, the named shapes ([`law_name`] … [`person_in_slot`]), and last the titled name
/// ([`titled_name`]) or place ([`place_name`]) the tagger's type says.
fn candidates(v: &View, pos: &Tags, seg: &Segmented, sent_of: &[usize], m: &EntityMention, out: &mut Vec<Cand>) {
    let Some(mut toks) = name_tokens(v, seg, m) else { return };
    let s = v.slice(toks.clone());
    if party_members(v, pos, &toks)
        || not_a_name(v, &toks, s)
        || toks.len() == 1 && hyphen_parts(v, toks.start, out)
        || lone_org_word(v, &toks, s)
    {
        return;
    }
    if let Some(c) = lexicon_cand(v, toks.clone(), m.kind) {
        out.push(c);
        return;
    }
    let sent = sentence_range(seg, sent_of, toks.start);
    extend_plural_possessor(v, &sent, m.kind, &mut toks);
    if m.kind == EntityKind::Org {
        toks.start = of_name_start(v, &sent, toks.start);
    }
    if law_name(v, &sent, &toks, out) {
        return;
    }
    if m.kind == EntityKind::Org {
        toks.end = committee_name_end(v, &sent, toks.clone());
    }
    let decided = team_name(v, &toks, out)
        || body_named_by_leader(v, &sent, &toks, out)
        || lone_title(v, &toks, s)
        || person_after_title(v, m.kind, &toks, out)
        || person_in_slot(v, &sent, m.kind, &toks, out);
    if decided {
        return;
    }
    match m.kind {
        EntityKind::Per | EntityKind::Org => titled_name(v, &sent, m.kind, toks, out),
        EntityKind::Loc => place_name(v, toks, out),
        EntityKind::Misc => {}
    }
}

/// Members of a party, not the party: "uneasy Republicans", "congressional Republicans",
/// "rank-and-file Democrats", "Senate Republicans", "House Democrats", "Ohio Democrats",
/// "Sixty-two percent of Republicans", "Republicans on the House Financial Services
/// Committee", "Democrats from coal states". A party plural is the party when it stands
/// alone as a subject or object ("Democrats said", "the Republicans"); a quantifier, an
/// adjective, a chamber or a state before it, or a prepositional phrase after it picks members
/// out of it. (Counted members, "the two Democrats", are dropped by the tagger's filters.)
fn party_members(v: &View, pos: &Tags, toks: &Range<usize>) -> bool {
    let Some(last) = toks.end.checked_sub(1).filter(|&l| l >= toks.start) else { return false };
    if !matches!(v.word(last), "Republicans" | "Democrats") {
        return false;
    }
    // Speaking as the party ("Senate Republicans said", "Congressional Democrats argued"):
    // the speaker stage reads a party plural before a speech verb as the party itself.
    let verb_at = |i: usize| {
        matches!(
            v.word(i),
            "said"
                | "say"
                | "says"
                | "told"
                | "argued"
                | "argue"
                | "wrote"
                | "warned"
                | "claimed"
                | "insisted"
                | "countered"
                | "complained"
                | "stated"
                | "tweeted"
                | "responded"
                | "charged"
        )
    };
    if verb_at(toks.end) || v.word(toks.end).ends_with("ly") && verb_at(toks.end + 1) {
        return false;
    }
    // A chamber or a state inside the mention or right before it.
    let chamber_or_state = |r: Range<usize>| {
        !r.is_empty() && {
            let q = v.slice(r.clone());
            matches!(q, "House" | "Senate" | "Congressional" | "Capitol Hill")
                || v.lex.lookup(q).is_some_and(|e| e.place.is_some())
        }
    };
    if chamber_or_state(toks.start..last) {
        return true;
    }
    let a = toks.start;
    if (1..=2).any(|n| a >= n && chamber_or_state(a - n..a)) {
        return true;
    }
    let before = a.checked_sub(1).map(|p| v.word(p)).unwrap_or("");
    // "uneasy Republicans", "congressional Republicans", "fellow Democrats", "rank-and-file".
    let adjective = before.chars().next().is_some_and(char::is_lowercase)
        && !v.lex.is_stopword(before)
        && (matches!(pos.get(a - 1), Pos::Adj)
            || matches!(before, "fellow" | "rank-and-file" | "congressional" | "establishment" | "moderate"));
    // "percent of Republicans", "a majority of Democrats".
    let share = before == "of"
        && a >= 2
        && (crate::lexicon::words::is_quantifier(v.word(a - 2))
            || matches!(lower(v.word(a - 2)).as_str(), "percent" | "%" | "majority" | "half" | "third" | "share"));
    // "Republicans on the committee", "Democrats in Ohio", "Democrats from coal states"; the
    // qualifier after the other party shared ("Democrats or Republicans in Congress").
    let shared = matches!(v.word(toks.end), "or" | "and")
        && matches!(v.word(toks.end + 1), "Democrats" | "Republicans" | "Independents");
    let end = if shared { toks.end + 2 } else { toks.end };
    let after = v.word(end);
    let qualified = matches!(after, "on" | "in" | "from") && {
        // "in the fall", "on Monday": a time, not a qualifier.
        let n = match v.word(end + 1) {
            "the" | "this" | "that" => v.word(end + 2),
            n => n,
        };
        let season = matches!(n, "fall" | "spring" | "summer" | "winter" | "past" | "future" | "meantime" | "end");
        let n = if season || v.lex.is_time_head(&lower(n)) { "Monday" } else { n };
        n != "Monday" && !v.lex.is_not_actor(n) && !n.starts_with(|c: char| c.is_ascii_digit())
    };
    let counted = (a.saturating_sub(2)..a).any(|k| crate::lexicon::words::is_quantifier(v.word(k)));
    adjective || share || qualified || counted
}

/// The mention's tokens without what is never part of a name: a leading "the", trailing
/// possessives and punctuation, a trailing platform ("RNC Research Twitter", "Trump campaign
/// website": the name is the actor, the account is where it spoke). `None` when nothing is left.
fn name_tokens(v: &View, seg: &Segmented, m: &EntityMention) -> Option<Range<usize>> {
    let mut toks = tokens_of(seg, m.span);
    while toks.start < toks.end && matches!(v.word(toks.start), "the" | "The") {
        toks.start += 1;
    }
    while toks.start < toks.end
        && (v.is_possessive(toks.end - 1) || !v.word(toks.end - 1).chars().any(char::is_alphanumeric))
    {
        toks.end -= 1;
    }
    if (toks.len() >= 3 || (toks.len() == 2 && v.word(toks.start).chars().all(|c| !c.is_lowercase())))
        && is_platform_noun(v.word(toks.end - 1))
    {
        toks.end -= 1;
    }
    (!toks.is_empty()).then_some(toks)
}

/// No name at all: no capital letter ("the president"), a listed non-actor ("Monday"), only
/// function words, glued page furniture ("spot_imgspot_img"), or a court case ("Roe v. Wade").
fn not_a_name(v: &View, toks: &Range<usize>, s: &str) -> bool {
    let lex = v.lex;
    !s.chars().any(char::is_uppercase)
        || lex.is_not_actor(s)
        // "Muslim", "Latinos" alone; "the Mexican government" acts for Mexico.
        || (toks.len() == 1
            && groups::group_word(s)
            && !acts_for_place(v.word(toks.end))
            && !matches!(v.word(toks.end), "administration" | "campaign"))
        // A qualified religious or generational group ("Sunni Muslims", "young Millennials").
        // Two words, so "National Association of Evangelicals" stays.
        || (toks.len() == 2 && {
            let last = v.word(toks.end - 1);
            last.len() > 3 && last.ends_with('s') && lex.is_not_actor(last) && lex.org_word(v.word(toks.start)).is_none()
        })
        || compass_demonym(v, toks)
        || state_demonym(toks, s)
        || (toks.clone()).all(|i| lex.is_stopword(v.word(i)))
        || award(v, toks)
        || (toks.clone()).any(|i| is_glued_junk(v.word(i)))
        || (toks.start.saturating_sub(1)..toks.end).any(|i| matches!(v.word(i), "v." | "v" | "vs." | "vs"))
        // The first party of a case ("Planned Parenthood v. Casey"); "Trump vs. Clinton" stays.
        || matches!(v.word(toks.end), "v." | "v")
}

/// An award is no actor: "Congressional Gold Medal", "Heisman Trophy", "Merriman Smith
/// Award", "Medal of Honor".
fn award(v: &View, toks: &Range<usize>) -> bool {
    let is_award = |w: &str| matches!(w, "Medal" | "Prize" | "Award" | "Awards" | "Trophy");
    is_award(v.word(toks.end - 1))
        || (toks.len() >= 3 && is_award(v.word(toks.start)) && matches!(v.word(toks.start + 1), "of" | "Of"))
}

/// "Northern European", "Southern Californian": a compass word before a demonym is an adjective.
fn compass_demonym(v: &View, toks: &Range<usize>) -> bool {
    toks.len() == 2 && matches!(v.word(toks.start), "Northern" | "Southern" | "Eastern" | "Western") && {
        let w = v.word(toks.start + 1);
        w.ends_with("ean")
            || w.ends_with("ian")
            || w.ends_with("ese")
            || v.lex.lookup(w).is_some_and(|e| e.demonym.is_some())
    }
}

/// A noun (lower-case, singular) naming an institution or force of a place, which acts for it
/// ("the U.S. government", "Texas troops").
fn institution_of_place(one: &str) -> bool {
    matches!(
        one,
        "police"
            | "people"
            | "force"
            | "troop"
            | "government"
            | "administration"
            | "ministry"
            | "department"
            | "regime"
            | "military"
            | "army"
            | "embassy"
            | "legislature"
            | "parliament"
            | "council"
    )
}

/// [`institution_of_place`] for a noun as written, a plural "s" taken off ("troops").
fn acts_for_place(noun: &str) -> bool {
    institution_of_place(noun.strip_suffix('s').unwrap_or(noun))
}

/// "the 44-year-old Texan", "Californians", "West Virginians": a U.S. state's demonym names its people, not the
/// state (the lexicon holds countries' demonyms, not states').
fn state_demonym(toks: &Range<usize>, s: &str) -> bool {
    use crate::actors::tag::gazetteer::{holds_phrase, REGIONS};
    let w = s.strip_suffix('s').unwrap_or(s);
    let Some(stem) = w.strip_suffix('n') else { return false };
    toks.len() <= 2
        && stem.len() >= 3
        && [
            stem.to_string(),
            format!("{stem}s"),
            stem.strip_suffix('a').unwrap_or(stem).to_string(),
            format!("{}a", stem.strip_suffix("ia").unwrap_or("")),
        ]
        .iter()
        .any(|st| st.len() >= 4 && holds_phrase(REGIONS, st.split_whitespace()))
}

/// "News", "Committee": a name-ending word alone names nothing (unless the lexicon knows it).
fn lone_org_word(v: &View, toks: &Range<usize>, s: &str) -> bool {
    toks.len() == 1 && v.lex.org_word(s).is_some() && v.lex.lookup(s).is_none()
}

/// "Donetsk People" + "’s Republic": the tagger stops at the possessive the segmenter split
/// off. Only plural possessors make such names ("People’s Republic", "Children’s Hospital"); a
/// place before 's is a separate name ("New York City’s Rikers Island").
fn extend_plural_possessor(v: &View, sent: &Range<usize>, kind: EntityKind, toks: &mut Range<usize>) {
    let lex = v.lex;
    if kind != EntityKind::Per && matches!(v.word(toks.end - 1), "People" | "Women" | "Men" | "Children") {
        while v.is_possessive(toks.end) && toks.end + 1 < sent.end {
            let mut k = toks.end + 1;
            while k < sent.end && v.is_cap(k) && !lex.is_stopword(v.word(k)) && lex.title(v.word(k)).is_none() {
                k += 1;
            }
            if k == toks.end + 1 {
                break;
            }
            toks.end = k;
        }
    }
}

/// "George Floyd Justice" PER + "in Policing Act": a law's name the tagger cut at a lower-case
/// "in", "of" or "for", calling its first part a person or an organisation.
fn law_name(v: &View, sent: &Range<usize>, toks: &Range<usize>, out: &mut Vec<Cand>) -> bool {
    if toks.len() < 2 {
        return false;
    }
    let Some(end) = law_name_end(v, sent, toks.end) else { return false };
    let t = toks.start..end;
    out.push(Cand::new(v.span(t.clone()), t, ActorType::Organization, None));
    true
}

/// "Team Obama", "Team Biden": a person's camp, an organisation; its lone "Obama" mentions are
/// the person, not the team.
fn team_name(v: &View, toks: &Range<usize>, out: &mut Vec<Cand>) -> bool {
    if toks.len() < 2 || v.word(toks.start) != "Team" {
        return false;
    }
    out.push(Cand::new(v.span(toks.clone()), toks.clone(), ActorType::Organization, None));
    true
}

/// "the Obama administration", "the Trump campaign", "the Netanyahu government": a body named
/// by its leader is an organisation, not the leader.
fn body_named_by_leader(v: &View, sent: &Range<usize>, toks: &Range<usize>, out: &mut Vec<Cand>) -> bool {
    let body = toks.len() <= 3
        && toks.start > sent.start
        && toks.end < sent.end
        && matches!(v.word(toks.start - 1), "the" | "The")
        && matches!(v.word(toks.end), "administration" | "campaign" | "government" | "regime");
    if body {
        let t = toks.start..toks.end + 1;
        out.push(Cand::new(v.span(t.clone()), t, ActorType::Organization, None));
    }
    body
}

/// "Pope", "President": a title alone names no one in particular.
/// Also a plural abbreviation ("Democratic Sens. Chris Murphy, Joe Manchin", "Reps.").
fn lone_title(v: &View, toks: &Range<usize>, s: &str) -> bool {
    toks.len() == 1
        && (v.lex.title(s).is_some()
            || s.strip_suffix('s').is_some_and(|one| one.len() >= 2 && v.lex.title(&format!("{one}.")).is_some()))
}

/// "Mississippi Governor Tate Reeves" tagged as one organisation, "Pope Francis" or "Mr. Trump"
/// as a place: a person after a title or a form of address.
fn person_after_title(v: &View, kind: EntityKind, toks: &Range<usize>, out: &mut Vec<Cand>) -> bool {
    let lex = v.lex;
    if kind == EntityKind::Per {
        return false;
    }
    let name_start =
        (toks.start..toks.end.saturating_sub(1)).rev().find(|&i| lex.is_title_before_name(v.word(i))).map(|i| i + 1);
    let Some(ns) = name_start else { return false };
    let rest = ns..toks.end;
    // "Mayor Bill de Blasio": a particle inside the name may be lower case.
    let particle = |i: usize| i > rest.start && i + 1 < rest.end && splits::is_particle(v.word(i));
    let capitalised = (rest.clone()).all(|i| v.is_cap(i) || particle(i));
    if capitalised && (rest.clone()).all(|i| lex.org_word(v.word(i)).is_none() && !lex.is_stopword(v.word(i))) {
        out.push(Cand::new(v.span(rest.clone()), rest, ActorType::Person, None));
        return true;
    }
    false
}

/// A name the tagger did not call a person, where only a person stands ([`person_slot`]:
/// "spokesperson Matthew Miller", "his counterpart, Kang Sun-nam,"), and not ending in an
/// organisation word.
fn person_in_slot(v: &View, sent: &Range<usize>, kind: EntityKind, toks: &Range<usize>, out: &mut Vec<Cand>) -> bool {
    let slot =
        kind != EntityKind::Per && v.lex.org_word(v.word(toks.end - 1)).is_none() && person_slot(v, sent, toks.clone());
    if slot {
        out.push(Cand::new(v.span(toks.clone()), toks.clone(), ActorType::Person, None));
    }
    slot
}

/// "American Petroleum Institute", "American Enterprise Institute": a country's adjective
/// opening an organisation's name belongs to it, unless the organisation is a government body
/// the country rules read ("Russian Foreign Ministry", "Israeli Army").
fn demonym_in_name(v: &View, end: usize) -> bool {
    !matches!(
        v.word(end - 1),
        "Ministry" | "Department" | "Embassy" | "Army" | "Navy" | "Force" | "Forces" | "Government" | "Parliament"
    )
}

/// "Russian President Vladimir Putin", "U.S. State Department": a person or organisation name
/// with titles, demonyms and countries peeled off its front (a country named there becomes a
/// candidate of its own); its last word says whether it is a person, organisation, medium or
/// place.
fn titled_name(v: &View, sent: &Range<usize>, kind: EntityKind, toks: Range<usize>, out: &mut Vec<Cand>) {
    let lex = v.lex;
    // A person's name starts after the last form of address ("Given Mr. Trump").
    let mut start = toks.start;
    if kind == EntityKind::Per {
        let address = (toks.start..toks.end - 1).rev().find(|&i| {
            let w = v.word(i);
            lex.is_title_before_name(w) && starts_upper(w)
        });
        if let Some(k) = address {
            start = k + 1;
        }
    }
    let mut prefix_country = None;
    while toks.end - start > 1 {
        let w = v.word(start);
        let per = kind == EntityKind::Per;
        if v.is_possessive(start) || (per && (lex.title(w).is_some() || lex.is_stopword(w))) {
            start += 1;
        } else if let Some(p) = v.place_at(start, toks.end.min(sent.end)).filter(|p| {
            // "Chad Griffin", "Paris Hilton": a place name then one word that is no title is a
            // given name and a surname ("Texas Gov. Abbott", "U.S. Sen. Ted Cruz" keep theirs).
            let rest = start + p.len;
            rest < toks.end && !(per && rest + 1 == toks.end && lex.title(v.word(rest)).is_none())
        }) {
            if kind == EntityKind::Org && p.demonym && !p.name && demonym_in_name(v, toks.end) {
                break;
            }
            if p.name {
                prefix_country = Some((start..start + p.len, p.country));
            }
            start += p.len;
            if kind == EntityKind::Org {
                break;
            }
        } else {
            break;
        }
    }
    let name = start..toks.end;
    let last = v.word(name.end - 1);
    let actor_type = match lex.org_word(last) {
        Some(OrgWord::Place) => ActorType::Place,
        Some(OrgWord::Media) => ActorType::Media,
        Some(OrgWord::Org) => ActorType::Organization,
        _ if kind == EntityKind::Org => ActorType::Organization,
        _ if lex.title(v.word(name.start)).is_some() && name.len() == 1 => return,
        _ => ActorType::Person,
    };
    if let Some((r, c)) = prefix_country.clone() {
        let mut cc = Cand::new(v.span(r.clone()), r, ActorType::Country, Some(Known::Country(c)));
        cc.nested = actor_type != ActorType::Person;
        out.push(cc);
    }
    if actor_type == ActorType::Person {
        out.push(Cand::new(v.span(name.clone()), name, actor_type, None));
    } else {
        // Organisations keep a directly preceding country in their name ("U.S. State
        // Department"), with the bare form as an alias.
        let whole = match prefix_country {
            Some((r, _)) if kind == EntityKind::Org && !v.is_possessive(r.end) => r.start..name.end,
            _ => name.clone(),
        };
        let mut c = Cand::new(v.span(whole.clone()), whole.clone(), actor_type, None);
        if whole != name {
            c.extra_alias = Some(v.slice(name).to_string());
        }
        out.push(c);
    }
}

/// "South Carolina Republican Sen.": a place the tagger ran on into the party and title that
/// follow it (AP style: "Lindsey Graham, South Carolina Republican"), cut back to the place.
fn place_name(v: &View, toks: Range<usize>, out: &mut Vec<Cand>) {
    let mut t = toks;
    while t.len() > 1 {
        let w = v.word(t.end - 1);
        let title = v.lex.is_title_before_name(w);
        if title || matches!(w, "Republican" | "Democrat" | "Democratic" | "Independent") {
            t.end -= 1;
        } else {
            break;
        }
    }
    out.push(Cand::new(v.span(t.clone()), t, ActorType::Place, None))
}

/// "Congregation for the Doctrine of the Faith" tagged from "Doctrine" or from "Faith" on: the
/// tagger often stops at a lower-case "of" or "for". Walks left from `start` over at most three
/// steps of "Capitalised Words of|for [the]" and returns the furthest start whose words before
/// "of"/"for" end in an organisation head word ("Congregation", "Department"), or `start`
/// when there is none. Titles stop the walk ("Secretary of State" is a role), as do function
/// words and possessives.
fn of_name_start(v: &View, sent: &Range<usize>, start: usize) -> usize {
    let lex = v.lex;
    let (mut best, mut j) = (start, start);
    for _ in 0..3 {
        if j > sent.start && matches!(v.word(j - 1), "the" | "a") {
            j -= 1;
        }
        if !(j > sent.start + 1 && matches!(v.word(j - 1), "of" | "for")) {
            break;
        }
        let head = j - 2;
        let word_ok = |i: usize| {
            let w = v.word(i);
            starts_upper(w)
                && !lex.is_stopword(w)
                && lex.title(w).is_none()
                && lex.title(w.trim_end_matches('s')).is_none()
                && !v.is_possessive(i + 1)
        };
        if !word_ok(head) {
            break;
        }
        let mut k = head;
        while k > sent.start && head - k < 3 && word_ok(k - 1) {
            k -= 1;
        }
        if lex.org_word(v.word(head)) == Some(OrgWord::Org) {
            best = k;
        }
        j = k;
    }
    best
}

/// The most capitalised words after "in|of|for" in a law's name ("in Policing Act", "of
/// Homeland Security Appropriations Act"); a longer run is a sentence in title case.
const LAW_TAIL_WORDS: usize = 5;

/// The most words of a committee's subject ("on Foreign Relations", "on Armed Services");
/// beyond four capitalised words the name has run into the sentence.
const COMMITTEE_SUBJECT_WORDS: usize = 4;

/// The end of a law's name continuing a mention that ends at `end`: "in|of|for" and up to five
/// capitalised words, the last of them "Act" ("... in Policing Act").
fn law_name_end(v: &View, sent: &Range<usize>, end: usize) -> Option<usize> {
    if !(end < sent.end && matches!(v.word(end), "in" | "of" | "for")) {
        return None;
    }
    let mut k = end + 1;
    while k < sent.end && k - end <= LAW_TAIL_WORDS {
        let w = v.word(k);
        if !starts_upper(w) || v.lex.is_stopword(w) {
            return None;
        }
        if w == "Act" {
            return Some(k + 1);
        }
        k += 1;
    }
    None
}

/// "House Select Committee" + "on Benghazi": the tagger stops a committee's or commission's
/// name at "on" or "for". The end of the name with its subject: at most four capitalised words
/// (no titles, no function words) after "on|for [the]". A subject going on with "and" and a
/// capitalised word ("on Ways and Means", "on Benghazi and Hillary Clinton") is ambiguous,
/// and the name is left as tagged.
fn committee_name_end(v: &View, sent: &Range<usize>, toks: Range<usize>) -> usize {
    let end = toks.end;
    if !(matches!(v.word(end - 1), "Committee" | "Subcommittee" | "Commission")
        && end < sent.end
        && matches!(v.word(end), "on" | "for"))
    {
        return end;
    }
    let mut k = end + 1;
    if k < sent.end && v.word(k) == "the" {
        k += 1;
    }
    let first = k;
    while k < sent.end && k - first < COMMITTEE_SUBJECT_WORDS {
        let w = v.word(k);
        // "the Senate Banking Committee on Tuesday": a date is no subject.
        if !starts_upper(w) || v.lex.is_stopword(w) || v.lex.title(w).is_some() || v.lex.is_time_head(&lower(w)) {
            break;
        }
        k += 1;
    }
    let and_more = k + 1 < sent.end && v.word(k) == "and" && v.is_cap(k + 1);
    if k == first || and_more || v.is_possessive(k) {
        end
    } else {
        k
    }
}

/// Whether `toks` stand where only a person can, whatever the tagger thought: after a title
/// ("spokesperson Matthew Miller", "President Trump", "Mr. Cotton"), or as the name in
/// "[the] role, NAME," ("his North Korean counterpart, Kang Sun-nam,").
fn person_slot(v: &View, sent: &Range<usize>, toks: Range<usize>) -> bool {
    let before = toks.start.checked_sub(1).filter(|&p| p >= sent.start).map(|p| v.word(p)).unwrap_or("");
    let title_before = v.lex.is_title_before_name(before);
    title_before || roles::appositive_before(v, sent, toks.start, toks.end).is_some()
}

/// A candidate the lexicon types on its own: a known country, capital, medium or institution.
/// "Kansas City, Mo. The", "Uvalde, Tex. native": a state's abbreviation after a town and a
/// comma, its stop a token of its own, is the state the lexicon lists with the stop ("Mo.",
/// "Mass.", "Wash.", "Miss.": without it, a word, a name or a verb).
fn state_after_town(v: &View, toks: &Range<usize>) -> Option<crate::lexicon::Entry> {
    let (a, b) = (toks.start, toks.end);
    let s = v.word(a);
    let shape = b == a + 1
        && a >= 2
        && v.word(a - 1) == ","
        && v.is_cap(a - 2)
        && v.word(b) == "."
        && (2..=4).contains(&s.len())
        && s.starts_with(char::is_uppercase)
        && s.chars().all(|c| c.is_ascii_alphabetic());
    shape.then(|| v.lex.lookup(&format!("{s}."))).flatten().filter(|e| e.place.is_some() && e.country.is_none())
}

fn lexicon_cand(v: &View, toks: Range<usize>, kind: EntityKind) -> Option<Cand> {
    let s = v.slice(toks.clone());
    // "REUTERS", "THE WASHINGTON POST": a name in capitals is looked up as written in lower case.
    // Only media and institutions: a dateline's "WASHINGTON" is the city, not the government.
    let e = v
        .lex
        .lookup(s)
        .or_else(|| {
            shouted(s)
                .then(|| v.lex.lookup(&s.to_lowercase()))
                .flatten()
                .filter(|e| e.media.is_some() || e.org.is_some())
        })
        .or_else(|| state_after_town(v, &toks))?;
    let span = v.span(toks.clone());
    let acronym = s.len() > 1 && !s.chars().any(char::is_lowercase);
    if let Some(o) = e.org {
        return Some(Cand::new(span, toks, ActorType::Organization, Some(Known::Org(o))));
    }
    // A lone word tagged as a person is more likely a surname than an outlet ("Fox", "Time").
    if let Some(m) = e.media.filter(|_| kind != EntityKind::Per || toks.len() > 1 || acronym) {
        return Some(Cand::new(span, toks, ActorType::Media, Some(Known::Media(m))));
    }
    if let Some(c) = e.country {
        return Some(Cand::new(span, toks, ActorType::Country, Some(Known::Country(c))));
    }
    if let Some(c) = e.seat.filter(|_| kind != EntityKind::Per || toks.len() == 1) {
        if locative(v, toks.start) {
            // "in Washington" is the city (the place lexicon may know it: Washington, D.C.).
            return Some(Cand::new(span, toks, ActorType::Place, e.place.map(Known::Place)));
        }
        let mut cand = Cand::new(span, toks, ActorType::Country, Some(Known::Country(c)));
        cand.extra_alias = Some(s.to_string());
        return Some(cand);
    }
    // A lone word tagged as a person may be a given name ("Virginia"), but not an abbreviation.
    if let Some(p) = e.place.filter(|&p| kind != EntityKind::Per || v.lex.places[p] != s) {
        return Some(Cand::new(span, toks, ActorType::Place, Some(Known::Place(p))));
    }
    None
}

/// A name written in capitals that is no acronym: a word of five letters or more, all of them
/// upper case ("REUTERS", "US MARINES", a dateline's "CHARLOTTE"; not "NATO", "US").
fn shouted(s: &str) -> bool {
    !s.chars().any(char::is_lowercase) && s.split(|c: char| !c.is_alphabetic()).any(|w| w.chars().count() >= 5)
}

/// Countries inside a hyphenated token: "US-led" (US), "DPRK-Russia" (both). Returns whether
/// the token was read that way.
fn hyphen_parts(v: &View, tok: usize, out: &mut Vec<Cand>) -> bool {
    let w = v.word(tok);
    let Some(base) = v.toks.get(tok).map(|t| t.start) else { return false };
    if !w.contains('-') || !starts_upper(w) {
        return false;
    }
    let mut found = Vec::new();
    let mut off = 0;
    for (n, part) in w.split('-').enumerate() {
        let span = Span::new(base + off, base + off + part.len());
        off += part.len() + 1;
        let country = v.lex.lookup(part).and_then(|e| e.country.or(e.seat));
        match country {
            Some(c) => found.push((span, c)),
            // "US-led": a lower-case tail after a country.
            None if n > 0 && part.chars().next().is_some_and(char::is_lowercase) => break,
            None => return false,
        }
    }
    let any = !found.is_empty();
    for (span, c) in found {
        out.push(Cand::new(span, tok..tok + 1, ActorType::Country, Some(Known::Country(c))));
    }
    any
}

/// Hyphenated compounds the tagger left untagged ("a US-led campaign").
fn hyphen_countries(v: &View, cands: &mut Vec<Cand>) {
    let mut covered = vec![false; v.toks.len()];
    for c in cands.iter() {
        for t in c.toks.clone() {
            if let Some(x) = covered.get_mut(t) {
                *x = true;
            }
        }
    }
    for (i, &cov) in covered.iter().enumerate() {
        if !cov && v.word(i).contains('-') {
            hyphen_parts(v, i, cands);
        }
    }
}

/// Cuts names glued to the next word ("Kim Jong-unthrough") back to the name, when the name
/// is found elsewhere in the article.
fn repair_glued(v: &View, cands: &mut Vec<Cand>) {
    // First word of each clean person name → the names' words.
    let mut by_first: HashMap<&str, Vec<Vec<&str>>> = HashMap::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Person) {
        let words: Vec<&str> = c.toks.clone().map(|i| v.word(i)).collect();
        if let Some(&first) = words.first() {
            let list = by_first.entry(first).or_default();
            if !list.contains(&words) {
                list.push(words);
            }
        }
    }
    let mut repaired = Vec::new();
    for i in 0..v.toks.len() {
        let Some(names) = by_first.get(v.word(i)) else { continue };
        for n in names {
            let last = i + n.len() - 1;
            if last >= v.toks.len() || !(0..n.len() - 1).all(|k| v.word(i + k) == n[k]) {
                continue;
            }
            let Some(cut) = names::glued_prefix(v.word(last), n[n.len() - 1], |w| v.lex.is_stopword(w)) else {
                continue;
            };
            let start = v.toks[i].start;
            let span = Span::new(start, v.toks[last].start + cut);
            repaired.push(Cand::new(span, i..last + 1, ActorType::Person, None));
            break;
        }
    }
    if repaired.is_empty() {
        return;
    }
    cands.retain(|c| !repaired.iter().any(|r| r.toks.start < c.toks.end && c.toks.start < r.toks.end));
    cands.extend(repaired);
}

/// Keeps the first (longest) of overlapping candidates, except countries nested in a name.
fn drop_overlaps(cands: &mut Vec<Cand>) {
    let mut keep: Vec<Cand> = Vec::with_capacity(cands.len());
    let mut last_end = 0;
    for c in cands.drain(..) {
        if c.nested || c.span.start >= last_end {
            if !c.nested {
                last_end = c.span.end;
            }
            keep.push(c);
        } else if c.kind == ActorType::Country
            && keep.last().is_some_and(|k| k.kind != ActorType::Person && k.span.contains(c.span))
        {
            // "Russia" inside "Russia’s State Security Council" as the tagger saw it.
            let mut c = c;
            c.nested = true;
            keep.push(c);
        }
    }
    *cands = keep;
}

/// Letters an acronym needs to join an organisation's full name without a definition ("EU"
/// or "AP" could abbreviate too many names).
const MIN_ACRONYM_LETTERS: usize = 3;

/// Acronyms defined in parentheses, and countries directly before an organisation.
fn link(v: &View, cands: &mut Vec<Cand>) {
    let n = cands.len();
    let mut added = Vec::new();
    for i in 0..n {
        if cands[i].nested || cands[i].kind == ActorType::Person || cands[i].kind == ActorType::Place {
            continue;
        }
        let end = cands[i].toks.end;
        if v.word(end) != "(" || v.word(end + 2) != ")" {
            continue;
        }
        let acr = v.word(end + 1);
        let long = v.slice(cands[i].toks.clone());
        let known_same = cands[i].known.is_some()
            && lexicon_cand(v, end + 1..end + 2, EntityKind::Org).and_then(|c| c.known) == cands[i].known;
        if !(names::is_acronym_of(acr, long) || known_same) {
            continue;
        }
        let span = v.span(end + 1..end + 2);
        match cands.iter().position(|c| c.span == span) {
            Some(j) => cands[j].same_as = Some(cands[i].name),
            None => {
                let mut c = Cand::new(span, end + 1..end + 2, cands[i].kind, cands[i].known);
                c.same_as = Some(cands[i].name);
                added.push(c);
            }
        }
    }
    cands.extend(added);
    // Every later use of a defined acronym means the same entity.
    let defined: HashMap<&str, Span> =
        cands.iter().filter_map(|c| c.same_as.map(|t| (&v.text[c.name.start..c.name.end], t))).collect();
    for c in cands.iter_mut().filter(|c| c.same_as.is_none() && c.kind != ActorType::Person) {
        if let Some(&t) = defined.get(&v.text[c.name.start..c.name.end]) {
            if t != c.name {
                c.same_as = Some(t);
            }
        }
    }
    // An acronym never defined ("S.E.C.", "CFPB") whose letters are the initials of exactly one
    // organisation named in full in the article ("Securities and Exchange Commission") is it.
    let is_acronym = |t: &str| {
        let letters = t.chars().filter(|c| c.is_alphabetic()).count();
        letters >= MIN_ACRONYM_LETTERS && !t.chars().any(char::is_lowercase) && !t.contains(' ')
    };
    let long_forms: Vec<(&str, Span)> = cands
        .iter()
        .filter(|c| {
            // A place of three words or more has its initials too ("ANWR" for the Arctic
            // National Wildlife Refuge).
            let named_place = c.kind == ActorType::Place && c.toks.len() >= 3;
            (matches!(c.kind, ActorType::Organization | ActorType::Media) || named_place)
                && !c.nested
                && c.same_as.is_none()
        })
        .map(|c| (&v.text[c.name.start..c.name.end], c.name))
        .filter(|(t, _)| t.contains(' '))
        .collect();
    // The long forms by the initials an acronym of them may spell, in text order: each
    // acronym looks up its own letters, and each distinct acronym is decided once (a paste
    // of thousands of "CNN"s and "ABC News"es stays linear).
    let mut by_initials: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, (t, _)) in long_forms.iter().enumerate() {
        for k in names::acronym_keys(t) {
            by_initials.entry(k).or_default().push(i);
        }
    }
    let mut decided: HashMap<&str, Option<Span>> = HashMap::new();
    for c in cands.iter_mut().filter(|c| c.same_as.is_none() && c.kind != ActorType::Person) {
        let acr = &v.text[c.name.start..c.name.end];
        if !is_acronym(acr) {
            continue;
        }
        let one = *decided.entry(acr).or_insert_with(|| {
            let found = names::acronym_letters(acr).and_then(|l| by_initials.get(&l));
            let mut of: Vec<Span> = found.map_or(Vec::new(), |ix| ix.iter().map(|&i| long_forms[i].1).collect());
            of.dedup_by(|a, b| v.text[a.start..a.end] == v.text[b.start..b.end]);
            match of.as_slice() {
                [t] => Some(*t),
                _ => None,
            }
        });
        if let Some(t) = one {
            c.same_as = Some(t);
        }
    }
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
    for i in 1..cands.len() {
        let (a, b) = cands.split_at_mut(i);
        let (prev, cur) = (&mut a[i - 1], &mut b[0]);
        let gap = v.text.get(prev.span.end..cur.span.start).unwrap_or("x");
        if prev.kind == ActorType::Country
            && !prev.nested
            && prev.extra_alias.is_none()
            && cur.kind == ActorType::Organization
            && cur.known.is_none()
            && !gap.is_empty()
            && gap.trim().is_empty()
        {
            cur.extra_alias = Some(v.text[cur.span.start..cur.span.end].to_string());
            cur.span.start = prev.span.start;
            cur.name.start = prev.span.start;
            cur.toks.start = prev.toks.start;
            prev.nested = true;
        }
    }
}

fn person_tokens(v: &View, cands: &[Cand]) -> Vec<bool> {
    let mut person = vec![false; v.toks.len()];
    for c in cands.iter().filter(|c| c.kind == ActorType::Person) {
        for t in c.toks.clone() {
            if let Some(x) = person.get_mut(t) {
                *x = true;
            }
        }
    }
    person
}

/// Roles around each person name, and titles kept in the mention ("President Putin").
fn read_roles(v: &View, seg: &Segmented, sent_of: &[usize], person: &[bool], headlines: &[Span], cands: &mut [Cand]) {
    for c in cands.iter_mut().filter(|c| c.kind == ActorType::Person) {
        if in_spans(headlines, c.span) {
            continue;
        }
        let sent = sentence_range(seg, sent_of, c.toks.start);
        let first = c.toks.start;
        let name = c.toks.clone();
        if let Some(r) = roles::premodifier(v, &sent, first, person) {
            c.roles.extend(role_fit::fit(v, role_rules::compound_head(v, r), &name, person));
        }
        if let Some(r) = roles::appositive_after(v, &sent, c.toks.end, person) {
            c.roles.extend(role_fit::fit(v, r, &name, person));
        }
        if let Some(r) = roles::appositive_before(v, &sent, first, c.toks.end) {
            c.roles.extend(role_fit::fit(v, r, &name, person));
        }
        // A lone surname keeps its title in the mention: "President Putin", "Mr. Miller",
        // "Attorney General Sessions".
        if c.toks.len() == 1 {
            let mut k = first;
            while k > sent.start && k + 3 > first {
                let t = v.word(k - 1);
                if v.lex.title(t).is_none() || !starts_upper(t) {
                    break;
                }
                k -= 1;
            }
            if k < first {
                c.span.start = v.toks[k].start;
            }
        }
    }
}

/// Whether `span` lies inside one of `spans` (sorted by start, disjoint).
fn in_spans(spans: &[Span], span: Span) -> bool {
    let i = spans.partition_point(|s| s.start <= span.start);
    i > 0 && spans[i - 1].contains(span)
}

/// Finds nominal mentions by one scan over the tokens.
fn nominals(v: &View, seg: &Segmented, person: &[bool], headlines: &[Span], cands: &mut Vec<Cand>) {
    let mut taken = vec![false; v.toks.len()];
    for c in cands.iter().filter(|c| c.kind != ActorType::Country) {
        // A role read around a name is not a second mention ("Russia’s Ambassador to Pyongyang X").
        let roles = c.roles.iter().map(|r| tokens_of(seg, *r));
        for t in std::iter::once(c.toks.clone()).chain(roles).flatten() {
            if let Some(x) = taken.get_mut(t) {
                *x = true;
            }
        }
    }
    let mut found = Vec::new();
    for s in seg.sentences.iter().filter(|s| !in_spans(headlines, s.span)) {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if taken.get(i).copied().unwrap_or(true) {
                i += 1;
                continue;
            }
            match roles::nominal_at(v, &s.tokens, i, person) {
                Some(n) if !(n.tokens.clone()).any(|t| taken.get(t).copied().unwrap_or(true)) => {
                    i = n.tokens.end;
                    found.push(n);
                }
                _ => i += 1,
            }
        }
    }
    // "the Russian government", "the Iranian regime" is the country itself, not an
    // organisation of its own (kinds::country_itself).
    for n in found.into_iter().filter(|n| !role_rules::describes(v, n) && !kinds::country_itself(n)) {
        let kind = if n.institution { ActorType::Organization } else { ActorType::Person };
        // An institution's mention starts at its country ("Pyongyang’s foreign ministry").
        let mut span = n.span;
        let mut toks = n.tokens.clone();
        if n.institution && matches!(v.word(toks.start), "the" | "The") {
            toks.start += 1;
            span = v.span(toks.clone());
        }
        let mut c = Cand::new(span, toks, kind, None);
        c.nominal = Some(n);
        cands.push(c);
    }
    cands.sort_by_key(|c| (c.span.start, std::cmp::Reverse(c.span.end)));
}

/// An actor being built.
struct Building {
    kind: ActorType,
    known: Option<Known>,
    /// Name candidates (full names, organisation names), in order.
    names: Vec<String>,
    aliases: Vec<String>,
    mentions: Vec<Span>,
    roles: Vec<(String, Span)>,
    /// Person name words (folded), for surname matching.
    words: Vec<String>,
    /// The person's full name ends in a generational suffix ("Donald Trump Jr.").
    suffixed: bool,
    /// Every mention so far is a place or country modifying a noun ([`attributive`]).
    modifier_only: bool,
}

impl Building {
    fn new(kind: ActorType, known: Option<Known>) -> Building {
        Building {
            kind,
            known,
            names: Vec::new(),
            aliases: Vec::new(),
            mentions: Vec::new(),
            roles: Vec::new(),
            words: Vec::new(),
            suffixed: false,
            modifier_only: true,
        }
    }

    fn add(&mut self, text: &str, c: &Cand) {
        self.mentions.push(c.span);
        push_unique(&mut self.aliases, &text[c.span.start..c.span.end]);
        if c.name != c.span {
            push_unique(&mut self.aliases, &text[c.name.start..c.name.end]);
        }
        if let Some(a) = &c.extra_alias {
            push_unique(&mut self.aliases, a);
        }
        if c.nominal.is_none() {
            push_unique(&mut self.names, &text[c.name.start..c.name.end]);
        }
        if let Some(n) = &c.full_name {
            push_unique(&mut self.names, n);
        }
        for r in &c.roles {
            self.add_role(&text[r.start..r.end], *r);
        }
    }

    fn add_role(&mut self, role: &str, at: Span) {
        // A generic head alone is a role cut from its words ("criminal division head Leslie
        // Caldwell" read as "head"): it says nothing true enough to show.
        if matches!(fold(role).as_str(), "head" | "chief" | "member" | "official" | "officer")
            || role_rules::cut_role(role)
        {
            return;
        }
        if !self.roles.iter().any(|(r, _)| fold(r) == fold(role)) {
            self.roles.push((role.to_string(), at));
        }
    }
}

fn push_unique(v: &mut Vec<String>, s: &str) {
    if !v.iter().any(|x| x == s) {
        v.push(s.to_string());
    }
}

fn build(article_id: &str, v: &View, pos: &Tags, cands: Vec<Cand>) -> ArticleActors {
    let text = v.text;
    let lex = v.lex;
    let mut actors: Vec<Building> = Vec::new();
    let mut keys: HashMap<(u8, String), usize> = HashMap::new();
    let mut of_cand: Vec<Option<usize>> = vec![None; cands.len()];

    let by_name: HashMap<Span, usize> = cands.iter().enumerate().map(|(i, c)| (c.name, i)).collect();
    // "Hofstra University" → its first word: a lone "Hofstra" is the university when exactly
    // one university or college of the article starts with it.
    let mut schools: HashMap<String, Option<String>> = HashMap::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Organization && c.known.is_none() && c.nominal.is_none()) {
        let long = fold(&text[c.name.start..c.name.end]);
        if let Some((first, "university" | "college")) = long.split_once(' ') {
            schools
                .entry(first.to_string())
                .and_modify(|l| {
                    if l.as_deref() != Some(long.as_str()) {
                        *l = None
                    }
                })
                .or_insert(Some(long.clone()));
        }
    }
    // "Fox News" → "fox": a lone "Fox" tagged an organisation ("Trump told Fox") is the
    // article's one broadcaster of two words named by it and a news word.
    for c in cands.iter().filter(|c| {
        matches!(c.kind, ActorType::Organization | ActorType::Media) && c.nominal.is_none() && c.toks.len() == 2
    }) {
        let name = &text[c.name.start..c.name.end];
        let Some((first, "News" | "Radio" | "TV" | "Television" | "Network")) = name.split_once(' ') else {
            continue;
        };
        // Not a city ("areas around Buffalo" beside The Buffalo News).
        let city = crate::actors::tag::gazetteer::holds(crate::actors::tag::gazetteer::CITIES, first);
        if first == "The" || city || !first.starts_with(char::is_uppercase) || lex.lookup(first).is_some() {
            continue;
        }
        let long = match c.known {
            Some(Known::Media(k)) => fold(&lex.media[k]),
            Some(Known::Org(k)) => fold(&lex.orgs[k]),
            Some(_) => continue,
            None => fold(name),
        };
        schools
            .entry(fold(first))
            .and_modify(|l| {
                if l.as_deref() != Some(long.as_str()) {
                    *l = None
                }
            })
            .or_insert(Some(long));
    }
    // The stems of the article's departments ("labor" of "the Labor Department").
    let depts: HashSet<String> = cands
        .iter()
        .filter(|c| c.kind == ActorType::Organization && c.known.is_none() && c.nominal.is_none())
        .filter_map(|c| {
            let k = institution_variant(&fold(&text[c.name.start..c.name.end]));
            k.strip_suffix(" department").filter(|s| !s.contains(' ')).map(str::to_string)
        })
        .collect();
    // Formal given name + surname (+ suffix) → the person actors under it, with their middle names.
    let mut short_keys: HashMap<String, Vec<(usize, Vec<String>)>> = HashMap::new();
    // Surnames the article gives to people of several given names ("George Bush" beside "Jeb
    // Bush" may be the father, not "George W. Bush"): no middle-name leniency there.
    let mut family: HashMap<String, HashSet<String>> = HashMap::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Person && c.toks.len() >= 2 && c.nominal.is_none()) {
        let words = names::name_words(&text[c.name.start..c.name.end]);
        if let (Some(first), Some(last)) = (words.first(), words.last()) {
            if words.len() >= 2 {
                family.entry(last.clone()).or_default().insert(lex.formal_given(first).to_string());
            }
        }
    }

    // Shorter and misspelt forms of the article's full names ("Peña Nieto", "Donand Trump").
    let full_keys: Vec<String> = cands
        .iter()
        .filter(|c| c.kind == ActorType::Person && c.toks.len() >= 2 && c.nominal.is_none() && c.same_as.is_none())
        .map(|c| names::person_key(&text[c.name.start..c.name.end]))
        .collect();
    let person_aliases = splits::person_aliases(&full_keys);
    let edges = role_objects::Edges::new(&cands);
    // An unlisted word the tagger cut off the start of the title right before a person
    // ("Homeland Security Secretary Jeh Johnson": "Homeland") is part of the title; not one
    // its spokesman or aide speaks for ("GSA spokeswoman Ashley Nash-Hahn noted").
    let titles: HashSet<usize> = cands
        .iter()
        .filter(|c| c.kind == ActorType::Person)
        .flat_map(|c| c.roles.iter().filter(move |r| r.end < c.span.start && c.span.start - r.end <= 1))
        .map(|r| r.start)
        .collect();
    let modifier = |c: &Cand| {
        (c.kind == ActorType::Organization
            && c.known.is_none()
            && c.toks.len() == 1
            && c.nominal.is_none()
            && titles.contains(&c.span.start)
            && !speaks_for(v.word(c.toks.end)))
            || attributive(v, pos, c)
            || org_modifier(v, pos, c)
            || role_objects::in_role(v, pos, c, &edges)
            || noun_modifiers::qualifies(v, pos, c, &edges)
            || office_possessive(v, c)
    };
    // Pass 1: everything but lone person words and person nominals.
    for (i, c) in cands.iter().enumerate() {
        if c.kind == ActorType::Person && (c.toks.len() < 2 || c.nominal.is_some()) {
            continue;
        }
        if c.same_as.is_some() {
            continue;
        }
        let name = &text[c.name.start..c.name.end];
        let key = match (c.kind, c.known) {
            (_, Some(Known::Country(k))) => (0u8, lex.countries[k].name.clone()),
            (_, Some(Known::Media(k))) => (1, fold(&lex.media[k])),
            (_, Some(Known::Org(k))) => (1, institution_variant(&fold(&lex.orgs[k]))),
            (_, Some(Known::Place(k))) => (3, fold(&lex.places[k])),
            // A generational suffix tells father and son apart ("Donald Trump Jr.").
            (ActorType::Person, _) => (2, names::person_key(name)),
            // A name in capitals is the same name in lower case ("CHARLOTTE", "US MARINES").
            (ActorType::Place, _) if shouted(name) => (3, fold(&name.to_lowercase())),
            (ActorType::Place, _) => (3, fold(name)),
            (_, _) => match &c.nominal {
                Some(n) => (1, fold(&institution_name(v, n))),
                None if shouted(name) => (1, org_key(&fold(&name.to_lowercase()), &schools, &depts)),
                None => (1, org_key(&fold(name), &schools, &depts)),
            },
        };
        // "Joseph R. Biden" and "Joe Biden", "Donald J. Trump" and "Donald Trump": the same
        // given name (formal or short) and surname, middle names on one side only.
        let short = (c.kind == ActorType::Person && key.0 == 2).then(|| short_person_key(lex, name)).flatten();
        let same_person = || {
            let (k, mid) = short.as_ref()?;
            let last = k.split(' ').nth(1)?;
            if family.get(last).is_some_and(|g| g.len() > 1) {
                return None;
            }
            let hits: Vec<usize> = short_keys
                .get(k)?
                .iter()
                .filter(|(_, m)| m.is_empty() || mid.is_empty() || m == mid)
                .map(|(a, _)| *a)
                .collect();
            (hits.len() == 1).then(|| hits[0])
        };
        // A shorter or misspelt form joins the full name; it is no name to show.
        let aliased = (key.0 == 2).then(|| person_aliases.get(&key.1)).flatten();
        let key = aliased.map_or(key, |k| (2, k.clone()));
        let idx = match keys.get(&key).copied().or_else(same_person) {
            Some(a) => a,
            None => {
                // A bare organisation name may already be known as another's alias.
                let alias_hit = (key.0 == 1).then(|| keys.get(&(4, key.1.clone())).copied()).flatten();
                alias_hit.unwrap_or_else(|| {
                    actors.push(Building::new(c.kind, c.known));
                    keys.insert(key.clone(), actors.len() - 1);
                    actors.len() - 1
                })
            }
        };
        if let Some((k, mid)) = short {
            let list = short_keys.entry(k).or_default();
            if !list.iter().any(|(a, m)| *a == idx && *m == mid) {
                list.push((idx, mid));
            }
        }
        if let Some(a) = &c.extra_alias {
            if key.0 == 1 {
                keys.entry((4, fold(a))).or_insert(idx);
                keys.entry((1, fold(a))).or_insert(idx);
            }
        }
        if c.kind == ActorType::Person && actors[idx].words.is_empty() {
            actors[idx].words = names::name_words(name);
            actors[idx].suffixed = names::generational_suffix(name).is_some();
        }
        // The full name's words, when its shorter form came first ("Wasserman Schultz" before
        // "Debbie Wasserman Schultz"), so that a lone given name finds it.
        if aliased.is_some() || (c.kind == ActorType::Person && actors[idx].words.len() < names::name_words(name).len())
        {
            if let Some(k) = aliased {
                actors[idx].words = k.split(' ').map(str::to_string).collect();
            } else {
                actors[idx].words = names::name_words(name);
            }
        }
        if let Some(n) = &c.nominal {
            let nm = institution_name(v, n);
            push_unique(&mut actors[idx].names, &nm);
        }
        // Media outranks organisation when either says so (the lexicon or a "News" suffix).
        if c.kind == ActorType::Media {
            actors[idx].kind = ActorType::Media;
        }
        actors[idx].add(text, c);
        if aliased.is_some() && actors[idx].names.len() > 1 {
            actors[idx].names.retain(|n| n != name);
        }
        if !modifier(c) {
            actors[idx].modifier_only = false;
        }
        of_cand[i] = Some(idx);
    }
    // Acronyms join their long forms.
    for (i, c) in cands.iter().enumerate() {
        if let Some(target) = c.same_as {
            if let Some(idx) = by_name.get(&target).and_then(|&t| of_cand[t]) {
                actors[idx].add(text, c);
                // "helmed the DNC" heads its phrase even when the long form only qualified a
                // title ("a former Democratic National Committee chairman").
                if !modifier(c) {
                    actors[idx].modifier_only = false;
                }
                keys.entry((1, fold(&text[c.name.start..c.name.end]))).or_insert(idx);
                of_cand[i] = Some(idx);
            }
        }
    }
    // Pass 2: lone person words join the full name they abbreviate.
    let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
    for (a, b) in actors.iter().enumerate().filter(|(_, b)| b.kind == ActorType::Person && b.words.len() > 1) {
        // A hyphenated surname is one word alone ("Mr. Holtz-Eakin" for "Douglas Holtz-Eakin").
        let hyphenated =
            b.names.first().and_then(|n| n.split_whitespace().last()).filter(|w| w.contains('-')).map(names::word_key);
        // The given name's formal form too: a lone "Larry" finds "Laurence H. Tribe".
        let formal = b.words.first().map(|g| lex.formal_given(g).to_string()).filter(|f| Some(f) != b.words.first());
        for w in [b.words.first(), b.words.last(), hyphenated.as_ref(), formal.as_ref()].into_iter().flatten() {
            let list = by_word.entry(w.clone()).or_default();
            if !list.contains(&a) {
                list.push(a);
            }
        }
    }
    // A lone word's key: itself, or its formal given name when only that is an article's name.
    let lone_key = |name: &str| {
        let w = names::word_key(name);
        if by_word.contains_key(&w) {
            return w;
        }
        let f = lex.formal_given(&w);
        if f != w && by_word.contains_key(f) {
            f.to_string()
        } else {
            w
        }
    };
    let mut near = Nearest::new(&actors);
    // The same, counting only mentions that carry the surname: "Melania" alone does not make
    // Melania Trump the nearest "Trump" .
    let mut near_surname = Nearest::new(&actors);
    let org_firsts = splits::org_first_words(&actors);
    // Gender, where the text states it: a courtesy title before a lone name ("Mr.", "Mrs."),
    // a full name's roles ("first lady", "his wife"), else its usual given name ("Bill",
    // "Hillary": [`crate::lexicon::genders`]). A lone "Mr. Obama" does not join "Michelle
    // Obama", the first lady, nor "Mrs. Clinton" Bill Clinton; once a word's gendered lone
    // mentions are refused so, its ungendered ones ("President Obama") stay apart too.
    let actor_gender: Vec<Option<bool>> =
        actors.iter().map(|b| roles_gender(&b.roles).or_else(|| given_name_gender(b))).collect();
    let lone_gender = |c: &Cand| c.toks.start.checked_sub(1).and_then(|p| courtesy_gender(v.word(p)));
    let incompatible = |a: usize, g: bool| actor_gender.get(a).copied().flatten() == Some(!g);
    let mut refused: HashSet<String> = HashSet::new();
    for c in cands.iter().filter(|c| c.kind == ActorType::Person && c.toks.len() == 1 && c.nominal.is_none()) {
        let w = lone_key(&text[c.name.start..c.name.end]);
        let full = by_word.get(&w).map(Vec::as_slice).unwrap_or_default();
        if let Some(g) = lone_gender(c) {
            if !full.is_empty() && full.iter().all(|&a| incompatible(a, g)) {
                refused.insert(w);
            }
        }
    }
    // Words first seen after a regnal title ("Pope Francis", "King Charles"): such a title goes
    // with a given name that is the whole name, so "Pope Francis" is not "Francis DeBernardo",
    // and a later lone "Francis" joins whichever of the two was mentioned last.
    let mut regnal: HashMap<String, usize> = HashMap::new();
    let mut sticky: HashMap<(String, Option<bool>), usize> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        if c.kind != ActorType::Person || c.toks.len() != 1 || c.nominal.is_some() {
            continue;
        }
        let w = lone_key(&text[c.name.start..c.name.end]);
        let full = by_word.get(&w).map(Vec::as_slice).unwrap_or_default();
        let titled = c.toks.start > 0
            && matches!(
                v.word(c.toks.start - 1),
                "Pope" | "King" | "Queen" | "Prince" | "Princess" | "Emperor" | "Empress"
            );
        // Only where the word is a full name's given name, never its surname ("King Kim" no).
        let given_only = full.iter().all(|&a| actors[a].words.last() != Some(&w));
        let mut choices = full.to_vec();
        // A lone surname shared by father and son is the father's ("Trump" beside "Donald
        // Trump Jr."): the son is written with his suffix.
        let plain = |a: usize| !actors[a].suffixed;
        let fathers: Vec<usize> = choices.iter().copied().filter(|&a| plain(a)).collect();
        choices.retain(|&a| plain(a) || !fathers.iter().any(|&b| actors[b].words == actors[a].words));
        match lone_gender(c) {
            Some(g) => choices.retain(|&a| !incompatible(a, g)),
            None if refused.contains(&w) => choices.clear(),
            None => {}
        }
        choices.extend(regnal.get(&w).copied());
        // A lone surname, once it has named one of the full names, keeps naming that one: a
        // relative introduced later ("his wife, Rakeyia Scott") is not "Scott" from then on.
        // Courtesy titles keep chains of their own ("Mr. Clinton", "Mrs. Clinton"), and the
        // person a "Mr." chain names is no "Mrs.".
        let g = lone_gender(c);
        if let Some(other) = g.and_then(|g| sticky.get(&(w.clone(), Some(!g)))) {
            choices.retain(|a| a != other);
        }
        let owner = sticky.get(&(w.clone(), g)).copied().filter(|o| choices.contains(o));
        let picked = if titled && given_only {
            regnal.get(&w).copied()
        } else {
            let surname = choices.len() > 1 && choices.iter().all(|&a| actors[a].words.last() == Some(&w));
            owner.or_else(|| if surname { &near_surname } else { &near }.pick(&choices, c.span.start))
        };
        // A lone word no person's name holds may be a company's first word ("Wells").
        let picked = picked.or_else(|| {
            let plain = full.is_empty() && !titled && g.is_none() && !regnal.contains_key(&w);
            plain.then(|| org_firsts.get(&w).copied().flatten()).flatten()
        });
        if let Some(p) = picked.filter(|_| !(titled && given_only)) {
            sticky.entry((w.clone(), g)).or_insert(p);
        }
        let idx = picked.unwrap_or_else(|| {
            let n = actors.len();
            let idx = *keys.entry((2, w.clone())).or_insert_with(|| {
                let mut b = Building::new(ActorType::Person, None);
                b.words = vec![w.clone()];
                actors.push(b);
                n
            });
            if idx == n {
                near.grow();
                near_surname.grow();
            }
            idx
        });
        if titled && given_only {
            regnal.entry(w.clone()).or_insert(idx);
        }
        near.saw(idx, c.span.start);
        if actors[idx].words.last() == Some(&w) {
            near_surname.saw(idx, c.span.start);
        }
        actors[idx].add(text, c);
        if actors[idx].kind == ActorType::Person {
            actors[idx].modifier_only = false;
        }
        of_cand[i] = Some(idx);
    }
    // Pass 3: person nominals, in text order, to the one person whose role fits.
    let near = Nearest::new(&actors);
    let mut offices: Vec<Vec<Office>> =
        actors.iter().map(|b| b.roles.iter().filter_map(|(r, _)| Office::of(lex, r)).collect()).collect();
    let persons: Vec<usize> = (0..actors.len()).filter(|&a| actors[a].kind == ActorType::Person).collect();
    for (i, c) in cands.iter().enumerate() {
        let Some(n) = c.nominal.as_ref().filter(|n| !n.institution) else { continue };
        if let Some(idx) = resolve_nominal(v, &near, &persons, &offices, n) {
            let words = &text[n.words.start..n.words.end];
            let role = match n.country.and_then(|k| lex.countries[k].demonym.as_deref()) {
                Some(d) => format!("{d} {words}"),
                None => words.to_string(),
            };
            let role = role_fit::nominal_role(v, n, role);
            actors[idx].add(text, c);
            actors[idx].modifier_only = false;
            actors[idx].add_role(&role, n.span);
            if let Some(o) = Office::of(lex, &role) {
                offices[idx].push(o);
            }
            of_cand[i] = Some(idx);
        }
    }
    // A country or place named only to modify a noun ("a former Vietnam prisoner of war", "the
    // Iran deal", "a Texas case") is no actor of the article.
    // So is an organisation or medium named only to qualify a noun or a title ("a Quinnipiac
    // University poll", "NYPD Commissioner", "her 2006 Senate races"): see [`org_modifier`].
    // One-word names that are common words ("Environmental activists", "Anyone who").
    let common = common_words::common_actors(v, pos, &actors);
    let mut a = 0;
    actors.retain(|b| {
        a += 1;
        let modifier = b.modifier_only
            && matches!(
                b.kind,
                ActorType::Country | ActorType::Place | ActorType::Organization | ActorType::Media | ActorType::Person
            );
        !modifier && !common.contains(&(a - 1))
    });
    finish(article_id, text, lex, actors)
}

/// A party-and-state tag after a politician's name, party first and a comma between: "Senator
/// Chris Murphy (D., Conn.)", "Joe Manchin (D., W. Va.)"; the state only tells whose seat.
fn party_state_tag(v: &View, a: usize, b: usize) -> bool {
    if b - a > 3 || a < 4 || v.word(a - 1) != "," {
        return false;
    }
    let mut i = a - 1;
    if v.word(i - 1) == "." {
        i -= 1;
    }
    let party = i >= 3 && matches!(v.word(i - 1).trim_end_matches('.'), "D" | "R" | "I");
    let open = party && v.word(i - 2) == "(" && starts_upper(v.word(i - 3));
    let mut k = b;
    while k < b + 2 && v.word(k) == "." {
        k += 1;
    }
    open && v.word(k) == ")"
}

/// "during Bill Clinton's presidency", "under President Ronald Reagan's tenure": a person's
/// full name whose possessive, after a preposition of time (a title may come between), only
/// dates the office after it. The person is no actor unless the article names them elsewhere
/// (any other mention keeps the actor). Not "information about Hillary Clinton's tenure as
/// secretary of state", where the tenure itself is the subject.
fn office_possessive(v: &View, c: &Cand) -> bool {
    if c.kind != ActorType::Person || c.toks.len() < 2 || c.nominal.is_some() || c.nested {
        return false;
    }
    let (a, b) = (c.toks.start, c.toks.end);
    let office = v.is_possessive(b)
        && matches!(
            v.word(b + 1),
            "presidency" | "tenure" | "premiership" | "governorship" | "mayoralty" | "speakership" | "reign"
        )
        && v.word(b + 2) != "as";
    let mut p = a;
    if p > 0 && is_title_word(v, v.word(p - 1)) {
        p -= 1;
    }
    office
        && p.checked_sub(1).is_some_and(|i| {
            matches!(lower(v.word(i)).as_str(), "during" | "under" | "throughout" | "before" | "after" | "since")
        })
}

/// A word after a name that is more likely its verb than a noun it modifies ("the Pacific Ocean
/// changed", "the U.S. remains"): a past form in -ed or a common verb of news prose.
fn looks_like_verb(w: &str) -> bool {
    (w.len() >= 5 && w.ends_with("ed"))
        || matches!(
            w,
            "says"
                | "said"
                | "remains"
                | "wants"
                | "needs"
                | "seems"
                | "looks"
                | "plans"
                | "faces"
                | "gets"
                | "makes"
                | "takes"
                | "continues"
                | "became"
                | "becomes"
                | "took"
                | "made"
                | "gave"
                | "went"
                | "came"
                | "saw"
                | "won"
                | "lost"
                | "sent"
                | "began"
                | "spent"
                | "led"
                | "knows"
                | "thinks"
                | "believes"
                | "hopes"
        )
}

/// "a former Vietnam prisoner of war", "the Iran deal", "a UK parliament session", "the Vermont
/// senator", "a Miami lawyer", "Massachusetts Sen.": a country or place that only qualifies the
/// noun after it (a title, or a lower-case common noun after a determiner), which a reader does
/// not take for an actor of the story. Not after a locative preposition, where the place is
/// where something is ("in the U.S. together", "to Miami lawyers"), and not before a noun naming
/// an institution or a force of the place ("the Charlotte-Mecklenburg police", "the U.S. government", "Texas
/// troops"), which acts for it.
fn attributive(v: &View, pos: &Tags, c: &Cand) -> bool {
    if !matches!(c.kind, ActorType::Country | ActorType::Place) {
        return false;
    }
    // Inside a longer name ("the U.S. Senate", "U.S. Court of Appeals") the place only
    // qualifies the institution the text names.
    if c.nested {
        return true;
    }
    let (a, b) = (c.toks.start, c.toks.end);
    let next = v.word(b);
    let one = next.strip_suffix('s').unwrap_or(next);
    // A party member's state ("a South Carolina Republican", "Ohio Democrats") is a title too.
    let title = v.lex.title(next).is_some()
        || v.lex.title(one).is_some()
        || matches!(one, "Republican" | "Democrat" | "Democratic");
    let lower_noun = next.chars().next().is_some_and(char::is_lowercase)
        && next.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        && !v.lex.is_stopword(next)
        && !looks_like_verb(next)
        && noun_at(v, pos, b);
    // A state tag after a politician's name ("Sen. Marco Rubio (Fla.)").
    if a > 1 && v.word(a - 1) == "(" && starts_upper(v.word(a - 2)) && {
        let close = if v.word(b) == "." { b + 1 } else { b };
        v.word(close) == ")" && b - a == 1
    } {
        return true;
    }
    if party_state_tag(v, a, b) {
        return true;
    }
    // Only an institution of the place acts for it: "a New Jersey company" is located there.
    let one_lower = one.to_lowercase();
    let acts_for_it = institution_of_place(&one_lower) || matches!(one_lower.as_str(), "area" | "region" | "building");
    if !(lower_noun || title) || acts_for_it || v.is_possessive(b) {
        return false;
    }
    // A common noun needs a determiner before the place ("the Iran deal", "her Brooklyn
    // headquarters"): without one, "Russia backing the government" is a subject and its verb.
    let det = (a.saturating_sub(2)..a).any(|i| {
        matches!(
            lower(v.word(i)).as_str(),
            "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that"
        ) || quantifier(v.word(i))
    });
    if !title && !det {
        return false;
    }
    // Right after a locative preposition the place is where something is ("in Texas schools");
    // with a determiner between, it qualifies the noun ("at the Charleston airport", "of her
    // Brooklyn headquarters", "to the New York businessman").
    !a.checked_sub(1).is_some_and(|i| {
        matches!(
            lower(v.word(i)).as_str(),
            "in" | "into"
                | "to"
                | "from"
                | "at"
                | "across"
                | "throughout"
                | "within"
                | "inside"
                | "around"
                | "near"
                | "of"
                | "for"
        )
    })
}

/// "a Quinnipiac University poll", "NYPD Commissioner", "Senate Majority Leader", "House
/// Democratic aide", "The GOP candidate", "her 2000 and 2006 Senate races", "the live Twitter
/// stream": an organisation or medium that only qualifies the title or common noun after it.
/// A reader does not count it among the story's actors unless it also appears as a head ("the
/// Senate voted", "told the Journal", "Quinnipiac's poll"). The noun after it must be a title
/// (capitalised qualifiers such as "Majority" or "Democratic" may come between) or a lower-case
/// common noun after a determiner, a possessive or a number ("2006 Senate races"), never a verb
/// ("Google plans"); "MTV and BET town hall" qualifies through the second name.
fn org_modifier(v: &View, pos: &Tags, c: &Cand) -> bool {
    if !matches!(c.kind, ActorType::Organization | ActorType::Media) || c.nested || c.nominal.is_some() {
        return false;
    }
    let (a, b) = (c.toks.start, c.toks.end);
    if v.is_possessive(b) {
        return false;
    }
    // After "of the" the body heads its own phrase: "give the chair of the DNC authority to
    // call …" (the noun after it is another object).
    // Only after a title: "in the wake of the New York Times report" is the report's owner.
    if a >= 3 && lower(v.word(a - 2)) == "of" && lower(v.word(a - 1)) == "the" && is_title_word(v, v.word(a - 3)) {
        return false;
    }
    // A chamber or body qualifying a party's members ("Senate Republicans", "House Democrats"):
    // the members are the head, whether or not they speak.
    if b > a && matches!(v.word(b), "Republicans" | "Democrats") {
        return true;
    }
    // Qualifiers before a title ("Senate Majority Leader", "House Democratic aide").
    let mut k = b;
    while k < b + 2
        && matches!(v.word(k), "Majority" | "Minority" | "Democratic" | "Republican" | "Democrat" | "GOP" | "Ranking")
    {
        k += 1;
    }
    let next = v.word(k);
    // A party's or body's candidate or nominee is its member, not its voice ("GOP nominee
    // Donald Trump", "Green Party candidate Jill Stein").
    let member = matches!(next, "candidate" | "candidates" | "nominee" | "nominees");
    if is_title_word(v, next) || member {
        // A full institution name before a titled person is that person's institution, which
        // the reader counts ("U.S. State Department spokesperson Matthew Miller", "Donetsk
        // People's Republic leader Denis Pushilin"); a bare chamber or acronym is not ("Senate
        // Majority Leader Mitch McConnell", "NYPD Commissioner").
        // A two-word name counts so only before someone speaking for it ("Justice Department
        // spokesman Peter Carr"), not before a member or a rank ("Green Party candidate Jill
        // Stein", "retired Air Force general Lloyd Newton": the judges' modifiers).
        let institution = b - a >= 3
            || b - a == 2
                && speaks_for(next)
                && matches!(v.lex.org_word(v.word(b - 1)), Some(OrgWord::Org | OrgWord::Media));
        return !(speaks_for(next) && speaks_after(v, k + 1) || institution && starts_upper(v.word(k + 1)));
    }
    if k > b {
        return false;
    }
    // The first of two names sharing a noun ("an MTV and BET town hall"): the noun follows
    // the second name's capitalised words.
    if next == "and" && starts_upper(v.word(b + 1)) {
        let mut m = b + 1;
        while m < b + 5 && starts_upper(v.word(m)) {
            m += 1;
        }
        // Not a plural naming what both are ("the Commerce and Justice departments", "C. V.
        // Starr & Company and Starr International companies"): each is one of them.
        let n = v.word(m);
        // Nor a verb in -s after a person ("the support of the Republican Party and Clinton
        // recovers from").
        let verb = n.ends_with('s') && matches!(pos.get(m + 1), Pos::Adp | Pos::Det | Pos::Pron);
        if !(verb
            || restates(n.trim_end_matches('s'))
            || matches!(n, "departments" | "companies" | "agencies" | "firms"))
        {
            k = m;
        }
    }
    let next = v.word(k);
    // A noun that restates what the organisation is ("the Black Lives Matter movement", "the
    // Union League club", "the Trump campaign") makes the name the head of the phrase.
    // (Past "news": "Russia's Interfax news agency".)
    let head = if next == "news" { v.word(k + 1) } else { next };
    let restates = restates(head);
    let lower_noun = next.chars().next().is_some_and(char::is_lowercase)
        && next.chars().all(|ch| ch.is_alphabetic() || ch == '-')
        && !v.lex.is_stopword(next)
        && !looks_like_verb(next)
        && !restates
        && noun_at(v, pos, k);
    // "the FBI and Justice Department decision": the determiner stands before the first of
    // two names sharing the noun.
    let mut s = a;
    if a >= 2 && matches!(v.word(a - 1), "and" | "or") {
        s = a - 1;
        while s > 0 && s + 4 > a && starts_upper(v.word(s - 1)) {
            s -= 1;
        }
    }
    lower_noun
        && !(speaks_for(next) && speaks_after(v, k + 1))
        && (s.saturating_sub(2)..s).any(|i| {
            let w = v.word(i);
            v.is_possessive(i)
                || w.starts_with(|ch: char| ch.is_ascii_digit())
                || matches!(
                    lower(w).as_str(),
                    "a" | "an" | "the" | "his" | "her" | "its" | "their" | "our" | "this" | "that" | "your" | "my"
                )
                || quantifier(w)
        })
}

/// A noun that restates what an organisation is ("the Black Lives Matter movement", "the Union
/// League club", "the Trump campaign"), which makes the name the head of the phrase.
fn restates(head: &str) -> bool {
    matches!(
        head,
        "movement"
            | "campaign"
            | "administration"
            | "organization"
            | "organisation"
            | "group"
            | "party"
            | "coalition"
            | "club"
            | "committee"
            | "board"
            | "network"
            | "company"
            | "agency"
            | "service"
            | "outlet"
            | "channel"
            | "newspaper"
            | "magazine"
            | "website"
            | "resort"
            | "hotel"
            | "casino"
            | "team"
    )
}

/// Whether a noun after an organisation's name, speaking, speaks for the organisation: an
/// unnamed official or a document of its ("a Homeland Security Department official said", "a
/// Quinnipiac University poll found"). "The GOP nominee said" is the nominee speaking, and the
/// party only qualifies the nominee.
fn speaks_for(noun: &str) -> bool {
    matches!(
        lower(noun).as_str(),
        "official"
            | "officials"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "aide"
            | "aides"
            | "staffer"
            | "staffers"
            | "representative"
            | "representatives"
            | "source"
            | "sources"
            | "lawyer"
            | "lawyers"
            | "attorney"
            | "attorneys"
            | "study"
            | "report"
            | "statement"
            | "analysis"
            | "memo"
            | "release"
            | "letter"
            | "data"
            | "filing"
            | "document"
            | "documents"
            | "records"
            | "figures"
            | "estimate"
            | "estimates"
            | "review"
            | "audit"
            | "investigation"
            | "findings"
    )
}

/// A quantifier before a qualified noun ("one Twitter user", "some Texas voters"): like a
/// determiner, it makes the name a modifier of the noun.
fn quantifier(w: &str) -> bool {
    matches!(
        lower(w).as_str(),
        "one" | "two" | "three" | "some" | "many" | "several" | "few" | "most" | "other" | "another" | "each" | "every"
    )
}

/// Whether the phrase an organisation qualifies goes on to speak ("a Homeland Security
/// Department official said", "A Quinnipiac University poll released in late August found"):
/// the organisation is then the source a quotation is attributed to, and stays an actor. A
/// speech verb within six words, before any punctuation.
fn speaks_after(v: &View, from: usize) -> bool {
    (from..from + 6).take_while(|&i| v.word(i).chars().any(char::is_alphanumeric)).any(|i| {
        matches!(
            v.word(i),
            "said"
                | "says"
                | "say"
                | "told"
                | "found"
                | "finds"
                | "reported"
                | "reports"
                | "showed"
                | "shows"
                | "wrote"
                | "writes"
                | "stated"
                | "concluded"
                | "estimated"
                | "warned"
                | "noted"
                | "added"
                | "argued"
                | "claimed"
                | "predicted"
                | "complained"
                | "announced"
        )
    })
}

/// Whether the part-of-speech tagger reads token `i` as a common noun (a word it cannot tag,
/// with no model, counts as one).
fn noun_at(v: &View, pos: &Tags, i: usize) -> bool {
    let w = v.word(i);
    if matches!(w, "together" | "alone" | "first" | "also" | "now" | "still" | "too" | "already" | "itself") {
        return false;
    }
    // A verb in -s the tagger took for a plural noun: "the Mexican government understands
    // that", "The Obama administration argues that", "The New York Times reports:".
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        let after = v.word(i + 1);
        // The sentence opens with "The" and the name ("The New York Times reports:").
        let sentence_the =
            (i.saturating_sub(6)..i).rev().take_while(|&j| starts_upper(v.word(j))).any(|j| v.word(j) == "The");
        if matches!(after, "that" | "the" | "a" | "an" | "it" | "he" | "she" | "they" | "to")
            || (sentence_the && matches!(after, ":" | "." | ","))
        {
            return false;
        }
    }
    matches!(pos.get(i), Pos::Noun | Pos::Other)
}

/// A title's head word, singular or plural ("Commissioner", "leaders", "aide").
fn is_title_word(v: &View, w: &str) -> bool {
    let one = w.strip_suffix('s').unwrap_or(w);
    v.lex.is_title_head(w) || v.lex.is_title_head(one)
}

/// The clustering key of an organisation's folded name: "Dept." spelled out ("Labor Dept" is
/// the Labor Department), and a lone first word of the article's one university or college
/// ("Hofstra") that university.
fn org_key(folded: &str, schools: &HashMap<String, Option<String>>, depts: &HashSet<String>) -> String {
    if let Some(Some(long)) = schools.get(folded) {
        return long.clone();
    }
    let key = institution_variant(folded);
    // A lone word naming one of the article's departments ("Labor is scheduled to" beside "the
    // Labor Department").
    if !key.contains(' ') && depts.contains(&key) {
        return format!("{key} department");
    }
    key
}

/// One key for the usual written forms of one institution: "Department of (the) X", "X
/// Department" and "X Dept." are "x department"; a national or UN prefix before a name of two
/// words or more is dropped ("U.S. Labor Department", "U.N. Security Council", "United Nations
/// Security Council": "labor department", "security council"). A state's prefix is kept
/// ("Wisconsin Republican Party" is not the party).
fn institution_variant(folded: &str) -> String {
    let mut s = folded.strip_prefix("the ").unwrap_or(folded);
    for pre in ["u.s. ", "us ", "u.s ", "united states ", "u.n. ", "un ", "united nations "] {
        if let Some(rest) = s.strip_prefix(pre) {
            let rest = rest.strip_prefix("the ").unwrap_or(rest);
            if rest.split(' ').count() >= 2 {
                s = rest;
            }
            break;
        }
    }
    for abbr in [" dept.", " dept", " dep't"] {
        if let Some(stem) = s.strip_suffix(abbr) {
            return format!("{stem} department");
        }
    }
    if let Some(rest) = s.strip_prefix("department of ") {
        let rest = rest.strip_prefix("the ").unwrap_or(rest);
        if !rest.is_empty() && !rest.contains(" and ") {
            return format!("{rest} department");
        }
    }
    s.to_string()
}

/// A person's name without its middle names, its given name in the formal form ("joseph biden"
/// for "Joe Biden" and "Joseph R. Biden"; a generational suffix kept), and the middle names.
fn short_person_key(lex: &Lexicon, name: &str) -> Option<(String, Vec<String>)> {
    let words = names::name_words(name);
    let (first, rest) = words.split_first()?;
    let (last, middle) = rest.split_last()?;
    let mut key = format!("{} {last}", lex.formal_given(first));
    if let Some(sfx) = names::generational_suffix(name) {
        key.push(' ');
        key.push_str(&sfx);
    }
    Some((key, middle.to_vec()))
}

/// The usual gender of a person's given name, when one of its names has two words or more
/// ("Bill Clinton"): `Some(true)` male.
fn given_name_gender(b: &Building) -> Option<bool> {
    let full = b.names.iter().find(|n| n.split_whitespace().nth(1).is_some())?;
    crate::lexicon::genders::of_full_name(full).map(|g| g == crate::lexicon::genders::Gender::Male)
}

/// The gender a courtesy title states: `Some(true)` male ("Mr."), `Some(false)` female.
fn courtesy_gender(w: &str) -> Option<bool> {
    match w {
        "Mr." | "Mr" => Some(true),
        "Mrs." | "Mrs" | "Ms." | "Ms" | "Miss" => Some(false),
        _ => None,
    }
}

/// The gender a person's roles state ("first lady", "his wife", "congresswoman"), if one.
fn roles_gender(roles: &[(String, Span)]) -> Option<bool> {
    let mut out = None;
    for (r, _) in roles {
        for w in r.split_whitespace().map(str::to_lowercase) {
            let g = match w.as_str() {
                "lady" | "wife" | "mother" | "daughter" | "sister" | "queen" | "princess" | "widow" => Some(false),
                "husband" | "father" | "son" | "brother" | "king" | "prince" | "widower" => Some(true),
                _ if w.ends_with("woman") => Some(false),
                _ => None,
            };
            match (out, g) {
                (_, None) => {}
                (None, g) => out = g,
                (Some(a), Some(b)) if a != b => return None,
                _ => {}
            }
        }
    }
    out
}

/// Where each actor is mentioned, for "the nearest one" questions in logarithmic time.
struct Nearest {
    /// Sorted mention starts per actor.
    starts: Vec<Vec<usize>>,
    /// The latest mention added since (mentions are added in text order).
    latest: Vec<Option<usize>>,
}

impl Nearest {
    fn new(actors: &[Building]) -> Nearest {
        let starts: Vec<Vec<usize>> = actors
            .iter()
            .map(|b| {
                let mut v: Vec<usize> = b.mentions.iter().map(|m| m.start).collect();
                v.sort_unstable();
                v
            })
            .collect();
        Nearest { latest: vec![None; starts.len()], starts }
    }

    /// Room for an actor added after construction (no mentions listed yet).
    fn grow(&mut self) {
        self.starts.push(Vec::new());
        self.latest.push(None);
    }

    fn saw(&mut self, a: usize, pos: usize) {
        if let Some(l) = self.latest.get_mut(a) {
            *l = Some(pos);
        }
    }

    fn before(&self, a: usize, pos: usize) -> Option<usize> {
        let s = self.starts.get(a)?;
        let i = s.partition_point(|&x| x < pos);
        let listed = i.checked_sub(1).map(|j| s[j]);
        listed.max(self.latest.get(a).copied().flatten().filter(|&l| l < pos))
    }

    fn distance(&self, a: usize, pos: usize) -> Option<usize> {
        let s = self.starts.get(a)?;
        let i = s.partition_point(|&x| x < pos);
        let after = s.get(i).map(|&x| x - pos);
        let before = i.checked_sub(1).map(|j| pos - s[j]);
        after.into_iter().chain(before).min()
    }

    /// The actor among `cands` mentioned nearest before `pos`, or failing that first after it.
    fn pick(&self, cands: &[usize], pos: usize) -> Option<usize> {
        let before = cands.iter().filter_map(|&a| self.before(a, pos).map(|p| (p, a))).max();
        let after = || cands.iter().filter_map(|&a| self.starts.get(a)?.first().map(|&p| (p, a))).min();
        before.or_else(after).map(|(_, a)| a)
    }
}

/// A role reduced to what nominal mentions are matched on.
struct Office {
    head: String,
    country: Option<usize>,
    text: String,
}

impl Office {
    fn of(lex: &Lexicon, role: &str) -> Option<Office> {
        Some(Office {
            head: roles::role_head(lex, role)?,
            country: roles::role_country(lex, role),
            text: role.to_string(),
        })
    }
}

/// "North Korean foreign ministry" for "Pyongyang’s foreign ministry".
fn institution_name(v: &View, n: &Nominal) -> String {
    let words = &v.text[n.words.start..n.words.end];
    match n.country.and_then(|k| v.lex.countries[k].demonym.as_deref()) {
        Some(d) => format!("{d} {words}"),
        None => words.to_string(),
    }
}

/// How far (in bytes) a nominal mention looks for its person when no role decides.
const NOMINAL_WINDOW: usize = 600;

fn resolve_nominal(v: &View, near: &Nearest, persons: &[usize], offices: &[Vec<Office>], n: &Nominal) -> Option<usize> {
    let words = &v.text[n.words.start..n.words.end];
    // Does a role fit (Some(true)), contradict (Some(false)), or say nothing (None)?
    let judge = |a: usize| -> Option<bool> {
        let mut verdict = None;
        for o in offices.get(a).map(Vec::as_slice).unwrap_or_default() {
            let country_ok = match (n.country, o.country) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if roles::heads_fit(&n.head, words, &o.head, &o.text) && country_ok {
                return Some(true);
            }
            verdict = Some(false);
        }
        verdict
    };
    let fitting: Vec<usize> = persons.iter().copied().filter(|&a| judge(a) == Some(true)).collect();
    match fitting.len() {
        1 => return Some(fitting[0]),
        0 => {}
        _ => return near.pick(&fitting, n.span.start),
    }
    // No stated role fits: the nearest person mentioned close by whose roles say nothing
    // against it, when the nominal names a country (a bare "the minister" is too vague).
    n.country?;
    let pos = n.span.start;
    persons
        .iter()
        .copied()
        .filter(|&a| judge(a).is_none())
        .filter_map(|a| near.distance(a, pos).filter(|&d| d <= NOMINAL_WINDOW).map(|d| (d, a)))
        .min()
        .map(|(_, a)| a)
}

/// Words of a name, a possessive written apart not counted: "Martha ’s Vineyard" is no longer
/// a name than "Martha's Vineyard" (and the spelling without the space is preferred).
fn name_words_count(s: &str) -> usize {
    s.split_whitespace().filter(|w| !w.starts_with(['\'', '\u{2019}'])).count()
}

fn finish(article_id: &str, text: &str, lex: &Lexicon, actors: Vec<Building>) -> ArticleActors {
    // Order actors by first mention; number them per type.
    let mut order: Vec<usize> = (0..actors.len()).filter(|&a| !actors[a].mentions.is_empty()).collect();
    order.sort_by_key(|&a| actors[a].mentions.iter().map(|m| m.start).min());
    let mut new_index = vec![usize::MAX; actors.len()];
    let mut counters: HashMap<char, usize> = HashMap::new();
    let mut out = ArticleActors::default();
    for &a in &order {
        let b = &actors[a];
        let letter = type_letter(b.kind);
        let n = counters.entry(letter).or_insert(0);
        *n += 1;
        let name = match b.known {
            Some(Known::Country(k)) => lex.countries[k].name.clone(),
            Some(Known::Media(k)) => lex.media[k].clone(),
            Some(Known::Org(k)) => lex.orgs[k].clone(),
            Some(Known::Place(k)) => lex.places[k].clone(),
            None => b
                .names
                .iter()
                .max_by_key(|s| {
                    (name_words_count(s), !shouted(s), !s.contains(" \u{2019}") && !s.contains(" '"), s.len())
                })
                .cloned()
                .unwrap_or_else(|| b.aliases[0].clone()),
        };
        let mut aliases = vec![name.clone()];
        for al in &b.aliases {
            push_unique(&mut aliases, al);
        }
        new_index[a] = out.actors.len();
        out.actors.push(Actor {
            id: format!("{article_id}:{letter}{n}"),
            name,
            kind: b.kind,
            aliases,
            roles: b.roles.iter().map(|(r, _)| r.clone()).collect(),
            role_evidence: b
                .roles
                .iter()
                .map(|(r, s)| RoleEvidence { role: r.clone(), start: s.start, end: s.end })
                .collect(),
            mentions: Vec::new(),
        });
    }
    for (a, b) in actors.iter().enumerate() {
        let Some(&ni) = new_index.get(a).filter(|&&x| x != usize::MAX) else { continue };
        let mut spans = b.mentions.clone();
        spans.sort();
        spans.dedup();
        for s in spans {
            out.actors[ni].mentions.push(Mention {
                start: s.start,
                end: s.end,
                text: text[s.start..s.end].to_string(),
            });
            out.mentions.push((s, ni));
        }
    }
    out.mentions.sort_by_key(|(s, _)| (s.start, s.end));
    out
}

/// The letter used in actor ids for each type.
pub fn type_letter(kind: ActorType) -> char {
    match kind {
        ActorType::Person => 'p',
        ActorType::Organization => 'o',
        ActorType::Media => 'm',
        ActorType::Country => 'c',
        ActorType::Place => 'l',
    }
}

#[cfg(test)]
mod tests {
    use super::institution_variant;

    #[test]
    fn written_forms_of_one_institution_share_a_key() {
        for (a, b) in [
            ("department of labor", "labor department"),
            ("u.s. labor department", "labor department"),
            ("u.s. department of the treasury", "treasury department"),
            ("u.n. security council", "security council"),
            ("united nations security council", "security council"),
            ("the justice dept.", "justice department"),
        ] {
            assert_eq!(institution_variant(a), b, "{a}");
        }
        // A state's prefix names another body; a one-word rest keeps its prefix.
        assert_eq!(institution_variant("wisconsin republican party"), "wisconsin republican party");
        assert_eq!(institution_variant("u.s. army"), "u.s. army");
        assert_eq!(
            institution_variant("department of health and human services"),
            "department of health and human services"
        );
    }
}
