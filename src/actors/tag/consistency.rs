//! Document-level consistency: a name the tagger found once is the same name at its other
//! occurrences in the article ("T-Mobile ... tonight T-Mobile has made it official"), at the
//! start of a sentence, in a headline and in ALL CAPS too.
//!
//! One hash map from the folded token sequences of the tagged names (outside headline-cased
//! lines, whose spans are unreliable) to their type, then one scan over the tokens that marks an
//! untagged, capitalised occurrence of the same sequence. Guards, all local:
//!
//! - never inside, across or right next to an existing mention, and never part of a longer
//!   capitalised run in running text ("Clinton" tagged does not make "Clinton Foundation" a
//!   person);
//! - a one-word name is not marked where it is only capitalised by position (sentence start,
//!   headline, ALL CAPS) when the article also has the word in lower case ("Will", "Rice");
//! - a name given two types by the tagger, a stopword, a weekday or month, and words shorter
//!   than two letters are left alone.
//!
//! Linear: each token tries at most [`MAX_NAME_TOKENS`] sequence lengths.

use crate::actors::{EntityKind, EntityMention};
use crate::lexicon::names::push_word_key;
use crate::lexicon::words::is_all_caps;
use crate::lexicon::{lexicon, lower};
use crate::lexicon::{FastMap, FastSet};
use crate::text::{Segmented, Tokens};
use std::ops::Range;

const MAX_NAME_TOKENS: usize = 6;

/// The folded key of tokens `r`: word keys joined by spaces.
fn key(v: &Tokens, r: Range<usize>) -> String {
    // Word keys joined by spaces, written into one string.
    let mut out = String::new();
    for (n, i) in r.enumerate() {
        if n > 0 {
            out.push(' ');
        }
        push_word_key(v.word(i), &mut out);
    }
    out
}

/// Adds mentions for untagged occurrences of tagged names (see the module docs). `unreliable`
/// tells whether a token lies in a headline-cased line: names tagged there are not sources, and
/// there every word is capitalised. Returns the mentions in text order.
pub fn extend(
    text: &str,
    seg: &Segmented,
    unreliable: impl Fn(usize) -> bool,
    mut mentions: Vec<EntityMention>,
) -> Vec<EntityMention> {
    let v = Tokens::new(text, &seg.tokens);
    let lex = lexicon();
    // Key → type counts; a key with two types is left alone.
    let mut starts = vec![false; seg.tokens.len()];
    for s in &seg.sentences {
        if let Some(x) = starts.get_mut(s.tokens.start) {
            *x = true;
        }
    }
    let mut types: FastMap<String, Option<EntityKind>> = FastMap::default();
    let mut longest = 0;
    for m in mentions.iter().filter(|m| !unreliable(m.tokens.start)) {
        let n = m.tokens.len();
        if n == 0 || n > MAX_NAME_TOKENS || !v.is_cap(m.tokens.start) {
            continue;
        }
        let w = v.word(m.tokens.start);
        // A one-word source must be capitalised where capitals mean a name: mid-sentence, not
        // after an opening quote, not in ALL CAPS.
        let opener = m.tokens.start == 0
            || starts.get(m.tokens.start).copied().unwrap_or(true)
            || matches!(
                v.word(m.tokens.start - 1),
                "\"" | "\u{201c}" | "'" | "\u{2018}" | "(" | "-" | "\u{2014}" | ":"
            );
        if n == 1
            && (opener
                || is_all_caps(w)
                || w.chars().filter(|c| c.is_alphabetic()).count() < 2
                || lex.is_stopword(w)
                || lex.is_not_actor(w))
        {
            continue;
        }
        let k = key(&v, m.tokens.clone());
        types
            .entry(k)
            .and_modify(|t| {
                if *t != Some(m.kind) {
                    *t = None
                }
            })
            .or_insert(Some(m.kind));
        longest = longest.max(n);
    }
    if types.is_empty() {
        return mentions;
    }
    let mut covered = vec![false; seg.tokens.len()];
    for m in &mentions {
        for i in m.tokens.clone() {
            if let Some(c) = covered.get_mut(i) {
                *c = true;
            }
        }
    }
    let lower_words: FastSet<std::borrow::Cow<str>> = (0..seg.tokens.len())
        .map(|i| v.word(i))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .map(crate::lexicon::words::lower_cow)
        .collect();
    let mut added = Vec::new();
    for s in &seg.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if covered[i] || !v.is_cap(i) {
                i += 1;
                continue;
            }
            let cased = unreliable(i);
            let mut hit = None;
            for len in (1..=longest.min(s.tokens.end - i)).rev() {
                let r = i..i + len;
                if r.clone().any(|t| covered[t]) || !v.is_cap(r.end - 1) {
                    continue;
                }
                if let Some(Some(kind)) = types.get(&key(&v, r.clone())) {
                    hit = Some((r, *kind));
                    break;
                }
            }
            let Some((r, kind)) = hit else {
                i += 1;
                continue;
            };
            // Part of a longer capitalised run in running text: another name.
            let run_on =
                |t: usize| t >= s.tokens.start && t < s.tokens.end && v.is_cap(t) && !covered[t] && !v.is_possessive(t);
            // A capitalised sentence opener before the name is a run-on only when it is no
            // function or time word and the article never writes it in lower case.
            let opener_ok = |t: usize| {
                let w = lower(v.word(t));
                t > s.tokens.start || !(lex.is_stopword(&w) || lex.is_time_word(&w) || lower_words.contains(w.as_str()))
            };
            let longer = !cased
                && ((r.start > s.tokens.start && run_on(r.start - 1) && opener_ok(r.start - 1)) || run_on(r.end));
            let by_position = cased || r.start == s.tokens.start || is_all_caps(v.word(r.start));
            let common = r.len() == 1 && by_position && lower_words.contains(lower(v.word(r.start)).as_str());
            // Touching another mention: the resolver would glue them into one name.
            let touching =
                (r.start > s.tokens.start && covered[r.start - 1]) || (r.end < s.tokens.end && covered[r.end]);
            if longer || common || touching {
                i = r.end;
                continue;
            }
            added.push(EntityMention { span: v.span(r.clone()), kind, tokens: r.clone() });
            i = r.end;
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn run(text: &str, mentions: &[(&str, EntityKind)]) -> Vec<String> {
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let v = Tokens::new(text, &seg.tokens);
        let mut ms = Vec::new();
        for &(name, kind) in mentions {
            let at = text.find(name).unwrap();
            let a = v.token_at(at);
            let b = v.token_at(at + name.len());
            ms.push(EntityMention { span: v.span(a..b), kind, tokens: a..b });
        }
        extend(text, &seg, |_| false, ms).iter().map(|m| text[m.span.start..m.span.end].to_string()).collect()
    }

    #[test]
    fn later_occurrences_are_marked() {
        let text = "Analysts praised T-Mobile on Monday. Tonight T-MOBILE has made it official. T-Mobile agreed.";
        assert_eq!(run(text, &[("T-Mobile", EntityKind::Org)]), ["T-Mobile", "T-MOBILE", "T-Mobile"]);
    }

    #[test]
    fn longer_names_and_common_words_are_left_alone() {
        let text = "Rice spoke to Clinton. The Clinton Foundation paid. Rice prices rose, and rice is cheap.";
        assert_eq!(run(text, &[("Rice", EntityKind::Per), ("Clinton", EntityKind::Per)]), ["Rice", "Clinton"]);
    }
}
