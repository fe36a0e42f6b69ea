// Turning a report into DOM. Every piece of user text (the pasted article, names, quotes) goes
// into the page as a Text node, through textContent or as an attribute value, never as markup:
// there is no HTML parsing of anything that came from a paste anywhere in this file
// (tests/e2e/sinks.test.mjs keeps it that way).
//
// Offsets in the report are UTF-16 code units, so `text.slice(start, end)` is the exact span.
// Fields the report may or may not have yet (quote `parts`, `stories`, an item's `diff`) are
// used when present; without them the page falls back to what it can compute itself.

export const ACTOR_TYPES = [
  ["person", "Person"],
  ["organization", "Organization"],
  ["media", "Media"],
  ["country", "Country"],
  ["place", "Place"],
];
export const QUOTE_KINDS = [
  ["direct", "Direct quote"],
  ["partial", "Partial quote"],
  ["indirect", "Reported speech"],
  ["term", "Quoted term"],
];
export const DISC_KINDS = [
  ["role", "Roles and titles"],
  ["number", "Numbers"],
  ["date", "Dates"],
  ["attribution", "Who said it"],
  ["quote_wording", "Quote wording"],
  ["spelling", "Spellings"],
  ["framing", "Framing"],
  ["contested_claim", "Contested claims"],
  ["coverage", "Coverage"],
];
export const ACTOR_LABEL = Object.fromEntries(ACTOR_TYPES);
export const QUOTE_LABEL = Object.fromEntries(QUOTE_KINDS);
export const DISC_LABEL = Object.fromEntries(DISC_KINDS);
export const kindLabel = (k) => DISC_LABEL[k] ?? k.replaceAll("_", " ");

/** `h("p", {class: "x"}, "text", child)`: an element with attributes and children (strings become Text nodes). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** The text an article's offsets point into. */
export function articleText(report, article, pastes) {
  return report.inputs[article.input]?.text ?? pastes[article.input] ?? "";
}

/** The name the reader typed for a box, or "" for a default box name ("Article 2") or a file name. */
export function givenName(source) {
  const s = (source ?? "").trim();
  return /^Article \d+$/.test(s) || /\.(txt|html?)$/i.test(s) || /[\\/]/.test(s) ? "" : s;
}

/**
 * What to call an article, everywhere (tab, chips, compare view, exports): the name the reader
 * typed for its box; else its outlet and title; else its opening words; else the file name.
 */
export function articleName(article, text) {
  const given = givenName(article.source);
  if (given) return given;
  const title = article.title?.trim();
  const outlet = article.outlet?.trim();
  if (title && outlet) return `${outlet}: ${title}`;
  if (title || outlet) return title || outlet;
  const first = article.body[0];
  const opening = first ? text.slice(first.start, first.end).split(/\s+/).filter(Boolean).slice(0, 8).join(" ") : "";
  const file = (article.source.split(/[\\/]/).pop() ?? "").replace(/\.(txt|html?)$/i, "");
  return opening || file || article.id;
}

/** Article id -> name, with a number added where two articles would share one. */
export function articleNames(report, pastes) {
  const names = report.articles.map((a) => articleName(a, articleText(report, a, pastes)));
  const seen = new Map();
  names.forEach((n) => seen.set(n, (seen.get(n) ?? 0) + 1));
  return new Map(report.articles.map((a, i) => [a.id, seen.get(names[i]) > 1 ? `${names[i]} (${i + 1})` : names[i]]));
}

/** A name cut to `n` characters at a word boundary, for running text and chips. */
export function short(name, n = 34) {
  if (name.length <= n) return name;
  const cut = name.slice(0, n);
  const space = cut.lastIndexOf(" ");
  return `${(space > n / 2 ? cut.slice(0, space) : cut).replace(/[\s,:;–—-]+$/, "")}…`;
}

/** A summary with its article ids ("(a1, 2025-05-29)") replaced by the articles' names (`cut` shortens them). */
export function nameIds(summary, names, cut = (x) => x) {
  return summary.replace(/\(([^()]*)\)/g, (all, inner) => `(${inner.replace(/\ba\d+\b/g, (id) => (names.has(id) ? cut(names.get(id)) : id))})`);
}

/** An article's chip: its name, shortened, the full name on hover and for screen readers. */
export function chip(names, id, extra = "", attrs = {}) {
  const name = names.get(id) ?? id;
  return h(attrs.onclick ? "button" : "span", { class: "chip", title: name, "aria-label": `${name}${extra}`, ...(attrs.onclick ? { type: "button" } : {}), ...attrs }, `${short(name, 28)}${extra}`);
}

