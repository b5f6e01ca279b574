//! Where each cell of the forms being checked sits: Table 3's rows and columns as the
//! layout that was read lists them, then Table 4's, then Table 2's rows of its format,
//! numbered in form order. A rule names a cell by this number (its place): reaching the
//! cell that was read is an index into a grid, not a hash of its keys, and what the rules
//! keep per cell (the values a relation read, the tallies of a diagnosis) are plain arrays.

use super::*;
use std::ops::Range;

/// A cell a rule reads, and its place.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub cell: FormCell,
    pub at: usize,
}

/// A row of a form: its key, its columns and the place of its first cell.
struct Row {
    key: &'static str,
    columns: &'static [ColDef],
    start: usize,
}

pub(super) struct Layout {
    /// Table 3's rows in form order (none when it was not found), Table 4's, then Table 2's
    /// in the format it is checked in.
    rows: Vec<Row>,
    /// Where each table's rows are in `rows`, by `TableId`.
    t3: Range<usize>,
    t4: Range<usize>,
    t2: Range<usize>,
    /// How many places there are.
    len: usize,
}

/// Table 3's rows by their position in `T3Form::rows`: 一, 二, the outcomes, （七）总计, 四.
pub(super) struct T3Rows {
    pub new: usize,
    pub carry_in: usize,
    pub outcomes: Range<usize>,
    pub total: usize,
    pub carry_out: usize,
}

impl T3Rows {
    pub fn of(form: &T3Form) -> T3Rows {
        let n = form.outcomes.len();
        T3Rows {
            new: 0,
            carry_in: 1,
            outcomes: 2..2 + n,
            total: 2 + n,
            carry_out: 3 + n,
        }
    }
}

/// `a == b`, told at once when both are the same static key.
pub(super) fn same_key(a: &str, b: &str) -> bool {
    std::ptr::eq(a, b) || a == b
}

/// The position of `key` among `items`, looked for at `from` and the one after it first:
/// the cells of a table come in form order, so the previous cell's row (or the next row),
/// and the column after its column, are nearly always the ones.
fn find<T>(items: &[T], key_of: impl Fn(&T) -> &str, key: &str, from: usize) -> Option<usize> {
    let is = |i: &usize| items.get(*i).is_some_and(|t| same_key(key_of(t), key));
    if is(&from) {
        return Some(from);
    }
    if is(&(from + 1)) {
        return Some(from + 1);
    }
    (0..items.len()).find(is)
}

impl Layout {
    pub fn new(inp: &Input) -> Layout {
        let mut layout = Layout {
            rows: Vec::with_capacity(inp.t3.as_ref().map_or(0, |f| f.outcomes.len() + 4) + 12),
            t3: 0..0,
            t4: 0..0,
            t2: 0..0,
            len: 0,
        };
        if let Some(form) = &inp.t3 {
            layout.t3 = layout.add(form.rows().into_iter().map(|k| (k, form.columns)));
        }
        layout.t4 = layout.add(forms::T4_ROWS.iter().map(|r| (r.key, forms::T4_COLUMNS)));
        let t2 = forms::active_rows(active_format(inp));
        layout.t2 = layout.add(t2.iter().map(|r| (r.key, r.columns)));
        layout
    }

    /// Numbers a table's rows (key, columns) from the first free place; their range in
    /// `rows`.
    fn add(
        &mut self,
        rows: impl IntoIterator<Item = (&'static str, &'static [ColDef])>,
    ) -> Range<usize> {
        let first = self.rows.len();
        for (key, columns) in rows {
            self.rows.push(Row {
                key,
                columns,
                start: self.len,
            });
            self.len += columns.len();
        }
        first..self.rows.len()
    }

    /// How many places there are, and one more: the place of a cell outside the forms
    /// (`NOWHERE`), where nothing was read.
    pub fn len(&self) -> usize {
        self.len + 1
    }

    fn nowhere(&self) -> usize {
        self.len
    }

    fn rows(&self, table: TableId) -> &[Row] {
        let range = match table {
            TableId::Applications => &self.t3,
            TableId::Review => &self.t4,
            TableId::Active => &self.t2,
        };
        &self.rows[range.clone()]
    }

    /// Table 3's cell at row `row` (see `T3Rows`) and column `col` of its form.
    pub fn t3(&self, row: usize, col: usize) -> Term {
        let r = &self.rows(TableId::Applications)[row];
        Term {
            cell: cref(TableId::Applications, r.key, r.columns[col].key),
            at: r.start + col,
        }
    }

    /// A cell by its keys; one outside the forms is `NOWHERE` (no rule names one: the
    /// relations and conditions take their cells from the same form tables).
    pub fn term(&self, cell: FormCell) -> Term {
        let at = self.place(cell.table, cell.row, cell.column, (0, 0));
        debug_assert!(at.is_some(), "{cell:?} is not in the forms");
        Term {
            cell,
            at: at.map_or(self.nowhere(), |(at, _)| at),
        }
    }

    /// The place of a cell by its keys, with its (row, column) position in its table; the
    /// search starts at `hint`, the position of a cell read before it.
    fn place(
        &self,
        table: TableId,
        row: &str,
        column: &str,
        hint: (usize, usize),
    ) -> Option<(usize, (usize, usize))> {
        let rows = self.rows(table);
        let r = find(rows, |d| d.key, row, hint.0)?;
        let col_from = if r == hint.0 { hint.1 + 1 } else { 0 };
        let c = find(rows[r].columns, |c| c.key, column, col_from)?;
        Some((rows[r].start + c, (r, c)))
    }

    /// The cells that were read, by place (the last of any two with the same keys, as a
    /// map would keep it).
    pub fn grid<'a>(&self, tables: &'a Tables) -> Vec<Option<&'a Cell>> {
        let mut grid = vec![None; self.len()];
        for t in TableId::ALL {
            let mut hint = (0, 0);
            for c in tables.get(t) {
                if let Some((at, pos)) = self.place(t, &c.row, &c.column, hint) {
                    grid[at] = Some(c);
                    hint = pos;
                }
            }
        }
        grid
    }
}
