//! Metadata: dates, outlets and bylines, read from the lines around an article or from markup.
//!
//! Pastes rarely say "this is the date": it is a dateline ("Thursday, May 29, 2025",
//! "27 Jul, 2023 06:09", "Published: …"), or a label glued to icon soup (" date 2023-07-27 icon
//! bookmark…"). So a date is taken only from a line that *starts* with one (after an optional
//! label such as "date", "published", "updated"); a date inside a sentence or a photo caption
//! ("in Vladivostok on April 25, 2019") is never the article's date.
//!
//! The outlet is even less often named as such. What pages do carry is the site's name inside
//! its own chrome: "Original Source: …", "Read X Privacy policy", "X News App", "Support X!",
//! "Subscribe to X", "© 2024 X". Each template votes with a weight (the legal entity of a
//! copyright line is a weak hint: "© Autonomous Nonprofit Organization “TV-Novosti”" is RT), and
//! a name that also recurs in the page text gets more weight. In HTML, `og:site_name` and the
//! JSON-LD publisher decide.

use super::html::{collapse, HtmlMeta};
use crate::lexicon::starts_upper;
use serde_json::Value;

fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches(['.', ',']).to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    crate::lexicon::lexicon()
        .months
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() == 3 || w == "sept")))
        .map(|i| i as u32 + 1)
}

fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    crate::lexicon::lexicon().is_weekday(&w)
        || ["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"].contains(&w.as_str())
}

fn iso(y: u32, m: u32, d: u32) -> Option<String> {
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y:04}-{m:02}-{d:02}"))
}

fn num(s: &str) -> Option<u32> {
    let s = s.trim_end_matches([',', '.']);
    let s = s.trim_end_matches("st").trim_end_matches("nd").trim_end_matches("rd").trim_end_matches("th");
    (!s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// `YYYY-MM-DD` (or `YYYY/MM/DD`, optionally followed by a time) at the start of `s`.
fn iso_prefix(s: &str) -> Option<String> {
    let b = s.as_bytes();
    if b.len() < 10 || !(b[4] == b'-' || b[4] == b'/') || b[7] != b[4] {
        return None;
    }
    let y = num(s.get(0..4)?)?;
    let m = num(s.get(5..7)?)?;
    let d = num(s.get(8..10)?)?;
    if b.get(10).is_some_and(u8::is_ascii_digit) {
        return None;
    }
    iso(y, m, d)
}

/// A date at the start of the words `w` ("May 29, 2025", "29 May 2025", "27 Jul, 2023",
/// "2025-05-29"), with how many words it used.
fn date_at(w: &[&str]) -> Option<(String, usize)> {
    let first = *w.first()?;
    if let Some(d) = iso_prefix(first) {
        return Some((d, 1));
    }
    if let (Some(m), Some(d), Some(y)) = (month(first), w.get(1).and_then(|x| num(x)), w.get(2).and_then(|x| num(x))) {
        return iso(y, m, d).map(|s| (s, 3));
    }
    if let (Some(d), Some(m), Some(y)) = (num(first), w.get(1).and_then(|x| month(x)), w.get(2).and_then(|x| num(x))) {
        return iso(y, m, d).map(|s| (s, 3));
    }
    None
}

/// Labels that may precede a dateline.
fn is_date_label(w: &str) -> bool {
    let w = w.trim_end_matches(':').to_ascii_lowercase();
    matches!(
        w.as_str(),
        "date" | "published" | "updated" | "posted" | "on" | "last" | "modified" | "first" | "|" | "-" | "—"
    )
}

/// The date of a dateline: a line that starts with a date, after optional labels and a weekday.
/// Returns the ISO date.
pub fn dateline(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().take(12).collect();
    let mut i = 0;
    while i < words.len() && i < 4 && (is_date_label(words[i]) || is_weekday(words[i])) {
        i += 1;
    }
    let (date, used) = date_at(&words[i..])?;
    // A dateline is short, unless a label announced it (then the rest may be page junk).
    let rest = line.split_whitespace().count().saturating_sub(i + used);
    (i > 0 || rest <= 6).then_some(date)
}

/// Any date inside `s` (for metadata values such as `2023-07-27T06:09:00Z` or "July 27, 2023").
pub fn find_date(s: &str) -> Option<String> {
    let s = s.trim();
    if let Some(d) = iso_prefix(s) {
        return Some(d);
    }
    let words: Vec<&str> =
        s.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty()).take(40).collect();
    (0..words.len()).find_map(|i| date_at(&words[i..]).map(|(d, _)| d))
}

/// A byline line: "By Jane Doe" (optionally ", Reuters" or " and John Roe").
pub fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("by ")).or_else(|| t.strip_prefix("BY "))?;
    let rest = rest.split(['|', '\u{2022}', '\n']).next()?.trim();
    let words: Vec<&str> = rest.split_whitespace().collect();
    if words.is_empty() || words.len() > 10 {
        return None;
    }
    let capitalised = words.iter().filter(|w| starts_upper(w)).count();
    (capitalised * 2 >= words.len()).then(|| rest.trim_end_matches([',', '.']).to_string())
}

