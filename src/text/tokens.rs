//! The token view every later stage reads a segmented article through: token `i`'s word, its
//! lower case, the span of a range of tokens, the token at a byte offset.

use crate::lexicon::{lower, starts_upper};
use crate::span::Span;
use std::ops::Range;

/// The tokens of one segmented article over the text they point into.
#[derive(Clone, Copy)]
pub struct Tokens<'a> {
    pub text: &'a str,
    pub toks: &'a [Span],
}

impl<'a> Tokens<'a> {
    pub fn new(text: &'a str, toks: &'a [Span]) -> Tokens<'a> {
        Tokens { text, toks }
    }

    /// The word of token `i` ("" past the end).
    pub fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }

    /// The word of token `i`, lower-cased.
    pub fn lower(&self, i: usize) -> String {
        lower(self.word(i))
    }

    /// [`Tokens::lower`], borrowed when the word is lower-case ASCII already (most words).
    pub fn lower_cow(&self, i: usize) -> std::borrow::Cow<'a, str> {
        crate::lexicon::words::lower_cow(self.word(i))
    }

    /// Whether token `i` starts with a capital letter.
    pub fn is_cap(&self, i: usize) -> bool {
        starts_upper(self.word(i))
    }

    /// A possessive `'s` token ("Russia’s").
    pub fn is_possessive(&self, i: usize) -> bool {
        matches!(self.word(i), "\u{2019}s" | "'s" | "\u{2019}S" | "'S")
    }

    /// The byte span of tokens `r` (empty when `r` is empty or out of range).
    pub fn span(&self, r: Range<usize>) -> Span {
        match (self.toks.get(r.start), r.end.checked_sub(1).and_then(|e| self.toks.get(e))) {
            (Some(a), Some(b)) if r.start < r.end => Span::new(a.start, b.end),
            _ => Span::default(),
        }
    }

    /// The text of tokens `r`.
    pub fn slice(&self, r: Range<usize>) -> &'a str {
        let s = self.span(r);
        &self.text[s.start..s.end]
    }

    /// Index of the first token starting at or after byte `at`.
    pub fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.start < at)
    }
}
