//! The form-driven reader: Tables 3 and 4 read from the paste as a stream of labels and
//! numbers, whatever its line breaks (a whole report on one line, cells glued or spaced
//! in the wrong places, one cell per line).
//!
//! The form knows the order of its row labels and how many cells each row has. Labels
//! are found by their keywords in a compact key of the text (no whitespace, folded
//! width and script); the text between one row's label and the next row's label is that
//! row's data. Separators (tabs, line breaks, spaces, NBSP) only bound numbers: a number
//! never spans one. The data is then placed by [`segment`]: as written when there are
//! as many numbers as cells, one digit per cell when there are as many digits as cells,
//! otherwise by the splits the table's own sums allow — and only when exactly one
//! survives. A row that cannot be placed with certainty stays unread and says why.

use super::*;
use crate::forms;
use crate::normalize::{floor_char, fold_width, next_key, Key};

/// The paste with whitespace and quotes dropped and characters folded, as in
/// `label_key`, with the source offset of every byte.
pub struct Compact {
    text: String,
    at: Vec<usize>,
}

impl Compact {
    pub fn new(src: &str) -> Compact {
        let mut text = String::with_capacity(src.len());
        let mut at = Vec::with_capacity(src.len());
        let mut after_digit = false;
        // Characters that are their own key are copied as runs; each byte's source
        // offset is that of its character's first byte.
        let mut run = 0;
        let mut i = 0;
        while i < src.len() {
            let (len, k) = next_key(src, i, &mut after_digit);
            if k == Key::Same {
                at.extend_from_slice(&[i; 4][..len]);
            } else {
                text.push_str(&src[run..i]);
                run = i + len;
                if let Key::To(k) = k {
                    text.push(k);
                    at.resize(text.len(), i);
                }
            }
            i += len;
        }
        text.push_str(&src[run..]);
        Compact { text, at }
    }

    /// Source range of the compact range `[s, e)`.
    fn source(&self, src: &str, s: usize, e: usize) -> (usize, usize) {
        let start = self.at.get(s).copied().unwrap_or(src.len());
        let last = self.at.get(e.saturating_sub(1)).copied().unwrap_or(start);
        let len = src
            .get(last..)
            .and_then(|t| t.chars().next())
            .map_or(0, char::len_utf8);
        (start, last + len)
    }

    /// Compact index of the first byte at or after source offset `pos`.
    fn index_of(&self, pos: usize) -> usize {
        self.at.partition_point(|&a| a < pos)
    }

    /// First occurrence of any keyword at or after compact index `from`, before `limit`.
    fn find_any(&self, keywords: &[&str], from: usize, limit: usize) -> Option<(usize, usize)> {
        // Only the window can hold a hit: searching past it would make every row of
        // every candidate chain scan the rest of a long paste.
        let longest = keywords.iter().map(|k| k.len()).max().unwrap_or(0);
        let end = floor_char(&self.text, limit.saturating_add(longest));
        let hay = self.text.get(from..end)?;
        keywords
            .iter()
            .filter_map(|k| hay.find(k).map(|i| (from + i, from + i + k.len())))
            .filter(|&(s, _)| s < limit)
            .min()
    }
}

#[derive(Clone, Copy, PartialEq, Debug)]
enum Class {
    Digit,
    Sep,
    Dash,
    Other,
}

fn class(c: char) -> Class {
    match fold_width(c) {
        '0'..='9' => Class::Digit,
        '|' => Class::Sep,
        c if c.is_whitespace() => Class::Sep,
        '-' | '—' | '–' | '/' | '\\' | '─' => Class::Dash,
        _ => Class::Other,
    }
}

/// Punctuation after a sub-row's number ("2." "2、" "2)").
fn is_numbering_mark(c: char) -> bool {
    matches!(fold_width(c), '.' | '、' | '．' | ')' | '。' | ',' | '，')
}

/// One data token of a row.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Tok {
    /// A run of digits; `hard` when a tab, a pipe or a line of its own bounds it: a cell
    /// as written, never split.
    Digits(usize, usize, bool),
    Dash(usize, usize),
    Blank,
}

/// The data tokens of `src[a..b]`; `Err(offset)` at the first character that is text.
fn tokens(src: &str, a: usize, b: usize) -> Result<Vec<Tok>, usize> {
    let text = src.get(a..b).unwrap_or("");
    let mut toks = Vec::new();
    // For each token, the separators before it; the run after the last one at the end.
    let mut befores: Vec<(usize, SepRun)> = Vec::new();
    let mut it = text.char_indices().peekable();
    // Blanks written as separators: a line holding only NBSP, or an empty cell between
    // two tabs or pipes (only between numbers: tabs before the first number are the
    // label's merged columns).
    let mut seps = SepRun {
        after_label: true,
        ..SepRun::default()
    };
    let mut prev = src.get(..a).and_then(|t| t.chars().last());
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let k = match class(c) {
            Class::Other => class_in(src, a + i, prev, c, next),
            k => k,
        };
        prev = Some(c);
        match k {
            Class::Sep => {
                if let Some(blank) = seps.push(c) {
                    toks.push(blank);
                }
                continue;
            }
            Class::Other => return Err(a + i),
            _ => {}
        }
        for _ in 0..seps.blanks_before_token(toks.is_empty()) {
            toks.push(Tok::Blank);
        }
        let start = a + i;
        let mut end = start + c.len_utf8();
        let digit = class(c) == Class::Digit;
        while let Some(&(j, d)) = it.peek() {
            let k = class(d);
            // "——" is one dash cell; "/—", "//", "--" or "无无" are two.
            let same_dash = !digit && k == Class::Dash && d == c && c == '—';
            if digit && k == Class::Digit || same_dash {
                end = a + j + d.len_utf8();
                it.next();
            } else if digit && d == ',' && thousands_group(&text[j + 1..]) {
                it.next();
            } else {
                break;
            }
        }
        befores.push((toks.len(), std::mem::take(&mut seps)));
        toks.push(if digit {
            // "1,234" is one number as written, never split into digits.
            Tok::Digits(start, end, src[start..end].contains(','))
        } else {
            Tok::Dash(start, end)
        });
    }
    // An NBSP cell closing the row: on a line of its own, a word of its own, or after a
    // cell edge.
    if seps.nbsp_line && seps.newlines > 0 || seps.nbsp_word || seps.nbsp_cell && seps.cell_edge() {
        toks.push(Tok::Blank);
    }
    for _ in 0..seps.glued_nbsp_blanks() {
        toks.push(Tok::Blank);
    }
    mark_hard(&mut toks, &befores, &seps);
    Ok(toks)
}

/// A cell bounded by a tab or pipe, or standing on a line of its own, is as written.
/// `befores`: each token's index and the separators before it; `last`: those after the
/// last token.
fn mark_hard(toks: &mut [Tok], befores: &[(usize, SepRun)], last: &SepRun) {
    for (k, (at, before)) in befores.iter().enumerate() {
        let after = befores.get(k + 1).map_or(last, |(_, r)| r);
        let hard =
            before.cell_edge() || after.cell_edge() || before.newlines > 0 && after.newlines > 0;
        if let Some(Tok::Digits(_, _, h)) = toks.get_mut(*at) {
            *h |= hard;
        }
    }
}

