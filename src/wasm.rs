//! The browser skin: the only module that touches wasm-bindgen. Every function takes and returns
//! plain JS values converted by serde, and every failure becomes a thrown `Error` — never a panic,
//! which would kill the module for the rest of the page's life.

use js_sys::{Array, Function, Object, Reflect, Uint8Array, WebAssembly};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::config::{Setting, SETTINGS};
use crate::{Config, LinearModel, Override, Preset, Source, N_FEATURES};

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Maps (not JS `Map`s) and plain objects, so the page can use the report as ordinary JSON.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&format!("could not build the report: {e}")))
}

// Settings and sources are read property by property rather than through serde: serde's derived
// `Deserialize` for `Config` is unrolled per field (with its error messages, which format floats)
// and cost about 11 KB of the gzipped module; one loop over `config::SETTINGS` does the same.

/// A property of a JS value; `undefined` when it has none (or is not an object).
fn get(value: &JsValue, key: &str) -> JsValue {
    Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(object: &Object, key: &str, value: JsValue) {
    // Setting a property on a fresh plain object cannot fail.
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

/// A JS number that is a whole number from 0 to `max`.
fn whole(value: &JsValue, max: f64) -> Option<f64> {
    value.as_f64().filter(|x| x.fract() == 0.0 && (0.0..=max).contains(x))
}

/// The items of a JS array, or `None` when `value` is not one.
fn items(value: &JsValue) -> Option<js_sys::ArrayIter<'_>> {
    Array::is_array(value).then(|| value.unchecked_ref::<Array>().iter())
}

fn model_from(value: &JsValue) -> Option<LinearModel> {
    let bias = get(value, "bias").as_f64()?;
    let list: Vec<JsValue> = items(&get(value, "weights"))?.collect();
    let mut weights = [0.0; N_FEATURES];
    if list.len() != N_FEATURES {
        return None;
    }
    for (w, v) in weights.iter_mut().zip(&list) {
        *w = v.as_f64()?;
    }
    Some(LinearModel { bias, weights })
}

/// A partial `Config` (settings by name; missing ones keep their defaults, unknown ones are
/// ignored) or undefined for the defaults.
fn config_from(config: JsValue) -> Result<Config, JsError> {
    let mut cfg = Config::default();
    if config.is_undefined() || config.is_null() {
        return Ok(cfg);
    }
    if !config.is_object() {
        return Err(JsError::new("invalid settings: expected an object of settings by name"));
    }
    for &(name, setting) in SETTINGS {
        let v = get(&config, name);
        if v.is_undefined() {
            continue;
        }
        let (read, expected) = match setting {
            Setting::Usize(f) => (whole(&v, usize::MAX as f64).map(|x| *f(&mut cfg) = x as usize), "a whole number"),
            Setting::U32(f) => (whole(&v, f64::from(u32::MAX)).map(|x| *f(&mut cfg) = x as u32), "a whole number"),
            Setting::F64(f) => (v.as_f64().map(|x| *f(&mut cfg) = x), "a number"),
            Setting::Bool(f) => (v.as_bool().map(|x| *f(&mut cfg) = x), "true or false"),
            Setting::Model(f) => (model_from(&v).map(|m| *f(&mut cfg) = m), "an object {bias, weights} of numbers"),
        };
        if read.is_none() {
            return Err(JsError::new(&format!("invalid settings: {name} must be {expected}")));
        }
    }
    Ok(cfg)
}

/// Every setting of `cfg` as a plain object, in the order of `Config`'s fields.
fn config_to_js(cfg: &Config) -> JsValue {
    let mut cfg = cfg.clone();
    let object = Object::new();
    for &(name, setting) in SETTINGS {
        let value = match setting {
            Setting::Usize(f) => JsValue::from_f64(*f(&mut cfg) as f64),
            Setting::U32(f) => JsValue::from(*f(&mut cfg)),
            Setting::F64(f) => JsValue::from_f64(*f(&mut cfg)),
            Setting::Bool(f) => JsValue::from_bool(*f(&mut cfg)),
            Setting::Model(f) => {
                let m = f(&mut cfg);
                let model = Object::new();
                set(&model, "bias", JsValue::from_f64(m.bias));
                set(&model, "weights", m.weights.iter().map(|&w| JsValue::from_f64(w)).collect::<Array>().into());
                model.into()
            }
        };
        set(&object, name, value);
    }
    object.into()
}

/// An array of `{name, text, overrides?, html?}`.
fn sources_from(sources: &JsValue) -> Result<Vec<Source>, JsError> {
    let bad = |what: String| JsError::new(&format!("sources must be an array of {{name, text}} objects: {what}"));
    let list = items(sources).ok_or_else(|| bad("not an array".into()))?;
    list.enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let name = get(&s, "name").as_string().ok_or_else(|| bad(format!("source {n} has no name (a string)")))?;
            let text = get(&s, "text").as_string().ok_or_else(|| bad(format!("source {n} has no text (a string)")))?;
            let html = match get(&s, "html") {
                v if v.is_undefined() || v.is_null() => None,
                v => Some(v.as_string().ok_or_else(|| bad(format!("the html of source {n} is not a string")))?),
            };
            let overrides = match get(&s, "overrides") {
                v if v.is_undefined() || v.is_null() => Vec::new(),
                v => items(&v)
                    .and_then(|list| {
                        list.map(|o| {
                            let at = whole(&get(&o, "at"), f64::from(u32::MAX))? as u32;
                            Some(Override { at, keep: get(&o, "keep").as_bool()? })
                        })
                        .collect()
                    })
                    .ok_or_else(|| bad(format!("the overrides of source {n} are not an array of {{at, keep}}")))?,
            };
            Ok(Source { name, text, overrides, html })
        })
        .collect()
}

