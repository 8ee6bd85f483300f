// The package's stylesheets are minified by scripts/package.mjs (comments and whitespace only):
// Chromium must parse each one to the same rules as the stylesheet the page uses. Needs
// `npm run package` first (scripts/test.sh does it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM_ARGS } from "../e2e/harness.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const SHEETS = [
  ["www/views.css", "dist/npm/views.css"],
  ["www/lib/embed.css", "dist/npm/lib/embed.css"],
];

test("issue_8 each minified stylesheet parses to the same rules as its source", async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    for (const [source, shipped] of SHEETS) {
      const texts = [source, shipped].map((f) => readFileSync(`${root}${f}`, "utf8"));
      assert.ok(texts[1].length < texts[0].length * 0.9, `${shipped} is not minified`);
      // Each rule as Chromium writes it back (a grouping rule with the rules inside it).
      const [want, got] = await page.evaluate(
        (ts) =>
          ts.map((t) => {
            const sheet = new CSSStyleSheet();
            sheet.replaceSync(t);
            return [...sheet.cssRules].map((r) => r.cssText);
          }),
        texts,
      );
      assert.ok(want.length > 5, `${source} has rules`);
      assert.deepEqual(got, want, shipped);
    }
  } finally {
    await browser.close();
  }
});

test("issue_8 the minified JavaScript keeps the patterns bundlers look for, with plain strings", () => {
  // Vite and webpack find the worker and the WebAssembly by these exact shapes; the minifier
  // writes strings as template literals, which package.mjs writes back.
  const analyzer = readFileSync(`${root}dist/npm/lib/analyzer.js`, "utf8");
  assert.ok(analyzer.includes('new URL("./worker.js", import.meta.url)'), "the worker's URL");
  assert.ok(analyzer.includes('{type:"module"}'), "the worker's type");
  const glue = readFileSync(`${root}dist/npm/pkg/parallax.js`, "utf8");
  assert.ok(glue.includes('new URL("parallax_bg.wasm", import.meta.url)'), "the WebAssembly's URL");
});
