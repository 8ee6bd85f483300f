// What each crate costs in the WebAssembly. Takes the module that cargo built for wasm32 (names
// still in it), shrinks it with the same wasm-opt passes as the release build but keeping the
// function names, and sums the code size of each function by the crate its name comes from.
// Gzipped sizes are apportioned by raw share (gzip works on the whole file, not per function).
// Usage: node scripts/wasm-cost.mjs [module.wasm] [--top N [crate]] [--families N] [--languages]
// (module: default the last `npm run build`'s input)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = fileURLToPath(new URL("..", import.meta.url));
const target = process.env.CARGO_TARGET_DIR || join(root, "target");
const input = (process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : null) || join(target, "wasm32-unknown-unknown", "release", "parallax.wasm");
if (!existsSync(input)) {
  console.error(`wasm-cost: ${input} is missing; run npm run build first`);
  process.exit(1);
}

const tmp = mkdtempSync(join(tmpdir(), "parallax-cost-"));
const opt = join(tmp, "opt.wasm");
const wasmOpt = join(root, "node_modules", ".bin", "wasm-opt");
// wasm-bindgen first, as the release build does: it removes its own descriptor functions.
execFileSync("wasm-bindgen", ["--target", "web", "--out-dir", tmp, "--out-name", "cost", input]);
execFileSync(wasmOpt, [join(tmp, "cost_bg.wasm"), "-Oz", "--low-memory-unused", "--zero-filled-memory", "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--flatten", "--rereloop", "-Oz", "-Oz", "--debuginfo", "-o", opt]);
const bytes = readFileSync(opt);
rmSync(tmp, { recursive: true, force: true });

let pos = 8;
const u32 = () => {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return result;
  }
};
const str = () => {
  const n = u32();
  const s = bytes.toString("utf8", pos, pos + n);
  pos += n;
  return s;
};

let imported = 0;
const bodies = [];
const names = new Map();
const sections = {};
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const end = pos + size;
  if (id === 2) {
    for (let n = u32(); n > 0; n--) {
      str();
      str();
      const kind = bytes[pos++];
      if (kind === 0) {
        u32();
        imported++;
      } else if (kind === 1) {
        pos++;
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 2) {
        const flags = u32();
        u32();
        if (flags & 1) u32();
      } else if (kind === 3) pos += 2;
      else u32();
    }
  } else if (id === 10) {
    for (let n = u32(); n > 0; n--) {
      const len = u32();
      bodies.push(len);
      pos += len;
    }
  } else if (id === 0) {
    const name = str();
    if (name === "name") {
      while (pos < end) {
        const sub = bytes[pos++];
        const len = u32();
        const subEnd = pos + len;
        if (sub === 1) for (let n = u32(); n > 0; n--) names.set(u32(), str());
        pos = subEnd;
      }
    }
  }
  sections[id] = (sections[id] || 0) + size;
  pos = end;
}

const EXPORTS = new Set(
  [...readFileSync(join(root, "www", "pkg", "parallax.d.ts"), "utf8").matchAll(/^export function (\w+)/gm)].map((m) => m[1]),
);

