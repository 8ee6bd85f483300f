// The quality gate: runs every evaluation listed in eval/gates.json with the native CLI and
// fails when a metric is below its floor, or when a floor was lowered without a written reason.
//   node scripts/eval-gate.mjs            gate (used by npm test)
//   node scripts/eval-gate.mjs --report   print the figures only
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const reportOnly = process.argv.includes("--report");
const gates = JSON.parse(readFileSync(`${root}eval/gates.json`, "utf8"));
const targetDir = process.env.CARGO_TARGET_DIR || `${root}target`;
const bin = `${targetDir}/cli/parallax`;

execFileSync("cargo", ["build", "--quiet", "--profile", "cli", "--bin", "parallax"], { cwd: root, stdio: "inherit" });

/** The highest floor each gate ever had in git history (a floor may only drop with a reason). */
function historicFloors() {
  const best = new Map();
  const log = spawnSync("git", ["log", "--format=%H", "--", "eval/gates.json"], { cwd: root, encoding: "utf8" });
  if (log.status !== 0) return best;
  for (const sha of log.stdout.split("\n").filter(Boolean)) {
    const show = spawnSync("git", ["show", `${sha}:eval/gates.json`], { cwd: root, encoding: "utf8" });
    if (show.status !== 0) continue;
    try {
      for (const g of JSON.parse(show.stdout)) best.set(g.name, Math.max(best.get(g.name) ?? -Infinity, g.floor));
    } catch {
      /* an old malformed version: ignore */
    }
  }
  return best;
}

const history = historicFloors();
// Several gates may read metrics of the same evaluation: run each command once.
const runs = new Map();
const evaluate = (args) => {
  const key = JSON.stringify(args);
  if (!runs.has(key)) runs.set(key, spawnSync(bin, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28 }));
  return runs.get(key);
};
const rows = [];
let failed = 0;
for (const g of gates) {
  const dataArg = g.args.find((a) => a.startsWith("../shared/"));
  if (dataArg && !existsSync(`${root}${dataArg}`)) {
    rows.push([g.name, g.metric, "missing data", g.floor, "FAIL"]);
    failed++;
    continue;
  }
  const run = evaluate(g.args);
  let value = NaN;
  try {
    value = JSON.parse(run.stdout.trim().split("\n").pop())[g.metric];
  } catch {
    /* reported below */
  }
  let verdict = "ok";
  if (typeof value !== "number" || !(value >= g.floor)) verdict = "FAIL";
  const past = history.get(g.name);
  if (past !== undefined && g.floor < past && !g.lowered) verdict = `FAIL (floor lowered from ${past} without "lowered": reason)`;
  if (verdict !== "ok") {
    failed++;
    if (run.status !== 0) process.stderr.write(run.stderr);
  }
  rows.push([g.name, g.metric, typeof value === "number" ? value.toFixed(4) : "error", g.floor, verdict]);
}
console.log("| gate | metric | measured | floor | |\n|---|---|---|---|---|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
if (failed && !reportOnly) {
  console.error(`quality gate: ${failed} of ${gates.length} failed`);
  process.exit(1);
}
