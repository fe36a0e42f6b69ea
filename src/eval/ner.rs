//! Evaluation: ner (not written yet).

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("ner evaluation is not written yet".into())
}
