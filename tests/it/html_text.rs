//! Text that is really HTML: a saved page's source given as .txt, the page's HTML kept in a
//! script as a JSON string (escaped quotes, `<\/td>`, `\n`, `&nbsp;`), on stdin too — all
//! read as HTML tables, with the same cells as the .html file.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn gouji(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run gouji");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

/// Exit status and every cell as (table, row, column, value, raw, how read).
fn cells(file: &str, stdin: Option<&[u8]>) -> (Option<i32>, Vec<String>, serde_json::Value) {
    let o = gouji(&["check", "--format", "json", file], stdin);
    let out = String::from_utf8_lossy(&o.stdout);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"));
    let mut cells = Vec::new();
    for t in ["active", "applications", "review"] {
        for c in v["tables"][t].as_array().unwrap() {
            cells.push(format!(
                "{t}|{}|{}={} raw={} {}",
                c["row"], c["column"], c["value"], c["raw"], c["read"]
            ));
        }
    }
    (o.status.code(), cells, v)
}

/// The same cells, or the first that differs.
fn same(got: &[String], want: &[String], what: &str) {
    let diff = got.iter().zip(want).find(|(g, w)| g != w);
    assert!(
        diff.is_none() && got.len() == want.len(),
        "{what}: {} cells, {} expected; first difference {diff:?}",
        got.len(),
        want.len()
    );
}

fn tmp(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gouji-html-text-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, text).unwrap();
    p
}

fn expected() -> Vec<String> {
    let (code, cells, _) = cells(fixture("qinghe-2024.html").to_str().unwrap(), None);
    assert_eq!(code, Some(0));
    assert_eq!(cells.len(), 10 + 175 + 15, "Table 2, 3 and 4 cells");
    cells
}

#[test]
fn a_saved_page_source_given_as_txt_reads_like_the_html() {
    let want = expected();
    let p = fixture("qinghe-2024.page-source.txt");
    let (code, got, _) = cells(p.to_str().unwrap(), None);
    assert_eq!(code, Some(0));
    same(&got, &want, "page source .txt");
    // the same on stdin
    let text = std::fs::read(&p).unwrap();
    let (code, got, _) = cells("-", Some(&text));
    assert_eq!(code, Some(0));
    same(&got, &want, "page source on stdin");
}

#[test]
fn the_page_html_in_a_script_json_string_reads_like_the_html() {
    let want = expected();
    let p = fixture("qinghe-2024.js-string.txt");
    let (code, got, v) = cells(p.to_str().unwrap(), None);
    assert_eq!(code, Some(0));
    same(&got, &want, "script JSON string .txt");
    assert!(v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["code"] == "HTML-SOURCE"));
    let text = std::fs::read(&p).unwrap();
    let (code, got, _) = cells("-", Some(&text));
    assert_eq!(code, Some(0));
    same(&got, &want, "script JSON string on stdin");
}

#[test]
fn a_bare_escaped_string_reads_like_the_html() {
    let want = expected();
    let html = std::fs::read_to_string(fixture("qinghe-2024.html")).unwrap();
    // as a JavaScript string literal: quotes, slashes and line breaks escaped, blanks as &nbsp;
    let escaped = html
        .replace("<td></td>", "<td>&nbsp;</td>")
        .replace("<table>", "<TABLE border=\"1\" class=\"t\">")
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('/', "\\/")
        .replace('\n', "\\n");
    let p = tmp("string.txt", &format!("var html = \"{escaped}\";\n"));
    let (code, got, _) = cells(p.to_str().unwrap(), None);
    assert_eq!(code, Some(0));
    same(&got, &want, "JS string literal");
    // JSON with every '<' and '>' as \u003c / \u003e (as some encoders write it)
    let json = escaped.replace('<', "\\u003c").replace('>', "\\u003e");
    let p = tmp("json.txt", &format!("{{\"content\":\"{json}\"}}"));
    let (code, got, _) = cells(p.to_str().unwrap(), None);
    assert_eq!(code, Some(0));
    same(&got, &want, "JSON with \\u003c");
}

#[test]
fn plain_text_is_not_taken_for_html() {
    // a report in plain text that mentions a backslash and "<table" in prose stays text
    let text = std::fs::read_to_string(fixture("qinghe-2024.tsv.txt")).unwrap();
    let p = tmp(
        "plain.txt",
        &format!("{text}\n附注：路径 C:\\new\\table，见 <table 说明>。\n"),
    );
    let (code, got, v) = cells(p.to_str().unwrap(), None);
    assert_eq!(code, Some(0), "{v}");
    assert!(!got.is_empty());
    assert!(v["notes"]
        .as_array()
        .unwrap()
        .iter()
        .all(|n| n["code"] != "HTML-SOURCE"));
}
