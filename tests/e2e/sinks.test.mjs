// The page's own scripts never hand a string to an HTML parser: user text reaches the DOM only
// through createElement/textContent/createTextNode. This greps www/ (not the generated www/pkg)
// for the sinks that would parse markup or run code, and for URLs of other hosts.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const WWW = fileURLToPath(new URL("../../www/", import.meta.url));
const SINKS = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write|writeln|srcdoc|createContextualFragment|DOMParser|parseFromString|setHTMLUnsafe|eval|Function)\s*[(=`]|\bnew\s+Function\b|javascript:/;

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return ["pkg", "seeds"].includes(e.name) ? [] : sources(p);
    return /\.(m?js|html|css|svg)$/.test(e.name) ? [p] : [];
  });
}

test("www/ has no HTML-parsing or code-evaluating sinks", () => {
  const files = sources(WWW);
  assert.ok(files.length >= 4, `found the page's files: ${files}`);
  const hits = files.flatMap((f) =>
    readFileSync(f, "utf8")
      .split("\n")
      .map((line, i) => [line, i])
      .filter(([line]) => SINKS.test(line.replace(/^\s*\/\/.*$/, "")))
      .map(([line, i]) => `${relative(WWW, f)}:${i + 1}: ${line.trim()}`),
  );
  assert.deepEqual(hits, []);
});

test("www/ refers to no other host", () => {
  const hits = sources(WWW).flatMap((f) =>
    [...readFileSync(f, "utf8").matchAll(/(?:https?:)?\/\/[a-z0-9.-]+\.[a-z]{2,}[^\s"')]*/gi)]
      .map((m) => m[0])
      .filter((u) => !u.startsWith("http://www.w3.org/2000/svg"))
      .map((u) => `${relative(WWW, f)}: ${u}`),
  );
  assert.deepEqual(hits, []);
});

test("the sink check catches a sink", () => {
  assert.ok(SINKS.test("el.innerHTML = text"));
  assert.ok(SINKS.test("el.insertAdjacentHTML('beforeend', x)"));
  assert.ok(!SINKS.test("el.textContent = text"));
});
