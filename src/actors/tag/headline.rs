//! Names in titles, decks and captions.
//!
//! The tagger learned on sentence-case copy; a line in Title Case or ALL CAPS ("Stealth Over
//! Health: Hillary Clinton Was Headed to ER") capitalises every word, so its spans there are
//! unreliable ("Hillary Clinton Was Headed"). In such a line only names the rest of the article
//! also tagged (same folded key, or a tagged person's surname) are kept, plus names the lexicon
//! knows (countries, capitals, known media and organisations); a mention that runs on past the
//! name is cut to its longest part that is one of these. Lines in sentence case keep what the
//! tagger said. Linear: one hash map of keys, and at most [`MAX_NAME_TOKENS`]² look-ups per
//! headline mention.

use super::features::{sentence_mode, Mode};
use crate::actors::{EntityKind, EntityMention};
use crate::lexicon::lexicon;
use crate::lexicon::names::name_key;
use crate::lexicon::FastMap;
use crate::report::SegmentKind;
use crate::span::Span;
use crate::text::{Segmented, Tokens};
use std::ops::Range;

/// The longest name looked for inside a headline mention, in tokens.
const MAX_NAME_TOKENS: usize = 8;

/// The sentences of titles, captions and the first paragraph (a plain-text title the cleaner
/// kept as body because it ends in a period) written in Title Case or ALL CAPS, function words
/// allowed in lower case ([`title_cased`]): token ranges, in order. Such lines in the body are
/// mostly tables and lists ("1. Bjarne Riis (Denmark) Telekom"), which the tagger reads well.
/// `kinds[p]` is the kind of `seg.paragraphs[p]` (body if absent).
pub fn cased_lines(text: &str, seg: &Segmented, kinds: &[SegmentKind]) -> Vec<Range<usize>> {
    let v = Tokens::new(text, &seg.tokens);
    seg.sentences
        .iter()
        .filter(|s| {
            let words: Vec<&str> = s.tokens.clone().map(|i| v.word(i)).collect();
            let heading =
                s.paragraph == 0 || matches!(kinds.get(s.paragraph), Some(SegmentKind::Title | SegmentKind::Caption));
            let mode = sentence_mode(&words);
            heading && mode != Mode::Caps && (mode == Mode::Title || title_cased(&words))
        })
        .map(|s| s.tokens.clone())
        .collect()
}

/// Title Case with function words in lower case ("Weiner Denies Sending Photo but Is Less Sure
/// About Its Origin"), which the tagger's own test (a short list of small words) reads as
/// running text: three or more capitalised words, no lower-case word but stopwords, and
/// fewer of those than capitalised words.
fn title_cased(words: &[&str]) -> bool {
    let lex = lexicon();
    let (mut caps, mut small) = (0, 0);
    for w in words {
        match w.chars().next() {
            Some(c) if c.is_uppercase() => caps += 1,
            Some(c) if c.is_lowercase() => {
                if !lex.is_stopword(w) {
                    return false;
                }
                small += 1;
            }
            _ => {}
        }
    }
    caps >= 3 && small < caps
}

/// Whether token `i` lies in one of `lines` (sorted, disjoint).
pub fn in_lines(lines: &[Range<usize>], i: usize) -> bool {
    let k = lines.partition_point(|r| r.start <= i);
    k > 0 && lines[k - 1].contains(&i)
}

/// What the lexicon says a name is, when it names an actor by itself (an adjective such as
/// "Russian" does not).
fn lexicon_kind(surface: &str) -> Option<EntityKind> {
    let e = lexicon().lookup(surface)?;
    if e.media.is_some() || e.org.is_some() {
        Some(EntityKind::Org)
    } else if e.country.is_some() || e.seat.is_some() || e.place.is_some() {
        Some(EntityKind::Loc)
    } else {
        None
    }
}

