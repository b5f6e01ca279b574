//! The typed report: every cell read, every rule instance run, every finding.
//!
//! This is the one serialised shape shared by the CLI (`--format json`), the wasm API and
//! the page. Field names are part of the public contract (`schema/report.schema.json`).
//! Positions are byte offsets into the text the user gave (half-open), plus a one-based
//! line and a one-based column counted in characters.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A canonical row or column key: borrowed from the form tables when the engine makes it
/// (no allocation per cell), owned when read back from JSON.
pub type Key = Cow<'static, str>;

use crate::num::Num;
use crate::rule_id::RuleId;

/// Version of the JSON report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    Fail,
    CannotCheck,
    NotApplicable,
}

/// Which of the three statistical tables a cell belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum TableId {
    Active,
    Applications,
    Review,
}

impl TableId {
    pub const ALL: [TableId; 3] = [TableId::Active, TableId::Applications, TableId::Review];
    pub fn key(self) -> &'static str {
        match self {
            TableId::Active => "active",
            TableId::Applications => "applications",
            TableId::Review => "review",
        }
    }
    pub fn zh(self) -> &'static str {
        match self {
            TableId::Active => "主动公开政府信息情况",
            TableId::Applications => "收到和处理政府信息公开申请情况",
            TableId::Review => "政府信息公开行政复议、行政诉讼情况",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            TableId::Active => "proactive disclosure",
            TableId::Applications => "applications received and handled",
            TableId::Review => "administrative review and litigation",
        }
    }
}

/// A position in the form: table, canonical row key, canonical column key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct CellRef {
    pub table: TableId,
    pub row: Key,
    pub column: Key,
}

/// Where a piece of text came from in the user's input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Span {
    /// Byte offset of the first byte (inclusive).
    pub start: usize,
    /// Byte offset after the last byte (exclusive).
    pub end: usize,
    /// One-based line number.
    pub line: usize,
    /// One-based column, counted in Unicode scalar values.
    pub col: usize,
}

/// How a cell's text was turned into a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReadHow {
    /// A number written in the cell.
    Number,
    /// The cell was empty: no value (treated as 0 only where a rule says so).
    Blank,
    /// "/", "—", "-", "无": read as 0.
    DashZero,
    /// A run with exactly as many digits as cells, read one digit per cell.
    OneDigit,
    /// Split out of a run of glued digits using the table's own structure.
    SplitGlued,
    /// Taken by position from a row with fewer numbers than cells (assumption noted).
    Assumed,
    /// Text that is not a number.
    Unreadable,
    /// The row or column was not found in the input.
    Missing,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Cell {
    pub table: TableId,
    pub row: Key,
    pub column: Key,
    /// The value as read; `null` for a blank, missing or unreadable cell.
    pub value: Option<Num>,
    /// The cell's text as it appeared in the input (empty when blank or missing).
    pub raw: String,
    pub read: ReadHow,
    /// Text kept beside the number, e.g. "（其中修订 16 件）" or a unit "元".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
    /// Convenience copy of `span.line` (null when the cell has no source).
    pub line: Option<usize>,
}

impl Cell {
    pub fn cell_ref(&self) -> CellRef {
        CellRef {
            table: self.table,
            row: self.row.clone(),
            column: self.column.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Message {
    pub zh: String,
    pub en: String,
}

/// One operand of a rule instance, with the value the rule used.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Operand {
    #[serde(flatten)]
    pub cell: CellRef,
    /// The value used (a blank component counts as 0; see `assumed`).
    pub value: Option<Num>,
    /// Why the value was not taken as written, if it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assumed: Option<String>,
}

/// One rule instance as evaluated (e.g. R1 in column NP).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Check {
    pub rule: RuleId,
    /// Which instance: a column key, row key or block key ("NP", "DENY_1", "REV").
    pub instance: Key,
    pub severity: Severity,
    pub status: Status,
    /// Why the check could not be run, or why it does not apply.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<Message>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Finding {
    pub rule: RuleId,
    /// Stable machine code, e.g. "T3-BALANCE".
    pub code: String,
    pub severity: Severity,
    pub status: Status,
    /// The rule instance, as in `checks`.
    pub instance: String,
    /// The formula in the form's own labels, e.g. "一 + 二 = （七）总计 + 四".
    pub formula: Message,
    /// Every cell that took part, suspects first.
    pub cells: Vec<CellRef>,
    /// The cells the diagnosis points at (a subset of `cells`).
    pub suspects: Vec<CellRef>,
    pub operands: Vec<Operand>,
    /// The value the relation requires (e.g. the computed sum), when there is one.
    pub expected: Option<Num>,
    /// The value the report gives.
    pub actual: Option<Num>,
    /// actual − expected.
    pub difference: Option<Num>,
    /// When one cell alone explains the failure: the value that cell would need.
    pub suggested: Option<Num>,
    pub message: Message,
    /// Source position of the first suspect cell, when it has one; for a finding about the
    /// text (P1–P14, S1–S4, R9), the sentence or section it is about.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// A relation the reader used to read the input (e.g. a row sum that split glued digits):
/// it cannot also check that input, so the rule instance is "cannot check" with `reason`.
#[derive(Debug, Clone)]
pub struct Assumption {
    pub rule: RuleId,
    pub instance: String,
    pub reason: Message,
}

/// What was found about one official table.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TableInfo {
    pub table: TableId,
    pub found: bool,
    /// Format this table's own markers indicate ("2019", "2021") or null.
    pub format: Option<String>,
    /// How its rows were laid out in the input, e.g. "tab", "spaces", "pipes", "lines".
    pub layout: Option<String>,
    /// Canonical row keys, in form order (the layout that was matched).
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// One-based first line of the table in the input.
    pub line: Option<usize>,
    pub cells_read: usize,
    pub cells_expected: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct Tables {
    pub active: Vec<Cell>,
    pub applications: Vec<Cell>,
    pub review: Vec<Cell>,
}

impl Tables {
    pub fn get(&self, t: TableId) -> &Vec<Cell> {
        match t {
            TableId::Active => &self.active,
            TableId::Applications => &self.applications,
            TableId::Review => &self.review,
        }
    }
    pub fn get_mut(&mut self, t: TableId) -> &mut Vec<Cell> {
        match t {
            TableId::Active => &mut self.active,
            TableId::Applications => &mut self.applications,
            TableId::Review => &mut self.review,
        }
    }
    pub fn find(&self, t: TableId, row: &str, col: &str) -> Option<&Cell> {
        self.get(t).iter().find(|c| c.row == row && c.column == col)
    }
}

/// A note about reading the input (not a rule result).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Note {
    pub code: String,
    pub severity: Severity,
    pub message: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, Default)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub checks: usize,
    pub passed: usize,
    pub failed: usize,
    pub cannot_check: usize,
    pub not_applicable: usize,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub engine: String,
    /// "2019" (trial format) or "2021", or null when no format could be told.
    pub format: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// True when at least one official table was recognised.
    pub recognised: bool,
    pub table_info: Vec<TableInfo>,
    pub tables: Tables,
    pub findings: Vec<Finding>,
    pub checks: Vec<Check>,
    pub summary: Summary,
    /// True when something could not be read; `notes` say what.
    pub partial: bool,
    pub notes: Vec<Note>,
}
