//! `newslens-train NAME ARGS...`: build model files under data/ from ../shared/data.

use newslens::train;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let res = match args.first().map(String::as_str) {
        Some("ner") => train::ner::run(&args[1..]),
        Some("prune-ner") => train::ner::prune_run(&args[1..]),
        Some("clusters") => train::clusters::run(&args[1..]),
        Some("cues") => train::cues::run(&args[1..]),
        Some("pos") => train::pos::run(&args[1..]),
        Some("edges") => train::edges::run(&args[1..]),
        _ => Err("usage: newslens-train cues [--lexicon FILE] [--out FILE] | clusters [--data DIR] [--out FILE] | ner [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--folds K] [--seed S] [--prune X] | prune-ner --min N [--in FILE] [--out FILE] | pos [--train FILE] [--dev FILE] [--out FILE] [--epochs N] [--prune X] | edges [--train DIR] [--out FILE] [--epochs N]".into()),
    };
    if let Err(e) = res {
        eprintln!("newslens-train: {e}");
        std::process::exit(2);
    }
}
