//! Rich paste: the HTML a person copied, turned into text as a browser's `innerText` would, with
//! what the markup says about each block of that text (link share, tags, class and id hints).
//!
//! Parsing goes through `tokenizer`, which cuts tags, attributes and text where the WHATWG
//! tokenizer does; the tree is rebuilt
//! here with a tag-soup stack (implied ends of `p`, `li`, `td`…; end tags without an open element
//! ignored), which is all that text extraction needs. Everything is linear in the input: the
//! stack search for implied ends is bounded, end tags are matched through per-name counts, and
//! the stack has a maximum depth.

use std::ops::Range;
use std::sync::OnceLock;

use tokenizer::Token;

use crate::lexicon::{self, WordMap};

mod entities;
mod tokenizer;

/// What the markup says about a part of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Hint {
    /// Navigation: `<nav>`, `role=navigation`, "menu", "breadcrumb".
    Navigation,
    /// The page header (`<header>`, `role=banner`) — outside an article.
    Header,
    /// The page footer (`<footer>`, `role=contentinfo`, "copyright").
    Footer,
    /// A sidebar: `<aside>`, "sidebar", "widget".
    Sidebar,
    /// Comments and the comment form.
    Comments,
    /// Share and follow buttons.
    Sharing,
    /// Lists of related or popular stories.
    Related,
    /// Advertising and sponsored slots.
    Advertising,
    /// Newsletter and subscription prompts.
    Newsletter,
    /// Post metadata: tags, categories.
    Metadata,
    /// A form other than the comment form (search boxes, logins).
    Form,
    /// Hidden from assistive technology (`aria-hidden="true"`): icons, hover cards.
    Hidden,
    /// The article itself: `<article>`, `<main>`, `itemprop=articleBody`, "entry-content".
    Article,
    /// An image caption or credit: `<figcaption>`, "caption".
    Caption,
    /// The author line: `itemprop=author`, "byline", `<address>`.
    Byline,
    /// A heading `<h1>`–`<h6>`.
    Heading,
    /// A list item (`<li>`, `<dt>`, `<dd>`).
    ListItem,
    /// A table cell.
    Table,
    /// A quotation (`<blockquote>`).
    Quote,
    /// A date or time (`<time>`).
    Time,
    /// A preformatted block (`<pre>`, code).
    Pre,
    /// A box shown on hover: "popover", "hovercard", "rollover".
    Popup,
}

/// A set of [`Hint`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Hints(u32);

impl Hints {
    pub fn with(self, h: Hint) -> Hints {
        Hints(self.0 | 1 << h as u8)
    }
    pub fn has(self, h: Hint) -> bool {
        self.0 & (1 << h as u8) != 0
    }
    pub fn without(self, h: Hint) -> Hints {
        Hints(self.0 & !(1 << h as u8))
    }
    pub fn union(self, o: Hints) -> Hints {
        Hints(self.0 | o.0)
    }
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }
    /// Every hint that is set.
    pub fn iter(self) -> impl Iterator<Item = Hint> {
        ALL_HINTS.iter().copied().filter(move |h| self.has(*h))
    }
}

const ALL_HINTS: [Hint; 22] = [
    Hint::Navigation,
    Hint::Header,
    Hint::Footer,
    Hint::Sidebar,
    Hint::Comments,
    Hint::Sharing,
    Hint::Related,
    Hint::Advertising,
    Hint::Newsletter,
    Hint::Metadata,
    Hint::Form,
    Hint::Hidden,
    Hint::Article,
    Hint::Caption,
    Hint::Byline,
    Hint::Heading,
    Hint::ListItem,
    Hint::Table,
    Hint::Quote,
    Hint::Time,
    Hint::Pre,
    Hint::Popup,
];

/// One block of the flattened text: what lies between two block-level boundaries.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct HtmlBlock {
    /// Byte range in [`Flat::text`], without surrounding whitespace. May hold line breaks (`<br>`).
    pub span: Range<usize>,
    /// Bytes of the span's text that sit inside links.
    pub link_bytes: usize,
    /// Hints of the elements around the block (ancestors), after the size check (see
    /// [`flatten`]).
    pub hints: Hints,
    /// Which `<article>` or `<main>` element the block sits in, innermost first: 1 for the
    /// first such element of the page, 2 for the second…; 0 outside all. A feed or a post
    /// with its related posts nests one `<article>` per story, and this tells the stories apart.
    pub article: u32,
}

/// The page as text, and its blocks in order.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Flat {
    pub text: String,
    pub blocks: Vec<HtmlBlock>,
}

