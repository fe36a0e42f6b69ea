//! Coreference for speakers: which actor a speaker phrase names.
//!
//! A phrase found by [`super::subject`] maps to an actor: a mention directly; a pronoun to the
//! nearest earlier compatible actor (he/she → a person; it/they → an organisation, country or
//! medium); a definite description ("the agency", "the minister") to the nearest earlier actor
//! of the matching type, when the actors stage did not already mark it as a mention. A
//! pronoun's gender must agree with the one the article gives the person (`Ctx::genders`).

use super::speaker::{Ctx, Np};
use crate::lexicon::words::is_subordinator;
use crate::lexicon::{lexicon, SpeakerNoun};
use crate::report::ActorType;
use crate::span::Span;
use crate::text::pos::Pos;

pub(super) use crate::lexicon::genders::Gender;

fn gender_of_pronoun(w: &str) -> Option<Gender> {
    match w {
        "he" | "his" | "him" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Tokens back a definite description looks for the indefinite phrase that introduced it.
const UNNAMED_REACH: usize = 60;

fn single_word(np: &Np) -> bool {
    np.end - np.first == 1
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

/// One person named outside quotations: a mention, or a "he"/"she" already resolved.
#[derive(Clone, Copy, Debug)]
struct Event {
    tok: usize,
    sentence: usize,
    actor: usize,
    /// Salience of its place in the clause ([`Ctx::role_weight`]).
    weight: i32,
}

/// What salience makes of a pronoun or description.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Actor(usize),
    /// Two actors exactly as salient: none is taken (a wrong speaker costs more than none).
    Tie,
    /// No compatible person in reach.
    Nothing,
}

/// The article's person mentions and resolved "he"/"she" outside quotations, in text order.
#[derive(Default, Debug)]
pub(crate) struct Salience {
    events: Vec<Event>,
    /// Every "he"/"she" outside quotations: its token and what it resolved to.
    pronouns: Vec<(usize, Pick)>,
}

/// The place weight of a subject.
const SUBJECT: i32 = 80;
/// How many sentences before the pronoun's own salience reaches.
const SALIENCE_SENTENCES: usize = 3;
/// How many tokens before an inverted subject's verb are read for a person the comma closes.
const INVERTED_REACH: usize = 30;
/// How many events back one resolution reads (bounds the cost on hostile input).
const MAX_EVENTS: usize = 64;

impl Ctx<'_> {
    fn sentence_index(&self, tok: usize) -> usize {
        self.seg.sentences.partition_point(|s| s.tokens.end <= tok)
    }

    /// Salience of a person named by tokens `first..end` in a sentence starting at `lo`, by its
    /// place (Lappin and Leass's weights, simplified): a subject (followed by its verb, first
    /// in its sentence, or after an inverted cue, "…,” said Gov. Perry"; not in an opening
    /// subordinate clause, "After Ann Curry finished, …") 80; a possessor
    /// ("Obama’s decision", "the Obama administration") or the object of a preposition ("Of
    /// Obama, he said", "about Obama") 0; anything else (an object) 40.
    fn role_weight(&self, first: usize, end: usize, lo: usize) -> i32 {
        let n = self.seg.tokens.len();
        if end < n && (self.is_possessive(end) || matches!(self.word(end), "'" | "\u{2019}")) {
            return 0;
        }
        // A title or first name before the mention belongs to it ("Gov. Perry", "Mr. Steele").
        let mut f = first;
        while f > lo
            && first - f < 3
            && (self.is_cap(f - 1) && matches!(self.pos(f - 1), Pos::Propn | Pos::Noun) || self.word(f - 1) == ".")
        {
            f -= 1;
        }
        if f > lo && matches!(self.pos(f - 1), Pos::Adp | Pos::Det | Pos::Adj) {
            return 0;
        }
        if end < n && self.is_word(end) && self.pos(end) == Pos::Noun {
            return 0; // a modifier of a noun: "the Obama administration"
        }
        // The sentence's first word (after quotation marks and the like, a few tokens at most).
        let opening = (lo..n.min(lo + 4)).find(|&i| self.is_word(i)).unwrap_or(lo);
        // The subject of an opening subordinate clause is not the sentence's ("After reporter
        // Ann Curry finished, …"): a mention after the subordinator and before any comma.
        let subordinate = f > opening
            && {
                let w = self.lower(opening);
                is_subordinator(&w) || w == "as"
            }
            && f - opening <= 40
            && !(opening..f).any(|i| self.word(i) == ",");
        let mut k = end;
        while k < n && k < end + 2 && self.pos(k) == Pos::Adv {
            k += 1;
        }
        // After a verb and a comma, a name is the inverted subject ("“…,” said Gov. Perry", "…,
        // said Perry") unless a person outside quotations came before the comma: then the comma
        // closes that person's appositive and the name is the verb's object ("Sen. Marco Rubio,
        // R-Fla., accused Obama of …").
        let inverted = f > lo + 1
            && self.pos(f - 1) == Pos::Verb
            && !self.is_word(f - 2)
            && !(self.word(f - 2) == "," && self.person_before(lo.max((f - 2).saturating_sub(INVERTED_REACH)), f - 2));
        // A name in an appositive to the subject is the subject ("One Democrat, Representative
        // Stephen F. Lynch of Massachusetts, even raised …"): after a comma, before a comma (a
        // few tokens on, no verb between) that adverbs and a verb follow.
        let appositive = f > lo + 1 && self.word(f - 1) == "," && {
            let stop = (end + 4).min(n);
            let c = (end..stop).find(|&i| self.word(i) == "," || self.pos(i) == Pos::Verb);
            c.is_some_and(|c| {
                let mut v = c + 1;
                while v < n && v < c + 3 && self.pos(v) == Pos::Adv {
                    v += 1;
                }
                self.word(c) == "," && v < n && self.pos(v) == Pos::Verb
            })
        };
        let subject = k < n && self.pos(k) == Pos::Verb || f <= opening || inverted || appositive;
        if subject && !subordinate {
            SUBJECT
        } else {
            40
        }
    }

    /// Whether a person is named outside quotations in tokens `lo..end`.
    fn person_before(&self, lo: usize, end: usize) -> bool {
        (lo..end).any(|i| {
            !self.is_quoted(i)
                && self
                    .mention_at(i)
                    .is_some_and(|(_, a)| self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person))
        })
    }

    /// The persons named outside quotations and the "he"/"she" resolved by salience, in one
    /// pass over mentions and tokens (each resolution reads at most [`MAX_EVENTS`] events).
    fn salience(&self) -> &Salience {
        self.salience.get_or_init(|| {
            let mut out = Salience::default();
            let ms = &self.actors.mentions;
            let person = |a: usize| self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person);
            let mut mi = 0;
            for (si, s) in self.seg.sentences.iter().enumerate() {
                let lo = s.tokens.start;
                for i in s.tokens.clone() {
                    let t_end = self.seg.tokens[i].end;
                    while mi < ms.len() && ms[mi].0.start < t_end {
                        let (m, a) = ms[mi];
                        mi += 1;
                        let first = self.token_at(m.start);
                        if !person(a) || self.is_quoted(first) || first < lo {
                            continue;
                        }
                        let end = self.token_at(m.end).max(first + 1);
                        let weight = self.role_weight(first, end, lo);
                        out.events.push(Event { tok: first, sentence: si, actor: a, weight });
                    }
                    if self.is_quoted(i) {
                        continue;
                    }
                    let w = self.lower(i);
                    let Some(g) = gender_of_pronoun(pronoun(&w)).filter(|_| matches!(pronoun(&w), "he" | "she")) else {
                        continue;
                    };
                    let pick = self.pick(&out.events, i, si, Some(g));
                    out.pronouns.push((i, pick));
                    if let Pick::Actor(a) = pick {
                        let weight = self.role_weight(i, i + 1, lo);
                        out.events.push(Event { tok: i, sentence: si, actor: a, weight });
                    }
                }
            }
            out
        })
    }

    /// The most salient person before token `tok` (in sentence `sentence`) whose gender agrees
    /// with `said`: every event within [`SALIENCE_SENTENCES`] adds its place weight and a
    /// recency weight (100, halved per sentence back) to its actor; a subject in the same sentence
    /// adds 100 more.
    fn pick(&self, events: &[Event], tok: usize, sentence: usize, said: Option<Gender>) -> Pick {
        let k = events.partition_point(|e| e.tok < tok);
        let mut scores: Vec<(usize, i32)> = Vec::new();
        for e in events[..k].iter().rev().take(MAX_EVENTS) {
            let d = sentence.saturating_sub(e.sentence);
            if d > SALIENCE_SENTENCES {
                break;
            }
            let fits = match (said, self.genders().get(e.actor).copied().flatten()) {
                (Some(x), Some(y)) => x == y,
                _ => true,
            };
            if !fits {
                continue;
            }
            // The subject of the pronoun's own clause before it comes first ("Ban Ki-moon
            // condemned what he called …", "Roberts said that she thinks …").
            let own_subject = if d == 0 && e.weight == SUBJECT { 100 } else { 0 };
            let w = (100 >> d) + e.weight + own_subject;
            match scores.iter_mut().find(|(a, _)| *a == e.actor) {
                Some(s) => s.1 += w,
                None => scores.push((e.actor, w)),
            }
        }
        scores.sort_by_key(|&(_, w)| std::cmp::Reverse(w));
        match scores.as_slice() {
            [] => Pick::Nothing,
            [(_, a), (_, b), ..] if a == b => Pick::Tie,
            [(a, _), ..] => Pick::Actor(*a),
        }
    }

    /// Each person's gender as the article shows it, or `None` when it does not say: an
    /// honorific before a mention ("Mr. Trump", "Ms. Clinton") counts three votes, so does a
    /// usual given name ([`crate::lexicon::genders`]), and in a sentence that mentions exactly
    /// one person every "he/his/him" or "she/her" outside quotations counts one. The majority
    /// wins: the article's own words can outvote the name list, so "she" is not read as a man
    /// it has only ever called "he". One pass over the tokens.
    fn genders(&self) -> &[Option<Gender>] {
        self.genders.get_or_init(|| {
            // A full name's usual given name counts three votes, as an honorific does ("Joseph
            // Crowley", "Lois Lerner"): pronouns near a lone name often mean someone else
            // ("Crowley asked her if she could comment").
            let mut votes: Vec<(i32, i32)> = self
                .actors
                .actors
                .iter()
                .map(|x| {
                    let person = x.kind == ActorType::Person;
                    match crate::lexicon::genders::of_full_name(&x.name).filter(|_| person) {
                        Some(Gender::Male) => (3, 0),
                        Some(Gender::Female) => (0, 3),
                        None => (0, 0),
                    }
                })
                .collect();
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

    /// Whether `head` (a description's head noun, before token `before`) was introduced, in
    /// the last [`UNNAMED_REACH`] tokens, by an indefinite phrase naming nobody: "a Microsoft
    /// spokesperson", not "John Smith, a spokesman" or "a spokesman, John Smith".
    fn introduced_unnamed(&self, head: &str, before: usize) -> bool {
        let lo = before.saturating_sub(UNNAMED_REACH);
        let Some(j) = (lo..before).rev().find(|&j| self.lower(j) == head) else { return false };
        let Some(art) = (j.saturating_sub(4)..j).rev().find(|&k| matches!(self.lower(k).as_str(), "a" | "an")) else {
            return false;
        };
        let person_near = (art.saturating_sub(3)..(j + 5).min(before)).any(|k| {
            self.mention_at(k)
                .is_some_and(|(_, a)| self.actors.actors.get(a).is_some_and(|x| x.kind == ActorType::Person))
        });
        !person_near
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
        // "A Microsoft spokesperson said … “…,” the spokesperson said": the description takes up
        // an unnamed person the text introduced, not a named one.
        if !single_word(np) && self.introduced_unnamed(head, np.first) {
            return;
        }
        // A person pronoun or description: the most salient compatible person in reach.
        let single = np.end - np.first == 1;
        let person_wanted = want(ActorType::Person);
        if person_wanted && !(single && head == "i") {
            let pick = if single && matches!(head, "he" | "she") {
                let sal = self.salience();
                let k = sal.pronouns.partition_point(|(t, _)| *t < np.first);
                match sal.pronouns.get(k) {
                    Some(&(t, p)) if t == np.first => p,
                    _ => self.pick(&sal.events, np.first, self.sentence_index(np.first), gender_of_pronoun(head)),
                }
            } else {
                let sal = self.salience();
                self.pick(&sal.events, np.first, self.sentence_index(np.first), None)
            };
            match pick {
                Pick::Actor(a) => {
                    np.actor = Some(a);
                    return;
                }
                Pick::Tie => return,
                Pick::Nothing => {}
            }
        }
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
            .filter(|(m, _)| m.end <= np.span.start && !self.is_quoted(self.token_at(m.start)))
            .find(|&&(_, a)| self.actors.actors.get(a).is_some_and(|x| want(x.kind)) && fits(a))
            .map(|&(_, a)| a);
    }
}
