//! The WASM boundary, in headless Chromium (`wasm-pack test --headless --chrome -- --test web`).
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Reflect, JSON};
use parallax::wasm;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// Whether `code` is among `languagePacks()`'s `field` ("available" or "loaded").
fn pack_listed(field: &str, code: &str) -> bool {
    Array::from(&get(&wasm::language_packs().unwrap(), field)).includes(&JsValue::from_str(code), 0)
}

fn sources(json: &str) -> JsValue {
    JSON::parse(json).unwrap()
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_report_with_utf16_spans() {
    // The emoji and the accented letter make UTF-16 offsets differ from byte offsets.
    let input = sources(
        r#"[{"name":"a","text":"Fans 👍🏽 cheered in Zürich on Monday. The team won the final."},
            {"name":"b","text":"The team won the final. Fans were delighted."}]"#,
    );
    let report = wasm::analyze(input.clone(), JsValue::UNDEFINED).unwrap();
    let srcs: Array = get(&report, "sources").into();
    assert_eq!(srcs.length(), 2);
    let a = srcs.get(0);
    let sents: Array = get(&a, "sentences").into();
    assert_eq!(sents.length(), 2);
    let second = sents.get(1);
    let span = get(&second, "span");
    let start = get(&span, "start").as_f64().unwrap() as u32;
    let end = get(&span, "end").as_f64().unwrap() as u32;
    // Slice the JS string with the report's offsets, as the page does.
    let text = js_sys::JsString::from("Fans 👍🏽 cheered in Zürich on Monday. The team won the final.");
    assert_eq!(String::from(text.slice(start, end)), "The team won the final.");
    assert_eq!(get(&second, "best_relation").as_string().unwrap(), "identical");
}

