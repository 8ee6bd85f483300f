#!/usr/bin/env bash
# Licences and sources of every dependency, offline (npm test calls this):
#   - Rust: `cargo deny check licenses bans sources` with deny.toml, for the crate and for fuzz/;
#   - npm: every package in package-lock.json has an allowed licence (the same list, read from
#     deny.toml), an integrity hash, and comes from the npm registry (no git, file or URL specs);
#   - DEPENDENCIES.md lists them all and is up to date (`--write` regenerates it).
# Advisories (RustSec, npm audit) are not checked: they need a network the build machines lack.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
log() { printf '[licenses] %s\n' "$*" >&2; }

DENY_VERSION=0.20.2
if ! cargo deny --version 2>/dev/null | grep -qF "$DENY_VERSION"; then
  log "installing cargo-deny $DENY_VERSION (a few minutes, once)"
  cargo install cargo-deny --version "$DENY_VERSION" --locked
fi

for manifest in Cargo.toml fuzz/Cargo.toml; do
  # The crates must be in the local cache for the offline check (a no-op when they are).
  cargo fetch --locked --quiet --manifest-path "$manifest"
  log "cargo deny: $manifest"
  # One config for both graphs: the fuzz crate's licence exception is simply unused in the main one.
  cargo deny --offline --locked --manifest-path "$manifest" --config deny.toml \
    check --hide-inclusion-graph -A license-exception-not-encountered licenses bans sources
done

write=0
[ "${1:-}" = "--write" ] && write=1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo metadata --format-version 1 --offline --locked --manifest-path Cargo.toml >"$tmp/rust.json"
cargo metadata --format-version 1 --offline --locked --manifest-path fuzz/Cargo.toml >"$tmp/fuzz.json"
WRITE=$write METADATA="$tmp" node --input-type=module - <<'EOF'
import { readFileSync, writeFileSync } from "node:fs";

const fail = (msg) => {
  console.error(`[licenses] ${msg}`);
  process.exitCode = 1;
};

