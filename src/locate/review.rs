//! Table 4 (行政复议、行政诉讼): one data row of 15 numbers (three blocks of five), found
//! by the table's own header, never by a sentence that merely names it.

use super::*;
use crate::forms;
use crate::glued::{self, Split};
use crate::normalize::key_is_empty;

/// Records searched for Table 4's data row after a place naming it: one number per line
/// (15 lines) with its headings and page breaks fits many times over; a sentence naming
/// the table far from it must not find numbers pages later.
const MAX_T4_RECORDS: usize = 300;

/// Numbers on one line, short of 15, that make it Table 4's data row with blanks dropped
/// rather than some other line (a Table 3 row holds seven).
const MIN_SHORT_ROW: usize = 10;

pub(super) fn is_t4_anchor(keys: &Keys, i: usize) -> bool {
    let has = |w: &str| keys.has(i, w);
    has("行政复议") || has("复议后起诉") || has("未经复议") || has("结果维持")
}

pub(super) fn locate(ctx: &Ctx, from: usize, out: &mut Located) {
    let n = ctx.recs.len();
    let is_anchor = |i: usize| {
        let has = |w: &str| ctx.keys.has(i, w);
        has("复议后起诉")
            || has("未经复议")
            || has("结果维持")
            || (has("行政复议") && has("行政诉讼"))
    };
    // A table of contents or a sentence may name the table before the table itself:
    // try each place that names it until one is followed by its data row.
    // Found one by one: the places after the table need not be looked at.
    let mut candidates = (from..n).filter(|&i| is_anchor(i));
    let Some(first) = candidates.next() else {
        out.info.push(missing_info(TableId::Review));
        return;
    };
    let mut found: Option<(usize, Vec<Option<DataCell<'_>>>, &'static str)> = None;
    let mut anchor = first;
    for cand in std::iter::once(first).chain(candidates) {
        if found.is_some() {
            break;
        }
        anchor = cand;
        let mut run: Vec<DataCell<'_>> = Vec::new();
        let mut run_start = anchor;
        let limit = (anchor + MAX_T4_RECORDS).min(n);
        for i in anchor..limit {
            let key = &ctx.keys[i];
            if i > anchor && is_after_tables(&ctx.keys, i) {
                break;
            }
            if key.is_empty() || is_furniture(key, ctx.recs[i].cells.len()) {
                continue;
            }
            let rec = &ctx.recs[i];
            let mut t = trailing(ctx.src, rec);
            let label_empty = key_is_empty(label_text(&t, ctx.src, rec));
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
                            let c = g.part(off, len);
                            cells.push(Some(c.with(ReadHow::SplitGlued, Some(p))));
                            off += len;
                        }
                        for block in ["REV", "LIT_DIRECT", "LIT_AFTER"] {
                            out.assumptions.push(Assumption {
                                rule: forms::t4_sum_rule(block),
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
            } else if !t.cells.is_empty() && t.cells.len() < W4 && t.cells.len() >= MIN_SHORT_ROW {
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
    let limit = (anchor + MAX_T4_RECORDS).min(n);
    let header_seen = (anchor..limit).any(|i| {
        let has = |w: &str| ctx.keys.has(i, w);
        has("复议后起诉") || has("未经复议") || has("结果维持") || has("尚未审结")
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
        cells_read: read_count(&out.cells, TableId::Review),
        cells_expected: W4,
    });
}
