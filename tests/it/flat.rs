//! The project's own fixtures for the shapes real pasted text takes when its line breaks
//! are gone (web-page text, scrapers, chat apps, "copy all"): whole report on one line, glued cells, spaces in the wrong places,
//! numbering glued to the last cell, header words split or glued, Table 4 as one run,
//! ideographic spaces, rows without digits, six numbers for seven cells, section-four
//! heading variants, a fifth (fees) table, a browser selection copy, Table 2 with units in
//! both formats, two real-error cases, a label row in half-width punctuation, two rows on
//! one line and a block of labels printed apart from their rows (`tests/fixtures/flat/`); and column-wise PDF
//! text, one that fits, one whose number count does not, and one whose Table 2 prints two
//! labels and then their two numbers (`tests/fixtures/column-major/`).
//! All of them are fictional agencies (青禾市示例局, 青禾县某某局), written for the project.
//!
//! `NAME.expect.json` gives every cell of the three tables: a number (or a decimal as a
//! string) that must be read exactly, `null` for a blank cell (read `blank`), `"?"` for a
//! cell the text does not give (it must stay unread: no value). Every other cell read with
//! a value is a wrong number. `errors` lists the failing error rule instances exactly;
//! `checks` (optional) pins the status of some rule instances ("R3/GRANT": "cannot_check").

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use gouji::{Num, Report, Severity, TableId};
use serde_json::Value;

fn dir(sub: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(sub)
}

