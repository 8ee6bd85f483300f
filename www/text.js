// Plain-text helpers for the page's inputs: naming a source, reading Markdown files. Pure
// functions with no DOM, so they run in Node tests as they are.

const NAME_MAX = 60;

/** A name for a pasted text: its title or first line, as a person would name it. */
export function guessName(text, fallback) {
  for (const raw of String(text).split("\n")) {
    // Markdown heading marks and emphasis are not part of a title.
    const line = raw.replace(/^\s{0,3}#{1,6}\s+/, "").replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
    if (!/[\p{L}\p{N}]/u.test(line)) continue;
    return line.length > NAME_MAX ? `${line.slice(0, NAME_MAX - 1).trimEnd()}…` : line;
  }
  return fallback;
}

/** A file name without its folder and extension, for when the text has no usable first line. */
export function baseName(fileName) {
  return String(fileName).replace(/^.*[\\/]/, "").replace(/\.[^.]+$/, "");
}

/** Counts words the way a person would (runs of letters or digits). */
export function wordCount(text) {
  const m = String(text).match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*/gu);
  return m ? m.length : 0;
}

/**
 * The text of a Markdown document as a reader sees it: paragraphs and headings as lines, without
 * the markup (heading marks, emphasis, link targets, images, code fences, HTML comments). Line
 * breaks inside a paragraph are joined, because the analysis reads one line as one block.
 */
export function markdownToText(md) {
  const out = [];
  let para = [];
  const flush = () => {
    if (para.length) out.push(para.join(" "));
    para = [];
  };
  // Escaped characters are set aside first so that no rule below reads them as markup.
  const inline = (s) =>
    s
      .replace(/\\([\\`*_{}[\]()#+\-.!>])/g, (_, c) => String.fromCharCode(0xe000 + c.charCodeAt(0)))
      // Every span below stops at the next opening mark and is bounded, so that a long line full
      // of lone brackets or asterisks stays linear.
      .replace(/!\[([^[\]]{0,500})\]\([^()]{0,2000}\)/g, "$1")
      .replace(/\[([^[\]]{1,500})\]\([^()]{0,2000}\)/g, "$1")
      .replace(/\[([^[\]]{1,500})\]\[[^[\]]{0,500}\]/g, "$1")
      .replace(/<[^<>]{1,2000}>/g, "")
      .replace(/\*\*(?=\S)([^*]{0,500}?\S)\*\*/g, "$1")
      .replace(/__(?=\S)([^_]{0,500}?\S)__/g, "$1")
      .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)([^*_]{0,500}?\S)\2(?![\p{L}\p{N}])/gu, "$1$3")
      .replace(/`([^`]{0,2000})`/g, "$1")
      .replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xe000))
      .trim();
  const text = String(md).replace(/\r\n?/g, "\n").replace(/<!--[^]*?-->/g, "");
  let fence = false;
  for (const line of text.split("\n")) {
    if (/^\s{0,3}(```|~~~)/.test(line)) {
      flush();
      fence = !fence;
      continue;
    }
    if (fence) {
      if (line.trim()) out.push(line.trim());
      continue;
    }
    if (!line.trim()) {
      flush();
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      flush();
      continue;
    }
    if (/^\s{0,3}(=+|-+)\s*$/.test(line) && para.length) {
      // A setext underline: the paragraph before it is a heading.
      flush();
      continue;
    }
    if (/^\s{0,3}\[[^\]]+\]:\s/.test(line)) continue;
    const heading = line.match(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    const item = line.match(/^\s*(?:[-*+]|\d+[.)])\s+(.*)$/);
    const quote = line.match(/^\s*>\s?(.*)$/);
    if (heading) {
      flush();
      out.push(inline(heading[1]));
    } else if (item) {
      flush();
      para.push(inline(item[1]));
      flush();
    } else if (quote) {
      para.push(inline(quote[1]));
    } else {
      para.push(inline(line));
    }
  }
  flush();
  return out.filter((l) => l.length > 0).join("\n\n");
}

/** What kind of text a dropped or opened file holds, by extension and then by type. */
export function fileKind(name, type = "") {
  const ext = String(name).toLowerCase().match(/\.([a-z0-9]+)$/);
  const e = ext ? ext[1] : "";
  if (e === "html" || e === "htm" || e === "xhtml" || type === "text/html") return "html";
  if (e === "md" || e === "markdown" || type === "text/markdown") return "markdown";
  if (e === "txt" || e === "text" || type.startsWith("text/")) return "text";
  return null;
}