/// The separators between two tokens, and what they say.
#[derive(Default)]
struct SepRun {
    tabs: usize,
    pipes: usize,
    newlines: usize,
    /// The current line holds NBSP and nothing else so far.
    nbsp_line: bool,
    /// NBSP since the last tab or pipe (of this run).
    nbsp_cell: bool,
    /// Blank cells this run wrote explicitly (NBSP between two cell edges).
    explicit: usize,
    /// Separators of any kind taken.
    len: usize,
    /// NBSP taken.
    nbsp: usize,
    /// The run follows the label: its start is a cell edge for an NBSP cell.
    after_label: bool,
    /// The last separator taken.
    last: Option<char>,
    /// NBSP standing as a word of its own so far (" \u{a0}").
    nbsp_word: bool,
}

impl SepRun {
    /// Takes one separator; a line holding only NBSP, or NBSP alone between two tabs
    /// or pipes, is a blank cell.
    fn push(&mut self, c: char) -> Option<Tok> {
        self.len += 1;
        let last = self.last.replace(c);
        // NBSP alone between spaces or line breaks (" \u{a0} ") is a blank cell too.
        let was_word = std::mem::take(&mut self.nbsp_word);
        let word_ends = last == Some('\u{a0}') && was_word;
        match c {
            '\n' => {
                let blank = std::mem::take(&mut self.nbsp_line) || word_ends;
                self.nbsp_cell = false;
                self.newlines += 1;
                return blank.then_some(Tok::Blank);
            }
            ' ' | '\u{3000}' if word_ends => {
                self.nbsp_line = false;
                self.nbsp_cell = false;
                return Some(Tok::Blank);
            }
            '\u{a0}' => {
                self.nbsp += 1;
                self.nbsp_line = true;
                self.nbsp_cell = true;
                self.nbsp_word = matches!(last, Some(' ' | '\n' | '\u{3000}'))
                    || last == Some('\u{a0}') && was_word;
            }
            '\t' | '|' => {
                let blank =
                    (self.cell_edge() || self.after_label) && std::mem::take(&mut self.nbsp_cell);
                self.nbsp_cell = false;
                self.nbsp_line = false;
                if c == '\t' {
                    self.tabs += 1;
                } else {
                    self.pipes += 1;
                }
                if blank {
                    self.explicit += 1;
                    return Some(Tok::Blank);
                }
            }
            _ => {}
        }
        None
    }

    /// Empty cells between two numbers that no NBSP marked ("0\t\t0", "0 | | 0").
    fn implicit_blanks(&self) -> usize {
        self.tabs.max(self.pipes).saturating_sub(1 + self.explicit)
    }

    /// Blank cells this run stands for before the next token (`first`: no token yet,
    /// so the tabs before it are the label's merged columns).
    fn blanks_before_token(&self, first: bool) -> usize {
        let implicit = if first { 0 } else { self.implicit_blanks() };
        implicit + self.glued_nbsp_blanks()
    }

    /// NBSP glued between other characters ("0\u{a0}131", a table copied with its
    /// line breaks gone): each is an empty cell, as in the page it came from.
    fn glued_nbsp_blanks(&self) -> usize {
        if self.len > 0 && self.len == self.nbsp {
            self.nbsp
        } else {
            0
        }
    }

    fn cell_edge(&self) -> bool {
        self.tabs > 0 || self.pipes > 0
    }
}

/// Exactly three digits follow and then no digit: "1,234" is one number.
fn thousands_group(rest: &str) -> bool {
    let b = rest.as_bytes();
    b.len() >= 3
        && b[..3].iter().all(u8::is_ascii_digit)
        && !b.get(3).is_some_and(u8::is_ascii_digit)
}

/// One placed cell: its source range (none for a blank) and how it was read.
#[derive(Clone, Debug, PartialEq)]
struct Piece {
    at: Option<(usize, usize)>,
    value: Option<Num>,
    how: ReadHow,
}

#[derive(Debug)]
enum Seg {
    /// Placed with certainty; `summed` when a sum decided the split.
    Placed { cells: Vec<Piece>, summed: bool },
    /// Several splits fit the sums.
    Ambiguous(Vec<Vec<Piece>>),
    /// Cannot be placed: why.
    Unknown(Message),
}

fn one_digit_each(src: &str, toks: &[Tok]) -> Vec<Piece> {
    let mut cells = Vec::new();
    for t in toks {
        match *t {
            Tok::Digits(s, e, false) => {
                for (i, c) in src.get(s..e).unwrap_or("").char_indices() {
                    if let Some(d) = fold_width(c).to_digit(10) {
                        cells.push(Piece {
                            at: Some((s + i, s + i + c.len_utf8())),
                            value: Some(Num::int(i64::from(d))),
                            how: ReadHow::OneDigit,
                        });
                    }
                }
            }
            t => cells.push(as_written(src, t)),
        }
    }
    cells
}

impl Seg {
    /// Why a row was not placed (for its note).
    fn why_unplaced(&self) -> Message {
        match self {
            Seg::Unknown(m) => m.clone(),
            _ => Message {
                zh: "这串粘连的数字有不止一种拆分方式符合本表的合计关系".into(),
                en: "these glued digits split in more than one way that fits the table's sums"
                    .into(),
            },
        }
    }
}

/// Longest number considered in a split (no cell of these tables comes near 10^9).
const MAX_DIGITS: usize = 9;
/// Splits kept before a row counts as hopelessly ambiguous.
const MAX_SPLITS: usize = 16;
/// Search steps per row; a run of digits far longer than any real row stops here.
const MAX_STEPS: usize = 200_000;

fn digits_of(src: &str, s: usize, e: usize) -> String {
    src.get(s..e)
        .unwrap_or("")
        .chars()
        .map(fold_width)
        .filter(char::is_ascii_digit)
        .collect()
}

