//! Article cleaning: which parts of a paste are the article, and what it is called.
//!
//! Both kinds of paste go through the same steps, so that what is learned on one helps the
//! other:
//!
//! 1. Cut the input into [`Block`]s: non-blank lines of plain text ([`plain_blocks`]), or the
//!    block elements of HTML ([`super::html`], which also yields the page text).
//! 2. Decide body or junk per block ([`super::blocks`]: features, a fitted logistic model, a
//!    Viterbi pass so that neighbours count).
//! 3. Find where one article ends and the next begins ([`super::split`]).
//! 4. Per article: recognise captions and credits (shown, never body), the title, the dateline,
//!    the byline and the outlet ([`super::meta`]).

use super::blocks::{self, Block};
use super::html;
use super::meta::{self, MarkupMeta};
use super::split;
use super::{ArticleText, Page};
use crate::lexicon::starts_upper;
use crate::report::SegmentKind;
use crate::span::Span;
use std::borrow::Cow;
use std::ops::Range;

/// The fewest words of a tail addressing the reader ("we", "you") that is cut off as a pitch
/// (a donation or sign-up box), and then only when it is at most 40% of the article's words:
/// a short closing "you" is the article's own.
const PITCH_MIN_WORDS: usize = 30;

/// A byline line is short ("By Jane Doe and John Roe, Associated Press"): a longer block is a
/// paragraph that merely starts with "By".
const BYLINE_MAX_BYTES: usize = 120;

/// The most words a byline taken from HTML markup keeps (several names and an outlet).
const BYLINE_MAX_WORDS: usize = 8;

/// Only short non-body blocks (page chrome: headers, footers, credits) vote for the outlet;
/// a long one is text that merely mentions outlets.
const OUTLET_BLOCK_BYTES: usize = 300;

/// Reads one paste into a [`Page`]: as HTML when it starts with `<` (after white space and a
/// BOM), else as plain text.
pub fn read(input: &str) -> Page<'_> {
    if html::looks_like_html(input) {
        read_html(input)
    } else {
        read_plain(input)
    }
}

/// Reads an HTML page: the page text is its visible text.
pub fn read_html(input: &str) -> Page<'static> {
    let doc = html::parse(input);
    let markup = meta::from_markup(&doc.meta);
    let m = Markup {
        meta: &markup,
        page_title: doc.meta.title.as_deref(),
        h1: &doc.meta.h1,
        bylines: &doc.meta.byline_blocks,
    };
    let articles = articles(&doc.text, &doc.blocks, Some(m));
    Page { text: Cow::Owned(doc.text), html: true, articles }
}

/// Reads plain text: the page text is the input itself.
pub fn read_plain(input: &str) -> Page<'_> {
    let blocks = plain_blocks(input);
    let articles = articles(input, &blocks, None);
    Page { text: Cow::Borrowed(input), html: false, articles }
}

/// What an HTML page's markup adds to the text.
struct Markup<'a> {
    meta: &'a MarkupMeta,
    /// Text of `<title>`.
    page_title: Option<&'a str>,
    h1: &'a [usize],
    bylines: &'a [usize],
}

/// Non-blank lines as trimmed spans (white space includes NBSP and zero-width characters).
pub fn plain_blocks(text: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut pos = 0;
    let trim =
        |c: char| c.is_whitespace() || matches!(c, '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}');
    for line in text.split_inclusive('\n') {
        let start = pos + (line.len() - line.trim_start_matches(trim).len());
        let end = pos + line.trim_end_matches(trim).len();
        if end > start {
            out.push(Block { span: Span::new(start, end), html: None });
        }
        pos += line.len();
    }
    out
}

/// The body/junk decision for every block, with the fitted weights for its mode, and the
/// articles the blocks form.
pub fn classify(text: &str, blocks: &[Block]) -> (Vec<bool>, Vec<Range<usize>>) {
    let html = blocks.first().is_some_and(|b| b.html.is_some());
    let (weights, penalty): (&[f32], f32) = if html {
        (&blocks::HTML_WEIGHTS, blocks::HTML_SWITCH_PENALTY)
    } else {
        (&blocks::TEXT_WEIGHTS, blocks::TEXT_SWITCH_PENALTY)
    };
    classify_with(text, blocks, weights, penalty)
}

