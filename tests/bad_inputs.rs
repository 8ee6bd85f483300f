//! The table of bad and extreme inputs (`DESIGN.md`, "Bad input"): one test per row, each with
//! its defined outcome — a report that holds together, or an error that says what to do. Never a
//! panic, never a hang. Every report here also passes the structural checks of
//! `tests/invariants`, which the fuzz targets share.
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use std::cell::Cell;
use std::rc::Rc;

use invariants::{check_report, check_stripped, check_tokens};
use parallax::{analyze, analyze_with_clock, strip, tokenize, BlockKind, Config, Override, Relation, Report, Source};

/// An article of our own writing, one paragraph per line as pages paste.
const ARTICLE: &str = "Harbour Bridge Closed After Storm\n\
By Mira Okafor\n\
The harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards.\n\
Engineers from the city said the structure itself was sound but the guards had to be replaced first.\n\
Ferries ran extra services through the evening, and the city asked commuters to work from home.\n\
The mayor said the bridge would reopen on Thursday morning if the weather allowed the repairs.\n";

/// Another article on the same story, partly rewritten.
const REWRITE: &str = "Storm shuts harbour bridge\n\
The harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards.\n\
City engineers said the bridge was structurally sound, but the guards needed replacing before traffic could return.\n\
Local shops near the bridge said the closure cost them a day of trade.\n";

/// The settings of the table: the defaults, without the time budget, so that a slow test machine
/// cannot turn a row into a timing test (the budget has its own row, with a fake clock).
fn cfg() -> Config {
    Config { time_budget_ms: 0, ..Config::default() }
}

fn ok(sources: &[Source]) -> Report {
    let report = analyze(sources, &cfg()).unwrap_or_else(|e| panic!("expected a report, got: {e}"));
    check_report(sources, &report);
    report
}

fn err(sources: &[Source], cfg: &Config) -> String {
    match analyze(sources, cfg) {
        Ok(_) => panic!("expected an error"),
        Err(e) => e.to_string(),
    }
}

fn src(name: &str, text: impl Into<String>) -> Source {
    Source::new(name, text)
}

fn body_sentences(report: &Report, i: usize) -> usize {
    report.sources[i].sentences.len()
}

#[test]
fn no_sources_says_to_paste_one() {
    let msg = err(&[], &Config::default());
    assert!(msg.contains("no sources") && msg.contains("paste at least one article"), "{msg}");
}

#[test]
fn one_source_has_no_pairs_and_no_divergence() {
    let r = ok(&[src("only", ARTICLE)]);
    assert!(r.pairs.is_empty());
    assert_eq!(r.matrix, vec![vec![parallax::Score::ZERO]]);
    assert_eq!(r.sources[0].divergence, parallax::Score::ZERO);
    assert!(body_sentences(&r, 0) >= 4);
    assert!(r.sources[0].sentences.iter().all(|s| s.best_relation == Relation::Unique));
}

#[test]
fn empty_source_is_reported_with_a_warning() {
    let r = ok(&[src("a", ARTICLE), src("empty", ""), src("b", REWRITE)]);
    assert!(r.sources[1].blocks.is_empty() && r.sources[1].sentences.is_empty());
    assert!(
        r.warnings.iter().any(|w| w.contains("source 2") && w.contains("paste the article body")),
        "{:?}",
        r.warnings
    );
    // The two real sources are still compared.
    assert!(r.sources[0].sentences.iter().any(|s| s.counterparts.iter().any(|c| c.source == 2)));
}

#[test]
fn whitespace_only_source_is_like_an_empty_one() {
    let r = ok(&[src("a", ARTICLE), src("blank", " \t\n\r\n\u{3000}\u{a0}\n  \n")]);
    assert!(r.sources[1].blocks.is_empty() && r.sources[1].sentences.is_empty());
    assert!(r.warnings.iter().any(|w| w.contains("source 2")), "{:?}", r.warnings);
}

