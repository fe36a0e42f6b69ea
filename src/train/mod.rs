//! Training (feature `dev`): builds the model files under `data/` from `../shared/data`.
//! The runtime only loads what this writes.
