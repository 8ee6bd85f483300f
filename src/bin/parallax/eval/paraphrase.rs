//! `parallax eval paraphrase FILE`: MSRP-format sentence pairs, paraphrase or not.
//!
//! A pair counts as a paraphrase when parallax relates the two sentences as identical,
//! near-verbatim or paraphrase. Inverse document frequencies are counted over all sentences of
//! the file (no labels involved), as an analysis counts them over all sentences it is given.
//!
//! `--fit` fits the paraphrase head on the file instead (use it on the train split only) and
//! prints the coefficients for `Config::default()`; `--holdout N` fits on all pairs but the last
//! N and reports on those N.

use std::path::{Path, PathBuf};

use lexopt::prelude::*;
use parallax::{Comparer, Config, Relation, FEATURES, N_FEATURES};

use super::{binary, fit, read, table, Binary};

struct Pair {
    label: bool,
    a: usize,
    b: usize,
}

/// Reads `Quality \t id \t id \t s1 \t s2` rows after a header; also accepts `label \t s1 \t s2`.
fn load(path: &Path) -> Result<(Vec<String>, Vec<Pair>), String> {
    let text = read(path)?;
    let mut sentences = Vec::new();
    let mut pairs = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (label, s1, s2) = match cols.as_slice() {
            [q, _, _, s1, s2, ..] => (*q, *s1, *s2),
            [q, s1, s2] => (*q, *s1, *s2),
            _ if line.trim().is_empty() => continue,
            _ => return Err(format!("{}: line {}: expected 5 tab-separated columns", path.display(), n + 1)),
        };
        let label = match label.trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("{}: line {}: label '{other}' is not 0 or 1", path.display(), n + 1)),
        };
        sentences.push(s1.to_string());
        sentences.push(s2.to_string());
        pairs.push(Pair { label, a: sentences.len() - 2, b: sentences.len() - 1 });
    }
    Ok((sentences, pairs))
}

pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    let mut file: Option<PathBuf> = None;
    let (mut json, mut do_fit, mut holdout) = (false, false, 0usize);
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Long("fit") => do_fit = true,
            Long("holdout") => {
                holdout = args
                    .value()
                    .map_err(|e| e.to_string())?
                    .string()
                    .map_err(|e| e.to_string())?
                    .parse()
                    .map_err(|_| "--holdout needs a number".to_string())?
            }
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("eval paraphrase needs an MSRP-format file")?;
    let (sentences, pairs) = load(&file)?;
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let comparer = Comparer::new(&refs);
    let mut cfg = Config::default();
    let gold: Vec<bool> = pairs.iter().map(|p| p.label).collect();

    if do_fit || holdout > 0 {
        let xs: Vec<[f64; N_FEATURES]> =
            pairs.iter().map(|p| comparer.features(p.a, p.b).unwrap_or([0.0; N_FEATURES])).collect();
        let cut = pairs.len().saturating_sub(holdout);
        let model = fit::logistic(&xs[..cut], &gold[..cut]);
        // The threshold that maximizes accuracy on the fitting pairs.
        let probs: Vec<f64> = xs.iter().map(|x| model.probability(x)).collect();
        let mut best = (0.0, 0.5);
        for t in (20..=80).map(|k| f64::from(k) / 100.0) {
            let pred: Vec<bool> = probs[..cut].iter().map(|&p| p >= t).collect();
            let acc = binary(&pred, &gold[..cut]).accuracy;
            if acc > best.0 {
                best = (acc, t);
            }
        }
        println!("paraphrase_model: {}", fit::as_rust(&model));
        println!("paraphrase_min (best accuracy on the fitting pairs): {:.2}", best.1);
        for (name, w) in FEATURES.iter().zip(model.weights) {
            println!("  {name:<22} {w:>9.4}");
        }
        cfg.paraphrase_model = model;
        cfg.paraphrase_min = best.1;
        let fitted = predict(&comparer, &pairs[..cut], &cfg);
        report("fitted on these pairs", &fitted, &gold[..cut], false);
        if holdout > 0 {
            let held = predict(&comparer, &pairs[cut..], &cfg);
            report("held out", &held, &gold[cut..], json);
        }
        return Ok(());
    }
    let pred = predict(&comparer, &pairs, &cfg);
    report(&format!("paraphrase: {}", file.display()), &pred, &gold, json);
    Ok(())
}

fn predict(c: &Comparer, pairs: &[Pair], cfg: &Config) -> Vec<bool> {
    pairs.iter().map(|p| c.compare(p.a, p.b, cfg).relation != Relation::Unique).collect()
}

fn report(title: &str, pred: &[bool], gold: &[bool], json: bool) {
    let m: Binary = binary(pred, gold);
    let positive = gold.iter().filter(|&&g| g).count() as f64 / gold.len().max(1) as f64;
    if json {
        println!(
            "{}",
            serde_json::json!({
                "pairs": m.n, "accuracy": m.accuracy, "precision": m.precision, "recall": m.recall, "f1": m.f1,
                "always_yes_accuracy": positive,
            })
        );
        return;
    }
    table(
        title,
        &[
            ("pairs", m.n.to_string()),
            ("accuracy", format!("{:.4}", m.accuracy)),
            ("precision", format!("{:.4}", m.precision)),
            ("recall", format!("{:.4}", m.recall)),
            ("F1", format!("{:.4}", m.f1)),
            ("always-yes accuracy", format!("{positive:.4}")),
        ],
    );
}
