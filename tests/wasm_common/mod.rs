//! Shared by tests/wasm_node.rs and tests/wasm_browser.rs: the JS API (through a JsValue
//! round trip) must give the same report as the engine called directly in the same binary.
#![cfg(target_arch = "wasm32")]
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};

pub mod schema;

/// The fictional example report of the page (one deliberate error: （七）总计·自然人 = 85).
pub const EXAMPLE: &str = include_str!("../../www/example.txt");
/// The same report with the error fixed.
pub const CONSISTENT: &str = include_str!("../e2e/fixtures/consistent.txt");
/// A fictional 2019-format report with one error.
pub const REPORT_2019: &str = include_str!("../fixtures/yunxi-2019.txt");
/// A fictional report read only partly (Table 4 absent, a row with a number missing).
pub const PARTIAL: &str = include_str!("../fixtures/baishi-2024-partial.txt");
/// Prose without any statistical table.
pub const NO_TABLES: &str = include_str!("../fixtures/no-tables.txt");

fn get(v: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(key)).expect("property")
}

fn num(v: &JsValue, key: &str) -> Option<f64> {
    get(v, key).as_f64()
}

/// Compares the JS report with the native one: summary, format, year, findings and cells.
pub fn assert_same(js: &JsValue, native: &gouji::Report) {
    assert!(js.is_object(), "report is a plain object");
    assert!(
        !get(js, "tables").is_instance_of::<js_sys::Map>(),
        "maps are objects"
    );
    let s = get(js, "summary");
    let ns = native.summary;
    for (k, n) in [
        ("errors", ns.errors),
        ("warnings", ns.warnings),
        ("infos", ns.infos),
        ("checks", ns.checks),
        ("passed", ns.passed),
        ("failed", ns.failed),
        ("cannot_check", ns.cannot_check),
        ("not_applicable", ns.not_applicable),
    ] {
        assert_eq!(num(&s, k), Some(n as f64), "summary.{k}");
    }
    assert_eq!(get(js, "format").as_string(), native.format);
    assert_eq!(num(js, "year"), native.year.map(f64::from));
    // None must arrive as null, not undefined
    if native.title.is_none() {
        assert!(get(js, "title").is_null());
    }
    let findings = js_sys::Array::from(&get(js, "findings"));
    assert_eq!(findings.length() as usize, native.findings.len());
    for (i, f) in native.findings.iter().enumerate() {
        let jf = findings.get(i as u32);
        assert_eq!(
            get(&jf, "rule").as_string().as_deref(),
            Some(f.rule.as_str())
        );
        assert_eq!(
            get(&jf, "instance").as_string().as_deref(),
            Some(f.instance.as_str())
        );
        assert_eq!(num(&jf, "expected"), f.expected.map(|n| n.as_f64()));
        assert_eq!(num(&jf, "actual"), f.actual.map(|n| n.as_f64()));
        let suspects = js_sys::Array::from(&get(&jf, "suspects"));
        assert_eq!(suspects.length() as usize, f.suspects.len());
        let msg = get(&jf, "message");
        assert_eq!(
            get(&msg, "zh").as_string().as_deref(),
            Some(f.message.zh.as_str())
        );
    }
    let tables = get(js, "tables");
    for id in gouji::TableId::ALL {
        let cells = js_sys::Array::from(&get(&tables, id.key()));
        let native_cells = native.tables.get(id);
        assert_eq!(
            cells.length() as usize,
            native_cells.len(),
            "cells of {}",
            id.key()
        );
        for (i, c) in native_cells.iter().enumerate() {
            let jc = cells.get(i as u32);
            assert_eq!(get(&jc, "row").as_string().as_deref(), Some(c.row.as_ref()));
            assert_eq!(
                get(&jc, "column").as_string().as_deref(),
                Some(c.column.as_ref())
            );
            assert_eq!(num(&jc, "value"), c.value.map(|n| n.as_f64()));
            match c.span {
                Some(sp) => assert_eq!(num(&get(&jc, "span"), "start"), Some(sp.start as f64)),
                None => assert!(get(&jc, "span").is_undefined()),
            }
        }
    }
}

/// A JS grid (string[][][]) from tab-separated text tables.
pub fn js_grids(tables: &[&str]) -> JsValue {
    let outer = js_sys::Array::new();
    for t in tables {
        let rows = js_sys::Array::new();
        for line in t.lines() {
            let row = js_sys::Array::new();
            for cell in line.split('\t') {
                row.push(&JsValue::from_str(cell));
            }
            rows.push(&row);
        }
        outer.push(&rows);
    }
    outer.into()
}

pub fn native_grids(tables: &[&str]) -> Vec<gouji::GridTable> {
    tables
        .iter()
        .map(|t| gouji::GridTable {
            rows: t
                .lines()
                .map(|l| l.split('\t').map(str::to_string).collect())
                .collect(),
        })
        .collect()
}

/// Table 3 of the example as its own block of lines.
pub fn example_table3() -> String {
    let start = EXAMPLE.find("（本列数据").expect("table 3 start");
    let end = EXAMPLE
        .find("\n\n四、政府信息公开行政复议")
        .expect("table 3 end");
    EXAMPLE[start..end].to_string()
}

/// `check()` of the JS API (never throws for text).
pub fn api_check(text: &str) -> JsValue {
    gouji::wasm::check(text)
        .map_err(JsValue::from)
        .expect("check never throws")
}