/// Places the tokens of a row into `n` cells; `group` is the size of a sum group (its
/// last cell is the sum of the others): 7 for a Table 3 row, 5 for Table 4's blocks.
fn segment(src: &str, toks: &[Tok], n: usize, group: usize) -> Seg {
    // Cells the tokens make when every digit of a run that may be split is a cell.
    let units: usize = toks
        .iter()
        .map(|t| match t {
            Tok::Digits(s, e, false) => digits_of(src, *s, *e).len(),
            _ => 1,
        })
        .sum();
    if toks.is_empty() {
        let blank = Piece {
            at: None,
            value: None,
            how: ReadHow::Blank,
        };
        return Seg::Placed {
            cells: vec![blank; n],
            summed: false,
        };
    }
    if toks.len() > n {
        let kept: Vec<Tok> = toks.iter().copied().filter(|t| *t != Tok::Blank).collect();
        if kept.len() < toks.len() && kept.len() >= n {
            return segment(src, &kept, n, group);
        }
        return Seg::Unknown(Message {
            zh: format!("这里有 {} 个数，多于 {n} 个单元格", toks.len()),
            en: format!("{} numbers here for {n} cells", toks.len()),
        });
    }
    // "0250" is no number as written: digits run together, to be split below.
    let run_together = toks.iter().any(|t| match *t {
        Tok::Digits(s, e, false) => src
            .get(s..e)
            .is_some_and(|d| d.len() > 1 && d.starts_with('0')),
        _ => false,
    });
    if toks.len() == n && !run_together {
        let cells = toks.iter().map(|t| as_written(src, *t)).collect();
        return Seg::Placed {
            cells,
            summed: false,
        };
    }
    if units == n {
        // Spaces between runs are the writer's hint: splitting a run that reads as a
        // number ("300000 3", "0 0 0 0 0 12") one digit per cell needs the row to be one
        // glued run or a run no number is written as ("012"); otherwise only a split the
        // row's sum allows is taken, below, and that sum is then not checked.
        // "——" may be one dash cell or two: with it, the count does not decide.
        let double_dash = toks
            .iter()
            .any(|t| matches!(*t, Tok::Dash(s, e) if src[s..e].chars().count() > 1));
        // Cells the writer kept apart (an empty cell, a number between tabs) say the
        // digits were not simply run together.
        let kept_apart = toks.iter().any(|t| match *t {
            Tok::Blank => true,
            Tok::Digits(s, e, true) => digits_of(src, s, e).len() > 1,
            _ => false,
        });
        let confirmed = (toks.len() == 1 || run_together) && !double_dash && !kept_apart;
        if confirmed {
            return Seg::Placed {
                cells: one_digit_each(src, toks),
                summed: false,
            };
        }
    }
    if units < n {
        return Seg::Unknown(Message {
            zh: format!("这里只有 {units} 个数，少于 {n} 个单元格，无法确定哪个单元格为空"),
            en: format!("only {units} numbers here for {n} cells: which cell is blank is unknown"),
        });
    }
    if group < 2 {
        // No sums to split by.
        return Seg::Unknown(Message {
            zh: format!("这里的数字与 {n} 个单元格对不上，无法确定各数属于哪一列"),
            en: format!(
                "these numbers do not fit {n} cells: which column each belongs to is unknown"
            ),
        });
    }
    let mut search = Search {
        src,
        toks,
        n,
        group,
        found: Vec::new(),
        current: Vec::new(),
        steps: 0,
    };
    search.run(0, 0);
    if search.steps >= MAX_STEPS || search.found.len() > MAX_SPLITS {
        return Seg::Unknown(Message {
            zh: "这串粘连的数字可以有很多种拆分方式，无法确定各单元格的值".into(),
            en: "these glued digits split into too many ways to place them".into(),
        });
    }
    match search.found.len() {
        0 => Seg::Unknown(Message {
            zh: "这串粘连的数字无法按本行的合计关系拆分到各单元格".into(),
            en: "these glued digits cannot be split so that the row's sum holds".into(),
        }),
        1 => Seg::Placed {
            cells: search.found.pop().unwrap_or_default(),
            summed: true,
        },
        _ => Seg::Ambiguous(search.found),
    }
}

fn as_written(src: &str, t: Tok) -> Piece {
    match t {
        Tok::Digits(s, e, _) | Tok::Dash(s, e) => {
            let p = parse_cell(src.get(s..e).unwrap_or(""));
            Piece {
                at: Some((s, e)),
                value: p.value,
                how: p.read,
            }
        }
        Tok::Blank => Piece {
            at: None,
            value: None,
            how: ReadHow::Blank,
        },
    }
}

/// Every split of the tokens into `n` cells whose sum groups hold.
struct Search<'s> {
    src: &'s str,
    toks: &'s [Tok],
    n: usize,
    group: usize,
    found: Vec<Vec<Piece>>,
    current: Vec<Piece>,
    steps: usize,
}

impl Search<'_> {
    /// Continue from token `t`, `off` bytes into it.
    fn run(&mut self, t: usize, off: usize) {
        self.steps += 1;
        if self.steps >= MAX_STEPS || self.found.len() > MAX_SPLITS {
            return;
        }
        if t == self.toks.len() {
            if self.current.len() == self.n {
                self.found.push(self.current.clone());
            }
            return;
        }
        if self.current.len() >= self.n {
            return;
        }
        let in_group = self.current.len() % self.group;
        let sum_due = in_group == self.group - 1;
        let due = if sum_due {
            let base = self.current.len() - in_group;
            match Num::sum(
                self.current[base..]
                    .iter()
                    .map(|p| p.value.unwrap_or(Num::ZERO)),
            ) {
                Some(s) => Some(s),
                None => return,
            }
        } else {
            None
        };
        match self.toks[t] {
            // A cell as written (bounded by tabs or lines) is taken whole, below.
            Tok::Digits(s, e, false) => {
                let text = self.src.get(s + off..e).unwrap_or("");
                let bytes = text.as_bytes();
                let max = bytes.len().min(MAX_DIGITS);
                for len in 1..=max {
                    if !bytes[len - 1].is_ascii_digit() {
                        // Full-width digits or a thousands comma: not split here.
                        return;
                    }
                    if len > 1 && bytes[0] == b'0' {
                        break;
                    }
                    let Some(v) = Num::parse(&text[..len]) else {
                        continue;
                    };
                    if due.is_some_and(|d| d != v) {
                        continue;
                    }
                    self.current.push(Piece {
                        at: Some((s + off, s + off + len)),
                        value: Some(v),
                        how: ReadHow::SplitGlued,
                    });
                    if len == bytes.len() {
                        self.run(t + 1, 0);
                    } else {
                        self.run(t, off + len);
                    }
                    self.current.pop();
                }
            }
            tok => {
                let p = as_written(self.src, tok);
                if due.is_some_and(|d| p.value.unwrap_or(Num::ZERO) != d) {
                    return;
                }
                self.current.push(p);
                self.run(t + 1, 0);
                self.current.pop();
            }
        }
    }
}

/// What the stream reader made of one table.
#[derive(Default)]
pub struct Read {
    pub cells: Vec<Cell>,
    pub info: Option<TableInfo>,
    pub notes: Vec<Note>,
    pub assumptions: Vec<Assumption>,
    pub t3_layout: Option<T3Layout>,
    /// Source offset of the table's first row label.
    pub at: Option<usize>,
}

impl Read {
    /// Cells read with a value.
    pub fn values(&self) -> usize {
        self.cells.iter().filter(|c| c.value.is_some()).count()
    }
}

/// Largest gap (compact bytes) between one row label and the next: the longest official
/// label with a group heading and a page break between is far below it.
const ROW_GAP: usize = 900;
/// How far (in row gaps) the last row's label text is looked through for its numbers: it
/// has no next label to end it, and a paste with no numbers after it must not be scanned
/// to its end.
const LAST_ROW_GAPS: usize = 4;
/// Places that name Table 3's first row tried before giving up (a report names it in
/// prose a few times at most).
const MAX_STARTS: usize = 24;

