// What an article is called in its tab and chips (www/render.js `articleName`): the title, the
// reader's own name for the box, the outlet, the opening words, and only then a file name.
import { test } from "node:test";
import assert from "node:assert/strict";
import { articleName } from "../../www/render.js";

const text = "  Vladimir Putin, in a letter published by state media, assured his commitment.";
const article = (fields) => ({ source: "Article 2", title: null, outlet: null, body: [{ start: 2, end: text.length }], ...fields });

test("the title comes first", () => {
  assert.equal(articleName(article({ title: " Putin writes to Kim ", outlet: "RT", source: "rt piece" }), text), "Putin writes to Kim");
});

test("a name the reader gave beats the outlet; a default box name or a file name does not", () => {
  assert.equal(articleName(article({ source: "RT, 27 July", outlet: "RT" }), text), "RT, 27 July");
  assert.equal(articleName(article({ source: "Article 2", outlet: "RT" }), text), "RT");
  assert.equal(articleName(article({ source: "seeds/002_83193f1a8cb9cce4.txt", outlet: "RT" }), text), "RT");
});

test("without title, name or outlet, the opening words", () => {
  assert.equal(articleName(article({}), text), "Vladimir Putin, in a letter published by state");
});

test("with no body at all, the file name without its extension", () => {
  assert.equal(articleName(article({ source: "seeds/003_ab.txt", body: [] }), ""), "003_ab");
});
