//! Optional: the real reports in ../shared/corpus (and its flat/ folder: whole report on
//! one line) against their hand-read truth, and the seed report with its line breaks
//! collapsed (the way web-page text, scrapers and chat apps deliver reports).
//!
//! The folder is ../shared/corpus (`GOUJI_CORPUS_DIR` overrides it). When it is absent
//! every test here says so on the real stderr (cargo's capture
//! does not hide it) and passes — unless `CI_REQUIRE_CORPUS=1`, which makes a missing
//! corpus a failure. When present, the number of files compared is asserted, so a file
//! without truth or a renamed folder cannot drop out silently.
//!
//! Gates (each one fails the test; everything else is printed as figures): no wrong number anywhere (a cell read as a number the truth
//! does not have; truth `"?"` = "0 or blank" accepts either), no error finding the truth
//! does not list (R6, which the truth files leave out, counts as listed where the truth's
//! own cells break it), reports read exactly (every truth cell right and exactly the truth's
//! failing error instances): corpus ≥ 8 of 9, flat ≥ 28 of 30, and all 21 real errors of
//! flat/ found.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use gouji::{Num, Severity, TableId};
use serde_json::Value;

/// Text files with truth in ../shared/corpus and ../shared/corpus/flat.
const CORPUS_FILES: usize = 9;
const FLAT_FILES: usize = 30;
const CORPUS_EXACT_AIM: usize = 8;
const FLAT_EXACT_AIM: usize = 28;
const FLAT_REAL_ERRORS: usize = 21;

/// Written to the process's stderr directly: libtest captures `println!`/`eprintln!` of a
/// passing test, not writes to the handle.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

pub(crate) fn corpus_dir(test: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("GOUJI_CORPUS_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"),
        PathBuf::from,
    );
    if dir.is_dir() {
        return Some(dir);
    }
    let msg = format!(
        "corpus test {test} SKIPPED: {} not found (set CI_REQUIRE_CORPUS=1 to make this a failure)",
        dir.display()
    );
    say(&msg);
    if std::env::var("CI_REQUIRE_CORPUS").as_deref() == Ok("1") {
        panic!("{msg}");
    }
    None
}

/// One text file's score against its truth.
#[derive(Default)]
struct Score {
    name: String,
    cells: usize,
    right: usize,
    /// Cells read as a number the truth does not have.
    wrong: Vec<String>,
    /// Cells not read (the truth has a number).
    unread: usize,
    want_err: Vec<(String, String)>,
    /// R6 instances the truth's cells break although its list leaves them out.
    also_true: Vec<(String, String)>,
    got_err: Vec<(String, String)>,
}

impl Score {
    fn found(&self) -> usize {
        self.want_err
            .iter()
            .filter(|e| self.got_err.contains(e))
            .count()
    }
    fn false_errors(&self) -> Vec<&(String, String)> {
        self.got_err
            .iter()
            .filter(|e| !self.want_err.contains(e) && !self.also_true.contains(e))
            .collect()
    }
    fn exact(&self) -> bool {
        self.right == self.cells
            && self.found() == self.want_err.len()
            && self.false_errors().is_empty()
    }
}

/// R6 instances that fail on the truth's own Table 3 cells ("?" and blank as 0).
fn r6_from_truth(truth: &Value) -> Vec<(String, String)> {
    let Some(rows) = truth["applications"].as_object() else {
        return Vec::new();
    };
    let v = |row: &str, col: &str| rows[row][col].as_i64().unwrap_or(0);
    let mut out = Vec::new();
    for col in ["NP", "BE", "RI", "PW", "LS", "OT", "TOT"] {
        if !rows.contains_key("NEW") || !rows.contains_key("CARRY_IN") {
            continue;
        }
        if v("NEW", col) + v("CARRY_IN", col) == 0 && rows.keys().any(|r| v(r, col) != 0) {
            out.push(("R6".to_string(), col.to_string()));
        }
    }
    out
}

/// Same value as the truth: `"?"` accepts blank or 0, `null` only blank.
fn same(want: &Value, got: Option<Num>) -> bool {
    match want {
        Value::String(s) if s == "?" => got.is_none() || got == Num::parse("0"),
        Value::Null => got.is_none(),
        Value::Number(n) => got == Num::parse(&n.to_string()),
        Value::String(s) => got == Num::parse(s),
        _ => false,
    }
}

