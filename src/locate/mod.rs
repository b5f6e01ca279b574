//! Records → the three official tables, each cell mapped to its form key with its
//! source span. Tables are found by their own labels, never by section numbers
//! (domain-spec §A.1); each table has its own module.

mod active;
mod applications;
mod keys;
mod review;
mod stream;

pub use keys::Keys;

use crate::cells::{glued_tail, parse_cell, Parsed};
use crate::forms::{Format, T3Layout};
use crate::normalize::{label_key, LineIndex};
use crate::records::{Record, Shape};
use crate::{Cell, CellText, Message, Note, Num, ReadHow, Severity, Span, TableId, TableInfo};

/// One data cell as found in the input.
#[derive(Debug, Clone)]
pub struct DataCell<'a> {
    pub start: usize,
    pub end: usize,
    pub raw: &'a str,
    pub parsed: Parsed,
}

impl<'a> DataCell<'a> {
    fn from_piece(src: &'a str, start: usize, end: usize) -> DataCell<'a> {
        let raw = src.get(start..end).unwrap_or("");
        let parsed = parse_cell(raw);
        DataCell {
            start,
            end,
            raw,
            parsed,
        }
    }

    fn with(mut self, read: ReadHow, value: Option<Num>) -> DataCell<'a> {
        self.parsed.read = read;
        self.parsed.value = value;
        self
    }

    /// The `len` bytes of this cell's text starting at byte offset `abs` of the input.
    fn part(&self, abs: usize, len: usize) -> DataCell<'a> {
        let rel = abs.saturating_sub(self.start);
        let text = self.raw.get(rel..rel + len).unwrap_or("");
        DataCell {
            start: abs,
            end: abs + len,
            raw: text,
            parsed: parse_cell(text),
        }
    }
}

/// Cells in a Table 3 row, and in Table 4's one data row (three blocks), as the forms say.
const W3: usize = crate::forms::T3_COLUMNS.len();
const W4: usize = crate::forms::T4_ROWS.len() * crate::forms::T4_COLUMNS.len();

pub use crate::model::Assumption;

#[derive(Debug, Default)]
pub struct Located {
    pub cells: Vec<Cell>,
    pub info: Vec<TableInfo>,
    pub notes: Vec<Note>,
    pub t3_layout: Option<T3Layout>,
    pub t2_format: Option<Format>,
    pub assumptions: Vec<Assumption>,
}

pub struct Ctx<'a> {
    pub src: &'a str,
    pub recs: &'a [Record],
    pub keys: Keys,
    pub lines: &'a LineIndex,
}

impl<'a> Ctx<'a> {
    pub fn new(src: &'a str, recs: &'a [Record], lines: &'a LineIndex) -> Ctx<'a> {
        let keys = Keys::new(src, recs);
        Ctx {
            src,
            recs,
            keys,
            lines,
        }
    }
    fn span(&self, start: usize, end: usize) -> Span {
        self.lines.span(self.src, start, end)
    }
    fn line_of(&self, rec: usize) -> Option<usize> {
        self.recs
            .get(rec)
            .map(|r| self.lines.line_col(self.src, r.start).0)
    }
    fn note(
        &self,
        code: &str,
        sev: Severity,
        zh: String,
        en: String,
        at: Option<(usize, usize)>,
    ) -> Note {
        Note {
            code: code.to_string(),
            severity: sev,
            message: Message { zh, en },
            span: at.map(|(s, e)| self.span(s, e)),
        }
    }
}

/// Page furniture such as "— 4 —", "- 5 -", "-3-", "第 4 页".
fn is_furniture(key: &str, cells: usize) -> bool {
    if cells > 3 {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－');
    // Dashes on both sides of one short number: "— 0 0 0" (a zero written as a dash
    // before other cells) is data, not a page number.
    let t = key.trim_start_matches(dash);
    let both = t.len() < key.len() && t.trim_end_matches(dash).len() < t.len();
    let t = t.trim_end_matches(dash);
    let dashed = both && (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit());
    let page = key.starts_with('第') && key.ends_with('页');
    dashed || page
}

/// The numbers at the end of a record (explicit cells, or space-separated tokens).
struct Trailing<'a> {
    /// Byte offset where the label part of the record ends.
    label_end: usize,
    cells: Vec<DataCell<'a>>,
    /// Digits glued to the last label token ("出具0"), not yet counted in `cells`.
    glued: Option<DataCell<'a>>,
}

fn trailing<'a>(src: &'a str, rec: &Record) -> Trailing<'a> {
    let mut cells = Vec::with_capacity(rec.cells.len());
    let mut idx = rec.cells.len();
    while idx > 0 {
        let p = &rec.cells[idx - 1];
        let c = DataCell::from_piece(src, p.start, p.end);
        let ok = match rec.shape {
            Shape::Plain => matches!(c.parsed.read, ReadHow::Number | ReadHow::DashZero),
            _ => c.parsed.is_data(),
        };
        if !ok {
            break;
        }
        cells.push(c);
        idx -= 1;
    }
    cells.reverse();
    let mut glued = None;
    let label_end = match idx {
        0 => rec.start,
        i => {
            let p = &rec.cells[i - 1];
            let t = src.get(p.start..p.end).unwrap_or("");
            if let Some(off) = glued_tail(t) {
                glued = Some(DataCell::from_piece(src, p.start + off, p.end));
            }
            p.end
        }
    };
    Trailing {
        label_end,
        cells,
        glued,
    }
}

