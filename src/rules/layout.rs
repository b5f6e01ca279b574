//! Where each cell of the forms being checked sits: Table 3's rows and columns as the
//! layout that was read lists them, then Table 4's, then Table 2's rows of its format,
//! numbered in form order. A rule names a cell by this number (its place): reaching the
//! cell that was read is an index into a grid, not a hash of its keys, and what the rules
//! keep per cell (the values a relation read, the tallies of a diagnosis) are plain arrays.

use super::*;
use crate::forms::{ActiveRow, RowDef};

/// A cell a rule reads, and its place.
#[derive(Debug, Clone, Copy)]
pub struct Term {
    pub cell: FormCell,
    pub at: usize,
}

pub(super) struct Layout {
    /// Table 3's rows in form order (none when it was not found) and its columns.
    t3_rows: Vec<&'static str>,
    t3_columns: &'static [ColDef],
    /// Table 2's rows in the format it is checked in, each with its own columns.
    t2_rows: &'static [ActiveRow],
    /// Where Table 4's places start, Table 2's, and how many there are.
    t4_start: usize,
    t2_start: usize,
    len: usize,
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
    [from, from + 1]
        .into_iter()
        .find(is)
        .or_else(|| (0..items.len()).find(is))
}

impl Layout {
    pub fn new(inp: &Input) -> Layout {
        let (t3_rows, t3_columns) = inp
            .t3
            .as_ref()
            .map_or((Vec::new(), &[][..]), |f| (f.rows(), f.columns));
        let t2_rows = forms::active_rows(active_format(inp));
        let t4_start = t3_rows.len() * t3_columns.len();
        let t2_start = t4_start + forms::T4_ROWS.len() * forms::T4_COLUMNS.len();
        let len = t2_start + t2_rows.iter().map(|r| r.columns.len()).sum::<usize>();
        Layout {
            t3_rows,
            t3_columns,
            t2_rows,
            t4_start,
            t2_start,
            len,
        }
    }

    /// How many places there are, and one more: the place of a cell outside the forms
    /// (`NOWHERE`), where nothing was read.
    pub fn len(&self) -> usize {
        self.len + 1
    }

    fn nowhere(&self) -> usize {
        self.len
    }

    /// Table 3's cell at row `row` and column `col` of its form (see `T3Form::rows`).
    pub fn t3(&self, row: usize, col: usize) -> Term {
        let (r, c) = (self.t3_rows[row], &self.t3_columns[col]);
        Term {
            cell: cref(TableId::Applications, r, c.key),
            at: row * self.t3_columns.len() + col,
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
        let col_from = |r: usize| if r == hint.0 { hint.1 + 1 } else { 0 };
        match table {
            TableId::Applications => {
                let r = find(&self.t3_rows, |k| k, row, hint.0)?;
                let c = find(self.t3_columns, |c| c.key, column, col_from(r))?;
                Some((r * self.t3_columns.len() + c, (r, c)))
            }
            TableId::Review => {
                let (rows, cols) = (forms::T4_ROWS, forms::T4_COLUMNS);
                let r = find(rows, |d: &RowDef| d.key, row, hint.0)?;
                let c = find(cols, |c| c.key, column, col_from(r))?;
                Some((self.t4_start + r * cols.len() + c, (r, c)))
            }
            TableId::Active => {
                let r = find(self.t2_rows, |d| d.key, row, hint.0)?;
                let cols = self.t2_rows[r].columns;
                let c = find(cols, |c| c.key, column, col_from(r))?;
                let before: usize = self.t2_rows[..r].iter().map(|d| d.columns.len()).sum();
                Some((self.t2_start + before + c, (r, c)))
            }
        }
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
