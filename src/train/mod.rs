//! Training (feature `dev`): builds the model files under `data/` from `../shared/data`.
//! The runtime only loads what this writes.
//!
//! `newslens-train NAME ARGS` runs one trainer: `clusters` (word clusters from unlabelled
//! text, [`clusters`]), then `ner` (the entity tagger, [`ner`]), which uses them; `cues`
//! (the quote cue table, [`cues`]); `edges` (where a partial quote's content starts and ends,
//! [`edges`]).

pub mod clusters;
pub mod cues;
pub mod edges;

pub mod ner;
pub mod pos;
