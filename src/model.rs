//! The typed report: every cell read, every rule instance run, every finding.
//!
//! This is the one serialised shape shared by the CLI (`--format json`), the wasm API and
//! the page. Field names are part of the public contract (`schema/report.schema.json`).
//! Positions are byte offsets into the text the user gave (half-open), plus a one-based
//! line and a one-based column counted in characters.
//!
//! The schema and the TypeScript declarations `www/report.d.ts` are generated from these
//! types and their doc comments (native builds derive `schemars::JsonSchema`; the wasm
//! build does not): after a change, `cargo run --example schema` rewrites both, and
//! `tests/schema.rs` fails while they differ. A type added to the report needs the same
//! `cfg_attr(…, derive(schemars::JsonSchema))` line.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// A canonical row or column key: borrowed from the form tables when the engine makes it
/// (no allocation per cell), owned when read back from JSON.
pub type Key = Cow<'static, str>;

use crate::num::Num;
use crate::rule_id::RuleId;

/// Version of the JSON report layout; bumped on any incompatible change.
pub const SCHEMA_VERSION: u32 = 1;

/// How serious a finding or note is: `error` fails the check, `warning` asks for a look,
/// `info` is an observation (e.g. a blank 总计 cell).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, PartialOrd, Ord, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// The outcome of one rule instance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The relation holds.
    Pass,
    /// The relation does not hold.
    Fail,
    /// A cell it needs is missing or unreadable, or was read using this very relation.
    CannotCheck,
    /// The rule does not apply to this report (e.g. the other format's rule).
    NotApplicable,
}

/// Which of the three statistical tables a cell belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash, PartialOrd, Ord)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct CellRef {
    pub table: TableId,
    pub row: Key,
    pub column: Key,
}

/// Where a piece of text came from in the user's input. start/end are UTF-8 byte offsets,
/// half-open; line is one-based; col is one-based and counted in Unicode scalar values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
    /// Split out of a run of glued digits using the table's own structure (its sums; the
    /// relation used is then cannot_check).
    SplitGlued,
    /// Taken by position from a row with fewer numbers than cells (assumption noted).
    Assumed,
    /// Text that is not a number.
    Unreadable,
    /// The row or column was not found in the input.
    Missing,
}

/// One cell of an official table, as read.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Cell {
    pub table: TableId,
    /// Canonical row key: applications NEW, CARRY_IN, GRANT, PARTIAL, DENY_1..DENY_8,
    /// UNABLE_1..UNABLE_3, NOTPROC_1..NOTPROC_5, OTHER or OTHER_1..OTHER_3, TOTAL,
    /// CARRY_OUT; review REV, LIT_DIRECT, LIT_AFTER; active REG, NDOC, LICENSE, PUNISH,
    /// COERCE, FEE (2021) / REG, NDOC, LICENSE, OTHERSVC, PUNISH, COERCE, FEE, PROC (2019).
    pub row: Key,
    /// Canonical column key: applications NP, BE, RI, PW, LS, OT, TOT; review UPHELD,
    /// CORRECTED, OTHER, PENDING, TOTAL; active MADE/REPEALED/VALID, DECISIONS, AMOUNT
    /// (2021) or NEW_MADE/NEW_PUBLISHED/TOTAL_PUBLISHED, PREV_ITEMS/DELTA/DECISIONS,
    /// PROJECTS/AMOUNT (2019).
    pub column: Key,
    /// The value as read; `null` for a blank, missing or unreadable cell (a blank is never
    /// reported as 0).
    pub value: Option<Num>,
    /// The cell's text as it appeared in the input (empty when blank or missing).
    #[cfg_attr(not(target_arch = "wasm32"), schemars(with = "String"))]
    pub raw: CellText,
    /// How the value was obtained.
    pub read: ReadHow,
    /// Text kept beside the number, e.g. "（其中修订 16 件）" or a unit "元".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub annotation: Option<String>,
    /// Where the cell's text is in the input; absent when the cell has no source.
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

/// A cell's text: nearly always a few digits, so it is kept inline and reading a table
/// makes no allocation per cell; a longer text is kept on the heap. It reads as a `str`
/// and is serialised exactly as a `String` is.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct CellText(TextRepr);

#[derive(Clone, PartialEq, Eq)]
enum TextRepr {
    /// The first `len` bytes hold the text (always a whole `str`).
    Inline {
        len: u8,
        bytes: [u8; CellText::INLINE],
    },
    Heap(Box<str>),
}

impl Default for TextRepr {
    fn default() -> TextRepr {
        TextRepr::Inline {
            len: 0,
            bytes: [0; CellText::INLINE],
        }
    }
}

