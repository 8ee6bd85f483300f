// The host page's own script: loads the element, gives the second instance the seed articles
// as a property, and logs the elements' events.
import "./lib/element.js";

const log = document.getElementById("log");
for (const el of document.querySelectorAll("parallax-compare")) {
  el.addEventListener("parallax-start", (e) => log.append(`${el.id}: start (${e.detail.sources} sources). `));
  el.addEventListener("parallax-done", (e) => {
    log.append(`${el.id}: done in ${Math.round(e.detail.ms)} ms. `);
    el.dataset.done = String(Number(el.dataset.done || 0) + 1);
  });
  el.addEventListener("parallax-error", (e) => log.append(`${el.id}: error ${e.detail.message}. `));
}

const res = await fetch(new URL("./gen/seeds.json", import.meta.url));
const { sources } = await res.json();
document.getElementById("seeds").sources = sources;
