//! Tokenization is lossless on any text: tokens cover it in order, on char boundaries.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_fuzz::invariants::check_tokens;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_tokens(&text, &parallax::tokenize(&text));
    let _ = parallax::detect_language(&text);
});
