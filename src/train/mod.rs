//! Training (feature `dev`): builds the model files under `data/` from `../shared/data`.
//! The runtime only loads what this writes.
//!
//! `newslens-train NAME ARGS` runs one trainer: `clusters` (word clusters from unlabelled
//! text, [`clusters`]), then `ner` (the entity tagger, [`ner`]), which uses them.

pub mod clusters;

pub mod ner;