/// The label part of a record's text, before its trailing numbers.
fn label_text<'a>(trail: &Trailing<'_>, src: &'a str, rec: &Record) -> &'a str {
    let end = trail.glued.as_ref().map_or(trail.label_end, |g| g.start);
    src.get(rec.start..end.max(rec.start)).unwrap_or("")
}

fn is_after_tables(keys: &Keys, i: usize) -> bool {
    let k = &keys[i];
    k.starts_with("五、") || keys.has(i, "存在的主要问题") || k.starts_with("六、其他需要报告")
}

pub fn locate(ctx: &Ctx, fallback_format: Option<Format>) -> Located {
    let mut out = Located::default();
    // The stream reader runs where the line reader left cells unread or read a copy
    // whose line breaks are gone, so a well-formed copy costs what it did before (the
    // compact key is built once, lazily).
    let cx = std::cell::OnceCell::new();
    let cx = || cx.get_or_init(|| stream::Compact::new(ctx.src));
    let t3 = applications::region(ctx);
    let mut lines3 = Located::default();
    applications::locate(ctx, t3, fallback_format, &mut lines3);
    let collapsed3 = rows_share_a_line(&lines3.cells) || labels_share_a_line(ctx);
    let mut t3_at = t3.and_then(|(s, _)| ctx.recs.get(s)).map(|r| r.start);
    let flow3 = (collapsed3 || !complete(&lines3, TableId::Applications))
        .then(|| stream::applications(ctx, cx(), fallback_format));
    // Sorted and distinct (a row's cells share a line), to be searched.
    let mut t3_lines = Vec::with_capacity(lines3.cells.len());
    t3_lines.extend(lines3.cells.iter().filter_map(|c| c.line));
    t3_lines.sort_unstable();
    t3_lines.dedup();
    let use3 = prefer_stream(&lines3, flow3.as_ref(), TableId::Applications, collapsed3);
    if use3 {
        t3_at = flow3.as_ref().and_then(|f| f.at);
    }
    out.t3_layout = take(ctx, &mut out, lines3, flow3, use3, collapsed3);
    let t4_from = t3.map_or(0, |(_, e)| e);
    let mut lines4 = Located::default();
    review::locate(ctx, t4_from, &mut lines4);
    // Table 4's one data row shares its line with Table 3's rows only in a collapsed copy.
    let collapsed4 = collapsed3
        || lines4
            .cells
            .iter()
            .any(|c| c.line.is_some_and(|l| t3_lines.binary_search(&l).is_ok()));
    let flow4 = (collapsed4 || !complete(&lines4, TableId::Review))
        .then(|| stream::review(ctx, cx(), t3_at.unwrap_or(0)));
    let use4 = prefer_stream(&lines4, flow4.as_ref(), TableId::Review, collapsed4);
    take(ctx, &mut out, lines4, flow4, use4, collapsed4);
    let t2_end = t3.map_or(ctx.recs.len(), |(s, _)| s);
    let fmt = out.t3_layout.map(T3Layout::format).or(fallback_format);
    let mut lines2 = Located::default();
    active::locate(ctx, t2_end, fmt, &mut lines2);
    let collapsed2 = collapsed3 || rows_share_a_line(&lines2.cells);
    let t2_format = lines2.t2_format;
    let flow2 = (collapsed2 || !complete(&lines2, TableId::Active))
        .then(|| stream::active(ctx, cx(), t3_at.unwrap_or(ctx.src.len()), fmt));
    let flow2_format = flow2.as_ref().and_then(|(_, f)| *f);
    let flow2 = flow2.map(|(r, _)| r);
    let use2 = prefer_stream(&lines2, flow2.as_ref(), TableId::Active, collapsed2);
    take(ctx, &mut out, lines2, flow2, use2, collapsed2);
    out.t2_format = if use2 { flow2_format } else { t2_format };
    out
}

