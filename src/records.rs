//! Raw paste → records (logical lines) made of cells, each with its byte span.
//!
//! Three shapes of line occur (domain-spec §E): tab-separated (browser, Word, Excel; a
//! quoted Excel cell may run over several lines), Markdown pipes, and plain text where
//! cells are runs of spaces apart (PDF). Nothing is interpreted here beyond splitting.

use std::ops::Range;
use std::rc::Rc;

use crate::normalize::fold_width;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Tab,
    Pipe,
    Plain,
}

impl Shape {
    pub fn name(self) -> &'static str {
        match self {
            Shape::Tab => "tab",
            Shape::Pipe => "pipes",
            Shape::Plain => "spaces",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Piece {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone)]
pub struct Record {
    pub shape: Shape,
    pub start: usize,
    pub end: usize,
    /// Explicit cells (tab/pipe) or whitespace tokens (plain).
    pub cells: Cells,
}

/// A record's cells: its range of the pieces of the whole paste, which all records
/// share (one allocation for the paste rather than one per line). Reads as a slice.
#[derive(Debug, Clone)]
pub struct Cells {
    all: Rc<[Piece]>,
    range: Range<usize>,
}

impl std::ops::Deref for Cells {
    type Target = [Piece];
    fn deref(&self) -> &[Piece] {
        &self.all[self.range.clone()]
    }
}

/// A record while the paste is split: its cells are `pieces[cells]` of the split.
struct Line {
    shape: Shape,
    start: usize,
    end: usize,
    cells: Range<usize>,
}

impl Record {
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        src.get(self.start..self.end).unwrap_or("")
    }
    pub fn cell<'a>(&self, src: &'a str, i: usize) -> &'a str {
        self.cells
            .get(i)
            .and_then(|p| src.get(p.start..p.end))
            .unwrap_or("")
    }
}

fn is_space(c: char) -> bool {
    // ASCII first: the same answer without the Unicode table.
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | ' ');
    }
    c.is_whitespace() || fold_width(c) == ' '
}

/// The piece's first and last characters are not spaces, told from their bytes: ASCII
/// other than whitespace, or an ideograph (lead byte 0xE4..=0xE9, U+4000..U+9FFF).
fn untrimmed(s: &str) -> bool {
    let b = s.as_bytes();
    let solid = |x: u8| (x > b' ' && x < 0x80) || (0xE4..=0xE9).contains(&x);
    let Some(&first) = b.first() else {
        return false;
    };
    // The last character's lead byte: at most three continuation bytes back.
    let last = b.iter().rev().take(4).find(|&&x| x & 0xC0 != 0x80);
    solid(first) && last.is_some_and(|&x| solid(x))
}

/// Trims a piece to its non-space content.
fn trimmed(src: &str, start: usize, end: usize) -> Piece {
    if start == end {
        return Piece { start, end };
    }
    let s = src.get(start..end).unwrap_or("");
    if untrimmed(s) {
        return Piece { start, end };
    }
    let lead = s.len() - s.trim_start_matches(is_space).len();
    let tail = s.trim_end_matches(is_space).len();
    if tail <= lead {
        return Piece {
            start: start + lead,
            end: start + lead,
        };
    }
    Piece {
        start: start + lead,
        end: start + tail,
    }
}

pub fn split(src: &str) -> Vec<Record> {
    // Every record's cells go to one buffer of pieces, shared by the records at the end.
    let mut lines = Vec::new();
    let mut pieces = Vec::new();
    let mut groups = Vec::new();
    let mut pos = 0;
    while pos < src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = &src[pos..line_end];
        let quoted_tab = line.starts_with('"')
            && closing_quote(src, pos + 1)
                .is_some_and(|c| src.as_bytes().get(c + 1) == Some(&b'\t'));
        let rec = if quoted_tab || line.as_bytes().contains(&b'\t') {
            split_tab(src, pos, &mut pieces)
        } else if line.trim_start_matches(is_space).starts_with('|') {
            split_pipe(src, pos, line_end, &mut pieces)
        } else {
            split_plain(src, pos, line_end, &mut groups, &mut pieces)
        };
        // A quoted cell may have run over line ends: go on after the line the record ends on.
        let next = if rec.end <= line_end {
            (line_end + 1).min(src.len())
        } else {
            src[rec.end..]
                .find('\n')
                .map_or(src.len(), |i| rec.end + i + 1)
        };
        lines.push(rec);
        pos = next;
    }
    let all: Rc<[Piece]> = pieces.into();
    lines
        .into_iter()
        .map(|l| Record {
            shape: l.shape,
            start: l.start,
            end: l.end,
            cells: Cells {
                all: Rc::clone(&all),
                range: l.cells,
            },
        })
        .collect()
}

