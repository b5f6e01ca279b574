//! Changing any single Table 3 or Table 4 number of a consistent report must give at
//! least one error finding whose suspects include that cell.

use crate::common::*;
use gouji::{Severity, TableId};

/// (layout, format, table, row, col, delta) of every change that was not caught.
fn sweep(f: &Fixture, layout: Layout) -> (usize, usize, Vec<String>) {
    let mut tried = 0;
    let mut caught = 0;
    let mut missed = Vec::new();
    let mut cells: Vec<(TableId, &str, &str)> = Vec::new();
    for row in t3_rows(f.fmt) {
        for col in T3_COLS {
            cells.push((TableId::Applications, row, col));
        }
    }
    for row in T4_ROWS {
        for col in T4_COLS {
            cells.push((TableId::Review, row, col));
        }
    }
    for (t, row, col) in cells {
        for delta in [1, 7] {
            let mut g = f.clone();
            match t {
                TableId::Applications => g.t3_set(row, col, f.t3_get(row, col) + delta),
                _ => g.t4_set(row, col, f.t4_get(row, col) + delta),
            }
            let r = gouji::check(&g.render(layout));
            tried += 1;
            let hit = r
                .findings
                .iter()
                .any(|x| x.severity == Severity::Error && has_suspect(x, t, row, col));
            // The cell was read as changed (else the test would prove nothing).
            let read = r.tables.find(t, row, col).and_then(|c| c.value?.as_i64());
            let want = match t {
                TableId::Applications => g.t3_get(row, col),
                _ => g.t4_get(row, col),
            };
            assert_eq!(read, Some(want), "{layout:?} {row}.{col} +{delta} not read");
            if hit {
                caught += 1;
            } else {
                missed.push(format!(
                    "{layout:?} {:?} {t:?} {row}.{col} +{delta}:\n{}",
                    f.fmt,
                    describe(&r)
                ));
            }
        }
    }
    (tried, caught, missed)
}

fn run(f: Fixture, layout: Layout) {
    let (tried, caught, missed) = sweep(&f, layout);
    println!(
        "single-cell detection {layout:?} {:?}: {caught}/{tried} ({:.1}%)",
        f.fmt,
        100.0 * caught as f64 / tried as f64
    );
    assert!(
        missed.is_empty(),
        "{} missed:\n{}",
        missed.len(),
        missed.join("\n")
    );
}

#[test]
fn every_cell_tab_2021() {
    run(Fixture::f2021(), Layout::Tab);
}

#[test]
fn every_cell_spaces_2021() {
    run(Fixture::f2021(), Layout::Spaces);
}

#[test]
fn every_cell_tab_2019() {
    run(Fixture::f2019(), Layout::Tab);
}

#[test]
fn every_cell_spaces_2019() {
    run(Fixture::f2019(), Layout::Spaces);
}

#[test]
fn every_cell_pipes_and_lines_2021() {
    run(Fixture::f2021(), Layout::Pipes);
    run(Fixture::f2021(), Layout::Lines);
}

#[test]
fn suspects_are_exact_for_an_outcome_cell() {
    // One wrong outcome cell: R2 of its column and R3 of its row fail and agree on it.
    let mut f = Fixture::f2021();
    f.t3_set("NOTPROC_2", "BE", f.t3_get("NOTPROC_2", "BE") + 1);
    let r = gouji::check(&f.render(Layout::Tab));
    let errs = errors(&r);
    let rules: Vec<&str> = errs.iter().map(|x| x.rule.as_str()).collect();
    assert!(
        rules.contains(&"R2") && rules.contains(&"R3"),
        "{}",
        describe(&r)
    );
    for x in errs {
        assert_eq!(x.suspects.len(), 1, "{}", describe(&r));
        assert!(has_suspect(x, TableId::Applications, "NOTPROC_2", "BE"));
    }
}
