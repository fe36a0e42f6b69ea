//! Evaluation on PAC: cross-article actor alignment over 152 stories told by two outlets.
//!
//! `newslens-eval pac DIR [--sample N] [--seed S] [--all]` reads `DIR/data/merged_annotations/
//! STORY_k_DOCUMENT_{0,1}.json` (each a list of sentences), runs the actor stages on both
//! articles of every story (one paragraph per sentence, so the text stage's page cleaning is
//! not measured here) and aligns them with [`crate::compare::align`]. PAC has no actor
//! identity gold, so it prints what a person must judge: a seeded random sample of
//! cross-article merges (one global actor with members in both articles) and of non-merges
//! (two actors of the same family, one per article, whose names look alike: a shared name
//! word, or one name inside the other), each with its aliases and roles.
//!
//! `newslens-eval pac --dump FILE` instead prints, for one plain-text article, the tagger's
//! mentions and the resolved actors: the quickest way to see why an actor came out wrong.

use crate::actors;
use crate::compare;
use crate::report::{Actor, ActorType, Article, GlobalActor};
use crate::span::Span;
use crate::text;
use std::collections::HashSet;
use std::path::Path;

pub fn run(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("--dump") {
        let path = args.get(1).ok_or("usage: pac --dump FILE")?;
        return dump(path);
    }
    let dir = args.first().ok_or("usage: newslens-eval pac DIR [--sample N] [--seed S] [--all] | pac --dump FILE")?;
    let opt = |name: &str, default: u64| -> Result<u64, String> {
        match args.iter().position(|a| a == name) {
            Some(i) => args.get(i + 1).and_then(|v| v.parse().ok()).ok_or(format!("{name} needs a number")),
            None => Ok(default),
        }
    };
    let sample = opt("--sample", 30)? as usize;
    let seed = opt("--seed", 7)?;
    let ann = Path::new(dir).join("data").join("merged_annotations");
    let mut stories: Vec<u64> = Vec::new();
    for e in std::fs::read_dir(&ann).map_err(|e| format!("{}: {e}", ann.display()))? {
        let name = e.map_err(|e| e.to_string())?.file_name().to_string_lossy().into_owned();
        if let Some(n) = name.strip_prefix("STORY_").and_then(|r| r.strip_suffix("_DOCUMENT_0.json")) {
            stories.extend(n.parse::<u64>().ok());
        }
    }
    stories.sort_unstable();
    let mut merges: Vec<String> = Vec::new();
    let mut apart: Vec<String> = Vec::new();
    let (mut n_actors, mut n_global) = (0, 0);
    for story in &stories {
        let mut arts = Vec::new();
        for d in 0..2 {
            let path = ann.join(format!("STORY_{story}_DOCUMENT_{d}.json"));
            let raw = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let v: serde_json::Value = serde_json::from_str(&raw).map_err(|e| format!("{}: {e}", path.display()))?;
            let sentences: Vec<String> = v["news"]
                .as_array()
                .map(|a| a.iter().filter_map(|s| s["text"].as_str().map(str::to_string)).collect())
                .unwrap_or_default();
            let source = v["source"].as_str().unwrap_or("?").to_string();
            arts.push(article(&format!("s{story}d{d}"), &source, &sentences));
        }
        let globals = compare::align(&arts);
        n_actors += arts.iter().map(|a| a.actors.len()).sum::<usize>();
        n_global += globals.len();
        let find = |id: &str| arts.iter().flat_map(|a| a.actors.iter()).find(|x| x.id == id);
        let side = |g: &GlobalActor, d: usize| -> Vec<&Actor> {
            g.members.iter().filter(|m| m.starts_with(&format!("s{story}d{d}:"))).filter_map(|m| find(m)).collect()
        };
        for g in &globals {
            let (a, b) = (side(g, 0), side(g, 1));
            if !a.is_empty() && !b.is_empty() {
                merges.push(format!(
                    "story {story} MERGED {:?} {:?}\n    d0: {}\n    d1: {}",
                    g.kind,
                    g.name,
                    describe(&a),
                    describe(&b)
                ));
            }
        }
        // Look-alike pairs kept apart: one-article global actors of one family, one per side.
        let only: Vec<Vec<&GlobalActor>> = (0..2)
            .map(|d| globals.iter().filter(|g| !side(g, d).is_empty() && side(g, 1 - d).is_empty()).collect())
            .collect();
        for x in &only[0] {
            for y in &only[1] {
                if family(x.kind) == family(y.kind) && look_alike(&x.name, &y.name) {
                    apart.push(format!(
                        "story {story} APART {:?} {:?} / {:?} {:?}\n    d0: {}\n    d1: {}",
                        x.kind,
                        x.name,
                        y.kind,
                        y.name,
                        describe(&side(x, 0)),
                        describe(&side(y, 1))
                    ));
                }
            }
        }
    }
    println!("pac: {} stories, {} per-article actors, {} cross-article actors", stories.len(), n_actors, n_global);
    println!("pac: {} cross-article merges, {} look-alike pairs kept apart", merges.len(), apart.len());
    // `--all` prints every merge and every pair kept apart, for reading whole lists and for
    // diffing them before and after a change to the rules.
    let all = args.iter().any(|a| a == "--all");
    for (title, list) in [("merges", &merges), ("kept apart", &apart)] {
        if all {
            println!("\n== all {} {title} ==", list.len());
            for (n, item) in list.iter().enumerate() {
                println!("{:3}. {item}", n + 1);
            }
            continue;
        }
        let picked = pick(list.len(), sample, seed);
        println!("\n== sample of {} {title} (seed {seed}) ==", picked.len());
        for (n, i) in picked.into_iter().enumerate() {
            println!("{:2}. {}", n + 1, list[i]);
        }
    }
    Ok(())
}

