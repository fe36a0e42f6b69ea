//! Stage 3, quotes: who said what, and through whom.
//!
//! [`find`] locates quoted spans by their marks ([`marks`]); [`attribute`] gives each a kind, a
//! cue ([`cues`]), a speaker among the article's actors ([`speaker`]) and the chain of reporting
//! actors (`via`), and adds the reported speech that has no quotation marks; [`flags`] marks
//! vague sourcing and claims the article shows to be contested.

pub mod attribute;
pub mod content;
pub mod cues;
pub mod edges;
pub mod find;
pub mod flags;
pub mod marks;
pub mod speaker;

pub use attribute::attribute;
pub use find::find;
pub use flags::flags;
pub use marks::QuoteSpan;
