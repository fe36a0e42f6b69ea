//! HTML input: the visible text of a page, cut into blocks, with what the markup says.
//!
//! The tokenizer is `html5gum` (WHATWG tokenizer: entity decoding, comments, raw text in
//! `<script>`/`<style>` so markup inside scripts is never read as markup), pinned to 0.5, whose
//! state machine runs in one loop: later versions recurse once per attribute of a tag and a
//! hostile tag overflows the stack (see Cargo.toml). [`RawTextEmitter`] switches to raw text
//! after `<script>`, `<style>` and the like, reading scripts as raw text too (0.5's script-data
//! states drop back to markup after any `</div>` inside a script). Tree building is
//! ours and deliberately small: we do not need a DOM, only, for each run of visible text, the
//! block element it sits in and a few facts about its ancestors. So we keep a stack of open
//! elements with the facts already folded in (each entry knows whether anything above it is
//! hidden, a link, a `<nav>`, a comment section …), close elements the way browsers do for the
//! common omitted end tags (`<p>`, `<li>`, `<td>`, …), and look for the element an end tag
//! closes only among the innermost [`MAX_CLOSE_SEARCH`] entries, so that a page of ten thousand
//! unclosed `<div>`s followed by ten thousand stray `</span>`s stays linear.
//!
//! The result is the page text the rest of newslens points into: one block per paragraph-like
//! element, separated by a blank line, white space collapsed as a browser renders it (kept in
//! `<pre>`), `<br>` as a line break. Scripts, styles, templates, forms' controls and elements
//! hidden with `hidden`, `aria-hidden` or an inline `display:none` are never shown. Metadata
//! (`<title>`, `<meta>`, `<time datetime>`, JSON-LD) is collected for [`super::meta`].
//!
//! The block elements are also kept as a tree (parent and extent of each), on which
//! [`mark_main_content`] finds the main content container as Readability does and marks the
//! blocks outside it, and those inside it in an element Readability would clean out.

use super::blocks::{Block, BlockTag, HtmlHints};
use crate::span::Span;
use html5gum::{DefaultEmitter, Emitter, State, Token, Tokenizer};

/// How deep an end tag looks for the element it closes.
const MAX_CLOSE_SEARCH: usize = 48;
/// Elements nested deeper than this are flattened into their parent.
const MAX_DEPTH: usize = 1024;

/// What the markup says about the page as a whole.
#[derive(Debug, Clone, Default)]
pub struct HtmlMeta {
    /// Text of `<title>`.
    pub title: Option<String>,
    /// `<meta>` name/property/itemprop (lower-cased) and content, in page order.
    pub meta: Vec<(String, String)>,
    /// Bodies of `<script type="application/ld+json">`.
    pub json_ld: Vec<String>,
    /// `datetime` of the first `<time>` element.
    pub time: Option<String>,
    /// Indices into the blocks of `<h1>` headings.
    pub h1: Vec<usize>,
    /// Indices of blocks whose element looks like a byline (class/rel "author"/"byline").
    pub byline_blocks: Vec<usize>,
}

/// An HTML page read into text and blocks.
#[derive(Debug, Clone, Default)]
pub struct HtmlDoc {
    pub text: String,
    pub blocks: Vec<Block>,
    pub meta: HtmlMeta,
}

#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    hidden: bool,
    link: bool,
    pre: bool,
    negative: bool,
    positive: bool,
    in_article: bool,
    chrome: bool,
    figure: bool,
    byline: bool,
    heading1: bool,
    block: BlockTag,
    /// The innermost block element (an index into [`Builder::tree`]; 0 is the root).
    container: u32,
}

struct Open {
    name: String,
    flags: Flags,
    /// Whether this element is a node of [`Builder::tree`] (a block element).
    node: bool,
}

