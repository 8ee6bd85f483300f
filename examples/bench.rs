//! Times parallax's public functions in-process, for `npm run bench` (see `bench/run.mjs`).
//!
//! ```text
//! cargo run --release --example bench -- tokenize FILE        [--warmup N] [--reps N]
//! cargo run --release --example bench -- strip HTML_TEXT_JSON  [--warmup N] [--reps N]
//! cargo run --release --example bench -- analyze ARTICLES_JSON [--warmup N] [--reps N] [--report OUT_JSON]
//! cargo run --release --example bench -- shapes SMALL_BYTES --large LARGE_BYTES
//! ```
//!
//! Prints one JSON object: the wall and CPU time of every timed run in milliseconds, and the process's
//! peak resident memory (`VmHWM` of `/proc/self/status`) once the input is loaded and at the end.
//! Reading and parsing the input is outside the timing, as it is for the peers; process start
//! is too. `strip` takes the scrapinghub `html-text.json` (`{id: {articleBody}}`, possibly
//! wrapped in `{"output": …}`) and strips every page once per run; `analyze` takes
//! `[{name, text}]`; with `--report` it also writes the last report as JSON (outside the timing),
//! so that two builds can be checked to give byte-identical reports.
//!
//! `shapes` generates extreme inputs of its own (one endless sentence of clock times, of short
//! quotations, of numbers and function words …, and pages of nested or unclosed markup), runs
//! each once at two sizes, and gives how the time grows between them as an exponent (1 linear,
//! 2 quadratic): a search that is quadratic in one long sentence shows as an exponent near 2 long
//! before a person's paste makes it a hang.

use std::time::Instant;

use parallax::{analyze, strip, strip_html, tokenize, Config, Source};
use serde_json::{json, Value};

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// CPU time of this thread in nanoseconds, from `clock_gettime(CLOCK_THREAD_CPUTIME_ID)`. The
/// machine is shared, so wall time alone would count other people's work too. (Not the first
/// field of `/proc/thread-self/schedstat`, which this used to read: on these machines it is only
/// brought up to date at scheduler ticks, so a 40 ms run read as 36, 40 or 44 ms and medians
/// snapped to whole ticks.)
fn thread_cpu_ns() -> Option<u64> {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: `ts` is a valid, writable timespec; the call only writes it.
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    if rc != 0 {
        return None;
    }
    Some(u64::try_from(ts.tv_sec).ok()? * 1_000_000_000 + u64::try_from(ts.tv_nsec).ok()?)
}

/// Durations of the timed runs: wall clock and this thread's CPU time, in milliseconds.
struct Runs {
    wall: Vec<f64>,
    cpu: Vec<f64>,
}

/// Runs `f` `warmup` times untimed, then `reps` times timed; returns the durations and the last
/// result.
fn time<T>(warmup: usize, reps: usize, mut f: impl FnMut() -> T) -> (Runs, T) {
    for _ in 0..warmup {
        std::hint::black_box(f());
    }
    let mut runs = Runs { wall: Vec::with_capacity(reps), cpu: Vec::with_capacity(reps) };
    let mut last = None;
    for _ in 0..reps.max(1) {
        let cpu = thread_cpu_ns();
        let start = Instant::now();
        let out = std::hint::black_box(f());
        runs.wall.push(start.elapsed().as_secs_f64() * 1e3);
        if let (Some(before), Some(after)) = (cpu, thread_cpu_ns()) {
            runs.cpu.push(after.saturating_sub(before) as f64 / 1e6);
        }
        last = Some(out);
    }
    (runs, last.expect("at least one run"))
}

fn pages(json: &Value) -> Vec<String> {
    let map = json.get("output").unwrap_or(json);
    let mut pages: Vec<(&String, String)> = map
        .as_object()
        .map(|m| m.iter().filter_map(|(id, v)| Some((id, v.get("articleBody")?.as_str()?.to_string()))).collect())
        .unwrap_or_default();
    pages.sort();
    pages.into_iter().map(|(_, text)| text).collect()
}

/// One generated input: the text of source `a` is `unit(0)`, `unit(1)`, … (each with its own
/// separator) up to the size asked; source `b`, half as long, starts at `unit(1)`, so the two
/// share most of their values but not their order.
type Unit = fn(usize) -> String;

/// Sentences of our own writing for the shapes made of prose.
const SENTENCES: &str =
    "The harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards. \
Engineers from the city said the structure itself was sound but the guards had to be replaced first. \
Ferries ran extra services through the evening, and the city asked commuters to work from home.";
const SENTENCE: &str = "The harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards.";
const CHINESE: &str = "港口大桥于周二关闭。工程师说桥梁结构完好。";

