//! `parallax eval sts FILE`: graded sentence similarity, Pearson r against the human 0–5 grades.
//!
//! Reads the STS Benchmark format (`genre \t file \t year \t id \t score \t s1 \t s2 …`, only the
//! `--genre` rows, `main-news` by default) or the SemEval format (`score \t s1 \t s2`, rows with
//! an empty score skipped). The similarity is the one the report shows for a sentence pair.
//! Inverse document frequencies are counted over all sentences of the file (no grades involved).
//!
//! `--fit` fits the similarity head on the file instead (use it on a train split only) and prints
//! the coefficients for `Config::default()`; `--check OTHER` then reports the fitted head on
//! another file (a dev or test split).

use std::path::{Path, PathBuf};

use lexopt::prelude::*;
use parallax::{Comparer, Config, FEATURES, N_FEATURES};

use super::{fit, pearson, read, table};

fn load(path: &Path, genre: &str) -> Result<(Vec<String>, Vec<f64>), String> {
    let text = read(path)?;
    let mut sentences = Vec::new();
    let mut grades = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        let (score, s1, s2) = match cols.as_slice() {
            [g, _, _, _, score, s1, s2, ..] => {
                if g.trim() != genre {
                    continue;
                }
                (*score, *s1, *s2)
            }
            [score, s1, s2] => (*score, *s1, *s2),
            _ if line.trim().is_empty() => continue,
            _ => return Err(format!("{}: line {}: neither STS Benchmark nor SemEval format", path.display(), n + 1)),
        };
        if score.trim().is_empty() {
            continue;
        }
        let Ok(g) = score.trim().parse::<f64>() else {
            // A header line.
            if n == 0 {
                continue;
            }
            return Err(format!("{}: line {}: score '{score}' is not a number", path.display(), n + 1));
        };
        sentences.push(s1.to_string());
        sentences.push(s2.to_string());
        grades.push(g);
    }
    Ok((sentences, grades))
}

pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    let mut file: Option<PathBuf> = None;
    let (mut json, mut do_fit) = (false, false);
    let mut check: Option<PathBuf> = None;
    let mut genre = "main-news".to_string();
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json = true,
            Long("fit") => do_fit = true,
            Long("check") => check = Some(args.value().map_err(|e| e.to_string())?.into()),
            Long("genre") => genre = args.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?,
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("eval sts needs an STS Benchmark or SemEval file")?;
    let (sentences, grades) = load(&file, &genre)?;
    if grades.is_empty() {
        return Err(format!("{}: no scored pairs (genre '{genre}')", file.display()));
    }
    let refs: Vec<&str> = sentences.iter().map(String::as_str).collect();
    let comparer = Comparer::new(&refs);
    let mut cfg = Config::default();
    if do_fit {
        let xs: Vec<[f64; N_FEATURES]> =
            (0..grades.len()).map(|k| comparer.features(2 * k, 2 * k + 1).unwrap_or([0.0; N_FEATURES])).collect();
        let model = fit::least_squares(&xs, &grades);
        println!("similarity_model: {}", fit::as_rust(&model));
        for (name, w) in FEATURES.iter().zip(model.weights) {
            println!("  {name:<22} {w:>9.4}");
        }
        cfg.similarity_model = model;
        if let Some(other) = &check {
            let (s2, g2) = load(other, &genre)?;
            let refs2: Vec<&str> = s2.iter().map(String::as_str).collect();
            let c2 = Comparer::new(&refs2);
            let sims: Vec<f64> = (0..g2.len()).map(|k| c2.compare(2 * k, 2 * k + 1, &cfg).similarity.get()).collect();
            table(
                &format!("sts: {} (held out)", other.display()),
                &[("pairs", g2.len().to_string()), ("pearson", format!("{:.4}", pearson(&sims, &g2)))],
            );
        }
    }
    let sims: Vec<f64> = (0..grades.len()).map(|k| comparer.compare(2 * k, 2 * k + 1, &cfg).similarity.get()).collect();
    let r = pearson(&sims, &grades);
    if json && !do_fit {
        println!("{}", serde_json::json!({ "pairs": grades.len(), "pearson": r }));
        return Ok(());
    }
    table(
        &format!("sts: {}{}", file.display(), if do_fit { " (fitted on this file)" } else { "" }),
        &[("pairs", grades.len().to_string()), ("pearson", format!("{r:.4}"))],
    );
    Ok(())
}