/// Deepest element stack kept; deeper elements are read as if their tags were absent.
const MAX_DEPTH: usize = 512;
/// How far down the stack an implied end tag is looked for.
const IMPLIED_SEARCH: usize = 16;

/// Elements that hold one article (or the page's main content): see [`HtmlBlock::article`].
fn is_article_element(name: &str) -> bool {
    matches!(name, "article" | "main")
}

/// Element names whose content is never rendered as text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "head"
            | "title"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "datalist"
            | "textarea"
            | "noembed"
            | "noframes"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements that begin and end a line of text (CSS `display: block` and friends by default).
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "tfoot"
            | "thead"
            | "tr"
            | "ul"
    )
}

/// Block elements whose start closes an open `<p>`.
fn closes_p(name: &str) -> bool {
    is_block(name) && !matches!(name, "tr" | "tbody" | "thead" | "tfoot" | "caption")
}

fn tag_hints(name: &str) -> Hints {
    let h = Hints::default();
    match name {
        "nav" | "menu" => h.with(Hint::Navigation),
        "header" => h.with(Hint::Header),
        "footer" => h.with(Hint::Footer),
        "aside" => h.with(Hint::Sidebar),
        "form" | "button" | "label" | "fieldset" => h.with(Hint::Form),
        "article" | "main" => h.with(Hint::Article),
        "figcaption" => h.with(Hint::Caption),
        "address" => h.with(Hint::Byline),
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => h.with(Hint::Heading),
        "li" | "dt" | "dd" => h.with(Hint::ListItem),
        "td" | "th" => h.with(Hint::Table),
        "blockquote" => h.with(Hint::Quote),
        "time" => h.with(Hint::Time),
        "pre" | "code" => h.with(Hint::Pre),
        _ => h,
    }
}

fn role_hints(role: &str) -> Hints {
    let h = Hints::default();
    match role {
        "navigation" | "menu" | "menubar" => h.with(Hint::Navigation),
        "banner" => h.with(Hint::Header),
        "contentinfo" => h.with(Hint::Footer),
        "complementary" => h.with(Hint::Sidebar),
        "search" | "form" => h.with(Hint::Form),
        "main" | "article" => h.with(Hint::Article),
        _ => h,
    }
}

/// The class/id vocabulary: exact words and prefixes, each with its hint. A prefix without a
/// hint (the file's group "none") names words that only start like a hint's prefix: the longest
/// prefix a word starts with decides, so "commentary" and "commentarybox" give none although
/// they start like "comment*".
struct Vocabulary {
    exact: WordMap<String, Hint>,
    prefixes: Vec<(String, Option<Hint>)>,
    /// Page builders' names (the file's group "builders"): the word right after one names the
    /// builder's kind of element, not the part of the page ("elementor-widget" wraps every
    /// paragraph of an Elementor page), and gives no hint.
    builders: Vec<String>,
}

fn group_hint(group: &str) -> Option<Hint> {
    Some(match group {
        "advertising" => Hint::Advertising,
        "article" => Hint::Article,
        "byline" => Hint::Byline,
        "caption" => Hint::Caption,
        "comments" => Hint::Comments,
        "footer" => Hint::Footer,
        "metadata" => Hint::Metadata,
        "navigation" => Hint::Navigation,
        "newsletter" => Hint::Newsletter,
        "popup" => Hint::Popup,
        "related" => Hint::Related,
        "sharing" => Hint::Sharing,
        "sidebar" => Hint::Sidebar,
        _ => return None,
    })
}

fn vocabulary() -> &'static Vocabulary {
    static V: OnceLock<Vocabulary> = OnceLock::new();
    V.get_or_init(|| {
        let mut v = Vocabulary { exact: WordMap::default(), prefixes: Vec::new(), builders: Vec::new() };
        let Ok(list) = lexicon::List::parse(lexicon::data_file(HINTS_FILE)) else {
            return v;
        };
        for (group, items) in &list.groups {
            let hint = match group_hint(group) {
                Some(hint) => Some(hint),
                None if group == "none" => None,
                None if group == "builders" => {
                    v.builders.extend(items.iter().cloned());
                    continue;
                }
                None => continue,
            };
            for item in items {
                match (item.strip_suffix('*'), hint) {
                    (Some(prefix), _) => v.prefixes.push((prefix.to_string(), hint)),
                    (None, Some(hint)) => {
                        v.exact.insert(item.clone(), hint);
                    }
                    // A whole word without a hint is what no entry matches anyway.
                    (None, None) => {}
                }
            }
        }
        v
    })
}

pub(crate) const HINTS_FILE: &str = "data/boilerplate/html-hints.txt";

