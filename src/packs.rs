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
//!
//! One more pack carries code rather than lists: the stemmer pack ([`STEM_PACK`], `lang/stem.txt`),
//! the Snowball stemmers of every language but English as a WebAssembly module of their own
//! (the `stemmers/` crate), base64 under a `@@ module` line:
//!
//! ```text
//! @@ pack stem
//! @@ module
//! AGFzbQEAAAAB…
//! ```
//!
//! This module only decodes and checks it ([`load_stemmer_pack`]); the host instantiates it
//! (`src/wasm.rs`) and registers a plain function with `lexicon`. Native builds have every
//! stemmer built in and never need it.

use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::RwLock;

use crate::error::{Error, ErrorKind};
use crate::lexicon::{self, ExternalStemmer, List};
use crate::tokenize::{block_language, source_languages, Lang};
use crate::Source;

/// The lists a pack carries, as the folders of `data/` they come from.
pub(crate) const PACK_KINDS: &[&str] = &["abbreviations", "boilerplate", "values"];

/// The languages that have a pack: every language with a list of [`PACK_KINDS`] besides
/// English. (Czech phrases stay built in: parallax does not detect Czech, so nothing could ask
/// for its pack.)
pub(crate) const PACK_LANGUAGES: &[Lang] =
    &[Lang::De, Lang::Es, Lang::Fr, Lang::It, Lang::Nl, Lang::Pl, Lang::Pt, Lang::Ru, Lang::Sv, Lang::Tr];

/// The code of the stemmer pack (`lang/stem.txt`): the stemmers of the languages of
/// [`stem_languages`], which the WebAssembly build leaves out.
pub const STEM_PACK: &str = "stem";

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
    /// that measure what an embedder loading only the needed packs gets. Bit 31
    /// (`STEMMERS_BIT`) hides the built-in stemmers of languages other than English.
    static HIDDEN: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Runs `f` as if the packs of `langs` were neither built in nor loaded, on this thread only.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn without_packs<R>(langs: &[Lang], f: impl FnOnce() -> R) -> R {
    hiding(langs.iter().fold(0, |m, &l| m | bit(l)), f)
}

/// Runs `f` as if only English's stemmer were built in and the stemmer pack not loaded, as the
/// WebAssembly build is before it loads the pack; on this thread only.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) fn without_stemmers<R>(f: impl FnOnce() -> R) -> R {
    hiding(hidden() | STEMMERS_BIT, f)
}

/// The bit of the hidden mask (next to the packs' bits at `Lang::index`) that hides the built-in
/// stemmers of languages other than English.
const STEMMERS_BIT: u32 = 1 << 31;
const _: () = assert!(Lang::ALL.len() < 31, "a language's bit would be the stemmers' bit");

/// Whether the stemmers of languages other than English are hidden on this thread.
pub(crate) fn stemmers_hidden() -> bool {
    hidden() & STEMMERS_BIT != 0
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
///
/// The stemmer pack ([`STEM_PACK`]) is code that only a WebAssembly host can start: this
/// checks it, and loads it where every stemmer is built in already (native builds); elsewhere
/// use [`load_stemmer_pack`] (`src/wasm.rs` does).
pub fn load_language_pack(code: &str, text: &str) -> Result<(), Error> {
    if code == STEM_PACK {
        return load_stemmer_pack(text, |_| {
            Err("this build cannot start a WebAssembly module; load it through the WebAssembly's loadLanguagePack"
                .into())
        });
    }
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

/// The codes of every pack: the languages that have one (ISO 639-1 codes), then [`STEM_PACK`].
pub fn pack_languages() -> Vec<&'static str> {
    PACK_LANGUAGES.iter().map(|l| l.code()).chain([STEM_PACK]).collect()
}

/// The codes of the packs whose contents are there now (built in or loaded).
pub fn loaded_languages() -> Vec<&'static str> {
    let lists = PACK_LANGUAGES.iter().copied().filter(|l| available() & bit(*l) != 0).map(Lang::code);
    lists.chain(stems_there().then_some(STEM_PACK)).collect()
}

/// The codes of the packs that `sources` need and that are not loaded yet: the languages of
/// each source and of every paragraph written in another one (detected as `analyze` detects
/// them, on every line rather than only the article's) that have a pack, and [`STEM_PACK`] when
/// one of those languages is stemmed by it. Load these packs before analysing, and the analysis
/// reads every list and stems every word as it would natively — except page-chrome phrases of a
/// language no paragraph is written in (see DESIGN.md, "Language packs").
pub fn languages_needed(sources: &[Source]) -> Vec<&'static str> {
    let used = languages_used(sources);
    let lists = PACK_LANGUAGES.iter().copied().filter(|l| used & bit(*l) != 0 && available() & bit(*l) == 0);
    let stems = Lang::ALL.iter().any(|l| used & bit(*l) != 0 && !lexicon::stems_complete(*l));
    lists.map(Lang::code).chain(stems.then_some(STEM_PACK)).collect()
}

