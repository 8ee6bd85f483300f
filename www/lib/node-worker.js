// The worker thread behind Node's `createAnalyzer()` (protocol in client.js).
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { analyze, initSync, loadLanguages, presetConfig, setLanguagePacks, strip, version } from "./core.js";
import { serve } from "./client.js";
import { readPack } from "./node-packs.js";

const wasmUrl = new URL("../pkg/parallax_bg.wasm", import.meta.url);
const init = (wasm, packs) => {
  setLanguagePacks(packs === undefined ? readPack : packs);
  initSync(wasm === undefined ? readFileSync(wasmUrl) : wasm);
};
const handle = serve({ init, analyze, strip, presetConfig, version, loadLanguages }, (msg) => parentPort.postMessage(msg));
parentPort.on("message", handle);
