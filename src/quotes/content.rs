//! What a quotation attributes: the reporter's clause around a partial quote.
//!
//! A partial quotation rarely stands alone: in "Trump openly admires Russian President Vladimir
//! Putin as a “strong leader”" the speaker's two words only mean something together with the
//! reporter's "Russian President Vladimir Putin as a", and in "Not paying taxes “makes me
//! smart,” Trump said" the attributed claim starts before the quotation. Annotated attribution
//! corpora (PolNeAR, PARC) mark that whole proposition as the *content*. [`content`] finds it
//! without a parser, with the part-of-speech tags of [`crate::text::pos`]:
//!
//! * **Left edge.** With a cue before the quotation in the same sentence, the content starts
//!   after the cue (past a complementizer "that"). With the cue after it ("…, Trump said"), it
//!   starts at the sentence start. Otherwise it starts after the nearest verb to the left that
//!   is not a form of "be" (the word governing the quoted phrase: "admires", "pounding",
//!   "introduced"), after a following preposition ("support **for**"), after a complementizer
//!   "that", or at a clause mark (`;` `:` `—` `(`) or the sentence start.
//! * **Right edge.** A quotation closing its clause (punctuation just inside or after the
//!   closing mark, or the sentence end) ends the content. One that stops mid-clause ("under
//!   “constant attack” from foreign powers") runs on to the clause end: the next `,` `;` `:`
//!   `—` `(`, a conjunction before a verb ("… and called for"), or the sentence end.
//!
//! These rules only *propose* the edges: [`super::edges`] then chooses among the token
//! boundaries within [`REACH`] tokens either side, with a model learned from annotated news
//! (PolNeAR) in which the rules' proposal is one feature among the words and tags around it.
//!
//! Every scan is bounded ([`REACH`] tokens), so the cost is linear in the quotes.

use crate::report::{Quote, QuoteKind};
use crate::span::Span;
use crate::text::pos::Pos;
use crate::text::Segmented;

/// How many tokens either side of a quotation the edges may move.
pub const REACH: usize = 40;

/// The content span of `q` (byte offsets into `text`); the quote's own span when there is
/// nothing around it to add (whole-sentence quotations, reported speech, terms).
pub fn content(text: &str, seg: &Segmented, pos: &[Pos], q: &Quote) -> Span {
    content_clause(text, seg, pos, q).0
}

/// [`content`], and whether the quotation sits in a clause of its own: a verb stands between
/// its cue and it ("Trump tweeted that Machado was “a con” and **encouraged** Americans to
/// “check out” …"), so it is a second attribution under the same cue, not part of the first.
///
/// The rules above propose each edge; the learned model of [`super::edges`] then picks among
/// the nearby token boundaries, with the rule's proposal as one of its features.
pub fn content_clause(text: &str, seg: &Segmented, pos: &[Pos], q: &Quote) -> (Span, bool) {
    let own = Span::new(q.start, q.end);
    let Some(f) = frame(text, seg, pos, q) else { return (own, false) };
    let (left, right) = super::edges::choose(&f);
    (f.span(left, right), f.own_clause)
}

/// Which rule proposed an edge (a feature of the learned choice).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Left: right after the quotation's cue (past "that").
    AfterCue,
    /// Left: a verb of its own between the cue and the quotation starts a clause.
    OwnClause,
    /// Left: the cue follows the quotation, so the sentence start.
    CueAfter,
    /// Left: what stopped the leftward scan.
    Scan(Edge),
    /// Right: the quotation closes its clause.
    Closes,
    /// Right: the clause end found by the rightward scan.
    ClauseEnd,
    /// Right: no clause end within reach; the quotation's end.
    NoEnd,
}

/// A partial quotation in its sentence, as the edge choice sees it: token indices into
/// `seg.tokens`, the rules' proposals, and the candidates either side.
pub(crate) struct Frame<'a> {
    pub text: &'a str,
    pub toks: &'a [Span],
    pub pos: &'a [Pos],
    pub q: &'a Quote,
    /// The sentence's tokens.
    pub lo: usize,
    pub hi: usize,
    /// The first opening-mark token, and the token after the closing marks.
    pub open: usize,
    pub close: usize,
    /// The cue's tokens, when it lies in this sentence.
    pub cue: Option<(usize, usize)>,
    /// The cue's first word, lower-cased ("-" without `cue`): verbs differ in how far back
    /// their content reaches ("says he believes his …" vs "called it a …").
    pub cue_word: String,
    /// The quotation's own last character when it ends a clause (`,` `.` `;` `:` `!` `?`).
    pub end_punct: Option<char>,
    /// The rules' edges: the content starts at token `left` and ends before token `right`.
    pub left: usize,
    pub left_rule: Rule,
    pub right: usize,
    pub right_rule: Rule,
    pub own_clause: bool,
    /// Per token from `window_lo`, up to [`REACH`] tokens either side of the quotation: whether
    /// it is a cue word of the lexicon (looked up once here, not per edge candidate).
    cue_words: Vec<bool>,
    window_lo: usize,
}