/// A block element in the tree of block elements, for scoring content containers.
#[derive(Debug, Clone, Copy, Default)]
struct Node {
    parent: u32,
    /// One past the last node inside it (nodes are numbered in document order, so an
    /// element's descendants are the nodes from its own index to `end`).
    end: u32,
    /// Prior score of the element as a content container, from its tag and own class/id.
    prior: f32,
    /// Its own class/id reads like chrome (-25), like content (+25), or neither (0).
    class_weight: f32,
    /// A `<div>`, `<section>`, `<table>` or list: an element Readability may clean out of the
    /// main content ([`is_junk_container`]).
    cleanable: bool,
    /// A `<ul>` or `<ol>`.
    list: bool,
    /// Paragraphs and images directly inside it (subtree totals after [`mark_main_content`]
    /// adds them up).
    paragraphs: u32,
    images: u32,
}

/// What the current text run is collected for, when it is not page text.
#[derive(PartialEq)]
enum Capture {
    None,
    Title,
    JsonLd,
}

struct Builder {
    doc: HtmlDoc,
    stack: Vec<Open>,
    /// Start of the block being written, if it has text yet.
    block_start: Option<usize>,
    block_flags: Flags,
    link_bytes: usize,
    /// A space is owed before the next visible character.
    space: bool,
    capture: Capture,
    captured: String,
    /// Block elements, in document order; node 0 is the root.
    tree: Vec<Node>,
    /// For each block, the node of its block element.
    block_nodes: Vec<u32>,
}

/// Whether a paste is HTML: it starts with `<` after white space and a BOM.
pub fn looks_like_html(input: &str) -> bool {
    input.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}').starts_with('<')
}

/// Reads an HTML page.
pub fn parse(input: &str) -> HtmlDoc {
    // A byte-order mark is the file's encoding signature, not text of the page.
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let emitter = RawTextEmitter::default();
    let mut b = Builder {
        doc: HtmlDoc::default(),
        stack: Vec::new(),
        block_start: None,
        block_flags: Flags::default(),
        link_bytes: 0,
        space: false,
        capture: Capture::None,
        captured: String::new(),
        tree: vec![Node::default()],
        block_nodes: Vec::new(),
    };
    for token in Tokenizer::new_with_emitter(input, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attr = |k: &str| tag.attributes.get(k.as_bytes()).map(|v| String::from_utf8_lossy(v).into_owned());
                b.start(&name, tag.self_closing, &attr);
            }
            Token::EndTag(tag) => b.end(&String::from_utf8_lossy(&tag.name)),
            Token::String(s) => b.text(&String::from_utf8_lossy(&s)),
            _ => {}
        }
    }
    b.flush();
    let n = b.tree.len() as u32;
    for node in &mut b.tree {
        if node.end == 0 {
            node.end = n;
        }
    }
    mark_main_content(&mut b.doc, &b.tree, &b.block_nodes);
    b.doc
}

/// The fewest characters of a block that scores for its containers (shorter ones are labels).
const SCORE_MIN_CHARS: usize = 25;

