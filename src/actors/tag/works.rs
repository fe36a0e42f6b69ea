//! Works, handles and headline verbs: mentions that name no actor of the article, or that carry
//! a word that is no part of the name. Runs after [`super::filters::repair`]; constant work per
//! mention plus one hash set of the article's mention texts.
//!
//! - **Works**: a show, book or programme title is not an actor. Three shapes say so without a
//!   list of titles: a mention in quotation marks with its sentence's full stop inside them
//!   ("an episode of “Shark Tank.”"; the mention filling the marks is `filters`' rule); a
//!   mention owned by a broadcaster ("CNBC's Squawk Box", "NBC's “Nightly News”", but not
//!   "CNN's Jake Tapper" or "MSNBC's Tamron Hall": a given name or a surname); an outlet's name run on into a time of day or week
//!   ("CBS This Morning", "Fox News Sunday", "NBC Nightly News", "Breitbart News Daily"); and a
//!   name before "show", "program" or "episode". And a mention inside a programme title the
//!   lexicon lists (`data/lexicons/works.txt`: "Morning Joe" → "Joe", "Fox and Friends" →
//!   "Fox", "The Apprentice").
//! - **Handles**: a name glued to "@" or to an underscore ("@Fred_945") is an account's
//!   handle, not a name the article gives, unless the lexicon knows it ("@NRA").
//! - **Headline verbs**: a sentence's first word that is a verb in a headline or a quote ("Hold
//!   Melania Trump to her husband's standards", "Injecting Clinton", "Ending New Hampshire's
//!   death penalty") is cut when the rest of the mention is a name the article gives elsewhere
//!   and the word is no name itself.
//! - **Weekdays**: "told CNN Tuesday" is CNN, on Tuesday.

use super::gazetteer::{self, CITIES, COUNTRIES, GIVEN_NAMES, REGIONS, SURNAMES};
use super::{EntityKind, EntityMention};
use crate::lexicon::FastSet;
use crate::lexicon::{fold, lexicon, lower};
use crate::text::{Segmented, Tokens};

/// Times of day and week a programme's name adds to its broadcaster's.
const PROGRAMME_TIMES: &[&str] = &[
    "Morning", "Tonight", "Nightly", "Evening", "Daily", "Sunday", "Saturday", "Weekend", "Live", "Today", "Now", "AM",
];

fn is_open_quote(w: &str) -> bool {
    matches!(w, "\u{201c}" | "\"" | "\u{2018}" | "'" | "\u{00ab}")
}

fn is_close_quote(w: &str) -> bool {
    matches!(w, "\u{201d}" | "\"" | "\u{2019}" | "'" | "\u{00bb}")
}

fn is_media(s: &str) -> bool {
    lexicon().lookup(s).is_some_and(|e| e.media.is_some())
}

/// The words a title writes in lower case.
const TITLE_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "nor", "but", "with", "at", "by", "from", "as",
    "into", "vs.", "is", "are", "be",
];

/// A name inside a title in quotation marks, written in title case: “Collapse: How Societies
/// Choose to Fail or Succeed,” ''Make Your Kid a Millionaire,''. The marks are looked for at
/// most eight tokens either side; between them, three words or more, every one capitalised
/// or a function word, some capitalised word outside the mention, and no sentence end.
fn in_quoted_title(v: &Tokens, a: usize, b: usize) -> bool {
    const REACH: usize = 8;
    let lex = lexicon();
    // Double marks only (a single one may be an apostrophe); tokenised copy writes '' as two.
    let mark = |i: usize| {
        matches!(v.word(i), "\u{201c}" | "\u{201d}" | "\"" | "''" | "``")
            || v.word(i) == "'" && (v.word(i + 1) == "'" || i > 0 && v.word(i - 1) == "'")
    };
    let Some(open) = (a.saturating_sub(REACH)..a).rev().find(|&i| mark(i)) else { return false };
    let n = v.toks.len();
    let Some(close) = (b..n.min(b + REACH)).find(|&i| mark(i)) else { return false };
    // An opening mark runs into the word after it, a closing one follows its word: not the
    // closing mark of one quotation and the opening mark of the next.
    let toks = v.toks;
    // '' as two tokens is one mark.
    let first = if open > 0 && v.word(open) == "'" && v.word(open - 1) == "'" { open - 1 } else { open };
    let opens = toks.get(open + 1).is_some_and(|t| t.start == toks[open].end)
        && (first == 0
            || toks[first - 1].end < toks[first].start
            || !is_close_quote(v.word(first - 1)) && v.word(first - 1) != "'");
    let closes = close > 0 && toks[close - 1].end == toks[close].start;
    if !opens || !closes {
        return false;
    }
    let (mut words, mut outside) = (0, false);
    for i in open + 1..close {
        let w = v.word(i);
        // No sentence end and no list or address inside ("Mr. and Mrs. Khan, Charlottesville, VA.").
        if matches!(w, "." | "!" | "?" | "," | ";") && i + 1 != close {
            return false;
        }
        if !w.chars().any(char::is_alphabetic) {
            continue;
        }
        // A law's name ("“Justice Against Sponsors of Terrorism Act”"): `laws` reads it.
        if matches!(w, "Act" | "Amendment" | "Treaty" | "Accords" | "Agreement" | "Bill" | "Resolution") {
            return false;
        }
        words += 1;
        let cap = w.starts_with(char::is_uppercase);
        if !cap && !TITLE_FUNCTION_WORDS.contains(&w) {
            return false;
        }
        if cap && !(a..b).contains(&i) && !lex.is_stopword(w) {
            outside = true;
        }
    }
    words >= 3 && outside && v.word(open + 1).starts_with(char::is_uppercase)
}