/// Installs the panic hook once, so that a bug (not a user error) at least reaches the console
/// with its message.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Analyzes `sources` (an array of `{name, text, overrides?}`) with `config` (a partial
/// `Config`, or undefined for the defaults). Returns the report as a plain object.
#[wasm_bindgen]
pub fn analyze(sources: JsValue, config: JsValue) -> Result<JsValue, JsError> {
    let sources = sources_from(&sources)?;
    let cfg = config_from(config)?;
    let report = crate::analyze(&sources, &cfg).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report)
}

/// The language packs that analysing `sources` (an array of `{name, text}`) needs and that are
/// not loaded yet, as ISO 639-1 codes and `stem` (the stemmers of languages other than
/// English): fetch each (`lang/<code>.txt` next to the WebAssembly) and pass it to
/// `loadLanguagePack` before `analyze`.
#[wasm_bindgen(js_name = languagesNeeded)]
pub fn languages_needed(sources: JsValue) -> Result<JsValue, JsError> {
    to_js(&crate::languages_needed(&sources_from(&sources)?))
}

/// Loads the language pack of `code` (the text of its `lang/<code>.txt`). Throws an `Error` that
/// says what is wrong with a malformed pack; loading one twice does nothing. The stemmer pack
/// (`stem`) is a WebAssembly module, compiled and started here.
#[wasm_bindgen(js_name = loadLanguagePack)]
pub fn load_language_pack(code: &str, text: &str) -> Result<(), JsError> {
    let loaded = if code == crate::STEM_PACK {
        crate::load_stemmer_pack(text, start_stemmers)
    } else {
        crate::load_language_pack(code, text)
    };
    loaded.map_err(|e| JsError::new(&e.to_string()))
}

/// Loads the stemmers of the stemmer pack from its module compiled already (a
/// `WebAssembly.Module` of `lang/stem.wasm`, the bytes the pack carries in base64): what
/// `loadLanguagePack("stem", text)` does, without decoding and compiling the module again in
/// every worker. Throws an `Error` that says why a module was refused; loading twice does nothing.
#[wasm_bindgen(js_name = loadStemmerModule)]
pub fn load_stemmer_module(module: JsValue) -> Result<(), JsError> {
    crate::load_stemmers(|| {
        let module =
            module.dyn_into::<WebAssembly::Module>().map_err(|_| "this is not a WebAssembly.Module".to_string())?;
        start_compiled(&module)
    })
    .map_err(|e| JsError::new(&e.to_string()))
}

/// The stemmer pack's module, started: its memory, the address and size of its word buffer, and
/// its `stem` export (see the `stemmers/` crate for the interface); and the stems it gave.
struct Stemmers {
    memory: WebAssembly::Memory,
    buffer: u32,
    capacity: u32,
    stem: Function,
    /// Stems by language and word. A word crosses into the module once: the analysis's stages
    /// (similarity, terms, facts) each keep a memo for one analysis, so without this the same
    /// word crossed up to three times per analysis, and again in every later analysis; each
    /// crossing is a dozen calls through JavaScript (measured in DESIGN.md, "Language packs").
    memo: std::cell::RefCell<crate::lexicon::Stems>,
}

