//! Every layout of the fictional report reads every cell exactly, gives no error finding,
//! and tells format and year; grids give the same cells as their tab text; glued digits
//! are split only when the split is unique.

use crate::common::*;
use gouji::{Cell, ReadHow, Report, Status, TableId};

fn cell<'a>(r: &'a Report, t: TableId, row: &str, col: &str) -> &'a Cell {
    r.tables
        .find(t, row, col)
        .unwrap_or_else(|| panic!("cell {t:?} {row}.{col} not in report"))
}

/// Compares every cell of the three tables with the fixture; returns the Table 3 rows
/// that were (expectedly) not read because their glued digits are ambiguous.
fn assert_cells(f: &Fixture, layout: Layout, text: &str, r: &Report) -> Vec<&'static str> {
    let ctx = format!("{layout:?} {:?}", f.fmt);
    let mut ambiguous = Vec::new();
    assert_eq!(
        r.tables.applications.len(),
        t3_rows(f.fmt).len() * 7,
        "{ctx}: Table 3 cell count"
    );
    for row in t3_rows(f.fmt) {
        let v = f.row(row);
        let glued_ambiguous = layout == Layout::Glued && glued_splits(&glued_digits(&v)) != 1;
        if glued_ambiguous {
            ambiguous.push(row);
        }
        for (i, col) in T3_COLS.iter().enumerate() {
            let c = cell(r, TableId::Applications, row, col);
            if glued_ambiguous {
                // Several splits fit the row sum: only the column sums may decide, and
                // then the value must be the right one; otherwise it stays unread.
                let got = c.value.and_then(|n| n.as_i64());
                assert!(
                    got.is_none() || got == Some(v[i]),
                    "{ctx}: ambiguous glued {row}.{col} read as {got:?}, truth {}",
                    v[i]
                );
                continue;
            }
            let got = c.value.and_then(|n| n.as_i64());
            assert_eq!(got, Some(v[i]), "{ctx}: {row}.{col} raw={:?}", c.raw);
            let want_read = match layout {
                Layout::Glued if glued_digits(&v).len() == 7 => ReadHow::OneDigit,
                Layout::Glued => ReadHow::SplitGlued,
                Layout::DashZero if v[i] == 0 => ReadHow::DashZero,
                _ => ReadHow::Number,
            };
            assert_eq!(c.read, want_read, "{ctx}: {row}.{col} read");
            let span = c
                .span
                .unwrap_or_else(|| panic!("{ctx}: {row}.{col} has no span"));
            assert_eq!(
                &text[span.start..span.end],
                c.raw,
                "{ctx}: {row}.{col} span"
            );
            assert_eq!(c.line, Some(span.line));
        }
    }
    assert_eq!(r.tables.review.len(), 15, "{ctx}: Table 4 cell count");
    for row in T4_ROWS {
        for col in T4_COLS {
            let c = cell(r, TableId::Review, row, col);
            let got = c.value.and_then(|n| n.as_i64());
            assert_eq!(got, Some(f.t4_get(row, col)), "{ctx}: T4 {row}.{col}");
            let span = c.span.expect("T4 span");
            assert_eq!(
                &text[span.start..span.end],
                c.raw,
                "{ctx}: T4 {row}.{col} span"
            );
        }
    }
    for r2 in &f.t2 {
        for (col, _) in &r2.cols {
            let c = cell(r, TableId::Active, r2.key, col);
            let want = f.t2_expected(r2.key, col).unwrap();
            let got = c.value.map(|n| n.to_string());
            assert_eq!(
                got.as_deref(),
                Some(want.as_str()),
                "{ctx}: T2 {}.{col}",
                r2.key
            );
        }
    }
    ambiguous
}

