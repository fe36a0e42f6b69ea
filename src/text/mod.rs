//! Stage 1, text: from what a person pasted to article text with offsets.
//!
//! A paste is plain text or HTML. [`read`] turns it into a [`Page`]: the text every later offset
//! points into (the paste itself for plain text, the visible text for HTML) and the articles
//! found in it, each with its metadata and its pieces (title, dateline, body paragraphs,
//! captions). [`segment`] then cuts an article's body into paragraphs, sentences and tokens,
//! all as byte spans into the page text, so nothing downstream ever loses its place.

pub mod blocks;
pub mod clean;
pub mod html;
pub mod meta;
pub mod pos;
pub mod segment;
pub mod split;
pub mod tokens;

pub use clean::read;
pub use segment::{segment, Segmented, Sentence};
pub use tokens::Tokens;

use crate::report::SegmentKind;
use crate::span::Span;

use std::borrow::Cow;

/// One paste, read.
#[derive(Debug, Clone)]
pub struct Page<'a> {
    /// The text all spans point into.
    pub text: Cow<'a, str>,
    /// Whether the paste was HTML (then `text` is the extracted visible text).
    pub html: bool,
    pub articles: Vec<ArticleText>,
}

/// One article inside a page.
#[derive(Debug, Clone, Default)]
pub struct ArticleText {
    /// From the first to the last byte that belongs to this article (junk included).
    pub extent: Span,
    pub title: Option<String>,
    /// ISO `YYYY-MM-DD`.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// Title, dateline, byline, body paragraphs and captions, in text order. Junk is absent.
    pub segments: Vec<(SegmentKind, Span)>,
}

impl ArticleText {
    /// The body paragraphs, in order.
    pub fn body(&self) -> Vec<Span> {
        self.segments.iter().filter(|(k, _)| *k == SegmentKind::Body).map(|&(_, s)| s).collect()
    }
    /// The pieces read for names, in text order: the title, the captions and the body
    /// paragraphs, each with its kind (datelines and bylines are left out: a byline's name is
    /// the reporter's, not an actor of the story).
    pub fn named_text(&self) -> Vec<(SegmentKind, Span)> {
        self.segments
            .iter()
            .filter(|(k, _)| matches!(k, SegmentKind::Title | SegmentKind::Caption | SegmentKind::Body))
            .copied()
            .collect()
    }
    /// Spans of headline-like text (the title), which the tagger reads in a headline mode.
    pub fn headlines(&self) -> Vec<Span> {
        self.segments.iter().filter(|(k, _)| *k == SegmentKind::Title).map(|&(_, s)| s).collect()
    }
}
