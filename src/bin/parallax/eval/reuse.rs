//! `parallax eval reuse DIR`: the Clough–Stevenson corpus of short answers written from a source
//! text by cutting, light revision, heavy revision, or independently.
//!
//! Each answer is analysed together with its source text (`orig_task?.txt`) exactly as two pasted
//! articles would be; the pair's verdict is read from the report: *non* when the derivation is
//! `non`, otherwise the rewrite level (`verbatim` = cut, `light`, `heavy`). Prints
//! derived-vs-independent precision, recall and F1, four-class accuracy, the confusion matrix, and
//! how often the source text is named as the original of a derived answer.

use std::path::PathBuf;

use lexopt::prelude::*;
use parallax::{analyze, Config, Derivation, Rewrite, Source};

use super::{binary, read, table};

const CLASSES: [&str; 4] = ["cut", "light", "heavy", "non"];

fn class_of(derivation: Derivation, rewrite: Option<Rewrite>) -> usize {
    match (derivation, rewrite) {
        (Derivation::Non, _) => 3,
        (_, Some(Rewrite::Verbatim)) => 0,
        (_, Some(Rewrite::Light)) => 1,
        _ => 2,
    }
}

pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    let mut dir: Option<PathBuf> = None;
    let mut json = false;
    let mut verbose = false;
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Long("verbose") => verbose = true,
            Value(v) if dir.is_none() => dir = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let dir = dir.ok_or("eval reuse needs the Clough–Stevenson folder")?;
    let info = read(&dir.join("file_information.csv"))?;
    let cfg = Config::default();
    let mut gold = Vec::new();
    let mut pred = Vec::new();
    let (mut derived_right, mut named_source) = (0usize, 0usize);
    for (n, line) in info.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.trim().split(',').collect();
        let [file, task, category] = cols.as_slice() else {
            if line.trim().is_empty() {
                continue;
            }
            return Err(format!("file_information.csv line {}: expected File,Task,Category", n + 1));
        };
        let Some(g) = CLASSES.iter().position(|c| c == category) else {
            continue; // the source texts themselves ("orig")
        };
        let original = read(&dir.join(format!("orig_task{task}.txt")))?;
        let answer = read(&dir.join(file))?;
        let sources = [Source::new("source", original), Source::new(*file, answer)];
        let report = analyze(&sources, &cfg).map_err(|e| format!("{file}: {e}"))?;
        let Some(pair) = report.pairs.first() else {
            return Err(format!("{file}: no pair in the report"));
        };
        let p = class_of(pair.derivation, pair.rewrite);
        if verbose {
            eprintln!(
                "{file:<22} gold {:<5} predicted {:<5} coverage {:.3}/{:.3} containment {:.3}/{:.3} aligned {} in order {}",
                CLASSES[g],
                CLASSES[p],
                pair.coverage_ab.get(),
                pair.coverage_ba.get(),
                pair.quoteless_containment_ab.get(),
                pair.quoteless_containment_ba.get(),
                pair.aligned.len(),
                pair.in_order
            );
        }
        if g != 3 && p != 3 {
            derived_right += 1;
            if pair.original == Some(0) {
                named_source += 1;
            }
        }
        gold.push(g);
        pred.push(p);
    }
    if gold.is_empty() {
        return Err(format!("{}: no labelled answers found", dir.display()));
    }
    let derived =
        binary(&pred.iter().map(|&p| p != 3).collect::<Vec<_>>(), &gold.iter().map(|&g| g != 3).collect::<Vec<_>>());
    let four = gold.iter().zip(&pred).filter(|(g, p)| g == p).count() as f64 / gold.len() as f64;
    let direction = if derived_right > 0 { named_source as f64 / derived_right as f64 } else { 0.0 };
    if json {
        println!(
            "{}",
            serde_json::json!({
                "answers": gold.len(),
                "derived_precision": derived.precision,
                "derived_recall": derived.recall,
                "derived_f1": derived.f1,
                "four_class_accuracy": four,
                "direction_accuracy": direction,
            })
        );
        return Ok(());
    }
    table(
        &format!("reuse: {}", dir.display()),
        &[
            ("answers", gold.len().to_string()),
            ("derived precision", format!("{:.4}", derived.precision)),
            ("derived recall", format!("{:.4}", derived.recall)),
            ("derived F1", format!("{:.4}", derived.f1)),
            ("4-class accuracy", format!("{four:.4}")),
            ("source named original", format!("{direction:.4} of {derived_right} derived answers found")),
        ],
    );
    println!("  confusion (rows gold, columns predicted): {}", CLASSES.join(" "));
    for (g, name) in CLASSES.iter().enumerate() {
        let row: Vec<String> =
            (0..4).map(|p| gold.iter().zip(&pred).filter(|(x, y)| **x == g && **y == p).count().to_string()).collect();
        println!("    {name:<6} {}", row.join(" "));
    }
    Ok(())
}
