// Writes www/gen/seeds.json from seeds/*.txt: the page's built-in example.
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = join(root, "seeds");
const files = (await readdir(dir)).filter((f) => f.endsWith(".txt")).sort();
const sources = [];
for (const f of files) {
  const text = await readFile(join(dir, f), "utf8");
  sources.push({ name: f.replace(/\.txt$/, ""), text });
}
await mkdir(join(root, "www", "gen"), { recursive: true });
await writeFile(join(root, "www", "gen", "seeds.json"), JSON.stringify({ sources }));
console.error(`seeds: ${sources.length} articles → www/gen/seeds.json`);
