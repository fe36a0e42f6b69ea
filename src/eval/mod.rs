//! Evaluation against the real data in `../shared/data` (feature `dev`; never in the runtime).
//!
//! Each submodule measures one capability and prints its figures; `newslens-eval NAME ARGS`
//! runs one. The README lists the commands and the figures they gave.

pub mod basil;
pub mod clean;
pub mod ner;
pub mod pac;
pub mod quotes;
