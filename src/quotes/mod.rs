//! Stage 3, quotes: who said what, and through whom. Entry points: [`find()`],
//! [`attribute()`], [`flags()`], [`join_parts()`], in that order (`lib.rs` hands `attribute`
//! and `flags` the article's part-of-speech `Tags`).
//!
//! - [`find()`] locates quoted spans by their marks ([`marks`]).
//! - [`scan`] finds each sentence's cues (verbs and nouns of [`cues`], "according to" phrases)
//!   and their subjects: [`subject`] walks from a cue to the phrase naming its speaker,
//!   [`coref`] maps the phrase to an actor. [`speaker`] holds the article view they share.
//! - [`attribute()`] gives every quotation a kind, a cue, a speaker and the chain of reporting
//!   actors (`via`); [`reported`] adds the reported speech that has no quotation marks;
//!   [`content`] (with the learned [`edges`]) says what a partial quote attributes.
//! - [`speaker_actors()`] makes every named speaker an actor with a mention ([`speakers`]).
//! - [`flags()`] marks vague sourcing and claims the article shows to be contested.
//! - [`join_parts()`] makes a quotation interrupted by its cue, or continued over paragraphs,
//!   one quote with several parts ([`parts`]).

pub mod attribute;
pub mod content;
pub mod coref;
pub mod cues;
pub mod edges;
pub mod find;
pub mod flags;
pub mod marks;
pub mod parts;
pub mod reported;
pub mod scan;
pub mod speaker;
pub mod speakers;
pub mod subject;

pub use attribute::attribute;
pub use find::find;
pub use flags::flags;
pub use marks::QuoteSpan;
pub use parts::join_parts;
pub use speakers::speaker_actors;
