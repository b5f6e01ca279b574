//! The one description of the JSON the engine gives, generated from the Rust types
//! (native builds only; the wasm never contains it).
//!
//! The types of [`crate::model`] (and [`crate::RuleInfo`]) derive `schemars::JsonSchema`,
//! with their doc comments as descriptions. From them this module makes:
//!
//! - `schema/report.schema.json`: the report (`gouji check --format json`, the JS API's
//!   `check()`/`checkGrid()`),
//! - `schema/rules.schema.json`: the rule catalogue (`gouji rules --format json`, `rules()`),
//! - `www/gouji/report.d.ts`: TypeScript declarations of both, derived from the same schemas
//!   (imported by the hand-written API declarations in `www/gouji/gouji.d.ts`).
//!
//! `cargo run --example schema` writes the three files; `tests/schema.rs` fails while a
//! committed file differs from what the types give.
//!
//! Schemas describe what is serialised: a field is required unless serde skips it when
//! empty, and an optional field is never `null` when present.

use schemars::generate::SchemaSettings;
use serde_json::{Map, Value};

use crate::{Report, RuleInfo, SCHEMA_VERSION};

/// The command that rewrites the generated files (quoted by the drift test).
pub const REGENERATE: &str = "cargo run --example schema";

/// Every generated file: its path from the crate root, and its text.
pub fn files() -> Result<Vec<(&'static str, String)>, serde_json::Error> {
    let report = report_schema();
    let rules = rules_schema();
    Ok(vec![
        ("schema/report.schema.json", pretty(&report)?),
        ("schema/rules.schema.json", pretty(&rules)?),
        ("www/gouji/report.d.ts", typescript(&report, &rules)),
    ])
}

fn pretty(v: &Value) -> Result<String, serde_json::Error> {
    Ok(serde_json::to_string_pretty(v)? + "\n")
}

/// The schema of one report.
pub fn report_schema() -> Value {
    let root = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Report>();
    finish(
        root.to_value(),
        &format!("gouji-report-v{SCHEMA_VERSION}"),
        &format!("gouji report (schema_version {SCHEMA_VERSION})"),
        None,
    )
}

/// The schema of the rule catalogue (an array of [`RuleInfo`]).
pub fn rules_schema() -> Value {
    let root = SchemaSettings::draft2020_12()
        .for_serialize()
        .into_generator()
        .into_root_schema_for::<Vec<RuleInfo>>();
    finish(
        root.to_value(),
        &format!("gouji-rules-v{SCHEMA_VERSION}"),
        "gouji rule catalogue",
        Some("What `gouji rules --format json` prints and what the JS API rules() returns: every rule the engine knows, in catalogue order."),
    )
}

/// Puts `$schema`, `$id`, title and description first, and tidies optional fields.
fn finish(mut root: Value, id: &str, title: &str, description: Option<&str>) -> Value {
    optional_never_null(&mut root);
    one_line_descriptions(&mut root);
    no_integer_formats(&mut root);
    let Value::Object(mut map) = root else {
        return root;
    };
    let mut out = Map::new();
    if let Some(s) = map.remove("$schema") {
        out.insert("$schema".into(), s);
    }
    out.insert("$id".into(), id.into());
    out.insert("title".into(), title.into());
    map.remove("title");
    match description {
        Some(d) => {
            out.insert("description".into(), d.into());
            map.remove("description");
        }
        None => {
            if let Some(d) = map.remove("description") {
                out.insert("description".into(), d);
            }
        }
    }
    out.extend(map);
    Value::Object(out)
}

/// Doc comments are wrapped at 100 columns in the source; a description is one line per
/// paragraph.
fn one_line_descriptions(v: &mut Value) {
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                match child {
                    Value::String(s) if k == "description" => {
                        *s = s
                            .split("\n\n")
                            .map(|p| p.split('\n').map(str::trim).collect::<Vec<_>>().join(" "))
                            .collect::<Vec<_>>()
                            .join("\n\n");
                    }
                    _ => one_line_descriptions(child),
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(one_line_descriptions),
        _ => {}
    }
}

/// schemars names the Rust integer type in `format` ("uint", "int32"): not formats JSON
/// Schema defines, and strict validators (Ajv) refuse unknown ones. `minimum: 0` stays.
fn no_integer_formats(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let integer = |f: &str| {
                let digits = f.trim_start_matches('u').trim_start_matches("int");
                (f.starts_with("int") || f.starts_with("uint"))
                    && digits.chars().all(|c| c.is_ascii_digit())
            };
            if map
                .get("format")
                .and_then(Value::as_str)
                .is_some_and(integer)
            {
                map.remove("format");
            }
            map.values_mut().for_each(no_integer_formats);
        }
        Value::Array(items) => items.iter_mut().for_each(no_integer_formats),
        _ => {}
    }
}

