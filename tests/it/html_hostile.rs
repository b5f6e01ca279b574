//! Hostile HTML never crashes or hangs the CLI: the nesting depth is bounded as browsers
//! bound it, and the tree is walked without recursion. (Before: 200,000 nested `<span>`
//! aborted with a stack overflow, exit 134; 40,000 nested `<div>` took 18 s.)

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::Instant;

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gouji-html-hostile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn check(p: &PathBuf, extra: &[&str]) -> (Output, f64) {
    let t = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .arg("check")
        .args(extra)
        .arg(p)
        .output()
        .expect("run gouji");
    (o, t.elapsed().as_secs_f64())
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn report() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/qinghe-2024.html"
    ))
    .unwrap()
}

#[test]
fn two_hundred_thousand_nested_spans_give_a_clear_message_not_a_crash() {
    let html = "<span>".repeat(200_000); // 1.2 MB, never closed
    let p = tmp("spans.html", html.as_bytes());
    let (o, secs) = check(&p, &[]);
    eprintln!("200,000 nested <span>: {secs:.2} s");
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    let s = out(&o);
    assert!(s.contains("HTML-TOO-DEEP"), "{s}");
    assert!(s.contains("嵌套超过 512 层"), "{s}");
    assert!(s.contains("未找到统计表"), "{s}");
    let (o, _) = check(&p, &["--lang", "en"]);
    assert!(out(&o).contains("nests deeper than 512 levels"));
}

#[test]
fn a_report_followed_by_deep_nesting_is_still_checked() {
    let mut html = report();
    html = html.replace(
        "</body>",
        &format!(
            "{}x{}</body>",
            "<span>".repeat(200_000),
            "</span>".repeat(200_000)
        ),
    );
    let p = tmp("report-then-spans.html", html.as_bytes());
    let (o, secs) = check(&p, &["--format", "json"]);
    eprintln!("report + 200,000 nested <span>: {secs:.2} s");
    assert_eq!(o.status.code(), Some(0), "{}", out(&o));
    let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("json");
    assert_eq!(v["summary"]["errors"], 0);
    assert!(v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["code"] == "HTML-TOO-DEEP"));
    // the same cells as the plain fixture
    let (o2, _) = check(
        &PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/qinghe-2024.html"
        )),
        &["--format", "json"],
    );
    let v2: serde_json::Value = serde_json::from_str(&out(&o2)).expect("json");
    assert_eq!(v["tables"], v2["tables"]);
}

#[test]
fn forty_thousand_nested_divs_finish() {
    let html = format!(
        "<html><body>{}x{}</body></html>",
        "<div>".repeat(40_000),
        "</div>".repeat(40_000)
    );
    let p = tmp("divs.html", html.as_bytes());
    let (o, secs) = check(&p, &[]);
    eprintln!("40,000 nested <div>: {secs:.2} s");
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
    assert!(out(&o).contains("HTML-TOO-DEEP"));
    // the worst case under the bound: siblings at the deepest level (linear, not quadratic)
    let html = format!("{}{}", "<div>".repeat(511), "<div></div>".repeat(100_000));
    let p = tmp("deep-siblings.html", html.as_bytes());
    let (o, secs) = check(&p, &[]);
    eprintln!("100,000 <div> siblings at depth 511: {secs:.2} s");
    assert_eq!(o.status.code(), Some(2), "{}", out(&o));
}
