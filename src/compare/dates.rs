//! `date`: the same event placed on different days by different outlets.
//!
//! Each article's body is read for the dates it gives: a weekday ("on Friday", "last
//! Thursday"), a day of a month ("March 3", "Friday, March 3, 2013"), a month ("in mid-May",
//! "in April"), or a span of years ("from 1966 to 1978"). A weekday is resolved against the
//! article's own date: the most recent such day on or before it, or the next one on or after it
//! when the sentence speaks of the future ("will vote Friday"). A day without a year takes the
//! article's year.
//!
//! Two dates are compared only when both sentences tell the same event, which words alone
//! cannot settle, so the test is strict: both sentences name the same cross-article actor
//! ([`super::align`]) and share at least [`MIN_SHARED_EVENT_WORDS`] content words beyond the
//! names, the dates and the reporting verbs, half of the shorter sentence's at least: one event
//! told twice, not two meetings of the same two men a few days apart. Unresolved weekdays of a
//! past event and of one still to come ("announced Wednesday" / "to be released Thursday") are
//! two events. A span of years is compared
//! only when it follows the same person in both ("Edward Brooke, who served from 1967 to 1979"
//! / "Edward Brooke … held the seat from 1966 to 1978"). Never compared: a sentence with two
//! dates (which one belongs to the event is not clear), and a pair where either article also
//! gives the other's date anywhere (two events of one story, each told by both).

use super::discrepancies::{stems, versus};
use super::stories::day_number;
use crate::lexicon::lexicon;
use crate::report::{
    ActorType, Article, Discrepancy, DiscrepancyItem, DiscrepancyKind, GlobalActor, Importance, Span, Story,
};
use std::collections::{BTreeSet, HashMap};

/// Content words two sentences must share, beyond names, dates and reporting verbs, to tell one event.
pub const MIN_SHARED_EVENT_WORDS: usize = 4;

/// Share of the shorter sentence's event words the other must hold: one event told twice, not
/// two events of one story that share a few words ("met", "tax").
pub const MIN_SHARED_EVENT_SHARE: f64 = 0.5;

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Events that happen once in a story, named by a noun: two articles dating "the primary" date
/// one event even with no actor named. Recurring events (a vote, a hearing, a meeting, a
/// debate) are left out: a story holds several.
const EVENT_NOUNS: &[(&str, &str)] = &[
    ("primary", "primary"),
    ("primaries", "primary"),
    ("runoff", "runoff"),
    ("referendum", "referendum"),
    ("inauguration", "inauguration"),
    ("funeral", "funeral"),
    ("sentencing", "sentencing"),
];

/// Words before a date read for its event noun.
const EVENT_NOUN_REACH: usize = 6;

/// When a date mention places its event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    /// A day: days since 1970-01-01.
    Day(i64),
    /// A day of a month whose year is not known (no article date).
    MonthDay(u8, u8),
    /// A month (1–12), with its year when known.
    Month(Option<i64>, u8),
    /// A weekday (0 = Monday) not resolved (no article date).
    Weekday(u8),
    /// A span of years.
    Years(i64, i64),
}

impl When {
    /// The value shown: an ISO date where resolved ("2013-03-01", "2013-05", "1966/1978"), else
    /// the words' meaning ("friday", "--03-01").
    fn value(self) -> String {
        match self {
            When::Day(n) => {
                let (y, m, d) = civil(n);
                format!("{y:04}-{m:02}-{d:02}")
            }
            When::MonthDay(m, d) => format!("--{m:02}-{d:02}"),
            When::Month(Some(y), m) => format!("{y:04}-{m:02}"),
            When::Month(None, m) => format!("--{m:02}"),
            When::Weekday(w) => WEEKDAYS[w as usize].to_string(),
            When::Years(a, b) => format!("{a:04}/{b:04}"),
        }
    }

    /// (year, month, day) as far as known.
    fn parts(self) -> Option<(Option<i64>, u8, Option<u8>)> {
        match self {
            When::Day(n) => {
                let (y, m, d) = civil(n);
                Some((Some(y), m, Some(d)))
            }
            When::MonthDay(m, d) => Some((None, m, Some(d))),
            When::Month(y, m) => Some((y, m, None)),
            _ => None,
        }
    }
}

