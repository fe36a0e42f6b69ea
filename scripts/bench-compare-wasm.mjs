// The comparison stage in Wasm: 20 BASIL articles (about 1,000 words each) analysed in one call,
// against the same 20 analysed one by one; the difference bounds what comparing them costs
// (align + stories + discrepancies), when it exceeds the per-call overhead. Needs the page's module (scripts/build-www.sh) and
// ../shared/data/basil; says so and exits without them. Nothing here asserts a time.
//
//   node scripts/bench-compare-wasm.mjs
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const wasm = join(root, "www/pkg/newslens_bg.wasm");
const basil = join(root, "../shared/data/basil/articles");
if (!existsSync(wasm) || !existsSync(basil)) {
  console.log("bench-compare-wasm: needs www/pkg (scripts/build-www.sh) and ../shared/data/basil; skipped");
  process.exit(0);
}
const { default: init, analyze } = await import(join(root, "www/pkg/newslens.js"));
await init({ module_or_path: readFileSync(wasm) });

const files = readdirSync(basil).sort().flatMap((y) => readdirSync(join(basil, y)).sort().map((f) => join(basil, y, f)));
const articles = files.slice(0, 20).map((f) => {
  const d = JSON.parse(readFileSync(f, "utf8"));
  const paras = (d["body-paragraphs"] || []).map((p) => p.map((s) => s.trim()).join(" "));
  return { source: f.split("/").pop(), text: `${d.title || ""}\n\n${paras.join("\n\n")}\n` };
});
const words = articles.reduce((n, a) => n + a.text.split(/\s+/).length, 0);

function time(f, minMs = 3000) {
  const t0 = performance.now();
  let n = 0;
  while (n === 0 || performance.now() - t0 < minMs) {
    f();
    n++;
  }
  return (performance.now() - t0) / n;
}
analyze(articles); // warm: model load
const together = time(() => analyze(articles));
const alone = time(() => articles.forEach((a) => analyze([a])));
const r = analyze(articles);
console.log(`20 BASIL articles, ${words} words, ${r.stories.length} stories, ${r.discrepancies.length} discrepancies (Wasm in Node ${process.version})`);
const diff = together - alone;
console.log(`  together ${together.toFixed(1)} ms, one by one ${alone.toFixed(1)} ms: ` +
  (diff > 0 ? `comparing costs about ${diff.toFixed(1)} ms` : "comparing costs less than the per-call overhead of twenty calls (not measurable this way)"));
