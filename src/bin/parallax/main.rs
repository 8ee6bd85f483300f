//! The parallax command line: batch analysis, stripping and evaluation.
//!
//! ```text
//! parallax analyze FILE... [--format json|text] [--preset strict|balanced|lenient]
//! parallax analyze --jsonl            < requests.jsonl > reports.jsonl
//! parallax strip [FILE] [--html] [--format text|json]
//! parallax eval strip --scrapinghub DIR|--trafilatura DIR [--html] [--json]
//! parallax eval conflicts FILE [--json]
//! ```

use std::io::{self, BufRead, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

mod eval;

use lexopt::prelude::*;
use parallax::{analyze, strip, Config, Preset, Source};

const USAGE: &str = "\
usage:
  parallax analyze FILE... [--format json|text] [--preset strict|balanced|lenient]
  parallax analyze --jsonl     reads {\"sources\":[{\"name\":…,\"text\":…}]} per line, writes one report per line
  parallax strip [FILE] [--html] [--format text|json]   reads standard input when no file is given
  parallax eval strip --scrapinghub DIR|--trafilatura DIR [--html] [--json]
  parallax eval paraphrase|sts|reuse PATH [--json]   measure sentence alignment and reuse detection
  parallax eval conflicts FILE [--json]     MSRP-format sentence pairs: number/date conflicts";

type CliResult = Result<(), String>;

fn main() -> ExitCode {
    // Rust ignores SIGPIPE, so a write to a reader that stopped reading (`parallax … | head`)
    // fails, and `println!` panics on it. Like other command-line tools, end quietly instead:
    // with the default action the process ends when the pipe closes, whatever command wrote.
    // SAFETY: called before any thread starts; `signal` only sets the action of SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("parallax: {msg}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> CliResult {
    let mut args = lexopt::Parser::from_env();
    let cmd = match args.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        Some(Long("help")) | Some(Short('h')) | None => {
            println!("{USAGE}");
            return Ok(());
        }
        Some(other) => return Err(format!("{}\n{USAGE}", other.unexpected())),
    };
    match cmd.as_str() {
        "analyze" => cmd_analyze(args),
        "strip" => cmd_strip(args),
        "eval" => eval::run(args),
        other => Err(format!("unknown command '{other}'\n{USAGE}")),
    }
}

#[derive(PartialEq)]
enum Format {
    Json,
    Text,
}

fn parse_format(v: &str) -> Result<Format, String> {
    match v {
        "json" => Ok(Format::Json),
        "text" => Ok(Format::Text),
        _ => Err(format!("--format must be json or text, not '{v}'")),
    }
}

fn parse_preset(v: &str) -> Result<Config, String> {
    let p = match v {
        "strict" => Preset::Strict,
        "balanced" => Preset::Balanced,
        "lenient" => Preset::Lenient,
        _ => return Err(format!("--preset must be strict, balanced or lenient, not '{v}'")),
    };
    Ok(Config::preset(p))
}

/// Reads a file as text, replacing invalid UTF-8 rather than refusing it.
fn read_text(path: &PathBuf) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn cmd_analyze(mut args: lexopt::Parser) -> CliResult {
    let mut files: Vec<PathBuf> = Vec::new();
    let mut format = Format::Json;
    let mut jsonl = false;
    let mut cfg = Config::default();
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("format") => {
                format = parse_format(&args.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?)?
            }
            Long("preset") => {
                cfg = parse_preset(&args.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?)?
            }
            Long("jsonl") => jsonl = true,
            Value(v) => files.push(v.into()),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let stdout = io::stdout();
    let mut out = stdout.lock();
    if jsonl {
        return analyze_jsonl(&cfg, &mut out);
    }
    if files.is_empty() {
        return Err(format!("analyze needs at least one file (or --jsonl)\n{USAGE}"));
    }
    let mut sources = Vec::new();
    for f in &files {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        sources.push(Source::new(name, read_text(f)?));
    }
    let report = analyze(&sources, &cfg).map_err(|e| e.to_string())?;
    let text = match format {
        Format::Json => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?,
        Format::Text => {
            let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
            report.to_text(&texts)
        }
    };
    writeln!(out, "{text}").map_err(|e| e.to_string())
}

#[derive(serde::Deserialize)]
struct Request {
    sources: Vec<Source>,
    #[serde(default)]
    config: Option<Config>,
}

/// One report per input line; a bad line yields `{"error": …}` on its line so the output stays
/// aligned with the input.
fn analyze_jsonl(cfg: &Config, out: &mut impl Write) -> CliResult {
    let stdin = io::stdin();
    for (n, line) in stdin.lock().lines().enumerate() {
        let line = line.map_err(|e| format!("line {}: {e}", n + 1))?;
        if line.trim().is_empty() {
            continue;
        }
        let result = serde_json::from_str::<Request>(&line)
            .map_err(|e| format!("line {}: not a request ({e})", n + 1))
            .and_then(|req| {
                analyze(&req.sources, req.config.as_ref().unwrap_or(cfg)).map_err(|e| format!("line {}: {e}", n + 1))
            });
        let json = match result {
            Ok(report) => serde_json::to_string(&report),
            Err(msg) => serde_json::to_string(&serde_json::json!({ "error": msg })),
        }
        .map_err(|e| e.to_string())?;
        writeln!(out, "{json}").map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn cmd_strip(mut args: lexopt::Parser) -> CliResult {
    let mut file: Option<PathBuf> = None;
    let mut format = Format::Text;
    let mut html = false;
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("format") => {
                format = parse_format(&args.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?)?
            }
            Long("html") => html = true,
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(format!("{}\n{USAGE}", other.unexpected())),
        }
    }
    let text = match &file {
        Some(f) => read_text(f)?,
        None => {
            let mut bytes = Vec::new();
            io::stdin().read_to_end(&mut bytes).map_err(|e| e.to_string())?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
    };
    // --html: the input is a page's HTML (a rich paste), read through its markup too.
    let stripped =
        if html { parallax::strip_html(&text, &Config::default()) } else { strip(&text, &Config::default()) };
    let shown = match format {
        Format::Text => stripped.article(),
        Format::Json => serde_json::to_string_pretty(&stripped).map_err(|e| e.to_string())?,
    };
    writeln!(io::stdout().lock(), "{shown}").map_err(|e| e.to_string())
}