#[test]
fn all_boilerplate_source_keeps_its_blocks_and_warns() {
    let menu = "Home\nWorld\nPolitics\nBusiness\nSport\nShare This Article\n- Advertisement -\nLeave a Reply\n";
    let r = ok(&[src("a", ARTICLE), src("menu", menu)]);
    let blocks = &r.sources[1].blocks;
    assert_eq!(blocks.len(), 8, "every line is shown, so the person can restore one");
    assert!(r.sources[1].sentences.is_empty());
    assert!(blocks.iter().filter(|b| b.kind == BlockKind::Boilerplate).all(|b| b.reason_text.is_some()));
    assert!(r.warnings.iter().any(|w| w.contains("source 2") && w.contains("restore a block")), "{:?}", r.warnings);
}

#[test]
fn ten_megabytes_in_one_source_is_refused_with_the_limit() {
    let big = "word ".repeat(2_000_000);
    let msg = err(&[src("a", ARTICLE), src("log.txt", big)], &Config::default());
    assert!(msg.contains("source 2") && msg.contains("log.txt") && msg.contains("10.0 MB"), "{msg}");
    assert!(msg.contains("limit of 8.0 MB per source") && msg.contains("paste only the article"), "{msg}");
}

#[test]
fn total_over_the_limit_is_refused_with_the_limit() {
    let cfg = Config { max_total_bytes: 1000, ..Config::default() };
    let msg = err(&[src("a", ARTICLE), src("b", ARTICLE), src("c", ARTICLE)], &cfg);
    assert!(msg.contains("add up to") && msg.contains("remove some sources"), "{msg}");
}

#[test]
fn too_many_sources_is_refused_with_the_limit() {
    let sources: Vec<Source> = (0..1001).map(|i| src(&i.to_string(), "x")).collect();
    let msg = err(&sources, &Config::default());
    assert!(msg.contains("1001 sources") && msg.contains("limit of 1000"), "{msg}");
}

#[test]
fn too_many_sentences_are_refused_before_any_comparison() {
    // A paste of tiny sentences ("A1. A2. …") holds one per four bytes, and each sentence prepared
    // for comparison costs about a kilobyte: 3.2 MB of them took 1.35 GB natively. Under the
    // byte limits, so the sentence limit stops them, with the count.
    let tiny: String = (0..60_000).map(|i| format!("A{}. ", i % 5)).collect();
    let msg = err(&[src("a", tiny.clone()), src("b", tiny)], &cfg());
    assert!(msg.contains("120000 sentences") && msg.contains("limit of 100000 (max_sentences)"), "{msg}");
    // The limit counts the article's sentences: the two articles hold seven (four and three), so
    // seven pass and six do not.
    let pair = [src("a", ARTICLE), src("b", REWRITE)];
    let at = |max_sentences| analyze(&pair, &Config { max_sentences, ..cfg() });
    assert_eq!(at(7).map(|r| r.sources.iter().map(|s| s.sentences.len()).sum::<usize>()), Ok(7));
    assert!(at(6).unwrap_err().to_string().contains("holds 7 sentences, more than the limit of 6"));
}

/// Made-up prose: `n` sentences of 8 to 19 words, deterministic. Content words are built from
/// syllables, so the vocabulary is large and mostly rare, as in real text; a few function words
/// are frequent.
fn prose(seed: u32, n: usize) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "har", "bour", "en", "gi", "neer", "fer", "ry", "re", "pair", "storm", "may", "or", "com", "mu", "ter", "bud",
        "get", "bridge", "ri", "ver", "ca", "ble", "in", "spec", "tion", "ten", "der", "con", "tract", "traf", "fic",
    ];
    const FUNCTION: &[&str] = &["the", "a", "of", "on", "after", "with", "and", "by", "for", "from", "its"];
    let mut x = seed.wrapping_mul(2_654_435_761).max(1);
    let mut next = move |m: usize| {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x as usize % m
    };
    (0..n)
        .map(|_| {
            let len = 8 + next(12);
            let mut words: Vec<String> = (0..len)
                .map(|_| {
                    if next(3) == 0 {
                        FUNCTION[next(FUNCTION.len())].to_string()
                    } else {
                        (0..2 + next(2)).map(|_| SYLLABLES[next(SYLLABLES.len())]).collect()
                    }
                })
                .collect();
            words[0] = format!("{}{}", words[0][..1].to_uppercase(), &words[0][1..]);
            format!("{}.", words.join(" "))
        })
        .collect()
}

