//! The JS API in Node.js (wasm-bindgen-test's default mode): same report as the native engine.
#![cfg(target_arch = "wasm32")]
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

mod wasm_common;
use wasm_common::*;

#[wasm_bindgen_test]
fn check_matches_native_on_the_example() {
    let js = api_check(EXAMPLE);
    assert_same(&js, &gouji::check(EXAMPLE));
}

#[wasm_bindgen_test]
fn check_matches_native_on_a_consistent_report() {
    let js = api_check(CONSISTENT);
    assert_same(&js, &gouji::check(CONSISTENT));
}

#[wasm_bindgen_test]
fn check_grid_matches_native() {
    let t3 = example_table3();
    let js = gouji::wasm::check_grid(js_grids(&[&t3]), None)
        .map_err(JsValue::from)
        .expect("grid accepted");
    assert_same(&js, &gouji::check_grid(&native_grids(&[&t3])));
}

#[wasm_bindgen_test]
fn check_grid_rejects_a_wrong_shape() {
    let err = gouji::wasm::check_grid(JsValue::from_f64(3.0), None)
        .map(|_| ())
        .unwrap_err();
    let err: JsValue = err.into();
    let msg = js_sys::Reflect::get(&err, &JsValue::from_str("message")).unwrap();
    assert!(msg.as_string().unwrap_or_default().contains("checkGrid"));
}

#[wasm_bindgen_test]
fn rules_and_version() {
    let rules = js_sys::Array::from(&gouji::wasm::rules().map_err(JsValue::from).unwrap());
    assert_eq!(rules.length() as usize, gouji::rules().len());
    assert_eq!(gouji::wasm::version(), gouji::VERSION);
}

#[wasm_bindgen_test]
fn hostile_and_odd_input_never_throws() {
    for text in [
        "",
        "\u{feff}",
        "<img src=x onerror=alert(1)>",
        "一、本年新收政府信息公开申请数量\t99999999999999999999\t1",
        "一、本年新收政府信息公开申请数量\t12345678901234567\t1\t0\t0\t0\t0\t12345678901234568",
    ] {
        let js = api_check(text);
        assert!(js.is_object());
    }
}

/// Every kind of report the JS API gives fits the generated schema (and declares nothing
/// more): an error, a pass, a 2019 report, a partial read, no table, odd input, a grid.
#[wasm_bindgen_test]
fn reports_fit_the_schema() {
    for (what, text) in [
        ("example", EXAMPLE),
        ("consistent", CONSISTENT),
        ("2019", REPORT_2019),
        ("partial", PARTIAL),
        ("no tables", NO_TABLES),
        ("empty", ""),
        (
            "beyond 2^53",
            "一、本年新收政府信息公开申请数量\t12345678901234567\t1\t0\t0\t0\t0\t12345678901234568",
        ),
    ] {
        let js = api_check(text);
        schema::assert_valid(schema::REPORT_SCHEMA, &js, what);
        assert_same(&js, &gouji::check(text));
    }
    let t3 = example_table3();
    let js = gouji::wasm::check_grid(js_grids(&[&t3]), None)
        .map_err(JsValue::from)
        .expect("grid accepted");
    schema::assert_valid(schema::REPORT_SCHEMA, &js, "checkGrid");
    let rules = gouji::wasm::rules().map_err(JsValue::from).expect("rules");
    schema::assert_valid(schema::RULES_SCHEMA, &rules, "rules()");
}

/// The test validator is not a pass-everything: it sees a missing field, a wrong type, a
/// wrong enum value and an undeclared field.
#[wasm_bindgen_test]
fn the_schema_check_can_fail() {
    let set = |v: &JsValue, k: &str, x: &JsValue| {
        js_sys::Reflect::set(v, &JsValue::from_str(k), x).expect("set");
    };
    let report = || api_check(EXAMPLE);
    let r = report();
    js_sys::Reflect::delete_property(
        r.unchecked_ref::<js_sys::Object>(),
        &JsValue::from_str("partial"),
    )
    .expect("delete");
    assert!(!schema::problems(schema::REPORT_SCHEMA, &r).is_empty());
    let r = report();
    set(&r, "year", &JsValue::from_str("2024"));
    assert!(!schema::problems(schema::REPORT_SCHEMA, &r).is_empty());
    let r = report();
    set(&r, "format", &JsValue::from_str("2020"));
    assert!(!schema::problems(schema::REPORT_SCHEMA, &r).is_empty());
    let r = report();
    set(&r, "surprise", &JsValue::TRUE);
    assert!(!schema::problems(schema::REPORT_SCHEMA, &r).is_empty());
    let r = report();
    let cell = js_sys::Array::from(
        &js_sys::Reflect::get(
            &js_sys::Reflect::get(&r, &JsValue::from_str("tables")).expect("tables"),
            &JsValue::from_str("applications"),
        )
        .expect("cells"),
    )
    .get(0);
    set(&cell, "read", &JsValue::from_str("guessed"));
    assert!(!schema::problems(schema::REPORT_SCHEMA, &r).is_empty());
}

#[wasm_bindgen_test]
fn forms_and_rule_explanations_reach_js() {
    let forms = gouji::wasm::forms().map_err(JsValue::from).unwrap();
    let rows = js_sys::Reflect::get(&forms, &JsValue::from_str("applications_rows")).unwrap();
    assert_eq!(
        js_sys::Array::from(&rows).length() as usize,
        gouji::forms().applications_rows.len()
    );
    let rules = js_sys::Array::from(&gouji::wasm::rules().map_err(JsValue::from).unwrap());
    let explain = js_sys::Reflect::get(&rules.get(0), &JsValue::from_str("explain")).unwrap();
    assert!(explain.is_object());
}

#[wasm_bindgen_test]
fn check_grid_with_context_keeps_title_and_year() {
    let t3 = example_table3();
    let js = gouji::wasm::check_grid(
        js_grids(&[&t3]),
        Some("青禾市示例局 2024 年政府信息公开工作年度报告\n正文".into()),
    )
    .map_err(JsValue::from)
    .expect("grid accepted");
    let year = js_sys::Reflect::get(&js, &JsValue::from_str("year")).unwrap();
    assert_eq!(year.as_f64(), Some(2024.0));
}
