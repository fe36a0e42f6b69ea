// The reading and compare views with three outlets' coverage of one story (helpers.mjs STORY):
// speakers shown without hovering, highlights reached and selected from the keyboard or by a
// click, quotes grouped by speaker, an actor marked in every article, a discrepancy opened
// side by side with the changed words marked, the exports read back, the boxes kept over a reload.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { OUT, STORY, analyzeArticles, start } from "./helpers.mjs";

let env;
let page;
before(async () => {
  env = await start();
  page = await env.open();
  await analyzeArticles(page, STORY);
});
after(async () => env?.stop());

test("one name per article: the typed name on every tab", async () => {
  const tabs = await page.$$eval('[role="tab"]', (ts) => ts.map((t) => t.title));
  assert.deepEqual(tabs, ["Daily Courier", "Evening Post", "Morning Star", "Who said what", "Compare"]);
  assert.match(await page.textContent(".side .meta"), /Daily Courier/);
});

test("the speaker of every quote is on screen without hovering", async () => {
  for (let i = 0; i < 3; i++) {
    await page.click(`#tab-${i}`);
    await page.waitForSelector(".doc .who");
    const labels = await page.$$eval(".doc .who", (els) => els.map((e) => getComputedStyle(e, "::before").content));
    assert.ok(labels.some((l) => l.includes("John Smith")), `article ${i + 1} labels John Smith: ${labels}`);
    assert.ok(labels.some((l) => l.includes("Mary Jones")), `article ${i + 1} labels Mary Jones: ${labels}`);
    // Visible: the label has a size on screen.
    const box = await page.$eval(".doc .who", (e) => e.getBoundingClientRect().width);
    assert.ok(box > 20, `label is drawn (${box}px)`);
  }
  await page.click("#tab-0");
  await page.screenshot({ path: join(OUT, "story-1280.png") });
});

test("clicking a highlight shows its quote or actor in the panel", async () => {
  await page.click("#tab-0");
  await page.click('.doc [data-quote="0"]');
  const card = await page.textContent("#selection");
  assert.match(card, /John Smith/);
  assert.match(card, /good day for Springfield/);
  await page.click(".doc mark[data-actor]");
  assert.ok(await page.$("#selection .actor-card"), "an actor card");
});

test("keyboard only: into the text, along the highlights, Enter marks the actor", async () => {
  await page.click("#tab-0");
  await page.focus("#junk");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.hasAttribute("data-h")), true, "Tab reaches the first highlight");
  const first = await page.evaluate(() => document.activeElement.textContent);
  await page.keyboard.press("ArrowRight");
  const second = await page.evaluate(() => document.activeElement.textContent);
  assert.notEqual(first, second, "ArrowRight moves to the next highlight");
  assert.ok((await page.textContent("#selection")).trim().length > 0, "the panel shows the selection");
  // Only one highlight is a tab stop (roving tabindex): Tab leaves the text.
  assert.equal(await page.$$eval('.doc [data-h][tabindex="0"]', (els) => els.length), 1);
  // Walk to a person and press Enter: its mentions are marked.
  for (let i = 0; i < 20; i++) {
    if (await page.evaluate(() => document.activeElement.matches("mark.m-person"))) break;
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("Enter");
  assert.ok((await page.$$("mark.focus")).length > 0, "Enter marks the actor's mentions");
  await page.keyboard.press("Enter"); // again: unmarked
  assert.equal((await page.$$("mark.focus")).length, 0);
  // Tabs from the keyboard.
  await page.focus("#tab-0");
  await page.keyboard.press("End");
  assert.equal(await page.evaluate(() => document.activeElement.title), "Compare");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.ok(await page.evaluate(() => document.activeElement.closest(".compare-view, .export, .legend") !== null), "Tab goes on into the view");
});

test("who said what groups quotes by speaker across articles", async () => {
  await page.click("#tab-3");
  await page.waitForSelector(".speakers-view");
  const groups = await page.$$eval(".speaker-group", (gs) => gs.map((g) => [g.querySelector(".name").textContent, g.querySelectorAll("li").length]));
  const smith = groups.find(([n]) => n === "John Smith");
  assert.ok(smith, `John Smith is a group: ${JSON.stringify(groups)}`);
  assert.equal(smith[1], 3, "his three quotes, one per article");
  const chips = await page.$$eval(".speaker-group[open] .chip", (cs) => cs.map((c) => c.title));
  assert.ok(["Daily Courier", "Evening Post", "Morning Star"].every((n) => chips.includes(n)), `articles named: ${chips}`);
});

