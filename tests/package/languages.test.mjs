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

test("issue_3 a German source loads the German pack, and only it", () => {
  const { available, loaded } = px.languagePacks();
  assert.ok(available.includes("de") && available.includes("fr"), available.join(" "));
  assert.ok(!available.includes("en"), "English is built in");
  assert.deepEqual(loaded, [], "no pack is built into the WebAssembly");

  assert.deepEqual(px.languagesNeeded(english), []);
  assert.equal(px.analyze(english).conflicts.length, 1);
  assert.deepEqual(px.languagePacks().loaded, [], "English needs no pack");

  assert.deepEqual(px.languagesNeeded(german), ["de"]);
  const report = px.analyze(german);
  assert.deepEqual(px.languagePacks().loaded, ["de"]);
  assert.deepEqual(px.languagesNeeded(german), []);
  assert.deepEqual(packWarnings(report), []);
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
  bare.terminate();
  // The default worker reads the package's packs.
  const full = px.createAnalyzer();
  const again = await full.analyze(german);
  assert.deepEqual(packWarnings(again), []);
  assert.equal(again.conflicts.length, 1);
  full.terminate();
});