/// [`classify`] with given weights and switch penalty (used when fitting them).
pub fn classify_with(text: &str, blocks: &[Block], weights: &[f32], penalty: f32) -> (Vec<bool>, Vec<Range<usize>>) {
    let feats = blocks::features(text, blocks);
    let width = weights.len();
    if feats.len() != width * blocks.len() {
        return (vec![false; blocks.len()], std::iter::once(0..blocks.len()).collect());
    }
    let ev = Evidence {
        text,
        blocks,
        logodds: blocks::scores(&feats, weights),
        nwords: blocks.iter().map(|b| blocks::word_count(&text[b.span.start..b.span.end])).collect(),
        address: (0..blocks.len()).map(|i| feats.get(i * width + 6).copied().unwrap_or(0.0)).collect(),
    };
    let strength: Vec<f32> = ev.nwords.iter().map(|&n| blocks::evidence_weight(n)).collect();
    let mut body = blocks::smooth(&ev.logodds, &strength, penalty);
    // Smoothing bridges uncertain blocks, not ones that address the reader or repeat
    // themselves like a widget: those features' weights are set, not learned (see
    // `blocks::VETO_FEATURES`), and their evidence is final.
    for (i, b) in body.iter_mut().enumerate() {
        let veto: f32 = blocks::VETO_FEATURES.iter().map(|&j| weights[j] * feats[i * width + j]).sum();
        if veto < -2.0 {
            *b = false;
        }
    }
    if !body.contains(&true) {
        fallback(&ev, &mut body);
    }
    for run in runs(&body) {
        ev.trim(&mut body, run, false);
    }
    let articles = split::articles(text, blocks, &body, &ev.logodds);
    for a in &articles {
        ev.trim(&mut body, a.clone(), true);
    }
    (body, articles)
}

/// A paste is pasted for its article: when no block reaches body on its own (a page of short
/// lines, a script the features do not fit), the most body-like block and the neighbours that
/// are nearly as good are taken rather than nothing.
fn fallback(ev: &Evidence<'_>, body: &mut [bool]) {
    let score = |i: usize| ev.logodds[i] + blocks::evidence_weight(ev.nwords[i]);
    let Some(best) = (0..body.len()).max_by(|&a, &b| score(a).total_cmp(&score(b))) else { return };
    let floor = ev.logodds[best] - 1.5;
    let mut a = best;
    while a > 0 && ev.logodds[a - 1] >= floor {
        a -= 1;
    }
    let mut b = best + 1;
    while b < body.len() && ev.logodds[b] >= floor {
        b += 1;
    }
    body[a..b].fill(true);
}

