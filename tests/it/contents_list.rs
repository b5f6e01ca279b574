//! An introduction that lists the section titles (a table of contents) before the real
//! sections must not be taken for the tables, even when a table is missing.

use crate::common::*;
use gouji::TableId;

const TOC: &str =
    "目录\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\
四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n\n";

fn with_toc(text: &str) -> String {
    format!("{TOC}{text}")
}

fn read(r: &gouji::Report, t: TableId) -> usize {
    r.table_info
        .iter()
        .find(|i| i.table == t)
        .map_or(0, |i| i.cells_read)
}

#[test]
fn contents_list_before_a_full_report() {
    for layout in [Layout::Tab, Layout::Spaces, Layout::Pipes] {
        let r = gouji::check(&with_toc(&Fixture::f2021().render(layout)));
        assert_eq!(r.summary.errors, 0, "{layout:?}: {:?}", r.findings);
        assert_eq!(read(&r, TableId::Applications), 175, "{layout:?}");
        assert_eq!(read(&r, TableId::Review), 15, "{layout:?}");
    }
}

#[test]
fn contents_list_and_no_table_3_still_finds_table_4() {
    let mut f = Fixture::f2021();
    f.omit.push(TableId::Applications);
    let r = gouji::check(&with_toc(&f.render(Layout::Tab)));
    let review = r
        .table_info
        .iter()
        .find(|i| i.table == TableId::Review)
        .expect("review info");
    assert!(review.found);
    assert_eq!(review.cells_read, 15);
    let apps = r
        .table_info
        .iter()
        .find(|i| i.table == TableId::Applications)
        .expect("apps info");
    assert!(!apps.found);
}
