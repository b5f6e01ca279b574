//! The paste as one comparison key for prose: width folded, simplified, whitespace
//! dropped (PDF copies break lines inside words and numbers' units), with each key
//! character's byte range in the original paste, so every match maps back to a span.
//!
//! Built once, in one pass; everything after scans it with bounded windows, so the
//! prose stage stays linear in the input.

use crate::normalize::{fold_width, to_simplified};

/// A break between paragraphs (a blank line) or at a table's edge.
pub const BREAK: char = '\n';

pub struct KeyText {
    pub chars: Vec<char>,
    /// The character lies inside a statistical table (between its first and last cell).
    pub in_table: Vec<bool>,
    /// Where each key character comes from.
    at: Vec<At>,
}

/// Where a key character comes from: its byte range in the paste, and the one-based line
/// and column (in chars) where it starts, computed in the same pass, so a position costs
/// nothing even on a 1 MB one-line paste.
#[derive(Clone, Copy)]
struct At {
    start: usize,
    end: usize,
    line: u32,
    col: u32,
}

impl KeyText {
    /// `tables`: the byte ranges the statistical tables occupy, any order.
    pub fn new(src: &str, tables: &[(usize, usize)]) -> KeyText {
        let mut ranges: Vec<(usize, usize)> = tables.to_vec();
        ranges.sort_unstable();
        let mut k = KeyText {
            chars: Vec::with_capacity(src.len() / 2),
            in_table: Vec::with_capacity(src.len() / 2),
            at: Vec::with_capacity(src.len() / 2),
        };
        let (mut line, mut col) = (1u32, 1u32);
        let mut ws_pos = (1u32, 1u32);
        let mut ws_newlines = 0usize;
        let mut ws_start: Option<usize> = None;
        let mut ri = 0usize;
        let (mut inside, mut edge) = (false, 0usize);
        let mut was_in_table = false;
        let bytes = src.as_bytes();
        let mut next = 0;
        while next < bytes.len() {
            let i = next;
            let (c, src_len, is_ws) = key_of(src, i);
            next += src_len;
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
            let here = (line, col);
            if bytes[i] == b'\n' {
                line += 1;
                col = 1;
            } else {
                col += 1;
            }
            if is_ws {
                if ws_start.is_none() {
                    ws_start = Some(i);
                    ws_pos = here;
                }
                if c == '\n' {
                    ws_newlines += 1;
                }
                continue;
            }
            if let Some(ws) = ws_start.take() {
                let prev_digit = k.chars.last().is_some_and(char::is_ascii_digit);
                if ws_newlines >= 2 {
                    k.push(BREAK, ws, ws + 1, inside, ws_pos);
                } else if prev_digit && c.is_ascii_digit() {
                    k.push(' ', ws, ws + 1, inside, ws_pos);
                }
                ws_newlines = 0;
            }
            if inside != was_in_table {
                k.push(BREAK, i, i, inside, here);
                was_in_table = inside;
            }
            // A folded character ends where its source character does.
            k.push(c, i, i + src_len, inside, here);
        }
        k
    }

    #[inline]
    fn push(&mut self, c: char, start: usize, end: usize, inside: bool, at: (u32, u32)) {
        self.chars.push(c);
        self.in_table.push(inside);
        self.at.push(At {
            start,
            end,
            line: at.0,
            col: at.1,
        });
    }

    /// One-based line and column of key character `i`.
    pub fn line_col(&self, i: usize) -> (usize, usize) {
        self.at
            .get(i)
            .map_or((1, 1), |a| (a.line as usize, a.col as usize))
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
        Some((self.at.get(a)?.start, self.at.get(b - 1)?.end))
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
        return (char::from(x), 1, matches!(x, b'\t'..=b'\r' | b' '));
    }
    if x & 0xF0 == 0xE0 && i + 2 < b.len() {
        let u = (u32::from(x & 0x0F) << 12)
            | (u32::from(b[i + 1] & 0x3F) << 6)
            | u32::from(b[i + 2] & 0x3F);
        // Ideographs are never folded nor whitespace, only simplified.
        if (0x4E00..0xA000).contains(&u) {
            if let Some(c) = char::from_u32(u) {
                return (to_simplified(c), 3, false);
            }
        }
    }
    let c = src[i..].chars().next().unwrap_or(' ');
    let k = to_simplified(fold_width(c));
    (k, c.len_utf8(), k.is_whitespace())
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
    fn marks_tables() {
        let src = "甲。表1 2 3乙";
        let a = src.find('表').unwrap_or(0);
        let b = src.find('乙').unwrap_or(0);
        let k = KeyText::new(src, &[(a, b)]);
        let s: String = k.chars.iter().collect();
        assert_eq!(s, "甲。\n表1 2 3\n乙");
        assert!(k.in_table[3] && !k.in_table[k.len() - 1]);
    }
}
