//! Segmentation: paragraphs → sentences → tokens, all byte spans into the page text.
//!
//! Every later stage (tagger, quote finder, comparison) works on these spans, so the one rule
//! here is that nothing is rewritten: a token is a `[start, end)` range of the original text,
//! and the text between tokens is whatever the paste had (spaces, NBSP, CRLF, zero-width
//! characters). Pastes are messy, so the tokenizer has to be decided by the characters alone,
//! in one left-to-right pass (linear time, no backtracking beyond a few characters).
//!
//! # Tokens (the contract the tagger relies on)
//!
//! * **Separators** are Unicode white space (this includes NBSP U+00A0, CR and LF) and the
//!   zero-width characters U+200B, U+200C, U+200D, U+2060 and U+FEFF. They are never inside a
//!   token: "Kim\u{200B}Jong" is two tokens.
//! * **Words** are runs of letters and digits. Inside a run these join, when a letter or digit
//!   follows them: hyphens `-` U+2010 U+2011 ("Kim Jong-un", "1950-1953", "Russia-North"),
//!   apostrophes `'` U+2019 ("O’Brien", "don't"), and `.` `,` between two digits ("11,000",
//!   "3.5").
//! * **Possessives are split, CoNLL-style**: a trailing `'s` / `’s` (apostrophe + `s`/`S`
//!   ending the word) is its own token: "Russia’s" → `Russia` `’s`. The same holds for the other
//!   clitic `'s` ("it's" → `it` `'s`). A bare trailing apostrophe after `s` ("officials’") is a
//!   separate punctuation token, as any other apostrophe not between letters is.
//! * **Abbreviations keep their period**: single letters with periods ("U.S.", "J." in
//!   "J. R. R. Tolkien", "a.m."), and a list of common abbreviations ("Mr.", "Gen.", "Jan.",
//!   "Corp.", "No." before a number …) are one token with the final period included.
//! * **Ellipses** `...` (any run of two or more periods) and `…` are one token.
//! * **Every other character** is a token of its own: punctuation, quotes, brackets, `$`, `%`,
//!   and dashes (`—` and `–`, and a `-` that does not sit between two letters/digits).
//!
//! Glued words from lost spaces ("Kim Jong-unthrough") are left as they are: the actors stage
//! repairs them with names found elsewhere in the article.
//!
//! # Sentences
//!
//! A sentence ends after `.` `!` `?` or an ellipsis, taking along closing quotes and brackets,
//! when the next token starts a sentence (an upper-case letter, a digit or an opening quote)
//! or the paragraph ends. An abbreviation ends a sentence only when it is an acronym ("U.S.")
//! followed by a word that commonly starts sentences ("The", "He", …); titles and initials
//! ("Gen.", "J.") never do. A quotation spanning several sentences is therefore split at its
//! inner sentence ends, with the closing quote kept on the last one; `"We will win," he said`
//! stays one sentence because a lower-case word follows the comma. Paragraphs are never
//! crossed. Every token belongs to exactly one sentence.

use crate::lexicon::words::is_dotted_initials;
use crate::span::Span;
use std::ops::Range;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    /// Indices into [`Segmented::tokens`].
    pub tokens: Range<usize>,
    /// Index into [`Segmented::paragraphs`].
    pub paragraph: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub paragraphs: Vec<Span>,
    pub sentences: Vec<Sentence>,
    pub tokens: Vec<Span>,
}

/// Segments the given paragraphs of `text`. Spans that are out of range or not on character
/// boundaries are treated as empty paragraphs (they keep their index, with no sentences).
pub fn segment(text: &str, paragraphs: &[Span]) -> Segmented {
    let mut seg = Segmented { paragraphs: paragraphs.to_vec(), ..Default::default() };
    for (pi, p) in paragraphs.iter().enumerate() {
        let Some(ptext) = text.get(p.start..p.end) else {
            continue;
        };
        let first = seg.tokens.len();
        tokenize(ptext, p.start, &mut seg.tokens);
        split_sentences(text, first, pi, &mut seg);
    }
    seg
}

