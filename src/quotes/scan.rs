//! Cue scanning: every cue of a sentence, with the subject it belongs to.
//!
//! One left-to-right pass per sentence over the tokens outside quotations. A cue is a
//! reporting verb or noun of the lexicon ([`super::cues`]) or a reporting phrase ("according
//! to", "as reported by", "in the words of"); its subject comes from the subject walker
//! ([`super::subject`]) and is resolved to an actor ([`super::coref`]). Coordinated and
//! participial verbs then share the subject before them.

use super::cues::{cue_word, CueWord};
use super::speaker::{Ctx, Np};
use crate::lexicon::words::is_subordinator;
use crate::lexicon::{lexicon, lower};
use crate::span::{Span, TextSpan};
use crate::text::pos::Pos;
use std::borrow::Cow;

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

/// How many tokens of a sentence [`title_case`] reads: a headline is shorter, and a long
/// sentence is not read whole per cue word.
const HEADLINE_TOKENS: usize = 30;

/// Whether the words of tokens `lo..hi` are all capitalised (a headline), short function
/// words aside.
pub(super) fn title_case(ctx: &Ctx, lo: usize, hi: usize) -> bool {
    let mut words = 0;
    for i in lo..hi.min(lo + HEADLINE_TOKENS) {
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

/// Where the scan is: token `i` of the sentence `[lo, hi)`, its word and the next, lower-cased.
struct At<'t> {
    i: usize,
    lo: usize,
    hi: usize,
    w: Cow<'t, str>,
    next: Cow<'t, str>,
}

/// What a rule decides about the token it looks at.
enum Verdict {
    /// A cue starts here, covering tokens `first..end`.
    Cue(Cue),
    /// No cue starts here.
    NoCue,
}

/// Every cue of the sentence `[lo, hi)`, with its subject resolved. Each token outside a
/// quotation goes through the rules of [`cue_at`]; then [`share_subjects`] gives subjectless
/// verbs the subject of the verb before them.
pub(super) fn sentence_cues(ctx: &Ctx, lo: usize, hi: usize) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    let mut i = lo;
    while i < hi {
        if ctx.is_quoted(i) {
            i += 1;
            continue;
        }
        let next = if i + 1 < hi { ctx.lower_cow(i + 1) } else { Cow::Borrowed("") };
        let at = At { i, lo, hi, w: ctx.lower_cow(i), next };
        i = match cue_at(ctx, &at) {
            Verdict::Cue(c) => {
                let end = c.end;
                out.push(c);
                end
            }
            Verdict::NoCue => i + 1,
        };
    }
    share_subjects(ctx, lo, &mut out);
    for c in &mut out {
        if let Some(np) = &mut c.subject {
            ctx.resolve(np);
        }
    }
    out
}

/// The cue starting at a token, if any: the first rule that decides wins. Reporting phrases
/// first, then, for a cue word ([`cue_word_at`]), the rules that make it no cue or a noun or
/// passive cue; what is left is a verb cue.
fn cue_at(ctx: &Ctx, at: &At) -> Verdict {
    if let Some(c) = according_to(ctx, at).or_else(|| as_reported_by(ctx, at)).or_else(|| in_the_words_of(ctx, at)) {
        return Verdict::Cue(c);
    }
    if let Some(c) = as_put_it(ctx, at) {
        return Verdict::Cue(c);
    }
    let Some(cw) = cue_word_at(ctx, at) else { return Verdict::NoCue };
    capitalised_word(ctx, at)
        .or_else(|| noun_cue(ctx, at, cw))
        .or_else(|| noun_by_tagger(ctx, at))
        .or_else(|| passive_cue(ctx, at, cw))
        .unwrap_or_else(|| Verdict::Cue(verb_cue(ctx, at, cw)))
}

/// "according to exit polls, …": the phrase after it, up to the next comma, names the source.
fn according_to(ctx: &Ctx, at: &At) -> Option<Cue> {
    let (i, hi) = (at.i, at.hi);
    if at.w != "according" || at.next != "to" {
        return None;
    }
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
    Some(Cue { first: i, end: i + 2, kind: CueKind::According, subject, inverted: true })
}

