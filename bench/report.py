"""Turns bench/run.mjs's results.json into the Markdown tables, the plot, and README's section.

    python bench/report.py RESULTS_JSON OUT_DIR [--readme README.md]

Writes OUT_DIR/results.md and OUT_DIR/plot.png. With --readme, replaces the text between
`<!-- bench:start -->` and `<!-- bench:end -->` in that file (appending the section when the
markers are missing) with the latest tables and a link to the plot.
"""

import json
import os
import sys

MB = 1e6
PARALLAX = ("parallax native", "parallax Chromium")


def med(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def fmt_ms(ms):
    if ms is None:
        return "–"
    if ms < 0:
        return "−" + fmt_ms(-ms)
    if ms >= 10000:
        return f"{ms / 1000:.1f} s"
    if ms >= 1000:
        return f"{ms / 1000:.2f} s"
    if ms >= 10:
        return f"{ms:.0f} ms"
    return f"{ms:.2f} ms"


def fmt_mb(kb):
    return "–" if not kb else f"{kb / 1024:.0f} MB"


def fmt_x(x):
    if x is None:
        return "–"
    return f"{x:.0f}×" if x >= 10 else f"{x:.1f}×"


def row_of(results, group, system, size=None):
    for r in results:
        if r["group"] == group and r["system"] == system and (size is None or r["size"] == size):
            return r
    return None


def cpu(r):
    return r.get("median_cpu_ms") if r else None


def t(r):
    """The time rates and ratios use: CPU time of the measured thread or process when there is one
    (the machine is shared, and wall time would count other people's work), wall time otherwise.
    The runs are single-threaded, so on a quiet machine the two agree."""
    return cpu(r) or r["median_ms"]


def ratio(peer, mine):
    """Peer's time over parallax's, on CPU time, with the wall-clock ratio in brackets."""
    if not peer or not mine or peer.get("timed_out") or peer.get("skipped"):
        return "–"
    if mine.get("timed_out") or mine.get("skipped"):
        return f"< {fmt_x(peer['median_ms'] / mine['median_ms'])}"
    return f"{fmt_x(t(peer) / t(mine))} ({fmt_x(peer['median_ms'] / mine['median_ms'])})"


def memory(r):
    """Peak resident memory, with the WASM linear memory for Chromium rows."""
    if not r:
        return "–"
    text = fmt_mb(r.get("peak_rss_kb"))
    if r.get("wasm_bytes"):
        text += f" (WASM {r['wasm_bytes'] / 2**20:.0f} MB)"
    return text


def table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return "\n".join(out)


def tokenize_section(results):
    rows = []
    wink = row_of(results, "tokenize", "wink-nlp Node")
    for system in (*PARALLAX, "wink-nlp Node"):
        r = row_of(results, "tokenize", system)
        if not r:
            continue
        d = r["detail"]
        secs = t(r) / 1e3
        rows.append([
            system,
            fmt_ms(r["median_ms"]),
            fmt_ms(cpu(r)),
            f"{d['bytes'] / MB / secs:.1f}",
            f"{d.get('tokens', d.get('out', 0)) / secs / 1e6:.2f} M",
            memory(r),
            ratio(wink, r) if system != "wink-nlp Node" else "–",
        ])
    if not rows:
        return None
    first = row_of(results, "tokenize", rows[0][0])["detail"]["bytes"]
    return (
        f"### Tokenizing {first / MB:.1f} MB of mixed-language text\n\n"
        + table(["system", "wall", "CPU", "MB/s", "tokens/s", "peak memory", "× wink-nlp"], rows)
        + "\n\nparallax counts every token (words, numbers, spaces, punctuation); wink-nlp counts "
        "words and punctuation, not spaces. MB/s is the comparable figure."
    )


def strip_section(results):
    peers = [s for s in ("jusText", "trafilatura") if row_of(results, "strip", s)]
    rows = []
    for system in (*PARALLAX, *peers):
        r = row_of(results, "strip", system)
        if not r:
            continue
        secs = t(r) / 1e3
        ratios = [ratio(row_of(results, "strip", p), r) if system in PARALLAX else "–" for p in peers]
        rows.append([system, fmt_ms(r["median_ms"]), fmt_ms(cpu(r)), f"{r['detail']['bytes'] / MB / secs:.2f}",
                     memory(r), *ratios])
    if not rows:
        return None
    d = row_of(results, "strip", rows[0][0])["detail"]
    return (
        f"### Stripping boilerplate: {d['pages']} pasted pages, {d['bytes'] / MB:.2f} MB "
        "(scrapinghub `html-text.json`)\n\n"
        + table(["system", "wall (all pages)", "CPU", "MB/s", "peak memory", *[f"× {p}" for p in peers]], rows)
        + "\n\njusText and trafilatura get each pasted line as one `<p>` (text mode), with their defaults."
    )


def scale_section(results, group, title, unit):
    sizes = sorted({r["size"] for r in results if r["group"] == group})
    rows = []
    for n in sizes:
        nat = row_of(results, group, "parallax native", n)
        web = row_of(results, group, "parallax Chromium", n)
        sk = row_of(results, group, "scikit-learn", n)
        d = next((r["detail"] for r in (sk, nat, web) if r and "bytes" in r["detail"]), {"bytes": 0})
        def both(r):
            if not r:
                return "–"
            if r.get("timed_out"):
                return f"stopped at {fmt_ms(r['median_ms'])}"
            if r.get("skipped"):
                return f"not run (> {fmt_ms(r['median_ms'])} predicted)"
            return f"{fmt_ms(cpu(r))} ({fmt_ms(r['median_ms'])})"

        rows.append([
            n,
            f"{d['bytes'] / MB:.2f}",
            (nat or {}).get("detail", {}).get("sentences", "–"),
            both(nat),
            both(web),
            both(sk),
            ratio(sk, nat),
            ratio(sk, web),
            memory(nat),
            memory(web),
            memory(sk),
        ])
    if not rows:
        return None
    return f"### {title}\n\nTimes are CPU (wall); ratios are scikit-learn's time over parallax's, CPU (wall).\n\n" + table(
        [unit, "MB", "sentences", "parallax native", "parallax Chromium", "scikit-learn", "native × sklearn",
         "Chromium × sklearn", "peak native", "peak Chromium", "peak sklearn"],
        rows,
    )


def page_section(results):
    r = row_of(results, "page", "parallax Chromium")
    if not r:
        return None
    kinds = sorted(set(k or "live" for k in r.get("shown_kind", [])))
    shown = " or ".join(kinds) if kinds else "live"
    rows = [
        [f"navigation → seeds' analysis on screen (first shown: {shown})", fmt_ms(med(r["nav_to_screen_ms"]))],
        ["WASM init in the worker (worker created → ready)", fmt_ms(med(r["wasm_init_ms"]))],
        ["WASM ready → seeds' analysis on screen (negative: before ready)", fmt_ms(med(r["ready_to_screen_ms"]))],
    ]
    if r.get("nav_to_live_ms"):
        checks = sorted(set(c or "–" for c in r.get("live_check", [])))
        rows += [
            ["navigation → the worker's own analysis on screen (or confirmed equal)", fmt_ms(med(r["nav_to_live_ms"]))],
            [f"WASM ready → the worker's own analysis on screen (check: {', '.join(checks)})", fmt_ms(med(r["ready_to_live_ms"]))],
            ["navigation → worker created", fmt_ms(med(r["worker_created_ms"]))],
        ]
    rows.append(["the worker's own analysis of the seeds", fmt_ms(med(r["worker_analyze_ms"]))])
    inits = [x["init_ms"] for x in results if x["system"] == "parallax Chromium" and x.get("init_ms")]
    if inits:
        rows.append(["WASM init on the benchmark page (`await init()`), median over its tasks", fmt_ms(med(inits))])
    return "### The page, in Chromium (median of fresh browser contexts)\n\n" + table(["what", "median"], rows)


# A growth exponent above this between the two sizes of a shape is flagged: linear work measures
# about 1 (0.9-1.2 on the shared machine), a quadratic search 2.
SHAPE_FLAG_EXPONENT = 1.4


def shapes_rows(results):
    r = row_of(results, "shapes", "parallax native")
    return (r["detail"], r["detail"]["shapes"]) if r and r.get("detail", {}).get("shapes") else (None, [])


def shapes_summary(results):
    d, rows = shapes_rows(results)
    if not rows:
        return None
    worst = max(rows, key=lambda x: x["exponent"])
    flagged = [x["shape"] for x in rows if x["exponent"] > SHAPE_FLAG_EXPONENT]
    verdict = (f"**above {SHAPE_FLAG_EXPONENT}: {', '.join(flagged)}**" if flagged
               else f"none above {SHAPE_FLAG_EXPONENT}")
    return (f"### Extreme inputs: how time grows\n\n{len(rows)} generated shapes (one endless sentence of clock "
            f"times, of quotations, of numbers and function words …; pages of nested or unclosed markup), each "
            f"analysed or stripped natively at {d['small_bytes'] / 1000:.0f} KB and {d['large_bytes'] / 1000:.0f} KB: "
            f"the largest growth exponent is {worst['exponent']:.2f} ({worst['shape']}; 1 is linear, 2 quadratic), "
            f"{verdict}. The table per shape is in [results.md](bench/results/results.md).")


def shapes_section(results):
    d, rows = shapes_rows(results)
    if not rows:
        return None
    body = [[x["shape"], "HTML page (strip)" if x["html"] else "two sources (analysis)", fmt_ms(x["small_ms"]),
             fmt_ms(x["large_ms"]), f"{x['exponent']:.2f}"] for x in sorted(rows, key=lambda x: -x["exponent"])]
    head = ["shape", "input", f"{d['small_bytes'] / 1000:.0f} KB", f"{d['large_bytes'] / 1000:.0f} KB",
            "growth exponent"]
    return (f"### Extreme inputs: how time grows (native, CPU time, one run each)\n\n"
            f"Exponent = log(time ratio) / log(size ratio): 1 is linear, 2 quadratic; above {SHAPE_FLAG_EXPONENT} "
            f"is a search to look at.\n\n" + table(head, body))


def targets(results):
    out = []

    def check(name, ok, figure):
        mark = "–" if ok is None else ("met" if ok else "**missed**")
        out.append([name, figure, mark])

    tw = row_of(results, "tokenize", "parallax Chromium")
    wink = row_of(results, "tokenize", "wink-nlp Node")
    if tw:
        mbs = tw["detail"]["bytes"] / MB / (t(tw) / 1e3)
        check("tokenizing in Chromium ≥ 50 MB/s", mbs >= 50, f"{mbs:.1f} MB/s")
        if wink:
            check("tokenizing in Chromium ≥ 5× wink-nlp", t(wink) / t(tw) >= 5, ratio(wink, tw))
    jt = row_of(results, "strip", "jusText")
    for system in PARALLAX:
        r = row_of(results, "strip", system)
        if r and jt:
            check(f"stripping ≥ 30× jusText ({system})", t(jt) / t(r) >= 30, ratio(jt, r))
    web = row_of(results, "analyze", "parallax Chromium", 100)
    sk = row_of(results, "analyze", "scikit-learn", 100)
    if web and sk:
        check("100 articles' full analysis in Chromium faster than scikit-learn's TF-IDF + cosine alone",
              t(web) < t(sk), f"{fmt_ms(t(web))} vs {fmt_ms(t(sk))} ({ratio(sk, web)})")
    big = row_of(results, "analyze", "parallax Chromium", 1000)
    if big and (big.get("timed_out") or big.get("skipped")):
        how = "stopped after" if big.get("timed_out") else "not run: the 200-article time predicts more than"
        check("1,000 articles × ~800 words in Chromium ≤ 10 s", False, f"{how} {fmt_ms(big['median_ms'])}")
    elif big:
        check("1,000 articles × ~800 words in Chromium ≤ 10 s", t(big) <= 10000,
              f"{fmt_ms(t(big))} CPU ({fmt_ms(big['median_ms'])} wall)")
        kb = big.get("peak_rss_kb")
        check("… with peak memory ≤ 500 MB (renderer process)", kb is not None and kb <= 500 * 1024, fmt_mb(kb))
    page = row_of(results, "page", "parallax Chromium")
    if page:
        after = med(page["ready_to_screen_ms"])
        check("the seeds on screen ≤ 5 ms after WASM init", after <= 5, fmt_ms(after))
        if page.get("ready_to_live_ms"):
            live = med(page["ready_to_live_ms"])
            check("… the worker's own analysis of them (not a target; for comparison)", None, fmt_ms(live))
    if not out:
        return None
    return (
        "### Targets (issues 3, 4, 5, 9)\n\n" + table(["target", "measured", ""], out)
        + "\n\nRates and ratios use CPU time, wall clock in brackets (see above)."
    )


def how(meta):
    load = ", ".join(f"{x:.1f}" for x in meta.get("load_average_at_end", []))
    v = meta.get("versions", {})
    # Results written before run.mjs recorded its warm-up settings had these.
    warm = meta.get("warmup", {"steady": 0.05, "max_runs": 8, "budget_ms": 60_000})
    return (
        f"Measured {meta['date'][:16].replace('T', ' ')} UTC at commit `{meta.get('commit', '')}` on "
        f"{meta.get('cores')} cores ({meta.get('cpu')}), {meta.get('memory_gb')} GB, in {meta.get('seconds')} s; "
        f"load average at the end {load} (the machine is shared: CPU columns count only the measured "
        f"thread or process). {v.get('chromium', '')}; Node {v.get('node', '')}; {v.get('rustc', '')}.\n\n"
        "Every figure is the median of several timed runs after a warm-up. V8 compiles WebAssembly and JavaScript in tiers as they run, so Chromium and "
        f"Node are warmed up until steady (until a warm-up run is no more than {warm['steady'] * 100:.0f} % faster than the one "
        f"before, at most {warm['max_runs']} runs or {warm['budget_ms'] / 1000:.0f} s; the stripping task took 187, 155, 92, 83, 73, 71 ms over its "
        "first runs); native code and Python get a fixed warm-up (one run, two for tokenizing). Each run is timed inside its "
        "own process (native: `examples/bench.rs`; Chromium: `performance.now()` in the page; Python and "
        "Node: their own clocks), so process start and input loading are never counted. Peak memory is "
        "the peak resident set of that process: VmHWM for parallax native and for the Chromium renderer "
        "(plus the WASM linear memory in brackets; the runs share one page, with a full garbage "
        "collection after each, outside the timing, so that a report an earlier run left behind is "
        "not counted), ru_maxrss for Python, maxRSS for Node. Ratios are "
        "each peer's median over parallax's median, on the same input in the same run. CPU time is "
        "this thread's (native: clock_gettime(CLOCK_THREAD_CPUTIME_ID); Chromium: the renderer main thread's "
        "ThreadTime from the DevTools protocol) or this process's (Python process_time, Node "
        "cpuUsage); every measured run is single-threaded, so CPU time is what it would take on an "
        "idle machine, and MB/s and the ratios use it."
    )


def plot(results, path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(2, 2, figsize=(11, 8))
    styles = {"parallax native": "o-", "parallax Chromium": "s-", "scikit-learn": "^--"}
    for col, (group, label) in enumerate((("analyze", "articles (~800 words each)"),
                                          ("length", "words per article (20 articles)"))):
        for system, style in styles.items():
            rows = sorted((r for r in results
                           if r["group"] == group and r["system"] == system
                           and not r.get("timed_out") and not r.get("skipped")),
                          key=lambda r: r["size"])
            if not rows:
                continue
            xs = [r["size"] for r in rows]
            axes[0][col].plot(xs, [r["median_ms"] / 1e3 for r in rows], style, label=system)
            axes[1][col].plot(xs, [(r.get("peak_rss_kb") or 0) / 1024 for r in rows], style, label=system)
        for row, ylabel in ((0, "time (s)"), (1, "peak memory (MB)")):
            ax = axes[row][col]
            ax.set_xscale("log")
            ax.set_yscale("log")
            ax.set_xlabel(label)
            ax.set_ylabel(ylabel)
            ax.grid(True, which="both", alpha=0.3)
            ax.legend()
    axes[0][0].set_title("full analysis vs TF-IDF + cosine, by number of articles")
    axes[0][1].set_title("… by article length")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main(argv):
    results_path, out_dir = argv[0], argv[1]
    readme = argv[argv.index("--readme") + 1] if "--readme" in argv else None
    with open(results_path, encoding="utf-8") as fh:
        data = json.load(fh)
    results, meta = data["results"], data["meta"]
    sections = [
        targets(results),
        tokenize_section(results),
        strip_section(results),
        scale_section(results, "analyze", "Full analysis vs scikit-learn TF-IDF + cosine over all sentence pairs",
                      "articles"),
        scale_section(results, "length", "The same, 20 articles of growing length", "words/article"),
        page_section(results),
    ]
    body = "\n\n".join(s for s in sections if s)
    full = "\n\n".join(s for s in [body, shapes_section(results)] if s)
    plot(results, os.path.join(out_dir, "plot.png"))
    md = f"## Benchmark results\n\n{how(meta)}\n\n{full}\n\n![time and memory by size](plot.png)\n"
    with open(os.path.join(out_dir, "results.md"), "w", encoding="utf-8") as fh:
        fh.write(md)
    if readme:
        update_readme(readme, "\n\n".join(s for s in [body, shapes_summary(results)] if s), meta)


START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def update_readme(path, body, meta):
    section = (
        f"{START}\n## Benchmark\n\n`npm run bench` measured this on {meta['date'][:10]} (commit "
        f"`{meta.get('commit', '')}`); how, and the raw figures: [bench/results/](bench/results/results.md).\n\n"
        f"{body}\n\n![time and memory by size](bench/results/plot.png)\n{END}"
    )
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else "# parallax\n"
    if START in text and END in text:
        text = text[: text.index(START)] + section + text[text.index(END) + len(END):]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    main(sys.argv[1:])