#[test]
fn one_megabyte_line_is_analyzed() {
    // One paragraph of a million bytes, with no line break; one sentence of the article in it.
    let mut sentences = prose(1, 12_000);
    sentences.insert(6_000, ARTICLE.lines().nth(2).unwrap_or_default().to_string());
    let mut long = String::new();
    for s in sentences.iter().cycle() {
        if long.len() >= 1_000_000 {
            break;
        }
        long.push_str(s);
        long.push(' ');
    }
    assert!(long.len() >= 1_000_000 && !long.contains('\n'));
    let r = ok(&[src("long", long), src("a", ARTICLE)]);
    assert_eq!(r.sources[0].blocks.len(), 1);
    assert!(r.sources[0].blocks[0].kind.is_body());
    assert!(body_sentences(&r, 0) > 10_000, "{}", body_sentences(&r, 0));
    assert!(r.sources[1].sentences.iter().any(|s| s.best_relation == Relation::Identical));
}

#[test]
fn five_hundred_sources_are_analyzed() {
    // Each source: two sentences of the article and four of its own.
    let lines: Vec<&str> = ARTICLE.lines().skip(2).collect();
    let sources: Vec<Source> = (0..500u32)
        .map(|i| {
            let own = prose(i + 7, 4).join("\n");
            let k = i as usize % lines.len();
            src(&format!("outlet {i}"), format!("{}\n{own}\n{}\n", lines[k], lines[(k + 1) % lines.len()]))
        })
        .collect();
    let r = ok(&sources);
    // Beyond `all_pairs_max_sources` the pairs list holds the pairs that share sentences (issue 9),
    // the matrix every pair.
    assert!(r.pairs.len() < 500 * 499 / 2, "{} pairs listed", r.pairs.len());
    assert!(r.pairs.iter().any(|p| (p.a, p.b) == (0, 4)), "sources 0 and 4 share two sentences");
    assert_eq!(r.matrix.len(), 500);
    // Sources 0 and 4 carry the same two article sentences, so they are closer than 0 and 1.
    assert!(r.matrix[0][4] < r.matrix[0][1], "{:?} {:?}", r.matrix[0][4], r.matrix[0][1]);
}

#[test]
fn binary_junk_is_analyzed_without_panicking() {
    // Every byte value, decoded as a browser or the CLI would (invalid sequences become U+FFFD).
    let mut bytes: Vec<u8> = (0..=255u8).cycle().take(64 * 1024).collect();
    let mut x: u32 = 2_463_534_242;
    for b in bytes.iter_mut().step_by(3) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        *b = x as u8;
    }
    let junk = String::from_utf8_lossy(&bytes).into_owned();
    let r = ok(&[src("junk", junk.clone()), src("a", ARTICLE), src("nul", "\0\0\0\u{1}\u{7f}\u{1b}[0m\n\0")]);
    assert!(r.sources[1].sentences.len() >= 4);
    check_stripped(&junk, &strip(&junk, &Config::default()));
    check_tokens(&junk, &tokenize(&junk));
}

#[test]
fn invalid_utf8_in_a_file_becomes_replacement_characters() {
    // What a dropped file or `parallax analyze FILE` hands the core: lossy decoding, so one bad
    // byte costs one character, not the whole file.
    let mut bytes = ARTICLE.as_bytes().to_vec();
    bytes.splice(40..40, [0xff, 0xc3, 0x28, 0xe2, 0x82]);
    let text = String::from_utf8_lossy(&bytes).into_owned();
    assert!(text.contains('\u{FFFD}'));
    let r = ok(&[src("dropped.txt", text), src("a", ARTICLE)]);
    assert!(r.sources[0].sentences.iter().filter(|s| s.best_relation == Relation::Identical).count() >= 3);
}

#[test]
fn lone_surrogates_from_js_keep_their_offsets() {
    // A JS string with lone surrogates reaches Rust with each one replaced by U+FFFD (what
    // wasm-bindgen's string conversion does); both are one UTF-16 unit, so offsets still match
    // the string the page holds. The browser test checks the conversion itself.
    let js: Vec<u16> = "Lone \u{0}here.".encode_utf16().map(|u| if u == 0 { 0xD800 } else { u }).collect();
    let text = String::from_utf16_lossy(&js);
    assert_eq!(text.encode_utf16().count(), js.len());
    let full = format!("{text} {}", ARTICLE.lines().nth(2).unwrap_or_default());
    let r = ok(&[src("js", full.clone())]);
    assert_eq!(r.sources[0].length as usize, full.encode_utf16().count());
}

