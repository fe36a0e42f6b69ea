//! Stage 4, compare: the same actors across articles, and where the articles disagree.
//!
//! [`align`] links per-article actors into cross-article [`crate::report::GlobalActor`]s;
//! [`discrepancies`] reports differences between what the articles say of them.

pub mod align;
pub mod discrepancies;

pub use align::align;
pub use discrepancies::discrepancies;
