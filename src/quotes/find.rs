//! Finding quoted spans in an article body (the mark rules are in [`super::marks`]).

use super::marks::{find_quotes, QuoteSpan};
use crate::text::Segmented;

/// The quoted spans of the segmented body, in text order.
pub fn find(text: &str, seg: &Segmented) -> Vec<QuoteSpan> {
    find_quotes(text, &seg.paragraphs)
}
