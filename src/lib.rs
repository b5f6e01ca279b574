//! gouji (勾稽): checks the statistical tables of 政府信息公开工作年度报告.
//!
//! One pipeline, one direction:
//! input → normalise → locate tables and map rows/columns to the official [`forms`] →
//! typed [`Report`] cells → rules → findings → front ends.
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

// The stages are private: the API is `check`, `check_grid`, `rules`, `forms`, the report
// model and the official forms. The three reader stages stay reachable, hidden, for the
// allocation example (examples/allocs.rs), which counts each stage on its own.
pub mod agency;
mod catalogue;
mod cells;
mod explain;
pub mod forms;
pub mod formview;
mod glued;
#[doc(hidden)]
pub mod locate;
mod messages;
mod model;
#[doc(hidden)]
pub mod normalize;
mod num;
mod pipeline;
mod problems;
mod prose;
#[doc(hidden)]
pub mod records;
mod rule_id;
mod rules;

#[cfg(not(target_arch = "wasm32"))]
pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;
#[cfg(not(target_arch = "wasm32"))]
pub mod schema;

pub use model::*;
pub use num::Num;
pub use rule_id::RuleId;
/// Checks one report against the same agency's report for the year before.
pub use rules::cross_year;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

use serde::{Deserialize, Serialize};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A table that arrives already as cells (clipboard HTML): spans expanded, a covered slot
/// of a rowspan/colspan cell is an empty string, the origin slot holds the text.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct GridTable {
    pub rows: Vec<Vec<String>>,
}

/// One entry of the rule catalogue (`gouji rules --format json`, the JS API's rules()).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
pub struct RuleInfo {
    /// The rule, "R1" … "R30".
    pub id: RuleId,
    /// Stable machine code, as in findings ("T3-BALANCE").
    pub code: String,
    /// The severity of its findings.
    pub severity: Severity,
    /// The table the rule checks; null for a rule about the whole report.
    pub table: Option<TableId>,
    /// The relation in the form's own labels.
    pub formula: Message,
    /// The official wording the rule comes from, when it has one.
    pub official: Option<String>,
    /// What the rule checks, in words.
    pub description: Message,
    /// Why the rule holds, in plain words for a citizen (`src/explain.rs`).
    pub explain: Option<Message>,
}

/// Inputs larger than this are refused with a message instead of being read: no real
/// report comes near it, and the page must stay responsive.
pub const MAX_INPUT: usize = 16 * 1024 * 1024;

/// Checks a pasted report (whole text or only its tables).
pub fn check(text: &str) -> Report {
    pipeline::check(text)
}

/// How last year's report is named in the cross-year findings' messages (“上年报告（2023）
/// “四、结转下年度·自然人”为 5”): its year, or these words when it has none. One name
/// serves both languages, as a file name does on the command line.
const PREVIOUS_UNNAMED: &str = "上一年度报告";

/// Checks a pasted report against the same agency's report for the year before (both as
/// pasted text): the report of [`check`] with the cross-year checks (R8, R17, R20, R21,
/// R25, see [`cross_year`]) added, its `summary`, `problems` and `verdict` counting them.
/// A report with no table recognised is returned as [`check`] gives it (nothing to compare).
pub fn check_with_previous(text: &str, previous: &str) -> Report {
    let mut report = check(text);
    add_previous(&mut report, text, previous);
    report
}

/// Adds the cross-year checks against last year's report (`previous`, pasted text) to a
/// report already checked from `text` (by [`check`] or [`check_grid_in`], `text` being its
/// context): what [`check_with_previous`] does after checking.
pub fn add_previous(report: &mut Report, text: &str, previous: &str) {
    if !report.recognised {
        return;
    }
    let prev = check(previous);
    let name = prev
        .year
        .map_or_else(|| PREVIOUS_UNNAMED.to_string(), |y| y.to_string());
    let out = cross_year::check_pair(report, cross_year::states_carry_over(text), &prev, &name);
    cross_year::apply(report, out);
}

/// Checks tables given as grids (what the page reads from clipboard HTML). Each grid
/// becomes tab-separated lines, so a grid and its text copy give the same report.
pub fn check_grid(tables: &[GridTable]) -> Report {
    check(&grid_text(tables))
}

/// Checks tables given as grids with the text they were pasted with (what the page shows
/// in its input box): the title and the statistical period are taken from that text, so
/// the report keeps its title and year. Positions in the result would point into the grids'
/// own text, not into `context`, so none is given (every `span` and `line` is absent).
pub fn check_grid_in(tables: &[GridTable], context: &str) -> Report {
    let mut text = pipeline::context_head(context);
    text.push_str(&grid_text(tables));
    let mut r = check(&text);
    for id in TableId::ALL {
        for c in r.tables.get_mut(id) {
            c.span = None;
            c.line = None;
        }
    }
    for f in &mut r.findings {
        f.span = None;
    }
    for n in &mut r.notes {
        n.span = None;
    }
    for i in &mut r.table_info {
        i.line = None;
    }
    r
}

/// The tab-separated text a grid stands for (what a browser puts on the clipboard).
pub fn grid_text(tables: &[GridTable]) -> String {
    let mut out = String::new();
    for t in tables {
        for row in &t.rows {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    c.chars()
                        .map(|ch| {
                            if ch == '\t' || ch == '\n' || ch == '\r' {
                                ' '
                            } else {
                                ch
                            }
                        })
                        .collect()
                })
                .collect();
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

/// The rule catalogue.
pub fn rules() -> Vec<RuleInfo> {
    catalogue::infos()
}

/// The official forms' rows, columns and labels, for drawing the tables.
pub fn forms() -> formview::Forms {
    formview::forms()
}