fn run_layout(f: &Fixture, layout: Layout, opts: Opts) {
    let text = f.render_with(layout, opts);
    let r = gouji::check(&text);
    let ctx = format!(
        "{layout:?} {:?} prose={} furniture={}",
        f.fmt, opts.prose, opts.furniture
    );
    assert!(r.recognised, "{ctx}: not recognised");
    assert!(
        errors(&r).is_empty(),
        "{ctx}: error findings\n{}",
        describe(&r)
    );
    assert_eq!(r.format.as_deref(), Some(f.fmt.key()), "{ctx}: format");
    if opts.prose {
        assert_eq!(r.year, Some(f.year), "{ctx}: year");
        assert_eq!(check_status(&r, "R28", "year"), Some(Status::Pass), "{ctx}");
    } else {
        assert_eq!(r.year, None, "{ctx}: no year without prose");
    }
    for t in TableId::ALL {
        assert_eq!(
            check_status(&r, "R30", t.key()),
            Some(Status::Pass),
            "{ctx}: {t:?}"
        );
    }
    let ambiguous = assert_cells(f, layout, &text, &r);
    if layout == Layout::Glued {
        for row in t3_rows(f.fmt) {
            let st = check_status(&r, "R3", row);
            // A run of exactly seven digits is read one digit per cell and its row sum
            // stays checkable; a longer run is split by that sum, which then cannot be
            // checked.
            let want = if glued_digits(&f.row(row)).len() == 7 {
                Status::Pass
            } else {
                Status::CannotCheck
            };
            assert_eq!(st, Some(want), "{ctx}: glued R3 {row}");
        }
        let unread: Vec<&str> = ambiguous
            .iter()
            .copied()
            .filter(|row| cell(&r, TableId::Applications, row, "NP").value.is_none())
            .collect();
        if !unread.is_empty() {
            assert!(
                r.notes.iter().any(|n| n.code == "READ-ROW-UNPLACED"),
                "{ctx}: unread ambiguous rows {unread:?} need a note"
            );
            assert!(r.partial);
        }
    } else {
        assert!(!r.partial, "{ctx}: partial\n{}", describe(&r));
        for c in &r.checks {
            if c.severity == gouji::Severity::Error {
                assert!(
                    matches!(c.status, Status::Pass | Status::NotApplicable),
                    "{ctx}: {} {} is {:?}",
                    c.rule,
                    c.instance,
                    c.status
                );
            }
        }
    }
}

#[test]
fn every_layout_2021_reads_every_cell() {
    let f = Fixture::f2021();
    for layout in Layout::ALL {
        run_layout(&f, layout, Opts::default());
    }
}

#[test]
fn every_layout_2019_reads_every_cell() {
    let f = Fixture::f2019();
    for layout in Layout::ALL {
        run_layout(&f, layout, Opts::default());
    }
}

#[test]
fn every_layout_without_prose_and_headings() {
    for f in [Fixture::f2021(), Fixture::f2019()] {
        for layout in Layout::ALL {
            run_layout(
                &f,
                layout,
                Opts {
                    prose: false,
                    furniture: false,
                },
            );
        }
    }
}

#[test]
fn page_furniture_inside_table_3() {
    for f in [Fixture::f2021(), Fixture::f2019()] {
        for layout in [
            Layout::Tab,
            Layout::Spaces,
            Layout::Pipes,
            Layout::TabCompact,
            Layout::Lines,
        ] {
            let opts = Opts {
                prose: true,
                furniture: true,
            };
            assert!(f.render_with(layout, opts).contains("— 4 —"));
            run_layout(&f, layout, opts);
        }
    }
}

#[test]
fn layout_is_reported_in_table_info() {
    let f = Fixture::f2021();
    for (layout, name) in [
        (Layout::Tab, "tab"),
        (Layout::Spaces, "spaces"),
        (Layout::Pipes, "pipes"),
    ] {
        let r = gouji::check(&f.render(layout));
        let info = r
            .table_info
            .iter()
            .find(|i| i.table == TableId::Applications)
            .unwrap();
        assert!(info.found);
        assert_eq!(info.layout.as_deref(), Some(name), "{layout:?}");
        assert_eq!(info.cells_read, 175);
        assert_eq!(info.cells_expected, 175);
    }
}