/// Finds the page's main content container as Readability does (Mozilla's reader view, after
/// Arc90): every block of 25 characters or more scores 1, plus one per comma, plus one per 100
/// characters (at most 3); the score goes to its block element's parent in full, its
/// grandparent by half and the next ancestor by a sixth. A container starts from a prior for its
/// tag and class/id, and its total is scaled by the share of its text that is not links. The
/// best container is the main content, with those of its siblings that score at least a fifth
/// as much (a second column of the same story). Blocks outside it are marked
/// [`HtmlHints::outside_main`]: a gallery, teaser list or comment thread after the article.
fn mark_main_content(doc: &mut HtmlDoc, tree: &[Node], block_nodes: &[u32]) {
    let n = tree.len();
    let mut score = vec![0f32; n];
    let mut scored = vec![false; n];
    let (mut text_len, mut link_len) = (vec![0usize; n], vec![0usize; n]);
    let mut commas_in = vec![0u32; n];
    let mut tree = tree.to_vec();
    for (b, &node) in doc.blocks.iter().zip(block_nodes) {
        let node = node as usize;
        let h = b.html.unwrap_or_default();
        text_len[node] += b.span.len();
        link_len[node] += h.link_bytes;
        let t = &doc.text[b.span.start..b.span.end];
        let chars = t.chars().count();
        if chars < SCORE_MIN_CHARS || h.tag == BlockTag::Heading {
            continue;
        }
        let commas = t.chars().filter(|&c| matches!(c, ',' | '\u{ff0c}' | '\u{3001}')).count();
        commas_in[node] += commas as u32;
        let content = 1.0 + commas as f32 + (chars / 100).min(3) as f32;
        let mut a = tree[node].parent as usize;
        for level in 0..3 {
            if a == 0 {
                break;
            }
            if !scored[a] {
                scored[a] = true;
                score[a] = tree[a].prior;
            }
            score[a] += content / [1.0, 2.0, 6.0][level];
            a = tree[a].parent as usize;
        }
    }
    // Subtree totals: a node's index is larger than its parent's.
    for i in (1..n).rev() {
        let p = tree[i].parent as usize;
        text_len[p] += text_len[i];
        link_len[p] += link_len[i];
        commas_in[p] += commas_in[i];
        tree[p].paragraphs += tree[i].paragraphs;
        tree[p].images += tree[i].images;
    }
    let tree = &tree[..];
    let final_score = |i: usize| {
        let density = if text_len[i] == 0 { 0.0 } else { link_len[i] as f32 / text_len[i] as f32 };
        score[i] * (1.0 - density.min(1.0))
    };
    let Some(top) = (1..n).filter(|&i| scored[i]).max_by(|&a, &b| final_score(a).total_cmp(&final_score(b))) else {
        return;
    };
    let best = final_score(top);
    if best <= 0.0 {
        return;
    }
    let floor = (best * 0.2).max(10.0);
    let parent = tree[top].parent;
    let main: Vec<(u32, u32)> = (1..n)
        .filter(|&i| i == top || scored[i] && tree[i].parent == parent && final_score(i) >= floor)
        .map(|i| (i as u32, tree[i].end))
        .collect();
    // Containers inside the main content that Readability would clean out, and everything in
    // them (a node comes after its parent).
    let inside_main = |i: usize| main.iter().any(|&(s, e)| s < i as u32 && (i as u32) < e);
    let mut junk = vec![false; n];
    for i in 1..n {
        let density = if text_len[i] == 0 { 0.0 } else { link_len[i] as f32 / text_len[i] as f32 };
        junk[i] = junk[tree[i].parent as usize] || inside_main(i) && is_junk_container(&tree[i], commas_in[i], density);
    }
    for (b, &node) in doc.blocks.iter_mut().zip(block_nodes) {
        if let Some(h) = &mut b.html {
            h.outside_main = !main.iter().any(|&(s, e)| (s..e).contains(&node));
            h.junk_container = junk[node as usize];
        }
    }
}