/// The languages whose stemmer comes in the stemmer pack: every Snowball language but English.
pub fn stem_languages() -> Vec<Lang> {
    Lang::ALL.iter().copied().filter(|&l| lexicon::has_stemmer(l) && l != Lang::En).collect()
}

/// Whether every stemmer is there: built in, or from the stemmer pack.
fn stems_there() -> bool {
    Lang::ALL.iter().all(|&l| lexicon::stems_complete(l))
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

/// The English name of a language with a pack or a stemmer, for warnings.
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
        Lang::Ar => "Arabic",
        Lang::Da => "Danish",
        Lang::El => "Greek",
        Lang::Fi => "Finnish",
        Lang::Hu => "Hungarian",
        Lang::No => "Norwegian",
        Lang::Ro => "Romanian",
        Lang::Ta => "Tamil",
        _ => lang.code(),
    }
}

/// One warning per language of `used` (bits at `Lang::index`) whose pack is missing, and one per
/// language whose words were not stemmed for want of the stemmer pack.
pub(crate) fn missing_warnings(used: u32) -> Vec<String> {
    let lists = PACK_LANGUAGES.iter().filter(|l| used & bit(**l) != 0 && !complete(**l)).map(|&l| {
        format!(
            "{} text was analysed without the {} language pack ('{}'): its abbreviations, number words and page-chrome phrases were not used; load the pack and analyse again",
            name(l),
            name(l),
            l.code()
        )
    });
    let stems = Lang::ALL.iter().filter(|l| used & bit(**l) != 0 && !lexicon::stems_complete(**l)).map(|&l| {
        format!(
            "{} words were not stemmed: the stemmer pack ('{STEM_PACK}') is not loaded, so the forms of one word counted as different words; load the pack and analyse again",
            name(l)
        )
    });
    lists.chain(stems).collect()
}

/// The WebAssembly module of a stemmer pack's text, decoded; checked only as far as its first
/// bytes go (the host that instantiates it checks its exports). Decoded by hand: the `base64`
/// crate (the tests' encoder) in its place made the module 7.6 KB larger raw and 2.4 KB gzipped
/// (both builds without wasm-opt), more than the package budget's room.
fn stem_module(text: &str) -> Result<Vec<u8>, String> {
    let mut lines = text.lines().enumerate().skip_while(|(_, l)| l.trim().is_empty());
    match lines.next() {
        Some((_, l)) if l.trim() == format!("@@ pack {STEM_PACK}") => {}
        Some((n, _)) => return Err(format!("line {}: expected '@@ pack {STEM_PACK}'", n + 1)),
        None => return Err("the pack is empty".to_string()),
    }
    let mut lines = lines.skip_while(|(_, l)| l.trim().is_empty());
    match lines.next() {
        Some((_, l)) if l.trim() == "@@ module" => {}
        Some((n, l)) => return Err(format!("line {}: expected '@@ module', found '{}'", n + 1, l.trim())),
        None => return Err("the pack holds no module".to_string()),
    }
    let mut bytes = Vec::with_capacity(text.len() / 4 * 3);
    let mut quad = [0u8; 4];
    let mut filled = 0;
    let mut padding = 0;
    for (n, line) in lines {
        for c in line.trim().bytes() {
            let six = match c {
                b'A'..=b'Z' => c - b'A',
                b'a'..=b'z' => c - b'a' + 26,
                b'0'..=b'9' => c - b'0' + 52,
                b'+' => 62,
                b'/' => 63,
                b'=' if filled >= 2 => {
                    padding += 1;
                    0
                }
                _ => return Err(format!("line {}: the module is not base64 (at byte {c:#04x})", n + 1)),
            };
            if padding > 0 && c != b'=' {
                return Err(format!("line {}: base64 goes on after its padding", n + 1));
            }
            quad[filled] = six;
            filled += 1;
            if filled == 4 {
                let word =
                    u32::from(quad[0]) << 18 | u32::from(quad[1]) << 12 | u32::from(quad[2]) << 6 | u32::from(quad[3]);
                bytes.extend_from_slice(&word.to_be_bytes()[1..4 - padding.min(2)]);
                filled = 0;
            }
        }
    }
    if filled != 0 {
        return Err("the module's base64 ends in the middle of a group of four characters".to_string());
    }
    if !bytes.starts_with(b"\0asm\x01\0\0\0") {
        return Err("the module is not a WebAssembly module (version 1)".to_string());
    }
    Ok(bytes)
}

