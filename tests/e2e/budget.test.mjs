// Size budgets (issue 18), run by scripts/test.sh right after scripts/build-www.sh:
// - the Wasm module with its models, www/pkg/newslens_bg.wasm, at most 1.5 MB gzipped;
// - the page's own JS and CSS (every .js/.mjs/.css under www/ except www/pkg and www/seeds), at
//   most 50 kB gzipped, each file gzipped on its own as a server would send it.
// gzip -9, sizes in decimal units as in the README (1 MB = 1,000,000 bytes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const WWW = join(ROOT, "www");
const WASM = join(WWW, "pkg/newslens_bg.wasm");
const WASM_BUDGET = 1_500_000;
const PAGE_BUDGET = 50_000;

const gzipped = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function pageFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path !== join(WWW, "pkg") && path !== join(WWW, "seeds")) out.push(...pageFiles(path));
    } else if (/\.(m?js|css)$/.test(entry.name)) {
      out.push(path);
    }
  }
  return out;
}

test(
  "the Wasm module stays within 1.5 MB gzipped",
  { skip: existsSync(WASM) ? false : "www/pkg/newslens_bg.wasm is not built (scripts/build-www.sh)" },
  () => {
    const gz = gzipped(WASM);
    console.log(`# wasm: ${readFileSync(WASM).length} bytes, ${gz} gzipped (budget ${WASM_BUDGET})`);
    assert.ok(gz <= WASM_BUDGET, `newslens_bg.wasm is ${gz} bytes gzipped, over the ${WASM_BUDGET} budget`);
  },
);

test("the page's JS and CSS stay within 50 kB gzipped", () => {
  const files = pageFiles(WWW);
  assert.ok(files.some((f) => f.endsWith("app.js")), "www/app.js not found");
  const sizes = files.map((f) => [relative(ROOT, f), gzipped(f)]);
  const total = sizes.reduce((s, [, n]) => s + n, 0);
  console.log(`# page JS+CSS: ${total} bytes gzipped (budget ${PAGE_BUDGET}): ${sizes.map(([f, n]) => `${f} ${n}`).join(", ")}`);
  assert.ok(total <= PAGE_BUDGET, `page JS and CSS are ${total} bytes gzipped, over the ${PAGE_BUDGET} budget`);
});