/** The pieces of a quote: its `parts` when the report has them, else its whole extent. */
export function quoteParts(q) {
  return Array.isArray(q.parts) && q.parts.length ? q.parts : [{ start: q.start, end: q.end }];
}

/** Actor id -> name over every article of the report. */
export function actorIndex(report) {
  const byId = new Map();
  for (const a of report.articles) for (const x of a.actors) byId.set(x.id, x);
  return byId;
}

/** Article-level actor id -> its cross-article group, when it has one. */
export function groupIndex(report) {
  const of = new Map();
  for (const g of report.actors ?? []) for (const m of g.members) of.set(m, g);
  return of;
}

export function renderLegend() {
  return h(
    "div",
    { class: "legend-items" },
    ACTOR_TYPES.map(([k, label]) => h("span", { class: "legend-item" }, h("mark", { class: `m m-${k}` }, label))),
    h("span", { class: "legend-sep", "aria-hidden": "true" }),
    QUOTE_KINDS.map(([k, label]) => h("span", { class: "legend-item" }, h("span", { class: `q q-${k}` }, label))),
    h("span", { class: "legend-item" }, h("span", { class: "flag" }, "Flag")),
    h("span", { class: "legend-item" }, h("span", { class: "who", "data-who": "Speaker" })),
  );
}

/** Annotations of one article as flat intervals: mentions, quote parts, flags, and an optional target range. */
function annotations(article, target) {
  const out = [];
  for (const actor of article.actors) {
    for (const m of actor.mentions) out.push({ start: m.start, end: m.end, kind: "mention", actor });
  }
  article.quotes.forEach((q, i) => {
    quoteParts(q).forEach((p, j) => out.push({ start: p.start, end: p.end, kind: "quote", quote: q, index: i, first: j === 0 }));
  });
  article.flags.forEach((f, i) => out.push({ start: f.start, end: f.end, kind: "flag", flag: f, index: i }));
  if (target) out.push({ start: target.start, end: target.end, kind: "target" });
  return out.filter((a) => a.end > a.start).sort((a, b) => a.start - b.start || b.end - a.end);
}

/** The words naming a quote's speaker, for the label shown before the quote. */
function speakerLabel(q, actorNames) {
  if (q.kind === "term") return null;
  return q.speaker ? actorNames.get(q.speaker) ?? q.speaker : "unattributed";
}

/**
 * Renders `text[start, end)` with the annotations overlapping it: the range is cut at every
 * annotation boundary and each piece is one element carrying the classes of all annotations
 * covering it, so overlapping quotes, mentions and flags need no nesting rules. Every piece
 * with an actor or a quote is a highlight (`data-h`) the keyboard can reach. A quote's first
 * piece is preceded by its speaker's name (an empty element whose CSS shows `data-who`, so
 * the article's text, copied, stays the article's text).
 */
