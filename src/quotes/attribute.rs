//! Attribution: a kind, a cue, a speaker and a source chain for every quotation. Reported
//! speech without quotation marks is [`super::reported`]'s; both read the cues
//! [`super::scan`] finds in each sentence.
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

use super::cues::is_tell;
use super::reported::{headline_colon, reported_speech};
use super::scan::{cue_span, first_subject, sentence_cues, verb_subject, Cue, CueKind, WINDOW};
use super::speaker::{actor_id, same_speaker, Ctx, Np};
use super::QuoteSpan;
use crate::actors::ArticleActors;
use crate::report::{Quote, QuoteKind};
use crate::span::{Span, TextSpan};
use crate::text::pos::{Pos, Tags};
use crate::text::Segmented;
use std::collections::HashSet;

/// The longest attribution tail ("Adelson said during the interview in Macau.") after which a
/// quotation still counts as closing its paragraph.
const TAIL_WORDS: usize = 16;
/// Bytes a tail word may average: a longer tail is no attribution, and bounding it in bytes
/// keeps a paragraph without white space from being walked once per quotation.
const MAX_TAIL_WORD_BYTES: usize = 64;

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

/// Attributes every quoted span, and adds the reported speech found around cues.
pub fn attribute<'a>(
    text: &'a str,
    seg: &'a Segmented,
    pos: &'a Tags<'a>,
    actors: &'a ArticleActors,
    spans: &[QuoteSpan],
) -> Vec<Quote> {
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
            let c = super::content::content(text, seg, pos.all(), q);
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

/// How many tokens (a determiner, "as", "a") may stand between a cue and the quotation it is
/// "right before": "expressed “deep thanks”", "characterized as a “…”", "called it a “…”".
const ADJACENT: usize = 3;

/// The most tokens between a speech verb and the comma before the quotation it introduces
/// ("saying during the debate last week, “…”").
const INTRODUCING: usize = 8;

/// The longest lead-in before ", “…”" read as an introduction of the speaker ("He continued,
/// “…”", "In a statement, Kim said …"); longer, the comma is inside a sentence of its own.
const INTRO_TOKENS: usize = 5;

/// A quotation of at most this many words with no speaker is a term (scare quotes, a coined
/// phrase), not speech: "“fake news”", "a “very, very strong” leader".
const TERM_WORDS: usize = 4;

/// How near the start of the next sentence its cue must be to attribute a quotation closing the
/// sentence before: "“…?” Trump said.", "“…,” the former secretary of state said." (subject
/// and verb first).
const ATTRIBUTION_OPENING: usize = 6;

/// The most words after the cue in that next sentence that still make it only the
/// attribution ("Trump said Tuesday in Iowa."); more, and the sentence says something of its own.
const ATTRIBUTION_TAIL: usize = 4;

/// Term markers that are verbs of naming, which speak when used actively.
const NAMING_VERBS: &[&str] = &["dubbed", "branded", "labeled", "labelled", "termed", "nicknamed"];

/// What the previous quotation left for the next one (paragraph continuation).
struct LastQuote {
    paragraph: usize,
    closes_paragraph: bool,
    speaker: Option<Np>,
    cue: Option<TextSpan>,
    /// Its speaker signs it ("“…” ― Adriana Rodarte"): a list of signed quotations, each
    /// signing its own, so the next paragraph does not continue it.
    signed: bool,
}

fn sentence_of(seg: &Segmented, tok: usize) -> Option<usize> {
    let k = seg.sentences.partition_point(|s| s.tokens.end <= tok);
    (k < seg.sentences.len() && seg.sentences[k].tokens.start <= tok).then_some(k)
}

/// Where a quotation sits: its first token (`qa`), the sentences it spans (`sa` to `sb`), the
/// first token of its sentence (`lo`) and of the window around it (`wlo`), the verb cues with a
/// subject before and after it and the "according to" frames in that window, and the tokens
/// outside quotations that lead up to it in its sentence.
struct Around<'c, 't> {
    qa: usize,
    /// The token after its closing mark.
    qb: usize,
    sa: usize,
    sb: usize,
    lo: usize,
    wlo: usize,
    in_ctx: Vec<&'c Cue>,
    before: Vec<&'c Cue>,
    after: Vec<&'c Cue>,
    according: Vec<&'c Cue>,
    lead: Vec<usize>,
    /// Nothing with letters or digits before it in its sentence.
    opens_sentence: bool,
    /// The token right before it (outside quotations), or "".
    prev_tok: &'t str,
    /// Its first word is capitalised.
    starts_upper: bool,
    /// A whole-sentence quotation: it opens its sentence, follows a colon, or follows a cue
    /// and a comma with a capital ("Trump said, “We …”").
    direct: bool,
    /// A term marker stands right before it ("the term “…”").
    marker: bool,
}

impl<'c, 't> Around<'c, 't> {
    fn new(ctx: &Ctx<'t>, cues: &'c [Vec<Cue>], q: &QuoteSpan, inner: &str) -> Option<Around<'c, 't>> {
        let seg = ctx.seg;
        let qa = ctx.token_at(q.outer.start);
        let qb = ctx.token_at(q.outer.end);
        // The sentence of the first quoted word: a straight mark after a full stop is read by the
        // segmenter as closing the previous sentence.
        let sa = sentence_of(seg, ctx.token_at(q.inner.start).min(qb.saturating_sub(1)).max(qa))?;
        let sb = sentence_of(seg, qb.saturating_sub(1).max(qa)).unwrap_or(sa);
        let lo = seg.sentences[sa].tokens.start;
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

        let lead: Vec<usize> = (lo.max(wlo)..qa).filter(|&i| !ctx.is_quoted(i)).collect();
        let opens_sentence = lo >= wlo && lead.iter().all(|&i| !ctx.word(i).chars().any(char::is_alphanumeric));
        let prev_tok = lead.last().map(|&i| ctx.word(i)).unwrap_or("");
        let after_cue_comma = prev_tok == "," && lead.len() >= 2 && before.iter().any(|c| c.end + 1 == qa);
        let starts_upper = inner.trim_start().chars().find(|c| c.is_alphanumeric()).is_some_and(|c| c.is_uppercase());
        let direct = opens_sentence || prev_tok == ":" || (after_cue_comma && starts_upper);

        // Term markers right before the quotation ("the term “…”", "so-called", "branded a").
        // A colon or a closing comma between the marker and the quotation ends the marker's
        // phrase: "saw Santilli's words differently: “…”" and "Freddy, as he was known, ''…''"
        // are speech. A naming verb in the active voice with a person or body as its subject is
        // that subject speaking: "Meg Whitman … labeled Mr. Trump ''unfit to be president''",
        // "Trump dubbed him “Little Marco”". Passive and participle uses stay terms: "has been
        // branded as a “foreign agent” by the government", "a memo titled “…”".
        let marker = lead
            .iter()
            .rev()
            .take(3)
            .take_while(|&&i| !matches!(ctx.word(i), ":" | ","))
            .any(|&i| TERM_MARKERS.contains(&ctx.lower(i).as_str()) && !active_naming(ctx, i, lo));
        Some(Around {
            qa,
            qb,
            sa,
            sb,
            lo,
            wlo,
            in_ctx,
            before,
            after,
            according,
            lead,
            opens_sentence,
            prev_tok,
            starts_upper,
            direct,
            marker,
        })
    }
}

/// A speaker and the cue that names them, when a rule finds one.
type Found = (Np, Option<TextSpan>);

/// Attributes one quotation: the verb cue of its sentence ([`sentence_cue`]) with its frames as
/// `via` ([`frames_via`]); failing that an "according to" frame or a noun cue; failing that the
/// fallbacks of [`fallback_speaker`]. Then its kind ([`quote_kind`]); terms keep no speaker.
fn attribute_quote(ctx: &Ctx, cues: &[Vec<Cue>], q: &QuoteSpan, last: &mut Option<LastQuote>) -> Option<Quote> {
    let inner = ctx.text.get(q.inner.start..q.inner.end)?;
    if inner.trim().is_empty() {
        return None;
    }
    let at = Around::new(ctx, cues, q, inner)?;
    let (chosen, mut speaker) = sentence_cue(ctx, &at);
    let mut cue: Option<TextSpan> = chosen.map(|c| cue_span(ctx, c));
    let mut via: Vec<String> = Vec::new();
    if let Some(c) = chosen {
        via = frames_via(ctx, &at, c, speaker);
    } else if let Some((np, c)) = according_speaker(ctx, &at).or_else(|| noun_cue_owner(ctx, &at)) {
        speaker = Some(np);
        cue = c;
    }
    if speaker.is_none() {
        if let Some((np, c)) = fallback_speaker(ctx, cues, q, &at, last) {
            speaker = Some(np);
            cue = c;
        }
    }
    let kind = quote_kind(&at, chosen, speaker.is_some(), inner);
    if kind == QuoteKind::Term {
        speaker = None;
        cue = None;
        via.clear();
    }
    let paragraph = ctx.seg.sentences[at.sb].paragraph;
    let closes_paragraph = closes_paragraph(ctx, q, paragraph);
    let signed = speaker.is_some() && cue.is_none() && signature(ctx, q, at.sb).is_some();
    *last = Some(LastQuote { paragraph, closes_paragraph, speaker, cue: cue.clone(), signed });
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
        parts: Vec::new(),
    })
}