/// Runs the actor stages on one article given as sentences (one paragraph each).
fn article(id: &str, source: &str, sentences: &[String]) -> Article {
    let mut body = String::new();
    let mut paras = Vec::new();
    for s in sentences {
        let start = body.len();
        body.push_str(s.trim());
        paras.push(Span::new(start, body.len()));
        body.push_str("\n\n");
    }
    let seg = text::segment(&body, &paras);
    let resolved = actors::read_segmented(id, &body, &seg, &[]);
    Article {
        id: id.to_string(),
        source: source.to_string(),
        extent: Span::new(0, body.len()),
        body: paras,
        actors: resolved.actors,
        ..Default::default()
    }
}

fn describe(actors: &[&Actor]) -> String {
    actors
        .iter()
        .map(|a| {
            let roles = if a.roles.is_empty() { String::new() } else { format!(" roles={:?}", a.roles) };
            format!("{} {:?} aliases={:?}{roles}", a.id, a.name, &a.aliases[1..])
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

fn family(k: ActorType) -> u8 {
    match k {
        ActorType::Person => 0,
        ActorType::Organization | ActorType::Media => 1,
        ActorType::Country | ActorType::Place => 2,
    }
}

/// Names that a careless merger would join: a shared word of three or more letters, or one
/// name inside the other.
fn look_alike(a: &str, b: &str) -> bool {
    let words = |s: &str| -> HashSet<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 3).map(str::to_lowercase).collect()
    };
    let (wa, wb) = (words(a), words(b));
    let (la, lb) = (a.to_lowercase(), b.to_lowercase());
    wa.intersection(&wb).next().is_some()
        || (!la.is_empty() && !lb.is_empty() && (la.contains(&lb) || lb.contains(&la)))
}

/// `k` distinct indices below `n`, chosen by a seeded shuffle, in ascending order.
fn pick(n: usize, k: usize, seed: u64) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let mut state = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
    for i in (1..n).rev() {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        let j = ((state >> 33) as usize) % (i + 1);
        idx.swap(i, j);
    }
    idx.truncate(k);
    idx.sort_unstable();
    idx
}

fn dump(path: &str) -> Result<(), String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let page = text::read(&raw);
    for art in &page.articles {
        let body = art.body();
        let seg = text::segment(&page.text, &body);
        let mentions = actors::tag(&page.text, &seg);
        for m in &mentions {
            println!("{:?}\t{}..{}\t{:?}", m.kind, m.span.start, m.span.end, &page.text[m.span.start..m.span.end]);
        }
        let resolved = actors::resolve("a1", &page.text, &seg, &mentions);
        for a in &resolved.actors {
            let ms: Vec<&str> = a.mentions.iter().map(|m| m.text.as_str()).collect();
            println!("{} {:?} {:?} roles={:?} mentions={:?}", a.id, a.kind, a.name, a.roles, ms);
        }
    }
    Ok(())
}
