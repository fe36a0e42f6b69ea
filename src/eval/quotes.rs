//! Evaluation: quotes and attribution on PolNeAR
//! (`newslens-eval quotes DIR [--errors direct|all] [--show N] [--agreement] [--dump FILE]
//! [--oracle-edges]`;
//! `--errors` lists N errors with context).
//!
//! `--agreement` scores annotators against each other instead (see [`agreement`]); `--dump FILE`
//! writes every unit for analysis; `--oracle-edges` gives each partial quote the gold content
//! edges wherever a gold direct piece overlaps it, which measures how much better edges could
//! bring (a ceiling, never a result).
//!
//! DIR holds `text/NAME.txt` and `attributions/NAME_ANNOTATOR.ann` (brat standoff: Source, Cue
//! and Content spans in code-point offsets, possibly discontinuous, linked by `E` lines). When a
//! text has several annotators the first file in name order is the gold. Each text is run
//! through the stages directly (paragraphs = non-empty lines), as PolNeAR texts are article
//! text already.
//!
//! The unit compared is an *attribution*: a gold `E` relation against a predicted group of
//! quotes sharing one cue occurrence (so `“A,” he said, “B.”` is one unit with two pieces, as
//! in the gold, and a partial quote inside a reported clause belongs to that clause's unit).
//! Terms (scare quotes) are not predictions. A predicted unit matches a gold one when their
//! overlap covers at least half of each (≥ 50% of the longer); exact matching compares the two
//! texts after trimming white space, trailing punctuation and a leading complementizer "that".
//! Matching is one-to-one, greedy by overlap.
//!
//! A second line per subset gives citron's looser measure for comparison with its published
//! figures: characters of predicted content that overlap gold content, over all predicted
//! (precision) and over all gold (recall) characters.
//!
//! Figures: content P/R/F1 on all attributions, and on the direct subset (gold content holding
//! a double quotation mark: straight, curly, guillemet or a doubled apostrophe; predicted units
//! holding a quotation opened by such a mark); speaker accuracy on
//! matched units whose gold has a Source: the predicted speaker's words overlap the gold
//! Source, or the predicted actor's name or an alias equals or contains the Source text; a gold
//! Source that is a relative pronoun ("Trump, who said …") also accepts the phrase right before
//! it (only a comma or spaces between), which is what the pronoun stands for.

use crate::actors;
use crate::quotes;
use crate::report::{Quote, QuoteKind};
use crate::span::Span;
use crate::text;
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

pub(crate) struct GoldAttr {
    pub content: Vec<Span>,
    pub source: Vec<Span>,
    pub cue: Vec<Span>,
}

struct PredUnit {
    pieces: Vec<Span>,
    /// The cue words, for error listings.
    cue: String,
    direct: bool,
    speaker_span: Option<Span>,
    speaker_names: Vec<String>,
    /// The speaker words are a name ([`is_name`]) but no actor.
    named_not_actor: bool,
}

#[derive(Default)]
struct Counts {
    gold: usize,
    pred: usize,
    matched: usize,
    exact: usize,
    with_source: usize,
    speaker_ok: usize,
    /// Matched units whose speaker words name someone but are no actor ([`PredUnit`]).
    named_not_actor: usize,
    /// Gold and matched counts by the shape of the gold content: whole quotation, reporter's
    /// words then a quotation, quotation inside reporter's words.
    shapes: [(usize, usize); 3],
    /// Character overlap between all predicted and all gold content (each side's union per
    /// text), and each side's length: the token-overlap measure of citron's evaluation.
    overlap_chars: (usize, usize, usize),
}

impl Counts {
    fn line(&self, name: &str) -> String {
        let f = |m: usize| {
            let p = m as f64 / self.pred.max(1) as f64;
            let r = m as f64 / self.gold.max(1) as f64;
            let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
            format!("P={p:.3} R={r:.3} F1={f1:.3}")
        };
        format!(
            "{name}: gold={} pred={} | overlap≥50%: {} | exact: {} | speaker accuracy on matched: {:.3} ({}/{}) | named speaker not an actor: {}",
            self.gold,
            self.pred,
            f(self.matched),
            f(self.exact),
            self.speaker_ok as f64 / self.with_source.max(1) as f64,
            self.speaker_ok,
            self.with_source,
            self.named_not_actor
        )
    }

