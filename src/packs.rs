//! Language packs: the word lists of one language that the WebAssembly build leaves out and
//! loads only when a text in that language arrives.
//!
//! A pack carries a language's abbreviations, page-chrome phrases and value words (the lists of
//! [`PACK_KINDS`]); English, the stopwords of every language (language detection reads them
//! all) and the lists of languages without a pack stay built in. Native builds (the `cli` and
//! `all-languages` features, on by default) compile every pack in, so evaluations and tests
//! read every list and nothing here changes their results.
//!
//! The format is the data files themselves, one after another, each under a marker line:
//!
//! ```text
//! @@ pack de
//! @@ list abbreviations
//! # titles
//! dr
//! …
//! @@ list boilerplate
//! …
//! ```
//!
//! `scripts/packs.mjs` writes one pack per language from `data/`; [`load_language_pack`] checks
//! it as the data-file test checks the built-in lists, and never panics on a malformed pack.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::RwLock;

use crate::error::{Error, ErrorKind};
use crate::lexicon::List;
use crate::tokenize::{block_language, source_languages, Lang};
use crate::Source;

/// The lists a pack carries, as the folders of `data/` they come from.
pub(crate) const PACK_KINDS: &[&str] = &["abbreviations", "boilerplate", "values"];

/// The languages that have a pack: every language with a list of [`PACK_KINDS`] besides
/// English. (Czech phrases stay built in: parallax does not detect Czech, so nothing could ask
/// for its pack.)
pub(crate) const PACK_LANGUAGES: &[Lang] =
    &[Lang::De, Lang::Es, Lang::Fr, Lang::It, Lang::Nl, Lang::Pl, Lang::Pt, Lang::Ru, Lang::Sv, Lang::Tr];

/// The packs compiled in: all of them with the `all-languages` feature, none without.
#[cfg(feature = "all-languages")]
const BUILT_IN: u32 = {
    let mut mask = 0;
    let mut i = 0;
    while i < PACK_LANGUAGES.len() {
        mask |= bit(PACK_LANGUAGES[i]);
        i += 1;
    }
    mask
};
#[cfg(not(feature = "all-languages"))]
const BUILT_IN: u32 = 0;

/// The bit of `lang` in masks of languages.
pub(crate) const fn bit(lang: Lang) -> u32 {
    1 << (lang as u32)
}

/// The packs loaded at run time, as bits at `Lang::index`, and their lists.
static LOADED: AtomicU32 = AtomicU32::new(0);
static LISTS: RwLock<Vec<(Lang, &'static str, &'static str)>> = RwLock::new(Vec::new());