/// Maximal runs of `true`.
fn runs(flags: &[bool]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < flags.len() {
        if !flags[i] {
            i += 1;
            continue;
        }
        let start = i;
        while i < flags.len() && flags[i] {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// What the body decision was made from, kept for trimming its edges.
struct Evidence<'a> {
    text: &'a str,
    blocks: &'a [Block],
    logodds: Vec<f32>,
    nwords: Vec<usize>,
    /// Share of words addressing the reader ("we", "you"), outside quotes.
    address: Vec<f32>,
}

impl Evidence<'_> {
    /// Smoothing fills gaps between body paragraphs; it must not grow the body at its edges, so
    /// a run of body starts and ends with a block that has evidence of its own. For a whole
    /// article (`article`), in plain text, the first and last paragraphs must also read as
    /// prose alone: a sentence's length and a sentence's end (HTML has structure for that job,
    /// and there the rule costs more than it brings: CJK pages, formulas, one-block pages).
    /// And an article does not end by talking to its reader: a tail of paragraphs full of
    /// "we"/"you" (a donation pitch, a sign-up box) is cut off.
    fn trim(&self, body: &mut [bool], range: Range<usize>, article: bool) {
        // A short statement that begins or ends the paste itself is prose too: a reader who
        // selects a few paragraphs selects them whole ("It still wasn't enough."), while an
        // exclamation or a question there is more often a call to the reader ("Support The
        // Moscow Times!") than the article.
        let prose = |i: usize| {
            let t = &self.text[self.blocks[i].span.start..self.blocks[i].span.end];
            let at_paste_edge = i == 0 || i + 1 == self.blocks.len();
            !article
                || self.blocks[i].html.is_some()
                || self.nwords[i] >= 8 && ends_sentence(t)
                || self.nwords[i] >= 4 && at_paste_edge && ends_statement(t)
        };
        let ok = |i: usize| body[i] && self.logodds[i] >= 0.0 && prose(i);
        // A range with no such paragraph is left as it is.
        let Some(a) = range.clone().find(|&i| ok(i)) else { return };
        let Some(b) = range.clone().rev().find(|&i| ok(i)).map(|i| i + 1) else { return };
        body[range.start..a].fill(false);
        body[b..range.end].fill(false);
        if !article {
            return;
        }
        let total: usize = (a..b).filter(|&i| body[i]).map(|i| self.nwords[i]).sum();
        let mut s = b;
        let mut tail = 0;
        while s > a && (!body[s - 1] || self.address[s - 1] >= 0.03) {
            s -= 1;
            tail += if body[s] { self.nwords[s] } else { 0 };
        }
        if s > a && tail >= PITCH_MIN_WORDS && tail * 10 <= total * 4 {
            body[s..b].fill(false);
        }
    }
}

fn articles(text: &str, blocks: &[Block], markup: Option<Markup<'_>>) -> Vec<ArticleText> {
    let (is_body, ranges) = classify(text, blocks);
    let single = ranges.len() == 1;
    let repeats = blocks::repeat_counts(text, blocks);
    // Each article sees only its own blocks, so the work per article is proportional to its
    // size (a 10 MB paste of many articles stays linear). Markup, whose block indices are for
    // the whole page, only applies to a page read as one article.
    let mut out: Vec<ArticleText> = ranges
        .into_iter()
        .map(|r| {
            let own = Own { blocks: &blocks[r.clone()], is_body: &is_body[r.clone()], repeats: &repeats[r.clone()] };
            article(text, own, markup.as_ref().filter(|_| single))
        })
        .collect();
    if out.is_empty() {
        out.push(ArticleText { extent: Span::new(0, text.len()), ..Default::default() });
    }
    out
}

/// One article's share of the page's blocks and decisions.
struct Own<'a> {
    blocks: &'a [Block],
    is_body: &'a [bool],
    repeats: &'a [u32],
}

