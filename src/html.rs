//! HTML report → grids and text (native only; the page does the same with DOMParser).
//!
//! Tables become grids by the HTML table-forming rules (rowspan/colspan expanded, the
//! text in the origin slot, covered slots empty); everything else becomes text lines, so
//! the prose (title, statistical period) is still seen.
//!
//! Hostile input: the nesting depth is bounded before parsing, as browsers bound it (Blink
//! stops nesting at 512 levels), because the HTML tree builder scans its stack of open
//! elements on every tag (time grows with the square of the depth: 40,000 nested `<div>`
//! took 18 s), and the tree is walked with an explicit stack, never by recursion (200,000
//! nested `<span>` overflowed the stack).

use std::borrow::Cow;
use std::collections::HashMap;

use scraper::{ElementRef, Html, Node};

use crate::GridTable;

/// Deepest element nesting read; tags deeper than this are ignored and their text kept.
pub const MAX_DEPTH: usize = 512;

/// What reading an HTML document gave.
#[derive(Debug, Clone, Default)]
pub struct HtmlText {
    /// Prose lines and tab-separated tables, as the engine reads them.
    pub text: String,
    /// How many tags nested deeper than [`MAX_DEPTH`] were ignored (their text is kept).
    pub ignored_tags: usize,
    /// How many `<table>` elements were read as grids.
    pub tables: usize,
    /// The markup was escaped as a JavaScript/JSON string (`\"`, `<\/td>`) and was unescaped.
    pub unescaped: bool,
}

/// The text the engine reads for an HTML document: prose lines and tab-separated tables.
pub fn to_text(html: &str) -> String {
    read(html).text
}

/// Reads an HTML document: bounds its depth, parses it, and walks it without recursion.
pub fn read(html: &str) -> HtmlText {
    let (bounded, ignored_tags) = bound_depth(html, MAX_DEPTH);
    let doc = Html::parse_document(&bounded);
    let mut text = String::new();
    let tables = walk(doc.root_element(), &mut text);
    HtmlText {
        text,
        ignored_tags,
        tables,
        unescaped: false,
    }
}

/// Text that is really HTML: a saved page's source, or a script or JSON string holding the
/// page's HTML (`<table class=\"t\">…<\/td>`, `\u003ctd\u003e`). When it holds table
/// markup (`<table` … `<td`/`<th`, any case), returns it read as HTML (unescaped first when
/// escaped; the text inside `<script>` is read as markup when the tables are only there);
/// otherwise `None`.
pub fn read_markup(text: &str) -> Option<HtmlText> {
    let mut src = Cow::Borrowed(text);
    let mut unescaped = false;
    for _ in 0..3 {
        if !looks_escaped(&src) {
            break;
        }
        src = Cow::Owned(unescape_js(&src));
        unescaped = true;
    }
    if !has_table_markup(&src) {
        return None;
    }
    let mut h = read(&src);
    if h.tables == 0 && find_ci(src.as_bytes(), 0, b"<script").is_some() {
        let opened = read(&unwrap_scripts(&src));
        if opened.tables > 0 {
            h = opened;
        }
    }
    h.unescaped = unescaped;
    Some(h)
}

