//! Records → the three official tables, each cell mapped to its form key with its
//! source span. Tables are found by their own labels, never by section numbers; rows of
//! Table 3 are matched to the form's row order with their labels as anchors, because
//! PDF copies detach labels from numbers (domain-spec §E.2).

use crate::cells::{glued_tail, parse_cell, Parsed};
use crate::forms::{self, Format, T3Layout};
use crate::glued::{self, Split};
use crate::normalize::{has, label_key, LineIndex};
use crate::records::{Record, Shape};
use crate::{Cell, Message, Note, Num, ReadHow, Severity, Span, TableId, TableInfo};

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
}

/// A relation that was used to read the input and therefore cannot be checked.
#[derive(Debug, Clone)]
pub struct Assumption {
    pub rule: &'static str,
    pub instance: String,
    pub reason: Message,
}

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
    pub keys: Vec<String>,
    pub lines: &'a LineIndex,
}

impl<'a> Ctx<'a> {
    pub fn new(src: &'a str, recs: &'a [Record], lines: &'a LineIndex) -> Ctx<'a> {
        let keys = recs.iter().map(|r| label_key(r.text(src))).collect();
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
    let mut cells = Vec::new();
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

fn label_of(trail: &Trailing<'_>, src: &str, rec: &Record) -> String {
    let end = trail.glued.as_ref().map_or(trail.label_end, |g| g.start);
    src.get(rec.start..end.max(rec.start))
        .unwrap_or("")
        .to_string()
}

/// A Table 3 row as read: 7 cells (None = not readable), plus how.
struct T3Row<'a> {
    rec: usize,
    label: String,
    cells: Vec<Option<DataCell<'a>>>,
    /// R3 was assumed to read this row (glued digits split, or a 6-number row).
    assumed: Option<Message>,
    ambiguous: bool,
}

const W3: usize = 7;

/// Reads the 7 data cells of a Table 3 row from one record, if it is one.
fn t3_row<'a>(ctx: &Ctx<'a>, i: usize, np_col: Option<usize>) -> Option<T3Row<'a>> {
    let rec = &ctx.recs[i];
    let src = ctx.src;
    let mut t = trailing(src, rec);
    let label = label_of(&t, src, rec);
    let explicit = rec.shape != Shape::Plain;
    if let Some(np) = np_col.filter(|&np| explicit && rec.cells.len() >= np + W3) {
        // The header's 自然人 cell fixes where the 7 data columns are: a blank 总计 and
        // empty covered label slots then stay blank in their own columns. A row with
        // numbers outside that window (a shifted row) falls back to the rule below.
        let parse = |p: &crate::records::Piece| DataCell::from_piece(src, p.start, p.end);
        let window: Vec<DataCell> = rec.cells[np..np + W3].iter().map(parse).collect();
        let outside = rec.cells[..np]
            .iter()
            .chain(&rec.cells[np + W3..])
            .any(|p| parse(p).parsed.value.is_some());
        let label = src
            .get(rec.start..rec.cells[np].start)
            .unwrap_or("")
            .to_string();
        let numbers = window.iter().filter(|c| c.parsed.value.is_some()).count();
        let data = window.iter().filter(|c| c.parsed.is_data()).count();
        // The row's own label must sit left of the window (copies that give merged
        // labels once have rows narrower than the header) and none inside it.
        let labelled =
            t3_label(&label).is_some() && window.iter().all(|c| t3_label(c.raw).is_none());
        if !outside && labelled && data >= W3 - 2 && numbers > 0 {
            return Some(T3Row {
                rec: i,
                label,
                cells: window.into_iter().map(Some).collect(),
                assumed: None,
                ambiguous: false,
            });
        }
    }
    if explicit {
        while t.cells.len() > W3
            && t.cells
                .last()
                .is_some_and(|c| c.parsed.read == ReadHow::Blank)
        {
            t.cells.pop();
        }
        if t.cells.len() >= W3 {
            let cells = t.cells.split_off(t.cells.len() - W3);
            if cells.iter().all(|c| c.parsed.read == ReadHow::Blank) && label_key(&label).is_empty()
            {
                return None;
            }
            return Some(T3Row {
                rec: i,
                label,
                cells: cells.into_iter().map(Some).collect(),
                assumed: None,
                ambiguous: false,
            });
        }
        if let Some(cells) = explicit_window(ctx, rec) {
            return Some(T3Row {
                rec: i,
                label,
                cells,
                assumed: None,
                ambiguous: false,
            });
        }
        t.cells.retain(|c| c.parsed.read != ReadHow::Blank);
        // Explicit cells are never split: "约12" is text, not a label glued to 12.
        t.glued = None;
    }
    let mut nums = t.cells;
    if nums.len() == W3 - 1 {
        if let Some(g) = t.glued.take() {
            nums.insert(0, g);
        }
    }
    if nums.len() >= W3 {
        let cells = nums.split_off(nums.len() - W3);
        return Some(T3Row {
            rec: i,
            label,
            cells: cells.into_iter().map(Some).collect(),
            assumed: None,
            ambiguous: false,
        });
    }
    if nums.len() == W3 - 1 {
        return Some(six_numbers(i, label, nums));
    }
    // Glued digits: the whole row in one run.
    let run = match (nums.len(), t.glued) {
        (1, _) if nums[0].raw.len() >= W3 && nums[0].raw.bytes().all(|b| b.is_ascii_digit()) => {
            nums.pop()
        }
        (0, Some(g)) if g.raw.len() >= W3 => Some(g),
        _ => None,
    }?;
    Some(split_glued_row(i, label, run))
}