    /// Citron-style overlap: precision = overlapping characters / predicted characters, recall
    /// = overlapping / gold. It credits partly right edges, so it reads higher than unit F1.
    fn overlap_line(&self) -> String {
        let (o, p, g) = self.overlap_chars;
        let (p, r) = (o as f64 / p.max(1) as f64, o as f64 / g.max(1) as f64);
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!("  character overlap (citron-style, not unit matching): P={p:.3} R={r:.3} F1={f1:.3}")
    }

    fn shape_line(&self) -> String {
        let names = ["“…”", "words “…”", "words “…” words"];
        let parts: Vec<String> = names
            .iter()
            .zip(self.shapes)
            .map(|(n, (g, m))| format!("{n} {m}/{g} ({:.3})", m as f64 / g.max(1) as f64))
            .collect();
        format!("  recall by gold shape: {}", parts.join(", "))
    }
}

/// 0: the gold content is a quotation (starts and ends with a mark), 1: it ends with one, 2: other.
fn shape(t: &str, v: &[Span]) -> usize {
    let s = norm_keep_case(t, v);
    let mark =
        |c: Option<char>| c.is_some_and(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{ab}' | '\u{bb}' | '\''));
    let s = s.trim_end_matches(['.', ',', ';', ':', ' ']);
    match (mark(s.chars().next()), mark(s.chars().last())) {
        (true, true) => 0,
        (_, true) => 1,
        _ => 2,
    }
}

fn norm_keep_case(t: &str, v: &[Span]) -> String {
    let s: Vec<&str> = v.iter().map(|s| t[s.start..s.end].trim()).collect();
    s.join(" ")
}

pub fn run(args: &[String]) -> Result<(), String> {
    let dir = args.first().ok_or("usage: newslens-eval quotes DIR [--show N]")?;
    let flag = |f: &str| args.iter().position(|a| a == f).and_then(|i| args.get(i + 1));
    // `--errors direct|all` lists errors of that subset with context (50 unless `--show N`).
    let errors = flag("--errors").map(String::as_str);
    let show: usize = flag("--show").and_then(|n| n.parse().ok()).unwrap_or(if errors.is_some() { 50 } else { 0 });
    let direct_errors = errors == Some("direct") || args.iter().any(|a| a == "--direct");
    let oracle_edges = args.iter().any(|a| a == "--oracle-edges");
    let dir = Path::new(dir);
    if args.iter().any(|a| a == "--agreement") {
        return agreement(dir, &dir.join("attributions"), &annotations(dir)?);
    }
    // `--dump FILE`: gold and predicted units as JSON lines, for analysis.
    let mut dump = match flag("--dump") {
        Some(p) => Some(std::io::BufWriter::new(fs::File::create(p).map_err(|e| format!("{p}: {e}"))?)),
        None => None,
    };
    let (mut all, mut direct) = (Counts::default(), Counts::default());
    let mut misaligned = 0;
    let mut shown = 0;
    let texts = load(dir)?;
    let n = texts.len();
    for Text { base, text: t, gold, misaligned: bad } in texts {
        misaligned += bad;
        let oracle = oracle_edges.then(|| direct_pieces(&t, &gold));
        let (preds, terms) = predict_with_terms(&t, oracle.as_deref());
        let is_direct = |g: &GoldAttr| is_direct(&t, g);
        // With --direct, --show prints the direct subset's errors instead.
        if shown < show {
            println!("== {base}");
        }
        let showing = (shown < show).then_some(&mut shown);
        let (show_all, show_dir) = if direct_errors { (None, showing) } else { (showing, None) };
        let ga: Vec<&GoldAttr> = gold.iter().collect();
        let pa: Vec<&PredUnit> = preds.iter().collect();
        score(&t, &ga, &pa, &mut all, show_all, show);
        let gd: Vec<&GoldAttr> = gold.iter().filter(|g| is_direct(g)).collect();
        let pd: Vec<&PredUnit> = preds.iter().filter(|p| p.direct).collect();
        score(&t, &gd, &pd, &mut direct, show_dir, show);
        if let Some(out) = dump.as_mut() {
            dump_units(out, &base, &ga, &pa, &terms, &is_direct).map_err(|e| e.to_string())?;
        }
    }
    println!("PolNeAR {}: {} texts; gold spans not matching their text: {misaligned}", dir.display(), n);
    println!("{}", all.line("all attributions"));
    println!("{}", all.overlap_line());
    println!("{}", direct.line("direct (quotation marks)"));
    println!("{}", direct.overlap_line());
    println!("{}", direct.shape_line());
    Ok(())
}

