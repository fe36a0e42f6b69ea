#!/usr/bin/env node
// Side-by-side speed in Node, on the same texts: newslens's Wasm module (the nodejs build, one
// article per call, warm) and compromise (people, places, organisations and quotations per text,
// as issue 18's comparison did). Also the five seeds in Wasm, ms per call, warm.
// Called by scripts/bench.sh; prints a table, then one line `RESULT key=value ...` to parse.
//
//   node scripts/bench-wasm.mjs --module target/bench-node/newslens.js --dir ../shared/data/polnear/dev/text \
//        [--seeds seeds] [--seconds 5]
import { readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve, join } from "node:path";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const dir = opt("dir", "../shared/data/polnear/dev/text");
const seedsDir = opt("seeds", "seeds");
const seconds = Number(opt("seconds", "5"));
const modulePath = resolve(opt("module", "target/bench-node/newslens.js"));

const read = (d) =>
  readdirSync(d)
    .filter((n) => n.endsWith(".txt") || n.endsWith(".html"))
    .sort()
    .map((n) => ({ source: n, text: readFileSync(join(d, n), "utf8") }))
    .filter((t) => t.text.trim().length > 0);

const texts = read(dir);
const seeds = read(seedsDir);
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t.text, "utf8"), 0);
console.log(`texts: ${texts.length} files, ${bytes} bytes (UTF-8) from ${dir}`);

// Repeats `pass` (one pass over all texts) until `secs` have gone by; returns seconds per pass.
function timePasses(pass, secs) {
  const start = process.hrtime.bigint();
  let n = 0;
  let elapsed = 0;
  while (n === 0 || elapsed < secs) {
    pass();
    n++;
    elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  }
  return { perPass: elapsed / n, passes: n };
}

const require = createRequire(import.meta.url);
const newslens = require(modulePath);
let sink = 0;

// newslens, one article per call. The first pass loads the models (warm-up, not timed).
let failed = 0;
const nlPass = () => {
  for (const t of texts) {
    try {
      const r = newslens.analyze([t]);
      sink += r.articles.length;
    } catch (e) {
      failed++;
    }
  }
};
const t0 = process.hrtime.bigint();
nlPass();
const firstPass = Number(process.hrtime.bigint() - t0) / 1e9;
failed = 0;
const nl = timePasses(nlPass, seconds);
const nlMBs = bytes / 1e6 / nl.perPass;
console.log(
  `newslens Wasm ${newslens.version()}, one article per call: first pass ${(firstPass * 1e3).toFixed(0)} ms, ` +
    `then ${(nl.perPass * 1e3).toFixed(0)} ms per pass (${nl.passes} passes) = ${nlMBs.toFixed(3)} MB/s` +
    (failed ? ` (${failed} calls threw)` : ""),
);

// compromise: the entity and quotation extraction the comparison used.
let nlp;
try {
  const m = require(resolve("node_modules/compromise"));
  nlp = m.default || m;
} catch (e) {
  console.log("compromise: not installed (npm ci --no-audit --no-fund); skipped");
}
let cMBs = NaN;
let cVersion = "";
if (nlp) {
  cVersion = nlp.version;
  const cPass = () => {
    for (const t of texts) {
      const doc = nlp(t.text);
      sink += doc.people().out("array").length;
      sink += doc.places().out("array").length;
      sink += doc.organizations().out("array").length;
      sink += doc.quotations().out("array").length;
    }
  };
  cPass(); // warm-up
  const c = timePasses(cPass, Math.min(seconds, 6));
  cMBs = bytes / 1e6 / c.perPass;
  console.log(
    `compromise ${cVersion} (people, places, organizations, quotations): ${(c.perPass * 1e3).toFixed(0)} ms per pass ` +
      `(${c.passes} passes) = ${cMBs.toFixed(3)} MB/s`,
  );
}

// The five seeds: each alone, and all five in one call (compared), ms per call, warm.
const seedMs = [];
for (const s of seeds) {
  newslens.analyze([s]);
  const { perPass } = timePasses(() => {
    sink += newslens.analyze([s]).articles.length;
  }, 0.3);
  seedMs.push(perPass * 1e3);
}
newslens.analyze(seeds);
const all5 = timePasses(() => {
  sink += newslens.analyze(seeds).discrepancies.length;
}, 0.5);
console.log(
  `seeds in Wasm, warm: ${seeds.map((s, i) => `${s.source.slice(0, 3)} ${seedMs[i].toFixed(1)} ms`).join(", ")}; ` +
    `all five in one call (compared) ${(all5.perPass * 1e3).toFixed(1)} ms`,
);
const maxSeed = Math.max(...seedMs);
console.log(
  `RESULT wasm_mbs=${nlMBs.toFixed(4)} compromise_mbs=${cMBs.toFixed(4)} seed_max_ms=${maxSeed.toFixed(2)} ` +
    `seeds_all_ms=${(all5.perPass * 1e3).toFixed(2)} bytes=${bytes} sink=${sink % 10}`,
);
