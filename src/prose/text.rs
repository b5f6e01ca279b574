//! The paste as one comparison key for prose: width folded, simplified, whitespace
//! dropped (PDF copies break lines inside words and numbers' units), with each key
//! character's byte offset in the original paste, so every match maps back to a span.
//!
//! Built once, in one pass; everything after scans it with bounded windows, so the
//! prose stage stays linear in the input. Per key character only its char and its
//! start are stored: where it ends and its line and column are worked out from the
//! paste when a span is asked for (a few per report), not for every character.

use crate::normalize::{fold_width, to_simplified};

/// A break between paragraphs (a blank line) or at a table's edge.
pub const BREAK: char = '\n';

/// Every how many key characters the line and column are recorded, so that a position
/// is found by reading at most that many characters of the paste, even on a 1 MB
/// one-line paste.
const MARK_EVERY: usize = 64;

pub struct KeyText<'a> {
    pub chars: Vec<char>,
    src: &'a str,
    /// Where each key character comes from: the byte where its source starts (for a
    /// whitespace run, the run's first byte).
    starts: Vec<usize>,
    /// Key characters `[a, b)` that lie inside a statistical table (between its first
    /// and last cell), in order.
    tables: Vec<(usize, usize)>,
    /// One-based line and column of key characters 0, `MARK_EVERY`, 2 × `MARK_EVERY` ….
    marks: Vec<(u32, u32)>,
}

impl<'a> KeyText<'a> {
    /// `tables`: the byte ranges the statistical tables occupy, any order.
    pub fn new(src: &'a str, tables: &[(usize, usize)]) -> KeyText<'a> {
        let mut ranges: Vec<(usize, usize)> = tables.to_vec();
        ranges.sort_unstable();
        // At most one key character per source character, and a break at each edge of
        // a table: the vectors never grow. Locals, not fields, so that the loop keeps
        // their lengths in registers.
        let cap = src.len() + 2 * ranges.len();
        let mut chars: Vec<char> = Vec::with_capacity(cap);
        let mut starts: Vec<usize> = Vec::with_capacity(cap);
        let mut marks: Vec<(u32, u32)> = Vec::with_capacity(cap / MARK_EVERY + 1);
        let mut in_tables: Vec<(usize, usize)> = Vec::new();
        macro_rules! push {
            ($c:expr, $start:expr, $at:expr) => {{
                if chars.len() % MARK_EVERY == 0 {
                    marks.push($at);
                }
                chars.push($c);
                starts.push($start);
            }};
        }
        // The current source character's index, and the line it is on and the index of
        // the line's first character: its column is their difference, plus one.
        let (mut n, mut line, mut line_first) = (0u32, 1u32, 0u32);
        // The whitespace run not yet passed on to the key: where it starts, and how many
        // line feeds it holds.
        let mut ws_start: Option<(usize, (u32, u32))> = None;
        let mut ws_newlines = 0usize;
        let mut ri = 0usize;
        let (mut inside, mut edge) = (false, 0usize);
        let mut was_in_table = false;
        let bytes = src.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Whether the character lies in a table changes only at a table's edge.
            if i >= edge {
                while ri < ranges.len() && ranges[ri].1 <= i {
                    ri += 1;
                }
                inside = ranges.get(ri).is_some_and(|&(s, e)| s <= i && i < e);
                edge = match ranges.get(ri) {
                    Some(&(_, e)) if inside => e,
                    Some(&(s, _)) => s,
                    None => usize::MAX,
                };
            }
            let (c, src_len, is_ws) = key_of(src, i);
            let here = (line, n - line_first + 1);
            n += 1;
            if is_ws {
                if ws_start.is_none() {
                    ws_start = Some((i, here));
                }
                // Folding never makes a line feed: `c` is one exactly when the byte is.
                if c == '\n' {
                    ws_newlines += 1;
                    line += 1;
                    line_first = n;
                }
                i += src_len;
                // The rest of the run of ASCII whitespace (the tables' tabs and line
                // feeds), in a tight loop.
                let stop = edge.min(bytes.len());
                while i < stop && is_ascii_ws(bytes[i]) {
                    n += 1;
                    if bytes[i] == b'\n' {
                        ws_newlines += 1;
                        line += 1;
                        line_first = n;
                    }
                    i += 1;
                }
                continue;
            }
            // Every key character this source character adds shares its `inside`.
            let at_edge = inside != was_in_table;
            if at_edge {
                if inside {
                    in_tables.push((chars.len(), usize::MAX));
                } else if let Some(t) = in_tables.last_mut() {
                    t.1 = chars.len();
                }
            }
            if let Some((ws, at)) = ws_start.take() {
                if ws_newlines >= 2 {
                    push!(BREAK, ws, at);
                } else if chars.last().is_some_and(char::is_ascii_digit) && c.is_ascii_digit() {
                    push!(' ', ws, at);
                }
                ws_newlines = 0;
            }
            if at_edge {
                push!(BREAK, i, here);
                was_in_table = inside;
            }
            push!(c, i, here);
            i += src_len;
            // The rest of the run of ASCII and ideographs (no whitespace, no table edge):
            // the bulk of a report, in a tight loop; anything else goes round the outer one.
            let stop = edge.min(bytes.len());
            // One key character per source character here: the column follows from how
            // many were added, and `n` is brought up to date after the run.
            let (n0, len0) = (n, chars.len());
            while i < stop {
                let (c, src_len) = match bytes[i] {
                    x @ 0..0x80 if !is_ascii_ws(x) => (char::from(x), 1),
                    0xE4..=0xE9 => match ideograph(bytes, i) {
                        Some(c) => (c, 3),
                        None => break,
                    },
                    _ => break,
                };
                push!(
                    c,
                    i,
                    (line, n0 + (chars.len() - len0) as u32 - line_first + 1)
                );
                i += src_len;
            }
            n = n0 + (chars.len() - len0) as u32;
        }
        if let Some(t) = in_tables.last_mut().filter(|t| t.1 == usize::MAX) {
            t.1 = chars.len();
        }
        KeyText {
            chars,
            src,
            starts,
            tables: in_tables,
            marks,
        }
    }

