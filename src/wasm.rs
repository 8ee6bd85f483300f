//! The browser skin: the only module that touches wasm-bindgen. Every function takes and returns
//! plain JS values converted by serde, and every failure becomes a thrown `Error` — never a panic,
//! which would kill the module for the rest of the page's life.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::{Config, Preset, Source};

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    // Maps (not JS `Map`s) and plain objects, so the page can use the report as ordinary JSON.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value.serialize(&ser).map_err(|e| JsError::new(&format!("could not build the report: {e}")))
}

fn config_from(config: JsValue) -> Result<Config, JsError> {
    if config.is_undefined() || config.is_null() {
        return Ok(Config::default());
    }
    serde_wasm_bindgen::from_value(config).map_err(|e| JsError::new(&format!("invalid settings: {e}")))
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
    let sources: Vec<Source> = serde_wasm_bindgen::from_value(sources)
        .map_err(|e| JsError::new(&format!("sources must be an array of {{name, text}} objects: {e}")))?;
    let cfg = config_from(config)?;
    let report = crate::analyze(&sources, &cfg).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report)
}

/// The language packs that analysing `sources` (an array of `{name, text}`) needs and that are
/// not loaded yet, as ISO 639-1 codes: fetch each (`lang/<code>.txt` next to the WebAssembly)
/// and pass it to `loadLanguagePack` before `analyze`.
#[wasm_bindgen(js_name = languagesNeeded)]
pub fn languages_needed(sources: JsValue) -> Result<JsValue, JsError> {
    let sources: Vec<Source> = serde_wasm_bindgen::from_value(sources)
        .map_err(|e| JsError::new(&format!("sources must be an array of {{name, text}} objects: {e}")))?;
    to_js(&crate::languages_needed(&sources))
}

/// Loads the language pack of `code` (the text of its `lang/<code>.txt`). Throws an `Error` that
/// says what is wrong with a malformed pack; loading one twice does nothing.
#[wasm_bindgen(js_name = loadLanguagePack)]
pub fn load_language_pack(code: &str, text: &str) -> Result<(), JsError> {
    crate::load_language_pack(code, text).map_err(|e| JsError::new(&e.to_string()))
}

/// The codes of every language that has a pack, and of those loaded:
/// `{available: [...], loaded: [...]}`.
#[wasm_bindgen(js_name = languagePacks)]
pub fn language_packs() -> Result<JsValue, JsError> {
    #[derive(Serialize)]
    struct Packs {
        available: Vec<crate::Lang>,
        loaded: Vec<crate::Lang>,
    }
    to_js(&Packs { available: crate::pack_languages(), loaded: crate::loaded_languages() })
}

/// Classifies the blocks of one pasted text: `{blocks: [{text, kind, reason}]}`.
#[wasm_bindgen]
pub fn strip(text: &str, config: JsValue) -> Result<JsValue, JsError> {
    let cfg = config_from(config)?;
    // A pasted page has hundreds of blocks: one JSON string parsed by the engine crosses faster
    // than an object per block built property by property (about half the time of the call).
    let json = crate::strip(text, &cfg).to_json();
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("could not build the stripped blocks"))
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
    let preset: Preset = serde_wasm_bindgen::from_value(JsValue::from_str(name))
        .map_err(|_| JsError::new(&format!("unknown preset '{name}'; use strict, balanced or lenient")))?;
    to_js(&Config::preset(preset))
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
