//! The JavaScript API (compiled only for `wasm32`): a thin serde bridge over the engine.
//!
//! No rule logic lives here. Every function returns plain JS data: structs become objects,
//! maps become objects (not `Map`), `None` becomes `null`. Byte offsets in spans are left as
//! the engine gives them; the page converts them to UTF-16 offsets for the textarea.
//!
//! ```js
//! import init, { check, checkGrid, rules, version } from './pkg/gouji.js';
//! await init();
//! const report = check(text);               // Report
//! const same = checkGrid([[['一、本年新收…', '23', …], …]]);  // tables as string grids
//! ```
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::GridTable;

// The TypeScript declarations of the API live in `www/gouji.d.ts` (the build passes
// --no-typescript), which re-exports the report types generated from src/model.rs into
// `www/report.d.ts`; the `unchecked_*_type` names below refer to them.

/// Serialises engine output as plain JSON-like JS values. A number beyond ±2^53 (only in a
/// hostile or broken paste) cannot be a JS number: the whole value is then serialised again
/// with such numbers as `BigInt`, rather than failing.
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    value
        .serialize(&ser)
        .or_else(|_| value.serialize(&ser.serialize_large_number_types_as_bigints(true)))
        .map_err(|e| JsError::new(&format!("gouji: cannot convert the result: {e}")))
}

/// Checks a pasted report (the whole text or only its tables). Never throws for any text.
#[wasm_bindgen(js_name = check, unchecked_return_type = "Report")]
pub fn check(text: &str) -> Result<JsValue, JsError> {
    #[cfg(feature = "test-hooks")]
    if text == TRAP_INPUT {
        trap_for_test();
    }
    to_js(&crate::check(text))
}

/// With the `test-hooks` feature only: checking exactly this text traps the module, as an
/// engine bug would, so the page's recovery path can be tested end to end.
#[cfg(feature = "test-hooks")]
pub const TRAP_INPUT: &str = "gouji:test-hooks:trap";

/// Checks tables read from clipboard HTML: an array of tables, each an array of rows,
/// each an array of cell strings (spans already expanded). Throws on any other shape.
/// With `context` (the text pasted with them), the title and year are read from it and
/// the report gives no positions (they would point into the grids, not into the text).
#[wasm_bindgen(js_name = checkGrid, unchecked_return_type = "Report")]
pub fn check_grid(
    #[wasm_bindgen(unchecked_param_type = "Grid[]")] tables: JsValue,
    context: Option<String>,
) -> Result<JsValue, JsError> {
    let grids = grids_from_js(&tables)?;
    match context {
        Some(text) => to_js(&crate::check_grid_in(&grids, &text)),
        None => to_js(&crate::check_grid(&grids)),
    }
}

/// string[][][] → grids, walked with js-sys: serde's deserializer would pull float
/// formatting (for its error messages) into the module for nothing.
fn grids_from_js(value: &JsValue) -> Result<Vec<GridTable>, JsError> {
    let bad = |what: &str| JsError::new(&format!("gouji: checkGrid expects string[][][]: {what}"));
    let array = |v: &JsValue, what: &str| {
        v.dyn_ref::<js_sys::Array>()
            .cloned()
            .ok_or_else(|| bad(what))
    };
    array(value, "not an array of tables")?
        .iter()
        .map(|table| {
            let rows = array(&table, "a table is not an array of rows")?
                .iter()
                .map(|row| {
                    array(&row, "a row is not an array of cells")?
                        .iter()
                        .map(|cell| {
                            cell.as_string()
                                .ok_or_else(|| bad("a cell is not a string"))
                        })
                        .collect::<Result<Vec<String>, JsError>>()
                })
                .collect::<Result<Vec<Vec<String>>, JsError>>()?;
            Ok(GridTable { rows })
        })
        .collect()
}

/// The rule catalogue (id, severity, formula, official wording, description).
#[wasm_bindgen(js_name = rules, unchecked_return_type = "RuleInfo[]")]
pub fn rules() -> Result<JsValue, JsError> {
    to_js(&crate::rules())
}

/// The official forms' rows, columns and labels (zh and English), for drawing the tables.
#[wasm_bindgen(js_name = forms, unchecked_return_type = "Forms")]
pub fn forms() -> Result<JsValue, JsError> {
    to_js(&crate::forms())
}

/// The engine version, e.g. "0.1.0".
#[wasm_bindgen(js_name = version)]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Traps the module on purpose, exactly as an engine bug would (panics abort on wasm32).
/// Only for the page's recovery test (the page must notice, reload the module and keep the
/// user's text): compiled only with the `test-hooks` feature, into the test build of the
/// page (`scripts/build.sh --test-hooks`), never into the module that ships.
#[cfg(feature = "test-hooks")]
fn trap_for_test() {
    core::arch::wasm32::unreachable()
}
