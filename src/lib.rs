//! newslens reads pasted news articles and reports who the actors are, who said what (and
//! through whom), and where the sources disagree. It runs natively (the `newslens` CLI) and in
//! the browser (the Wasm module in `www/`), both thin shells over [`analyze`].
//!
//! The floor, used by every stage:
//!
//! - [`span`]: byte spans, the unit every stage speaks in.
//! - [`report`]: the serde types that stages produce and that come out (actors, quotes, flags,
//!   discrepancies; converters from byte offsets to other units).
//! - [`lexicon`]: the shared vocabulary: word lists of `data/lexicons/`, name keys, normalisers.
//! - `weights`: the model files' reader and feature hashing.
//!
//! The pipeline, one module per stage, each only looking down at the floor and left at the
//! stages before it, never at this file (`tests/layers.rs`); [`analyze`] runs them in order:
//!
//! 1. [`text`]: clean a paste (plain text or HTML) into articles; segment their bodies; tag
//!    parts of speech.
//! 2. [`actors`]: tag entity mentions, resolve them into actors with aliases and roles.
//! 3. [`quotes`]: find quotes and reported speech, attribute speaker, cue and source chain; flag
//!    vague sources and contested claims.
//! 4. [`compare`]: align actors across articles, report discrepancies.

pub mod lexicon;
pub mod report;
pub mod span;
mod weights;

pub mod actors;
pub mod compare;
pub mod jsonl;
pub mod quotes;
pub mod text;

#[cfg(feature = "dev")]
pub mod eval;
#[cfg(feature = "dev")]
pub mod train;
#[cfg(target_arch = "wasm32")]
pub mod wasm;

use report::{Article, InputText, Report, Segment, REPORT_VERSION};
use std::fmt;

/// The largest input accepted, in bytes. Larger pastes are refused with [`Error::TooLarge`]
/// rather than analysed slowly.
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// One paste: its text and a name for it (a path, or a label such as "Article 1").
#[derive(Clone, Copy, Debug)]
pub struct Input<'a> {
    pub source: &'a str,
    pub text: &'a str,
}

/// Why an analysis was refused. Every variant carries a message fit to show a user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Error {
    /// No inputs were given.
    NoInput,
    /// An input holds nothing but white space (or byte-order marks and NULs): see [`is_blank`].
    Empty { source: String },
    /// An input is larger than [`MAX_INPUT_BYTES`].
    TooLarge { source: String, bytes: usize },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NoInput => write!(f, "no article given"),
            Error::Empty { source } => write!(f, "{source}: the text is empty"),
            Error::TooLarge { source, bytes } => {
                write!(
                    f,
                    "{source}: {bytes} bytes is more than the {} MB newslens reads at once",
                    MAX_INPUT_BYTES >> 20
                )
            }
        }
    }
}

impl std::error::Error for Error {}

/// Whether a paste holds nothing to read: only white space, byte-order marks and NULs (a file
/// of zeros, or one saved with nothing but its BOM). [`analyze`] refuses such input as
/// [`Error::Empty`]; so does the CLI's `clean`.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(|c| c.is_whitespace() || c == '\u{feff}' || c == '\0')
}

/// Analyses one or several pastes. Offsets in the report are UTF-8 byte offsets into the text of
/// the article's input (`report.inputs[article.input]`: the paste itself, or for HTML the
/// extracted text carried in `InputText::text`).
pub fn analyze(inputs: &[Input<'_>]) -> Result<Report, Error> {
    if inputs.is_empty() {
        return Err(Error::NoInput);
    }
    for i in inputs {
        if i.text.len() > MAX_INPUT_BYTES {
            return Err(Error::TooLarge { source: i.source.to_string(), bytes: i.text.len() });
        }
        if is_blank(i.text) {
            return Err(Error::Empty { source: i.source.to_string() });
        }
    }
    let pages: Vec<text::Page> = inputs.iter().map(|i| text::read(i.text)).collect();
    let mut report = Report {
        version: REPORT_VERSION,
        inputs: Vec::new(),
        articles: Vec::new(),
        stories: Vec::new(),
        actors: Vec::new(),
        discrepancies: Vec::new(),
    };
    for (input_idx, (input, page)) in inputs.iter().zip(&pages).enumerate() {
        for art in &page.articles {
            let id = format!("a{}", report.articles.len() + 1);
            report.articles.push(analyze_article(&id, input.source, input_idx, &page.text, art));
        }
        report.inputs.push(InputText {
            source: input.source.to_string(),
            html: page.html,
            text: page.html.then(|| page.text.to_string()),
        });
    }
    let texts: Vec<&str> = pages.iter().map(|p| p.text.as_ref()).collect();
    report.actors = compare::align(&report.articles);
    report.stories = compare::stories(&texts, &report.articles);
    report.discrepancies = compare::discrepancies(&texts, &report.articles, &report.actors, &report.stories);
    Ok(report)
}

fn analyze_article(id: &str, source: &str, input: usize, text: &str, art: &text::ArticleText) -> Article {
    let body = art.body();
    let seg = text::segment(text, &body);
    let (_, mut actors) = actors::read(id, text, art);
    // The quote stage reads the body: it looks up only the body's mentions (a title's "Obama"
    // is no antecedent for the first "he" of the body). Each actor keeps all its mentions.
    actors.mentions.retain(|(m, _)| {
        let k = body.partition_point(|b| b.end < m.end);
        body.get(k).is_some_and(|b| b.start <= m.start && m.end <= b.end)
    });
    let pos = text::pos::Tags::new(text, &seg);
    let spans = quotes::find(text, &seg);
    let mut quotes = quotes::attribute(text, &seg, &pos, &actors, &spans);
    quotes::speaker_actors(text, &seg, &pos, id, &mut actors, &mut quotes);
    let flags = quotes::flags(text, &seg, &pos, &actors, &quotes);
    quotes::join_parts(text, &mut quotes);
    Article {
        id: id.to_string(),
        source: source.to_string(),
        input,
        title: art.title.clone(),
        date: art.date.clone(),
        outlet: art.outlet.clone(),
        byline: art.byline.clone(),
        extent: art.extent,
        body,
        segments: art.segments.iter().map(|&(kind, s)| Segment { kind, start: s.start, end: s.end }).collect(),
        actors: actors.actors,
        quotes,
        flags,
    }
}
