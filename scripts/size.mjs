// Prints the raw and gzipped size of the WASM and its JS glue (scripts/packs.mjs prints the packs').
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";

const pkg = fileURLToPath(new URL("../www/pkg/", import.meta.url));
let raw = 0, gz = 0;
for (const f of ["parallax_bg.wasm", "parallax.js"]) {
  const b = readFileSync(pkg + f);
  const z = gzipSync(b, { level: 9 }).length;
  raw += b.length; gz += z;
  console.error(`size: ${f.padEnd(18)} ${(b.length / 1024).toFixed(1).padStart(7)} KB raw ${(z / 1024).toFixed(1).padStart(7)} KB gzip`);
}
console.error(`size: ${"core (WASM + glue)".padEnd(18)} ${(raw / 1024).toFixed(1).padStart(7)} KB raw ${(gz / 1024).toFixed(1).padStart(7)} KB gzip (language packs above, loaded as needed)`);