fn word_hint(word: &str) -> Option<Hint> {
    let v = vocabulary();
    if let Some(h) = v.exact.get(word) {
        return Some(*h);
    }
    v.prefixes.iter().filter(|(p, _)| word.starts_with(p.as_str())).max_by_key(|(p, _)| p.len()).and_then(|(_, h)| *h)
}

/// Hints from a class or id value: its words and neighbouring pairs run together.
pub(crate) fn attribute_hints(value: &str) -> Hints {
    let mut hints = Hints::default();
    // Class lists can be long (utility CSS); only the first words matter and this bounds the work.
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in value.chars().take(300) {
        if c.is_alphanumeric() {
            if c.is_uppercase() && prev_lower && !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
            prev_lower = c.is_lowercase();
            cur.extend(c.to_lowercase());
        } else {
            prev_lower = false;
            if !cur.is_empty() {
                words.push(std::mem::take(&mut cur));
            }
        }
    }
    if !cur.is_empty() {
        words.push(cur);
    }
    let builders = &vocabulary().builders;
    for (i, w) in words.iter().enumerate() {
        let after_builder = i > 0 && builders.iter().any(|b| *b == words[i - 1]);
        if let Some(h) = word_hint(w).filter(|_| !after_builder) {
            hints = hints.with(h);
        }
        if let Some(next) = words.get(i + 1).filter(|_| !after_builder) {
            if let Some(h) = word_hint(&format!("{w}{next}")) {
                hints = hints.with(h);
            }
        }
    }
    hints
}

fn is_hidden_style(style: &str) -> bool {
    let s: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
    s.contains("display:none") || s.contains("visibility:hidden")
}

struct Open {
    name: String,
    block: bool,
    skip: bool,
    /// Index of the first block that can belong to this element.
    first_block: usize,
    hints: Hints,
}

/// An element with hints, as a range of block indices.
struct Marked {
    blocks: Range<usize>,
    hints: Hints,
}

struct Builder {
    text: String,
    blocks: Vec<HtmlBlock>,
    marked: Vec<Marked>,
    stack: Vec<Open>,
    counts: WordMap<String, u32>,
    skipping: u32,
    pre: u32,
    links: u32,
    /// Open elements with a popup class (see [`Hint::Popup`]).
    popups: u32,
    /// The open `<article>` and `<main>` elements, innermost last, by their number on the page
    /// (see [`HtmlBlock::article`]).
    articles: Vec<u32>,
    /// How many `<article>` and `<main>` elements were opened so far.
    articles_seen: u32,
    /// Line breaks owed before the next text (the larger request wins, as in `innerText`).
    breaks: u8,
    /// A collapsed space is owed before the next text on this line.
    space: bool,
    /// A tab is owed before the next text (between table cells).
    tab: bool,
    block_start: usize,
    block_links: usize,
}

impl Builder {
    fn new(capacity: usize) -> Builder {
        Builder {
            text: String::with_capacity(capacity),
            blocks: Vec::new(),
            marked: Vec::new(),
            stack: Vec::new(),
            counts: WordMap::default(),
            skipping: 0,
            pre: 0,
            links: 0,
            popups: 0,
            articles: Vec::new(),
            articles_seen: 0,
            breaks: 0,
            space: false,
            tab: false,
            block_start: 0,
            block_links: 0,
        }
    }

    /// Ends the block being built (if it has text) and asks for `n` line breaks before more text.
    fn boundary(&mut self, n: u8) {
        let end = self.text.trim_end().len();
        if end > self.block_start {
            let start = self.block_start
                + (self.text[self.block_start..end].len() - self.text[self.block_start..end].trim_start().len());
            let article = self.articles.last().copied().unwrap_or(0);
            self.blocks.push(HtmlBlock {
                span: start..end,
                link_bytes: self.block_links,
                hints: Hints::default(),
                article,
            });
        }
        self.block_links = 0;
        self.block_start = self.text.len();
        self.breaks = self.breaks.max(n);
        self.space = false;
        self.tab = false;
    }

    fn line_break(&mut self) {
        self.text.push('\n');
        self.space = false;
    }

    fn push_text(&mut self, s: &str) {
        if self.skipping > 0 || s.is_empty() {
            return;
        }
        // Bytes of visible characters written, for the block's link share.
        let mut visible = 0;
        if self.pre > 0 {
            self.open_line();
            for c in s.chars().filter(|c| *c != '\r') {
                self.text.push(c);
                visible += c.len_utf8();
            }
        } else {
            for c in s.chars() {
                if c.is_whitespace() && c != '\u{a0}' {
                    self.space = true;
                    continue;
                }
                self.open_line();
                if self.space {
                    if !self.text.is_empty() && !self.text.ends_with(['\n', ' ', '\t']) {
                        self.text.push(' ');
                    }
                    self.space = false;
                }
                self.text.push(c);
                visible += c.len_utf8();
            }
        }
        if self.links > 0 {
            self.block_links += visible;
        }
    }

