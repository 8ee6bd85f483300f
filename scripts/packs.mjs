// Writes the language packs into www/pkg/lang/<code>.txt: for each language with a pack, its
// lists of data/abbreviations, data/boilerplate and data/values one after another, in the format
// src/packs.rs reads (`@@ pack <code>`, then `@@ list <kind>` before each list). The WebAssembly
// build leaves these lists out; the page and the npm package load them as texts need them.
// And the stemmer pack, www/pkg/lang/stem.txt: the module of scripts/build-stemmers.sh (the
// Snowball stemmers of every language but English), base64 under `@@ pack stem` / `@@ module`.
// Usage: node scripts/packs.mjs   (prints each pack's size, raw and gzipped)
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The lists a pack carries and the languages that have one: as in src/packs.rs. */
export function fromRust() {
  const rust = readFileSync(join(root, "src", "packs.rs"), "utf8");
  const kinds = rust.match(/PACK_KINDS: &\[&str\] = &\[([^\]]*)\]/);
  const langs = rust.match(/PACK_LANGUAGES: &\[Lang\] =\s*&\[([^\]]*)\]/);
  if (!kinds || !langs) throw new Error("src/packs.rs: PACK_KINDS or PACK_LANGUAGES not found");
  return {
    kinds: [...kinds[1].matchAll(/"([a-z]+)"/g)].map((m) => m[1]),
    codes: [...langs[1].matchAll(/Lang::([A-Z][a-z])/g)].map((m) => m[1].toLowerCase()),
  };
}

/**
 * A list's text without its header, as the WebAssembly's built-in lists (`body_start` in
 * src/lexicon.rs, the same rule): from the last comment line above the first item, which names
 * the first group; the comments and blank lines before it are prose for readers of the file.
 */
export function body(text) {
  let start = 0;
  let lastComment = -1;
  for (const line of text.split("\n")) {
    const rest = line.replace(/^[ \t\r]*/, "");
    if (rest !== "" && rest[0] !== "#") return lastComment < 0 ? text : text.slice(lastComment);
    if (rest !== "") lastComment = start;
    start += line.length + 1;
  }
  return text;
}

/** The text of the pack of `code`. */
export function packText(code, kinds = fromRust().kinds) {
  let out = `@@ pack ${code}\n`;
  for (const kind of kinds) {
    const file = join(root, "data", kind, `${code}.txt`);
    if (!existsSync(file)) continue;
    const text = body(readFileSync(file, "utf8"));
    out += `@@ list ${kind}\n${text}${text.endsWith("\n") ? "" : "\n"}`;
  }
  return out;
}

/** The module the stemmer pack carries (scripts/build-stemmers.sh writes it). */
export const STEM_MODULE = join(root, "stemmers", "out", "stemmers.wasm");

/**
 * The text of the stemmer pack: the module as base64 on one line (broken into lines of 76, it
 * gzips to 66.1 KB instead of 60.7 KB: the line breaks cut gzip's matches).
 */
export function stemPackText(module = readFileSync(STEM_MODULE)) {
  return `@@ pack stem\n@@ module\n${module.toString("base64")}\n`;
}

/** Writes every pack into `dir`; returns [{code, raw, gz}]. */
export function writePacks(dir = join(root, "www", "pkg", "lang")) {
  const { kinds, codes } = fromRust();
  if (!existsSync(STEM_MODULE)) throw new Error(`${STEM_MODULE} is missing: run scripts/build-stemmers.sh first`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const texts = [...codes.map((code) => [code, packText(code, kinds)]), ["stem", stemPackText()]];
  const packs = texts.map(([code, text]) => {
    const bytes = Buffer.from(text);
    writeFileSync(join(dir, `${code}.txt`), bytes);
    return { code, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length, bytes };
  });
  // Every list pack in one file, for the page, which loads them all: one request, and they
  // compress better together. Each starts at its `@@ pack` line. The page takes the stemmers as
  // the module's bytes (`stem.wasm`), compiled once as it loads: as base64 text they would be
  // 60.9 KB gzipped instead of 49.5, and decoded and compiled again in every worker.
  writeFileSync(join(dir, "all.txt"), Buffer.concat(packs.filter((p) => p.code !== "stem").map((p) => p.bytes)));
  writeFileSync(join(dir, "stem.wasm"), readFileSync(STEM_MODULE));
  return packs;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const packs = writePacks();
  const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
  for (const p of packs) console.error(`size: ${`pack lang/${p.code}.txt`.padEnd(18)} ${kb(p.raw)} raw ${kb(p.gz)} gzip`);
  const module = readFileSync(STEM_MODULE);
  console.error(`size: ${"stemmers.wasm".padEnd(18)} ${kb(module.length)} raw ${kb(gzipSync(module, { level: 9 }).length)} gzip (the module in lang/stem.txt, as bytes)`);
  const raw = packs.reduce((s, p) => s + p.raw, 0);
  const gz = packs.reduce((s, p) => s + p.gz, 0);
  console.error(`size: ${`all ${packs.length} packs`.padEnd(18)} ${kb(raw)} raw ${kb(gz)} gzip (each loaded only when a text needs it)`);
  const all = readFileSync(join(root, "www", "pkg", "lang", "all.txt"));
  console.error(`size: ${"lang/all.txt".padEnd(18)} ${kb(all.length)} raw ${kb(gzipSync(all, { level: 9 }).length)} gzip (the page loads them all at once, and stem.wasm)`);
}
