//! Known phrases of page chrome, in every language of `data/boilerplate/<lang>.txt`.
//!
//! A phrase matches a whole block once it is folded (lowercase words joined by single spaces).
//! An item ending in ` *` matches any block that starts with its words ("read more *" matches
//! "Read more: how the storm formed"). The group a phrase sits in names its concept, and the
//! concept decides what a match means (see [`Concept`]).

use std::cell::Cell;
use std::sync::RwLock;

use crate::lexicon::WordFilter;
use crate::lexicon::{self, List, WordMap, WordSet};
use crate::sort::StableSort;

/// The phrase files, one per language.
pub(crate) const FILES: &[&str] = &[
    "data/boilerplate/cs.txt",
    "data/boilerplate/de.txt",
    "data/boilerplate/en.txt",
    "data/boilerplate/es.txt",
    "data/boilerplate/fr.txt",
    "data/boilerplate/it.txt",
    "data/boilerplate/nl.txt",
    "data/boilerplate/pl.txt",
    "data/boilerplate/pt.txt",
    "data/boilerplate/ru.txt",
    "data/boilerplate/sv.txt",
    "data/boilerplate/tr.txt",
];

/// What a known phrase says about its block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Concept {
    /// Page chrome anywhere on the page (ads, share buttons, menus, newsletter prompts…).
    Chrome,
    /// Chrome that opens the part of a page after the article: comments.
    EndOfArticle,
    /// The heading of related stories ("Related", "Read also", "Lea también"): it opens a box of
    /// links after the article, or stands over one link between its paragraphs.
    Related,
    /// An image credit or caption marker ("Photo: …", "Getty Images").
    Credit,
    /// The start of a byline ("By …", "Von …").
    Byline,
    /// A verb that ends a comment's header line ("jane says:", "Hans schreibt:").
    CommentVerb,
    /// The word that makes a number a time in the past ("3 hours ago", "vor 2 Tagen").
    RelativeTime,
    /// The heading of a box about the author or the publisher ("About the author", "Über Jane
    /// Roe"): what follows it is not the article.
    About,
    /// A word of a prompt to subscribe or sign up ("newsletter", "inbox", "unsubscribe"), counted
    /// anywhere in a short paragraph rather than matched as a whole block.
    Prompt,
    /// The start of the line blog software prints under a post to file it ("This entry was
    /// posted in …", "Dieser Eintrag wurde … veröffentlicht"): chrome however long its list of
    /// categories and tags runs.
    Filing,
    /// A word of a photo's caption ("pictured", "file photo", "image caption"), counted anywhere
    /// in a line rather than matched as a whole block: captions name the photo or what it shows.
    CaptionWord,
}

fn concept_of(group: &str) -> Option<Concept> {
    Some(match group {
        "advertising" | "cookies" | "footer" | "metadata" | "navigation" | "newsletter" | "paywall" | "sharing" => {
            Concept::Chrome
        }
        "comments" => Concept::EndOfArticle,
        "related" => Concept::Related,
        "credits" => Concept::Credit,
        "byline" => Concept::Byline,
        "comment verbs" => Concept::CommentVerb,
        "relative time" => Concept::RelativeTime,
        "about" => Concept::About,
        "prompts" => Concept::Prompt,
        "filing" => Concept::Filing,
        "caption words" => Concept::CaptionWord,
        _ => return None,
    })
}

