//! Table 3 (收到和处理政府信息公开申请情况): rows of 7 numbers matched to the form's row
//! order with their labels as anchors, because PDF copies detach labels from numbers
//! (domain-spec §E.2); glued digits, one cell per line and column-wise PDF text.

use std::borrow::Cow;

use super::review::is_t4_anchor;
use super::*;
use crate::forms::{self, T3Layout};
use crate::glued::{self, Split};
use crate::normalize::key_is_empty;

/// A Table 3 row as read: 7 cells (None = not readable), plus how.
struct T3Row<'a> {
    rec: usize,
    /// Borrowed from the input but where pending label lines were put before it.
    label: Cow<'a, str>,
    /// `t3_label(&label)` when it was computed already.
    named: Option<Option<&'static str>>,
    cells: Vec<Option<DataCell<'a>>>,
    /// R3 was assumed to read this row (glued digits split, or a 6-number row).
    assumed: Option<Message>,
    ambiguous: bool,
}

/// Reads the 7 data cells of a Table 3 row from one record, if it is one.
fn t3_row<'a>(ctx: &Ctx<'a>, i: usize, np_col: Option<usize>) -> Option<T3Row<'a>> {
    let rec = &ctx.recs[i];
    let src = ctx.src;
    let explicit = rec.shape != Shape::Plain;
    if let Some(np) = np_col.filter(|&np| explicit && rec.cells.len() >= np + W3) {
        // The header's 自然人 cell fixes where the 7 data columns are: a blank 总计 and
        // empty covered label slots then stay blank in their own columns. A row with
        // numbers outside that window (a shifted row) falls back to the rule below.
        // Read before the trailing numbers: most rows of such a copy end here.
        let has_value = |j: usize| parse_cell(rec.cell(src, j)).value.is_some();
        let outside = (0..np).chain(np + W3..rec.cells.len()).any(has_value);
        let window: Vec<Option<DataCell>> = if outside {
            Vec::new()
        } else {
            rec.cells[np..np + W3]
                .iter()
                .map(|p| Some(DataCell::from_piece(src, p.start, p.end)))
                .collect()
        };
        let numbers = window
            .iter()
            .flatten()
            .filter(|c| c.parsed.value.is_some())
            .count();
        let data = window
            .iter()
            .flatten()
            .filter(|c| c.parsed.is_data())
            .count();
        // The label is looked at only for a row whose numbers fit the window.
        let fits = !outside && data >= W3 - 2 && numbers > 0;
        let label = if fits {
            src.get(rec.start..rec.cells[np].start).unwrap_or("")
        } else {
            ""
        };
        // The row's own label must sit left of the window (copies that give merged
        // labels once have rows narrower than the header) and none inside it.
        let named = if fits {
            t3_label_before(ctx, i, rec.cells[np].start)
        } else {
            None
        };
        let labelled =
            named.is_some() && window.iter().flatten().all(|c| t3_label(c.raw).is_none());
        if fits && labelled {
            return Some(T3Row {
                rec: i,
                label: Cow::Borrowed(label),
                named: Some(named),
                cells: window,
                assumed: None,
                ambiguous: false,
            });
        }
    }
    let mut t = trailing(src, rec);
    let label = Cow::Borrowed(label_text(&t, src, rec));
    if explicit {
        while t.cells.len() > W3
            && t.cells
                .last()
                .is_some_and(|c| c.parsed.read == ReadHow::Blank)
        {
            t.cells.pop();
        }
        if t.cells.len() > W3
            && t.cells[..t.cells.len() - W3]
                .iter()
                .any(|c| c.parsed.value.is_some())
        {
            return Some(unplaced(i, label));
        }
        if t.cells.len() >= W3 {
            let cells = t.cells.split_off(t.cells.len() - W3);
            if cells.iter().all(|c| c.parsed.read == ReadHow::Blank) && key_is_empty(&label) {
                return None;
            }
            return Some(T3Row {
                rec: i,
                label,
                named: None,
                cells: cells.into_iter().map(Some).collect(),
                assumed: None,
                ambiguous: false,
            });
        }
        if let Some(cells) = explicit_window(ctx, rec) {
            return Some(T3Row {
                rec: i,
                label,
                named: None,
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
    if nums.len() > W3 {
        return Some(unplaced(i, label));
    }
    if nums.len() >= W3 {
        let cells = nums.split_off(nums.len() - W3);
        return Some(T3Row {
            rec: i,
            label,
            named: None,
            cells: cells.into_iter().map(Some).collect(),
            assumed: None,
            ambiguous: false,
        });
    }
    if nums.len() == W3 - 1 {
        return Some(unplaced(i, label));
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

/// A row whose numbers cannot be placed in its cells with certainty, so none is read:
/// six numbers for seven cells (5 parts + 总计 with a part left blank, or 6 parts with
/// 总计 blank), more numbers than cells (two rows whose line break was lost: "4.无正当理由
/// 大量反复申请 1 0 0 0 0 0 1 0 0 0 0 0 0 0"), or glued digits that split more than one way.
fn unplaced(i: usize, label: Cow<str>) -> T3Row {
    T3Row {
        rec: i,
        label,
        named: None,
        cells: vec![None; W3],
        assumed: None,
        ambiguous: true,
    }
}

fn split_glued_row<'a>(i: usize, label: Cow<'a, str>, run: DataCell<'a>) -> T3Row<'a> {
    match glued::split(run.raw, W3, 1) {
        Split::One(parts) => {
            let mut cells = Vec::new();
            let mut off = run.start;
            for n in parts {
                let len = n.to_string().len();
                let c = run.part(off, len);
                cells.push(Some(c.with(ReadHow::SplitGlued, Some(n))));
                off += len;
            }
            T3Row {
                rec: i,
                label,
                named: None,
                cells,
                assumed: Some(Message {
                    zh: format!("数字“{}”粘连，按“总计 = 六列之和”拆分，故本行此关系无法核对", run.raw),
                    en: format!("digits \"{}\" were glued together and split assuming 总计 = sum of the six columns, so that relation cannot be checked for this row", run.raw),
                }),
                ambiguous: false,
            }
        }
        Split::Ambiguous(_) | Split::None => unplaced(i, label),
    }
}

/// Which T3 row a label names: the keyword found last in the text wins (a line may
/// carry a group label before the sub-row label, or header text before a row label).
pub(super) fn t3_label(label: &str) -> Option<&'static str> {
    // Every keyword holds Chinese characters: numbers and dashes never name a row.
    if label.is_ascii() {
        return None;
    }
    t3_label_of_key(&label_key(label))
}

/// `t3_label` of the text of record `i` before byte `end`, taken from the record's key
/// when the text after `end` is ASCII. A key is built character by character, each from
/// the characters before it, so the label's key starts the record's key; and ASCII
/// keys to a byte or to nothing whatever precedes it, so the rest's key is as long as
/// its bytes that are not blanks or quotes.
fn t3_label_before(ctx: &Ctx, i: usize, end: usize) -> Option<&'static str> {
    let rec = &ctx.recs[i];
    let label = ctx.src.get(rec.start..end).unwrap_or("");
    if label.is_ascii() {
        return None;
    }
    let key = &ctx.keys[i];
    let of_record = ctx
        .src
        .get(end..rec.end)
        .filter(|r| r.is_ascii())
        .and_then(|rest| {
            let dropped = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ' | b'"' | b'\'');
            let rest_key = rest.bytes().filter(|b| !dropped(b)).count();
            key.get(..key.len().checked_sub(rest_key)?)
        });
    match of_record {
        Some(k) => t3_label_of_key(k),
        None => t3_label(label),
    }
}

/// `t3_label` of a label key.
fn t3_label_of_key(k: &str) -> Option<&'static str> {
    // Walk back from the end: the first keyword found ending at a position is the one
    // ending last; labels usually end with their keyword, so this stops early. Only a
    // position whose character ends some keyword is tried against the keywords.
    k.char_indices().rev().find_map(|(i, c)| {
        // The keywords ending here come in row order: the first names the first row (in
        // form order) with a keyword ending here.
        keywords_ending_at(k, i, c)
            .next()
            .map(|e| forms::T3_ROWS[e.1].key)
    })
}

/// The Table 3 rows that `key` (a label key) holds a keyword of, one bit per row in form
/// order: `has(key, w)` for every keyword `w`, in one walk over the key.
pub(super) fn t3_rows_named(key: &str) -> u64 {
    const _: () = assert!(forms::T3_ROWS.len() <= 64);
    key.char_indices()
        .flat_map(|(i, c)| keywords_ending_at(key, i, c))
        .fold(0, |rows, e| rows | 1 << e.1)
}

/// The entries of `T3_BY_LAST` whose keyword ends `k` at its character `c` (at byte
/// `i`), in row order. Only a character that ends some keyword is looked up.
fn keywords_ending_at(
    k: &str,
    i: usize,
    c: char,
) -> impl Iterator<Item = &'static (u32, usize, usize)> + '_ {
    let (from, head) = if T3_LAST_CHARS.may_end(c) {
        let from = T3_BY_LAST.partition_point(|e| e.0 < c as u32);
        (from, &k[..i + c.len_utf8()])
    } else {
        (T3_BY_LAST.len(), "")
    };
    T3_BY_LAST[from..]
        .iter()
        .take_while(move |e| e.0 == c as u32)
        .filter(move |e| ends_with(head, forms::T3_ROWS[e.1].keywords[e.2]))
}

/// How many keywords the Table 3 rows have.
const T3_KEYWORDS: usize = {
    let mut n = 0;
    let mut r = 0;
    while r < forms::T3_ROWS.len() {
        n += forms::T3_ROWS[r].keywords.len();
        r += 1;
    }
    n
};

/// Every Table 3 keyword as (its last character, row index, keyword index), sorted by
/// the character and then the row.
const T3_BY_LAST: [(u32, usize, usize); T3_KEYWORDS] = {
    let mut out = [(0u32, 0usize, 0usize); T3_KEYWORDS];
    let mut n = 0;
    let mut r = 0;
    while r < forms::T3_ROWS.len() {
        let kws = forms::T3_ROWS[r].keywords;
        let mut k = 0;
        while k < kws.len() {
            // Insertion sort: the entry goes after every entry with a smaller or equal
            // character (rows come in order, so equal characters keep row order).
            let e = (last_char(kws[k].as_bytes()), r, k);
            let mut j = n;
            while j > 0 && out[j - 1].0 > e.0 {
                out[j] = out[j - 1];
                j -= 1;
            }
            out[j] = e;
            n += 1;
            k += 1;
        }
        r += 1;
    }
    out
};

/// `head.ends_with(kw)`, compared from the end: most keywords differ in a last byte.
fn ends_with(head: &str, kw: &str) -> bool {
    let (h, k) = (head.as_bytes(), kw.as_bytes());
    h.len() >= k.len() && h.iter().rev().zip(k.iter().rev()).all(|(a, b)| a == b)
}

/// The last characters of the Table 3 row keywords.
const T3_LAST_CHARS: LastChars = LastChars::of(forms::T3_ROWS);

/// A set of characters as one bit per CJK ideograph (U+4E00..U+A000); a keyword ending
/// in any other character makes every other character a candidate.
struct LastChars {
    bits: [u64; LastChars::WORDS],
    other: bool,
}

impl LastChars {
    const START: u32 = 0x4E00;
    const END: u32 = 0xA000;
    const WORDS: usize = ((Self::END - Self::START) / 64) as usize;

    const fn of(rows: &[forms::RowDef]) -> LastChars {
        let mut set = LastChars {
            bits: [0; Self::WORDS],
            other: false,
        };
        let mut r = 0;
        while r < rows.len() {
            let kws = rows[r].keywords;
            let mut k = 0;
            while k < kws.len() {
                let u = last_char(kws[k].as_bytes());
                if u >= Self::START && u < Self::END {
                    let b = u - Self::START;
                    set.bits[(b / 64) as usize] |= 1 << (b % 64);
                } else {
                    set.other = true;
                }
                k += 1;
            }
            r += 1;
        }
        set
    }

    fn may_end(&self, c: char) -> bool {
        let u = c as u32;
        if !(Self::START..Self::END).contains(&u) {
            return self.other;
        }
        let b = u - Self::START;
        self.bits[(b / 64) as usize] & (1 << (b % 64)) != 0
    }
}

/// The code point of the last character of UTF-8 `s` (0 for an empty string).
const fn last_char(s: &[u8]) -> u32 {
    if s.is_empty() {
        return 0;
    }
    let mut i = s.len() - 1;
    while i > 0 && s[i] & 0xC0 == 0x80 {
        i -= 1;
    }
    let lead = s[i] as u32;
    let (mut u, n) = match s.len() - i {
        1 => (lead, 1),
        2 => (lead & 0x1F, 2),
        3 => (lead & 0x0F, 3),
        _ => (lead & 0x07, 4),
    };
    let mut j = 1;
    while j < n {
        u = (u << 6) | (s[i + j] as u32 & 0x3F);
        j += 1;
    }
    u
}

/// Finds Table 3: returns (first record, end record) of its region.
pub(super) fn region(ctx: &Ctx) -> Option<(usize, usize)> {
    let anchor = (0..ctx.keys.len())
        .position(|i| ctx.keys.has(i, "勾稽关系") || ctx.keys.has(i, "申请人情况"));
    let start = match anchor {
        Some(a) => a,
        None => (0..ctx.recs.len())
            .find(|&i| ctx.keys.has(i, "本年新收") && t3_row(ctx, i, None).is_some())?,
    };
    let end = (start + 1..ctx.recs.len())
        .find(|&i| is_t4_anchor(&ctx.keys, i) || is_after_tables(&ctx.keys, i))
        .unwrap_or(ctx.recs.len());
    Some((start, end))
}

/// The cell index of 自然人 in the table's tab/pipe header row: the first of the 7 data
/// columns in the rows laid out like the header.
fn header_np_column(ctx: &Ctx, start: usize, end: usize) -> Option<usize> {
    ctx.recs[start..end]
        .iter()
        .filter(|r| r.shape != Shape::Plain)
        .find_map(|r| {
            (0..r.cells.len()).find(|&j| {
                // Only 人 keys to 人: most cells are ruled out without building a key.
                let c = r.cell(ctx.src, j);
                c.contains('人') && label_key(c) == "自然人"
            })
        })
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
                    label: Cow::Borrowed(row_label(key)),
                    named: None,
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
            label: Cow::Owned(std::mem::take(label)),
            named: None,
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
                if !pending_label.is_empty() {
                    row.label = Cow::Owned(format!("{pending_label}{}", row.label));
                    row.named = label_block(&pending_keys);
                }
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
                if !pending_label.is_empty() {
                    row.label = Cow::Owned(format!("{pending_label}{}", row.label));
                    row.named = label_block(&pending_keys);
                }
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

/// What the label lines before a row say of it: several rows' labels printed as a block
/// apart from their numbers (a PDF converted cell by cell) do not tell which of those rows
/// this one is, so the row counts as unlabelled (`Some(None)`) and is placed by the form's
/// order only where that order is certain; otherwise (`None`) its label is read as usual.
fn label_block(pending_keys: &[&'static str]) -> Option<Option<&'static str>> {
    (pending_keys.len() > 1).then_some(None)
}

/// Aligns data rows with the form's rows (an edit-distance alignment where a row's own
/// label is an anchor). Returns, per form row, the index of its data row.
fn align(labels: &[Option<&'static str>], keys: &[&'static str]) -> (u32, Vec<Option<usize>>) {
    const SKIP_ROW: u32 = 3;
    const SKIP_KEY: u32 = 2;
    // Every row labelled with the key in its place (a clean copy): the identity costs
    // 0, and no other path does (every skip costs), so it is what the table below
    // would give.
    if labels.len() == keys.len() && labels.iter().zip(keys).all(|(l, k)| *l == Some(*k)) {
        return (0, (0..keys.len()).map(Some).collect());
    }
    // Each label as the index of the form row it names, compared once per row rather
    // than once per cell of the table: NONE for no label, OTHER for a row of another
    // layout.
    const NONE: usize = usize::MAX;
    const OTHER: usize = usize::MAX - 1;
    // Keys are short ASCII names, many alike but for their last character ("DENY_1",
    // "DENY_2"): length and last byte rule out nearly every pair without a memcmp call.
    let same = |a: &str, b: &str| {
        a.len() == b.len() && a.as_bytes().last() == b.as_bytes().last() && a == b
    };
    let ids: Vec<usize> = labels
        .iter()
        .map(|l| match l {
            None => NONE,
            Some(l) => keys.iter().position(|k| same(k, l)).unwrap_or(OTHER),
        })
        .collect();
    // Each key as the first position holding it, so that a key given twice still
    // matches its label at both places.
    let first: Vec<usize> = keys
        .iter()
        .enumerate()
        .map(|(j, k)| keys[..j].iter().position(|x| same(x, k)).unwrap_or(j))
        .collect();
    let cost = |i: usize, j: usize| match ids[i] {
        NONE => 1,
        id if id == first[j] => 0,
        _ => 4,
    };
    let (n, m) = (labels.len(), keys.len());
    // One flat table, row i at i * w; each entry the cheapest of its three ways in.
    let w = m + 1;
    let mut dp = vec![0u32; (n + 1) * w];
    for j in 1..=m {
        dp[j] = dp[j - 1] + SKIP_KEY;
    }
    for i in 1..=n {
        let (above, rest) = dp.split_at_mut(i * w);
        let prev = &above[(i - 1) * w..];
        let cur = &mut rest[..w];
        cur[0] = prev[0] + SKIP_ROW;
        for j in 1..=m {
            let diag = prev[j - 1] + cost(i - 1, j - 1);
            cur[j] = (prev[j] + SKIP_ROW).min(cur[j - 1] + SKIP_KEY).min(diag);
        }
    }
    let mut map = vec![None; m];
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let here = dp[i * w + j];
        if i > 0 && j > 0 && here == dp[(i - 1) * w + j - 1] + cost(i - 1, j - 1) {
            map[j - 1] = Some(i - 1);
            i -= 1;
            j -= 1;
        } else if i > 0 && here == dp[(i - 1) * w + j] + SKIP_ROW {
            i -= 1;
        } else {
            j -= 1;
        }
    }
    (dp[n * w + m], map)
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

pub(super) fn locate(
    ctx: &Ctx,
    region: Option<(usize, usize)>,
    fallback: Option<Format>,
    out: &mut Located,
) {
    let Some((start, end)) = region else {
        out.info.push(missing_info(TableId::Applications));
        return;
    };
    let mut rows = collect_t3_rows(ctx, start, end, out);
    if rows.is_empty() {
        out.notes.push(ctx.note(
            "READ-T3-NO-ROWS",
            Severity::Warning,
            "找到了第三表（收到和处理政府信息公开申请情况）的表头，但没有读到任何数据行".into(),
            "found the heading of Table 3 (applications) but no data row could be read".into(),
            ctx.recs.get(start).map(|r| (r.start, r.end)),
        ));
    }
    let labels: Vec<Option<&'static str>> = rows
        .iter()
        .map(|r| r.named.unwrap_or_else(|| t3_label(&r.label)))
        .collect();
    let labelled = |k: &str| labels.contains(&Some(k));
    // An "other" row's own label tells the layout: then only its alignment is needed.
    let told = if labelled("OTHER_1") || labelled("OTHER_2") || labelled("OTHER_3") {
        Some(T3Layout::ThreeOther)
    } else if labelled("OTHER") {
        Some(T3Layout::SingleOther)
    } else {
        None
    };
    let (layout, keys, mut map) = match told {
        Some(layout) => {
            let keys = layout.rows();
            let (_, map) = align(&labels, &keys);
            (layout, keys, map)
        }
        None => {
            let three = T3Layout::ThreeOther.rows();
            let single = T3Layout::SingleOther.rows();
            let (c3, m3) = align(&labels, &three);
            let (c1, m1) = align(&labels, &single);
            let prefer_three = if c3 != c1 {
                c3 < c1
            } else {
                fallback != Some(Format::F2019)
            };
            if prefer_three {
                (T3Layout::ThreeOther, three, m3)
            } else {
                (T3Layout::SingleOther, single, m1)
            }
        }
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
    // Room for Tables 4 and 2 as well, which are appended to these cells.
    out.cells.reserve(keys.len() * W3 + W4 + 32);
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
                    format!("“{}”一行的数字无法唯一地对应到各单元格（粘连、缺数或多出），无法确定各单元格的值", row_label(key)),
                    format!("the numbers of row {key} cannot be matched to its cells in exactly one way (glued, missing or extra numbers); its cells are not read"),
                    Some((rec.start, rec.end)),
                ));
            }
            if let Some(reason) = &row.assumed {
                out.assumptions.push(Assumption {
                    rule: crate::RuleId::R3,
                    instance: key.to_string(),
                    reason: reason.clone(),
                });
            }
        }
        // The alignment gives a data row to one form row at most: its cells are moved.
        let (missing_why, cells) = match map[j].and_then(|i| rows.get_mut(i)) {
            None => (ReadHow::Missing, Vec::new()),
            Some(r) if r.ambiguous => (ReadHow::Unreadable, std::mem::take(&mut r.cells)),
            Some(r) => (ReadHow::Blank, std::mem::take(&mut r.cells)),
        };
        let mut cells = cells.into_iter();
        for col in forms::T3_COLUMNS {
            let dc = cells.next().flatten();
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
        cells_read: read_count(&out.cells, TableId::Applications),
        cells_expected: keys.len() * W3,
    });
}

fn row_label(key: &str) -> &'static str {
    forms::t3_row(key).map_or("", |r| r.label)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `t3_label` without the last-character filter.
    fn t3_label_plain(label: &str) -> Option<&'static str> {
        let k = label_key(label);
        (1..=k.len())
            .rev()
            .filter(|&e| k.is_char_boundary(e))
            .find_map(|end| {
                forms::T3_ROWS
                    .iter()
                    .find(|row| row.keywords.iter().any(|kw| k[..end].ends_with(kw)))
                    .map(|row| row.key)
            })
    }

    #[test]
    fn last_char_filter_keeps_the_answer() {
        assert_eq!(last_char("本年新收".as_bytes()), '收' as u32);
        assert_eq!(last_char(b"a"), 'a' as u32);
        let mut labels: Vec<String> = forms::T3_ROWS
            .iter()
            .flat_map(|r| [r.label.to_string(), format!("{}\t12 3", r.label)])
            .collect();
        labels.push("（三）不予公开\t1.属于国家秘密 另行制作后".into());
        labels.push("（六）其他处理 3.其他 x".into());
        labels.push("一、本年新收政府信息公开申请数量 二、上年结转".into());
        labels.push("no label at all".into());
        labels.push("本年新收 大量反覆".into());
        for l in &labels {
            assert_eq!(t3_label(l), t3_label_plain(l), "{l}");
        }
    }

    #[test]
    fn label_before_a_cell_is_read_from_the_record_key() {
        let text = "（三）本年度办理结果\t（一）予以公开\t\t31\t4\t'1'\t0\t1\t1\t38\n\
                    \t\t3.危及“三安全一稳定”\t0\t0\t0\t0\t0\t0\t0\n\
                    五、本年结转 1，2\t\"3\"\t 4 \t—\t5\n\
                    （二）部分公开\t１２\t3\n";
        let recs = crate::records::split(text);
        let lines = LineIndex::new(text);
        let ctx = Ctx::new(text, &recs, &lines);
        let mut tried = 0;
        for (i, rec) in recs.iter().enumerate() {
            for p in rec.cells.iter() {
                let label = &text[rec.start..p.start];
                assert_eq!(
                    t3_label_before(&ctx, i, p.start),
                    t3_label(label),
                    "{label}"
                );
                tried += usize::from(t3_label(label).is_some());
            }
        }
        assert!(tried > 10);
    }

    #[test]
    fn rows_named_are_the_rows_with_a_keyword_in_the_key() {
        let plain = |k: &str| {
            forms::T3_ROWS
                .iter()
                .enumerate()
                .filter(|(_, r)| r.keywords.iter().any(|w| k.contains(w)))
                .fold(0u64, |bits, (j, _)| bits | 1 << j)
        };
        let all: String = forms::T3_ROWS.iter().map(|r| r.label).collect();
        let mut keys = vec![label_key(&all), String::new(), "12 3".into()];
        keys.extend(forms::T3_ROWS.iter().map(|r| label_key(r.label)));
        keys.push(label_key(
            "本年新收政府信息公开申请数量86，上年结转5，予以公开31件",
        ));
        for k in &keys {
            assert_eq!(t3_rows_named(k), plain(k), "{k}");
        }
        assert!(forms::T3_ROWS
            .iter()
            .all(|r| r.keywords.iter().all(|w| !w.is_empty())));
    }
}