/// One JSON line per unit: `{"t": text, "k": "g"|"p"|"t" (gold, predicted, term), "d": direct, "c": content spans, "s": source spans,
/// "cue": …}` (byte offsets into the text; gold cues as spans, predicted cues as words).
fn dump_units(
    out: &mut impl std::io::Write,
    base: &str,
    gold: &[&GoldAttr],
    preds: &[&PredUnit],
    terms: &[Span],
    direct: &dyn Fn(&GoldAttr) -> bool,
) -> std::io::Result<()> {
    let sp = |v: &[Span]| v.iter().map(|s| format!("[{},{}]", s.start, s.end)).collect::<Vec<_>>().join(",");
    for g in gold {
        let (c, s, q) = (sp(&union(&g.content)), sp(&g.source), sp(&g.cue));
        writeln!(out, r#"{{"t":{base:?},"k":"g","d":{},"c":[{c}],"s":[{s}],"cue":[{q}]}}"#, direct(g))?;
    }
    for p in preds {
        let (c, s) = (sp(&p.pieces), sp(p.speaker_span.as_slice()));
        writeln!(out, r#"{{"t":{base:?},"k":"p","d":{},"c":[{c}],"s":[{s}],"cue":{:?}}}"#, p.direct, p.cue)?;
    }
    for t in terms {
        writeln!(out, r#"{{"t":{base:?},"k":"t","d":false,"c":[[{},{}]],"s":[],"cue":""}}"#, t.start, t.end)?;
    }
    Ok(())
}

/// `--agreement`: on the texts with several annotators, every pair of annotators scored against
/// each other (the first of the pair as gold) with the same matching as the system, and the
/// system scored against every annotator of those texts. Human agreement is the ceiling any
/// system's figure on this data can be read against.
fn agreement(dir: &Path, ann_dir: &Path, every: &BTreeMap<String, Vec<String>>) -> Result<(), String> {
    let (mut h_all, mut h_dir, mut s_all, mut s_dir) =
        (Counts::default(), Counts::default(), Counts::default(), Counts::default());
    let mut texts = 0;
    for (base, files) in every.iter().filter(|(_, f)| f.len() > 1) {
        let Ok(t) = fs::read_to_string(dir.join("text").join(format!("{base}.txt"))) else { continue };
        texts += 1;
        let mut golds = Vec::new();
        for f in files {
            let a = fs::read_to_string(ann_dir.join(f)).map_err(|e| e.to_string())?;
            golds.push(parse_ann(&t, &a).0);
        }
        let as_pred = |g: &GoldAttr| PredUnit {
            pieces: union(&g.content),
            cue: norm(&t, &g.cue),
            direct: is_direct(&t, g),
            speaker_span: g.source.first().copied(),
            speaker_names: vec![],
            named_not_actor: false,
        };
        let system = predict(&t);
        for (i, gi) in golds.iter().enumerate() {
            let ga: Vec<&GoldAttr> = gi.iter().collect();
            let gd: Vec<&GoldAttr> = gi.iter().filter(|g| is_direct(&t, g)).collect();
            let sa: Vec<&PredUnit> = system.iter().collect();
            let sd: Vec<&PredUnit> = system.iter().filter(|p| p.direct).collect();
            score(&t, &ga, &sa, &mut s_all, None, 0);
            score(&t, &gd, &sd, &mut s_dir, None, 0);
            for gj in &golds[i + 1..] {
                let pj: Vec<PredUnit> = gj.iter().map(as_pred).collect();
                let pa: Vec<&PredUnit> = pj.iter().collect();
                let pd: Vec<&PredUnit> = pj.iter().filter(|p| p.direct).collect();
                score(&t, &ga, &pa, &mut h_all, None, 0);
                score(&t, &gd, &pd, &mut h_dir, None, 0);
            }
        }
    }
    println!("PolNeAR {}: {texts} texts with several annotators", dir.display());
    println!("{}", h_all.line("annotator vs annotator, all"));
    println!("{}", h_dir.line("annotator vs annotator, direct"));
    println!("{}", s_all.line("system vs each annotator, all"));
    println!("{}", s_dir.line("system vs each annotator, direct"));
    Ok(())
}

/// A quotation opened by a double mark (straight, curly, guillemet or doubled apostrophe): the
/// predicted side of the direct subset, so both sides are chosen by the same kind of mark (a
/// headline's 'single' quotation is in neither).
fn opened_by_double_mark(t: &str, q: &Quote) -> bool {
    let before = t.get(..q.start).unwrap_or("");
    before.ends_with(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}'])
        || before.ends_with("''")
        || before.ends_with("``")
}

/// Gold content holding a double quotation mark (straight, curly, guillemet or doubled apostrophe).
pub(crate) fn is_direct(t: &str, g: &GoldAttr) -> bool {
    g.content.iter().any(|s| {
        let c = &t[s.start..s.end];
        c.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}']) || c.contains("''")
    })
}

/// Gold attributions of one text, with byte offsets; also how many spans did not match their text.
fn parse_ann(text: &str, ann: &str) -> (Vec<GoldAttr>, usize) {
    // Code point → byte offset.
    let mut byte: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    byte.push(text.len());
    let mut spans: BTreeMap<&str, Vec<Span>> = BTreeMap::new();
    let mut bad = 0;
    for line in ann.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(info)) = (parts.next(), parts.next()) else { continue };
        if !id.starts_with('T') {
            continue;
        }
        let Some((_, ranges)) = info.split_once(' ') else { continue };
        let mut v = Vec::new();
        for r in ranges.split(';') {
            let mut it = r.split_whitespace().filter_map(|x| x.parse::<usize>().ok());
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                if let (Some(&a), Some(&b)) = (byte.get(a), byte.get(b)) {
                    v.push(Span::new(a, b));
                }
            }
        }
        let want = parts.next().unwrap_or("");
        let got: Vec<&str> = v.iter().map(|s| &text[s.start..s.end]).collect();
        if got.join(" ") != want {
            bad += 1;
        }
        spans.insert(id, v);
    }
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut parts = line.splitn(3, '\t');
        let (Some(id), Some(info)) = (parts.next(), parts.next()) else { continue };
        if !id.starts_with('E') {
            continue;
        }
        let mut g = GoldAttr { content: vec![], source: vec![], cue: vec![] };
        for role in info.split_whitespace() {
            let Some((r, t)) = role.split_once(':') else { continue };
            let r = r.trim_end_matches(|c: char| c.is_ascii_digit());
            match r {
                "Content" => g.content.extend(spans.get(t).into_iter().flatten()),
                "Source" => g.source.extend(spans.get(t).into_iter().flatten()),
                "Cue" => g.cue.extend(spans.get(t).into_iter().flatten()),
                _ => {}
            }
        }
        if !g.content.is_empty() {
            out.push(g);
        }
    }
    (out, bad)
}

