//! One remark, one quote: a quotation interrupted by its cue or continued over paragraphs
//! becomes one [`Quote`] with several [`parts`](Quote::parts), the way PolNeAR and PARC
//! annotate it.
//!
//! - **Interrupted by its cue**: “We will not back down,” she said, “not now, not ever.” The
//!   attribution gives both pieces the same cue occurrence; they are joined when the first is a
//!   direct quotation, the second follows it in the same paragraph, and the words between them
//!   are only that cue and its speaker ("she said", "said Smith"): ", adding that the plan was
//!   “a disaster”" is a second remark, and stays one.
//! - **Continued over paragraphs**: a paragraph that ends inside a quotation and a next one that
//!   opens with a quotation mark is the newspaper convention for one quotation going on;
//!   [`find`](super::find) already reads it as one span, which is split here at each paragraph
//!   break so the parts hold only the quoted words.
//!
//! The quote keeps the whole extent in `start`/`end` and its words, the parts joined by a space,
//! in `text`. Linear in the number of quotes (they are visited once, in text order).

use crate::report::{Quote, QuoteKind};
use crate::span::Span;

/// Joins the pieces of interrupted quotations and splits paragraph-continued ones into parts.
/// `quotes` may be in any order; it comes back in text order of the first piece.
pub fn join_parts(text: &str, quotes: &mut Vec<Quote>) {
    for q in quotes.iter_mut().filter(|q| q.kind == QuoteKind::Direct) {
        split_paragraphs(text, q);
    }
    quotes.sort_by_key(|q| (q.start, q.end));
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes.drain(..) {
        match out.last_mut() {
            Some(prev) if interrupted(text, prev, &q) => append(text, prev, &q),
            _ => out.push(q),
        }
    }
    *quotes = out;
}

/// Whether `next` continues `prev` across its own cue: both attributed to one cue occurrence
/// and one speaker, `prev` a direct quotation, and only that cue and its speaker between them,
/// within one paragraph.
fn interrupted(text: &str, prev: &Quote, next: &Quote) -> bool {
    let (Some(c1), Some(c2)) = (&prev.cue, &next.cue) else { return false };
    if prev.kind != QuoteKind::Direct
        || !matches!(next.kind, QuoteKind::Direct | QuoteKind::Partial)
        || (c1.start, c1.end) != (c2.start, c2.end)
        || prev.speaker != next.speaker
        || !(prev.end <= c1.start && c1.end <= next.start)
        || next.start - prev.end > 160
    {
        return false;
    }
    let Some(gap) = text.get(prev.end..next.start) else { return false };
    if gap.contains('\n') {
        return false;
    }
    // Every word in the gap belongs to the cue or to the words naming the speaker.
    let allowed = |at: usize| {
        (c1.start..c1.end).contains(&at)
            || prev.speaker_span.or(next.speaker_span).is_some_and(|s| (s.start..s.end).contains(&at))
    };
    gap.char_indices().all(|(i, c)| !c.is_alphanumeric() || allowed(prev.end + i))
}

/// Adds `next`'s pieces to `prev` and makes the joined text.
fn append(text: &str, prev: &mut Quote, next: &Quote) {
    let mut parts = prev.pieces();
    parts.extend(next.pieces());
    prev.end = next.end;
    prev.kind = QuoteKind::Direct;
    prev.speaker_span = prev.speaker_span.or(next.speaker_span);
    for v in &next.via {
        if !prev.via.contains(v) {
            prev.via.push(v.clone());
        }
    }
    set_parts(text, prev, parts);
}