/// The number a sub-row's label starts with ("DENY_2" → 2).
fn numbering(key: &str) -> Option<u32> {
    let (_, n) = key.rsplit_once('_')?;
    n.parse().ok()
}

/// One row of a chain: the source range of its label and where its data may lie.
struct RowAt {
    key: &'static str,
    label: (usize, usize),
}

/// A character's class inside label text: a slash or dash between two characters of
/// text ("本年增/减") is text; "无" before a number, a dash or a separator is a cell.
fn in_label_class(prev: Option<char>, c: char, next: Option<char>) -> Class {
    let k = class(c);
    let text = |x: Option<char>| x.is_some_and(|x| class(x) == Class::Other);
    // Next to 无, which may be a cell ("—无", "无/"), a dash is a cell too.
    let text = |x: Option<char>| text(x) && !x.is_some_and(is_wu);
    if k == Class::Dash && text(prev) && text(next) {
        Class::Other
    } else {
        k
    }
}

/// A character's class where "无" may be a cell: next to a number or a dash ("0 无 0",
/// "467无—", "无6000612") it means none, as "—" does; between text ("（四）无 法提供") it
/// is part of a label.
fn class_in(src: &str, at: usize, prev: Option<char>, c: char, next: Option<char>) -> Class {
    if !is_wu(c) {
        return in_label_class(prev, c, next);
    }
    let data = |x: Option<char>| {
        x.is_some_and(|x| matches!(class(x), Class::Digit | Class::Dash) || is_wu(x))
    };
    let before = src
        .get(..at)
        .and_then(|t| t.chars().rev().find(|&x| class(x) != Class::Sep));
    let after = src
        .get(at + c.len_utf8()..)
        .and_then(|t| t.chars().find(|&x| class(x) != Class::Sep));
    if data(before) || data(after) {
        Class::Dash
    } else {
        Class::Other
    }
}

fn is_wu(c: char) -> bool {
    c == '无' || c == '無'
}

/// Where the data starting at `start` ends: the first character of text.
fn data_end(src: &str, start: usize) -> usize {
    let text = src.get(start..).unwrap_or("");
    let mut prev = src.get(..start).and_then(|t| t.chars().last());
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        // "17,883": a thousands separator is part of the number.
        let thousands =
            c == ',' && prev.is_some_and(|p| p.is_ascii_digit()) && thousands_group(&text[i + 1..]);
        if class_in(src, start + i, prev, c, next) == Class::Other && !thousands {
            return start + i;
        }
        prev = Some(c);
    }
    src.len()
}

/// From the end of a label keyword: the label's remaining text, then its data.
fn label_end(src: &str, from: usize, limit: usize) -> usize {
    let mut end = from;
    let text = src.get(from..limit).unwrap_or("");
    let mut prev = src.get(..from).and_then(|t| t.chars().last());
    let mut it = text.char_indices().peekable();
    // Text after a tab or pipe is a cell of its own ("约12", "十二"), not more label.
    let mut cell_edge = false;
    while let Some((i, c)) = it.next() {
        let next = it.peek().map(|&(_, n)| n);
        let k = class_in(src, from + i, prev, c, next);
        prev = Some(c);
        match k {
            Class::Digit | Class::Dash => break,
            // A signed change ("+3") in Table 2.
            Class::Other if c == '+' || c == '＋' || cell_edge => break,
            Class::Other => end = from + i + c.len_utf8(),
            Class::Sep => cell_edge |= c == '\t' || c == '|',
        }
    }
    end
}

/// From the start of a label keyword back over the label's own text (group headings,
/// and the sub-row number `n`, even when glued to the previous row's last cell).
fn label_start(src: &str, kw: usize, floor: usize, n: Option<u32>) -> usize {
    let before = src.get(floor..kw).unwrap_or("");
    let mut start = kw;
    let mut numbered = false;
    let mut next: Option<char> = src.get(kw..).and_then(|t| t.chars().next());
    let mut it = before.char_indices().rev().peekable();
    while let Some((i, c)) = it.next() {
        let prev = it.peek().map(|&(_, p)| p);
        match class_in(src, floor + i, prev, c, next) {
            Class::Other => start = floor + i,
            Class::Sep => {}
            Class::Digit => {
                let is_num = !numbered
                    && n.is_some_and(|n| fold_width(c).to_digit(10) == Some(n))
                    && next.is_some_and(is_numbering_mark)
                    && start == floor + i + c.len_utf8();
                if !is_num {
                    break;
                }
                numbered = true;
                start = floor + i;
            }
            Class::Dash => break,
        }
        next = Some(c);
    }
    start
}

fn t3_chain(ctx: &Ctx, cx: &Compact, layout: T3Layout, start: (usize, usize)) -> Vec<RowAt> {
    let mut rows = Vec::new();
    let mut pos = start.1;
    for (i, key) in layout.rows().into_iter().enumerate() {
        let hit = if i == 0 {
            Some(start)
        } else {
            forms::t3_row(key).and_then(|r| cx.find_any(r.keywords, pos, pos + ROW_GAP))
        };
        if let Some((s, e)) = hit {
            rows.push(RowAt {
                key,
                label: cx.source(ctx.src, s, e),
            });
            pos = e;
        }
    }
    rows
}

/// Each row's data range in the source: from its label's end to the next label's start.
fn data_ranges(src: &str, rows: &[RowAt]) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        match rows.get(i + 1) {
            Some(next) => {
                let end = label_start(src, next.label.0, r.label.1, numbering(next.key));
                let start = label_end(src, r.label.1, end);
                out.push((start, end));
            }
            None => {
                let limit = floor_char(src, r.label.1 + ROW_GAP * LAST_ROW_GAPS);
                let start = label_end(src, r.label.1, limit);
                // The last row ends at the first text after its numbers.
                let end = data_end(src, start);
                out.push((start, end));
            }
        }
    }
    out
}

/// A row's data, placed or not.
struct RowData {
    key: &'static str,
    range: (usize, usize),
    seg: Seg,
}

fn read_rows(src: &str, rows: &[RowAt], n: usize, group: usize) -> Vec<RowData> {
    data_ranges(src, rows)
        .into_iter()
        .zip(rows)
        .map(|((s, e), r)| {
            let seg = match tokens(src, s, e) {
                Ok(t) => segment(src, &t, n, group),
                Err(_) => Seg::Unknown(Message {
                    zh: "本行的数字之间夹有文字，无法确定各单元格".into(),
                    en: "text between this row's numbers: its cells cannot be placed".into(),
                }),
            };
            RowData {
                key: r.key,
                range: (s, e),
                seg,
            }
        })
        .collect()
}

/// A chain's score counts a placed row as this many found labels: numbers placed say
/// more than labels found (a contents list finds every label and places nothing).
const PLACED_WEIGHT: usize = 4;

fn placed_count(rows: &[RowData]) -> usize {
    rows.iter()
        .filter(|r| matches!(r.seg, Seg::Placed { .. }))
        .count()
}