test("compare: a discrepancy opens side by side with the changed words marked", async () => {
  await page.click("#tab-4");
  await page.waitForSelector(".compare-view");
  const kinds = await page.$$eval(".kind-group", (gs) => gs.map((g) => g.dataset.kind));
  assert.ok(kinds.includes("quote_wording"), `grouped by kind: ${kinds}`);
  const wording = '.kind-group[data-kind="quote_wording"] .disc';
  const summary = await page.textContent(`${wording} .summary`);
  assert.ok(!/\ba\d\b/.test(summary), `article ids become names: ${summary}`);
  await page.click(`${wording} > summary`);
  await page.waitForSelector(".disc[open] .col");
  const cols = await page.$$eval(".disc[open] .col", (cs) => cs.map((c) => [c.querySelector(".chip").title, [...c.querySelectorAll("mark.diff")].map((m) => m.textContent).join(" ")]));
  assert.ok(cols.length >= 2, "passages side by side");
  // The analyzer's marks: the one word that differs inside the stretch both quote.
  const marked = cols.map(([, m]) => m).join(" ");
  assert.match(marked, /good/);
  assert.match(marked, /great/);
  // "We will keep fighting" is an excerpt of "We will keep fighting this plan": no discrepancy.
  const all = await page.$$eval(".disc .summary", (ss) => ss.map((s) => s.textContent).join("\n"));
  assert.ok(!/keep fighting/.test(all), all);
  const layout = await page.$$eval(".disc[open] .col", (cs) => cs.map((c) => c.getBoundingClientRect().top));
  assert.equal(layout[0], layout[1], "columns on one row at desktop width");
  await page.screenshot({ path: join(OUT, "compare-1280.png") });
  // From the keyboard: a discrepancy opens with Enter, and "Show in the article" goes there.
  await page.click(`${wording} > summary`); // closed again
  await page.focus(`${wording} > summary`);
  await page.keyboard.press("Enter");
  await page.waitForSelector(".disc[open] .col");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  assert.equal(await page.evaluate(() => document.activeElement.textContent), "Show in the article");
  await page.keyboard.press("Enter");
  await page.waitForSelector(".doc .target");
  assert.match(await page.textContent(".doc .target"), /This is a (good|great) day for/);
  await page.click("#tab-4");
  // Filter by kind hides the group.
  await page.click('.filters button:has-text("Quote wording")');
  assert.equal(await page.$$eval('.kind-group[data-kind="quote_wording"]', (g) => g.length), 0);
  await page.click('.filters button:has-text("Quote wording")');
  assert.equal(await page.$$eval('.kind-group[data-kind="quote_wording"]', (g) => g.length), 1);
});

test("compare: selecting an actor marks its mentions in every article", async () => {
  await page.click("#tab-4");
  await page.click('.across button[data-group]:has-text("Mary Jones")');
  for (let i = 0; i < 3; i++) {
    await page.click(`#tab-${i}`);
    await page.waitForSelector(".doc mark.focus");
    const marked = await page.$$eval(".doc mark.focus", (ms) => ms.map((m) => m.textContent));
    assert.ok(marked.length > 0 && marked.every((t) => /Mary|Jones|she/i.test(t)), `article ${i + 1}: ${marked}`);
  }
});