/// Loads the stemmer pack (the text of `lang/stem.txt`): decodes its module and hands the bytes
/// to `instantiate`, the host's, which compiles and starts it and returns the function that
/// stems through it (or says why it cannot); that function stems every language of
/// [`stem_languages`] from then on. Where every stemmer is already there (native builds, or a
/// pack loaded before) the text is checked and nothing more is done. A malformed pack or a
/// module the host refuses is an error that says why; nothing is loaded then.
pub fn load_stemmer_pack(
    text: &str,
    instantiate: impl FnOnce(&[u8]) -> Result<ExternalStemmer, String>,
) -> Result<(), Error> {
    let module = stem_module(text).map_err(|e| bad(STEM_PACK, e))?;
    load_stemmers(|| instantiate(&module))
}

/// Registers the stemmers that `start` starts (a host's stemmer module it already has as
/// bytes or compiled, as the page has `lang/stem.wasm`), unless every stemmer is there already;
/// an error of `start` says why nothing was loaded.
pub fn load_stemmers(start: impl FnOnce() -> Result<ExternalStemmer, String>) -> Result<(), Error> {
    if stems_there() {
        return Ok(());
    }
    let stemmer = start().map_err(|e| bad(STEM_PACK, e))?;
    lexicon::set_external_stemmer(stemmer);
    Ok(())
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
        assert!(loaded_languages().contains(&"de"));
        let with = analyze(&source, &cfg).expect("analysis");
        assert!(!with.warnings.iter().any(|w| w.contains("language pack")), "{:?}", with.warnings);
        assert!(languages_needed(&source).is_empty(), "the German pack is there");
        assert!(has_money(GERMAN, Lang::De), "{:?}", numbers(GERMAN, Lang::De));

        without_packs(&[Lang::De], || {
            assert_eq!(languages_needed(&source), vec!["de"]);
            assert!(!loaded_languages().contains(&"de"));
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
        with_needed_packs_only(&english, || assert!(!loaded_languages().contains(&"de")));
        with_needed_packs_only(&german, || assert!(loaded_languages().contains(&"de")));
        if cfg!(feature = "all-languages") {
            with_needed_packs_only(&german, || assert_eq!(loaded_languages(), vec!["de", STEM_PACK]));
            assert_eq!(loaded_languages(), pack_languages());
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
            assert_eq!(languages_needed(&[Source::new("a", &mixed)]), vec!["fr"]);
            assert_eq!(languages_needed(&[Source::new("a", english), Source::new("b", GERMAN)]), vec!["de"]);
            assert!(languages_needed(&[]).is_empty());
        });
    }

    /// Base64 as `scripts/packs.mjs` writes it (`Buffer.toString("base64")`, lines of 76).
    fn base64(bytes: &[u8]) -> String {
        use base64::Engine;
        let text = base64::engine::general_purpose::STANDARD.encode(bytes);
        text.as_bytes().chunks(76).map(|l| format!("{}\n", std::str::from_utf8(l).unwrap_or(""))).collect()
    }

    const MODULE: &[u8] = b"\0asm\x01\0\0\0\x01\x04\x01\x60\0\0";

    #[test]
    fn issue_8_the_stemmer_pack_decodes_its_module() {
        for len in 8..MODULE.len() {
            let text = format!("@@ pack stem\n@@ module\n{}", base64(&MODULE[..len]));
            assert_eq!(stem_module(&text).as_deref(), Ok(&MODULE[..len]), "{len} bytes");
        }
        let long: Vec<u8> = MODULE.iter().copied().chain((0..5000u32).map(|i| (i * 7919 % 251) as u8)).collect();
        let text = format!("\n@@ pack stem\r\n@@ module\r\n{}", base64(&long).replace('\n', "\r\n"));
        assert_eq!(stem_module(&text), Ok(long));
        // Natively every stemmer is built in: a good pack is checked and changes nothing.
        assert!(loaded_languages().contains(&STEM_PACK));
        load_language_pack(STEM_PACK, &format!("@@ pack stem\n@@ module\n{}", base64(MODULE))).expect("the pack");
    }

    #[test]
    fn issue_8_a_malformed_stemmer_pack_is_an_error_not_a_panic() {
        let good = base64(MODULE);
        let cases: &[(&str, &str)] = &[
            ("", "the pack is empty"),
            ("@@ pack de\n@@ module\n", "line 1: expected '@@ pack stem'"),
            ("@@ pack stem\n", "holds no module"),
            ("@@ pack stem\n@@ list values\n", "line 2: expected '@@ module', found '@@ list values'"),
            ("@@ pack stem\n@@ module\n", "not a WebAssembly module"),
            ("@@ pack stem\n@@ module\nAGFzbQEAAAA*\n", "line 3: the module is not base64 (at byte 0x2a)"),
            ("@@ pack stem\n@@ module\nAGFzbQEAAAAB\nBAFg\u{e9}\n", "line 4: the module is not base64"),
            ("@@ pack stem\n@@ module\nAGFzbQEAAAABB\n", "in the middle of a group"),
            ("@@ pack stem\n@@ module\nAGFzbQ==AAAA\n", "after its padding"),
            ("@@ pack stem\n@@ module\n=AAA\n", "not base64"),
            // Base64 of text, not of a module.
            ("@@ pack stem\n@@ module\nSGVsbG8sIHdvcmxkIQ==\n", "not a WebAssembly module"),
        ];
        for (text, want) in cases {
            let err = load_language_pack(STEM_PACK, text).expect_err(text).to_string();
            assert!(err.starts_with("the language pack 'stem' was not loaded: "), "{err}");
            assert!(err.contains(want), "{text:?}: {err}");
        }
        // A host that cannot start the module refuses it with its own reason; one that can is
        // not asked where every stemmer is built in.
        let refused = without_stemmers(|| {
            load_stemmer_pack(&format!("@@ pack stem\n@@ module\n{good}"), |_| Err("no exports".to_string()))
        });
        assert!(refused.expect_err("refused").to_string().contains("was not loaded: no exports"));
        assert!(load_stemmer_pack(&format!("@@ pack stem\n@@ module\n{good}"), |_| panic!("not asked")).is_ok());
        let noise: String = (0..2000u32).filter_map(|i| char::from_u32((i * 7919) % 0x2_0000)).collect();
        assert!(load_language_pack(STEM_PACK, &noise).is_err());
        assert!(load_language_pack(STEM_PACK, &format!("@@ pack stem\n@@ module\n{noise}")).is_err());
    }

    #[test]
    fn issue_8_without_the_stemmer_pack_words_stay_whole_and_the_report_says_so() {
        let source = [Source::new("Zeitung", GERMAN), Source::new("Blatt", GERMAN)];
        let greek = "Η κυβέρνηση ενέκρινε τη Δευτέρα τρία εκατομμύρια ευρώ για τη νέα γέφυρα, είπε ο υπουργός.";
        let finnish = "Hallitus hyväksyi maanantaina kolme miljoonaa euroa uutta siltaa varten, ja ministeri sanoi että työt alkavat keväällä.";
        let english = "The council approved the plan on Monday and said that work would start in the spring.";
        assert!(languages_needed(&source).is_empty());
        let with = analyze(&source, &Config::default()).expect("analysis");
        assert!(!with.warnings.iter().any(|w| w.contains("stemmer pack")), "{:?}", with.warnings);
        without_stemmers(|| {
            assert_eq!(languages_needed(&source), vec![STEM_PACK]);
            // The languages with a stemmer but no word lists need the stemmer pack alone.
            assert_eq!(languages_needed(&[Source::new("a", greek)]), vec![STEM_PACK]);
            assert_eq!(languages_needed(&[Source::new("a", finnish)]), vec![STEM_PACK]);
            assert!(languages_needed(&[Source::new("a", english)]).is_empty());
            assert!(!loaded_languages().contains(&STEM_PACK));
            assert_eq!(crate::lexicon::stem("verhandlungen", Lang::De), "verhandlungen");
            assert_eq!(crate::lexicon::stem("talks", Lang::En), "talk");
            let without = analyze(&source, &Config::default()).expect("analysis without stems");
            let warnings: Vec<_> = without.warnings.iter().filter(|w| w.contains("stemmer pack")).collect();
            assert_eq!(warnings.len(), 1, "{:?}", without.warnings);
            assert!(warnings[0].starts_with("German words were not stemmed"), "{}", warnings[0]);
            assert!(warnings[0].contains("('stem')"), "{}", warnings[0]);
            let greek =
                analyze(&[Source::new("a", greek), Source::new("b", greek)], &Config::default()).expect("greek");
            assert!(
                greek.warnings.iter().any(|w| w.starts_with("Greek words were not stemmed")),
                "{:?}",
                greek.warnings
            );
        });
        assert_eq!(crate::lexicon::stem("verhandlungen", Lang::De), "verhandl");
        assert_eq!(analyze(&source, &Config::default()).expect("analysis").warnings, with.warnings);
        assert_eq!(stem_languages().len(), 17);
        assert!(!stem_languages().contains(&Lang::En));
    }
}
