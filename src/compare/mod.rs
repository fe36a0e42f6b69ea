//! Stage 4, compare: the same actors across articles, which articles tell one story, and where
//! the articles disagree.
//!
//! [`align`] links per-article actors into cross-article [`crate::report::GlobalActor`]s;
//! [`stories`] groups the articles by the event they tell; [`discrepancies`] reports
//! differences between what the articles say, with [`wording`] comparing quotations word by word.

pub mod align;
pub mod dates;
pub mod discrepancies;
pub mod stories;
pub mod wording;

pub use align::align;
pub use discrepancies::discrepancies;
pub use stories::stories;