struct Phrases {
    whole: WordMap<String, Concept>,
    /// The longest whole phrase, in bytes: a longer block is not looked up (most blocks are
    /// paragraphs, and hashing them is the cost).
    whole_max: usize,
    /// Natively, a filter of the whole phrases' shapes (first, second and last bytes and length,
    /// `lexicon::WordFilter`): most short blocks are not phrases, and the filter, a few hundred
    /// bytes, says so without hashing the block and probing a table of a thousand phrases that
    /// does not stay in the cache.
    #[cfg(not(target_arch = "wasm32"))]
    whole_filter: WordFilter,
    prefixes: WordMap<String, Concept>,
    /// The start of a block that no prefix could be is not looked up.
    prefixes_shape: Shapes,
    /// Also a finer filter of the prefixes' shapes (first, second and last bytes and length,
    /// `lexicon::WordFilter`): most starts pass the coarse one above. In the WebAssembly too since
    /// the seventh round of issue 9 (with the function words' filter, 4-6 % of stripping in
    /// Chromium for 0.3 KB gzipped; DESIGN.md).
    prefixes_filter: WordFilter,
    /// Whole chrome phrases without spaces, for blocks of phrases run together ("Ad imageAd
    /// image"), sorted and without duplicates: what the trie below is built from (kept for the
    /// test that checks the trie against them).
    #[cfg(test)]
    squeezed: Vec<String>,
    /// The bytes they start with: a cover is only tried where a phrase can start.
    squeezed_first: [bool; 256],
    /// The same phrases as a trie, which `phrases_at` walks.
    squeezed_trie: Trie,
    /// Comment verbs, matched against the last one or two words of a line.
    verbs: WordSet<String>,
    /// Words of relative times, matched as whole words anywhere in a short line, and the most
    /// words one of them has.
    ago: WordSet<String>,
    ago_words: usize,
    /// A run of words that no relative time could be is not looked up.
    ago_shape: Shapes,
    /// Words of sign-up prompts, one or two words each, counted in short paragraphs: the prompts
    /// groups and the short items of the newsletter groups.
    prompts: WordSet<String>,
    /// A word or pair that no prompt could be is not looked up.
    prompts_shape: Shapes,
    /// Words of captions, one or two words each, counted in lines of the article.
    captions: WordSet<String>,
    captions_shape: Shapes,
}

/// The bytes a set of strings start with and their lengths (bit `n` for `n` bytes, bit 63 for 63
/// or more): a string that starts with another byte or has another length is not in the set, and
/// is not hashed to find that out.
struct Shapes {
    first: [bool; 256],
    lengths: u64,
}

impl Shapes {
    const NONE: Shapes = Shapes { first: [false; 256], lengths: 0 };

    fn add(&mut self, item: &str) {
        if let Some(&b) = item.as_bytes().first() {
            self.first[usize::from(b)] = true;
            self.lengths |= 1 << item.len().min(63);
        }
    }

    /// Whether some string of the set could be `s` (never the empty string).
    fn may_hold(&self, s: &[u8]) -> bool {
        s.first().is_some_and(|&b| self.first[usize::from(b)]) && self.lengths & (1 << s.len().min(63)) != 0
    }
}

/// Every group heading the phrase files may use; the data-file test and the loading of a
/// language pack check them against this.
pub(crate) fn known_group(group: &str) -> bool {
    concept_of(group).is_some()
}