function renderRange(parent, text, start, end, inside, actorNames) {
  const cuts = new Set([start, end]);
  for (const a of inside) {
    cuts.add(Math.max(start, a.start));
    cuts.add(Math.min(end, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  let active = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const [p, q] = [points[i], points[i + 1]];
    active = active.filter((a) => a.end > p);
    while (next < inside.length && inside[next].start <= p) {
      if (inside[next].end > p) active.push(inside[next]);
      next++;
    }
    const piece = text.slice(p, q);
    if (active.length === 0) {
      parent.append(document.createTextNode(piece));
      continue;
    }
    const mention = active.find((a) => a.kind === "mention");
    // Nested quotes ("deep thanks" inside reported speech): the piece belongs to the innermost.
    const quote = active.findLast((a) => a.kind === "quote");
    const flag = active.find((a) => a.kind === "flag");
    const classes = [];
    const titles = [];
    const attrs = {};
    for (const a of active) {
      if (a.kind !== "quote" || !a.first || a.start !== p) continue;
      const who = speakerLabel(a.quote, actorNames);
      if (who) parent.append(h("span", { class: a.quote.speaker ? "who" : "who unknown", "data-who": who, part: "speaker" }));
    }
    if (mention) {
      classes.push("m", `m-${mention.actor.type}`);
      attrs["data-actor"] = mention.actor.id;
      const roles = mention.actor.roles.length ? ` (${mention.actor.roles.join("; ")})` : "";
      titles.push(`${ACTOR_LABEL[mention.actor.type] ?? mention.actor.type}: ${mention.actor.name}${roles}`);
    }
    if (quote) {
      classes.push("q", `q-${quote.quote.kind}`);
      attrs["data-quote"] = quote.index;
      const who = quote.quote.speaker ? actorNames.get(quote.quote.speaker) ?? quote.quote.speaker : "unattributed";
      titles.push(`${QUOTE_LABEL[quote.quote.kind] ?? quote.quote.kind}: ${who}`);
    }
    if (flag) {
      classes.push("flag");
      attrs["data-flag"] = flag.index;
      titles.push(`Flag: ${flag.flag.kind.replaceAll("_", " ")}${flag.flag.note ? ` (${flag.flag.note})` : ""}`);
    }
    if (active.some((a) => a.kind === "target")) classes.push("target");
    if (mention || quote) {
      attrs["data-h"] = "";
      attrs.tabindex = "-1";
      attrs.part = mention ? "mention" : "quote";
    }
    parent.append(h(mention ? "mark" : "span", { class: classes.join(" "), title: titles.join("\n"), ...attrs }, piece));
  }
}

const SEGMENT_TAG = { title: "h3", dateline: "p", byline: "p", body: "p", caption: "p" };

/**
 * The article's blocks, one at a time (so a long article can be rendered in chunks): title,
 * dateline, byline, body and captions in order, highlighted. Text the cleaner dropped (page
 * junk) between them is shown dimmed only when `showJunk` is set.
 */
export function* articleBlocks(article, text, { showJunk = false, target = null } = {}) {
  const anns = annotations(article, target);
  const actorNames = new Map(article.actors.map((a) => [a.id, a.name]));
  const junk = (s, e) => {
    // Display only (no offsets point inside): blank lines between menu items are squeezed.
    const removed = text.slice(s, e).trim().replace(/\s*\n\s*/g, "\n");
    return showJunk && removed ? h("div", { class: "junk", title: "Removed by the cleaner" }, removed) : null;
  };
  // Segments come in text order, so one sweep over the sorted annotations finds those
  // overlapping each segment: linear overall, not segments × annotations.
  let open = [];
  let next = 0;
  const overlapping = (s, e) => {
    while (next < anns.length && anns[next].start < e) open.push(anns[next++]);
    open = open.filter((a) => a.end > s);
    return open.filter((a) => a.start < e);
  };
  let at = article.extent.start;
  const segments = (article.segments.length ? [...article.segments] : article.body.map((b) => ({ kind: "body", ...b }))).sort(
    (a, b) => a.start - b.start,
  );
  for (const seg of segments) {
    if (seg.start > at) {
      const j = junk(at, seg.start);
      if (j) yield j;
    }
    const el = h(SEGMENT_TAG[seg.kind] ?? "p", { class: `seg seg-${seg.kind}` });
    if (seg.kind === "caption") el.append(h("span", { class: "seg-label" }, "Caption"));
    renderRange(el, text, seg.start, seg.end, overlapping(seg.start, seg.end), actorNames);
    yield el;
    at = Math.max(at, seg.end);
  }
  if (article.extent.end > at) {
    const j = junk(at, article.extent.end);
    if (j) yield j;
  }
  if (!segments.length) yield h("p", { class: "empty" }, "No article text was found in this paste.");
}

/** The whole article at once (the embeddable element; the page renders in chunks). */
export function renderArticle(report, article, text, opts = {}) {
  const doc = h("div", { class: "doc", lang: "" });
  for (const block of articleBlocks(article, text, opts)) doc.append(block);
  return doc;
}

export function swatch(type) {
  return h("span", { class: `swatch m-${type}`, "aria-hidden": "true" });
}

export function section(title, count, ...children) {
  return h("section", { class: "panel-section" }, h("h3", {}, title, count === null ? null : h("span", { class: "count" }, String(count))), ...children);
}

/** A list that shows `limit` items and a "Show more" button for the rest (long pastes have thousands). */
export function longList(tag, attrs, items, render, limit = 150) {
  const list = h(tag, attrs);
  let shown = 0;
  const more = h("button", { type: "button", class: "link more" });
  const step = () => {
    const upto = Math.min(items.length, shown + limit);
    for (; shown < upto; shown++) list.append(render(items[shown], shown));
    more.textContent = `Show ${Math.min(limit, items.length - shown)} more of ${items.length - shown}`;
    more.hidden = shown >= items.length;
  };
  more.addEventListener("click", step);
  step();
  return [list, more];
}

/** A quote's words as the panel shows them: the clause for a partial quote, no marks for reported speech. */
export function quoteShown(q) {
  return q.content ? `…${q.content.text}…` : q.kind === "indirect" ? q.text : `“${q.text}”`;
}

/** The side panel of one article: metadata, the selection, actors, quotes, flags. */
export function renderPanel(article, name, { onActor, onQuote }) {
  const names = new Map(article.actors.map((a) => [a.id, a.name]));
  const meta = h("dl", { class: "meta" });
  meta.append(h("dt", {}, "Article"), h("dd", {}, name));
  for (const [k, label] of [["outlet", "Outlet"], ["date", "Date"], ["byline", "Byline"]]) {
    if (article[k]) meta.append(h("dt", {}, label), h("dd", {}, article[k]));
  }
  const selection = h(
    "div",
    { class: "selection", id: "selection", "aria-live": "polite" },
    h("p", { class: "none" }, "Select a highlight (click, or Tab into the text and use the arrow keys) to see who it is or who said it."),
  );

  const order = Object.fromEntries(ACTOR_TYPES.map(([k], i) => [k, i]));
  const actorsSorted = [...article.actors].sort((x, y) => (order[x.type] ?? 9) - (order[y.type] ?? 9) || y.mentions.length - x.mentions.length);
  const [actors, moreActors] = longList("ul", { class: "list actors" }, actorsSorted, (a) => {
    const aliases = a.aliases.filter((x) => x !== a.name);
    return h(
      "li",
      {},
      h(
        "button",
        { type: "button", class: "item", "data-actor": a.id, onclick: () => onActor(a.id), "aria-label": `${a.name}, ${ACTOR_LABEL[a.type] ?? a.type}, ${a.mentions.length} mentions` },
        swatch(a.type),
        h("span", { class: "name" }, a.name),
        h("span", { class: "n" }, `×${a.mentions.length}`),
      ),
      a.roles.length ? h("div", { class: "sub" }, a.roles.join("; ")) : null,
      aliases.length ? h("div", { class: "sub dim" }, "also: ", aliases.join(", ")) : null,
    );
  });

  const [quotes, moreQuotes] = longList("ol", { class: "list quotes" }, article.quotes, (q, i) => {
    const who = q.speaker ? names.get(q.speaker) ?? q.speaker : null;
    const via = q.via.map((v) => names.get(v) ?? v);
    return h(
      "li",
      {},
      h(
        "button",
        { type: "button", class: "item quote-item", "data-quote": i, onclick: () => onQuote(i) },
        h("span", { class: who ? "speaker" : "speaker unknown" }, who ?? "Unattributed"),
        h("span", { class: `badge q-${q.kind}` }, QUOTE_LABEL[q.kind] ?? q.kind),
        h("span", { class: "qtext" }, q.content ? `“${q.text}”` : quoteShown(q)),
        q.content ? h("span", { class: "sub" }, `in: …${q.content.text}…`) : null,
        q.cue || via.length
          ? h("span", { class: "sub" }, q.cue ? `cue: ${q.cue.text}` : "", q.cue && via.length ? " · " : "", via.length ? `via ${via.join(" → ")}` : "")
          : null,
      ),
    );
  });

  const [flags, moreFlags] = longList("ul", { class: "list flags" }, article.flags, (f) =>
    h("li", {}, h("span", { class: "badge flag-badge" }, f.kind.replaceAll("_", " ")), " ", h("span", {}, f.text), f.note ? h("div", { class: "sub" }, f.note) : null),
  );
  const none = (what) => h("p", { class: "none" }, `No ${what} found.`);
  return h(
    "div",
    { class: "panel" },
    meta,
    selection,
    section("Actors", article.actors.length, article.actors.length ? [actors, moreActors] : none("actors")),
    section("Quotes", article.quotes.length, article.quotes.length ? [quotes, moreQuotes] : none("quotes")),
    section("Flags", article.flags.length, article.flags.length ? [flags, moreFlags] : none("flags")),
  );
}

/**
 * The selection card: what a highlight is. `ids` are the actor id and quote index of the
 * highlight; `elsewhere(actor)` lists the other articles naming the same actor.
 */
export function renderSelection(article, { actorId, quoteIndex }, { elsewhere, onActor, onClose }) {
  const byId = new Map(article.actors.map((a) => [a.id, a]));
  const out = [h("button", { type: "button", class: "icon close", "aria-label": "Close", onclick: onClose }, "✕")];
  const actor = actorId ? byId.get(actorId) : null;
  const q = quoteIndex !== undefined && quoteIndex !== null ? article.quotes[quoteIndex] : null;
  if (q) {
    const who = q.speaker ? byId.get(q.speaker) : null;
    const via = q.via.map((v) => byId.get(v)?.name ?? v);
    out.push(
      h(
        "div",
        { class: "card quote-card" },
        h("div", { class: "card-head" }, h("span", { class: `badge q-${q.kind}` }, QUOTE_LABEL[q.kind] ?? q.kind)),
        h("p", { class: "card-title" }, who ? who.name : "Unattributed", who?.roles.length ? h("span", { class: "dim" }, `, ${who.roles[0]}`) : null),
        h("p", { class: "qtext" }, q.content ? `“${q.text}”` : quoteShown(q)),
        q.content ? h("p", { class: "sub" }, `in: …${q.content.text}…`) : null,
        q.cue ? h("p", { class: "sub" }, `cue: ${q.cue.text}`) : null,
        via.length ? h("p", { class: "sub" }, `via ${via.join(" → ")}`) : null,
        who ? h("button", { type: "button", class: "link", onclick: () => onActor(who.id) }, `Mark every mention of ${who.name}`) : null,
      ),
    );
  }
  if (actor) {
    const said = article.quotes.filter((x) => x.speaker === actor.id).length;
    const other = elsewhere(actor);
    out.push(
      h(
        "div",
        { class: "card actor-card" },
        h("div", { class: "card-head" }, swatch(actor.type), " ", h("span", { class: "badge" }, ACTOR_LABEL[actor.type] ?? actor.type)),
        h("p", { class: "card-title" }, actor.name),
        actor.roles.length ? h("p", { class: "sub" }, actor.roles.join("; ")) : null,
        h("p", { class: "sub" }, `${actor.mentions.length} mention${actor.mentions.length === 1 ? "" : "s"}, ${said} quote${said === 1 ? "" : "s"} here`),
        other.length ? h("p", { class: "sub" }, "Also in: ", other.join("; ")) : null,
        h("button", { type: "button", class: "link", onclick: () => onActor(actor.id) }, "Mark every mention, in every article"),
      ),
    );
  }
  return out;
}

/**
 * Who said what, across articles: one group per speaker (an actor aligned across articles is
 * one speaker), each listing its quotes with the article they are in. Groups open on demand.
 */
export function renderSpeakers(report, names, { onItem }) {
  const actors = actorIndex(report);
  const groupOf = groupIndex(report);
  const groups = new Map();
  const unattributed = [];
  for (const a of report.articles) {
    a.quotes.forEach((q, i) => {
      if (q.kind === "term") return;
      if (!q.speaker) {
        unattributed.push({ a, q, i });
        return;
      }
      const g = groupOf.get(q.speaker);
      const key = g ? g.id : q.speaker;
      if (!groups.has(key)) {
        const actor = actors.get(q.speaker);
        groups.set(key, { name: g?.name ?? actor?.name ?? q.speaker, type: g?.type ?? actor?.type ?? "person", quotes: [], articles: new Set() });
      }
      const entry = groups.get(key);
      entry.quotes.push({ a, q, i });
      entry.articles.add(a.id);
    });
  }
  const sorted = [...groups.values()].sort((x, y) => y.articles.size - x.articles.size || y.quotes.length - x.quotes.length || x.name.localeCompare(y.name));
  // Partial quotes of one clause ("deep thanks" and "militant greetings") are one row: the
  // quoted words, then the clause they belong to.
  const rows = (list) => {
    const out = [];
    const byClause = new Map();
    for (const x of list) {
      const key = x.q.content ? `${x.a.id}:${x.q.content.start}` : null;
      if (key && byClause.has(key)) byClause.get(key).qs.push(x.q);
      else {
        const row = { a: x.a, q: x.q, qs: [x.q] };
        if (key) byClause.set(key, row);
        out.push(row);
      }
    }
    return out;
  };
  const quoteRow = ({ a, q, qs }) =>
    h(
      "li",
      {},
      h(
        "button",
        { type: "button", class: "item", onclick: () => onItem(a.id, q.start, q.end), title: `Show in ${names.get(a.id)}` },
        chip(names, a.id),
        h("span", { class: `badge q-${q.kind}` }, QUOTE_LABEL[q.kind] ?? q.kind),
        h("span", { class: "qtext" }, q.content ? qs.map((x) => `“${x.text}”`).join(" · ") : quoteShown(q)),
        q.content ? h("span", { class: "sub" }, `…${q.content.text}…`) : null,
      ),
    );
  const group = (g, open) => {
    const body = h("ol", { class: "list quotes" });
    const d = h(
      "details",
      { class: "speaker-group" },
      h(
        "summary",
        {},
        swatch(g.type),
        h("span", { class: "name" }, g.name),
        h("span", { class: "count" }, `${rows(g.quotes).length} quote${rows(g.quotes).length === 1 ? "" : "s"}`),
        g.articles.size > 1 ? h("span", { class: "dim" }, ` in ${g.articles.size} articles`) : null,
      ),
      body,
    );
    // The quotes are built when the group first opens: thousands of quotes cost nothing unopened.
    d.addEventListener("toggle", () => d.open && !body.childElementCount && body.append(...rows(g.quotes).map(quoteRow)));
    if (open) d.open = true;
    return d;
  };
  const list = h("div", { class: "speakers" });
  sorted.forEach((g, i) => list.append(group(g, i < 8)));
  if (unattributed.length) list.append(group({ name: "Unattributed", type: "none", quotes: unattributed, articles: new Set(unattributed.map((x) => x.a.id)) }, false));
  return h(
    "div",
    { class: "wide-view speakers-view" },
    section(
      "Who said what",
      sorted.length,
      h("p", { class: "dim" }, "Speakers across every article, the most widely quoted first. An actor named in several articles is one speaker."),
      sorted.length || unattributed.length ? list : h("p", { class: "none" }, "No quotes found."),
    ),
  );
}

// ---- compare view ----------------------------------------------------------------------------

/** Words and the spaces between them, in order (punctuation stays with its word). */
function tokens(s) {
  return s.match(/\s+|[^\s]+/g) ?? [];
}
const norm = (w) => w.toLowerCase().replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, "");

/**
 * A word diff of `a` against `b`: `a`'s tokens, each with `changed` set when the word is not
 * part of the longest common word sequence (case and surrounding punctuation ignored).
 */
export function wordDiff(a, b) {
  const ta = tokens(a);
  const wa = ta.map((t, i) => [t, i]).filter(([t]) => !/^\s+$/.test(t));
  const wb = tokens(b).filter((t) => !/^\s+$/.test(t));
  const n = wa.length;
  const m = wb.length;
  const changed = new Set(wa.map(([, i]) => i));
  const missing = new Map(); // token index in `a` -> words of `b` missing before it
  if (n * m <= 250000) {
    // Longest common subsequence over words; quotes and passages are short.
    const dp = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        dp[i][j] = norm(wa[i][0]) === norm(wb[j]) ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (norm(wa[i][0]) === norm(wb[j])) {
        changed.delete(wa[i][1]);
        i++;
        j++;
      } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
      else {
        // A word of `b` that `a` lacks: noted before `a`'s next word (or at its end).
        const at = wa[i][1];
        missing.set(at, [...(missing.get(at) ?? []), wb[j]]);
        j++;
      }
    }
    if (j < m) missing.set(ta.length, [...(missing.get(ta.length) ?? []), ...wb.slice(j)]);
  } else {
    const inB = new Set(wb.map(norm));
    for (const [t, i] of wa) if (inB.has(norm(t))) changed.delete(i);
  }
  // Missing words are shown only where `a` has nothing changed next to them (a replaced word
  // is marked already: "good" for "great" needs no "great" beside it).
  const out = [];
  let prevChanged = false;
  const gap = (i) => {
    if (missing.has(i) && !prevChanged && !changed.has(i)) out.push({ text: "", missing: missing.get(i).join(" ").replace(/[,;:]+$/, "") });
  };
  ta.forEach((t, i) => {
    gap(i);
    out.push({ text: t, changed: changed.has(i) });
    if (!/^\s+$/.test(t)) prevChanged = changed.has(i);
  });
  gap(ta.length);
  return out;
}

