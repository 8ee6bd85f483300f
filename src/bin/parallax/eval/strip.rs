//! `parallax eval strip`: how well boilerplate stripping keeps exactly the article.
//!
//! Two sets (see `../shared/data/README.md`):
//!
//! * **scrapinghub** — 181 English pages. The text path strips the benchmark's own full-page text
//!   (`output/html-text.json`), as a person would paste it; `--html` strips the original HTML
//!   (`html/<id>.html.gz`) through the rich-paste path. The metric is the benchmark's
//!   (`evaluate.py`): per page, the multiset of 4-gram shingles over `\w+` tokens of the output
//!   and of the gold text; true and false positives and negatives normalised per page; precision
//!   and recall averaged over pages (precision over pages with any output); F1 of the two means.
//!   Bag-of-words is the same with single words.
//! * **trafilatura** — 990 multilingual pages with snippets that must (`with`) and must not
//!   (`without`) appear in the output, whitespace-normalised substring matching, F1 over all
//!   snippets. The text path flattens the HTML as `innerText` would and strips the text; `--html`
//!   uses the markup too. Non-English pages (by the page's `lang` attribute) are also scored apart.
//!
//! The output compared is the body only: title, byline, date and captions are metadata, and the
//! gold texts leave them out too. Nothing here tunes anything: `Config::default()` throughout.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Instant;

use lexopt::prelude::*;
use parallax::{strip, strip_html, BlockKind, Config, Stripped};
use serde_json::{json, Value};

#[derive(Clone, Copy, PartialEq)]
enum Set {
    Scrapinghub,
    Trafilatura,
}

struct Options {
    dir: PathBuf,
    html: bool,
    json: bool,
    worst: usize,
    page: Option<String>,
    /// Only the pages at even (0) or odd (1) positions of the sorted list: defaults are chosen on
    /// one half and the other half is reported as held out.
    half: Option<usize>,
    /// `--packs needed`: only the language packs each page's text needs, as the WebAssembly build
    /// gets them from a host that loads packs on demand (natively every pack is built in).
    needed_packs: bool,
    /// `--errors` (trafilatura set): one line per wrong snippet on stderr — a `with` snippet
    /// missing or a `without` snippet kept — with the class of the block that holds it, for
    /// finding the largest groups of errors.
    errors: bool,
}

pub fn run(mut args: lexopt::Parser) -> Result<(), String> {
    let mut set = None;
    let mut html = false;
    let mut json = false;
    let mut worst = 0;
    let mut page = None;
    let mut half = None;
    let mut needed_packs = false;
    let mut errors = false;
    let str_value = |args: &mut lexopt::Parser| -> Result<String, String> {
        args.value().map_err(|e| e.to_string())?.string().map_err(|e| e.to_string())
    };
    while let Some(arg) = args.next().map_err(|e| e.to_string())? {
        match arg {
            Long("scrapinghub") => set = Some((Set::Scrapinghub, PathBuf::from(str_value(&mut args)?))),
            Long("trafilatura") => set = Some((Set::Trafilatura, PathBuf::from(str_value(&mut args)?))),
            Long("html") => html = true,
            Long("json") => json = true,
            Long("errors") => errors = true,
            Long("worst") => worst = str_value(&mut args)?.parse().map_err(|_| "--worst needs a number".to_string())?,
            Long("page") => page = Some(str_value(&mut args)?),
            Long("half") => {
                half = Some(match str_value(&mut args)?.as_str() {
                    "even" => 0,
                    "odd" => 1,
                    _ => return Err("--half takes even or odd".into()),
                })
            }
            Long("packs") => {
                needed_packs = match str_value(&mut args)?.as_str() {
                    "needed" => true,
                    "all" => false,
                    _ => return Err("--packs takes needed or all".into()),
                }
            }
            other => return Err(other.unexpected().to_string()),
        }
    }
    let Some((set, dir)) = set else {
        return Err("eval strip needs --scrapinghub DIR or --trafilatura DIR".into());
    };
    let opts = Options { dir, html, json, worst, page, half, needed_packs, errors };
    match set {
        Set::Scrapinghub => scrapinghub(&opts),
        Set::Trafilatura => trafilatura(&opts),
    }
}

/// Keeps the items at even (`Some(0)`) or odd (`Some(1)`) positions, or all of them.
fn keep_half<T>(items: &mut Vec<T>, half: Option<usize>) {
    if let Some(h) = half {
        let mut i = 0;
        items.retain(|_| {
            i += 1;
            (i - 1) % 2 == h
        });
    }
}