/// Reads Table 3 from the stream: the best chain of row labels over every place that
/// names its first row and both layouts of （六）.
pub fn applications(ctx: &Ctx, cx: &Compact, fallback: Option<Format>) -> Read {
    let Some(first) = forms::t3_row("NEW") else {
        return Read::default();
    };
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(hit) = cx.find_any(first.keywords, from, usize::MAX) {
        starts.push(hit);
        from = hit.1;
        if starts.len() >= MAX_STARTS {
            break;
        }
    }
    let mut best: Option<(usize, T3Layout, Vec<RowData>)> = None;
    for &start in &starts {
        for layout in [T3Layout::ThreeOther, T3Layout::SingleOther] {
            let chain = t3_chain(ctx, cx, layout, start);
            if chain.len() < 2 {
                continue;
            }
            let rows = read_rows(ctx.src, &chain, W3, W3);
            let score = placed_count(&rows) * PLACED_WEIGHT + chain.len();
            let better = match &best {
                None => true,
                Some((b, bl, _)) => {
                    score > *b || score == *b && *bl != layout && fallback == Some(layout.format())
                }
            };
            if better {
                best = Some((score, layout, rows));
            }
        }
    }
    let Some((_, layout, mut rows)) = best else {
        return Read::default();
    };
    // Labels with nothing but blanks between them (a contents list, or labels listed
    // before their numbers as column-wise PDF text does) are not a table read.
    let any_value = rows.iter().any(|r| match &r.seg {
        Seg::Placed { cells, .. } => cells.iter().any(|c| c.value.is_some()),
        Seg::Ambiguous(_) => true,
        Seg::Unknown(_) => false,
    });
    if !any_value {
        let any_data = rows.iter().any(|r| !matches!(r.seg, Seg::Placed { .. }));
        if !any_data {
            return Read::default();
        }
        // The table is there but none of its numbers could be placed: its empty rows
        // say nothing either (a blank would count as 0 and let the rules pass).
        for r in rows.iter_mut() {
            if matches!(r.seg, Seg::Placed { .. }) {
                r.seg = Seg::Unknown(Message {
                    zh: "本表的数字都未能对应到单元格，此行也不作空白处理".into(),
                    en: "none of the table's numbers could be placed, so this row is not taken as blank either".into(),
                });
            }
        }
    }
    let mut read = Read {
        t3_layout: Some(layout),
        ..Read::default()
    };
    by_columns(layout, &mut rows, &mut read);
    let keys = layout.rows();
    for key in &keys {
        let row = rows.iter().find(|r| r.key == *key);
        match row.map(|r| &r.seg) {
            Some(Seg::Placed { cells, summed }) => {
                if *summed {
                    read.assumptions.push(Assumption {
                        rule: crate::RuleId::R3,
                        instance: key.to_string(),
                        reason: Message {
                            zh: format!("“{}”一行的数字粘连，按“总计 = 六列之和”拆分，故此关系无法核对", short(key)),
                            en: format!("the digits of row {key} were glued and split assuming TOT = sum of the six columns, so that relation cannot be checked"),
                        },
                    });
                }
                for (c, col) in forms::T3_COLUMNS.iter().enumerate() {
                    read.cells.push(piece_cell(
                        ctx,
                        TableId::Applications,
                        key,
                        col.key,
                        cells.get(c),
                    ));
                }
            }
            other => {
                let why = match other {
                    None => ReadHow::Missing,
                    Some(_) => ReadHow::Unreadable,
                };
                if let (Some(r), Some(seg)) = (row, other) {
                    let msg = seg.why_unplaced();
                    read.notes.push(ctx.note(
                        "READ-ROW-UNPLACED",
                        Severity::Warning,
                        format!("第三表“{}”一行未读出：{}", short(key), msg.zh),
                        format!("Table 3 row {key} not read: {}", msg.en),
                        Some(r.range),
                    ));
                }
                for col in forms::T3_COLUMNS {
                    read.cells.push(make_cell(
                        ctx,
                        TableId::Applications,
                        key,
                        col.key,
                        None,
                        why,
                    ));
                }
            }
        }
    }
    let first_at = rows.first().map(|r| r.range.0).unwrap_or(0);
    read.at = Some(label_start(ctx.src, first_at, 0, None).min(first_at));
    read.info = Some(TableInfo {
        table: TableId::Applications,
        found: true,
        format: Some(layout.format().key().to_string()),
        layout: Some("stream".into()),
        rows: keys.iter().map(|k| k.to_string()).collect(),
        columns: forms::T3_COLUMNS
            .iter()
            .map(|c| c.key.to_string())
            .collect(),
        line: Some(ctx.lines.line_col(ctx.src, first_at).0),
        cells_read: read_count(&read.cells, TableId::Applications),
        cells_expected: keys.len() * W3,
    });
    read
}

fn short(key: &str) -> &'static str {
    forms::t3_row(key).map_or("", |r| r.short)
}

fn piece_cell(
    ctx: &Ctx,
    table: TableId,
    row: &'static str,
    col: &'static str,
    p: Option<&Piece>,
) -> Cell {
    match p {
        Some(Piece {
            at: Some((s, e)),
            value,
            how,
        }) => {
            let dc = DataCell::from_piece(ctx.src, *s, *e).with(*how, *value);
            make_cell(ctx, table, row, col, Some(dc), *how)
        }
        Some(p) => make_cell(ctx, table, row, col, None, p.how),
        None => make_cell(ctx, table, row, col, None, ReadHow::Missing),
    }
}

/// Most combinations of ambiguous rows tried against the column sums.
const MAX_COMBOS: usize = 4096;