/// Cuts the tokens `seg.tokens[first..]` of paragraph `pi` into sentences.
fn split_sentences(text: &str, first: usize, pi: usize, seg: &mut Segmented) {
    let toks = &seg.tokens[first..];
    let tok = |i: usize| toks.get(i).map_or("", |s: &Span| &text[s.start..s.end]);
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = tok(i);
        let mut end = i + 1;
        let boundary = if is_ender(t) || is_abbreviation(t) {
            while end < toks.len() && is_closing(tok(end)) {
                end += 1;
            }
            let next = tok(end);
            if end >= toks.len() {
                true
            } else if is_ender(t) {
                starts_sentence(next)
            } else {
                // An abbreviation swallowed the period: only acronyms end sentences, and only
                // before a typical sentence opener.
                is_dotted_initials(t) && SENTENCE_OPENERS.contains(&next)
            }
        } else {
            end >= toks.len()
        };
        if boundary {
            seg.sentences.push(Sentence {
                span: Span::new(toks[start].start, toks[end - 1].end),
                tokens: first + start..first + end,
                paragraph: pi,
            });
            start = end;
        }
        i = end;
    }
}

fn is_ender(t: &str) -> bool {
    matches!(t, "." | "!" | "?" | "\u{2026}") || (t.len() >= 2 && t.bytes().all(|b| b == b'.'))
}

fn is_closing(t: &str) -> bool {
    matches!(t, "\"" | "\u{201d}" | "\u{2019}" | "'" | "\u{bb}" | "\u{203a}" | ")" | "]")
}

fn starts_sentence(t: &str) -> bool {
    t.chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || matches!(c, '"' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\'' | '(' | '[')
    })
}

fn is_abbreviation(t: &str) -> bool {
    t.len() >= 2 && t.ends_with('.') && t.chars().next().is_some_and(char::is_alphabetic)
}

/// Words that open sentences often enough that an acronym before them ends its sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "This",
    "That",
    "These",
    "Those",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "There",
    "Some",
    "Many",
    "Meanwhile",
    "However",
    "Earlier",
    "Last",
    "According",
];

/// Common abbreviations written with a period (lower-cased, without the period). Single
/// letters are handled separately (initials).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt", "gov",
    "sen", "rep", "pres", "rev", "hon", "amb", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd",
    "dept", "est", "vs", "etc", "approx", "no", "nos", "vol", "fig", "ft", "mt", "ave", "blvd", "univ", "assn", "bros",
];

fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}')
}

/// Tokenizes `s` (which starts at byte `base` of the page text) into `out`.
fn tokenize(s: &str, base: usize, out: &mut Vec<Span>) {
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some(c) = s[i..].chars().next() {
        let clen = c.len_utf8();
        if is_separator(c) {
            i += clen;
            continue;
        }
        if c == '.' {
            let mut end = i + 1;
            while bytes.get(end) == Some(&b'.') {
                end += 1;
            }
            out.push(Span::new(base + i, base + end));
            i = end;
            continue;
        }
        if !c.is_alphanumeric() {
            out.push(Span::new(base + i, base + i + clen));
            i += clen;
            continue;
        }
        let start = i;
        let end = scan_word(s, i);
        // Split a clitic/possessive 's off the end of the word.
        let word = &s[start..end];
        let (word_end, clitic) = match possessive_start(word) {
            Some(p) => (start + p, true),
            None => (end, false),
        };
        // Keep the period of abbreviations and initials.
        let mut tok_end = word_end;
        if !clitic && bytes.get(word_end) == Some(&b'.') && takes_period(s, start, word_end) {
            tok_end = extend_dotted(s, word_end + 1);
        }
        out.push(Span::new(base + start, base + tok_end));
        if clitic {
            out.push(Span::new(base + word_end, base + end));
        }
        i = tok_end.max(end);
    }
}

