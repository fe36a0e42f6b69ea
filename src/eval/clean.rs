//! Evaluation of article extraction on the readability test pages, and the fit of its weights.
//!
//! `newslens-eval clean PAGES_DIR [--text-dir DIR] [--fit]`
//! `newslens-eval clean --whole TEXTS_DIR [--paras N]`
//!
//! * HTML mode reads each `NAME/source.html`; pasted-text mode (with `--text-dir`) reads
//!   `DIR/NAME.txt`, the page's `document.body.innerText` from `scripts/page-text.mjs`.
//! * The extracted body (all body segments of all articles) is compared with the visible text
//!   of `NAME/expected.html` as bags of lower-cased words: precision, recall, F1 per page, then
//!   the macro average over pages and the micro average over words.
//! * Metadata: title (normalised exact match), byline (either contains the other, after
//!   dropping "By"), date (the day of `publishedTime`), over pages where the expected value is
//!   present.
//! * Every 5th page by sorted name is held out: it is never used by `--fit` and its figures are
//!   reported separately, so they say how the extractor does on unseen pages.
//!
//! `--fit` fits the block model's weights on the other pages (logistic regression, labels from
//! word 3-gram overlap of each block with the expected text), picks the Viterbi switch penalty
//! on them too, and prints the constants for `src/text/blocks.rs`.
//!
//! `--whole` measures the opposite failure, on articles with no junk at all (PolNeAR's
//! `text/*.txt`: a headline, then the story, one paragraph per line): every paragraph should
//! survive as body or title. With `--paras N` only the first N paragraphs are pasted, as a
//! reader pasting the top of a story would; short pastes are where edge trimming bites.
//! `CLEAN_EVAL_LOST=1` lists every dropped paragraph with its position (`LOST i/n …`);
//! `CLEAN_EVAL_PAGES=1` lists the development (not held-out) pages' figures one by one.

use crate::text::blocks::{self, Block, FEATURE_NAMES};
use crate::text::{clean, html};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub fn run(args: &[String]) -> Result<(), String> {
    let mut dir = None;
    let mut text_dir = None;
    let mut fit = false;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--text-dir" => text_dir = Some(PathBuf::from(it.next().ok_or("--text-dir needs a folder")?)),
            "--fit" => fit = true,
            "--explain" => return explain(it.next().ok_or("--explain needs a file")?),
            "--whole" => {
                let dir = it.next().ok_or("--whole needs a folder")?;
                let paras = match (it.next().map(String::as_str), it.next()) {
                    (Some("--paras"), Some(n)) => n.parse().map_err(|_| format!("--paras {n:?}"))?,
                    (None, _) => usize::MAX,
                    (Some(other), _) => return Err(format!("unexpected argument {other:?}")),
                };
                return whole(Path::new(dir), paras);
            }
            _ if dir.is_none() => dir = Some(PathBuf::from(a)),
            other => return Err(format!("unexpected argument {other:?}")),
        }
    }
    let dir = dir.ok_or("usage: newslens-eval clean PAGES_DIR [--text-dir DIR] [--fit]")?;
    let pages = load(&dir, text_dir.as_deref())?;
    if fit {
        fit_model(&pages, text_dir.is_some());
        return Ok(());
    }
    let mode = if text_dir.is_some() { "pasted text" } else { "HTML" };
    println!(
        "clean, {mode} mode, {} pages ({} held out: every 5th by name)",
        pages.len(),
        pages.iter().filter(|p| p.held_out).count()
    );
    let text_mode = text_dir.is_some();
    let results: Vec<(bool, PageScore)> = pages.iter().map(|p| (p.held_out, score_page(p, text_mode))).collect();
    for (label, sel) in [("all", None), ("train", Some(false)), ("held-out", Some(true))] {
        let rs: Vec<&PageScore> =
            results.iter().filter(|(h, _)| sel.map_or(true, |s| s == *h)).map(|(_, r)| r).collect();
        report(label, &rs);
    }
    if std::env::var_os("CLEAN_EVAL_PAGES").is_some() {
        // Development pages only: the held-out pages' errors are not to be read while developing.
        for (p, (_, r)) in pages.iter().zip(&results).filter(|(p, _)| !p.held_out) {
            println!("  {:<40} P {:.3} R {:.3} F1 {:.3} articles {}", p.name, r.p, r.r, r.f1, r.articles);
        }
    }
    Ok(())
}

