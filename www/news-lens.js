// <news-lens>: the analysis as a custom element, for a newsroom's own pages.
//
//   <script type="module" src="news-lens.js"></script>
//   <news-lens>
//     <article data-source="Daily Courier">…article text…</article>
//     <article data-source="Evening Post">…</article>
//   </news-lens>
//
// or `el.articles = [{source, text}, …]` from a script. The analysis runs in a Web Worker (the
// page's worker.js and Wasm module, next to this file); the element shows one tab per article
// with every quote's speaker on screen, and a Compare tab when there are several. It fires
// `report` (detail: the report) when done and `error` (detail: the message) when refused.
// Styling from outside: CSS custom properties (--nl-accent, --nl-ink, --nl-card, --nl-person,
// --nl-organization, --nl-media, --nl-country, --nl-place, --nl-quote, --nl-font,
// --nl-reading-font) and parts (tabs, tab, article, mention, quote, speaker, diff, status).
// User text reaches the shadow DOM only as text nodes and attribute values (render.js).
import { articleNames, articleText, h, renderArticle, renderCompare } from "./render.js";

let worker = null;
let nextId = 1;
const pending = new Map();

function analyzer() {
  if (worker) return worker;
  worker = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  worker.onmessage = ({ data }) => {
    if (data.id === 0) {
      if (!data.ok) for (const done of pending.values()) done(data);
      return;
    }
    if (data.stage) return pending.get(data.id)?.stage?.(data.stage);
    const done = pending.get(data.id);
    pending.delete(data.id);
    if (data.fatal) {
      worker.terminate();
      worker = null;
    }
    done?.(data);
  };
  return worker;
}

function run(articles, onStage) {
  return new Promise((resolve) => {
    const id = nextId++;
    const done = (res) => {
      pending.delete(id);
      resolve(res);
    };
    done.stage = onStage;
    pending.set(id, done);
    analyzer().postMessage({ id, articles });
  });
}

export class NewsLens extends HTMLElement {
  #articles = null;
  #report = null;
  #texts = [];
  #names = new Map();
  #selected = 0;
  #compare = { hiddenKinds: new Set(), hiddenTypes: new Set(), actor: null };
  #focus = null;
  #root;
  #run = 0;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    this.#root.append(
      h("link", { rel: "stylesheet", href: new URL("./news-lens.css", import.meta.url).href }),
      h("p", { class: "status", part: "status", role: "status" }),
      h("div", { class: "tabs", role: "tablist", part: "tabs" }),
      h("div", { class: "view", role: "tabpanel" }),
    );
  }

  connectedCallback() {
    if (this.#articles === null) this.articles = this.#fromChildren();
  }

  /** The articles in the element: `<article data-source="…">` children (or `<template>`s, for HTML). */
  #fromChildren() {
    return [...this.children]
      .filter((el) => el.matches("article, template, [data-article]"))
      .map((el, i) => ({
        source: el.dataset.source ?? el.getAttribute("title") ?? `Article ${i + 1}`,
        text: el instanceof HTMLTemplateElement ? el.innerHTML.trim() : el.textContent.trim(),
      }))
      .filter((a) => a.text);
  }

  get articles() {
    return this.#articles ?? [];
  }

  /** Replaces the articles and analyses them: `[{source, text}]` or plain strings. */
  set articles(list) {
    this.#articles = (list ?? []).map((a, i) => (typeof a === "string" ? { source: `Article ${i + 1}`, text: a } : { source: a.source ?? `Article ${i + 1}`, text: String(a.text ?? "") }));
    this.#analyse();
  }

  /** The last report (null before the first analysis ends). */
  get report() {
    return this.#report;
  }

  #status(text) {
    this.#root.querySelector(".status").textContent = text;
  }

  async #analyse() {
    const token = ++this.#run;
    const articles = this.#articles.filter((a) => a.text.trim());
    if (!articles.length) {
      this.#status("No article to analyse.");
      return;
    }
    this.setAttribute("state", "busy");
    this.#status(`Analysing ${articles.length} article${articles.length === 1 ? "" : "s"}…`);
    const res = await run(articles, (s) => token === this.#run && this.#status(`${s}…`));
    if (token !== this.#run) return;
    if (!res.ok) {
      this.setAttribute("state", "error");
      this.#status(res.message);
      this.dispatchEvent(new CustomEvent("error", { detail: res.message }));
      return;
    }
    this.#report = res.report;
    this.#texts = articles.map((a) => a.text);
    this.#names = articleNames(res.report, this.#texts);
    this.#selected = 0;
    this.#status("");
    this.#tabs();
    this.setAttribute("state", "done");
    this.dispatchEvent(new CustomEvent("report", { detail: res.report }));
  }

  #tabs() {
    const report = this.#report;
    const labels = report.articles.map((a) => this.#names.get(a.id));
    if (report.articles.length > 1) labels.push("Compare");
    const tabs = this.#root.querySelector(".tabs");
    tabs.replaceChildren(
      ...labels.map((label, i) =>
        h(
          "button",
          {
            type: "button",
            role: "tab",
            part: "tab",
            title: label,
            onclick: () => this.#select(i),
            onkeydown: (e) => {
              const to = { ArrowRight: i + 1, ArrowLeft: i - 1 }[e.key];
              if (to === undefined) return;
              const j = (to + labels.length) % labels.length;
              this.#select(j);
              tabs.children[j].focus();
            },
          },
          label,
        ),
      ),
    );
    this.#select(0);
  }

  #select(i, target = null) {
    const report = this.#report;
    this.#selected = i;
    [...this.#root.querySelector(".tabs").children].forEach((t, j) => {
      t.setAttribute("aria-selected", String(i === j));
      t.tabIndex = i === j ? 0 : -1;
    });
    const view = this.#root.querySelector(".view");
    const article = report.articles[i];
    if (!article) {
      const texts = new Map(report.articles.map((a) => [a.id, articleText(report, a, this.#texts)]));
      view.replaceChildren(
        renderCompare(report, this.#names, texts, this.#compare, {
          onItem: (art, start, end) => this.#select(report.articles.findIndex((a) => a.id === art), { start, end }),
          onActor: (g, art) => {
            this.#focus = this.#compare.actor === g.id && !art ? null : new Set(g.members);
            this.#compare.actor = this.#focus ? g.id : null;
            if (art) this.#select(report.articles.findIndex((a) => a.id === art));
            else this.#select(i);
          },
          onFilter: () => this.#select(i),
        }),
      );
      return;
    }
    const doc = renderArticle(report, article, articleText(report, article, this.#texts), { target });
    doc.setAttribute("part", "article");
    if (this.#focus) for (const m of doc.querySelectorAll("mark[data-actor]")) if (this.#focus.has(m.dataset.actor)) m.classList.add("focus");
    view.replaceChildren(h("article", { class: "reading", "aria-label": this.#names.get(article.id) }, doc));
    doc.querySelector(".target")?.scrollIntoView({ block: "center" });
  }
}

if (!customElements.get("news-lens")) customElements.define("news-lens", NewsLens);
