//! Structured inputs for `analyze`: a small language of pieces that expands into sources, so the
//! fuzzer reaches long lines, many sources, shared and repeated sentences, page chrome, deep HTML
//! and overrides without having to guess them byte by byte. All text here is our own.

use arbitrary::Arbitrary;
use parallax::{Config, Override, Preset, Source};

/// Most bytes the input expands to over all sources (text and HTML): big enough for a long single
/// line or a deep tree, small enough that one execution stays well under a second.
pub const MAX_TOTAL: usize = 1 << 20;
/// Most sources: enough to exercise the N×N stages without making each execution slow.
pub const MAX_SOURCES: usize = 64;

const SENTENCES: &[&str] = &[
    "The harbour bridge was closed on Tuesday after storm winds tore loose two of its cable guards.",
    "Engineers said the structure was sound, but the guards had to be replaced first.",
    "“We will not reopen until it is safe,” the mayor said on Wednesday.",
    "U.S. officials and Dr. Lee met in Washington, D.C. on Monday to discuss the $3.5 million repair.",
    "Ferries ran 25% more services, and 1,200 commuters worked from home.",
    "The council, which met at 9 a.m., voted 7–2 to fund the repairs.",
    "Le pont a été fermé mardi après la tempête.",
    "Die Brücke wurde am Dienstag nach dem Sturm geschlossen.",
    "أغلق الجسر يوم الثلاثاء بعد العاصفة.",
    "港口大桥于周二关闭。工程师说桥梁结构完好。",
    "He said: \"It is over.\" Then he left.",
    "Stocks fell 3.2 percent in Tokyo trading on Friday.",
];

const CHROME: &[&str] = &[
    "Share This Article",
    "- Advertisement -",
    "Ad image",
    "Leave a Reply",
    "Leave a Comment",
    "Follow US",
    "Home",
    "Sign up for our newsletter",
    "Read more",
    "Related articles",
    "By Mira Okafor",
    "Updated 3 hours ago",
];

const WORDS: &[&str] = &[
    "the", "bridge", "said", "on", "Monday", "U.S.", "Dr.", "\"", "“", "”", "’s", "25%", "—", "\u{200B}", "e\u{301}",
    "東京", "😀", "👨‍👩‍👧", "\u{202E}", "\u{FEFF}", "\u{AD}", "\t", "...", "!", "?", "。", "\r", "\u{2028}", "1,200",
    "3.5", "a.m.", "(", ")", "'", "«", "»", "https://example.invalid/x", "#tag", "@handle",
];

const TAGS: &[&str] = &[
    "div", "p", "article", "main", "nav", "header", "footer", "aside", "section", "ul", "ol", "li", "a", "span", "h1",
    "h2", "br", "hr", "img", "figure", "figcaption", "blockquote", "table", "tr", "td", "script", "style", "noscript",
    "template", "pre", "textarea", "select", "option", "iframe", "svg", "math", "title", "form", "button", "time",
];

const ATTRS: &[&str] = &[
    "",
    " class=\"menu\"",
    " class=\"entry-content\"",
    " id=\"comments\"",
    " role=\"navigation\"",
    " itemprop=\"articleBody\"",
    " class=\"share-buttons social\"",
    " style=\"display:none\"",
    " hidden",
    " class=\"byline\"",
    " href=\"javascript:alert(1)\" onclick=\"alert(1)\"",
    " class=\"",
];

fn pick<'a>(list: &[&'a str], i: impl Into<usize>) -> &'a str {
    list[i.into() % list.len()]
}

/// One piece of text.
#[derive(Arbitrary, Debug)]
pub enum Piece {
    /// Any text.
    Text(String),
    /// One of our sentences.
    Sentence(u8),
    /// A line of page chrome.
    Chrome(u8),
    /// Words from a list of awkward ones, separated by spaces.
    Words(Vec<u8>),
    /// A line break.
    Newline,
    /// A piece again and again (a long line, a menu of many lines, a wall of emoji).
    Repeat { piece: Box<Piece>, times: u16 },
}

/// One piece of markup.
#[derive(Arbitrary, Debug)]
pub enum Markup {
    /// A start tag with attributes.
    Open { tag: u8, attrs: u8 },
    /// An end tag.
    Close(u8),
    /// Text between tags (escaped only as much as the piece is).
    Text(Piece),
    /// `depth` nested start tags around `inner`, closed or not.
    Nest { tag: u8, attrs: u8, depth: u16, inner: Box<Markup>, closed: bool },
    /// Anything.
    Raw(String),
}

/// Where an override points.
#[derive(Arbitrary, Debug)]
pub enum At {
    /// The start of the `n`-th line of the text (a real block).
    Line(u16),
    /// Any UTF-16 offset.
    Raw(u32),
}

/// One source.
#[derive(Arbitrary, Debug)]
pub struct Src {
    name: String,
    pieces: Vec<Piece>,
    html: Option<Vec<Markup>>,
    overrides: Vec<(At, bool)>,
    /// Copy an earlier source's text, whole or cut after this many chars: identical sources and
    /// one source a prefix of another.
    copy_of: Option<(u8, Option<u16>)>,
}

