// Language packs in Node: read from the package's folder (pkg/lang/<code>.txt) when a text needs one.
import { readFileSync } from "node:fs";

/** The text of the language pack of `code`, read synchronously. */
export function readPack(code) {
  // A language's code, or "stem" (the stemmer pack).
  if (!/^([a-z]{2}|stem)$/.test(code)) throw new Error(`no language pack '${code}'`);
  return readFileSync(new URL(`../pkg/lang/${code}.txt`, import.meta.url), "utf8");
}