/// Share of the words of junk-free articles (the first `paras` paragraphs of each) that the
/// cleaner keeps as body or title, and how many paragraphs it drops, by position.
fn whole(dir: &Path, paras: usize) -> Result<(), String> {
    let text_dir = dir.join("text");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&text_dir)
        .map_err(|e| format!("{}: {e}", text_dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    names.sort();
    let (mut kept, mut total) = (0usize, 0usize);
    let mut lost = [0usize; 3];
    let mut n_paras = 0;
    let list_lost = std::env::var_os("CLEAN_EVAL_LOST").is_some();
    for path in &names {
        let raw = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let ps: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).take(paras).collect();
        let paste = ps.join("\n\n");
        let page = crate::text::read(&paste);
        let mut keep: Vec<&str> =
            page.articles.iter().flat_map(|a| a.body()).map(|s| &page.text[s.start..s.end]).collect();
        let titles: Vec<&str> = page.articles.iter().filter_map(|a| a.title.as_deref()).collect();
        keep.extend(titles);
        for (i, p) in ps.iter().enumerate() {
            let n = blocks::words(p).count();
            total += n;
            n_paras += 1;
            if keep.iter().any(|k| k.contains(p) || p.contains(k) && k.len() * 2 > p.len()) {
                kept += n;
            } else {
                if list_lost {
                    println!("LOST {i}/{} {p}", ps.len());
                }
                lost[if i == 0 {
                    0
                } else if i + 1 == ps.len() {
                    2
                } else {
                    1
                }] += 1;
            }
        }
    }
    let first = if paras == usize::MAX { "all".to_string() } else { format!("first {paras}") };
    println!(
        "whole articles, {first} paragraphs of {} texts: words kept {kept}/{total} = {:.3}; paragraphs dropped {}/{n_paras} (first {}, middle {}, last {})",
        names.len(),
        kept as f64 / total.max(1) as f64,
        lost.iter().sum::<usize>(),
        lost[0],
        lost[1],
        lost[2]
    );
    Ok(())
}

/// Prints each block of a file with its body probability and the final decision.
fn explain(path: &str) -> Result<(), String> {
    let input = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let (text, blocks) = if html::looks_like_html(&input) {
        let d = html::parse(&input);
        (d.text, d.blocks)
    } else {
        (input.clone(), clean::plain_blocks(&input))
    };
    let html = blocks.first().is_some_and(|b| b.html.is_some());
    let w: &[f32] = if html { &blocks::HTML_WEIGHTS } else { &blocks::TEXT_WEIGHTS };
    let probs = blocks::probabilities(&blocks::features(&text, &blocks), w);
    let (body, articles) = clean::classify(&text, &blocks);
    for (i, ((b, p), keep)) in blocks.iter().zip(probs).zip(body).enumerate() {
        if i > 0 && articles.iter().any(|a| a.start == i) {
            println!("---- next article");
        }
        let t: String = text[b.span.start..b.span.end].chars().take(90).collect();
        println!("{} {p:.2} {}", if keep { "B" } else { "." }, t.replace('\n', " / "));
    }
    Ok(())
}

struct TestPage {
    name: String,
    held_out: bool,
    input: String,
    /// Words of the expected article text.
    expected: Vec<String>,
    meta: serde_json::Value,
}