/// In a tab or pipe row the positions are explicit: when a row label is followed by 7
/// cells of which some hold text that is not a number ("十二", "约12"), those cells
/// stay in their columns as unreadable instead of shifting the numbers sideways.
fn explicit_window<'a>(ctx: &Ctx<'a>, rec: &Record) -> Option<Vec<Option<DataCell<'a>>>> {
    let n = rec.cells.len();
    let blank = |j: usize| rec.cell(ctx.src, j).trim().is_empty();
    for end in [n, n.saturating_sub(1)] {
        if end < W3 + 1 || (end < n && !blank(end)) {
            continue;
        }
        let start = end - W3;
        let window: Vec<DataCell> = rec.cells[start..end]
            .iter()
            .map(|p| DataCell::from_piece(ctx.src, p.start, p.end))
            .collect();
        if window.iter().filter(|c| c.parsed.is_data()).count() < W3 - 2 {
            continue;
        }
        let label_at = (0..start).rev().find(|&j| !blank(j))?;
        if t3_label(rec.cell(ctx.src, label_at)).is_some() {
            return Some(window.into_iter().map(Some).collect());
        }
    }
    None
}

fn six_numbers<'a>(i: usize, label: String, nums: Vec<DataCell<'a>>) -> T3Row<'a> {
    let v: Vec<Num> = nums
        .iter()
        .map(|c| c.parsed.value.unwrap_or(Num::ZERO))
        .collect();
    let first5 = Num::sum(v[..5].iter().copied());
    let fits_total = first5 == Some(v[5]);
    if fits_total && !v.iter().all(Num::is_zero) {
        // 5 components + 总计 with one component dropped, or 6 components with 总计
        // dropped: the numbers cannot tell which.
        return T3Row {
            rec: i,
            label,
            cells: vec![None; W3],
            assumed: None,
            ambiguous: true,
        };
    }
    let mut cells: Vec<Option<DataCell>> = nums
        .into_iter()
        .map(|c| {
            let (read, value) = (ReadHow::Assumed, c.parsed.value);
            Some(c.with(read, value))
        })
        .collect();
    cells.push(None);
    T3Row {
        rec: i,
        label,
        cells,
        assumed: Some(Message {
            zh: "此行只有 6 个数，按六个申请人列读取，总计列视为空白".into(),
            en: "this row has 6 numbers: read as the six applicant columns, 总计 taken as blank"
                .into(),
        }),
        ambiguous: false,
    }
}

fn split_glued_row<'a>(i: usize, label: String, run: DataCell<'a>) -> T3Row<'a> {
    match glued::split(run.raw, W3, 1) {
        Split::One(parts) => {
            let mut cells = Vec::new();
            let mut off = run.start;
            for n in parts {
                let len = n.to_string().len();
                let c = DataCell::from_piece_str(run.raw, off - run.start, len, off);
                cells.push(Some(c.with(ReadHow::SplitGlued, Some(n))));
                off += len;
            }
            T3Row {
                rec: i,
                label,
                cells,
                assumed: Some(Message {
                    zh: format!("数字“{}”粘连，按“总计 = 六列之和”拆分，故本行此关系无法核对", run.raw),
                    en: format!("digits \"{}\" were glued together and split assuming 总计 = sum of the six columns, so that relation cannot be checked for this row", run.raw),
                }),
                ambiguous: false,
            }
        }
        Split::Ambiguous(_) | Split::None => T3Row {
            rec: i,
            label,
            cells: vec![None; W3],
            assumed: None,
            ambiguous: true,
        },
    }
}

impl<'a> DataCell<'a> {
    fn from_piece_str(raw: &'a str, rel: usize, len: usize, abs: usize) -> DataCell<'a> {
        let text = raw.get(rel..rel + len).unwrap_or("");
        let parsed = parse_cell(text);
        DataCell {
            start: abs,
            end: abs + len,
            raw: text,
            parsed,
        }
    }
}

/// Which T3 row a label names: the keyword found last in the text wins (a line may
/// carry a group label before the sub-row label, or header text before a row label).
fn t3_label(label: &str) -> Option<&'static str> {
    // Every keyword holds Chinese characters: numbers and dashes never name a row.
    if label.is_ascii() {
        return None;
    }
    let k = label_key(label);
    // Walk back from the end: the first keyword found ending at a position is the one
    // ending last; labels usually end with their keyword, so this stops early.
    (1..=k.len())
        .rev()
        .filter(|&e| k.is_char_boundary(e))
        .find_map(|end| {
            let head = &k[..end];
            forms::T3_ROWS
                .iter()
                .find(|row| {
                    row.keywords.iter().any(|kw| {
                        // The last byte first: a cheap filter before comparing the whole tail.
                        head.as_bytes().last() == kw.as_bytes().last() && head.ends_with(kw)
                    })
                })
                .map(|row| row.key)
        })
}

