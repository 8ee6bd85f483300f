//! `parallax eval conflicts FILE`: conflicting numbers and dates on MSRP-format sentence pairs.
//!
//! The file is the Microsoft Research Paraphrase Corpus format (a header line, then
//! `Quality \t #1 ID \t #2 ID \t #1 String \t #2 String`, quality 1 = paraphrase); the brmson
//! validation split (`label \t s0 \t s1`, no IDs) is read too. Each pair is taken as two aligned
//! statements and given to [`parallax::conflicts`] with `Config::default()`.
//!
//! Which pairs "differ in a number or date" is decided here, independently of the library's value
//! reader: the *value tokens* of a sentence are its runs of digits (with the separators inside a
//! number dropped, so "1,200" is "1200") and its English weekday and month names; a pair differs
//! when each sentence has a value token the other lacks — a substitution, not just an extra
//! detail on one side. Reported:
//!
//! * `recall`: among non-paraphrase pairs that differ, the share with at least one number or date
//!   conflict (kinds other than names); `recall_only` the same on the pairs that differ *only* in
//!   values (the sentences' other words mostly shared, in order — "many negative pairs differ only
//!   in a number or date", as the data README puts it);
//! * `false_conflicts`: among all paraphrase pairs, the share with any conflict (names included);
//!   `clean_paraphrases` is one minus it, for the quality gate (higher is better);
//! * the same two on the paraphrase pairs that differ, and the share of all non-paraphrase pairs
//!   flagged, for context.

use std::path::PathBuf;

use lexopt::prelude::*;
use parallax::{conflicts, Config, ConflictKind};
use serde_json::json;

const MONTHS_AND_DAYS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The value tokens of a sentence (see the module documentation), sorted and deduplicated.
fn value_tokens(s: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_digit() {
            let mut digits = String::new();
            while i < chars.len()
                && (chars[i].is_ascii_digit()
                    || (matches!(chars[i], ',' | '.') && chars.get(i + 1).is_some_and(|c| c.is_ascii_digit())))
            {
                if chars[i].is_ascii_digit() {
                    digits.push(chars[i]);
                } else if chars[i] == '.' {
                    digits.push('.');
                }
                i += 1;
            }
            out.push(digits);
        } else if chars[i].is_alphabetic() {
            let start = i;
            while i < chars.len() && chars[i].is_alphabetic() {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            if capital && MONTHS_AND_DAYS.contains(&word.to_lowercase().as_str()) {
                out.push(word.to_lowercase());
            }
        } else {
            i += 1;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The words of a sentence that are not value tokens, lowercased.
fn other_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !w.chars().next().is_some_and(|c| c.is_ascii_digit()))
        .filter(|w| {
            !(w.chars().next().is_some_and(char::is_uppercase) && MONTHS_AND_DAYS.contains(&w.to_lowercase().as_str()))
        })
        .map(str::to_lowercase)
        .collect()
}

/// Length of the longest common subsequence of two word lists.
fn lcs(a: &[String], b: &[String]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut prev = 0;
        for (j, y) in b.iter().enumerate() {
            let here = row[j + 1];
            row[j + 1] = if x == y { prev + 1 } else { row[j + 1].max(row[j]) };
            prev = here;
        }
    }
    row[b.len()]
}

/// Share of the shorter sentence's other words (not value tokens) that must appear in order in
/// the longer one for a pair to "differ only in a number or date". Fixed before looking at what it
/// does to recall; the broad selection is the one gated.
const ONLY_MIN: f64 = 0.6;

/// Whether the two sentences say the same apart from their values.
fn otherwise_same(a: &str, b: &str) -> bool {
    let (wa, wb) = (other_words(a), other_words(b));
    let shorter = wa.len().min(wb.len()).max(1);
    lcs(&wa, &wb) as f64 / shorter as f64 >= ONLY_MIN
}

/// Whether each sentence has a value token the other lacks.
fn differ(a: &str, b: &str) -> bool {
    let (ta, tb) = (value_tokens(a), value_tokens(b));
    ta.iter().any(|t| !tb.contains(t)) && tb.iter().any(|t| !ta.contains(t))
}

struct Pair {
    paraphrase: bool,
    a: String,
    b: String,
}

fn read(path: &PathBuf) -> Result<Vec<Pair>, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (label, a, b) = match cols.len() {
            5 => (cols[0], cols[3], cols[4]),
            3 => (cols[0], cols[1], cols[2]),
            _ if line.trim().is_empty() => continue,
            k => return Err(format!("{} line {}: {k} columns, expected 5 (MSRP) or 3", path.display(), n + 1)),
        };
        let paraphrase = match label.trim_start_matches('\u{feff}').trim() {
            "1" => true,
            "0" => false,
            other => return Err(format!("{} line {}: quality '{other}' is not 0 or 1", path.display(), n + 1)),
        };
        out.push(Pair { paraphrase, a: a.to_string(), b: b.to_string() });
    }
    Ok(out)
}