/// Whether mention `m` names a work (see the module documentation).
fn is_work(v: &Tokens, m: &EntityMention) -> bool {
    let (a, b) = (m.tokens.start, m.tokens.end);
    // Inside a programme's title the lexicon lists ("Morning Joe", "Fox and Friends", "The
    // Apprentice"): at most four tokens either side, so constant work per mention.
    let lex = lexicon();
    let n = v.toks.len();
    // Windows from one start are prefixes of the longest: that one says whether any may be.
    let from = |s: usize| b <= n && lex.may_start_work_title(v.slice(s..n.min(b + 4)));
    if (a.saturating_sub(4)..=a).any(|s| from(s) && (b..=n.min(b + 4)).any(|e| lex.is_work_title(v.slice(s..e)))) {
        return true;
    }
    let known = lex.lookup(v.slice(a..b)).is_some();
    if known {
        return false;
    }
    let person = m.kind == EntityKind::Per
        && (gazetteer::holds(GIVEN_NAMES, v.word(a)) || gazetteer::holds(SURNAMES, v.word(b - 1)));
    if !person && m.kind != EntityKind::Misc && in_quoted_title(v, a, b) {
        return true;
    }
    // “Shark Tank.”, “Prison Break,” (not a nickname: “Vito,”).
    let punct = matches!(v.word(b), "." | "!" | "?") || (v.word(b) == "," && !person);
    if a > 0 && is_open_quote(v.word(a - 1)) && punct && is_close_quote(v.word(b + 1)) {
        return true;
    }
    // CNBC's Squawk Box, NBC's “Nightly News”.
    let mut p = a;
    if p > 0 && is_open_quote(v.word(p - 1)) {
        p -= 1;
    }
    if p >= 2 && v.is_possessive(p - 1) && is_media(v.word(p - 2)) && !person {
        return true;
    }
    // CBS This Morning, Fox News Sunday: a known outlet, then a programme's time word.
    if (a + 1..b).any(|k| is_media(v.slice(a..k)) && (k..b).any(|i| PROGRAMME_TIMES.contains(&v.word(i)))) {
        return true;
    }
    // The Charlie Rose show.
    matches!(v.word(b), "show" | "program" | "programme" | "episode" | "episodes" | "podcast") && !person
}

/// A party to a court case is the case's name, not an actor: "Roe v. Wade", "Dobbs v. Jackson
/// Women's Health Organization", "Citizens United v. FEC". Only the law's "v." (not "vs.",
/// which headlines use for rivals: "Clinton vs. Trump"), right after the mention or at most six
/// tokens before it with nothing but capitalised words and possessives between.
fn in_case_name(v: &Tokens, m: &EntityMention) -> bool {
    let (a, b) = (m.tokens.start, m.tokens.end);
    let versus = |w: &str| matches!(w, "v." | "v");
    if versus(v.word(b)) && b + 1 < v.toks.len() && v.is_cap(b + 1) {
        return true;
    }
    let mut k = a;
    while k > 0 && a - k < 6 {
        k -= 1;
        let w = v.word(k);
        if versus(w) {
            return k > 0 && v.is_cap(k - 1);
        }
        if !v.is_cap(k) && !v.is_possessive(k) && !matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}" | "s") {
            return false;
        }
    }
    false
}

