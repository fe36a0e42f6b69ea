// Turning a report into DOM. Every piece of user text (the pasted article, names, quotes) goes
// into the page as a Text node or through textContent, never as markup: there is no HTML
// parsing of anything that came from a paste anywhere in this file (tests/e2e/sinks.test.mjs
// keeps it that way).
//
// Offsets in the report are UTF-16 code units, so `text.slice(start, end)` is the exact span.

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
const ACTOR_LABEL = Object.fromEntries(ACTOR_TYPES);
const QUOTE_LABEL = Object.fromEntries(QUOTE_KINDS);

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

/**
 * What to call an article (its tab, its chips): its title; else the name the reader gave its
 * box; else its outlet; else its opening words. A box's default name ("Article 2") or a file
 * name ("002_83193f1a8cb9cce4.txt") says nothing of the article, so it is the last resort.
 */
export function articleName(article, text) {
  const source = article.source.split(/[\\/]/).pop() ?? "";
  const given = /^Article \d+$/.test(source) || /\.(txt|html?)$/i.test(source) ? "" : source.trim();
  const first = article.body[0];
  const opening = first ? text.slice(first.start, first.end).split(/\s+/).filter(Boolean).slice(0, 8).join(" ") : "";
  return article.title?.trim() || given || article.outlet?.trim() || opening || source.replace(/\.(txt|html?)$/i, "");
}

export function renderLegend() {
  return h(
    "div",
    { class: "legend-items" },
    ACTOR_TYPES.map(([k, label]) => h("span", { class: "legend-item" }, h("mark", { class: `m m-${k}` }, label))),
    h("span", { class: "legend-sep", "aria-hidden": "true" }),
    QUOTE_KINDS.map(([k, label]) => h("span", { class: "legend-item" }, h("span", { class: `q q-${k}` }, label))),
    h("span", { class: "legend-item" }, h("span", { class: "flag" }, "Flag")),
  );
}

/** Annotations of one article as flat intervals: mentions, quotes, flags, and an optional target range. */
function annotations(article, target) {
  const out = [];
  for (const actor of article.actors) {
    for (const m of actor.mentions) out.push({ start: m.start, end: m.end, kind: "mention", actor });
  }
  article.quotes.forEach((q, i) => out.push({ start: q.start, end: q.end, kind: "quote", quote: q, index: i }));
  article.flags.forEach((f) => out.push({ start: f.start, end: f.end, kind: "flag", flag: f }));
  if (target) out.push({ start: target.start, end: target.end, kind: "target" });
  return out.filter((a) => a.end > a.start).sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * Renders `text[start, end)` with the annotations overlapping it: the range is cut at every
 * annotation boundary and each piece is one element carrying the classes of all annotations
 * covering it, so overlapping quotes, mentions and flags need no nesting rules.
 * `inside` holds the annotations overlapping the range, sorted by start.
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
    const quote = active.find((a) => a.kind === "quote");
    const flag = active.find((a) => a.kind === "flag");
    const classes = [];
    const titles = [];
    const attrs = {};
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
      titles.push(`Flag: ${flag.flag.kind.replaceAll("_", " ")}${flag.flag.note ? ` (${flag.flag.note})` : ""}`);
    }
    if (active.some((a) => a.kind === "target")) classes.push("target");
    parent.append(h(mention ? "mark" : "span", { class: classes.join(" "), title: titles.join("\n"), ...attrs }, piece));
  }
}

const SEGMENT_TAG = { title: "h3", dateline: "p", byline: "p", body: "p", caption: "p" };

/**
 * The article's text: title, dateline, byline, body and captions in order, highlighted. Text
 * the cleaner dropped (page junk) between them is shown dimmed only when `showJunk` is set.
 */
export function renderArticle(report, article, text, { showJunk = false, target = null } = {}) {
  const doc = h("div", { class: "doc", lang: "" });
  const anns = annotations(article, target);
  const actorNames = new Map(article.actors.map((a) => [a.id, a.name]));
  const junk = (s, e) => {
    // Display only (no offsets point inside): blank lines between menu items are squeezed.
    const removed = text.slice(s, e).trim().replace(/\s*\n\s*/g, "\n");
    if (showJunk && removed) doc.append(h("div", { class: "junk", title: "Removed by the cleaner" }, removed));
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
    if (seg.start > at) junk(at, seg.start);
    const el = h(SEGMENT_TAG[seg.kind] ?? "p", { class: `seg seg-${seg.kind}` });
    if (seg.kind === "caption") el.append(h("span", { class: "seg-label" }, "Caption"));
    renderRange(el, text, seg.start, seg.end, overlapping(seg.start, seg.end), actorNames);
    doc.append(el);
    at = Math.max(at, seg.end);
  }
  if (article.extent.end > at) junk(at, article.extent.end);
  if (!segments.length) doc.append(h("p", { class: "empty" }, "No article text was found in this paste."));
  return doc;
}

function swatch(type) {
  return h("span", { class: `swatch m-${type}`, "aria-hidden": "true" });
}

function section(title, count, ...children) {
  return h("section", { class: "panel-section" }, h("h3", {}, title, h("span", { class: "count" }, String(count))), ...children);
}

