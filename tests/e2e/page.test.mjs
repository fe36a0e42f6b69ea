// End to end: the built page (www/, after scripts/build-www.sh) served on 127.0.0.1 and driven
// in Debian's headless Chromium through playwright-core. Run: node --test tests/e2e/
//
// Checks what a reader relies on: the example loads and analyses into highlighted actors and
// quotes, nothing is fetched from anywhere but the page's own server, pasted markup stays text,
// the page is usable from the keyboard and at a phone's width. Screenshots go to tests/e2e/out/.
// The time from the Analyze click to the highlights on screen is printed, not asserted.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";
import { ARGS } from "./helpers.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const OUT = join(ROOT, "tests/e2e/out");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

let server;
let base;
let context;
let profile;
const requests = [];
const pageErrors = [];

before(async () => {
  assert.ok(existsSync(join(ROOT, "www/pkg/newslens_bg.wasm")), "www/pkg is missing: run scripts/build-www.sh first");
  assert.ok(existsSync(join(ROOT, "www/seeds/index.json")), "www/seeds is missing: run scripts/build-www.sh first");
  mkdirSync(OUT, { recursive: true });
  ({ server, url: base } = await serve(0));
  profile = mkdtempSync(join(tmpdir(), "newslens-e2e-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ARGS,
  });
  // Every page here starts from empty boxes (the page keeps them across visits: reading.test.mjs).
  await context.addInitScript(() => {
    try {
      localStorage.clear();
    } catch {
      // about:blank has no storage
    }
  });
  context.on("request", (r) => requests.push(r.url()));
  context.on("weberror", (e) => pageErrors.push(String(e.error())));
});

