//! The `newslens` command's contract (`../shared/spec/cli-contract.md`), checked on the built
//! binary: the JSON's shape on the seeds, offsets in Unicode code points that slice the input as
//! read (also past emoji and CJK), and one-line errors with exit code 2 for input that cannot be
//! read, never a panic. What the stages find is not asserted here: that is their tests' business.

use serde_json::Value;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const SEEDS: [&str; 5] = [
    "seeds/000_871d32998470bcc1.txt",
    "seeds/001_ba5c21cd9d621fab.txt",
    "seeds/002_83193f1a8cb9cce4.txt",
    "seeds/003_ab47fc6f81cad5ed.txt",
    "seeds/004_0f92cef1d68b0b3b.txt",
];

/// Emoji (one outside the BMP, one a flag of two code points), CJK and curly quotes ahead of the
/// names and quotes, so byte, code point and UTF-16 offsets all disagree.
const ASTRAL: &str = "🇺🇸 WASHINGTON (Reuters) 😀 — President Joe Biden said on Monday that “the 𝒜 plan works 🚀,” \
according to the White House.\n\n“We will not accept this,” said Wang Yi (王毅), China’s foreign minister 🐉, \
according to Xinhua. 北京 later said the 𝕏 posts were “fake”.\n\nAnalysts suggest 😀 the talks may fail, \
the Kremlin’s spokesman Dmitry Peskov told reporters in Moscow.\n";

fn newslens(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_newslens"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run newslens");
    if let Some(bytes) = stdin {
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    child.wait_with_output().unwrap()
}

fn json_of(args: &[&str]) -> Value {
    let out = newslens(args, None);
    assert!(out.status.success(), "newslens {args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// A scratch file under cargo's per-test temporary directory.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let path = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{}-{name}", std::process::id()));
    std::fs::write(&path, bytes).unwrap();
    path
}

/// `text[start..end]` in code points, or None when out of range.
fn slice_cp(text: &str, start: u64, end: u64) -> Option<String> {
    let n = text.chars().count() as u64;
    (start <= end && end <= n).then(|| text.chars().skip(start as usize).take((end - start) as usize).collect())
}

/// Calls `f(object)` for every JSON object below `v` that has numeric `start` and `end`.
fn each_span<'a>(v: &'a Value, f: &mut dyn FnMut(&'a serde_json::Map<String, Value>)) {
    match v {
        Value::Object(m) => {
            if m.get("start").is_some_and(Value::is_u64) && m.get("end").is_some_and(Value::is_u64) {
                f(m);
            }
            m.values().for_each(|x| each_span(x, f));
        }
        Value::Array(a) => a.iter().for_each(|x| each_span(x, f)),
        _ => {}
    }
}

fn span_of(m: &serde_json::Map<String, Value>) -> (u64, u64) {
    (m["start"].as_u64().unwrap(), m["end"].as_u64().unwrap())
}

