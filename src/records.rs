//! Raw paste → records (logical lines) made of cells, each with its byte span.
//!
//! Three shapes of line occur (domain-spec §E): tab-separated (browser, Word, Excel; a
//! quoted Excel cell may run over several lines), Markdown pipes, and plain text where
//! cells are runs of spaces apart (PDF). Nothing is interpreted here beyond splitting.

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
    pub cells: Vec<Piece>,
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

/// Trims a piece to its non-space content.
fn trimmed(src: &str, start: usize, end: usize) -> Piece {
    let s = src.get(start..end).unwrap_or("");
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
    let mut out = Vec::with_capacity(src.bytes().filter(|&b| b == b'\n').count() + 1);
    let mut pos = 0;
    while pos < src.len() {
        let line_end = src[pos..].find('\n').map_or(src.len(), |i| pos + i);
        let line = &src[pos..line_end];
        let quoted_tab = line.starts_with('"')
            && closing_quote(src, pos + 1)
                .is_some_and(|c| src.as_bytes().get(c + 1) == Some(&b'\t'));
        let tabs = line.bytes().filter(|&b| b == b'\t').count();
        let rec = if tabs > 0 || quoted_tab {
            split_tab(src, pos, tabs + 1)
        } else if line.trim_start_matches(is_space).starts_with('|') {
            split_pipe(src, pos, line_end)
        } else {
            split_plain(src, pos, line_end)
        };
        // A quoted cell may have run over line ends: go on after the line the record ends on.
        let end = rec.end.max(line_end);
        let next = src[end..].find('\n').map_or(src.len(), |i| end + i + 1);
        out.push(rec);
        pos = next;
    }
    out
}

/// Tab-separated record; a cell opening with `"` runs to its closing quote, across
/// line ends (Excel/WPS copy of a cell containing a line break).
/// `cells`: how many cells the first line holds (a quoted cell may add more).
fn split_tab(src: &str, start: usize, cells: usize) -> Record {
    let bytes = src.as_bytes();
    let mut cells = Vec::with_capacity(cells);
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
                return Record {
                    shape: Shape::Tab,
                    start,
                    end: end.max(start),
                    cells,
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
        return Record {
            shape: Shape::Tab,
            start,
            end: i,
            cells,
        };
    }
}

/// The closing quote of an Excel-quoted cell: a `"` followed by a tab, a line end or the
/// end of input (`""` inside is an escaped quote). Bounded so that a stray quote in
/// prose does not swallow the rest of the paste.
fn closing_quote(src: &str, from: usize) -> Option<usize> {
    let bytes = src.as_bytes();
    let limit = (from + 600).min(bytes.len());
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

fn split_pipe(src: &str, start: usize, end: usize) -> Record {
    let line = &src[start..end];
    let mut cells = Vec::new();
    let mut cell_start = start;
    let mut first = true;
    for (i, c) in line.char_indices() {
        if c == '|' {
            if !first {
                cells.push(trimmed(src, cell_start, start + i));
            }
            first = false;
            cell_start = start + i + 1;
        }
    }
    let rest = trimmed(src, cell_start, end);
    if rest.start < rest.end {
        cells.push(rest);
    }
    // A separator row (|---|---|) carries no cells.
    let is_rule = cells.iter().all(|p| {
        src[p.start..p.end]
            .chars()
            .all(|c| matches!(c, '-' | ':' | ' '))
    });
    if is_rule {
        cells.clear();
    }
    Record {
        shape: Shape::Pipe,
        start,
        end,
        cells,
    }
}

/// Byte ranges of bracketed groups that close on the same line: "（其中修订 16 件）" is one
/// annotation, not three tokens. An unclosed bracket (a label wrapped by a PDF) protects
/// nothing, so the numbers after it stay separate.
fn bracket_groups(line: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '（' | '(' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            '）' | ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(o) = open.take() {
                        out.push((o, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

fn split_plain(src: &str, start: usize, end: usize) -> Record {
    let line = &src[start..end];
    let groups = bracket_groups(line);
    // Groups come in text order and do not overlap: one cursor walks them alongside the
    // characters (a search per space made a long one-line paste quadratic).
    let mut g = 0;
    let mut cells = Vec::new();
    let mut tok: Option<usize> = None;
    for (i, c) in line.char_indices() {
        while groups.get(g).is_some_and(|&(_, b)| b <= i) {
            g += 1;
        }
        let protected = groups.get(g).is_some_and(|&(a, b)| a < i && i < b);
        if is_space(c) && !protected {
            if let Some(s) = tok.take() {
                cells.push(Piece {
                    start: start + s,
                    end: start + i,
                });
            }
        } else if tok.is_none() {
            tok = Some(i);
        }
    }
    if let Some(s) = tok {
        cells.push(Piece {
            start: start + s,
            end,
        });
    }
    Record {
        shape: Shape::Plain,
        start,
        end,
        cells,
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
