//! `parallax eval <what> ...`: evaluation commands over the sets in `../shared/data`.
//!
//! Each command prints a readable table, or with `--json` one JSON object of its metrics.

mod strip;

const USAGE: &str = "\
usage:
  parallax eval strip --scrapinghub DIR [--html] [--json] [--worst N] [--page ID]
  parallax eval strip --trafilatura DIR [--html] [--json] [--worst N] [--page FILE]";

/// Runs the evaluation named by the first argument.
pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    use lexopt::prelude::*;
    let what = match args.next().map_err(|e| e.to_string())? {
        Some(Value(v)) => v.string().map_err(|e| e.to_string())?,
        _ => return Err(format!("eval needs a name\n{USAGE}")),
    };
    match what.as_str() {
        "strip" => strip::run(args),
        other => Err(format!("unknown evaluation '{other}'\n{USAGE}")),
    }
}
