// A static server for www/ with the right content types (WASM must be application/wasm).
// Usage: node scripts/serve.mjs [--port N] [--root DIR]; PORT in the environment works too.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL(".", import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = resolve(opt("root", join(here, "..", "www")));
const port = Number(opt("port", process.env.PORT || 8080));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".webmanifest": "application/manifest+json",
};

export function serve({ port: p = port, root: r = root, quiet = false } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, "http://localhost");
      let path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, "");
      let file = join(r, path);
      if (!file.startsWith(r)) throw Object.assign(new Error("outside root"), { code: "ENOENT" });
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-cache",
      });
      res.end(body);
    } catch (e) {
      res.writeHead(e.code === "ENOENT" || e.code === "ENOTDIR" ? 404 : 500, { "content-type": "text/plain" });
      res.end(e.code === "ENOENT" || e.code === "ENOTDIR" ? "not found" : "server error");
    }
  });
  return new Promise((ok, fail) => {
    server.once("error", fail);
    server.listen(p, "127.0.0.1", () => {
      const actual = server.address().port;
      if (!quiet) console.log(`parallax is served at http://localhost:${actual}/`);
      ok({ server, port: actual, url: `http://localhost:${actual}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  serve().catch((e) => {
    console.error(e.code === "EADDRINUSE" ? `port ${port} is in use; try PORT=8081 npm start` : e.message);
    process.exit(1);
  });
}
