//! `newslens-train ...`: build model files under data/ from ../shared/data (not written yet).

fn main() {
    eprintln!("newslens-train: nothing to train yet");
    std::process::exit(2);
}
