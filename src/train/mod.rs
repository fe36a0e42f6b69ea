//! Training (feature `dev`): builds the model files under `data/` from `../shared/data`.
//! The runtime only loads what this writes.
//!
//! `newslens-train NAME ARGS` runs one trainer: `ner` (the entity tagger, [`ner`]).

pub mod ner;
