//! The HTML tokenizer behind rich pastes: start tags with their attributes, end tags and text,
//! cut where the WHATWG tokenizer cuts them, for text extraction only.
//!
//! It follows the standard's tokenizer states that decide where text, tags, attributes, comments
//! and character references begin and end: tag names and attribute names lowercased, the first
//! of two attributes of one name kept, a tag cut off by the end of the input dropped, comments
//! (`<!-- -->`, `<!…>`, `<?…>`, `</ …>`) and doctypes skipped, `<` that opens no tag kept as
//! text, line breaks normalized (CR LF and CR become LF), character references decoded in text
//! and attribute values (numeric ones with the Windows-1252 fix-ups for 0x80–0x9F; named ones
//! from `entities.rs`, with the legacy names that need no `;`). Like a tokenizer without a tree
//! builder, it switches to raw text by the start tag's name alone: `title` and `textarea`
//! (RCDATA), `style`, `xmp`, `iframe`, `noembed`, `noframes`, `noscript` (RAWTEXT), `script`
//! (script data, with its `<!--` escapes) and `plaintext` — except for a tag that ends in `/>`
//! inside `svg` or `math`, which foreign content closes at once (an icon's `<title/>`). Comments, doctypes and parse errors
//! are not reported, because text extraction has no use for them.
//!
//! It replaced the `html5gum` crate, which did the same with the full state machine and the full
//! table of 2,231 references for 70 KB of the 400 KB gzipped WebAssembly; this one is a few KB.
//! Everything is one forward pass over the input: each byte is looked at a bounded number of times.

use std::borrow::Cow;
use std::sync::OnceLock;

use super::entities::{LEGACY, NAMED};

/// What the tokenizer hands to its caller.
pub(crate) enum Token<'a> {
    /// A start tag: its lowercase name, its attributes (lowercase names, decoded values, first
    /// of each name only) and whether it ended in `/>`.
    Start { name: String, attrs: Vec<(String, String)>, self_closing: bool },
    /// An end tag: its lowercase name.
    End { name: String },
    /// Text between tags, references decoded.
    Text(Cow<'a, str>),
}

/// How the text after a start tag is read, chosen by the tag's name.
#[derive(Clone, Copy, PartialEq)]
enum Content {
    /// Ordinary markup.
    Markup,
    /// Text with references up to the matching end tag (`title`, `textarea`).
    RcData,
    /// Text as written up to the matching end tag (`style`, `xmp`…).
    Raw,
    /// Like raw text, but a `</script>` inside a `<!-- <script> … -->` escape does not end it.
    Script,
    /// Everything up to the end of the input is text.
    Plain,
}

