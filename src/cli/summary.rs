//! `--summary csv|tsv|json`: one row per report, in the order the reports were given
//! (directories in path order).
//!
//! Columns (README “Batch summary”): `file`, `agency` (from the title, normalised by
//! `gouji::agency`), `year`, `format`, `cells_read`, `cells_expected` (over the tables
//! found), `errors`, `warnings`, `cannot_check` (rule instances that could not be run),
//! `status` (`pass`, `errors`, `not_checked`, `partial`), `exit` (the file's own exit
//! status), `verdict` (the text output's verdict line, or why the file could not be read),
//! `previous` (last year's report it was compared with, if any). A count is empty (null)
//! for a file that could not be read.

use serde::Serialize;

use super::args::SummaryFormat;

#[derive(Debug, Clone, Serialize, Default)]
pub struct Row {
    pub file: String,
    pub agency: Option<String>,
    pub year: Option<i32>,
    pub format: Option<String>,
    pub cells_read: Option<usize>,
    pub cells_expected: Option<usize>,
    pub errors: Option<usize>,
    pub warnings: Option<usize>,
    pub cannot_check: Option<usize>,
    pub status: &'static str,
    pub exit: i32,
    pub verdict: String,
    pub previous: Option<String>,
}

pub const COLUMNS: [&str; 13] = [
    "file",
    "agency",
    "year",
    "format",
    "cells_read",
    "cells_expected",
    "errors",
    "warnings",
    "cannot_check",
    "status",
    "exit",
    "verdict",
    "previous",
];

impl Row {
    fn fields(&self) -> [String; 13] {
        fn opt<T: ToString>(v: &Option<T>) -> String {
            v.as_ref().map_or(String::new(), T::to_string)
        }
        [
            self.file.clone(),
            opt(&self.agency),
            opt(&self.year),
            opt(&self.format),
            opt(&self.cells_read),
            opt(&self.cells_expected),
            opt(&self.errors),
            opt(&self.warnings),
            opt(&self.cannot_check),
            self.status.to_string(),
            self.exit.to_string(),
            self.verdict.clone(),
            opt(&self.previous),
        ]
    }
}

/// The summary's first lines (the header; `[` for JSON).
pub fn head(f: SummaryFormat) -> String {
    match f {
        SummaryFormat::Csv => COLUMNS.join(",") + "\n",
        SummaryFormat::Tsv => COLUMNS.join("\t") + "\n",
        SummaryFormat::Json => "[\n".into(),
    }
}

/// One row as a line (for JSON, an object; `first` says whether a comma goes before it).
pub fn line(f: SummaryFormat, row: &Row, first: bool) -> String {
    match f {
        SummaryFormat::Csv => {
            let cells: Vec<String> = row.fields().iter().map(|s| csv_field(s)).collect();
            cells.join(",") + "\n"
        }
        SummaryFormat::Tsv => {
            let cells: Vec<String> = row.fields().iter().map(|s| tsv_field(s)).collect();
            cells.join("\t") + "\n"
        }
        SummaryFormat::Json => {
            let obj = serde_json::to_string(row).unwrap_or_else(|_| "{}".into());
            if first {
                obj
            } else {
                format!(",\n{obj}")
            }
        }
    }
}

/// The summary's last lines (`]` for JSON).
pub fn tail(f: SummaryFormat, any: bool) -> String {
    match f {
        SummaryFormat::Json if any => "\n]\n".into(),
        SummaryFormat::Json => "]\n".into(),
        _ => String::new(),
    }
}

/// RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled.
fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// TSV has no quoting: tabs and line breaks inside a field become spaces.
fn tsv_field(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row() -> Row {
        Row {
            file: "a,b \"c\".txt".into(),
            agency: Some("青禾市示例局".into()),
            year: Some(2024),
            status: "pass",
            verdict: "结论：通过，0 处警告\t x\ny".into(),
            ..Row::default()
        }
    }

    #[test]
    fn csv_quotes_and_tsv_flattens() {
        let c = line(SummaryFormat::Csv, &row(), true);
        assert!(
            c.starts_with("\"a,b \"\"c\"\".txt\",青禾市示例局,2024,,,"),
            "{c}"
        );
        assert_eq!(c.matches('\n').count(), 2, "{c}"); // one inside the quoted verdict
        let t = line(SummaryFormat::Tsv, &row(), true);
        assert_eq!(t.matches('\t').count(), COLUMNS.len() - 1, "{t}");
        assert_eq!(t.matches('\n').count(), 1);
    }

    #[test]
    fn json_rows_make_one_array() {
        let f = SummaryFormat::Json;
        let s = head(f) + &line(f, &row(), true) + &line(f, &row(), false) + &tail(f, true);
        let v: serde_json::Value = serde_json::from_str(&s).expect("json");
        assert_eq!(v.as_array().map(Vec::len), Some(2));
        assert_eq!(v[0]["agency"], "青禾市示例局");
        assert!(v[0]["errors"].is_null());
        let empty = head(f) + &tail(f, false);
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&empty).ok(),
            Some(serde_json::json!([]))
        );
    }
}
