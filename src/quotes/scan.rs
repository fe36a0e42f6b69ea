//! Cue scanning: every cue of a sentence, with the subject it belongs to.
//!
//! One left-to-right pass per sentence over the tokens outside quotations. A cue is a
//! reporting verb or noun of the lexicon ([`super::cues`]) or a reporting phrase ("according
//! to", "as reported by", "in the words of"); its subject comes from the subject walker
//! ([`super::subject`]) and is resolved to an actor ([`super::coref`]). Coordinated and
//! participial verbs then share the subject before them.

use super::cues::{cue_word, CueWord};
use super::speaker::{Ctx, Np};
use crate::lexicon::{lexicon, lower, starts_upper};
use crate::span::{Span, TextSpan};
use crate::text::pos::Pos;

/// How far (in tokens) around a quotation or a cue the attribution looks.
pub(super) const WINDOW: usize = 120;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum CueKind {
    /// A reporting verb; `speech` verbs also take bare clauses and close sentences as frames.
    Verb {
        speech: bool,
    },
    Noun,
    /// "according to X", "as reported by X".
    According,
}

#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    /// Tokens of the cue words.
    pub(super) first: usize,
    pub(super) end: usize,
    pub(super) kind: CueKind,
    pub(super) subject: Option<Np>,
    /// The subject follows the cue ("said Putin").
    pub(super) inverted: bool,
}

/// Whether the words of tokens `lo..hi` are all capitalised (a headline), short function
/// words aside.
pub(super) fn title_case(ctx: &Ctx, lo: usize, hi: usize) -> bool {
    let mut words = 0;
    for i in lo..hi.min(lo + 30) {
        let t = ctx.word(i);
        let Some(c) = t.chars().next().filter(|c| c.is_alphabetic()) else { continue };
        if c.is_lowercase()
            && !matches!(
                t,
                "a" | "an" | "the" | "of" | "to" | "in" | "on" | "for" | "and" | "or" | "at" | "by" | "with"
            )
        {
            return false;
        }
        words += 1;
    }
    words >= 3
}

/// The subject of the verb at token `verb` (found by part of speech), resolved: the phrase
/// before its verb group of auxiliaries and adverbs ("Reid has been steadily pounding").
pub(super) fn verb_subject(ctx: &Ctx, verb: usize, lo: usize) -> Option<Np> {
    let mut first = verb;
    while first > lo && matches!(ctx.pos(first - 1), Pos::Verb | Pos::Adv) && !ctx.is_quoted(first - 1) {
        first -= 1;
    }
    let mut np = ctx.subject_left(first, lo)?;
    ctx.resolve(&mut np);
    Some(np)
}