fn content_of(name: &str) -> Content {
    match name {
        "title" | "textarea" => Content::RcData,
        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => Content::Raw,
        "script" => Content::Script,
        "plaintext" => Content::Plain,
        _ => Content::Markup,
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ')
}

/// Calls `emit` with each token of `html`, in order.
pub(crate) fn tokenize<'a>(html: &'a str, mut emit: impl FnMut(Token<'_>)) {
    let normalized: Cow<'a, str> = if html.contains('\r') {
        Cow::Owned(html.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(html)
    };
    let s: &str = &normalized;
    let b = s.as_bytes();
    let mut text = String::new();
    let mut i = 0;
    // Open `svg` and `math` elements: inside them (foreign content) a tag that ends in `/>` is
    // closed at once, so `<svg><title/>` opens no raw text that would swallow the page.
    let mut foreign = 0usize;
    let flush = |text: &mut String, emit: &mut dyn FnMut(Token<'_>)| {
        if !text.is_empty() {
            emit(Token::Text(Cow::Owned(std::mem::take(text))));
        }
    };
    while i < b.len() {
        // Text up to the next '<' or '&'.
        let start = i;
        while i < b.len() && b[i] != b'<' && b[i] != b'&' {
            i += 1;
        }
        text.push_str(&s[start..i]);
        if i >= b.len() {
            break;
        }
        if b[i] == b'&' {
            i = char_ref(s, i, false, &mut text);
            continue;
        }
        // '<': a tag, a comment or plain text.
        let next = b.get(i + 1).copied();
        match next {
            Some(c) if c.is_ascii_alphabetic() => {
                let Some((tag, end)) = tag(s, i + 1) else {
                    // A tag cut off by the end of the input is dropped, with everything after it.
                    flush(&mut text, &mut emit);
                    return;
                };
                flush(&mut text, &mut emit);
                i = end;
                let raw = if tag.self_closing && foreign > 0 { Content::Markup } else { content_of(&tag.name) };
                if !tag.self_closing && matches!(tag.name.as_str(), "svg" | "math") {
                    foreign += 1;
                }
                emit(Token::Start { name: tag.name.clone(), attrs: tag.attrs, self_closing: tag.self_closing });
                if raw != Content::Markup {
                    i = raw_text(s, i, &tag.name, raw, &mut text);
                    flush(&mut text, &mut emit);
                }
            }
            Some(b'/') => match b.get(i + 2).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let Some((tag, end)) = tag(s, i + 2) else {
                        flush(&mut text, &mut emit);
                        return;
                    };
                    flush(&mut text, &mut emit);
                    if matches!(tag.name.as_str(), "svg" | "math") {
                        foreign = foreign.saturating_sub(1);
                    }
                    emit(Token::End { name: tag.name });
                    i = end;
                }
                Some(b'>') => {
                    flush(&mut text, &mut emit);
                    i += 3;
                }
                None => {
                    text.push_str("</");
                    i += 2;
                }
                // `</ …>`: a bogus comment up to the next '>'.
                Some(_) => {
                    flush(&mut text, &mut emit);
                    i = after_gt(b, i + 2);
                }
            },
            Some(b'!') => {
                flush(&mut text, &mut emit);
                i = if b[i..].starts_with(b"<!--") { comment_end(b, i + 4) } else { after_gt(b, i + 2) };
            }
            Some(b'?') => {
                flush(&mut text, &mut emit);
                i = after_gt(b, i + 1);
            }
            _ => {
                text.push('<');
                i += 1;
            }
        }
    }
    flush(&mut text, &mut emit);
}

/// The position after the next '>' at or after `from` (the end of the input if there is none).
fn after_gt(b: &[u8], from: usize) -> usize {
    b[from.min(b.len())..].iter().position(|&c| c == b'>').map_or(b.len(), |p| from + p + 1)
}

/// The end of a comment whose text starts at `from` (just after `<!--`): after `-->` or `--!>`,
/// or right away for the abrupt `<!-->` and `<!--->`.
fn comment_end(b: &[u8], from: usize) -> usize {
    let rest = &b[from.min(b.len())..];
    if rest.starts_with(b">") {
        return from + 1;
    }
    if rest.starts_with(b"->") {
        return from + 2;
    }
    let mut k = 0;
    while k < rest.len() {
        if rest[k] == b'-' && rest[k..].starts_with(b"--") {
            if rest[k + 2..].starts_with(b">") {
                return from + k + 3;
            }
            if rest[k + 2..].starts_with(b"!>") {
                return from + k + 4;
            }
        }
        k += 1;
    }
    b.len()
}

struct Tag {
    name: String,
    attrs: Vec<(String, String)>,
    self_closing: bool,
}

/// Appends a character of a tag or attribute name: ASCII lowercased, NUL replaced.
fn push_name_char(out: &mut String, c: char) {
    out.push(if c == '\0' { '\u{FFFD}' } else { c.to_ascii_lowercase() });
}