    /// The stretches of key characters `[a, b)` outside the statistical tables, in order
    /// (what the scans for figures and claims look at).
    pub fn outside_tables(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        let ends = self.tables.iter().map(|t| t.0).chain([self.len()]);
        let starts = [0].into_iter().chain(self.tables.iter().map(|t| t.1));
        starts.zip(ends).filter(|(a, b)| a < b)
    }

    /// One-based line and column of key character `i`: from the mark before it, reading
    /// the paste up to where it starts.
    pub fn line_col(&self, i: usize) -> (usize, usize) {
        let (Some(&to), Some(&(mut line, mut col))) =
            (self.starts.get(i), self.marks.get(i / MARK_EVERY))
        else {
            return (1, 1);
        };
        let from = self.starts[i / MARK_EVERY * MARK_EVERY];
        for c in self.src.get(from..to).unwrap_or("").chars() {
            if c == '\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
        }
        (line as usize, col as usize)
    }

    /// The span in the paste of key characters `[a, b)`.
    pub fn span(&self, a: usize, b: usize) -> Option<crate::Span> {
        let (start, end) = self.byte_range(a, b)?;
        let (line, col) = self.line_col(a);
        Some(crate::Span {
            start,
            end,
            line,
            col,
        })
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// The key characters `[a, b)` as a string.
    pub fn slice(&self, a: usize, b: usize) -> String {
        self.chars
            .get(a.min(b)..b.min(self.chars.len()))
            .map_or_else(String::new, |s| s.iter().collect())
    }

    /// Whether the key has `word` at `[i, i + len)`, compared without allocating.
    pub fn has_at(&self, i: usize, word: &str) -> bool {
        (i..)
            .zip(word.chars())
            .all(|(at, c)| self.chars.get(at) == Some(&c))
    }

    /// Byte range in the paste of the key characters `[a, b)`.
    pub fn byte_range(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if a >= b {
            return None;
        }
        Some((*self.starts.get(a)?, self.end(b - 1)?))
    }

    /// Where key character `i`'s source ends: a character ends where its source
    /// character does (folded or not); a space or break standing for a whitespace run
    /// covers the run's first byte; a break at a table's edge covers nothing.
    fn end(&self, i: usize) -> Option<usize> {
        let (c, start) = (*self.chars.get(i)?, *self.starts.get(i)?);
        let (_, src_len, is_ws) = key_of(self.src, start);
        Some(if c != ' ' && c != BREAK {
            start + src_len
        } else if is_ws {
            start + 1
        } else {
            start
        })
    }
}

/// The key character of the paste's character at byte `i` (width folded, simplified),
/// the source character's length, and whether the key character is whitespace. ASCII
/// and the CJK ideographs (nearly all of a report) take a few instructions each.
#[inline(always)]
fn key_of(src: &str, i: usize) -> (char, usize, bool) {
    let b = src.as_bytes();
    let x = b[i];
    if x < 0x80 {
        return (char::from(x), 1, is_ascii_ws(x));
    }
    if let Some(c) = ideograph(b, i) {
        return (c, 3, false);
    }
    let c = src[i..].chars().next().unwrap_or(' ');
    let k = to_simplified(fold_width(c));
    (k, c.len_utf8(), k.is_whitespace())
}

/// The ASCII whitespace (what `char::is_whitespace` says of an ASCII byte).
#[inline(always)]
fn is_ascii_ws(x: u8) -> bool {
    matches!(x, b'\t'..=b'\r' | b' ')
}

/// The key of the CJK ideograph (U+4E00–U+9FFF, three bytes) at byte `i`, if there is
/// one: ideographs are never folded nor whitespace, only simplified.
#[inline(always)]
fn ideograph(b: &[u8], i: usize) -> Option<char> {
    let &[x, y, z] = b.get(i..i + 3)? else {
        return None;
    };
    if x & 0xF0 != 0xE0 {
        return None;
    }
    let u = (u32::from(x & 0x0F) << 12) | (u32::from(y & 0x3F) << 6) | u32::from(z & 0x3F);
    if !(0x4E00..0xA000).contains(&u) {
        return None;
    }
    char::from_u32(u).map(to_simplified)
}

/// Ends a sentence.
pub fn is_sentence_end(c: char) -> bool {
    matches!(c, '。' | '!' | '?' | BREAK)
}

/// Ends a clause (and a sentence).
pub fn is_clause_end(c: char) -> bool {
    is_sentence_end(c)
        || matches!(
            c,
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '、' | '《' | '》'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let src = "申请 １２\n件，\n\n共 1 0 件";
        let k = KeyText::new(src, &[]);
        let s: String = k.chars.iter().collect();
        assert_eq!(s, "申请12件,\n共1 0件");
        let i = s.chars().position(|c| c == '1').unwrap_or(0);
        assert_eq!(
            k.byte_range(i, i + 1),
            Some((src.find('１').unwrap_or(0), src.find('２').unwrap_or(0)))
        );
    }

    #[test]
    fn positions_past_the_marks() {
        // Long enough for several marks; line feeds, blank lines, wide and narrow
        // characters, a spaced-out number, and a table in the middle.
        let mut src = String::new();
        for n in 0..40 {
            src.push_str(&format!("第{n}行：申请 １{n}\t件，共 1 0 件\r\n"));
            if n % 7 == 0 {
                src.push_str("\n\n　");
            }
        }
        let t = (src.len() / 3, src.len() / 2);
        let k = KeyText::new(&src, &[t]);
        assert!(k.len() > 4 * MARK_EVERY);
        for i in 0..k.len() {
            let span = k.span(i, i + 1).unwrap_or_else(|| panic!("{i}"));
            let before = &src[..span.start];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            assert_eq!((span.line, span.col), (line, col), "{i}");
        }
    }

    #[test]
    fn marks_tables() {
        let src = "甲。表1 2 3乙";
        let a = src.find('表').unwrap_or(0);
        let b = src.find('乙').unwrap_or(0);
        let k = KeyText::new(src, &[(a, b)]);
        let s: String = k.chars.iter().collect();
        assert_eq!(s, "甲。\n表1 2 3\n乙");
        // The break entering the table is in it, the one leaving it is not.
        assert_eq!(k.outside_tables().collect::<Vec<_>>(), [(0, 2), (9, 11)]);
    }
}
