//! Stage 3, quotes: who said what, and through whom.
//!
//! [`find`] locates quoted spans (and, later, reported speech); [`attribute`] gives each a
//! kind, a cue, a speaker among the article's actors and the chain of reporting actors (`via`).

pub mod attribute;
pub mod find;

pub use attribute::attribute;
pub use find::{find, QuoteSpan};