after(async () => {
  await context?.close();
  server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function openPage(viewport) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  page.on("dialog", (d) => {
    pageErrors.push(`unexpected dialog: ${d.message()}`);
    d.dismiss();
  });
  page.on("console", (m) => m.type() === "error" && pageErrors.push(`console: ${m.text()}`));
  await page.goto(base);
  await page.waitForSelector("#version:not(:empty)"); // the worker loaded the module
  return page;
}

async function analyzeExample(page) {
  await page.click("#example");
  await page.waitForFunction(() => document.querySelectorAll("#boxes textarea").length === 5);
  const t0 = Date.now();
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"] .doc mark.m');
  return Date.now() - t0;
}

test("the example analyses into highlighted actors and quotes", async () => {
  const page = await openPage();
  const ms = await analyzeExample(page);
  console.log(`e2e: Analyze click to rendered highlights, 5 seed articles: ${ms} ms (page's own measure: ${await page.getAttribute("body", "data-ms")} ms)`);

  const tabs = await page.$$eval('[role="tab"]', (ts) => ts.map((t) => t.title));
  assert.equal(tabs.length, 7, `five article tabs, "Who said what" and "Compare": ${tabs}`);
  // Seeds 002 and 003 have no title: their tabs name the outlet and the opening words, not the file.
  assert.equal(tabs[2], "koreajoongangdaily.joins.com", `tab 3 names the outlet: ${tabs}`);
  assert.match(tabs[3], /^Vladimir Putin, in a letter published by/, `tab 4 names the opening words: ${tabs}`);
  assert.equal(await page.textContent("#tab-2"), "3koreajoongangdaily.joins.com", "the tab shows its number and the name");
  // Every article, not only the first, shows actor and quote highlights.
  let quotes = 0;
  for (let i = 0; i < 5; i++) {
    await page.click(`#tab-${i}`);
    const counts = await page.$$eval(".doc", ([doc]) => ({
      actors: doc.querySelectorAll("mark.m[data-actor]").length,
      quotes: doc.querySelectorAll(".q[data-quote]").length,
      panelActors: document.querySelectorAll(".side .actors .item").length,
      panelQuotes: document.querySelectorAll(".side .quotes > li").length,
      rendered: new Set([...doc.querySelectorAll("[data-quote]")].map((e) => e.dataset.quote)).size,
    }));
    assert.ok(counts.actors > 0, `article ${i + 1} has actor highlights`);
    // Every quote of the panel is in the text, nested ones ("deep thanks" inside reported speech) too.
    assert.equal(counts.rendered, counts.panelQuotes, `article ${i + 1}: every quote highlighted`);
    assert.ok(counts.panelActors > 0, `article ${i + 1} lists actors`);
    quotes += counts.quotes;
  }
  assert.ok(quotes > 0, "some article has quote highlights");
  await page.click("#tab-0");
  await page.screenshot({ path: join(OUT, "page-1280.png"), fullPage: false });
  // A picture of text, highlights and panel (docs/screenshot*.png are taken the same way, with a
  // quote selected, the compare view opened and at 390 px wide).
  await page.setViewportSize({ width: 1100, height: 820 });
  await page.evaluate(() => scrollTo(0, 0));
  await page.screenshot({ path: join(OUT, "readme.png") });
  await page.setViewportSize({ width: 1280, height: 900 });

  // Going to another tab and back keeps the reader's place.
  await page.evaluate(() => scrollTo(0, 300));
  // (Clicks from the page itself: Playwright would first scroll the sticky tab bar "into view"
  // past the page's scroll padding, which a reader's click does not do.)
  await page.evaluate(() => document.getElementById("tab-1").click());
  await page.waitForSelector("#tab-1[aria-selected=true]");
  await page.evaluate(() => document.getElementById("tab-0").click());
  await page.waitForFunction(() => Math.abs(scrollY - 300) < 5, null, { timeout: 5000 });

  // Clicking an actor in the panel marks its mentions in the text.
  await page.click(".side .actors .item");
  assert.ok((await page.$$("mark.focus")).length > 0, "actor focus marks mentions");

  await page.click("#tab-6");
  await page.waitForSelector(".compare-view");
  await page.screenshot({ path: join(OUT, "across-1280.png"), fullPage: true });
  await page.close();
});

test("pasted markup is shown as text and never becomes an element", async () => {
  const page = await openPage();
  const evil = 'Breaking: <img src=x onerror=alert(1)><script>alert(2)</script> the opposition leader, Mary Jones, said the plan <b>would fail</b>.';
  const article = [
    "Council approves new budget",
    "By Jane Doe",
    'The city council approved the budget on Monday, officials said. "This is a good day for Springfield," said Mayor John Smith.',
    evil,
    '"We will keep fighting," Jones told reporters after the vote.',
  ].join("\n\n");
  await page.fill("#boxes textarea", article);
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"]');
  await page.check("#junk"); // whether the cleaner kept that paragraph or not, it is on screen now
  const doc = await page.textContent(".doc");
  assert.ok(doc.includes("<img src=x onerror=alert(1)><script>alert(2)</script>"), `markup shown as text: ${doc.slice(0, 300)}`);
  await page.screenshot({ path: join(OUT, "markup.png") });
  assert.equal(await page.$$eval("main img, main script, main b", (els) => els.length), 0);

  // A name typed with markup is a name: on the tab, in the panel, in the exports' views.
  await page.click("#pastes > summary");
  await page.fill("#boxes .source", '<img src=x onerror=alert(3)>');
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"]');
  assert.equal(await page.getAttribute("#tab-0", "title"), "<img src=x onerror=alert(3)>");
  assert.match(await page.textContent(".side .meta"), /<img src=x onerror=alert\(3\)>/);
  await page.click("#tab-1"); // Who said what
  assert.equal(await page.$$eval("main img, main script, main b", (els) => els.length), 0);
  await page.click("#tab-0");

  // A paste that starts with "<" is read as HTML (the analyzer's contract): its markup is
  // interpreted by the Rust cleaner, never by the browser.
  await page.click("#pastes > summary"); // the boxes folded away after the analysis
  await page.fill("#boxes textarea", "<img src=x onerror=alert(1)> " + article);
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"]');
  assert.equal(await page.$$eval("main img, main script, main b", (els) => els.length), 0);

  // The same markup pasted as the text/html clipboard flavour is kept and takes the HTML path.
  await page.click("#add"); // also unfolds the boxes
  await page.$$eval(
    "#boxes textarea",
    (tas, html) => {
      const dt = new DataTransfer();
      dt.setData("text/html", html);
      dt.setData("text/plain", "Evil Person said hello.");
      tas[1].focus();
      tas[1].dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    `<p>${evil}</p><p>“We came,” said John Smith, the mayor of Springfield.</p>`,
  );
  assert.equal(await page.inputValue("#boxes li:nth-child(2) textarea"), "Evil Person said hello.");
  assert.ok(await page.isVisible("#boxes li:nth-child(2) .html-badge"), "the HTML flavour is kept");
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"]');
  await page.click("#tab-1");
  assert.match(await page.textContent(".doc"), /We came/);
  assert.equal(await page.$$eval("main img, main script, main b", (els) => els.length), 0);
  await page.close();
});

test("keyboard: Ctrl+Enter analyses, arrow keys move between tabs", async () => {
  const page = await openPage();
  await page.click("#example");
  await page.waitForFunction(() => document.querySelectorAll("#boxes textarea").length === 5);
  await page.focus("#boxes textarea");
  await page.keyboard.press("Control+Enter");
  await page.waitForSelector('body[data-state="done"] .doc mark.m');
  await page.focus("#tab-0");
  await page.keyboard.press("ArrowRight");
  assert.equal(await page.getAttribute("#tab-1", "aria-selected"), "true");
  assert.equal(await page.evaluate(() => document.activeElement.id), "tab-1");
  await page.close();
});

test("a narrow window has no horizontal scrolling", async () => {
  const page = await openPage({ width: 390, height: 844 });
  await analyzeExample(page);
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: innerWidth }));
  assert.ok(scroll <= width, `page is ${scroll}px wide in a ${width}px window`);
  await page.screenshot({ path: join(OUT, "page-390.png"), fullPage: false });
  await page.close();
});

test("empty input and errors show a message, not a crash", async () => {
  const page = await openPage();
  await page.click("#analyze");
  assert.match(await page.textContent("#status"), /Paste an article/);
  await page.fill("#boxes textarea", "   \n  ");
  await page.click("#analyze");
  assert.match(await page.textContent("#status"), /Paste an article/);
  await page.close();
});

test("no request left 127.0.0.1 and no page errors", () => {
  assert.ok(requests.length > 5, `requests were recorded (${requests.length})`);
  // The worker's own requests are seen too (its script and the module it fetches).
  assert.ok(requests.some((u) => u.endsWith("/worker.js")) && requests.some((u) => u.endsWith(".wasm")), "worker requests recorded");
  const outside = requests.filter((u) => new URL(u).hostname !== "127.0.0.1");
  assert.deepEqual(outside, []);
  assert.deepEqual(pageErrors, []);
});
