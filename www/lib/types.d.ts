// The data that crosses between JavaScript and parallax. `data.d.ts` (Source, Report, Stripped,
// FullConfig and everything in them) is generated from the Rust definitions by
// scripts/gen-types.mjs when the package is assembled; tests/package checks it against real
// reports with `tsc`.
import type { FullConfig, Preset } from "./data.js";

export * from "./data.js";

/**
 * Settings for one analysis: any subset of the settings (the rest take their defaults), and
 * optionally a `preset` whose values the given settings then override.
 */
export type Config = Partial<FullConfig> & { preset?: Preset };

/** Where the WebAssembly comes from: a URL, a response, bytes or a compiled module. */
export type WasmInput = string | URL | Request | Response | BufferSource | WebAssembly.Module;

/** Where language packs come from: a folder URL holding `<code>.txt`, or the pack texts by code. */
export type LanguagePacks = string | URL | Record<string, string>;
