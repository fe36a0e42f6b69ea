//! Converting a report's byte offsets to the unit its reader indexes by.
//!
//! Rust works in UTF-8 bytes; the CLI's JSON speaks Unicode code points (what Python's `str`
//! indexes) and JavaScript speaks UTF-16 code units. A report can hold hundreds of thousands of
//! offsets into a text of several megabytes, so conversion must neither rescan the text per
//! offset nor gather every offset in a table (that table was the peak of a 10 MB paste): each
//! text gets a [`UnitIndex`], the unit count at every 64th byte (one `usize` per 64 bytes, none at
//! all for ASCII text), and an offset is found from its mark by scanning at most 63 bytes. One
//! walk over the report converts in place: O(text / 64) memory, O(text + 64 k) time.

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
            for p in &mut q.parts {
                span(p, f);
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
    let indexes: Vec<UnitIndex> = texts.iter().map(|t| UnitIndex::new(t, unit)).collect();
    visit(report, &mut |i, off| {
        if let Some(ix) = indexes.get(i) {
            *off = ix.to_unit(*off);
        }
    });
}

/// Byte offsets → `unit` offsets for one text (see the module docs).
struct UnitIndex<'a> {
    bytes: &'a [u8],
    utf16: bool,
    /// `marks[k]`: units of the characters that start before byte `k * STRIDE`. Empty for ASCII
    /// text, where bytes and units agree.
    marks: Vec<usize>,
}

const STRIDE: usize = 64;

impl<'a> UnitIndex<'a> {
    fn new(text: &'a str, unit: OffsetUnit) -> Self {
        let bytes = text.as_bytes();
        let utf16 = unit == OffsetUnit::Utf16;
        let marks = if text.is_ascii() {
            Vec::new()
        } else {
            let mut marks = Vec::with_capacity(bytes.len() / STRIDE + 1);
            let mut count = 0;
            for chunk in bytes.chunks(STRIDE) {
                marks.push(count);
                count += units(chunk, utf16);
            }
            marks.push(count);
            marks
        };
        UnitIndex { bytes, utf16, marks }
    }

    /// An offset inside a character counts the characters that start before it; one past the
    /// end is clamped to the end.
    fn to_unit(&self, byte: usize) -> usize {
        let byte = byte.min(self.bytes.len());
        if self.marks.is_empty() {
            return byte;
        }
        let k = byte / STRIDE;
        self.marks[k] + units(&self.bytes[k * STRIDE..byte], self.utf16)
    }
}

/// Units of the characters that start in `bytes`: every byte but a continuation byte starts one
/// character, and a four-byte character is two UTF-16 units.
fn units(bytes: &[u8], utf16: bool) -> usize {
    bytes.iter().map(|&b| usize::from(b & 0xC0 != 0x80) + usize::from(utf16 && b >= 0xF0)).sum()
}

/// Converts one byte offset (for callers outside a report, such as tests).
pub fn byte_to_unit(text: &str, byte: usize, unit: OffsetUnit) -> usize {
    match unit {
        OffsetUnit::Bytes => byte,
        _ => UnitIndex::new(text, unit).to_unit(byte),
    }
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

    #[test]
    fn every_offset_matches_a_plain_count_across_strides() {
        // Multi-byte characters straddle the 64-byte marks; ASCII text takes the no-index path.
        let mixed = "Kim “Jong-un” said 😀 é… ".repeat(9);
        for text in [mixed.as_str(), "plain ascii text, longer than one stride of sixty-four bytes......"] {
            for byte in 0..text.len() + 3 {
                let before = |utf16: bool| -> usize {
                    text.char_indices()
                        .take_while(|&(p, _)| p < byte)
                        .map(|(_, c)| if utf16 { c.len_utf16() } else { 1 })
                        .sum()
                };
                assert_eq!(byte_to_unit(text, byte, OffsetUnit::CodePoints), before(false), "{byte}");
                assert_eq!(byte_to_unit(text, byte, OffsetUnit::Utf16), before(true), "{byte}");
            }
        }
    }
}
