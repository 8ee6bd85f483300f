//! Stripping pasted text only classifies: every block is a piece of the text, in order.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_fuzz::{config, invariants::check_stripped};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    check_stripped(&text, &parallax::strip(&text, &config()));
});
