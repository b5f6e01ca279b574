//! Optional: the real reports in ../shared/corpus against their hand-read truth.

use std::path::Path;

use gouji::{Severity, TableId};
use serde_json::Value;

#[test]
fn corpus_matches_truth() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    if !dir.is_dir() {
        println!("corpus test SKIPPED: ../shared/corpus not found");
        return;
    }
    let mut entries: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| matches!(p.extension().and_then(|x| x.to_str()), Some("txt" | "md")))
        .collect();
    entries.sort();
    let mut failures = Vec::new();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let stem = path.with_extension("");
        let truth_path = stem.with_extension("truth.json");
        let truth_path = if truth_path.exists() {
            truth_path
        } else {
            Path::new(&format!("{}.truth.json", stem.display())).to_path_buf()
        };
        if !truth_path.exists() {
            continue;
        }
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(&truth_path).unwrap()).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let r = gouji::check(&text);
        let (mut total, mut right, mut wrong) = (0, 0, Vec::new());
        for (key, t) in [
            ("applications", TableId::Applications),
            ("review", TableId::Review),
        ] {
            let Some(rows) = truth[key].as_object() else {
                continue;
            };
            for (row, cols) in rows {
                for (col, want) in cols.as_object().unwrap() {
                    total += 1;
                    let got = r
                        .tables
                        .find(t, row, col)
                        .and_then(|c| c.value)
                        .and_then(|v| v.as_i64());
                    if got == want.as_i64() {
                        right += 1;
                    } else {
                        wrong.push(format!("{row}.{col}: got {got:?}, truth {want}"));
                    }
                }
            }
        }
        let mut want_err: Vec<(String, String)> = truth["error_rule_instances_that_fail"]
            .as_array()
            .map(|a| {
                a.iter()
                    .map(|p| {
                        (
                            p[0].as_str().unwrap().to_string(),
                            p[1].as_str().unwrap().to_string(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        want_err.sort();
        let mut got_err: Vec<(String, String)> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| (f.rule.clone(), f.instance.clone()))
            .collect();
        got_err.sort();
        got_err.dedup();
        println!("{name}: {right}/{total} cells, errors {got_err:?} (truth {want_err:?})");
        if name.contains("column-major") {
            // Known unsupported layout: never a false error.
            let extra: Vec<_> = got_err.iter().filter(|e| !want_err.contains(e)).collect();
            if !extra.is_empty() {
                failures.push(format!("{name}: false errors {extra:?}"));
            }
            continue;
        }
        if !wrong.is_empty() {
            failures.push(format!(
                "{name}: {} wrong cells: {}",
                wrong.len(),
                wrong.join("; ")
            ));
        }
        if got_err != want_err {
            failures.push(format!("{name}: errors {got_err:?} != truth {want_err:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
