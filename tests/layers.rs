//! The layering rule of ARCHITECTURE.md: the floor (`span`, `report`, `lexicon`, `weights`)
//! names no stage; a stage (text → actors → quotes → compare) names no stage to its right and
//! nothing of `lib.rs`. Checked on the source text, comments included, so a doc link that
//! points the wrong way fails too.

use std::path::Path;

const STAGES: [&str; 4] = ["text", "actors", "quotes", "compare"];
const LIB_ITEMS: [&str; 4] = ["Error", "Input", "analyze", "MAX_INPUT_BYTES"];

fn sources(path: &Path, out: &mut Vec<(String, String)>) {
    if path.is_dir() {
        for e in std::fs::read_dir(path).expect("read_dir").flatten() {
            sources(&e.path(), out);
        }
    } else if path.extension().is_some_and(|x| x == "rs") {
        out.push((path.display().to_string(), std::fs::read_to_string(path).expect("read")));
    }
}

/// `crate::name` followed by something other than an identifier character.
fn names(text: &str, name: &str) -> bool {
    let pat = format!("crate::{name}");
    text.match_indices(&pat)
        .any(|(i, _)| !text[i + pat.len()..].chars().next().is_some_and(|c| c.is_alphanumeric() || c == '_'))
}

#[test]
fn stages_look_only_down_and_left() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut bad = Vec::new();
    let floor = ["span.rs", "report", "lexicon", "weights.rs"];
    for (level, part) in floor.iter().map(|f| (0, *f)).chain(STAGES.iter().enumerate().map(|(i, s)| (i + 1, *s))) {
        let mut files = Vec::new();
        sources(&src.join(part), &mut files);
        assert!(!files.is_empty(), "no sources under src/{part}");
        // The floor (level 0) may name no stage; stage n may name stages before it.
        let forbidden = STAGES.iter().skip(level);
        for (path, text) in &files {
            for stage in forbidden.clone() {
                if names(text, stage) {
                    bad.push(format!("{path} names crate::{stage}"));
                }
            }
            for item in LIB_ITEMS {
                if names(text, item) {
                    bad.push(format!("{path} names crate::{item} (lib.rs)"));
                }
            }
        }
    }
    assert!(bad.is_empty(), "layering broken:\n{}", bad.join("\n"));
}
