// TypeScript declarations for the data that crosses into JavaScript, generated from the Rust
// definitions so that a field added to `Report` or `Config` reaches the package's types with its
// doc comment and nobody has to copy it by hand. It reads `pub struct`/`pub enum` items under
// src/ in the form rustfmt writes them and understands the serde attributes the crate uses
// (rename, rename_all, default, skip_serializing_if, skip); anything else stops it with a message
// rather than produce wrong types. tests/package checks the result against real reports.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Types whose serialized form is not their Rust shape. */
const KNOWN = { Score: "number" };
const PRIMITIVE = {
  String: "string",
  str: "string",
  "&'static str": "string",
  "&str": "string",
  bool: "boolean",
  char: "string",
  ...Object.fromEntries(["u8", "u16", "u32", "u64", "usize", "i8", "i16", "i32", "i64", "isize", "f32", "f64"].map((t) => [t, "number"])),
};

function rustFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === "bin" ? [] : rustFiles(join(dir, e.name))) : e.name.endsWith(".rs") ? [join(dir, e.name)] : [],
  );
}

/** Every `pub struct` and `pub enum` with a braced body: name → {kind, docs, attrs, body, file}. */
function items(src) {
  const found = new Map();
  for (const file of rustFiles(src)) {
    const lines = readFileSync(file, "utf8").split("\n");
    for (let i = 0; i < lines.length; i++) {
      const m = lines[i].match(/^pub (struct|enum) (\w+)(?:<[^>]*>)? \{$/);
      if (!m) continue;
      const head = [];
      for (let j = i - 1; j >= 0 && /^\s*(\/\/\/|#\[)/.test(lines[j]); j--) head.unshift(lines[j].trim());
      const body = [];
      let k = i + 1;
      for (; k < lines.length && lines[k] !== "}"; k++) body.push(lines[k]);
      found.set(m[2], { kind: m[1], name: m[2], head, body, file: file.slice(root.length) });
      i = k;
    }
  }
  return found;
}

const docsOf = (lines) => lines.filter((l) => l.startsWith("///")).map((l) => l.replace(/^\/\/\/ ?/, ""));
const serdeOf = (lines) =>
  lines
    .filter((l) => l.startsWith("#[serde("))
    .flatMap((l) => splitTop(l.slice("#[serde(".length, -2)))
    .map((a) => a.trim());

/** Splits at commas outside brackets and quotes. */
function splitTop(text) {
  const out = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (const c of text) {
    if (c === '"') quoted = !quoted;
    if (!quoted && "<([".includes(c)) depth++;
    if (!quoted && ">)]".includes(c)) depth--;
    if (c === "," && depth === 0 && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (cur.trim()) out.push(cur);
  return out;
}

const renamer = (rule) => {
  if (!rule) return (s) => s;
  if (rule === "snake_case") return (s) => s.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  if (rule === "lowercase") return (s) => s.toLowerCase();
  throw new Error(`rename_all = "${rule}" is not supported by scripts/gen-types.mjs`);
};
const attrValue = (attrs, key) => {
  const a = attrs.find((x) => x.startsWith(`${key} =`) || x.startsWith(`${key}=`));
  return a ? a.split("=").slice(1).join("=").trim().replace(/^"|"$/g, "") : undefined;
};

function comment(docs, indent) {
  if (!docs.length) return "";
  // Rust intra-doc links read as plain code in TypeScript.
  const text = docs.map((d) => d.replace(/\[`([^`]+)`\]/g, "`$1`").replace(/\*\//g, "* /"));
  return text.length === 1 ? `${indent}/** ${text[0]} */\n` : `${indent}/**\n${text.map((t) => `${indent} * ${t}`.trimEnd()).join("\n")}\n${indent} */\n`;
}

/**
 * Declarations for `roots`: [{rust, ts, input}] — `input` types are read by serde (fields with a
 * default are optional), the others are written by it.
 */
export function generate(roots, src = join(root, "src")) {
  const all = items(src);
  const out = [];
  const done = new Map();
  const queue = roots.map((r) => ({ ...r }));
  const nameOf = (rust, input) => {
    const root = roots.find((r) => r.rust === rust && !!r.input === !!input);
    return root ? root.ts : rust;
  };

  function tsType(type, input, queueMore) {
    type = type.trim();
    if (PRIMITIVE[type]) return PRIMITIVE[type];
    if (KNOWN[type]) return KNOWN[type];
    let m = type.match(/^Vec<(.+)>$/);
    if (m) {
      const inner = tsType(m[1], input, queueMore);
      return /[| ]/.test(inner) ? `(${inner})[]` : `${inner}[]`;
    }
    m = type.match(/^Option<(.+)>$/);
    if (m) return `${tsType(m[1], input, queueMore)} | null`;
    m = type.match(/^(?:BTreeMap|HashMap)<\s*String\s*,(.+)>$/);
    if (m) return `Record<string, ${tsType(m[1], input, queueMore)}>`;
    // Fixed-size arrays: a tuple when the length is a literal, an array when it is a constant.
    m = type.match(/^\[(.+);\s*(\w+)\]$/);
    if (m && /^\d+$/.test(m[2])) return `[${Array(Number(m[2])).fill(tsType(m[1], input, queueMore)).join(", ")}]`;
    if (m) return `${tsType(m[1], input, queueMore)}[]`;
    m = type.match(/^\((.+)\)$/);
    if (m) return `[${splitTop(m[1]).map((t) => tsType(t, input, queueMore)).join(", ")}]`;
    const bare = type.replace(/^(crate|super|self)::(\w+::)*/, "");
    if (!all.has(bare)) throw new Error(`scripts/gen-types.mjs does not know the type ${type}; add it to KNOWN`);
    queueMore({ rust: bare, ts: nameOf(bare, input), input });
    return nameOf(bare, input);
  }

  while (queue.length) {
    const want = queue.shift();
    const key = `${want.rust}/${want.input ? "in" : "out"}`;
    const item = all.get(want.rust);
    if (!item) throw new Error(`no pub struct or enum ${want.rust} under src/`);
    const other = `${want.rust}/${want.input ? "out" : "in"}`;
    if (done.has(key) || (done.has(other) && item.kind === "enum")) continue;
    if (done.has(other)) throw new Error(`${want.rust} is both read and written by serde; scripts/gen-types.mjs would need two names for it`);
    done.set(key, true);
    const attrs = serdeOf(item.head);
    const unsupported = attrs.filter((a) => !/^(rename_all|default)\b/.test(a));
    if (unsupported.length) throw new Error(`${item.file}: ${want.rust} has #[serde(${unsupported})], which scripts/gen-types.mjs does not handle`);
    const rename = renamer(attrValue(attrs, "rename_all"));
    const structDefault = attrs.includes("default");
    const docs = docsOf(item.head);
    if (item.kind === "enum") {
      const variants = [];
      let pending = [];
      for (const line of item.body.map((l) => l.trim())) {
        if (line.startsWith("///") || line.startsWith("#[")) pending.push(line);
        else if (/^\w+,?$/.test(line)) {
          const name = line.replace(/,$/, "");
          const vattrs = serdeOf(pending);
          const own = attrValue(vattrs, "rename");
          if (vattrs.some((a) => !/^rename\b/.test(a))) throw new Error(`${item.file}: variant ${name} has #[serde(${vattrs})]`);
          variants.push({ value: own ?? rename(name), docs: docsOf(pending) });
          pending = [];
        } else if (line) throw new Error(`${item.file}: ${want.rust} has a variant with data (${line}); scripts/gen-types.mjs handles unit variants only`);
      }
      const body = variants.map((v) => `${comment(v.docs, "  ")}  | ${JSON.stringify(v.value)}`).join("\n");
      out.push(`${comment(docs, "")}export type ${want.ts} =\n${body};\n`);
      continue;
    }
    const fields = [];
    let pending = [];
    for (const raw of item.body) {
      const line = raw.trim();
      if (line.startsWith("///") || line.startsWith("#[")) {
        pending.push(line);
        continue;
      }
      const m = line.match(/^pub (\w+): (.+),$/);
      if (!m) {
        if (line && !line.startsWith("//")) throw new Error(`${item.file}: cannot read the field line "${line}" of ${want.rust}`);
        pending = [];
        continue;
      }
      const fattrs = serdeOf(pending);
      const odd = fattrs.filter((a) => !/^(rename|default|skip_serializing_if|skip)\b/.test(a));
      if (odd.length) throw new Error(`${item.file}: field ${m[1]} of ${want.rust} has #[serde(${odd})], which scripts/gen-types.mjs does not handle`);
      if (fattrs.includes("skip") || (!want.input && fattrs.includes("skip_serializing"))) {
        pending = [];
        continue;
      }
      const optional = want.input ? structDefault || fattrs.some((a) => /^default\b/.test(a)) : fattrs.some((a) => /^skip_serializing_if\b/.test(a));
      let type = tsType(m[2], want.input, (more) => queue.push(more));
      // An omitted optional field reads as absent, not null.
      if (optional && want.input) type = type.replace(/ \| null$/, "");
      fields.push(`${comment(docsOf(pending), "  ")}  ${attrValue(fattrs, "rename") ?? rename(m[1])}${optional ? "?" : ""}: ${type};`);
      pending = [];
    }
    out.push(`${comment(docs, "")}export interface ${want.ts} {\n${fields.join("\n")}\n}\n`);
  }
  return `// Generated by scripts/gen-types.mjs from the Rust definitions under src/; do not edit.\n\n${out.join("\n")}`;
}

/** The package's roots: what analyze/strip/presetConfig return and what analyze reads. */
export const ROOTS = [
  { rust: "Report", ts: "Report" },
  { rust: "Stripped", ts: "Stripped" },
  { rust: "Config", ts: "FullConfig" },
  { rust: "Preset", ts: "Preset" },
  { rust: "Source", ts: "Source", input: true },
];

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(generate(ROOTS));
}