/// Finds Table 3: returns (first record, end record) of its region.
fn t3_region(ctx: &Ctx) -> Option<(usize, usize)> {
    let anchor = ctx
        .keys
        .iter()
        .position(|k| has(k, "勾稽关系") || has(k, "申请人情况"));
    let start = match anchor {
        Some(a) => a,
        None => (0..ctx.recs.len())
            .find(|&i| has(&ctx.keys[i], "本年新收") && t3_row(ctx, i, None).is_some())?,
    };
    let end = (start + 1..ctx.recs.len())
        .find(|&i| is_t4_anchor(&ctx.keys[i]) || is_after_tables(&ctx.keys[i]))
        .unwrap_or(ctx.recs.len());
    Some((start, end))
}

fn is_t4_anchor(k: &str) -> bool {
    has(k, "行政复议") || has(k, "复议后起诉") || has(k, "未经复议") || has(k, "结果维持")
}

fn is_after_tables(k: &str) -> bool {
    k.starts_with("五、") || has(k, "存在的主要问题") || k.starts_with("六、其他需要报告")
}

pub fn locate(ctx: &Ctx, fallback_format: Option<Format>) -> Located {
    let mut out = Located::default();
    let t3 = t3_region(ctx);
    locate_t3(ctx, t3, fallback_format, &mut out);
    let t4_from = t3.map_or(0, |(_, e)| e);
    locate_t4(ctx, t4_from, &mut out);
    let t2_end = t3.map_or(ctx.recs.len(), |(s, _)| s);
    let fmt = out.t3_layout.map(T3Layout::format).or(fallback_format);
    locate_t2(ctx, t2_end, fmt, &mut out);
    out
}

// ------------------------------------------------------------------ Table 3

/// The cell index of 自然人 in the table's tab/pipe header row: the first of the 7 data
/// columns in the rows laid out like the header.
fn header_np_column(ctx: &Ctx, start: usize, end: usize) -> Option<usize> {
    ctx.recs[start..end]
        .iter()
        .filter(|r| r.shape != Shape::Plain)
        .find_map(|r| (0..r.cells.len()).find(|&j| label_key(r.cell(ctx.src, j)) == "自然人"))
}

/// Row keys named in order, distinct, and in form order in one of the two layouts.
fn in_form_order(keys: &[&str]) -> bool {
    [T3Layout::ThreeOther, T3Layout::SingleOther]
        .iter()
        .any(|l| {
            let rows = l.rows();
            let pos: Option<Vec<usize>> = keys
                .iter()
                .map(|k| rows.iter().position(|r| r == k))
                .collect();
            pos.is_some_and(|p| p.windows(2).all(|w| w[0] < w[1]))
        })
}

/// Numbers standing one per line. With one row label before them and 7 numbers, they
/// are that row's cells (one cell per line). With k row labels listed first and then 7·k
/// numbers (a PDF extracted column by column, page by page), they fill those k rows
/// column by column. Any other count cannot be placed, and is reported, not guessed.
fn flush_run<'a>(
    ctx: &Ctx<'a>,
    run: &mut Vec<usize>,
    keys: &mut Vec<&'static str>,
    label: &mut String,
    rows: &mut Vec<T3Row<'a>>,
    out: &mut Located,
) {
    let cell = |r: usize| {
        let p = &ctx.recs[r].cells[0];
        Some(DataCell::from_piece(ctx.src, p.start, p.end))
    };
    let k = keys.len();
    if k > 1 && run.len() == W3 * k && in_form_order(keys) {
        let grid: Vec<Vec<Option<DataCell>>> = (0..k)
            .map(|j| (0..W3).map(|c| cell(run[c * k + j])).collect())
            .collect();
        // Extractors do not always emit columns in visual order; the reading is used only
        // when every row's 总计 is the sum of its six columns, and that relation is then
        // not checked for these rows (it was assumed to read them).
        let row_sum_holds = |cells: &Vec<Option<DataCell>>| {
            let v: Option<Vec<Num>> = cells
                .iter()
                .map(|c| c.as_ref().and_then(|c| c.parsed.value))
                .collect();
            v.is_some_and(|v| Num::sum(v[..6].iter().copied()) == Some(v[6]))
        };
        if grid.iter().all(row_sum_holds) {
            for (j, (key, cells)) in keys.iter().zip(grid).enumerate() {
                rows.push(T3Row {
                    rec: run[j],
                    label: row_label(key).to_string(),
                    cells,
                    assumed: Some(Message {
                        zh: "此行数字按列逐个排列（PDF 按列提取），读法以“总计 = 六列之和”核对，故此关系无法核对".into(),
                        en: "this row's numbers came one per line, column by column (PDF extracted by columns); the reading was confirmed with 总计 = sum of the six columns, so that relation cannot be checked".into(),
                    }),
                    ambiguous: false,
                });
            }
            out.notes.push(ctx.note(
                "READ-COLUMN-MAJOR",
                Severity::Info,
                format!("第三表有 {k} 行的 {} 个数字按列逐个排列（PDF 按列提取），已按列读入；这些行的“总计 = 六列之和”用于确认读法，无法核对", run.len()),
                format!("{} numbers of {k} Table 3 rows came one per line, column by column (PDF extracted by columns) and were read column-wise; their row sums confirmed the reading and so cannot be checked", run.len()),
                ctx.recs.get(run[0]).map(|r| (r.start, r.end)),
            ));
        } else {
            out.notes.push(ctx.note(
                "READ-COLUMN-ORDER",
                Severity::Warning,
                format!("第三表有 {k} 行的 {} 个数字按列逐个排列，但无法确定列的顺序，未使用", run.len()),
                format!("{} numbers of {k} Table 3 rows came one per line, column by column, but the order of the columns cannot be confirmed; not used", run.len()),
                ctx.recs.get(run[0]).map(|r| (r.start, r.end)),
            ));
        }
        label.clear();
    } else if run.len() == W3 {
        rows.push(T3Row {
            rec: run[0],
            label: std::mem::take(label),
            cells: run.iter().map(|&r| cell(r)).collect(),
            assumed: None,
            ambiguous: false,
        });
    } else if run.len() > 1 {
        let first = &ctx.recs[run[0]];
        out.notes.push(ctx.note(
            "READ-LOOSE-NUMBERS",
            Severity::Warning,
            format!("第三表中有 {} 个单独成行的数，无法确定它们属于哪些单元格（与前面的行标签数不对应），未使用", run.len()),
            format!("{} numbers stand on lines of their own in Table 3 and do not match the row labels before them; which cells they belong to cannot be told, so they were not used", run.len()),
            Some((first.start, first.end)),
        ));
    }
    if !run.is_empty() {
        keys.clear();
    }
    run.clear();
}

