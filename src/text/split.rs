//! Several articles in one paste: where one ends and the next begins.
//!
//! People paste two stories one after the other, each with its own page junk. Between two body
//! paragraphs of *one* article there is sometimes junk too (a "READ MORE" link, a caption, a
//! subheading), so a gap alone proves nothing. An article boundary needs evidence of a new
//! article's header, or of an old article's end:
//!
//! * a title-like line just before the next body (only captions, datelines and bylines
//!   between), together with a dateline/byline near it or an end-of-article marker in the gap
//!   (page chrome alone is not enough: a wiki's sections have "[edit]" links and subheadings), or
//! * an end-of-article marker in the gap ("Original Source: …", a copyright line, a comment
//!   form) followed by at least three body paragraphs, or
//! * a title-like line with a dateline next to it, after page junk, even where the
//!   smoothing took the new header for body (a long line of icon names reads like prose).
//!
//! and both sides must be articles in their own right (at least [`MIN_WORDS`] words of body).
//! The new article starts at the short header lines (dateline, section crumb, "Support X!")
//! that sit right before its title, or right after the end marker.

use super::blocks::{self, Block};
use super::meta;
use std::ops::Range;

/// Words of body each side of a boundary needs.
const MIN_WORDS: usize = 120;
/// How far before a body paragraph its title may be (captions, datelines, bylines between).
const HEADER_WINDOW: usize = 4;

/// Splits `blocks` into articles (ranges of block indices covering all blocks, in order).
/// `logodds` is the classifier's own evidence per block (before smoothing): a header line that
/// smoothing bridged into the body still counts as junk here.
pub fn articles(text: &str, blocks: &[Block], is_body: &[bool], logodds: &[f32]) -> Vec<Range<usize>> {
    if blocks.first().is_some_and(|b| b.html.is_some()) {
        // An HTML page is one document: its markup already says what the article is.
        return std::iter::once(0..blocks.len()).collect();
    }
    let t = |i: usize| &text[blocks[i].span.start..blocks[i].span.end];
    let words: Vec<usize> = (0..blocks.len()).map(|i| if is_body[i] { blocks::word_count(t(i)) } else { 0 }).collect();
    // prefix[i]: body words in blocks[..i] (keeps the scan linear).
    let mut prefix = vec![0usize; blocks.len() + 1];
    for i in 0..blocks.len() {
        prefix[i + 1] = prefix[i] + words[i];
    }
    let body: Vec<usize> = (0..blocks.len()).filter(|&i| is_body[i]).collect();
    let mut starts = vec![0];
    let mut before = 0usize; // body words since the last boundary
    for pair in body.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        before += words[a];
        if b == a + 1 {
            continue;
        }
        let after = prefix[blocks.len()] - prefix[b];
        if before < MIN_WORDS || after < MIN_WORDS {
            continue;
        }
        let gap = a + 1..b;
        let title = gap.clone().rev().take(HEADER_WINDOW).find(|&i| title_like(t(i)));
        let end_marker = gap.clone().rev().find(|&i| is_end_marker(t(i)));
        let start = if let Some(ti) = title {
            let near = ti.saturating_sub(2).max(gap.start)..(ti + 3).min(gap.end);
            let header = near.clone().any(|i| meta::dateline(t(i)).is_some() || meta::byline(t(i)).is_some());
            (header || end_marker.is_some()).then(|| header_start(text, blocks, a + 1, ti))
        } else {
            let third_body = is_body[b..].iter().filter(|&&x| x).nth(2).is_some();
            end_marker.filter(|_| third_body).map(|m| m + 1)
        };
        if let Some(s) = start {
            starts.push(s);
            before = 0;
        }
    }
    // Evidence that smoothing may have hidden inside the body: a new article's header (a
    // title-like line with a dateline or byline next to it, right after page junk; a long line
    // of icon names reads like prose), or a strong end marker ("Original Source: …").
    let n = blocks.len();
    let gap_starts = std::mem::take(&mut starts);
    let mut floor = 0;
    let mut next_gap = 0;
    for ti in 0..n {
        while next_gap < gap_starts.len() && gap_starts[next_gap] <= ti {
            floor = floor.max(gap_starts[next_gap]);
            next_gap += 1;
        }
        let enough = |from: usize, to: usize| prefix[to] - prefix[from] >= MIN_WORDS;
        if is_strong_end_marker(t(ti)) && enough(floor, ti) && enough(ti + 1, n) {
            starts.push(ti + 1);
            floor = ti + 1;
            continue;
        }
        if !title_like(t(ti)) {
            continue;
        }
        let near = ti.saturating_sub(3).max(floor)..(ti + 3).min(n);
        if !near.clone().any(|i| i != ti && meta::dateline(t(i)).is_some()) {
            continue;
        }
        // The header leads into prose: a body paragraph of some length within a few blocks.
        let leads = (ti + 1..(ti + 1 + HEADER_WINDOW).min(n)).any(|i| is_body[i] && words[i] >= 20);
        if !leads {
            continue;
        }
        let h = header_start(text, blocks, floor, ti);
        let h = (near.start..ti).find(|&i| meta::dateline(t(i)).is_some()).map_or(h, |d| d.min(h));
        let junk_before = (h.saturating_sub(3)..ti).any(|i| !is_body[i] || logodds.get(i).is_some_and(|&l| l < 0.0));
        if junk_before && h > floor && enough(floor, h) && enough(ti, n) {
            starts.push(h);
            floor = h;
        }
    }
    starts.extend(gap_starts);
    starts.sort_unstable();
    starts.dedup();
    // Keep boundaries that leave each article its own body.
    let mut kept: Vec<usize> = Vec::new();
    for s in starts {
        match kept.last() {
            Some(&k) if prefix[s] - prefix[k] < MIN_WORDS => {}
            _ => kept.push(s),
        }
    }
    let mut out = Vec::new();
    for (k, &s) in kept.iter().enumerate() {
        let e = kept.get(k + 1).copied().unwrap_or(n);
        if e > s {
            out.push(s..e);
        }
    }
    out
}

