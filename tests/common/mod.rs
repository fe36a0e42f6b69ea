//! Helpers shared by the actor test files (`tests/actors.rs`, `tests/actor_kinds.rs`): each
//! resolves a small text with hand-placed entity mentions, a stand-in for the tagger.

use newslens::actors::{resolve, ArticleActors, EntityKind, EntityMention};
use newslens::report::{Actor, Span};
use newslens::text::segment;

/// Resolves `text` with a mention for every occurrence of each `(string, kind)`; a string
/// ending in `#N` tags only its N-th occurrence (from 0).
pub fn resolve_with(text: &str, tags: &[(&str, EntityKind)]) -> ArticleActors {
    let paras: Vec<Span> = {
        let mut out = Vec::new();
        let mut pos = 0;
        for p in text.split("\n\n") {
            out.push(Span::new(pos, pos + p.len()));
            pos += p.len() + 2;
        }
        out
    };
    let seg = segment(text, &paras);
    let mut mentions = Vec::new();
    for &(tag, kind) in tags {
        let (s, nth) = match tag.rsplit_once('#') {
            Some((s, n)) => (s, n.parse::<usize>().ok()),
            None => (tag, None),
        };
        let hits = text.match_indices(s).enumerate().filter(|(i, _)| nth.map_or(true, |n| n == *i));
        for (_, (start, _)) in hits {
            let span = Span::new(start, start + s.len());
            let a = seg.tokens.partition_point(|t| t.end <= span.start);
            let b = seg.tokens.partition_point(|t| t.start < span.end);
            mentions.push(EntityMention { span, kind, tokens: a..b });
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    // The tagger never reports overlapping mentions: keep the first, longest.
    let mut kept: Vec<EntityMention> = Vec::new();
    for m in mentions {
        if kept.last().map_or(true, |k| k.span.end <= m.span.start) {
            kept.push(m);
        } else if kept.last().is_some_and(|k| k.span.start == m.span.start && k.span.end < m.span.end) {
            *kept.last_mut().unwrap() = m;
        }
    }
    resolve("a1", text, &seg, &kept)
}

pub fn actor<'a>(r: &'a ArticleActors, name: &str) -> &'a Actor {
    r.actors.iter().find(|a| a.name == name).unwrap_or_else(|| panic!("no actor {name}: {:#?}", r.actors))
}

pub fn mention_texts(a: &Actor) -> Vec<&str> {
    a.mentions.iter().map(|m| m.text.as_str()).collect()
}
