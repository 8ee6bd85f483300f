// A promise-based front for the analysis worker. A new analysis cancels the one in flight by
// terminating its worker (WASM cannot be interrupted otherwise) and starting a fresh one. A second
// worker converts rich pastes and HTML files, so that converting never waits for, or cancels, a
// long analysis.
export class Analyzer {
  constructor(url = new URL("./worker.js", import.meta.url)) {
    this.url = url;
    this.nextId = 1;
    this.version = "";
    this.jobs = new Map();
    this.worker = this.spawn();
    this.tool = this.spawn();
    this.current = null;
  }

  spawn() {
    const worker = new Worker(this.url, { type: "module" });
    worker.onmessage = (event) => {
      const msg = event.data;
      if (msg.ready) {
        this.version = msg.version;
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