/// Reads the article made of `own.blocks`.
fn article(text: &str, own: Own<'_>, markup: Option<&Markup<'_>>) -> ArticleText {
    let Own { blocks, is_body, repeats } = own;
    let range = 0..blocks.len();
    let block_text = |i: usize| &text[blocks[i].span.start..blocks[i].span.end];
    let mut kinds: Vec<Option<SegmentKind>> = vec![None; blocks.len()];
    for i in range.clone() {
        if is_body[i] {
            kinds[i] = Some(SegmentKind::Body);
        }
    }
    let first_body = range.clone().find(|&i| is_body[i]).unwrap_or(range.start);
    let last_body = range.clone().rev().find(|&i| is_body[i]).unwrap_or(first_body);

    // Captions: credit lines and figure captions in or right before the body.
    for i in range.start..(last_body + 1).min(range.end) {
        let fig = blocks[i].html.is_some_and(|h| h.figure);
        let near = is_body[i] || i + 3 >= first_body;
        if near && (is_caption(block_text(i)) || fig && (is_body[i] || i >= first_body)) {
            kinds[i] = Some(SegmentKind::Caption);
        }
    }

    // The header: blocks before the body (and a few after its start for late datelines).
    let header = range.start.max(first_body.saturating_sub(12))..first_body;
    let mut art = ArticleText { extent: extent(blocks, &range), ..Default::default() };

    // Dateline and byline (the loop reads and relabels `kinds[i]` and its neighbours).
    #[allow(clippy::needless_range_loop)]
    for i in header.start..(first_body + 2).min(range.end) {
        if kinds[i].is_some() && kinds[i] != Some(SegmentKind::Body) {
            continue;
        }
        let t = block_text(i);
        if art.date.is_none() && kinds[i].is_none() {
            if let Some(d) = meta::dateline(t) {
                art.date = Some(d);
                kinds[i] = Some(SegmentKind::Dateline);
                continue;
            }
        }
        if art.byline.is_none() && t.len() < BYLINE_MAX_BYTES {
            if let Some(b) = meta::byline(t) {
                art.byline = Some(b);
                kinds[i] = Some(SegmentKind::Byline);
            }
        }
    }

    // Title: in HTML what the markup says (JSON-LD headline, og:title, <title> less the site
    // name), shown on the heading that carries it; in plain text a title-like header line.
    let markup_title = markup.and_then(|m| {
        let t =
            m.meta.title.clone().or_else(|| m.page_title.map(|t| meta::strip_site_suffix(t, m.meta.outlet.as_deref())));
        t.or_else(|| m.h1.iter().find(|i| range.contains(i)).map(|&i| html::collapse(block_text(i))))
    });
    let title_block = match &markup_title {
        Some(t) => heading_block(text, blocks, t, &range),
        None => text_title(text, blocks, repeats, header.clone(), &kinds),
    };
    if let Some(i) = title_block {
        if kinds[i].is_none() || kinds[i] == Some(SegmentKind::Body) && i == first_body && !ends_sentence(block_text(i))
        {
            kinds[i] = Some(SegmentKind::Title);
        }
    }
    art.title = markup_title.or_else(|| title_block.map(|i| html::collapse(block_text(i))));
    if let Some(m) = markup {
        art.date = m.meta.date.clone().or(art.date.take());
        art.outlet = m.meta.outlet.clone();
        art.byline = m.meta.byline.clone().or(art.byline.take()).or_else(|| {
            m.bylines.iter().filter(|&&i| range.contains(&i) && !is_body[i]).find_map(|&i| {
                let t = html::collapse(block_text(i));
                let t = t.strip_prefix("By ").or_else(|| t.strip_prefix("by ")).unwrap_or(&t).to_string();
                (t.split_whitespace().count() <= BYLINE_MAX_WORDS).then_some(t)
            })
        });
    }

    // Outlet: votes from the page's own chrome.
    if art.outlet.is_none() {
        let mut cands = Vec::new();
        for i in range.clone() {
            if kinds[i] != Some(SegmentKind::Body) && blocks[i].span.len() < OUTLET_BLOCK_BYTES {
                meta::outlet_candidates(block_text(i), &mut cands);
            }
        }
        art.outlet = meta::pick_outlet(&cands, &text[art.extent.start..art.extent.end]);
    }

    art.segments = range.filter_map(|i| kinds[i].map(|k| (k, blocks[i].span))).collect();
    art
}

fn extent(blocks: &[Block], range: &Range<usize>) -> Span {
    match (blocks.get(range.start), range.end.checked_sub(1).and_then(|i| blocks.get(i))) {
        (Some(a), Some(b)) => Span::new(a.span.start, b.span.end),
        _ => Span::default(),
    }
}

fn ends_sentence(t: &str) -> bool {
    // A closing mark typed as apostrophes (''…'' in the New York Times' archive, '…' in
    // headlines) counts when sentence punctuation precedes it: "Promised Land.''", not "forces'".
    let t = t.trim_end().trim_end_matches('\'');
    t.ends_with([
        '.', '!', '?', '"', '\u{201d}', '\u{2019}', ')', '\u{3002}', '\u{ff01}', '\u{ff1f}', '\u{300d}', '\u{061f}',
        '\u{0964}',
    ]) && !t.ends_with("...")
        && !t.ends_with('\u{2026}')
}

/// A sentence ending in a full stop, before any closing quotation marks or brackets
/// (not an ellipsis).
fn ends_statement(t: &str) -> bool {
    let t = t.trim_end().trim_end_matches(['\'', '"', '\u{201d}', '\u{2019}', ')']);
    t.ends_with(['.', '\u{3002}']) && !t.ends_with("...")
}

/// The heading (or, failing that, any block) in the article whose text is `title`.
fn heading_block(text: &str, blocks: &[Block], title: &str, range: &Range<usize>) -> Option<usize> {
    let want = blocks::fingerprint(title);
    let same = |i: &usize| blocks::fingerprint(&text[blocks[*i].span.start..blocks[*i].span.end]) == want;
    let heading = |i: &usize| blocks[*i].html.is_some_and(|h| h.tag == blocks::BlockTag::Heading);
    range.clone().filter(heading).find(same).or_else(|| range.clone().find(same))
}

