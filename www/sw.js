// Offline copy of the page. Network first (so a new version shows as soon as it is served), the
// cached copy when the network is not there. Only the page's own files are ever fetched or kept;
// the person's text never passes through here.
const CACHE = "parallax-v1";
const FILES = [
  "./",
  "index.html",
  "style.css",
  "views.css",
  "app.js",
  "analysis.js",
  "analyzer.js",
  "worker.js",
  "store.js",
  "text.js",
  "dom.js",
  "render.js",
  "overview.js",
  "reading.js",
  "facts.js",
  "consensus.js",
  "export.js",
  "pkg/parallax.js",
  "pkg/parallax_bg.wasm",
  // Every language pack in one file (scripts/packs.mjs): the page loads them with its first analysis.
  "pkg/lang/all.txt",
  // The stemmers of every language but English, as the module's bytes.
  "pkg/lang/stem.wasm",
  "gen/seeds.json",
  // The build's analysis of the seeds, shown while the worker starts (app.js).
  "gen/seeds-report.json",
];

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(FILES))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || new URL(req.url).origin !== self.location.origin) return;
  event.respondWith(
    fetch(req)
      .then((res) => {
        if (res.ok) {
          const copy = res.clone();
          caches.open(CACHE).then((cache) => cache.put(req, copy));
        }
        return res;
      })
      .catch(() => caches.match(req, { ignoreSearch: true }).then((hit) => hit || Response.error())),
  );
});