/// The shapes of `shapes`: (name, whether the text is a page's HTML, the unit it repeats).
const SHAPES: &[(&str, bool, Unit)] = &[
    ("prose as one line", false, |i| SENTENCES.replace("Tuesday", &format!("day {i}")) + " "),
    ("prose as paragraphs", false, |i| SENTENCES.replace("Tuesday", &format!("day {i}")) + "\n"),
    ("one sentence repeated", false, |_| SENTENCE.to_string() + " "),
    ("sentences glued without spaces", false, |_| SENTENCE.to_string()),
    ("Chinese without spaces", false, |_| CHINESE.to_string()),
    ("Chinese lines", false, |_| CHINESE.to_string() + "\n"),
    ("one word repeated", false, |_| "word ".to_string()),
    ("numbers and function words", false, |i| format!("{} of the ", i % 97)),
    ("clock times", false, |i| format!("at {}:{:02} local time ", i % 24, i % 60)),
    ("dates", false, |i| format!("on {} May {} ", i % 28 + 1, 1990 + i % 30)),
    ("money and percentages", false, |i| format!("${} million or {}% more ", i % 900 + 1, i % 90)),
    ("ranges", false, |i| format!("between {} and {} to {} ", i % 100, i % 100 + 5, i % 7)),
    ("dashed figures", false, |i| format!("{}-{}\u{2013}{} ", i % 100, i % 50, i % 20)),
    ("number words", false, |i| {
        ["twenty", "one", "thirty", "two", "hundred", "thousand", "million", "and", "point", "five"][i * 7 % 10]
            .to_string()
            + " "
    }),
    ("percent words", false, |i| format!("{} percent of {} people ", i % 100, i % 50)),
    ("straight quotations", false, |i| format!("\"word{} here\" said Smith{} ", i % 50, i % 7)),
    ("curly quotations", false, |i| format!("\u{201C}word{} here\u{201D} said Smith{}, ", i % 50, i % 7)),
    ("unclosed quotations", false, |i| format!("\u{201C}word{} ", i % 50)),
    ("attributions", false, |i| format!("said {} that ", ["Smith", "Jones", "Brown"][i % 3])),
    ("names", false, |i| format!("Smith{} Jones{} ", i % 300, i % 200)),
    ("capitals", false, |_| "BREAKING NEWS UPDATE ".to_string()),
    ("parentheses", false, |i| if i % 3 == 0 { "x) ".to_string() } else { "( ".to_string() }),
    ("addresses", false, |i| format!("https://example.com/a{} ", i % 100)),
    ("one-word sentences", false, |i| format!("A{}. ", i % 5)),
    ("one-word lines", false, |i| format!("word{}\n", i % 1000)),
    ("one endless word", false, |_| "xxxxxxxx".to_string()),
    ("one hyphenated compound", false, |i| format!("a{}-", i % 10)),
    ("nested elements", true, |_| "<div>".to_string()),
    ("unclosed paragraphs", true, |i| format!("<p>paragraph {} of text", i % 100)),
    ("list items", true, |i| format!("<li>item {}", i % 40)),
    ("table cells", true, |_| "<table><tr><td>1</td>".to_string()),
    ("links", true, |i| format!("<a href=\"/x{i}\" class=\"c{} nav\">link {}</a>", i % 9, i % 30)),
];

/// `unit(offset)`, `unit(offset + 1)`, … until the text has `bytes` bytes.
fn repeat_unit(unit: Unit, offset: usize, bytes: usize) -> String {
    let mut out = String::with_capacity(bytes + 64);
    let mut i = offset;
    while out.len() < bytes {
        out.push_str(&unit(i));
        i += 1;
    }
    out
}

/// The `shapes` task: each shape analysed (text) or stripped (HTML) once at `small` and at
/// `large` bytes, with the CPU time of each and the growth exponent between them.
/// Timed runs of each shape at each size; the exponent compares their medians. One run each let
/// a single slow run on the shared machine flag a shape (parentheses measured 1.42 in the full
/// run at c61e2f8, 1.16–1.22 in four single runs of the same code afterwards).
const SHAPE_RUNS: usize = 3;

/// The median of `xs` (not empty).
fn median(xs: &[f64]) -> f64 {
    let mut v = xs.to_vec();
    v.sort_by(f64::total_cmp);
    v.get(v.len() / 2).copied().unwrap_or(0.0)
}

fn shapes(small: usize, large: usize, cfg: &Config) -> Result<(Runs, Value), String> {
    let mut total = Runs { wall: vec![0.0], cpu: vec![0.0] };
    let mut rows = Vec::new();
    for &(name, html, unit) in SHAPES {
        let mut ms = [0.0f64; 2];
        for (k, &bytes) in [small, large].iter().enumerate() {
            let a = repeat_unit(unit, 0, bytes);
            let (runs, _) = if html {
                time(0, SHAPE_RUNS, || strip_html(&a, cfg).blocks.len())
            } else {
                let sources = [Source::new("a", a.clone()), Source::new("b", repeat_unit(unit, 1, bytes / 2))];
                let (runs, result) = time(0, SHAPE_RUNS, || analyze(&sources, cfg).map(|r| r.sources.len()));
                // A refused input would time the refusal, not the work: stop and say so.
                result.map_err(|e| format!("shape '{name}' at {bytes} bytes was not analysed: {e}"))?;
                (runs, 0)
            };
            let cpu = if runs.cpu.is_empty() { &runs.wall } else { &runs.cpu };
            ms[k] = median(cpu);
            total.wall[0] += runs.wall.iter().sum::<f64>();
            total.cpu[0] += cpu.iter().sum::<f64>();
        }
        // Below a millisecond the clock's grain decides the ratio: such a shape counts as linear.
        let exponent = if ms[0] >= 1.0 { (ms[1] / ms[0]).ln() / (large as f64 / small as f64).ln() } else { 1.0 };
        rows.push(json!({ "shape": name, "html": html, "small_ms": ms[0], "large_ms": ms[1], "exponent": exponent }));
    }
    Ok((total, json!({ "small_bytes": small, "large_bytes": large, "shapes": rows })))
}

