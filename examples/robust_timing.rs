//! Times the extreme inputs of the bad-input table natively, without the time budget:
//! `cargo run --release --example robust_timing [NAME-PREFIX]` (DESIGN.md, "Bad input").
use parallax::{analyze, strip, Config, Source};
use std::time::Instant;
const ARTICLE: &str = "Harbour Bridge Closed After Storm\nBy Mira Okafor\nThe harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards.\nEngineers from the city said the structure itself was sound but the guards had to be replaced first.\nFerries ran extra services through the evening, and the city asked commuters to work from home.\nThe mayor said the bridge would reopen on Thursday morning if the weather allowed the repairs.\n";
fn t(name: &str, sources: &[Source]) {
    if let Some(o) = std::env::args().nth(1) {
        if !name.starts_with(&o) {
            return;
        }
    }
    let cfg = Config { time_budget_ms: 0, ..Config::default() };
    let s = Instant::now();
    let r = analyze(sources, &cfg);
    println!("{name}: {:?} ok={}", s.elapsed(), r.is_ok());
}
fn main() {
    let only = std::env::args().nth(1).unwrap_or_default();
    let line: String = ARTICLE.lines().skip(2).collect::<Vec<_>>().join(" ");
    let mut long = String::new();
    let mut k = 0;
    while long.len() < 1_000_000 {
        long.push_str(&line.replace("Tuesday", &format!("day {k}")));
        long.push(' ');
        k += 1;
    }
    t("1MB line", &[Source::new("l", long.clone()), Source::new("a", ARTICLE)]);
    let mut rep = String::new();
    while rep.len() < 1_000_000 {
        rep.push_str(&line);
        rep.push(' ');
    }
    t("1MB line same sentences", &[Source::new("l", rep.clone()), Source::new("a", ARTICLE)]);
    let lines: String = (0..100_000).map(|i| format!("{}\n", char::from(b'a' + (i % 26) as u8))).collect();
    t("100k lines", &[Source::new("l", lines.clone())]);
    if only.is_empty() || only == "strip" {
        let s = Instant::now();
        strip(&lines, &Config::default());
        println!("strip 100k lines {:?}", s.elapsed());
    }
    let srcs: Vec<Source> = (0..500)
        .map(|i| {
            Source::new(
                i.to_string(),
                if i % 2 == 0 {
                    ARTICLE.to_string()
                } else {
                    format!("Other text {i}. The bridge reopened on Thursday.\n")
                },
            )
        })
        .collect();
    t("500 sources", &srcs);
    let eight: String = {
        let mut s = String::new();
        let mut k = 0;
        while s.len() < 7_900_000 {
            s.push_str(&line.replace("Tuesday", &format!("day {k}")));
            s.push('\n');
            k += 1;
        }
        s
    };
    t("8MB paragraphs", &[Source::new("l", eight.clone()), Source::new("a", ARTICLE)]);
    let glued =
        "The harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards.".repeat(10_800);
    t("glued sentence x10800", &[Source::new("g", glued)]);
    for n in [6_295, 25_179, 100_716] {
        let cjk = "港口大桥于周二关闭。工程师说桥梁结构完好。 ".repeat(n);
        t(&format!("1MB CJK repeated x{n} ({} bytes)", cjk.len()), &[Source::new("c", cjk)]);
    }
    let cjk_lines = "港口大桥于周二关闭。工程师说桥梁结构完好。\n".repeat(25_179);
    t("1MB CJK lines", &[Source::new("c", cjk_lines)]);
    let words = "word ".repeat(1_600_000);
    t("8MB one word", &[Source::new("l", words)]);
}