pub(super) fn sentence_cues(ctx: &Ctx, lo: usize, hi: usize) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let mut i = lo;
    while i < hi {
        if ctx.is_quoted(i) {
            i += 1;
            continue;
        }
        let w = ctx.lower(i);
        let next = if i + 1 < hi { ctx.lower(i + 1) } else { String::new() };
        if w == "according" && next == "to" {
            // "according to exit polls, …": any phrase up to the next comma names the source.
            let subject = ctx.subject_right(i + 1, hi).or_else(|| {
                let from = i + 2;
                // Up to the next stop, or the first eight words of a long source ("calculations
                // by Amy Glasmeier of the Massachusetts Institute of Technology").
                let to = (from..hi.min(from + 10))
                    .find(|&k| matches!(ctx.word(k), "," | "." | ";") || ctx.is_quoted(k))
                    .unwrap_or(hi.min(from + 8));
                (to > from).then(|| Np {
                    span: Span::new(ctx.seg.tokens[from].start, ctx.seg.tokens[to - 1].end),
                    first: from,
                    end: to,
                    actor: None,
                })
            });
            out.push(Cue { first: i, end: i + 2, kind: CueKind::According, subject, inverted: true });
            i += 2;
            continue;
        }
        if w == "as"
            && i + 2 < hi
            && ctx.lower(i + 2) == "by"
            && matches!(next.as_str(), "reported" | "stated" | "said" | "quoted" | "told")
        {
            let subject = ctx.subject_right(i + 2, hi);
            out.push(Cue { first: i, end: i + 3, kind: CueKind::According, subject, inverted: true });
            i += 3;
            continue;
        }
        // "in the words of a senior adviser, “…”".
        if w == "in" && next == "the" && i + 3 < hi && ctx.lower(i + 2) == "words" && ctx.lower(i + 3) == "of" {
            let subject = ctx.subject_right(i + 3, hi);
            out.push(Cue { first: i, end: i + 4, kind: CueKind::According, subject, inverted: true });
            i += 4;
            continue;
        }
        // "<tweet id=…>": markup pasted as text is no cue.
        // "“…,” Blackwell continued, “…”": not a cue in general ("the war continued"), but one
        // right after a quotation and its subject, or right before one.
        let continued = matches!(w.as_str(), "continued" | "continues")
            && ((i.saturating_sub(4).max(lo)..i).any(|k| ctx.is_quoted(k))
                || (i + 1..hi.min(i + 3)).any(|k| ctx.is_quoted(k))
                || next == "that");
        // ", writing “…”", ", warning that …": participles more often nouns elsewhere ("in
        // writing", "a warning") and so no cues in general, but cues right after a comma and
        // before a quotation or "that".
        let participle = matches!(w.as_str(), "writing" | "warning" | "reporting")
            && i > lo
            && ctx.word(i - 1) == ","
            && (next == "that" || i + 1 < hi && ctx.is_quoted(i + 1));
        // (Over the lexicon, which may hold the word as a noun cue: "a warning".)
        let verb_here = CueWord { speech: true, noun: false };
        let cw = if participle { Some(verb_here) } else { cue_word(&w).or(continued.then_some(verb_here)) };
        let Some(cw) = cw.filter(|_| i == lo || ctx.word(i - 1) != "<") else {
            i += 1;
            continue;
        };
        let tok = ctx.word(i);
        // "United States" is no cue; but a headline's "Graham Says" is ("Trump Says He Never
        // Pledged …": every word capitalised).
        let headline_says = matches!(w.as_str(), "says" | "said") && title_case(ctx, lo, hi);
        if i > lo && starts_upper(tok) && !headline_says {
            i += 1;
            continue;
        }
        let prev = if i > lo { ctx.lower(i - 1) } else { String::new() };
        let nominal = matches!(
            prev.as_str(),
            "the"
                | "a"
                | "an"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "this"
                | "these"
                | "those"
                | "’s"
                | "'s"
                | "whose"
        );
        if cw.noun || nominal {
            if cw.noun || cue_word(&w).is_some_and(|c| c.noun) {
                let subject = noun_subject(ctx, i, lo, hi);
                out.push(Cue { first: i, end: i + 1, kind: CueKind::Noun, subject, inverted: false });
            }
            i += 1;
            continue;
        }
        // A cue word that is more often a noun, read as one here by the part-of-speech tagger
        // ("federal and state law", "demand for coal"); for the rest the tagger's nouns are
        // wrong too often ("Trump claims …") to overrule the lexicon.
        if matches!(ctx.pos(i), Pos::Noun | Pos::Adj)
            && matches!(
                w.as_str(),
                "state"
                    | "states"
                    | "voice"
                    | "voices"
                    | "demand"
                    | "demands"
                    | "report"
                    | "reports"
                    | "show"
                    | "shows"
            )
        {
            i += 1;
            continue;
        }
        // Passive: "was reported by KCNA"; without "by" there is no speaker ("is expected").
        let mut b = i;
        while b > lo && (ctx.lower(b - 1).ends_with("ly") || ctx.lower(b - 1) == "also") {
            b -= 1;
        }
        // (A progressive is active: "Clinton is telling customers that …".)
        let passive = b > lo
            && !w.ends_with("ing")
            && matches!(ctx.lower(b - 1).as_str(), "was" | "were" | "been" | "is" | "are" | "be" | "being");
        if passive && (!matches!(w.as_str(), "said" | "told") || next != "by") {
            if next == "by" {
                let subject = ctx.subject_right(i + 1, hi);
                out.push(Cue {
                    first: i,
                    end: i + 1,
                    kind: CueKind::Verb { speech: cw.speech },
                    subject,
                    inverted: true,
                });
            }
            i += 1;
            continue;
        }
        // (A quotation ending in "?" or "!" closes the previous sentence: "“…?” asked Bennett.")
        let after_break = i > lo && ctx.word(i - 1) == "," || i > 0 && ctx.is_quoted(i - 1);
        // "…, said Putin." — but not "…, said he would go" (a pronoun then a clause).
        // "…, Sarandon, 69, told MSNBC": the phrase after "told" is the addressee, never the subject.
        let addressee =
            matches!(w.as_str(), "tell" | "told" | "tells" | "telling" | "assured" | "informed" | "reminded");
        // Any cue inverts right after a quotation ("“…?” asked Bennett", "“…,” quipped Cruz").
        let inverts = cw.speech || i > 0 && ctx.is_quoted(i - 1);
        let right = if after_break && inverts && !addressee { ctx.subject_right(i, hi) } else { None };
        // "…, says Trump’s rise is …", "…, says Trump is wrong": a clause, not an inverted
        // subject (the subject is then the appositive's owner on the left).
        // A participle with its preposition is no clause: "says a source involved in …".
        let reduced = |k: usize| ctx.lower(k).ends_with("ed") && k + 1 < hi && ctx.pos(k + 1) == Pos::Adp;
        let right = right.filter(|np| {
            np.end >= hi
                || !matches!(ctx.word(np.end), "\u{2019}s" | "'s" | "\u{2019}" | "'")
                    && (ctx.pos(np.end) != Pos::Verb || reduced(np.end))
        });
        let right = right.filter(|np| {
            np.end - np.first > 1
                || np.actor.is_some()
                || np.end >= hi
                || !ctx.word(np.end).chars().next().is_some_and(char::is_alphanumeric)
        });
        // "Craig Minassian, a spokesman, said the decision had …", "Kasich, a Republican, said
        // the Khan family deserved better": a phrase after the verb that goes on with words
        // starts the reported clause when the subject before the verb is there.
        let closed = |np: &Np| {
            np.end >= hi || {
                let t = ctx.word(np.end);
                !t.chars().next().is_some_and(char::is_alphanumeric)
                    || ctx.is_quoted(np.end)
                    || lexicon().is_time_word(&lower(t))
                    || matches!(ctx.pos(np.end), Pos::Adp) && !matches!(lower(t).as_str(), "to" | "that" | "of")
            }
        };
        let left = || ctx.subject_left(i, lo);
        let (subject, inverted) = match right {
            Some(np) if closed(&np) => (Some(np), true),
            Some(np) => match left() {
                Some(l) => (Some(l), false),
                None => (Some(np), true),
            },
            None => (left(), false),
        };
        out.push(Cue { first: i, end: i + 1, kind: CueKind::Verb { speech: cw.speech }, subject, inverted });
        i += 1;
    }
    // Coordinated and participial verbs share the subject before them ("X hailed … and
    // expressed …", "X said …, adding that …").
    // Only within the window: a long sentence of subjectless cues must stay linear.
    for k in 0..out.len() {
        // ", adding that …" after a verb cue: the participle's subject is that verb's, never the
        // appositive before the comma.
        let participle = out[k].first > lo
            && ctx.word(out[k].first - 1) == ","
            && ctx.lower(out[k].first).ends_with("ing")
            && !out[k].inverted
            && out[..k].iter().any(|c| matches!(c.kind, CueKind::Verb { .. }) && c.subject.is_some());
        if participle {
            out[k].subject = None;
        }
        if out[k].subject.is_none() && matches!(out[k].kind, CueKind::Verb { .. }) {
            let near = out[k].first.saturating_sub(WINDOW);
            let inherited = out[..k]
                .iter()
                .rev()
                .take_while(|c| c.first >= near)
                .filter(|c| matches!(c.kind, CueKind::Verb { .. }))
                .find_map(|c| c.subject);
            out[k].subject = inherited.or_else(|| (lo >= near).then(|| first_subject(ctx, lo, out[k].first)).flatten());
        }
    }
    for c in &mut out {
        if let Some(np) = &mut c.subject {
            ctx.resolve(np);
        }
    }
    out
}

