//! `newslens analyze --jsonl`: one analysis per line of JSON, answered in input order, on every
//! core (`../shared/spec/cli-contract.md`).
//!
//! A line is one analysis: `{"id": …, "text": …}` (one article), `{"id": …, "html": …}` (one
//! page), or `{"id": …, "articles": [{"source": …, "text": …}, …]}` (the articles of one story,
//! compared with each other). The answer is `{"id": …, "report": {…}}` with the report as
//! `analyze --json` writes it (offsets in code points), or `{"id": …, "error": "…"}` for a line
//! that cannot be read or is refused; the run goes on. [`answer`] turns one line into its answer;
//! [`run`] (native only) reads lines, answers them on worker threads, and writes the answers in
//! input order.

use crate::report::{convert_offsets, OffsetUnit, Report};
use crate::Input;
use serde::Serialize;
use serde_json::Value;

/// One answer line, before it is written.
#[derive(Serialize)]
struct Answer<'a> {
    id: &'a Value,
    #[serde(skip_serializing_if = "Option::is_none")]
    report: Option<Report>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

/// One article of a line, owned (HTML given under `"html"` is marked so it is read as HTML).
struct Article {
    source: String,
    text: String,
}

/// The answer to one input line (`line_no` counts from 1, for messages), without its newline:
/// always one line of JSON, whatever the input.
pub fn answer(line: &str, line_no: usize) -> String {
    answer_checked(line, line_no).0
}

/// [`answer`], and whether it is an error object.
fn answer_checked(line: &str, line_no: usize) -> (String, bool) {
    let value: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return (error_line(&Value::Null, format!("line {line_no}: not a JSON object: {e}")), true),
    };
    let id = value.get("id").cloned().unwrap_or(Value::Null);
    let answer = match read_line(&value, &id) {
        Ok(articles) => analyze_line(&articles).map_err(|e| e.to_string()),
        Err(e) => Err(e),
    };
    let (report, error) = match answer {
        Ok(r) => (Some(r), None),
        Err(e) => (None, Some(format!("line {line_no}: {e}"))),
    };
    let failed = error.is_some();
    match serde_json::to_string(&Answer { id: &id, report, error }) {
        Ok(s) => (s, failed),
        Err(e) => (error_line(&id, format!("line {line_no}: cannot write the report: {e}")), true),
    }
}

fn error_line(id: &Value, error: String) -> String {
    let a = Answer { id, report: None, error: Some(error) };
    // An Answer of a JSON value and a string always serialises.
    serde_json::to_string(&a).unwrap_or_default()
}

/// The articles a line asks about, or why it cannot be read.
fn read_line(value: &Value, id: &Value) -> Result<Vec<Article>, String> {
    let obj = value.as_object().ok_or("not a JSON object")?;
    if !obj.contains_key("id") {
        return Err("no \"id\"".into());
    }
    let name = match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let keys: Vec<&str> = ["text", "html", "articles"].into_iter().filter(|k| obj.contains_key(*k)).collect();
    match keys.as_slice() {
        ["text"] => Ok(vec![Article { source: name, text: string_field(value, "text", "")? }]),
        ["html"] => Ok(vec![Article { source: name, text: as_html(string_field(value, "html", "")?) }]),
        ["articles"] => {
            let list = value["articles"].as_array().ok_or("\"articles\" must be an array")?;
            if list.is_empty() {
                return Err("\"articles\" is empty".into());
            }
            list.iter()
                .enumerate()
                .map(|(i, a)| {
                    let at = format!("articles[{i}].");
                    if !a.is_object() {
                        return Err(format!("articles[{i}] must be an object {{source?, text}}"));
                    }
                    let source = match a.get("source") {
                        None | Some(Value::Null) => format!("Article {}", i + 1),
                        Some(Value::String(s)) => s.clone(),
                        Some(_) => return Err(format!("{at}source must be a string")),
                    };
                    let text = match (a.get("text"), a.get("html")) {
                        (Some(_), None) => string_field(a, "text", &at)?,
                        (None, Some(_)) => as_html(string_field(a, "html", &at)?),
                        _ => return Err(format!("articles[{i}] needs one of \"text\" or \"html\"")),
                    };
                    Ok(Article { source, text })
                })
                .collect()
        }
        [] => Err("needs one of \"text\", \"html\" or \"articles\"".into()),
        _ => Err(format!("has {}: give only one", keys.join(" and "))),
    }
}

fn string_field(v: &Value, key: &str, at: &str) -> Result<String, String> {
    v.get(key).and_then(Value::as_str).map(str::to_string).ok_or_else(|| format!("{at}{key} must be a string"))
}

