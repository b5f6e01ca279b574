//! gouji (勾稽): checks the statistical tables of 政府信息公开工作年度报告.
//!
//! One pipeline, one direction:
//! input → [`normalize`] → [`locate`] tables and map rows/columns to the official
//! [`forms`] → typed [`model::Report`] cells → [`rules`] → findings → front ends.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic))]

pub mod model;
pub mod num;

pub use model::*;
pub use num::Num;

#[cfg(target_arch = "wasm32")]
mod wasm;

use serde::{Deserialize, Serialize};

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// A table that arrives already as cells (clipboard HTML): spans expanded, a covered slot
/// of a rowspan/colspan cell is an empty string, the origin slot holds the text.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct GridTable {
    pub rows: Vec<Vec<String>>,
}

/// One entry of the rule catalogue.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RuleInfo {
    pub id: String,
    pub severity: Severity,
    pub table: Option<TableId>,
    pub formula: Message,
    /// The official wording the rule comes from, when it has one.
    pub official: Option<String>,
    pub description: Message,
}

/// Checks a pasted report (whole text or only its tables).
pub fn check(text: &str) -> Report {
    let _ = text;
    todo_report()
}

/// Checks tables given as grids (what the page reads from clipboard HTML).
pub fn check_grid(tables: &[GridTable]) -> Report {
    let _ = tables;
    todo_report()
}

/// The rule catalogue.
pub fn rules() -> Vec<RuleInfo> {
    Vec::new()
}

fn todo_report() -> Report {
    Report {
        schema_version: SCHEMA_VERSION,
        engine: format!("gouji {VERSION}"),
        format: None,
        year: None,
        title: None,
        recognised: false,
        table_info: Vec::new(),
        tables: Tables::default(),
        findings: Vec::new(),
        checks: Vec::new(),
        summary: Summary::default(),
        partial: true,
        notes: Vec::new(),
    }
}