/// Stems kept in [`Stemmers::memo`] before it is emptied: a bound on its memory (~10 MB) for a
/// page that analyses text after text for hours; a news article has a few thousand distinct
/// words.
const STEM_MEMO_MAX: usize = 100_000;

thread_local! {
    /// The one instance of the stemmer pack's module, once loaded. A JS handle cannot be in a
    /// `static` (it is not `Sync`); the module is single-threaded, as this instance is.
    static STEMMERS: std::cell::OnceCell<Stemmers> = const { std::cell::OnceCell::new() };
}

/// The message of a thrown JS value.
fn message(error: &JsValue) -> String {
    get(error, "message").as_string().unwrap_or_else(|| "an unknown error".to_string())
}

/// Compiles and starts the stemmer pack's module (synchronously: `loadLanguagePack` is
/// synchronous, and the module is small enough for every engine's synchronous compile), checks
/// its exports and that it stems, and returns the function that stems through it.
fn start_stemmers(bytes: &[u8]) -> Result<crate::ExternalStemmer, String> {
    let module = WebAssembly::Module::new(&Uint8Array::from(bytes).into())
        .map_err(|e| format!("the module does not compile: {}", message(&e)))?;
    start_compiled(&module)
}

/// Starts the stemmer module compiled already (the page compiles `lang/stem.wasm` once, as it
/// loads, and hands it to every worker; see `loadStemmerModule`).
fn start_compiled(module: &WebAssembly::Module) -> Result<crate::ExternalStemmer, String> {
    let instance = WebAssembly::Instance::new(module, &Object::new())
        .map_err(|e| format!("the module does not start: {}", message(&e)))?;
    let exports = instance.exports();
    let export = |name: &str| {
        let value = get(&exports, name);
        (!value.is_undefined()).then_some(value).ok_or_else(|| format!("the module has no export '{name}'"))
    };
    let function = |name: &str| {
        export(name)?.dyn_into::<Function>().map_err(|_| format!("the module's '{name}' is not a function"))
    };
    let number = |name: &str| {
        function(name)?
            .call0(&JsValue::UNDEFINED)
            .ok()
            .and_then(|v| whole(&v, f64::from(u32::MAX)))
            .map(|x| x as u32)
            .ok_or_else(|| format!("the module's '{name}' does not return a whole number"))
    };
    let stemmers = Stemmers {
        memory: export("memory")?.dyn_into().map_err(|_| "the module's 'memory' is not a memory".to_string())?,
        buffer: number("buffer")?,
        capacity: number("capacity")?,
        stem: function("stem")?,
        memo: Default::default(),
    };
    if u64::from(stemmers.buffer) + 2 * u64::from(stemmers.capacity)
        > stemmers.memory.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as u64
    {
        return Err("the module's buffer lies outside its memory".to_string());
    }
    // One word whose stem is known: a module with the right exports but another interface would
    // otherwise stem every word wrongly without a sign.
    if stem_through(&stemmers, crate::Lang::De, "verhandlungen").as_deref() != Some("verhandl") {
        return Err("the module does not stem German 'verhandlungen' to 'verhandl'".to_string());
    }
    STEMMERS.with(|cell| cell.set(stemmers)).map_err(|_| "the stemmer pack is already loaded".to_string())?;
    Ok(stem_word)
}

/// The [`crate::ExternalStemmer`] registered with the core: the stem of `word` from the loaded
/// module, `None` when there is none or it does not stem the word.
fn stem_word(lang: crate::Lang, word: &str) -> Option<String> {
    STEMMERS.with(|cell| {
        let m = cell.get()?;
        let mut memo = m.memo.borrow_mut();
        if memo.len() >= STEM_MEMO_MAX {
            *memo = Default::default();
        }
        // A word the module does not stem is its own stem.
        Some(memo.of_with(word, lang, |word, lang| stem_through(m, lang, word).unwrap_or_else(|| word.to_string())))
    })
}

