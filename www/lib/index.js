// `import { analyze, strip } from "parallax"` in browsers and bundlers: loads the WebAssembly
// file that sits next to the glue before the module finishes importing. To load it from
// elsewhere (bytes, another URL), import "parallax/core" and call `init` yourself. Texts in
// languages other than English need their language pack: `await loadLanguages(sources)` before
// `analyze` fetches the ones they need (createAnalyzer's worker does this by itself).
import { init } from "./core.js";

export * from "./api.js";
export { createAnalyzer } from "./analyzer.js";

await init();