/// A field that serde skips when empty (not in `required`) is never `null` when present:
/// drop the `null` that `Option` brings.
fn optional_never_null(v: &mut Value) {
    match v {
        Value::Object(map) => {
            let required: Vec<String> = map
                .get("required")
                .and_then(Value::as_array)
                .map(|r| {
                    r.iter()
                        .filter_map(Value::as_str)
                        .map(String::from)
                        .collect()
                })
                .unwrap_or_default();
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    if !required.contains(name) {
                        drop_null(prop);
                    }
                }
            }
            for child in map.values_mut() {
                optional_never_null(child);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(optional_never_null),
        _ => {}
    }
}

fn drop_null(prop: &mut Value) {
    let Value::Object(map) = prop else { return };
    if let Some(Value::Array(types)) = map.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            map.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(values)) = map.get_mut("enum") {
        values.retain(|v| !v.is_null());
    }
    let is_null = |s: &Value| s.get("type").and_then(Value::as_str) == Some("null");
    if let Some(Value::Array(alts)) = map.get_mut("anyOf") {
        alts.retain(|s| !is_null(s));
        if alts.len() == 1 {
            if let Value::Object(only) = alts.remove(0) {
                map.remove("anyOf");
                for (k, v) in only {
                    map.entry(k).or_insert(v);
                }
            }
        }
    }
}

// ---- TypeScript -----------------------------------------------------------------------

/// Types whose TypeScript differs from what their schema says: in the JS API an exact
/// number beyond ±2^53 cannot be a JS number.
const TS_OVERRIDES: &[(&str, &str)] = &[("Num", "number | bigint")];

/// `www/gouji/report.d.ts`: one declaration per schema definition, the report first.
pub fn typescript(report: &Value, rules: &Value) -> String {
    let mut out = String::from(
        "// GENERATED by `cargo run --example schema` from the engine's Rust types (src/model.rs,\n\
         // RuleInfo in src/lib.rs) through schema/report.schema.json and schema/rules.schema.json.\n\
         // Do not edit: change the types or their doc comments and regenerate (tests/schema.rs\n\
         // fails while this file differs). Re-exported by www/gouji/gouji.d.ts.\n",
    );
    let mut done: Vec<String> = Vec::new();
    let mut declare = |name: &str, schema: &Value, out: &mut String| {
        if done.iter().any(|d| d == name) {
            return;
        }
        done.push(name.to_string());
        out.push('\n');
        out.push_str(&declaration(name, schema));
    };
    declare("Report", report, &mut out);
    for (name, def) in defs(report) {
        declare(name, def, &mut out);
    }
    for (name, def) in defs(rules) {
        declare(name, def, &mut out);
    }
    out
}

fn defs(root: &Value) -> Vec<(&str, &Value)> {
    root.get("$defs")
        .and_then(Value::as_object)
        .map(|m| m.iter().map(|(k, v)| (k.as_str(), v)).collect())
        .unwrap_or_default()
}

/// The name a `$ref` points at (`#/$defs/Cell` → `Cell`).
fn type_name(schema: &Value) -> String {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.rsplit('/').next())
        .unwrap_or("unknown")
        .to_string()
}

fn declaration(name: &str, schema: &Value) -> String {
    let mut out = String::new();
    let description = schema.get("description").and_then(Value::as_str);
    if let Some((_, ts)) = TS_OVERRIDES.iter().find(|(n, _)| *n == name) {
        out.push_str(&doc(description, &[], ""));
        out.push_str(&format!("export type {name} = {ts};\n"));
        return out;
    }
    if let Some(props) = schema.get("properties").and_then(Value::as_object) {
        out.push_str(&doc(description, &[], ""));
        out.push_str(&format!("export interface {name} {{\n"));
        out.push_str(&members(schema, props, "  "));
        out.push_str("}\n");
        return out;
    }
    // An enum whose values have their own descriptions: list them in the comment.
    let variants: Vec<String> = schema
        .get("oneOf")
        .and_then(Value::as_array)
        .map(|alts| {
            alts.iter()
                .filter_map(|a| {
                    let d = a.get("description")?.as_str()?;
                    Some(format!("{}: {}", literal(a.get("const")?), d))
                })
                .collect()
        })
        .unwrap_or_default();
    out.push_str(&doc(description, &variants, ""));
    out.push_str(&format!("export type {name} = {};\n", ts_type(schema, "")));
    out
}

