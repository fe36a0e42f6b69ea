//! Attribution. First version: the nearest actor mention in the same sentence is the speaker.

use super::QuoteSpan;
use crate::actors::ArticleActors;
use crate::report::{Quote, QuoteKind};
use crate::text::Segmented;

pub fn attribute(text: &str, seg: &Segmented, actors: &ArticleActors, spans: &[QuoteSpan]) -> Vec<Quote> {
    spans
        .iter()
        .map(|q| {
            let sentence = seg.sentences.iter().find(|s| s.span.overlaps(q.outer));
            let speaker = sentence.and_then(|s| {
                actors
                    .mentions_in(s.span)
                    .filter(|(m, _)| !q.outer.contains(*m))
                    .min_by_key(|(m, _)| m.start.abs_diff(q.outer.start))
                    .map(|&(m, a)| (m, a))
            });
            Quote {
                start: q.inner.start,
                end: q.inner.end,
                text: text[q.inner.start..q.inner.end].to_string(),
                kind: QuoteKind::Partial,
                speaker: speaker.map(|(_, a)| actors.actors[a].id.clone()),
                speaker_span: speaker.map(|(m, _)| m),
                cue: None,
                via: vec![],
            }
        })
        .collect()
}