/// The phrases of every language whose list is there: built in, or from a loaded language pack.
/// One table per set of packs seen (the set only grows as packs are loaded, so there are at most
/// as many tables as packs loaded, plus one).
fn phrases() -> &'static Phrases {
    static TABLES: RwLock<Vec<(u32, &'static Phrases)>> = RwLock::new(Vec::new());
    // The table this thread used last: every line of a paste asks several times, and taking the
    // lock each time was 2 % of the time of stripping.
    thread_local! {
        static LAST: Cell<Option<(u32, &'static Phrases)>> = const { Cell::new(None) };
    }
    let packs = crate::packs::available();
    if let Some((m, p)) = LAST.with(Cell::get) {
        if m == packs {
            return p;
        }
    }
    let found = TABLES.read().unwrap_or_else(|e| e.into_inner()).iter().find(|(m, _)| *m == packs).map(|(_, p)| *p);
    if let Some(p) = found {
        LAST.with(|last| last.set(Some((packs, p))));
        return p;
    }
    let p: &'static Phrases = Box::leak(Box::new(build()));
    TABLES.write().unwrap_or_else(|e| e.into_inner()).push((packs, p));
    p
}

fn build() -> Phrases {
    let mut squeezed: Vec<String> = Vec::new();
    let mut p = Phrases {
        whole: WordMap::default(),
        whole_max: 0,
        #[cfg(not(target_arch = "wasm32"))]
        whole_filter: WordFilter::new([]),
        prefixes: WordMap::default(),
        prefixes_shape: Shapes::NONE,
        prefixes_filter: WordFilter::new([]),
        #[cfg(test)]
        squeezed: Vec::new(),
        squeezed_first: [false; 256],
        squeezed_trie: Trie::default(),
        verbs: WordSet::default(),
        ago: WordSet::default(),
        ago_words: 0,
        ago_shape: Shapes::NONE,
        prompts: WordSet::default(),
        prompts_shape: Shapes::NONE,
        captions: WordSet::default(),
        captions_shape: Shapes::NONE,
    };
    for file in FILES {
        // The data-file test rules out parse errors; an unreadable list is skipped, not fatal.
        let Ok(list) = List::parse(lexicon::data_file(file)) else { continue };
        for (group, items) in &list.groups {
            let Some(concept) = concept_of(group) else { continue };
            for item in items {
                // The one- and two-word items of the newsletter group ("newsletter", "sign up")
                // are also words of prompts; the prompts group adds those that are no chrome alone.
                if group == "newsletter" && !item.ends_with(" *") && item.split(' ').count() <= 2 {
                    p.prompts.insert(item.clone());
                }
                if concept == Concept::CommentVerb {
                    p.verbs.insert(item.clone());
                } else if concept == Concept::Prompt {
                    p.prompts.insert(item.clone());
                } else if concept == Concept::CaptionWord {
                    p.captions.insert(item.clone());
                } else if concept == Concept::RelativeTime {
                    p.ago_words = p.ago_words.max(item.split(' ').count());
                    p.ago.insert(item.clone());
                } else if let Some(prefix) = item.strip_suffix(" *") {
                    p.prefixes.insert(prefix.to_string(), concept);
                } else {
                    if concept == Concept::Chrome {
                        let s: String = item.chars().filter(|c| !c.is_whitespace()).collect();
                        if let Some(&b) = s.as_bytes().first() {
                            p.squeezed_first[usize::from(b)] = true;
                            squeezed.push(s);
                        }
                    }
                    p.whole_max = p.whole_max.max(item.len());
                    p.whole.insert(item.clone(), concept);
                }
            }
        }
    }
    squeezed.stable_sort();
    squeezed.dedup();
    p.squeezed_trie = Trie::new(&squeezed);
    #[cfg(test)]
    {
        p.squeezed = squeezed;
    }
    for item in p.prefixes.keys() {
        p.prefixes_shape.add(item);
    }
    p.prefixes_filter = WordFilter::new(p.prefixes.keys().map(String::as_str));
    #[cfg(not(target_arch = "wasm32"))]
    {
        p.whole_filter = WordFilter::new(p.whole.keys().map(String::as_str));
    }
    for item in &p.ago {
        p.ago_shape.add(item);
    }
    for item in &p.prompts {
        p.prompts_shape.add(item);
    }
    for item in &p.captions {
        p.captions_shape.add(item);
    }
    p
}

/// Byte strings as a trie in flat lists: each node's children are one sorted run of `edges`, so
/// a walk reads a few adjacent entries per byte instead of binary searches over the strings
/// themselves (each comparison a pointer to follow: the searches were most of the time of
/// [`whole`]).
#[derive(Default)]
struct Trie {
    /// Per node: where its children start in `edges`, how many there are, and whether a string
    /// ends at it. Node 0 is the root.
    nodes: Vec<(u32, u32, bool)>,
    /// (byte, child) pairs, each node's run sorted by byte.
    edges: Vec<(u8, u32)>,
}

impl Trie {
    /// The trie of `sorted` (sorted, distinct, none empty).
    fn new(sorted: &[String]) -> Trie {
        // Children as lists while building, then laid out node by node.
        let mut children: Vec<Vec<(u8, usize)>> = vec![Vec::new()];
        let mut ends = vec![false];
        for s in sorted {
            let mut node = 0;
            for &b in s.as_bytes() {
                // Each list kept sorted as it grows (no sort to compile into the WebAssembly).
                node = match children[node].binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(k) => children[node][k].1,
                    Err(k) => {
                        children.push(Vec::new());
                        ends.push(false);
                        let child = children.len() - 1;
                        children[node].insert(k, (b, child));
                        child
                    }
                };
            }
            ends[node] = true;
        }
        let mut trie = Trie::default();
        for (list, end) in children.iter().zip(ends) {
            let start = u32::try_from(trie.edges.len()).unwrap_or(u32::MAX);
            trie.nodes.push((start, u32::try_from(list.len()).unwrap_or(0), end));
            trie.edges.extend(list.iter().map(|&(b, child)| (b, u32::try_from(child).unwrap_or(0))));
        }
        trie
    }
}

