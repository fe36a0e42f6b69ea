//! Attribution: a kind, a cue, a speaker and a source chain for every quotation, plus the
//! reported speech that carries no quotation marks at all.
//!
//! Everything is decided inside one sentence (or the sentences a quotation spans), from the
//! cues found there ([`super::cues`]) and the subjects of those cues ([`super::speaker`]):
//!
//! 1. A verb cue right before the quotation ("expressed “deep thanks”", "what he characterized
//!    as “…”") is the most specific evidence; otherwise the first verb cue before it in the
//!    sentence (the main clause: "Kim asked him to thank Putin for his “warm letter”"); for a
//!    quotation opening its sentence, the cue after it ("“…,” the agency said").
//! 2. "According to X" and a sentence-final ", X said" are *frames*: when the sentence has its
//!    own speaker they become the source chain (`via`), otherwise X is the speaker — so a news
//!    agency that is the only candidate is the speaker itself.
//! 3. A quotation with no cue in its sentence inherits the speaker announced by a colon at the
//!    end of the previous sentence, or continues the previous paragraph's quotation.
//! 4. Quoted words with no speech around them are *terms* (scare quotes, "the term “hostile
//!    forces”", "branded a “foreign agent”"), never attributed.
//!
//! Reported speech ([`QuoteKind::Indirect`]) is read from the same cues: "X said (that) …",
//! "X told Y that …", "…, X said.", "according to X, …", "Asked whether …,", the object of a
//! speech-act verb that takes no clause ("Sanders criticized the trade deal"), and the object or
//! clause of a stance verb with a subject ("Trump wants to build a wall"; the list is
//! `data/lexicons/stance_verbs.txt`). Its span is the reported clause
//! without the complementizer "that" and without the sentence's final stop; a quotation inside
//! it is also reported on its own, as a partial quote of the same speaker.

use super::cues::{cue_word, is_stance, is_tell, CueWord};
use super::speaker::{Ctx, Np};
use super::QuoteSpan;
use crate::actors::ArticleActors;
use crate::lexicon::{lexicon, lower, starts_upper};
use crate::report::{Quote, QuoteKind};
use crate::span::{Span, TextSpan};
use crate::text::pos::Pos;
use crate::text::Segmented;
use std::collections::{BTreeMap, HashSet};

/// How far (in tokens) around a quotation or a cue the attribution looks.
const WINDOW: usize = 120;

/// The longest attribution tail ("Adelson said during the interview in Macau.") after which a
/// quotation still counts as closing its paragraph.
const TAIL_WORDS: usize = 16;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum CueKind {
    /// A reporting verb; `speech` verbs also take bare clauses and close sentences as frames.
    Verb {
        speech: bool,
    },
    Noun,
    /// "according to X", "as reported by X".
    According,
}

#[derive(Clone, Copy, Debug)]
struct Cue {
    /// Tokens of the cue words.
    first: usize,
    end: usize,
    kind: CueKind,
    subject: Option<Np>,
    /// The subject follows the cue ("said Putin").
    inverted: bool,
}

/// Words before a quotation that make it a mention rather than speech.
const TERM_MARKERS: &[&str] = &[
    "term",
    "terms",
    "word",
    "words",
    "phrase",
    "slogan",
    "label",
    "so-called",
    "dubbed",
    "branded",
    "labeled",
    "labelled",
    "termed",
    "nicknamed",
    "titled",
    "entitled",
    "known",
    "hashtag",
    "motto",
    "headline",
];

/// Prepositions that cannot start a reported clause.
const NOT_CLAUSE_START: &[&str] = &[
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "of",
    "with",
    "from",
    "about",
    "after",
    "before",
    "during",
    "as",
    "and",
    "or",
    "but",
    "so",
    "if",
    "whether",
    "how",
    "what",
    "why",
    "when",
    "where",
    "who",
    "which",
    "goodbye",
    "hello",
    "yes",
    "nothing",
    "something",
    "anything",
    "more",
    "less",
    "much",
    "little",
    "thanks",
    "sorry",
    "so",
];

/// Attributes every quoted span, and adds the reported speech found around cues.
pub fn attribute(text: &str, seg: &Segmented, pos: &[Pos], actors: &ArticleActors, spans: &[QuoteSpan]) -> Vec<Quote> {
    let outers: Vec<Span> = spans.iter().map(|q| q.outer).collect();
    let ctx = Ctx::new(text, seg, pos, actors, &outers);
    let cues: Vec<Vec<Cue>> = seg.sentences.iter().map(|s| sentence_cues(&ctx, s.tokens.start, s.tokens.end)).collect();
    let mut out = Vec::new();
    let mut last: Option<LastQuote> = None;
    for q in spans {
        // `author="…"`: an attribute value of markup pasted as text, not a quotation.
        if text[..q.outer.start].ends_with('=') {
            continue;
        }
        if let Some(quote) = attribute_quote(&ctx, &cues, q, &mut last) {
            out.push(quote);
        }
    }
    // Cues that close a quotation before them ("“…,” he told Sen. Flake"), by byte offset.
    let closing: HashSet<usize> = out
        .iter()
        .filter_map(|q| q.cue.as_ref().filter(|c| q.kind != QuoteKind::Indirect && q.end <= c.start).map(|c| c.start))
        .collect();
    for (si, s) in seg.sentences.iter().enumerate() {
        reported_speech(&ctx, &cues[si], s.tokens.start, s.tokens.end, &closing, &mut out);
        headline_colon(&ctx, si, &mut out);
    }
    // What each partial quote attributes (the reporter's clause around it).
    for q in &mut out {
        if q.kind == QuoteKind::Partial {
            let c = super::content::content(text, seg, pos, q);
            if (c.start, c.end) != (q.start, q.end) {
                q.content = Some(TextSpan::of(text, c));
            }
        }
    }
    out.sort_by_key(|q| (q.start, q.end));
    out
}

