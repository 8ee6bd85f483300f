//! Issue 6 on the seed articles: quotations matched across sources, rewordings, conflicting facts
//! and distinctive terms, each checked through the public report.
#![cfg(not(target_arch = "wasm32"))]

use parallax::{analyze, Change, Config, ConflictKind, Report, Source, Span, UtteranceReport};

const SEEDS: [(&str, &str); 5] = [
    ("000", include_str!("../seeds/000_8e073a6bacc06f56.txt")),
    ("001", include_str!("../seeds/001_616192fc94e1e9a5.txt")),
    ("002", include_str!("../seeds/002_ab3bdcc7c1dc7be7.txt")),
    ("003", include_str!("../seeds/003_18d9fc56dedab371.txt")),
    ("004", include_str!("../seeds/004_ad8bdea11c4494a7.txt")),
];

fn report() -> Report {
    let sources: Vec<Source> = SEEDS.iter().map(|(name, text)| Source::new(*name, *text)).collect();
    analyze(&sources, &Config::default()).expect("the seeds analyze")
}

/// The text of a UTF-16 span of seed `source`.
fn text(source: usize, span: Span) -> String {
    let units: Vec<u16> = SEEDS[source].1.encode_utf16().collect();
    String::from_utf16_lossy(&units[span.start as usize..span.end as usize])
}

/// The index of the quotation of `source` whose words contain `words`.
fn quote(r: &Report, source: usize, words: &str) -> usize {
    r.sources[source]
        .quotes
        .iter()
        .position(|q| text(source, q.inner).contains(words))
        .unwrap_or_else(|| panic!("no quotation with '{words}' in source {source}"))
}

/// The utterance that quotation `quote` of `source` belongs to.
fn utterance(r: &Report, source: usize, quote: usize) -> &UtteranceReport {
    let u = r.sources[source].quotes[quote].utterance.expect("the quotation is shared");
    &r.utterances[u]
}

#[test]
fn issue_6_very_soon_is_a_truncation_of_the_longer_quote() {
    let r = report();
    let (a, b) = (quote(&r, 0, "very soon, over the next couple of days"), quote(&r, 2, "very soon"));
    let u = utterance(&r, 0, a);
    assert_eq!((u.canonical.source, u.canonical.quote), (0, a));
    let m = u.members.iter().find(|m| (m.quote.source, m.quote.quote) == (2, b)).expect("002 quotes it too");
    assert_eq!(m.changes.len(), 1);
    assert_eq!(m.changes[0].change, Change::Truncation);
    assert_eq!(text(0, m.changes[0].canonical), "over the next couple of days");
    assert_eq!(m.changes[0].quote.start, m.changes[0].quote.end, "002 has nothing in place of the cut words");
    assert!(!r.sources[0].quotes[a].single_source && !r.sources[2].quotes[b].single_source);
}

#[test]
fn issue_6_get_it_done_is_quoted_identically_in_001_and_002() {
    let r = report();
    let (a, b) = (quote(&r, 1, "We’re going to get it done"), quote(&r, 2, "We’re going to get it done"));
    let u = utterance(&r, 1, a);
    assert_eq!(r.sources[2].quotes[b].utterance, r.sources[1].quotes[a].utterance);
    assert!(u.members.iter().all(|m| m.changes.is_empty()));
    assert_eq!(u.speaker.as_deref(), Some("Trump"));
}

#[test]
fn issue_6_trumps_two_wordings_of_his_displeasure_are_flagged() {
    let r = report();
    let (a, b) = (quote(&r, 0, "not happy about the whole situation"), quote(&r, 2, "I am not thrilled"));
    assert!(
        r.rewordings.iter().any(|w| (w.a.source, w.a.quote, w.b.source, w.b.quote) == (0, a, 2, b)),
        "rewordings: {:?}",
        r.rewordings
    );
    assert!(r.sources[0].quotes[a].single_source && r.sources[2].quotes[b].single_source);
}

#[test]
fn issue_6_quotes_only_one_source_has_are_flagged() {
    let r = report();
    let scholz = quote(&r, 3, "Any discussions about ending the war must include Ukraine");
    let q = &r.sources[3].quotes[scholz];
    assert!(q.single_source);
    assert_eq!(q.speaker.as_ref().map(|s| s.key.as_str()), Some("scholz"));
}

/// The distinctive terms of seed `source`.
fn terms(r: &Report, source: usize) -> Vec<&str> {
    r.sources[source].terms.iter().map(|t| t.term.as_str()).collect()
}

#[test]
fn issue_6_distinctive_terms_of_002_and_004() {
    let r = report();
    let has = |source: usize, word: &str| terms(&r, source).iter().any(|t| t.contains(word));
    assert!(has(2, "regime change"), "002: {:?}", terms(&r, 2));
    assert!(has(2, "western-backed"), "002: {:?}", terms(&r, 2));
    assert!(has(4, "tariff"), "004: {:?}", terms(&r, 4));
    assert!(has(4, "ushakov"), "004: {:?}", terms(&r, 4));
    for other in [0, 1, 3] {
        assert!(!has(other, "tariff") && !has(other, "regime change"), "{other}: {:?}", terms(&r, other));
    }
    // Every term points at where the source uses it, and its z-score is what ranks it.
    for source in &r.sources {
        assert!(source.terms.windows(2).all(|w| w[0].z >= w[1].z));
        assert!(source.terms.iter().all(|t| !t.spans.is_empty() && t.z.is_finite()));
    }
    let ushakov = r.sources[4].terms.iter().find(|t| t.term == "ushakov").expect("ushakov");
    assert_eq!((ushakov.count, ushakov.others), (2, 0));
    assert_eq!(text(4, ushakov.spans[0]), "Ushakov");
}

