//! Coreference for speakers: which actor a speaker phrase names.
//!
//! A phrase found by [`super::subject`] maps to an actor: a mention directly; a pronoun to the
//! nearest earlier compatible actor (he/she → a person; it/they → an organisation, country or
//! medium); a definite description ("the agency", "the minister") to the nearest earlier actor
//! of the matching type, when the actors stage did not already mark it as a mention. A
//! pronoun's gender must agree with the one the article gives the person (`Ctx::genders`).

use super::speaker::{Ctx, Np};
use crate::lexicon::{lexicon, SpeakerNoun};
use crate::report::ActorType;
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Gender {
    Male,
    Female,
}

fn gender_of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "his" | "him" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// How many mentions back a pronoun or description looks for its actor: bounds the cost per
/// cue on long pastes; an antecedent 200 mentions back (pages of text) is no longer meant.
const MAX_ANTECEDENTS: usize = 200;

pub(super) const PRONOUNS_PERSON: &[&str] = &["he", "she", "i"];
pub(super) const PRONOUNS_GROUP: &[&str] = &["it", "they", "we"];
/// A subject pronoun with its auxiliary contracted onto it ("he’d", "they’ve", "she'll"):
/// the pronoun. The tokenizer splits only `'s` off a word, so these stay one token.
pub(crate) fn pronoun(w: &str) -> &str {
    for suffix in ["'d", "\u{2019}d", "'ll", "\u{2019}ll", "'ve", "\u{2019}ve", "'re", "\u{2019}re", "'m", "\u{2019}m"]
    {
        if let Some(p) = w.strip_suffix(suffix) {
            if PRONOUNS_PERSON.contains(&p) || PRONOUNS_GROUP.contains(&p) {
                return p;
            }
        }
    }
    w
}

impl Ctx<'_> {
    /// Each person's gender as the article shows it, or `None` when it does not say: an
    /// honorific before a mention ("Mr. Trump", "Ms. Clinton") counts three votes, and in a
    /// sentence that mentions exactly one person every "he/his/him" or "she/her" outside
    /// quotations counts one. The majority wins. No name list: the article's own words decide,
    /// so "she" is not read as a man it has only ever called "he". One pass over the tokens.
    fn genders(&self) -> &[Option<Gender>] {
        self.genders.get_or_init(|| {
            let n = self.actors.actors.len();
            let mut votes = vec![(0i32, 0i32); n];
            let ms = &self.actors.mentions;
            let person = |a: usize| self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person);
            let mut mi = 0;
            for s in &self.seg.sentences {
                let (lo, hi) = (s.tokens.start, s.tokens.end);
                let (mut who, mut several) = (None, false);
                while mi < ms.len() && ms[mi].0.start < s.span.end {
                    let (m, a) = ms[mi];
                    mi += 1;
                    if !person(a) {
                        continue;
                    }
                    let k = self.token_at(m.start);
                    if k > lo {
                        let title = self.lower(k - 1);
                        let g = match title.trim_end_matches('.') {
                            "mr" => Some(Gender::Male),
                            "mrs" | "ms" | "miss" => Some(Gender::Female),
                            _ => None,
                        };
                        match g {
                            Some(Gender::Male) => votes[a].0 += 3,
                            Some(Gender::Female) => votes[a].1 += 3,
                            None => {}
                        }
                    }
                    several |= who.is_some_and(|w| w != a);
                    who = Some(a);
                }
                let Some(a) = who.filter(|_| !several) else { continue };
                for i in lo..hi {
                    if self.is_quoted(i) {
                        continue;
                    }
                    match gender_of_pronoun(pronoun(&self.lower(i))) {
                        Some(Gender::Male) => votes[a].0 += 1,
                        Some(Gender::Female) => votes[a].1 += 1,
                        None => {}
                    }
                }
            }
            votes
                .into_iter()
                .map(|(m, f)| match m.cmp(&f) {
                    std::cmp::Ordering::Greater => Some(Gender::Male),
                    std::cmp::Ordering::Less => Some(Gender::Female),
                    std::cmp::Ordering::Equal => None,
                })
                .collect()
        })
    }

    /// Resolves a phrase to an actor: a mention directly, a pronoun or definite description to
    /// the nearest earlier compatible actor.
    pub fn resolve(&self, np: &mut Np) {
        if np.actor.is_some() {
            return;
        }
        // (Not `ArticleActors::actor_at`, which scans every mention: this is called per cue.)
        let ms = &self.actors.mentions;
        let i = ms.partition_point(|(m, _)| m.start < np.span.start);
        // A place that only qualifies the phrase's head does not speak ("one Florida Republican
        // strategist"); one that is the head or its possessor does ("Pyongyang's ministry").
        let qualifies = |m: &Span, a: usize| {
            self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Place)
                && m.end < np.span.end
                && !matches!(self.word(self.token_at(m.end)), "'s" | "\u{2019}s" | "'" | "\u{2019}")
        };
        let inside = ms[i..]
            .iter()
            .take_while(|(m, _)| m.start < np.span.end)
            .filter(|(m, a)| np.span.contains(*m) && !qualifies(m, *a));
        let covering = self.mention_at(np.first).filter(|(m, _)| m.contains(np.span));
        if let Some((_, a)) = inside.chain(covering.iter()).max_by_key(|(m, _)| m.len()) {
            np.actor = Some(*a);
            return;
        }
        let head = self.lower(np.end - 1);
        let head = pronoun(head.as_str());
        let first = self.lower(np.first);
        let want: Option<fn(ActorType) -> bool> = if PRONOUNS_PERSON.contains(&head) && np.end - np.first == 1 {
            Some(|k| k == ActorType::Person)
        } else if PRONOUNS_GROUP.contains(&head) && np.end - np.first == 1 {
            Some(|k| matches!(k, ActorType::Organization | ActorType::Media | ActorType::Country))
        } else if matches!(first.as_str(), "the" | "this" | "that")
            && lexicon().is_speaker_noun(head, SpeakerNoun::Person)
        {
            Some(|k| k == ActorType::Person)
        } else if matches!(first.as_str(), "the" | "this" | "that")
            && lexicon().is_speaker_noun(head, SpeakerNoun::Media)
        {
            Some(|k| k == ActorType::Media)
        } else if matches!(first.as_str(), "the" | "this" | "that")
            && lexicon().is_speaker_noun(head, SpeakerNoun::Group)
        {
            Some(|k| matches!(k, ActorType::Organization | ActorType::Media | ActorType::Country))
        } else {
            None
        };
        let Some(want) = want else { return };
        // "he" and "she" pass over a person the article gives the other gender.
        let said = (np.end - np.first == 1).then(|| gender_of_pronoun(head)).flatten();
        let fits = |a: usize| match (said, self.genders().get(a).copied().flatten()) {
            (Some(x), Some(y)) => x == y,
            _ => true,
        };
        let ms = &self.actors.mentions;
        let k = ms.partition_point(|(m, _)| m.start < np.span.start);
        np.actor = ms[..k]
            .iter()
            .rev()
            .take(MAX_ANTECEDENTS)
            .filter(|(m, _)| m.end <= np.span.start)
            .find(|&&(_, a)| self.actors.actors.get(a).is_some_and(|x| want(x.kind)) && fits(a))
            .map(|&(_, a)| a);
    }
}
