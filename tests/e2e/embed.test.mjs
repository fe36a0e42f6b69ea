// <news-lens> (www/news-lens.js): the example page (www/embed.html) renders a report from the
// element's child articles, with the speakers on screen and the host page's custom properties
// applied; setting `articles` from a script analyses again and fires `report`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, start } from "./helpers.mjs";

let env;
before(async () => {
  env = await start({ viewport: { width: 1000, height: 800 } });
});
after(async () => env?.stop());

test("the news-lens example page renders a report", async () => {
  const page = await env.open(null, "embed.html");
  await page.waitForSelector('news-lens[state="done"]');
  // Playwright's CSS engine looks inside open shadow roots.
  const tabs = await page.$$eval("news-lens >> [role=tab]", (ts) => ts.map((t) => t.textContent));
  assert.deepEqual(tabs, ["Daily Courier", "Evening Post", "Compare"]);
  const who = await page.$$eval("news-lens >> .who", (els) => els.map((e) => e.dataset.who));
  assert.ok(who.includes("John Smith") && who.includes("Mary Jones"), `speakers: ${who}`);
  // The host page's --nl-accent reaches the shadow tree.
  const accent = await page.$eval("news-lens", (el) => getComputedStyle(el.shadowRoot.querySelector(".tabs")).getPropertyValue("--accent").trim());
  assert.equal(accent, "#7c2d12");
  const report = await page.$eval("news-lens", (el) => ({ n: el.report.articles.length, d: el.report.discrepancies.length }));
  assert.equal(report.n, 2);
  await page.screenshot({ path: join(OUT, "embed-1000.png"), fullPage: true });

  await page.click("news-lens >> [role=tab]:has-text('Compare')");
  await page.waitForSelector("news-lens >> .compare-view");

  // From a script: the articles property.
  const n = await page.$eval("news-lens", (el) => {
    const got = new Promise((r) => el.addEventListener("report", (e) => r(e.detail.articles.length), { once: true }));
    el.articles = ["“We agree,” said Jane Doe, the mayor of Springfield, on Monday."];
    return got;
  });
  assert.equal(n, 1);
  assert.deepEqual(await page.$$eval("news-lens >> .who", (els) => els.map((e) => e.dataset.who)), ["Jane Doe"]);
  assert.deepEqual(env.requests.filter((u) => !u.startsWith(env.base)), []);
  assert.deepEqual(env.errors, []);
  await page.close();
});
