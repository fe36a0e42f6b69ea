//! Finding quoted spans. First version: matched double quotation marks (straight or curly)
//! within one paragraph; an unmatched mark is dropped at the paragraph end.

use crate::report::Span;
use crate::text::Segmented;

/// A quoted span: `outer` includes the marks, `inner` is the quoted text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuoteSpan {
    pub outer: Span,
    pub inner: Span,
}

pub fn find(text: &str, seg: &Segmented) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    for p in &seg.paragraphs {
        let s = &text[p.start..p.end];
        let mut open: Option<usize> = None;
        for (i, c) in s.char_indices() {
            match (c, open) {
                ('\u{201c}', _) => open = Some(i),
                ('"', None) => open = Some(i),
                ('\u{201d}' | '"', Some(o)) => {
                    let inner = Span::new(p.start + o + 1 + (s[o..].chars().next().map_or(1, char::len_utf8) - 1), p.start + i);
                    out.push(QuoteSpan { outer: Span::new(p.start + o, p.start + i + c.len_utf8()), inner });
                    open = None;
                }
                _ => {}
            }
        }
    }
    out
}