fn share(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        n as f64 / d as f64
    }
}

pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    let mut file: Option<PathBuf> = None;
    let mut json_out = false;
    let mut show = 0usize;
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("json") => json_out = true,
            Long("show") => {
                let v = args.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())?;
                show = v.parse().map_err(|_| "--show needs a number".to_string())?;
            }
            Value(v) if file.is_none() => file = Some(v.into()),
            other => return Err(other.unexpected().to_string()),
        }
    }
    let file = file.ok_or("eval conflicts needs an MSRP-format file")?;
    let pairs = read(&file)?;
    let cfg = Config::default();

    let (mut negatives, mut positives) = (0, 0);
    let (mut selected, mut selected_hit) = (0, 0);
    let (mut only, mut only_hit) = (0, 0);
    let (mut negatives_flagged, mut positives_flagged) = (0, 0);
    let (mut positives_differ, mut positives_differ_flagged) = (0, 0);
    let (mut misses, mut false_flags): (Vec<&Pair>, Vec<(&Pair, String)>) = (Vec::new(), Vec::new());
    let mut hits: Vec<(&Pair, String)> = Vec::new();
    for p in &pairs {
        let found = conflicts(&p.a, &p.b, &cfg);
        let values = found.iter().any(|c| c.kind != ConflictKind::Entity);
        let differs = differ(&p.a, &p.b);
        let shown = || -> String {
            let shown: Vec<String> = found
                .iter()
                .map(|c| format!("{:?} '{}' / '{}'", c.kind, &p.a[c.a.clone()], &p.b[c.b.clone()]))
                .collect();
            shown.join("; ")
        };
        if p.paraphrase {
            positives += 1;
            positives_differ += usize::from(differs);
            if !found.is_empty() {
                positives_flagged += 1;
                positives_differ_flagged += usize::from(differs);
                false_flags.push((p, shown()));
            }
        } else {
            negatives += 1;
            negatives_flagged += usize::from(!found.is_empty());
            if differs && otherwise_same(&p.a, &p.b) {
                only += 1;
                only_hit += usize::from(values);
            }
            if differs {
                selected += 1;
                if values {
                    selected_hit += 1;
                    hits.push((p, shown()));
                } else {
                    misses.push(p);
                }
            }
        }
    }
    let recall = share(selected_hit, selected);
    let false_rate = share(positives_flagged, positives);
    if json_out {
        let out = json!({
            "pairs": pairs.len(),
            "non_paraphrase_differing": selected,
            "non_paraphrase_differing_only": only,
            "recall_only": share(only_hit, only),
            "recall": recall,
            "paraphrases": positives,
            "false_conflicts": false_rate,
            "clean_paraphrases": 1.0 - false_rate,
            "paraphrases_differing": positives_differ,
            "false_conflicts_differing": share(positives_differ_flagged, positives_differ),
            "non_paraphrases_flagged": share(negatives_flagged, negatives),
        });
        println!("{out}");
        return Ok(());
    }
    println!("conflicts on {} ({} pairs, Config::default())", file.display(), pairs.len());
    println!("{:<58} {:>6} {:>8}", "", "pairs", "share");
    println!("{:<58} {:>6} {:>8.3}", "non-paraphrases differing in a number/date, flagged (recall)", selected, recall);
    println!("{:<58} {:>6} {:>8.3}", "  of which differing only in them", only, share(only_hit, only));
    println!("{:<58} {:>6} {:>8.3}", "paraphrases wrongly flagged (false conflicts)", positives, false_rate);
    println!(
        "{:<58} {:>6} {:>8.3}",
        "  of which differing in a number/date",
        positives_differ,
        share(positives_differ_flagged, positives_differ)
    );
    println!("{:<58} {:>6} {:>8.3}", "all non-paraphrases flagged", negatives, share(negatives_flagged, negatives));
    for p in misses.iter().take(show) {
        println!("MISS\n  {}\n  {}", p.a, p.b);
    }
    for (p, why) in false_flags.iter().take(show) {
        println!("FALSE {why}\n  {}\n  {}", p.a, p.b);
    }
    for (p, why) in hits.iter().take(show) {
        println!("HIT {why}\n  {}\n  {}", p.a, p.b);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_differ_only_by_a_substitution_of_digits_or_calendar_names() {
        assert_eq!(value_tokens("It cost $1,200.50 on Monday, May 3."), ["1200.50", "3", "may", "monday"]);
        assert!(differ("It rose 5 percent on Monday.", "It rose 6 percent on Monday."));
        assert!(differ("Talks ended on Monday.", "Talks ended on Tuesday."));
        assert!(!differ("It rose 5 percent.", "It rose 5 percent on Monday."), "an extra detail is no substitution");
        assert!(!differ("It rose 5 percent.", "It rose five percent."));
        assert!(!differ("You may go.", "You can go."), "'may' in lower case is not a month");
    }
}
