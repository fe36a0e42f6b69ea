// The page: article boxes, the worker that runs the analysis, and the results view.
// Plain ES module, no framework. User text only ever reaches the DOM as text (see render.js).
import { articleName, articleText, h, renderAcross, renderArticle, renderLegend, renderPanel } from "./render.js";

const $ = (id) => document.getElementById(id);
const boxes = $("boxes");
const statusLine = $("status");

// ---- article boxes -------------------------------------------------------------------------

/** HTML kept from a paste, per textarea, for the cleaner to use the page's structure. */
const keptHtml = new WeakMap();

function renumber() {
  const n = boxes.children.length;
  $("pastes-count").textContent = `${n} article${n === 1 ? "" : "s"}`;
  [...boxes.children].forEach((li, i) => {
    li.querySelector(".box-title").textContent = `Article ${i + 1}`;
    li.querySelector("textarea").setAttribute("aria-label", `Article ${i + 1} text`);
    li.querySelector(".remove").setAttribute("aria-label", `Remove article ${i + 1}`);
    li.querySelector(".remove").disabled = boxes.children.length === 1;
  });
}

function updateBadge(li) {
  const ta = li.querySelector("textarea");
  const badge = li.querySelector(".html-badge");
  const chars = li.querySelector(".chars");
  badge.hidden = !keptHtml.has(ta);
  const n = ta.value.length;
  chars.textContent = n ? `${n.toLocaleString("en")} characters` : "";
}

function addBox({ source = "", text = "" } = {}) {
  const ta = h("textarea", { rows: 7, spellcheck: "false", placeholder: "Paste a news article here (text, or copy from a web page: its structure is kept)" });
  ta.value = text;
  const li = h(
    "li",
    { class: "box" },
    h(
      "div",
      { class: "box-head" },
      h("span", { class: "box-title" }),
      h("input", { type: "text", class: "source", placeholder: "Name or URL (optional)", "aria-label": "Article name", value: source }),
      h("button", { type: "button", class: "remove icon", title: "Remove this article", onclick: () => removeBox(li) }, "✕"),
    ),
    ta,
    h(
      "div",
      { class: "box-foot" },
      h("span", { class: "chars" }),
      h(
        "span",
        { class: "html-badge", hidden: true },
        "Pasted as HTML: page structure will be used ",
        h("button", { type: "button", class: "link", onclick: () => dropHtml(li) }, "use plain text"),
      ),
    ),
  );
  ta.addEventListener("paste", (e) => onPaste(e, li));
  ta.addEventListener("input", () => {
    // Any edit after an HTML paste makes the text the reader sees authoritative again.
    keptHtml.delete(ta);
    updateBadge(li);
  });
  boxes.append(li);
  renumber();
  updateBadge(li);
  return li;
}

function removeBox(li) {
  if (boxes.children.length === 1) return;
  const next = li.nextElementSibling ?? li.previousElementSibling;
  li.remove();
  renumber();
  next?.querySelector("textarea").focus();
}

function dropHtml(li) {
  keptHtml.delete(li.querySelector("textarea"));
  updateBadge(li);
  li.querySelector("textarea").focus();
}

/**
 * A paste that replaces the whole box and carries a text/html flavour keeps that HTML (the
 * cleaner reads headings, paragraphs and figure captions from it); the box shows the plain text.
 * Pasting into part of a box is an ordinary text paste.
 */
function onPaste(e, li) {
  const ta = li.querySelector("textarea");
  const html = e.clipboardData?.getData("text/html") ?? "";
  const plain = e.clipboardData?.getData("text/plain") ?? "";
  const replacesAll = ta.selectionStart === 0 && ta.selectionEnd === ta.value.length;
  if (!html.trim() || !replacesAll) return;
  e.preventDefault();
  ta.value = plain;
  keptHtml.set(ta, html);
  updateBadge(li);
}