/// Calls `found(end)`, in increasing order, for every string of `trie` that `s` holds from byte
/// `start` to `end`.
fn phrases_at(trie: &Trie, s: &[u8], start: usize, mut found: impl FnMut(usize)) {
    let mut node = 0usize;
    let mut d = 0;
    while let Some(&(first, count, end)) = trie.nodes.get(node) {
        if end {
            found(start + d);
        }
        let Some(&b) = s.get(start + d) else { break };
        let from = first as usize;
        let Some(edges) = trie.edges.get(from..from + count as usize) else { break };
        match edges.binary_search_by_key(&b, |&(c, _)| c) {
            Ok(k) => node = edges[k].1 as usize,
            Err(_) => break,
        }
        d += 1;
    }
}

/// Longest prefix pattern, in words.
const MAX_PREFIX_WORDS: usize = 4;
/// Blocks of more words than this are never checked for run-together phrases.
const MAX_RUN_WORDS: usize = 8;
/// Blocks longer than this (bytes of the folded key) are never checked for run-together phrases.
const MAX_SQUEEZED: usize = 120;

/// The concept of a folded block that is a known phrase as a whole, or several chrome phrases run
/// together.
pub(crate) fn whole(key: &str) -> Option<Concept> {
    whole_with::<{ crate::bytes8::NATIVE }>(key)
}

/// [`whole`], with the native filters (`FAST`) or without them (the WebAssembly build, for size,
/// and the test that compares the two).
fn whole_with<const FAST: bool>(key: &str) -> Option<Concept> {
    let p = phrases();
    #[cfg(not(target_arch = "wasm32"))]
    let may_be_whole = key.len() <= p.whole_max && (!FAST || p.whole_filter.may_hold(key));
    #[cfg(target_arch = "wasm32")]
    let may_be_whole = key.len() <= p.whole_max;
    if may_be_whole {
        if let Some(c) = p.whole.get(key) {
            return Some(*c);
        }
    }
    // Natively, a block whose start no squeezed phrase covers is no cover either: one walk down
    // the trie over the key's bytes without its spaces says so for most blocks, before the key is
    // copied without its spaces below.
    #[cfg(not(target_arch = "wasm32"))]
    if FAST && !phrase_starts(&p.squeezed_trie, key.as_bytes()) {
        return None;
    }
    // Chrome run together is a few words ("Ad imageAd image"); longer blocks are not tried, nor
    // blocks that cannot start with a phrase.
    let bytes = key.as_bytes();
    if key.len() > MAX_SQUEEZED || bytes.first().is_none_or(|&b| !p.squeezed_first[usize::from(b)]) {
        return None;
    }
    // The key's words are separated by single ASCII spaces; dropping those bytes leaves valid
    // UTF-8 (a key holds no other whitespace), at most MAX_SQUEEZED bytes. Counted in the same
    // pass: MAX_RUN_WORDS spaces or more, and the block is not tried.
    let mut squeezed = [0u8; MAX_SQUEEZED];
    let (mut n, mut spaces) = (0, 0);
    for &b in bytes {
        if b == b' ' {
            spaces += 1;
            if spaces >= MAX_RUN_WORDS {
                return None;
            }
        } else {
            squeezed[n] = b;
            n += 1;
        }
    }
    let squeezed = &squeezed[..n];
    // Cover the squeezed key with squeezed phrases: reach[i] says a cover of the first i bytes
    // exists. From each reachable position where a phrase may start, the phrases that start
    // there are found in one walk down the trie, so the work is bounded by MAX_SQUEEZED ×
    // the longest phrase. A phrase is valid UTF-8, so one that matches from a character boundary
    // ends on one.
    let mut reach = [false; MAX_SQUEEZED + 1];
    reach[0] = true;
    // The furthest position reached so far: past it nothing is reachable any more (most blocks
    // stop at 0, where no phrase starts), and the rest of the key need not be looked at.
    let mut furthest = 0;
    for i in 0..n {
        if i > furthest {
            break;
        }
        // Not a UTF-8 continuation byte: a character boundary.
        let boundary = (squeezed[i] as i8) >= -0x40;
        if !reach[i] || !boundary || !p.squeezed_first[usize::from(squeezed[i])] {
            continue;
        }
        phrases_at(&p.squeezed_trie, squeezed, i, |end| {
            reach[end] = true;
            furthest = furthest.max(end);
        });
    }
    reach[n].then_some(Concept::Chrome)
}