/// The verb cue of the quotation's sentence and its speaker: one right before it ("expressed
/// “deep thanks”"); else a participle or coordinated verb after the main one ("…,” the mayor
/// said, adding that it would take “more hours”), which owns what follows it but speaks with
/// the main verb's subject; else the first before it (the main clause: "Kim asked him to thank
/// Putin for his “warm letter”"); for a quotation opening its sentence, the cue after it ("“…,”
/// the agency said").
fn sentence_cue<'c>(ctx: &Ctx, at: &Around<'c, '_>) -> (Option<&'c Cue>, Option<Np>) {
    let (before, after, qa, lo) = (&at.before, &at.after, at.qa, at.lo);
    let adjacent = before.iter().rev().find(|c| qa - c.end <= ADJACENT).copied();
    let second = before.last().copied().filter(|c| {
        c.first > lo
            && before.len() > 1
            && (ctx.word(c.first - 1) == "," && ctx.lower(c.first).ends_with("ing")
                || matches!(ctx.lower(c.first - 1).as_str(), "and" | "but"))
    });
    // A speech verb introducing the quotation after a short adverbial and a comma ("footage of
    // Trump saying during the debate last week, “That makes me smart,”"): no verb, mark or
    // other comma in between.
    let introducing = before.last().copied().filter(|c| {
        matches!(c.kind, CueKind::Verb { speech: true })
            && at.starts_upper
            && at.prev_tok == ","
            && qa - c.end <= INTRODUCING
            && (c.end..qa - 1).all(|k| {
                // (A verb after a determiner is a noun: "during the debate".)
                let verb = ctx.pos(k) == Pos::Verb && !matches!(ctx.pos(k - 1), Pos::Det);
                !ctx.is_quoted(k) && !verb && !matches!(ctx.word(k), "," | ";" | ":" | "(" | ")")
            })
    });
    let mut chosen: Option<&Cue> = adjacent.or(introducing).or(second).or_else(|| before.first().copied());
    if chosen.is_none() || at.opens_sentence && !after.is_empty() && chosen.is_some_and(|c| c.end <= lo) {
        chosen = after.first().copied().or(chosen);
    }
    let mut speaker: Option<Np> = chosen.and_then(|c| c.subject);
    // The participle's subject is the main verb's ("Shoigu hailed …, adding that …").
    if let (Some(s), Some(c)) = (second, chosen) {
        if std::ptr::eq(s, c) && adjacent.is_none() {
            speaker = before.first().and_then(|m| m.subject).or(speaker);
        }
    }
    (chosen, speaker)
}

