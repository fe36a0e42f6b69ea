//! Segmentation: paragraphs → sentences → tokens, all byte spans into the page text.
//!
//! First version: tokens are runs of letters/digits (with inner hyphens, apostrophes, periods
//! and commas between digits) or single punctuation characters; a sentence ends after `.`, `!`
//! or `?` (optionally followed by closing quotes) when the next token starts with a capital.

use crate::report::Span;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Span>,
}

/// Segments the given paragraphs of `text`.
pub fn segment(text: &str, paragraphs: &[Span]) -> Segmented {
    let mut seg = Segmented { paragraphs: paragraphs.to_vec(), ..Default::default() };
    for (pi, p) in paragraphs.iter().enumerate() {
        let first = seg.tokens.len();
        tokenize(text, *p, &mut seg.tokens);
        let toks = &seg.tokens[first..];
        let mut start = 0;
        for i in 0..toks.len() {
            let t = &text[toks[i].start..toks[i].end];
            let ender = matches!(t, "." | "!" | "?");
            let mut end = i + 1;
            if ender {
                while end < toks.len() && is_closing_quote(&text[toks[end].start..toks[end].end]) {
                    end += 1;
                }
            }
            let next_cap = toks
                .get(end)
                .map(|n| text[n.start..n.end].chars().next().is_some_and(|c| c.is_uppercase() || is_opening_quote_char(c)))
                .unwrap_or(true);
            if (ender && next_cap && end > start && (end == toks.len() || end > i)) || i + 1 == toks.len() {
                let end = end.max(i + 1).min(toks.len());
                if end > start {
                    seg.sentences.push(Sentence {
                        span: Span::new(toks[start].start, toks[end - 1].end),
                        tokens: first + start..first + end,
                        paragraph: pi,
                    });
                    start = end;
                }
            }
        }
    }
    seg
}

fn is_closing_quote(t: &str) -> bool {
    matches!(t, "\"" | "\u{201d}" | "\u{2019}" | "'" | "\u{bb}" | ")")
}

fn is_opening_quote_char(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\'' | '(')
}

fn tokenize(text: &str, span: Span, out: &mut Vec<Span>) {
    let s = &text[span.start..span.end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = it.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    it.next();
                } else if matches!(d, '-' | '\'' | '\u{2019}' | '.' | ',') {
                    // Joiner: keep when followed by an alphanumeric (and for . , only between digits).
                    let next = s[j + d.len_utf8()..].chars().next();
                    let prev_digit = s[..j].chars().next_back().is_some_and(|p| p.is_ascii_digit());
                    let ok = match (d, next) {
                        ('.' | ',', Some(n)) => prev_digit && n.is_ascii_digit(),
                        (_, Some(n)) => n.is_alphanumeric(),
                        _ => false,
                    };
                    if !ok {
                        break;
                    }
                    it.next();
                } else {
                    break;
                }
            }
            out.push(Span::new(span.start + i, span.start + end));
        } else {
            out.push(Span::new(span.start + i, span.start + i + c.len_utf8()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let seg = segment(text, &[Span::new(0, text.len())]);
        seg.tokens.iter().map(|s| &text[s.start..s.end]).collect()
    }

    #[test]
    fn keeps_numbers_and_hyphenated_names_whole() {
        assert_eq!(words("Kim Jong-un sent 11,000 troops."), vec!["Kim", "Jong-un", "sent", "11,000", "troops", "."]);
    }

    #[test]
    fn splits_sentences() {
        let t = "He left. She stayed \u{201c}home.\u{201d} Then it rained.";
        let seg = segment(t, &[Span::new(0, t.len())]);
        assert_eq!(seg.sentences.len(), 3);
    }
}
