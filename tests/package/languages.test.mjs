// Language packs (issue 3): the WebAssembly holds English only; each other language's word lists
// (abbreviations, number words, page-chrome phrases) are a pack in pkg/lang/<code>.txt, loaded
// when a text needs it. Needs `npm run package` first (scripts/test.sh does it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
// Its own process (node --test runs each file alone), so no other test has loaded a pack yet.
const px = await import(new URL("dist/npm/lib/node.js", `file://${root}`).href);

// Written for this test: two outlets that disagree on a number written in German words.
const german = [
  { name: "a", text: "Die Regierung bewilligte am Montag drei Millionen Euro für die neue Brücke, sagte der Minister.\nArtikel teilen" },
  { name: "b", text: "Die Regierung bewilligte am Montag vier Millionen Euro für die neue Brücke, sagte der Minister." },
];
const english = [
  { name: "a", text: "The council approved three million euros for the new bridge on Monday, the minister said." },
  { name: "b", text: "The council approved four million euros for the new bridge on Monday, the minister said." },
];
const packWarnings = (report) => report.warnings.filter((w) => w.includes("language pack"));
const stemWarnings = (report) => report.warnings.filter((w) => w.includes("stemmer pack"));

test("issue_3 a German source loads the German pack, and only it", () => {
  const { available, loaded } = px.languagePacks();
  assert.ok(available.includes("de") && available.includes("fr"), available.join(" "));
  assert.ok(!available.includes("en"), "English is built in");
  assert.ok(available.includes("stem"), "the stemmers of other languages are a pack");
  assert.deepEqual(loaded, [], "no pack is built into the WebAssembly");

  assert.deepEqual(px.languagesNeeded(english), []);
  assert.equal(px.analyze(english).conflicts.length, 1);
  assert.deepEqual(px.languagePacks().loaded, [], "English needs no pack");

  // German's lists and its stemmer.
  assert.deepEqual(px.languagesNeeded(german), ["de", "stem"]);
  const report = px.analyze(german);
  assert.deepEqual(px.languagePacks().loaded, ["de", "stem"]);
  assert.deepEqual(px.languagesNeeded(german), []);
  assert.deepEqual(packWarnings(report), []);
  assert.deepEqual(stemWarnings(report), []);
  // "drei Millionen" against "vier Millionen": German number words, from the pack.
  assert.equal(report.conflicts.length, 1);
  // "Artikel teilen": German page chrome, from the pack.
  const last = report.sources[0].blocks.at(-1);
  assert.equal(last.kind, "boilerplate");
  assert.equal(last.reason, "known_phrase");
});

test("issue_3 every pack of the package loads; a malformed pack is refused with a message", () => {
  for (const code of px.languagePacks().available) {
    px.loadLanguagePack(code, readFileSync(new URL(`dist/npm/pkg/lang/${code}.txt`, `file://${root}`), "utf8"));
  }
  assert.deepEqual(px.languagePacks().loaded, px.languagePacks().available);
  // lib/core.js names each pack file for bundlers: the same languages as the WebAssembly's.
  const core = readFileSync(new URL("dist/npm/lib/core.js", `file://${root}`), "utf8");
  const named = [...core.matchAll(/new URL\("\.\.\/pkg\/lang\/([a-z]+)\.txt", import\.meta\.url\)/g)].map((m) => m[1]);
  assert.deepEqual(named, px.languagePacks().available);
  assert.throws(() => px.loadLanguagePack("fr", "@@ pack de\n"), /the language pack 'fr' was not loaded: line 1: expected '@@ pack fr'/);
  assert.throws(() => px.loadLanguagePack("xx", "@@ pack xx\n"), /there is no pack for 'xx'/);
});

test("issue_3 without a pack the analysis still runs and says which pack is missing", async () => {
  // A worker that is given no packs at all: German is read without its lists.
  const bare = px.createAnalyzer({ languagePacks: {} });
  const report = await bare.analyze(german);
  assert.equal(report.sources.length, 2);
  assert.equal(report.conflicts.length, 0);
  assert.match(packWarnings(report)[0], /German text was analysed without the German language pack \('de'\)/);
  assert.match(stemWarnings(report)[0], /German words were not stemmed: the stemmer pack \('stem'\) is not loaded/);
  bare.terminate();
  // The default worker reads the package's packs.
  const full = px.createAnalyzer();
  const again = await full.analyze(german);
  assert.deepEqual(packWarnings(again), []);
  assert.equal(again.conflicts.length, 1);
  full.terminate();
});

// Texts in five of the stemmer pack's languages (tests/stems, written for the tests) and the
// reports the native build gives them with every stemmer built in (tests/stem_languages.rs).
const stems = new URL("tests/stems/", `file://${root}`);
const stemLanguages = ["de", "el", "es", "fi", "ru"];
const stemInput = (code) => JSON.parse(readFileSync(new URL(`${code}.json`, stems), "utf8"));
const nativeReport = (code) => JSON.parse(readFileSync(new URL(`${code}.expected.json`, stems), "utf8"));
const packText = (code) => readFileSync(new URL(`dist/npm/pkg/lang/${code}.txt`, `file://${root}`), "utf8");

test("issue_8 with the stemmer pack the WebAssembly's reports are the native ones", () => {
  for (const code of stemLanguages) {
    const sources = stemInput(code);
    // Node reads the packs the text needs (its own and the stemmer pack) from the package.
    assert.deepEqual(px.analyze(sources), nativeReport(code), code);
  }
  assert.ok(px.languagePacks().loaded.includes("stem"));
});

test("issue_8 without the stemmer pack the reports differ and say why; a bad pack is refused", async () => {
  // A worker given every pack but the stemmer pack: the word lists are there, the stems are not.
  const lists = Object.fromEntries(px.languagePacks().available.filter((c) => c !== "stem").map((c) => [c, packText(c)]));
  const bare = px.createAnalyzer({ languagePacks: lists });
  for (const code of stemLanguages) {
    const report = await bare.analyze(stemInput(code));
    assert.equal(stemWarnings(report).length, 1, `${code}: ${report.warnings.join(" | ")}`);
    assert.deepEqual(packWarnings(report), [], code);
    const { warnings: _, ...rest } = report;
    const { warnings: __, ...native } = nativeReport(code);
    assert.notDeepEqual(rest, native, `${code}: stems made no difference to the report`);
  }
  bare.terminate();
  // The same pack given as an object of texts: stems again.
  const full = px.createAnalyzer({ languagePacks: { ...lists, stem: packText("stem") } });
  assert.deepEqual(await full.analyze(stemInput("fi")), nativeReport("fi"));
  full.terminate();
  assert.throws(() => px.loadLanguagePack("stem", "@@ pack stem\n@@ module\nnot*base64\n"), /the language pack 'stem' was not loaded: line 3: the module is not base64/);
  // Checked even once the pack is loaded (a module that does not compile or lacks the exports is
  // refused when it would be started: tests/web.rs).
  assert.throws(() => px.loadLanguagePack("stem", "@@ pack stem\n@@ module\nSGVsbG8=\n"), /the language pack 'stem' was not loaded: the module is not a WebAssembly module/);
});