/// Whether a string of `trie` (other than the empty one) starts `key` once its spaces are
/// dropped: what `phrases_at` finds from the squeezed key's first byte, without copying it.
#[cfg(not(target_arch = "wasm32"))]
fn phrase_starts(trie: &Trie, key: &[u8]) -> bool {
    let mut node = 0usize;
    for &b in key {
        if b == b' ' {
            continue;
        }
        let Some(&(first, count, _)) = trie.nodes.get(node) else { return false };
        let from = first as usize;
        let Some(edges) = trie.edges.get(from..from + count as usize) else { return false };
        match edges.binary_search_by_key(&b, |&(c, _)| c) {
            Ok(k) => node = edges[k].1 as usize,
            Err(_) => return false,
        }
        if trie.nodes.get(node).is_some_and(|n| n.2) {
            return true;
        }
    }
    false
}

/// The concept of the longest known prefix pattern the folded block starts with, and the number
/// of words of that prefix.
pub(crate) fn prefix(key: &str) -> Option<(Concept, usize)> {
    let p = phrases();
    // Where the first MAX_PREFIX_WORDS words end, without collecting them.
    let mut ends = [key.len(); MAX_PREFIX_WORDS];
    let mut count = 0;
    for (i, &b) in key.as_bytes().iter().enumerate() {
        if b == b' ' {
            ends[count] = i;
            count += 1;
            if count == MAX_PREFIX_WORDS {
                break;
            }
        }
    }
    let words = (count + 1).min(MAX_PREFIX_WORDS);
    // The empty start is looked up as it is; any other must start with a byte and have a length
    // some prefix has (and natively, pass the finer filter of their shapes).
    let possible = |end: usize| {
        if end == 0 {
            return true;
        }
        if !p.prefixes_filter.may_hold(&key[..end]) {
            return false;
        }
        p.prefixes_shape.may_hold(&key.as_bytes()[..end])
    };
    // The longest first. A plain loop: at opt-level "z" the WebAssembly called the adapters of an
    // iterator chain for each start.
    for n in (0..words).rev() {
        let end = ends[n];
        if possible(end) {
            if let Some(&c) = p.prefixes.get(&key[..end]) {
                return Some((c, n + 1));
            }
        }
    }
    None
}

/// Whether the folded words are a photo credit: they start with a credit phrase ("ap photo
/// jane roe"), or they are or end with one ("reuters", "kathrin ziegler getty").
pub(crate) fn is_credit(key: &str) -> bool {
    let p = phrases();
    if key.is_empty() {
        return false;
    }
    let credit = |k: &str| matches!(p.whole.get(k), Some(Concept::Credit));
    let mut spaces = key.rmatch_indices(' ').map(|(i, _)| i + 1);
    credit(key)
        || prefix(key).is_some_and(|(c, _)| c == Concept::Credit)
        || [spaces.next(), spaces.next()].into_iter().flatten().any(|i| credit(&key[i..]))
}

/// Whether the folded block ends with a comment verb ("jane doe says", "hans schreibt").
pub(crate) fn ends_with_comment_verb(key: &str) -> bool {
    let verbs = &phrases().verbs;
    let mut spaces = key.rmatch_indices(' ').map(|(i, _)| i);
    let last = spaces.next();
    let second = spaces.next();
    [last, second].into_iter().flatten().any(|i| verbs.contains(&key[i + 1..]))
}

