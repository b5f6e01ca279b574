//! Table 2 (主动公开政府信息情况): rows found by their label cell, values in the cells
//! after it (or on the following lines when one cell stands per line).

use super::*;
use crate::forms::{self, Format};

/// Records Table 2 may span from its header: its rows, wrapped labels and page furniture
/// come to a few dozen lines; a missing end marker must not pull in the rest of a paste.
const MAX_T2_RECORDS: usize = 120;

pub(super) fn locate(ctx: &Ctx, end: usize, fallback: Option<Format>, out: &mut Located) {
    let start = (0..end).find(|&i| {
        let has = |w: &str| ctx.keys.has(i, w);
        has("第二十条第(一)项") || (has("信息内容") && (has("本年") || has("数量")))
    });
    let Some(start) = start else {
        out.info.push(missing_info(TableId::Active));
        return;
    };
    let stop = (start + 1..end)
        .find(|&i| ctx.keys[i].starts_with("三、") || ctx.keys.has(i, "勾稽关系"))
        .unwrap_or(end);
    let stop = stop.min(start + MAX_T2_RECORDS);
    let region = ctx.keys.joined_range(start, stop);
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
        let row = find_active_row(ctx, start, stop, def);
        let found_row = row.is_some();
        let n = def.columns.len();
        let values = match row {
            // A row of cells none of which is a number tells no more than a short row.
            Some(Row::Values(v)) if v.iter().any(Option::is_some) => v,
            Some(Row::Values(_) | Row::TooFew) => {
                out.notes.push(ctx.note(
                    "READ-T2-ROW",
                    Severity::Info,
                    format!("第二表“{}”一行的数不足 {n} 个，无法确定对应的列", def.label),
                    format!("Table 2 row {} has fewer than {n} numbers; which columns they belong to cannot be told", def.key),
                    None,
                ));
                Vec::new()
            }
            Some(Row::TooMany(s, e)) => {
                out.notes.push(ctx.note(
                    "READ-T2-ROW",
                    Severity::Info,
                    format!("第二表“{}”之后的数多于 {n} 个（标签与数字分开排列），无法确定哪些属于这一行", def.label),
                    format!("more than {n} numbers follow Table 2 row {} (labels printed apart from their numbers); which of them are this row's cannot be told", def.key),
                    Some((s, e)),
                ));
                Vec::new()
            }
            None => Vec::new(),
        };
        for (c, col) in def.columns.iter().enumerate() {
            let dc = values.get(c).cloned().flatten();
            // A found row's cell without a value could not be placed (blanks come back
            // as blank data cells).
            let how = if found_row {
                ReadHow::Unreadable
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
        cells_read: read_count(&out.cells, TableId::Active),
        cells_expected: expected,
    });
}

/// What was found for one Table 2 row whose label is present.
enum Row<'a> {
    /// One entry per column (None = blank / not readable).
    Values(Vec<Option<DataCell<'a>>>),
    /// Fewer numbers than columns: which column each belongs to is unknown.
    TooFew,
    /// More numbers in the run after the label than the row has cells; the label's
    /// line (byte range).
    TooMany(usize, usize),
}

/// The values of one Table 2 row: `None` when the row label is absent.
fn find_active_row<'a>(
    ctx: &Ctx<'a>,
    start: usize,
    stop: usize,
    def: &forms::ActiveRow,
) -> Option<Row<'a>> {
    let want = def.columns.len();
    for i in start..stop {
        let rec = &ctx.recs[i];
        // Cheap test on the whole line's key before normalising the label cell. Only
        // dropped characters (blanks, quotes) come before the first cell of a tab or
        // plain line, so its key starts the line's key; a pipe line starts with "|".
        let line_has = |k: &str| match rec.shape {
            Shape::Pipe => ctx.keys.has(i, k),
            _ => ctx.keys[i].starts_with(k),
        };
        if !def.keywords.iter().any(|k| line_has(k)) {
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
            // Fewer cells than columns: which column is missing is unknown, so no
            // number is placed (a guess here once gave a confident false warning).
            if vals.len() < want && vals.iter().any(|c| c.parsed.value.is_some()) {
                return Some(Row::TooFew);
            }
            while vals.len() < want {
                vals.push(DataCell {
                    start: rec.end,
                    end: rec.end,
                    raw: "",
                    parsed: parse_cell(""),
                });
            }
            return Some(Row::Values(
                vals.into_iter()
                    .map(|c| c.parsed.is_data().then_some(c))
                    .collect(),
            ));
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
        // Values on following lines (one cell per line), from the first line with text.
        let first = (i + 1..stop).find(|&j| !ctx.keys[j].is_empty());
        if let Some(mut k) = first.filter(|_| vals.is_empty()) {
            while k < stop && vals.len() < want {
                let cs = data_line(ctx, k);
                if cs.is_empty() {
                    break;
                }
                vals.extend(cs);
                k += 1;
            }
            // More numbers follow than the row has cells: the labels were printed apart
            // from their numbers (a PDF extracted column by column: "行政处罚 / 行政强制 /
            // 4119 / 195"), and which numbers are this row's cannot be told.
            while k < stop && ctx.keys[k].is_empty() {
                k += 1;
            }
            if vals.len() > want
                || (vals.len() == want && k < stop && !data_line(ctx, k).is_empty())
            {
                return Some(Row::TooMany(rec.start, rec.end));
            }
        }
        if vals.len() >= want {
            vals.truncate(want);
            return Some(Row::Values(vals.into_iter().map(Some).collect()));
        }
        return Some(Row::TooFew);
    }
    None
}

/// The cells of a line that holds only data cells (numbers, dashes, blanks); empty when
/// it holds anything else.
fn data_line<'a>(ctx: &Ctx<'a>, i: usize) -> Vec<DataCell<'a>> {
    let cs: Vec<DataCell> = ctx.recs[i]
        .cells
        .iter()
        .map(|p| DataCell::from_piece(ctx.src, p.start, p.end))
        .collect();
    if cs.iter().all(|c| c.parsed.is_data()) {
        cs
    } else {
        Vec::new()
    }
}
