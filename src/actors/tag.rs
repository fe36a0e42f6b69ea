//! Entity mention tagging. First version: runs of capitalised tokens, typed by a few suffixes.

use super::{EntityKind, EntityMention};
use crate::report::Span;
use crate::text::Segmented;

/// Tags entity mentions in the segmented body of an article.
pub fn tag(text: &str, seg: &Segmented) -> Vec<EntityMention> {
    let mut out = Vec::new();
    for s in &seg.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let cap = |k: usize| {
                let t = &text[seg.tokens[k].start..seg.tokens[k].end];
                t.chars().next().is_some_and(|c| c.is_uppercase()) && t.chars().count() > 1
            };
            if cap(i) && i != s.tokens.start {
                let mut j = i + 1;
                while j < s.tokens.end && cap(j) {
                    j += 1;
                }
                let span = Span::new(seg.tokens[i].start, seg.tokens[j - 1].end);
                let t = &text[span.start..span.end];
                let kind = if t.ends_with("Agency") || t.ends_with("Council") || t.ends_with("Department") {
                    EntityKind::Org
                } else {
                    EntityKind::Per
                };
                out.push(EntityMention { span, kind, tokens: i..j });
                i = j;
            } else {
                i += 1;
            }
        }
    }
    out
}
