//! `analyze` on structured inputs that reach what random bytes rarely do: many sources, long
//! single lines, repeated and shared sentences, known page chrome, deep HTML nesting, overrides.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_fuzz::{invariants::check_report, structured::Input};

fuzz_target!(|input: Input| {
    let (sources, cfg) = input.build();
    match parallax::analyze(&sources, &cfg) {
        Ok(report) => check_report(&sources, &report),
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
