// The size budget (issue 8): everything a page downloads to show <parallax-compare> — the
// WebAssembly, its glue, the API, the element and the views — gzipped, at most BUDGET_GZIP.
import { test } from "node:test";
import assert from "node:assert/strict";
import { BUDGET_GZIP, DIST, parts, report } from "../../scripts/package.mjs";

test("issue_8 the embedded analyzer stays within its gzipped size budget", () => {
  const lines = [];
  const total = report(DIST, (line) => lines.push(line));
  console.log(lines.join("\n"));
  const all = parts(DIST);
  // Every part was found and measured; the inline copy is an alternative, not counted.
  for (const p of all) assert.ok(p.gz > 0, `${p.name} is in the package`);
  assert.equal(total, all.filter((p) => !p.optional).reduce((sum, p) => sum + p.gz, 0));
  assert.ok(total <= BUDGET_GZIP, `${(total / 1024).toFixed(1)} KB gzipped is over the budget of ${BUDGET_GZIP / 1024} KB`);
});
