// Keeps the person's work (sources, overrides, settings) in localStorage so that a reload, a
// crash or an error never loses it. Saving checks the size first and says clearly when the
// browser's storage for the page is (nearly) full; the inputs on screen are never touched.
const KEY = "parallax:v1";
// Browsers give a page about 5 million characters of localStorage (Chromium and Firefox: 10 MB of
// UTF-16); warn before the limit so the person can export before anything is refused.
export const STORAGE_CHARS = 5_000_000;
const WARN_SHARE = 0.8;

export function load() {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const state = JSON.parse(raw);
    if (!state || !Array.isArray(state.sources)) return null;
    state.sources = state.sources
      .filter((s) => s && typeof s.text === "string")
      .map((s) => ({
        name: typeof s.name === "string" ? s.name : "",
        text: s.text,
        overrides: Array.isArray(s.overrides)
          ? s.overrides.filter((o) => o && Number.isInteger(o.at) && typeof o.keep === "boolean")
          : [],
        named: s.named !== false,
        ...(typeof s.html === "string" && s.html ? { html: s.html } : {}),
      }));
    return state;
  } catch {
    return null;
  }
}

/** Saves; returns null when all is well, or {level: "warning"|"error", message}. */
export function save(state, limit = STORAGE_CHARS) {
  const json = JSON.stringify({
    sources: state.sources.map((s) => ({
      name: s.name,
      text: s.text,
      overrides: s.overrides || [],
      named: !!s.named,
      ...(s.html ? { html: s.html } : {}),
    })),
    settings: state.settings,
  });
  const size = `${(json.length / 1e6).toFixed(1)} million characters`;
  if (json.length > limit) {
    return {
      level: "error",
      message: `Not saved: your sources take ${size}, more than this browser keeps for a page (about ${limit / 1e6} million). They stay on screen; export them (JSON) or remove a long source to keep them across reloads.`,
    };
  }
  try {
    localStorage.setItem(KEY, json);
  } catch (e) {
    const full = e && (e.name === "QuotaExceededError" || e.code === 22 || e.code === 1014);
    return {
      level: "error",
      message: full
        ? `Not saved: the browser's storage for this page is full (your sources take ${size}). They stay on screen; export them (JSON) or remove a long source to keep them across reloads.`
        : `Not saved: this browser refused to store your work (${e && e.message}). It stays on screen; export it to keep it.`,
    };
  }
  if (json.length > limit * WARN_SHARE) {
    return {
      level: "warning",
      message: `Saved, but your sources take ${size}, close to what this browser keeps for a page (about ${limit / 1e6} million). Export them (JSON) to be safe.`,
    };
  }
  return null;
}
