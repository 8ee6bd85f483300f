"""The Python peers of `npm run bench`, timed in-process like parallax's own side.

    python bench/peers/peers.py justext     HTML_TEXT_JSON [--warmup N] [--reps N]
    python bench/peers/peers.py trafilatura HTML_TEXT_JSON [--warmup N] [--reps N]
    python bench/peers/peers.py sklearn     ARTICLES_JSON  [--warmup N] [--reps N]

Prints one JSON object with the same fields as parallax's `examples/bench.rs`: the wall and CPU
(process_time) duration of every timed run in milliseconds and the process's peak resident memory
(ru_maxrss) after loading the input and at the end. Imports, reading the input and turning it into the peer's input format
happen before the timing.

jusText and trafilatura take HTML, so each pasted line becomes one <p> (HTML-escaped): the pasted
text as a text-mode extractor sees it. Both run with their defaults (English stoplist for jusText).

sklearn: the sentences of every article (each line split after . ! ? followed by a space), then
TfidfVectorizer(stop_words="english") and the cosine of every pair of sentences. The rows are
L2-normalised, so the cosine matrix is X·Xᵀ; it is computed in blocks of rows as a sparse product
(the pairs that share no term have cosine 0 and are never materialised), and each block counts the
pairs of sentences from different articles with cosine ≥ 0.45, parallax's paraphrase threshold.
A dense n×n matrix would need 13 GB for the 1,000-article corpus.
"""

import html
import json
import re
import resource
import sys
import time


def peak_rss_kb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def timed(warmup, reps, f):
    for _ in range(warmup):
        f()
    runs, cpu, out = [], [], None
    for _ in range(max(reps, 1)):
        c0, start = time.process_time(), time.perf_counter()
        out = f()
        runs.append((time.perf_counter() - start) * 1e3)
        cpu.append((time.process_time() - c0) * 1e3)
    return (runs, cpu), out


def pages(path):
    with open(path, encoding="utf-8") as fh:
        data = json.load(fh)
    data = data.get("output", data)
    return [data[k]["articleBody"] for k in sorted(data)]


def as_html(text):
    paras = "".join(f"<p>{html.escape(line)}</p>\n" for line in text.split("\n") if line.strip())
    return f"<html><body>\n{paras}</body></html>"


def task_justext(path, warmup, reps):
    import justext

    texts = pages(path)
    docs = [as_html(t) for t in texts]
    stoplist = justext.get_stoplist("English")

    def run():
        kept = 0
        for d in docs:
            paragraphs = justext.justext(d, stoplist)
            kept += sum(len(p.text.encode()) for p in paragraphs if not p.is_boilerplate)
        return kept

    loaded = peak_rss_kb()
    runs, kept = timed(warmup, reps, run)
    detail = {"pages": len(texts), "bytes": sum(len(t.encode()) for t in texts), "kept_bytes": kept}
    return runs, loaded, detail


def task_trafilatura(path, warmup, reps):
    import trafilatura

    texts = pages(path)
    docs = [as_html(t) for t in texts]

    def run():
        kept = 0
        for d in docs:
            out = trafilatura.extract(d)
            kept += len(out.encode()) if out else 0
        return kept

    loaded = peak_rss_kb()
    runs, kept = timed(warmup, reps, run)
    detail = {"pages": len(texts), "bytes": sum(len(t.encode()) for t in texts), "kept_bytes": kept}
    return runs, loaded, detail


SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def task_sklearn(path, warmup, reps):
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    with open(path, encoding="utf-8") as fh:
        articles = json.load(fh)
    sentences, owner = [], []
    for i, a in enumerate(articles):
        for line in a["text"].split("\n"):
            for s in SENTENCE_END.split(line.strip()):
                if s:
                    sentences.append(s)
                    owner.append(i)
    owner = np.asarray(owner)
    block = 2000

    def run():
        x = TfidfVectorizer(stop_words="english").fit_transform(sentences)
        xt = x.T.tocsr()
        pairs = 0
        for start in range(0, x.shape[0], block):
            sims = (x[start : start + block] @ xt).tocoo()
            keep = (sims.data >= 0.45) & (owner[sims.row + start] != owner[sims.col])
            pairs += int(keep.sum())
        return pairs

    loaded = peak_rss_kb()
    runs, pairs = timed(warmup, reps, run)
    detail = {
        "articles": len(articles),
        "bytes": sum(len(a["text"].encode()) for a in articles),
        "sentences": len(sentences),
        "similar_pairs": pairs,
    }
    return runs, loaded, detail


TASKS = {"justext": task_justext, "trafilatura": task_trafilatura, "sklearn": task_sklearn}


def main(argv):
    if len(argv) < 2 or argv[0] not in TASKS:
        sys.exit("usage: peers.py justext|trafilatura|sklearn FILE [--warmup N] [--reps N]")
    task, path, rest = argv[0], argv[1], argv[2:]
    opts = {"--warmup": 1, "--reps": 5}
    for flag, value in zip(rest[::2], rest[1::2]):
        if flag not in opts:
            sys.exit(f"unknown option {flag}")
        opts[flag] = int(value)
    (runs, cpu), loaded, detail = TASKS[task](path, opts["--warmup"], opts["--reps"])
    print(json.dumps({
        "task": task,
        "runs_ms": runs,
        "cpu_ms": cpu,
        "warmup": opts["--warmup"],
        "peak_rss_kb": peak_rss_kb(),
        "loaded_rss_kb": loaded,
        "detail": detail,
    }))


if __name__ == "__main__":
    main(sys.argv[1:])