fn load(dir: &Path, text_dir: Option<&Path>) -> Result<Vec<TestPage>, String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("source.html").exists())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut out = Vec::new();
    let mut missing = 0;
    for (i, name) in names.iter().enumerate() {
        let p = dir.join(name);
        let input = match text_dir {
            Some(td) => std::fs::read_to_string(td.join(format!("{name}.txt"))).unwrap_or_default(),
            None => std::fs::read_to_string(p.join("source.html")).map_err(|e| format!("{name}: {e}"))?,
        };
        if input.trim().is_empty() {
            missing += 1;
            continue;
        }
        let expected_html = std::fs::read_to_string(p.join("expected.html")).unwrap_or_default();
        let exp = html::parse(&expected_html);
        let expected = words(&exp.text);
        let meta = std::fs::read_to_string(p.join("expected-metadata.json"))
            .ok()
            .and_then(|s| serde_json::from_str(&s).ok())
            .unwrap_or(serde_json::Value::Null);
        out.push(TestPage { name: name.clone(), held_out: i % 5 == 4, input, expected, meta });
    }
    if missing > 0 {
        println!("({missing} pages skipped: no text)");
    }
    Ok(out)
}

fn words(s: &str) -> Vec<String> {
    blocks::words(s).map(|w| w.to_lowercase()).collect()
}

struct PageScore {
    p: f64,
    r: f64,
    f1: f64,
    hit: usize,
    got: usize,
    want: usize,
    /// (matches, applicable) for title, byline, date.
    meta: [(bool, bool); 3],
    /// Articles the page was read as (each test page holds one).
    articles: usize,
}

fn read(p: &TestPage, text_mode: bool) -> crate::text::Page<'_> {
    if text_mode {
        clean::read_plain(&p.input)
    } else {
        clean::read_html(&p.input)
    }
}

fn score_page(p: &TestPage, text_mode: bool) -> PageScore {
    let page = read(p, text_mode);
    let mut got = Vec::new();
    for a in &page.articles {
        for s in a.body() {
            got.extend(words(&page.text[s.start..s.end]));
        }
    }
    let (hit, g, w) = overlap(&got, &p.expected);
    let pr = if g == 0 { 0.0 } else { hit as f64 / g as f64 };
    let rc = if w == 0 { 0.0 } else { hit as f64 / w as f64 };
    let f1 = if pr + rc == 0.0 { 0.0 } else { 2.0 * pr * rc / (pr + rc) };
    let art = page.articles.first();
    let field = |k: &str| p.meta.get(k).and_then(|v| v.as_str()).map(str::to_string).filter(|s| !s.trim().is_empty());
    let norm = |s: &str| blocks::fingerprint(s);
    let title =
        field("title").map(|t| (art.and_then(|a| a.title.as_deref()).is_some_and(|g| norm(g) == norm(&t)), true));
    let byline = field("byline").map(|b| {
        let want = norm(b.trim_start_matches("By ").trim_start_matches("by "));
        let ok = art.and_then(|a| a.byline.as_deref()).is_some_and(|g| {
            let g = norm(g.trim_start_matches("By "));
            !g.is_empty() && (g.contains(&want) || want.contains(&g))
        });
        (ok, true)
    });
    let date = field("publishedTime")
        .and_then(|d| crate::text::meta::find_date(&d))
        .map(|d| (art.and_then(|a| a.date.as_deref()) == Some(d.as_str()), true));
    PageScore {
        p: pr,
        r: rc,
        f1,
        hit,
        got: g,
        want: w,
        meta: [title.unwrap_or((false, false)), byline.unwrap_or((false, false)), date.unwrap_or((false, false))],
        articles: page.articles.len(),
    }
}

/// Multiset overlap of two word lists: (common, |got|, |want|).
fn overlap(got: &[String], want: &[String]) -> (usize, usize, usize) {
    let mut counts: HashMap<&str, i64> = HashMap::new();
    for w in want {
        *counts.entry(w).or_default() += 1;
    }
    let mut hit = 0;
    for g in got {
        if let Some(c) = counts.get_mut(g.as_str()) {
            if *c > 0 {
                *c -= 1;
                hit += 1;
            }
        }
    }
    (hit, got.len(), want.len())
}