/// The verb governing a quotation that starts at token `qa` (the nearest verb to its left in
/// the same clause, forms of "be" skipped, found by part of speech) and its subject, when the
/// subject names an actor (a pronoun is resolved first).
fn governing_verb(ctx: &Ctx, lo: usize, qa: usize) -> Option<(Np, TextSpan)> {
    let floor = lo.max(qa.saturating_sub(super::content::REACH));
    let mut i = qa;
    // The nearest verb whose subject names an actor (a mis-tagged noun, or a verb inside an
    // infinitive such as "the need to bolster", has none and is passed over).
    while i > floor {
        i -= 1;
        let w = ctx.word(i);
        if ctx.is_quoted(i) || matches!(w, ";" | ":" | "(" | "\u{2014}" | "--" | "," | ".") {
            return None;
        }
        if ctx.pos(i) != Pos::Verb || super::content::is_be(w) {
            continue;
        }
        let Some(np) = verb_subject(ctx, i, lo) else { continue };
        if np.actor.is_none() {
            continue;
        }
        return Some((np, TextSpan::of(ctx.text, ctx.seg.tokens[i])));
    }
    None
}

/// Whether token `i` is a naming verb ("labeled", "dubbed") in the active voice with an actor as
/// its subject: no form of "be" (or "get") in its verb group of auxiliaries and adverbs.
fn active_naming(ctx: &Ctx, i: usize, lo: usize) -> bool {
    if !NAMING_VERBS.contains(&ctx.lower(i).as_str()) || ctx.pos(i) != Pos::Verb {
        return false;
    }
    let mut first = i;
    while first > lo && matches!(ctx.pos(first - 1), Pos::Verb | Pos::Adv) {
        first -= 1;
        if matches!(ctx.lower(first).as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "got")
        {
            return false;
        }
    }
    verb_subject(ctx, i, lo).is_some_and(|np| np.actor.is_some())
}

/// Term markers that are verbs of naming, which speak when used actively.
const NAMING_VERBS: &[&str] = &["dubbed", "branded", "labeled", "labelled", "termed", "nicknamed"];