impl CellText {
    /// Bytes kept inline: the enum is then as large as a `String`.
    const INLINE: usize = 22;

    pub fn as_str(&self) -> &str {
        match &self.0 {
            // Copied from a `str` whole, so always valid: the check cannot fail.
            TextRepr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            TextRepr::Heap(s) => s,
        }
    }
}

impl From<&str> for CellText {
    fn from(s: &str) -> CellText {
        if s.len() > CellText::INLINE {
            return CellText(TextRepr::Heap(s.into()));
        }
        let mut bytes = [0; CellText::INLINE];
        bytes[..s.len()].copy_from_slice(s.as_bytes());
        CellText(TextRepr::Inline {
            len: s.len() as u8,
            bytes,
        })
    }
}

impl From<String> for CellText {
    fn from(s: String) -> CellText {
        if s.len() > CellText::INLINE {
            return CellText(TextRepr::Heap(s.into_boxed_str()));
        }
        CellText::from(s.as_str())
    }
}

impl std::ops::Deref for CellText {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for CellText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl std::fmt::Debug for CellText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for CellText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for CellText {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CellText {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<String> for CellText {
    fn eq(&self, other: &String) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<CellText> for &str {
    fn eq(&self, other: &CellText) -> bool {
        *self == other.as_str()
    }
}

impl PartialEq<CellText> for String {
    fn eq(&self, other: &CellText) -> bool {
        self == other.as_str()
    }
}

impl Serialize for CellText {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CellText {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<CellText, D::Error> {
        String::deserialize(d).map(CellText::from)
    }
}

/// A text in both languages of the engine.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Message {
    pub zh: String,
    pub en: String,
}

/// One operand of a rule instance, with the value the rule used.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

/// A rule instance that failed, or an observation worth showing (info).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Finding {
    /// The rule, "R1" … "R30".
    pub rule: RuleId,
    /// Stable machine code, e.g. "T3-BALANCE"; "TOTAL-BLANK" for a blank 总计 cell.
    pub code: String,
    pub severity: Severity,
    pub status: Status,
    /// The rule instance, as in `checks`: a column key (R1, R2, R7), row key (R3, R4),
    /// block key (R10–R13) …
    pub instance: String,
    /// The formula in the form's own labels, e.g. "一 + 二 = （七）总计 + 四".
    pub formula: Message,
    /// Every cell that took part, suspects first.
    pub cells: Vec<CellRef>,
    /// The cells the diagnosis points at (a subset of `cells`).
    pub suspects: Vec<CellRef>,
    pub operands: Vec<Operand>,
    /// The value the relation requires (its right-hand side, e.g. the computed sum), when
    /// there is one.
    pub expected: Option<Num>,
    /// The value the report gives (the relation's left-hand side).
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

/// What a sum relation requires of its total cell (the relation's one-cell left side:
/// （七）总计, the 总计 column, each Table 4 block's 总计), computed whenever every other
/// operand could be read, whether or not the total itself was: the number a form shows as
/// “应为 84” while the total is blank or disagrees. One entry per relation, so a cell in two
/// sums (（七）总计·总计) can have two, which differ when its row and its column disagree.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Implied {
    /// The total cell.
    #[serde(flatten)]
    pub cell: CellRef,
    /// The sum rule ("R2", "R3", "R10" …) and its instance, as in `checks`.
    pub rule: RuleId,
    pub instance: Key,
    /// The value the relation requires of the cell: the sum of its other operands, read as
    /// the rule reads them (a blank part counts as 0).
    pub value: Num,
    /// The cell's value as read; null when it is blank or unreadable.
    pub actual: Option<Num>,
    /// The relation's status in `checks`: `pass` when the cell holds `value`.
    pub status: Status,
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct TableInfo {
    pub table: TableId,
    pub found: bool,
    /// Format this table's own markers indicate ("2019", "2021") or null.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["2019", "2021", null])))]
    pub format: Option<String>,
    /// How its rows were laid out in the input, e.g. "tab", "spaces", "pipes", "lines".
    /// Also "glued" (read line by line) or "stream" (read in form order whatever the line
    /// breaks: one-line copies, collapsed or glued cells).
    pub layout: Option<String>,
    /// Canonical row keys, in form order (the layout that was matched).
    pub rows: Vec<String>,
    pub columns: Vec<String>,
    /// One-based first line of the table in the input.
    pub line: Option<usize>,
    pub cells_read: usize,
    pub cells_expected: usize,
}

/// The cells of the three official tables, in form order.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Note {
    pub code: String,
    pub severity: Severity,
    pub message: Message,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub span: Option<Span>,
}

/// Counts of findings by severity and of checks by status.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Default)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
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

/// What `gouji check --format json` prints (one document per file, one per line) and what
/// the JS API check()/checkGrid() returns.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Report {
    /// Version of this layout; bumped on any incompatible change.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("const" = SCHEMA_VERSION)))]
    pub schema_version: u32,
    /// The engine's name and version.
    pub engine: String,
    /// "2019" (trial format) or "2021", or null when no format could be told.
    #[cfg_attr(not(target_arch = "wasm32"), schemars(extend("enum" = ["2019", "2021", null])))]
    pub format: Option<String>,
    /// The year reported on: from the title, else from the statistical period; null when
    /// neither gives one.
    pub year: Option<i32>,
    /// The report's title (an early line naming the annual report), when one was found.
    pub title: Option<String>,
    /// Who the report is from: the agency named in the title (else in the first lines),
    /// normalised by `src/agency.rs` so every copy of one agency's title gives the same
    /// name (“青禾市示例局”); null when none is found.
    #[serde(default)]
    pub agency: Option<String>,
    /// True when at least one official table was recognised.
    pub recognised: bool,
    /// What was found about each of the three tables.
    pub table_info: Vec<TableInfo>,
    /// Every cell of the three tables, as read.
    pub tables: Tables,
    /// Failures (and info observations such as blank totals), errors first.
    pub findings: Vec<Finding>,
    /// Every rule instance that was run, with its status.
    pub checks: Vec<Check>,
    /// The counts of findings and checks.
    pub summary: Summary,
    /// True when something could not be read; `notes` say what.
    /// The check is then incomplete: no table recognised, one of the three tables not
    /// found, a table found but not all of its cells read (Tables 3 and 4), or an
    /// error-level check that could not be run (cannot_check). A report is a pass only when
    /// partial is false and summary.errors is 0. The CLI exits 0 only then, 1 with at least
    /// one error finding, 2 when nothing was recognised (or the file was unreadable), and 3
    /// when partial is true and no error was found among what was read.
    pub partial: bool,
    /// Notes about reading the input: what could not be read and why, how it was taken.
    pub notes: Vec<Note>,
    /// The findings grouped as a reader counts them: one wrong cell with every relation it
    /// breaks is one problem (`src/problems.rs`). Every finding is in exactly one problem.
    #[serde(default)]
    pub problems: Vec<Problem>,
    /// What each sum relation requires of its total cell, when its other operands were
    /// read (`src/rules/implied.rs`): the value a blank or wrong total should have.
    #[serde(default)]
    pub implied: Vec<Implied>,
    /// The headline in words: pass only when complete; see `src/problems.rs`.
    #[serde(default = "crate::model::no_verdict")]
    pub verdict: Verdict,
}

/// One problem in a reader's sense: a cell that is wrong (with the findings it explains),
/// or one finding that no single cell explains.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Problem {
    /// The most severe of the grouped findings.
    pub severity: Severity,
    /// The one cell every grouped finding points at, when there is one.
    pub cell: Option<CellRef>,
    /// The value the report gives in `cell`.
    pub reported: Option<Num>,
    /// The value `cell` would need for every grouped relation to hold.
    pub suggested: Option<Num>,
    /// What is wrong, in plain words (the cell, its number, what it should be).
    pub message: Message,
    /// Indices into `findings` of the findings this problem groups (at least one).
    pub findings: Vec<usize>,
}

/// The headline of a check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum VerdictKind {
    /// Every table read completely, every error-level check ran, none failed.
    Pass,
    /// At least one error-level problem.
    Fail,
    /// No error among what was read, but something was not read or not checked.
    Partial,
    /// No statistical table recognised.
    None,
}

/// The headline of a check, in words, with the problems counted by severity.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct Verdict {
    pub kind: VerdictKind,
    /// The headline: "通过", "1 处数字对不上", "未能完整读取：3 个单元格未读出", "未找到统计表".
    pub message: Message,
    /// When the check is incomplete: what was not read (also when there are errors).
    pub incomplete: Option<Message>,
    /// Error-, warning- and info-level problems.
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

/// The verdict of a report that was not checked (nothing recognised).
pub fn no_verdict() -> Verdict {
    Verdict {
        kind: VerdictKind::None,
        message: Message {
            zh: "未找到统计表".into(),
            en: "No statistical table found".into(),
        },
        incomplete: None,
        errors: 0,
        warnings: 0,
        infos: 0,
    }
}