fn report(label: &str, rs: &[&PageScore]) {
    if rs.is_empty() {
        return;
    }
    let n = rs.len() as f64;
    let macro_p = rs.iter().map(|r| r.p).sum::<f64>() / n;
    let macro_r = rs.iter().map(|r| r.r).sum::<f64>() / n;
    let macro_f = rs.iter().map(|r| r.f1).sum::<f64>() / n;
    let (h, g, w) = rs.iter().fold((0, 0, 0), |a, r| (a.0 + r.hit, a.1 + r.got, a.2 + r.want));
    let (mp, mr) = (h as f64 / g.max(1) as f64, h as f64 / w.max(1) as f64);
    let mf = if mp + mr == 0.0 { 0.0 } else { 2.0 * mp * mr / (mp + mr) };
    let meta = |k: usize| {
        let app = rs.iter().filter(|r| r.meta[k].1).count();
        let ok = rs.iter().filter(|r| r.meta[k].0).count();
        format!("{ok}/{app} ({:.0}%)", 100.0 * ok as f64 / app.max(1) as f64)
    };
    let split = rs.iter().filter(|r| r.articles != 1).count();
    println!(
        "  {label:<9} pages {:>3} (split {split})  macro P {macro_p:.3} R {macro_r:.3} F1 {macro_f:.3}  micro P {mp:.3} R {mr:.3} F1 {mf:.3}  title {} byline {} date {}",
        rs.len(),
        meta(0),
        meta(1),
        meta(2)
    );
}

/// Word 3-grams of a text (or the whole text as one gram when shorter).
fn grams(ws: &[String]) -> Vec<String> {
    if ws.len() < 3 {
        return if ws.is_empty() { Vec::new() } else { vec![ws.join(" ")] };
    }
    ws.windows(3).map(|w| w.join(" ")).collect()
}

/// One block as a training example.
struct Example {
    x: Vec<f32>,
    y: f32,
    weight: f32,
}

fn fit_model(pages: &[TestPage], text_mode: bool) {
    let mut examples = Vec::new();
    let mut train_pages = Vec::new();
    for p in pages.iter().filter(|p| !p.held_out) {
        let (text, blocks) = page_blocks(p, text_mode);
        let want: HashSet<String> = grams(&p.expected).into_iter().collect();
        let want_words: HashSet<&str> = p.expected.iter().map(String::as_str).collect();
        let feats = blocks::features(&text, &blocks);
        let width = feats.len() / blocks.len().max(1);
        for (i, b) in blocks.iter().enumerate() {
            let ws = words(&text[b.span.start..b.span.end]);
            let gs = grams(&ws);
            let inside = if ws.len() < 3 {
                ws.iter().all(|w| want_words.contains(w.as_str()))
                    && gs.iter().all(|g| p.expected.join(" ").contains(g.as_str()))
            } else {
                gs.iter().filter(|g| want.contains(*g)).count() * 2 >= gs.len()
            };
            examples.push(Example {
                x: feats[i * width..(i + 1) * width].to_vec(),
                y: inside as u8 as f32,
                weight: 0.5 + (ws.len() as f32 / 10.0).min(5.0),
            });
        }
        train_pages.push(p);
    }
    let dim = examples.first().map_or(0, |e| e.x.len());
    println!("fitting on {} blocks from {} pages, {dim} features", examples.len(), train_pages.len());
    let w = logistic(&examples, dim, if text_mode { FIXED_TEXT } else { FIXED_HTML });
    // Pick the switch penalty by macro F1 on the training pages.
    let mut best = (0.0, 0.0);
    for pen in [0.0f32, 0.5, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0] {
        let f: f64 = train_pages
            .iter()
            .map(|p| {
                let (text, blocks) = page_blocks(p, text_mode);
                let (body, _) = clean::classify_with(&text, &blocks, &w, pen);
                let got: Vec<String> = blocks
                    .iter()
                    .zip(&body)
                    .filter(|(_, b)| **b)
                    .flat_map(|(b, _)| words(&text[b.span.start..b.span.end]))
                    .collect();
                let (h, g, ww) = overlap(&got, &p.expected);
                let (pr, rc) = (h as f64 / g.max(1) as f64, h as f64 / ww.max(1) as f64);
                if pr + rc == 0.0 {
                    0.0
                } else {
                    2.0 * pr * rc / (pr + rc)
                }
            })
            .sum::<f64>()
            / train_pages.len().max(1) as f64;
        println!("  penalty {pen:.1}: train macro F1 {f:.3}");
        if f > best.0 {
            best = (f, pen);
        }
    }
    for (name, v) in FEATURE_NAMES.iter().zip(&w) {
        println!("  {name:<16} {v:+.3}");
    }
    let list = w.iter().map(|v| format!("{v:.3}")).collect::<Vec<_>>().join(", ");
    let which = if text_mode { "TEXT_WEIGHTS" } else { "HTML_WEIGHTS" };
    println!("{which} = [{list}]\nbest penalty {:.1}", best.1);
}