/// Readability's prior for a container by tag: a `<div>` usually holds prose, a list or a
/// heading does not.
fn container_prior(name: &str) -> f32 {
    match name {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Readability's class weight: ±25 when an element's own class/id reads like content or like
/// chrome.
fn class_weight(hints: &str) -> f32 {
    if hints.is_empty() {
        return 0.0;
    }
    let neg = NEGATIVE_HINTS.iter().any(|h| hints.contains(h));
    let pos = POSITIVE_HINTS.iter().any(|h| hints.contains(h));
    25.0 * (pos as u8 as f32 - neg as u8 as f32)
}

/// Commas at which a container counts as prose whatever else it holds.
const CLEAN_MAX_COMMAS: u32 = 10;

/// Readability's conditional cleaning, which removes from the main content an element that is
/// not prose: its class reads like chrome; or, with fewer than ten commas, it holds more than
/// one image and fewer than half as many paragraphs as images (a gallery), or more than a fifth
/// of its text is links (a fifth of it with a content class; not for lists, whose items are
/// links by nature: half).
fn is_junk_container(node: &Node, commas: u32, density: f32) -> bool {
    if !node.cleanable {
        return false;
    }
    if node.class_weight < 0.0 {
        return true;
    }
    if commas >= CLEAN_MAX_COMMAS {
        return false;
    }
    let gallery = node.images > 1 && (node.paragraphs as f32) < 0.5 * node.images as f32;
    let links = if node.class_weight >= 25.0 || node.list { density > 0.5 } else { density > 0.2 };
    gallery || links
}

/// html5gum's [`DefaultEmitter`], with two changes: after a start tag whose content is not markup
/// it switches the tokenizer to raw text (RCDATA for `<title>`/`<textarea>`, as browsers do), and
/// it never queues parse errors (we ignore them). Scripts are read as raw text, ending at the
/// first `</script>`: html5gum 0.5's script-data state goes back to reading markup after any
/// other end tag inside a script (`'<div></div>'` in a string), which put script source on the
/// page; what raw text gives up is only the `<!--<script>` escape nobody writes any more.
#[derive(Default)]
struct RawTextEmitter {
    inner: DefaultEmitter,
    /// The name of the tag being read, when it is a start tag.
    start_tag: Option<Vec<u8>>,
}

impl Emitter for RawTextEmitter {
    type Token = Token;
    fn emit_current_tag(&mut self) -> Option<State> {
        // Without `switch_states` the default emitter never asks for a state of its own.
        let _ = self.inner.emit_current_tag();
        match self.start_tag.take()?.as_slice() {
            b"title" | b"textarea" => Some(State::RcData),
            b"plaintext" => Some(State::PlainText),
            b"script" | b"style" | b"iframe" | b"xmp" | b"noembed" | b"noframes" | b"noscript" => Some(State::RawText),
            _ => None,
        }
    }
    fn should_emit_errors(&mut self) -> bool {
        false
    }
    fn set_last_start_tag(&mut self, last_start_tag: Option<&[u8]>) {
        self.inner.set_last_start_tag(last_start_tag)
    }
    fn emit_eof(&mut self) {
        self.inner.emit_eof()
    }
    fn emit_error(&mut self, _: html5gum::Error) {}
    fn pop_token(&mut self) -> Option<Token> {
        self.inner.pop_token()
    }
    fn emit_string(&mut self, c: &[u8]) {
        self.inner.emit_string(c)
    }
    fn init_start_tag(&mut self) {
        self.start_tag = Some(Vec::new());
        self.inner.init_start_tag()
    }
    fn init_end_tag(&mut self) {
        self.start_tag = None;
        self.inner.init_end_tag()
    }
    fn init_comment(&mut self) {
        self.inner.init_comment()
    }
    fn emit_current_comment(&mut self) {
        self.inner.emit_current_comment()
    }
    fn emit_current_doctype(&mut self) {
        self.inner.emit_current_doctype()
    }
    fn set_self_closing(&mut self) {
        self.inner.set_self_closing()
    }
    fn set_force_quirks(&mut self) {
        self.inner.set_force_quirks()
    }
    fn push_tag_name(&mut self, s: &[u8]) {
        if let Some(name) = &mut self.start_tag {
            name.extend_from_slice(s);
        }
        self.inner.push_tag_name(s)
    }
    fn push_comment(&mut self, s: &[u8]) {
        self.inner.push_comment(s)
    }
    fn push_doctype_name(&mut self, s: &[u8]) {
        self.inner.push_doctype_name(s)
    }
    fn init_doctype(&mut self) {
        self.inner.init_doctype()
    }
    fn init_attribute(&mut self) {
        self.inner.init_attribute()
    }
    fn push_attribute_name(&mut self, s: &[u8]) {
        self.inner.push_attribute_name(s)
    }
    fn push_attribute_value(&mut self, s: &[u8]) {
        self.inner.push_attribute_value(s)
    }
    fn set_doctype_public_identifier(&mut self, value: &[u8]) {
        self.inner.set_doctype_public_identifier(value)
    }
    fn set_doctype_system_identifier(&mut self, value: &[u8]) {
        self.inner.set_doctype_system_identifier(value)
    }
    fn push_doctype_public_identifier(&mut self, s: &[u8]) {
        self.inner.push_doctype_public_identifier(s)
    }
    fn push_doctype_system_identifier(&mut self, s: &[u8]) {
        self.inner.push_doctype_system_identifier(s)
    }
    fn current_is_appropriate_end_tag_token(&mut self) -> bool {
        self.inner.current_is_appropriate_end_tag_token()
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements whose content the tokenizer reads as raw text (a `/>` does not close them).
fn is_raw_text(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframes"
            | "noscript"
            | "textarea"
            | "title"
            | "plaintext"
    )
}

/// Elements whose content is never shown as text.
fn is_invisible(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "textarea"
            | "title"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframes"
            | "plaintext"
            | "svg"
            | "math"
            | "select"
            | "button"
            | "head"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "dialog"
    )
}

fn block_tag(name: &str) -> Option<BlockTag> {
    Some(match name {
        "p" => BlockTag::P,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => BlockTag::Heading,
        "li" | "dt" | "dd" => BlockTag::ListItem,
        "td" | "th" | "caption" => BlockTag::Cell,
        "blockquote" => BlockTag::Quote,
        "pre" => BlockTag::Pre,
        "div" | "section" | "article" | "main" | "header" | "footer" | "nav" | "aside" | "form" | "fieldset"
        | "figure" | "figcaption" | "address" | "ul" | "ol" | "dl" | "table" | "tbody" | "thead" | "tfoot" | "tr"
        | "center" | "details" | "summary" | "hgroup" | "body" | "html" | "legend" | "menu" => BlockTag::Other,
        _ => return None,
    })
}

const NEGATIVE_HINTS: &[&str] = &[
    "comment",
    "sidebar",
    "footer",
    "footnote",
    "masthead",
    "promo",
    "related",
    "share",
    "sharing",
    "social",
    "sponsor",
    "widget",
    "navigation",
    "navbar",
    "menu",
    "breadcrumb",
    "subscribe",
    "newsletter",
    "cookie",
    "popup",
    "modal",
    "banner",
    "advert",
    "outbrain",
    "taboola",
    "recommend",
    "trending",
    "popular",
    "signup",
    "login",
    "toolbar",
    "tags",
    "meta",
    "byline",
    "author",
    "caption",
    "credit",
    "disclaimer",
    "skip",
    "hidden",
];
const POSITIVE_HINTS: &[&str] =
    &["article", "content", "entry", "main", "post", "story", "text", "body", "blog", "prose", "richtext"];

impl Builder {
    fn top(&self) -> Flags {
        self.stack.last().map_or(Flags::default(), |o| o.flags)
    }

    fn start(&mut self, name: &str, self_closing: bool, attr: &dyn Fn(&str) -> Option<String>) {
        let parent = self.top();
        match name {
            "br" => {
                if !parent.hidden {
                    self.line_break();
                }
                return;
            }
            "hr" => {
                self.flush();
                return;
            }
            "meta" => {
                let key = attr("property").or_else(|| attr("name")).or_else(|| attr("itemprop"));
                if let (Some(k), Some(c)) = (key, attr("content")) {
                    self.doc.meta.meta.push((k.to_ascii_lowercase(), c));
                }
                return;
            }
            _ => {}
        }
        if name == "img" && !parent.hidden {
            self.tree[parent.container as usize].images += 1;
        }
        if is_void(name) {
            return;
        }
        if name == "p" && !parent.hidden {
            self.tree[parent.container as usize].paragraphs += 1;
        }
        // Omitted end tags, as browsers infer them.
        if block_tag(name).is_some() && !matches!(name, "li" | "dt" | "dd" | "td" | "th" | "tr") {
            self.close_implied(&["p"]);
        }
        match name {
            "li" => self.close_implied(&["li", "p"]),
            "dt" | "dd" => self.close_implied(&["dt", "dd", "p"]),
            "td" | "th" => self.close_implied(&["td", "th"]),
            "tr" => self.close_implied(&["td", "th", "tr"]),
            "option" => self.close_implied(&["option"]),
            _ => {}
        }
        let parent = self.top();
        let mut f = parent;
        if is_invisible(name) || attr("hidden").is_some() || is_hidden_style(attr("style").as_deref()) {
            f.hidden = true;
        }
        if attr("aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true")) {
            f.hidden = true;
        }
        match name {
            "a" => f.link = attr("href").is_some() || f.link,
            "pre" => f.pre = true,
            "article" | "main" => f.in_article = true,
            "nav" | "header" | "footer" | "aside" | "form" => f.chrome = true,
            "figure" | "figcaption" => f.figure = true,
            "h1" => f.heading1 = true,
            "time" if self.doc.meta.time.is_none() => self.doc.meta.time = attr("datetime"),
            _ => {}
        }
        let hints = [attr("class"), attr("id"), attr("role"), attr("itemprop"), attr("rel")];
        let hints = hints.iter().flatten().map(|s| s.to_ascii_lowercase()).collect::<Vec<_>>().join(" ");
        if !hints.is_empty() {
            if NEGATIVE_HINTS.iter().any(|h| hints.contains(h)) {
                f.negative = true;
            }
            if POSITIVE_HINTS.iter().any(|h| hints.contains(h)) {
                f.positive = true;
            }
            if hints.contains("articlebody") || hints.contains("role main") || hints == "main" {
                f.in_article = true;
            }
            if hints.contains("byline") || hints.contains("author") {
                f.byline = true;
            }
        }
        let mut node = false;
        if let Some(tag) = block_tag(name) {
            f.block = tag;
            if !parent.hidden {
                self.flush();
            }
            if (!self_closing || is_raw_text(name)) && self.stack.len() < MAX_DEPTH {
                node = true;
                f.container = self.tree.len() as u32;
                let class_weight = class_weight(&hints);
                self.tree.push(Node {
                    parent: parent.container,
                    end: 0,
                    prior: container_prior(name) + class_weight,
                    class_weight,
                    cleanable: matches!(name, "div" | "section" | "table" | "ul" | "ol"),
                    list: matches!(name, "ul" | "ol"),
                    ..Node::default()
                });
            }
        }
        if name == "title" && self.capture == Capture::None {
            self.capture = Capture::Title;
            self.captured.clear();
        }
        if name == "script" && attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")) {
            self.capture = Capture::JsonLd;
            self.captured.clear();
        }
        if self_closing && !is_raw_text(name) {
            return;
        }
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { name: name.to_string(), flags: f, node });
        }
    }

    /// Pops the innermost open element if it is one of `names` (repeatedly for `p`).
    fn close_implied(&mut self, names: &[&str]) {
        // Only look up to the nearest element that scopes it (a block that is not in `names`).
        let found = self
            .stack
            .iter()
            .rev()
            .take(MAX_CLOSE_SEARCH)
            .position(|o| {
                names.contains(&o.name.as_str())
                    || matches!(o.name.as_str(), "ul" | "ol" | "table" | "dl" | "div" | "body" | "td" | "th")
            })
            .filter(|&i| names.contains(&self.stack[self.stack.len() - 1 - i].name.as_str()));
        if let Some(i) = found {
            self.pop_to(self.stack.len() - 1 - i);
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "br" => {
                self.line_break();
                return;
            }
            "p" if !self.stack.iter().rev().take(MAX_CLOSE_SEARCH).any(|o| o.name == "p") => {
                self.flush();
                return;
            }
            _ => {}
        }
        if let Some(i) = self.stack.iter().rev().take(MAX_CLOSE_SEARCH).position(|o| o.name == name) {
            self.pop_to(self.stack.len() - 1 - i);
        }
    }

    /// Closes the element at `index` and everything inside it.
    fn pop_to(&mut self, index: usize) {
        while self.stack.len() > index {
            let Some(open) = self.stack.pop() else { break };
            match open.name.as_str() {
                "title" if self.capture == Capture::Title => {
                    let t = collapse(&self.captured);
                    if !t.is_empty() && self.doc.meta.title.is_none() {
                        self.doc.meta.title = Some(t);
                    }
                    self.capture = Capture::None;
                }
                "script" if self.capture == Capture::JsonLd => {
                    self.doc.meta.json_ld.push(std::mem::take(&mut self.captured));
                    self.capture = Capture::None;
                }
                _ => {}
            }
            if block_tag(&open.name).is_some() && !open.flags.hidden {
                self.flush();
            }
            if open.node {
                self.tree[open.flags.container as usize].end = self.tree.len() as u32;
            }
        }
    }

    fn text(&mut self, s: &str) {
        let f = self.top();
        if self.capture != Capture::None {
            if self.captured.len() < 1 << 20 {
                self.captured.push_str(s);
            }
            return;
        }
        if f.hidden {
            return;
        }
        if f.pre {
            for (i, line) in s.split('\n').enumerate() {
                if i > 0 {
                    self.line_break();
                }
                self.push_visible(line.trim_end_matches('\r'), f, true);
            }
            return;
        }
        let mut first = true;
        for word in s.split(|c: char| c.is_ascii_whitespace() || c == '\u{c}') {
            if !first {
                self.space = true;
            }
            first = false;
            if !word.is_empty() {
                self.push_visible(word, f, false);
            }
        }
    }

    /// Appends visible text, opening a block if none is open.
    fn push_visible(&mut self, s: &str, f: Flags, verbatim: bool) {
        if s.is_empty() {
            return;
        }
        if self.block_start.is_none() {
            if !self.doc.text.is_empty() {
                self.doc.text.push_str("\n\n");
            }
            self.block_start = Some(self.doc.text.len());
            self.block_flags = f;
            self.link_bytes = 0;
            self.space = false;
        }
        if self.space && !verbatim {
            self.doc.text.push(' ');
        }
        self.space = false;
        self.doc.text.push_str(s);
        if f.link {
            self.link_bytes += s.len();
        }
        // A block's facts are those of its outermost text's context, merged with what any
        // later text adds (a byline span inside a paragraph marks the paragraph).
        self.block_flags.byline |= f.byline;
        self.block_flags.heading1 |= f.heading1;
    }

    fn line_break(&mut self) {
        if self.block_start.is_some() {
            // Trim a trailing space and start a new line inside the block.
            while self.doc.text.ends_with(' ') {
                self.doc.text.pop();
            }
            if self.doc.text.ends_with("\n") {
                // Two line breaks in a row end the paragraph.
                while self.doc.text.ends_with('\n') {
                    self.doc.text.pop();
                }
                self.flush();
            } else {
                self.doc.text.push('\n');
            }
            self.space = false;
        }
    }

    /// Ends the current block.
    fn flush(&mut self) {
        let Some(start) = self.block_start.take() else { return };
        while self.doc.text.ends_with(|c: char| c.is_whitespace()) {
            self.doc.text.pop();
        }
        let end = self.doc.text.len().max(start);
        if end == start {
            // Nothing visible: drop the separator written for it.
            while self.doc.text.ends_with('\n') {
                self.doc.text.pop();
            }
            return;
        }
        let f = self.block_flags;
        let idx = self.doc.blocks.len();
        self.block_nodes.push(f.container);
        if f.heading1 {
            self.doc.meta.h1.push(idx);
        }
        if f.byline {
            self.doc.meta.byline_blocks.push(idx);
        }
        self.doc.blocks.push(Block {
            span: Span::new(start, end),
            html: Some(HtmlHints {
                tag: f.block,
                link_bytes: self.link_bytes.min(end - start),
                negative: f.negative,
                positive: f.positive,
                in_article: f.in_article,
                chrome: f.chrome,
                figure: f.figure,
                outside_main: false,
                junk_container: false,
            }),
        });
        self.space = false;
    }
}