#[wasm_bindgen_test]
fn a_failed_call_throws_and_the_module_keeps_working() {
    let err = wasm::analyze(sources("[]"), JsValue::UNDEFINED).expect_err("no sources must fail");
    let err: JsValue = err.into();
    let msg = get(&err, "message").as_string().unwrap();
    assert!(msg.contains("no sources"), "{msg}");
    assert!(wasm::analyze(sources(r#"{"not":"a list"}"#), JsValue::UNDEFINED).is_err());
    let again = wasm::analyze(sources(r#"[{"name":"a","text":"Still alive."}]"#), JsValue::UNDEFINED);
    assert!(again.is_ok());
}

#[wasm_bindgen_test]
fn lone_surrogates_from_js_are_replaced_not_fatal() {
    // JSON.parse turns \ud800 into a lone surrogate, which Rust strings cannot hold.
    let input = sources(r#"[{"name":"a","text":"Bad \ud800 text. The vote passed."}]"#);
    let report = wasm::analyze(input, JsValue::UNDEFINED).unwrap();
    let srcs: Array = get(&report, "sources").into();
    let sents: Array = get(&srcs.get(0), "sentences").into();
    assert_eq!(sents.length(), 2);
}

#[wasm_bindgen_test]
fn presets_and_settings_cross_the_boundary() {
    let strict = wasm::preset_config("strict").unwrap();
    assert!(get(&strict, "paraphrase_min").as_f64().unwrap() > 0.5);
    assert!(wasm::preset_config("sloppy").is_err());
    let bad = JSON::parse(r#"{"paraphrase_min": 7}"#).unwrap();
    let err = wasm::analyze(sources(r#"[{"name":"a","text":"x"}]"#), bad).err().unwrap();
    let msg = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(msg.contains("paraphrase_min"), "{msg}");
}

/// Settings and sources are read field by field (not through serde): a preset's settings,
/// models included, read back unchanged; overrides and html arrive; wrong types are refused with
/// the setting's or the source's name.
#[wasm_bindgen_test]
fn issue_8_settings_and_sources_read_by_hand() {
    let strict = wasm::preset_config("strict").unwrap();
    let model = get(&strict, "paraphrase_model");
    let weights: Array = get(&model, "weights").into();
    assert_eq!(weights.length() as usize, parallax::N_FEATURES);
    assert_eq!(JSON::stringify(&strict).unwrap(), JSON::stringify(&wasm::preset_config("strict").unwrap()).unwrap());
    let text = "Storm Hits Coast\nThe storm hit the coast on Monday night and cut power to homes.\nShare This Article";
    let two = |overrides: &str| {
        sources(&format!(
            r#"[{{"name":"a","text":{t},"overrides":{overrides},"html":null}},{{"name":"b","text":{t}}}]"#,
            t = JSON::stringify(&JsValue::from_str(text)).unwrap().as_string().unwrap()
        ))
    };
    let plain = wasm::analyze(two("[]"), strict.clone()).unwrap();
    let body_at = text.find("The storm").unwrap() as u32;
    let kept = wasm::analyze(two(&format!(r#"[{{"at":{body_at},"keep":false}}]"#)), strict.clone()).unwrap();
    let overridden = |r: &JsValue| {
        let blocks: Array = get(&Array::from(&get(r, "sources")).get(0), "blocks").into();
        blocks.iter().filter(|b| get(b, "overridden").as_bool() == Some(true)).count()
    };
    assert_eq!((overridden(&plain), overridden(&kept)), (0, 1), "the override reached the analysis");
    for (config, name) in [
        (r#"{"max_sources": 2.5}"#, "max_sources"),
        (r#"{"strip_boilerplate": "yes"}"#, "strip_boilerplate"),
        (r#"{"paraphrase_model": {"bias": 1, "weights": [1]}}"#, "paraphrase_model"),
    ] {
        let err = wasm::analyze(two("[]"), JSON::parse(config).unwrap()).err().unwrap();
        let msg = get(&JsValue::from(err), "message").as_string().unwrap();
        assert!(msg.starts_with("invalid settings") && msg.contains(name), "{msg}");
    }
    let err = wasm::analyze(two(r#"[{"at":-1,"keep":true}]"#), JsValue::UNDEFINED).err().unwrap();
    let msg = get(&JsValue::from(err), "message").as_string().unwrap();
    assert!(msg.contains("overrides of source 1"), "{msg}");
}

#[wasm_bindgen_test]
fn strip_reports_each_block_packed() {
    // "ü" is one UTF-16 unit and two bytes: the offsets are JS string indices, not bytes.
    let text = "Storm Hits Zürich\nThe storm hit the coast on Monday night and cut power to homes.\nShare This Article";
    let packed = wasm::strip_packed(text, JsValue::UNDEFINED).unwrap();
    assert_eq!(packed.len(), 9);
    let js = js_sys::JsString::from(text);
    let block = |i: usize| String::from(js.slice(packed[3 * i], packed[3 * i + 1]));
    assert_eq!([block(0), block(2)], ["Storm Hits Zürich", "Share This Article"]);
    let codes = wasm::strip_codes();
    let name = |list: &str, i: u32| Array::from(&get(&codes, list)).get(i).as_string().unwrap();
    assert_eq!(name("kinds", packed[8] & 7), "boilerplate");
    assert_eq!(name("reasons", (packed[8] >> 3) - 1), "known_phrase");
    assert_eq!(packed[5] >> 3, 0, "the body block has no reason");
}

#[wasm_bindgen_test]
fn issue_7_rich_paste_becomes_plain_text_and_markup_never_survives() {
    let text = wasm::html_to_text(
        "<h1>Storm Hits Coast</h1><p>The storm hit <b>the coast</b> on Monday.</p>\
         <script>alert(1)</script><p>&lt;img src=x onerror=alert(1)&gt;</p>",
    );
    assert_eq!(text, "Storm Hits Coast\n\nThe storm hit the coast on Monday.\n\n<img src=x onerror=alert(1)>");
}

#[wasm_bindgen_test]
fn issue_9_tokenize_packs_utf16_ends_and_kinds() {
    // The astral emoji is two UTF-16 units, "ü" one: byte offsets would be off by 4 and 1.
    let text = "Zürich 👍🏽 25%";
    let packed = wasm::tokenize(text).unwrap();
    let js = js_sys::JsString::from(text);
    let mut start = 0;
    let mut pieces = Vec::new();
    for t in packed {
        let end = t & ((1 << 30) - 1);
        assert!(end > start, "tokens are contiguous and never empty");
        pieces.push((String::from(js.slice(start, end)), t >> 30));
        start = end;
    }
    assert_eq!(start, js.length());
    assert_eq!(pieces[0], ("Zürich".to_string(), 0));
    assert!(pieces.contains(&("25".to_string(), 1)));
    assert_eq!(pieces.last().unwrap(), &("%".to_string(), 3));
}

/// The German pack as `scripts/packs.mjs` writes it, but with each file whole (its header
/// comments too, which the pack format reads as comments).
fn german_pack() -> String {
    let mut pack = String::from("@@ pack de\n");
    for (kind, text) in [
        ("abbreviations", include_str!("../data/abbreviations/de.txt")),
        ("boilerplate", include_str!("../data/boilerplate/de.txt")),
        ("values", include_str!("../data/values/de.txt")),
    ] {
        pack.push_str(&format!("@@ list {kind}\n{text}\n"));
    }
    pack
}

#[wasm_bindgen_test]
fn issue_3_german_without_its_pack_analyzes_with_a_warning_and_with_it_reads_german() {
    // The WASM build leaves the German lists out: number words, abbreviations, chrome phrases.
    let input = sources(
        r#"[{"name":"a","text":"Die Regierung bewilligte am Montag drei Millionen Euro für die neue Brücke, sagte der Minister.\nArtikel teilen"},
            {"name":"b","text":"Die Regierung bewilligte am Montag vier Millionen Euro für die neue Brücke, sagte der Minister."}]"#,
    );
    assert!(pack_listed("available", "de"));
    assert!(!pack_listed("loaded", "de"), "the German pack is not built into the WASM");
    let needed: Array = wasm::languages_needed(input.clone()).unwrap().into();
    assert!(needed.includes(&JsValue::from_str("de"), 0));

    let without = wasm::analyze(input.clone(), JsValue::UNDEFINED).unwrap();
    let warnings: Array = get(&without, "warnings").into();
    let warnings: Vec<String> = warnings.iter().filter_map(|w| w.as_string()).collect();
    assert!(warnings.iter().any(|w| w.contains("German language pack")), "{warnings:?}");
    assert_eq!(Array::from(&get(&without, "conflicts")).length(), 0, "no number words without the pack");

    let bad = wasm::load_language_pack("de", "@@ pack de\n@@ list values\n# cardinal\ndrei drei\n").err().unwrap();
    let msg = get(&JsValue::from(bad), "message").as_string().unwrap();
    assert!(msg.contains("cannot read the value"), "{msg}");
    wasm::load_language_pack("de", &german_pack()).unwrap();
    let needed: Array = wasm::languages_needed(input.clone()).unwrap().into();
    assert_eq!(needed.length(), 0);

    let with = wasm::analyze(input, JsValue::UNDEFINED).unwrap();
    let warnings: Array = get(&with, "warnings").into();
    assert!(!warnings.iter().any(|w| w.as_string().unwrap_or_default().contains("language pack")));
    // "drei Millionen" against "vier Millionen": a conflict only German number words can see.
    assert_eq!(Array::from(&get(&with, "conflicts")).length(), 1);
    // "Artikel teilen" is German page chrome, known once the pack is there.
    let srcs: Array = get(&with, "sources").into();
    let blocks: Array = get(&srcs.get(0), "blocks").into();
    let last = blocks.get(blocks.length() - 1);
    assert_eq!(get(&last, "kind").as_string().unwrap(), "boilerplate");
    assert_eq!(get(&last, "reason").as_string().unwrap(), "known_phrase");
}

/// The stemmer pack as `scripts/packs.mjs` writes it, from the module `scripts/build-stemmers.sh`
/// builds (scripts/test.sh builds it before these tests).
fn stem_pack() -> String {
    let module = include_bytes!("../stemmers/out/stemmers.wasm");
    format!("@@ pack stem\n@@ module\n{}\n", base64(module))
}

fn base64(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::STANDARD.encode(bytes)
}

/// The message of a failed call.
fn error(result: Result<(), wasm_bindgen::JsError>) -> String {
    get(&JsValue::from(result.expect_err("an error")), "message").as_string().unwrap()
}

/// A module without the stemmer's exports: `(module (memory (export "memory") 1))`.
const MEMORY_ONLY: &[u8] = b"\0asm\x01\0\0\0\x05\x03\x01\0\x01\x07\x0a\x01\x06memory\x02\0";

#[wasm_bindgen_test]
fn issue_8_the_stemmer_pack_stems_and_a_bad_one_is_refused() {
    // Finnish has a stemmer but no word lists: it needs the stemmer pack and nothing else.
    let input = sources(
        r#"[{"name":"a","text":"Neuvottelut uudesta talousarviosta kariutuivat maanantaina, ja ministeri sanoi että neuvotteluja jatketaan."},
            {"name":"b","text":"Pitkien neuvottelujen jälkeen talousarvio kariutui maanantaina, ja ministeri sanoi että neuvottelu jatkuu."}]"#,
    );
    assert!(pack_listed("available", "stem"));
    assert!(!pack_listed("loaded", "stem"), "only English's stemmer is built in");
    let needed: Array = wasm::languages_needed(input.clone()).unwrap().into();
    assert_eq!(needed.to_vec(), vec![JsValue::from_str("stem")]);

    // Without the pack: the words stay whole, the report says so, and nothing breaks.
    let without = wasm::analyze(input.clone(), JsValue::UNDEFINED).unwrap();
    let warnings: Vec<String> = Array::from(&get(&without, "warnings")).iter().filter_map(|w| w.as_string()).collect();
    assert!(
        warnings.iter().any(|w| w.starts_with("Finnish words were not stemmed") && w.contains("('stem')")),
        "{warnings:?}"
    );

    // Malformed packs load nothing and say why.
    let cases: &[(String, &str)] = &[
        ("@@ pack stem\n@@ module\nAGFz*\n".into(), "not base64"),
        ("@@ pack stem\n@@ module\nSGVsbG8sIHdvcmxkIQ==\n".into(), "not a WebAssembly module"),
        (format!("@@ pack stem\n@@ module\n{}\n", base64(b"\0asm\x01\0\0\0\x01")), "the module does not compile"),
        (format!("@@ pack stem\n@@ module\n{}\n", base64(b"\0asm\x01\0\0\0")), "the module has no export 'memory'"),
        (format!("@@ pack stem\n@@ module\n{}\n", base64(MEMORY_ONLY)), "the module has no export 'buffer'"),
    ];
    for (text, want) in cases {
        let msg = error(wasm::load_language_pack("stem", text));
        assert!(msg.starts_with("the language pack 'stem' was not loaded: "), "{msg}");
        assert!(msg.contains(want), "{want}: {msg}");
    }
    assert!(!pack_listed("loaded", "stem"));

    wasm::load_language_pack("stem", &stem_pack()).unwrap();
    // Loading it again does nothing.
    wasm::load_language_pack("stem", &stem_pack()).unwrap();
    assert!(pack_listed("loaded", "stem"));
    assert_eq!(Array::from(&wasm::languages_needed(input.clone()).unwrap()).length(), 0);
    let with = wasm::analyze(input, JsValue::UNDEFINED).unwrap();
    let warnings = Array::from(&get(&with, "warnings"));
    assert!(!warnings.iter().any(|w| w.as_string().unwrap_or_default().contains("stem")), "{warnings:?}");
    // Stemmed, "neuvottelut" / "neuvottelujen" and "kariutuivat" / "kariutui" meet: the first
    // sentences are a paraphrase, which they were not without stems.
    let relation = |report: &JsValue| {
        let srcs: Array = get(report, "sources").into();
        let sents: Array = get(&srcs.get(0), "sentences").into();
        get(&sents.get(0), "best_relation").as_string().unwrap()
    };
    assert_ne!(relation(&with), relation(&without));
    assert_ne!(JSON::stringify(&with).unwrap(), JSON::stringify(&without).unwrap());
}
