import type { Config, FullConfig, Preset, Report, Source, Stripped, WasmInput } from "./types.js";

export * from "./types.js";

/** Loads the WebAssembly (by default the file next to the glue). Later calls do nothing. */
export function init(wasm?: WasmInput | Promise<WasmInput>): Promise<void>;
/** Loads the WebAssembly synchronously (Node and workers; browsers refuse large modules on the main thread). */
export function initSync(wasm: BufferSource | WebAssembly.Module): void;
/** Whether the WebAssembly is loaded. */
export function isReady(): boolean;
/** Analyzes the sources; throws an `Error` with a message for the person on bad input. */
export function analyze(sources: Source[], config?: Config): Report;
/** Classifies the lines of one pasted text as body, metadata or boilerplate. */
export function strip(text: string, config?: Config): Stripped;
/** The full settings of a preset. */
export function presetConfig(name: Preset): FullConfig;
/** The version of parallax. */
export function version(): string;
/** The settings an analysis would use for `config` (a preset merged with the given fields). */
export function resolveConfig(config?: Config): Partial<FullConfig> | undefined;
