//! `newslens-eval NAME ARGS...`: measure one capability on real data (see the README).

use newslens::eval;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(name) = args.first() else {
        eprintln!("usage: newslens-eval ner|clean|quotes|pac|basil ARGS...");
        std::process::exit(2);
    };
    let rest = &args[1..];
    let res = match name.as_str() {
        "ner" => eval::ner::run(rest),
        "clean" => eval::clean::run(rest),
        "quotes" => eval::quotes::run(rest),
        "pac" => eval::pac::run(rest),
        "basil" => eval::basil::run(rest),
        other => Err(format!("unknown evaluation {other:?}: ner|clean|quotes|pac|basil")),
    };
    if let Err(e) = res {
        eprintln!("newslens-eval: {e}");
        std::process::exit(2);
    }
}