fn members(schema: &Value, props: &Map<String, Value>, indent: &str) -> String {
    let required: Vec<&str> = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let mut out = String::new();
    for (name, prop) in props {
        let description = prop.get("description").and_then(Value::as_str);
        out.push_str(&doc(description, &[], indent));
        let optional = if required.contains(&name.as_str()) {
            ""
        } else {
            "?"
        };
        out.push_str(&format!(
            "{indent}{}{optional}: {};\n",
            property_name(name),
            ts_type(prop, indent)
        ));
    }
    out
}

fn property_name(name: &str) -> String {
    let ident = name.chars().enumerate().all(|(i, c)| {
        c == '_' || c == '$' || c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit())
    });
    if ident && !name.is_empty() {
        name.to_string()
    } else {
        literal(&Value::String(name.to_string()))
    }
}

/// A TypeScript literal for a JSON value (strings single-quoted).
fn literal(v: &Value) -> String {
    match v {
        Value::String(s) => format!("'{}'", s.replace('\\', "\\\\").replace('\'', "\\'")),
        other => other.to_string(),
    }
}

fn ts_type(schema: &Value, indent: &str) -> String {
    let union = |parts: Vec<String>| {
        let mut seen: Vec<String> = Vec::new();
        for p in parts {
            if !seen.contains(&p) {
                seen.push(p);
            }
        }
        if seen.is_empty() {
            "never".to_string()
        } else {
            seen.join(" | ")
        }
    };
    match schema {
        Value::Bool(true) => return "unknown".into(),
        Value::Bool(false) => return "never".into(),
        _ => {}
    }
    if schema.get("$ref").is_some() {
        return type_name(schema);
    }
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return union(values.iter().map(literal).collect());
    }
    if let Some(c) = schema.get("const") {
        return literal(c);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(alts) = schema.get(key).and_then(Value::as_array) {
            return union(alts.iter().map(|a| ts_type(a, indent)).collect());
        }
    }
    let types: Vec<&str> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.as_str()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).collect(),
        _ => return "unknown".into(),
    };
    union(
        types
            .into_iter()
            .map(|t| match t {
                "string" => "string".to_string(),
                "integer" | "number" => "number".to_string(),
                "boolean" => "boolean".to_string(),
                "null" => "null".to_string(),
                "array" => {
                    let item = schema
                        .get("items")
                        .map(|i| ts_type(i, indent))
                        .unwrap_or_else(|| "unknown".into());
                    if item.contains(' ') {
                        format!("({item})[]")
                    } else {
                        format!("{item}[]")
                    }
                }
                "object" => match schema.get("properties").and_then(Value::as_object) {
                    Some(props) => {
                        let inner = format!("{indent}  ");
                        format!("{{\n{}{indent}}}", members(schema, props, &inner))
                    }
                    None => "Record<string, unknown>".to_string(),
                },
                _ => "unknown".to_string(),
            })
            .collect(),
    )
}

/// A JSDoc comment (wrapped at 100 columns), or nothing without a description.
fn doc(description: Option<&str>, items: &[String], indent: &str) -> String {
    let mut paragraphs: Vec<String> = description
        .map(|d| d.split("\n\n").map(|p| p.replace('\n', " ")).collect())
        .unwrap_or_default();
    paragraphs.extend(items.iter().map(|i| format!("- {i}")));
    if paragraphs.is_empty() {
        return String::new();
    }
    let width = 100usize.saturating_sub(indent.len() + 3).max(40);
    let mut lines: Vec<String> = Vec::new();
    for p in &paragraphs {
        let mut line = String::new();
        for word in p.split(' ').filter(|w| !w.is_empty()) {
            if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
                lines.push(std::mem::take(&mut line));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&word.replace("*/", "*\\/"));
        }
        lines.push(line);
    }
    if lines.len() == 1 && lines[0].chars().count() + indent.len() + 7 <= 100 {
        return format!("{indent}/** {} */\n", lines[0]);
    }
    let mut out = format!("{indent}/**\n");
    for l in lines {
        out.push_str(&format!("{indent} * {l}\n"));
    }
    out.push_str(&format!("{indent} */\n"));
    out
}
