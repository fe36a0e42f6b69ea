//! Evaluation: quotes (not written yet).

pub fn run(_args: &[String]) -> Result<(), String> {
    Err("quotes evaluation is not written yet".into())
}
