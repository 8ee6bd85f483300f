// The size budget (issue 8): everything a page downloads to show <parallax-compare> — the
// WebAssembly, its glue, the API, the element and the views — gzipped. Above BUDGET_GZIP the test
// fails; above TARGET_GZIP (where the analyzer should be) the second test is reported as a to-do,
// so every run shows how far off the target it is without stopping the other engineers' work.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUDGET_GZIP, DIST, TARGET_GZIP, parts, report } from "../../scripts/package.mjs";

const lines = [];
const total = report(DIST, (line) => lines.push(line));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

test("issue_8 the embedded analyzer stays within its gzipped size budget", () => {
  console.log(lines.join("\n"));
  const all = parts(DIST);
  // Every part was found and measured; the inline copy is an alternative, not counted.
  for (const p of all) assert.ok(p.gz > 0, `${p.name} is in the package`);
  assert.equal(total, all.filter((p) => !p.optional).reduce((sum, p) => sum + p.gz, 0));
  assert.ok(total <= BUDGET_GZIP, `${kb(total)} gzipped is over the budget of ${kb(BUDGET_GZIP)}`);
});

test(
  "issue_8 the embedded analyzer meets the 200 KB gzipped target",
  { todo: total > TARGET_GZIP ? `${kb(total - TARGET_GZIP)} over the target; see node scripts/wasm-cost.mjs` : false },
  () => {
    assert.ok(total <= TARGET_GZIP, `${kb(total)} gzipped is over the target of ${kb(TARGET_GZIP)}`);
  },
);