#[test]
fn right_to_left_text_is_split_and_matched() {
    let ar = "\u{200F}أغلق الجسر يوم الثلاثاء بعد العاصفة. قال المهندسون إن الهيكل سليم.\n\
              \u{202B}ستعود حركة المرور يوم الخميس إذا سمح الطقس.\u{202C}\n";
    let he = "הגשר נסגר ביום שלישי אחרי הסערה. המהנדסים אמרו שהמבנה תקין.\n";
    let r = ok(&[src("ar", ar), src("ar copy", ar), src("he", he)]);
    assert!(body_sentences(&r, 0) >= 3, "{}", body_sentences(&r, 0));
    assert!(r.sources[0].sentences.iter().all(|s| s.best_relation == Relation::Identical));
    assert_eq!(body_sentences(&r, 2), 2);
}

#[test]
fn cjk_text_is_split_and_matched() {
    let zh = "暴风雨过后，港口大桥于周二关闭。工程师说桥梁结构完好。\n渡轮在晚上增加了班次。\n";
    let ja = "嵐の後、港の橋は火曜日に閉鎖された。技術者は構造に問題はないと述べた。\n";
    let r = ok(&[src("zh", zh), src("zh copy", zh), src("ja", ja)]);
    assert!(body_sentences(&r, 0) >= 2, "{}", body_sentences(&r, 0));
    assert!(r.sources[0].sentences.iter().all(|s| s.best_relation == Relation::Identical));
    assert!(body_sentences(&r, 2) >= 1);
}

#[test]
fn emoji_and_combining_marks_keep_utf16_spans() {
    let text = "👍🏽🇫🇷👨‍👩‍👧 The cafe\u{301} reopened on Monday after the flood damaged its kitchen badly. 🎉🎉🎉\n\
                Z\u{351}\u{34b}\u{312}a\u{36e}\u{33e}l\u{35f}g\u{362}o text from a meme was pasted in here too, said the owner.\n";
    let wall = "😀".repeat(10_000);
    let r = ok(&[src("emoji", text), src("wall", wall.clone()), src("copy", text)]);
    assert_eq!(r.sources[1].length as usize, 20_000, "an emoji is two UTF-16 units");
    assert!(r.sources[0].sentences.iter().any(|s| s.best_relation == Relation::Identical));
    check_tokens(&wall, &tokenize(&wall));
}

#[test]
fn zero_width_characters_do_not_break_matching() {
    let plain = ARTICLE.lines().nth(2).unwrap_or_default().to_string();
    // Zero-width space, joiner and non-joiner, a byte-order mark and a soft hyphen inside words.
    let sprinkled = plain
        .replacen("harbour", "har\u{200B}bour", 1)
        .replacen("closed", "clo\u{200D}sed", 1)
        .replacen("storm", "\u{FEFF}storm", 1)
        .replacen("winds", "wi\u{200C}nds", 1)
        .replacen("guards", "guar\u{AD}ds", 1);
    assert_ne!(plain, sprinkled);
    let r = ok(&[src("plain", plain), src("sprinkled", sprinkled)]);
    assert_eq!(r.sources[0].sentences[0].best_relation, Relation::Identical);
}

#[test]
fn identical_sources_do_not_diverge() {
    let r = ok(&[src("a", ARTICLE), src("b", ARTICLE)]);
    let p = &r.pairs[0];
    assert_eq!(p.divergence, parallax::Score::ZERO);
    assert_eq!(p.coverage_ab, parallax::Score::ONE);
    assert_eq!(p.containment_ab, parallax::Score::ONE);
    assert!(r.sources.iter().all(|s| s.divergence == parallax::Score::ZERO));
    assert!(r.sources[0].sentences.iter().all(|s| s.best_relation == Relation::Identical));
}

#[test]
fn a_prefix_of_another_source_is_contained_in_it() {
    let longer = format!("{ARTICLE}{}", REWRITE.lines().skip(3).collect::<Vec<_>>().join("\n"));
    let r = ok(&[src("prefix", ARTICLE), src("longer", longer)]);
    let p = &r.pairs[0];
    assert_eq!(p.coverage_ab, parallax::Score::ONE, "all of the prefix is in the longer source");
    assert!(p.coverage_ba.get() < 1.0);
    assert_eq!(r.sources[0].unique_share, parallax::Score::ZERO);
    assert_eq!(r.sources[1].unique, vec![body_sentences(&r, 1) - 1], "only the added sentence is unique");
}