impl Frame<'_> {
    pub fn word(&self, i: usize) -> &str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    pub fn tag(&self, i: usize) -> Pos {
        self.pos.get(i).copied().unwrap_or(Pos::Other)
    }

    /// Whether token `i` is a cue word (verb or noun of the cue lexicon).
    pub fn is_cue_word(&self, i: usize) -> bool {
        i.checked_sub(self.window_lo).and_then(|k| self.cue_words.get(k)).copied().unwrap_or(false)
    }

    /// Left candidates: the [`REACH`] boundaries before the quotation, and the rule's.
    pub fn lefts(&self) -> impl Iterator<Item = usize> {
        let floor = self.lo.max(self.open.saturating_sub(REACH));
        std::iter::once(self.left).filter(move |&l| l < floor).chain(floor..=self.open)
    }

    /// Right candidates: the [`REACH`] boundaries after the quotation (to the sentence end).
    pub fn rights(&self) -> impl Iterator<Item = usize> {
        let ceil = self.hi.min(self.close + REACH).max(self.close);
        std::iter::once(self.right).filter(move |&r| r > ceil).chain(self.close..=ceil)
    }

    /// Byte span from a start token to an end boundary; never narrower than the quotation.
    pub fn span(&self, left: usize, right: usize) -> Span {
        let start = self.toks.get(left).map_or(self.q.start, |t| t.start).min(self.q.start);
        let end = if right <= self.close {
            self.q.end
        } else {
            right.checked_sub(1).and_then(|e| self.toks.get(e)).map_or(self.q.end, |t| t.end).max(self.q.end)
        };
        Span::new(start, end)
    }
}

/// The frame of a partial quotation; `None` for other kinds or one outside every sentence.
pub(crate) fn frame<'a>(text: &'a str, seg: &'a Segmented, pos: &'a [Pos], q: &'a Quote) -> Option<Frame<'a>> {
    if q.kind != QuoteKind::Partial {
        return None;
    }
    let toks = &seg.tokens;
    // First token at or after the quotation start, and the first one at or after its end.
    let first = toks.partition_point(|t| t.start < q.start);
    let after = toks.partition_point(|t| t.start < q.end);
    let sent = seg.sentences.get(seg.sentences.partition_point(|s| s.tokens.end <= first))?;
    let (lo, hi) = (sent.tokens.start, sent.tokens.end);
    let word = |i: usize| toks.get(i).and_then(|t| text.get(t.start..t.end)).unwrap_or("");
    let tag = |i: usize| pos.get(i).copied().unwrap_or(Pos::Other);
    let is_mark = |i: usize| is_quote_mark(word(i));
    let tok_of = |b: usize| toks.partition_point(|t| t.start < b);
    let cue = q.cue.as_ref().map(|c| (tok_of(c.start), tok_of(c.end))).filter(|&(a, b)| a >= lo && b <= hi && a < b);

    // ---- left edge ----
    // The opening mark(s) of this quotation.
    let mut open = first;
    while open > lo && is_mark(open - 1) {
        open -= 1;
    }
    let mut own_clause = false;
    let (left, left_rule) = match q.cue.as_ref() {
        Some(c) if c.end <= q.start && c.start >= toks.get(lo).map_or(0, |t| t.start) => {
            let mut i = tok_of(c.end);
            while i < open && (word(i) == "," || word(i).eq_ignore_ascii_case("that")) {
                i += 1;
            }
            // A later "that" between cue and quote ("said on Friday that …") opens the clause.
            if let Some(k) = (i..open).rev().find(|&k| word(k).eq_ignore_ascii_case("that")) {
                i = k + 1;
            }
            // A coordinated verb of its own between the cue and the quotation ("… and
            // encouraged Americans to “check out” …") starts a new clause; a verb inside the
            // reported clause ("said she wanted to speak “directly …”") does not.
            let coordinated = |v: usize| {
                let mut b = v;
                while b > i && matches!(tag(b - 1), Pos::Adv | Pos::Verb) {
                    b -= 1;
                }
                b > i && tag(b - 1) == Pos::Conj
            };
            match left_edge(i, open, &word, &tag) {
                (k, Edge::Verb(v)) if k > i && coordinated(v) => {
                    own_clause = true;
                    (k, Rule::OwnClause)
                }
                _ => (i.min(open), Rule::AfterCue),
            }
        }
        Some(c) if c.start >= q.end && toks.get(hi.saturating_sub(1)).is_some_and(|t| c.end <= t.end) => {
            (lo, Rule::CueAfter)
        }
        _ => {
            let (k, e) = left_edge(lo, open, &word, &tag);
            (k, Rule::Scan(e))
        }
    };
    // ---- right edge ----
    let mut close = after;
    while close < hi && is_mark(close) {
        close += 1;
    }
    let end_punct = q.text.trim_end().chars().last().filter(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?'));
    let closes_clause = end_punct.is_some()
        || close >= hi
        || matches!(word(close), "," | "." | ";" | ":" | "!" | "?" | ")" | "\u{2014}" | "--" | "\u{2013}");
    let (right, right_rule) = if closes_clause {
        (close, Rule::Closes)
    } else {
        match right_edge(close, hi, &word, &tag) {
            Some(e) => (e.max(close), Rule::ClauseEnd),
            None => (close, Rule::NoEnd),
        }
    };
    // The candidates' reach (see `lefts` and `rights`) with the rules' own edges, and the word
    // before the first one.
    let window_lo = lo.max(open.saturating_sub(REACH)).min(left).saturating_sub(1).max(lo);
    let window_hi = hi.min(close + REACH).max(right) + 1;
    let cue_words = (window_lo..window_hi.max(window_lo))
        .map(|k| !is_quote_mark(word(k)) && super::cues::cue_word(&crate::lexicon::lower(word(k))).is_some())
        .collect();
    let cue_word = cue.map_or_else(|| "-".to_string(), |(a, _)| word(a).to_lowercase());
    Some(Frame {
        cue_word,
        cue_words,
        window_lo,
        text,
        toks,
        pos,
        q,
        lo,
        hi,
        open,
        close,
        cue,
        end_punct,
        left,
        left_rule,
        right,
        right_rule,
        own_clause,
    })
}

/// What stopped the leftward scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    /// A verb, at this token.
    Verb(usize),
    That,
    /// Another quotation's mark or a clause mark.
    Mark,
    /// The scan's floor (sentence start or cue).
    Floor,
}

