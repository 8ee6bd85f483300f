//! The HTML path on any markup: flattening and stripping never panic, and the stripped blocks are
//! pieces of the flattened text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_fuzz::{config, invariants::check_stripped};

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let text = parallax::html_to_text(&html);
    check_stripped(&text, &parallax::strip_html(&html, &config()));
});