/// Whether the folded block holds a relative time: a relative-time word ("ago", "vor", "il y a")
/// as whole words with a number next to it — right after it ("vor 2 tagen", "il y a 3 heures"),
/// right before it ("32m ago", "2 дня назад") or one word before that ("3 hours ago"). The words
/// are prepositions too: "IVF vor über 30 Jahren" or "Schulen vor dem 2. Lockdown" is a
/// subheading, not a teaser's stamp. Only meant for short blocks: the cost is the block's words
/// times the words of the longest such phrase.
pub(crate) fn has_relative_time(key: &str) -> bool {
    let p = phrases();
    // Byte by byte: the key is folded (single spaces), and `str` searchers are calls in the
    // size-optimised WebAssembly.
    let b = key.as_bytes();
    let digit_at = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    // The start of the word that ends right before byte `stop` (a space or the end).
    let word_start = |stop: usize| b[..stop].iter().rposition(|&c| c == b' ').map_or(0, |i| i + 1);
    // Every run of one to `ago_words` words, looked up: at most a few dozen lookups in a short
    // block, and no searcher built per phrase.
    let mut starts = key.match_indices(' ').map(|(i, _)| i + 1);
    let mut start = Some(0);
    while let Some(s) = start {
        let rest = &key[s..];
        let mut end = 0;
        for _ in 0..p.ago_words {
            end = rest[end..].find(' ').map_or(rest.len(), |j| end + j);
            if p.ago_shape.may_hold(&rest.as_bytes()[..end]) && p.ago.contains(&rest[..end]) {
                // The word after the phrase, the word before it and the one before that.
                let after = digit_at(s + end + 1);
                let one = (s > 0).then(|| word_start(s - 1));
                let two = one.filter(|&w| w > 0).map(|w| word_start(w - 1));
                if after || one.is_some_and(digit_at) || two.is_some_and(digit_at) {
                    return true;
                }
            }
            if end == rest.len() {
                break;
            }
            end += 1;
        }
        start = starts.next();
    }
    false
}

/// How many words (or two-word items, "sign up") of sign-up prompts the folded block holds,
/// repeats included. One lookup per word and per pair of words.
pub(crate) fn prompt_words(key: &str) -> usize {
    let p = phrases();
    count_words(key, usize::MAX, &p.prompts, &p.prompts_shape)
}

/// How many words (or two-word items, "file photo") of photo captions the first `within` words of
/// the folded block hold.
pub(crate) fn caption_words(key: &str, within: usize) -> usize {
    let p = phrases();
    count_words(key, within, &p.captions, &p.captions_shape)
}

