//! Evaluation: clean (not written yet).

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("clean evaluation is not written yet".into())
}
