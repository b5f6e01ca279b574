//! Inputs that once crashed or stressed the engine (fuzzing, hand-made edge cases): each
//! must go through `check` and the grid path without a panic, with spans that point
//! at the cell's own text.

use std::fs;
use std::path::Path;

fn spans_ok(text: &str, report: &gouji::Report) {
    for t in [
        &report.tables.active,
        &report.tables.applications,
        &report.tables.review,
    ] {
        for c in t.iter() {
            if let Some(s) = c.span {
                assert!(
                    s.start <= s.end && s.end <= text.len(),
                    "span out of range: {c:?}"
                );
                assert_eq!(
                    &text[s.start..s.end],
                    c.raw,
                    "span does not cover the raw text"
                );
            }
        }
    }
}

#[test]
fn regression_inputs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut n = 0;
    for entry in fs::read_dir(&dir).expect("tests/fuzz_regressions exists") {
        let path = entry.expect("readable entry").path();
        let bytes = fs::read(&path).expect("readable file");
        let text = String::from_utf8_lossy(&bytes);
        let report = gouji::check(&text);
        spans_ok(&text, &report);
        assert!(serde_json::to_string(&report).is_ok());
        let grid: Vec<gouji::GridTable> = text
            .split("\n\n")
            .map(|t| gouji::GridTable {
                rows: t
                    .lines()
                    .map(|r| r.split('|').map(str::to_string).collect())
                    .collect(),
            })
            .collect();
        let _ = gouji::check_grid(&grid);
        n += 1;
    }
    println!("{n} regression inputs checked");
    assert!(n >= 6, "the regression inputs are missing");
}
