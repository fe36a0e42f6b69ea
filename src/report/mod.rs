//! The report: what the analyzer says about a set of articles, as plain serde types.
//!
//! Part of the floor every stage builds on (with [`crate::span`]): each stage produces some of
//! these types (actors, quotes, flags) and later stages read them. They are also the one output
//! of `analyze` (`lib.rs`). The CLI prints them as JSON (after
//! converting offsets to code points), the Wasm layer hands them to JavaScript (after converting
//! offsets to UTF-16 code units). Inside Rust every `start`/`end` is a **UTF-8 byte offset** into
//! the text of the input the article came from (`report.inputs[article.input]`: the paste itself,
//! or for HTML the text in [`InputText::text`]).
//!
//! Field names follow `../shared/spec/cli-contract.md`; add fields freely, never rename or drop
//! one without bumping [`REPORT_VERSION`].

use serde::{Deserialize, Serialize};

/// Version of the JSON contract.
pub const REPORT_VERSION: u32 = 1;

pub use crate::span::{Span, TextSpan};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorType {
    Person,
    Organization,
    Media,
    Country,
    Place,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// Whole sentences in quotation marks.
    Direct,
    /// A quoted fragment inside the reporter's own sentence.
    Partial,
    /// Reported speech with a cue, no quotation marks ("X said that ...").
    Indirect,
    /// Scare quotes or a quoted term that is not speech.
    Term,
}

/// Where in the input a piece of an article is, and what it is. Captions and credits are
/// recognised so they can be shown (dimmed) without being read as article body.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Title,
    Dateline,
    Byline,
    Body,
    Caption,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// A role or title held by an actor, with the mention it was read from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleEvidence {
    pub role: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// `a1:p1` style: article id, then a type letter and a number.
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Every distinct surface form that names this actor in the article (the name included).
    pub aliases: Vec<String>,
    pub roles: Vec<String>,
    /// Where each role came from (same order as first seen).
    pub role_evidence: Vec<RoleEvidence>,
    pub mentions: Vec<Mention>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The whole extent: for a quote in [`parts`](Self::parts), from the first part's start to
    /// the last part's end, the interrupting cue included.
    pub start: usize,
    pub end: usize,
    /// The quoted words: the slice `start..end`, or for a quote in parts the parts' slices joined
    /// by one space ("We will not back down, not now, not ever.").
    pub text: String,
    pub kind: QuoteKind,
    /// Actor id of the speaker, when known.
    pub speaker: Option<String>,
    /// The words naming the speaker for this quote.
    pub speaker_span: Option<Span>,
    /// The reporting verb or phrase ("said", "according to", "expressed").
    pub cue: Option<TextSpan>,
    /// Reporting actors between speaker and reader ("according to KCNA"), outermost last.
    pub via: Vec<String>,
    /// What a partial quote attributes, when that is more than the quoted words: the reporter's
    /// clause around them ("Vladimir Putin as a “strong leader”").
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub content: Option<TextSpan>,
    /// The pieces of one quotation interrupted by its cue ("“We will not back down,” she said,
    /// “not now, not ever.”") or continued over paragraphs, in order. Empty (and absent from the
    /// JSON) for a quote in one piece.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub parts: Vec<Span>,
}

impl Quote {
    /// The spans of the quoted words: the parts, or the whole extent for a quote in one piece.
    pub fn pieces(&self) -> Vec<Span> {
        if self.parts.is_empty() {
            vec![Span::new(self.start, self.end)]
        } else {
            self.parts.clone()
        }
    }
}

/// What a per-article flag says about a stretch of text (serialised in snake case).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A claim sourced to nobody in particular ("analysts say", "it is believed").
    VagueSource,
    /// An allegation met by a denial.
    ContestedClaim,
}

impl FlagKind {
    /// The name used in the JSON report.
    pub fn as_str(self) -> &'static str {
        match self {
            FlagKind::VagueSource => "vague_source",
            FlagKind::ContestedClaim => "contested_claim",
        }
    }
}

impl std::fmt::Display for FlagKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    pub kind: FlagKind,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// A short human explanation.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub start: usize,
    pub end: usize,
}