/// Walks back from the title over short header lines (datelines, crumbs) to where the new
/// article's header starts, never before `floor`.
fn header_start(text: &str, blocks: &[Block], floor: usize, title: usize) -> usize {
    let mut s = title;
    while s > floor && title - s < HEADER_WINDOW * 2 {
        let t = &text[blocks[s - 1].span.start..blocks[s - 1].span.end];
        let n = blocks::word_count(t);
        let short = n <= 8 && !t.ends_with("...") && !t.ends_with('\u{2026}') && !title_like(t) && !is_end_marker(t);
        if meta::dateline(t).is_some() || short {
            s -= 1;
        } else {
            break;
        }
    }
    s
}

/// A line that reads like a headline: 4–30 words, not a sentence, not chrome, not addressing
/// the reader.
pub fn title_like(t: &str) -> bool {
    let n = blocks::word_count(t);
    let trimmed = t.trim_end();
    if !(4..=30).contains(&n) || trimmed.ends_with(['.', ':', ',', ';', '!']) || t.contains('\n') {
        return false;
    }
    let mut f = Vec::new();
    blocks::text_features(t, 1, 0.0, &mut f);
    f[5] <= 0.15 && f[6] == 0.0 && meta::dateline(t).is_none()
}

/// A line that closes an article for sure, even inside what looks like body.
fn is_strong_end_marker(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    l.starts_with("original source") || l.starts_with("originally published") || l.contains("all rights reserved")
}

/// A line that closes an article: source notes, copyright lines, comment forms.
pub fn is_end_marker(t: &str) -> bool {
    let l = t.trim().to_lowercase();
    l.starts_with("original source")
        || l.starts_with("source:")
        || l.starts_with("originally published")
        || l.contains("all rights reserved")
        || l.starts_with('\u{a9}')
        || l.starts_with("copyright")
        || l.starts_with("leave a reply")
        || l.starts_with("leave a comment")
}