function articlesToAnalyze() {
  const out = [];
  [...boxes.children].forEach((li, i) => {
    const ta = li.querySelector("textarea");
    const name = li.querySelector(".source").value.trim() || `Article ${i + 1}`;
    const html = keptHtml.get(ta);
    if (html) out.push({ source: name, text: html.trimStart(), shown: ta.value });
    else if (ta.value.trim()) out.push({ source: name, text: ta.value, shown: ta.value });
  });
  return out;
}

// ---- the worker ------------------------------------------------------------------------------

let worker = null;
let nextId = 1;
const pending = new Map();

function startWorker() {
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.id === 0) {
      if (data.ok) $("version").textContent = `newslens ${data.version}`;
      else setStatus(data.message, "error");
      return;
    }
    const done = pending.get(data.id);
    pending.delete(data.id);
    if (data.fatal) {
      worker.terminate();
      startWorker();
    }
    done?.(data);
  };
  worker.onerror = (e) => {
    setStatus(`The analyzer could not start: ${e.message ?? "unknown error"}`, "error");
    for (const done of pending.values()) done({ ok: false, message: "the analyzer stopped" });
    pending.clear();
  };
}

function runAnalysis(articles) {
  return new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    worker.postMessage({ id, articles: articles.map(({ source, text }) => ({ source, text })) });
  });
}

// ---- results ---------------------------------------------------------------------------------

const view = { report: null, pastes: [], selected: 0, showJunk: false, target: null };

function setStatus(text, kind = "") {
  statusLine.textContent = text;
  statusLine.className = `status ${kind}`;
}

async function analyze() {
  if (document.body.dataset.state === "busy") return; // Ctrl+Enter while an analysis runs
  const articles = articlesToAnalyze();
  if (!articles.length) {
    setStatus("Paste an article first (or Load example).", "error");
    boxes.querySelector("textarea")?.focus();
    return;
  }
  const t0 = performance.now();
  document.body.dataset.state = "busy";
  $("analyze").disabled = true;
  setStatus(`Analysing ${articles.length} article${articles.length > 1 ? "s" : ""}…`);
  const res = await runAnalysis(articles);
  $("analyze").disabled = false;
  if (!res.ok) {
    document.body.dataset.state = "error";
    setStatus(res.message, "error");
    return;
  }
  if (!res.report.articles.length) {
    document.body.dataset.state = "error";
    $("results").hidden = true;
    setStatus("No article text was found in what was pasted.", "error");
    return;
  }
  Object.assign(view, { report: res.report, pastes: articles.map((a) => a.text), selected: 0, target: null });
  showResults();
  $("pastes").open = false; // the boxes fold away; the summary line opens them again
  const total = performance.now() - t0;
  const n = res.report.articles.length;
  setStatus(`${n} article${n === 1 ? "" : "s"} analysed in ${Math.round(total)} ms (analysis ${Math.round(res.ms)} ms).`, "ok");
  document.body.dataset.state = "done";
  document.body.dataset.ms = String(Math.round(total));
}

function label(article, i) {
  const name = articleName(article, articleText(view.report, article, view.pastes));
  return `${i + 1}. ${name.length > 28 ? `${name.slice(0, 26)}…` : name}`;
}

function showResults() {
  const { report } = view;
  $("results").hidden = false;
  const tabs = $("tabs");
  tabs.replaceChildren();
  const names = report.articles.map((a, i) => label(a, i));
  if (report.articles.length > 1) names.push("Across articles");
  names.forEach((name, i) => {
    tabs.append(
      h(
        "button",
        { type: "button", role: "tab", id: `tab-${i}`, "aria-controls": "view", onclick: () => select(i), onkeydown: tabKeys },
        name,
      ),
    );
  });
  select(Math.min(view.selected, names.length - 1), false);
}

function tabKeys(e) {
  const tabs = [...$("tabs").children];
  const i = tabs.indexOf(e.currentTarget);
  const to = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
  if (to === undefined) return;
  e.preventDefault();
  const j = (to + tabs.length) % tabs.length;
  select(j);
  tabs[j].focus();
}