/// The `.ann` files of a PolNeAR directory by text name, in name order (the first is the gold).
pub(crate) fn annotations(dir: &Path) -> Result<BTreeMap<String, Vec<String>>, String> {
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = fs::read_dir(&ann_dir)
        .map_err(|e| format!("{}: {e}", ann_dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().into_owned()))
        .filter(|n| n.ends_with(".ann"))
        .collect();
    names.sort();
    let mut every: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for n in names {
        let base = n.trim_end_matches(".ann").rsplit_once('_').map_or(n.clone(), |(b, _)| b.to_string());
        every.entry(base).or_default().push(n);
    }
    Ok(every)
}

/// One PolNeAR text with its first annotator's attributions.
pub(crate) struct Text {
    pub base: String,
    pub text: String,
    pub gold: Vec<GoldAttr>,
    /// Gold spans that did not match the text.
    pub misaligned: usize,
}

/// Every text of a PolNeAR directory that has a text file, in name order.
pub(crate) fn load(dir: &Path) -> Result<Vec<Text>, String> {
    let mut out = Vec::new();
    for (base, files) in annotations(dir)? {
        let Some(ann) = files.first() else { continue };
        let Ok(text) = fs::read_to_string(dir.join("text").join(format!("{base}.txt"))) else { continue };
        let a = fs::read_to_string(dir.join("attributions").join(ann)).map_err(|e| e.to_string())?;
        let (gold, misaligned) = parse_ann(&text, &a);
        out.push(Text { base, text, gold, misaligned });
    }
    Ok(out)
}

