// The main-thread half of the worker API, shared by browsers (Web Worker) and Node
// (worker_threads). Calls are queued in the worker in the order they are made; each returns a
// promise. WebAssembly cannot be interrupted, so cancelling a call that is running ends the
// worker and starts a fresh one, to which the calls still waiting are sent again.

/** A cancelled call rejects with this error (name "AbortError"), or with the signal's reason. */
function abortError() {
  return new DOMException("the analysis was cancelled", "AbortError");
}

export class Analyzer {
  /**
   * `spawn()` starts a worker and returns `{post(msg), stop(), listen(onMessage, onError)}`;
   * `wasm` is passed to the worker's `init` (undefined: the file next to the glue), and so is
   * `languagePacks` (a folder URL or an object of pack texts; undefined: `lang/` next to the glue).
   */
  constructor(spawn, wasm, languagePacks) {
    if (typeof languagePacks === "function") {
      throw new Error("a worker cannot call a function: give languagePacks as a folder URL or an object of pack texts");
    }
    this._spawn = spawn;
    this._wasm = wasm;
    this._packs = languagePacks instanceof URL ? languagePacks.href : languagePacks;
    this._nextId = 1;
    /** Calls sent and not answered yet, by id, in the order they were made. */
    this._pending = new Map();
    this._worker = null;
    this._closed = false;
    this._start();
  }

  _start() {
    const worker = this._spawn();
    this._worker = worker;
    this.ready = new Promise((resolve, reject) => {
      this._readyWaiter = { resolve, reject };
    });
    // Nobody may be waiting on `ready`; its failure is reported through the calls as well.
    this.ready.catch(() => {});
    worker.listen(
      (msg) => this._onMessage(worker, msg),
      (message) => this._onCrash(worker, message),
    );
    worker.post({ op: "init", wasm: this._wasm, packs: this._packs });
    for (const call of this._pending.values()) worker.post(call.msg);
  }

  _onMessage(worker, msg) {
    if (worker !== this._worker) return;
    if (msg.ready) {
      this._readyWaiter.resolve();
      return;
    }
    if (msg.loadError) {
      // The WebAssembly itself could not be loaded: every call would fail the same way.
      const error = new Error(msg.loadError);
      this._readyWaiter.reject(error);
      this._failAll(error);
      this._stopWorker();
      return;
    }
    const call = this._pending.get(msg.id);
    if (!call) return;
    this._finish(msg.id);
    if (msg.ok) call.resolve(msg.value);
    else call.reject(new Error(msg.error));
    // A panic poisons the module; the next call gets a fresh one.
    if (msg.fatal) this._restart();
  }

  _onCrash(worker, message) {
    if (worker !== this._worker) return;
    const error = new Error(`the parallax worker stopped: ${message || "unknown error"}`);
    this._readyWaiter.reject(error);
    this._failAll(error);
    this._stopWorker();
  }

  _failAll(error) {
    for (const [id, call] of this._pending) {
      this._finish(id);
      call.reject(error);
    }
  }

  _finish(id) {
    const call = this._pending.get(id);
    if (call && call.signal) call.signal.removeEventListener("abort", call.onAbort);
    this._pending.delete(id);
  }

  _stopWorker() {
    if (this._worker) this._worker.stop();
    this._worker = null;
  }

  _restart() {
    this._stopWorker();
    if (!this._closed) this._start();
  }

  _call(op, args, { signal } = {}) {
    if (this._closed) return Promise.reject(new Error("this analyzer was terminated; create a new one"));
    if (signal && signal.aborted) return Promise.reject(signal.reason ?? abortError());
    const id = this._nextId++;
    return new Promise((resolve, reject) => {
      const msg = { id, op, args };
      const call = { msg, resolve, reject, signal };
      if (signal) {
        call.onAbort = () => this._abort(id, signal.reason ?? abortError());
        signal.addEventListener("abort", call.onAbort, { once: true });
      }
      this._pending.set(id, call);
      if (!this._worker) this._start();
      else this._worker.post(msg);
    });
  }

  _abort(id, reason) {
    const call = this._pending.get(id);
    if (!call) return;
    this._finish(id);
    call.reject(reason);
    // The worker may be running this very call; the only way to stop it is to end the worker.
    this._restart();
  }

  /** Analyzes `sources` with `config`; resolves with the report. Options: `{signal}`. */
  analyze(sources, config, options) {
    return this._call("analyze", [sources, config], options);
  }

  /** Classifies the lines of one text; resolves with `{blocks}`. Options: `{signal}`. */
  strip(text, config, options) {
    return this._call("strip", [text, config], options);
  }

  /** Resolves with the full settings of a preset. */
  presetConfig(name, options) {
    return this._call("presetConfig", [name], options);
  }

  /** Resolves with the version of parallax. */
  version(options) {
    return this._call("version", [], options);
  }

  /** Cancels every call not yet answered; they reject with an AbortError. Returns how many. */
  cancel() {
    const n = this._pending.size;
    if (n === 0) return 0;
    const error = abortError();
    const calls = [...this._pending.values()];
    for (const id of [...this._pending.keys()]) this._finish(id);
    this._restart();
    for (const call of calls) call.reject(error);
    return n;
  }

  /** Ends the worker for good; calls not yet answered reject. */
  terminate() {
    if (this._closed) return;
    this._closed = true;
    const error = new Error("this analyzer was terminated");
    this._readyWaiter.reject(error);
    this._failAll(error);
    this._stopWorker();
  }
}

/**
 * The worker half: answers `{op: "init", wasm, packs}` with `{ready}` or `{loadError}`, and
 * `{id, op, args}` with `{id, ok, value}` or `{id, ok: false, error, fatal?}`.
 * `api` holds `init(wasm, packs)`, the operations, and `loadLanguages(sources)`, which loads the
 * language packs an analysis needs before it runs.
 */
export function serve(api, post) {
  let loaded = Promise.reject(new Error("the worker was not initialized"));
  loaded.catch(() => {});
  return async (msg) => {
    if (msg.op === "init") {
      loaded = Promise.resolve().then(() => api.init(msg.wasm, msg.packs));
      loaded.then(
        () => post({ ready: true }),
        (e) => post({ loadError: e && e.message ? e.message : String(e) }),
      );
      return;
    }
    const { id, op, args } = msg;
    try {
      await loaded;
      const f = OPERATIONS.includes(op) ? api[op] : null;
      if (!f) throw new Error(`unknown operation ${op}`);
      // A pack that cannot be had does not stop the call: the text is read without its lists,
      // and the report's warnings say which pack was missing.
      const [first] = args;
      const texts = op === "analyze" && Array.isArray(first) ? first : op === "strip" && typeof first === "string" ? [{ name: "", text: first }] : [];
      if (texts.length > 0) await api.loadLanguages(texts).catch(() => {});
      post({ id, ok: true, value: f(...args) });
    } catch (e) {
      const fatal = typeof WebAssembly === "object" && e instanceof WebAssembly.RuntimeError;
      post({ id, ok: false, error: e && e.message ? e.message : String(e), fatal });
    }
  };
}

const OPERATIONS = ["analyze", "strip", "presetConfig", "version"];