/// A bill's number or a party tag read as a name: "H. Res. 601", "S. Con. Res. 14", "H.R. 4"
/// (abbreviations, each a few capitals with a full stop, before a number or "Res."), and the
/// party letter of "(D., Conn.)" or "(R-S.C.)".
fn is_label(v: &Tokens, m: &EntityMention) -> bool {
    let (a, b) = (m.tokens.start, m.tokens.end);
    let abbreviation = |w: &str| {
        let letters = w.chars().filter(char::is_ascii_alphabetic).count();
        (1..=4).contains(&letters)
            && w.starts_with(|c: char| c.is_ascii_uppercase())
            && w.chars().all(|c| c.is_ascii_alphabetic() || c == '.')
    };
    let mut k = b;
    if v.word(k) == "." {
        k += 1;
    }
    let numbered = v.word(k).starts_with(|c: char| c.is_ascii_digit()) || matches!(v.word(k), "Res." | "Res");
    if numbered && (a..b).all(|i| abbreviation(v.word(i)) || v.word(i) == ".") {
        return true;
    }
    let party = b - a <= 2 && matches!(v.slice(a..b), "D." | "R." | "I." | "D" | "R" | "I");
    party && a > 0 && v.word(a - 1) == "(" && matches!(v.word(k), "," | "-" | ")")
}

/// An account's handle: "@Fred_945", "@AGBecerra" (not one the lexicon knows: "@NRA" is the
/// NRA speaking).
fn is_handle(text: &str, m: &EntityMention) -> bool {
    (text[..m.span.start].ends_with('@') || text[m.span.end..].starts_with('_'))
        && lexicon().lookup(&text[m.span.start..m.span.end]).is_none()
}

/// The first token of a mention that is a headline's or a quote's verb, not part of the name.
fn verb_first(
    v: &Tokens,
    seg_starts: &FastSet<usize>,
    names: &FastSet<String>,
    lower_words: &FastSet<String>,
    m: &EntityMention,
) -> bool {
    let (a, b) = (m.tokens.start, m.tokens.end);
    if b - a < 2 || !seg_starts.contains(&a) {
        return false;
    }
    let w = v.word(a);
    let rest = fold(v.slice(a + 1..b));
    let lex = lexicon();
    let is_name = [GIVEN_NAMES, SURNAMES, CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds(l, w))
        || lex.lookup(w).is_some()
        || lex.title(w).is_some()
        || lex.is_stopword(w)
        || lex.lookup(v.slice(a..b)).is_some()
        || [CITIES, COUNTRIES, REGIONS].iter().any(|&l| gazetteer::holds_phrase(l, (a..b).map(|i| v.word(i))));
    // A word that opens a place's name ("West Virginia", "New Hampshire", "Great Britain").
    let lw = lower(w);
    let compass = crate::lexicon::words::is_compass_word(&lw) || matches!(lw.as_str(), "new" | "great");
    if !(w.chars().all(char::is_alphabetic) && w.len() >= 3 && !is_name && !compass && names.contains(&rest)) {
        return false;
    }
    // A verb by its form or its use: "-ing", written in lower case elsewhere in the article,
    // or heading the article before a name of two or more words ("Hold Melania Trump to…").
    // Not merely an unknown word: "Keron Blair" beside a lone "Blair" is a given name.
    w.ends_with("ing") || lower_words.contains(&lower(w)) || (a == 0 && b - a >= 3)
}

