//! The JS API's values against the generated JSON Schemas (`schema/*.schema.json`), in the
//! wasm tests: a small validator over `JsValue` for the keywords those schemas use. It is
//! stricter than the schema in two ways that matter for JS: a property that is present
//! must be declared (so a field the schema does not know is noticed), and no value may be
//! `undefined`. A keyword it does not know fails the check instead of being skipped, so a
//! schema change cannot quietly leave parts unchecked.
#![allow(dead_code)]

use wasm_bindgen::{JsCast, JsValue};

pub const REPORT_SCHEMA: &str = include_str!("../../schema/report.schema.json");
pub const RULES_SCHEMA: &str = include_str!("../../schema/rules.schema.json");

/// Validates `value` against the schema text; returns every problem found (empty: valid).
pub fn problems(schema_text: &str, value: &JsValue) -> Vec<String> {
    let root = match js_sys::JSON::parse(schema_text) {
        Ok(root) => root,
        Err(_) => return vec!["the schema is not JSON".into()],
    };
    let mut out = Vec::new();
    check(&root, &root, value, "$", &mut out);
    out
}

/// Panics with the problems (at most ten) when `value` does not fit the schema.
pub fn assert_valid(schema_text: &str, value: &JsValue, what: &str) {
    let p = problems(schema_text, value);
    assert!(
        p.is_empty(),
        "{what}: {} schema problem(s): {:?}",
        p.len(),
        &p[..p.len().min(10)]
    );
}

fn get(v: &JsValue, key: &str) -> Option<JsValue> {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .filter(|x| !x.is_undefined())
}

fn keys(v: &JsValue) -> Vec<String> {
    v.dyn_ref::<js_sys::Object>()
        .map(|o| {
            js_sys::Object::keys(o)
                .iter()
                .filter_map(|k| k.as_string())
                .collect()
        })
        .unwrap_or_default()
}

fn is_object(v: &JsValue) -> bool {
    v.is_object() && !js_sys::Array::is_array(v)
}

fn has_type(v: &JsValue, t: &str) -> bool {
    match t {
        "object" => is_object(v),
        "array" => js_sys::Array::is_array(v),
        "string" => v.is_string(),
        "boolean" => v.as_bool().is_some(),
        "null" => v.is_null(),
        // The JS API may give a BigInt for a number beyond ±2^53 (www/report.d.ts: Num).
        "number" => v.as_f64().is_some_and(f64::is_finite) || v.is_bigint(),
        "integer" => {
            v.as_f64()
                .is_some_and(|f| f.is_finite() && f.fract() == 0.0)
                || v.is_bigint()
        }
        _ => false,
    }
}

const KNOWN: &[&str] = &[
    "$schema",
    "$id",
    "$defs",
    "$ref",
    "title",
    "description",
    // An annotation: what a reader of JSON without the field may assume; no constraint.
    "default",
    "format",
    "type",
    "enum",
    "const",
    "anyOf",
    "oneOf",
    "properties",
    "required",
    "items",
    "minimum",
    "pattern",
];

fn check(root: &JsValue, schema: &JsValue, v: &JsValue, at: &str, out: &mut Vec<String>) {
    if v.is_undefined() {
        out.push(format!("{at}: undefined"));
        return;
    }
    for k in keys(schema) {
        if !KNOWN.contains(&k.as_str()) {
            out.push(format!(
                "{at}: the test validator does not know keyword {k}"
            ));
        }
    }
    if let Some(r) = get(schema, "$ref").and_then(|r| r.as_string()) {
        let target = r
            .strip_prefix("#/$defs/")
            .and_then(|name| get(&get(root, "$defs")?, name));
        match target {
            Some(t) => check(root, &t, v, at, out),
            None => out.push(format!("{at}: unresolved $ref {r}")),
        }
    }
    if let Some(t) = get(schema, "type") {
        let types: Vec<String> = if js_sys::Array::is_array(&t) {
            js_sys::Array::from(&t)
                .iter()
                .filter_map(|x| x.as_string())
                .collect()
        } else {
            t.as_string().into_iter().collect()
        };
        if !types.iter().any(|t| has_type(v, t)) {
            out.push(format!("{at}: not of type {types:?}: {v:?}"));
            return;
        }
    }
    if let Some(e) = get(schema, "enum") {
        if !js_sys::Array::from(&e)
            .iter()
            .any(|x| js_sys::Object::is(&x, v))
        {
            out.push(format!("{at}: {v:?} not one of {e:?}"));
        }
    }
    if let Some(c) = get(schema, "const") {
        if !js_sys::Object::is(&c, v) {
            out.push(format!("{at}: {v:?} is not {c:?}"));
        }
    }
    if let Some(alts) = get(schema, "anyOf") {
        let fits = js_sys::Array::from(&alts).iter().any(|alt| {
            let mut p = Vec::new();
            check(root, &alt, v, at, &mut p);
            p.is_empty()
        });
        if !fits {
            out.push(format!("{at}: fits none of anyOf: {v:?}"));
        }
    }
    if let Some(alts) = get(schema, "oneOf") {
        let fitting = js_sys::Array::from(&alts)
            .iter()
            .filter(|alt| {
                let mut p = Vec::new();
                check(root, alt, v, at, &mut p);
                p.is_empty()
            })
            .count();
        if fitting != 1 {
            out.push(format!(
                "{at}: fits {fitting} of oneOf (not exactly one): {v:?}"
            ));
        }
    }
    if let Some(min) = get(schema, "minimum").and_then(|m| m.as_f64()) {
        if v.as_f64().is_some_and(|f| f < min) {
            out.push(format!("{at}: below the minimum {min}"));
        }
    }
    if let Some(p) = get(schema, "pattern").and_then(|p| p.as_string()) {
        if let Some(s) = v.as_string() {
            if !js_sys::RegExp::new(&p, "u").test(&s) {
                out.push(format!("{at}: {s:?} does not match {p}"));
            }
        }
    }
    if is_object(v) {
        if let Some(req) = get(schema, "required") {
            for k in js_sys::Array::from(&req)
                .iter()
                .filter_map(|k| k.as_string())
            {
                if get(v, &k).is_none() {
                    out.push(format!("{at}: required property {k} missing"));
                }
            }
        }
        if let Some(props) = get(schema, "properties") {
            for k in keys(v) {
                let value = js_sys::Reflect::get(v, &JsValue::from_str(&k)).unwrap_or_default();
                match get(&props, &k) {
                    Some(s) => check(root, &s, &value, &format!("{at}.{k}"), out),
                    None => out.push(format!("{at}.{k}: not declared in the schema")),
                }
            }
        }
    }
    if js_sys::Array::is_array(v) {
        if let Some(items) = get(schema, "items") {
            for (i, x) in js_sys::Array::from(v).iter().enumerate() {
                check(root, &items, &x, &format!("{at}[{i}]"), out);
            }
        }
    }
}