/// Tab-separated record; a cell opening with `"` runs to its closing quote, across
/// line ends (Excel/WPS copy of a cell containing a line break).
fn split_tab(src: &str, start: usize, cells: &mut Vec<Piece>) -> Line {
    let bytes = src.as_bytes();
    let first = cells.len();
    let mut i = start;
    loop {
        let cell_start = i;
        if bytes.get(i) == Some(&b'"') {
            if let Some(close) = closing_quote(src, i + 1) {
                cells.push(trimmed(src, i + 1, close));
                i = close + 1;
                // Skip to the separator after the quoted cell.
                while i < bytes.len() && bytes[i] != b'\t' && bytes[i] != b'\n' {
                    i += 1;
                }
                if bytes.get(i) == Some(&b'\t') {
                    i += 1;
                    continue;
                }
                let end = if i > 0 && bytes.get(i - 1) == Some(&b'\r') {
                    i - 1
                } else {
                    i
                };
                return Line {
                    shape: Shape::Tab,
                    start,
                    end: end.max(start),
                    cells: first..cells.len(),
                };
            }
        }
        while i < bytes.len() && bytes[i] != b'\t' && bytes[i] != b'\n' {
            i += 1;
        }
        cells.push(trimmed(src, cell_start, i));
        if bytes.get(i) == Some(&b'\t') {
            i += 1;
            continue;
        }
        return Line {
            shape: Shape::Tab,
            start,
            end: i,
            cells: first..cells.len(),
        };
    }
}

/// Longest quoted cell looked for (bytes): a label cell with a line break or two is far
/// shorter, and a stray quote in prose must not make a search to the end of the paste.
const MAX_QUOTED_CELL: usize = 600;

/// The closing quote of an Excel-quoted cell: a `"` followed by a tab, a line end or the
/// end of input (`""` inside is an escaped quote). Bounded so that a stray quote in
/// prose does not swallow the rest of the paste.
fn closing_quote(src: &str, from: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let limit = (from + MAX_QUOTED_CELL).min(bytes.len());
    let mut i = from;
    while i < limit {
        if bytes[i] == b'"' {
            if bytes.get(i + 1) == Some(&b'"') {
                i += 2;
                continue;
            }
            return match bytes.get(i + 1) {
                None | Some(b'\t') | Some(b'\n') | Some(b'\r') => Some(i),
                _ => None,
            };
        }
        i += 1;
    }
    None
}

fn split_pipe(src: &str, start: usize, end: usize, cells: &mut Vec<Piece>) -> Line {
    let line = &src[start..end];
    let first = cells.len();
    let mut cell_start = start;
    let mut opened = false;
    for (i, c) in line.char_indices() {
        if c == '|' {
            if opened {
                cells.push(trimmed(src, cell_start, start + i));
            }
            opened = true;
            cell_start = start + i + 1;
        }
    }
    let rest = trimmed(src, cell_start, end);
    if rest.start < rest.end {
        cells.push(rest);
    }
    // A separator row (|---|---|) carries no cells.
    let is_rule = cells[first..].iter().all(|p| {
        src[p.start..p.end]
            .chars()
            .all(|c| matches!(c, '-' | ':' | ' '))
    });
    if is_rule {
        cells.truncate(first);
    }
    Line {
        shape: Shape::Pipe,
        start,
        end,
        cells: first..cells.len(),
    }
}

/// What a character of a plain line is to the splitter.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Plain {
    Space,
    Open,
    Close,
    Other,
}