fn page_blocks(p: &TestPage, text_mode: bool) -> (String, Vec<Block>) {
    if text_mode {
        (p.input.clone(), clean::plain_blocks(&p.input))
    } else {
        let d = html::parse(&p.input);
        (d.text, d.blocks)
    }
}

/// Weights held fixed instead of fitted: evidence the training pages hardly contain but news
/// pastes do. Reader address and appeals, as in donation pitches and comment forms (the
/// readability pages are often blogs written to "you", which would teach the opposite); and a
/// block that says the same words twice, which is a widget (a link and its label: "Headline
/// READ MORE: Headline"), not prose.
/// (In HTML a widget shows itself by its link density, and code and tables repeat words
/// legitimately, so there the repetition weight is learned.)
const FIXED_TEXT: &[(usize, f32)] = &[(6, -5.0), (17, -8.0), (18, -4.0)];
const FIXED_HTML: &[(usize, f32)] = &[(6, -5.0), (18, -4.0)];

/// Weighted L2-regularised logistic regression by full-batch gradient descent (Adam steps),
/// with the `fixed` weights held at their values.
fn logistic(ex: &[Example], dim: usize, fixed: &[(usize, f32)]) -> Vec<f32> {
    let mut w = vec![0f32; dim];
    for &(j, v) in fixed {
        w[j] = v;
    }
    let (mut m, mut v) = (vec![0f32; dim], vec![0f32; dim]);
    let total: f32 = ex.iter().map(|e| e.weight).sum::<f32>().max(1.0);
    let (lr, b1, b2, l2) = (0.05f32, 0.9f32, 0.999f32, 1e-3f32);
    for step in 1..=3000 {
        let mut g = vec![0f32; dim];
        for e in ex {
            let z: f32 = e.x.iter().zip(&w).map(|(a, b)| a * b).sum();
            let p = 1.0 / (1.0 + (-z).exp());
            let d = (p - e.y) * e.weight / total;
            for (gi, xi) in g.iter_mut().zip(&e.x) {
                *gi += d * xi;
            }
        }
        for j in 1..dim {
            g[j] += l2 * w[j];
        }
        for &(j, _) in fixed {
            g[j] = 0.0;
        }
        for j in 0..dim {
            m[j] = b1 * m[j] + (1.0 - b1) * g[j];
            v[j] = b2 * v[j] + (1.0 - b2) * g[j] * g[j];
            let mh = m[j] / (1.0 - b1.powi(step));
            let vh = v[j] / (1.0 - b2.powi(step));
            w[j] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
    w
}
