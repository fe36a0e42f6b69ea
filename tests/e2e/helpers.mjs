// Shared by the end-to-end tests: the built page served on 127.0.0.1 and Debian's headless
// Chromium driven through playwright-core, in a fresh profile per test file.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const OUT = join(ROOT, "tests/e2e/out");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/** Starts the server and a browser; `requests` and `errors` collect what every page did. */
export async function start({ viewport = { width: 1280, height: 900 }, hasTouch = false } = {}) {
  assert.ok(existsSync(join(ROOT, "www/pkg/newslens_bg.wasm")), "www/pkg is missing: run scripts/build-www.sh first");
  mkdirSync(OUT, { recursive: true });
  const { server, url } = await serve(0);
  const profile = mkdtempSync(join(tmpdir(), "newslens-e2e-"));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, viewport, args: ARGS, acceptDownloads: true, hasTouch });
  const env = { server, base: url, context, profile, requests: [], errors: [] };
  context.on("request", (r) => env.requests.push(r.url()));
  context.on("weberror", (e) => env.errors.push(String(e.error())));
  env.open = async (vp, path = "") => {
    const page = await context.newPage();
    if (vp) await page.setViewportSize(vp);
    page.on("dialog", (d) => {
      env.errors.push(`unexpected dialog: ${d.message()}`);
      d.dismiss();
    });
    page.on("console", (m) => m.type() === "error" && env.errors.push(`console: ${m.text()}`));
    await page.goto(url + path);
    if (!path) await page.waitForSelector("#version:not(:empty)"); // the worker loaded the module
    return page;
  };
  env.stop = async () => {
    await context.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  };
  return env;
}

/** Pastes `articles` ([{source, text}]) into the boxes and analyses them. */
export async function analyzeArticles(page, articles) {
  await page.click("#clear");
  for (let i = 1; i < articles.length; i++) await page.click("#add");
  const boxes = await page.$$("#boxes > li");
  for (let i = 0; i < articles.length; i++) {
    await (await boxes[i].$(".source")).fill(articles[i].source ?? "");
    await (await boxes[i].$("textarea")).fill(articles[i].text);
  }
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"]');
}

export async function analyzeExample(page) {
  await page.click("#example");
  await page.waitForFunction(() => document.querySelectorAll("#boxes textarea").length === 5);
  await page.click("#analyze");
  await page.waitForSelector('body[data-state="done"] .doc mark.m');
}

/** Three outlets' coverage of one event, with a changed quote, a changed role and a changed number. */
export const STORY = [
  {
    source: "Daily Courier",
    text: [
      "Council approves harbour plan",
      "The city council approved the harbour plan on Monday. “This is a good day for Springfield,” said Mayor John Smith.",
      "The plan will cost 40 million dollars, officials said. “We will keep fighting this plan,” said Mary Jones, the opposition leader.",
    ].join("\n\n"),
  },
  {
    source: "Evening Post",
    text: [
      "Harbour plan passes despite protests",
      "Springfield's council passed the harbour plan on Monday. “This is a great day for Springfield,” Mayor John Smith told reporters.",
      "Officials put the cost at 45 million dollars. “We will keep fighting,” said Mary Jones, a city councillor.",
    ].join("\n\n"),
  },
  {
    source: "Morning Star",
    text: [
      "Springfield backs harbour plan",
      "Councillors voted for the harbour plan on Monday. “This is a good day for our city,” said John Smith, the mayor of Springfield.",
      "Mary Jones, the opposition leader, said the vote was rushed. “We will keep fighting this plan,” she said.",
    ].join("\n\n"),
  },
];