/// The character at byte `i` of `line` (a char boundary): its length and kind. On bytes:
/// ASCII and CJK ideographs (most of a line) need no decoding.
#[inline(always)]
fn plain_at(line: &str, i: usize) -> (usize, Plain) {
    let x = line.as_bytes()[i];
    if x < 0x80 {
        let k = match x {
            b'\t'..=b'\r' | b' ' => Plain::Space,
            b'(' => Plain::Open,
            b')' => Plain::Close,
            _ => Plain::Other,
        };
        return (1, k);
    }
    // Lead bytes 0xE4..=0xE9 start U+4000..U+9FFF: ideographs, never a space or bracket.
    if (0xE4..=0xE9).contains(&x) {
        return (3, Plain::Other);
    }
    let Some(c) = line[i..].chars().next() else {
        return (1, Plain::Other);
    };
    let k = match c {
        '（' => Plain::Open,
        '）' => Plain::Close,
        c if is_space(c) => Plain::Space,
        _ => Plain::Other,
    };
    (c.len_utf8(), k)
}

/// Byte ranges of bracketed groups that close on the same line: "（其中修订 16 件）" is one
/// annotation, not three tokens. An unclosed bracket (a label wrapped by a PDF) protects
/// nothing, so the numbers after it stay separate.
fn bracket_groups(line: &str, out: &mut Vec<(usize, usize)>) {
    out.clear();
    // Most lines open no bracket: two byte searches instead of a walk over the characters.
    if !line.contains('(') && !line.contains('（') {
        return;
    }
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    let mut i = 0;
    while i < line.len() {
        let (len, k) = plain_at(line, i);
        match k {
            Plain::Open => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            Plain::Close if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        out.push((o, i));
                    }
                }
            }
            _ => {}
        }
        i += len;
    }
}

/// `groups`: a buffer reused from one line to the next.
fn split_plain(
    src: &str,
    start: usize,
    end: usize,
    groups: &mut Vec<(usize, usize)>,
    cells: &mut Vec<Piece>,
) -> Line {
    let line = &src[start..end];
    bracket_groups(line, groups);
    let groups = &*groups;
    let first = cells.len();
    // Groups come in text order and do not overlap: one cursor walks them alongside the
    // characters (a search per space made a long one-line paste quadratic).
    let mut g = 0;
    let mut tok: Option<usize> = None;
    let mut i = 0;
    while i < line.len() {
        let (len, k) = plain_at(line, i);
        while groups.get(g).is_some_and(|&(_, b)| b <= i) {
            g += 1;
        }
        let protected = groups.get(g).is_some_and(|&(a, b)| a < i && i < b);
        if k == Plain::Space && !protected {
            if let Some(s) = tok.take() {
                cells.push(Piece {
                    start: start + s,
                    end: start + i,
                });
            }
        } else if tok.is_none() {
            tok = Some(i);
        }
        i += len;
    }
    if let Some(s) = tok {
        cells.push(Piece {
            start: start + s,
            end,
        });
    }
    Line {
        shape: Shape::Plain,
        start,
        end,
        cells: first..cells.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str, r: &Record) -> Vec<String> {
        r.cells
            .iter()
            .map(|p| src[p.start..p.end].to_string())
            .collect()
    }

    #[test]
    fn tab_keeps_empty_cells() {
        let s = "二、上年结转\t18\t\t\t18\nx";
        let r = split(s);
        assert_eq!(texts(s, &r[0]), ["二、上年结转", "18", "", "", "18"]);
        assert_eq!(r.len(), 2);
    }

    #[test]
    fn quoted_cell_spans_lines() {
        let s = "\"商业\n企业\"\t科研机构\n一\t1";
        let r = split(s);
        assert_eq!(texts(s, &r[0]), ["商业\n企业", "科研机构"]);
        assert_eq!(texts(s, &r[1]), ["一", "1"]);
    }

    #[test]
    fn pipes_and_rules() {
        let s = "| 规章 | 0 |  |\n|---|---|\n";
        let r = split(s);
        assert_eq!(texts(s, &r[0]), ["规章", "0", ""]);
        assert!(r[1].cells.is_empty());
    }

    #[test]
    fn plain_keeps_closed_brackets_together() {
        let s = "规章 22（其中修订 16 件） 0 (二) 部分";
        let r = split(s);
        assert_eq!(
            texts(s, &r[0]),
            ["规章", "22（其中修订 16 件）", "0", "(二)", "部分"]
        );
    }

    #[test]
    fn plain_tokens() {
        let s = "四、结转下年度继续办理 0\u{3000}0  0";
        let r = split(s);
        assert_eq!(texts(s, &r[0]), ["四、结转下年度继续办理", "0", "0", "0"]);
    }
}