/// Whether two dates of one event cannot both be true. Only values of the same grain are
/// compared, a month with a day by its month; a weekday is compared only with a weekday (both
/// unresolved: the articles' dates are not known).
fn conflict(a: When, b: When) -> bool {
    match (a, b) {
        (When::Weekday(x), When::Weekday(y)) => x != y,
        (When::Years(a0, a1), When::Years(b0, b1)) => (a0, a1) != (b0, b1),
        _ => match (a.parts(), b.parts()) {
            (Some((ya, ma, da)), Some((yb, mb, db))) => {
                if let (Some(ya), Some(yb)) = (ya, yb) {
                    if ya != yb {
                        return true;
                    }
                }
                ma != mb || matches!((da, db), (Some(x), Some(y)) if x != y)
            }
            _ => false,
        },
    }
}

/// (year, month, day) of a day number (Howard Hinnant's civil_from_days).
fn civil(n: i64) -> (i64, u8, u8) {
    let z = n + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Weekday of a day number, 0 = Monday (1970-01-01 was a Thursday).
fn weekday_of(n: i64) -> u8 {
    (n + 3).rem_euclid(7) as u8
}

/// One date in an article: what it places, its words, and the sentence it is in.
#[derive(Debug)]
struct DateMention {
    when: When,
    span: Span,
    /// The sentence speaks of the event as still to come ("will vote", "to be released").
    future: bool,
}

/// A word of a sentence: its byte span in the text and its letters, lower-case, without the
/// punctuation around it (a possessive "'s" cut).
struct Word<'t> {
    span: Span,
    raw: &'t str,
    low: String,
}

fn words(text: &str, s: Span) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let Some(sent) = text.get(s.start..s.end) else { return out };
    let mut from = None;
    for (i, c) in sent.char_indices().chain(std::iter::once((sent.len(), ' '))) {
        let sep = c.is_whitespace() || c == '\u{2014}';
        match (from, sep) {
            (None, false) => from = Some(i),
            (Some(b), true) => {
                from = None;
                let w = &sent[b..i];
                let lead = w.len() - w.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
                let core = w.trim_matches(|c: char| !c.is_alphanumeric());
                if core.is_empty() {
                    continue;
                }
                let start = s.start + b + lead;
                let mut low = core.to_lowercase();
                for suffix in ["'s", "\u{2019}s"] {
                    if low.ends_with(suffix) {
                        low.truncate(low.len() - suffix.len());
                    }
                }
                out.push(Word { span: Span::new(start, start + core.len()), raw: core, low });
            }
            _ => {}
        }
    }
    out
}

fn month_of(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.');
    const ABBR: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sept", "oct", "nov", "dec"];
    MONTHS
        .iter()
        .position(|m| *m == w)
        .or_else(|| ABBR.iter().position(|m| *m == w))
        .or(if w == "sep" { Some(8) } else { None })
        .map(|i| i as u8 + 1)
}

fn day_of_month(w: &str) -> Option<u8> {
    let d = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    if d.is_empty() || d.len() > 2 || !d.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let suffix = &w[d.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    d.parse().ok().filter(|n| (1..=31).contains(n))
}

fn year_of(w: &str) -> Option<i64> {
    (w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..2100).contains(y))
}

/// Words before a date read for a future marker.
const FUTURE_REACH: usize = 10;

/// Words before a date that put its event in the future ("will vote Friday", "is expected
/// Tuesday", "next Monday").
fn speaks_of_future(before: &[Word]) -> bool {
    const FUTURE: &[&str] =
        &["will", "would", "ll", "scheduled", "expected", "plans", "planned", "next", "upcoming", "until", "by"];
    let near = &before[before.len().saturating_sub(FUTURE_REACH)..];
    near.iter().any(|w| FUTURE.contains(&w.low.as_str()))
        || near.windows(2).any(|p| p[0].low == "to" && p[1].low == "be")
}

