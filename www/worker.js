// Runs the analysis off the main thread. Messages in: {id, op: "analyze", sources, config}.
// Messages out: {id, ok: true, report} or {id, ok: false, error}.
import init, { analyze, version } from "./pkg/parallax.js";

const ready = init().then(() => postMessage({ ready: true, version: version() }));

onmessage = async (event) => {
  const { id, op, sources, config } = event.data;
  try {
    await ready;
    if (op !== "analyze") throw new Error(`unknown operation ${op}`);
    const started = performance.now();
    const report = analyze(sources, config);
    postMessage({ id, ok: true, report, ms: performance.now() - started });
  } catch (e) {
    postMessage({ id, ok: false, error: String(e && e.message ? e.message : e) });
  }
};