/// Cells of two different rows on one line: the copy lost its line breaks, and the line
/// reader (one row per line) cannot be trusted with it.
fn rows_share_a_line(cells: &[Cell]) -> bool {
    let mut seen: Vec<(usize, &str)> = Vec::new();
    for c in cells {
        let (Some(line), true) = (c.line, c.value.is_some()) else {
            continue;
        };
        // Each line has one entry: the cell before's row on its line says nothing new.
        // The engine's row keys are the form tables' own strings: the same row is most
        // often the same pointer, told apart without comparing the text.
        let same = |r: &str| std::ptr::eq(r, &*c.row) || r == &*c.row;
        if seen.last().is_some_and(|&(l, r)| l == line && same(r)) {
            continue;
        }
        match seen.iter().find(|(l, _)| *l == line) {
            Some((_, row)) if !same(row) => return true,
            Some(_) => {}
            None => seen.push((line, &*c.row)),
        }
    }
    false
}

/// Labels of several Table 3 rows on one line: the copy lost its line breaks even where
/// the line reader read only one row of it.
fn labels_share_a_line(ctx: &Ctx) -> bool {
    /// More than a sentence naming a row or two ("本年新收…，上年结转…") ever holds.
    const ROWS_ON_ONE_LINE: usize = 3;
    /// Two rows' worth of digits: a heading row of another table names rows without.
    const DIGITS: usize = 14;
    /// A key this short cannot hold three rows' labels with their numbers.
    const MIN_LEN: usize = 30;
    (0..ctx.keys.len()).any(|i| {
        let k = &ctx.keys[i];
        k.len() > MIN_LEN
            && digits(k) >= DIGITS
            && applications::t3_rows_named(k).count_ones() as usize >= ROWS_ON_ONE_LINE
    })
}

/// How many ASCII digits `k` holds, counted 16 bytes at a time so that the loop
/// vectorises (every key of a long paste is counted).
fn digits(k: &str) -> usize {
    let b = k.as_bytes();
    let chunks = b.chunks_exact(16);
    let tail = chunks.remainder();
    let mut n = 0;
    for c in chunks {
        n += c
            .iter()
            .map(|&x| usize::from(x.wrapping_sub(b'0') < 10))
            .sum::<usize>();
    }
    n + tail.iter().filter(|x| x.is_ascii_digit()).count()
}

/// The stream reader's table is taken when the line reader's copy was collapsed, or
/// when it read more cells.
fn prefer_stream(
    lines: &Located,
    flow: Option<&stream::Read>,
    table: TableId,
    collapsed: bool,
) -> bool {
    let Some(flow) = flow else {
        return false;
    };
    collapsed || flow.values() > values_count(lines, table)
}

/// The line reader found the table and read every cell of it.
fn complete(l: &Located, table: TableId) -> bool {
    l.info
        .iter()
        .any(|i| i.table == table && i.found && i.cells_read == i.cells_expected)
}

