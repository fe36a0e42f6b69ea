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

use crate::report::{Actor, SegmentKind};
use crate::span::Span;
use crate::text::{ArticleText, Segmented};
use std::ops::Range;

/// Reads the actors of one article: its title, captions and body paragraphs
/// ([`ArticleText::named_text`]) are segmented, tagged and resolved together, so a headline
/// name joins the body's actor. Names in Title Case or ALL CAPS lines are kept only when the
/// article's other text or the lexicon vouches for them ([`tag::headline`]), a name tagged once
/// is marked at its other occurrences ([`tag::consistency`]), and no role is read from a title
/// or a headline-cased caption. Returns the segmentation that the mentions' token indices
/// point into, with the actors.
pub fn read(article_id: &str, text: &str, art: &ArticleText) -> (Segmented, ArticleActors) {
    let named = art.named_text();
    let spans: Vec<Span> = named.iter().map(|&(_, s)| s).collect();
    let kinds: Vec<SegmentKind> = named.iter().map(|&(k, _)| k).collect();
    let seg = crate::text::segment(text, &spans);
    let actors = read_segmented(article_id, text, &seg, &kinds);
    (seg, actors)
}

/// [`read`] on a segmented article; `kinds[p]` is the kind of `seg.paragraphs[p]` (a paragraph
/// without one is body).
pub fn read_segmented(article_id: &str, text: &str, seg: &Segmented, kinds: &[SegmentKind]) -> ArticleActors {
    let lines = tag::headline::cased_lines(text, seg, kinds);
    let mentions = tag::filters::repair(text, seg, tag(text, seg));
    let mentions = tag::works::filter(text, seg, mentions);
    let mentions = tag::headline::filter(text, seg, &lines, mentions);
    let mentions = tag::headline::drop_credits(text, seg, kinds, mentions);
    let mentions = tag::consistency::extend(text, seg, |i| tag::headline::in_lines(&lines, i), mentions);
    let mentions = tag::laws::filter(text, seg, mentions);
    let mentions = tag::pieces::filter(text, seg, mentions);
    if std::env::var_os("ACT7_DUMP").is_some() {
        for m in &mentions {
            let t: Vec<&str> = m.tokens.clone().map(|i| &text[seg.tokens[i].start..seg.tokens[i].end]).collect();
            eprintln!("M {:?} {} {:?} {:?}", m.kind, m.span.start, &text[m.span.start..m.span.end], t);
        }
    }
    // No roles from a title, nor from a line cased as a headline.
    let mut no_roles: Vec<Span> = seg
        .sentences
        .iter()
        .filter(|s| {
            kinds.get(s.paragraph) == Some(&SegmentKind::Title) || tag::headline::in_lines(&lines, s.tokens.start)
        })
        .map(|s| s.span)
        .collect();
    no_roles.sort_by_key(|s| s.start);
    resolve::resolve_in(article_id, text, seg, &mentions, &no_roles)
}

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