/// Every date in one sentence.
fn dates_in(text: &str, sentence: Span, article_day: Option<i64>) -> Vec<DateMention> {
    let ws = words(text, sentence);
    let mut out = Vec::new();
    let year = article_day.map(|n| civil(n).0);
    let mut i = 0;
    while i < ws.len() {
        let w = &ws[i];
        let future = speaks_of_future(&ws[..i]);
        let starts_upper = w.raw.chars().next().is_some_and(char::is_uppercase);
        // A span of years: "from 1966 to 1978", "between 1966 and 1978", "1966-1978".
        if matches!(w.low.as_str(), "from" | "between") && i + 3 < ws.len() {
            if let (Some(a), Some(b)) = (year_of(&ws[i + 1].low), year_of(&ws[i + 3].low)) {
                if matches!(ws[i + 2].low.as_str(), "to" | "and" | "until" | "through") && a < b {
                    out.push(DateMention {
                        when: When::Years(a, b),
                        span: Span::new(w.span.start, ws[i + 3].span.end),
                        future,
                    });
                    i += 4;
                    continue;
                }
            }
        }
        if let Some((a, b)) = w.low.split_once('-').or_else(|| w.low.split_once('\u{2013}')) {
            if let (Some(a), Some(b)) = (year_of(a), year_of(b)) {
                if a < b {
                    out.push(DateMention { when: When::Years(a, b), span: w.span, future });
                    i += 1;
                    continue;
                }
            }
        }
        // A weekday, maybe followed by a day of a month ("Friday, March 3").
        if starts_upper {
            if let Some(wd) = WEEKDAYS.iter().position(|d| *d == w.low) {
                if let Some((m, end, n)) = ws
                    .get(i + 1)
                    .and_then(|x| month_of(&x.low).map(|m| (m, x)))
                    .and_then(|(m, x)| ws.get(i + 2).and_then(|d| day_of_month(&d.low)).map(|d| (m, d, x)))
                    .map(|(m, d, _)| (m, ws[i + 2].span.end, d))
                {
                    let (when, end, k) = month_day(&ws, i + 2, m, n, end, year);
                    out.push(DateMention { when, span: Span::new(w.span.start, end), future });
                    i = k;
                    continue;
                }
                let before = &ws[..i];
                let prev = before.last().map(|p| p.low.as_str());
                if prev == Some("next") || prev == Some("this") {
                    i += 1;
                    continue; // "next Friday", "this Friday": which week is not clear
                }
                let start = if prev == Some("last") { before[i - 1].span.start } else { w.span.start };
                let when = match article_day {
                    Some(n) => {
                        let back = (i64::from(weekday_of(n)) - wd as i64).rem_euclid(7);
                        let day = if future {
                            n + (wd as i64 - i64::from(weekday_of(n))).rem_euclid(7)
                        } else if prev == Some("last") && back == 0 {
                            n - 7
                        } else {
                            n - back
                        };
                        When::Day(day)
                    }
                    None => When::Weekday(wd as u8),
                };
                out.push(DateMention { when, span: Span::new(start, w.span.end), future });
                i += 1;
                continue;
            }
            // A month: "March 3", "March 3, 2013", "mid-May", "in April".
            if let Some(m) = month_of(&w.low) {
                if let Some(d) = ws.get(i + 1).and_then(|x| day_of_month(&x.low)) {
                    let (when, end, k) = month_day(&ws, i + 1, m, d, ws[i + 1].span.end, year);
                    out.push(DateMention { when, span: Span::new(w.span.start, end), future });
                    i = k;
                    continue;
                }
                let prev = if i > 0 { ws[i - 1].low.as_str() } else { "" };
                let hedge = matches!(prev, "mid" | "early" | "late");
                if hedge || matches!(prev, "in" | "since" | "until" | "through") {
                    let own_year = ws.get(i + 1).and_then(|x| year_of(&x.low));
                    let start = if hedge { ws[i - 1].span.start } else { w.span.start };
                    let end = if own_year.is_some() { ws[i + 1].span.end } else { w.span.end };
                    out.push(DateMention {
                        when: When::Month(own_year.or(year), m),
                        span: Span::new(start, end),
                        future,
                    });
                    i += 1 + usize::from(own_year.is_some());
                    continue;
                }
            }
        }
        // "mid-May" as one word.
        if let Some(rest) =
            w.low.strip_prefix("mid-").or_else(|| w.low.strip_prefix("early-")).or_else(|| w.low.strip_prefix("late-"))
        {
            if let Some(m) = month_of(rest) {
                out.push(DateMention { when: When::Month(year, m), span: w.span, future });
            }
        }
        i += 1;
    }
    out
}