/// Checks every offset in the report against the texts the inputs hold (as read, or for HTML the
/// extracted text): in range, and slicing to the reported text where the contract says it does.
/// Returns how many spans were checked.
fn assert_offsets_slice(report: &Value, inputs: &[String]) -> usize {
    let texts: Vec<String> = report["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .zip(inputs)
        .map(|(meta, raw)| meta["text"].as_str().map_or_else(|| raw.clone(), str::to_string))
        .collect();
    let mut checked = 0;
    for article in report["articles"].as_array().unwrap() {
        let text = &texts[article["input"].as_u64().unwrap() as usize];
        let at = |m: &serde_json::Map<String, Value>| {
            let (s, e) = span_of(m);
            slice_cp(text, s, e)
                .unwrap_or_else(|| panic!("span {s}..{e} outside the input ({} code points)", text.chars().count()))
        };
        each_span(article, &mut |m| {
            at(m);
            checked += 1;
        });
        for actor in article["actors"].as_array().unwrap() {
            for m in actor["mentions"].as_array().unwrap() {
                assert_eq!(at(m.as_object().unwrap()), m["text"].as_str().unwrap(), "mention offsets");
            }
        }
        for q in article["quotes"].as_array().unwrap() {
            let q = q.as_object().unwrap();
            let quoted = q["text"].as_str().unwrap();
            assert!(at(q).contains(quoted), "quote {:?} not inside its span {:?}", quoted, at(q));
            if let Some(cue) = q["cue"].as_object() {
                assert_eq!(at(cue), cue["text"].as_str().unwrap(), "cue offsets");
            }
        }
        for f in article["flags"].as_array().unwrap() {
            let f = f.as_object().unwrap();
            assert!(at(f).contains(f["text"].as_str().unwrap()), "flag offsets");
        }
    }
    let article_input = |id: &str| -> usize {
        let a = report["articles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == id)
            .expect("discrepancy names an article");
        a["input"].as_u64().unwrap() as usize
    };
    for d in report["discrepancies"].as_array().unwrap() {
        for it in d["items"].as_array().unwrap() {
            let (s, e) = span_of(it.as_object().unwrap());
            let text = &texts[article_input(it["article"].as_str().unwrap())];
            assert!(slice_cp(text, s, e).is_some(), "discrepancy item {s}..{e} outside its article's input");
            checked += 1;
        }
    }
    checked
}

/// The body spans, sliced in code points, are exactly what `newslens clean` prints.
fn assert_body_matches_clean(report: &Value, text: &str, path: &str) {
    let mut joined = String::new();
    for a in report["articles"].as_array().unwrap() {
        for b in a["body"].as_array().unwrap() {
            let (s, e) = span_of(b.as_object().unwrap());
            if !joined.is_empty() {
                joined.push('\n');
            }
            joined.push_str(&slice_cp(text, s, e).unwrap());
            joined.push('\n');
        }
    }
    let clean = newslens(&["clean", path], None);
    assert!(clean.status.success());
    assert_eq!(joined, String::from_utf8(clean.stdout).unwrap());
}

#[test]
fn seeds_give_a_version_1_report_with_ids_sources_and_valid_offsets() {
    let report = json_of(&[&["analyze", "--json"][..], &SEEDS[..]].concat());
    assert_eq!(report["version"], 1);
    let articles = report["articles"].as_array().unwrap();
    assert_eq!(articles.len(), SEEDS.len(), "one article per seed");
    let mut ids: Vec<&str> = articles.iter().map(|a| a["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["a1", "a2", "a3", "a4", "a5"]);
    ids.dedup();
    for (a, path) in articles.iter().zip(SEEDS) {
        assert_eq!(a["source"], path, "source is the path as given");
        for key in ["title", "date", "outlet", "body", "actors", "quotes", "flags"] {
            assert!(a.get(key).is_some(), "article lacks {key}");
        }
        assert!(!a["body"].as_array().unwrap().is_empty(), "{path}: no body kept");
    }
    for key in ["actors", "discrepancies"] {
        assert!(report[key].is_array(), "report lacks {key}");
    }
    let texts: Vec<String> = SEEDS.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    assert!(assert_offsets_slice(&report, &texts) > 10);
    assert_body_matches_clean(&json_of(&["analyze", "--json", SEEDS[1]]), &texts[1], SEEDS[1]);
}

#[test]
fn offsets_are_code_points_past_emoji_and_cjk() {
    let path = scratch("astral.txt", ASTRAL.as_bytes());
    let path = path.to_str().unwrap();
    let report = json_of(&["analyze", "--json", path]);
    assert!(assert_offsets_slice(&report, &[ASTRAL.to_string()]) > 0);
    assert_body_matches_clean(&report, ASTRAL, path);
    // The last body paragraph ends at or before the text's end in code points, well short of its
    // byte length: offsets were converted.
    let last = report["articles"][0]["body"].as_array().unwrap().last().map(|b| b["end"].as_u64().unwrap());
    assert!(last.is_some_and(|e| e as usize <= ASTRAL.chars().count()), "{last:?}");
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let out = newslens(&["analyze", "--json", "-"], Some(ASTRAL.as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["articles"][0]["source"], "-");
    assert_offsets_slice(&report, &[ASTRAL.to_string()]);
}

/// Exit code 2, nothing on stdout, one line on stderr naming the problem, no panic.
fn assert_refused(out: &Output, mentions: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "stderr: {stderr}");
    assert!(out.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.starts_with("newslens: ") && stderr.contains(mentions), "{stderr:?} should mention {mentions:?}");
    assert!(!stderr.contains("panicked"));
}

#[test]
fn missing_file_is_refused_with_one_line() {
    assert_refused(&newslens(&["analyze", "--json", "no/such/file.txt"], None), "no/such/file.txt");
    assert_refused(&newslens(&["analyze", SEEDS[0], "missing.txt"], None), "missing.txt");
}

#[test]
fn non_utf8_input_is_refused_with_one_line() {
    let path = scratch("latin1.txt", b"Caf\xe9 owner said \x93no\x94.\n");
    assert_refused(&newslens(&["analyze", "--json", path.to_str().unwrap()], None), "UTF-8");
    assert_refused(&newslens(&["analyze", "-"], Some(b"\xff\xfe\x00a")), "UTF-8");
}

#[test]
fn empty_input_is_refused_with_one_line() {
    let empty = scratch("empty.txt", b"");
    let blank = scratch("blank.txt", b" \n\t\r\n  \n");
    assert_refused(&newslens(&["analyze", "--json", empty.to_str().unwrap()], None), "empty");
    assert_refused(&newslens(&["analyze", blank.to_str().unwrap()], None), "empty");
    assert_refused(&newslens(&["analyze", "--json", "-"], Some(b"")), "empty");
    // Nothing but a byte-order mark, or NULs, is empty too.
    let bom = scratch("bom-only.txt", "\u{feff}\n".as_bytes());
    let nul = scratch("nul.txt", b"\0\0\0\n\0");
    assert_refused(&newslens(&["analyze", "--json", bom.to_str().unwrap()], None), "empty");
    assert_refused(&newslens(&["analyze", nul.to_str().unwrap()], None), "empty");
    // `clean` refuses what `analyze` refuses (it printed nothing and exited 0).
    for path in [&empty, &blank, &bom, &nul] {
        assert_refused(&newslens(&["clean", path.to_str().unwrap()], None), "empty");
    }
    let no_text = scratch("no-text.html", b"<html><head><script>x()</script></head><body></body></html>");
    assert_refused(&newslens(&["clean", no_text.to_str().unwrap()], None), "no article text");
}

/// A BOM, then white space, then `<`: HTML, and the BOM is no part of the extracted text.
#[test]
fn a_bom_before_html_is_not_text() {
    let html = "\u{feff}  \n<html><body><p>Kim Jong Un said on Monday that the talks went well.</p></body></html>";
    let path = scratch("bom.html", html.as_bytes());
    let report = json_of(&["analyze", "--json", path.to_str().unwrap()]);
    assert_eq!(report["inputs"][0]["html"], true);
    let text = report["inputs"][0]["text"].as_str().unwrap();
    assert_eq!(text, "Kim Jong Un said on Monday that the talks went well.");
    let clean = newslens(&["clean", path.to_str().unwrap()], None);
    assert_eq!(String::from_utf8(clean.stdout).unwrap(), format!("{text}\n"));
}

#[test]
fn odd_input_never_panics() {
    let odd: [&[u8]; 6] = [
        "“unbalanced quote said Kim".as_bytes(),
        b"<",
        b"<html><body><p>\xe2\x80\x9cHi,\xe2\x80\x9d she said.</p>",
        b"\0\0\0 text with NULs \0",
        "\u{feff}BOM then text. \u{200d}\u{0301} combining\r\n\r\nCRLF paragraph said Putin.".as_bytes(),
        "«Французские» „Zitat“ 「引用」 said nobody.".as_bytes(),
    ];
    for bytes in odd {
        let out = newslens(&["analyze", "--json", "-"], Some(bytes));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(matches!(out.status.code(), Some(0 | 2)), "exit {:?} for {bytes:?}: {stderr}", out.status.code());
        assert!(!stderr.contains("panicked"), "{stderr}");
        if out.status.success() {
            let report: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert_offsets_slice(&report, &[String::from_utf8(bytes.to_vec()).unwrap()]);
        }
    }
}

/// `analyze --jsonl`: one answer per input line, in input order, whatever the thread count; a bad
/// line gets an error object and the run goes on (exit 0); the report is `analyze --json`'s.
#[test]
fn jsonl_answers_every_line_in_order() {
    let seed = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(SEEDS[0])).unwrap();
    let mut input = String::new();
    let mut expect_error = Vec::new();
    for i in 0..12 {
        let line = match i % 4 {
            0 => serde_json::json!({"id": format!("t{i}"), "text": ASTRAL}).to_string(),
            1 => serde_json::json!({"id": i, "html": format!("<p>Line {i}: Kim Jong Un said on Monday that talks went well.</p>")}).to_string(),
            2 => "{\"id\": \"broken\", \"text\": ".to_string(),
            _ => serde_json::json!({"id": format!("s{i}"), "text": if i == 3 { seed.as_str() } else { "  " }}).to_string(),
        };
        expect_error.push(i % 4 == 2 || i % 4 == 3 && i != 3);
        input.push_str(&line);
        input.push('\n');
    }
    let mut outputs = Vec::new();
    for threads in ["1", "3"] {
        let out = newslens(&["analyze", "--jsonl", "--threads", threads], Some(input.as_bytes()));
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let lines: Vec<Value> =
            String::from_utf8(out.stdout.clone()).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(lines.len(), 12);
        for (i, (l, err)) in lines.iter().zip(&expect_error).enumerate() {
            assert_eq!(l.get("error").is_some(), *err, "line {}: {l}", i + 1);
            assert_eq!(l.get("report").is_some(), !*err);
            match i % 4 {
                0 => assert_eq!(l["id"], format!("t{i}")),
                1 => assert_eq!(l["id"], i),
                2 => {
                    assert!(l["id"].is_null() && l["error"].as_str().unwrap().starts_with(&format!("line {}: ", i + 1)))
                }
                _ => assert_eq!(l["id"], format!("s{i}")),
            }
        }
        // The report is the one `analyze --json` prints (sources aside: the id names the input).
        let mut one = json_of(&["analyze", "--json", SEEDS[0]]);
        one["inputs"][0]["source"] = "s3".into();
        one["articles"][0]["source"] = "s3".into();
        assert_eq!(lines[3]["report"], one);
        assert_offsets_slice(&lines[0]["report"], &[ASTRAL.to_string()]);
        outputs.push(out.stdout);
    }
    assert_eq!(outputs[0], outputs[1], "one thread and three give the same bytes");
}

/// The `articles` form compares the articles of one story, as `analyze --json a b` does.
#[test]
fn jsonl_articles_are_compared() {
    let (a, b) = (std::fs::read_to_string(SEEDS[0]).unwrap(), std::fs::read_to_string(SEEDS[4]).unwrap());
    let line = serde_json::json!({"id": "story", "articles": [{"source": SEEDS[0], "text": a}, {"source": SEEDS[4], "text": b}]});
    let out = newslens(&["analyze", "--jsonl"], Some(format!("{line}\n").as_bytes()));
    assert!(out.status.success());
    let answer: Value = serde_json::from_slice(&out.stdout).unwrap();
    let both = json_of(&["analyze", "--json", SEEDS[0], SEEDS[4]]);
    assert_eq!(answer["id"], "story");
    assert_eq!(answer["report"], both);
    assert!(!both["discrepancies"].as_array().unwrap().is_empty(), "seeds 000 and 004 disagree");
}