#[test]
fn grid_gives_the_same_cells_as_tab_text() {
    for f in [Fixture::f2021(), Fixture::f2019()] {
        let grid = gouji::check_grid(&f.grids());
        let text = gouji::check(&f.render_with(
            Layout::Tab,
            Opts {
                prose: false,
                furniture: false,
            },
        ));
        assert!(errors(&grid).is_empty(), "{}", describe(&grid));
        assert_eq!(grid.format, text.format);
        for t in TableId::ALL {
            let (a, b) = (grid.tables.get(t), text.tables.get(t));
            assert_eq!(a.len(), b.len(), "{t:?}");
            assert!(!a.is_empty());
            for (x, y) in a.iter().zip(b) {
                assert_eq!((&x.row, &x.column), (&y.row, &y.column));
                assert_eq!(x.value, y.value, "{t:?} {}.{}", x.row, x.column);
                assert_eq!(x.raw, y.raw);
                assert_eq!(x.read, y.read);
            }
        }
        // And the grid matches the fixture itself.
        for row in t3_rows(f.fmt) {
            for (i, col) in T3_COLS.iter().enumerate() {
                let c = cell(&grid, TableId::Applications, row, col);
                assert_eq!(c.value.and_then(|n| n.as_i64()), Some(f.row(row)[i]));
            }
        }
    }
}

#[test]
fn glued_row_is_split_and_its_row_sum_cannot_be_checked() {
    // "二、上年结转政府信息公开申请数量5100006" in an otherwise spaced table.
    let f = Fixture::f2021();
    let v = f.row("CARRY_IN");
    let text = f.render(Layout::Spaces);
    let spaced: Vec<String> = v.iter().map(|x| x.to_string()).collect();
    let tail = format!("数量 {}\n", spaced.join(" "));
    assert_eq!(text.matches(&tail).count(), 1, "{text}");
    let digits = glued_digits(&v);
    assert_eq!(
        glued_splits(&digits),
        1,
        "fixture CARRY_IN row must split uniquely"
    );
    let glued = text.replace(&tail, &format!("数量{digits}\n"));
    let r = gouji::check(&glued);
    for (i, col) in T3_COLS.iter().enumerate() {
        let c = cell(&r, TableId::Applications, "CARRY_IN", col);
        assert_eq!(c.read, ReadHow::SplitGlued, "{col}");
        assert_eq!(c.value.and_then(|n| n.as_i64()), Some(v[i]));
    }
    assert_eq!(
        check_status(&r, "R3", "CARRY_IN"),
        Some(Status::CannotCheck)
    );
    assert_eq!(check_status(&r, "R3", "GRANT"), Some(Status::Pass));
    assert_eq!(check_status(&r, "R1", "NP"), Some(Status::Pass));
    assert!(errors(&r).is_empty(), "{}", describe(&r));
}

#[test]
fn seed_style_glued_row() {
    // The brief's example: 23 new applications, all from natural persons.
    let mut f = Fixture::f2021();
    for (_, v) in f.t3.iter_mut() {
        *v = [0; 7];
    }
    f.t3_set("GRANT", "NP", 23);
    f.balance();
    assert_eq!(glued_digits(&f.row("NEW")), "230000023");
    let r = gouji::check(&f.render(Layout::Glued));
    let c = cell(&r, TableId::Applications, "NEW", "NP");
    assert_eq!(c.read, ReadHow::SplitGlued);
    assert_eq!(c.value.and_then(|n| n.as_i64()), Some(23));
    assert_eq!(c.raw, "23");
    assert!(errors(&r).is_empty(), "{}", describe(&r));
}

#[test]
fn ambiguous_glued_row_is_never_guessed() {
    // 11,0,0,0,0,0,11 and 1,10,0,0,0,0,11 both fit "110000011".
    let mut f = Fixture::f2021();
    for (_, v) in f.t3.iter_mut() {
        *v = [0; 7];
    }
    f.t3_set("GRANT", "NP", 11);
    f.balance();
    assert_eq!(glued_digits(&f.row("NEW")), "110000011");
    assert_eq!(glued_splits("110000011"), 2);
    let r = gouji::check(&f.render(Layout::Glued));
    for col in T3_COLS {
        let c = cell(&r, TableId::Applications, "NEW", col);
        assert_eq!(c.value, None, "NEW.{col} must not be guessed: {:?}", c.raw);
        assert_ne!(c.read, ReadHow::SplitGlued);
    }
    assert_eq!(check_status(&r, "R3", "NEW"), Some(Status::CannotCheck));
    assert_eq!(check_status(&r, "R1", "NP"), Some(Status::CannotCheck));
    assert!(r.notes.iter().any(|n| n.code == "READ-AMBIGUOUS-ROW"));
    assert!(r.partial);
    assert!(errors(&r).is_empty(), "{}", describe(&r));
}