/// The content pieces of the gold's direct attributions, in gold order.
pub(crate) fn direct_pieces(t: &str, gold: &[GoldAttr]) -> Vec<Span> {
    gold.iter().filter(|g| is_direct(t, g)).flat_map(|g| g.content.iter().copied()).collect()
}

/// The piece that overlaps quote `q` most (the last of equals), if any overlaps it: the gold
/// content a predicted quotation belongs to.
pub(crate) fn piece_of<'a>(pieces: &'a [Span], q: &Quote) -> Option<&'a Span> {
    let overlap = |p: &&Span| p.end.min(q.end).saturating_sub(p.start.max(q.start));
    pieces.iter().filter(|p| overlap(p) > 0).max_by_key(overlap)
}

/// The stages' output on one PolNeAR text.
pub(crate) struct Staged {
    pub seg: text::Segmented,
    pub pos: Vec<text::pos::Pos>,
    pub acts: actors::ArticleActors,
    pub quotes: Vec<Quote>,
}

/// Runs the stages on `t` as one article body (paragraphs = non-empty lines).
pub(crate) fn stages(t: &str) -> Staged {
    let mut paras = Vec::new();
    let mut start = 0;
    for line in t.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let lead = body.len() - body.trim_start().len();
        let trimmed = body.trim();
        if !trimmed.is_empty() {
            paras.push(Span::new(start + lead, start + lead + trimmed.len()));
        }
        start += line.len();
    }
    let seg = text::segment(t, &paras);
    let mut acts = actors::read_segmented("a1", t, &seg, &[]);
    let spans = quotes::find(t, &seg);
    let tags = text::pos::Tags::new(t, &seg);
    let mut quotes = quotes::attribute(t, &seg, &tags, &acts, &spans);
    quotes::speaker_actors(t, &seg, &tags, "a1", &mut acts, &mut quotes);
    let pos = tags.all().to_vec();
    Staged { seg, pos, acts, quotes }
}

/// Runs the stages on `text` and groups the quotes into attribution units.
fn predict(t: &str) -> Vec<PredUnit> {
    predict_with_terms(t, None).0
}

/// [`predict`], and the quotations read as terms (scare quotes), which are no units.
/// With `oracle` (gold direct content pieces), a partial quote's content edges are the gold
/// piece's wherever one overlaps it: the ceiling of better edges (`--oracle-edges`).
fn predict_with_terms(t: &str, oracle: Option<&[Span]>) -> (Vec<PredUnit>, Vec<Span>) {
    let s = stages(t);
    let terms = s.quotes.iter().filter(|q| q.kind == QuoteKind::Term).map(|q| Span::new(q.start, q.end)).collect();
    (units(t, &s.quotes, &s.acts, &s.seg, &s.pos, oracle), terms)
}