/// Whether the words of tokens `lo..hi` are all capitalised (a headline), short function
/// words aside.
fn title_case(ctx: &Ctx, lo: usize, hi: usize) -> bool {
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
fn verb_subject(ctx: &Ctx, verb: usize, lo: usize) -> Option<Np> {
    let mut first = verb;
    while first > lo && matches!(ctx.pos(first - 1), Pos::Verb | Pos::Adv) && !ctx.is_quoted(first - 1) {
        first -= 1;
    }
    let mut np = ctx.subject_left(first, lo)?;
    ctx.resolve(&mut np);
    Some(np)
}

/// What the previous quotation left for the next one (paragraph continuation).
struct LastQuote {
    paragraph: usize,
    closes_paragraph: bool,
    speaker: Option<Np>,
    cue: Option<TextSpan>,
}

fn sentence_cues(ctx: &Ctx, lo: usize, hi: usize) -> Vec<Cue> {
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
fn first_subject(ctx: &Ctx, lo: usize, before: usize) -> Option<Np> {
    (lo..before).filter(|&i| !ctx.is_quoted(i)).find_map(|i| {
        let w = ctx.lower(i);
        if matches!(super::speaker::pronoun(&w), "he" | "she" | "they" | "it") || ctx.mention_at(i).is_some() {
            ctx.np_ending_at(ctx.mention_at(i).map_or(i, |(m, _)| ctx.token_at(m.end).saturating_sub(1)), lo)
        } else {
            None
        }
    })
}

/// The owner of a noun cue: "X’s statement", "a statement from X", "in a letter, X …".
fn noun_subject(ctx: &Ctx, i: usize, lo: usize, hi: usize) -> Option<Np> {
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

fn sentence_of(seg: &Segmented, tok: usize) -> Option<usize> {
    let k = seg.sentences.partition_point(|s| s.tokens.end <= tok);
    (k < seg.sentences.len() && seg.sentences[k].tokens.start <= tok).then_some(k)
}

fn cue_span(ctx: &Ctx, c: &Cue) -> TextSpan {
    let toks = &ctx.seg.tokens;
    let span = Span::new(toks[c.first].start, toks[c.end - 1].end);
    TextSpan::of(ctx.text, span)
}

fn actor_id(ctx: &Ctx, np: &Option<Np>) -> Option<String> {
    np.and_then(|n| n.actor).and_then(|a| ctx.actors.actors.get(a)).map(|a| a.id.clone())
}

/// Whether two subjects name the same speaker (same actor, or same words).
fn same_speaker(a: &Np, b: &Np) -> bool {
    match (a.actor, b.actor) {
        (Some(x), Some(y)) => x == y,
        _ => a.span == b.span,
    }
}

fn attribute_quote(ctx: &Ctx, cues: &[Vec<Cue>], q: &QuoteSpan, last: &mut Option<LastQuote>) -> Option<Quote> {
    let seg = ctx.seg;
    let text = ctx.text;
    let inner = text.get(q.inner.start..q.inner.end)?;
    if inner.trim().is_empty() {
        return None;
    }
    let qa = ctx.token_at(q.outer.start);
    let qb = ctx.token_at(q.outer.end);
    // The sentence of the first quoted word: a straight mark after a full stop is read by the
    // segmenter as closing the previous sentence.
    let sa = sentence_of(seg, ctx.token_at(q.inner.start).min(qb.saturating_sub(1)).max(qa))?;
    let sb = sentence_of(seg, qb.saturating_sub(1).max(qa)).unwrap_or(sa);
    let lo = seg.sentences[sa].tokens.start;
    let paragraph = seg.sentences[sa].paragraph;
    // Only cues within a window around the quotation count, which also keeps a paste made of
    // one endless sentence with thousands of quotations linear.
    let (wlo, whi) = (qa.saturating_sub(WINDOW), qb + WINDOW);
    let in_ctx: Vec<&Cue> = cues[sa..=sb]
        .iter()
        .flat_map(|cs| {
            let i = cs.partition_point(|c| c.first < wlo);
            cs[i..].iter().take_while(move |c| c.first < whi)
        })
        .collect();
    let verb = |c: &&Cue| matches!(c.kind, CueKind::Verb { .. }) && c.subject.is_some();
    let before: Vec<&Cue> = in_ctx.iter().copied().filter(|c| c.end <= qa).filter(verb).collect();
    let after: Vec<&Cue> = in_ctx.iter().copied().filter(|c| c.first >= qb).filter(verb).collect();
    let according: Vec<&Cue> =
        in_ctx.iter().copied().filter(|c| c.kind == CueKind::According && c.subject.is_some()).collect();

    // Where the quotation sits in its sentence.
    let lead: Vec<usize> = (lo.max(wlo)..qa).filter(|&i| !ctx.is_quoted(i)).collect();
    let opens_sentence = lo >= wlo && lead.iter().all(|&i| !ctx.word(i).chars().any(char::is_alphanumeric));
    let prev_tok = lead.last().map(|&i| ctx.word(i)).unwrap_or("");
    let after_cue_comma = prev_tok == "," && lead.len() >= 2 && before.iter().any(|c| c.end + 1 == qa);
    let starts_upper = inner.trim_start().chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase());
    let direct = opens_sentence || prev_tok == ":" || (after_cue_comma && starts_upper);

    // Term markers right before the quotation ("the term “…”", "so-called", "branded a").
    // A colon or a closing comma between the marker and the quotation ends the marker's phrase:
    // "saw Santilli's words differently: “…”" and "Freddy, as he was known, ''…''" are speech.
    // A naming verb in the active voice with a person or body as its subject is that subject
    // speaking: "Meg Whitman … labeled Mr. Trump ''unfit to be president''", "Trump dubbed him
    // “Little Marco”". Passive and participle uses stay terms: "has been branded as a “foreign
    // agent” by the government", "a memo titled “…”".
    let marker = lead
        .iter()
        .rev()
        .take(3)
        .take_while(|&&i| !matches!(ctx.word(i), ":" | ","))
        .any(|&i| TERM_MARKERS.contains(&ctx.lower(i).as_str()) && !active_naming(ctx, i, lo));

    // Choose the cue.
    let adjacent = before.iter().rev().find(|c| qa - c.end <= 3).copied();
    // A participle or coordinated verb after the main one opens a report of its own ("…,” the
    // mayor said, adding that it would take “more hours”): it owns what follows it.
    let second = before.last().copied().filter(|c| {
        c.first > lo
            && before.len() > 1
            && (ctx.word(c.first - 1) == "," && ctx.lower(c.first).ends_with("ing")
                || matches!(ctx.lower(c.first - 1).as_str(), "and" | "but"))
    });
    let mut chosen: Option<&Cue> = adjacent.or(second).or_else(|| before.first().copied());
    if chosen.is_none() || opens_sentence && !after.is_empty() && chosen.is_some_and(|c| c.end <= lo) {
        chosen = after.first().copied().or(chosen);
    }
    let mut speaker: Option<Np> = chosen.and_then(|c| c.subject);
    // The participle's subject is the main verb's ("Shoigu hailed …, adding that …").
    if let (Some(s), Some(c)) = (second, chosen) {
        if std::ptr::eq(s, c) && adjacent.is_none() {
            speaker = before.first().and_then(|m| m.subject).or(speaker);
        }
    }
    let mut cue: Option<TextSpan> = chosen.map(|c| cue_span(ctx, c));
    let mut via: Vec<String> = Vec::new();
    match (chosen, according.first()) {
        (Some(c), _) => {
            // Frames around a quotation that already has a speaker.
            let frames = according
                .iter()
                .chain(after.iter().filter(|f| f.first > c.first && matches!(f.kind, CueKind::Verb { speech: true })));
            for f in frames {
                if let (Some(fs), Some(sp)) = (f.subject, speaker) {
                    if !same_speaker(&fs, &sp) {
                        if let Some(id) = actor_id(ctx, &Some(fs)) {
                            if !via.contains(&id) {
                                via.push(id);
                            }
                        }
                    }
                }
            }
        }
        (None, Some(a)) => {
            speaker = a.subject;
            cue = Some(cue_span(ctx, a));
        }
        (None, None) => {
            // A noun cue owned by a speaker right before the quotation ("Kim’s emphasis on “…”").
            let noun = in_ctx.iter().rfind(|c| c.kind == CueKind::Noun && c.end <= qa && qa - c.end <= 3);
            if let Some(n) = noun.filter(|n| n.subject.is_some()) {
                speaker = n.subject;
                cue = Some(cue_span(ctx, n));
            }
        }
    }

    // No cue in the sentence: a cue opening the next sentence ("“…?” Trump said."), a dash
    // signature ("“…” ― Adriana Rodarte"), a speaker label ("Wallace: “…”"), a colon at the end
    // of the previous sentence, or the speaker of the previous quotation in this paragraph (or
    // at the end of the previous one).
    if speaker.is_none() {
        if let Some((np, c)) = next_sentence_cue(ctx, cues, q, sb) {
            speaker = Some(np);
            cue = c;
        } else if let Some(np) = signature(ctx, q, sb) {
            speaker = Some(np);
        } else if let Some((np, v)) = bare_verb_after(ctx, q) {
            speaker = Some(np);
            cue = Some(v);
        } else if let Some(np) = label(ctx, &lead, lo) {
            speaker = Some(np);
        }
    }
    // An introduction in the quotation's own sentence without a cue word: "McConnell delivered
    // a blunt message to Trump: “…”", "He continued, “…”" — the sentence's first subject.
    let intro = prev_tok == ":" || prev_tok == "," && lead.len() <= 5 && starts_upper;
    if speaker.is_none() && intro && lead.len() >= 2 {
        if let Some(mut np) = first_subject(ctx, lo.max(wlo), qa) {
            ctx.resolve(&mut np);
            speaker = Some(np);
        }
    }
    if speaker.is_none() && direct && sa > 0 {
        let prev = &seg.sentences[sa - 1];
        let ends_colon = prev.tokens.end > prev.tokens.start + 1 && ctx.word(prev.tokens.end - 1) == ":";
        if ends_colon {
            let c = cues[sa - 1].iter().rev().find(|c| matches!(c.kind, CueKind::Verb { .. }) && c.subject.is_some());
            if let Some(c) = c {
                speaker = c.subject;
                cue = Some(cue_span(ctx, c));
            } else if let Some(mut np) = ctx
                .subject_left(prev.tokens.end - 2, prev.tokens.start)
                .or_else(|| ctx.np_ending_at(prev.tokens.end - 2, prev.tokens.start))
            {
                // "Caddell continued:" — the verb is not a cue word, the phrase before it is.
                ctx.resolve(&mut np);
                speaker = Some(np);
            }
        }
        if speaker.is_none() {
            if let Some(l) = last.as_ref() {
                let para_start = seg
                    .paragraphs
                    .get(paragraph)
                    .is_some_and(|p| text.get(p.start..q.outer.start).is_some_and(|s| s.trim().is_empty()));
                let same = l.paragraph == paragraph;
                if (same || l.paragraph + 1 == paragraph && l.closes_paragraph && para_start) && l.speaker.is_some() {
                    speaker = l.speaker;
                    cue = l.cue.clone();
                }
            }
        }
    }

    // A quotation inside a clause whose verb no cue list holds ("Trump openly admires Putin as
    // a “strong leader”", "Reid has been pounding Trump as a “con artist”"): the verb's
    // subject, when it names an actor, said those words.
    if speaker.is_none() && !direct && !marker {
        if let Some((np, verb)) = governing_verb(ctx, lo.max(wlo), qa) {
            speaker = Some(np);
            cue = Some(verb);
        }
    }
    let words = inner.split_whitespace().count();
    let kind = if marker && chosen.map_or(true, |c| c.end > qa || qa - c.end > 3) || speaker.is_none() && words <= 4 {
        QuoteKind::Term
    } else if direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    };
    if kind == QuoteKind::Term {
        speaker = None;
        cue = None;
        via.clear();
    }
    // The quotation closes its paragraph, or only its attribution follows ("“…,” Carson
    // continued."): a paragraph that opens with a quotation next continues the same speaker.
    let closes_paragraph = seg.paragraphs.get(seg.sentences[sb].paragraph).is_some_and(|p| {
        text.get(q.outer.end..p.end).is_some_and(|s| {
            let s = s.trim();
            s.is_empty()
                // `nth`, not `count`: a paragraph of a million words is not walked per quotation.
                || s.split_whitespace().nth(TAIL_WORDS).is_none() && ![". ", "! ", "? "].iter().any(|e| s.contains(e))
        })
    });
    *last = Some(LastQuote { paragraph: seg.sentences[sb].paragraph, closes_paragraph, speaker, cue: cue.clone() });
    Some(Quote {
        start: q.inner.start,
        end: q.inner.end,
        text: inner.to_string(),
        kind,
        speaker: actor_id(ctx, &speaker),
        speaker_span: speaker.map(|n| n.span),
        cue,
        via,
        content: None,
    })
}

/// A quotation closing its sentence, followed by a sentence that opens with its cue ("“Who
/// would have believed …?” Trump said."): the subject and cue there.
fn next_sentence_cue(ctx: &Ctx, cues: &[Vec<Cue>], q: &QuoteSpan, sb: usize) -> Option<(Np, Option<TextSpan>)> {
    let s = ctx.seg.sentences.get(sb)?;
    let qb = ctx.token_at(q.outer.end);
    if qb < s.tokens.end && !(qb..s.tokens.end).all(|i| matches!(ctx.word(i), "." | "," | "!" | "?")) {
        return None;
    }
    let n = ctx.seg.sentences.get(sb + 1).filter(|n| n.paragraph == s.paragraph)?;
    let c =
        cues.get(sb + 1)?.iter().find(|c| matches!(c.kind, CueKind::Verb { .. }) && c.first < n.tokens.start + 6)?;
    let np = c.subject?;
    // The sentence must be only the attribution: subject and cue first, then a short tail.
    let opens = np.first.min(c.first) == n.tokens.start;
    let cut = (c.end..n.tokens.end).find(|&i| matches!(ctx.word(i), "," | ".")).unwrap_or(n.tokens.end);
    // A longer tail that cannot be a reported clause: an addressee ("Trump told Britain’s ITV
    // television station in an interview …") or a preposition ("he said in an interview …").
    let frame_tail = c.end < n.tokens.end
        && (is_tell(&ctx.lower(c.first)) || ctx.pos(c.end) == Pos::Adp && ctx.lower(c.end) != "that");
    (opens && (cut - c.end <= 4 || frame_tail)).then(|| (np, Some(cue_span(ctx, c))))
}

/// A quotation closing on a comma, question or exclamation mark, then only a subject and a verb
/// that no cue list holds, or that verb then its subject: "“…,” Hannity started.", "“…!” beamed
/// Donald Hartley." In that position any verb reports the quotation.
fn bare_verb_after(ctx: &Ctx, q: &QuoteSpan) -> Option<(Np, TextSpan)> {
    let inner = ctx.text.get(q.inner.start..q.inner.end)?.trim_end();
    let mut k = ctx.token_at(q.outer.end);
    if k < ctx.seg.tokens.len() && ctx.word(k) == "," {
        k += 1;
    } else if !inner.ends_with([',', '?', '!']) {
        return None;
    }
    let s = ctx.seg.sentences.get(sentence_of(ctx.seg, k)?)?;
    let hi = s.tokens.end;
    // The quotation opens its sentence (nothing with letters or digits before it, looked for
    // within the window only) and the attribution's sentence is in the same paragraph.
    let qa = ctx.token_at(q.outer.start);
    let first = ctx.seg.sentences.get(sentence_of(ctx.seg, qa)?)?;
    if first.paragraph != s.paragraph
        || qa - first.tokens.start.min(qa) > WINDOW
        || (first.tokens.start..qa).any(|i| ctx.word(i).chars().any(char::is_alphanumeric))
    {
        return None;
    }
    let verb = |v: usize| v < hi && ctx.pos(v) == Pos::Verb && !super::content::is_be(ctx.word(v)) && !ctx.is_quoted(v);
    let (mut np, mut v) = if verb(k) {
        (ctx.subject_right(k, hi)?, k)
    } else {
        let np = ctx.subject_right(k.checked_sub(1)?, hi)?;
        (np, np.end)
    };
    if !verb(v) {
        // "“…,” the editorial read.", "“…!” a welcome message on the website reads.": the
        // tagger often takes "read" after a noun for a noun; as the clause's last word, right
        // after the subject or a short phrase on it, it is the document's verb.
        let cut = (np.first..hi).find(|&i| matches!(ctx.word(i), "," | "." | "!" | "?" | ";")).unwrap_or(hi);
        let r = cut
            .checked_sub(1)
            .filter(|&r| r > np.first && r <= np.end + 4 && matches!(ctx.lower(r).as_str(), "read" | "reads"))?;
        if r < np.end {
            np = Np { span: Span::new(np.span.start, ctx.seg.tokens[r - 1].end), end: r, ..np };
        }
        v = r;
    }
    // Then a short tail at most ("said Tuesday", "started.").
    let rest = np.end.max(v + 1);
    let cut = (rest..hi).find(|&i| matches!(ctx.word(i), "," | "." | "!" | "?" | ";")).unwrap_or(hi);
    if cut - rest > 2 {
        return None;
    }
    ctx.resolve(&mut np);
    let t = ctx.seg.tokens[v];
    Some((np, TextSpan::of(ctx.text, t)))
}

/// A signature after a quotation: a dash then a name ("“…” ― Adriana Rodarte").
fn signature(ctx: &Ctx, q: &QuoteSpan, sb: usize) -> Option<Np> {
    let s = ctx.seg.sentences.get(sb)?;
    let p = ctx.seg.paragraphs.get(s.paragraph)?;
    let qb = ctx.token_at(q.outer.end);
    if qb >= ctx.seg.tokens.len() || ctx.seg.tokens[qb].start >= p.end {
        return None;
    }
    if !matches!(ctx.word(qb), "―" | "—" | "–" | "-" | "~") {
        return None;
    }
    let mut np = ctx.subject_right(qb, ctx.token_at(p.end))?;
    ctx.resolve(&mut np);
    Some(np)
}

/// A speaker label before a quotation: "Wallace: “…”" (a name, then a colon, at clause start).
fn label(ctx: &Ctx, lead: &[usize], lo: usize) -> Option<Np> {
    let (&colon, rest) = lead.split_last()?;
    if ctx.word(colon) != ":" || rest.is_empty() {
        return None;
    }
    let (m, a) = ctx.mention_at(colon - 1)?;
    let np = Np { span: m, first: ctx.token_at(m.start), end: colon, actor: Some(a) };
    (np.first == lo || np.first <= lo + 1).then_some(np)
}

/// Reported speech in one sentence `[lo, hi)`, appended to `out`.
/// `closing` holds the byte offsets of cues that close a quotation before them ("“…,” he told
/// Sen. Flake", "“…,” Romney tweeted the day after …"): what follows such a verb is the
/// circumstance, not more speech.
fn reported_speech(ctx: &Ctx, cues: &[Cue], lo: usize, hi: usize, closing: &HashSet<usize>, out: &mut Vec<Quote>) {
    let according = cues.iter().find(|c| c.kind == CueKind::According && c.subject.is_some());
    let tails: Vec<bool> = cues.iter().map(|c| closing.contains(&ctx.seg.tokens[c.first].start)).collect();
    // Disjoint token ranges already reported, by start.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut add = |from: usize, to: usize, c: &Cue, via_from: Option<&Cue>, taken: &mut BTreeMap<usize, usize>| {
        let (from, to) = trim(ctx, from, to);
        if to <= from + 2 || taken.range(..to).next_back().is_some_and(|(_, &b)| from < b) {
            return;
        }
        let quoted = (from..to).filter(|&i| ctx.is_quoted(i)).count();
        if quoted * 10 >= (to - from) * 8 {
            return;
        }
        taken.insert(from, to);
        let toks = &ctx.seg.tokens;
        let span = Span::new(toks[from].start, toks[to - 1].end);
        let Some(t) = ctx.text.get(span.start..span.end) else { return };
        let mut via = Vec::new();
        if let (Some(v), Some(sp)) = (via_from.and_then(|v| v.subject), c.subject) {
            if !same_speaker(&v, &sp) {
                via.extend(actor_id(ctx, &Some(v)));
            }
        }
        out.push(Quote {
            start: span.start,
            end: span.end,
            text: t.to_string(),
            kind: QuoteKind::Indirect,
            speaker: actor_id(ctx, &c.subject),
            speaker_span: c.subject.map(|n| n.span),
            cue: Some(cue_span(ctx, c)),
            via,
            content: None,
        });
    };
    // The end of the reported clause: before a closing frame (", according to X", ", X said").
    // A participial clause after a comma (", implicitly putting …", ", adding that …") is the
    // reporter's again.
    let frame_start = |from: usize| -> usize {
        let hi = hi.min(from + WINDOW);
        let i = cues.partition_point(|c| c.first <= from);
        let frame = cues[i..]
            .iter()
            .take_while(|c| c.first < hi)
            .filter_map(|c| frame_comma(ctx, c, lo, hi))
            .filter(|&k| k > from)
            .min();
        let participle = (from + 1..hi.saturating_sub(1)).find(|&k| {
            ctx.word(k) == "," && !ctx.is_quoted(k) && {
                let w = ctx.word(k + 1);
                w.ends_with("ing") && w.chars().next().is_some_and(char::is_lowercase)
                    || (k + 2 < hi && w.ends_with("ly") && ctx.word(k + 2).ends_with("ing"))
            }
        });
        // A second verb phrase sharing the clause's subject ("… in recent months and seeking
        // help", "… any country but would instead focus …") is a separate claim.
        let coordinated = (from + 2..hi.saturating_sub(1)).find(|&k| {
            matches!(ctx.lower(k).as_str(), "and" | "but") && !ctx.is_quoted(k) && {
                let w = ctx.lower(k + 1);
                let modal =
                    matches!(w.as_str(), "would" | "will" | "could" | "should" | "may" | "might" | "must" | "can");
                // "… and suggested that …": a second report by the same speaker.
                let speech = cue_word(&w).is_some_and(|c| c.speech);
                modal || speech || w.ends_with("ing") && w.len() > 4
            }
        });
        // ", but …", ", while …", ", though …": the reporter's contrast, or another report.
        let contrast = (from + 1..hi.saturating_sub(1)).find(|&k| {
            ctx.word(k) == ","
                && !ctx.is_quoted(k)
                && matches!(ctx.lower(k + 1).as_str(), "but" | "while" | "though" | "although" | "whereas")
        });
        frame.into_iter().chain(participle).chain(coordinated).chain(contrast).min().unwrap_or(hi)
    };
    for (c, &tail) in cues.iter().zip(&tails) {
        let CueKind::Verb { speech } = c.kind else { continue };
        if tail {
            continue;
        }
        // "Asked whether …, Ryan said": the question stands without a subject of its own.
        let asked = matches!(ctx.lower(c.first).as_str(), "asked" | "asking");
        if c.subject.is_none() && !asked {
            continue;
        }
        if c.inverted {
            continue;
        }
        if let Some(from) = clause_after(ctx, c, speech, hi) {
            let mut to = frame_start(from);
            if asked {
                // The question ends at its comma ("Asked whether …, Ryan said …").
                to = (from..to).find(|&k| ctx.word(k) == ",").unwrap_or(to);
            }
            let via = according.filter(|a| a.first < from || a.first >= to);
            add(from, to, c, via, &mut taken);
        } else if let Some(from) = object_after(ctx, c, hi).filter(|_| !speech) {
            // An object ends at its clause's first comma; one holding a quotation is that
            // partial quote's content already.
            let to = frame_start(from);
            let to = (from..to).find(|&i| ctx.word(i) == "," || time_phrase(ctx, i)).unwrap_or(to);
            if !(from..to).any(|i| ctx.is_quoted(i)) {
                let via = according.filter(|a| a.first < from || a.first >= to);
                add(from, to, c, via, &mut taken);
            }
        }
    }
    // Stance verbs with a subject: "Sanders opposes the deal", "Trump wants to build a wall",
    // "the union endorsed Clinton", "analysts expect a rate cut".
    for i in lo..hi {
        if ctx.is_quoted(i) || ctx.pos(i) != Pos::Verb || !is_stance(&ctx.lower(i)) {
            continue;
        }
        let Some(np) = verb_subject(ctx, i, lo) else { continue };
        let c = Cue { first: i, end: i + 1, kind: CueKind::Verb { speech: false }, subject: Some(np), inverted: false };
        let clause = clause_after(ctx, &c, false, hi);
        if let Some(from) = clause.or_else(|| object_after(ctx, &c, hi)) {
            let to = frame_start(from);
            let to = (from..to).find(|&k| ctx.word(k) == "," || clause.is_none() && time_phrase(ctx, k)).unwrap_or(to);
            if !(from..to).any(|k| ctx.is_quoted(k)) {
                let via = according.filter(|a| a.first < from || a.first >= to);
                add(from, to, &c, via, &mut taken);
            }
        }
    }
    // "…, X said." and "…, according to X." / "According to X, …": the frame is the speaker.
    for c in cues {
        let speechy = matches!(c.kind, CueKind::Verb { speech: true } | CueKind::According);
        if !speechy || c.subject.is_none() {
            continue;
        }
        let frame = frame_comma(ctx, c, lo, hi).filter(|&comma| comma - lo <= WINDOW);
        if let Some(comma) = frame {
            let mut from = lo;
            // Skip a leading "According to X," that frames the same clause.
            if let Some(a) = according.filter(|a| a.first == lo && a.first != c.first) {
                from = (a.end..comma).find(|&i| ctx.word(i) == ",").map_or(from, |k| k + 1);
            }
            let via = according.filter(|a| a.first != c.first);
            add(from, comma, c, via, &mut taken);
            // The sentence resumes after a parenthetical frame: the rest is the same report,
            // unless it is the reporter's own coordination ("…, he said, and …").
            if let Some(k) = frame_resumes(ctx, c, hi) {
                if !matches!(ctx.lower(k).as_str(), "and" | "but" | "while" | "as") {
                    let to = frame_start(k);
                    add(k, to, c, via, &mut taken);
                }
            }
        } else if c.kind == CueKind::According && c.first == lo {
            if let Some(k) = (c.end..hi).find(|&i| ctx.word(i) == ",") {
                let to = frame_start(k + 1);
                add(k + 1, to, c, None, &mut taken);
            }
        }
    }
}