async function exported(kind) {
  await page.click("#export > summary");
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export="${kind}"]`)]);
  return [dl.suggestedFilename(), readFileSync(await dl.path(), "utf8")];
}

test("export JSON, Markdown and CSV, and read them back", async () => {
  const [jname, json] = await exported("json");
  assert.equal(jname, "newslens-report.json");
  const report = JSON.parse(json);
  assert.equal(report.version, 1);
  assert.deepEqual(report.articles.map((a) => a.name), ["Daily Courier", "Evening Post", "Morning Star"]);
  // Self-contained: every quote's offsets point into its input's text.
  for (const a of report.articles)
    for (const q of a.quotes) {
      const t = report.inputs[a.input].text;
      const words = q.parts ? q.parts.map((p) => t.slice(p.start, p.end)).join(" ") : t.slice(q.start, q.end);
      assert.equal(words, q.text);
    }

  // Read back into the page: Open report shows the same tabs and fills the boxes.
  const saved = join(OUT, "story-report.json");
  writeFileSync(saved, json);
  await page.setInputFiles("#open-file", saved);
  await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Opened"));
  assert.deepEqual(await page.$$eval('[role="tab"]', (ts) => ts.map((t) => t.title)), ["Daily Courier", "Evening Post", "Morning Star", "Who said what", "Compare"]);
  assert.deepEqual(await page.$$eval("#boxes .source", (is) => is.map((i) => i.value)), ["Daily Courier", "Evening Post", "Morning Star"]);
  const bad = join(OUT, "not-a-report.json");
  writeFileSync(bad, '{"hello": "<img src=x onerror=alert(1)>"}');
  await page.setInputFiles("#open-file", bad);
  await page.waitForFunction(() => document.querySelector("#status").textContent.startsWith("Could not open"));

  const [, md] = await exported("md");
  assert.match(md, /^# Brief: 3 articles compared/);
  assert.match(md, /## Where the articles differ/);
  assert.match(md, /\*\*John Smith\*\* \(direct quote\): “This is a good day for Springfield,”/);
  assert.doesNotMatch(md, /\(a\d/);

  const [, quotes] = await exported("quotes");
  const rows = quotes.trim().split("\r\n");
  assert.equal(rows[0], "article,article_id,speaker,speaker_type,speaker_group,kind,text,cue,via,start,end");
  assert.equal(rows.length - 1, report.articles.reduce((n, a) => n + a.quotes.length, 0));
  assert.ok(rows.some((r) => r.startsWith("Daily Courier,a1,John Smith,person,")), rows.join("\n"));
  const [, actors] = await exported("actors");
  assert.match(actors, /^article,article_id,actor_id,group,name,type,roles,aliases,mentions\r\n/);
  assert.match(actors, /Evening Post,a2,a2:p\d,g\d+,Mary Jones,person,/);
  const [, disc] = await exported("discrepancies");
  assert.equal(disc.trim().split("\r\n").length - 1, report.discrepancies.reduce((n, d) => n + d.items.length, 0));
});

test("the boxes survive a reload; Clear forgets them", async () => {
  await page.waitForTimeout(400); // the save is debounced
  await page.reload();
  await page.waitForSelector("#version:not(:empty)");
  const kept = await page.$$eval("#boxes > li", (lis) => lis.map((li) => [li.querySelector(".source").value, li.querySelector("textarea").value]));
  assert.deepEqual(kept, STORY.map((a) => [a.source, a.text]));
  await page.click("#clear");
  await page.reload();
  await page.waitForSelector("#version:not(:empty)");
  const after = await page.$$eval("#boxes textarea", (tas) => tas.map((t) => t.value));
  assert.deepEqual(after, [""]);
  assert.deepEqual(env.errors, []);
});

test("fields the report is growing are rendered: quote parts, stories, an item's own diff", async () => {
  const out = await page.evaluate(async () => {
    const { renderArticle, renderCompare } = await import("./render.js");
    const text = "“We will,” said Jane Doe, “keep fighting.” Officials said 40 died.";
    const other = "Officials said 45 died.";
    const span = (s) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
    const jane = { id: "a1:p1", name: "Jane Doe", type: "person", aliases: ["Jane Doe"], roles: [], role_evidence: [], mentions: [{ ...span("Jane Doe"), text: "Jane Doe" }] };
    const q = { ...span("We will,” said Jane Doe, “keep fighting."), text: "We will keep fighting", kind: "direct", speaker: "a1:p1", speaker_span: null, cue: null, via: [], parts: [span("We will,"), span("keep fighting.")] };
    const art = (id, input, t, extra) => ({ id, source: id, input, title: null, date: null, outlet: null, byline: null, extent: { start: 0, end: t.length }, body: [{ start: 0, end: t.length }], segments: [], actors: [], quotes: [], flags: [], ...extra });
    const report = {
      version: 1,
      inputs: [{ source: "a1", html: false }, { source: "a2", html: false }],
      articles: [art("a1", 0, text, { actors: [jane], quotes: [q] }), art("a2", 1, other)],
      stories: [{ id: "s1", articles: ["a1", "a2"] }],
      actors: [],
      discrepancies: [
        {
          kind: "number",
          summary: "deaths: 40 (a1) vs 45 (a2)",
          items: [
            { article: "a1", start: text.indexOf("40"), end: text.indexOf("40") + 9, text: "40 died.", value: "40", diff: [{ op: "replace", text: "40" }, { op: "equal", text: " died." }] },
            { article: "a2", start: other.indexOf("45"), end: other.indexOf("45") + 2, text: "45", value: "45" },
          ],
        },
      ],
    };
    const doc = renderArticle(report, report.articles[0], text);
    const names = new Map([["a1", "Courier"], ["a2", "Post"]]);
    const view = renderCompare(report, names, new Map([["a1", text], ["a2", other]]), { hiddenKinds: new Set(), hiddenTypes: new Set() }, { onItem() {}, onActor() {}, onFilter() {} });
    document.body.append(view);
    const det = view.querySelector("details.disc");
    det.open = true;
    await new Promise((r) => setTimeout(r, 50));
    const res = {
      pieces: [...doc.querySelectorAll('[data-quote="0"]')].map((e) => e.textContent),
      labels: [...doc.querySelectorAll(".who")].map((e) => e.dataset.who),
      story: view.querySelector(".story-head")?.textContent,
      kind: view.querySelector(".kind-group h4")?.textContent,
      diffs: [...view.querySelectorAll("mark.diff")].map((m) => m.textContent),
      summary: view.querySelector(".summary").textContent,
    };
    view.remove();
    return res;
  });
  // The cue between the two parts is not highlighted as the quote; one label for the quote.
  assert.deepEqual(out.pieces, ["We will,", "keep fighting."]);
  assert.deepEqual(out.labels, ["Jane Doe"]);
  assert.equal(out.story, "Story 1: Courier · Post");
  assert.match(out.kind, /^Numbers1$/);
  assert.deepEqual(out.diffs, ["40", "45"], "the item's own diff, and a computed one for the other");
  assert.equal(out.summary, "deaths: 40 (Courier) vs 45 (Post)");
});
