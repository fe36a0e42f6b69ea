//! The entity tagger through the `newslens tag --conll` contract (../shared/spec/cli-contract.md)
//! and, when `../shared/data` is present, its accuracy on the CoNLL-2003 dev file.

use std::io::Write;
use std::process::{Command, Stdio};

fn tag_conll(input: &str) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(["tag", "--conll"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run newslens");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().expect("newslens output");
    writer.join().expect("writer thread").expect("write stdin");
    assert!(out.status.success(), "exit {:?}", out.status);
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn tag_conll_adds_one_iob2_column_and_keeps_everything_else() {
    let input = "-DOCSTART- -X- O O\n\nRussian JJ B-NP B-MISC\nPresident NNP I-NP O\nVladimir NNP I-NP B-PER\n\
                 Putin NNP I-NP I-PER\nmet VBD B-VP O\nKim NNP B-NP B-PER\nJong-un NNP I-NP I-PER\nin IN B-PP O\n\
                 Pyongyang NNP B-NP B-LOC\n. . O O\n\n-DOCSTART- -X- O O\n\nReuters\n";
    let out = tag_conll(input);
    let (ins, outs): (Vec<&str>, Vec<&str>) = (input.lines().collect(), out.lines().collect());
    assert_eq!(ins.len(), outs.len(), "{out}");
    let mut tags = Vec::new();
    for (i, o) in ins.iter().zip(&outs) {
        if i.is_empty() || i.starts_with("-DOCSTART-") {
            assert_eq!(i, o);
            continue;
        }
        let (kept, tag) = o.rsplit_once(' ').expect("one more column");
        assert_eq!(kept, *i, "columns are given back unchanged");
        assert!(
            tag == "O"
                || ["B-", "I-"].iter().any(|p| tag.starts_with(p))
                    && ["PER", "ORG", "LOC", "MISC"].contains(&&tag[2..]),
            "{tag:?} is not IOB2"
        );
        tags.push((i.split(' ').next().unwrap_or(""), tag));
    }
    let tag_of = |w: &str| tags.iter().find(|(t, _)| *t == w).map(|(_, g)| *g);
    assert_eq!(tag_of("Vladimir"), Some("B-PER"));
    assert_eq!(tag_of("Putin"), Some("I-PER"));
    assert_eq!(tag_of("Pyongyang"), Some("B-LOC"));
    assert_eq!(tag_of("Kim"), Some("B-PER"));
    assert_eq!(tag_of("Jong-un"), Some("I-PER"));
    // IOB2: an I- tag always continues an entity of its type.
    let mut prev = "O";
    for (_, t) in &tags {
        if let Some(ty) = t.strip_prefix("I-") {
            assert!(prev.ends_with(ty), "{prev} then {t}");
        }
        prev = t;
    }
}

/// Entity chunks `(sentence, start, end, type)` of one tag column, IOB1 or IOB2 (conlleval).
fn chunks(tags: &[Vec<String>]) -> Vec<(usize, usize, usize, String)> {
    let mut out = Vec::new();
    for (s, sent) in tags.iter().enumerate() {
        let mut open: Option<(usize, &str)> = None;
        for (i, t) in sent.iter().chain(std::iter::once(&"O".to_string())).enumerate() {
            let (p, ty) = t.split_once('-').unwrap_or(("O", ""));
            let continues = p == "I" && open.is_some_and(|(_, o)| o == ty);
            if !continues {
                if let Some((a, o)) = open.take() {
                    out.push((s, a, i, o.to_string()));
                }
                if p != "O" {
                    open = Some((i, ty));
                }
            }
        }
    }
    out
}

#[test]
fn conll_dev_f1_is_at_least_0_90() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/conll2003/dev.conll");
    let Ok(text) = std::fs::read_to_string(&path) else {
        println!("skipped: {} not found", path.display());
        return;
    };
    let out = tag_conll(&text);
    let (mut gold, mut pred) = (vec![Vec::new()], vec![Vec::new()]);
    for line in out.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() || cols[0] == "-DOCSTART-" {
            gold.push(Vec::new());
            pred.push(Vec::new());
        } else {
            gold.last_mut().unwrap().push(cols[cols.len() - 2].to_string());
            pred.last_mut().unwrap().push(cols[cols.len() - 1].to_string());
        }
    }
    let (g, p) = (chunks(&gold), chunks(&pred));
    let tp = p.iter().filter(|c| g.contains(c)).count() as f64;
    let f1 = 2.0 * tp / (g.len() + p.len()) as f64;
    println!("dev F1 {f1:.4}");
    assert!(f1 >= 0.90, "dev F1 {f1:.4}");
}
