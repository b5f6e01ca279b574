//! The JS API in headless Chromium (via chromedriver): same report as the native engine.
#![cfg(target_arch = "wasm32")]
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod wasm_common;
use wasm_common::*;

#[wasm_bindgen_test]
fn check_in_browser_matches_native() {
    let has_document =
        js_sys::Reflect::has(&js_sys::global(), &JsValue::from_str("document")).unwrap();
    assert!(has_document, "really in a browser");
    assert_same(&api_check(EXAMPLE), &gouji::check(EXAMPLE));
    assert_same(&api_check(CONSISTENT), &gouji::check(CONSISTENT));
    for (what, text) in [
        ("example", EXAMPLE),
        ("2019", REPORT_2019),
        ("partial", PARTIAL),
    ] {
        schema::assert_valid(schema::REPORT_SCHEMA, &api_check(text), what);
    }
}

#[wasm_bindgen_test]
fn check_grid_in_browser_matches_native() {
    let t3 = example_table3();
    let js = gouji::wasm::check_grid(js_grids(&[&t3]), None)
        .map_err(JsValue::from)
        .expect("grid accepted");
    assert_same(&js, &gouji::check_grid(&native_grids(&[&t3])));
}