#[test]
fn hundred_thousand_one_character_lines_are_analyzed() {
    let lines: String = (0..100_000).map(|i| format!("{}\n", char::from(b'a' + (i % 26) as u8))).collect();
    let r = ok(&[src("lines", lines.clone()), src("a", ARTICLE)]);
    assert_eq!(r.sources[0].blocks.len(), 100_000);
    let s = strip(&lines, &Config::default());
    assert_eq!(s.blocks.len(), 100_000);
    check_stripped(&lines, &s);
}

#[test]
fn the_time_budget_stops_an_analysis_with_advice() {
    // A fake clock that advances one second per reading: the first check past the budget fails.
    let fake = || {
        let t = Rc::new(Cell::new(0.0));
        move || {
            t.set(t.get() + 1000.0);
            t.get()
        }
    };
    let sources = [src("a", ARTICLE), src("b", REWRITE)];
    let cfg = Config { time_budget_ms: 1500, ..Config::default() };
    let msg = analyze_with_clock(&sources, &cfg, fake()).unwrap_err().to_string();
    assert!(msg.contains("time budget of 1.5 s") && msg.contains("fewer or shorter sources"), "{msg}");
    // With no limit the same clock never stops it, and the report is the usual one.
    let cfg = Config { time_budget_ms: 0, ..Config::default() };
    let report = analyze_with_clock(&sources, &cfg, fake()).unwrap();
    check_report(&sources, &report);
    assert_eq!(serde_json::to_string(&report).unwrap(), serde_json::to_string(&ok(&sources)).unwrap());
}

#[test]
fn a_failed_call_leaves_the_next_one_unchanged() {
    let sources = [src("a", ARTICLE), src("b", REWRITE)];
    let before = serde_json::to_string(&ok(&sources)).unwrap();
    assert!(analyze(&[], &Config::default()).is_err());
    assert!(analyze(&sources, &Config { max_source_bytes: 10, ..Config::default() }).is_err());
    assert!(analyze(&sources, &Config { paraphrase_min: f64::NAN, ..Config::default() }).is_err());
    let after = serde_json::to_string(&ok(&sources)).unwrap();
    assert_eq!(before, after);
}

#[test]
fn bad_settings_are_refused_by_name() {
    for (cfg, name) in [
        (Config { near_verbatim_min: f64::NAN, ..Config::default() }, "near_verbatim_min"),
        (Config { paraphrase_min: f64::INFINITY, ..Config::default() }, "paraphrase_min"),
        (Config { vocabulary_weight: -0.1, ..Config::default() }, "vocabulary_weight"),
        (Config { max_sources: 0, ..Config::default() }, "max_sources"),
        (Config { max_sentences: 0, ..Config::default() }, "max_sentences"),
    ] {
        let msg = err(&[src("a", ARTICLE)], &cfg);
        assert!(msg.starts_with("invalid setting") && msg.contains(name), "{msg}");
    }
}

#[test]
fn overrides_that_match_no_block_are_dropped_with_a_warning() {
    // Offsets past the end, inside a surrogate pair, and in the middle of a line.
    let text = format!("😀 {ARTICLE}");
    let mut s = src("a", text);
    s.overrides =
        vec![Override { at: u32::MAX, keep: true }, Override { at: 1, keep: false }, Override { at: 5, keep: false }];
    let r = ok(&[s]);
    assert_eq!(r.warnings.iter().filter(|w| w.contains("override was dropped")).count(), 3, "{:?}", r.warnings);
    assert!(r.sources[0].blocks.iter().all(|b| !b.overridden));
}