/// Rows whose glued digits fit the row sum in several ways: the column sums
/// (（七）总计 = outcome rows, 一 + 二 = （七） + 四) decide, when exactly one choice
/// per row is left by every combination that satisfies them.
fn by_columns(layout: T3Layout, rows: &mut [RowData], read: &mut Read) {
    let amb: Vec<usize> = (0..rows.len())
        .filter(|&i| matches!(rows[i].seg, Seg::Ambiguous(_)))
        .collect();
    if amb.is_empty() {
        return;
    }
    let options: Vec<usize> = amb
        .iter()
        .map(|&i| match &rows[i].seg {
            Seg::Ambiguous(c) => c.len(),
            _ => 1,
        })
        .collect();
    let combos = options.iter().try_fold(1usize, |a, &b| a.checked_mul(b));
    if combos.is_none_or(|c| c > MAX_COMBOS) {
        return;
    }
    let value =
        |rows: &[RowData], choice: &[usize], key: &str, col: usize| -> Option<Option<Num>> {
            let i = rows.iter().position(|r| r.key == key)?;
            let cells = match &rows[i].seg {
                Seg::Placed { cells, .. } => cells,
                Seg::Ambiguous(c) => {
                    let k = amb.iter().position(|&a| a == i)?;
                    c.get(*choice.get(k)?)?
                }
                Seg::Unknown(_) => return None,
            };
            Some(cells.get(col)?.value)
        };
    let outcome = layout.outcome_rows();
    let amb_keys: Vec<&str> = amb.iter().map(|&i| rows[i].key).collect();
    let mut passing: Vec<Vec<usize>> = Vec::new();
    let mut choice = vec![0usize; amb.len()];
    'combos: loop {
        let mut ok = true;
        for col in 0..W3 {
            let get = |k: &str| value(rows, &choice, k, col);
            let sum = |ks: &[&str]| -> Option<Num> {
                let mut s = Num::ZERO;
                for k in ks {
                    s = s.checked_add(get(k)?.unwrap_or(Num::ZERO))?;
                }
                Some(s)
            };
            let involves = |ks: &[&str]| ks.iter().any(|k| amb_keys.contains(k));
            let mut rels: Vec<(Vec<&str>, Vec<&str>)> = vec![(vec!["TOTAL"], outcome.clone())];
            rels.push((vec!["NEW", "CARRY_IN"], vec!["TOTAL", "CARRY_OUT"]));
            for (l, r) in rels {
                let all: Vec<&str> = l.iter().chain(r.iter()).copied().collect();
                if !involves(&all) {
                    continue;
                }
                if let (Some(a), Some(b)) = (sum(&l), sum(&r)) {
                    if a != b {
                        ok = false;
                    }
                }
            }
        }
        if ok {
            passing.push(choice.clone());
        }
        // Next combination (odometer).
        for k in 0..choice.len() {
            choice[k] += 1;
            if choice[k] < options[k] {
                continue 'combos;
            }
            choice[k] = 0;
        }
        break;
    }
    for (k, &i) in amb.iter().enumerate() {
        let Some(first) = passing.first().map(|p| p[k]) else {
            continue;
        };
        if !passing.iter().all(|p| p[k] == first) {
            continue;
        }
        let Seg::Ambiguous(cands) = &rows[i].seg else {
            continue;
        };
        let chosen = cands[first].clone();
        let key = rows[i].key;
        for (c, col) in forms::T3_COLUMNS.iter().enumerate() {
            let differs = cands.iter().any(|o| o[c].value != chosen[c].value);
            if differs {
                for rule in [crate::RuleId::R1, crate::RuleId::R2] {
                    if !read
                        .assumptions
                        .iter()
                        .any(|a| a.rule == rule && a.instance == col.key)
                    {
                        read.assumptions.push(Assumption {
                            rule,
                            instance: col.key.to_string(),
                            reason: Message {
                                zh: format!("“{}”一行粘连的数字有多种拆分，按本列的合计关系选定，故此关系无法核对", short(key)),
                                en: format!("the glued digits of row {key} split in several ways; the column sums chose one, so they cannot be checked"),
                            },
                        });
                    }
                }
            }
        }
        rows[i].seg = Seg::Placed {
            cells: chosen,
            summed: true,
        };
    }
}

/// Words of Table 4's header (after 复议后起诉 and before the numbers).
const T4_HEADER: &[&str] = &[
    "未经复议直接起诉",
    "复议后起诉",
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "合计",
    "结果",
    "维持",
    "纠正",
    "其他",
    "尚未",
    "审结",
];

/// Compact index after the header words that follow `from`, if only header words do.
fn after_header(cx: &Compact, from: usize) -> usize {
    let mut pos = from;
    let mut end = from;
    'outer: loop {
        // Markdown's cell edges stay in the compact key.
        while cx.text.get(pos..).is_some_and(|r| r.starts_with('|')) {
            pos += 1;
        }
        let rest = cx.text.get(pos..).unwrap_or("");
        for w in T4_HEADER {
            if rest.starts_with(w) {
                pos += w.len();
                end = pos;
                continue 'outer;
            }
        }
        return end;
    }
}

/// Reads Table 4 from the stream: the 15 numbers after its header, in three blocks.
pub fn review(ctx: &Ctx, cx: &Compact, from: usize) -> Read {
    let mut pos = cx.index_of(from);
    let mut best: Option<(usize, Seg, (usize, usize))> = None;
    for _ in 0..MAX_STARTS {
        let Some((_, e)) = cx.find_any(&["复议后起诉"], pos, usize::MAX) else {
            break;
        };
        pos = e;
        let h = after_header(cx, e);
        let (start, _) = cx.source(ctx.src, h, h + 1);
        let start = if h >= cx.text.len() {
            ctx.src.len()
        } else {
            // Back to the end of the last header word, so separators before the
            // numbers count.
            cx.source(ctx.src, h.saturating_sub(1), h).1.min(start)
        };
        let end = data_end(ctx.src, start);
        let Ok(toks) = tokens(ctx.src, start, end) else {
            continue;
        };
        if toks.is_empty() {
            continue;
        }
        let seg = segment(ctx.src, &toks, W4, 5);
        let placed = matches!(seg, Seg::Placed { .. });
        if best.as_ref().is_none_or(|(p, _, _)| *p == 0 && placed) {
            best = Some((usize::from(placed), seg, (start, end)));
        }
        if placed {
            break;
        }
    }
    let Some((_, seg, range)) = best else {
        return Read::default();
    };
    let mut read = Read::default();
    let blocks: Vec<&'static str> = forms::T4_ROWS.iter().map(|r| r.key).collect();
    match &seg {
        Seg::Placed { cells, summed } => {
            for (b, block) in blocks.iter().enumerate() {
                if *summed {
                    read.assumptions.push(Assumption {
                        rule: forms::t4_sum_rule(block),
                        instance: block.to_string(),
                        reason: Message {
                            zh: "第四表数字粘连，按“总计 = 四项之和”拆分，故此关系无法核对".into(),
                            en: "Table 4 digits were glued and split assuming 总计 = sum of the four results, so that relation cannot be checked".into(),
                        },
                    });
                }
                for (c, col) in forms::T4_COLUMNS.iter().enumerate() {
                    read.cells.push(piece_cell(
                        ctx,
                        TableId::Review,
                        block,
                        col.key,
                        cells.get(b * 5 + c),
                    ));
                }
            }
        }
        other => {
            let msg = other.why_unplaced();
            read.notes.push(ctx.note(
                "READ-ROW-UNPLACED",
                Severity::Warning,
                format!("第四表的数字未读出：{}", msg.zh),
                format!("Table 4 numbers not read: {}", msg.en),
                Some(range),
            ));
            for block in &blocks {
                for col in forms::T4_COLUMNS {
                    read.cells.push(make_cell(
                        ctx,
                        TableId::Review,
                        block,
                        col.key,
                        None,
                        ReadHow::Unreadable,
                    ));
                }
            }
        }
    }
    read.info = Some(TableInfo {
        table: TableId::Review,
        found: true,
        format: None,
        layout: Some("stream".into()),
        rows: blocks.iter().map(|k| k.to_string()).collect(),
        columns: forms::T4_COLUMNS
            .iter()
            .map(|c| c.key.to_string())
            .collect(),
        line: Some(ctx.lines.line_col(ctx.src, range.0).0),
        cells_read: read_count(&read.cells, TableId::Review),
        cells_expected: W4,
    });
    read
}

/// Longest bracketed note kept with a Table 2 number ("（其中修订 16 件）"), in characters:
/// a bracket not closed by then opens prose, not a note.
const MAX_NOTE_CHARS: usize = 40;

