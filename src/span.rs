//! Byte spans: the unit every stage speaks in.
//!
//! The bottom of the crate, with [`crate::report`] and [`crate::lexicon`]. Every `start`/`end`
//! inside Rust is a UTF-8 byte offset into the text of one input; the shells convert them once,
//! at the edge ([`crate::report::convert_offsets`]).

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` into an article's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// A span together with the text it covers (the text is a copy, for readers of the JSON).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

impl TextSpan {
    pub fn of(text: &str, span: Span) -> TextSpan {
        TextSpan { start: span.start, end: span.end, text: text[span.start..span.end].to_string() }
    }
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}