/// Drops works and handles, and cuts a headline's verb off the name after it.
pub fn filter(text: &str, seg: &Segmented, mentions: Vec<EntityMention>) -> Vec<EntityMention> {
    let v = Tokens::new(text, &seg.tokens);
    let seg_starts: FastSet<usize> = seg.sentences.iter().map(|s| s.tokens.start).collect();
    let names: FastSet<String> = mentions.iter().map(|m| fold(v.slice(m.tokens.clone()))).collect();
    // The first words of mentions that start a sentence, where the article writes them in
    // lower case.
    let firsts: FastSet<String> = mentions
        .iter()
        .filter(|m| seg_starts.contains(&m.tokens.start))
        .map(|m| lower(v.word(m.tokens.start)))
        .collect();
    let lower_words: FastSet<String> = (0..seg.tokens.len())
        .map(|i| v.word(i))
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase) && firsts.contains(*w))
        .map(str::to_string)
        .collect();
    let mut out = Vec::with_capacity(mentions.len());
    for mut m in mentions {
        if m.tokens.is_empty() || m.tokens.end > seg.tokens.len() || m.span.end > text.len() {
            out.push(m);
            continue;
        }
        if is_handle(text, &m) || is_work(&v, &m) || in_case_name(&v, &m) || is_label(&v, &m) {
            continue;
        }
        if verb_first(&v, &seg_starts, &names, &lower_words, &m) {
            m.tokens.start += 1;
            m.span = v.span(m.tokens.clone());
        }
        // "told CNN Tuesday": a weekday run on into a name is when it spoke (not Saturday or
        // Sunday, which programmes are named after).
        let last = v.word(m.tokens.end - 1);
        // The rest must be a name by itself: a known one or two words ("Good Friday" stays).
        let rest = m.tokens.start..m.tokens.end - 1;
        let named = rest.len() >= 2 || rest.len() == 1 && lexicon().lookup(v.slice(rest.clone())).is_some();
        if m.kind != EntityKind::Per
            && m.tokens.len() >= 2
            && named
            && matches!(last, "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday")
        {
            m.tokens.end -= 1;
            m.span = v.span(m.tokens.clone());
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::tag::mentions_at;
    use crate::actors::EntityKind;
    use crate::span::Span;

    #[test]
    fn names_inside_quoted_titles() {
        let text = "He read \"Collapse: How Societies Choose to Fail or Succeed,\" Jared Diamond's book. \
                    Mail went to \"Mr. and Mrs. Khan, Charlottesville, VA.\" every day.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let v = Tokens::new(text, &seg.tokens);
        let ms = mentions_at(
            text,
            &seg,
            &[
                ("How Societies Choose", EntityKind::Org),
                ("Fail", EntityKind::Loc),
                ("Jared Diamond", EntityKind::Per),
                ("Charlottesville", EntityKind::Loc),
            ],
        );
        let titled: Vec<bool> = ms.iter().map(|m| in_quoted_title(&v, m.tokens.start, m.tokens.end)).collect();
        assert_eq!(titled, vec![true, true, false, false]);
    }

    #[test]
    fn bill_numbers_and_party_letters_are_no_actors() {
        let text = "The House passed H. Res. 601 and H.R. 4, said Sen. Chris Murphy (D., Conn.) to H.R. McMaster.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let ms = mentions_at(
            text,
            &seg,
            &[
                ("H. Res", EntityKind::Per),
                ("H.R.", EntityKind::Org),
                ("Chris Murphy", EntityKind::Per),
                ("D.", EntityKind::Per),
                ("H.R. McMaster", EntityKind::Per),
            ],
        );
        let kept: Vec<&str> = filter(text, &seg, ms).iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert_eq!(kept, ["Chris Murphy", "H.R. McMaster"]);
    }

    #[test]
    fn a_party_to_a_court_case_is_no_actor() {
        let text = "The ruling overturned Roe v. Wade and cited Dobbs v. Jackson Women 's Health Organization. \
                    Clinton vs. Trump was the race. Wade Smith spoke.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let ms = mentions_at(
            text,
            &seg,
            &[
                ("Roe", EntityKind::Per),
                ("Wade", EntityKind::Per),
                ("Health Organization", EntityKind::Org),
                ("Clinton", EntityKind::Per),
                ("Trump", EntityKind::Per),
                ("Wade Smith", EntityKind::Per),
            ],
        );
        let kept: Vec<&str> = filter(text, &seg, ms).iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert_eq!(kept, ["Clinton", "Trump", "Wade Smith"]);
    }

    #[test]
    fn a_name_inside_a_listed_programme_is_no_actor() {
        let text = "Scarborough said on Morning Joe that Fox and Friends had it wrong. Jane Doe, a \
                    contestant on The Apprentice, agreed with Fox News.";
        let seg = crate::text::segment(text, &[Span::new(0, text.len())]);
        let ms = mentions_at(
            text,
            &seg,
            &[
                ("Scarborough", EntityKind::Per),
                ("Joe", EntityKind::Per),
                ("Fox", EntityKind::Org),
                ("Jane Doe", EntityKind::Per),
                ("Apprentice", EntityKind::Per),
                ("Fox News.", EntityKind::Org),
            ],
        );
        let kept: Vec<&str> = filter(text, &seg, ms).iter().map(|m| &text[m.span.start..m.span.end]).collect();
        assert!(kept.contains(&"Scarborough") && kept.contains(&"Jane Doe"), "{kept:?}");
        assert!(!kept.contains(&"Joe") && !kept.contains(&"Apprentice"), "{kept:?}");
        assert_eq!(kept.iter().filter(|m| m.starts_with("Fox")).count(), 1, "{kept:?}");
    }
}
