//! The invariants of a report, shared by tests/properties.rs (proptest, in the ordinary suite)
//! and fuzz/fuzz_targets/analyze.rs (cargo-fuzz): no panic, every span within its text and on
//! character boundaries, every span's `text` equal to its slice, UTF-16 and code point offsets
//! where the text in those units says, JSON that serialises and parses.

use newslens::report::{byte_to_unit, convert_offsets, OffsetUnit, Report};
use newslens::Input;

/// One span of the report: which input's text it points into, where, and the text it claims.
struct Found {
    input: usize,
    what: &'static str,
    start: usize,
    end: usize,
    text: Option<String>,
}

/// Every span in the report, in a fixed order (so two reports of one analysis line up).
fn spans(report: &Report) -> Vec<Found> {
    let mut out = Vec::new();
    let mut push = |input, what, start, end, text: Option<&String>| {
        out.push(Found { input, what, start, end, text: text.cloned() })
    };
    for a in &report.articles {
        let i = a.input;
        push(i, "extent", a.extent.start, a.extent.end, None);
        for s in &a.body {
            push(i, "body", s.start, s.end, None);
        }
        for s in &a.segments {
            push(i, "segment", s.start, s.end, None);
        }
        for actor in &a.actors {
            for m in &actor.mentions {
                push(i, "mention", m.start, m.end, Some(&m.text));
            }
            for r in &actor.role_evidence {
                push(i, "role evidence", r.start, r.end, None);
            }
        }
        for q in &a.quotes {
            // A quote in parts: its text is the parts' words (checked in `check`), not its extent.
            push(i, "quote", q.start, q.end, q.parts.is_empty().then_some(&q.text));
            for p in &q.parts {
                push(i, "quote part", p.start, p.end, None);
            }
            if let Some(s) = &q.speaker_span {
                push(i, "speaker span", s.start, s.end, None);
            }
            if let Some(c) = &q.cue {
                push(i, "cue", c.start, c.end, Some(&c.text));
            }
            if let Some(c) = &q.content {
                push(i, "quote content", c.start, c.end, Some(&c.text));
            }
        }
        for f in &a.flags {
            push(i, "flag", f.start, f.end, Some(&f.text));
        }
    }
    for d in &report.discrepancies {
        for item in &d.items {
            let Some(a) = report.articles.iter().find(|a| a.id == item.article) else {
                panic!("discrepancy item names no article: {}", item.article);
            };
            push(a.input, "discrepancy item", item.start, item.end, Some(&item.text));
            for m in &item.marks {
                push(a.input, "discrepancy mark", m.start, m.end, None);
            }
        }
    }
    out
}

/// The text each input's offsets point into: the paste, or for HTML the extracted text.
fn analysed<'a>(report: &'a Report, inputs: &[Input<'a>]) -> Vec<&'a str> {
    report.inputs.iter().zip(inputs).map(|(meta, i)| meta.text.as_deref().unwrap_or(i.text)).collect()
}

/// Analyses `texts` as one call and checks every invariant; the first broken one, described.
pub fn check(texts: &[String]) -> Result<(), String> {
    let inputs: Vec<Input> =
        texts.iter().enumerate().map(|(i, t)| Input { source: if i == 0 { "a" } else { "b" }, text: t }).collect();
    let report = match newslens::analyze(&inputs) {
        Ok(r) => r,
        Err(newslens::Error::Empty { .. }) => {
            ensure(texts.iter().any(|t| newslens::is_blank(t)), || "refused as empty, but no input is blank".into())?;
            return Ok(());
        }
        Err(e) => return Err(format!("refused: {e}")),
    };
    let docs = analysed(&report, &inputs);
    let found = spans(&report);
    for f in &found {
        let doc = docs[f.input];
        ensure(f.start <= f.end && f.end <= doc.len(), || {
            format!("{} {}..{} outside a text of {}", f.what, f.start, f.end, doc.len())
        })?;
        let slice = doc.get(f.start..f.end);
        ensure(slice.is_some(), || format!("{} {}..{} not on char boundaries", f.what, f.start, f.end))?;
        if let Some(t) = &f.text {
            ensure_eq(t.as_str(), slice.unwrap_or_default(), || format!("{} text differs from its slice", f.what))?;
        }
    }

    // A quote in parts: ordered parts inside its extent, and its text their words joined by a space.
    for a in &report.articles {
        for q in a.quotes.iter().filter(|q| !q.parts.is_empty()) {
            let doc = docs[a.input];
            let ordered = q.parts.windows(2).all(|w| w[0].end <= w[1].start);
            let inside =
                q.parts.first().is_some_and(|p| p.start == q.start) && q.parts.last().is_some_and(|p| p.end == q.end);
            ensure(ordered && inside && q.parts.len() > 1, || {
                format!("quote parts {:?} of {}..{}", q.parts, q.start, q.end)
            })?;
            let words: Vec<&str> = q.parts.iter().map(|p| doc.get(p.start..p.end).unwrap_or_default()).collect();
            ensure_eq(q.text.as_str(), words.join(" ").as_str(), || "quote text differs from its parts".into())?;
        }
    }

    // UTF-16 (the JS API) and code points (the CLI): the converted offsets index the same
    // characters in the text seen in those units.
    for unit in [OffsetUnit::Utf16, OffsetUnit::CodePoints] {
        let units: Vec<Vec<u16>> = docs.iter().map(|d| d.encode_utf16().collect()).collect();
        let mut conv = report.clone();
        convert_offsets(&mut conv, &docs, unit);
        let conv_found = spans(&conv);
        ensure_eq(conv_found.len(), found.len(), || format!("span count after conversion to {unit:?}"))?;
        for (b, c) in found.iter().zip(&conv_found) {
            let doc = docs[b.input];
            ensure_eq(c.start, byte_to_unit(doc, b.start, unit), || format!("{} start in {:?}", b.what, unit))?;
            ensure_eq(c.end, byte_to_unit(doc, b.end, unit), || format!("{} end in {:?}", b.what, unit))?;
            let (s, e) = match unit {
                OffsetUnit::Utf16 => (doc[..b.start].encode_utf16().count(), doc[..b.end].encode_utf16().count()),
                _ => (doc[..b.start].chars().count(), doc[..b.end].chars().count()),
            };
            ensure_eq((c.start, c.end), (s, e), || format!("{} in {:?}", b.what, unit))?;
            if unit == OffsetUnit::Utf16 {
                // What `text.slice(start, end)` gives in JavaScript.
                let js = units[b.input].get(c.start..c.end).and_then(|u| String::from_utf16(u).ok());
                ensure_eq(js.as_deref(), doc.get(b.start..b.end), || format!("{} JS slice", b.what))?;
            }
        }
    }

    let json = serde_json::to_string(&report);
    ensure(json.is_ok(), || "report does not serialise".into())?;
    let back: Result<serde_json::Value, _> = serde_json::from_str(&json.unwrap_or_default());
    ensure(back.is_ok(), || "report JSON does not parse".into())?;
    Ok(())
}

fn ensure(ok: bool, msg: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(msg())
    }
}

fn ensure_eq<T: PartialEq + std::fmt::Debug>(a: T, b: T, msg: impl FnOnce() -> String) -> Result<(), String> {
    if a == b {
        Ok(())
    } else {
        Err(format!("{}: {a:?} != {b:?}", msg()))
    }
}
