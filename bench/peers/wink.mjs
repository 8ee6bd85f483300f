// wink-nlp's tokenizer in Node, timed in-process like parallax's side.
//
//   node bench/peers/wink.mjs NODE_MODULES_DIR TEXT_FILE [--warmup N] [--reps N]
//
// wink-nlp with an empty annotation pipe only tokenizes (no sentence boundaries, POS or
// entities), which is the fair counterpart of `parallax::tokenize`. The English lite web model
// is the one wink-nlp documents for browsers. Prints the same JSON fields as `examples/bench.rs`;
// cpu_ms is the process's user + system time per run (process.cpuUsage). V8 compiles wink-nlp's
// JavaScript in tiers, so it is warmed up until steady (`warmMore`, bench/lib/timing.mjs).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { cpuRuns } from "../lib/timing.mjs";

const [modules, file, ...rest] = process.argv.slice(2);
if (!modules || !file) {
  console.error("usage: wink.mjs NODE_MODULES_DIR TEXT_FILE [--warmup N] [--reps N]");
  process.exit(2);
}
const opts = { "--warmup": 1, "--reps": 5 };
for (let i = 0; i < rest.length; i += 2) opts[rest[i]] = Number(rest[i + 1]);

const require = createRequire(join(modules, "noop.js"));
const winkNLP = require("wink-nlp");
const model = require("wink-eng-lite-web-model");
const nlp = winkNLP(model, []);
const text = readFileSync(file, "utf8");
const loaded = process.resourceUsage().maxRSS;

const { runs, cpu, out, warmups } = cpuRuns(opts["--warmup"], opts["--reps"], () => nlp.readDoc(text).tokens().length());
console.log(
  JSON.stringify({
    task: "tokenize",
    runs_ms: runs,
    cpu_ms: cpu,
    warmup: warmups,
    peak_rss_kb: process.resourceUsage().maxRSS,
    loaded_rss_kb: loaded,
    detail: { bytes: Buffer.byteLength(text), tokens: out },
  }),
);