/**
 * An item's own diff when the report carries one (`marks`, the analyzer's differing words, or a
 * `diff`): either pieces `{text, op}` (any op other than
 * equal/same is a change) or changed ranges `{start, end}` (absolute offsets, or relative to the
 * item). Returns null when there is none or it cannot be read.
 */
function reportDiff(it) {
  const d = it.diff ?? it.marks;
  if (!Array.isArray(d) || !d.length) return null;
  if (d.every((x) => typeof x?.text === "string")) {
    return d.map((x) => ({ text: x.text, changed: !["equal", "same", "=", "keep"].includes(x.op ?? x.kind ?? x.type ?? "equal") || x.changed === true }));
  }
  if (d.every((x) => Number.isInteger(x?.start) && Number.isInteger(x?.end))) {
    const abs = d.every((x) => x.start >= it.start && x.end <= it.end);
    const ranges = d.map((x) => (abs ? [x.start - it.start, x.end - it.start] : [x.start, x.end])).sort((x, y) => x[0] - y[0]);
    const out = [];
    let at = 0;
    for (const [s, e] of ranges) {
      if (s < at || e > it.text.length) return null;
      if (s > at) out.push({ text: it.text.slice(at, s), changed: false });
      out.push({ text: it.text.slice(s, e), changed: true });
      at = e;
    }
    if (at < it.text.length) out.push({ text: it.text.slice(at), changed: false });
    return out;
  }
  return null;
}

