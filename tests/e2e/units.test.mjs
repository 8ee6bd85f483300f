// The page's pure helpers, in Node: naming, Markdown files, file kinds, exports.
import { test } from "node:test";
import assert from "node:assert/strict";
import { fileKind, guessName, markdownToText, wordCount } from "../../www/text.js";
import { toCSV, toMarkdown } from "../../www/export.js";
import { CONFLICT_LABEL } from "../../www/facts.js";
import { readFileSync } from "node:fs";

test("a source is named after its title or first line", () => {
  const cases = [
    ["Harbour Bridge Closes\n\nThe council…", "Harbour Bridge Closes"],
    ["\n\n   \n## Storm *Hits* Coast\nbody", "Storm Hits Coast"],
    ["---\n***\nReal title", "Real title"],
    ["", "fallback"],
    ["A".repeat(80), `${"A".repeat(59)}…`],
    ["Путин и Трамп\nтекст", "Путин и Трамп"],
  ];
  for (const [text, want] of cases) assert.equal(guessName(text, "fallback"), want, JSON.stringify(text));
});

test("Markdown reads as its text", () => {
  const cases = [
    ["# Title\n\nOne *two* **three** `four`.", "Title\n\nOne two three four."],
    ["Line one\nline two\n\nNext", "Line one line two\n\nNext"],
    ["See [the report](http://x.org/a) and ![a photo](p.png).", "See the report and a photo."],
    ["- first\n- second\n1. third", "first\n\nsecond\n\nthird"],
    ["> quoted\n> more", "quoted more"],
    ["Title\n=====\n\nBody", "Title\n\nBody"],
    ["```\ncode line\n```", "code line"],
    ["a_b_c and snake_case stay", "a_b_c and snake_case stay"],
    ["<!-- hidden -->Visible <b>bold</b>", "Visible bold"],
    ["\\*not emphasis\\*", "*not emphasis*"],
  ];
  for (const [md, want] of cases) assert.equal(markdownToText(md), want, JSON.stringify(md));
});

test("file kinds by extension, then by type", () => {
  assert.equal(fileKind("a.HTML"), "html");
  assert.equal(fileKind("a.htm"), "html");
  assert.equal(fileKind("notes.md"), "markdown");
  assert.equal(fileKind("x", "text/markdown"), "markdown");
  assert.equal(fileKind("story.txt"), "text");
  assert.equal(fileKind("story", "text/plain"), "text");
  assert.equal(fileKind("photo.png", "image/png"), null);
  assert.equal(wordCount("It’s 3.5 per-cent, U.S. says"), 5);
});

const report = {
  version: "0.1.0",
  sources: [
    {
      name: "=HYPERLINK(\"x\")",
      sentences: [
        { span: { start: 0, end: 14 }, counterparts: [{ source: 1, sentence: 0, relation: "identical", similarity: 1 }], best_relation: "identical", consensus: true },
        { span: { start: 15, end: 32 }, counterparts: [], best_relation: "unique", consensus: false },
      ],
      divergence: 0.25,
      unique_share: 0.5,
      omitted_share: 0,
      unique: [1],
      omitted: [],
    },
    {
      name: "b|c",
      sentences: [{ span: { start: 0, end: 14 }, counterparts: [{ source: 0, sentence: 0, relation: "identical", similarity: 1 }], best_relation: "identical", consensus: true }],
      divergence: 0,
      unique_share: 0,
      omitted_share: 0,
      unique: [],
      omitted: [],
    },
  ],
  pairs: [{ a: 0, b: 1, divergence: 0.3 }],
  consensus: [{ source: 0, sentence: 0 }, { source: 1, sentence: 0 }],
  warnings: [],
};
const sources = [{ name: "a", text: "Same sentence. He said \"no\",\nok." }, { name: "b", text: "Same sentence." }];

test("CSV: one row per counterpart, quoted, and no formulas", () => {
  const rows = toCSV(report, sources).split("\r\n");
  // The header, three sentence rows, and the empty string after the final line break.
  assert.equal(rows.length, 5);
  assert.equal(rows[1], `1,"'=HYPERLINK(""x"")",1,identical,yes,2,b|c,1,identical,1.00,Same sentence.,Same sentence.`);
  assert.equal(rows[2], `1,"'=HYPERLINK(""x"")",2,unique,no,,,,,,"He said ""no"",\nok.",`);
  assert.equal(rows[3], `2,b|c,1,identical,yes,1,"'=HYPERLINK(""x"")",1,identical,1.00,Same sentence.,Same sentence.`);
  assert.equal(rows[4], "");
});

test("Markdown summary escapes names and lists consensus once", () => {
  const md = toMarkdown(report, sources);
  assert.match(md, /\| 2 \| b\\\|c \| 0\.00 \| 0% \| 0 \|/);
  assert.equal(md.match(/Same sentence\./g).length, 1);
  assert.match(md, /carried by 2 of 2\./);
  assert.match(md, /He said "no", ok\./);
});

test("issue_7 a long Markdown line full of lone marks does not hang the page", { timeout: 20000 }, () => {
  // Quadratic rules would need minutes here; the bounded ones take a fraction of a second.
  for (const line of ["[".repeat(200000), "<".repeat(200000), "**a".repeat(100000), "![".repeat(100000), "*a ".repeat(100000)]) {
    assert.ok(markdownToText(line).length > 0);
  }
});

test("the service worker keeps every file the page loads, so it works offline", async () => {
  const { readFile } = await import("node:fs/promises");
  const www = new URL("../../www/", import.meta.url);
  const sw = await readFile(new URL("sw.js", www), "utf8");
  const kept = new Set([...sw.matchAll(/^\s*"([^"]+)",?$/gm)].map((m) => m[1]));
  const seen = new Set();
  const walk = async (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = await readFile(new URL(file, www), "utf8");
    for (const m of src.matchAll(/(?:import[^"']*|new URL\()["']\.\/([^"']+)["']/g)) {
      const dep = new URL(m[1], new URL(file, "http://x/")).pathname.slice(1);
      if (dep.endsWith(".js")) await walk(dep);
      else seen.add(dep);
    }
  };
  await walk("app.js");
  const html = await readFile(new URL("index.html", www), "utf8");
  for (const m of html.matchAll(/(?:href|src)="([^":#]+)"/g)) seen.add(m[1]);
  seen.add("pkg/parallax_bg.wasm");
  // The service worker's own script is fetched by the browser, not from its cache.
  seen.delete("sw.js");
  for (const f of seen) assert.ok(kept.has(f), `${f} is loaded by the page but not kept by sw.js`);
});

test("every kind of conflict the core reports has words on the page", () => {
  const rust = readFileSync(new URL("../../src/facts.rs", import.meta.url), "utf8");
  const body = rust.match(/pub enum ConflictKind \{([\s\S]*?)\n\}/)[1];
  const kinds = [...body.matchAll(/^\s{4}([A-Z]\w*),?$/gm)].map((m) => m[1].replace(/(?<!^)[A-Z]/g, (c) => `_${c}`).toLowerCase());
  assert.ok(kinds.length >= 9, kinds.join(" "));
  for (const k of kinds) assert.ok(CONFLICT_LABEL[k], `no label for conflict kind ${k}`);
});