/// Reads a tag whose name starts at `from` (after `<` or `</`) up to its `>`; `None` when the
/// input ends inside it. Returns the tag and the position after its `>`.
fn tag(s: &str, from: usize) -> Option<(Tag, usize)> {
    let b = s.as_bytes();
    let mut i = from;
    let mut name = String::new();
    while i < b.len() && !is_space(b[i]) && b[i] != b'/' && b[i] != b'>' {
        let c = s[i..].chars().next()?;
        push_name_char(&mut name, c);
        i += c.len_utf8();
    }
    let mut tag = Tag { name, attrs: Vec::new(), self_closing: false };
    loop {
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        match b.get(i)? {
            b'>' => return Some((tag, i + 1)),
            b'/' => {
                i += 1;
                if *b.get(i)? == b'>' {
                    tag.self_closing = true;
                    return Some((tag, i + 1));
                }
                continue;
            }
            _ => {}
        }
        // An attribute name; its first character may be '=' (a parse error that browsers keep).
        let mut attr = String::new();
        let first = s[i..].chars().next()?;
        push_name_char(&mut attr, first);
        i += first.len_utf8();
        while i < b.len() && !is_space(b[i]) && !matches!(b[i], b'/' | b'>' | b'=') {
            let c = s[i..].chars().next()?;
            push_name_char(&mut attr, c);
            i += c.len_utf8();
        }
        while i < b.len() && is_space(b[i]) {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && is_space(b[i]) {
                i += 1;
            }
            match *b.get(i)? {
                q @ (b'"' | b'\'') => i = attr_value(s, i + 1, &mut value, |c| c == q)? + 1,
                b'>' => {}
                _ => i = attr_value(s, i, &mut value, |c| is_space(c) || c == b'>')?,
            }
        }
        if !tag.attrs.iter().any(|(k, _)| *k == attr) {
            tag.attrs.push((attr, value));
        }
    }
}

/// Reads an attribute value from `at` up to the first byte `ends` accepts (not consumed),
/// decoding character references and replacing NUL. Returns where it stopped, or `None` when
/// the input ends first (a tag cut off by the end of the input is dropped).
fn attr_value(s: &str, mut i: usize, value: &mut String, ends: impl Fn(u8) -> bool) -> Option<usize> {
    let b = s.as_bytes();
    loop {
        let start = i;
        while i < b.len() && !ends(b[i]) && b[i] != b'&' && b[i] != 0 {
            i += 1;
        }
        value.push_str(&s[start..i]);
        match *b.get(i)? {
            b'&' => i = char_ref(s, i, true, value),
            0 => {
                value.push('\u{FFFD}');
                i += 1;
            }
            _ => return Some(i),
        }
    }
}

/// Whether an end tag for `name` starts at `at` (`</name` followed by a space, `/` or `>`).
fn is_end_tag(b: &[u8], at: usize, name: &str) -> bool {
    b[at..].starts_with(b"</") && is_tag_name_at(b, at + 2, name)
}

/// Whether `name` (lowercase), then a space, `/` or `>`, starts at `at`, in any case.
fn is_tag_name_at(b: &[u8], at: usize, name: &str) -> bool {
    let end = at + name.len();
    end < b.len()
        && b[at..end].eq_ignore_ascii_case(name.as_bytes())
        && (is_space(b[end]) || b[end] == b'/' || b[end] == b'>')
}

/// Reads the raw text after the start tag `name` from `from` into `text`; returns where its end
/// tag starts (the end tag itself is then read as markup), or the end of the input.
fn raw_text(s: &str, from: usize, name: &str, raw: Content, text: &mut String) -> usize {
    let b = s.as_bytes();
    let mut i = from;
    // Script data: 0 plain, 1 inside a `<!--` escape, 2 inside a `<script>` in an escape.
    let mut escape = 0u8;
    let mut start = i;
    while i < b.len() {
        match b[i] {
            b'<' if raw != Content::Plain => {
                if is_end_tag(b, i, name) {
                    if escape != 2 {
                        break;
                    }
                    escape = 1;
                    i += 2 + name.len();
                    continue;
                }
                if raw == Content::Script {
                    if escape == 0 && b[i..].starts_with(b"<!--") {
                        escape = 1;
                        // The two dashes also count towards a closing `-->` (`<!-->`).
                        i += 2;
                        continue;
                    }
                    if escape == 1 && is_tag_name_at(b, i + 1, "script") {
                        escape = 2;
                        i += 7;
                        continue;
                    }
                }
                i += 1;
            }
            b'-' if escape != 0 && b[i..].starts_with(b"-->") => {
                escape = 0;
                i += 3;
            }
            b'&' if raw == Content::RcData => {
                push_raw(text, &s[start..i]);
                i = char_ref(s, i, false, text);
                start = i;
            }
            _ => i += 1,
        }
    }
    push_raw(text, &s[start..i]);
    i
}

