//! Reported speech: what is said without quotation marks.
//!
//! Reported speech ([`QuoteKind::Indirect`]) is read from the cues of [`super::scan`]: "X said (that) …",
//! "X told Y that …", "…, X said.", "according to X, …", "Asked whether …,", the object of a
//! speech-act verb that takes no clause ("Sanders criticized the trade deal"), and the object or
//! clause of a stance verb with a subject ("Trump wants to build a wall"; the list is
//! `data/lexicons/stance_verbs.txt`). Its span is the reported clause
//! without the complementizer "that" and without the sentence's final stop; a quotation inside
//! it is also reported on its own, as a partial quote of the same speaker.

use super::cues::{cue_word, is_stance, is_tell};
use super::scan::{cue_span, verb_subject, Cue, CueKind, WINDOW};
use super::speaker::{actor_id, same_speaker, Ctx, Np};
use crate::lexicon::{lexicon, lower};
use crate::report::{Quote, QuoteKind};
use crate::span::{Span, TextSpan};
use crate::text::pos::Pos;
use std::collections::{BTreeMap, HashSet};

/// Time words a mid-sentence frame may carry before its closing comma (", Kim said on
/// Tuesday, …"): four.
const FRAME_TIME_WORDS: usize = 4;

/// How far after "asked" its question word may come ("asked by a reporter whether …").
const QUESTION_REACH: usize = 6;

/// How far after a speech verb its "that" may come, past adverbials ("said on Monday in a
/// statement that …"); further, a "that" is in a clause of its own.
const THAT_REACH: usize = 10;

/// The fewest tokens a bare reported clause (no "that") has: a subject, a verb and more ("said
/// the talks had failed"); fewer is an object ("said goodbye").
const BARE_CLAUSE_TOKENS: usize = 4;

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

/// Reported speech in one sentence `[lo, hi)`, appended to `out`.
/// `closing` holds the byte offsets of cues that close a quotation before them ("“…,” he told
/// Sen. Flake", "“…,” Romney tweeted the day after …"): what follows such a verb is the
/// circumstance, not more speech.
pub(super) fn reported_speech(
    ctx: &Ctx,
    cues: &[Cue],
    lo: usize,
    hi: usize,
    closing: &HashSet<usize>,
    out: &mut Vec<Quote>,
) {
    let according = cues.iter().find(|c| c.kind == CueKind::According && c.subject.is_some());
    let tails: Vec<bool> = cues.iter().map(|c| closing.contains(&ctx.seg.tokens[c.first].start)).collect();
    // Disjoint token ranges already reported, by start.
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut add = |from: usize, to: usize, c: &Cue, via_from: Option<&Cue>, taken: &mut BTreeMap<usize, usize>| {
        let (from, to) = trim(ctx, from, to);
        if to <= from + 2 || taken.range(..to).next_back().is_some_and(|(_, &b)| from < b) {
            return;
        }
        if mostly_quoted(ctx, from, to) {
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
            parts: Vec::new(),
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
pub(super) fn headline_colon(ctx: &Ctx, si: usize, out: &mut Vec<Quote>) {
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
    if mostly_quoted(ctx, from, to) {
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
        parts: Vec::new(),
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
    while k < hi && k < c.end + FRAME_TIME_WORDS && lexicon().is_time_word(&ctx.lower(k)) {
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
        let wh = (j..hi.min(j + QUESTION_REACH)).take_while(|&k| !ctx.is_quoted(k) && ctx.word(k) != ",").find(|&k| {
            matches!(ctx.lower(k).as_str(), "whether" | "if" | "why" | "how" | "what" | "who" | "when" | "where")
        });
        if let Some(k) = wh.filter(|&k| k + 2 < hi) {
            return Some(k);
        }
    }
    // A "that" within a few tokens, past adverbials ("said on Monday in a statement that").
    let mut k = j;
    while k < hi && k < start + THAT_REACH {
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
    (hi - j >= BARE_CLAUSE_TOKENS).then_some(j)
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

/// Whether at least 80% of tokens `from..to` are quoted: a reported clause that is mostly a
/// quotation is that quotation, attributed already; a few quoted words inside one are not.
fn mostly_quoted(ctx: &Ctx, from: usize, to: usize) -> bool {
    (from..to).filter(|&k| ctx.is_quoted(k)).count() * 10 >= (to - from) * 8
}
