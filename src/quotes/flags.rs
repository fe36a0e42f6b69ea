//! Sourcing flags: vague sources and contested claims.
//!
//! Both are read from sentence structure, not from a list of phrases:
//!
//! * **vague_source** — a cue whose subject is a *generic* noun phrase ("analysts", "Western
//!   officials", "a senior source", "people familiar with the talks") with no name in it or
//!   right after it ("analyst John Park said" names its source and is not flagged); a passive
//!   cognition or speech verb with no agent ("it is believed", "Kim is said to"); "amid
//!   speculation / reports / rumours"; and the adverb "reportedly".
//! * **contested_claim** — an allegation ("allegations that …", "American claims that …", a
//!   quote cued by "accused"/"alleged") in an article that also carries a denial ("denied",
//!   "rejected", "dismissed", "… as groundless"). The flag's text is the claim; its note quotes
//!   the denial. A denial in the claim's own sentence wins; otherwise the nearest denying
//!   sentence within a few sentences of the claim.

use super::cues::cue_word;
use super::speaker::Ctx;
use crate::actors::ArticleActors;
use crate::report::{Flag, FlagKind, Quote};
use crate::span::Span;
use crate::text::pos::Tags;
use crate::text::Segmented;

/// Heads of generic, unnamed sources.
const GENERIC: &[&str] = &[
    "analysts",
    "analyst",
    "experts",
    "expert",
    "observers",
    "observer",
    "officials",
    "official",
    "sources",
    "source",
    "critics",
    "people",
    "insiders",
    "insider",
    "diplomats",
    "diplomat",
    "commentators",
    "economists",
    "pundits",
    "watchers",
    "scholars",
    "researchers",
    "aides",
    "aide",
    "residents",
    "witnesses",
    "some",
    "many",
    "others",
    "person",
    "individuals",
    "insiders",
    "skeptics",
    "sceptics",
    "supporters",
    "opponents",
    "reports",
    "estimates",
];

/// Verbs of thinking that make a generic subject a source even though they are not speech.
const COGNITION: &[&str] = &[
    "believe",
    "believes",
    "believed",
    "think",
    "thinks",
    "thought",
    "suspect",
    "suspects",
    "suspected",
    "expect",
    "expects",
    "expected",
    "fear",
    "fears",
    "feared",
    "speculate",
    "speculated",
    "speculates",
    "see",
    "saw",
    "view",
    "viewed",
    "consider",
    "considered",
    "estimate",
    "estimated",
    "assess",
    "assessed",
    "agree",
    "agreed",
];

const PASSIVE_VERBS: &[&str] = &[
    "believed",
    "thought",
    "understood",
    "said",
    "reported",
    "rumored",
    "rumoured",
    "alleged",
    "expected",
    "suspected",
    "known",
    "feared",
];

const AMID: &[&str] =
    &["speculation", "reports", "rumors", "rumours", "suggestions", "claims", "talk", "fears", "concerns"];

const ALLEGATION: &[&str] = &[
    "allegations",
    "allegation",
    "claims",
    "claim",
    "accusations",
    "accusation",
    "charges",
    "assertions",
    "assertion",
    "suggestions",
    "rumors",
    "rumours",
    "reports",
];

const DENIAL: &[&str] = &[
    "denied",
    "denies",
    "deny",
    "denying",
    "rejected",
    "rejects",
    "rejecting",
    "dismissed",
    "dismisses",
    "dismissing",
    "refuted",
    "refutes",
    "disputed",
    "disputes",
    "groundless",
    "baseless",
    "unfounded",
    "fabricated",
    "fabrication",
    "denial",
    "denials",
    "rebuffed",
    "rebuts",
    "rebutted",
];

/// Flags vague sourcing and contested claims in one article.
pub fn flags<'a>(
    text: &'a str,
    seg: &'a Segmented,
    pos: &'a Tags<'a>,
    actors: &'a ArticleActors,
    quotes: &[Quote],
) -> Vec<Flag> {
    let outers: Vec<Span> = quotes
        .iter()
        .filter(|q| q.kind != crate::report::QuoteKind::Indirect)
        .map(|q| Span::new(q.start, q.end))
        .collect();
    let ctx = Ctx::new(text, seg, pos, actors, &outers);
    let mut out = Vec::new();
    vague(&ctx, &mut out);
    contested(&ctx, quotes, &mut out);
    out.sort_by_key(|f| (f.start, f.end));
    out
}

fn flag(ctx: &Ctx, kind: FlagKind, from: usize, to: usize, note: Option<String>) -> Option<Flag> {
    let toks = &ctx.seg.tokens;
    let (s, e) = (toks.get(from)?.start, toks.get(to.checked_sub(1)?)?.end);
    Some(Flag { kind, start: s, end: e, text: ctx.text.get(s..e)?.to_string(), note })
}