function select(i, keepTarget = false) {
  const { report } = view;
  view.selected = i;
  if (!keepTarget) view.target = null;
  [...$("tabs").children].forEach((t, j) => {
    t.setAttribute("aria-selected", String(i === j));
    t.tabIndex = i === j ? 0 : -1;
  });
  const out = $("view");
  out.setAttribute("aria-labelledby", `tab-${i}`);
  const article = report.articles[i];
  if (!article) {
    const labels = new Map(report.articles.map((a, j) => [a.id, label(a, j)]));
    out.replaceChildren(renderAcross(report, labels, { onItem: showSpan }));
    return;
  }
  const text = articleText(report, article, view.pastes);
  const junkToggle = h("input", { type: "checkbox", id: "junk", checked: view.showJunk });
  junkToggle.addEventListener("change", () => {
    view.showJunk = junkToggle.checked;
    select(view.selected, true);
    $("junk").focus();
  });
  const doc = renderArticle(report, article, text, { showJunk: view.showJunk, target: view.target });
  const panel = renderPanel(article, { onActor: (id) => focusActor(doc, id), onQuote: (q) => flash(doc, `[data-quote="${q}"]`) });
  out.replaceChildren(
    h(
      "div",
      { class: "grid" },
      h(
        "article",
        { class: "reading", "aria-label": articleName(article, text) },
        h("div", { class: "reading-tools" }, h("label", { for: "junk" }, junkToggle, " Show text the cleaner removed")),
        doc,
      ),
      h("aside", { class: "side", "aria-label": "Actors, quotes and flags" }, panel),
    ),
  );
  if (view.target) flash(doc, ".target");
}

function focusActor(doc, id) {
  const on = doc.querySelectorAll(`.focus`);
  const same = on.length && on[0].dataset.actor === id;
  on.forEach((el) => el.classList.remove("focus"));
  document.querySelectorAll(".side .item.active").forEach((el) => el.classList.remove("active"));
  if (same) return;
  const marks = [...doc.querySelectorAll("mark[data-actor]")].filter((m) => m.dataset.actor === id);
  marks.forEach((m) => m.classList.add("focus"));
  document.querySelectorAll(".side .item[data-actor]").forEach((b) => b.dataset.actor === id && b.classList.add("active"));
  marks[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function flash(doc, selector) {
  const els = doc.querySelectorAll(selector);
  els.forEach((el) => {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  });
  els[0]?.scrollIntoView({ block: "center", behavior: "smooth" });
}

function showSpan(articleId, start, end) {
  const i = view.report.articles.findIndex((a) => a.id === articleId);
  if (i < 0) return;
  view.target = { start, end };
  select(i, true);
  $(`tab-${i}`).focus();
}

// ---- example and wiring ----------------------------------------------------------------------

async function loadExample() {
  setStatus("Loading the example articles…");
  try {
    const names = await (await fetch("seeds/index.json")).json();
    const texts = await Promise.all(names.map(async (n) => (await fetch(`seeds/${encodeURIComponent(n)}`)).text()));
    boxes.replaceChildren();
    $("pastes").open = true;
    names.forEach((n, i) => addBox({ source: n, text: texts[i] }));
    setStatus(`Loaded ${names.length} example articles. Press Analyze.`);
    $("analyze").focus();
  } catch (err) {
    setStatus(`Could not load the example: ${err.message}`, "error");
  }
}

$("add").addEventListener("click", () => {
  $("pastes").open = true;
  addBox().querySelector("textarea").focus();
});
$("example").addEventListener("click", loadExample);
$("clear").addEventListener("click", () => {
  boxes.replaceChildren();
  $("pastes").open = true;
  addBox();
  $("results").hidden = true;
  setStatus("");
  boxes.querySelector("textarea").focus();
});
$("analyze").addEventListener("click", analyze);
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyze();
  }
});
$("legend").append(renderLegend());
startWorker();
addBox();
document.body.dataset.state = "idle";
