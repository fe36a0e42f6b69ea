//! Evaluation: pac (not written yet).

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("pac evaluation is not written yet".into())
}
