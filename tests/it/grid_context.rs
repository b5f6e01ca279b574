//! Tables pasted as HTML arrive as grids; the text pasted with them gives the title and
//! the year, and the report gives no positions (they would point into the grids).
use gouji::GridTable;

const EXAMPLE: &str = include_str!("../../www/example.txt");

/// The example's tab-separated table rows as one grid per table block.
fn grids() -> Vec<GridTable> {
    vec![GridTable {
        rows: EXAMPLE
            .lines()
            .filter(|l| l.contains('\t'))
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect(),
    }]
}

#[test]
fn title_and_year_come_from_the_surrounding_text() {
    let plain = gouji::check_grid(&grids());
    let with = gouji::check_grid_in(&grids(), EXAMPLE);
    assert_eq!(with.year, Some(2024));
    assert_eq!(
        with.title.as_deref(),
        Some("青禾市示例局 2024 年政府信息公开工作年度报告")
    );
    // the tables read the same
    for id in gouji::TableId::ALL {
        let vals = |r: &gouji::Report| {
            r.tables
                .get(id)
                .iter()
                .map(|c| (c.row.to_string(), c.column.to_string(), c.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(vals(&with), vals(&plain));
    }
    assert_eq!(with.verdict.message.zh, "1 处数字对不上");
}

#[test]
fn no_position_points_into_the_grids() {
    let r = gouji::check_grid_in(&grids(), EXAMPLE);
    for id in gouji::TableId::ALL {
        assert!(r
            .tables
            .get(id)
            .iter()
            .all(|c| c.span.is_none() && c.line.is_none()));
    }
    assert!(r.findings.iter().all(|f| f.span.is_none()));
    assert!(r.table_info.iter().all(|i| i.line.is_none()));
}

#[test]
fn the_report_names_its_agency_as_the_batch_summary_does() {
    let text = gouji::check(EXAMPLE);
    assert_eq!(text.agency.as_deref(), Some("青禾市示例局"));
    // the same name when the tables arrive as grids with the text around them
    let grid = gouji::check_grid_in(&grids(), EXAMPLE);
    assert_eq!(grid.agency, text.agency);
    assert_eq!(
        text.agency,
        gouji::agency::report_agency(text.title.as_deref(), EXAMPLE)
    );
    assert_eq!(gouji::check("").agency, None);
    // no title and no agency in the first lines: none is invented
    let tables_only: String = EXAMPLE
        .lines()
        .filter(|l| l.contains('\t'))
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(gouji::check(&tables_only).agency, None);
}
