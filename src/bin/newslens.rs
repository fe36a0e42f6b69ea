//! The `newslens` command: a thin shell over [`newslens::analyze`]. The contract it keeps is
//! `../shared/spec/cli-contract.md` (offsets in JSON are Unicode code points).

// Native only (clap is a native dependency). On wasm32 the binary is empty, so that
// `cargo test --target wasm32-unknown-unknown --test wasm`, which builds every binary, compiles.
#![cfg_attr(target_arch = "wasm32", no_main)]
#![cfg(not(target_arch = "wasm32"))]

use clap::{Parser, Subcommand};
use newslens::report::{convert_offsets, OffsetUnit, Report};
use newslens::Input;
use std::io::{self, Read, Write};
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "newslens", version, about = "Actors, quotes and disagreements in pasted news articles")]
struct Cli {
    #[command(subcommand)]
    cmd: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Analyse one or more articles (plain text, or HTML when a file starts with `<`). `-` reads standard input.
    Analyze {
        /// Print the JSON report (offsets in Unicode code points) instead of a summary.
        #[arg(long, conflicts_with = "jsonl")]
        json: bool,
        /// Read one JSON object per line on standard input ({"id", "text" | "html" | "articles"})
        /// and write one answer per line, in input order: {"id", "report"} or {"id", "error"}.
        #[arg(long, conflicts_with = "files")]
        jsonl: bool,
        /// Worker threads for --jsonl (default: every core).
        #[arg(long, requires = "jsonl", value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
        #[arg(required_unless_present = "jsonl")]
        files: Vec<String>,
    },
    /// Tag CoNLL-2003 tokens from standard input with a predicted IOB2 column.
    Tag {
        #[arg(long, required = true)]
        conll: bool,
    },
    /// Print the article body as plain text, paragraphs separated by one blank line.
    Clean { file: String },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.cmd {
        Cmd::Analyze { jsonl: true, threads, .. } => jsonl(threads),
        Cmd::Analyze { json, files, .. } => analyze(&files, json),
        Cmd::Tag { .. } => read_input("-").and_then(|text| {
            let out = io::stdout();
            let mut out = io::BufWriter::new(out.lock());
            tag_conll(&text, &mut out).and_then(|()| out.flush()).map_err(|e| e.to_string())
        }),
        Cmd::Clean { file } => clean(&file),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("newslens: {msg}");
            ExitCode::from(2)
        }
    }
}

/// Reads a file (or standard input for `-`) as UTF-8, with a one-line error otherwise.
fn read_input(path: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let res = if path == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    res.map_err(|e| format!("{path}: cannot read: {e}"))?;
    String::from_utf8(bytes)
        .map_err(|e| format!("{path}: not UTF-8 text (invalid byte at offset {})", e.utf8_error().valid_up_to()))
}

/// `analyze --jsonl`: [`newslens::jsonl::run`] from standard input to standard output.
fn jsonl(threads: Option<u16>) -> Result<(), String> {
    let threads = threads.map_or_else(|| std::thread::available_parallelism().map_or(1, usize::from), usize::from);
    let stdin = io::stdin();
    newslens::jsonl::run(stdin.lock(), io::stdout(), threads).map(|_| ()).map_err(|e| format!("--jsonl: {e}"))
}

fn analyze(files: &[String], json: bool) -> Result<(), String> {
    let texts = files.iter().map(|f| read_input(f)).collect::<Result<Vec<_>, _>>()?;
    let inputs: Vec<Input> = files.iter().zip(&texts).map(|(f, t)| Input { source: f, text: t }).collect();
    let mut report = newslens::analyze(&inputs).map_err(|e| e.to_string())?;
    let out = io::stdout();
    let mut out = io::BufWriter::new(out.lock());
    if json {
        // Offsets point into the extracted text for HTML, else into the input itself; the
        // inputs are set aside so both can be borrowed while the report is rewritten.
        let meta = std::mem::take(&mut report.inputs);
        let refs: Vec<&str> = meta.iter().zip(&texts).map(|(m, t)| m.text.as_deref().unwrap_or(t)).collect();
        convert_offsets(&mut report, &refs, OffsetUnit::CodePoints);
        report.inputs = meta;
        serde_json::to_writer_pretty(&mut out, &report).map_err(|e| e.to_string())?;
        writeln!(out).and_then(|()| out.flush()).map_err(|e| e.to_string())
    } else {
        write_summary(&mut out, &report).and_then(|()| out.flush()).map_err(|e| e.to_string())
    }
}