fn collect_t3_rows<'a>(
    ctx: &Ctx<'a>,
    start: usize,
    end: usize,
    out: &mut Located,
) -> Vec<T3Row<'a>> {
    let mut rows = Vec::new();
    let mut pending_label = String::new();
    let mut pending_keys: Vec<&'static str> = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let np_col = header_np_column(ctx, start, end);
    for i in start..end {
        let key = &ctx.keys[i];
        if key.is_empty() || is_furniture(key, ctx.recs[i].cells.len()) {
            continue;
        }
        let rec = &ctx.recs[i];
        let single_number = rec.cells.len() == 1 && {
            let c = ctx.recs[i].cell(ctx.src, 0);
            matches!(parse_cell(c).read, ReadHow::Number | ReadHow::DashZero)
        };
        if single_number {
            run.push(i);
            continue;
        }
        if run.len() == 1 && ctx.recs[run[0]].cell(ctx.src, 0).len() >= W3 {
            // One long digit run alone on its line: a row of glued digits.
            if let Some(mut row) = t3_row(ctx, run[0], np_col) {
                row.label = format!("{pending_label}{}", row.label);
                pending_label.clear();
                pending_keys.clear();
                rows.push(row);
            }
            run.clear();
        }
        flush_run(
            ctx,
            &mut run,
            &mut pending_keys,
            &mut pending_label,
            &mut rows,
            out,
        );
        match t3_row(ctx, i, np_col) {
            Some(mut row) => {
                row.label = format!("{pending_label}{}", row.label);
                pending_label.clear();
                pending_keys.clear();
                rows.push(row);
            }
            None => {
                let text = rec.text(ctx.src);
                if let Some(k) = t3_label(text) {
                    if !pending_keys.contains(&k) {
                        pending_keys.push(k);
                    }
                }
                pending_label.push_str(text);
                pending_label.push('\n');
            }
        }
    }
    flush_run(
        ctx,
        &mut run,
        &mut pending_keys,
        &mut pending_label,
        &mut rows,
        out,
    );
    rows
}