/// Words naming a source in a headline label ("Poll: …", "Insiders: …").
const LABEL_SOURCES: &[&str] = &[
    "poll",
    "polls",
    "report",
    "reports",
    "insiders",
    "sources",
    "source",
    "study",
    "survey",
    "officials",
    "experts",
    "analysts",
    "aides",
    "newspaper",
    "critics",
    "allies",
    "democrats",
    "republicans",
    "lawmakers",
    "voters",
];

/// A headline of the form "Source: claim" ("Mark Cuban: I'd consider a future White House bid",
/// "Poll: Trump a big turnoff for Florida Latino voters"): a paragraph of one sentence whose
/// first few words, all capitalised, name an actor or a source, then a colon. The claim is
/// that source's, with the colon as cue ("Q:"/"A:" interview labels are not sources).
fn headline_colon(ctx: &Ctx, si: usize, out: &mut Vec<Quote>) {
    let seg = ctx.seg;
    let s = &seg.sentences[si];
    let (lo, hi) = (s.tokens.start, s.tokens.end);
    let Some(p) = seg.paragraphs.get(s.paragraph) else { return };
    let whole = seg.tokens.get(lo).is_some_and(|t| t.start == p.start)
        && hi.checked_sub(1).and_then(|k| seg.tokens.get(k)).is_some_and(|t| t.end + 1 >= p.end);
    if !whole {
        return;
    }
    let Some(colon) = (lo + 1..hi.min(lo + 8)).find(|&k| ctx.word(k) == ":") else { return };
    let label_ok = (lo..colon).all(|k| {
        let w = ctx.word(k);
        w.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphanumeric())
            || matches!(w, "of" | "at" | "and" | "the" | "for" | "'s" | "\u{2019}s")
    });
    let mention = (lo..colon).find_map(|k| ctx.mention_at(k)).filter(|(m, _)| ctx.token_at(m.end) <= colon);
    let source = (lo..colon).any(|k| LABEL_SOURCES.contains(&ctx.lower(k).as_str()));
    let interview_label = colon - lo == 1 && ctx.word(lo).chars().count() <= 1;
    if !label_ok || interview_label || mention.is_none() && !source || colon + 3 >= hi {
        return;
    }
    let (from, mut to) = (colon + 1, hi);
    while to > from && matches!(ctx.word(to - 1), "." | "!" | "?") && !ctx.is_quoted(to - 1) {
        to -= 1;
    }
    // A quotation after the label is attributed already ("Wallace: “…”").
    if (from..to).filter(|&k| ctx.is_quoted(k)).count() * 10 >= (to - from) * 8 {
        return;
    }
    let np = Np {
        span: Span::new(seg.tokens[lo].start, seg.tokens[colon - 1].end),
        first: lo,
        end: colon,
        actor: mention.map(|(_, a)| a),
    };
    let span = Span::new(seg.tokens[from].start, seg.tokens[to - 1].end);
    let Some(t) = ctx.text.get(span.start..span.end) else { return };
    out.push(Quote {
        start: span.start,
        end: span.end,
        text: t.to_string(),
        kind: QuoteKind::Indirect,
        speaker: actor_id(ctx, &Some(np)),
        speaker_span: Some(np.span),
        cue: Some(TextSpan::of(ctx.text, seg.tokens[colon])),
        via: vec![],
        content: None,
    });
}