/// Case-insensitive search for an ASCII needle.
fn find_ci(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = needle.first()?.to_ascii_lowercase();
    let mut i = from;
    while i + needle.len() <= hay.len() {
        if hay[i].to_ascii_lowercase() == first
            && hay[i..i + needle.len()].eq_ignore_ascii_case(needle)
        {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// `<table` followed somewhere by `<td` or `<th` (any case).
pub fn has_table_markup(text: &str) -> bool {
    let b = text.as_bytes();
    let Some(t) = find_ci(b, 0, b"<table") else {
        return false;
    };
    let mut i = t + 6;
    while let Some(p) = find_ci(b, i, b"<t") {
        if matches!(b.get(p + 2).map(u8::to_ascii_lowercase), Some(b'd' | b'h'))
            && !b.get(p + 3).is_some_and(u8::is_ascii_alphanumeric)
        {
            return true;
        }
        i = p + 2;
    }
    false
}

/// Table markup written as a JavaScript/JSON string: `<\/td>`, `\u003ctd`, `\x3ctd`, or a
/// `\"` inside a table tag.
fn looks_escaped(text: &str) -> bool {
    let b = text.as_bytes();
    for m in [
        &b"<\\/td"[..],
        b"<\\/th",
        b"<\\/tr",
        b"<\\/table",
        b"\\u003ctable",
        b"\\u003ctd",
        b"\\x3ctable",
        b"\\x3ctd",
    ] {
        if find_ci(b, 0, m).is_some() {
            return true;
        }
    }
    // <table border=\"1\">, <td colspan=\"2\">: a `\"` before the tag's '>'. The next '>'
    // and the next `\"` are found once and reused until passed: linear in the input.
    let (mut gt, mut esc): (Option<usize>, Option<usize>) = (None, None);
    let mut i = 0;
    while let Some(p) = find_ci(b, i, b"<t") {
        if matches!(
            b.get(p + 2).map(u8::to_ascii_lowercase),
            Some(b'a' | b'd' | b'h' | b'r')
        ) {
            let g = match gt {
                Some(g) if g >= p => g,
                _ => *gt.insert(find(b, p, b">").unwrap_or(b.len())),
            };
            let e = match esc {
                Some(e) if e >= p => e,
                _ => *esc.insert(find(b, p, b"\\\"").unwrap_or(b.len())),
            };
            if e < g {
                return true;
            }
        }
        i = p + 2;
    }
    false
}

/// Undoes JavaScript/JSON string escapes: `\"` `\'` `\/` `\\` `\n` `\r` `\t` `\uXXXX` (with
/// surrogate pairs) `\xHH`; any other backslash is kept as it is.
pub fn unescape_js(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let hex = |s: &str| u32::from_str_radix(s, 16).ok();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let Some(&n) = chars.peek() else {
            out.push(c);
            break;
        };
        let simple = match n {
            '"' | '\'' | '/' | '\\' => Some(n),
            'n' => Some('\n'),
            'r' => Some('\r'),
            't' => Some('\t'),
            _ => None,
        };
        if let Some(ch) = simple {
            chars.next();
            out.push(ch);
            continue;
        }
        let digits = match n {
            'u' => 4,
            'x' => 2,
            _ => 0,
        };
        let rest: String = chars.clone().skip(1).take(digits).collect();
        let code =
            (digits > 0 && rest.len() == digits && rest.bytes().all(|d| d.is_ascii_hexdigit()))
                .then(|| hex(&rest))
                .flatten();
        let Some(mut code) = code else {
            out.push(c);
            continue;
        };
        for _ in 0..=digits {
            chars.next();
        }
        if (0xD800..0xDC00).contains(&code) {
            // a high surrogate: combine with a following \uDC00–\uDFFF
            let ahead: String = chars.clone().take(6).collect();
            if let Some(low) = ahead
                .strip_prefix("\\u")
                .filter(|h| h.len() == 4)
                .and_then(hex)
                .filter(|l| (0xDC00..0xE000).contains(l))
            {
                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                for _ in 0..6 {
                    chars.next();
                }
            }
        }
        out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
    }
    out
}

/// The text inside `<script>` read as markup (the page's HTML kept in a script string).
fn unwrap_scripts(html: &str) -> String {
    let b = html.as_bytes();
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    let mut i = 0;
    while let Some(p) = find(b, i, b"<") {
        i = p + 1;
        let closing = b.get(p + 1) == Some(&b'/');
        let n = p + 1 + usize::from(closing);
        if b.len() >= n + 6
            && b[n..n + 6].eq_ignore_ascii_case(b"script")
            && !b.get(n + 6).is_some_and(u8::is_ascii_alphanumeric)
        {
            let Some(e) = find(b, n, b">") else { break };
            out.push_str(&html[at..p]);
            out.push_str(if closing { "</div>" } else { "<div>" });
            at = e + 1;
            i = e + 1;
        }
    }
    out.push_str(&html[at..]);
    out
}

/// Elements that never hold content (no end tag).
fn is_void(name: &[u8]) -> bool {
    matches!(
        name,
        b"area"
            | b"base"
            | b"br"
            | b"col"
            | b"embed"
            | b"hr"
            | b"img"
            | b"input"
            | b"link"
            | b"meta"
            | b"param"
            | b"source"
            | b"track"
            | b"wbr"
            | b"keygen"
            | b"basefont"
            | b"bgsound"
            | b"frame"
            | b"image"
    )
}

/// Elements the tree builder closes by itself when a sibling opens (`<p>…<p>`, `<td>…<td>`,
/// often written without end tags) or that exist once: they cannot nest without a counted
/// element between them, so leaving them out of the count keeps real pages exact.
fn closes_itself(name: &[u8]) -> bool {
    matches!(
        name,
        b"p" | b"li"
            | b"dt"
            | b"dd"
            | b"td"
            | b"th"
            | b"tr"
            | b"tbody"
            | b"thead"
            | b"tfoot"
            | b"caption"
            | b"colgroup"
            | b"option"
            | b"optgroup"
            | b"rb"
            | b"rt"
            | b"rp"
            | b"rtc"
            | b"html"
            | b"head"
            | b"body"
    )
}

/// Elements whose content is text, not markup, up to their end tag.
fn is_raw_text(name: &[u8]) -> bool {
    matches!(
        name,
        b"script"
            | b"style"
            | b"textarea"
            | b"title"
            | b"xmp"
            | b"iframe"
            | b"noembed"
            | b"noframes"
            | b"noscript"
    )
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

/// Case-insensitive search for `</name` from `from`.
fn find_end_tag(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    let mut i = from;
    while let Some(p) = find(b, i, b"</") {
        let n = p + 2;
        if b.len() >= n + name.len()
            && b[n..n + name.len()].eq_ignore_ascii_case(name)
            && !b.get(n + name.len()).is_some_and(u8::is_ascii_alphanumeric)
        {
            return Some(p);
        }
        i = p + 2;
    }
    None
}

/// Bounds the element nesting of `html` to `max` levels, in one linear pass over the tags:
/// an opening tag that would nest deeper is dropped, and so is the end tag that closes it;
/// text is always kept. The count follows the tags as written (matching end tags by name
/// on a stack of at most `max` entries), leaving out void elements, raw-text elements and
/// the elements the tree builder closes by itself. Returns the input unchanged (borrowed)
/// when nothing is dropped, and how many tags were dropped.
pub fn bound_depth(html: &str, max: usize) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let mut stack: Vec<Vec<u8>> = Vec::new(); // lower-case names of the counted open elements
    let mut foreign = 0usize; // <svg>/<math> on the stack: there `<x/>` closes itself
    let mut dropped: HashMap<Vec<u8>, usize> = HashMap::new(); // open tags dropped, by name
    let mut open: HashMap<Vec<u8>, usize> = HashMap::new(); // names on the stack, counted
    let mut cut: Vec<(usize, usize)> = Vec::new(); // byte ranges of dropped tags
    let mut i = 0;
    while let Some(lt) = memchr_lt(b, i) {
        i = lt + 1;
        let rest = &b[lt..];
        if rest.starts_with(b"<!--") {
            match find(b, lt + 4, b"-->") {
                Some(e) => i = e + 3,
                None => break,
            }
            continue;
        }
        let Some(&c1) = rest.get(1) else { break };
        if c1 == b'!' || c1 == b'?' {
            match find(b, lt + 2, b">") {
                Some(e) => i = e + 1,
                None => break,
            }
            continue;
        }
        let closing = c1 == b'/';
        let name_start = lt + 1 + usize::from(closing);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue; // "<" as text (or "</" + non-letter: a bogus comment, harmless)
        }
        let mut j = name_start;
        while j < b.len() && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            j += 1;
        }
        let name = b[name_start..j].to_ascii_lowercase();
        // the end of the tag: the next '>' outside a quoted attribute value
        let mut quote = None;
        let mut after_eq = false;
        while j < b.len() {
            let ch = b[j];
            match quote {
                Some(q) if ch == q => quote = None,
                Some(_) => {}
                None if ch == b'>' => break,
                None if after_eq && (ch == b'"' || ch == b'\'') => quote = Some(ch),
                None => {}
            }
            if quote.is_none() && !ch.is_ascii_whitespace() {
                after_eq = ch == b'=';
            }
            j += 1;
        }
        if j >= b.len() {
            break; // an unfinished tag at the end: the tokenizer drops it
        }
        let end = j + 1;
        let self_closing = b[j - 1] == b'/';
        i = end;
        if closing {
            if is_void(&name) || closes_itself(&name) || (is_raw_text(&name) && foreign == 0) {
                continue;
            }
            if let Some(n) = dropped.get_mut(&name).filter(|n| **n > 0) {
                *n -= 1;
                cut.push((lt, end));
            } else if open.get(&name).is_some_and(|n| *n > 0) {
                // pops what it searches: amortised constant time per tag
                let k = stack
                    .iter()
                    .rposition(|s| *s == name)
                    .unwrap_or(stack.len());
                for s in stack.drain(k..) {
                    if s == b"svg" || s == b"math" {
                        foreign -= 1;
                    }
                    if let Some(n) = open.get_mut(&s) {
                        *n -= 1;
                    }
                }
            }
            continue;
        }
        if foreign == 0 && name == b"plaintext" {
            break; // everything after it is text
        }
        if foreign == 0 && is_raw_text(&name) {
            match find_end_tag(b, end, &name) {
                Some(e) => i = e,
                None => break,
            }
            continue;
        }
        if is_void(&name) || closes_itself(&name) || (self_closing && foreign > 0) {
            continue;
        }
        if stack.len() >= max {
            *dropped.entry(name).or_default() += 1;
            cut.push((lt, end));
            continue;
        }
        if name == b"svg" || name == b"math" {
            foreign += 1;
        }
        *open.entry(name.clone()).or_default() += 1;
        stack.push(name);
    }
    if cut.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for &(s, e) in &cut {
        out.push_str(&html[at..s]);
        at = e;
    }
    out.push_str(&html[at..]);
    (Cow::Owned(out), cut.len())
}