/// End of the word starting at `i`: letters/digits with inner joiners.
fn scan_word(s: &str, i: usize) -> usize {
    let b = s.as_bytes();
    let mut end = i;
    let mut prev: Option<char> = None;
    let mut j = i;
    loop {
        // ASCII letters and digits without decoding (most of a word).
        let run = j;
        while b.get(j).is_some_and(u8::is_ascii_alphanumeric) {
            j += 1;
        }
        if j > run {
            end = j;
            prev = Some(char::from(b[j - 1]));
        }
        let Some(c) = s.get(j..).and_then(|r| r.chars().next()) else { break };
        let clen = c.len_utf8();
        if c.is_alphanumeric() || c.is_mark() {
            j += clen;
            end = j;
            prev = Some(c);
            continue;
        }
        let next = s[j + clen..].chars().next();
        let joins = match (c, prev, next) {
            (h, Some(_), Some(n)) if is_hyphen(h) => n.is_alphanumeric(),
            (a, Some(p), Some(n)) if is_apostrophe(a) => p.is_alphabetic() && n.is_alphabetic(),
            ('.' | ',', Some(p), Some(n)) => p.is_ascii_digit() && n.is_ascii_digit(),
            _ => false,
        };
        if !joins {
            break;
        }
        j += clen;
    }
    end
}

/// Byte offset inside `word` where a final `'s` starts, if the word ends with one.
fn possessive_start(word: &str) -> Option<usize> {
    let mut rev = word.char_indices().rev();
    let (_, s) = rev.next()?;
    let (ai, a) = rev.next()?;
    let (_, before) = rev.next()?;
    (matches!(s, 's' | 'S') && is_apostrophe(a) && before.is_alphanumeric()).then_some(ai)
}

