//! Converting a report's byte offsets to the unit its reader indexes by.
//!
//! Rust works in UTF-8 bytes; the CLI's JSON speaks Unicode code points (what Python's `str`
//! indexes) and JavaScript speaks UTF-16 code units. A report can hold tens of thousands of
//! offsets into a text of several megabytes, so conversion must not rescan the text per offset:
//! we gather every offset of an input, sort them, and translate them all in one forward walk
//! over the text (O(text + k log k)).

use super::{Report, Span};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OffsetUnit {
    /// UTF-8 bytes (the Rust API; no conversion).
    Bytes,
    /// Unicode scalar values (CLI JSON).
    CodePoints,
    /// UTF-16 code units (JavaScript).
    Utf16,
}

/// Calls `f(input, offset)` for every offset in the report.
fn visit(report: &mut Report, f: &mut dyn FnMut(usize, &mut usize)) {
    let mut input_of_article = std::collections::HashMap::new();
    for a in &mut report.articles {
        let i = a.input;
        input_of_article.insert(a.id.clone(), i);
        let span = |s: &mut Span, f: &mut dyn FnMut(usize, &mut usize)| {
            f(i, &mut s.start);
            f(i, &mut s.end);
        };
        span(&mut a.extent, f);
        for s in &mut a.body {
            span(s, f);
        }
        for s in &mut a.segments {
            f(i, &mut s.start);
            f(i, &mut s.end);
        }
        for actor in &mut a.actors {
            for m in &mut actor.mentions {
                f(i, &mut m.start);
                f(i, &mut m.end);
            }
            for r in &mut actor.role_evidence {
                f(i, &mut r.start);
                f(i, &mut r.end);
            }
        }
        for q in &mut a.quotes {
            f(i, &mut q.start);
            f(i, &mut q.end);
            if let Some(s) = &mut q.speaker_span {
                span(s, f);
            }
            if let Some(c) = &mut q.cue {
                f(i, &mut c.start);
                f(i, &mut c.end);
            }
            if let Some(c) = &mut q.content {
                f(i, &mut c.start);
                f(i, &mut c.end);
            }
        }
        for fl in &mut a.flags {
            f(i, &mut fl.start);
            f(i, &mut fl.end);
        }
    }
    for d in &mut report.discrepancies {
        for it in &mut d.items {
            if let Some(&i) = input_of_article.get(&it.article) {
                f(i, &mut it.start);
                f(i, &mut it.end);
                for m in &mut it.marks {
                    f(i, &mut m.start);
                    f(i, &mut m.end);
                }
            }
        }
    }
}

/// Rewrites every offset in `report` from bytes into `unit`. `texts[i]` must be the text of
/// input `i` (the one the offsets point into).
pub fn convert_offsets(report: &mut Report, texts: &[&str], unit: OffsetUnit) {
    if unit == OffsetUnit::Bytes {
        return;
    }
    let mut wanted: Vec<Vec<usize>> = vec![Vec::new(); texts.len()];
    visit(report, &mut |i, off| {
        if let Some(w) = wanted.get_mut(i) {
            w.push(*off)
        }
    });
    let tables: Vec<Vec<(usize, usize)>> = wanted
        .into_iter()
        .zip(texts)
        .map(|(mut offs, text)| {
            offs.sort_unstable();
            offs.dedup();
            translate_sorted(text, &offs, unit)
        })
        .collect();
    visit(report, &mut |i, off| {
        if let Some(t) = tables.get(i) {
            if let Ok(k) = t.binary_search_by_key(off, |&(b, _)| b) {
                *off = t[k].1;
            }
        }
    });
}

/// For sorted, deduplicated byte offsets, the same positions in `unit`. An offset that falls
/// inside a character counts the characters that start before it; one past the end is clamped.
fn translate_sorted(text: &str, offs: &[usize], unit: OffsetUnit) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(offs.len());
    let mut chars = text.char_indices().peekable();
    let mut count = 0usize;
    for &b in offs {
        while let Some(&(pos, c)) = chars.peek() {
            if pos >= b {
                break;
            }
            count += match unit {
                OffsetUnit::Utf16 => c.len_utf16(),
                _ => 1,
            };
            chars.next();
        }
        out.push((b, count));
    }
    out
}

/// Converts one byte offset (for callers outside a report, such as tests).
pub fn byte_to_unit(text: &str, byte: usize, unit: OffsetUnit) -> usize {
    translate_sorted(text, &[byte], unit)[0].1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_non_bmp_and_multibyte() {
        let t = "a😀é“b”";
        // bytes: a=0, 😀=1..5, é=5..7, “=7..10, b=10, ”=11..14
        assert_eq!(byte_to_unit(t, 10, OffsetUnit::CodePoints), 4);
        assert_eq!(byte_to_unit(t, 10, OffsetUnit::Utf16), 5);
        assert_eq!(byte_to_unit(t, 14, OffsetUnit::Utf16), 7);
        assert_eq!(byte_to_unit(t, 99, OffsetUnit::CodePoints), 6);
    }
}