/// "According to KCNA, Kim said “…”", "Kim said “…”, the agency reported": frames around a
/// quotation that has its own speaker become the source chain, outermost last.
fn frames_via(ctx: &Ctx, at: &Around, c: &Cue, speaker: Option<Np>) -> Vec<String> {
    let mut via: Vec<String> = Vec::new();
    let frames = at
        .according
        .iter()
        .chain(at.after.iter().filter(|f| f.first > c.first && matches!(f.kind, CueKind::Verb { speech: true })));
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
    via
}

/// "According to KCNA, “…”": with no verb cue, the frame's source is the speaker.
fn according_speaker(ctx: &Ctx, at: &Around) -> Option<Found> {
    let a = at.according.first()?;
    // "“…,” the letter addressed to Chairman Issa reads, according to the Los Angeles Times":
    // a clause with a verb of its own between the quotation and a frame after it gives the
    // quotation its source; the frame only reports that clause (an outlet reporting a letter).
    // The quotation closes with a comma, and the clause opens with its subject ("“…” produced
    // by …, according to KCNA" has none; "curb “activist” investors …" is one clause).
    let comma = ctx.word(at.qb) == "," || at.qb >= 2 && ctx.word(at.qb - 2) == ",";
    if a.first >= at.qb && comma {
        let mut words = (at.qb..a.first).filter(|&k| !ctx.is_quoted(k) && ctx.is_word(k));
        let opens_subject =
            words.next().is_some_and(|k| matches!(ctx.pos(k), Pos::Det | Pos::Noun | Pos::Propn | Pos::Pron));
        if opens_subject && words.any(|k| ctx.pos(k) == Pos::Verb) {
            return None;
        }
    }
    Some((a.subject?, Some(cue_span(ctx, a))))
}