/// Moves the chosen reader's table into `out`.
fn take(
    ctx: &Ctx,
    out: &mut Located,
    lines: Located,
    flow: Option<stream::Read>,
    use_flow: bool,
    collapsed: bool,
) -> Option<T3Layout> {
    let (mut cells, mut info, notes, assumptions, layout, other) = match flow {
        Some(flow) if use_flow => {
            // A collapsed copy's line reading is no witness against the stream's.
            let other = if collapsed { Vec::new() } else { lines.cells };
            (
                flow.cells,
                flow.info.into_iter().collect::<Vec<_>>(),
                flow.notes,
                flow.assumptions,
                flow.t3_layout,
                other,
            )
        }
        flow => (
            lines.cells,
            lines.info,
            lines.notes,
            lines.assumptions,
            lines.t3_layout,
            flow.map(|f| f.cells).unwrap_or_default(),
        ),
    };
    let conflicts = drop_conflicts(&mut cells, &other);
    if conflicts > 0 {
        for i in info.iter_mut() {
            i.cells_read = cells
                .iter()
                .filter(|c| c.table == i.table && is_read(c))
                .count();
        }
        out.notes.push(ctx.note(
            "READ-READERS-DISAGREE",
            Severity::Warning,
            format!("有 {conflicts} 个单元格按行和按标签顺序读出的数不一致，这些单元格按未读出处理"),
            format!("{conflicts} cells read differently by the line reading and the label-order reading; those cells are treated as not read"),
            None,
        ));
    }
    if out.cells.is_empty() {
        // The first table read: moved, not copied cell by cell.
        out.cells = cells;
    } else {
        out.cells.extend(cells);
    }
    out.info.extend(info);
    out.notes.extend(notes);
    out.assumptions.extend(assumptions);
    layout
}

/// Cells the two readings give different values: neither is trusted.
fn drop_conflicts(cells: &mut [Cell], other: &[Cell]) -> usize {
    let mut n = 0;
    for c in cells.iter_mut() {
        let Some(v) = c.value else { continue };
        let differs = other.iter().any(|o| {
            o.table == c.table
                && o.row == c.row
                && o.column == c.column
                && o.value.is_some_and(|w| w != v)
        });
        if differs {
            c.value = None;
            c.read = ReadHow::Unreadable;
            n += 1;
        }
    }
    n
}

fn make_cell(
    ctx: &Ctx,
    table: TableId,
    row: &'static str,
    col: &'static str,
    dc: Option<DataCell>,
    none_how: ReadHow,
) -> Cell {
    match dc {
        Some(dc) => {
            let span = ctx.span(dc.start, dc.end);
            Cell {
                table,
                row: row.into(),
                column: col.into(),
                value: dc.parsed.value,
                raw: dc.raw.into(),
                read: dc.parsed.read,
                annotation: dc.parsed.annotation,
                line: Some(span.line),
                span: Some(span),
            }
        }
        None => Cell {
            table,
            row: row.into(),
            column: col.into(),
            value: None,
            raw: CellText::default(),
            read: none_how,
            annotation: None,
            span: None,
            line: None,
        },
    }
}

/// Cells of a table that were read (a value, or a blank shown as blank).
fn read_count(cells: &[Cell], t: TableId) -> usize {
    cells.iter().filter(|c| c.table == t && is_read(c)).count()
}

/// A cell whose content is known: a value, or a blank the text shows as blank.
pub(crate) fn is_read(c: &Cell) -> bool {
    !matches!(c.read, ReadHow::Unreadable | ReadHow::Missing)
}

/// Cells of a table that hold a value (what the two readers are compared by: a blank
/// is easy to "read" from a layout the reader does not understand).
fn values_count(out: &Located, t: TableId) -> usize {
    out.cells
        .iter()
        .filter(|c| c.table == t && c.value.is_some())
        .count()
}

fn missing_info(table: TableId) -> TableInfo {
    TableInfo {
        table,
        found: false,
        format: None,
        layout: None,
        rows: Vec::new(),
        columns: Vec::new(),
        line: None,
        cells_read: 0,
        cells_expected: 0,
    }
}