/// Units and notes a Table 2 number may carry ("2笔", "45.82万元", "22（其中修订 16 件）").
const T2_UNITS: &[&str] = &["万元", "元", "笔", "件", "项", "个", "条", "人次", "次"];

/// One Table 2 value starting at `src[i..]`: its end, or None when no number starts here.
fn t2_value(src: &str, i: usize) -> Option<usize> {
    let rest = src.get(i..)?;
    let mut it = rest
        .char_indices()
        .map(|(j, c)| (j, fold_width(c)))
        .peekable();
    let mut end = 0;
    if let Some(&(_, c)) = it.peek() {
        if c == '+' || c == '-' {
            it.next();
        }
    }
    let mut digits = false;
    while let Some(&(j, c)) = it.peek() {
        if c.is_ascii_digit() {
            digits = true;
            end = j + rest[j..].chars().next().map_or(1, char::len_utf8);
            it.next();
        } else if (c == '.' || c == ',') && digits {
            let k = j + rest[j..].chars().next().map_or(1, char::len_utf8);
            if !rest[k..]
                .chars()
                .next()
                .is_some_and(|d| fold_width(d).is_ascii_digit())
            {
                break;
            }
            it.next();
        } else {
            break;
        }
    }
    if !digits {
        return None;
    }
    let after = &rest[end..];
    let after_trim = after.trim_start_matches([' ', '\u{3000}']);
    let gap = after.len() - after_trim.len();
    if let Some(u) = T2_UNITS.iter().find(|u| after_trim.starts_with(**u)) {
        end += gap + u.len();
    }
    let after = &rest[end..];
    if after.starts_with(['(', '（']) {
        let close = after
            .char_indices()
            .take(MAX_NOTE_CHARS)
            .find(|&(_, c)| c == ')' || c == '）')
            .map(|(j, c)| j + c.len_utf8());
        if let Some(c) = close {
            end += c;
        }
    }
    Some(i + end)
}

/// The Table 2 values in `src[a..b]`; `Err(offset)` at text that is not a value. With
/// `open_end`, text ends the values instead (the table's last row).
/// Table 2 values of a row, where they end, and whether they are glued to the text on
/// one side ("规章000第二十条"): digits run together because the cells lost their edges.
type T2Values = (Vec<Tok>, usize, bool);

fn t2_tokens(src: &str, a: usize, b: usize, open_end: bool) -> Result<T2Values, usize> {
    let mut toks = Vec::new();
    let mut befores: Vec<(usize, SepRun)> = Vec::new();
    let mut seps = SepRun::default();
    let mut i = a;
    while i < b {
        let Some(c) = src.get(i..).and_then(|t| t.chars().next()) else {
            break;
        };
        if class(c) == Class::Sep {
            if let Some(blank) = seps.push(c) {
                toks.push(blank);
            }
            i += c.len_utf8();
            continue;
        }
        let (tok, e) = if let Some(e) = t2_value(src, i) {
            // A value with a sign, decimals or a unit is never split into digits.
            let plain = src[i..e].chars().all(|c| fold_width(c).is_ascii_digit());
            (Tok::Digits(i, e, !plain), e)
        } else if class(c) == Class::Dash {
            let e = src[i..]
                .char_indices()
                .find(|&(j, d)| j > 0 && (d != c || c != '—'))
                .map_or(b, |(j, _)| i + j);
            (Tok::Dash(i, e), e)
        } else if class_in(src, i, None, c, None) == Class::Dash {
            (Tok::Dash(i, i + c.len_utf8()), i + c.len_utf8())
        } else if open_end {
            break;
        } else {
            return Err(i);
        };
        for _ in 0..seps.blanks_before_token(toks.is_empty()) {
            toks.push(Tok::Blank);
        }
        befores.push((toks.len(), std::mem::take(&mut seps)));
        toks.push(tok);
        i = e;
    }
    mark_hard(&mut toks, &befores, &seps);
    let glued = befores.first().is_some_and(|(_, r)| r.len == 0) || seps.len == 0;
    Ok((toks, i, glued))
}

/// Places a Table 2 row: as written, or one digit per cell; Table 2 has no sums to
/// split glued digits by, so anything else stays unread.
fn t2_segment(src: &str, toks: &[Tok], n: usize, glued: bool) -> Seg {
    let seg = segment(src, toks, n, 1);
    // With no sums to confirm it, one digit per cell is taken only from digits glued to
    // the text ("规章000"); a separated run ("  197  ") may hide a blank cell.
    let one_digit = matches!(&seg, Seg::Placed { cells, .. } if cells.iter().any(|c| c.how == ReadHow::OneDigit));
    match seg {
        _ if one_digit && !glued => Seg::Unknown(Message {
            zh: format!("这串数字可读作每位一格，但它与文字之间有分隔，可能有单元格为空（{n} 个单元格）"),
            en: format!("these digits could be read one per cell, but they stand apart and may hide a blank ({n} cells)"),
        }),
        Seg::Unknown(_) => Seg::Unknown(Message {
            zh: format!(
                "这里有 {} 个数，对应 {n} 个单元格，无法确定各数属于哪一列",
                toks.len()
            ),
            en: format!(
                "{} numbers here for {n} cells: which column each belongs to is unknown",
                toks.len()
            ),
        }),
        seg => seg,
    }
}