/// "Kim’s emphasis on “…”": a noun cue owned by a speaker right before the quotation.
fn noun_cue_owner(ctx: &Ctx, at: &Around) -> Option<Found> {
    let qa = at.qa;
    let noun = at.in_ctx.iter().rfind(|c| c.kind == CueKind::Noun && c.end <= qa && qa - c.end <= ADJACENT)?;
    Some((noun.subject?, Some(cue_span(ctx, noun))))
}

/// No cue in the sentence: the first of these that finds a speaker. A cue opening the next
/// sentence ("“…?” Trump said."), a dash signature ("“…” ― Adriana Rodarte"), a bare verb
/// after it ("“…,” Hannity started."), a speaker label ("Wallace: “…”"), the subject of an
/// introduction ([`intro_subject`]); for a whole-sentence quotation a colon ending the previous
/// sentence ([`colon_before`]) or the previous quotation's speaker ([`continued_speaker`]); for
/// a partial one the verb governing it ([`governing_verb`]).
fn fallback_speaker(
    ctx: &Ctx,
    cues: &[Vec<Cue>],
    q: &QuoteSpan,
    at: &Around,
    last: &Option<LastQuote>,
) -> Option<Found> {
    next_sentence_cue(ctx, cues, q, at.sb)
        .or_else(|| signature(ctx, q, at.sb).map(|np| (np, None)))
        .or_else(|| bare_verb_after(ctx, q).map(|(np, v)| (np, Some(v))))
        .or_else(|| label(ctx, &at.lead, at.lo).map(|np| (np, None)))
        .or_else(|| intro_subject(ctx, at))
        .or_else(|| colon_before(ctx, cues, at))
        .or_else(|| continued_speaker(ctx, q, at, last))
        .or_else(|| frame_before(ctx, cues, at))
        .or_else(|| {
            // "Trump openly admires Putin as a “strong leader”": a verb no cue list holds.
            if at.direct || at.marker {
                return None;
            }
            let (np, verb) = governing_verb(ctx, at.lo.max(at.wlo), at.qa)?;
            Some((np, Some(verb)))
        })
}