fn is_hidden_style(style: Option<&str>) -> bool {
    let Some(s) = style else { return false };
    let s: String = s.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

/// Collapses white space runs to single spaces and trims.
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(html: &str) -> Vec<String> {
        let d = parse(html);
        d.blocks.iter().map(|b| d.text[b.span.start..b.span.end].to_string()).collect()
    }

    #[test]
    fn paragraphs_and_entities() {
        let d = parse("<html><head><title>T &amp; U</title></head><body><p>One &mdash; two&nbsp;three<p>Four <b>five</b>\n six</body>");
        assert_eq!(d.meta.title.as_deref(), Some("T & U"));
        assert_eq!(d.text, "One \u{2014} two\u{a0}three\n\nFour five six");
        assert_eq!(d.blocks.len(), 2);
    }

    #[test]
    fn scripts_and_hidden_are_never_text() {
        let b = blocks("<div>a<script>if (x<y) document.write('<p>no</p>')</script>b</div><style>p{}</style><p hidden>h</p><p style='display: none'>h</p><p>c</p>");
        assert_eq!(b, vec!["ab", "c"]);
    }

    #[test]
    fn end_tags_inside_a_script_do_not_end_it() {
        // html5gum 0.5's script-data state read markup again after `</div>` in a script string.
        let b = blocks("<p>a</p><script>var t = '<div class=\"x\"></div><h3>no</h3>'; f('</p>');</script><p>b</p>");
        assert_eq!(b, vec!["a", "b"]);
        let b =
            blocks("<title>T</div></title><p>a</p><textarea>x</p></textarea><style>p::after{content:'</b>'}</style>");
        assert_eq!(b, vec!["a"]);
    }

    #[test]
    fn json_ld_and_meta_are_collected() {
        let d = parse(
            r#"<meta property="og:site_name" content="RT"><script type="application/ld+json">{"@type":"NewsArticle"}</script><time datetime="2023-07-27">x</time>"#,
        );
        assert_eq!(d.meta.meta, vec![("og:site_name".to_string(), "RT".to_string())]);
        assert_eq!(d.meta.json_ld, vec![r#"{"@type":"NewsArticle"}"#.to_string()]);
        assert_eq!(d.meta.time.as_deref(), Some("2023-07-27"));
    }

    #[test]
    fn links_and_structure_hints() {
        let d = parse("<nav><a href='/'>Home</a></nav><article><p>Text <a href='x'>link</a></p></article><div class='comments'><p>c</p></div>");
        let h: Vec<HtmlHints> = d.blocks.iter().map(|b| b.html.unwrap()).collect();
        assert!(h[0].chrome && h[0].link_bytes == 4);
        assert!(h[1].in_article && h[1].tag == BlockTag::P && h[1].link_bytes == 4);
        assert!(h[2].negative);
    }

    #[test]
    fn blocks_outside_the_main_container_are_marked() {
        // The story's container collects the score of its comma-rich paragraphs; a teaser list
        // after it, made of short items in their own containers, scores far less.
        let para = "<p>The council voted on Tuesday, after a long debate, to close the old bridge, \
                    which has carried traffic since 1931, and to build a new one by 2030.</p>";
        let teaser = "<div class='item'><p>A man walked his dog in the park on Sunday morning.</p></div>";
        let html = format!("<body><div id='a'>{}</div><div id='b'>{}</div></body>", para.repeat(4), teaser.repeat(3));
        let d = parse(&html);
        let outside: Vec<bool> = d.blocks.iter().map(|b| b.html.unwrap().outside_main).collect();
        assert_eq!(outside, vec![false, false, false, false, true, true, true]);
        // A page with nothing to score has no main container: nothing is marked.
        let d = parse("<div><p>Short.</p></div><div><p>Also short.</p></div>");
        assert!(d.blocks.iter().all(|b| !b.html.unwrap().outside_main));
    }

    #[test]
    fn containers_readability_would_clean_are_marked() {
        let para = "<p>The council voted on Tuesday, after a long debate, to close the old bridge, \
                    which has carried traffic since 1931, and to build a new one by 2030.</p>";
        let gallery = "<div><img src=a><img src=b><img src=c><span>Photos of the bridge</span></div>";
        let links = "<div><a href=x>More on the bridge vote</a> and <a href=y>other news</a></div>";
        let html = format!("<body><div id='story'>{}{gallery}{links}{}</div></body>", para.repeat(3), para);
        let d = parse(&html);
        let junk: Vec<bool> = d.blocks.iter().map(|b| b.html.unwrap().junk_container).collect();
        assert_eq!(junk, vec![false, false, false, true, true, false]);
        assert!(d.blocks.iter().all(|b| !b.html.unwrap().outside_main));
    }

    #[test]
    fn br_breaks_lines_and_double_br_paragraphs() {
        assert_eq!(blocks("<div>a<br>b<br><br>c</div>"), vec!["a\nb", "c"]);
    }

    #[test]
    fn unbalanced_markup_stays_linear_and_sane() {
        let mut s = "<div>".repeat(5000);
        s.push_str("text");
        s.push_str(&"</span>".repeat(5000));
        s.push_str("<p>end");
        assert_eq!(blocks(&s), vec!["text", "end"]);
    }
}
