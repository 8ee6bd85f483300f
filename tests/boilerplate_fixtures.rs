//! Issue 4: one fixture folder per kind of page chrome (`tests/fixtures/<slug>/`), each with the
//! pasted text (`paste.txt`, or several `paste-N.txt` analysed together, or a rich paste
//! `paste.html`) and the expected classification of every block (`expected.txt`). All texts were
//! written for parallax.
//!
//! `UPDATE_FIXTURES=1 cargo test --test boilerplate_fixtures` rewrites the expected files, and
//! `UPDATE_FIXTURES=<slug>` only that fixture's; read the diff before committing it. `scripts/boilerplate-add-fixture.sh` creates a fixture and
//! `scripts/boilerplate-debug.sh` prints one case block by block.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};

use parallax::{analyze, html_to_text, Config, Source};

fn sources(dir: &Path) -> Vec<Source> {
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let name = f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Ok(body) = std::fs::read_to_string(&f) else { continue };
        if name == "paste.html" {
            // What the page sends for a rich paste: the markup, and the text it renders to.
            out.push(Source { html: Some(body.clone()), ..Source::new(name, html_to_text(&body)) });
        } else if name.starts_with("paste") && name.ends_with(".txt") {
            out.push(Source::new(name, body));
        }
    }
    out
}

/// One line per block: its kind, the reason when removed, and its text.
fn render(sources: &[Source]) -> String {
    let report = analyze(sources, &Config::default()).expect("fixture analyses");
    let mut out = String::new();
    for (s, src) in report.sources.iter().zip(sources) {
        out.push_str(&format!("## {}\n", src.name));
        let units: Vec<u16> = src.text.encode_utf16().collect();
        for b in &s.blocks {
            let text = String::from_utf16_lossy(&units[b.span.start as usize..b.span.end as usize]);
            let kind =
                serde_json::to_value(b.kind).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            let label = match b.reason.and_then(|r| serde_json::to_value(r).ok()) {
                Some(r) => format!("{kind}:{}", r.as_str().unwrap_or("")),
                None => kind,
            };
            out.push_str(&format!("{label:<32} | {}\n", text.replace('\n', " / ")));
        }
    }
    out
}

#[test]
fn issue_4_fixtures_classify_as_expected() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    dirs.sort();
    // "1" rewrites every expected file, a fixture's slug only its own.
    let update = std::env::var("UPDATE_FIXTURES").ok();
    let mut checked = 0;
    let mut failures = Vec::new();
    for dir in dirs {
        let srcs = sources(&dir);
        if srcs.is_empty() {
            continue;
        }
        let got = render(&srcs);
        let expected_path = dir.join("expected.txt");
        let slug = dir.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if update.as_deref().is_some_and(|u| u == "1" || u == slug) {
            std::fs::write(&expected_path, &got).unwrap();
        }
        let want = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if got != want {
            failures.push(format!("{}:\n--- expected\n{want}--- got\n{got}", dir.display()));
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} boilerplate fixtures found");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