/** The crate a Rust symbol (v0 `_R…`, legacy `_ZN…`, or already demangled) belongs to. */
function crateOf(name) {
  let crate = null;
  if (name.startsWith("_R")) {
    // v0: the first crate root `C<disambiguator>_<len><name>` in the path.
    const m = name.match(/C(?:s[0-9A-Za-z]*_)?(\d+)/);
    if (m) crate = name.substr(m.index + m[0].length, Number(m[1]));
  } else {
    let s = name.replace(/^_ZN/, "");
    const len = s.match(/^(\d+)/);
    if (len) s = s.substr(len[0].length, Number(len[1]));
    s = s.replace(/^_?\$LT\$/, "").replace(/^</, "");
    const m = s.match(/^[A-Za-z_][A-Za-z0-9_]*/);
    crate = m ? m[0] : null;
  }
  if (!crate) return "(unnamed)";
  if (/^(core|alloc|std|compiler_builtins|dlmalloc|hashbrown|rustc_demangle|memcmp|memcpy|memset|memmove|__)/.test(crate)) return "Rust std (core, alloc, std, hashbrown)";
  if (/^(wasm_bindgen|js_sys|web_sys|serde_wasm_bindgen|console_error_panic_hook|__wbg|__wbindgen|__externref)/.test(crate)) return "wasm-bindgen, js-sys, serde-wasm-bindgen";
  // libm, which std links for floating-point functions.
  if (/^(round|floor|ceil|trunc|sqrt|fmax|fmin|fmod|exp2?|log(2|10)?|pow|sin|cos|tan)f?$/.test(crate)) return "Rust std (core, alloc, std, hashbrown)";
  // wasm-bindgen's export shims carry the JavaScript names (analyze, presetConfig…).
  if (EXPORTS.has(crate)) return "parallax";
  // Trait impls on primitive or generic types (`<f64 as Display>::fmt`, float formatting) are std's.
  if (/^([iu](8|16|32|64|128|size)|f32|f64|bool|char|str|[A-Z]|Ref|U64)$/.test(crate)) return "Rust std (core, alloc, std, hashbrown)";
  return crate;
}

const byCrate = new Map();
const fns = [];
bodies.forEach((len, i) => {
  const name = names.get(imported + i) || "";
  const crate = crateOf(name);
  byCrate.set(crate, (byCrate.get(crate) || 0) + len);
  fns.push([len, crate, name]);
});
const data = sections[11] || 0;
const code = bodies.reduce((a, b) => a + b, 0);
// The custom sections (names, producers) are not shipped.
const custom = sections[0] || 0;
const total = bytes.length - custom;
const shipped = readFileSync(join(root, "www", "pkg", "parallax_bg.wasm"));
const gz = gzipSync(shipped, { level: 9 }).length;
const rows = [...byCrate.entries()].sort((a, b) => b[1] - a[1]);
rows.push(["data (word lists, tables, strings)", data], ["other sections", total - code - data]);
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;
console.log(`${"part of the WebAssembly".padEnd(44)} ${"raw".padStart(10)} ${"≈ gzip".padStart(10)}`);
for (const [name, size] of rows) console.log(`${name.padEnd(44)} ${kb(size)} ${kb((size * gz) / total)}`);
console.log(`${"total without names".padEnd(44)} ${kb(total)}`);
console.log(`${"as shipped (www/pkg, after wasm-bindgen)".padEnd(44)} ${kb(shipped.length)} ${kb(gz)}`);

// --top N [crate]: the N largest functions (of one crate, when named), to see where a part's size goes.
const top = process.argv.indexOf("--top");
if (top > 0) {
  const n = Number(process.argv[top + 1]) || 30;
  const only = process.argv[top + 2];
  fns.sort((a, b) => b[0] - a[0]);
  for (const [len, crate, name] of fns.filter((f) => !only || f[1].startsWith(only)).slice(0, n)) {
    console.log(`${kb(len)}  ${crate.slice(0, 12).padEnd(12)} ${name.slice(0, 150)}`);
  }
}

// --families N: the N largest generic families — functions grouped by name with the type
// arguments inside their outer type or function left out (`FlatMap<…> as Iterator>::next`), with
// the number of copies — to find generic code compiled once per type. The names carry their type
// arguments only in a build with v0 symbols: RUSTFLAGS="-C symbol-mangling-version=v0"
// CARGO_TARGET_DIR=<another dir> cargo build --lib --release --target wasm32-unknown-unknown
// --no-default-features, then pass that dir's parallax.wasm (its own dir keeps the usual build's
// cache).
const families = process.argv.indexOf("--families");
if (families > 0) {
  const n = Number(process.argv[families + 1]) || 30;
  const byFamily = new Map();
  for (const [len, , name] of fns) {
    let depth = 0;
    let key = "";
    for (const ch of name.replace(/\[[0-9a-f]+\]/g, "")) {
      if (ch === "<") depth++;
      if (depth <= 1) key += ch;
      else if (depth === 2 && ch === "<") key += "<…";
      else if (depth === 2 && ch === ">") key += ">";
      if (ch === ">") depth--;
    }
    const f = byFamily.get(key) || { size: 0, copies: 0 };
    f.size += len;
    f.copies++;
    byFamily.set(key, f);
  }
  const rows = [...byFamily.entries()].sort((a, b) => b[1].size - a[1].size).slice(0, n);
  for (const [key, f] of rows) console.log(`${kb(f.size)} ${String(f.copies).padStart(5)}×  ${key.slice(0, 150)}`);
}

