//! Shared parts of the fuzz targets: the report invariants of `tests/invariants` (the same file
//! the table of bad inputs uses) and the structured inputs of `analyze_structured`.

#[path = "../../tests/invariants/mod.rs"]
pub mod invariants;
pub mod structured;

use parallax::{Config, Preset};

/// The settings of a preset without the time budget, so that a slow input shows up as a
/// libFuzzer timeout instead of a tidy "out of time" error.
pub fn config_for(preset: Preset) -> Config {
    Config { time_budget_ms: 0, ..Config::preset(preset) }
}

/// The default settings, without the time budget.
pub fn config() -> Config {
    config_for(Preset::Balanced)
}

/// Splits raw bytes into at most `max` pieces at the byte 0xFF (never part of valid UTF-8), each
/// decoded as a browser decodes a dropped file: invalid sequences become U+FFFD.
pub fn pieces(data: &[u8], max: usize) -> Vec<String> {
    data.split(|&b| b == 0xFF).take(max).map(|p| String::from_utf8_lossy(p).into_owned()).collect()
}
