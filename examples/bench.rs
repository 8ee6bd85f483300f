//! Times parallax's public functions in-process, for `npm run bench` (see `bench/run.mjs`).
//!
//! ```text
//! cargo run --release --example bench -- tokenize FILE        [--warmup N] [--reps N]
//! cargo run --release --example bench -- strip HTML_TEXT_JSON  [--warmup N] [--reps N]
//! cargo run --release --example bench -- analyze ARTICLES_JSON [--warmup N] [--reps N] [--report OUT_JSON]
//! ```
//!
//! Prints one JSON object: the wall and CPU time of every timed run in milliseconds, and the process's
//! peak resident memory (`VmHWM` of `/proc/self/status`) once the input is loaded and at the end.
//! Reading and parsing the input is outside the timing, as it is for the peers; process start
//! is too. `strip` takes the scrapinghub `html-text.json` (`{id: {articleBody}}`, possibly
//! wrapped in `{"output": …}`) and strips every page once per run; `analyze` takes
//! `[{name, text}]`; with `--report` it also writes the last report as JSON (outside the timing),
//! so that two builds can be checked to give byte-identical reports.

use std::time::Instant;

use parallax::{analyze, strip, tokenize, Config, Source};
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

fn run() -> Result<Value, String> {
    let mut args = std::env::args().skip(1);
    let task = args.next().ok_or("usage: bench tokenize|strip|analyze FILE [--warmup N] [--reps N]")?;
    let file = args.next().ok_or("missing input file")?;
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
