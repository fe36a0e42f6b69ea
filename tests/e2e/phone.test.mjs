// A phone's width (390 × 844): the article comes first on the screen, the tabs are one row that
// scrolls sideways, the panel is under the text, and a tapped highlight shows who it is in a
// sheet at the bottom (the panel being out of sight).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { join } from "node:path";
import { OUT, analyzeExample, start } from "./helpers.mjs";

let env;
before(async () => {
  env = await start({ viewport: { width: 390, height: 844 }, hasTouch: true });
});
after(async () => env?.stop());

test("phone: article first, tabs scroll sideways, panel below, tap shows a sheet", async () => {
  const page = await env.open({ width: 390, height: 844 });
  await analyzeExample(page);
  await page.evaluate(() => scrollTo(0, 0));
  const m = await page.evaluate(() => {
    const r = (s) => document.querySelector(s).getBoundingClientRect();
    const tabs = [...document.querySelectorAll('[role="tab"]')].map((t) => t.getBoundingClientRect().top);
    const strip = document.querySelector(".tabs");
    return {
      doc: r(".doc .seg").top,
      side: r(".side").top,
      reading: r(".reading").bottom,
      rows: new Set(tabs.map(Math.round)).size,
      scrolls: strip.scrollWidth > strip.clientWidth,
      page: document.documentElement.scrollWidth,
    };
  });
  assert.ok(m.doc < 844 * 0.45, `the article's text starts ${m.doc}px down`);
  assert.equal(m.rows, 1, "the tabs are one row");
  assert.ok(m.scrolls, "the tab row scrolls sideways");
  assert.ok(m.side >= m.reading, "the panel is under the article");
  assert.ok(m.page <= 390, `no sideways scrolling of the page (${m.page}px)`);
  await page.screenshot({ path: join(OUT, "phone-390.png") });

  await page.tap(".doc [data-quote]");
  const sheet = await page.$eval("#selection", (el) => {
    const r = el.getBoundingClientRect();
    return { pos: getComputedStyle(el).position, bottom: r.bottom, text: el.textContent };
  });
  assert.equal(sheet.pos, "fixed");
  assert.ok(Math.abs(sheet.bottom - 844) < 2, `the sheet sits at the bottom (${sheet.bottom})`);
  assert.ok(sheet.text.length > 10, "it names the quote's speaker");
  await page.screenshot({ path: join(OUT, "phone-390-selected.png") });
  await page.click("#selection .close");
  assert.equal(await page.$eval("#selection", (el) => getComputedStyle(el).position), "relative");
  assert.deepEqual(env.errors, []);
  await page.close();
});