fn memchr_lt(b: &[u8], from: usize) -> Option<usize> {
    b.get(from..)?
        .iter()
        .position(|&c| c == b'<')
        .map(|p| from + p)
}

fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "li"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "section"
            | "article"
            | "tr"
            | "title"
            | "ul"
            | "ol"
    )
}

/// The document's text in order, with an explicit stack (no recursion: the depth of the
/// tree is the input's to choose). `None` on the stack ends a block element.
fn walk(el: ElementRef, out: &mut String) -> usize {
    let mut tables = 0;
    let mut stack: Vec<Option<_>> = el.children().rev().map(Some).collect();
    while let Some(step) = stack.pop() {
        let Some(node) = step else {
            newline(out);
            continue;
        };
        match node.value() {
            Node::Text(t) => out.push_str(&t.replace(['\n', '\r', '\t'], " ")),
            Node::Element(e) => {
                let name = e.name();
                if matches!(name, "script" | "style" | "head" | "noscript" | "template") {
                    continue;
                }
                let Some(child_el) = ElementRef::wrap(node) else {
                    continue;
                };
                if name == "table" {
                    newline(out);
                    out.push_str(&crate::grid_text(&[grid(child_el)]));
                    tables += 1;
                    continue;
                }
                if is_block(name) {
                    newline(out);
                    stack.push(None);
                }
                stack.extend(node.children().rev().map(Some));
            }
            _ => {}
        }
    }
    tables
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn cell_text(el: ElementRef) -> String {
    let t: Vec<&str> = el.text().collect();
    t.join(" ").split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The grid of one table (nested tables are read as their own text).
pub fn grid(table: ElementRef) -> GridTable {
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    let trs = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|e| {
            e.value().name() == "tr"
                && e.ancestors()
                    .filter_map(ElementRef::wrap)
                    .find(|a| a.value().name() == "table")
                    == Some(table)
        });
    for (r, tr) in trs.enumerate() {
        if rows.len() <= r {
            rows.resize(r + 1, Vec::new());
        }
        let mut c = 0;
        for td in tr
            .children()
            .filter_map(ElementRef::wrap)
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while rows[r].get(c).is_some_and(Option::is_some) {
                c += 1;
            }
            let span = |a: &str, max: usize| {
                td.value()
                    .attr(a)
                    .and_then(|v| v.trim().parse::<usize>().ok())
                    .unwrap_or(1)
                    .clamp(1, max)
            };
            let (rs, cs) = (span("rowspan", 200), span("colspan", 50));
            let text = cell_text(td);
            for dr in 0..rs {
                let rr = r + dr;
                if rows.len() <= rr {
                    rows.resize(rr + 1, Vec::new());
                }
                for dc in 0..cs {
                    let cc = c + dc;
                    if rows[rr].len() <= cc {
                        rows[rr].resize(cc + 1, None);
                    }
                    rows[rr][cc] = Some(if dr == 0 && dc == 0 {
                        text.clone()
                    } else {
                        String::new()
                    });
                }
            }
            c += cs;
        }
    }
    GridTable {
        rows: rows
            .into_iter()
            .map(|r| r.into_iter().map(Option::unwrap_or_default).collect())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_expand_with_text_at_origin() {
        let t = to_text("<p>标题</p><table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr><tr><td>1</td><td>2</td></tr></table>");
        assert!(t.contains("标题\n"));
        assert!(t.contains("A\tB\t\n\t1\t2\n"), "{t:?}");
    }

    #[test]
    fn an_ordinary_page_is_not_touched() {
        let page = "<!doctype html><html><head><title>t</title><script>var s = '<div><div><div>';</script>\
            <style>div > p {}</style></head><body><!-- <div><div> --><div class=\"a>b\"><p>x<p>y\
            <table><tr><td>1<td>2<tr><td>3</table><svg><path d=\"M0\"/><path/></svg><br/><img src=x></div></body></html>";
        let (out, n) = bound_depth(page, 3);
        assert_eq!(n, 0);
        assert!(matches!(out, Cow::Borrowed(_)));
    }

    #[test]
    fn deeper_tags_are_dropped_with_their_end_tags_and_the_text_is_kept() {
        let (out, n) = bound_depth("<div><span><b>x<i>y</i></b>z</span></div>w", 2);
        assert_eq!(out, "<div><span>xyz</span></div>w");
        assert_eq!(n, 4);
        // unclosed tags: only the opening ones beyond the bound go
        let spans = "<span>".repeat(10);
        let (out, n) = bound_depth(&spans, 4);
        assert_eq!(out, "<span>".repeat(4));
        assert_eq!(n, 6);
        // an end tag of an open element closes it (and what is above it)
        let (out, n) = bound_depth("<div><b><i></div><div><u>x</u></div>", 3);
        assert_eq!(
            (out.as_ref(), n),
            ("<div><b><i></div><div><u>x</u></div>", 0)
        );
    }

    #[test]
    fn javascript_escapes_are_undone() {
        assert_eq!(
            unescape_js(r#"<td class=\"a\">1<\/td>\n\u003ctd\u003e\ud83d\ude00\x41\q\"#),
            "<td class=\"a\">1</td>\n<td>\u{1F600}A\\q\\"
        );
        assert!(looks_escaped(r#"<table border=\"1\"><tr><td>1</td>"#));
        assert!(looks_escaped("<table><tr><td>1<\\/td>"));
        assert!(!looks_escaped(r#"<table border="1"><tr><td>C:\new</td>"#));
        assert!(has_table_markup("<TABLE><TR><TH>x"));
        assert!(!has_table_markup("<table> <thead> <tbody>"));
        let h = read_markup(
            r#"x = "<table><tr><td>一、本年新收<\/td><td>&nbsp;<\/td><\/tr><\/table>";"#,
        )
        .expect("markup");
        assert!(h.unescaped);
        assert_eq!(h.tables, 1);
        assert!(h.text.contains("一、本年新收\t\n"), "{:?}", h.text);
    }

    #[test]
    fn deep_nesting_reads_without_recursion() {
        let deep = format!(
            "<p>标题</p>{}文字{}",
            "<span>".repeat(200_000),
            "</span>".repeat(200_000)
        );
        let h = read(&deep);
        assert!(
            h.text.contains("标题\n文字"),
            "{:?}",
            &h.text[..h.text.len().min(200)]
        );
        assert_eq!(h.ignored_tags, 2 * (200_000 - MAX_DEPTH));
    }
}