/// For a cue that closes its sentence as a frame (", X said (on Monday).", ", said X.",
/// ", according to X."), the token index of the comma before it: where the reported clause
/// ends (for an "according to" frame without a comma, the frame's own first token).
fn frame_comma(ctx: &Ctx, c: &Cue, lo: usize, hi: usize) -> Option<usize> {
    let speechy = matches!(c.kind, CueKind::Verb { speech: true } | CueKind::According);
    let np = c.subject?;
    if !speechy {
        return None;
    }
    let start = if c.inverted { c.first } else { np.first.min(c.first) };
    let according = c.kind == CueKind::According;
    // "… 46 percent to 39 percent according to a CBS poll released Monday.": an "according
    // to" frame needs no comma, and its source may run long.
    let comma = start > lo && ctx.word(start - 1) == ",";
    if start <= lo || !comma && (!according || start <= lo + 2) {
        return None;
    }
    let tail_from = if c.inverted { np.end.max(c.end) } else { c.end };
    let tail = hi.saturating_sub(tail_from);
    let tail_ok =
        tail <= if according { 20 } else { 7 } && !(tail_from..hi).any(|i| ctx.lower(i) == "that" || ctx.is_quoted(i));
    if !comma {
        return tail_ok.then_some(start);
    }
    // A parenthetical frame mid-sentence: "Lenox was a juggernaut, Mr. Clarke said, until …".
    let parenthetical = frame_resumes(ctx, c, hi).is_some();
    (tail_ok || parenthetical).then_some(start - 1)
}