// The allowed licences: the [licenses] allow list of deny.toml.
const deny = readFileSync("deny.toml", "utf8");
const section = deny.split(/^\[licenses\]$/m)[1] ?? "";
const list = section.match(/^allow\s*=\s*\[([^\]]*)\]/m);
const allowed = new Set(list ? [...list[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : []);
if (allowed.size === 0) fail("deny.toml has no [licenses] allow list");

// An SPDX expression with AND, OR, WITH and parentheses (and the old "MIT/Apache-2.0" form).
function permitted(expr) {
  const tokens = expr.replace(/\//g, " OR ").match(/\(|\)|[^\s()]+/g) ?? [];
  let i = 0;
  const primary = () => {
    if (tokens[i] === "(") {
      i++;
      const v = or();
      i++;
      return v;
    }
    let id = tokens[i++] ?? "";
    if (tokens[i] === "WITH") {
      id += ` WITH ${tokens[i + 1]}`;
      i += 2;
    }
    return allowed.has(id.replace(/\+$/, ""));
  };
  const and = () => {
    let v = primary();
    while (tokens[i] === "AND") {
      i++;
      v = primary() && v;
    }
    return v;
  };
  const or = () => {
    let v = and();
    while (tokens[i] === "OR") {
      i++;
      v = and() || v;
    }
    return v;
  };
  return tokens.length > 0 && or() && i === tokens.length;
}

// npm: licences and sources from the lock file.
const REGISTRY = "https://registry.npmjs.org/";
const lock = JSON.parse(readFileSync("package-lock.json", "utf8"));
const pkg = JSON.parse(readFileSync("package.json", "utf8"));
if ((lock.lockfileVersion ?? 0) < 2) fail("package-lock.json must be lockfileVersion 2 or later");
for (const field of ["dependencies", "devDependencies", "optionalDependencies"]) {
  for (const [name, spec] of Object.entries(pkg[field] ?? {})) {
    if (/^(git|git\+|https?:|file:|link:|github:)|\//.test(spec) && !spec.startsWith("npm:")) {
      fail(`package.json: ${name} comes from "${spec}", not from the npm registry`);
    }
  }
}
const npm = [];
for (const [path, p] of Object.entries(lock.packages ?? {})) {
  if (path === "") continue;
  const name = p.name ?? path.slice(path.lastIndexOf("node_modules/") + "node_modules/".length);
  if (p.link) {
    fail(`${name}: a link to ${p.resolved}, not a package from the registry`);
    continue;
  }
  if (p.resolved && !p.resolved.startsWith(REGISTRY)) fail(`${name}: comes from ${p.resolved}`);
  if (!/^sha(512|384|256)-/.test(p.integrity ?? "")) fail(`${name}: no integrity hash in package-lock.json`);
  if (!p.license) fail(`${name}@${p.version}: no licence declared`);
  else if (!permitted(p.license)) fail(`${name}@${p.version}: licence "${p.license}" is not allowed by deny.toml`);
  npm.push({ name, version: p.version, license: p.license ?? "?", dev: !!p.dev });
}

// Rust: the packages cargo resolved, with their licences (cargo deny checked them above).
const rust = (json, role) => {
  const m = JSON.parse(json);
  const local = new Set(m.workspace_members);
  return m.packages
    .filter((p) => !local.has(p.id))
    .map((p) => ({ name: p.name, version: p.version, license: p.license ?? p.license_file ?? "?", role }));
};
const crates = new Map();
const metadata = (name) => readFileSync(`${process.env.METADATA}/${name}.json`, "utf8");
for (const c of [...rust(metadata("rust"), "parallax"), ...rust(metadata("fuzz"), "fuzz")]) {
  const key = `${c.name}@${c.version}`;
  if (!crates.has(key)) crates.set(key, c);
}

const byName = (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version);
const table = (rows, extra) =>
  rows
    .sort(byName)
    .map((r) => `| ${r.name} | ${r.version} | ${r.license} | ${extra(r)} |`)
    .join("\n");
const doc = `# Dependencies

Every third-party package parallax builds or tests with, with its licence. Generated by
\`bash scripts/check-licenses.sh --write\`; \`npm test\` fails when this file is out of date, when a
licence is not in the \`[licenses] allow\` list of \`deny.toml\`, or when a package comes from
anywhere but crates.io or the npm registry.

## Rust crates (crates.io, from \`Cargo.lock\` and \`fuzz/Cargo.lock\`)

All targets and features: the native CLI and tests, the WASM build, and the fuzz targets
(\`fuzz\` in the last column: only the fuzz targets use it).

| crate | version | licence | used by |
|---|---|---|---|
${table([...crates.values()], (r) => r.role)}

## npm packages (registry.npmjs.org, from \`package-lock.json\`)

All are development tools (building, serving and testing the page); the page itself loads none.

| package | version | licence | kind |
|---|---|---|---|
${table(npm, (r) => (r.dev ? "dev" : "runtime"))}
`;
if (process.env.WRITE === "1") {
  writeFileSync("DEPENDENCIES.md", doc);
  console.error("[licenses] wrote DEPENDENCIES.md");
} else {
  let current = "";
  try {
    current = readFileSync("DEPENDENCIES.md", "utf8");
  } catch {}
  if (current !== doc) fail("DEPENDENCIES.md is out of date: run `bash scripts/check-licenses.sh --write`");
}
const count = (rows) => Object.entries(rows.reduce((m, r) => ((m[r.license] = (m[r.license] ?? 0) + 1), m), {}));
console.error(
  `[licenses] ${crates.size} crates and ${npm.length} npm packages; npm licences: ${count(npm)
    .map(([l, n]) => `${l} ${n}`)
    .join(", ")}`,
);
if (process.exitCode) console.error("[licenses] FAILED");
EOF