#[cfg(not(target_arch = "wasm32"))]
thread_local! {
    /// Packs hidden on this thread, as if neither built in nor loaded: tests, and evaluations
    /// that measure what an embedder loading only the needed packs gets.
    static HIDDEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs `f` as if the packs of `langs` were neither built in nor loaded, on this thread only.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn without_packs<R>(langs: &[Lang], f: impl FnOnce() -> R) -> R {
    hiding(langs.iter().fold(0, |m, &l| m | bit(l)), f)
}

#[cfg(not(target_arch = "wasm32"))]
fn hiding<R>(mask: u32, f: impl FnOnce() -> R) -> R {
    let before = HIDDEN.with(|h| h.replace(mask));
    let result = f();
    HIDDEN.with(|h| h.set(before));
    result
}

/// Runs `f` with only the packs that `sources` need, as the WebAssembly build gets them from a
/// host that loads what `languages_needed` asks for; the other packs are hidden on this thread.
/// For evaluations (`parallax eval strip --packs needed`); natively every pack is built in.
#[doc(hidden)]
#[cfg(not(target_arch = "wasm32"))]
pub fn with_needed_packs_only<R>(sources: &[Source], f: impl FnOnce() -> R) -> R {
    hiding(BUILT_IN & !languages_used(sources), f)
}

fn hidden() -> u32 {
    #[cfg(not(target_arch = "wasm32"))]
    return HIDDEN.with(std::cell::Cell::get);
    #[cfg(target_arch = "wasm32")]
    0
}

/// The pack languages whose lists are there (built in or loaded), as bits at `Lang::index`.
/// Caches of lists built from packs are keyed by this, so a pack that arrives later is used.
pub(crate) fn available() -> u32 {
    (BUILT_IN | LOADED.load(Ordering::Acquire)) & !hidden()
}

/// Whether every list of `lang` is there: languages without a pack always are.
pub(crate) fn complete(lang: Lang) -> bool {
    !has_pack(lang) || available() & bit(lang) != 0
}

fn has_pack(lang: Lang) -> bool {
    PACK_LANGUAGES.contains(&lang)
}

/// Whether `path` (`data/<kind>/<code>.txt`) is a list that comes in a pack, and of which language.
fn pack_of(path: &str) -> Option<(&str, Lang)> {
    let (kind, file) = path.strip_prefix("data/")?.split_once('/')?;
    let lang = Lang::from_code(file.strip_suffix(".txt")?)?;
    (PACK_KINDS.contains(&kind) && has_pack(lang)).then_some((kind, lang))
}

/// For a list that comes in a pack: `Some(text)`, the list when its pack is there and "" when it
/// is not. `None` for lists that are always built in.
pub(crate) fn pack_list(path: &str, built_in: impl FnOnce() -> Option<&'static str>) -> Option<&'static str> {
    let (kind, lang) = pack_of(path)?;
    if available() & bit(lang) == 0 {
        return Some("");
    }
    // Without `all-languages` (the WebAssembly build) BUILT_IN is 0 and this is never taken.
    #[allow(clippy::bad_bit_mask)]
    if BUILT_IN & bit(lang) != 0 {
        return Some(built_in().unwrap_or(""));
    }
    let lists = LISTS.read().unwrap_or_else(|e| e.into_inner());
    Some(lists.iter().find(|(l, k, _)| *l == lang && *k == kind).map_or("", |(_, _, t)| *t))
}

fn bad(code: &str, why: String) -> Error {
    Error::new(ErrorKind::BadLanguagePack { code: code.to_string(), why })
}

/// The lists of a pack: (kind, text) pairs, each text a slice of `text`. Errors say what is
/// wrong and where.
fn parse(lang: Lang, text: &str) -> Result<Vec<(&'static str, &str)>, String> {
    // Each list's kind and the byte range of its body.
    let mut lists: Vec<(&'static str, usize, usize)> = Vec::new();
    let mut header = false;
    let mut offset = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = offset;
        offset += line.len();
        let l = line.trim();
        if !header {
            if l.is_empty() {
                continue;
            }
            if l.strip_prefix("@@ pack ") != Some(lang.code()) {
                return Err(format!("line {}: expected '@@ pack {}'", n + 1, lang.code()));
            }
            header = true;
            continue;
        }
        let Some(marker) = l.strip_prefix("@@") else {
            if lists.is_empty() && !l.is_empty() && !l.starts_with('#') {
                return Err(format!("line {}: text before the first '@@ list' line", n + 1));
            }
            continue;
        };
        let kind = marker.trim().strip_prefix("list ").map(str::trim);
        let Some(&kind) = PACK_KINDS.iter().find(|k| Some(**k) == kind) else {
            return Err(format!("line {}: '{l}' is not a list of a pack (abbreviations, boilerplate, values)", n + 1));
        };
        if lists.iter().any(|(k, _, _)| *k == kind) {
            return Err(format!("line {}: the list '{kind}' appears twice", n + 1));
        }
        if let Some(last) = lists.last_mut() {
            last.2 = start;
        }
        lists.push((kind, offset, text.len()));
    }
    if !header {
        return Err("the pack is empty".to_string());
    }
    let mut out = Vec::with_capacity(lists.len());
    for (kind, start, end) in lists {
        let body = text.get(start..end).unwrap_or("");
        let list = List::parse(body).map_err(|e| format!("list '{kind}': {e}"))?;
        for (group, items) in &list.groups {
            if kind == "boilerplate" && !crate::boilerplate::known_phrase_group(group) {
                return Err(format!("list '{kind}': unknown group '{group}'"));
            }
            if let Some(item) = items.iter().find(|i| i.chars().any(char::is_uppercase)) {
                return Err(format!("list '{kind}': '{item}' is not lowercase"));
            }
        }
        if kind == "values" {
            crate::values::check_file(body).map_err(|e| format!("list '{kind}': {e}"))?;
        }
        out.push((kind, body));
    }
    if out.is_empty() {
        return Err("the pack holds no list".to_string());
    }
    Ok(out)
}

/// Loads the language pack of `code` (its text as `scripts/packs.mjs` writes it), so that texts
/// in that language get its abbreviations, value words and page-chrome phrases. Loading a pack
/// that is already there (built in or loaded before) does nothing. A malformed pack is an error
/// that says what is wrong; nothing is loaded then.
pub fn load_language_pack(code: &str, text: &str) -> Result<(), Error> {
    let Some(lang) = Lang::from_code(code).filter(|l| has_pack(*l)) else {
        return Err(bad(code, format!("there is no pack for '{code}'")));
    };
    let lists = parse(lang, text).map_err(|e| bad(code, e))?;
    if (BUILT_IN | LOADED.load(Ordering::Acquire)) & bit(lang) != 0 {
        return Ok(());
    }
    let mut all = LISTS.write().unwrap_or_else(|e| e.into_inner());
    for (kind, body) in lists {
        // The lists are read for the rest of the module's life, as the built-in ones are.
        let body: &'static str = Box::leak(body.to_string().into_boxed_str());
        all.push((lang, kind, body));
    }
    LOADED.fetch_or(bit(lang), Ordering::AcqRel);
    Ok(())
}

/// The languages that have a pack, by ISO 639-1 code.
pub fn pack_languages() -> Vec<Lang> {
    PACK_LANGUAGES.to_vec()
}

/// The pack languages whose lists are there now (built in or loaded).
pub fn loaded_languages() -> Vec<Lang> {
    PACK_LANGUAGES.iter().copied().filter(|l| available() & bit(*l) != 0).collect()
}

/// The languages of `sources` that have a pack not loaded yet: each source's language and the
/// language of every paragraph written in another one (detected as `analyze` detects them, on
/// every line rather than only the article's). Load these packs before analysing, and the
/// analysis reads every list it would read natively — except page-chrome phrases of a language
/// no paragraph is written in (see DESIGN.md, "Language packs").
pub fn languages_needed(sources: &[Source]) -> Vec<Lang> {
    let used = languages_used(sources);
    PACK_LANGUAGES.iter().copied().filter(|l| used & bit(*l) != 0 && available() & bit(*l) == 0).collect()
}

/// The languages of the sources and of their lines, as bits at `Lang::index`.
fn languages_used(sources: &[Source]) -> u32 {
    let texts: Vec<&str> = sources.iter().map(|s| s.text.as_str()).collect();
    let mut used = 0u32;
    for (text, lang) in texts.iter().zip(source_languages(&texts)) {
        used |= bit(lang);
        for line in text.lines() {
            used |= bit(block_language(line, lang));
        }
    }
    used
}

/// The English name of a pack language, for warnings.
fn name(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "German",
        Lang::Es => "Spanish",
        Lang::Fr => "French",
        Lang::It => "Italian",
        Lang::Nl => "Dutch",
        Lang::Pl => "Polish",
        Lang::Pt => "Portuguese",
        Lang::Ru => "Russian",
        Lang::Sv => "Swedish",
        Lang::Tr => "Turkish",
        _ => lang.code(),
    }
}

/// One warning per language of `used` (bits at `Lang::index`) whose pack is missing.
pub(crate) fn missing_warnings(used: u32) -> Vec<String> {
    PACK_LANGUAGES
        .iter()
        .filter(|l| used & bit(**l) != 0 && !complete(**l))
        .map(|&l| {
            format!(
                "{} text was analysed without the {} language pack ('{}'): its abbreviations, number words and page-chrome phrases were not used; load the pack and analyse again",
                name(l),
                name(l),
                l.code()
            )
        })
        .collect()
}

// Natively: the WebAssembly build is tested through its exports (tests/web.rs).
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::values::{values, ValueKind};
    use crate::{analyze, Config};

    /// A pack as `scripts/packs.mjs` writes it, from the files under `data/`: each list without
    /// its header comments.
    fn pack_text(lang: Lang) -> String {
        let mut out = format!("@@ pack {}\n", lang.code());
        for kind in PACK_KINDS {
            let path = format!("{}/data/{kind}/{}.txt", env!("CARGO_MANIFEST_DIR"), lang.code());
            if let Ok(text) = std::fs::read_to_string(path) {
                let text = &text[crate::lexicon::body_start(&text)..];
                out.push_str(&format!("@@ list {kind}\n{text}"));
                if !text.ends_with('\n') {
                    out.push('\n');
                }
            }
        }
        out
    }

    const GERMAN: &str = "Die Regierung hat am Montag drei Millionen Euro für den Wiederaufbau der Brücke \
        bewilligt, wie der Minister sagte. Die Arbeiten sollen im Frühjahr beginnen und zwei Jahre dauern.";

    /// The values read in `text`, as (text, kind) pairs.
    fn numbers(text: &str, lang: Lang) -> Vec<(String, ValueKind)> {
        values(text, 0..text.len(), lang).into_iter().map(|v| (text[v.span].to_string(), v.kind)).collect()
    }

    fn has_money(text: &str, lang: Lang) -> bool {
        numbers(text, lang).iter().any(|(_, k)| matches!(k, ValueKind::Money { amount, .. } if *amount == 3e6))
    }

    #[test]
    fn issue_3_every_pack_from_data_loads() {
        for &lang in PACK_LANGUAGES {
            let text = pack_text(lang);
            let lists = parse(lang, &text).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
            assert!(!lists.is_empty(), "{} has no lists", lang.code());
            for (kind, body) in lists {
                let file = crate::lexicon::PACK_FILES
                    .iter()
                    .find(|(p, _)| *p == format!("data/{kind}/{}.txt", lang.code()))
                    .map(|(_, t)| *t);
                if let Some(file) = file {
                    assert_eq!(body, &file[crate::lexicon::body_start(file)..], "{} {kind}", lang.code());
                }
            }
            load_language_pack(lang.code(), &text).unwrap_or_else(|e| panic!("{}: {e}", lang.code()));
        }
    }

    #[test]
    fn issue_3_malformed_packs_are_errors_not_panics() {
        let good = pack_text(Lang::De);
        let cases: &[(&str, &str, &str)] = &[
            ("de", "", "the pack is empty"),
            ("de", "\n\n", "the pack is empty"),
            ("de", "@@ list values\n# cardinal\ndrei 3\n", "expected '@@ pack de'"),
            ("de", "@@ pack fr\n@@ list values\n# cardinal\ndrei 3\n", "expected '@@ pack de'"),
            ("de", "@@ pack de\n", "holds no list"),
            ("de", "@@ pack de\ndrei 3\n@@ list values\n", "text before the first"),
            ("de", "@@ pack de\n@@ list recipes\n# a\nb\n", "line 2: '@@ list recipes' is not a list of a pack"),
            ("de", "@@ pack de\n@@ shrug\n", "'@@ shrug' is not a list"),
            ("de", "@@ pack de\n@@ pack de\n", "'@@ pack de' is not a list"),
            ("de", "@@ pack de\n@@ list values\n# cardinal\ndrei 3\n@@ list values\n# cardinal\nvier 4\n", "twice"),
            ("de", "@@ pack de\n@@ list values\ndrei 3\n", "item before any"),
            ("de", "@@ pack de\n@@ list values\n# cardinal\ndrei drei\n", "cannot read the value"),
            ("de", "@@ pack de\n@@ list values\n# recipes\nmehl 3\n", "unknown group 'recipes'"),
            ("de", "@@ pack de\n@@ list boilerplate\n# recipes\nmehl\n", "unknown group 'recipes'"),
            ("de", "@@ pack de\n@@ list boilerplate\n# sharing\nArtikel Teilen\n", "not lowercase"),
            ("de", "@@ pack de\n@@ list abbreviations\n# titles\ndr\n# other\n", "group 'other' is empty"),
            ("en", &good, "there is no pack for 'en'"),
            ("xx", &good, "there is no pack for 'xx'"),
            ("", &good, "there is no pack for ''"),
        ];
        for (code, text, want) in cases {
            let err = load_language_pack(code, text).expect_err(text).to_string();
            assert!(err.contains(want), "{code} {text:?}: {err}");
            assert!(err.starts_with(&format!("the language pack '{code}' was not loaded")), "{err}");
        }
        // Bytes that are not a pack at all.
        let noise: String = (0..2000u32).filter_map(|i| char::from_u32((i * 7919) % 0x2_0000)).collect();
        assert!(load_language_pack("de", &noise).is_err());
        assert!(load_language_pack("de", &format!("@@ pack de\n@@ list values\n{noise}")).is_err());
    }

    #[test]
    fn issue_3_without_its_pack_german_falls_back_and_the_report_says_so() {
        let source = [Source::new("Zeitung", GERMAN), Source::new("Blatt", GERMAN)];
        let cfg = Config::default();
        // Built in natively; loaded here when the crate is tested without `all-languages`.
        load_language_pack("de", &pack_text(Lang::De)).expect("the German pack");
        assert!(loaded_languages().contains(&Lang::De));
        let with = analyze(&source, &cfg).expect("analysis");
        assert!(!with.warnings.iter().any(|w| w.contains("language pack")), "{:?}", with.warnings);
        assert!(languages_needed(&source).is_empty(), "the German pack is there");
        assert!(has_money(GERMAN, Lang::De), "{:?}", numbers(GERMAN, Lang::De));

        without_packs(&[Lang::De], || {
            assert_eq!(languages_needed(&source), vec![Lang::De]);
            assert!(!loaded_languages().contains(&Lang::De));
            let without = analyze(&source, &cfg).expect("analysis without the pack");
            let warning = without.warnings.iter().find(|w| w.contains("German language pack")).expect("a warning");
            assert!(warning.contains("'de'"), "{warning}");
            // The sentences are still found and compared; the number words are not read.
            assert_eq!(without.sources[0].sentences.len(), with.sources[0].sentences.len());
            assert!(!has_money(GERMAN, Lang::De), "{:?}", numbers(GERMAN, Lang::De));
            // Stopwords and stems are built in for every language.
            assert!(crate::lexicon::is_stopword("und", Lang::De));
            assert_eq!(crate::lexicon::stem("verhandlungen", Lang::De), "verhandl");
            // German chrome is no longer a known phrase; English chrome still is.
            let stripped = crate::strip("Artikel teilen\n\nShare this article\n\n", &cfg);
            let kinds: Vec<_> = stripped.blocks.iter().map(|b| (b.text.clone(), b.kind)).collect();
            assert!(
                kinds.iter().any(|(t, k)| t == "Share this article" && *k == crate::BlockKind::Boilerplate),
                "{kinds:?}"
            );
        });
        // The pack is back: the same caches answer with German lists again.
        assert!(has_money(GERMAN, Lang::De));
        assert_eq!(analyze(&source, &cfg).expect("analysis").warnings, with.warnings);
    }

    #[test]
    fn issue_3_german_number_words_conflict_only_with_the_pack() {
        let a = "Die Regierung bewilligte am Montag drei Millionen Euro für die neue Brücke, sagte der Minister.";
        let b = "Die Regierung bewilligte am Montag vier Millionen Euro für die neue Brücke, sagte der Minister.";
        let sources = [Source::new("a", a), Source::new("b", b)];
        load_language_pack("de", &pack_text(Lang::De)).expect("the German pack");
        let with = analyze(&sources, &Config::default()).expect("analysis");
        assert_eq!(with.conflicts.len(), 1, "{:?}", with.conflicts);
        let without = without_packs(&[Lang::De], || analyze(&sources, &Config::default())).expect("analysis");
        assert!(without.conflicts.is_empty(), "{:?}", without.conflicts);
        assert!(without.warnings.iter().any(|w| w.contains("German language pack")), "{:?}", without.warnings);
    }

    #[test]
    fn issue_3_needed_packs_only_hides_every_other_pack() {
        let english =
            [Source::new("a", "The council approved the plan on Monday and said that work would start soon.")];
        let german = [Source::new("a", GERMAN)];
        load_language_pack("de", &pack_text(Lang::De)).expect("the German pack");
        with_needed_packs_only(&english, || assert!(!loaded_languages().contains(&Lang::De)));
        with_needed_packs_only(&german, || assert!(loaded_languages().contains(&Lang::De)));
        if cfg!(feature = "all-languages") {
            with_needed_packs_only(&german, || assert_eq!(loaded_languages(), vec![Lang::De]));
            assert_eq!(loaded_languages(), PACK_LANGUAGES);
        }
    }

    #[test]
    fn issue_3_languages_needed_names_sources_and_paragraphs() {
        let english = "The council approved the plan on Monday and said that work would start in the spring.";
        let french = "Le conseil a approuvé le plan lundi et a dit que les travaux commenceraient au printemps.";
        let mixed = format!("{english}\n\n{french}\n");
        let all = [Lang::De, Lang::Fr, Lang::Es];
        without_packs(&all, || {
            assert!(languages_needed(&[Source::new("a", english)]).is_empty());
            assert_eq!(languages_needed(&[Source::new("a", &mixed)]), vec![Lang::Fr]);
            assert_eq!(languages_needed(&[Source::new("a", english), Source::new("b", GERMAN)]), vec![Lang::De]);
            assert!(languages_needed(&[]).is_empty());
        });
    }
}