fn write_summary(out: &mut impl Write, report: &Report) -> io::Result<()> {
    for a in &report.articles {
        writeln!(out, "{} {}", a.id, a.source)?;
        writeln!(out, "  title:  {}", a.title.as_deref().unwrap_or("-"))?;
        writeln!(
            out,
            "  date:   {}   outlet: {}",
            a.date.as_deref().unwrap_or("-"),
            a.outlet.as_deref().unwrap_or("-")
        )?;
        writeln!(out, "  actors:")?;
        for actor in &a.actors {
            let roles = if actor.roles.is_empty() { String::new() } else { format!(" ({})", actor.roles.join("; ")) };
            writeln!(
                out,
                "    {:<6} {}{} x{}",
                format!("{:?}", actor.kind).to_lowercase(),
                actor.name,
                roles,
                actor.mentions.len()
            )?;
        }
        writeln!(out, "  quotes:")?;
        for q in &a.quotes {
            let who =
                q.speaker.as_ref().and_then(|s| a.actors.iter().find(|x| &x.id == s)).map_or("?", |x| x.name.as_str());
            writeln!(out, "    {who}: \u{201c}{}\u{201d}", q.text)?;
        }
        for f in &a.flags {
            writeln!(out, "  flag {}: {}", f.kind, f.text)?;
        }
        writeln!(out)?;
    }
    if !report.discrepancies.is_empty() {
        writeln!(out, "discrepancies:")?;
        for d in &report.discrepancies {
            writeln!(out, "  [{}] {}", d.kind.as_str(), d.summary)?;
        }
    }
    Ok(())
}

/// `tag --conll`: each `-DOCSTART-` document is tagged as one document (the tagger's second
/// pass uses evidence from the whole article); every token line comes back with its predicted
/// IOB2 tag as one more column, separated like the line's own columns.
fn tag_conll(text: &str, out: &mut impl Write) -> io::Result<()> {
    let lines: Vec<&str> = text.lines().collect();
    let is_doc = |l: &str| l.split_whitespace().next() == Some("-DOCSTART-");
    let mut start = 0;
    while start < lines.len() {
        let end = (start + 1..lines.len()).find(|&i| is_doc(lines[i])).unwrap_or(lines.len());
        let doc = &lines[start..end];
        let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
        for l in doc {
            match l.split_whitespace().next() {
                Some(t) if !is_doc(l) => sentences.last_mut().map_or((), |s| s.push(t)),
                _ => sentences.push(Vec::new()),
            }
        }
        sentences.retain(|s| !s.is_empty());
        let tags = newslens::actors::tag::tag_tokens(&sentences);
        let mut tags = tags.iter().flatten();
        for l in doc {
            if l.trim().is_empty() || is_doc(l) {
                writeln!(out, "{l}")?;
            } else {
                let l = l.trim_end();
                let sep = if l.contains('\t') && !l.contains(' ') { '\t' } else { ' ' };
                writeln!(out, "{l}{sep}{}", tags.next().copied().unwrap_or("O"))?;
            }
        }
        start = end;
    }
    Ok(())
}

/// `clean FILE`: refuses what `analyze` refuses (an empty file, exit 2), and a page in which no
/// article body was found, rather than printing nothing and exiting 0.
fn clean(path: &str) -> Result<(), String> {
    let text = read_input(path)?;
    if newslens::is_blank(&text) {
        return Err(newslens::Error::Empty { source: path.to_string() }.to_string());
    }
    let page = newslens::text::read(&text);
    let mut out = String::new();
    for art in &page.articles {
        for s in art.body() {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(&page.text[s.start..s.end]);
            out.push('\n');
        }
    }
    if out.is_empty() {
        return Err(format!("{path}: no article text found"));
    }
    io::stdout().write_all(out.as_bytes()).map_err(|e| e.to_string())
}