/// For a frame in the middle of its sentence (", X said, …"), the token after its closing comma.
fn frame_resumes(ctx: &Ctx, c: &Cue, hi: usize) -> Option<usize> {
    let np = c.subject?;
    let mut k = if c.inverted { np.end.max(c.end) } else { c.end };
    while k < hi && k < c.end + 4 && lexicon().is_time_word(&ctx.lower(k)) {
        k += 1;
    }
    (k + 1 < hi && ctx.word(k) == "," && !ctx.is_quoted(k + 1)).then_some(k + 1)
}

/// Where the clause reported by a verb cue starts: after "that", or a bare clause after a
/// speech verb ("said the talks failed"); `None` when the verb takes no clause here.
fn clause_after(ctx: &Ctx, c: &Cue, speech: bool, hi: usize) -> Option<usize> {
    let w = ctx.lower(c.first);
    let mut j = c.end;
    // "told Kim that", "assured reporters that".
    if is_tell(&w) && j < hi {
        if let Some((m, _)) = ctx.mention_at(j) {
            j = ctx.token_at(m.end);
        } else if ctx.is_object_pronoun(j) {
            j += 1;
        }
    }
    let start = j;
    // "asked (by a reporter) whether …", "asking him why …": the question is the content.
    if matches!(w.as_str(), "asked" | "ask" | "asks" | "asking" | "wondered" | "wonders" | "wondering") {
        let wh = (j..hi.min(j + 6)).take_while(|&k| !ctx.is_quoted(k) && ctx.word(k) != ",").find(|&k| {
            matches!(ctx.lower(k).as_str(), "whether" | "if" | "why" | "how" | "what" | "who" | "when" | "where")
        });
        if let Some(k) = wh.filter(|&k| k + 2 < hi) {
            return Some(k);
        }
    }
    // A "that" within a few tokens, past adverbials ("said on Monday in a statement that").
    let mut k = j;
    while k < hi && k < start + 10 {
        let t = ctx.lower(k);
        // A verb first means the clause has begun without "that" ("said the test could
        // change that": that "that" is a pronoun).
        if ctx.is_quoted(k)
            || matches!(t.as_str(), "." | ";" | ":" | "?" | "!")
            || cue_word(&t).is_some_and(|c| !c.noun) && k > start
            || k > start && ctx.pos(k) == Pos::Verb
        {
            break;
        }
        if t == "that" {
            return (k + 2 < hi).then_some(k + 1);
        }
        k += 1;
    }
    if !speech {
        return None;
    }
    while j < hi && lexicon().is_time_word(&ctx.lower(j)) {
        j += 1;
    }
    if j >= hi {
        return None;
    }
    if ctx.is_quoted(j) {
        // A clause opening with a partial quotation ("said “local forces” must lead the way"),
        // not a quotation that is the whole complement ("said, “…”").
        let k = (j..hi.min(j + WINDOW)).find(|&k| !ctx.is_quoted(k))?;
        let goes_on = k + 1 < hi && ctx.word(k).chars().next().is_some_and(char::is_lowercase);
        return goes_on.then_some(j);
    }
    let t = ctx.word(j);
    let first = t.chars().next()?;
    let lw = lower(t);
    if !first.is_alphanumeric() || NOT_CLAUSE_START.contains(&lw.as_str()) {
        return None;
    }
    // A bare clause needs a verb-like word soon after its subject; a lone object ("said
    // goodbye") is not reported speech. Cheap test: at least four more tokens before the end.
    (hi - j >= 4).then_some(j)
}