/// "McConnell delivered a blunt message to Trump: “…”", "He continued, “…”": an introduction in
/// the quotation's own sentence without a cue word; the sentence's first subject.
fn intro_subject(ctx: &Ctx, at: &Around) -> Option<Found> {
    let intro = at.prev_tok == ":" || at.prev_tok == "," && at.lead.len() <= INTRO_TOKENS && at.starts_upper;
    if !intro || at.lead.len() < 2 {
        return None;
    }
    // The subject of the introduction's last verb when it names an actor ("Worried about …,
    // President Obama is rolling out a new campaign message: “…”"), else the sentence's first.
    let lo = at.lo.max(at.wlo);
    let main = at
        .lead
        .iter()
        .rev()
        .find(|&&i| ctx.pos(i) == Pos::Verb && !super::content::is_be(ctx.word(i)))
        .and_then(|&v| verb_subject(ctx, v, lo))
        .filter(|np| np.actor.is_some());
    if let Some(np) = main {
        return Some((np, None));
    }
    let mut np = first_subject(ctx, lo, at.qa)?;
    ctx.resolve(&mut np);
    Some((np, None))
}

/// "Trump told the crowd: / “…”": a whole-sentence quotation after a sentence ending in a
/// colon takes that sentence's verb cue, or the phrase before its last verb ("Caddell
/// continued:", a verb that is not a cue word).
fn colon_before(ctx: &Ctx, cues: &[Vec<Cue>], at: &Around) -> Option<Found> {
    if !at.direct || at.sa == 0 {
        return None;
    }
    let prev = &ctx.seg.sentences[at.sa - 1];
    let ends_colon = prev.tokens.end > prev.tokens.start + 1 && ctx.word(prev.tokens.end - 1) == ":";
    if !ends_colon {
        return None;
    }
    let c = cues[at.sa - 1].iter().rev().find(|c| matches!(c.kind, CueKind::Verb { .. }) && c.subject.is_some());
    if let Some(c) = c {
        return Some((c.subject?, Some(cue_span(ctx, c))));
    }
    let mut np = ctx
        .subject_left(prev.tokens.end - 2, prev.tokens.start)
        .or_else(|| ctx.np_ending_at(prev.tokens.end - 2, prev.tokens.start))?;
    ctx.resolve(&mut np);
    Some((np, None))
}

/// A whole-sentence quotation continuing the previous quotation's speaker: in the same
/// paragraph, or opening the next one when the previous quotation closed its paragraph.
fn continued_speaker(ctx: &Ctx, q: &QuoteSpan, at: &Around, last: &Option<LastQuote>) -> Option<Found> {
    if !at.direct || at.sa == 0 {
        return None;
    }
    let l = last.as_ref()?;
    let seg = ctx.seg;
    let paragraph = seg.sentences[at.sa].paragraph;
    let para_start = seg
        .paragraphs
        .get(paragraph)
        .is_some_and(|p| ctx.text.get(p.start..q.outer.start).is_some_and(|s| s.trim().is_empty()));
    let same = l.paragraph == paragraph;
    if !(same || l.paragraph + 1 == paragraph && l.closes_paragraph && para_start && !l.signed) {
        return None;
    }
    Some((l.speaker?, l.cue.clone()))
}