/// Raw text with NUL replaced, as the raw-text states do.
fn push_raw(text: &mut String, piece: &str) {
    if piece.contains('\0') {
        text.push_str(&piece.replace('\0', "\u{FFFD}"));
    } else {
        text.push_str(piece);
    }
}

/// The named references as a sorted table of (name, characters).
fn named() -> &'static [(&'static str, String)] {
    static TABLE: OnceLock<Vec<(&'static str, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        NAMED
            .lines()
            .filter_map(|line| {
                let (name, points) = line.split_once(' ')?;
                let chars =
                    points.split(',').filter_map(|h| char::from_u32(u32::from_str_radix(h, 16).ok()?)).collect();
                Some((name, chars))
            })
            .collect()
    })
}

fn lookup(name: &str) -> Option<&'static str> {
    let table = named();
    table.binary_search_by(|(n, _)| n.cmp(&name)).ok().map(|k| table[k].1.as_str())
}

/// Windows-1252's characters for the C1 code points 0x80–0x9F, which numeric references to them
/// mean in practice (`&#150;` is an en dash); 0 where the standard keeps the code point.
const C1: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, 0,
    0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Decodes the character reference at `at` (an `&`) into `out`; returns the position after what
/// it read. Text that is no reference is copied as written. In attribute values, a legacy name
/// without `;` followed by `=` or a letter or digit stays as written (`?a=1&copy=2`).
fn char_ref(s: &str, at: usize, in_attribute: bool, out: &mut String) -> usize {
    let b = s.as_bytes();
    let mut i = at + 1;
    if b.get(i) == Some(&b'#') {
        i += 1;
        let hex = matches!(b.get(i), Some(b'x' | b'X'));
        if hex {
            i += 1;
        }
        let digits_start = i;
        let mut value: u32 = 0;
        while let Some(d) = b.get(i).and_then(|&c| (c as char).to_digit(if hex { 16 } else { 10 })) {
            value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            i += 1;
        }
        if i == digits_start {
            out.push_str(&s[at..i]);
            return i;
        }
        if b.get(i) == Some(&b';') {
            i += 1;
        }
        let c = match value {
            0 => '\u{FFFD}',
            0x80..=0x9F if C1[(value - 0x80) as usize] != 0 => {
                char::from_u32(C1[(value - 0x80) as usize].into()).unwrap_or('\u{FFFD}')
            }
            v => char::from_u32(v).unwrap_or('\u{FFFD}'),
        };
        out.push(c);
        return i;
    }
    let run = b[i..].iter().take(40).take_while(|c| c.is_ascii_alphanumeric()).count();
    let name = &s[i..i + run];
    if run > 0 && b.get(i + run) == Some(&b';') {
        if let Some(chars) = lookup(name) {
            out.push_str(chars);
            return i + run + 1;
        }
    }
    // The longest legacy name the run starts with (they are at most six letters long).
    for len in (2..=run.min(6)).rev() {
        let prefix = &name[..len];
        if LEGACY.binary_search(&prefix).is_err() {
            continue;
        }
        let after = b.get(i + len).copied();
        if in_attribute && after.is_some_and(|c| c == b'=' || c.is_ascii_alphanumeric()) {
            break;
        }
        if let Some(chars) = lookup(prefix) {
            out.push_str(chars);
            return i + len;
        }
    }
    out.push('&');
    at + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(html: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(html, |t| {
            out.push(match t {
                Token::Start { name, attrs, self_closing } => {
                    let attrs: Vec<String> = attrs.iter().map(|(k, v)| format!(" {k}={v:?}")).collect();
                    format!("<{name}{}{}>", attrs.concat(), if self_closing { "/" } else { "" })
                }
                Token::End { name } => format!("</{name}>"),
                Token::Text(t) => format!("{t:?}"),
            })
        });
        out
    }

    /// One line per case: the HTML and its tokens, joined by spaces.
    #[test]
    fn tokenizes_like_the_standard() {
        let cases: &[(&str, &str)] = &[
            ("<p>Hello</p>", r#"<p> "Hello" </p>"#),
            ("<P CLASS=Lead>a", r#"<p class="Lead"> "a""#),
            ("<a href='x' href=y title=\"t\">", r#"<a href="x" title="t">"#),
            ("<br/>x", r#"<br/> "x""#),
            ("<img src=a.png/>", r#"<img src="a.png/">"#),
            ("a < b <3 c", r#""a < b <3 c""#),
            ("x<!-- <p>no</p> -->y", r#""x" "y""#),
            ("x<!-->y<!--->z", r#""x" "y" "z""#),
            ("x<!-- a --!>y", r#""x" "y""#),
            ("<!DOCTYPE html><p>x", r#"<p> "x""#),
            ("a<?php echo 1 ?>b", r#""a" "b""#),
            ("a</>b</ x>c", r#""a" "b" "c""#),
            ("a</", r#""a</""#),
            ("a<p class=\"x", r#""a""#),
            ("&amp;&lt;&gt;&quot;&apos;&nbsp;", "\"&<>\\\"'\\u{a0}\""),
            ("&eacute;t&eacute; &copy 2024 &notit; &nosuch;", r#""été © 2024 ¬it; &nosuch;""#),
            ("&#65;&#x42;&#X43;&#150;&#0;&#xD800;&#99999999;&#;&#x;", "\"ABC–\u{fffd}\u{fffd}\u{fffd}&#;&#x;\""),
            ("<a href=\"?a=1&copy=2&amp;b&copy;\">", r#"<a href="?a=1&copy=2&b©">"#),
            ("<a title=x&amp;y>", r#"<a title="x&y">"#),
            ("<script>if (a<b) x='</p>';</script>c", r#"<script> "if (a<b) x='</p>';" </script> "c""#),
            ("<SCRIPT>x</SCRIPT >y", r#"<script> "x" </script> "y""#),
            ("<script><!--<script>x</script>y--></script>z", r#"<script> "<!--<script>x</script>y-->" </script> "z""#),
            ("<script><!-- x </script>y", r#"<script> "<!-- x " </script> "y""#),
            ("<style>p{}</styles></style>x", r#"<style> "p{}</styles>" </style> "x""#),
            ("<title>a &amp; b</title>", r#"<title> "a & b" </title>"#),
            ("<xmp><b>&amp;</b></xmp>", r#"<xmp> "<b>&amp;</b>" </xmp>"#),
            ("<plaintext>a</plaintext>b", r#"<plaintext> "a</plaintext>b""#),
            ("a\r\nb\rc", r#""a\nb\nc""#),
            ("<p =x a=1 b c = \"2\"d>", r#"<p =x="" a="1" b="" c="2" d="">"#),
            ("<p a='1'b=2>", r#"<p a="1" b="2">"#),
            ("<p/a>", r#"<p a="">"#),
            ("</p class=x>", "</p>"),
            // Inside svg or math a tag ending in `/>` is closed at once: an icon's empty
            // `<title/>` opens no raw text (it once swallowed the rest of a page).
            ("<svg><title/><path/></svg><p>x", r#"<svg> <title/> <path/> </svg> <p> "x""#),
            ("<svg><title>a<b</title></svg>", r#"<svg> <title> "a<b" </title> </svg>"#),
            ("<svg></svg><title/>a</title>b", r#"<svg> </svg> <title/> "a" </title> "b""#),
        ];
        let mut wrong = Vec::new();
        for (html, want) in cases {
            let got = tokens(html).join(" ");
            if got != *want {
                wrong.push(format!("{html:?}\n   got {got}\n  want {want}"));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn never_panics_on_cut_or_odd_input() {
        let html = "<a href=\"x&#x1F600;\">é&eacute</a><script><!--<script></script>-->€</script>&";
        for end in 0..=html.len() {
            if let Some(prefix) = html.get(..end) {
                tokenize(prefix, |_| {});
            }
        }
    }

    #[test]
    fn the_named_table_is_sorted_and_every_legacy_name_is_in_it() {
        let table = named();
        assert!(table.len() > 250);
        assert!(table.windows(2).all(|w| w[0].0 < w[1].0), "entities.rs NAMED is not sorted");
        assert!(table.iter().all(|(_, chars)| !chars.is_empty()));
        assert!(LEGACY.windows(2).all(|w| w[0] < w[1]), "entities.rs LEGACY is not sorted");
        for name in LEGACY {
            assert!(lookup(name).is_some(), "legacy name {name} is not in NAMED");
        }
    }
}
