import type { Config, FullConfig, LanguagePacks, Preset, Report, Source, Stripped, WasmInput } from "./types.js";

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
/**
 * Where language packs come from: a folder URL, the texts by code, or a function from a code to
 * the text (or a promise of it). By default `lang/` next to the WebAssembly (Node: the package's files).
 */
export function setLanguagePacks(source: LanguagePacks | ((code: string) => string | Promise<string>)): void;
/** The codes of the language packs that analysing `sources` needs and that are not loaded yet. */
export function languagesNeeded(sources: Source[]): string[];
/** Loads one language pack (the text of `lang/<code>.txt`); throws on a malformed pack. */
export function loadLanguagePack(code: string, text: string): void;
/** The codes of every language that has a pack, and of those loaded. */
export function languagePacks(): { available: string[]; loaded: string[] };
/** Loads (fetching if need be) every language pack `sources` need; resolves with their codes. */
export function loadLanguages(sources: Source[]): Promise<string[]>;