#[test]
fn with_stripping_off_every_line_is_body_and_overrides_still_apply() {
    // Two sources sharing a menu line, which stripping removes as the same outlet's chrome.
    let text = format!("Home | World | Sport\n{ARTICLE}");
    let sources = [src("a", text.clone()), src("b", text.clone())];
    let on = ok(&sources);
    assert!(on.sources[0].blocks.iter().any(|b| b.kind == BlockKind::Boilerplate), "{:?}", on.sources[0].blocks);
    let off_cfg = Config { strip_boilerplate: false, ..cfg() };
    let mut off = analyze(&sources, &off_cfg).unwrap_or_else(|e| panic!("expected a report, got: {e}"));
    check_report(&sources, &off);
    let spans = |r: &Report| r.sources[0].blocks.iter().map(|b| (b.span.start, b.span.end)).collect::<Vec<_>>();
    assert_eq!(spans(&off), spans(&on), "the same lines, whether stripped or not");
    assert!(off.sources[0].blocks.iter().all(|b| b.kind == BlockKind::Body));
    // The person removes the menu line by hand.
    let mut removed = sources.clone();
    removed[0].overrides = vec![Override { at: 0, keep: false }];
    off = analyze(&removed, &off_cfg).unwrap_or_else(|e| panic!("expected a report, got: {e}"));
    let first = &off.sources[0].blocks[0];
    assert!(first.overridden && first.kind == BlockKind::Boilerplate, "{first:?}");
}

#[test]
fn deeply_nested_html_is_flattened() {
    // 100,000 nested elements around the article, closed and then not closed: deeper than any
    // stack should go, so it must neither recurse nor slow down.
    let body = ARTICLE.lines().nth(2).unwrap_or_default();
    for close in [true, false] {
        let mut html = "<div class=\"entry-content\"><p>".repeat(50_000);
        html.push_str(body);
        if close {
            html.push_str(&"</p></div>".repeat(50_000));
        }
        let text = parallax::html_to_text(&html);
        assert_eq!(text.trim(), body);
        let stripped = parallax::strip_html(&html, &cfg());
        check_stripped(&text, &stripped);
        assert!(stripped.article().contains(body));
        let mut s = src("rich paste", text);
        s.html = Some(html);
        let r = ok(&[s, src("a", ARTICLE)]);
        assert_eq!(r.sources[0].sentences[0].best_relation, Relation::Identical);
    }
}

#[test]
fn hostile_html_is_only_text() {
    // Scripts, event handlers and `javascript:` links come out as nothing or as inert text: the
    // core only ever returns text and offsets, and the page shows them with `textContent`.
    let html = "<script>alert('script')</script><style>body{display:none}</style>\
                <p onclick=\"alert('click')\">The bridge reopened on Thursday morning after repairs.</p>\
                <img src=x onerror=\"alert('img')\"><a href=\"javascript:alert('link')\">Read more</a>\
                <iframe src=\"https://example.invalid\"></iframe><!-- <script>alert('comment')</script> -->\
                <template><p>alert('template')</p></template>&lt;script&gt;alert('escaped')&lt;/script&gt;";
    let text = parallax::html_to_text(html);
    assert!(text.contains("The bridge reopened on Thursday morning after repairs."), "{text}");
    for hidden in ["script')", "click", "img", "link", "comment", "template", "display:none"] {
        assert!(!text.contains(hidden), "{hidden} leaked into {text:?}");
    }
    // Escaped markup is text that reads as markup, and stays text.
    assert!(text.contains("<script>alert('escaped')</script>"), "{text}");
    let stripped = parallax::strip_html(html, &cfg());
    check_stripped(&text, &stripped);
}

#[test]
fn issue_10_a_log_of_one_line_repeated_stays_linear() {
    // A pasted log: the same prose line 20,000 times, in two sources. Every copy is a candidate of
    // every other, so an aligner that looks at all of them does 400 million comparisons.
    let line = ARTICLE.lines().nth(2).unwrap_or_default();
    let log = format!("{line}\n").repeat(20_000);
    // Stripping keeps one copy of a paragraph printed again (issue 4), so the copies are kept
    // here to reach the aligner, which is what this test is about.
    let sources = [src("log", log.clone()), src("log again", log), src("a", ARTICLE)];
    let cfg = Config { strip_boilerplate: false, ..cfg() };
    let r = analyze(&sources, &cfg).unwrap_or_else(|e| panic!("expected a report, got: {e}"));
    check_report(&sources, &r);
    assert_eq!(r.sources[0].sentences.len(), 20_000);
    assert!(r.sources[0].sentences.iter().all(|s| s.best_relation == Relation::Identical));
}