/// A quote's span in PolNeAR's Content convention: a quotation that follows its cue in the same
/// sentence reports everything from the cue on ("called her “disgusting”" → "her “disgusting”",
/// "said that Machado was “a con”" → "Machado was “a con”"), past a complementizer "that".
fn content_span(t: &str, q: &Quote) -> Span {
    let span = Span::new(q.start, q.end);
    let Some(c) = q.cue.as_ref().filter(|c| q.kind != QuoteKind::Indirect && c.end <= q.start) else { return span };
    let Some(gap) = t.get(c.end..q.start) else { return span };
    if gap.len() > 200 || gap.contains(['.', '!', '?', '\n', ';', ':']) {
        return span;
    }
    let from = gap.rfind(" that ").map_or(c.end, |k| c.end + k + " that ".len());
    let lead = t[from..q.start].len() - t[from..q.start].trim_start_matches([' ', ',']).len();
    Span::new(from + lead, q.end)
}

fn units(
    t: &str,
    qs: &[Quote],
    acts: &actors::ArticleActors,
    seg: &text::Segmented,
    pos: &[text::pos::Pos],
    oracle: Option<&[Span]>,
) -> Vec<PredUnit> {
    let mut by_cue: BTreeMap<(usize, usize), usize> = BTreeMap::new();
    let mut out: Vec<PredUnit> = Vec::new();
    let lower = quotes::speakers::lower_words(&text::Tokens::new(t, &seg.tokens));
    for q in qs.iter().filter(|q| q.kind != QuoteKind::Term) {
        let names = q
            .speaker
            .as_ref()
            .and_then(|id| acts.actors.iter().find(|a| &a.id == id))
            .map(|a| a.aliases.iter().chain(std::iter::once(&a.name)).map(|s| s.to_lowercase()).collect())
            .unwrap_or_default();
        // One word is a name only when tagged a proper noun ("Analysts said" is not one), and
        // not when it opens its sentence and the article also writes it in lower case ("Polls
        // show": the tagger's proper noun there is only the capital).
        let proper = |s: Span| {
            let k = seg.tokens.partition_point(|x| x.start < s.start);
            let one = seg.tokens.get(k + 1).map_or(true, |x| x.start >= s.end);
            let opens = seg
                .sentences
                .get(seg.sentences.partition_point(|x| x.tokens.end <= k))
                .is_some_and(|x| x.tokens.start == k);
            let common = opens && t.get(s.start..s.end).is_some_and(|w| lower.contains(w.to_lowercase().as_str()));
            !one || pos.get(k) == Some(&text::pos::Pos::Propn) && !common
        };
        let named_not_actor = q.speaker.is_none()
            && q.speaker_span.is_some_and(|s| proper(s) && t.get(s.start..s.end).is_some_and(is_name));
        let quoted = q.kind != QuoteKind::Indirect && opened_by_double_mark(t, q);
        let (span, own_clause) = if q.kind == QuoteKind::Partial {
            let (mut span, own) = quotes::content::content_clause(t, seg, pos, q);
            if let Some(p) = oracle.and_then(|o| piece_of(o, q)) {
                span = Span::new(p.start.min(q.start), p.end.max(q.end));
            }
            (span, own)
        } else if !q.parts.is_empty() {
            // One quotation in parts: the unit's pieces are the parts (the cue between is not
            // content), the first widened as a single quote's content would be.
            (content_span(t, &Quote { end: q.parts[0].end, ..q.clone() }), false)
        } else {
            (content_span(t, q), false)
        };
        // A quotation in a clause of its own under the same cue is a unit of its own.
        let k = q.cue.as_ref().filter(|_| !own_clause).map(|c| (c.start, c.end));
        match k.and_then(|k| by_cue.get(&k)) {
            Some(&i) => {
                let u = &mut out[i];
                u.pieces.push(span);
                u.pieces.extend(q.parts.iter().skip(1));
                u.direct |= quoted;
                if u.speaker_span.is_none() {
                    u.speaker_span = q.speaker_span;
                    u.speaker_names = names;
                    u.named_not_actor = named_not_actor;
                }
            }
            None => {
                if let Some(k) = k {
                    by_cue.insert(k, out.len());
                }
                out.push(PredUnit {
                    cue: q.cue.as_ref().map_or(String::new(), |c| c.text.to_lowercase()),
                    pieces: std::iter::once(span).chain(q.parts.iter().skip(1).copied()).collect(),
                    direct: quoted,
                    speaker_span: q.speaker_span,
                    speaker_names: names,
                    named_not_actor,
                });
            }
        }
    }
    for u in &mut out {
        u.pieces = union(&u.pieces);
    }
    out
}

