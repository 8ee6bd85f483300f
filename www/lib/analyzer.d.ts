import type { Config, FullConfig, LanguagePacks, Preset, Report, Source, Stripped, WasmInput } from "./types.js";

/** Options of one call. */
export interface CallOptions {
  /** Aborting rejects the call with the signal's reason (an `AbortError` by default). */
  signal?: AbortSignal;
}

/**
 * The analysis in a worker. Calls run one after another in the order they were made. A call
 * that is cancelled while running ends the worker (WebAssembly cannot be interrupted); a fresh
 * one takes over the calls still waiting.
 */
export interface Analyzer {
  /** Resolves when the worker has loaded the WebAssembly; rejects if it cannot. */
  readonly ready: Promise<void>;
  analyze(sources: Source[], config?: Config, options?: CallOptions): Promise<Report>;
  strip(text: string, config?: Config, options?: CallOptions): Promise<Stripped>;
  presetConfig(name: Preset, options?: CallOptions): Promise<FullConfig>;
  version(options?: CallOptions): Promise<string>;
  /** Cancels every call not yet answered (they reject with an `AbortError`); returns how many. */
  cancel(): number;
  /** Ends the worker for good. */
  terminate(): void;
}

export interface AnalyzerOptions {
  /** Where the worker loads the WebAssembly from; by default the package's file. */
  wasm?: Exclude<WasmInput, Request | Response>;
  /** The worker script, when the package's `lib/worker.js` is served from elsewhere. */
  workerUrl?: string | URL;
  /** Where the worker fetches language packs (a folder URL holding `<code>.txt`), or the packs as texts by code. */
  languagePacks?: LanguagePacks;
}

/** Starts a worker that runs the analysis off the main thread. */
export function createAnalyzer(options?: AnalyzerOptions): Analyzer;
