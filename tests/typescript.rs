//! Keeps the TypeScript declarations of the report (`src/wasm/report.d.ts`, shipped inside the
//! generated `www/pkg/newslens.d.ts`) true to the Rust types.
//!
//! Two reports are written out as TypeScript object literals typed `Report` and handed to `tsc`:
//! one built here from struct literals with every optional field both present and absent and
//! every enum variant used, and the CLI's real report on the seeds. Object literals get
//! TypeScript's excess-property check, so a Rust field missing from the declarations fails as
//! surely as a declared field Rust does not send, or a wrong type. The struct literals (no
//! `..Default::default()`) and exhaustive `match`es mean a new Rust field or variant does not
//! compile here until the declarations are looked at again.
//!
//! Needs `node_modules/.bin/tsc` (`npm ci`); without it the test says so and passes.

use newslens::report::*;
use std::path::Path;
use std::process::Command;

fn all_actor_types() -> Vec<ActorType> {
    let all = [ActorType::Person, ActorType::Organization, ActorType::Media, ActorType::Country, ActorType::Place];
    for t in all {
        match t {
            ActorType::Person | ActorType::Organization | ActorType::Media | ActorType::Country | ActorType::Place => {}
        }
    }
    all.to_vec()
}

fn all_quote_kinds() -> Vec<QuoteKind> {
    let all = [QuoteKind::Direct, QuoteKind::Partial, QuoteKind::Indirect, QuoteKind::Term];
    for k in all {
        match k {
            QuoteKind::Direct | QuoteKind::Partial | QuoteKind::Indirect | QuoteKind::Term => {}
        }
    }
    all.to_vec()
}

fn all_flag_kinds() -> Vec<FlagKind> {
    let all = [FlagKind::VagueSource, FlagKind::ContestedClaim];
    for k in all {
        match k {
            FlagKind::VagueSource | FlagKind::ContestedClaim => {}
        }
    }
    all.to_vec()
}

fn all_segment_kinds() -> Vec<SegmentKind> {
    use SegmentKind::*;
    let all = [Title, Dateline, Byline, Body, Caption];
    for k in all {
        match k {
            Title | Dateline | Byline | Body | Caption => {}
        }
    }
    all.to_vec()
}

fn all_discrepancy_kinds() -> Vec<DiscrepancyKind> {
    use DiscrepancyKind::*;
    let all = [Role, Number, Date, QuoteWording, Spelling, Framing, ContestedClaim, Attribution, Coverage];
    for k in all {
        match k {
            Role | Number | Date | QuoteWording | Spelling | Framing | ContestedClaim | Attribution | Coverage => {}
        }
    }
    all.to_vec()
}

fn actor(kind: ActorType, n: usize) -> Actor {
    Actor {
        id: format!("a1:x{n}"),
        name: "Kim Jong-un".into(),
        kind,
        aliases: vec!["Kim".into()],
        roles: vec!["leader".into()],
        role_evidence: vec![RoleEvidence { role: "leader".into(), start: 0, end: 6 }],
        mentions: vec![Mention { start: 0, end: 3, text: "Kim".into() }],
    }
}

fn quote(kind: QuoteKind, known: bool) -> Quote {
    Quote {
        start: 10,
        end: 20,
        text: "deep thanks".into(),
        kind,
        speaker: known.then(|| "a1:x0".into()),
        speaker_span: known.then_some(Span::new(1, 2)),
        cue: known.then(|| TextSpan { start: 3, end: 4, text: "said".into() }),
        via: if known { vec!["a1:x2".into()] } else { Vec::new() },
        content: known.then(|| TextSpan { start: 5, end: 20, text: "his “deep thanks”".into() }),
        parts: Vec::new(),
    }
}

