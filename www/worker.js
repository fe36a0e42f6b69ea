// The analysis runs here, off the page's main thread, so a large paste never freezes the page.
// Messages in: {id, articles: [{source, text}]}; out: {id, stage} while it works (progress),
// then {id, ok: true, report, ms} or {id, ok: false, message, fatal}. `fatal` means the Wasm
// instance trapped and cannot be trusted again: the page then replaces this worker with a fresh one.
import init, { analyze, version } from "./pkg/newslens.js";

// The first analysis also builds the analyzer's tables (about 70 ms for the tagger's model):
// a throw-away run right after loading does that while the reader is still pasting.
function warmUp() {
  try {
    analyze("Warm-up. \u201cWe agree,\u201d said Jane Doe, the mayor of Springfield, on Monday.");
  } catch {
    // Only a warm-up: a real analysis reports its own errors.
  }
}

const ready = init({ module_or_path: new URL("./pkg/newslens_bg.wasm", import.meta.url) }).then(
  () => {
    warmUp();
    self.postMessage({ id: 0, ok: true, version: version() });
  },
  (err) => self.postMessage({ id: 0, ok: false, fatal: true, message: `could not load the analyzer: ${err?.message ?? err}` }),
);

self.onmessage = async (event) => {
  const { id, articles } = event.data;
  try {
    await ready;
    const chars = articles.reduce((n, a) => n + String(a?.text ?? a).length, 0);
    const label = `${articles.length} article${articles.length === 1 ? "" : "s"}, ${chars.toLocaleString("en")} characters`;
    self.postMessage({ id, stage: `Analysing ${label}: finding actors, quotes${articles.length > 1 ? " and discrepancies" : ""}` });
    const t0 = performance.now();
    const report = analyze(articles);
    self.postMessage({ id, stage: "Sending the results to the page" });
    self.postMessage({ id, ok: true, report, ms: performance.now() - t0 });
  } catch (err) {
    // The API throws plain `Error`s for bad input. Anything else is a trap: a RuntimeError
    // (unreachable, out of bounds) or a RangeError (stack overflow), after which the instance's
    // memory and stack pointer cannot be trusted, so the page starts a fresh worker.
    const fatal = err?.constructor !== Error;
    const message = fatal ? `the analyzer crashed (${err.message}); it has been restarted` : String(err?.message ?? err);
    self.postMessage({ id, ok: false, fatal, message });
  }
};