/// A day of a month at `ws[k]` (the day's word), with its year if one follows: the date, where
/// it ends, and the next word to read.
fn month_day(ws: &[Word], k: usize, m: u8, d: u8, end: usize, article_year: Option<i64>) -> (When, usize, usize) {
    let own_year = ws.get(k + 1).and_then(|x| year_of(&x.low));
    let (year, end, next) = match own_year {
        Some(y) => (Some(y), ws[k + 1].span.end, k + 2),
        None => (article_year, end, k + 1),
    };
    let when = match year.and_then(|y| day_number(&format!("{y:04}-{m:02}-{d:02}"))) {
        Some(n) => When::Day(n),
        None => When::MonthDay(m, d),
    };
    (when, end, next)
}

/// Words that are not the event: reporting verbs and the words of dates.
fn is_event_word(stem: &str) -> bool {
    const NOT: &[&str] = &[
        "said", "says", "told", "tells", "added", "accor", "state", "repor", "mid", "early", "late", "last", "week",
        "month", "year", "day", "today", "yeste", "tomor", "morni", "eveni", "night", "after", "earli", "later",
    ];
    !NOT.contains(&stem)
        && !stem.chars().all(|c| c.is_ascii_digit())
        && !WEEKDAYS.iter().any(|w| w.starts_with(stem))
        && month_of(stem).is_none()
        && !MONTHS.iter().any(|m| m.starts_with(stem) && stem.len() >= 3)
}

/// One sentence holding exactly one date: the date, the global actors it names (with the
/// position of each mention), and its event words.
struct Dated<'a> {
    date: DateMention,
    /// The one-off event the date is given for, when a word of [`EVENT_NOUNS`] stands just
    /// before it ("primaries in mid-May", "the primary would be held on April 30").
    event_noun: Option<&'static str>,
    actors: Vec<(usize, &'a GlobalActor)>,
    people: Vec<usize>,
    words: BTreeSet<String>,
    /// This sentence speaks for its event noun in the article: every dated sentence of the
    /// article with that noun agrees with the others, and this one gives the finest date ("The
    /// primary would be held on April 30" over "a primary in April").
    noun_rep: bool,
}

pub(super) fn dates(
    texts: &[&str],
    articles: &[Article],
    stories: &[Story],
    global_of: &HashMap<&str, &GlobalActor>,
) -> Vec<Discrepancy> {
    let mut out = Vec::new();
    for story in stories.iter().filter(|s| s.articles.len() >= 2) {
        let arts: Vec<&Article> =
            story.articles.iter().filter_map(|id| articles.iter().find(|a| &a.id == id)).collect();
        let per: Vec<(Vec<Dated>, Vec<When>)> =
            arts.iter().map(|a| dated_sentences(texts.get(a.input).copied().unwrap_or(""), a, global_of)).collect();
        let mut reported: BTreeSet<(String, String)> = BTreeSet::new();
        for x in 0..arts.len() {
            for y in x + 1..arts.len() {
                for p in &per[x].0 {
                    for q in &per[y].0 {
                        let (a, b) = (p.date.when, q.date.when);
                        // Unresolved, a past event and one still to come are two events.
                        let unresolved = matches!(a, When::Weekday(_)) || matches!(b, When::Weekday(_));
                        if (unresolved && p.date.future != q.date.future)
                            || !conflict(a, b)
                            || per[x].1.iter().any(|w| !conflict(*w, b) && same_grain(*w, b))
                            || per[y].1.iter().any(|w| !conflict(*w, a) && same_grain(*w, a))
                        {
                            continue;
                        }
                        let Some(actor) = same_event(p, q) else { continue };
                        let key = (a.value().min(b.value()), a.value().max(b.value()));
                        if !reported.insert(key) {
                            continue;
                        }
                        let ta = texts.get(arts[x].input).copied().unwrap_or("");
                        let tb = texts.get(arts[y].input).copied().unwrap_or("");
                        let ia = item(ta, arts[x], p.date.span, a.value());
                        let ib = item(tb, arts[y], q.date.span, b.value());
                        let what = if matches!(a, When::Years(..)) {
                            "years given differently"
                        } else {
                            "the same event placed on different days"
                        };
                        out.push(Discrepancy {
                            kind: DiscrepancyKind::Date,
                            importance: if matches!(a, When::Years(..)) {
                                Importance::Minor
                            } else {
                                Importance::Major
                            },
                            story: Some(story.id.clone()),
                            summary: format!("{actor}: {what}: {}", versus(&ia, arts[x], &ib, arts[y])),
                            items: vec![ia, ib],
                        });
                    }
                }
            }
        }
    }
    out
}