fn read_json(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    serde_json::from_str(&text).map_err(|e| format!("{} is not JSON: {e}", path.display()))
}

fn read_gz(path: &Path) -> Result<Vec<u8>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(file).read_to_end(&mut out).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(out)
}

/// HTML bytes as text: UTF-8 when valid, else Windows-1252 (what browsers assume for old pages
/// that declare nothing or Latin-1).
fn decode(bytes: &[u8]) -> String {
    if let Ok(s) = std::str::from_utf8(bytes) {
        return s.to_string();
    }
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_ascii_lowercase();
    if head.contains("charset=\"utf-8") || head.contains("charset=utf-8") || head.contains("charset=\"utf8") {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// The article body the stripper kept: body blocks, one paragraph each.
fn body(stripped: &Stripped) -> String {
    stripped
        .blocks
        .iter()
        .filter(|b| b.kind == BlockKind::Body)
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// `\w+` tokens as Python's `re` finds them (letters, digits, underscore).
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let w = c.is_alphanumeric() || c == '_';
        match (w, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

fn shingles(text: &str, n: usize) -> HashMap<String, usize> {
    let toks = tokens(text);
    let mut out = HashMap::new();
    if toks.is_empty() {
        return out;
    }
    let count = toks.len().saturating_sub(n) + 1;
    for i in 0..count {
        let end = (i + n).min(toks.len());
        *out.entry(toks[i..end].join(" ")).or_insert(0) += 1;
    }
    out
}

/// Normalised (tp, fp, fn) of one page, as the benchmark computes them.
fn matching(gold: &str, pred: &str, n: usize) -> (f64, f64, f64) {
    let g = shingles(gold, n);
    let p = shingles(pred, n);
    let (mut tp, mut fp, mut fnn) = (0.0, 0.0, 0.0);
    for (k, &gc) in &g {
        let pc = p.get(k).copied().unwrap_or(0);
        tp += gc.min(pc) as f64;
        fnn += gc.saturating_sub(pc) as f64;
    }
    for (k, &pc) in &p {
        fp += pc.saturating_sub(g.get(k).copied().unwrap_or(0)) as f64;
    }
    let s = tp + fp + fnn;
    if s > 0.0 {
        (tp / s, fp / s, fnn / s)
    } else {
        (0.0, 0.0, 0.0)
    }
}

fn precision(t: (f64, f64, f64)) -> f64 {
    let (tp, fp, fnn) = t;
    if fp == 0.0 && fnn == 0.0 {
        1.0
    } else if tp == 0.0 && fp == 0.0 {
        0.0
    } else {
        tp / (tp + fp)
    }
}

fn recall(t: (f64, f64, f64)) -> f64 {
    let (tp, fp, fnn) = t;
    if fp == 0.0 && fnn == 0.0 {
        1.0
    } else if tp == 0.0 && fnn == 0.0 {
        0.0
    } else {
        tp / (tp + fnn)
    }
}

/// Mean precision (over pages with output), mean recall (over pages with gold), F1 of the means.
fn prf(pages: &[(f64, f64, f64)]) -> (f64, f64, f64) {
    let ps: Vec<f64> = pages.iter().filter(|t| t.0 + t.1 > 0.0).map(|&t| precision(t)).collect();
    let rs: Vec<f64> = pages.iter().filter(|t| t.0 + t.2 > 0.0).map(|&t| recall(t)).collect();
    let mean = |v: &[f64]| {
        if v.is_empty() {
            0.0
        } else {
            v.iter().sum::<f64>() / v.len() as f64
        }
    };
    let (p, r) = (mean(&ps), mean(&rs));
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

fn f1_of(p: f64, r: f64) -> f64 {
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Runs `f` with every language pack, or with only those `text` needs (`--packs needed`).
fn with_packs<R>(needed_only: bool, text: &str, f: impl FnOnce() -> R) -> R {
    if needed_only {
        parallax::with_needed_packs_only(&[parallax::Source::new("", text)], f)
    } else {
        f()
    }
}

fn strip_input(text_or_html: &str, html: bool, cfg: &Config) -> Stripped {
    if html {
        strip_html(text_or_html, cfg)
    } else {
        strip(text_or_html, cfg)
    }
}

/// Prints every block of one page with its class and, when a gold text is known, the share of
/// its 4-grams found in the gold text, and its number of words — the view for debugging a single
/// case.
fn show_page(stripped: &Stripped, gold: Option<&str>) {
    let gold_shingles = gold.map(|g| shingles(g, 4));
    for b in &stripped.blocks {
        let kind = match (b.kind, b.reason) {
            (BlockKind::Boilerplate, Some(r)) => format!("{r:?}"),
            (k, _) => format!("{k:?}"),
        };
        let in_gold = gold_shingles.as_ref().map(|g| {
            let own = shingles(&b.text, 4);
            let total: usize = own.values().sum();
            let found: usize = own.iter().map(|(k, c)| (*c).min(g.get(k).copied().unwrap_or(0))).sum();
            if total == 0 {
                "  - ".to_string()
            } else {
                format!("{:>4.0}", 100.0 * found as f64 / total as f64)
            }
        });
        let text: String = b.text.chars().take(110).collect::<String>().replace('\n', " ⏎ ");
        let words = tokens(&b.text).len();
        println!("{:>12} {} {words:>4} {text}", kind, in_gold.unwrap_or_default());
    }
}

fn object_of(v: &Value) -> Option<&serde_json::Map<String, Value>> {
    let v = v.get("output").unwrap_or(v);
    v.as_object()
}

fn scrapinghub(o: &Options) -> Result<(), String> {
    let cfg = Config::default();
    let gold = read_json(&o.dir.join("ground-truth.json"))?;
    let gold = object_of(&gold).ok_or("ground-truth.json is not an object")?;
    let pasted = if o.html { Value::Null } else { read_json(&o.dir.join("output/html-text.json"))? };
    let mut ids: Vec<&String> = gold.keys().collect();
    ids.sort();
    keep_half(&mut ids, o.half);
    if let Some(p) = &o.page {
        ids.retain(|id| id.starts_with(p.as_str()));
    }
    let mut four = Vec::new();
    let mut one = Vec::new();
    let mut per_page = Vec::new();
    let mut bytes = 0usize;
    let mut elapsed = 0.0;
    for id in &ids {
        let truth = gold[id.as_str()]["articleBody"].as_str().unwrap_or("");
        let input = if o.html {
            decode(&read_gz(&o.dir.join(format!("html/{id}.html.gz")))?)
        } else {
            object_of(&pasted)
                .and_then(|m| m.get(id.as_str()))
                .and_then(|v| v["articleBody"].as_str())
                .unwrap_or("")
                .to_string()
        };
        let t = Instant::now();
        let text = if o.html && o.needed_packs { parallax::html_to_text(&input) } else { String::new() };
        let detect = if o.html { text.as_str() } else { input.as_str() };
        let stripped = with_packs(o.needed_packs, detect, || strip_input(&input, o.html, &cfg));
        elapsed += t.elapsed().as_secs_f64();
        bytes += input.len();
        if o.page.is_some() {
            println!("== {id}");
            show_page(&stripped, Some(truth));
        }
        let out = body(&stripped);
        let m4 = matching(truth, &out, 4);
        four.push(m4);
        one.push(matching(truth, &out, 1));
        per_page.push((f1_of(precision(m4), recall(m4)), precision(m4), recall(m4), id.to_string()));
    }
    let (p4, r4, f4) = prf(&four);
    let (p1, r1, f1) = prf(&one);
    let path = if o.html { "html" } else { "text" };
    let mbps = bytes as f64 / 1e6 / elapsed.max(1e-9);
    if o.json {
        let v = json!({
            "set": "scrapinghub", "path": path, "pages": ids.len(), "half": half_name(o.half),
            "precision": p4, "recall": r4, "f1": f4,
            "bow_precision": p1, "bow_recall": r1, "bow_f1": f1,
            "mb_per_s": mbps,
        });
        println!("{v}");
    } else {
        println!("scrapinghub, {path} path, {} pages ({}), Config::default()", ids.len(), half_name(o.half));
        println!("{:<14} {:>9} {:>9} {:>9}", "metric", "precision", "recall", "F1");
        println!("{:<14} {:>9.3} {:>9.3} {:>9.3}", "4-gram", p4, r4, f4);
        println!("{:<14} {:>9.3} {:>9.3} {:>9.3}", "bag of words", p1, r1, f1);
        println!("stripping: {:.1} MB in {:.3} s = {:.1} MB/s (this build)", bytes as f64 / 1e6, elapsed, mbps);
    }
    print_worst(&mut per_page, o.worst);
    Ok(())
}

fn half_name(half: Option<usize>) -> &'static str {
    match half {
        Some(0) => "even half",
        Some(_) => "odd half",
        None => "all",
    }
}

fn print_worst(per_page: &mut [(f64, f64, f64, String)], n: usize) {
    if n == 0 {
        return;
    }
    per_page.sort_by(|a, b| a.0.total_cmp(&b.0));
    eprintln!("worst pages (F1 precision recall id):");
    for (f, p, r, id) in per_page.iter().take(n) {
        eprintln!("{f:.3} {p:.3} {r:.3} {id}");
    }
}

/// The page's declared language (`<html lang>`), lowercase, or "" when none is declared.
fn declared_language(html: &str) -> String {
    let lower_head: String = html.chars().take(20_000).collect::<String>().to_ascii_lowercase();
    let Some(at) = lower_head.find("<html") else {
        return String::new();
    };
    let tag_end = lower_head[at..].find('>').map(|e| at + e).unwrap_or(lower_head.len());
    let tag = &lower_head[at..tag_end];
    for key in [" lang=", " xml:lang="] {
        if let Some(p) = tag.find(key) {
            let rest = tag[p + key.len()..].trim_start_matches(['"', '\'']);
            let lang: String =
                rest.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
            if !lang.is_empty() {
                return lang;
            }
        }
    }
    String::new()
}

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    pages: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
        self.tn += o.tn;
        self.pages += o.pages;
    }
    fn scores(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        (p, r, ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn_))
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Prints each wrong snippet of one page (see [`Options::errors`]): the page, `missing` or
/// `kept`, the class of the first block whose text holds the snippet (`none` when it spans
/// blocks or the page's text lacks it), where that block stands against the body (`before`,
/// `inside` or `after` the kept blocks), its number of words, and the snippet's start.
fn print_errors(file: &str, stripped: &Stripped, with: &[String], without: &[String], out: &str) {
    let body: Vec<usize> = (0..stripped.blocks.len()).filter(|&i| stripped.blocks[i].kind == BlockKind::Body).collect();
    let wrong = with
        .iter()
        .filter(|s| !out.contains(s.as_str()))
        .map(|s| ("missing", s))
        .chain(without.iter().filter(|s| out.contains(s.as_str())).map(|s| ("kept", s)));
    for (what, s) in wrong {
        let found = stripped.blocks.iter().position(|b| norm(&b.text).contains(s.as_str()));
        let (class, place, words) = match found {
            Some(i) => {
                let b = &stripped.blocks[i];
                let class = match (b.kind, b.reason) {
                    (BlockKind::Boilerplate, Some(r)) => format!("{r:?}"),
                    (k, _) => format!("{k:?}"),
                };
                let place = match (body.first(), body.last()) {
                    (Some(&f), _) if i < f => "before",
                    (_, Some(&l)) if i > l => "after",
                    (Some(_), _) => "inside",
                    _ => "nobody",
                };
                (class, place, tokens(&b.text).len())
            }
            None => ("none".to_string(), "-", 0),
        };
        let start: String = s.chars().take(80).collect();
        eprintln!("{file}\t{what}\t{class}\t{place}\t{words}\t{start}");
    }
}

fn trafilatura(o: &Options) -> Result<(), String> {
    let cfg = Config::default();
    let data = read_json(&o.dir.join("evaldata.json"))?;
    let data = data.as_object().ok_or("evaldata.json is not an object")?;
    let mut urls: Vec<&String> = data.keys().collect();
    urls.sort();
    keep_half(&mut urls, o.half);
    let mut all = Counts::default();
    let mut english = Counts::default();
    let mut other = Counts::default();
    let mut per_page = Vec::new();
    let mut missing = 0;
    let mut bytes = 0usize;
    let mut elapsed = 0.0;
    for url in urls {
        let item = &data[url.as_str()];
        let file = item["file"].as_str().unwrap_or("");
        if let Some(p) = &o.page {
            if !file.starts_with(p.as_str()) {
                continue;
            }
        }
        let path = ["cache", "eval"].iter().map(|d| o.dir.join(format!("html/{d}/{file}.gz"))).find(|p| p.exists());
        let Some(path) = path else {
            missing += 1;
            continue;
        };
        let html = decode(&read_gz(&path)?);
        let t = Instant::now();
        // The text path sees what a person pastes after selecting the whole page.
        let text = if o.html && !o.needed_packs { String::new() } else { parallax::html_to_text(&html) };
        let stripped =
            with_packs(o.needed_packs, &text, || if o.html { strip_html(&html, &cfg) } else { strip(&text, &cfg) });
        elapsed += t.elapsed().as_secs_f64();
        bytes += html.len();
        let out = norm(&body(&stripped));
        let snippets = |k: &str| -> Vec<String> {
            item[k].as_array().map(|a| a.iter().filter_map(|s| s.as_str()).map(norm).collect()).unwrap_or_default()
        };
        let (with, without) = (snippets("with"), snippets("without"));
        let tp = with.iter().filter(|s| out.contains(s.as_str())).count();
        let fp = without.iter().filter(|s| out.contains(s.as_str())).count();
        let c = Counts { tp, fp, fn_: with.len() - tp, tn: without.len() - fp, pages: 1 };
        if o.page.is_some() {
            println!("== {file} ({url})");
            show_page(&stripped, None);
            for s in &with {
                println!("  with    {} {s}", if out.contains(s.as_str()) { "kept   " } else { "MISSING" });
            }
            for s in &without {
                println!("  without {} {s}", if out.contains(s.as_str()) { "KEPT   " } else { "dropped" });
            }
        }
        if o.errors {
            print_errors(file, &stripped, &with, &without, &out);
        }
        all.add(c);
        if declared_language(&html).starts_with("en") {
            english.add(c);
        } else {
            other.add(c);
        }
        let (_, _, f) = c.scores();
        let (p, r, _) = c.scores();
        per_page.push((f, p, r, file.to_string()));
    }
    let path = if o.html { "html" } else { "text" };
    let (p, r, f) = all.scores();
    let (ep, er, ef) = english.scores();
    let (np, nr, nf) = other.scores();
    let mbps = bytes as f64 / 1e6 / elapsed.max(1e-9);
    if o.json {
        let v = json!({
            "set": "trafilatura", "path": path, "pages": all.pages, "half": half_name(o.half), "missing_files": missing,
            "precision": p, "recall": r, "f1": f,
            "english_pages": english.pages, "english_f1": ef,
            "non_english_pages": other.pages, "non_english_precision": np, "non_english_recall": nr, "non_english_f1": nf,
            "mb_per_s": mbps,
        });
        println!("{v}");
    } else {
        println!(
            "trafilatura set, {path} path, {} pages ({}, {missing} files missing), Config::default()",
            all.pages,
            half_name(o.half)
        );
        println!("{:<24} {:>6} {:>9} {:>9} {:>9}", "pages", "count", "precision", "recall", "F1");
        println!("{:<24} {:>6} {:>9.3} {:>9.3} {:>9.3}", "all", all.pages, p, r, f);
        println!("{:<24} {:>6} {:>9.3} {:>9.3} {:>9.3}", "English (lang=en*)", english.pages, ep, er, ef);
        println!("{:<24} {:>6} {:>9.3} {:>9.3} {:>9.3}", "non-English", other.pages, np, nr, nf);
        println!("stripping (incl. HTML parsing): {:.1} MB in {:.3} s = {:.1} MB/s", bytes as f64 / 1e6, elapsed, mbps);
    }
    print_worst(&mut per_page, o.worst);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_metric_matches_the_benchmark() {
        assert_eq!(tokens("It's a test_1, ok"), ["It", "s", "a", "test_1", "ok"]);
        let m = matching("a b c d e", "a b c d e", 4);
        assert_eq!((precision(m), recall(m)), (1.0, 1.0));
        let m = matching("a b c d e", "x a b c d", 4);
        assert!((precision(m) - 0.5).abs() < 1e-9 && (recall(m) - 0.5).abs() < 1e-9);
        // Short texts make one shorter shingle; an empty output has no shingles at all.
        assert_eq!(shingles("a b", 4).len(), 1);
        assert!(shingles("", 4).is_empty());
        let (p, r, _) = prf(&[matching("a b c d", "", 4), matching("a b c d", "a b c d", 4)]);
        assert_eq!((p, r), (1.0, 0.5));
    }

    #[test]
    fn language_from_the_html_tag() {
        assert_eq!(declared_language("<!doctype html><HTML lang=\"de-DE\" class=x>"), "de-de");
        assert_eq!(declared_language("<html>"), "");
    }

    #[test]
    fn latin1_pages_decode() {
        assert_eq!(decode(b"caf\xe9 \x93x\x94"), "café “x”");
    }
}
