// `import { analyze, strip } from "parallax"` in browsers and bundlers: loads the WebAssembly
// file that sits next to the glue before the module finishes importing. To load it from
// elsewhere (bytes, another URL), import "parallax/core" and call `init` yourself.
import { init } from "./core.js";

export { analyze, init, isReady, presetConfig, resolveConfig, strip, version } from "./core.js";
export { createAnalyzer } from "./analyzer.js";

await init();