/// A whole fuzz input: sources and a few settings.
#[derive(Arbitrary, Debug)]
pub struct Input {
    sources: Vec<Src>,
    preset: u8,
    strip_boilerplate: bool,
}

/// Text with a byte budget shared by everything one input expands to.
struct Out<'a> {
    s: String,
    left: &'a mut usize,
}

impl Out<'_> {
    fn push(&mut self, t: &str) {
        if t.len() <= *self.left {
            self.s.push_str(t);
            *self.left -= t.len();
        } else {
            let mut cut = *self.left;
            while !t.is_char_boundary(cut) {
                cut -= 1;
            }
            self.s.push_str(&t[..cut]);
            *self.left = 0;
        }
    }

    fn full(&self) -> bool {
        *self.left == 0
    }
}

fn expand(p: &Piece, out: &mut Out<'_>) {
    match p {
        Piece::Text(t) => out.push(t),
        Piece::Sentence(i) => out.push(pick(SENTENCES, *i)),
        Piece::Chrome(i) => out.push(pick(CHROME, *i)),
        Piece::Words(ws) => {
            for (k, w) in ws.iter().enumerate() {
                if k > 0 {
                    out.push(" ");
                }
                out.push(pick(WORDS, *w));
            }
        }
        Piece::Newline => out.push("\n"),
        Piece::Repeat { piece, times } => {
            for _ in 0..*times {
                if out.full() {
                    break;
                }
                let before = out.s.len();
                expand(piece, out);
                // A piece that adds nothing (no words, an empty text) would be repeated up to
                // 65,535 times a level, 65,535^k times under k nested repeats: the harness, not
                // the analysis, hung on such an input (2026-12-05).
                if out.s.len() == before {
                    break;
                }
            }
        }
    }
}

fn expand_markup(m: &Markup, out: &mut Out<'_>) {
    match m {
        Markup::Open { tag, attrs } => {
            let (tag, attrs) = (pick(TAGS, *tag), pick(ATTRS, *attrs));
            out.push(&format!("<{tag}{attrs}>"));
        }
        Markup::Close(tag) => out.push(&format!("</{}>", pick(TAGS, *tag))),
        Markup::Text(p) => expand(p, out),
        Markup::Nest { tag, attrs, depth, inner, closed } => {
            let (tag, attrs) = (pick(TAGS, *tag), pick(ATTRS, *attrs));
            let open = format!("<{tag}{attrs}>");
            for _ in 0..*depth {
                out.push(&open);
            }
            expand_markup(inner, out);
            if *closed {
                let close = format!("</{tag}>");
                for _ in 0..*depth {
                    out.push(&close);
                }
            }
        }
        Markup::Raw(t) => out.push(t),
    }
}

fn line_starts_utf16(text: &str) -> Vec<u32> {
    let mut starts = vec![0];
    let mut at = 0u32;
    for c in text.chars() {
        at += c.len_utf16() as u32;
        if c == '\n' {
            starts.push(at);
        }
    }
    starts
}

impl Input {
    /// The sources and settings this input stands for.
    pub fn build(&self) -> (Vec<Source>, Config) {
        let mut left = MAX_TOTAL;
        let mut sources: Vec<Source> = Vec::new();
        for src in self.sources.iter().take(MAX_SOURCES) {
            let html = src.html.as_ref().map(|ms| {
                let mut out = Out { s: String::new(), left: &mut left };
                for m in ms {
                    expand_markup(m, &mut out);
                }
                out.s
            });
            let mut text = match (&src.copy_of, sources.is_empty()) {
                (Some((k, cut)), false) => {
                    let from = &sources[usize::from(*k) % sources.len()].text;
                    let copy: String = match cut {
                        Some(n) => from.chars().take(usize::from(*n)).collect(),
                        None => from.clone(),
                    };
                    let mut out = Out { s: String::new(), left: &mut left };
                    out.push(&copy);
                    out.s
                }
                _ => String::new(),
            };
            let mut out = Out { s: std::mem::take(&mut text), left: &mut left };
            for p in &src.pieces {
                expand(p, &mut out);
            }
            let mut text = out.s;
            // A rich paste with no plain text: the text is what the page would show of the HTML.
            if text.is_empty() {
                if let Some(h) = &html {
                    text = parallax::html_to_text(h);
                }
            }
            let starts = line_starts_utf16(&text);
            let overrides = src
                .overrides
                .iter()
                .map(|(at, keep)| {
                    let at = match at {
                        At::Line(n) => starts[usize::from(*n) % starts.len()],
                        At::Raw(u) => *u,
                    };
                    Override { at, keep: *keep }
                })
                .collect();
            sources.push(Source { name: src.name.clone(), text, overrides, html });
        }
        let preset = [Preset::Balanced, Preset::Strict, Preset::Lenient][usize::from(self.preset) % 3];
        let cfg = Config { strip_boilerplate: self.strip_boilerplate, ..crate::config_for(preset) };
        (sources, cfg)
    }
}