/// The object of a reporting verb that takes no clause: "Sanders **criticized** the trade deal",
/// "the group **called for** an investigation", "she **urged** Congress to act". It is what the
/// speaker is reported to have said, in the reporter's words, so it is reported speech too.
/// The object must start like a noun phrase or an infinitive (by part of speech); a time
/// ("said Monday") or a quotation (a partial quote of its own) is not one.
fn object_after(ctx: &Ctx, c: &Cue, hi: usize) -> Option<usize> {
    // "the demand for", "the soothing voice of": the cue word must be a verb here; and not an
    // infinitive ("to help write the rules"), whose subject is not the word before it.
    if ctx.pos(c.end - 1) != Pos::Verb || c.first > 0 && ctx.lower(c.first - 1) == "to" {
        return None;
    }
    let mut j = c.end;
    if j < hi && matches!(ctx.lower(j).as_str(), "for" | "on" | "of" | "about" | "against" | "as") {
        j += 1;
    }
    if j >= hi || ctx.is_quoted(j) || lexicon().is_time_word(&ctx.lower(j)) {
        return None;
    }
    let starts = matches!(ctx.pos(j), Pos::Det | Pos::Noun | Pos::Propn | Pos::Pron | Pos::Adj | Pos::Num | Pos::Prt);
    (starts && hi - j >= 2).then_some(j)
}