fn left_edge<'a>(
    lo: usize,
    open: usize,
    word: &impl Fn(usize) -> &'a str,
    tag: &impl Fn(usize) -> Pos,
) -> (usize, Edge) {
    let floor = lo.max(open.saturating_sub(REACH));
    let mut i = open;
    while i > floor {
        let k = i - 1;
        let w = word(k);
        if is_quote_mark(w) || matches!(w, ";" | ":" | "(" | "\u{2014}" | "--" | "\u{2013}") {
            return (i, Edge::Mark);
        }
        if w.eq_ignore_ascii_case("that") && matches!(tag(k), Pos::Adp | Pos::Det) && k + 1 < open {
            return (i, Edge::That);
        }
        if tag(k) == Pos::Verb && !is_be(w) {
            // Past the verb's own preposition or particle ("support for", "gone after").
            let mut s = i;
            while s < open && matches!(tag(s), Pos::Adp | Pos::Prt) && !word(s).eq_ignore_ascii_case("as") {
                s += 1;
            }
            return (s, Edge::Verb(k));
        }
        i = k;
    }
    (if floor == lo { lo } else { open }, Edge::Floor)
}

fn right_edge<'a>(
    from: usize,
    hi: usize,
    word: &impl Fn(usize) -> &'a str,
    tag: &impl Fn(usize) -> Pos,
) -> Option<usize> {
    let ceil = hi.min(from + REACH);
    let mut i = from;
    while i < ceil {
        let w = word(i);
        if is_quote_mark(w) || matches!(w, "," | ";" | ":" | "(" | "\u{2014}" | "--" | "\u{2013}" | "." | "!" | "?") {
            return Some(i);
        }
        if tag(i) == Pos::Conj && tag(i + 1) == Pos::Verb {
            return Some(i);
        }
        i += 1;
    }
    (i == hi).then_some(i)
}

/// Forms of "be", auxiliaries and modals: verbs that never govern a quotation themselves.
pub(crate) fn is_be(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "'s"
            | "\u{2019}s"
            | "'re"
            | "\u{2019}re"
            | "has"
            | "have"
            | "had"
            | "having"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "shall"
            | "may"
            | "might"
            | "must"
            | "do"
            | "does"
            | "did"
            | "'ll"
            | "\u{2019}ll"
            | "'d"
            | "\u{2019}d"
            | "'ve"
            | "\u{2019}ve"
    )
}

pub(crate) fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "\u{201c}" | "\u{201d}" | "\u{ab}" | "\u{bb}" | "''" | "``" | "\u{2018}" | "\u{2019}" | "'")
}
