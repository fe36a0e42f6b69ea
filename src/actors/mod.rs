//! Stage 2, actors: from entity mentions to the people, organisations, media and countries an
//! article is about.
//!
//! [`tag`] finds entity mentions (PER/ORG/LOC/MISC) in the segmented body; [`resolve`] merges
//! them into one [`crate::report::Actor`] per real entity, with aliases and roles. Later stages
//! look actors up by position through [`ArticleActors::actor_at`].

pub mod resolve;
pub mod tag;

pub use resolve::resolve;
pub use tag::tag;

use crate::report::Actor;
use crate::span::Span;
use std::ops::Range;

/// The four CoNLL entity classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityKind {
    Per,
    Org,
    Loc,
    Misc,
}

/// A tagged entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EntityMention {
    pub span: Span,
    pub kind: EntityKind,
    /// Indices into [`crate::text::Segmented::tokens`].
    pub tokens: Range<usize>,
}

/// The actors of one article and where each is mentioned.
#[derive(Clone, Debug, Default)]
pub struct ArticleActors {
    pub actors: Vec<Actor>,
    /// `(mention span, index into actors)`, sorted by span start.
    pub mentions: Vec<(Span, usize)>,
}

impl ArticleActors {
    /// The actor mentioned at exactly or within `span`, if any (the longest such mention).
    pub fn actor_at(&self, span: Span) -> Option<usize> {
        self.mentions
            .iter()
            .filter(|(m, _)| span.contains(*m) || m.contains(span))
            .max_by_key(|(m, _)| m.len())
            .map(|&(_, a)| a)
    }
    /// Mentions that start inside `span`, in order.
    pub fn mentions_in(&self, span: Span) -> impl Iterator<Item = &(Span, usize)> {
        let i = self.mentions.partition_point(|(m, _)| m.start < span.start);
        self.mentions[i..].iter().take_while(move |(m, _)| m.start < span.end)
    }
}