/** The side panel of one article: metadata, actors, quotes, flags. `onActor(id)` / `onQuote(i)` focus the text. */
export function renderPanel(article, { onActor, onQuote }) {
  const names = new Map(article.actors.map((a) => [a.id, a.name]));
  const meta = h("dl", { class: "meta" });
  for (const [k, label] of [["outlet", "Outlet"], ["date", "Date"], ["byline", "Byline"]]) {
    if (article[k]) meta.append(h("dt", {}, label), h("dd", {}, article[k]));
  }
  meta.append(h("dt", {}, "Source"), h("dd", {}, article.source));

  const byType = new Map(ACTOR_TYPES.map(([k]) => [k, []]));
  for (const a of article.actors) (byType.get(a.type) ?? byType.set(a.type, []).get(a.type)).push(a);
  const actors = h("ul", { class: "list actors" });
  for (const [, list] of byType) {
    for (const a of [...list].sort((x, y) => y.mentions.length - x.mentions.length)) {
      const aliases = a.aliases.filter((x) => x !== a.name);
      actors.append(
        h(
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
        ),
      );
    }
  }

  const quotes = h("ol", { class: "list quotes" });
  article.quotes.forEach((q, i) => {
    const who = q.speaker ? names.get(q.speaker) ?? q.speaker : null;
    const via = q.via.map((v) => names.get(v) ?? v);
    quotes.append(
      h(
        "li",
        {},
        h(
          "button",
          { type: "button", class: "item quote-item", onclick: () => onQuote(i) },
          h("span", { class: who ? "speaker" : "speaker unknown" }, who ?? "Unattributed"),
          h("span", { class: `badge q-${q.kind}` }, QUOTE_LABEL[q.kind] ?? q.kind),
          // A partial quote shows the clause it belongs to ("Putin as a “strong leader”");
          // reported speech is the reporter's wording, so it gets no quotation marks.
          h("span", { class: "qtext" }, q.content ? `…${q.content.text}…` : q.kind === "indirect" ? q.text : `“${q.text}”`),
          q.cue || via.length
            ? h("span", { class: "sub" }, q.cue ? `cue: ${q.cue.text}` : "", q.cue && via.length ? " · " : "", via.length ? `via ${via.join(" → ")}` : "")
            : null,
        ),
      ),
    );
  });

  const flags = h("ul", { class: "list flags" });
  for (const f of article.flags) {
    flags.append(h("li", {}, h("span", { class: "badge flag-badge" }, f.kind.replaceAll("_", " ")), " ", h("span", {}, f.text), f.note ? h("div", { class: "sub" }, f.note) : null));
  }
  const none = (what) => h("p", { class: "none" }, `No ${what} found.`);
  return h(
    "div",
    { class: "panel" },
    meta,
    section("Actors", article.actors.length, article.actors.length ? actors : none("actors")),
    section("Quotes", article.quotes.length, article.quotes.length ? quotes : none("quotes")),
    section("Flags", article.flags.length, article.flags.length ? flags : none("flags")),
  );
}

/**
 * Actors aligned across articles and the discrepancies between them. `labels` maps article ids
 * to their tab labels; `onItem(articleId, start, end)` shows a span in its article.
 */
export function renderAcross(report, labels, { onItem }) {
  const number = new Map(report.articles.map((a, i) => [a.id, i + 1]));
  const chip = (articleId) => h("span", { class: "chip", title: labels.get(articleId) ?? articleId }, String(number.get(articleId) ?? articleId));
  const articleOf = (memberId) => memberId.split(":")[0];
  const row = (g) => {
    const arts = [...new Set(g.members.map(articleOf))];
    const others = g.variants.filter((v) => v !== g.name);
    return h("tr", {}, h("td", {}, swatch(g.type), " ", g.name), h("td", { class: "chips" }, arts.map(chip)), h("td", { class: "dim" }, others.join(", ")));
  };
  const table = (rows) =>
    h(
      "table",
      { class: "across" },
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Actor"), h("th", { scope: "col" }, "In articles"), h("th", { scope: "col" }, "Other spellings"))),
      h("tbody", {}, rows),
    );
  const inArticles = (g) => new Set(g.members.map(articleOf)).size;
  const sorted = [...report.actors].sort((a, b) => inArticles(b) - inArticles(a) || a.name.localeCompare(b.name));
  const shared = sorted.filter((g) => inArticles(g) > 1);
  const single = sorted.filter((g) => inArticles(g) <= 1);

  const disc = h("ul", { class: "list discrepancies" });
  for (const d of report.discrepancies) {
    const items = h("ul", { class: "disc-items" });
    for (const it of d.items) {
      items.append(
        h(
          "li",
          {},
          h(
            "button",
            { type: "button", class: "item", onclick: () => onItem(it.article, it.start, it.end), title: `Show in ${labels.get(it.article) ?? it.article}` },
            chip(it.article),
            h("span", { class: "itext" }, it.text),
            it.value && it.value !== it.text ? h("span", { class: "ivalue" }, it.value) : null,
          ),
        ),
      );
    }
    disc.append(h("li", { class: "disc" }, h("div", {}, h("span", { class: "badge" }, d.kind.replaceAll("_", " ")), " ", h("span", { class: "summary" }, d.summary)), items));
  }
  return h(
    "div",
    { class: "across-view" },
    section("Discrepancies", report.discrepancies.length, report.discrepancies.length ? disc : h("p", { class: "none" }, "No disagreements found between these articles.")),
    section(
      "Actors in several articles",
      shared.length,
      shared.length ? table(shared.map(row)) : h("p", { class: "none" }, "No actor appears in more than one article."),
      single.length ? h("details", { class: "single" }, h("summary", {}, `Actors in one article only (${single.length})`), table(single.map(row))) : null,
    ),
  );
}