/// Aligns data rows with the form's rows (an edit-distance alignment where a row's own
/// label is an anchor). Returns, per form row, the index of its data row.
fn align(labels: &[Option<&'static str>], keys: &[&'static str]) -> (u32, Vec<Option<usize>>) {
    const SKIP_ROW: u32 = 3;
    const SKIP_KEY: u32 = 2;
    let cost = |l: Option<&str>, k: &str| match l {
        Some(l) if l == k => 0,
        None => 1,
        Some(_) => 4,
    };
    let (n, m) = (labels.len(), keys.len());
    let mut dp = vec![vec![u32::MAX / 2; m + 1]; n + 1];
    dp[0][0] = 0;
    for i in 0..=n {
        for j in 0..=m {
            let here = dp[i][j];
            if i < n && here + SKIP_ROW < dp[i + 1][j] {
                dp[i + 1][j] = here + SKIP_ROW;
            }
            if j < m && here + SKIP_KEY < dp[i][j + 1] {
                dp[i][j + 1] = here + SKIP_KEY;
            }
            if i < n && j < m {
                let c = here + cost(labels[i], keys[j]);
                if c < dp[i + 1][j + 1] {
                    dp[i + 1][j + 1] = c;
                }
            }
        }
    }
    let mut map = vec![None; m];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 && dp[i][j] == dp[i - 1][j - 1] + cost(labels[i - 1], keys[j - 1]) {
            map[j - 1] = Some(i - 1);
            i -= 1;
            j -= 1;
        } else if i > 0 && dp[i][j] == dp[i - 1][j] + SKIP_ROW {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    (dp[n][m], map)
}

/// Drops assignments of unlabelled rows that sit between two label-confirmed rows when
/// the stretch has a different number of data rows and form rows: which row was
/// skipped is then unknown, and a guess would put numbers in the wrong cells.
fn drop_unanchored(labels: &[Option<&str>], keys: &[&str], map: &mut [Option<usize>]) -> usize {
    let confirmed =
        |j: usize, map: &[Option<usize>]| map[j].is_some_and(|i| labels[i] == Some(keys[j]));
    let mut dropped = 0;
    let mut seg_start = 0; // first key index of the current stretch
    let mut prev_row: Option<usize> = None;
    for j in 0..=keys.len() {
        let boundary = j == keys.len() || confirmed(j, map);
        if !boundary {
            continue;
        }
        let next_row = if j == keys.len() {
            labels.len()
        } else {
            map[j].unwrap_or(labels.len())
        };
        let first_row = prev_row.map_or(0, |r| r + 1);
        let rows_in = next_row.saturating_sub(first_row);
        let keys_in = j - seg_start;
        if rows_in != keys_in {
            for slot in map.iter_mut().take(j).skip(seg_start) {
                if let Some(i) = *slot {
                    if labels[i]
                        != Some(
                            keys[seg_start..j]
                                .iter()
                                .find(|k| Some(**k) == labels[i])
                                .copied()
                                .unwrap_or(""),
                        )
                    {
                        *slot = None;
                        dropped += 1;
                    }
                }
            }
        }
        if j < keys.len() {
            prev_row = map[j];
            seg_start = j + 1;
        }
    }
    dropped
}

fn locate_t3(
    ctx: &Ctx,
    region: Option<(usize, usize)>,
    fallback: Option<Format>,
    out: &mut Located,
) {
    let Some((start, end)) = region else {
        out.info.push(missing_info(TableId::Applications));
        return;
    };
    let rows = collect_t3_rows(ctx, start, end, out);
    if rows.is_empty() {
        out.notes.push(ctx.note(
            "READ-T3-NO-ROWS",
            Severity::Warning,
            "找到了第三表（收到和处理政府信息公开申请情况）的表头，但没有读到任何数据行".into(),
            "found the heading of Table 3 (applications) but no data row could be read".into(),
            ctx.recs.get(start).map(|r| (r.start, r.end)),
        ));
    }
    let labels: Vec<Option<&'static str>> = rows.iter().map(|r| t3_label(&r.label)).collect();
    let labelled = |k: &str| labels.contains(&Some(k));
    let three = T3Layout::ThreeOther.rows();
    let single = T3Layout::SingleOther.rows();
    let (c3, m3) = align(&labels, &three);
    let (c1, m1) = align(&labels, &single);
    let prefer_three = if labelled("OTHER_1") || labelled("OTHER_2") || labelled("OTHER_3") {
        true
    } else if labelled("OTHER") {
        false
    } else if c3 != c1 {
        c3 < c1
    } else {
        fallback != Some(Format::F2019)
    };
    let (layout, keys, mut map) = if prefer_three {
        (T3Layout::ThreeOther, three, m3)
    } else {
        (T3Layout::SingleOther, single, m1)
    };
    let dropped = drop_unanchored(&labels, &keys, &mut map);
    if dropped > 0 {
        out.notes.push(ctx.note(
            "READ-T3-ROWS-UNCERTAIN",
            Severity::Warning,
            format!("第三表有 {dropped} 行数字无法确定对应哪一行（行数与标准表格不符且缺少行标签），相关单元格按未读取处理"),
            format!("{dropped} rows of numbers in Table 3 could not be matched to a form row (row count differs from the form and labels are missing); those cells are treated as not read"),
            ctx.recs.get(start).map(|r| (r.start, r.end)),
        ));
    }
    out.t3_layout = if rows.is_empty() { None } else { Some(layout) };
    let used: Vec<usize> = map.iter().flatten().copied().collect();
    for (i, row) in rows.iter().enumerate() {
        if !used.contains(&i) {
            let rec = &ctx.recs[row.rec];
            out.notes.push(ctx.note(
                "READ-T3-EXTRA-ROW",
                Severity::Warning,
                "第三表中的这一行数字与标准表格的任何一行都对不上，未使用".into(),
                "this row of numbers in Table 3 matches no row of the form and was not used".into(),
                Some((rec.start, rec.end)),
            ));
        }
    }
    for (j, key) in keys.iter().enumerate() {
        let row = map[j].and_then(|i| rows.get(i));
        if let (Some(row), Some(l)) = (row, map[j].and_then(|i| labels[i])) {
            if l != *key {
                let rec = &ctx.recs[row.rec];
                out.notes.push(ctx.note(
                    "READ-T3-LABEL-POSITION",
                    Severity::Info,
                    format!("这一行数字附近的标签像是“{}”，按表格行序读作“{}”", row_label(l), row_label(key)),
                    format!("the label near this row looks like {l}; by the form's row order it was read as {key}"),
                    Some((rec.start, rec.end)),
                ));
            }
        }
        if let Some(row) = row {
            if row.ambiguous {
                let rec = &ctx.recs[row.rec];
                out.notes.push(ctx.note(
                    "READ-AMBIGUOUS-ROW",
                    Severity::Warning,
                    format!("“{}”一行的数字无法唯一地拆分到各单元格（粘连或缺数），无法确定各单元格的值", row_label(key)),
                    format!("the numbers of row {key} cannot be split into its cells in exactly one way (glued or missing numbers); its cells are not read"),
                    Some((rec.start, rec.end)),
                ));
            }
            if let Some(reason) = &row.assumed {
                out.assumptions.push(Assumption {
                    rule: "R3",
                    instance: key.to_string(),
                    reason: reason.clone(),
                });
            }
        }
        for (c, col) in forms::T3_COLUMNS.iter().enumerate() {
            let dc = row.and_then(|r| r.cells.get(c).cloned().flatten());
            let missing_why = match row {
                None => ReadHow::Missing,
                Some(r) if r.ambiguous => ReadHow::Unreadable,
                Some(_) => ReadHow::Blank,
            };
            let cell = make_cell(ctx, TableId::Applications, key, col.key, dc, missing_why);
            out.cells.push(cell);
        }
    }
    out.info.push(TableInfo {
        table: TableId::Applications,
        found: true,
        format: out.t3_layout.map(|l| l.format().key().to_string()),
        layout: rows
            .first()
            .map(|r| ctx.recs[r.rec].shape.name().to_string()),
        rows: keys.iter().map(|k| k.to_string()).collect(),
        columns: forms::T3_COLUMNS
            .iter()
            .map(|c| c.key.to_string())
            .collect(),
        line: ctx.line_of(start),
        cells_read: read_count(out, TableId::Applications),
        cells_expected: keys.len() * W3,
    });
}

fn row_label(key: &str) -> &'static str {
    forms::t3_row(key).map_or("", |r| r.label)
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
                raw: dc.raw.to_string(),
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
            raw: String::new(),
            read: none_how,
            annotation: None,
            span: None,
            line: None,
        },
    }
}