/// The sentence's first actor mention or pronoun before `before`, as a fallback subject.
pub(super) fn first_subject(ctx: &Ctx, lo: usize, before: usize) -> Option<Np> {
    (lo..before).filter(|&i| !ctx.is_quoted(i)).find_map(|i| {
        let w = ctx.lower(i);
        if matches!(super::coref::pronoun(&w), "he" | "she" | "they" | "it") || ctx.mention_at(i).is_some() {
            ctx.np_ending_at(ctx.mention_at(i).map_or(i, |(m, _)| ctx.token_at(m.end).saturating_sub(1)), lo)
        } else {
            None
        }
    })
}

/// The owner of a noun cue: "X’s statement", "a statement from X", "in a letter, X …".
pub(super) fn noun_subject(ctx: &Ctx, i: usize, lo: usize, hi: usize) -> Option<Np> {
    let mut k = i;
    while k > lo && k + 3 > i && !matches!(ctx.lower(k - 1).as_str(), "’s" | "'s") {
        k -= 1;
    }
    if k > lo + 1 && matches!(ctx.lower(k - 1).as_str(), "’s" | "'s") {
        return ctx.np_ending_at(k - 2, lo);
    }
    if i + 1 < hi && matches!(ctx.lower(i + 1).as_str(), "from" | "by") {
        return ctx.subject_right(i + 1, hi);
    }
    None
}

pub(super) fn cue_span(ctx: &Ctx, c: &Cue) -> TextSpan {
    let toks = &ctx.seg.tokens;
    let span = Span::new(toks[c.first].start, toks[c.end - 1].end);
    TextSpan::of(ctx.text, span)
}
