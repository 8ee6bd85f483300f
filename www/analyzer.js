// A promise-based front for the analysis worker. A new analysis cancels the one in flight by
// terminating its worker (WASM cannot be interrupted otherwise) and starting a fresh one. A second
// worker converts rich pastes and HTML files, so that converting never waits for, or cancels, a
// long analysis. The page fetches and compiles the WebAssembly and fetches the language packs once,
// as it loads, and hands them to every worker it starts: a worker started later (the converter, a
// replacement after a cancel) makes no request and compiles nothing.
import { sha256 } from "./analysis.js";

const WASM_URL = new URL("./pkg/parallax_bg.wasm", import.meta.url);
// Every language pack in one file (scripts/packs.mjs): the page loads them all as it loads.
const PACKS_URL = new URL("./pkg/lang/all.txt", import.meta.url);
// The stemmers of every language but English: the stemmer pack's module as bytes, compiled once
// here and handed to every worker (the embedders' packs carry it as base64 text).
const STEM_URL = new URL("./pkg/lang/stem.wasm", import.meta.url);

/**
 * {stem, hash}: promises of the stemmer module, compiled, and of its bytes' SHA-256; each null
 * when it cannot be had: texts in those languages are then analysed without stems, and the
 * report says so.
 */
function loadStemmers() {
  const bytes = fetch(STEM_URL)
    .then((r) => (r.ok ? r.arrayBuffer() : null))
    .catch(() => null);
  return {
    stem: bytes.then((b) => (b ? WebAssembly.compile(b) : null)).catch(() => null),
    hash: bytes.then((b) => (b ? sha256(b) : null)),
  };
}

/**
 * {module, packs, stem, hashes}: the compiled WebAssembly (a promise), the packs' text, the
 * compiled stemmer module (a promise), and a promise of their SHA-256.
 */
async function loadCore() {
  const stemmers = loadStemmers();
  const [res, packs] = await Promise.all([
    fetch(WASM_URL),
    // A pack that cannot be had leaves its language without those lists; the report says so.
    fetch(PACKS_URL)
      .then((r) => (r.ok ? r.text() : ""))
      .catch(() => ""),
  ]);
  if (!res.ok) throw new Error(`could not load the analysis (${res.status} for ${WASM_URL.pathname})`);
  const copy = res.clone();
  // Compiled while it arrives; hashed from a copy of the same bytes.
  const module = WebAssembly.compileStreaming(res);
  const hashes = Promise.all([copy.arrayBuffer().then(sha256), sha256(packs), stemmers.hash]).then(([wasm, p, stem]) => ({
    wasm,
    packs: p,
    stem,
  }));
  return { module, packs, stem: stemmers.stem, hashes };
}

export class Analyzer {
  constructor(url = new URL("./worker.js", import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.version = "";
    this.jobs = new Map();
    this.current = null;
    const core = loadCore();
    /** What every worker starts from: {module, packs, stem}, or {error}. */
    this.start = core
      .then(async ({ module, packs, stem }) => ({ module: await module, packs, stem: await stem }))
      .catch((e) => ({ error: String(e && e.message ? e.message : e) }));
    /**
     * The SHA-256 of the WebAssembly, the packs file and the stemmer module every worker runs
     * ({wasm, packs, stem}); null when they could not be loaded or hashed (stem: null when the
     * stemmer module could not be had).
     */
    this.identity = core.then((c) => c.hashes).catch(() => null);
    this.worker = this.spawn();
    // The converter: started once the analysis worker is ready (below), or by an earlier conversion.
    this.tool = null;
  }

  spawn() {
    const worker = new Worker(this.url, { type: "module" });
    this.start.then((start) => worker.postMessage({ op: "start", ...start }));
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.ready) {
        this.version = msg.version;
        // The converter starts once the analysis has, off the way of the first analysis, and
        // before anything is pasted: its scripts are requested while the page loads.
        this.tool ??= this.spawn();
        return;
      }
      const job = this.jobs.get(msg.id);
      if (!job) return;
      if (msg.stage) {
        if (job.onStage) job.onStage(msg.stage);
        return;
      }
      this.jobs.delete(msg.id);
      if (this.current === msg.id) this.current = null;
      if (msg.ok) job.resolve({ result: msg.result, ms: msg.ms });
      else job.reject(new Error(msg.error));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      // A crashed worker takes its jobs with it; replace it and fail them with the message.
      for (const [id, job] of this.jobs) {
        if (job.worker !== worker) continue;
        this.jobs.delete(id);
        job.reject(new Error(event.message || "the analysis stopped unexpectedly"));
      }
      if (worker === this.worker) this.worker = this.spawn();
      if (worker === this.tool) this.tool = this.spawn();
    };
    return worker;
  }

  run(worker, message, onStage) {
    const id = this.nextId++;
    return {
      id,
      promise: new Promise((resolve, reject) => {
        this.jobs.set(id, { resolve, reject, onStage, worker });
        worker.postMessage({ id, ...message });
      }),
    };
  }

  /** Analyzes; resolves with {report, ms}. Rejects with a message on bad input or on cancel. */
  async analyze(sources, config, onStage) {
    this.cancel();
    const { id, promise } = this.run(this.worker, { op: "analyze", sources, config }, onStage);
    this.current = id;
    const { result, ms } = await promise;
    return { report: result, ms };
  }

  /** The text of an HTML page or fragment, as the analysis reads it. */
  async htmlToText(html) {
    this.tool ??= this.spawn();
    const { result } = await this.run(this.tool, { op: "html", html }).promise;
    return result;
  }

  /** Whether an analysis is running. */
  get busy() {
    return this.current !== null;
  }

  /** Stops the analysis in flight, if any; returns whether there was one. */
  cancel() {
    const id = this.current;
    if (id === null) return false;
    const job = this.jobs.get(id);
    this.current = null;
    this.jobs.delete(id);
    this.worker.terminate();
    this.worker = this.spawn();
    if (job) job.reject(Object.assign(new Error("cancelled"), { cancelled: true }));
    return true;
  }
}