#[test]
fn issue_6_kiev_and_kyiv_are_the_same_city_named_differently() {
    let r = report();
    let kyiv = r.namings.iter().find(|n| n.thing == "kyiv").expect("kyiv is named two ways");
    let uses: Vec<(usize, &str)> = kyiv.uses.iter().map(|u| (u.source, u.wording.as_str())).collect();
    assert_eq!(uses, [(1, "kyiv"), (2, "kiev"), (4, "kyiv")]);
    assert_eq!(text(2, kyiv.uses[1].spans[0]), "Kiev");
    let crimea = r.namings.iter().find(|n| n.thing == "crimea in 2014").expect("crimea's status named two ways");
    assert!(crimea.uses.iter().any(|u| u.source == 1 && u.wording == "annexation"));
    assert!(crimea.uses.iter().any(|u| u.source == 0 && u.wording == "a vote to join russia"));
}

#[test]
fn issue_6_fourth_year_and_third_year_conflict() {
    let r = report();
    let c = r
        .conflicts
        .iter()
        .find(|c| c.a.source == 1 && c.b.source == 3)
        .unwrap_or_else(|| panic!("001 and 003 disagree on the year of the war: {:?}", r.conflicts));
    assert_eq!(c.kind, ConflictKind::Ordinal);
    assert_eq!(text(1, c.a.span), "fourth year");
    assert_eq!(text(3, c.b.span), "third year");
    // Both spans sit inside the sentences they name.
    for side in [&c.a, &c.b] {
        let sentence = r.sources[side.source].sentences[side.sentence].span;
        assert!(sentence.start <= side.span.start && side.span.end <= sentence.end);
    }
    // The same figure written alike in several sources ("in 2014") is no conflict.
    assert!(!r.conflicts.iter().any(|c| text(c.a.source, c.a.span).contains("2014")));
}

/// Everything issue 6 adds, with source indices replaced by names, so two reports of the same
/// sources in different orders can be compared.
fn findings(r: &Report) -> Vec<String> {
    let name = |s: usize| r.sources[s].name.clone();
    let mut out: Vec<String> = Vec::new();
    for c in &r.conflicts {
        let mut sides = [(name(c.a.source), c.a.span.start), (name(c.b.source), c.b.span.start)];
        sides.sort();
        out.push(format!("conflict {:?} {sides:?}", c.kind));
    }
    for u in &r.utterances {
        let mut members: Vec<(String, u32)> = u
            .members
            .iter()
            .map(|m| (name(m.quote.source), r.sources[m.quote.source].quotes[m.quote.quote].span.start))
            .collect();
        members.sort();
        out.push(format!("utterance {members:?}"));
    }
    for w in &r.rewordings {
        let mut sides = [name(w.a.source), name(w.b.source)];
        sides.sort();
        out.push(format!("rewording {sides:?} {}", w.speaker));
    }
    for n in &r.namings {
        let mut uses: Vec<(String, &str)> = n.uses.iter().map(|u| (name(u.source), u.wording.as_str())).collect();
        uses.sort();
        out.push(format!("naming {} {uses:?}", n.thing));
    }
    for s in &r.sources {
        let terms: Vec<&str> = s.terms.iter().map(|t| t.term.as_str()).collect();
        out.push(format!("terms {} {terms:?}", s.name));
    }
    out.sort();
    out
}

#[test]
fn issue_6_reordering_sources_only_permutes_the_findings() {
    let forward = report();
    let reversed: Vec<Source> = SEEDS.iter().rev().map(|(name, text)| Source::new(*name, *text)).collect();
    let backward = analyze(&reversed, &Config::default()).expect("the seeds analyze");
    assert_eq!(findings(&forward), findings(&backward));
}

#[test]
fn issue_6_a_source_and_its_copy_agree_on_everything() {
    let text = SEEDS[4].1;
    let r = analyze(&[Source::new("a", text), Source::new("b", text)], &Config::default()).expect("analyzes");
    assert!(r.conflicts.is_empty(), "{:?}", r.conflicts);
    assert!(r.rewordings.is_empty() && r.namings.is_empty());
    assert!(r.sources.iter().all(|s| s.quotes.iter().all(|q| !q.single_source)));
    assert!(r.sources.iter().all(|s| s.terms.is_empty()), "nothing sets a copy apart");
}

#[test]
fn issue_6_a_word_swapped_in_aligned_sentences_is_named_differently() {
    let a = "Officials said the militants attacked the convoy near the border on Sunday. \
             The army sent more troops to the region after the attack.";
    let b = "Officials said the freedom fighters attacked the convoy near the border on Sunday. \
             The army sent more troops to the region after the attack.";
    let r = analyze(&[Source::new("a", a), Source::new("b", b)], &Config::default()).expect("analyzes");
    let n = r.namings.iter().find(|n| n.thing == "freedom fighters / militants").expect("the swap is a naming");
    let uses: Vec<(usize, &str)> = n.uses.iter().map(|u| (u.source, u.wording.as_str())).collect();
    assert_eq!(uses, [(0, "militants"), (1, "freedom fighters")]);
    let units: Vec<u16> = b.encode_utf16().collect();
    let span = n.uses[1].spans[0];
    assert_eq!(String::from_utf16_lossy(&units[span.start as usize..span.end as usize]), "freedom fighters");
}