/// Whether a time adverbial starts at token `k` ("last week", "on Tuesday", "in early June",
/// "earlier this year"): it ends an object ("endorsed Cruz last week").
fn time_phrase(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower(k);
    let next = ctx.lower(k + 1);
    let lex = lexicon();
    let month = |s: &str| lex.is_month(s) || lex.is_weekday(s);
    lex.is_weekday(&w)
        || matches!(w.as_str(), "last" | "next" | "this" | "earlier" | "later")
            && matches!(
                next.as_str(),
                "week" | "month" | "year" | "weekend" | "night" | "summer" | "spring" | "fall" | "winter" | "this"
            )
        || matches!(w.as_str(), "on" | "in" | "since" | "during")
            && (month(&next) || matches!(next.as_str(), "early" | "late" | "mid") && month(&ctx.lower(k + 2)))
}

/// Trims a token range of leading commas and trailing stops/commas (keeping closing quotes).
fn trim(ctx: &Ctx, mut from: usize, mut to: usize) -> (usize, usize) {
    while from < to && matches!(ctx.word(from), "," | "—" | "–" | "-" | ":") && !ctx.is_quoted(from) {
        from += 1;
    }
    while to > from && matches!(ctx.word(to - 1), "." | "," | ";" | ":" | "—" | "–") && !ctx.is_quoted(to - 1) {
        to -= 1;
    }
    (from, to)
}
