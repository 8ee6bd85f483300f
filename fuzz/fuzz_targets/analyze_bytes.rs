//! `analyze` on arbitrary bytes: up to 8 sources separated by the byte 0xFF; the first source
//! also comes with the same bytes as its HTML (the rich-paste path). The report holds together,
//! and a second run gives the same JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax::Source;
use parallax_fuzz::{config, invariants::check_report, pieces};

fuzz_target!(|data: &[u8]| {
    let mut sources: Vec<Source> =
        pieces(data, 8).into_iter().enumerate().map(|(i, t)| Source::new(format!("s{i}"), t)).collect();
    if let Some(first) = sources.first_mut() {
        first.html = Some(first.text.clone());
    }
    match parallax::analyze(&sources, &config()) {
        Ok(report) => {
            check_report(&sources, &report);
            let again = parallax::analyze(&sources, &config()).expect("the same input succeeds twice");
            assert_eq!(
                serde_json::to_string(&report).expect("serializes"),
                serde_json::to_string(&again).expect("serializes"),
                "analysis is deterministic"
            );
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