/// Whether the word `s[start..end]`, followed by a period, is an abbreviation or initial.
fn takes_period(s: &str, start: usize, end: usize) -> bool {
    let word = &s[start..end];
    let mut chars = word.chars();
    let single = chars.next().is_some_and(char::is_alphabetic) && chars.next().is_none();
    if single {
        // "J." "U.S." — but not "Plan B." at the very end of a paragraph, which is rare enough
        // to accept.
        return true;
    }
    if party_label(word) {
        return true;
    }
    if word.len() > 5 || !word.is_ascii() {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    if !ABBREVIATIONS.contains(&lower.as_str()) {
        return false;
    }
    if lower == "no" || lower == "nos" {
        // "No." is an abbreviation only before a number.
        return s[end + 1..].trim_start().starts_with(|c: char| c.is_ascii_digit());
    }
    true
}

/// A US party-and-state label before its period: "D-N" (of "D-N.Y."), "R-Fla", "D-Calif".
fn party_label(word: &str) -> bool {
    let Some((party, state)) = word.split_once('-') else { return false };
    matches!(party, "D" | "R" | "I")
        && (state.len() == 1 && state.bytes().all(|b| b.is_ascii_uppercase())
            || STATES.contains(&state.to_ascii_lowercase().as_str()))
}

/// AP-style state abbreviations written with a period (lower-cased), for party labels.
const STATES: &[&str] = &[
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash",
    "wis", "wyo",
];

/// After "U." at `i`, swallow more letter-period pairs ("U.S.", "a.m.").
fn extend_dotted(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    while i + 1 < b.len()
        && b[i].is_ascii_alphabetic()
        && b[i + 1] == b'.'
        && !b.get(i + 2).is_some_and(u8::is_ascii_alphanumeric)
    {
        i += 2;
    }
    i
}

trait IsMark {
    fn is_mark(&self) -> bool;
}

impl IsMark for char {
    /// Combining diacritics (U+0300–U+036F and the extended blocks) stay inside words.
    fn is_mark(&self) -> bool {
        matches!(*self as u32, 0x0300..=0x036f | 0x1ab0..=0x1aff | 0x1dc0..=0x1dff | 0x20d0..=0x20ff | 0xfe20..=0xfe2f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let seg = segment(text, &[Span::new(0, text.len())]);
        seg.tokens.iter().map(|s| &text[s.start..s.end]).collect()
    }

    fn sentences(text: &str) -> Vec<&str> {
        let seg = segment(text, &[Span::new(0, text.len())]);
        seg.sentences.iter().map(|s| &text[s.span.start..s.span.end]).collect()
    }

    #[test]
    fn keeps_numbers_and_hyphenated_names_whole() {
        assert_eq!(words("Kim Jong-un sent 11,000 troops."), vec!["Kim", "Jong-un", "sent", "11,000", "troops", "."]);
        assert_eq!(words("in 1950-1953, 3.5 percent"), vec!["in", "1950-1953", ",", "3.5", "percent"]);
    }

    #[test]
    fn splits_possessives() {
        assert_eq!(words("Russia’s war, Putin's aide"), vec!["Russia", "’s", "war", ",", "Putin", "'s", "aide"]);
        assert_eq!(words("officials’ view"), vec!["officials", "’", "view"]);
        assert_eq!(words("O’Brien don't"), vec!["O’Brien", "don't"]);
    }

    #[test]
    fn dashes_and_ellipses_are_tokens() {
        assert_eq!(
            words("Pyongyang — even as – talks... go…"),
            vec!["Pyongyang", "—", "even", "as", "–", "talks", "...", "go", "…"]
        );
        assert_eq!(words("a - b"), vec!["a", "-", "b"]);
    }

    #[test]
    fn separators_never_inside_tokens() {
        assert_eq!(words("Kim\u{200b}Jong\u{a0}Un\r\nsaid\u{feff}."), vec!["Kim", "Jong", "Un", "said", "."]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(
            words("Gen. Smith met J. R. R. Tolkien in the U.S. on Jan. 5."),
            vec!["Gen.", "Smith", "met", "J.", "R.", "R.", "Tolkien", "in", "the", "U.S.", "on", "Jan.", "5", "."]
        );
        assert_eq!(
            sentences("Gen. Smith met J. R. R. Tolkien in the U.S. on Jan. 5. He left."),
            vec!["Gen. Smith met J. R. R. Tolkien in the U.S. on Jan. 5.", "He left."]
        );
        assert_eq!(
            sentences("They live in the U.S. The rest stayed."),
            vec!["They live in the U.S.", "The rest stayed."]
        );
        assert_eq!(words("No. 5 said no."), vec!["No.", "5", "said", "no", "."]);
        // Party-and-state labels keep their periods, and no sentence ends inside them.
        assert_eq!(
            sentences("Sen. Chuck Schumer (D-N.Y.) said Tuesday. Rubio (R-Fla.) agreed."),
            vec!["Sen. Chuck Schumer (D-N.Y.) said Tuesday.", "Rubio (R-Fla.) agreed."]
        );
        assert_eq!(words("(D-N.Y.)"), vec!["(", "D-N.Y.", ")"]);
    }

    #[test]
    fn quotes_spanning_sentences() {
        let t = "He said: “We will win. They will lose.” Then he left. “Not now,” she said.";
        assert_eq!(
            sentences(t),
            vec!["He said: “We will win.", "They will lose.”", "Then he left.", "“Not now,” she said."]
        );
    }

    #[test]
    fn ellipsis_ends_sentence_before_capital() {
        assert_eq!(sentences("Wait... Then go... and stop."), vec!["Wait...", "Then go... and stop."]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let t = "x\u{a0}Ünïcode — test.\r\n";
        let seg = segment(t, &[Span::new(0, t.len())]);
        for s in &seg.tokens {
            assert!(t.get(s.start..s.end).is_some());
        }
        assert_eq!(seg.sentences.len(), 1);
        assert_eq!(seg.sentences[0].tokens, 0..5);
    }

    #[test]
    fn bad_spans_are_empty_paragraphs() {
        let seg = segment("é", &[Span::new(0, 1), Span::new(5, 9)]);
        assert_eq!(seg.paragraphs.len(), 2);
        assert!(seg.tokens.is_empty());
    }
}