/// HTML given as such is read as HTML even when it does not start with `<` (a fragment such as
/// `Kim <b>said</b> …`): offsets point into the extracted text, so the added tag moves none.
fn as_html(html: String) -> String {
    if crate::text::html::looks_like_html(&html) {
        html
    } else {
        format!("<body>{html}")
    }
}

/// [`crate::analyze`] with offsets in code points into each input's analysed text, exactly as
/// `newslens analyze --json` writes them.
fn analyze_line(articles: &[Article]) -> Result<Report, crate::Error> {
    let inputs: Vec<Input> = articles.iter().map(|a| Input { source: &a.source, text: &a.text }).collect();
    let mut report = crate::analyze(&inputs)?;
    // The inputs are set aside so their texts can be borrowed while the report is rewritten.
    let meta = std::mem::take(&mut report.inputs);
    let texts: Vec<&str> = meta.iter().zip(&inputs).map(|(m, i)| m.text.as_deref().unwrap_or(i.text)).collect();
    convert_offsets(&mut report, &texts, OffsetUnit::CodePoints);
    report.inputs = meta;
    Ok(report)
}

/// What a [`run`] did.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines answered (every line read).
    pub lines: usize,
    /// Of those, answered with an error object.
    pub errors: usize,
}

/// Reads lines from `input`, answers each on one of `threads` worker threads, and writes the
/// answers to `out` in input order, one per line. At most a few lines per thread are in flight
/// (read, being analysed, or waiting for an earlier one to be written), so memory stays bounded
/// whatever the input's length. A line that is not UTF-8, not JSON, or refused gets an error
/// object; a panic while analysing a line does too (and is reported on standard error). Only an
/// I/O error on `input` or `out` stops the run.
#[cfg(not(target_arch = "wasm32"))]
pub fn run(
    mut input: impl std::io::BufRead,
    out: impl std::io::Write + Send,
    threads: usize,
) -> std::io::Result<Summary> {
    use std::collections::BTreeMap;
    use std::io::Write;
    use std::sync::mpsc::sync_channel;
    use std::sync::{Arc, Mutex};

    let threads = threads.max(1);
    let window = threads * 4;
    let (work_tx, work_rx) = sync_channel::<(usize, Vec<u8>)>(window);
    let (done_tx, done_rx) = sync_channel::<(usize, (String, bool))>(window);
    // One token per line in flight: the reader takes one before sending a line, the writer gives
    // it back once that line is written. This bounds the reordering buffer too.
    let (token_tx, token_rx) = sync_channel::<()>(window);
    for _ in 0..window {
        let _ = token_tx.send(());
    }
    let work_rx = Arc::new(Mutex::new(work_rx));

    std::thread::scope(|scope| {
        for _ in 0..threads {
            let work_rx = Arc::clone(&work_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || loop {
                let job = work_rx.lock().map_or(None, |rx| rx.recv().ok());
                let Some((i, bytes)) = job else { break };
                let text = answer_bytes(&bytes, i + 1);
                if done_tx.send((i, text)).is_err() {
                    break;
                }
            });
        }
        // Only the workers hold the queue's receiving end: if they all stop, the reader's send fails
        // instead of blocking.
        drop(work_rx);
        drop(done_tx);
        let writer = scope.spawn(move || -> std::io::Result<Summary> {
            let mut out = std::io::BufWriter::new(out);
            let mut pending: BTreeMap<usize, (String, bool)> = BTreeMap::new();
            let mut next = 0;
            let mut summary = Summary::default();
            for (i, text) in done_rx {
                pending.insert(i, text);
                while let Some((text, failed)) = pending.remove(&next) {
                    summary.errors += usize::from(failed);
                    out.write_all(text.as_bytes())?;
                    out.write_all(b"\n")?;
                    summary.lines += 1;
                    next += 1;
                    let _ = token_tx.send(());
                }
                if pending.is_empty() {
                    out.flush()?;
                }
            }
            out.flush()?;
            Ok(summary)
        });

        let mut read_result = Ok(());
        let mut i = 0;
        loop {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) => break,
                Ok(_) => {}
                Err(e) => {
                    read_result = Err(e);
                    break;
                }
            }
            if line.ends_with(b"\n") {
                line.pop();
                if line.ends_with(b"\r") {
                    line.pop();
                }
            }
            // Wait for a free slot; none comes back only if the writer stopped (an I/O error).
            if token_rx.recv().is_err() || work_tx.send((i, line)).is_err() {
                break;
            }
            i += 1;
        }
        drop(work_tx);
        drop(token_rx);
        let summary = writer.join().unwrap_or_else(|_| Err(std::io::Error::other("the writer thread panicked")))?;
        read_result?;
        if summary.lines != i {
            return Err(std::io::Error::other(format!("{} of {i} lines answered", summary.lines)));
        }
        Ok(summary)
    })
}