/// Reads Table 2 from the stream: rows of the format whose labels follow its header.
pub fn active(
    ctx: &Ctx,
    cx: &Compact,
    end: usize,
    fallback: Option<Format>,
) -> (Read, Option<Format>) {
    let limit = cx.index_of(end);
    let mut starts = Vec::new();
    let mut from = 0;
    while let Some(hit) = cx.find_any(&["第二十条第(一)项", "信息内容"], from, limit) {
        starts.push(hit);
        from = hit.1;
        if starts.len() >= MAX_STARTS {
            break;
        }
    }
    let mut best_rows: Option<(usize, Format, Vec<RowData>, usize)> = None;
    for &(_, start) in &starts {
        // The column headings say which format's rows to expect; a 2019 table read with
        // the 2021 rows would put its three-column rows into one column.
        let region = cx.text.get(start..limit).unwrap_or("");
        let count = |m: &[&str]| m.iter().filter(|k| region.contains(*k)).count();
        let (m21, m19) = (count(forms::MARKERS_2021), count(forms::MARKERS_2019));
        let formats: &[Format] = match m21.cmp(&m19) {
            std::cmp::Ordering::Greater => &[Format::F2021],
            std::cmp::Ordering::Less => &[Format::F2019],
            std::cmp::Ordering::Equal => &[Format::F2021, Format::F2019],
        };
        for &format in formats {
            let defs = forms::active_rows(format);
            let mut chain = Vec::new();
            let mut pos = start;
            let mut widths = Vec::new();
            for def in defs {
                if let Some((s, e)) = cx.find_any(def.keywords, pos, (pos + ROW_GAP).min(limit)) {
                    chain.push(RowAt {
                        key: def.key,
                        label: cx.source(ctx.src, s, e),
                    });
                    widths.push(def.columns.len());
                    pos = e;
                }
            }
            if chain.is_empty() {
                continue;
            }
            let mut rows = Vec::new();
            for (i, r) in chain.iter().enumerate() {
                let last = i + 1 == chain.len();
                let stop = match chain.get(i + 1) {
                    Some(next) => label_start(ctx.src, next.label.0, r.label.1, None),
                    None => end.max(r.label.1),
                };
                let s = label_end(ctx.src, r.label.1, stop);
                let seg = match t2_tokens(ctx.src, s, stop, last) {
                    Ok((toks, e, glued)) => (t2_segment(ctx.src, &toks, widths[i], glued), e),
                    Err(_) => (
                        Seg::Unknown(Message {
                            zh: "本行的数字之间夹有文字，无法确定各单元格".into(),
                            en: "text between this row's numbers: its cells cannot be placed"
                                .into(),
                        }),
                        stop,
                    ),
                };
                rows.push(RowData {
                    key: r.key,
                    range: (s, seg.1),
                    seg: seg.0,
                });
            }
            let score = placed_count(&rows) * PLACED_WEIGHT + rows.len();
            let better = match &best_rows {
                None => true,
                Some((b, bf, _, _)) => {
                    score > *b || score == *b && *bf != format && fallback == Some(format)
                }
            };
            if better {
                best_rows = Some((score, format, rows, start));
            }
        }
    }
    let Some((_, format, rows, start)) = best_rows else {
        return (Read::default(), None);
    };
    let mut read = Read::default();
    let mut expected = 0;
    for def in forms::active_rows(format) {
        expected += def.columns.len();
        let row = rows.iter().find(|r| r.key == def.key);
        match row.map(|r| &r.seg) {
            Some(Seg::Placed { cells, .. }) => {
                for (c, col) in def.columns.iter().enumerate() {
                    read.cells.push(piece_cell(
                        ctx,
                        TableId::Active,
                        def.key,
                        col.key,
                        cells.get(c),
                    ));
                }
            }
            other => {
                if let (Some(r), Some(Seg::Unknown(m))) = (row, other) {
                    read.notes.push(ctx.note(
                        "READ-ROW-UNPLACED",
                        Severity::Info,
                        format!("第二表“{}”一行未读出：{}", def.label, m.zh),
                        format!("Table 2 row {} not read: {}", def.key, m.en),
                        Some(r.range),
                    ));
                }
                let why = if row.is_some() {
                    ReadHow::Unreadable
                } else {
                    ReadHow::Missing
                };
                for col in def.columns {
                    read.cells
                        .push(make_cell(ctx, TableId::Active, def.key, col.key, None, why));
                }
            }
        }
    }
    let first_at = rows.first().map_or(0, |r| r.range.0);
    read.info = Some(TableInfo {
        table: TableId::Active,
        found: true,
        format: Some(format.key().to_string()),
        layout: Some("stream".into()),
        rows: forms::active_rows(format)
            .iter()
            .map(|r| r.key.to_string())
            .collect(),
        columns: Vec::new(),
        line: Some(ctx.lines.line_col(ctx.src, first_at).0),
        cells_read: read_count(&read.cells, TableId::Active),
        cells_expected: expected,
    });
    // The format this table's own markers indicate (as the line reader says it).
    let region = cx.text.get(start..limit).unwrap_or("");
    let count = |m: &[&str]| m.iter().filter(|k| region.contains(*k)).count();
    let (m21, m19) = (count(forms::MARKERS_2021), count(forms::MARKERS_2019));
    (read, (m21 != m19).then_some(format))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(s: &str, n: usize, group: usize) -> Option<Vec<i64>> {
        let toks = tokens(s, 0, s.len()).ok()?;
        match segment(s, &toks, n, group) {
            Seg::Placed { cells, .. } => Some(
                cells
                    .iter()
                    .map(|p| p.value.and_then(|v| v.as_i64()).unwrap_or(-1))
                    .collect(),
            ),
            _ => None,
        }
    }

    #[test]
    fn compact_keeps_every_offset() {
        let s = "（三）不 予公開\t1、本機關 2，3．4。５、６，“引”\u{a0}x\u{3000}y 0,1 a'b\"c 😀é";
        let cx = Compact::new(s);
        // One character at a time, as the key rule says.
        let mut text = String::new();
        let mut at = Vec::new();
        for (i, c) in s.char_indices() {
            let after = text
                .chars()
                .last()
                .is_some_and(|p: char| p.is_ascii_digit());
            if let Some(k) = crate::normalize::key_char(c, after) {
                text.push(k);
                at.resize(text.len(), i);
            }
        }
        assert_eq!(cx.text, text);
        assert_eq!(cx.at, at);
    }

    #[test]
    fn places_the_real_shapes() {
        assert_eq!(seg("230000023", 7, 7), Some(vec![23, 0, 0, 0, 0, 0, 23]));
        assert_eq!(seg("10 0 0 012", 7, 7), Some(vec![1, 0, 0, 0, 0, 1, 2]));
        assert_eq!(seg("0 0 0 00 0 0", 7, 7), Some(vec![0; 7]));
        assert_eq!(seg("230 000023", 7, 7), Some(vec![23, 0, 0, 0, 0, 0, 23]));
        assert_eq!(seg("300000 3", 7, 7), Some(vec![3, 0, 0, 0, 0, 0, 3]));
        // A real report's row: exactly one split fits its row sum.
        assert_eq!(
            seg("10223000224", 7, 7),
            Some(vec![1, 0, 223, 0, 0, 0, 224])
        );
        assert_eq!(seg("", 7, 7), Some(vec![-1; 7]));
        // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both fit the row sum.
        assert_eq!(seg("110000011", 7, 7), None);
        // Six numbers for seven cells: which one is blank is unknown.
        assert_eq!(seg("0 0 0 0 0 0", 7, 7), None);
    }

    #[test]
    fn numbering_glued_to_the_last_cell() {
        let s = "1.本机关不掌握相关政府信息1700000172.没有现成信息";
        let kw = s.find("没有现成").unwrap_or(0);
        let start = label_start(s, kw, 0, Some(2));
        assert_eq!(&s[start..kw], "2.");
        let start1 = label_start(s, kw, 0, Some(3));
        assert_eq!(&s[start1..kw], ".");
    }

    #[test]
    fn blank_cells_written_as_separators() {
        assert_eq!(
            tokens("1\t\t2", 0, 4).map(|t| t.len()),
            Ok(3),
            "an empty cell between two tabs"
        );
        let s = "\n1\n\u{a0}\n2\n";
        assert_eq!(tokens(s, 0, s.len()).map(|t| t.len()), Ok(3));
        let s = "1 \u{a0} 2 \u{a0}\u{a0} 3";
        assert_eq!(tokens(s, 0, s.len()).map(|t| t.len()), Ok(5), "NBSP words");
        let s = "1\u{a0}2";
        assert_eq!(
            tokens(s, 0, s.len()).map(|t| t.len()),
            Ok(3),
            "NBSP glued between numbers is an empty cell"
        );
    }
}