/// How many words or pairs of words of `set` the first `within` words of the folded block hold,
/// repeats included.
fn count_words(key: &str, within: usize, set: &WordSet<String>, shape: &Shapes) -> usize {
    let bytes = key.as_bytes();
    // A word or pair that starts with a byte or has a length the set does not have is not hashed.
    let known = |from: usize, to: usize| shape.may_hold(&bytes[from..to]) && set.contains(&key[from..to]);
    let mut count = 0;
    let mut prev: Option<usize> = None;
    let mut start = 0;
    let mut words = 0;
    while start <= key.len() && words < within {
        words += 1;
        // The next space, byte by byte (a `str::find` searcher is a call per word in the
        // size-optimised WebAssembly).
        let mut end = start;
        while end < bytes.len() && bytes[end] != b' ' {
            end += 1;
        }
        if known(start, end) || prev.is_some_and(|from| known(from, end)) {
            count += 1;
        }
        prev = Some(start);
        start = end + 1;
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_in_several_languages() {
        assert_eq!(whole("share this article"), Some(Concept::Chrome));
        assert_eq!(whole("ad imagead image"), Some(Concept::Chrome));
        assert_eq!(whole("leave a reply"), Some(Concept::EndOfArticle));
        assert_eq!(whole("artikel teilen"), Some(Concept::Chrome));
        assert_eq!(whole("partager cet article"), Some(Concept::Chrome));
        assert_eq!(prefix("read more how the storm formed"), Some((Concept::Chrome, 2)));
        assert_eq!(prefix("by jane roe"), Some((Concept::Byline, 1)));
        assert_eq!(prefix("the storm reached the coast"), None);
        assert_eq!(whole("the storm"), None);
        assert!(ends_with_comment_verb("thelastfan says"));
        assert!(ends_with_comment_verb("hans muster schreibt"));
        assert!(!ends_with_comment_verb("says"));
        assert!(has_relative_time("3 hours ago"));
        assert!(has_relative_time("il y a 2 heures"));
        assert!(!has_relative_time("agony 3"));
        assert!(has_relative_time("updated 3 hours ago"));
        assert!(!has_relative_time("3 hours agog"));
        assert!(has_relative_time("vor 2 tagen"));
        assert!(has_relative_time("32m ago"));
        assert!(has_relative_time("aktualisiert vor 5 minuten"));
        assert!(!has_relative_time("ivf vor über 30 jahren"));
        assert!(!has_relative_time("schulen vor dem 2 lockdown"));
        assert_eq!(whole("weitere themen"), Some(Concept::Related));
        assert_eq!(whole("sources"), Some(Concept::Related));
        assert_eq!(whole("otras noticias"), Some(Concept::Related));
        assert_eq!(prefix("about the author"), Some((Concept::About, 1)));
        assert_eq!(prefix("über jane roe"), Some((Concept::About, 1)));
    }

    #[test]
    fn issue_4_prompt_words_are_counted_with_repeats_and_pairs() {
        assert_eq!(prompt_words("sign up for our newsletter and check your inbox"), 3);
        assert_eq!(prompt_words("the newsletter newsletter"), 2);
        assert_eq!(prompt_words("the council approved the budget"), 0);
        assert_eq!(prompt_words(""), 0);
        assert_eq!(prompt_words("abonnieren sie unseren newsletter"), 2);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn issue_3_phrases_of_a_missing_pack_are_not_known() {
        use crate::tokenize::Lang;
        crate::packs::without_packs(&[Lang::De], || {
            assert_eq!(whole("artikel teilen"), None);
            assert_eq!(whole("partager cet article"), Some(Concept::Chrome));
            assert_eq!(whole("share this article"), Some(Concept::Chrome));
        });
        assert_eq!(whole("artikel teilen"), Some(Concept::Chrome));
    }

    #[test]
    fn issue_4_credits_at_the_end_of_a_caption() {
        assert!(is_credit("ap photo jane roe"));
        assert!(is_credit("reuters"));
        assert!(is_credit("jane roe getty images"));
        assert!(!is_credit("the storm reached the coast"));
        assert!(!is_credit(""));
    }

    /// The walk down the trie finds exactly the phrases a lookup of every length finds.
    #[test]
    fn issue_4_phrases_at_equals_a_lookup_of_every_length() {
        let p = phrases();
        let set: std::collections::HashSet<&[u8]> = p.squeezed.iter().map(|s| s.as_bytes()).collect();
        let longest = p.squeezed.iter().map(String::len).max().unwrap_or(0);
        // Phrases run together and cut at every position, plus text that is no phrase.
        let mut texts: Vec<Vec<u8>> =
            vec![b"theeditorialboardsays".to_vec(), "adimageäöüsharethis".as_bytes().to_vec()];
        for (i, a) in p.squeezed.iter().enumerate().step_by(7) {
            let b = &p.squeezed[(i * 31 + 5) % p.squeezed.len()];
            let joined = [a.as_bytes(), b.as_bytes()].concat();
            for cut in 0..joined.len() {
                texts.push(joined[cut..].to_vec());
            }
        }
        let mut checked = 0;
        for s in &texts {
            for start in 0..s.len() {
                let mut got = Vec::new();
                phrases_at(&p.squeezed_trie, s, start, |end| got.push(end));
                let want: Vec<usize> =
                    (start + 1..=s.len().min(start + longest)).filter(|&end| set.contains(&s[start..end])).collect();
                assert_eq!(got, want, "{:?} from {start}", String::from_utf8_lossy(s));
                checked += got.len();
            }
        }
        assert!(checked > 100, "the texts hold phrases: {checked}");
    }

    /// The filters in front of the whole-phrase lookup and of the run-together cover change no
    /// answer: every phrase passes the first, and `whole` answers as without them.
    #[test]
    fn issue_4_whole_finds_what_a_plain_lookup_finds() {
        let p = phrases();
        #[cfg(not(target_arch = "wasm32"))]
        for key in p.whole.keys() {
            assert!(p.whole_filter.may_hold(key), "{key:?}");
        }
        let mut keys: Vec<String> = p.whole.keys().cloned().collect();
        keys.extend(p.whole.keys().map(|k| format!("{k}s")));
        keys.extend(p.whole.keys().map(|k| format!("the {k}")));
        keys.extend(p.whole.keys().filter_map(|k| k.get(..k.len().saturating_sub(1)).map(String::from)));
        keys.extend(["", "a", "the storm", "ad imagead image", "sharethis"].map(String::from));
        // Phrases run together, whole and cut at either end, with and without spaces.
        for (i, a) in p.squeezed.iter().enumerate() {
            let b = &p.squeezed[(i * 31 + 5) % p.squeezed.len()];
            keys.push(format!("{a}{b}"));
            keys.push(format!("{a} {b}"));
            keys.push(format!("{a}{b}x"));
            keys.extend(a.char_indices().skip(1).map(|(at, _)| format!("{}{b}", &a[at..])));
            keys.extend(a.char_indices().skip(1).map(|(at, _)| a[..at].to_string()));
        }
        let (mut found, mut run_together) = (0, 0);
        for key in &keys {
            let plain = p.whole.get(key.as_str()).copied();
            let want = whole_with::<false>(key);
            assert!(plain.is_none() || want == plain, "{key:?}");
            assert_eq!(whole_with::<true>(key), want, "{key:?}");
            found += usize::from(plain.is_some());
            run_together += usize::from(plain.is_none() && want.is_some());
        }
        assert!(found >= p.whole.len(), "every phrase is found: {found}");
        assert!(run_together > 100, "phrases run together are found: {run_together}");
    }

    /// The filters in front of the prefix lookups change no answer.
    #[test]
    fn issue_4_prefix_finds_what_a_lookup_of_every_start_finds() {
        let p = phrases();
        let reference = |key: &str| {
            let words: Vec<&str> = key.split(' ').collect();
            (1..=words.len().min(MAX_PREFIX_WORDS))
                .rev()
                .find_map(|n| p.prefixes.get(&words[..n].join(" ")).map(|c| (*c, n)))
        };
        let mut keys: Vec<String> = p.prefixes.keys().map(|k| format!("{k} the storm reached the coast")).collect();
        keys.extend(p.prefixes.keys().cloned());
        keys.extend(["", " read more", "zzz read more", "the storm", "read"].map(String::from));
        let mut found = 0;
        for key in &keys {
            assert_eq!(prefix(key), reference(key), "{key:?}");
            found += usize::from(prefix(key).is_some());
        }
        assert!(found > keys.len() / 2, "the keys start with prefixes: {found}");
    }

    /// The filters in front of the lookups change no count.
    #[test]
    fn issue_4_prompt_words_counts_what_a_lookup_of_every_word_and_pair_counts() {
        let p = phrases();
        let reference = |key: &str| {
            let words: Vec<&str> = key.split(' ').collect();
            (0..words.len())
                .filter(|&i| p.prompts.contains(words[i]) || (i > 0 && p.prompts.contains(&words[i - 1..=i].join(" "))))
                .count()
        };
        let mut keys: Vec<String> = p.prompts.iter().map(|w| format!("get our {w} in your inbox today")).collect();
        keys.extend(
            ["", "sign up", "sign up for the newsletter and unsubscribe at any time", "the storm reached the coast"]
                .map(String::from),
        );
        keys.push(p.prompts.iter().cloned().collect::<Vec<_>>().join(" "));
        let mut total = 0;
        for key in &keys {
            assert_eq!(prompt_words(key), reference(key), "{key:?}");
            total += prompt_words(key);
        }
        assert!(total > keys.len(), "the keys hold prompts: {total}");
    }

    #[test]
    fn every_group_is_known() {
        for file in FILES {
            let list = List::parse(lexicon::data_file(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
            for (group, _) in &list.groups {
                assert!(known_group(group), "{file}: unknown group '{group}'");
            }
        }
    }
}