/// Cells of a table that hold a value.
fn read_count(out: &Located, t: TableId) -> usize {
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

// ------------------------------------------------------------------ Table 4

const W4: usize = 15;

fn locate_t4(ctx: &Ctx, from: usize, out: &mut Located) {
    let n = ctx.recs.len();
    let is_anchor = |i: usize| {
        let k = &ctx.keys[i];
        has(k, "复议后起诉")
            || has(k, "未经复议")
            || has(k, "结果维持")
            || (has(k, "行政复议") && has(k, "行政诉讼"))
    };
    // A table of contents or a sentence may name the table before the table itself:
    // try each place that names it until one is followed by its data row.
    let candidates: Vec<usize> = (from..n).filter(|&i| is_anchor(i)).collect();
    let Some(&first) = candidates.first() else {
        out.info.push(missing_info(TableId::Review));
        return;
    };
    let mut found: Option<(usize, Vec<Option<DataCell<'_>>>, &'static str)> = None;
    let mut anchor = first;
    for &cand in &candidates {
        if found.is_some() {
            break;
        }
        anchor = cand;
        let mut run: Vec<DataCell<'_>> = Vec::new();
        let mut run_start = anchor;
        let limit = (anchor + 300).min(n);
        for i in anchor..limit {
            let key = &ctx.keys[i];
            if i > anchor && is_after_tables(key) {
                break;
            }
            if key.is_empty() || is_furniture(key, ctx.recs[i].cells.len()) {
                continue;
            }
            let rec = &ctx.recs[i];
            let mut t = trailing(ctx.src, rec);
            let label_empty = label_key(&label_of(&t, ctx.src, rec)).is_empty();
            if rec.shape != Shape::Plain {
                while t.cells.len() > W4
                    && t.cells
                        .last()
                        .is_some_and(|c| c.parsed.read == ReadHow::Blank)
                {
                    t.cells.pop();
                }
                if t.cells.len() >= W4 && t.cells.iter().any(|c| c.parsed.read != ReadHow::Blank) {
                    let cells = t.cells.split_off(t.cells.len() - W4);
                    found = Some((i, cells.into_iter().map(Some).collect(), rec.shape.name()));
                    break;
                }
                t.cells.retain(|c| c.parsed.read != ReadHow::Blank);
            }
            if t.cells.len() >= W4 {
                let cells = t.cells.split_off(t.cells.len() - W4);
                found = Some((i, cells.into_iter().map(Some).collect(), rec.shape.name()));
                break;
            }
            let glued_run = match (t.cells.len(), t.glued.take()) {
                (1, _)
                    if t.cells[0].raw.len() >= W4
                        && t.cells[0].raw.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    t.cells.pop()
                }
                (0, Some(g)) if g.raw.len() >= W4 && rec.shape == Shape::Plain => Some(g),
                _ => None,
            };
            if let Some(g) = glued_run {
                match glued::split(g.raw, 5, 3) {
                    Split::One(parts) => {
                        let mut cells = Vec::new();
                        let mut off = g.start;
                        for p in parts {
                            let len = p.to_string().len();
                            let c = DataCell::from_piece_str(g.raw, off - g.start, len, off);
                            cells.push(Some(c.with(ReadHow::SplitGlued, Some(p))));
                            off += len;
                        }
                        for block in ["REV", "LIT_DIRECT", "LIT_AFTER"] {
                            out.assumptions.push(Assumption {
                                rule: match block { "REV" => "R10", "LIT_DIRECT" => "R11", _ => "R12" },
                                instance: block.to_string(),
                                reason: Message {
                                    zh: format!("第四表数字“{}”粘连，按“总计 = 四项之和”拆分，故此关系无法核对", g.raw),
                                    en: format!("Table 4 digits \"{}\" were glued and split assuming 总计 = sum of the four results, so that relation cannot be checked", g.raw),
                                },
                            });
                        }
                        found = Some((i, cells, "glued"));
                    }
                    Split::Ambiguous(_) | Split::None => {
                        out.notes.push(ctx.note(
                            "READ-AMBIGUOUS-ROW",
                            Severity::Warning,
                            format!("第四表的数字“{}”粘连在一起，且拆分方式不唯一，无法读取", g.raw),
                            format!("the Table 4 digits \"{}\" are glued together and can be split in more than one way (or none); not read", g.raw),
                            Some((g.start, g.end)),
                        ));
                        found = Some((i, vec![None; W4], "glued"));
                    }
                }
                break;
            }
            // Numbers on lines of their own (one cell per line, or column-wise PDF text).
            if label_empty && !t.cells.is_empty() {
                if run.is_empty() {
                    run_start = i;
                }
                run.extend(t.cells);
                if run.len() == W4 {
                    found = Some((run_start, run.drain(..).map(Some).collect(), "lines"));
                    break;
                }
                if run.len() > W4 {
                    break;
                }
            } else if !run.is_empty() {
                // A heading between blocks ("行政诉讼（复议后起诉）" above its own 5 cells):
                // the run goes on, in the form's block order.
            } else if !t.cells.is_empty() && t.cells.len() < W4 && t.cells.len() >= 10 {
                out.notes.push(ctx.note(
                    "READ-T4-SHORT-ROW",
                    Severity::Warning,
                    format!("第四表数据行只有 {} 个数（应为 15 个），无法确定空白的是哪些单元格", t.cells.len()),
                    format!("the Table 4 data row has {} numbers instead of 15; which cells are blank cannot be told", t.cells.len()),
                    Some((rec.start, rec.end)),
                ));
                found = Some((i, vec![None; W4], rec.shape.name()));
                break;
            }
        }
    }
    if found.is_none() {
        anchor = first;
    }
    let limit = (anchor + 300).min(n);
    let header_seen = (anchor..limit).any(|i| {
        let k = &ctx.keys[i];
        has(k, "复议后起诉") || has(k, "未经复议") || has(k, "结果维持") || has(k, "尚未审结")
    });
    let (at, cells, layout) = match found {
        Some(f) => f,
        // A sentence such as "行政复议 0 件，行政诉讼 0 件" is not the table.
        None if !header_seen => {
            out.info.push(missing_info(TableId::Review));
            return;
        }
        None => {
            out.notes.push(ctx.note(
                "READ-T4-NO-ROW",
                Severity::Warning,
                "找到了第四表（行政复议、行政诉讼）的表头，但没有找到 15 个数的数据行".into(),
                "found the heading of Table 4 (review and litigation) but no data row of 15 numbers".into(),
                ctx.recs.get(anchor).map(|r| (r.start, r.end)),
            ));
            (anchor, vec![None; W4], "")
        }
    };
    let mut k = 0;
    for row in forms::T4_ROWS {
        for col in forms::T4_COLUMNS {
            let dc = cells.get(k).cloned().flatten();
            let cell = make_cell(ctx, TableId::Review, row.key, col.key, dc, ReadHow::Missing);
            out.cells.push(cell);
            k += 1;
        }
    }
    out.info.push(TableInfo {
        table: TableId::Review,
        found: true,
        format: None,
        layout: (!layout.is_empty()).then(|| layout.to_string()),
        rows: forms::T4_ROWS.iter().map(|r| r.key.to_string()).collect(),
        columns: forms::T4_COLUMNS
            .iter()
            .map(|c| c.key.to_string())
            .collect(),
        line: ctx.line_of(at),
        cells_read: read_count(out, TableId::Review),
        cells_expected: W4,
    });
}