/// A whole-sentence quotation opening its sentence right after a sentence of the same paragraph
/// that closes on an attribution frame: "…, Schiff said. “The other factor …”", "…, said
/// Schiff. “…”". The frame's speaker (an actor) goes on speaking.
fn frame_before(ctx: &Ctx, cues: &[Vec<Cue>], at: &Around) -> Option<Found> {
    if !at.direct || !at.opens_sentence || at.sa == 0 {
        return None;
    }
    let seg = ctx.seg;
    let (prev, here) = (&seg.sentences[at.sa - 1], &seg.sentences[at.sa]);
    // (A straight opening mark after a full stop may end the previous sentence.)
    let end = prev.tokens.end.min(at.qa);
    if prev.paragraph != here.paragraph || (prev.tokens.start..end).any(|i| ctx.is_quoted(i)) {
        return None;
    }
    let c = cues[at.sa - 1].iter().rev().find(|c| matches!(c.kind, CueKind::Verb { speech: true }))?;
    let np = c.subject.filter(|np| np.actor.is_some())?;
    // The frame opens after a comma and only a short tail ("said Friday.") follows it.
    let (open, close) = if c.inverted { (c.first, np.end) } else { (np.first, c.end) };
    let tail = (close..end).filter(|&i| ctx.is_word(i)).count();
    let after_comma = open > prev.tokens.start && ctx.word(open - 1) == ",";
    (after_comma && close <= end && tail <= 2).then(|| (np, Some(cue_span(ctx, c))))
}

/// A term ("the term “hostile forces”", or a short quotation nobody is found to speak), a
/// direct quotation (a whole sentence) or a partial one.
fn quote_kind(at: &Around, chosen: Option<&Cue>, has_speaker: bool, inner: &str) -> QuoteKind {
    let words = inner.split_whitespace().count();
    let qa = at.qa;
    if at.marker && chosen.map_or(true, |c| c.end > qa || qa - c.end > ADJACENT) || !has_speaker && words <= TERM_WORDS
    {
        QuoteKind::Term
    } else if at.direct {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

/// Whether the quotation closes its paragraph, or only its attribution follows ("“…,” Carson
/// continued."): a paragraph that opens with a quotation next continues the same speaker.
fn closes_paragraph(ctx: &Ctx, q: &QuoteSpan, paragraph: usize) -> bool {
    ctx.seg.paragraphs.get(paragraph).is_some_and(|p| {
        ctx.text.get(q.outer.end..p.end).is_some_and(|s| {
            let s = s.trim();
            // Bounded in bytes, not only in words (`nth`, not `count`): the tail of a paragraph
            // without white space (`x"y"x"y"…`) is one word, and walking it for each quotation
            // was quadratic.
            s.is_empty()
                || s.len() <= TAIL_WORDS * MAX_TAIL_WORD_BYTES
                    && s.split_whitespace().nth(TAIL_WORDS).is_none()
                    && ![". ", "! ", "? "].iter().any(|e| s.contains(e))
        })
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
    let c = cues
        .get(sb + 1)?
        .iter()
        .find(|c| matches!(c.kind, CueKind::Verb { .. }) && c.first < n.tokens.start + ATTRIBUTION_OPENING)?;
    let np = c.subject?;
    // The sentence must be only the attribution: subject and cue first, then a short tail.
    let opens = np.first.min(c.first) == n.tokens.start;
    let cut = (c.end..n.tokens.end).find(|&i| matches!(ctx.word(i), "," | ".")).unwrap_or(n.tokens.end);
    // A longer tail that cannot be a reported clause: an addressee ("Trump told Britain’s ITV
    // television station in an interview …") or a preposition ("he said in an interview …").
    let frame_tail = c.end < n.tokens.end
        && (is_tell(&ctx.lower(c.first)) || ctx.pos(c.end) == Pos::Adp && ctx.lower(c.end) != "that");
    (opens && (cut - c.end <= ATTRIBUTION_TAIL || frame_tail)).then(|| (np, Some(cue_span(ctx, c))))
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
    let pe = ctx.token_at(p.end);
    let mut np = ctx.subject_right(qb, pe)?;
    // A signature is a name ending the paragraph, with a short tail at most ("― Adriana
    // Rodarte, Phoenix"); "“burning the Constitution” - a charge that might have stung" is a
    // sentence going on.
    let tail = np.end..pe;
    if !ctx.is_cap(np.first) || tail.len() > 8 || tail.clone().any(|k| ctx.pos(k) == Pos::Verb) {
        return None;
    }
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
