//! The generated description of the engine's JSON (`schema/report.schema.json`,
//! `schema/rules.schema.json`, `www/report.d.ts`) is what the Rust types give today: a
//! change to a report type or its doc comments must be regenerated and committed with it.

use std::path::Path;

#[test]
fn generated_files_are_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = gouji::schema::files().expect("the schema serialises");
    let mut stale = Vec::new();
    for (path, text) in &files {
        let committed = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        if committed != *text {
            let line = committed
                .lines()
                .zip(text.lines())
                .position(|(a, b)| a != b)
                .map_or_else(
                    || committed.lines().count().min(text.lines().count()) + 1,
                    |i| i + 1,
                );
            stale.push(format!("{path} (first difference at line {line})"));
        }
    }
    assert!(
        stale.is_empty(),
        "generated files differ from what the Rust types give: {}.\n\
         Regenerate them with `{}` and commit the result.",
        stale.join(", "),
        gouji::schema::REGENERATE
    );
}

/// Every field a real report carries is declared in the schema, at every level (the
/// schema does not forbid extra fields, so a validator alone would not notice).
#[test]
fn every_serialised_field_is_declared() {
    let schema = gouji::schema::report_schema();
    let text = include_str!("../../www/example.txt");
    let report = serde_json::to_value(gouji::check(text)).expect("report serialises");
    let mut undeclared = Vec::new();
    declared(&schema, &schema, &report, "report", &mut undeclared);
    assert!(undeclared.is_empty(), "not in the schema: {undeclared:?}");
}

fn resolve<'a>(root: &'a serde_json::Value, s: &'a serde_json::Value) -> &'a serde_json::Value {
    match s.get("$ref").and_then(|r| r.as_str()) {
        Some(r) => r
            .strip_prefix("#/$defs/")
            .and_then(|name| root.get("$defs")?.get(name))
            .unwrap_or(s),
        None => s,
    }
}

fn declared(
    root: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    at: &str,
    undeclared: &mut Vec<String>,
) {
    let schema = resolve(root, schema);
    if let Some(alts) = schema.get("anyOf").and_then(|a| a.as_array()) {
        let not_null =
            |a: &&serde_json::Value| a.get("type").and_then(|t| t.as_str()) != Some("null");
        if let Some(alt) = alts.iter().find(not_null) {
            declared(root, alt, value, at, undeclared);
        }
        return;
    }
    match value {
        serde_json::Value::Object(map) => {
            let props = schema.get("properties");
            for (k, v) in map {
                match props.and_then(|p| p.get(k)) {
                    Some(s) => declared(root, s, v, &format!("{at}.{k}"), undeclared),
                    None => undeclared.push(format!("{at}.{k}")),
                }
            }
        }
        serde_json::Value::Array(items) => {
            if let Some(s) = schema.get("items") {
                for (i, v) in items.iter().enumerate().take(3) {
                    declared(root, s, v, &format!("{at}[{i}]"), undeclared);
                }
            }
        }
        _ => {}
    }
}

/// The fixtures that give scripts/validate-schema.py (and the wasm tests) every kind of
/// report stay that kind: a 2019 report with an error, a partial read, no table at all.
#[test]
fn fixtures_of_every_kind() {
    let r = gouji::check(include_str!("../fixtures/yunxi-2019.txt"));
    assert_eq!(r.format.as_deref(), Some("2019"));
    assert!(!r.partial, "{:?}", r.notes);
    assert!(r.summary.errors > 0);
    assert!(r
        .findings
        .iter()
        .all(|f| f.suspects.iter().all(|s| s.row == "TOTAL")));

    let r = gouji::check(include_str!("../fixtures/baishi-2024-partial.txt"));
    assert_eq!(r.format.as_deref(), Some("2021"));
    assert!(r.recognised && r.partial);
    assert_eq!(r.summary.errors, 0);
    assert!(r.tables.review.iter().all(|c| c.value.is_none()));

    let r = gouji::check(include_str!("../fixtures/no-tables.txt"));
    assert!(!r.recognised && r.partial);
}
