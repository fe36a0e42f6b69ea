#!/usr/bin/env node
// A pipeline example: who said what in the articles given as files (or one on standard input),
// one tab-separated line per quote, then the discrepancies between them. `--json` prints the
// whole report instead. Offsets are UTF-16 code units into each input's text.
//
//   npm install newslens            (or the packed tarball: npm install ./newslens-0.1.0.tgz)
//   node quotes.mjs rt.txt kcna.html yonhap.txt
//   cat article.txt | node quotes.mjs
import { readFileSync } from "node:fs";
import { analyze, version } from "newslens";

const args = process.argv.slice(2);
const json = args.includes("--json");
const files = args.filter((a) => a !== "--json");
const inputs = files.length ? files.map((f) => ({ source: f, text: readFileSync(f, "utf8") })) : [{ source: "stdin", text: readFileSync(0, "utf8") }];

let report;
try {
  report = analyze(inputs);
} catch (err) {
  console.error(`newslens ${version()}: ${err.message}`);
  process.exit(2);
}
if (json) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(0);
}
for (const a of report.articles) {
  const names = new Map(a.actors.map((x) => [x.id, x.name]));
  for (const q of a.quotes) {
    if (q.kind === "term") continue;
    console.log([a.source, q.speaker ? names.get(q.speaker) : "(unattributed)", q.kind, q.text.replace(/\s+/g, " ")].join("\t"));
  }
}
for (const d of report.discrepancies) console.log(`differs\t${d.kind}\t${d.summary}`);