/// Whether an article's other date can stand for `b` (one mentions the other's value).
fn same_grain(a: When, b: When) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b) || (a.parts().is_some() && b.parts().is_some())
}

fn item(text: &str, a: &Article, span: Span, value: String) -> DiscrepancyItem {
    DiscrepancyItem {
        article: a.id.clone(),
        start: span.start,
        end: span.end,
        text: text.get(span.start..span.end).unwrap_or("").to_string(),
        value,
        marks: Vec::new(),
    }
}

/// Whether a paragraph has a capitalised weekday or month name, or a four-digit number: a test
/// without allocation before the paragraph is read word by word.
fn may_hold_a_date(para: &str) -> bool {
    const ABBR: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    para.split(|c: char| !c.is_alphanumeric()).any(|w| {
        let Some(first) = w.chars().next() else { return false };
        if first.is_ascii_digit() {
            return w.len() == 4;
        }
        first.is_ascii_uppercase()
            && w.len() >= 3
            && (WEEKDAYS.iter().chain(&MONTHS).any(|d| d.eq_ignore_ascii_case(w))
                || ABBR.iter().any(|m| m.eq_ignore_ascii_case(w)))
    })
}

/// The dated sentences of an article (one date each), and every date the article gives.
fn dated_sentences<'a>(
    text: &str,
    a: &'a Article,
    global_of: &HashMap<&str, &'a GlobalActor>,
) -> (Vec<Dated<'a>>, Vec<When>) {
    let day = a.date.as_deref().and_then(day_number);
    // Only paragraphs that hold a date are split into sentences (splitting is most of the cost).
    let paras: Vec<Span> = a
        .body
        .iter()
        .copied()
        .filter(|p| may_hold_a_date(text.get(p.start..p.end).unwrap_or("")) && !dates_in(text, *p, day).is_empty())
        .collect();
    let seg = crate::text::segment(text, &paras);
    let mut all = Vec::new();
    let mut out = Vec::new();
    let lex = lexicon();
    for s in &seg.sentences {
        let mut ds = dates_in(text, s.span, day);
        all.extend(ds.iter().map(|d| d.when));
        if ds.len() != 1 {
            continue;
        }
        let date = ds.remove(0);
        let ws = words(text, s.span);
        let at = ws.iter().position(|w| w.span.start >= date.span.start).unwrap_or(ws.len());
        let event_noun = ws[at.saturating_sub(EVENT_NOUN_REACH)..at]
            .iter()
            .rev()
            .find_map(|w| EVENT_NOUNS.iter().find(|(form, _)| *form == w.low).map(|(_, noun)| *noun));
        let mut actors: Vec<(usize, &GlobalActor)> = Vec::new();
        let mut people: Vec<usize> = Vec::new();
        let mut name_words: BTreeSet<String> = BTreeSet::new();
        for actor in &a.actors {
            let Some(g) = global_of.get(actor.id.as_str()) else { continue };
            for m in actor.mentions.iter().filter(|m| m.start >= s.span.start && m.end <= s.span.end) {
                actors.push((m.start, g));
                if actor.kind == ActorType::Person {
                    people.push(m.start);
                }
                name_words.extend(stems(&m.text));
                for alias in &actor.aliases {
                    name_words.extend(stems(alias));
                }
            }
        }
        let sent = text.get(s.span.start..s.span.end).unwrap_or("");
        let words: BTreeSet<String> = stems(sent)
            .into_iter()
            .filter(|w| is_event_word(w) && !name_words.contains(w) && !lex.is_stopword(w))
            .collect();
        out.push(Dated { date, event_noun, actors, people, words, noun_rep: false });
    }
    let fineness = |w: When| match w {
        When::Years(..) => 0,
        When::Month(..) => 1,
        _ => 2,
    };
    for i in 0..out.len() {
        let Some(noun) = out[i].event_noun else { continue };
        let same: Vec<When> = out.iter().filter(|d| d.event_noun == Some(noun)).map(|d| d.date.when).collect();
        let agree = same.iter().all(|x| same.iter().all(|y| !conflict(*x, *y)));
        let finest = same.iter().map(|w| fineness(*w)).max().unwrap_or(0);
        let first_finest =
            out.iter().position(|d| d.event_noun == Some(noun) && fineness(d.date.when) == finest) == Some(i);
        out[i].noun_rep = agree && first_finest;
    }
    (out, all)
}