/// Outlet votes from chrome lines. Returns (name, weight) candidates found in `line`.
pub fn outlet_candidates(line: &str, out: &mut Vec<(String, f32)>) {
    let t = collapse(line);
    let lower = t.to_ascii_lowercase();
    let mut push = |name: &str, weight: f32| {
        let name = name.trim().trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != ')' && c != '”').trim();
        let name = name.trim_end_matches('.');
        let words = name.split_whitespace().count();
        if (1..=5).contains(&words)
            && name.len() <= 60
            && name
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c.is_lowercase() && name.contains('.'))
        {
            out.push((name.to_string(), weight));
        }
    };
    for prefix in
        ["original source:", "source:", "originally published by", "originally published at", "originally appeared on"]
    {
        if let Some(rest) = lower.strip_prefix(prefix) {
            push(&t[t.len() - rest.len()..], 3.0);
        }
    }
    // "Read X Privacy policy", anywhere in the line.
    if let Some(i) = lower.find(" privacy policy") {
        if let Some(r) = lower[..i].rfind("read ") {
            push(&t[r + 5..i], 3.0);
        }
    }
    for suffix in [" news app", " app"] {
        if let Some(head) = lower.strip_suffix(suffix) {
            if head.split_whitespace().count() <= 3 {
                push(&t[..head.len()], 2.5);
            }
            break;
        }
    }
    for prefix in ["support ", "subscribe to ", "donate to "] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let rest = rest.trim_end_matches(['!', '.']);
            push(&t[prefix.len()..prefix.len() + rest.len()], 2.0);
        }
    }
    // Copyright lines: "© 2024 Outlet. All rights reserved", "Copyright © Outlet 2024".
    let c = lower.find('\u{a9}').map(|i| i + '\u{a9}'.len_utf8()).or_else(|| lower.find("copyright").map(|i| i + 9));
    if let Some(i) = c {
        let rest = &t[i..];
        let rest = rest.trim_start_matches(|c: char| c == '\u{a9}' || c.is_whitespace());
        let rest =
            rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '\u{2013}' || c.is_whitespace());
        let end = rest.find(['.', ',', '|', ';']).unwrap_or(rest.len());
        let name = rest[..end].trim();
        let name =
            name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-' || c == '\u{2013}' || c.is_whitespace());
        if !name.to_lowercase().starts_with("all rights") {
            push(name, 1.0);
        }
    }
}

/// Picks the outlet among candidates: highest total weight, with a bonus for names that recur in
/// the page text.
pub fn pick_outlet(cands: &[(String, f32)], page: &str) -> Option<String> {
    // A page has a handful of chrome lines naming its site; past that it is not chrome.
    let cands = &cands[..cands.len().min(32)];
    let mut best: Option<(f32, &str)> = None;
    for (name, _) in cands {
        let total: f32 = cands.iter().filter(|(n, _)| n == name).map(|(_, w)| w).sum();
        let recurs = page.matches(name.as_str()).count().min(5) as f32 * 0.3;
        let score = total + recurs;
        if best.map_or(true, |(s, _)| score > s) {
            best = Some((score, name));
        }
    }
    best.map(|(_, n)| n.to_string())
}

/// What the markup of an HTML page says: title, date, outlet, byline.
#[derive(Debug, Default, Clone)]
pub struct MarkupMeta {
    pub title: Option<String>,
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
}

/// Reads `<meta>`, JSON-LD and `<time>` into [`MarkupMeta`].
pub fn from_markup(m: &HtmlMeta) -> MarkupMeta {
    let get = |keys: &[&str]| {
        keys.iter()
            .find_map(|k| m.meta.iter().find(|(mk, v)| mk == k && !v.trim().is_empty()).map(|(_, v)| collapse(v)))
    };
    let mut out = MarkupMeta::default();
    // JSON-LD first: it is the most explicit.
    for raw in &m.json_ld {
        let Ok(v) = serde_json::from_str::<Value>(raw.trim()) else { continue };
        let mut stack = vec![&v];
        let mut seen = 0;
        while let Some(v) = stack.pop() {
            seen += 1;
            if seen > 2000 {
                break;
            }
            match v {
                Value::Array(a) => stack.extend(a.iter()),
                Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let ty = o.get("@type").map(|t| t.to_string()).unwrap_or_default();
                    if ty.contains("Article") || ty.contains("BlogPosting") || ty.contains("Report") {
                        let s = |k: &str| o.get(k).and_then(Value::as_str).map(collapse).filter(|s| !s.is_empty());
                        out.title = out.title.take().or_else(|| s("headline")).or_else(|| s("name"));
                        out.date = out.date.take().or_else(|| s("datePublished").and_then(|d| find_date(&d)));
                        out.byline = out.byline.take().or_else(|| names(o.get("author")));
                        out.outlet = out.outlet.take().or_else(|| names(o.get("publisher")));
                    }
                }
                _ => {}
            }
        }
    }
    out.title = out.title.or_else(|| get(&["dc.title", "dcterm:title", "og:title", "title", "twitter:title"]));
    out.date = out.date.or_else(|| {
        get(&[
            "article:published_time",
            "og:article:published_time",
            "datepublished",
            "pubdate",
            "publishdate",
            "date",
            "dc.date",
            "dc.date.issued",
            "sailthru.date",
            "parsely-pub-date",
        ])
        .and_then(|d| find_date(&d))
    });
    out.date = out.date.or_else(|| m.time.as_deref().and_then(find_date));
    out.outlet = out.outlet.or_else(|| {
        get(&["og:site_name", "application-name", "publisher", "twitter:site"])
            .map(|s| s.trim_start_matches('@').to_string())
    });
    out.byline = out.byline.or_else(|| {
        get(&["author", "article:author", "dc.creator", "sailthru.author", "parsely-author"])
            .filter(|a| !a.starts_with("http"))
    });
    out
}