    /// Writes the owed line breaks or tab before visible text.
    fn open_line(&mut self) {
        if self.breaks > 0 {
            if !self.text.is_empty() {
                let have = self.text.len() - self.text.trim_end_matches('\n').len();
                for _ in have..self.breaks as usize {
                    self.text.push('\n');
                }
            }
            self.breaks = 0;
            self.space = false;
            self.block_start = self.text.len();
        } else if self.tab {
            self.text.push('\t');
            self.space = false;
        }
        self.tab = false;
    }

    fn open(&mut self, name: String, attrs: &[(String, String)]) {
        if is_skipped(&name) && !is_void(&name) {
            self.push_open(name, false, true, Hints::default());
            return;
        }
        match name.as_str() {
            "br" => {
                if self.skipping == 0 {
                    self.open_line();
                    self.line_break();
                }
                return;
            }
            "hr" | "img" | "input" | "wbr" | "area" | "base" | "col" | "embed" | "link" | "meta" | "param"
            | "source" | "track" => {
                if name == "hr" {
                    self.boundary(1);
                }
                return;
            }
            _ => {}
        }
        self.implied_ends(&name);
        let mut hints = tag_hints(&name);
        let mut hidden = false;
        let mut article_prop = false;
        for (k, v) in attrs {
            match k.as_str() {
                // A heading's id is often the target of a table of contents' links ("nav_3",
                // "menu-item-2"): it names the section (id="comments" still does), but a
                // navigation word there names the menu that points to it, not the heading.
                "id" if tag_hints(&name).has(Hint::Heading) => {
                    hints = hints.union(attribute_hints(v).without(Hint::Navigation))
                }
                "class" | "id" => hints = hints.union(attribute_hints(v)),
                "role" => hints = hints.union(role_hints(v)),
                "itemprop" if v.eq_ignore_ascii_case("articlebody") => {
                    article_prop = true;
                    hints = hints.with(Hint::Article)
                }
                "itemprop" if v.eq_ignore_ascii_case("author") => hints = hints.with(Hint::Byline),
                "itemprop" if v.to_ascii_lowercase().starts_with("date") => hints = hints.with(Hint::Time),
                "hidden" => hidden = true,
                "aria-hidden" if v == "true" => hints = hints.with(Hint::Hidden),
                "style" if is_hidden_style(v) => hidden = true,
                _ => {}
            }
        }
        // A box that pops up when the reader points at a name (a card with the person's latest
        // stories) is hidden by the page's style sheet until then, so its text is left out as
        // `display: none` is. The box is the inline element with a popup class inside another
        // one — the outer element wraps the name and its box, and the name's own link stays:
        // "rollover-people" > ("rollover-people-link", "rollover-people-block").
        if hints.has(Hint::Popup) && !is_block(&name) && name != "a" && self.popups > 0 {
            hidden = true;
        }
        // WordPress and others name the article element after its category and tags
        // ("category-news tag-senate"): an element that is the article keeps only that hint.
        if hints.has(Hint::Article) && (tag_hints(&name).has(Hint::Article) || article_prop) {
            hints = tag_hints(&name).with(Hint::Article);
        }
        let block = is_block(&name);
        // An element named both ways ("l-sidebar-fixed l-article-body-segment") holds the
        // article; an inline element's class (a hover card, an icon) says nothing about the
        // paragraph it sits in.
        if hints.has(Hint::Article) || !block {
            hints = Hints(hints.0 & !CHROME_MASK);
        }
        if block {
            self.boundary(if name == "p" { 2 } else { 1 });
        }
        if name == "td" || name == "th" {
            // A cell after another one in the same row is separated by a tab.
            self.tab = self.text.len() > self.block_start;
        }
        self.push_open(name, block, hidden, hints);
    }

    fn push_open(&mut self, name: String, block: bool, skip: bool, hints: Hints) {
        if self.stack.len() >= MAX_DEPTH {
            return;
        }
        if skip {
            self.skipping += 1;
        }
        match name.as_str() {
            "pre" | "textarea" | "listing" => self.pre += 1,
            "a" => self.links += 1,
            _ => {}
        }
        if hints.has(Hint::Popup) {
            self.popups += 1;
        }
        if is_article_element(&name) {
            self.articles_seen += 1;
            self.articles.push(self.articles_seen);
        }
        *self.counts.entry(name.clone()).or_insert(0) += 1;
        self.stack.push(Open { name, block, skip, first_block: self.blocks.len(), hints });
    }