/// Keeps, in the `lines` (see [`cased_lines`]), only the names the article's other text tagged
/// or the lexicon knows; mentions elsewhere pass unchanged. Returns mentions in text order.
pub fn filter(text: &str, seg: &Segmented, lines: &[Range<usize>], mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    if lines.is_empty() {
        return mentions;
    }
    let v = Tokens::new(text, &seg.tokens);
    let surface = |s: Span| text.get(s.start..s.end).unwrap_or("");
    // Key → votes per type (PER, ORG, LOC, MISC); a tagged person's surname votes PER.
    let mut votes: FastMap<String, [u32; 4]> = FastMap::default();
    let slot = |k: EntityKind| match k {
        EntityKind::Per => 0,
        EntityKind::Org => 1,
        EntityKind::Loc => 2,
        EntityKind::Misc => 3,
    };
    for m in mentions.iter().filter(|m| !in_lines(lines, m.tokens.start)) {
        let key = name_key(surface(m.span));
        if key.is_empty() {
            continue;
        }
        if m.kind == EntityKind::Per && m.tokens.len() >= 2 {
            if let Some(last) = key.rsplit(' ').next() {
                votes.entry(last.to_string()).or_default()[0] += 1;
            }
        }
        votes.entry(key).or_default()[slot(m.kind)] += 1;
    }
    const KINDS: [EntityKind; 4] = [EntityKind::Per, EntityKind::Org, EntityKind::Loc, EntityKind::Misc];
    let known: FastMap<String, EntityKind> = votes
        .into_iter()
        .map(|(k, v)| {
            let best = (0..4).max_by_key(|&i| (v[i], std::cmp::Reverse(i))).unwrap_or(0);
            (k, KINDS[best])
        })
        .collect();
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions {
        if !in_lines(lines, m.tokens.start) {
            out.push(m);
            continue;
        }
        let r = m.tokens.start..m.tokens.end.min(m.tokens.start + MAX_NAME_TOKENS);
        'found: for len in (1..=r.len()).rev() {
            for a in r.start..=r.end - len {
                let b = a + len;
                if !v.is_cap(a) || !v.is_cap(b - 1) {
                    continue;
                }
                let span = v.span(a..b);
                let s = surface(span);
                let kind = known.get(&name_key(s)).copied().or_else(|| lexicon_kind(s));
                if let Some(kind) = kind {
                    out.push(EntityMention { span, kind, tokens: a..b });
                    break 'found;
                }
            }
        }
    }
    out
}

/// Whether token `i` of a caption is in its credit: after "©" or "Credit", after "Photo by",
/// or a name right after an agency's slash ("Sputnik / Alexei Druzhinin", "AP Photo/Evan
/// Vucci"). A photographer is not an actor of the story.
fn in_credit(v: &Tokens, para: Range<usize>, i: usize) -> bool {
    let lo = para.start.max(i.saturating_sub(40));
    (lo..i).any(|k| {
        let w = v.word(k);
        w == "\u{a9}"
            || w.eq_ignore_ascii_case("credit")
            || w.eq_ignore_ascii_case("credits")
            || (w == "by" && k > para.start && {
                let p = v.lower(k - 1);
                matches!(p.as_str(), "photo" | "photograph" | "image" | "picture" | "video")
            })
    }) || (i > para.start + 1 && v.word(i - 1) == "/" && v.is_cap(i - 2))
}

/// Drops the mentions in the credits of captions (see [`in_credit`]). `kinds[p]` is the kind of
/// `seg.paragraphs[p]`.
pub fn drop_credits(
    text: &str,
    seg: &Segmented,
    kinds: &[SegmentKind],
    mut mentions: Vec<EntityMention>,
) -> Vec<EntityMention> {
    let v = Tokens::new(text, &seg.tokens);
    // Token range of each caption paragraph.
    let mut paras: Vec<Option<Range<usize>>> = vec![None; seg.paragraphs.len()];
    for s in &seg.sentences {
        if kinds.get(s.paragraph) == Some(&SegmentKind::Caption) {
            let r = paras[s.paragraph].get_or_insert(s.tokens.clone());
            r.end = s.tokens.end;
        }
    }
    let captions: Vec<Range<usize>> = paras.into_iter().flatten().collect();
    if captions.is_empty() {
        return mentions;
    }
    mentions.retain(|m| {
        let k = captions.partition_point(|r| r.start <= m.tokens.start);
        !(k > 0 && captions[k - 1].contains(&m.tokens.start) && in_credit(&v, captions[k - 1].clone(), m.tokens.start))
    });
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::tag::tag;

    fn run(title: &str, body: &str) -> Vec<(String, EntityKind)> {
        let text = format!("{title}\n\n{body}");
        let spans = [Span::new(0, title.len()), Span::new(title.len() + 2, text.len())];
        let seg = crate::text::segment(&text, &spans);
        let lines = cased_lines(&text, &seg, &[SegmentKind::Title, SegmentKind::Body]);
        let m = filter(&text, &seg, &lines, tag(&text, &seg));
        m.into_iter()
            .filter(|m| m.span.end <= title.len())
            .map(|m| (text[m.span.start..m.span.end].to_string(), m.kind))
            .collect()
    }

    #[test]
    fn headline_keeps_names_the_body_tagged() {
        let m = run(
            "Stealth Over Health: Hillary Clinton Was Headed to ER But Diverted to Avoid Bad Optics",
            "Hillary Clinton was headed to an emergency room on Sunday, the New York Post reported.",
        );
        assert!(m.iter().all(|(t, _)| t == "Hillary Clinton"), "{m:?}");
    }

    #[test]
    fn headline_keeps_lexicon_names_and_drops_unknown_words() {
        let m = run("Russia Warns Of Stealth Health Crisis", "The ministry said on Monday that it would act.");
        assert!(m.iter().all(|(t, _)| t == "Russia"), "{m:?}");
    }
}