fn article(id: &str, known: bool) -> Article {
    let some = |s: &str| known.then(|| s.to_string());
    Article {
        id: id.into(),
        source: "x.txt".into(),
        input: 0,
        title: some("Title"),
        date: some("2025-05-29"),
        outlet: some("RT"),
        byline: some("By A. Writer"),
        extent: Span::new(0, 99),
        body: vec![Span::new(5, 50)],
        segments: all_segment_kinds().into_iter().map(|kind| Segment { kind, start: 0, end: 1 }).collect(),
        actors: all_actor_types().into_iter().enumerate().map(|(n, k)| actor(k, n)).collect(),
        quotes: all_quote_kinds().into_iter().map(|k| quote(k, known)).collect(),
        flags: all_flag_kinds()
            .into_iter()
            .map(|kind| Flag { kind, start: 0, end: 5, text: "Analysts".into(), note: some("who?") })
            .chain([Flag { kind: FlagKind::VagueSource, start: 6, end: 9, text: "regime".into(), note: None }])
            .collect(),
    }
}

fn full_report() -> Report {
    Report {
        version: REPORT_VERSION,
        inputs: vec![
            InputText { source: "x.txt".into(), html: false, text: None },
            InputText { source: "y.html".into(), html: true, text: Some("visible text".into()) },
        ],
        articles: vec![article("a1", true), article("a2", false)],
        actors: all_actor_types()
            .into_iter()
            .map(|kind| GlobalActor {
                id: "g1".into(),
                name: "Sergei Shoigu".into(),
                kind,
                members: vec!["a1:x0".into()],
                variants: vec!["Sergey Shoigu".into()],
            })
            .collect(),
        stories: vec![Story { id: "s1".into(), articles: vec!["a1".into(), "a2".into()] }],
        discrepancies: all_discrepancy_kinds()
            .into_iter()
            .zip([Importance::Major, Importance::Minor].into_iter().cycle())
            .enumerate()
            .map(|(n, (kind, importance))| Discrepancy {
                kind,
                importance,
                story: (n % 2 == 0).then(|| "s1".into()),
                summary: "a vs b".into(),
                items: vec![DiscrepancyItem {
                    article: "a1".into(),
                    start: 0,
                    end: 3,
                    text: "Kim".into(),
                    value: "leader".into(),
                    marks: if n % 2 == 0 { vec![Span::new(0, 3)] } else { Vec::new() },
                }],
            })
            .collect(),
    }
}

#[test]
fn typescript_declarations_match_the_report() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tsc = root.join("node_modules/.bin/tsc");
    if !tsc.exists() {
        eprintln!("skipped: {} is missing (run npm ci) so the TypeScript declarations were not checked", tsc.display());
        return;
    }
    let seeds: Vec<String> = std::fs::read_dir(root.join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    assert!(!seeds.is_empty());
    let out = Command::new(env!("CARGO_BIN_EXE_newslens")).args(["analyze", "--json"]).args(&seeds).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let seeds_json = String::from_utf8(out.stdout).unwrap();
    let full_json = serde_json::to_string_pretty(&full_report()).unwrap();

    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("ts-check-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(root.join("src/wasm/report.d.ts"), dir.join("report.d.ts")).unwrap();
    let check = format!(
        "import type {{ Report, Actor }} from \"./report\";\n\
         export const full: Report = {full_json};\n\
         export const seeds: Report = {seeds_json};\n\
         // The check must be able to fail: an undeclared field is an error.\n\
         // @ts-expect-error\n\
         export const extra: Actor = {{ ...full.articles[0]!.actors[0]!, undeclared: 1 }};\n"
    );
    std::fs::write(dir.join("check.ts"), check).unwrap();
    let out = Command::new(&tsc)
        .current_dir(&dir)
        .args(["--noEmit", "--strict", "--exactOptionalPropertyTypes", "--noUncheckedIndexedAccess"])
        .args(["--target", "es2022", "--module", "esnext", "--moduleResolution", "bundler", "check.ts"])
        .output()
        .unwrap();
    let msg = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "tsc rejects reports typed as the declarations say (see {}):\n{msg}", dir.display());
    std::fs::remove_dir_all(&dir).ok();
}