/// What both sentences tell the same event of, if they do: for a span of years, the same person
/// named last before it; for a one-off event named by a noun ([`EVENT_NOUNS`]), that noun; for any
/// other date, a shared actor and shared event words.
fn same_event<'a>(p: &Dated<'a>, q: &Dated<'a>) -> Option<String> {
    if let (When::Years(..), When::Years(..)) = (p.date.when, q.date.when) {
        let last_before = |d: &Dated<'a>| -> Option<&'a GlobalActor> {
            let at = d.people.iter().filter(|at| **at < d.date.span.start).max()?;
            d.actors.iter().find(|(s, _)| s == at).map(|(_, g)| *g)
        };
        let (a, b) = (last_before(p)?, last_before(q)?);
        return (a.id == b.id).then(|| a.name.clone());
    }
    if let (Some(x), Some(y)) = (p.event_noun, q.event_noun) {
        if x == y && p.noun_rep && q.noun_rep {
            return Some(format!("The {x}"));
        }
    }
    let (_, g) = p.actors.iter().find(|(_, g)| q.actors.iter().any(|(_, h)| h.id == g.id))?;
    let shared = p.words.intersection(&q.words).count();
    let smaller = p.words.len().min(q.words.len()).max(1);
    (shared >= MIN_SHARED_EVENT_WORDS && shared as f64 >= MIN_SHARED_EVENT_SHARE * smaller as f64)
        .then(|| g.name.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Mention;

    fn when_of(text: &str, date: Option<&str>) -> Vec<String> {
        dates_in(text, Span::new(0, text.len()), date.and_then(day_number)).iter().map(|d| d.when.value()).collect()
    }

    #[test]
    fn weekdays_resolve_against_the_article_date() {
        // 2013-03-04 is a Monday.
        assert_eq!(when_of("The Senate voted on Friday.", Some("2013-03-04")), ["2013-03-01"]);
        assert_eq!(when_of("The Senate will vote Friday.", Some("2013-03-04")), ["2013-03-08"]);
        assert_eq!(when_of("The Senate voted Monday.", Some("2013-03-04")), ["2013-03-04"]);
        assert_eq!(when_of("The Senate voted last Monday.", Some("2013-03-04")), ["2013-02-25"]);
        assert_eq!(when_of("The Senate voted on Friday.", None), ["friday"]);
        assert!(when_of("The Senate votes next Friday.", Some("2013-03-04")).is_empty());
    }

    #[test]
    fn days_months_and_spans_of_years() {
        assert_eq!(when_of("It was signed on Friday, March 1, 2013, in Boston.", None), ["2013-03-01"]);
        assert_eq!(when_of("The primary would be held on April 30.", Some("2013-02-01")), ["2013-04-30"]);
        assert_eq!(when_of("The primary would be held on April 30.", None), ["--04-30"]);
        assert_eq!(when_of("Primaries will be held in mid-May.", Some("2013-02-01")), ["2013-05"]);
        assert_eq!(when_of("He may run. He served from 1967 to 1979.", None), ["1967/1979"]);
        assert!(when_of("The March on Washington may be remembered.", None).is_empty());
    }

    #[test]
    fn conflicts_compare_like_with_like() {
        let day = |s: &str| When::Day(day_number(s).unwrap());
        assert!(conflict(day("2013-04-30"), When::Month(Some(2013), 5)));
        assert!(!conflict(day("2013-05-14"), When::Month(Some(2013), 5)));
        assert!(conflict(When::Weekday(4), When::Weekday(3)));
        assert!(!conflict(When::Weekday(4), day("2013-03-01")));
        assert!(conflict(When::Years(1966, 1978), When::Years(1967, 1979)));
    }

    /// An article whose text is `text`, naming the global actor `g` (per-article id `aN:p1`)
    /// wherever `name` occurs.
    fn article(n: usize, text: &str, name: &str) -> Article {
        let mentions = text
            .match_indices(name)
            .map(|(at, m)| Mention { start: at, end: at + m.len(), text: m.to_string() })
            .collect();
        Article {
            id: format!("a{n}"),
            input: n,
            body: vec![Span::new(0, text.len())],
            actors: vec![crate::report::Actor {
                id: format!("a{n}:p1"),
                name: name.into(),
                kind: ActorType::Person,
                aliases: vec![name.into()],
                roles: vec![],
                role_evidence: vec![],
                mentions,
            }],
            ..Default::default()
        }
    }

    fn run(t1: &str, t2: &str, name: &str) -> Vec<Discrepancy> {
        let texts = [t1, t2];
        let arts = vec![article(0, t1, name), article(1, t2, name)];
        let g = GlobalActor {
            id: "g1".into(),
            name: name.into(),
            kind: ActorType::Person,
            members: vec!["a0:p1".into(), "a1:p1".into()],
            variants: vec![],
        };
        let global_of: HashMap<&str, &GlobalActor> = [("a0:p1", &g), ("a1:p1", &g)].into_iter().collect();
        let story = Story { id: "s1".into(), articles: vec!["a0".into(), "a1".into()] };
        dates(&texts, &arts, &[story], &global_of)
    }

    #[test]
    fn one_event_on_two_days_is_reported() {
        let d = run(
            "Governor Christie fired his deputy chief of staff over the bridge lane closures on Thursday.",
            "Christie fired his deputy chief of staff on Friday over the lane closures at the bridge.",
            "Christie",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].items[0].value.as_str(), d[0].items[1].value.as_str()), ("thursday", "friday"));
        assert_eq!(d[0].items[0].text, "Thursday");
    }

    #[test]
    fn two_events_of_one_story_are_not() {
        // Few shared words: a meeting and a trip.
        assert!(run(
            "Obama met Boehner at the White House on Sunday to discuss taxes.",
            "Obama flew to Detroit on Monday to campaign for higher taxes on top earners.",
            "Obama"
        )
        .is_empty());
        // A past event and one still to come.
        assert!(run(
            "Christie announced the new bridge safety policy for commuters on Wednesday.",
            "Christie will announce the new bridge safety policy for commuters on Thursday.",
            "Christie"
        )
        .is_empty());
        // Each article gives both days somewhere.
        assert!(run(
            "Christie fired his deputy chief of staff over the bridge lane closures on Thursday. He spoke Friday.",
            "Christie fired his deputy chief of staff on Friday over the lane closures at the bridge. Thursday was quiet.",
            "Christie"
        )
        .is_empty());
    }

    #[test]
    fn a_one_off_event_named_by_its_noun_needs_no_actor() {
        let fox = "Both parties will hold special-election primaries in mid May.";
        let nyt = "Two congressmen will face off in a primary in April. The primary would be held on April 30.";
        let d = run(fox, nyt, "Nobody Here");
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].items[1].text, "April 30", "the finest of the agreeing dates");
        // Articles that date two primaries differently are telling two primaries.
        let two = "The Democratic primary is on April 30. The Republican primary comes in June.";
        assert!(run(fox, two, "Nobody Here").is_empty());
        // A recurring event (a vote) is not one event.
        assert!(run("The vote will come in mid May.", "The vote would be held on April 30.", "Nobody Here").is_empty());
    }

    #[test]
    fn spans_of_years_follow_the_same_person() {
        let d = run(
            "Cowan will be the first since Edward Brooke, who served from 1967 to 1979.",
            "Cowan follows Edward Brooke, a Republican, who held the seat from 1966 to 1978.",
            "Edward Brooke",
        );
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].items[1].value, "1966/1978");
        // The years come before any person: whose they are is not known.
        assert!(run(
            "The firm was open from 1967 to 1979, and Edward Brooke worked there.",
            "The firm was open from 1966 to 1978, and Edward Brooke worked there.",
            "Edward Brooke"
        )
        .is_empty());
    }
}