/// "as a Homeland Security memo put it", "As Ms. Simonyan put it in a statement, …": "put it"
/// reports only in this frame, its subject right after "as".
fn as_put_it(ctx: &Ctx, at: &At) -> Option<Cue> {
    let (i, lo) = (at.i, at.lo);
    if !(matches!(&*at.w, "put" | "puts") && at.next == "it" && i + 1 < at.hi) {
        return None;
    }
    let subject = ctx.subject_left(i, lo)?;
    (subject.first > lo && ctx.lower(subject.first - 1) == "as").then_some(Cue {
        first: i,
        end: i + 2,
        kind: CueKind::Verb { speech: false },
        subject: Some(subject),
        inverted: false,
    })
}

/// "as reported by KCNA", "as quoted by Reuters".
fn as_reported_by(ctx: &Ctx, at: &At) -> Option<Cue> {
    let (i, hi) = (at.i, at.hi);
    if !(at.w == "as"
        && i + 2 < hi
        && ctx.lower(i + 2) == "by"
        && matches!(&*at.next, "reported" | "stated" | "said" | "quoted" | "told"))
    {
        return None;
    }
    let subject = ctx.subject_right(i + 2, hi);
    Some(Cue { first: i, end: i + 3, kind: CueKind::According, subject, inverted: true })
}

/// "in the words of a senior adviser, “…”".
fn in_the_words_of(ctx: &Ctx, at: &At) -> Option<Cue> {
    let (i, hi) = (at.i, at.hi);
    if !(at.w == "in" && at.next == "the" && i + 3 < hi && ctx.lower(i + 2) == "words" && ctx.lower(i + 3) == "of") {
        return None;
    }
    let subject = ctx.subject_right(i + 3, hi);
    Some(Cue { first: i, end: i + 4, kind: CueKind::According, subject, inverted: true })
}

/// Whether the token is a cue word: one of the lexicon's; "continued" next to a quotation
/// ("“…,” Blackwell continued, “…”"); "writing", "warning", "reporting" after a comma and before
/// a quotation or "that" (", warning that …"). Never right after "<" ("<tweet id=…>": markup
/// pasted as text).
fn cue_word_at(ctx: &Ctx, at: &At) -> Option<CueWord> {
    let (i, lo, hi, w, next) = (at.i, at.lo, at.hi, &at.w, &at.next);
    // "continued": not a cue in general ("the war continued"), but one right after a quotation
    // and its subject, or right before one.
    let continued = matches!(&**w, "continued" | "continues")
        && ((i.saturating_sub(4).max(lo)..i).any(|k| ctx.is_quoted(k))
            || (i + 1..hi.min(i + 3)).any(|k| ctx.is_quoted(k))
            || next == "that");
    // Participles more often nouns elsewhere ("in writing", "a warning") and so no cues in
    // general, but cues right after a comma and before a quotation or "that".
    let participle = matches!(&**w, "writing" | "warning" | "reporting")
        && i > lo
        && ctx.word(i - 1) == ","
        && (next == "that" || i + 1 < hi && ctx.is_quoted(i + 1));
    // (Over the lexicon, which may hold the word as a noun cue: "a warning".)
    let verb_here = CueWord { speech: true, noun: false };
    let cw = if participle { Some(verb_here) } else { cue_word(w).or(continued.then_some(verb_here)) };
    cw.filter(|_| i == lo || ctx.word(i - 1) != "<")
}

/// "United States": a capitalised cue word inside a sentence is no cue, except in a headline
/// whose every word is capitalised ("Trump Says He Never Pledged …").
fn capitalised_word(ctx: &Ctx, at: &At) -> Option<Verdict> {
    let headline_says = matches!(&*at.w, "says" | "said") && title_case(ctx, at.lo, at.hi);
    (at.i > at.lo && ctx.is_cap(at.i) && !headline_says).then_some(Verdict::NoCue)
}

/// "his statement", "X’s claim": a noun cue (or a cue verb used as a noun after a determiner,
/// "the report", which is no cue unless the lexicon also lists it as a noun).
fn noun_cue(ctx: &Ctx, at: &At, cw: CueWord) -> Option<Verdict> {
    let (i, lo, hi, w) = (at.i, at.lo, at.hi, &at.w);
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
    // "of Democratic claims": a noun (by the tagger) after "of" and a modifier (not a plural
    // subject); "footage of Trump saying" stays a verb.
    let modified = i >= lo + 2
        && ctx.pos(i) == Pos::Noun
        && !w.ends_with("ing")
        && ctx.lower(i - 2) == "of"
        && matches!(ctx.pos(i - 1), Pos::Adj | Pos::Propn)
        && !prev.ends_with('s');
    if !(cw.noun || nominal || modified) {
        return None;
    }
    if cw.noun || cue_word(w).is_some_and(|c| c.noun) {
        let subject = noun_subject(ctx, i, lo, hi);
        return Some(Verdict::Cue(Cue { first: i, end: i + 1, kind: CueKind::Noun, subject, inverted: false }));
    }
    Some(Verdict::NoCue)
}