/// [`answer`] for raw bytes: a line that is not UTF-8 or is blank gets an error object, and so
/// does a panic while analysing it (the library promises none; the run must survive one).
#[cfg(not(target_arch = "wasm32"))]
fn answer_bytes(bytes: &[u8], line_no: usize) -> (String, bool) {
    let Ok(line) = std::str::from_utf8(bytes) else {
        return (error_line(&Value::Null, format!("line {line_no}: not UTF-8 text")), true);
    };
    if line.trim().is_empty() {
        return (error_line(&Value::Null, format!("line {line_no}: blank line")), true);
    }
    std::panic::catch_unwind(|| answer_checked(line, line_no)).unwrap_or_else(|_| {
        (error_line(&Value::Null, format!("line {line_no}: internal error (panic) in newslens")), true)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Value {
        serde_json::from_str(s).unwrap()
    }

    #[test]
    fn one_article_gives_a_report_with_code_point_offsets() {
        let a = parse(&answer(
            r#"{"id": "x1", "text": "😀 Kim Jong Un said on Monday that “talks went well,” officials said."}"#,
            1,
        ));
        assert_eq!(a["id"], "x1");
        assert!(a.get("error").is_none());
        // Code points: the emoji is one (four bytes).
        let m = &a["report"]["articles"][0]["actors"][0]["mentions"][0];
        assert_eq!(m["text"], "Kim Jong Un");
        assert_eq!((m["start"].as_u64(), m["end"].as_u64()), (Some(2), Some(13)));
    }

    #[test]
    fn bad_lines_give_error_objects() {
        for (line, id, msg) in [
            ("not json", Value::Null, "not a JSON object"),
            ("[1, 2]", Value::Null, "not a JSON object"),
            (r#"{"text": "a"}"#, Value::Null, "no \"id\""),
            (r#"{"id": 7}"#, Value::from(7), "needs one of"),
            (r#"{"id": "e", "text": "  "}"#, Value::from("e"), "empty"),
            (r#"{"id": "t", "text": 5}"#, Value::from("t"), "text must be a string"),
            (r#"{"id": "b", "text": "a", "html": "<p>a"}"#, Value::from("b"), "give only one"),
            (r#"{"id": "a", "articles": []}"#, Value::from("a"), "is empty"),
            (r#"{"id": "a", "articles": [{"source": 1, "text": "x"}]}"#, Value::from("a"), "source must be a string"),
        ] {
            let a = parse(&answer(line, 3));
            assert_eq!(a["id"], id, "{line}");
            let e = a["error"].as_str().unwrap_or_else(|| panic!("{line}: no error"));
            assert!(e.starts_with("line 3: ") && e.contains(msg), "{line}: {e}");
            assert!(a.get("report").is_none());
        }
        let a = parse(&answer_bytes(b"\xff\xfe", 9).0);
        assert!(a["error"].as_str().unwrap().contains("not UTF-8"));
    }

    #[test]
    fn html_fragments_are_read_as_html() {
        let a = parse(&answer(r#"{"id": 1, "html": "Kim Jong Un <b>said</b> on Monday that talks went well."}"#, 1));
        assert_eq!(a["report"]["inputs"][0]["html"], true);
        assert_eq!(a["report"]["inputs"][0]["text"], "Kim Jong Un said on Monday that talks went well.");
    }

    #[test]
    fn run_answers_in_input_order_on_several_threads() {
        let mut input = String::new();
        for i in 0..40 {
            if i % 7 == 3 {
                input.push_str("{broken\n");
            } else {
                input.push_str(&format!(
                    "{{\"id\": {i}, \"text\": \"Kim Jong Un said on Monday that talks went well, line {i}.\"}}\n"
                ));
            }
        }
        let mut out = Vec::new();
        let summary = run(input.as_bytes(), &mut out, 3).unwrap();
        assert_eq!(summary, Summary { lines: 40, errors: 6 });
        let lines: Vec<Value> = String::from_utf8(out).unwrap().lines().map(parse).collect();
        assert_eq!(lines.len(), 40);
        for (i, l) in lines.iter().enumerate() {
            if i % 7 == 3 {
                assert!(l["error"].as_str().unwrap().starts_with(&format!("line {}: ", i + 1)));
            } else {
                assert_eq!(l["id"], i);
            }
        }
    }
}
