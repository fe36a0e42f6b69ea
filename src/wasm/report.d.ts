// The report returned by `analyze`, mirroring src/report/mod.rs field for field.
// Every `start`/`end` is a UTF-16 code unit offset (what `String.prototype.slice` takes) into the
// analysed text of the article's input: the paste itself, or for HTML pastes `report.inputs[i].text`.
// A lone surrogate in a paste is read as U+FFFD (also one code unit), so offsets never shift; only
// copied `text` fields show U+FFFD where the paste held the lone surrogate.
// Kept true by tests/typescript.rs, which type-checks real reports against it with `tsc`.

/** One paste to analyse: plain text, or HTML when it starts with `<`. */
export interface ArticleInput {
  /** A name for the paste (defaults to "Article N"). */
  source?: string;
  text: string;
}

export type ActorType = "person" | "organization" | "media" | "country" | "place";
export type QuoteKind = "direct" | "partial" | "indirect" | "term";
export type SegmentKind = "title" | "dateline" | "byline" | "body" | "caption";
export type FlagKind = "vague_source" | "contested_claim";

/** A half-open range `[start, end)`. */
export interface Span {
  start: number;
  end: number;
}

/** A span with a copy of the text it covers. */
export interface TextSpan {
  start: number;
  end: number;
  text: string;
}

export interface Mention {
  start: number;
  end: number;
  text: string;
}

/** A role or title held by an actor, with where it was read. */
export interface RoleEvidence {
  role: string;
  start: number;
  end: number;
}

export interface Actor {
  /** `a1:p1` style: article id, then a type letter and a number. */
  id: string;
  name: string;
  type: ActorType;
  /** Every distinct surface form naming this actor in the article (the name included). */
  aliases: string[];
  roles: string[];
  role_evidence: RoleEvidence[];
  mentions: Mention[];
}

export interface Quote {
  /** The whole extent; for a quote in `parts`, the interrupting cue included. */
  start: number;
  end: number;
  /** The quoted words: `text.slice(start, end)`, or for a quote in `parts` the parts' slices
   * joined by one space. */
  text: string;
  kind: QuoteKind;
  /** Actor id of the speaker, when known. */
  speaker: string | null;
  /** The words naming the speaker for this quote. */
  speaker_span: Span | null;
  /** The reporting verb or phrase ("said", "according to"). */
  cue: TextSpan | null;
  /** Reporting actor ids between speaker and reader, outermost last. */
  via: string[];
  /** What a partial quote attributes, when more than the quoted words: the reporter's clause
   * around them ("Vladimir Putin as a “strong leader”"). Absent otherwise. */
  content?: TextSpan;
  /** The pieces of one quotation interrupted by its cue or continued over paragraphs
   * (`start`/`end` above are the whole extent). Absent for a quote in one piece. */
  parts?: Span[];
}

export interface Flag {
  kind: FlagKind;
  start: number;
  end: number;
  text: string;
  /** A short human explanation. */
  note?: string;
}

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
}

export interface Article {
  id: string;
  /** The name the input was given. */
  source: string;
  /** Index into `Report.inputs` of the text the offsets point into. */
  input: number;
  title: string | null;
  /** ISO date `YYYY-MM-DD`. */
  date: string | null;
  outlet: string | null;
  byline: string | null;
  /** The whole article inside its input (one input may hold several articles). */
  extent: Span;
  /** Spans kept as article text. */
  body: Span[];
  /** Title, dateline, byline, body and caption pieces, in text order. */
  segments: Segment[];
  actors: Actor[];
  quotes: Quote[];
  flags: Flag[];
}

/** One actor aligned across articles. */
export interface GlobalActor {
  id: string;
  name: string;
  type: ActorType;
  /** Per-article actor ids. */
  members: string[];
  /** Every spelling seen across articles. */
  variants: string[];
}

export interface DiscrepancyItem {
  article: string;
  start: number;
  end: number;
  /** Always the text of `start..end`. */
  text: string;
  /** The value compared (a role, a spelling, the quotation's normalised words). */
  value: string;
  /** The words inside `start..end` that differ from the other side (quote wording). */
  marks?: Span[];
}

export type DiscrepancyKind =
  | "role"
  | "number"
  | "date"
  | "quote_wording"
  | "spelling"
  | "framing"
  | "contested_claim"
  | "attribution"
  | "coverage";

export interface Discrepancy {
  kind: DiscrepancyKind;
  /** major: who said what, negation or meaning flips, facts; minor: the rest. */
  importance: "major" | "minor";
  /** The story (`Report.stories[].id`) the compared articles tell, for fact-level kinds. */
  story?: string;
  /** One plain line naming the actor or speaker and the values. */
  summary: string;
  items: DiscrepancyItem[];
}

/** Articles that tell the same event. */
export interface Story {
  id: string;
  articles: string[];
}

/** An input's text as analysed; `text` is present only for HTML inputs (the extracted text). */
export interface InputText {
  source: string;
  html: boolean;
  text?: string;
}

/** Articles telling the same event. */
export interface Report {
  version: 1;
  inputs: InputText[];
  articles: Article[];
  /** The articles grouped by the event they tell. */
  stories: Story[];
  actors: GlobalActor[];
  discrepancies: Discrepancy[];
}