/// `Default` is an empty article with empty id and source; tests and tools fill in what they need.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Default)]
pub struct Article {
    pub id: String,
    /// The name the input was given (a path for the CLI, a label in the page).
    pub source: String,
    /// Index into [`Report::inputs`] of the input whose text the offsets point into.
    pub input: usize,
    pub title: Option<String>,
    /// ISO date `YYYY-MM-DD`.
    pub date: Option<String>,
    pub outlet: Option<String>,
    pub byline: Option<String>,
    /// The span of the whole article inside its input (one input may hold several articles).
    pub extent: Span,
    /// Spans kept as article text.
    pub body: Vec<Span>,
    /// Title, dateline, byline, body and caption pieces, in text order.
    pub segments: Vec<Segment>,
    pub actors: Vec<Actor>,
    pub quotes: Vec<Quote>,
    pub flags: Vec<Flag>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct GlobalActor {
    pub id: String,
    pub name: String,
    #[serde(rename = "type")]
    pub kind: ActorType,
    /// Per-article actor ids.
    pub members: Vec<String>,
    /// Every spelling seen across articles.
    pub variants: Vec<String>,
}

/// One article's side of a discrepancy: where it says it, and what it says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DiscrepancyItem {
    pub article: String,
    pub start: usize,
    pub end: usize,
    /// Always the text of `start..end`.
    pub text: String,
    /// The value compared (a role, a spelling, the quotation's normalised words).
    pub value: String,
    /// The words inside `start..end` that differ from the other side (quote wording).
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub marks: Vec<Span>,
}

/// What kind of disagreement a [`Discrepancy`] is. Serialised in snake case ("quote_wording").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DiscrepancyKind {
    /// One actor given conflicting titles.
    Role,
    /// The same quantity of the same thing given differently.
    Number,
    /// The same event placed on different days.
    Date,
    /// One remark quoted in different words inside the stretch both outlets quote.
    QuoteWording,
    /// One actor's name written differently.
    Spelling,
    /// One referent named with terms that take sides.
    Framing,
    /// An allegation met by a denial.
    ContestedClaim,
    /// The same claim credited to different sources.
    Attribution,
    /// An actor quoted at length by one outlet and not at all by another of the same story.
    Coverage,
}

impl DiscrepancyKind {
    /// The kind's name as serialised ("quote_wording").
    pub fn as_str(self) -> &'static str {
        match self {
            DiscrepancyKind::Role => "role",
            DiscrepancyKind::Number => "number",
            DiscrepancyKind::Date => "date",
            DiscrepancyKind::QuoteWording => "quote_wording",
            DiscrepancyKind::Spelling => "spelling",
            DiscrepancyKind::Framing => "framing",
            DiscrepancyKind::ContestedClaim => "contested_claim",
            DiscrepancyKind::Attribution => "attribution",
            DiscrepancyKind::Coverage => "coverage",
        }
    }
}

/// How much a discrepancy can mislead a reader: `major` for who said what, negation or meaning
/// flips and facts; `minor` for a dropped "very", a nickname, a voice missing from one outlet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Importance {
    Major,
    #[default]
    Minor,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Discrepancy {
    pub kind: DiscrepancyKind,
    pub importance: Importance,
    /// The story ([`Story::id`]) the compared articles tell, for fact-level kinds.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub story: Option<String>,
    /// One plain line naming the actor or speaker and the values.
    pub summary: String,
    pub items: Vec<DiscrepancyItem>,
}

/// Articles that tell the same event (not merely related events).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Story {
    pub id: String,
    pub articles: Vec<String>,
}

/// An input's text as analysed. For plain text this is the input itself; for HTML it is the
/// visible text extracted from it, and `html` is true.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct InputText {
    pub source: String,
    pub html: bool,
    /// Present only for HTML inputs (for plain text the caller already has the text).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub text: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub version: u32,
    pub inputs: Vec<InputText>,
    pub articles: Vec<Article>,
    /// The articles grouped by the event they tell.
    #[serde(default)]
    pub stories: Vec<Story>,
    pub actors: Vec<GlobalActor>,
    pub discrepancies: Vec<Discrepancy>,
}

mod offsets;
pub use offsets::{byte_to_unit, convert_offsets, OffsetUnit};
