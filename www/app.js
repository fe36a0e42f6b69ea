// The page: article boxes (kept in local storage), the worker that runs the analysis (with a
// Cancel that replaces it), and the results: one tab per article, "Who said what" and "Compare".
// Plain ES module, no framework. User text only ever reaches the DOM as text (see render.js).
import {
  articleBlocks,
  articleNames,
  articleText,
  groupIndex,
  h,
  renderCompare,
  renderLegend,
  renderPanel,
  renderSelection,
  renderSpeakers,
  short,
} from "./render.js";
import { actorsCSV, discrepanciesCSV, quotesCSV, toJSON, toMarkdown } from "./export.js";

const $ = (id) => document.getElementById(id);
const boxes = $("boxes");
const statusLine = $("status");
const STORE = "newslens.boxes.v1";

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

function addBox({ source = "", text = "", html = "" } = {}) {
  const ta = h("textarea", { rows: 7, spellcheck: "false", placeholder: "Paste a news article here (text, or copy from a web page: its structure is kept)" });
  ta.value = text;
  if (html) keptHtml.set(ta, html);
  const li = h(
    "li",
    { class: "box" },
    h(
      "div",
      { class: "box-head" },
      h("span", { class: "box-title" }),
      h("input", { type: "text", class: "source", placeholder: "Name it (outlet, date…), optional", "aria-label": "Article name", value: source }),
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
    save();
  });
  li.querySelector(".source").addEventListener("input", save);
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
  save();
  next?.querySelector("textarea").focus();
}

function dropHtml(li) {
  keptHtml.delete(li.querySelector("textarea"));
  updateBadge(li);
  save();
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
  save();
}

function boxContents() {
  return [...boxes.children].map((li) => {
    const ta = li.querySelector("textarea");
    return { source: li.querySelector(".source").value, text: ta.value, html: keptHtml.get(ta) ?? "" };
  });
}

function articlesToAnalyze() {
  const out = [];
  boxContents().forEach(({ source, text, html }, i) => {
    const name = source.trim() || `Article ${i + 1}`;
    if (html) out.push({ source: name, text: html.trimStart(), shown: text });
    else if (text.trim()) out.push({ source: name, text, shown: text });
  });
  return out;
}

// The boxes survive a reload: saved (debounced) after every change, restored at start. Each
// box's text is its own entry, written only when it changed, so typing a name next to a 1 MB
// paste rewrites a few bytes, not the megabyte (a long synchronous write on the page's thread).
let saveTimer = 0;
const written = new Map(); // storage key -> the value last written there

function put(key, value) {
  if (written.get(key) === value) return;
  if (value) localStorage.setItem(key, value);
  else localStorage.removeItem(key);
  written.set(key, value);
}

function save() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(writeNow, 300);
}

/** Writes what `save` would, now (a pending save before an analysis, not in the middle of it). */
function writeNow() {
  clearTimeout(saveTimer);
  saveTimer = 0;
  const list = boxContents();
  try {
    if (list.every((b) => !b.text && !b.source)) {
      forget();
      return;
    }
    list.forEach((b, i) => {
      put(`${STORE}.${i}.text`, b.text);
      put(`${STORE}.${i}.html`, b.html);
    });
    for (let i = list.length; localStorage.getItem(`${STORE}.${i}.text`) !== null || localStorage.getItem(`${STORE}.${i}.html`) !== null; i++) {
      put(`${STORE}.${i}.text`, "");
      put(`${STORE}.${i}.html`, "");
    }
    put(STORE, JSON.stringify(list.map((b) => b.source)));
  } catch {
    // Full (several MB pasted) or disabled storage: the boxes still work, they are just not kept.
    setStatus("These articles are too large to keep for the next visit; they stay until the page is closed.");
  }
}

function forget() {
  try {
    for (const key of Object.keys(localStorage)) if (key === STORE || key.startsWith(`${STORE}.`)) localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing was kept
  }
  written.clear();
}