    fn pop(&mut self) {
        let Some(el) = self.stack.pop() else { return };
        if let Some(c) = self.counts.get_mut(&el.name) {
            *c = c.saturating_sub(1);
        }
        if el.skip {
            self.skipping = self.skipping.saturating_sub(1);
        }
        match el.name.as_str() {
            "pre" | "textarea" | "listing" => self.pre = self.pre.saturating_sub(1),
            "a" => self.links = self.links.saturating_sub(1),
            _ => {}
        }
        if el.hints.has(Hint::Popup) {
            self.popups = self.popups.saturating_sub(1);
        }
        if el.block {
            self.boundary(if el.name == "p" { 2 } else { 1 });
        }
        // After the boundary: the block it ended belongs to this element.
        if is_article_element(&el.name) {
            self.articles.pop();
        }
        if !el.hints.is_empty() {
            let has_open_text = self.text.trim_end().len() > self.block_start;
            let end = self.blocks.len() + usize::from(has_open_text);
            if end > el.first_block {
                self.marked.push(Marked { blocks: el.first_block..end, hints: el.hints });
            }
        }
    }

    fn count(&self, name: &str) -> u32 {
        self.counts.get(name).copied().unwrap_or(0)
    }

    /// Pops up to and including the nearest open `target` if it lies within the few top elements
    /// and no element in `barrier` stands in between.
    fn close_near(&mut self, targets: &[&str], barrier: &[&str]) {
        if targets.iter().all(|t| self.count(t) == 0) {
            return;
        }
        let n = self.stack.len();
        for depth in 0..IMPLIED_SEARCH.min(n) {
            let name = self.stack[n - 1 - depth].name.as_str();
            if targets.contains(&name) {
                for _ in 0..=depth {
                    self.pop();
                }
                return;
            }
            if barrier.contains(&name) {
                return;
            }
        }
    }

    fn implied_ends(&mut self, name: &str) {
        if closes_p(name) {
            self.close_near(&["p"], &["div", "td", "th", "li", "table", "section", "article", "blockquote", "button"]);
        }
        match name {
            "li" => self.close_near(&["li"], &["ul", "ol", "menu"]),
            "dt" | "dd" => self.close_near(&["dt", "dd"], &["dl"]),
            "td" | "th" => self.close_near(&["td", "th"], &["tr", "table"]),
            "tr" => self.close_near(&["tr"], &["table", "tbody", "thead", "tfoot"]),
            "tbody" | "thead" | "tfoot" => self.close_near(&["tbody", "thead", "tfoot"], &["table"]),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.close_near(&["h1", "h2", "h3", "h4", "h5", "h6"], &["div", "section", "article"])
            }
            "option" => self.close_near(&["option"], &["select"]),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        if name == "br" {
            self.open("br".to_string(), &[]);
            return;
        }
        if self.count(name) == 0 {
            if name == "p" {
                self.boundary(2);
            }
            return;
        }
        while let Some(top) = self.stack.last() {
            let done = top.name == name;
            self.pop();
            if done {
                break;
            }
        }
    }

