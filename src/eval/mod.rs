//! Evaluation against the real data in `../shared/data` (feature `dev`; never in the runtime).
//!
//! Each submodule measures one capability and prints its figures; `newslens-eval NAME ARGS`
//! runs one. The README lists the commands and the figures they gave.

pub mod basil;
pub mod clean;
pub mod ner;
pub mod pac;
pub mod quotes;

use crate::span::Span;

/// The spans' text with up to `before` and `after` bytes around them (on char boundaries), the
/// spans in ⟦ ⟧ and line breaks as ¶: one line of an error listing.
pub(crate) fn context(t: &str, v: &[Span], before: usize, after: usize) -> String {
    let (Some(first), Some(last)) = (v.first(), v.last()) else { return String::new() };
    let mut a = first.start.saturating_sub(before);
    while !t.is_char_boundary(a) {
        a -= 1;
    }
    let mut b = (last.end + after).min(t.len());
    while !t.is_char_boundary(b) {
        b += 1;
    }
    let mut out = String::new();
    let mut at = a;
    for s in v {
        out.push_str(&t[at..s.start]);
        out.push('⟦');
        out.push_str(&t[s.start..s.end]);
        out.push('⟧');
        at = s.end;
    }
    out.push_str(&t[at..b]);
    out.replace('\n', " ¶ ")
}