/// "federal and state law", "demand for coal": a cue word that is more often a noun, read as
/// one here by the part-of-speech tagger, is no cue. For other cue words the tagger's nouns are
/// wrong too often ("Trump claims …") to overrule the lexicon.
fn noun_by_tagger(ctx: &Ctx, at: &At) -> Option<Verdict> {
    let noun = matches!(ctx.pos(at.i), Pos::Noun | Pos::Adj)
        && matches!(
            &*at.w,
            "state" | "states" | "voice" | "voices" | "demand" | "demands" | "report" | "reports" | "show" | "shows"
        );
    // "The New York Post reports that …": after a name, and before "that", it is the verb.
    let verb_after_name = at.next == "that" && at.i > at.lo && ctx.mention_at(at.i - 1).is_some();
    (noun && !verb_after_name).then_some(Verdict::NoCue)
}

/// "was reported by KCNA": a passive cue whose subject follows "by"; without "by" there is no
/// speaker ("is expected"). A progressive is active ("Clinton is telling customers that …"), and
/// "was told by"/"was said by" are left to the verb rule.
fn passive_cue(ctx: &Ctx, at: &At, cw: CueWord) -> Option<Verdict> {
    let (i, lo, hi, w, next) = (at.i, at.lo, at.hi, &at.w, &at.next);
    let mut b = i;
    while b > lo && (ctx.lower(b - 1).ends_with("ly") || ctx.lower(b - 1) == "also") {
        b -= 1;
    }
    let passive = b > lo
        && !w.ends_with("ing")
        && matches!(ctx.lower(b - 1).as_str(), "was" | "were" | "been" | "is" | "are" | "be" | "being");
    if !passive || matches!(&**w, "said" | "told") && next == "by" {
        return None;
    }
    if next != "by" {
        return Some(Verdict::NoCue);
    }
    let subject = ctx.subject_right(i + 1, hi);
    Some(Verdict::Cue(Cue { first: i, end: i + 1, kind: CueKind::Verb { speech: cw.speech }, subject, inverted: true }))
}

/// "Putin said", "…, said Putin.": a verb cue, its subject before it, or after it in the
/// inverted order (after a comma or a quotation).
fn verb_cue(ctx: &Ctx, at: &At, cw: CueWord) -> Cue {
    let (i, lo, hi, w) = (at.i, at.lo, at.hi, &at.w);
    // (A quotation ending in "?" or "!" closes the previous sentence: "“…?” asked Bennett.")
    let after_break = i > lo && ctx.word(i - 1) == "," || i > 0 && ctx.is_quoted(i - 1);
    // "…, said Putin." — but not "…, said he would go" (a pronoun then a clause).
    // "…, Sarandon, 69, told MSNBC": the phrase after "told" is the addressee, never the subject.
    let addressee = matches!(&**w, "tell" | "told" | "tells" | "telling" | "assured" | "informed" | "reminded");
    // Any cue inverts right after a quotation ("“…?” asked Bennett", "“…,” quipped Cruz").
    let inverts = cw.speech || i > 0 && ctx.is_quoted(i - 1);
    // A participle never inverts: in "X said, noting the delay, “…”" the delay is its object
    // (its subject is the main verb's, `share_subjects`).
    let participle = w.ends_with("ing");
    let right = if after_break && inverts && !addressee && !participle { ctx.subject_right(i, hi) } else { None };
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
    Cue { first: i, end: i + 1, kind: CueKind::Verb { speech: cw.speech }, subject, inverted }
}