fn score(path: &Path, truth: &Value) -> Score {
    let text = std::fs::read_to_string(path).expect("corpus text");
    let r = gouji::check(&text);
    let mut s = Score {
        name: path.file_name().unwrap().to_string_lossy().into_owned(),
        ..Score::default()
    };
    for (key, t) in [
        ("applications", TableId::Applications),
        ("review", TableId::Review),
    ] {
        let Some(rows) = truth[key].as_object() else {
            continue;
        };
        for (row, cols) in rows {
            for (col, want) in cols.as_object().expect("columns") {
                s.cells += 1;
                let got = r.tables.find(t, row, col).and_then(|c| c.value);
                if same(want, got) {
                    s.right += 1;
                } else if let Some(v) = got {
                    s.wrong.push(format!("{row}.{col}: read {v}, truth {want}"));
                } else {
                    s.unread += 1;
                }
            }
        }
    }
    s.want_err = truth["error_rule_instances_that_fail"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|p| {
                    (
                        p[0].as_str().expect("rule").to_string(),
                        p[1].as_str().expect("instance").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    // R6 (a column with no new or carried-in application has outcomes) is an error rule
    // the truth files do not list; where the truth's own cells break it, it is a real
    // error too, not a false one.
    for e in r6_from_truth(truth) {
        if !s.want_err.contains(&e) {
            s.also_true.push(e);
        }
    }
    s.want_err.sort();
    s.got_err = r
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.to_string(), f.instance.clone()))
        .collect();
    s.got_err.sort();
    s.got_err.dedup();
    s
}

/// Scores every text file of `dir` (not its sub-folders); each must have a truth file.
fn score_folder(dir: &Path) -> Vec<Score> {
    let mut texts: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("corpus folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.is_file()
                && matches!(
                    p.extension().and_then(|x| x.to_str()),
                    Some("txt" | "md" | "html")
                )
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.eq_ignore_ascii_case("README.md"))
        })
        .collect();
    texts.sort();
    let mut out = Vec::new();
    for path in texts {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let stem = name.rsplit_once('.').map_or(name.as_str(), |x| x.0);
        let truth_path = dir.join(format!("{stem}.truth.json"));
        assert!(
            truth_path.exists(),
            "{name} has no truth file ({}) — every corpus text is compared",
            truth_path.display()
        );
        let truth: Value =
            serde_json::from_str(&std::fs::read_to_string(&truth_path).unwrap()).unwrap();
        out.push(score(&path, &truth));
    }
    out
}

/// Prints the table and checks the gates; returns the failures.
fn gate(folder: &str, scores: &[Score], files: usize, exact_aim: usize) -> Vec<String> {
    let mut failures = Vec::new();
    let (mut cells, mut right, mut wrong, mut exact, mut found, mut real) = (0, 0, 0, 0, 0, 0);
    for s in scores {
        cells += s.cells;
        right += s.right;
        wrong += s.wrong.len();
        exact += usize::from(s.exact());
        found += s.found();
        real += s.want_err.len();
        say(&format!(
            "  {folder}/{}: {}/{} cells, {} wrong, {} unread, errors {}/{} found{}{}{}",
            s.name,
            s.right,
            s.cells,
            s.wrong.len(),
            s.unread,
            s.found(),
            s.want_err.len(),
            if s.also_true.is_empty() {
                String::new()
            } else {
                format!(" (and {:?}, broken by the truth's own cells)", s.also_true)
            },
            if s.false_errors().is_empty() {
                String::new()
            } else {
                format!(", FALSE {:?}", s.false_errors())
            },
            if s.exact() { " — exact" } else { "" }
        ));
        if !s.wrong.is_empty() {
            failures.push(format!(
                "{folder}/{}: {} WRONG NUMBERS: {}",
                s.name,
                s.wrong.len(),
                s.wrong.join("; ")
            ));
        }
        if !s.false_errors().is_empty() {
            failures.push(format!(
                "{folder}/{}: error findings the truth does not list: {:?}",
                s.name,
                s.false_errors()
            ));
        }
    }
    say(&format!(
        "corpus {folder}: {} files compared, {exact} read exactly, cells {right}/{cells}, wrong numbers {wrong}, real errors found {found}/{real}",
        scores.len()
    ));
    if scores.len() != files {
        failures.push(format!(
            "{folder}: {} files compared, expected {files}",
            scores.len()
        ));
    }
    if exact < exact_aim {
        failures.push(format!(
            "{folder}: {exact} of {} reports read exactly, aim {exact_aim}",
            scores.len()
        ));
    }
    failures
}