fn vague(ctx: &Ctx, out: &mut Vec<Flag>) {
    for s in &ctx.seg.sentences {
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        let mut i = lo;
        while i < hi {
            if ctx.is_quoted(i) {
                i += 1;
                continue;
            }
            let w = ctx.lower(i);
            // "amid speculation that …"
            if (w == "amid" || w == "amidst") && i + 1 < hi && AMID.contains(&ctx.lower(i + 1).as_str()) {
                out.extend(flag(
                    ctx,
                    FlagKind::VagueSource,
                    i,
                    i + 2,
                    Some("unattributed: whose speculation or reports?".into()),
                ));
                i += 2;
                continue;
            }
            if w == "reportedly" || w == "allegedly" || w == "purportedly" {
                out.extend(flag(ctx, FlagKind::VagueSource, i, i + 1, Some("reported by whom?".into())));
                i += 1;
                continue;
            }
            // "it is believed", "X is said to": a passive speech/cognition verb without an agent.
            if matches!(w.as_str(), "is" | "are" | "was" | "were" | "been")
                && i + 1 < hi
                && PASSIVE_VERBS.contains(&ctx.lower(i + 1).as_str())
                && i + 2 < hi
                && matches!(ctx.lower(i + 2).as_str(), "to" | "that")
            {
                let from = if i > lo && ctx.lower(i - 1) == "it" { i - 1 } else { i };
                out.extend(flag(ctx, FlagKind::VagueSource, from, i + 2, Some("no source given".into())));
                i += 3;
                continue;
            }
            if GENERIC.contains(&w.as_str()) && !ctx.is_cap(i) || GENERIC.contains(&w.as_str()) && i == lo {
                if let Some((from, to)) = generic_subject(ctx, i, lo, hi) {
                    out.extend(flag(ctx, FlagKind::VagueSource, from, to, Some("unnamed source".into())));
                    i = to;
                    continue;
                }
            }
            i += 1;
        }
    }
}

/// A generic head at `i` used as the subject of a cue: the flagged token range.
fn generic_subject(ctx: &Ctx, i: usize, lo: usize, hi: usize) -> Option<(usize, usize)> {
    // Named right after ("analyst John Park") or inside an actor mention: not vague.
    if ctx.mention_at(i).is_some() || i + 1 < hi && ctx.mention_at(i + 1).is_some() {
        return None;
    }
    // The phrase may continue: "people familiar with the matter", "officials in Seoul".
    let mut j = i + 1;
    if j < hi && matches!(ctx.lower(j).as_str(), "familiar" | "close" | "in" | "at" | "from" | "with" | "who") {
        let stop = (j..hi.min(j + GENERIC_TAIL_TOKENS)).find(|&k| ctx.word(k) == "," || verb_cue(ctx, k));
        j = stop?;
        if ctx.word(j) == "," {
            j += 1;
        }
    }
    // Auxiliaries and adverbs before the verb.
    while j < hi
        && j < i + VERB_REACH
        && (matches!(
            ctx.lower(j).as_str(),
            "have" | "has" | "had" | "also" | "now" | "generally" | "widely" | "privately" | "say" | "said"
        ) && !verb_cue(ctx, j)
            || ctx.lower(j).ends_with("ly") && !verb_cue(ctx, j))
    {
        j += 1;
    }
    if j >= hi || !verb_cue(ctx, j) {
        return None;
    }
    // Start: include determiners and adjectives before the head ("Some Western analysts").
    let mut from = i;
    while from > lo && from + 3 > i {
        let p = ctx.word(from - 1);
        let lw = ctx.lower(from - 1);
        let word = p.chars().next().is_some_and(char::is_alphabetic);
        if !word
            || ctx.mention_at(from - 1).is_some() && !lw.ends_with("ern")
            || matches!(lw.as_str(), "and" | "that" | "but" | "while" | "as" | "of" | "to" | "said" | "note")
        {
            break;
        }
        from -= 1;
    }
    Some((from, j + 1))
}

fn verb_cue(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    COGNITION.contains(&w.as_str()) || cue_word(&w).is_some_and(|c| !c.noun) && !ctx.is_cap(k)
}

