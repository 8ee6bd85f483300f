//! Reports of texts in the stemmer pack's languages (issue 8), as the native build gives them with
//! every stemmer built in: `tests/stems/<lang>.expected.json`. The package test
//! (`tests/package/languages.test.mjs`) checks that the WebAssembly, whose only built-in stemmer
//! is English's, gives the same reports once the stemmer pack is loaded. `UPDATE_STEMS=1 cargo
//! test --test stem_languages` rewrites the expected files.
#![cfg(not(target_arch = "wasm32"))]

use parallax::{analyze, Config, Lang, Source};

const LANGUAGES: &[(&str, Lang)] =
    &[("de", Lang::De), ("el", Lang::El), ("es", Lang::Es), ("fi", Lang::Fi), ("ru", Lang::Ru)];

#[test]
fn issue_8_reports_in_the_stemmer_languages_match_the_expected_files() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/stems");
    let update = std::env::var("UPDATE_STEMS").is_ok_and(|v| v == "1");
    let mut differ = Vec::new();
    for &(code, lang) in LANGUAGES {
        let input = std::fs::read_to_string(format!("{dir}/{code}.json")).expect("the sources");
        let sources: Vec<Source> = serde_json::from_str(&input).expect("sources as JSON");
        let report = analyze(&sources, &Config::default()).expect("a report");
        assert!(report.sources.iter().all(|s| s.language == lang), "{code}: detected as another language");
        // The outlets tell one story: stemming must let their sentences meet.
        let aligned = report.sources[0].sentences.iter().filter(|s| !s.counterparts.is_empty()).count();
        assert!(aligned >= 2, "{code}: only {aligned} sentences of the first source have a counterpart");
        let got = serde_json::to_string_pretty(&report).expect("JSON") + "\n";
        let path = format!("{dir}/{code}.expected.json");
        if update {
            std::fs::write(&path, &got).expect("write the expected report");
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(got.as_str()) {
            differ.push(code);
        }
    }
    assert!(differ.is_empty(), "reports differ from tests/stems/<lang>.expected.json: {differ:?}");
}
