//! `load_language_pack` on arbitrary text: the first byte picks the code (a pack language,
//! English, which has no pack, a code that is no language, or the stemmer pack, whose base64
//! module this native build decodes and checks but cannot start), the rest is the pack's text. A
//! malformed pack is refused with a message and loads nothing; a pack that loads is then read by
//! an analysis of its own text next to a sentence, so that whatever lists it brought (odd
//! abbreviations, value words, phrases) meet the stages that read them. The report holds together.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Source;
use parallax_fuzz::{config, invariants::check_report};

const CODES: &[&str] = &["de", "es", "fr", "it", "nl", "pl", "pt", "ru", "sv", "tr", "en", "xx", "", "stem"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let code = CODES[usize::from(first) % CODES.len()];
    let text = String::from_utf8_lossy(rest);
    match parallax::load_language_pack(code, &text) {
        Ok(()) => {
            let sources = vec![
                Source::new("pack", text.into_owned()),
                Source::new("prose", "Am 3. Mai sagte Dr. Weber, zwölf Millionen Euro seien verloren."),
            ];
            match parallax::analyze(&sources, &config()) {
                Ok(report) => check_report(&sources, &report),
                Err(e) => assert!(!e.to_string().is_empty()),
            }
        }
        Err(e) => assert!(!e.to_string().is_empty(), "a refused pack says why"),
    }
});