/// Splits a direct quotation that runs over paragraph breaks into one part per paragraph: each
/// part ends before the break (trailing spaces left out) and the next starts after the
/// quotation mark that reopens it.
fn split_paragraphs(text: &str, q: &mut Quote) {
    let Some(s) = text.get(q.start..q.end) else { return };
    if !s.contains('\n') {
        return;
    }
    let mut parts = Vec::new();
    let mut from = q.start;
    let mut rest = 0;
    while let Some(k) = s[rest..].find('\n') {
        let brk = q.start + rest + k;
        // The next paragraph's first non-space character, which must reopen the quotation.
        let after = &text[brk..q.end];
        let body = after.trim_start();
        let Some(mark) = body.chars().next().filter(|&c| reopens(c)) else {
            // A break that is not a continuation: keep the quote as found.
            return;
        };
        let end = from + text[from..brk].trim_end().len();
        if end > from {
            parts.push(Span::new(from, end));
        }
        from = q.end - body.len() + mark.len_utf8();
        rest = from - q.start;
    }
    if from < q.end {
        parts.push(Span::new(from, q.end));
    }
    if parts.len() > 1 {
        set_parts(text, q, parts);
    }
}

/// A mark that can open a quotation at a paragraph's start (some writers open with ”).
fn reopens(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{201d}' | '"' | '\u{ff02}' | '\u{ab}' | '\u{2018}' | '\'')
}

fn set_parts(text: &str, q: &mut Quote, parts: Vec<Span>) {
    q.text = parts.iter().filter_map(|p| text.get(p.start..p.end)).collect::<Vec<_>>().join(" ");
    if let (Some(first), Some(last)) = (parts.first(), parts.last()) {
        (q.start, q.end) = (first.start, last.end);
    }
    q.parts = parts;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::TextSpan;

    fn quote(text: &str, words: &str, kind: QuoteKind, cue: &str) -> Quote {
        let start = text.find(words).unwrap();
        let c = text.find(cue).unwrap();
        Quote {
            start,
            end: start + words.len(),
            text: words.to_string(),
            kind,
            speaker: Some("a1:p1".into()),
            speaker_span: None,
            cue: Some(TextSpan { start: c, end: c + cue.len(), text: cue.to_string() }),
            via: vec![],
            content: None,
            parts: Vec::new(),
        }
    }

    #[test]
    fn a_quotation_interrupted_by_its_cue_is_one_quote() {
        let t = "“We will not back down,” she said, “not now, not ever.”";
        let mut qs = vec![
            quote(t, "not now, not ever.", QuoteKind::Partial, "she said"),
            quote(t, "We will not back down,", QuoteKind::Direct, "she said"),
        ];
        join_parts(t, &mut qs);
        assert_eq!(qs.len(), 1);
        assert_eq!(qs[0].text, "We will not back down, not now, not ever.");
        assert_eq!(qs[0].kind, QuoteKind::Direct);
        assert_eq!(qs[0].parts.len(), 2);
        assert_eq!(&t[qs[0].start..qs[0].end], "We will not back down,” she said, “not now, not ever.");
    }

    #[test]
    fn a_second_remark_after_the_cue_stays_apart() {
        let t = "“We will not back down,” she said, adding that the plan was “a disaster.”";
        let mut qs = vec![
            quote(t, "We will not back down,", QuoteKind::Direct, "said"),
            quote(t, "a disaster.", QuoteKind::Partial, "said"),
        ];
        join_parts(t, &mut qs);
        assert_eq!(qs.len(), 2);
        assert!(qs.iter().all(|q| q.parts.is_empty()));
    }

    #[test]
    fn a_quotation_continued_over_paragraphs_is_split_at_the_break() {
        let t = "“This is the moment. We owe it to them.\n\n“And we will act,” he added.";
        let words = "This is the moment. We owe it to them.\n\n“And we will act,";
        let mut qs = vec![quote(t, words, QuoteKind::Direct, "added")];
        join_parts(t, &mut qs);
        assert_eq!(qs[0].text, "This is the moment. We owe it to them. And we will act,");
        let parts: Vec<&str> = qs[0].parts.iter().map(|p| &t[p.start..p.end]).collect();
        assert_eq!(parts, ["This is the moment. We owe it to them.", "And we will act,"]);
    }
}