// --languages: what each language costs — its data files (each gzipped on its own, an upper
// bound of what it adds to the gzipped module) and its Snowball stemmer's code.
if (process.argv.includes("--languages")) {
  const { readdirSync } = await import("node:fs");
  const STEMMERS = { ar: "arabic", da: "danish", de: "german", el: "greek", en: "english", es: "spanish", fi: "finnish", fr: "french", hu: "hungarian", it: "italian", nl: "dutch", no: "norwegian", pt: "portuguese", ro: "romanian", ru: "russian", sv: "swedish", ta: "tamil", tr: "turkish" };
  const stemmerCode = new Map();
  for (const [len, , name] of fns) {
    const m = name.match(/rust_stemmers::snowball::algorithms::([a-z_]+)/);
    if (m) stemmerCode.set(m[1], (stemmerCode.get(m[1]) || 0) + len);
  }
  const kinds = readdirSync(join(root, "data"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  const langs = new Set(Object.keys(STEMMERS));
  for (const k of kinds) for (const f of readdirSync(join(root, "data", k))) if (/^[a-z]{2}\.txt$/.test(f)) langs.add(f.slice(0, 2));
  const gzOf = (file) => (existsSync(file) ? gzipSync(readFileSync(file), { level: 9 }).length : 0);
  const ratio = gz / total;
  console.log(`\n${"language".padEnd(9)}${kinds.map((k) => k.padStart(13)).join("")}${"stemmer".padStart(13)}${"total".padStart(13)}   (KB gzipped; stemmer ≈ raw code × ${ratio.toFixed(2)})`);
  // Lists in a language pack (src/packs.rs) are not in the WebAssembly: marked with "p".
  const { fromRust } = await import("./packs.mjs");
  const packs = fromRust();
  const inPack = (kind, lang) => packs.kinds.includes(kind) && packs.codes.includes(lang);
  let sum = 0;
  let packed = 0;
  for (const lang of [...langs].sort()) {
    const cells = kinds.map((k) => gzOf(join(root, "data", k, `${lang}.txt`)));
    const stem = STEMMERS[lang] ? (stemmerCode.get(STEMMERS[lang]) || 0) * ratio : 0;
    const all = cells.reduce((a, b) => a + b, 0) + stem;
    sum += all;
    cells.forEach((c, i) => inPack(kinds[i], lang) && (packed += c));
    const f = (n, p = false) => (n ? (n / 1024).toFixed(1) + (p ? "p" : "") : "–").padStart(13);
    console.log(`${lang.padEnd(9)}${cells.map((c, i) => f(c, inPack(kinds[i], lang))).join("")}${f(stem)}${f(all)}`);
  }
  console.log(`${"all".padEnd(9)}${" ".repeat(13 * (kinds.length + 1))}${((sum / 1024).toFixed(1)).padStart(13)}`);
  console.log(`of which in language packs (p; not in the WebAssembly, loaded when a text needs them): ${(packed / 1024).toFixed(1)} KB`);
  const packDir = join(root, "www", "pkg", "lang");
  if (existsSync(packDir)) {
    const files = readdirSync(packDir).filter((f) => f.endsWith(".txt")).sort();
    console.log(`packs as shipped (www/pkg/lang, gzipped): ${files.map((f) => `${f.replace(/\.txt$/, "")} ${(gzOf(join(packDir, f)) / 1024).toFixed(1)}`).join(", ")} KB`);
  }
}
