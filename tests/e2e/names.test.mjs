// What an article is called everywhere (www/render.js `articleName`): the name the reader typed
// for its box; else the outlet and the title; else the opening words; only then a file name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { articleName, articleNames, nameIds, short } from "../../www/render.js";

const text = "  Vladimir Putin, in a letter published by state media, assured his commitment.";
const article = (fields) => ({ id: "a1", source: "Article 2", title: null, outlet: null, body: [{ start: 2, end: text.length }], ...fields });

test("the typed name comes first", () => {
  assert.equal(articleName(article({ title: " Putin writes to Kim ", outlet: "RT", source: "rt piece" }), text), "rt piece");
  assert.equal(articleName(article({ source: "RT, 27 July", outlet: "RT" }), text), "RT, 27 July");
});

test("a default box name or a file name is no name: outlet and title", () => {
  assert.equal(articleName(article({ title: " Putin writes to Kim ", outlet: "RT" }), text), "RT: Putin writes to Kim");
  assert.equal(articleName(article({ source: "Article 2", outlet: "RT" }), text), "RT");
  assert.equal(articleName(article({ source: "seeds/002_83193f1a8cb9cce4.txt", title: "Kim replies" }), text), "Kim replies");
});

test("without title, name or outlet, the opening words", () => {
  assert.equal(articleName(article({}), text), "Vladimir Putin, in a letter published by state");
});

test("with no body at all, the file name without its extension", () => {
  assert.equal(articleName(article({ source: "seeds/003_ab.txt", body: [] }), ""), "003_ab");
});

test("two articles of one name are told apart, and summaries name articles", () => {
  const report = { inputs: [{}, {}], articles: [article({ id: "a1", input: 0, outlet: "RT" }), article({ id: "a2", input: 1, outlet: "RT" })] };
  const names = articleNames(report, [text, text]);
  assert.deepEqual([...names.values()], ["RT (1)", "RT (2)"]);
  assert.equal(nameIds("Kim is spelled 'Kim' (a1) vs 'Kim Jong' (a2, 2025-05-29) in a1", names), "Kim is spelled 'Kim' (RT (1)) vs 'Kim Jong' (RT (2), 2025-05-29) in a1");
  assert.equal(short("Putin Sends Personal Letter to Kim Jong-un", 20), "Putin Sends…");
});