/** Pieces of `it.text` with the words that differ from the other items marked. */
export function itemDiff(it, others) {
  const own = reportDiff(it);
  if (own) return own;
  if (!others.length) return [{ text: it.text, changed: false }];
  // Against each other item; a word is changed only if no other item has it in sequence.
  // With one other item, the words it has and this one lacks are shown where they would be.
  if (others.length === 1) return wordDiff(it.text, others[0].text);
  const diffs = others.map((o) => wordDiff(it.text, o.text).filter((t) => t.missing === undefined));
  return diffs[0].map((t, i) => ({ text: t.text, changed: diffs.every((d) => d[i].changed) }));
}

/** The sentence (or up to ~220 characters) around `[start, end)`. */
export function passageBounds(text, start, end) {
  let s = start;
  const min = Math.max(0, start - 220);
  while (s > min && !/[.!?\n]/.test(text[s - 1])) s--;
  let e = end;
  const max = Math.min(text.length, end + 220);
  while (e < max && !/[.!?\n]/.test(text[e])) e++;
  if (e < text.length && /[.!?]/.test(text[e])) e++;
  return [s, e];
}

function passage(text, item, others) {
  // The words as the article has them at the item's offsets (an item's text may be normalised:
  // "Russian defense minister" for "Russia’s defense minister").
  const slice = text ? text.slice(item.start, item.end) : "";
  const inText = Boolean(slice.trim());
  const it = inText && slice !== item.text && !item.diff ? { ...item, text: slice } : item;
  const [s, e] = inText ? passageBounds(text, it.start, it.end) : [it.start, it.end];
  const pieces = itemDiff(it, others);
  return h(
    "p",
    { class: "passage" },
    inText && s > 0 ? "…" : "",
    inText ? text.slice(s, it.start).trimStart() : "",
    h(
      "span",
      { class: "span" },
      pieces.map((p) =>
        p.missing
          ? h("span", { class: "gap", title: `The other article has: ${p.missing}`, "aria-label": `missing here: ${p.missing}`, "data-missing": p.missing })
          : p.changed && p.text.trim()
            ? h("mark", { class: "diff", part: "diff" }, p.text)
            : p.text,
      ),
    ),
    inText ? text.slice(it.end, e).trimEnd() : "",
    inText && e < text.length && !/[.!?]["”’]?$/.test(text.slice(s, e).trimEnd()) ? "…" : "",
  );
}

const loose = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Which story each article belongs to, when the report groups them. */
function storyIndex(report) {
  const of = new Map();
  (report.stories ?? []).forEach((s, i) => s.articles.forEach((a) => of.set(a, { id: s.id, n: i + 1, size: s.articles.length })));
  return of;
}

/**
 * The compare view: discrepancies as a compact list grouped by story (when the report has
 * stories) and kind, each opening its articles' passages side by side with the differing words
 * marked; then the actors aligned across articles. `state` holds the filters.
 */
export function renderCompare(report, names, texts, state, { onItem, onActor, onFilter }) {
  const discs = report.discrepancies;
  const stories = storyIndex(report);
  const kindsPresent = [...new Set(discs.map((d) => d.kind))].sort(
    (a, b) => (DISC_KINDS.findIndex(([k]) => k === a) + 99) % 99 - ((DISC_KINDS.findIndex(([k]) => k === b) + 99) % 99),
  );
  const toggle = (label, key, value, count) =>
    h(
      "button",
      {
        type: "button",
        class: "toggle",
        "aria-pressed": String(!state[key].has(value)),
        onclick: () => {
          if (state[key].has(value)) state[key].delete(value);
          else state[key].add(value);
          onFilter();
        },
      },
      label,
      count === undefined ? null : h("span", { class: "n" }, String(count)),
    );
  const kindFilter = h(
    "div",
    { class: "filters", role: "group", "aria-label": "Show discrepancies of kind" },
    kindsPresent.map((k) => toggle(kindLabel(k), "hiddenKinds", k, discs.filter((d) => d.kind === k).length)),
  );

  const shown = discs.filter((d) => !state.hiddenKinds.has(d.kind));
  const storyOf = (d) => {
    const s = d.items.map((it) => stories.get(it.article)).find(Boolean);
    return s ? s : null;
  };
  const byStory = new Map();
  for (const d of shown) {
    const s = storyOf(d);
    const key = s ? s.id : "";
    if (!byStory.has(key)) byStory.set(key, { story: s, list: [] });
    byStory.get(key).list.push(d);
  }
  const discView = h("div", { class: "disc-groups" });
  for (const { story, list } of byStory.values()) {
    const container = story && stories.size ? h("section", { class: "story" }, h("h4", { class: "story-head" }, `Story ${story.n}: `, (report.stories[story.n - 1]?.articles ?? []).map((a) => short(names.get(a) ?? a)).join(" · "))) : discView;
    if (container !== discView) discView.append(container);
    for (const k of kindsPresent) {
      const ofKind = list.filter((d) => d.kind === k);
      if (!ofKind.length) continue;
      const [ul, more] = longList("ul", { class: "list discrepancies" }, ofKind, (d) => h("li", {}, discrepancy(d)), 50);
      container.append(h("div", { class: "kind-group", "data-kind": k }, h("h4", {}, kindLabel(k), h("span", { class: "count" }, String(ofKind.length))), ul, more));
    }
  }

  function discrepancy(d) {
    const cols = h("div", { class: "side-by-side" });
    const det = h("details", { class: "disc", "data-kind": d.kind }, h("summary", {}, h("span", { class: "summary" }, nameIds(d.summary, names, short))), cols);
    // The passages are built when the item first opens.
    det.addEventListener("toggle", () => {
      if (!det.open || cols.childElementCount) return;
      d.items.forEach((it, i) => {
        const others = d.items.filter((_, j) => j !== i && d.items[j].text !== it.text);
        cols.append(
          h(
            "div",
            { class: "col" },
            h("div", { class: "col-head" }, chip(names, it.article)),
            passage(texts.get(it.article), it, others),
            // The value only when it says more than the words (not "plan," again as "plan").
            it.value && loose(it.value) !== loose(it.text) ? h("p", { class: "ivalue" }, it.value) : null,
            h("button", { type: "button", class: "link", onclick: () => onItem(it.article, it.start, it.end) }, "Show in the article"),
          ),
        );
      });
    });
    return det;
  }

  // Actors aligned across articles, filterable by type; selecting one marks it everywhere.
  const actors = actorIndex(report);
  const perArticle = (g) => {
    const counts = new Map();
    for (const m of g.members) {
      const art = m.split(":")[0];
      counts.set(art, (counts.get(art) ?? 0) + (actors.get(m)?.mentions.length ?? 0));
    }
    return counts;
  };
  const inArticles = (g) => new Set(g.members.map((m) => m.split(":")[0])).size;
  const groups = [...report.actors].filter((g) => !state.hiddenTypes.has(g.type)).sort((a, b) => inArticles(b) - inArticles(a) || a.name.localeCompare(b.name));
  const shared = groups.filter((g) => inArticles(g) > 1);
  const typesPresent = ACTOR_TYPES.filter(([k]) => report.actors.some((g) => g.type === k));
  const typeFilter = h(
    "div",
    { class: "filters", role: "group", "aria-label": "Show actors of type" },
    typesPresent.map(([k, label]) => toggle(h("span", {}, swatch(k), " ", label), "hiddenTypes", k)),
  );
  const row = (g) => {
    const counts = perArticle(g);
    const others = g.variants.filter((v) => v !== g.name);
    return h(
      "tr",
      {},
      h(
        "td",
        {},
        h(
          "button",
          { type: "button", class: state.actor === g.id ? "item active" : "item", "data-group": g.id, "aria-pressed": String(state.actor === g.id), onclick: () => onActor(g) },
          swatch(g.type),
          h("span", { class: "name" }, g.name),
          h("span", { class: "n" }, ACTOR_LABEL[g.type] ?? g.type),
        ),
      ),
      h(
        "td",
        { class: "chips" },
        [...counts].map(([art, n]) => chip(names, art, ` ×${n}`, { onclick: () => onActor(g, art) })),
      ),
      h("td", { class: "dim" }, others.join(", ")),
    );
  };
  const table = (rows) =>
    h(
      "table",
      { class: "across" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Actor"), h("th", { scope: "col" }, "Mentions per article"), h("th", { scope: "col" }, "Other spellings"))),
      h("tbody", {}, rows),
    );
  const tableOf = (list) => {
    const [tbody, more] = longList("tbody", {}, list, row, 100);
    const t = table([]);
    t.tBodies[0].replaceWith(tbody);
    return [t, more];
  };
  const counts = h(
    "p",
    { class: "counts" },
    `${discs.length} discrepanc${discs.length === 1 ? "y" : "ies"} · ${report.actors.filter((g) => inArticles(g) > 1).length} actors in several articles · ${report.articles.length} articles`,
    stories.size ? ` · ${report.stories.length} stor${report.stories.length === 1 ? "y" : "ies"}` : "",
  );
  return h(
    "div",
    { class: "wide-view compare-view" },
    counts,
    section(
      "Discrepancies",
      discs.length,
      discs.length ? [kindFilter, shown.length ? discView : h("p", { class: "none" }, "Every kind is filtered out.")] : h("p", { class: "none" }, "No disagreements found between these articles."),
    ),
    section(
      "Actors in several articles",
      shared.length,
      typeFilter,
      h("p", { class: "dim" }, "Select an actor to mark its mentions in every article."),
      shared.length ? tableOf(shared) : h("p", { class: "none" }, "No actor of these types appears in more than one article."),
    ),
  );
}