/// Names in a JSON-LD author/publisher value (a string, an object with "name", or a list).
fn names(v: Option<&Value>) -> Option<String> {
    let v = v?;
    let list: Vec<String> = match v {
        Value::String(s) => vec![collapse(s)],
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(collapse).into_iter().collect(),
        Value::Array(a) => a.iter().filter_map(|x| names(Some(x))).take(5).collect(),
        _ => Vec::new(),
    };
    let list: Vec<String> = list.into_iter().filter(|s| !s.is_empty() && !s.starts_with("http")).collect();
    (!list.is_empty()).then(|| list.join(", "))
}

/// The most words a site name after a title separator has ("The New York Times", "Fox News
/// Channel"); a longer tail is more likely the second half of the headline.
const SITE_NAME_WORDS: usize = 4;

/// Removes a site name appended to a `<title>` ("Headline | Site", "Headline - Site").
pub fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    for sep in [" | ", " - ", " \u{2013} ", " \u{2014} ", " :: ", " \u{b7} "] {
        if let Some(i) = title.rfind(sep) {
            let (head, tail) = (&title[..i], &title[i + sep.len()..]);
            let tail_words = tail.split_whitespace().count();
            let matches_site =
                site.is_some_and(|s| tail.eq_ignore_ascii_case(s) || s.to_lowercase().contains(&tail.to_lowercase()));
            if matches_site || (tail_words <= SITE_NAME_WORDS && head.split_whitespace().count() >= 3) {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(dateline("Thursday, May 29, 2025").as_deref(), Some("2025-05-29"));
        assert_eq!(dateline("27 Jul, 2023 06:09").as_deref(), Some("2023-07-27"));
        assert_eq!(
            dateline(" date 2023-07-27 icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon")
                .as_deref(),
            Some("2023-07-27")
        );
        assert_eq!(dateline("Published: Sept. 3, 2024 at 5:00 p.m.").as_deref(), Some("2024-09-03"));
        assert_eq!(dateline("May 29, 2025 was the day Kim Jong Un said many things about the war and more."), None);
        assert_eq!(dateline("Putin met Kim on April 25, 2019."), None);
    }

    #[test]
    fn dates_in_values() {
        assert_eq!(find_date("2023-07-27T06:09:00+00:00").as_deref(), Some("2023-07-27"));
        assert_eq!(find_date("Updated July 4, 2021 10:00 ET").as_deref(), Some("2021-07-04"));
        assert_eq!(find_date("2023-13-45"), None);
    }

    #[test]
    fn outlets_from_chrome() {
        let mut c = Vec::new();
        for l in [
            "Support The Moscow Times!",
            "Original Source: koreajoongangdaily.joins.com",
            "RT News App",
            "This website uses cookies. Read RT Privacy policy to find out more.",
            "© Autonomous Nonprofit Organization “TV-Novosti”, 2005–2023. All rights reserved.",
        ] {
            outlet_candidates(l, &mut c);
        }
        let names: Vec<&str> = c.iter().map(|(n, _)| n.as_str()).collect();
        assert!(names.contains(&"The Moscow Times"));
        assert!(names.contains(&"koreajoongangdaily.joins.com"));
        assert_eq!(names.iter().filter(|n| **n == "RT").count(), 2);
        assert_eq!(pick_outlet(&c[2..], "RT"), Some("RT".to_string()));
    }

    #[test]
    fn bylines_and_titles() {
        assert_eq!(byline("By Jane Doe and John Roe").as_deref(), Some("Jane Doe and John Roe"));
        assert_eq!(byline("By the way, this is a sentence that goes on."), None);
        assert_eq!(
            strip_site_suffix("Kim meets Putin in Vladivostok | Reuters", None),
            "Kim meets Putin in Vladivostok"
        );
    }
}