/// A title-like line before the body: a short line that is not a sentence, not chrome, not a
/// dateline. Repeated lines (a headline shown twice) and capitalised ones score higher.
fn text_title(
    text: &str,
    blocks: &[Block],
    repeats: &[u32],
    header: Range<usize>,
    kinds: &[Option<SegmentKind>],
) -> Option<usize> {
    let first_body = header.end;
    let mut best: Option<(f32, usize)> = None;
    for i in header {
        if kinds[i].is_some() {
            continue;
        }
        let t = &text[blocks[i].span.start..blocks[i].span.end];
        let words: Vec<&str> = blocks::words(t).collect();
        let n = words.len();
        if !(4..=30).contains(&n) || t.trim_end().ends_with(['.', ':', ',', ';']) || t.contains('\n') {
            continue;
        }
        let mut f = Vec::new();
        blocks::text_features(t, repeats[i], 0.0, &mut f);
        let (caps, chrome, address) = (f[4], f[5], f[6]);
        if chrome > 0.15 || address > 0.0 || t.trim_end().ends_with('!') {
            continue;
        }
        let dist = (first_body - i) as f32;
        // A headline sits next to its dateline or byline.
        let near_header = (i.saturating_sub(2)..(i + 3).min(kinds.len()))
            .any(|j| matches!(kinds[j], Some(SegmentKind::Dateline | SegmentKind::Byline)));
        let score = caps + if repeats[i] > 1 { 1.5 } else { 0.0 } - 0.05 * dist
            + if n <= 20 { 0.3 } else { 0.0 }
            + if near_header { 1.0 } else { 0.0 };
        if best.map_or(true, |(s, _)| score > s) {
            best = Some((score, i));
        }
    }
    best.map(|(_, i)| i)
}

/// A photo caption or credit: "… Valery Sharifulin/TASS", "© Sputnik / Alexei Druzhinin",
/// "FILE PHOTO: …", "Photo: …", "… (Getty Images)".
pub fn is_caption(t: &str) -> bool {
    let t = t.trim();
    let lower = t.to_lowercase();
    if lower.contains("rights reserved") || lower.starts_with("copyright") {
        return false;
    }
    const OPENERS: &[&str] = &[
        "file photo",
        "photo:",
        "photo by",
        "photos:",
        "image:",
        "picture:",
        "pictured:",
        "credit:",
        "caption:",
        "illustration:",
    ];
    if OPENERS.iter().any(|o| lower.starts_with(o)) || t.contains('\u{a9}') {
        return true;
    }
    const CREDITS: &[&str] = &["getty images", "ap photo", "reuters", "afp", "shutterstock", "epa", "photo", "images"];
    let tail = lower.trim_end_matches([')', ']', '.', ' ']);
    if CREDITS.iter().any(|c| tail.ends_with(c))
        && lower.rsplit(['.', '(']).next().is_some_and(|s| s.split_whitespace().count() <= 6)
    {
        return !t.ends_with('.') || t.len() < 200;
    }
    // "Name Surname/AGENCY" at the end, no final period.
    if !t.ends_with('.') {
        if let Some(last) = t.rsplit(char::is_whitespace).next() {
            if let Some((who, agency)) = last.split_once('/') {
                let cap = starts_upper;
                return cap(who)
                    && cap(agency)
                    && who.chars().all(char::is_alphabetic)
                    && agency.chars().all(|c| c.is_alphanumeric() || c == '-');
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn captions() {
        assert!(is_caption("North Korean Leader Kim Jong Un (L) and Russia's President Vladimir Putin in Vladivostok, Russia on April 25, 2019. Valery Sharifulin/TASS"));
        assert!(is_caption(
            "FILE PHOTO: Russian President Vladimir Putin speaks. \u{a9}\u{a0} Sputnik / Alexei Druzhinin"
        ));
        assert!(!is_caption("Putin told Kim that Moscow and Pyongyang would continue to expand relations."));
        assert!(!is_caption("\u{a9} Autonomous Nonprofit Organization \u{201c}TV-Novosti\u{201d}, 2005\u{2013}2023. All rights reserved."));
    }

    #[test]
    fn plain_blocks_trim_nbsp_and_zero_width() {
        let t = "\u{feff} a \u{a0}\r\n\n\u{200b}\nb\n";
        let b = plain_blocks(t);
        assert_eq!(b.len(), 2);
        assert_eq!(&t[b[0].span.start..b[0].span.end], "a");
    }
}