fn status_name(s: gouji::Status) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn read_name(c: &gouji::Cell) -> String {
    serde_json::to_value(c.read)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// What is wrong with the engine's reading of one fixture (empty: all right), and the
/// counts (cells right, cells expected, wrong numbers).
fn check_fixture(path: &Path) -> (Vec<String>, usize, usize, usize) {
    let text = std::fs::read_to_string(path).expect("fixture text");
    let exp: Value = serde_json::from_str(
        &std::fs::read_to_string(path.with_extension("expect.json")).expect("expect file"),
    )
    .expect("expect json");
    let rep = gouji::check(&text);
    let mut bad = Vec::new();
    let (mut right, mut total, mut wrong) = (0, 0, 0);
    if rep.format.as_deref() != exp["format"].as_str() {
        bad.push(format!("format {:?}, want {}", rep.format, exp["format"]));
    }
    let mut listed: BTreeSet<(TableId, String, String)> = BTreeSet::new();
    for t in TableId::ALL {
        let Some(rows) = exp[t.key()].as_object() else {
            continue;
        };
        for (row, cols) in rows {
            for (col, want) in cols.as_object().expect("columns") {
                listed.insert((t, row.clone(), col.clone()));
                total += 1;
                let cell = rep.tables.find(t, row, col);
                let got = cell.and_then(|c| c.value);
                let how = cell.map(read_name).unwrap_or_else(|| "absent".into());
                let ok = match want {
                    Value::Null => got.is_none() && how == "blank",
                    Value::String(s) if s == "?" => got.is_none(),
                    Value::String(s) => got == Num::parse(s),
                    Value::Number(n) => got == Num::parse(&n.to_string()),
                    _ => panic!("bad expectation {want}"),
                };
                if ok {
                    right += 1;
                    continue;
                }
                let is_wrong = got.is_some()
                    && match want {
                        Value::String(s) if s == "?" => true,
                        Value::Null => true,
                        Value::String(s) => got != Num::parse(s),
                        Value::Number(n) => got != Num::parse(&n.to_string()),
                        _ => false,
                    };
                if is_wrong {
                    wrong += 1;
                }
                bad.push(format!(
                    "{}{} {row}.{col}: read {} ({how}, raw {:?}), want {want}",
                    if is_wrong { "WRONG NUMBER " } else { "" },
                    t.key(),
                    got.map_or("nothing".to_string(), |v| v.to_string()),
                    cell.map(|c| c.raw.as_str()).unwrap_or("")
                ));
            }
        }
    }
    // A value in a cell the fixture does not have is a wrong number too.
    for t in TableId::ALL {
        for c in rep.tables.get(t) {
            if c.value.is_some() && !listed.contains(&(t, c.row.to_string(), c.column.to_string()))
            {
                wrong += 1;
                bad.push(format!(
                    "WRONG NUMBER {} {}.{}: read {:?} in a cell the report does not have",
                    t.key(),
                    c.row,
                    c.column,
                    c.value.map(|v| v.to_string())
                ));
            }
        }
    }
    let want_err: BTreeSet<(String, String)> = exp["errors"]
        .as_array()
        .expect("errors")
        .iter()
        .map(|p| {
            (
                p[0].as_str().expect("rule").to_string(),
                p[1].as_str().expect("instance").to_string(),
            )
        })
        .collect();
    let got_err: BTreeSet<(String, String)> = rep
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .map(|f| (f.rule.to_string(), f.instance.clone()))
        .collect();
    if got_err != want_err {
        bad.push(format!("error findings {:?}, want {:?}", got_err, want_err));
    }
    if let Some(checks) = exp["checks"].as_object() {
        for (key, want) in checks {
            let (rule, inst) = key.split_once('/').expect("RULE/INSTANCE");
            let got = rep
                .checks
                .iter()
                .find(|c| c.rule == rule && c.instance == inst)
                .map(|c| status_name(c.status));
            if got.as_deref() != want.as_str() {
                bad.push(format!("check {key}: {got:?}, want {want}"));
            }
        }
    }
    if !bad.is_empty() {
        bad.push(describe(&rep));
    }
    (bad, right, total, wrong)
}

fn describe(r: &Report) -> String {
    let mut s = String::from("  findings and notes:");
    for f in r
        .findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .take(8)
    {
        s.push_str(&format!(
            "\n    {} {:?} [{}] {}",
            f.rule,
            f.severity,
            f.instance,
            f.message.en.chars().take(120).collect::<String>()
        ));
    }
    for n in r.notes.iter().take(8) {
        s.push_str(&format!(
            "\n    note {} {}",
            n.code,
            n.message.en.chars().take(120).collect::<String>()
        ));
    }
    s
}

fn run(sub: &str, name: &str) {
    let path = dir(sub).join(format!("{name}.txt"));
    let (bad, right, total, wrong) = check_fixture(&path);
    println!("{sub}/{name}: {right}/{total} cells as expected, {wrong} wrong numbers");
    assert!(
        bad.is_empty(),
        "{sub}/{name}: {right}/{total} cells as expected, {wrong} wrong numbers\n{}",
        bad.join("\n")
    );
}

macro_rules! fixtures {
    ($sub:literal: $($test:ident => $name:literal),* $(,)?) => {
        $(
            #[test]
            fn $test() {
                run($sub, $name);
            }
        )*
    };
}

fixtures! { "flat":
    one_line_spaces => "one-line-spaces",
    glued_cells => "glued-cells",
    spaces_wrong => "spaces-wrong",
    numbering_glued => "numbering-glued",
    header_words => "header-words",
    review_run => "review-run",
    ideographic => "ideographic",
    no_digit_rows => "no-digit-rows",
    six_numbers => "six-numbers",
    heading_because => "heading-because",
    heading_and => "heading-and",
    fees_table => "fees-table",
    selection_copy => "selection-copy",
    t2_units_2019 => "t2-units-2019",
    t2_units_2021 => "t2-units-2021",
    error_total_column => "error-total-column",
    error_total_row => "error-total-row",
    halfwidth_label => "halfwidth-label",
    merged_rows => "merged-rows",
    label_block => "label-block",
}

fixtures! { "column-major":
    column_major_fits => "qinghe-city-column-major",
    column_major_misfit => "qinghe-city-column-major-misfit",
    column_major_t2_apart => "qinghe-city-column-major-t2-apart",
}

/// Every fixture in the folders has its test above (none skipped silently).
#[test]
fn every_fixture_has_a_test() {
    let src =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/it/flat.rs"))
            .expect("tests/it/flat.rs");
    let mut n = 0;
    for sub in ["flat", "column-major"] {
        for e in std::fs::read_dir(dir(sub)).expect("fixture folder") {
            let p = e.expect("entry").path();
            let name = p.file_name().and_then(|x| x.to_str()).unwrap_or("");
            if let Some(stem) = name.strip_suffix(".txt") {
                n += 1;
                assert!(
                    src.contains(&format!("=> \"{stem}\"")),
                    "{sub}/{name} has no test in tests/it/flat.rs"
                );
                assert!(
                    p.with_extension("expect.json").exists(),
                    "{sub}/{name} has no expect file"
                );
            }
        }
    }
    assert_eq!(n, 23, "fixture count");
}