/// Whether speaker words are a name: capitalised words after an optional "the" ("of", "for",
/// "and", "&" may join them), not a description ("the Democratic front-runner", "a Trump aide").
fn is_name(words: &str) -> bool {
    let w: Vec<&str> = words.split_whitespace().collect();
    let w = match w.first() {
        Some(&"the" | &"The") => &w[1..],
        _ => &w[..],
    };
    let upper = crate::lexicon::words::starts_upper;
    !w.is_empty()
        && w.last().is_some_and(|x| upper(x))
        && w.iter().all(|x| upper(x) || matches!(*x, "of" | "for" | "and" | "&"))
        && !matches!(w[0], "A" | "An" | "Some" | "Many" | "Several" | "One" | "Other" | "Those" | "These" | "Most")
}

/// Sorted, merged spans.
fn union(v: &[Span]) -> Vec<Span> {
    let mut v = v.to_vec();
    v.sort();
    let mut out: Vec<Span> = Vec::new();
    for s in v {
        match out.last_mut() {
            Some(l) if s.start <= l.end => l.end = l.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

fn len(v: &[Span]) -> usize {
    v.iter().map(Span::len).sum()
}

fn inter(a: &[Span], b: &[Span]) -> usize {
    let mut n = 0;
    for x in a {
        for y in b {
            n += x.end.min(y.end).saturating_sub(x.start.max(y.start));
        }
    }
    n
}

/// A unit's text for exact comparison: each piece trimmed of white space, quotation marks and
/// trailing punctuation (so `“A,” … “B.”` and `A, … B.` compare equal), a leading "that" dropped.
fn norm(t: &str, v: &[Span]) -> String {
    let quote = ['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}', '\u{2018}', '\u{2019}', '\'', ' '];
    let piece = |s: &str| -> String {
        let s = s.trim().trim_matches(&quote[..]).trim_end_matches(['.', ',', ';', ':', ' ']).trim_matches(&quote[..]);
        s.trim_end_matches(['.', ',', ';', ':', ' ']).trim().to_string()
    };
    let s: Vec<String> = v.iter().map(|s| piece(&t[s.start..s.end])).filter(|p| !p.is_empty()).collect();
    let s = s.join(" ");
    let s = s.strip_prefix("that ").unwrap_or(&s);
    s.to_lowercase()
}

fn score(
    t: &str,
    gold: &[&GoldAttr],
    preds: &[&PredUnit],
    c: &mut Counts,
    mut show: Option<&mut usize>,
    max_show: usize,
) {
    // NEWSLENS_HITS=1 also lists the cue of every matched unit (precision by cue word).
    let hits = std::env::var_os("NEWSLENS_HITS").is_some();
    c.gold += gold.len();
    c.pred += preds.len();
    let all_gold = union(&gold.iter().flat_map(|g| g.content.iter().copied()).collect::<Vec<_>>());
    let all_pred = union(&preds.iter().flat_map(|p| p.pieces.iter().copied()).collect::<Vec<_>>());
    c.overlap_chars.0 += inter(&all_gold, &all_pred);
    c.overlap_chars.1 += len(&all_pred);
    c.overlap_chars.2 += len(&all_gold);
    for g in gold {
        c.shapes[shape(t, &g.content)].0 += 1;
    }
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        let gc = union(&g.content);
        for (pi, p) in preds.iter().enumerate() {
            let i = inter(&gc, &p.pieces);
            if i > 0 && 2 * i >= len(&gc).max(len(&p.pieces)) {
                pairs.push((i, gi, pi));
            }
        }
    }
    pairs.sort_by_key(|p| std::cmp::Reverse(p.0));
    let (mut gused, mut pused) = (vec![false; gold.len()], vec![false; preds.len()]);
    for (_, gi, pi) in pairs {
        if gused[gi] || pused[pi] {
            continue;
        }
        gused[gi] = true;
        pused[pi] = true;
        c.matched += 1;
        let (g, p) = (gold[gi], preds[pi]);
        c.named_not_actor += usize::from(p.named_not_actor);
        if p.named_not_actor {
            if let Some(n) = show.as_deref_mut().filter(|n| **n < max_show) {
                *n += 1;
                let sp = p.speaker_span.map_or("-", |s| &t[s.start..s.end]);
                println!("NOT-ACTOR pred={sp:?}\n     ctx {:?}", context(t, &p.pieces));
            }
        }
        if show.is_some() && hits {
            println!("HIT [{}]", p.cue);
        }
        c.shapes[shape(t, &g.content)].1 += 1;
        if norm(t, &union(&g.content)) == norm(t, &p.pieces) {
            c.exact += 1;
        }
        if !g.source.is_empty() {
            c.with_source += 1;
            let src = norm(t, &g.source);
            // A relative pronoun as gold Source ("Trump, who has called …") stands for the phrase
            // right before it: that phrase as the predicted speaker is the same answer.
            let relative = matches!(src.as_str(), "who" | "which" | "that");
            let antecedent = |s: Span| {
                g.source.first().is_some_and(|x| {
                    s.end <= x.start && t.get(s.end..x.start).is_some_and(|gap| gap.trim_matches([' ', ',']).is_empty())
                })
            };
            let ok = p.speaker_span.is_some_and(|s| g.source.iter().any(|x| x.overlaps(s)))
                || relative && p.speaker_span.is_some_and(antecedent)
                || p.speaker_names.iter().any(|n| !n.is_empty() && (src == *n || src.contains(n.as_str())));
            if ok {
                c.speaker_ok += 1;
            } else if let Some(n) = show.as_deref_mut() {
                if *n < max_show {
                    *n += 1;
                    let sp = p.speaker_span.map_or("-", |s| &t[s.start..s.end]);
                    println!("SPEAKER gold={src:?} pred={sp:?}\n     ctx {:?}", context(t, &p.pieces));
                }
            }
        }
    }
    if let Some(n) = show {
        for (gi, g) in gold.iter().enumerate() {
            if !gused[gi] && *n < max_show {
                *n += 1;
                let gc = union(&g.content);
                let near: Vec<String> =
                    preds.iter().filter(|p| inter(&gc, &p.pieces) > 0).map(|p| short(&norm(t, &p.pieces))).collect();
                println!(
                    "MISS{} [{}] {:?}\n     near {:?}\n     ctx {:?}",
                    shape(t, &g.content),
                    norm(t, &g.cue),
                    short(&norm(t, &g.content)),
                    near,
                    context(t, &gc)
                );
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            if !pused[pi] && *n < max_show {
                *n += 1;
                let over = gold.iter().any(|g| inter(&union(&g.content), &p.pieces) > 0);
                println!(
                    "FALSE{} [{}] {:?}\n     ctx {:?}",
                    if over { "(overlaps)" } else { "" },
                    p.cue,
                    short(&norm(t, &p.pieces)),
                    context(t, &p.pieces)
                );
            }
        }
    }
}

/// The spans' text with up to 80 bytes either side, the spans in ⟦ ⟧.
fn context(t: &str, v: &[Span]) -> String {
    super::context(t, v, 80, 80)
}

fn short(s: &str) -> String {
    s.chars().take(140).collect()
}
