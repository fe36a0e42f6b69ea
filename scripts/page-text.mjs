// Produces what a person gets when they select all on a page and paste it as plain text:
// `document.body.innerText` of each readability test page, rendered by headless Chromium.
//
// usage: node scripts/page-text.mjs PAGES_DIR [OUT_DIR]   (default OUT_DIR: target/page-text)
//
// Each PAGES_DIR/NAME/source.html is served from a loopback server and rendered with page
// scripts disabled (and <noscript> removed, as a scripting browser would hide it) and every
// other request aborted (the page is offline, and what it would fetch is not what was saved).
// Writes OUT_DIR/NAME.txt; the newslens clean evaluation reads them with `--text-dir OUT_DIR`.
// Needs Debian's /usr/bin/chromium (or CHROMIUM=path).
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';

const [pagesDir, outDir = 'target/page-text'] = process.argv.slice(2);
if (!pagesDir) {
  console.error('usage: node scripts/page-text.mjs PAGES_DIR [OUT_DIR]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const names = readdirSync(pagesDir).filter((n) => existsSync(join(pagesDir, n, 'source.html'))).sort();

const server = createServer((req, res) => {
  const name = decodeURIComponent((req.url || '').split('/')[1] || '');
  const file = join(pagesDir, name, 'source.html');
  if (!names.includes(name)) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;

const userDataDir = mkdtempSync(join(tmpdir(), 'page-text-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  javaScriptEnabled: false,
  viewport: { width: 1280, height: 1024 },
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
// Offline: only the page document itself is served; images, fonts, styles and frames elsewhere
// are aborted.
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin + '/') && route.request().resourceType() === 'document') return route.continue();
  return route.abort();
});
const page = await context.newPage();
let done = 0;
for (const name of names) {
  try {
    await page.goto(`${origin}/${encodeURIComponent(name)}/`, { waitUntil: 'domcontentloaded', timeout: 20000 });
    // Scripts are off, so <noscript> content would show; a reader's browser runs scripts and
    // hides it. Remove it before reading the text.
    const text = await page.evaluate(() => {
      document.querySelectorAll('noscript').forEach((n) => n.remove());
      return document.body ? document.body.innerText : '';
    });
    writeFileSync(join(outDir, `${name}.txt`), text);
    done++;
  } catch (e) {
    console.error(`${name}: ${e.message.split('\n')[0]}`);
  }
}
await context.close();
server.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`${done}/${names.length} pages written to ${outDir}`);