    fn finish(mut self) -> Flat {
        while !self.stack.is_empty() {
            self.pop();
        }
        self.boundary(0);
        let n = self.blocks.len();
        // Block text sizes, to tell a hinted container from the whole page.
        let mut prefix = Vec::with_capacity(n + 1);
        prefix.push(0usize);
        for b in &self.blocks {
            let last = prefix.last().copied().unwrap_or(0);
            prefix.push(last + b.span.len());
        }
        let total = prefix.last().copied().unwrap_or(0).max(1);
        let size = |r: &Range<usize>| prefix[r.end.min(n)] - prefix[r.start.min(r.end).min(n)];
        // Paragraph-like text per block (long, punctuated, few links), to find the wrappers
        // that hold most of the page's running text whatever their names say.
        let mut prose = Vec::with_capacity(n + 1);
        prose.push(0usize);
        for b in &self.blocks {
            let t = &self.text[b.span.clone()];
            let stops = t.matches(['.', '!', '?', '。']).count();
            let paragraph = t.len() >= PARAGRAPH_MIN_BYTES && stops >= 1 && b.link_bytes * 3 < t.len();
            let last = prose.last().copied().unwrap_or(0);
            prose.push(last + if paragraph { t.len() } else { 0 });
        }
        let prose_total = prose.last().copied().unwrap_or(0).max(1);
        let prose_in = |r: &Range<usize>| prose[r.end.min(n)] - prose[r.start.min(r.end).min(n)];
        // The article element with the most text: a chrome class on an element around it
        // ("content-sidebar-wrap", "has-sidebar") names the page layout, not the article.
        let main = self
            .marked
            .iter()
            .filter(|m| m.hints.has(Hint::Article))
            .max_by_key(|m| size(&m.blocks))
            .map(|m| m.blocks.clone());
        // One difference array per hint paints each marked element's range in linear time.
        let mut paint: Vec<Vec<i32>> = vec![Vec::new(); ALL_HINTS.len()];
        for m in &self.marked {
            let end = m.blocks.end.min(n);
            if m.blocks.start >= end {
                continue;
            }
            let share = (prefix[end] - prefix[m.blocks.start]) as f64 / total as f64;
            let wraps_main = main.as_ref().is_some_and(|a| m.blocks.start <= a.start && a.end <= m.blocks.end)
                || prose_in(&m.blocks) as f64 > WRAPPER_SHARE * prose_total as f64;
            let holds_paragraphs = prose_in(&m.blocks) >= SLOT_MAX_PARAGRAPH_BYTES;
            for h in m.hints.iter() {
                // A chrome, caption or byline class on a wrapper of most of the page
                // ("has-sidebar" on the main wrapper, "comments-open" or a feature flag such as
                // "caption_muted_on" on the body) says nothing about its parts.
                if (share > WRAPPER_SHARE || wraps_main) && names_a_part(h) {
                    continue;
                }
                // Share buttons and ad slots hold no paragraphs: a sharing or advertising class
                // on an element that holds several ("entry share", "Section--Ads" around a part
                // of a review) names what the element also contains, not what its text is.
                if holds_paragraphs && matches!(h, Hint::Sharing | Hint::Advertising) {
                    continue;
                }
                let d = &mut paint[h as usize];
                if d.is_empty() {
                    d.resize(n + 1, 0);
                }
                d[m.blocks.start] += 1;
                d[end] -= 1;
            }
        }
        for (h, d) in ALL_HINTS.iter().zip(&paint) {
            if d.is_empty() {
                continue;
            }
            let mut depth = 0;
            for (i, b) in self.blocks.iter_mut().enumerate() {
                depth += d[i];
                if depth > 0 {
                    b.hints = b.hints.with(*h);
                }
            }
        }
        // A quoted post (`<blockquote class="twitter-tweet">`) is quoted text: the social class
        // of its wrapper ("social-media-embed") says where it came from, not that it is a share
        // button.
        for b in self.blocks.iter_mut() {
            if b.hints.has(Hint::Quote) {
                b.hints = b.hints.without(Hint::Sharing);
            }
        }
        Flat { text: self.text, blocks: self.blocks }
    }
}

/// Whether a hint says "not the article".
pub(crate) const fn is_chrome(h: Hint) -> bool {
    matches!(
        h,
        Hint::Navigation
            | Hint::Header
            | Hint::Footer
            | Hint::Sidebar
            | Hint::Comments
            | Hint::Sharing
            | Hint::Related
            | Hint::Advertising
            | Hint::Newsletter
            | Hint::Metadata
            | Hint::Form
            | Hint::Hidden
    )
}

/// Whether a hint names a small part of a page — chrome, a caption, a byline — so that on an
/// element around most of the page it cannot be right.
const fn names_a_part(h: Hint) -> bool {
    is_chrome(h) || matches!(h, Hint::Caption | Hint::Byline)
}

/// The chrome hints as a bit mask.
const CHROME_MASK: u32 = {
    let mut m = 0;
    let mut i = 0;
    while i < ALL_HINTS.len() {
        if is_chrome(ALL_HINTS[i]) {
            m |= 1 << ALL_HINTS[i] as u8;
        }
        i += 1;
    }
    m
};

/// A block of at least this many bytes with a full stop is paragraph-like.
const PARAGRAPH_MIN_BYTES: usize = 150;

/// A sharing or advertising hint on an element holding at least this many bytes of
/// paragraph-like text (three or four paragraphs) is ignored: share bars and ad slots hold none.
const SLOT_MAX_PARAGRAPH_BYTES: usize = 600;

/// A chrome hint on an element holding more than this share of the page's text, or of its
/// paragraph-like text, is ignored.
const WRAPPER_SHARE: f64 = 0.6;

/// Turns HTML into text as `innerText` renders it (scripts, styles and hidden elements left out,
/// whitespace collapsed, one line per block, a blank line after paragraphs, tabs between table
/// cells), with the blocks of that text and their hints.
pub(crate) fn flatten(html: &str) -> Flat {
    let mut b = Builder::new(html.len() / 3);
    feed(&mut b, html, true);
    b.finish()
}