// ------------------------------------------------------------------ Table 2

fn locate_t2(ctx: &Ctx, end: usize, fallback: Option<Format>, out: &mut Located) {
    let start = (0..end).find(|&i| {
        let k = &ctx.keys[i];
        has(k, "第二十条第(一)项") || (has(k, "信息内容") && (has(k, "本年") || has(k, "数量")))
    });
    let Some(start) = start else {
        out.info.push(missing_info(TableId::Active));
        return;
    };
    let stop = (start + 1..end)
        .find(|&i| ctx.keys[i].starts_with("三、") || has(&ctx.keys[i], "勾稽关系"))
        .unwrap_or(end);
    let stop = stop.min(start + 120);
    let region = ctx.keys[start..stop].join("\n");
    let count = |m: &[&str]| m.iter().filter(|k| region.contains(*k)).count();
    let (m21, m19) = (count(forms::MARKERS_2021), count(forms::MARKERS_2019));
    let format = if m21 > m19 {
        Format::F2021
    } else if m19 > m21 {
        Format::F2019
    } else {
        fallback.unwrap_or(Format::F2021)
    };
    out.t2_format = (m21 != m19).then_some(format);
    let mut expected = 0;
    for def in forms::active_rows(format) {
        expected += def.columns.len();
        let values = find_active_row(ctx, start, stop, def);
        let found_row = values.is_some();
        let values = values.unwrap_or_default();
        if found_row && values.iter().all(Option::is_none) {
            out.notes.push(ctx.note(
                "READ-T2-ROW",
                Severity::Info,
                format!("第二表“{}”一行的数不足 {} 个，无法确定对应的列", def.label, def.columns.len()),
                format!("Table 2 row {} has fewer than {} numbers; which columns they belong to cannot be told", def.key, def.columns.len()),
                None,
            ));
        }
        for (c, col) in def.columns.iter().enumerate() {
            let dc = values.get(c).cloned().flatten();
            let how = if found_row {
                ReadHow::Blank
            } else {
                ReadHow::Missing
            };
            let cell = make_cell(ctx, TableId::Active, def.key, col.key, dc, how);
            out.cells.push(cell);
        }
    }
    out.info.push(TableInfo {
        table: TableId::Active,
        found: true,
        format: out.t2_format.map(|f| f.key().to_string()),
        layout: ctx.recs.get(start + 1).map(|r| r.shape.name().to_string()),
        rows: forms::active_rows(format)
            .iter()
            .map(|r| r.key.to_string())
            .collect(),
        columns: Vec::new(),
        line: ctx.line_of(start),
        cells_read: read_count(out, TableId::Active),
        cells_expected: expected,
    });
}

