// Offline and installable: after one visit the service worker holds the page, the worker, the
// Wasm module and the example, so with the server gone a reload still loads, "Load example"
// still loads and Analyze still analyses. The manifest is served and names an icon.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./helpers.mjs";

let env;
before(async () => {
  env = await start();
});
after(async () => env?.stop());

test("a web app manifest with a name, a start URL and an icon", async () => {
  const page = await env.open();
  const href = await page.getAttribute('link[rel="manifest"]', "href");
  const res = await page.request.get(new URL(href, env.base).href);
  assert.equal(res.headers()["content-type"], "application/manifest+json");
  const m = await res.json();
  assert.equal(m.short_name, "newslens");
  assert.equal(m.display, "standalone");
  assert.ok(m.icons.length > 0 && m.start_url);
  await page.close();
});

test("with the network off, the page reloads, loads the example and analyses", async () => {
  const page = await env.open();
  // The service worker is installed once it is ready: its install step cached everything.
  await page.evaluate(() => navigator.serviceWorker.ready);
  const cached = await page.evaluate(async () => (await caches.keys()).length && (await (await caches.open((await caches.keys())[0])).keys()).map((r) => r.url));
  assert.ok(cached.some((u) => u.endsWith("/pkg/newslens_bg.wasm")), `the module is cached: ${cached}`);
  assert.ok(cached.some((u) => /\/seeds\/.+\.txt$/.test(u)), "the example is cached");

  // Network off: the server is gone and the browser is offline.
  env.server.closeAllConnections();
  await new Promise((r) => env.server.close(r));
  await env.context.setOffline(true);
  await page.reload();
  await page.waitForSelector("#version:not(:empty)");
  await page.click("#example");
  await page.waitForFunction(() => document.querySelectorAll("#boxes textarea").length === 5);
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"] .doc mark.m');
  assert.match(await page.textContent("#status"), /5 articles/);
  await env.context.setOffline(false);

  const outside = env.requests.filter((u) => !u.startsWith(env.base));
  assert.deepEqual(outside, [], "no request outside the page's origin");
  assert.deepEqual(env.errors, []);
  await page.close();
});