#[test]
fn corpus_matches_truth_or_skips_loudly() {
    let Some(dir) = corpus_dir("corpus_matches_truth") else {
        return;
    };
    let scores = score_folder(&dir);
    let failures = gate("corpus", &scores, CORPUS_FILES, CORPUS_EXACT_AIM);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_flat_matches_truth_or_skips_loudly() {
    let Some(dir) = corpus_dir("corpus_flat_matches_truth") else {
        return;
    };
    let scores = score_folder(&dir.join("flat"));
    let mut failures = gate("flat", &scores, FLAT_FILES, FLAT_EXACT_AIM);
    let real: usize = scores.iter().map(|s| s.want_err.len()).sum();
    let found: usize = scores.iter().map(Score::found).sum();
    if real != FLAT_REAL_ERRORS || found != real {
        failures.push(format!(
            "flat: real errors found {found} of {real} (the truth lists {FLAT_REAL_ERRORS})"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

// ------------------------------------------------------------------ the seed report

/// The seed report's text with its line breaks replaced (`"\n"` → `nl`), optionally one
/// cell changed first.
fn seed(dir: &Path, nl: &str, change: Option<(&str, &str)>) -> String {
    let mut text =
        std::fs::read_to_string(dir.join("pingdingshan-police-2024.tsv.txt")).expect("seed report");
    if let Some((from, to)) = change {
        assert!(text.contains(from), "seed text holds {from:?}");
        text = text.replacen(from, to, 1);
    }
    text.replace("\r\n", "\n").replace('\n', nl)
}

/// Runs the CLI on `text`; returns (exit code, stdout).
fn cli(text: &str, tag: &str) -> (Option<i32>, String) {
    let path = std::env::temp_dir().join(format!("gouji-seed-{tag}-{}.txt", std::process::id()));
    std::fs::write(&path, text).expect("temp file");
    let out = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .arg("check")
        .arg(&path)
        .output()
        .expect("run gouji");
    let _ = std::fs::remove_file(&path);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

/// UNABLE_2 (2.没有现成信息需要另行制作), natural persons: 5 in the report, changed to 6.
const CHANGE: (&str, &str) = (
    "2.没有现成信息需要另行制作\t5\t",
    "2.没有现成信息需要另行制作\t6\t",
);

#[test]
fn seed_report_collapsed_reads_190_of_190_or_skips_loudly() {
    let Some(dir) = corpus_dir("seed_report_collapsed") else {
        return;
    };
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("pingdingshan-police-2024.tsv.truth.json")).unwrap(),
    )
    .unwrap();
    let mut failures = Vec::new();
    for (nl, how) in [(" ", "line breaks → spaces"), ("", "line breaks removed")] {
        let text = seed(&dir, nl, None);
        let path = std::env::temp_dir().join(format!("gouji-seed-score-{}.txt", nl.len()));
        std::fs::write(&path, &text).unwrap();
        let s = score(&path, &truth);
        let _ = std::fs::remove_file(&path);
        say(&format!(
            "seed report, {how}: {}/{} cells, {} wrong, errors {:?}",
            s.right,
            s.cells,
            s.wrong.len(),
            s.got_err
        ));
        if s.cells != 190 || s.right != 190 {
            failures.push(format!(
                "{how}: {}/{} cells read right (want 190/190); wrong: {:?}",
                s.right, s.cells, s.wrong
            ));
        }
        if !s.got_err.is_empty() {
            failures.push(format!("{how}: error findings {:?}", s.got_err));
        }
        let (code, out) = cli(&text, &format!("ok{}", nl.len()));
        if code != Some(0) {
            failures.push(format!(
                "{how}: `gouji check` exits {code:?}, want 0\n{}",
                out.lines().rev().take(3).collect::<Vec<_>>().join("\n")
            ));
        }
        // One number changed: the error names that cell, and only it.
        let changed = seed(&dir, nl, Some(CHANGE));
        let r = gouji::check(&changed);
        let errs: Vec<_> = r
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .collect();
        let names = |f: &gouji::Finding| {
            f.suspects.len() == 1
                && f.suspects[0].table == TableId::Applications
                && f.suspects[0].row == "UNABLE_2"
                && f.suspects[0].column == "NP"
        };
        if errs.is_empty()
            || !errs.iter().all(|f| names(f))
            || !errs
                .iter()
                .any(|f| f.suggested.and_then(|v| v.as_i64()) == Some(5))
        {
            failures.push(format!(
                "{how}, UNABLE_2.NP 5 → 6: errors {:?}",
                errs.iter()
                    .map(|f| format!(
                        "{}[{}] suspects {:?} suggested {:?}",
                        f.rule,
                        f.instance,
                        f.suspects
                            .iter()
                            .map(|c| format!("{}.{}", c.row, c.column))
                            .collect::<Vec<_>>(),
                        f.suggested.map(|v| v.to_string())
                    ))
                    .collect::<Vec<_>>()
            ));
        }
        let (code, out) = cli(&changed, &format!("changed{}", nl.len()));
        if code != Some(1) || !out.contains("应为 5") {
            failures.push(format!(
                "{how}, UNABLE_2.NP 5 → 6: `gouji check` exits {code:?} (want 1) and says 应为 5: {}",
                out.contains("应为 5")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