function restore() {
  try {
    const sources = JSON.parse(localStorage.getItem(STORE) ?? "null");
    if (Array.isArray(sources) && sources.length) {
      sources.forEach((source, i) => {
        const text = localStorage.getItem(`${STORE}.${i}.text`) ?? "";
        const html = localStorage.getItem(`${STORE}.${i}.html`) ?? "";
        written.set(`${STORE}.${i}.text`, text);
        written.set(`${STORE}.${i}.html`, html);
        addBox({ source: String(source ?? ""), text, html });
      });
      written.set(STORE, JSON.stringify(sources));
      return true;
    }
  } catch {
    forget();
  }
  return false;
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
    if (data.stage) {
      onStage(data.stage);
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

/** Cancel: the worker is stopped mid-analysis and a fresh one is started for the next run. */
function cancel() {
  if (document.body.dataset.state !== "busy") return;
  worker.terminate();
  for (const done of pending.values()) done({ ok: false, cancelled: true, message: "Analysis cancelled." });
  pending.clear();
  renderToken++;
  startWorker();
}

// ---- progress --------------------------------------------------------------------------------

let stage = "";
let stageTimer = 0;
let started = 0;
function onStage(s) {
  stage = s;
  showProgress();
}
function showProgress() {
  const secs = ((performance.now() - started) / 1000).toFixed(1);
  setStatus(`${stage} (${secs} s)`);
}
function busy(on) {
  document.body.dataset.state = on ? "busy" : document.body.dataset.state;
  $("analyze").disabled = on;
  $("cancel").hidden = !on;
  $("progress").hidden = !on;
  clearInterval(stageTimer);
  if (on) {
    started = performance.now();
    stageTimer = setInterval(showProgress, 200);
  }
}

// ---- results ---------------------------------------------------------------------------------

const view = {
  report: null,
  pastes: [],
  names: new Map(),
  texts: new Map(),
  selected: 0,
  showJunk: false,
  target: null,
  focusIds: null, // article-level actor ids whose mentions are marked, in every article
  compare: { hiddenKinds: new Set(), hiddenTypes: new Set(), actor: null },
};
let renderToken = 0;

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
  if (saveTimer) writeNow();
  const t0 = performance.now();
  const chars = articles.reduce((n, a) => n + a.text.length, 0);
  stage = `Analysing ${articles.length} article${articles.length > 1 ? "s" : ""}, ${chars.toLocaleString("en")} characters`;
  busy(true);
  showProgress();
  const res = await runAnalysis(articles);
  if (res.cancelled) {
    busy(false);
    document.body.dataset.state = "cancelled";
    setStatus("Analysis cancelled. The analyzer was restarted.");
    return;
  }
  if (!res.ok) {
    busy(false);
    document.body.dataset.state = "error";
    setStatus(res.message, "error");
    return;
  }
  if (!res.report.articles.length) {
    busy(false);
    document.body.dataset.state = "error";
    $("results").hidden = true;
    setStatus("No article text was found in what was pasted.", "error");
    return;
  }
  stage = "Showing the results";
  const pastes = articles.map((a) => a.text);
  const names = articleNames(res.report, pastes);
  const texts = new Map(res.report.articles.map((a) => [a.id, articleText(res.report, a, pastes)]));
  Object.assign(view, { report: res.report, pastes, names, texts, selected: 0, target: null, focusIds: null });
  view.compare.actor = null;
  $("pastes").open = false; // the boxes fold away; the summary line opens them again
  await showResults();
  busy(false);
  const total = performance.now() - t0;
  const n = res.report.articles.length;
  const q = res.report.articles.reduce((k, a) => k + a.quotes.length, 0);
  setStatus(`${n} article${n === 1 ? "" : "s"}, ${q} quotes, ${res.report.discrepancies.length} discrepancies: analysed in ${Math.round(total)} ms (analysis ${Math.round(res.ms)} ms).`, "ok");
  document.body.dataset.state = "done";
  document.body.dataset.ms = String(Math.round(total));
}

const SPEAKERS = "speakers";
const COMPARE = "compare";
function tabList() {
  const { report, names } = view;
  const tabs = report.articles.map((a, i) => ({ key: i, label: names.get(a.id) }));
  tabs.push({ key: SPEAKERS, label: "Who said what" });
  if (report.articles.length > 1) tabs.push({ key: COMPARE, label: "Compare" });
  return tabs;
}

async function showResults() {
  $("results").hidden = false;
  scrolls.clear(); // a new report: no scroll position to go back to
  const tabs = $("tabs");
  tabs.replaceChildren();
  tabList().forEach(({ label }, i) => {
    tabs.append(
      h(
        "button",
        { type: "button", role: "tab", id: `tab-${i}`, "aria-controls": "view", title: label, onclick: () => select(i), onkeydown: tabKeys },
        h("span", { class: "tab-n", "aria-hidden": "true" }, i < view.report.articles.length ? `${i + 1}` : ""),
        label,
      ),
    );
  });
  await select(Math.min(view.selected, tabs.children.length - 1));
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

/** Scrolls the tab strip sideways to show `tab` (scrollIntoView would move the page too). */
function revealTab(tab) {
  if (!tab) return;
  const strip = tab.parentElement;
  const left = tab.offsetLeft - strip.offsetLeft;
  if (left < strip.scrollLeft) strip.scrollLeft = left;
  else if (left + tab.offsetWidth > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = left + tab.offsetWidth - strip.clientWidth;
}

/** Where the reader was in each tab, so coming back does not reset the scroll. */
const scrolls = new Map();

/** Back to where the reader was in tab `i`; a tab not seen yet starts at its top. */
function restoreScroll(i) {
  if (scrolls.has(i)) scrollTo(0, scrolls.get(i));
  else {
    const top = $("results").getBoundingClientRect().top + scrollY;
    if (scrollY > top) scrollTo(0, top);
  }
}

async function select(i, keepTarget = false) {
  const { report, names } = view;
  const token = ++renderToken;
  if (view.selected !== undefined) scrolls.set(view.selected, scrollY);
  view.selected = i;
  if (!keepTarget) view.target = null;
  [...$("tabs").children].forEach((t, j) => {
    t.setAttribute("aria-selected", String(i === j));
    t.tabIndex = i === j ? 0 : -1;
  });
  revealTab($(`tab-${i}`));
  const out = $("view");
  out.setAttribute("aria-labelledby", `tab-${i}`);
  const key = tabList()[i]?.key;
  document.body.dataset.tab = typeof key === "number" ? "article" : key;
  if (key === SPEAKERS) {
    out.replaceChildren(renderSpeakers(report, names, { onItem: showSpan }));
    restoreScroll(i);
    return;
  }
  if (key === COMPARE) {
    renderCompareView();
    restoreScroll(i);
    return;
  }
  const article = report.articles[key];
  const text = view.texts.get(article.id);
  const junkToggle = h("input", { type: "checkbox", id: "junk", checked: view.showJunk });
  junkToggle.addEventListener("change", () => {
    view.showJunk = junkToggle.checked;
    select(view.selected, true).then(() => $("junk")?.focus());
  });
  const doc = h("div", { class: "doc", lang: "", role: "group", "aria-label": "Article text; arrow keys move between highlights" });
  const panel = renderPanel(article, names.get(article.id), {
    onActor: (id) => focusActor(id, true),
    onQuote: (q) => {
      const el = doc.querySelector(`[data-quote="${q}"]`);
      if (el) selectHighlight(el, article, true);
    },
  });
  out.replaceChildren(
    h(
      "div",
      { class: "grid" },
      h(
        "article",
        { class: "reading", "aria-label": names.get(article.id) },
        h("div", { class: "reading-tools" }, h("label", { for: "junk" }, junkToggle, " Show text the cleaner removed")),
        doc,
      ),
      h("aside", { class: "side", "aria-label": "Actors, quotes and flags" }, panel),
    ),
  );
  wireHighlights(doc, article);
  await renderChunked(doc, articleBlocks(article, text, { showJunk: view.showJunk, target: view.target }), token);
  if (token !== renderToken) return;
  markFocus(doc);
  const first = doc.querySelector("[data-h]");
  if (first) first.tabIndex = 0;
  if (view.target) flash(doc, ".target");
  else if (!keepTarget) restoreScroll(i);
}

/**
 * Appends the blocks a few at a time, yielding to the browser every ~12 ms, so thousands of
 * paragraphs and highlights never freeze the page; a newer render (`token`) stops an older one.
 */
async function renderChunked(parent, blocks, token) {
  let t = performance.now();
  let n = 0;
  const frag = () => document.createDocumentFragment();
  let batch = frag();
  for (const block of blocks) {
    batch.append(block);
    n++;
    if (performance.now() - t > 12) {
      parent.append(batch);
      batch = frag();
      if (n > 40) {
        setStatus(`Showing the results: ${n.toLocaleString("en")} paragraphs…`);
      }
      await new Promise((r) => setTimeout(r, 0));
      if (token !== renderToken) return;
      t = performance.now();
    }
  }
  parent.append(batch);
}

// ---- highlights: keyboard, click, selection --------------------------------------------------

function wireHighlights(doc, article) {
  doc.addEventListener("click", (e) => {
    const el = e.target.closest("[data-h]");
    if (el && doc.contains(el)) selectHighlight(el, article, false);
  });
  doc.addEventListener("keydown", (e) => {
    const el = e.target.closest?.("[data-h]");
    if (!el) return;
    const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity }[e.key];
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      if (el.dataset.actor) focusActor(el.dataset.actor, false);
      return;
    }
    if (step === undefined) return;
    e.preventDefault();
    const all = [...doc.querySelectorAll("[data-h]")];
    const i = all.indexOf(el);
    const j = step === Infinity ? all.length - 1 : step === -Infinity ? 0 : Math.max(0, Math.min(all.length - 1, i + step));
    selectHighlight(all[j], article, true);
  });
  doc.addEventListener("focusin", (e) => {
    const el = e.target.closest?.("[data-h]");
    if (el) showSelection(el, article);
  });
}

function selectHighlight(el, article, moveFocus) {
  const doc = el.closest(".doc");
  for (const x of doc.querySelectorAll('[data-h][tabindex="0"]')) x.tabIndex = -1;
  el.tabIndex = 0;
  if (moveFocus || document.activeElement !== el) el.focus({ preventScroll: !moveFocus });
  if (moveFocus) el.scrollIntoView({ block: "nearest" });
  doc.querySelectorAll(".selected").forEach((x) => x.classList.remove("selected"));
  const q = el.dataset.quote;
  (q !== undefined ? doc.querySelectorAll(`[data-quote="${q}"]`) : [el]).forEach((x) => x.classList.add("selected"));
  showSelection(el, article);
}

let quiet = false;
function showSelection(el, article) {
  const card = $("selection");
  if (!card || quiet) return;
  const groups = groupIndex(view.report);
  const elsewhere = (actor) => {
    const g = groups.get(actor.id);
    if (!g) return [];
    return [...new Set(g.members.map((m) => m.split(":")[0]))].filter((a) => a !== article.id).map((a) => short(view.names.get(a) ?? a));
  };
  const quoteIndex = el.dataset.quote === undefined ? null : Number(el.dataset.quote);
  const onClose = () => {
    card.replaceChildren(h("p", { class: "none" }, "Select a highlight to see who it is or who said it."));
    quiet = true; // back to the highlight without showing it again
    el.focus({ preventScroll: true });
    quiet = false;
  };
  card.replaceChildren(...renderSelection(article, { actorId: el.dataset.actor, quoteIndex }, { elsewhere, onActor: (id) => focusActor(id, true), onClose }));
  document.querySelectorAll(".side .item.active").forEach((x) => x.classList.remove("active"));
  document.querySelectorAll(`.side .item[data-quote="${quoteIndex}"]`).forEach((x) => x.classList.add("active"));
}

/**
 * Marks an actor's mentions, in this article and, through its cross-article group, in every
 * other one. Selecting the marked actor again clears the marks.
 */
function focusActor(id, scroll) {
  const g = groupIndex(view.report).get(id);
  const ids = new Set(g ? g.members : [id]);
  const same = view.focusIds && [...ids].every((x) => view.focusIds.has(x));
  view.focusIds = same ? null : ids;
  view.compare.actor = same ? null : g?.id ?? null;
  const doc = document.querySelector(".doc");
  if (doc) {
    markFocus(doc);
    if (scroll && !same) doc.querySelector("mark.focus")?.scrollIntoView({ block: "center", behavior: "smooth" });
  }
}

function markFocus(doc) {
  doc.querySelectorAll("mark.focus").forEach((m) => m.classList.remove("focus"));
  document.querySelectorAll(".side .actors .item.active").forEach((el) => el.classList.remove("active"));
  if (!view.focusIds) return;
  for (const m of doc.querySelectorAll("mark[data-actor]")) if (view.focusIds.has(m.dataset.actor)) m.classList.add("focus");
  document.querySelectorAll(".side .actors .item[data-actor]").forEach((b) => view.focusIds.has(b.dataset.actor) && b.classList.add("active"));
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

function renderCompareView() {
  const out = $("view");
  const y = scrollY;
  const openKeys = new Set([...out.querySelectorAll("details.disc[open]")].map((d) => d.querySelector(".summary")?.textContent));
  const focusedLabel = document.activeElement?.closest?.(".compare-view") ? document.activeElement.textContent : null;
  out.replaceChildren(
    renderCompare(view.report, view.names, view.texts, view.compare, {
      onItem: showSpan,
      onActor: (g, art) => {
        const same = view.compare.actor === g.id && !art;
        view.compare.actor = same ? null : g.id;
        view.focusIds = same ? null : new Set(g.members);
        if (art) {
          const i = view.report.articles.findIndex((a) => a.id === art);
          select(i).then(() => document.querySelector(".doc mark.focus")?.scrollIntoView({ block: "center" }));
          return;
        }
        renderCompareView();
      },
      onFilter: renderCompareView,
    }),
  );
  for (const d of out.querySelectorAll("details.disc")) if (openKeys.has(d.querySelector(".summary")?.textContent)) d.open = true;
  if (focusedLabel) [...out.querySelectorAll("button")].find((b) => b.textContent === focusedLabel)?.focus();
  scrollTo(0, y);
}

// ---- export ----------------------------------------------------------------------------------

function download(name, type, body) {
  const url = URL.createObjectURL(new Blob([body], { type }));
  const a = h("a", { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

const EXPORTS = {
  json: ["newslens-report.json", "application/json", () => toJSON(view.report, view.names, view.pastes)],
  md: ["newslens-brief.md", "text/markdown", () => toMarkdown(view.report, view.names)],
  quotes: ["newslens-quotes.csv", "text/csv", () => quotesCSV(view.report, view.names)],
  actors: ["newslens-actors.csv", "text/csv", () => actorsCSV(view.report, view.names)],
  discrepancies: ["newslens-discrepancies.csv", "text/csv", () => discrepanciesCSV(view.report, view.names)],
};

function exportAs(kind) {
  if (!view.report) return;
  const [name, type, make] = EXPORTS[kind];
  download(name, `${type};charset=utf-8`, make());
  $("export").open = false;
}

async function copyBrief() {
  try {
    await navigator.clipboard.writeText(toMarkdown(view.report, view.names));
    setStatus("The brief (Markdown) is on the clipboard.", "ok");
  } catch {
    setStatus("The clipboard is not available here: use Download instead.", "error");
  }
  $("export").open = false;
}

/**
 * Opens a report exported as JSON (Export > Report): its articles come back in the boxes and
 * its results on screen, without analysing again. Only the fields the page reads are checked.
 */
async function openReport(file) {
  try {
    const report = JSON.parse(await file.text());
    const ok =
      report?.version === 1 &&
      Array.isArray(report.inputs) &&
      Array.isArray(report.articles) &&
      report.articles.every((a) => Number.isInteger(a.input) && typeof report.inputs[a.input]?.text === "string" && Array.isArray(a.actors) && Array.isArray(a.quotes));
    if (!ok) throw new Error("this is not a newslens report exported as JSON");
    report.actors ??= [];
    report.discrepancies ??= [];
    const pastes = report.inputs.map((inp) => inp.text);
    boxes.replaceChildren();
    report.inputs.forEach((inp) => addBox({ source: String(inp.source ?? ""), text: inp.text }));
    save();
    const names = articleNames(report, pastes);
    const texts = new Map(report.articles.map((a) => [a.id, articleText(report, a, pastes)]));
    Object.assign(view, { report, pastes, names, texts, selected: 0, target: null, focusIds: null });
    $("pastes").open = false;
    await showResults();
    document.body.dataset.state = "done";
    setStatus(`Opened ${file.name}: ${report.articles.length} article${report.articles.length === 1 ? "" : "s"}.`, "ok");
  } catch (err) {
    setStatus(`Could not open ${file.name}: ${err.message}`, "error");
  }
}

// ---- example and wiring ----------------------------------------------------------------------

async function loadExample() {
  setStatus("Loading the example articles…");
  try {
    const names = await (await fetch("seeds/index.json")).json();
    const texts = await Promise.all(
      names.map(async (n) => {
        const r = await fetch(`seeds/${encodeURIComponent(n)}`);
        if (!r.ok) throw new Error(`${n}: ${r.status}`);
        return r.text();
      }),
    );
    boxes.replaceChildren();
    $("pastes").open = true;
    names.forEach((n, i) => addBox({ source: n, text: texts[i] }));
    save();
    setStatus(`Loaded ${names.length} example articles. Press Analyze.`);
    $("analyze").focus();
  } catch (err) {
    setStatus(`Could not load the example: ${err.message}`, "error");
  }
}

function clearAll() {
  cancel();
  boxes.replaceChildren();
  $("pastes").open = true;
  addBox();
  forget();
  clearTimeout(saveTimer);
  $("results").hidden = true;
  view.report = null;
  document.body.dataset.state = "idle";
  setStatus("Cleared: nothing is kept on this computer.");
  boxes.querySelector("textarea").focus();
}

$("add").addEventListener("click", () => {
  $("pastes").open = true;
  addBox().querySelector("textarea").focus();
  save();
});
$("example").addEventListener("click", loadExample);
$("clear").addEventListener("click", clearAll);
$("analyze").addEventListener("click", analyze);
$("cancel").addEventListener("click", cancel);
$("open").addEventListener("click", () => $("open-file").click());
$("open-file").addEventListener("change", (e) => {
  const file = e.target.files?.[0];
  e.target.value = "";
  if (file) openReport(file);
});
for (const b of document.querySelectorAll("[data-export]")) b.addEventListener("click", () => exportAs(b.dataset.export));
$("copy-md").addEventListener("click", copyBrief);
// The export menu closes on a click elsewhere or Escape, like a menu.
document.addEventListener("click", (e) => {
  if ($("export").open && !$("export").contains(e.target)) $("export").open = false;
});
$("export").addEventListener("keydown", (e) => {
  if (e.key === "Escape") {
    $("export").open = false;
    $("export").querySelector("summary").focus();
  }
});
document.addEventListener("keydown", (e) => {
  if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    analyze();
  } else if (e.key === "Escape" && document.body.dataset.state === "busy") cancel();
});
$("legend").append(renderLegend());
if (matchMedia("(max-width: 700px)").matches) $("legend-box").open = false;
startWorker();
if (!restore()) addBox();
else setStatus("Your articles from last time are back. Clear removes them from this computer.");
document.body.dataset.state = "idle";
// Offline and installable: the service worker keeps the page, the analyzer and the example.
if ("serviceWorker" in navigator && location.protocol !== "file:") {
  navigator.serviceWorker.register("sw.js").catch(() => {});
}
