//! Article cleaning: which parts of a paste are the article, and what it is called.
//!
//! First rule-based version: a paragraph (a run of non-blank lines, or a single line when the
//! paste has no blank lines) is body when it reads like prose: enough words, ends with sentence
//! punctuation. The first short unpunctuated line before the body is the title.

use super::{ArticleText, Page};
use crate::report::{SegmentKind, Span};
use crate::Error;
use std::borrow::Cow;

/// Reads one paste (plain text or HTML) into a [`Page`].
pub fn read(input: &str) -> Result<Page<'_>, Error> {
    let lines = lines(input);
    let mut segments = Vec::new();
    let mut title = None;
    for &l in &lines {
        let t = input[l.start..l.end].trim();
        let words = t.split_whitespace().count();
        let ends = t.ends_with(['.', '"', '\u{201d}', '!', '?', ':']);
        if words >= 12 && ends {
            segments.push((SegmentKind::Body, l));
        } else if title.is_none() && segments.is_empty() && words >= 4 && !ends {
            title = Some(t.to_string());
            segments.push((SegmentKind::Title, l));
        }
    }
    let extent = Span::new(0, input.len());
    Ok(Page {
        text: Cow::Borrowed(input),
        html: false,
        articles: vec![ArticleText { extent, title, segments, ..Default::default() }],
    })
}

/// Non-blank lines as trimmed spans.
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start().len());
        let end = pos + line.trim_end().len();
        if end > start {
            out.push(Span::new(start, end));
        }
        pos += line.len();
    }
    out
}
