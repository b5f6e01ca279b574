//! Inputs that are not reports, or only pieces of one: never a panic, clear notes,
//! `recognised == false` where nothing was found.

use crate::common::*;
use gouji::{Report, Status, TableId};

fn assert_unrecognised(r: &Report, what: &str) {
    assert!(!r.recognised, "{what}: recognised");
    assert!(r.partial, "{what}: partial");
    assert!(!r.notes.is_empty(), "{what}: no note");
    assert!(
        r.notes
            .iter()
            .all(|n| !n.message.zh.is_empty() && !n.message.en.is_empty()),
        "{what}: empty note text"
    );
    assert!(
        errors(r).is_empty(),
        "{what}: error findings\n{}",
        describe(r)
    );
}

#[test]
fn empty_and_whitespace() {
    for (what, s) in [
        ("empty", ""),
        ("spaces", "   "),
        ("lines", "\n\n\t\r\n\u{3000}\n"),
    ] {
        let r = gouji::check(s);
        assert_unrecognised(&r, what);
        assert!(r.notes.iter().any(|n| n.code == "INPUT-EMPTY"), "{what}");
    }
}

#[test]
fn binary_ish_bytes() {
    let bytes: Vec<u8> = (0..20_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let s = String::from_utf8_lossy(&bytes);
    let r = gouji::check(&s);
    assert_unrecognised(&r, "binary");
    assert!(r.notes.iter().any(|n| n.code == "NO-TABLE"));
}

#[test]
fn ten_megabytes_of_text_finishes() {
    let para = "本机关坚持以公开为常态、不公开为例外，全年主动公开政府信息 168 条，其中 2024 年 1 月 1 日起施行。\n";
    let mut s = String::new();
    while s.len() < 10 * 1024 * 1024 {
        s.push_str(para);
    }
    let t = std::time::Instant::now();
    let r = gouji::check(&s);
    println!(
        "10 MB prose: {:?}, recognised={}",
        t.elapsed(),
        r.recognised
    );
    assert!(!r.recognised);
    // The same size with a real report at the end is still read.
    let mut big = s.clone();
    big.push_str(&Fixture::f2021().render(Layout::Tab));
    let r = gouji::check(&big);
    println!(
        "10 MB prose + report: {:?}, recognised={}",
        t.elapsed(),
        r.recognised
    );
}

#[test]
fn too_large_input_is_refused_with_a_note() {
    let s = "0".repeat(gouji::MAX_INPUT + 1);
    let r = gouji::check(&s);
    assert!(!r.recognised);
    assert!(r.notes.iter().any(|n| n.code == "INPUT-TOO-LARGE"));
}

#[test]
fn only_one_table() {
    let f = Fixture::f2021();
    let text = f.render_with(
        Layout::Tab,
        Opts {
            prose: false,
            furniture: false,
        },
    );
    let t4_start = text.find("行政复议\t").unwrap();
    let t3_start = text.find("（本列数据").unwrap();
    let only_t4 = &text[t4_start..];
    let r = gouji::check(only_t4);
    assert!(r.recognised);
    assert!(errors(&r).is_empty(), "{}", describe(&r));
    assert_eq!(
        r.tables.review.iter().filter(|c| c.value.is_some()).count(),
        15
    );
    assert_eq!(check_status(&r, "R30", "applications"), Some(Status::Fail));
    assert_eq!(check_status(&r, "R10", "REV"), Some(Status::Pass));
    let only_t3 = &text[t3_start..t4_start];
    let r = gouji::check(only_t3);
    assert!(r.recognised);
    assert!(errors(&r).is_empty(), "{}", describe(&r));
    assert_eq!(r.format.as_deref(), Some("2021"));
    assert_eq!(check_status(&r, "R30", "review"), Some(Status::Fail));
}

#[test]
fn only_numbers() {
    let f = Fixture::f2021();
    let mut s = String::new();
    for (_, v) in &f.t3 {
        let row: Vec<String> = v.iter().map(|x| x.to_string()).collect();
        s.push_str(&row.join("\t"));
        s.push('\n');
    }
    let r = gouji::check(&s);
    assert!(errors(&r).is_empty(), "{}", describe(&r));
    assert!(!r.notes.is_empty() || !r.recognised);
}

#[test]
fn table_cut_in_half() {
    let f = Fixture::f2021();
    for layout in [Layout::Tab, Layout::Spaces] {
        let text = f.render(layout);
        let cut = text.find("4.保护第三方").unwrap();
        let r = gouji::check(&text[..cut]);
        assert!(r.recognised, "{layout:?}");
        assert!(r.partial, "{layout:?}");
        // Whatever was read is right, and nothing not read is called an error.
        for c in &r.tables.applications {
            if let Some(v) = c.value {
                assert_eq!(
                    v.as_i64(),
                    Some(f.t3_get(&c.row, &c.column)),
                    "{layout:?} {}.{}",
                    c.row,
                    c.column
                );
            }
        }
        assert!(errors(&r).is_empty(), "{layout:?}\n{}", describe(&r));
        assert_eq!(check_status(&r, "R30", "review"), Some(Status::Fail));
    }
}

#[test]
fn lines_with_a_thousand_tabs() {
    let line = "\t".repeat(1000);
    let mut s = String::new();
    for _ in 0..200 {
        s.push_str(&line);
        s.push('\n');
    }
    let r = gouji::check(&s);
    assert!(!r.recognised);
    // The same tabs inside a real report.
    let text = Fixture::f2021().render(Layout::Tab);
    let r = gouji::check(&text.replace("（二）依申请公开", &format!("{line}（二）依申请公开")));
    assert!(r.recognised);
    // A row of 1000 cells: only must not panic (its last 7 cells are read).
    let wide = format!("一、本年新收政府信息公开申请数量{line}1\n");
    let r = gouji::check(&wide);
    assert!(r.recognised);
}

#[test]
fn glued_run_of_two_hundred_digits() {
    let digits: String = (0..200)
        .map(|i| char::from(b'0' + (i * 7 % 10) as u8))
        .collect();
    for s in [
        format!("一、本年新收政府信息公开申请数量{digits}\n"),
        format!("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n一、本年新收政府信息公开申请数量{digits}\n"),
        format!("行政复议\t行政诉讼\n{digits}\n"),
        digits.clone(),
    ] {
        let r = gouji::check(&s);
        assert!(errors(&r).is_empty(), "{}", describe(&r));
        for c in r.tables.applications.iter().chain(&r.tables.review) {
            assert!(c.value.is_none_or(|v| v.as_i64().is_some_and(|i| i < 10i64.pow(13))));
        }
    }
}

#[test]
fn deeply_repeated_labels() {
    let mut s = String::new();
    for _ in 0..5_000 {
        s.push_str(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t申请人情况\n",
        );
        s.push_str("三、本年度办理结果\t（一）予以公开\t1.属于国家秘密\t行政复议\t复议后起诉\t第二十条第（一）项\n");
    }
    let t = std::time::Instant::now();
    let r = gouji::check(&s);
    println!("repeated labels: {:?}", t.elapsed());
    assert!(errors(&r).is_empty(), "{}", describe(&r));
    // A real report repeated 50 times.
    let one = Fixture::f2021().render(Layout::Tab);
    let r = gouji::check(&one.repeat(50));
    assert!(r.recognised);
}

#[test]
fn pre_2019_report_is_refused() {
    let s = "2017年某局政府信息公开工作年度报告\n申请总数\t12\n同意公开答复数\t8\n否决公开答复总数\t1\n";
    let r = gouji::check(s);
    assert!(!r.recognised);
    assert!(r.notes.iter().any(|n| n.code == "FORMAT-PRE-2019"));
}

/// A tab row with one non-numeric cell ("十二") must keep its columns: the engine drops
/// the cell, reads the 6 remaining numbers as NP…OT (shifted left, read Assumed) and
/// 总计 as blank, so R2/R3 fail on numbers that are right.
#[test]
fn unreadable_cell_is_cannot_check_not_an_error() {
    let mut f = Fixture::f2021();
    f.set_raw(TableId::Applications, "GRANT", "NP", "十二");
    let r = gouji::check(&f.render(Layout::Tab));
    assert_eq!(check_status(&r, "R3", "GRANT"), Some(Status::CannotCheck));
    assert_eq!(check_status(&r, "R2", "NP"), Some(Status::CannotCheck));
    assert!(r.partial);
    assert!(errors(&r).is_empty(), "{}", describe(&r));
}

/// "约12" (about 12) in an explicit tab cell is read as exactly 12 (the glued-digit rule
/// for PDF text takes "约" for a label), silently.
#[test]
fn approximate_cell_is_not_read_as_exact() {
    let mut f = Fixture::f2021();
    f.set_raw(TableId::Applications, "GRANT", "NP", "约12");
    let r = gouji::check(&f.render(Layout::Tab));
    let c = r.tables.find(TableId::Applications, "GRANT", "NP").unwrap();
    assert_eq!(c.value, None, "raw={:?} read={:?}", c.raw, c.read);
}