/// "X hailed … and expressed …", "X said …, adding that …": coordinated and participial verbs
/// share the subject before them. A participle after a comma drops the appositive it found
/// there for that verb's subject. Only within [`WINDOW`], so a long sentence of subjectless
/// cues stays linear.
fn share_subjects(ctx: &Ctx, lo: usize, out: &mut [Cue]) {
    for k in 0..out.len() {
        let participle = out[k].first > lo
            && ctx.word(out[k].first - 1) == ","
            && ctx.lower(out[k].first).ends_with("ing")
            && !out[k].inverted
            && out[..k].iter().any(|c| matches!(c.kind, CueKind::Verb { .. }) && c.subject.is_some());
        // With no cue before it, a participle after a comma still belongs to the clause's verb
        // before it rather than to a phrase between commas ("… spoke out about the death of
        // Terence Crutcher in Tulsa, Oklahoma, arguing …", "Meanwhile, it attacked Trump,
        // saying …"): that verb's subject when it names an actor.
        let lone_participle = !participle
            && !out[k].inverted
            && out[k].first > lo
            && ctx.word(out[k].first - 1) == ","
            && ctx.lower(out[k].first).ends_with("ing")
            && matches!(out[k].kind, CueKind::Verb { .. });
        if participle || lone_participle && nearest_verb_subject(ctx, lo, out[k].first).is_some() {
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
            // A participle after a comma with no cue before it belongs to the nearest verb
            // before it ("It came after Boehner chided Obama, accusing him of …": Boehner).
            let comma_participle =
                out[k].first > lo && ctx.word(out[k].first - 1) == "," && ctx.lower(out[k].first).ends_with("ing");
            let nearest_verb = || nearest_verb_subject(ctx, lo, out[k].first);
            // A verb coordinated with the verb right before it shares that verb's subject, not
            // an earlier cue's ("my mother mentioned the devil …, I laughed and said, “…”").
            let f = out[k].first;
            let coordinated = (f >= lo + 3
                && matches!(ctx.lower(f - 1).as_str(), "and" | "but")
                && ctx.pos(f - 2) == Pos::Verb
                && !ctx.is_quoted(f - 2)
                && !out[..k].iter().any(|c| c.first == f - 2))
            .then(|| verb_subject(ctx, f - 2, lo))
            .flatten()
            .filter(|np| {
                np.actor.is_some()
                    || np.end == np.first + 1 && super::coref::PRONOUNS_PERSON.contains(&ctx.lower(np.first).as_str())
            });
            out[k].subject = coordinated
                .or(inherited)
                .or_else(|| if comma_participle { nearest_verb() } else { None })
                .or_else(|| (lo >= near).then(|| first_subject(ctx, lo, out[k].first)).flatten());
        }
    }
}

/// The subject of the nearest finite verb before token `first` (within 40 tokens of the
/// sentence from `lo`), when it names an actor: the owner of a participle after a comma.
fn nearest_verb_subject(ctx: &Ctx, lo: usize, first: usize) -> Option<Np> {
    let from = first.saturating_sub(40).max(lo);
    (from..first.saturating_sub(1))
        .rev()
        .find(|&v| {
            let infinitive = v > lo && ctx.lower(v - 1) == "to";
            ctx.pos(v) == Pos::Verb && !ctx.is_quoted(v) && !ctx.lower(v).ends_with("ing") && !infinitive
        })
        .and_then(|v| verb_subject(ctx, v, lo))
        .filter(|np| np.actor.is_some())
}

/// The sentence's first actor mention or pronoun before `before`, as a fallback subject.
/// An opening subordinate clause ("After reporter Michael Scotto finished his report, Grimm
/// threatened …") is passed over: its subject is not the sentence's.
pub(super) fn first_subject(ctx: &Ctx, lo: usize, before: usize) -> Option<Np> {
    let lo = subordinate_end(ctx, lo, before).unwrap_or(lo);
    (lo..before).filter(|&i| !ctx.is_quoted(i)).find_map(|i| {
        let w = ctx.lower(i);
        if matches!(super::coref::pronoun(&w), "he" | "she" | "they" | "it") || ctx.mention_at(i).is_some() {
            ctx.np_ending_at(ctx.mention_at(i).map_or(i, |(m, _)| ctx.token_at(m.end).saturating_sub(1)), lo)
        } else {
            None
        }
    })
}

/// Where an opening subordinate clause of the sentence starting at `lo` ends: the token after
/// its comma, within 40 tokens and before `before`.
fn subordinate_end(ctx: &Ctx, lo: usize, before: usize) -> Option<usize> {
    let opening = (lo..before.min(lo + 4)).find(|&i| ctx.is_word(i))?;
    let sub = !ctx.is_quoted(opening) && is_subordinator(&ctx.lower(opening));
    if !sub {
        return None;
    }
    (opening + 1..before.min(opening + 40)).find(|&i| ctx.word(i) == "," && !ctx.is_quoted(i)).map(|i| i + 1)
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