/// The values of one Table 2 row: `None` when the row label is absent, else one entry per
/// column (None = blank / not readable).
fn find_active_row<'a>(
    ctx: &Ctx<'a>,
    start: usize,
    stop: usize,
    def: &forms::ActiveRow,
) -> Option<Vec<Option<DataCell<'a>>>> {
    let want = def.columns.len();
    for i in start..stop {
        let rec = &ctx.recs[i];
        // Cheap test on the whole line's key before normalising the label cell.
        if !def.keywords.iter().any(|k| has(&ctx.keys[i], k)) {
            continue;
        }
        let first = label_key(rec.cell(ctx.src, 0));
        if !def.keywords.iter().any(|k| first.starts_with(k)) {
            continue;
        }
        let src = ctx.src;
        let mut vals: Vec<DataCell> = Vec::new();
        if rec.shape != Shape::Plain {
            vals = rec
                .cells
                .iter()
                .skip(1)
                .map(|p| DataCell::from_piece(src, p.start, p.end))
                .collect();
            vals.truncate(want);
            while vals.len() < want {
                vals.push(DataCell {
                    start: rec.end,
                    end: rec.end,
                    raw: "",
                    parsed: parse_cell(""),
                });
            }
            return Some(
                vals.into_iter()
                    .map(|c| c.parsed.is_data().then_some(c))
                    .collect(),
            );
        }
        let p0 = &rec.cells[0];
        let t0 = src.get(p0.start..p0.end).unwrap_or("");
        if let Some(off) = glued_tail(t0) {
            vals.push(DataCell::from_piece(src, p0.start + off, p0.end));
        }
        for p in rec.cells.iter().skip(1) {
            let c = DataCell::from_piece(src, p.start, p.end);
            if c.parsed.is_data() {
                vals.push(c);
            }
        }
        // Values on following lines (one cell per line).
        let mut j = i + 1;
        while vals.is_empty() && j < stop {
            let r = &ctx.recs[j];
            if ctx.keys[j].is_empty() {
                j += 1;
                continue;
            }
            let cs: Vec<DataCell> = r
                .cells
                .iter()
                .map(|p| DataCell::from_piece(src, p.start, p.end))
                .collect();
            if cs.is_empty() || !cs.iter().all(|c| c.parsed.is_data()) {
                break;
            }
            let mut k = j;
            let mut acc = Vec::new();
            while k < stop && acc.len() < want {
                let r = &ctx.recs[k];
                let cs: Vec<DataCell> = r
                    .cells
                    .iter()
                    .map(|p| DataCell::from_piece(src, p.start, p.end))
                    .collect();
                if cs.is_empty() || !cs.iter().all(|c| c.parsed.is_data()) {
                    break;
                }
                acc.extend(cs);
                k += 1;
            }
            vals = acc;
            break;
        }
        if vals.len() >= want {
            vals.truncate(want);
            return Some(vals.into_iter().map(Some).collect());
        }
        return Some(vec![None; want]);
    }
    None
}