fn contested(ctx: &Ctx, quotes: &[Quote], out: &mut Vec<Flag>) {
    let sents = &ctx.seg.sentences;
    // Denials: (sentence index, token of the denial word).
    let denials: Vec<(usize, usize)> = sents
        .iter()
        .enumerate()
        .flat_map(|(si, s)| s.tokens.clone().filter(|&k| DENIAL.contains(&&*ctx.lower_cow(k))).map(move |k| (si, k)))
        .collect();
    if denials.is_empty() {
        return;
    }
    // The denial, as the words around its denying token (a bounded piece of its sentence).
    let denial_text = |&(si, k): &(usize, usize)| {
        let s = &sents[si];
        let (a, b) = (k.saturating_sub(12).max(s.tokens.start), (k + 12).min(s.tokens.end));
        let toks = &ctx.seg.tokens;
        let (from, to) = (toks[a].start, toks[b.max(a + 1) - 1].end);
        let ell = |cut: bool| if cut { "…" } else { "" };
        format!("{}{}{}", ell(a > s.tokens.start), ctx.text.get(from..to).unwrap_or("").trim(), ell(b < s.tokens.end))
    };
    let mut claimed: Vec<Span> = Vec::new();
    for (si, s) in sents.iter().enumerate() {
        let (lo, hi) = (s.tokens.start, s.tokens.end);
        for k in lo..hi {
            if ctx.is_quoted(k) || !ALLEGATION.contains(&&*ctx.lower_cow(k)) {
                continue;
            }
            if k + 1 >= hi || !matches!(ctx.lower(k + 1).as_str(), "that" | "of") {
                continue;
            }
            // The allegation's phrase: a capitalised modifier before the noun ("American claims").
            let from = if k > lo && ctx.is_cap(k - 1) && k - 1 > lo { k - 1 } else { k };
            let own = own_denial(&denials, si);
            // "rejected X claims that … as “groundless”": the claim ends before "as".
            let mut to = hi.min(k + CLAIM_TOKENS);
            if own.is_some() {
                if let Some(a) = (k + 2..hi.min(k + CLAIM_TOKENS)).find(|&t| {
                    ctx.lower(t) == "as"
                        && !ctx.is_quoted(t)
                        && t + 1 < hi
                        && (ctx.is_quoted(t + 1) || DENIAL.contains(&ctx.lower(t + 1).as_str()))
                }) {
                    to = a;
                }
            }
            while to > from + 1 && matches!(ctx.word(to - 1), "." | "," | ";") && !ctx.is_quoted(to - 1) {
                to -= 1;
            }
            let denial = own.or_else(|| nearest_denial(&denials, si));
            if let Some(d) = denial {
                let note = format!("denied: {}", denial_text(d));
                if let Some(f) = flag(ctx, FlagKind::ContestedClaim, from, to, Some(note)) {
                    claimed.push(Span::new(f.start, f.end));
                    out.push(f);
                }
            }
        }
    }
    // Quotes cued by an accusation.
    for q in quotes {
        let Some(cue) = &q.cue else { continue };
        let c = cue.text.to_lowercase();
        if !(c.starts_with("accus") || c.starts_with("alleg")) || overlaps_any(&claimed, Span::new(q.start, q.end)) {
            continue;
        }
        let qt = ctx.token_at(q.start);
        let Some(si) = sents.iter().position(|s| s.tokens.contains(&qt)) else { continue };
        if let Some(d) = own_denial(&denials, si).or_else(|| nearest_denial(&denials, si)) {
            out.push(Flag {
                kind: FlagKind::ContestedClaim,
                start: q.start,
                end: q.end,
                text: q.text.clone(),
                note: Some(format!("denied: {}", denial_text(d))),
            });
        }
    }
}

/// Whether `x` overlaps one of the disjoint spans `v` (sorted by start).
fn overlaps_any(v: &[Span], x: Span) -> bool {
    let i = v.partition_point(|s| s.end <= x.start);
    v.get(i).is_some_and(|s| s.overlaps(x))
}

/// A denial in sentence `si` itself.
fn own_denial(denials: &[(usize, usize)], si: usize) -> Option<&(usize, usize)> {
    denials.get(denials.partition_point(|&(ds, _)| ds < si)).filter(|&&(ds, _)| ds == si)
}

/// How far a generic subject's phrase may run before its verb ("people familiar with the
/// matter", "officials in Seoul who", then "have also said"): seven tokens.
const GENERIC_TAIL_TOKENS: usize = 7;

/// How far after a generic head its verb may come, past that phrase and auxiliaries or
/// adverbs ("analysts have also widely said"); further, the head is not the verb's subject.
const VERB_REACH: usize = 8;

/// The longest claim flagged after its noun ("claims that …"): a sentence-long allegation, not
/// a paragraph pasted without stops.
const CLAIM_TOKENS: usize = 80;

/// How many sentences away a denial may answer an allegation: news puts the denial in the
/// same or a following paragraph ("…, officials said. … The Kremlin denied …"), rarely further.
const DENIAL_REACH: usize = 6;

/// The denial sentence closest to sentence `si`, within [`DENIAL_REACH`] sentences.
fn nearest_denial(denials: &[(usize, usize)], si: usize) -> Option<&(usize, usize)> {
    // Denials are in sentence order: only the few within reach are looked at.
    let i = denials.partition_point(|&(ds, _)| ds + DENIAL_REACH < si);
    denials[i..]
        .iter()
        .take_while(|&&(ds, _)| ds <= si + DENIAL_REACH)
        .filter(|&&(ds, _)| ds != si)
        .min_by_key(|&&(ds, _)| (ds.abs_diff(si), ds < si))
}
