//! Speakers: the noun phrase a cue belongs to, and the actor it names.
//!
//! [`Ctx`] is what the quote rules read of one article: its tokens, sentences,
//! part-of-speech tags, actors and which tokens are quoted. The two steps of speaker finding
//! extend it from their own modules: [`super::subject`] walks from a cue to the phrase that
//! names its speaker ([`Np`]), [`super::coref`] maps that phrase to an actor.

use super::coref::Gender;
use crate::actors::ArticleActors;
use crate::span::Span;
use crate::text::pos::{Pos, Tags};
use crate::text::{Segmented, Tokens};

/// A phrase naming a speaker in one place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Np {
    pub span: Span,
    /// First token and one past the last (indices into the segmented tokens).
    pub first: usize,
    pub end: usize,
    /// The actor it names, once resolved.
    pub actor: Option<usize>,
}

/// Read-only view of one article for the token walks: its tokens (through [`Tokens`], which
/// `Ctx` derefs to), sentences, part-of-speech tags, actors, and which tokens are quoted.
pub struct Ctx<'a> {
    pub tokens: Tokens<'a>,
    pub seg: &'a Segmented,
    pub actors: &'a ArticleActors,
    /// For every token, whether it lies inside (or is a mark of) a quotation.
    pub quoted: Vec<bool>,
    /// Part-of-speech tags, tagged on first use ([`Tags`]).
    pub pos: &'a Tags<'a>,
    /// Per actor, the grammatical gender the article gives it, computed on first use.
    pub(super) genders: std::cell::OnceCell<Vec<Option<Gender>>>,
    /// The person mentions and resolved "he"/"she" outside quotations with their salience,
    /// in text order, computed on first use (`super::coref`).
    pub(super) salience: std::cell::OnceCell<super::coref::Salience>,
}

impl<'a> std::ops::Deref for Ctx<'a> {
    type Target = Tokens<'a>;
    fn deref(&self) -> &Tokens<'a> {
        &self.tokens
    }
}

impl<'a> Ctx<'a> {
    pub fn new(
        text: &'a str,
        seg: &'a Segmented,
        pos: &'a Tags<'a>,
        actors: &'a ArticleActors,
        quotes: &[Span],
    ) -> Ctx<'a> {
        let mut quoted = vec![false; seg.tokens.len()];
        for q in quotes {
            let i = seg.tokens.partition_point(|t| t.start < q.start);
            for (k, t) in seg.tokens.iter().enumerate().skip(i) {
                if t.start >= q.end {
                    break;
                }
                quoted[k] = true;
            }
        }
        let tokens = Tokens::new(text, &seg.tokens);
        Ctx {
            tokens,
            seg,
            actors,
            quoted,
            pos,
            genders: std::cell::OnceCell::new(),
            salience: std::cell::OnceCell::new(),
        }
    }

    /// The part-of-speech tag of token `i`.
    pub fn pos(&self, i: usize) -> Pos {
        self.pos.get(i)
    }

    pub fn is_quoted(&self, i: usize) -> bool {
        self.quoted.get(i).copied().unwrap_or(false)
    }

    /// A word: it starts with a letter, or it is a hyphenated number-and-word ("46-year-old").
    pub(super) fn is_word(&self, i: usize) -> bool {
        let t = self.word(i);
        t.chars().next().is_some_and(|c| {
            c.is_alphabetic() || c.is_ascii_digit() && t.contains('-') && t.chars().any(char::is_alphabetic)
        })
    }

    /// The actor mention covering token `i`: (mention span, actor index).
    pub fn mention_at(&self, i: usize) -> Option<(Span, usize)> {
        let t = *self.seg.tokens.get(i)?;
        let ms = &self.actors.mentions;
        let k = ms.partition_point(|(m, _)| m.start <= t.start);
        // Mentions starting at or before the token; the covering one is among the last few.
        ms[..k].iter().rev().take(8).find(|(m, _)| m.start <= t.start && t.end <= m.end).copied()
    }

    pub(super) fn np_of_mention(&self, m: Span, a: usize) -> Np {
        Np { span: m, first: self.token_at(m.start), end: self.token_at(m.end), actor: Some(a) }
    }
}

pub(super) fn actor_id(ctx: &Ctx, np: &Option<Np>) -> Option<String> {
    np.and_then(|n| n.actor).and_then(|a| ctx.actors.actors.get(a)).map(|a| a.id.clone())
}

/// Whether two subjects name the same speaker (same actor, or same words).
pub(super) fn same_speaker(a: &Np, b: &Np) -> bool {
    match (a.actor, b.actor) {
        (Some(x), Some(y)) => x == y,
        _ => a.span == b.span,
    }
}
