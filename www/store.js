// Keeps the person's work in localStorage so that a reload, a crash or an error never loses it.
const KEY = "parallax:v1";

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
        overrides: Array.isArray(s.overrides) ? s.overrides : [],
      }));
    return state;
  } catch {
    return null;
  }
}

/** Saves; returns null on success or a message saying what went wrong. */
export function save(state) {
  try {
    localStorage.setItem(KEY, JSON.stringify({ sources: state.sources, settings: state.settings }));
    return null;
  } catch (e) {
    const full = e && (e.name === "QuotaExceededError" || e.code === 22);
    return full
      ? "Your browser's storage for this page is full, so the latest changes are not saved. Remove a long source or export your work."
      : `Your work could not be saved in this browser (${e && e.message}).`;
  }
}
