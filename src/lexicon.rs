//! Word and phrase lists, kept as data files under `data/` and parsed once.
//!
//! Format: one lowercase item per line, `#` starts a comment; a comment line on its own opens a
//! new group (a concept such as "# sharing"), and items are sorted inside their group.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A parsed list: its groups, each a sorted list of items.
pub(crate) struct List {
    pub groups: Vec<(String, Vec<String>)>,
}

impl List {
    /// Parses a data file. Errors name the line, for the data-file test.
    pub fn parse(text: &str) -> Result<List, String> {
        let mut groups: Vec<(String, Vec<String>)> = Vec::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() {
                continue;
            }
            if let Some(heading) = line.strip_prefix('#') {
                groups.push((heading.trim().to_string(), Vec::new()));
                continue;
            }
            let Some((_, items)) = groups.last_mut() else {
                return Err(format!("line {}: item before any '# group' heading", n + 1));
            };
            items.push(line.to_string());
        }
        // The first comments of a file are its header; only groups after it must hold items.
        let header_end = groups.iter().position(|(_, items)| !items.is_empty()).unwrap_or(0);
        groups.drain(..header_end);
        for (name, items) in &groups {
            if items.is_empty() {
                return Err(format!("group '{name}' is empty"));
            }
        }
        Ok(List { groups })
    }

    pub fn items(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().flat_map(|(_, items)| items.iter().map(String::as_str))
    }
}

/// The built-in lists, as (path, text) pairs so the data-file test can check each one.
pub(crate) const DATA_FILES: &[(&str, &str)] = &[
    ("data/stopwords/en.txt", include_str!("../data/stopwords/en.txt")),
    ("data/boilerplate/en.txt", include_str!("../data/boilerplate/en.txt")),
    ("data/boilerplate/html-hints.txt", include_str!("../data/boilerplate/html-hints.txt")),
    ("data/abbreviations/en.txt", include_str!("../data/abbreviations/en.txt")),
    ("data/values/common.txt", include_str!("../data/values/common.txt")),
    ("data/values/de.txt", include_str!("../data/values/de.txt")),
    ("data/values/en.txt", include_str!("../data/values/en.txt")),
    ("data/values/es.txt", include_str!("../data/values/es.txt")),
    ("data/values/fr.txt", include_str!("../data/values/fr.txt")),
    ("data/values/it.txt", include_str!("../data/values/it.txt")),
    ("data/values/nl.txt", include_str!("../data/values/nl.txt")),
    ("data/values/pt.txt", include_str!("../data/values/pt.txt")),
    ("data/values/ru.txt", include_str!("../data/values/ru.txt")),
];

/// The text of a built-in data file ("" for an unknown path, which the data-file test rules out).
pub(crate) fn data_file(path: &str) -> &'static str {
    DATA_FILES.iter().find(|(p, _)| *p == path).map(|(_, t)| *t).unwrap_or("")
}

fn load(path: &str) -> HashSet<String> {
    let text = data_file(path);
    // The data files are checked by a test, so a parse error cannot reach a user; fall back to
    // an empty list rather than panic all the same.
    List::parse(text).map(|l| l.items().map(str::to_string).collect()).unwrap_or_default()
}

/// Whether a folded word is a function word.
pub(crate) fn is_stopword(folded: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| load("data/stopwords/en.txt")).contains(folded)
}

/// Whether a folded phrase (words joined by single spaces) is known page chrome.
pub(crate) fn is_boilerplate_phrase(folded: &str) -> bool {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| load("data/boilerplate/en.txt")).contains(folded)
}

/// All boilerplate phrases, for finding a block made of several of them run together.
pub(crate) fn boilerplate_phrases() -> &'static [String] {
    static LIST: OnceLock<Vec<String>> = OnceLock::new();
    LIST.get_or_init(|| {
        let mut v: Vec<String> = load("data/boilerplate/en.txt").into_iter().collect();
        // Longest first, so the greedy cover below prefers whole phrases.
        v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        v
    })
}

/// The stem of a folded word (Snowball, English).
pub(crate) fn stem(folded: &str) -> String {
    static STEMMER: OnceLock<rust_stemmers::Stemmer> = OnceLock::new();
    let s = STEMMER.get_or_init(|| rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English));
    let w = folded.strip_suffix("'s").unwrap_or(folded);
    s.stem(w).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_data_file_parses_sorted_unique_lowercase() {
        for (path, text) in DATA_FILES {
            let list = List::parse(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            let mut seen = HashSet::new();
            for (group, items) in &list.groups {
                let mut sorted = items.clone();
                sorted.sort();
                assert_eq!(&sorted, items, "{path}: group '{group}' is not sorted");
                for item in items {
                    assert_eq!(item, &item.to_lowercase(), "{path}: '{item}' is not lowercase");
                    assert!(seen.insert(item.clone()), "{path}: '{item}' appears twice");
                }
            }
            assert!(seen.len() > 10, "{path} is nearly empty");
            if path.starts_with("data/values/") {
                crate::values::check_file(text).unwrap_or_else(|e| panic!("{path}: {e}"));
            }
        }
    }

    #[test]
    fn lists_answer() {
        assert!(is_stopword("the"));
        assert!(!is_stopword("kremlin"));
        assert!(is_boilerplate_phrase("share this article"));
        assert_eq!(stem("talks"), "talk");
    }
}
