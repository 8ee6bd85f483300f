//! `parallax eval <what> ...`: measure parallax on the evaluation sets in `../shared/data`.
//!
//! Each command reads the data from the path it is given, uses `Config::default()` (never tuning
//! on the file it evaluates), prints a readable table, and with `--json` one JSON object of its
//! metrics on standard output.

use lexopt::ValueExt;

mod conflicts;
mod fit;
mod paraphrase;
mod reuse;
mod strip;
mod sts;

/// Usage of the evaluation commands.
pub const USAGE: &str = "\
usage:
  parallax eval strip --scrapinghub DIR [--html] [--json] [--worst N] [--page ID] [--half even|odd] [--packs needed|all]
  parallax eval strip --trafilatura DIR [--html] [--json] [--worst N] [--page FILE] [--half even|odd] [--packs needed|all] [--errors]
  parallax eval paraphrase FILE [--json] [--fit] [--holdout N]   MSRP format → accuracy, F1
  parallax eval sts FILE [--json] [--fit] [--genre G]            STS Benchmark or SemEval → Pearson r
  parallax eval reuse DIR [--json]                               Clough–Stevenson → derived-vs-independent F1, 4-class accuracy
  parallax eval conflicts FILE [--json] [--show N]               MSRP format → number/date conflicts";

/// Runs `parallax eval <what>`.
pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    let what = match args.next().map_err(|e| e.to_string())? {
        Some(lexopt::Arg::Value(v)) => v.string().map_err(|e| e.to_string())?,
        _ => return Err(format!("eval needs a set to evaluate\n{USAGE}")),
    };
    match what.as_str() {
        "strip" => strip::run(args),
        "paraphrase" => paraphrase::run(args),
        "sts" => sts::run(args),
        "reuse" => reuse::run(args),
        "conflicts" => conflicts::run(args),
        other => Err(format!("unknown evaluation '{other}'\n{USAGE}")),
    }
}

/// Reads a text file, dropping a byte-order mark.
pub(crate) fn read(path: &std::path::Path) -> Result<String, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes).into_owned();
    Ok(text.strip_prefix('\u{feff}').map(str::to_string).unwrap_or(text))
}

/// Precision, recall, F1 and accuracy of binary predictions.
#[derive(Clone, Copy, Debug, Default, serde::Serialize)]
pub(crate) struct Binary {
    pub n: usize,
    pub accuracy: f64,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

pub(crate) fn binary(pred: &[bool], gold: &[bool]) -> Binary {
    let (mut tp, mut fp, mut fnn, mut correct) = (0.0, 0.0, 0.0, 0.0);
    for (&p, &g) in pred.iter().zip(gold) {
        match (p, g) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fnn += 1.0,
            (false, false) => {}
        }
        if p == g {
            correct += 1.0;
        }
    }
    let precision = if tp + fp > 0.0 { tp / (tp + fp) } else { 0.0 };
    let recall = if tp + fnn > 0.0 { tp / (tp + fnn) } else { 0.0 };
    let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
    Binary { n: pred.len(), accuracy: correct / pred.len().max(1) as f64, precision, recall, f1 }
}

/// Pearson correlation.
pub(crate) fn pearson(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len().min(y.len()) as f64;
    if n < 2.0 {
        return 0.0;
    }
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx).powi(2);
        syy += (b - my).powi(2);
    }
    if sxx == 0.0 || syy == 0.0 {
        0.0
    } else {
        sxy / (sxx * syy).sqrt()
    }
}

/// Prints a metric table: one `name value` line per row.
pub(crate) fn table(title: &str, rows: &[(&str, String)]) {
    println!("{title}");
    let width = rows.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (k, v) in rows {
        println!("  {k:<width$}  {v}");
    }
}