/// Paragraphs' worth of markup inside a `<noscript>` that is rendered (see [`feed`]).
const NOSCRIPT_MIN_BYTES: usize = 1000;

/// Whether `markup` opens a paragraph: `<p>` or `<p` with attributes, in either case (not
/// `<picture>`, `<pre>` or `<param>`, which a tracking pixel or an image block is made of).
fn has_paragraph_tag(markup: &str) -> bool {
    markup.as_bytes().windows(3).any(|w| {
        w[0] == b'<' && w[1].eq_ignore_ascii_case(&b'p') && matches!(w[2], b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r')
    })
}

/// Builds the tree of `html` into `b`. `outer`: not already inside a rendered `<noscript>`.
fn feed(b: &mut Builder, html: &str, outer: bool) {
    tokenizer::tokenize(html, |token| match token {
        Token::Start { name, attrs, self_closing } => {
            let self_closing = self_closing && !is_void(&name);
            b.open(name.clone(), if b.skipping == 0 { &attrs } else { &[] });
            if self_closing {
                b.close(&name);
            }
        }
        Token::End { name } => b.close(&name),
        Token::Text(text) => {
            // A page that writes its article with a script keeps a copy for readers without
            // scripts in `<noscript>`: markup with paragraphs there is rendered, as a browser
            // without scripts would; a "please enable JavaScript" line or a tracking pixel is not.
            if outer
                && b.skipping == 1
                && text.len() >= NOSCRIPT_MIN_BYTES
                && b.stack.last().is_some_and(|o| o.name == "noscript" && o.skip)
                && has_paragraph_tag(&text)
            {
                if let Some(o) = b.stack.last_mut() {
                    o.skip = false;
                }
                b.skipping = 0;
                feed(b, &text, false);
                return;
            }
            b.push_text(&text)
        }
    });
}

/// The `innerText` of an HTML page or fragment.
pub fn html_to_text(html: &str) -> String {
    flatten(html).text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(flat: &Flat) -> Vec<&str> {
        flat.blocks.iter().map(|b| &flat.text[b.span.clone()]).collect()
    }

    #[test]
    fn text_as_inner_text() {
        let f = flatten(
            "<html><head><title>T</title><style>p{}</style></head><body><div>Menu <a href=x>Home</a></div>\
             <p>One  two\n three<p>Four<br>five</p><script>var x = '<p>no</p>';</script>\
             <div hidden>secret</div><table><tr><td>a<td>b</table></body></html>",
        );
        assert_eq!(f.text, "Menu Home\n\nOne two three\n\nFour\nfive\n\na\tb");
        assert_eq!(lines(&f), ["Menu Home", "One two three", "Four\nfive", "a\tb"]);
        assert_eq!(f.blocks[0].link_bytes, 4);
    }

    #[test]
    fn issue_4_blocks_know_their_innermost_article_element() {
        // A post with a related post nested in it, text of the post after the nested one, a
        // paragraph outside every article, and a closing text directly in the article element.
        let f = flatten(
            "<body><p>Menu</p><main><article><p>Post one</p><article><p>Related</p></article>\
             <p>Post two</p></article><p>Main only</p></main><p>Footer</p><article>Last</article></body>",
        );
        let ids: Vec<(&str, u32)> = f.blocks.iter().map(|b| (&f.text[b.span.clone()], b.article)).collect();
        assert_eq!(
            ids,
            [
                ("Menu", 0),
                ("Post one", 2),
                ("Related", 3),
                ("Post two", 2),
                ("Main only", 1),
                ("Footer", 0),
                ("Last", 4)
            ]
        );
    }

    #[test]
    fn a_scripted_article_is_read_from_its_noscript_copy() {
        let para = "The council met on Tuesday and agreed to keep the library open on Sundays for another year. ";
        let copy = format!("<p>{}</p><p>{}</p><p>{}</p><p>{}</p>", para.repeat(6), para.repeat(6), para, para);
        let html = format!(
            "<body><div class=post><script type=\"text/template\">{copy}</script><noscript>{copy}</noscript></div>\
             <noscript><p>Please enable JavaScript to see the comments.</p></noscript><p>Footer</p></body>"
        );
        let f = flatten(&html);
        assert_eq!(lines(&f).len(), 5, "{:?}", lines(&f));
        assert!(lines(&f)[0].starts_with("The council met"));
        assert_eq!(lines(&f)[4], "Footer");
        // Inside a rendered copy, a second `<noscript>` is not rendered again.
        let nested = format!("<noscript>{copy}<noscript>{copy}</noscript></noscript>");
        assert_eq!(lines(&flatten(&nested)).len(), 4);
        // Long markup without a paragraph (pictures, a player's parameters) stays unrendered,
        // and a paragraph tag is one in any case and with attributes.
        let pictures = format!(
            "<noscript>{}</noscript><p>Body</p>",
            "<picture><source srcset=\"a.webp\"><img src=\"a.jpg\"></picture><span>Photo: agency</span>".repeat(20)
        );
        assert_eq!(lines(&flatten(&pictures)), ["Body"]);
        assert!(
            has_paragraph_tag("x<P class=lead>y") && has_paragraph_tag("<p>") && !has_paragraph_tag("<pre><param>")
        );
    }

    #[test]
    fn a_hover_box_inside_a_popup_wrapper_is_hidden_but_the_name_stays() {
        let text = html_to_text(
            "<p>Chair <span class=\"rollover-person\"><a class=\"rollover-link\" href=a>Ada Roe</a>\
             <span class=\"rollover-box\"><a href=b>Ada M. Roe</a> <a href=c>Her last story</a></span></span> \
             spoke.</p><p>A <span class=\"tooltip\">plain</span> <span class=\"popover\">word</span>.</p>",
        );
        assert_eq!(text, "Chair Ada Roe spoke.\n\nA plain word.");
    }

    #[test]
    fn hints_follow_classes_and_tags() {
        let html = "<body><nav><ul><li>Home<li>World</ul></nav><article><div class=\"entry-content\"><p>A long \
                    paragraph of the article that is the main text here.</p></div><div class=\"share-buttons\">Share</div>\
                    </article><footer>© 2024</footer></body>";
        let f = flatten(html);
        let get = |t: &str| f.blocks.iter().find(|b| &f.text[b.span.clone()] == t).map(|b| b.hints).unwrap_or_default();
        assert!(get("Home").has(Hint::Navigation));
        assert!(get("Home").has(Hint::ListItem));
        assert!(get("Share").has(Hint::Sharing));
        assert!(get("© 2024").has(Hint::Footer));
        let body =
            f.blocks.iter().find(|b| f.text[b.span.clone()].starts_with("A long")).map(|b| b.hints).unwrap_or_default();
        assert!(body.has(Hint::Article) && !body.has(Hint::Sharing));
    }

    #[test]
    fn attribute_words() {
        assert!(attribute_hints("td-post-sharing sharedaddy").has(Hint::Sharing));
        assert!(attribute_hints("entry-content").has(Hint::Article));
        assert!(attribute_hints("relatedPosts").has(Hint::Related));
        assert!(!attribute_hints("header-logo-address").has(Hint::Advertising));
        // The prefixes of the group "none" stop the shorter prefixes they start like.
        assert!(attribute_hints("comments-area").has(Hint::Comments));
        assert_eq!(attribute_hints("article-commentary"), attribute_hints("article"));
        assert_eq!(attribute_hints("commentary-box"), Hints::default());
        assert!(!attribute_hints("navy-blue").has(Hint::Navigation));
        assert!(attribute_hints("navy-blue nav").has(Hint::Navigation));
    }

    #[test]
    fn deep_and_broken_markup_stays_linear_and_safe() {
        let deep = "<div>".repeat(5000) + "x" + &"</div>".repeat(5000) + &"</span>".repeat(5000);
        assert_eq!(html_to_text(&deep), "x");
        let soup = "<p>a<b>b<i>c</p>d</b>e<li>f<li>g</ul></table><td>h";
        let t = html_to_text(soup);
        for w in ["a", "b", "c", "d", "e", "f", "g", "h"] {
            assert!(t.contains(w), "{w} lost from {t:?}");
        }
    }

    /// Prints every block of the HTML file named by `PARALLAX_DEBUG_HTML` with its hints and
    /// link share: `scripts/debug-html FILE` runs it.
    #[test]
    #[ignore]
    fn debug_dump() {
        let Ok(path) = std::env::var("PARALLAX_DEBUG_HTML") else { return };
        let html = std::fs::read(&path).map(|b| String::from_utf8_lossy(&b).into_owned()).unwrap_or_default();
        let f = flatten(&html);
        for b in &f.blocks {
            let hints: Vec<String> = b.hints.iter().map(|h| format!("{h:?}")).collect();
            let text: String = f.text[b.span.clone()].chars().take(90).collect();
            println!(
                "{:<40} {:>3}% {}",
                hints.join(","),
                b.link_bytes * 100 / b.span.len().max(1),
                text.replace('\n', " / ")
            );
        }
    }
}
