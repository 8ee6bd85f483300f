// A promise-based front for the analysis worker. A new analysis cancels the one in flight by
// terminating its worker (WASM cannot be interrupted otherwise) and starting a fresh one.
export class Analyzer {
  constructor(url = new URL("./worker.js", import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.pending = null;
    this.version = "";
    this.worker = this.spawn();
  }

  spawn() {
    const worker = new Worker(this.url, { type: "module" });
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.ready) {
        this.version = msg.version;
        return;
      }
      const p = this.pending;
      if (!p || p.id !== msg.id) return;
      this.pending = null;
      if (msg.ok) p.resolve({ report: msg.report, ms: msg.ms });
      else p.reject(new Error(msg.error));
    };
    worker.onerror = (event) => {
      const p = this.pending;
      this.pending = null;
      this.worker = this.spawn();
      if (p) p.reject(new Error(event.message || "the analysis stopped unexpectedly"));
    };
    return worker;
  }

  /** Analyzes; resolves with {report, ms}. Rejects with a message on bad input or cancel. */
  analyze(sources, config) {
    this.cancel();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending = { id, resolve, reject };
      this.worker.postMessage({ id, op: "analyze", sources, config });
    });
  }

  /** Stops the analysis in flight, if any. */
  cancel() {
    if (!this.pending) return false;
    const p = this.pending;
    this.pending = null;
    this.worker.terminate();
    this.worker = this.spawn();
    p.reject(Object.assign(new Error("cancelled"), { cancelled: true }));
    return true;
  }
}
