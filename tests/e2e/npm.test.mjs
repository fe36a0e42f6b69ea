// The npm package (scripts/build-npm.sh into pkg/): `npm pack`, installed from the tarball alone
// (offline) into a scratch project, then used from Node as a pipeline would: `import { analyze }
// from "newslens"`, the example script, and the TypeScript types with `tsc`.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.mjs";

const PKG = join(ROOT, "pkg");
const built = existsSync(join(PKG, "package.json")) && existsSync(join(PKG, "node/newslens_bg.wasm"));
const skip = built ? false : "pkg/ is not built: run scripts/build-npm.sh";
let dir;
let tarball;
const sh = (cmd, args, cwd, input) => execFileSync(cmd, args, { cwd, encoding: "utf8", input, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, npm_config_audit: "false", npm_config_fund: "false", npm_config_update_notifier: "false" } });

before(() => {
  if (skip) return;
  dir = mkdtempSync(join(tmpdir(), "newslens-npm-"));
  sh("npm", ["pack", "--pack-destination", dir, "--silent"], PKG);
  tarball = readdirSync(dir).find((f) => f.endsWith(".tgz"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "scratch", private: true, type: "module" }));
  // Offline: the tarball is the only source; the package has no dependencies to fetch.
  sh("npm", ["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock", `./${tarball}`], dir);
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

test("the tarball holds the web and node builds, the types, the element, the README and the example", { skip }, () => {
  const listed = sh("tar", ["-tzf", join(dir, tarball)], dir).split("\n");
  for (const f of ["package/README.md", "package/node/newslens.js", "package/node/newslens_bg.wasm", "package/node/newslens.d.ts", "package/web/pkg/newslens.js", "package/web/pkg/newslens_bg.wasm", "package/web/pkg/newslens.d.ts", "package/web/news-lens.js", "package/web/worker.js", "package/examples/node/quotes.mjs"]) {
    assert.ok(listed.includes(f), `${f} in ${tarball}`);
  }
});

test("Node imports analyze from the installed package and gets a report", { skip }, () => {
  writeFileSync(
    join(dir, "use.mjs"),
    `import { analyze, version } from "newslens";
const r = analyze([{ source: "a", text: "“We agree,” said Jane Doe, the mayor of Springfield, on Monday." }, "Jane Doe said the plan would cost 40 million dollars."]);
const a = r.articles[0];
const q = a.quotes[0];
console.log(JSON.stringify({ version: version(), n: r.articles.length, speaker: a.actors.find((x) => x.id === q.speaker).name, quote: "“We agree,” said Jane Doe".slice(q.start, q.end) }));
try { analyze(""); } catch (e) { console.log("error:", e.message); }`,
  );
  const [line, err] = sh("node", ["use.mjs"], dir).trim().split("\n");
  const out = JSON.parse(line);
  assert.equal(out.n, 2);
  assert.equal(out.speaker, "Jane Doe");
  assert.match(out.quote, /We agree/);
  assert.match(out.version, /^\d+\.\d+\.\d+/);
  assert.match(err, /^error: ./, "a refused input throws an Error with a message");
});

test("the example script prints who said what from files and standard input", { skip }, () => {
  writeFileSync(join(dir, "a.txt"), "“We will keep fighting this plan,” said Mary Jones, the opposition leader.");
  writeFileSync(join(dir, "b.txt"), "“We will keep fighting,” said Mary Jones, a city councillor.");
  const out = sh("node", ["node_modules/newslens/examples/node/quotes.mjs", "a.txt", "b.txt"], dir);
  assert.match(out, /^a\.txt\tMary Jones\tdirect\tWe will keep fighting this plan,$/m);
  assert.match(out, /^b\.txt\tMary Jones\tdirect\t/m);
  const piped = sh("node", ["node_modules/newslens/examples/node/quotes.mjs"], dir, "“Yes,” said Jane Doe, the mayor.");
  assert.match(piped, /^stdin\tJane Doe\tdirect\tYes,$/m);
});

test("TypeScript sees the report types through the package", { skip }, () => {
  writeFileSync(
    join(dir, "use.ts"),
    `import { analyze, type Report, type Quote } from "newslens";
const r: Report = analyze(["text"]);
const q: Quote | undefined = r.articles[0]?.quotes[0];
const s: string | null | undefined = q?.speaker;
export { s };`,
  );
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [] }, files: ["use.ts"] }));
  sh(join(ROOT, "node_modules/.bin/tsc"), ["-p", "."], dir);
  writeFileSync(join(dir, "bad.ts"), `import { analyze } from "newslens";\nconst n: number = analyze("x").articles;\nexport { n };`);
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { module: "nodenext", moduleResolution: "nodenext", strict: true, noEmit: true, types: [] }, files: ["bad.ts"] }));
  assert.throws(() => sh(join(ROOT, "node_modules/.bin/tsc"), ["-p", "."], dir), "a wrong type is caught");
});
