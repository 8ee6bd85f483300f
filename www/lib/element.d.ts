// "parallax/element": `<parallax-compare>` and `mount`.
import type { Analyzer } from "./analyzer.js";
import type { Config, LanguagePacks, Report, Source, WasmInput } from "./types.js";

export interface MountOptions {
  /** The sources to compare. */
  sources?: Pick<Source, "name" | "text">[];
  /** Settings: a partial `Config`, optionally with `preset`. */
  config?: Config;
  /** Share one worker between several comparisons instead of one each. */
  analyzer?: Analyzer;
  /** Where the worker loads the WebAssembly from (see `createAnalyzer`). */
  wasm?: Exclude<WasmInput, Request | Response>;
  /** The worker script, when the package's `lib/worker.js` is served from elsewhere. */
  workerUrl?: string | URL;
  /** Where the worker fetches language packs (a folder URL holding `<code>.txt`), or the packs as texts by code. */
  languagePacks?: LanguagePacks;
}

/** `detail` of `parallax-start`. */
export interface StartDetail {
  sources: number;
}
/** `detail` of `parallax-done`. */
export interface DoneDetail {
  report: Report;
  sources: Source[];
  /** Time the analysis took, in milliseconds. */
  ms: number;
}
/** `detail` of `parallax-error`. */
export interface ErrorDetail {
  error: Error;
  message: string;
}

/** A comparison shown in an element's shadow root. */
export class Compare {
  readonly host: HTMLElement;
  sources: { name: string; text: string }[];
  config: Config | undefined;
  readonly report: Report | null;
  /** Sets sources and/or settings; re-analyses when either changed. */
  update(next: { sources?: Pick<Source, "name" | "text">[]; config?: Config }): void;
  /** Analyses now (cancelling one in flight); resolves with the report. */
  analyze(): Promise<Report | null>;
  /** Shows `error` in place of a result and fires `parallax-error`. */
  fail(error: Error): void;
  /** Stops any analysis and ends the worker; the next analysis starts a new one. */
  suspend(): void;
  /** Stops and empties the shadow root. */
  destroy(): void;
}

/** Shows a comparison inside `element` (it gets an open shadow root). */
export function mount(element: HTMLElement, options?: MountOptions): Compare;

/** Default options for every comparison created afterwards (for example the inlined `wasmModule`). */
export function configure(options: Pick<MountOptions, "wasm" | "workerUrl" | "languagePacks">): void;

/** `<parallax-compare preset="strict" config='{"paraphrase_min":0.5}'><parallax-source name="…">…</parallax-source></parallax-compare>` */
export class ParallaxCompare extends HTMLElement {
  /** The sources: the property once set, else the `<parallax-source>` children. */
  sources: Pick<Source, "name" | "text">[];
  /** The settings: the property once set, else the `config` (JSON) and `preset` attributes. */
  config: Config | undefined;
  readonly report: Report | null;
  /** Analyses now; resolves with the report. */
  analyze(): Promise<Report | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    "parallax-compare": ParallaxCompare;
  }
  interface HTMLElementEventMap {
    "parallax-start": CustomEvent<StartDetail>;
    "parallax-done": CustomEvent<DoneDetail>;
    "parallax-error": CustomEvent<ErrorDetail>;
  }
}