/// Stems one word through the module: its bytes into the buffer, `stem(code, len)`, the stem's
/// bytes out of the buffer's second half. A word longer than the buffer is not stemmed.
fn stem_through(m: &Stemmers, lang: crate::Lang, word: &str) -> Option<String> {
    let len = u32::try_from(word.len()).ok().filter(|&n| n <= m.capacity)?;
    // The language as the module names it: its two-letter code's bytes, the first in the low byte.
    let code = lang.code().as_bytes();
    let code = u32::from(*code.first()?) | u32::from(*code.get(1)?) << 8;
    Uint8Array::new_with_byte_offset_and_length(&m.memory.buffer(), m.buffer, len).copy_from(word.as_bytes());
    let n = m.stem.call2(&JsValue::UNDEFINED, &JsValue::from(code), &JsValue::from(len)).ok()?;
    // "Not stemmed" is u32::MAX, which JavaScript reads from the i32 result as -1: not whole.
    let n = whole(&n, f64::from(m.capacity))? as u32;
    // A fresh view: stemming may have grown the module's memory, which detaches the old buffer.
    let out = Uint8Array::new_with_byte_offset_and_length(&m.memory.buffer(), m.buffer + m.capacity, n);
    String::from_utf8(out.to_vec()).ok()
}

/// The codes of every language that has a pack, and of those loaded:
/// `{available: [...], loaded: [...]}`.
#[wasm_bindgen(js_name = languagePacks)]
pub fn language_packs() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Packs {
        available: Vec<&'static str>,
        loaded: Vec<&'static str>,
    }
    to_js(&Packs { available: crate::pack_languages(), loaded: crate::loaded_languages() })
}

/// Classifies the blocks of one pasted text, packed: three numbers per block, its start and end
/// as indices into the JS string and a code that `stripCodes` names (see
/// `analyze::strip_utf16`). lib/core.js builds `{blocks: [{text, kind, reason}]}` from them,
/// slicing the texts out of the string it passed: a pasted page has hundreds of blocks, and
/// sending their texts back as JSON to be parsed was about a tenth of the call.
#[wasm_bindgen(js_name = stripPacked)]
pub fn strip_packed(text: &str, config: JsValue) -> Result<Vec<u32>, JsError> {
    let cfg = config_from(config)?;
    crate::strip_utf16(text, &cfg)
        .ok_or_else(|| JsError::new("the text is too long to strip at once (4 GB or more); split it"))
}

/// The names of the codes of `stripPacked`, by place: `{kinds: [...], reasons: [...]}`.
#[wasm_bindgen(js_name = stripCodes)]
pub fn strip_codes() -> JsValue {
    // Built by hand rather than through serde: a serializer for one small struct is larger.
    let names = |list: &mut dyn Iterator<Item = &'static str>| -> JsValue {
        let array = Array::new();
        for name in list {
            array.push(&JsValue::from_str(name));
        }
        array.into()
    };
    let codes = Object::new();
    set(&codes, "kinds", names(&mut crate::BlockKind::ALL.iter().map(|k| k.name())));
    set(&codes, "reasons", names(&mut crate::Reason::ALL.iter().map(|r| r.name())));
    codes.into()
}

/// The text of an HTML page or fragment (a rich paste, a dropped `.html` file) as the page shows
/// it, one block per paragraph: the same flattening as `strip_html`, so the source text the person
/// keeps is what the analysis reads.
#[wasm_bindgen(js_name = htmlToText)]
pub fn html_to_text(html: &str) -> String {
    crate::html_to_text(html)
}

/// The settings of a preset: "strict", "balanced" or "lenient".
#[wasm_bindgen(js_name = presetConfig)]
pub fn preset_config(name: &str) -> Result<JsValue, JsError> {
    let preset = match name {
        "strict" => Preset::Strict,
        "balanced" => Preset::Balanced,
        "lenient" => Preset::Lenient,
        _ => return Err(JsError::new(&format!("unknown preset '{name}'; use strict, balanced or lenient"))),
    };
    Ok(config_to_js(&Config::preset(preset)))
}

/// Splits `text` into tokens, packed for JavaScript as a `Uint32Array` with one number per token:
/// its end as a UTF-16 offset (a JS string index) in the low 30 bits and its kind in the top two
/// (0 word, 1 number, 2 space, 3 punctuation); a token starts where the one before it ends, the
/// first at 0 (see `tokenize_utf16`). One number rather than an object per token, because a
/// megabyte of text has half a million tokens.
#[wasm_bindgen]
pub fn tokenize(text: &str) -> Result<Vec<u32>, JsError> {
    crate::tokenize_utf16(text)
        .ok_or_else(|| JsError::new("the text is too long to tokenize at once (1 GB or more); split it"))
}

/// The version of parallax.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