fn run() -> Result<Value, String> {
    let mut args = std::env::args().skip(1);
    let task = args.next().ok_or("usage: bench tokenize|strip|analyze FILE [--warmup N] [--reps N]")?;
    let file = args.next().ok_or("missing input file")?;
    if task == "shapes" {
        let small: usize = file.parse().map_err(|_| "shapes needs the small size in bytes")?;
        let large: usize = match (args.next().as_deref(), args.next()) {
            (Some("--large"), Some(v)) => v.parse().map_err(|_| "--large needs a number")?,
            _ => return Err("usage: bench shapes SMALL_BYTES --large LARGE_BYTES".into()),
        };
        if small == 0 || large <= small {
            return Err("shapes needs 0 < SMALL_BYTES < LARGE_BYTES".into());
        }
        // No time budget and no sentence limit: the shapes measure how the work grows, and one
        // of them ("one-word sentences") holds more sentences at the large size than the
        // default limit lets through.
        let cfg = Config { time_budget_ms: 0, max_sentences: usize::MAX, ..Config::default() };
        let (runs, detail) = shapes(small, large, &cfg)?;
        return Ok(json!({
            "task": task,
            "runs_ms": runs.wall,
            "cpu_ms": runs.cpu,
            "warmup": 0,
            "peak_rss_kb": peak_rss_kb(),
            "detail": detail,
        }));
    }
    let (mut warmup, mut reps) = (1, 5);
    let mut report_out: Option<String> = None;
    while let Some(flag) = args.next() {
        if flag == "--report" {
            report_out = Some(args.next().ok_or("--report needs a file")?);
            continue;
        }
        let value: usize = args.next().and_then(|v| v.parse().ok()).ok_or(format!("{flag} needs a number"))?;
        match flag.as_str() {
            "--warmup" => warmup = value,
            "--reps" => reps = value,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let input = std::fs::read_to_string(&file).map_err(|e| format!("cannot read {file}: {e}"))?;
    // The shipped settings, without the time budget: the page's WASM analysis has no clock of its
    // own and runs unbounded, and a benchmark on a shared machine must measure, not give up.
    let cfg = Config { time_budget_ms: 0, ..Config::default() };
    let loaded_kb = peak_rss_kb();
    let (runs, extra) = match task.as_str() {
        "tokenize" => {
            let (runs, tokens) = time(warmup, reps, || tokenize(&input).len());
            (runs, json!({ "bytes": input.len(), "tokens": tokens }))
        }
        "strip" => {
            let json: Value = serde_json::from_str(&input).map_err(|e| e.to_string())?;
            let pages = pages(&json);
            let bytes: usize = pages.iter().map(String::len).sum();
            let (runs, kept) =
                time(warmup, reps, || pages.iter().map(|p| strip(p, &cfg).article().len()).sum::<usize>());
            (runs, json!({ "pages": pages.len(), "bytes": bytes, "kept_bytes": kept }))
        }
        "analyze" => {
            let sources: Vec<Source> = serde_json::from_str(&input).map_err(|e| e.to_string())?;
            let bytes: usize = sources.iter().map(|s| s.text.len()).sum();
            let (runs, report) = time(warmup, reps, || analyze(&sources, &cfg));
            let report = report.map_err(|e| e.to_string())?;
            if let Some(out) = &report_out {
                let json = serde_json::to_string(&report).map_err(|e| e.to_string())?;
                std::fs::write(out, json).map_err(|e| format!("cannot write {out}: {e}"))?;
            }
            let sentences: usize = report.sources.iter().map(|s| s.sentences.len()).sum();
            let counterparts: usize =
                report.sources.iter().flat_map(|s| &s.sentences).map(|s| s.counterparts.len()).sum();
            (
                runs,
                json!({ "articles": sources.len(), "bytes": bytes, "sentences": sentences, "counterparts": counterparts }),
            )
        }
        other => return Err(format!("unknown task {other}")),
    };
    Ok(json!({
        "task": task,
        "runs_ms": runs.wall,
        "cpu_ms": runs.cpu,
        "warmup": warmup,
        "peak_rss_kb": peak_rss_kb(),
        "loaded_rss_kb": loaded_kb,
        "detail": extra,
    }))
}

fn main() {
    match run() {
        Ok(v) => println!("{v}"),
        Err(e) => {
            eprintln!("bench: {e}");
            std::process::exit(2);
        }
    }
}
