//! The `gouji` binary: exit codes, text and JSON output, HTML input, stdin.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use crate::common::*;

fn tmp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("gouji-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn gouji(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(args)
        .output()
        .expect("run gouji")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn exit_0_on_a_consistent_report() {
    let p = tmp("ok.txt", Fixture::f2021().render(Layout::Tab).as_bytes());
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("青禾市示例局"));
}

#[test]
fn exit_1_with_a_changed_cell_naming_row_and_line() {
    let mut f = Fixture::f2021();
    f.t3_set("UNABLE_2", "NP", f.t3_get("UNABLE_2", "NP") + 1);
    let text = f.render(Layout::Tab);
    let line = text
        .lines()
        .position(|l| l.contains("2.没有现成信息需要另行制作"))
        .unwrap()
        + 1;
    let p = tmp("bad.txt", text.as_bytes());
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    assert!(out.contains("（四）2"), "row label missing:\n{out}");
    assert!(
        out.contains(&format!(":{line}:"))
            || out.contains(&format!("{line} │"))
            || out.contains(&format!("{line} |")),
        "line {line} missing:\n{out}"
    );
    let o = gouji(&["check", "--lang", "en", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn exit_2_on_empty_and_binary_files() {
    let p = tmp("empty.txt", b"");
    assert_eq!(
        gouji(&["check", p.to_str().unwrap()]).status.code(),
        Some(2)
    );
    let bin: Vec<u8> = (0..4096u32).map(|i| (i * 37 % 256) as u8).collect();
    let p = tmp("bin.dat", &bin);
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&o.stderr).is_empty());
    let o = gouji(&["check", "/nonexistent/gouji/file.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(gouji(&[]).status.code(), Some(64));
    assert_eq!(gouji(&["check"]).status.code(), Some(64));
}

#[test]
fn exit_3_when_read_only_partly_and_the_worst_file_wins() {
    // Table 3 without its outcome rows: what was read holds no error, but not all was read.
    let text = Fixture::f2021().render(Layout::Tab);
    let partial: String = text
        .lines()
        .filter(|l| !(l.contains("（三）") || l.starts_with('\t')))
        .map(|l| format!("{l}\n"))
        .collect();
    let p = tmp("partial.txt", partial.as_bytes());
    let o = gouji(&["check", p.to_str().unwrap()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(3), "{out}");
    let last = out.lines().last().unwrap_or_default();
    assert!(last.contains("未能完整读取："), "{last}");
    assert!(last.contains("个单元格未读出"), "{last}");
    assert!(!last.starts_with("结论：通过"), "{last}");
    let o = gouji(&["check", "--lang", "en", p.to_str().unwrap()]);
    let en = stdout(&o);
    assert!(en.contains("read only partly"), "{en}");

    // several files: 1 (an error) > 2 (not checked) > 3 (partly) > 0
    let ok = tmp("whole.txt", text.as_bytes());
    let empty = tmp("nothing.txt", b"no tables here");
    let mut f = Fixture::f2021();
    f.t3_set("GRANT", "NP", f.t3_get("GRANT", "NP") + 1);
    let bad = tmp("wrong.txt", f.render(Layout::Tab).as_bytes());
    let code = |files: &[&PathBuf]| {
        let mut args = vec!["check"];
        args.extend(files.iter().map(|p| p.to_str().unwrap()));
        gouji(&args).status.code()
    };
    assert_eq!(code(&[&ok, &p]), Some(3));
    assert_eq!(code(&[&p, &empty, &ok]), Some(2));
    assert_eq!(code(&[&empty, &bad, &p]), Some(1));
    assert_eq!(code(&[&ok, &ok]), Some(0));
    let o = gouji(&["check", empty.to_str().unwrap()]);
    assert!(stdout(&o).contains("未找到统计表"), "{}", stdout(&o));
}

#[test]
fn json_output_has_the_contract_keys() {
    let mut f = Fixture::f2021();
    f.t3_set("GRANT", "BE", f.t3_get("GRANT", "BE") + 1);
    let p = tmp("bad.json.txt", f.render(Layout::Tab).as_bytes());
    let o = gouji(&["check", "--format", "json", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["format"], "2021");
    assert!(v["partial"].is_boolean());
    assert!(v["checks"].as_array().is_some_and(|a| !a.is_empty()));
    let apps = v["tables"]["applications"].as_array().unwrap();
    assert_eq!(apps.len(), 175);
    for c in apps {
        for k in ["row", "column", "value", "raw", "line"] {
            assert!(c.get(k).is_some(), "cell key {k}: {c}");
        }
    }
    let grant_be = apps
        .iter()
        .find(|c| c["row"] == "GRANT" && c["column"] == "BE")
        .unwrap();
    assert_eq!(grant_be["value"], f.t3_get("GRANT", "BE"));
    let fs = v["findings"].as_array().unwrap();
    assert!(!fs.is_empty());
    for x in fs {
        for k in [
            "rule", "code", "severity", "status", "cells", "expected", "actual",
        ] {
            assert!(x.get(k).is_some(), "finding key {k}: {x}");
        }
        assert!(x["message"]["zh"].is_string());
        assert!(x["message"]["en"].is_string());
    }
    let r2 = fs.iter().find(|x| x["rule"] == "R2").unwrap();
    assert_eq!(r2["severity"], "error");
    assert_eq!(r2["status"], "fail");
}

#[test]
fn html_input_with_rowspan_and_colspan() {
    let f = Fixture::f2021();
    let mut h = String::from("<html><body><p>青禾市示例局 2024 年政府信息公开工作年度报告</p><p>三、收到和处理政府信息公开申请情况</p><table>");
    h.push_str("<tr><td colspan=3 rowspan=3>（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan=7>申请人情况</td></tr>");
    h.push_str("<tr><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td><td rowspan=2>总计</td></tr>");
    h.push_str("<tr><td>商业<br>企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>");
    let rows = t3_rows(f.fmt);
    for row in &rows {
        let v = f.row(row);
        let nums: String = v.iter().map(|x| format!("<td>{x}</td>")).collect();
        let label = match *row {
            "NEW" => "<td colspan=3>一、本年新收政府信息公开申请数量</td>".to_string(),
            "CARRY_IN" => "<td colspan=3>二、上年结转政府信息公开申请数量</td>".to_string(),
            "CARRY_OUT" => "<td colspan=3>四、结转下年度继续办理</td>".to_string(),
            "GRANT" => "<td rowspan=22>三、本年度办理结果</td><td colspan=2>（一）予以公开</td>".to_string(),
            "PARTIAL" => "<td colspan=2>（二）部分公开（区分处理的，只计这一情形，不计其他情形）</td>".to_string(),
            "TOTAL" => "<td colspan=2>（七）总计</td>".to_string(),
            "DENY_1" => "<td rowspan=8>（三）不予公开</td><td>1.属于国家秘密</td>".to_string(),
            "UNABLE_1" => "<td rowspan=3>（四）无法提供</td><td>1.本机关不掌握相关政府信息</td>".to_string(),
            "NOTPROC_1" => "<td rowspan=5>（五）不予处理</td><td>1.信访举报投诉类申请</td>".to_string(),
            "OTHER_1" => "<td rowspan=3>（六）其他处理</td><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td>".to_string(),
            r => format!("<td>{}</td>", t3_row_label(f.fmt, r)),
        };
        h.push_str(&format!("<tr>{label}{nums}</tr>"));
    }
    h.push_str("</table></body></html>");
    let p = tmp("report.html", h.as_bytes());
    let o = gouji(&["check", "--format", "json", p.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    // Only Table 3 is given: no error, but read only partly (Tables 2 and 4 missing) → 3.
    assert_eq!(o.status.code(), Some(3), "{}", stdout(&o));
    assert_eq!(v["summary"]["errors"], 0);
    let apps = v["tables"]["applications"].as_array().unwrap();
    for row in &rows {
        for (i, col) in T3_COLS.iter().enumerate() {
            let c = apps
                .iter()
                .find(|c| c["row"] == *row && c["column"] == *col)
                .unwrap();
            assert_eq!(c["value"], f.row(row)[i], "{row}.{col}");
        }
    }
}

#[test]
fn dash_reads_stdin() {
    let text = Fixture::f2019().render(Layout::Spaces);
    let mut child = Command::new(env!("CARGO_BIN_EXE_gouji"))
        .args(["check", "--format", "json", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["format"], "2019");
    assert_eq!(v["year"], 2020);
}

// ---- the exit-status contract, on real files --------------------------------------------

/// A fresh directory of its own for one test (tests run in parallel).
fn tmp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("gouji-cli-test-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &std::path::Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(&p, bytes).unwrap();
    p
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A consistent report of a fictional agency, with one warning (R19: 现行有效件数 below
/// 本年制发件数) and no error.
fn warning_only() -> Fixture {
    let mut f = Fixture::f2021();
    f.agency = "白鹭县示例局".into();
    f.t2_set("REG", "MADE", "3");
    f.t2_set("REG", "VALID", "1");
    f
}

#[test]
fn exit_0_with_warnings_only() {
    let p = tmp("warn.txt", warning_only().render(Layout::Tab).as_bytes());
    let o = gouji(&["check", "--format", "json", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
    assert_eq!(v["summary"]["errors"], 0);
    assert!(
        v["summary"]["warnings"].as_u64().unwrap() >= 1,
        "{}",
        v["summary"]
    );
    assert_eq!(v["partial"], false);
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    assert!(out.contains("warning[R19/"), "{out}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("结论：通过，1 处警告"), "{last}");
}

#[test]
fn the_worst_status_wins_over_several_files_and_directories() {
    let dir = tmp_dir("worst");
    let ok = write(
        &dir,
        "ok.txt",
        Fixture::f2021().render(Layout::Tab).as_bytes(),
    );
    let warn = write(
        &dir,
        "warn.txt",
        warning_only().render(Layout::Tab).as_bytes(),
    );
    let text = Fixture::f2021().render(Layout::Tab);
    let only_t3: String = text
        .lines()
        .filter(|l| !(l.contains("（三）") || l.starts_with('\t')))
        .map(|l| format!("{l}\n"))
        .collect();
    let partial = write(&dir, "partial.txt", only_t3.as_bytes());
    let none = write(&dir, "none.txt", "这里没有统计表".as_bytes());
    let missing = dir.join("missing.txt");
    let mut f = Fixture::f2021();
    f.t3_set("GRANT", "NP", f.t3_get("GRANT", "NP") + 1);
    let bad = write(&dir, "bad.txt", f.render(Layout::Tab).as_bytes());
    let code = |files: &[&PathBuf]| {
        let mut args = vec!["check", "--no-tables"];
        args.extend(files.iter().map(|p| p.to_str().unwrap()));
        gouji(&args).status.code()
    };
    assert_eq!(code(&[&ok, &warn]), Some(0));
    assert_eq!(code(&[&warn, &partial, &ok]), Some(3));
    assert_eq!(code(&[&partial, &none]), Some(2));
    assert_eq!(code(&[&partial, &missing, &ok]), Some(2));
    assert_eq!(code(&[&none, &partial, &bad, &missing]), Some(1));
    assert_eq!(code(&[&bad, &none]), Some(1));
    // The directory holds every kind: an error wins.
    assert_eq!(code(&[&dir]), Some(1));
    // An unreadable file does not stop the others: they are all reported.
    let o = gouji(&[
        "check",
        "--no-tables",
        missing.to_str().unwrap(),
        ok.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("missing.txt"), "{}", stderr(&o));
    assert!(stdout(&o).contains("结论：通过"), "{}", stdout(&o));
}

#[test]
fn over_16_mib_is_refused_with_exit_2() {
    let mut text = Fixture::f2021().render(Layout::Tab);
    let pad = "。".repeat((gouji::MAX_INPUT - text.len()) / 3 + 1);
    text.push_str(&pad);
    assert!(text.len() > gouji::MAX_INPUT);
    let p = tmp("huge.txt", text.as_bytes());
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("too large"), "{}", stderr(&o));
    // Just at the limit it is read.
    let mut end = gouji::MAX_INPUT - 2;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    let p = tmp("big.txt", text.as_bytes());
    let o = gouji(&["check", "--no-tables", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn utf16_and_bom_input_read_like_utf8() {
    let text = Fixture::f2019().render(Layout::Tab);
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend(u.to_le_bytes());
        be.extend(u.to_be_bytes());
    }
    let mut bom8 = vec![0xEF, 0xBB, 0xBF];
    bom8.extend(text.as_bytes());
    let plain = tmp("plain8.txt", text.as_bytes());
    let want = stdout(&gouji(&[
        "check",
        "--format",
        "json",
        plain.to_str().unwrap(),
    ]));
    let want: serde_json::Value = serde_json::from_str(&want).unwrap();
    for (name, bytes) in [("le.txt", &le), ("be.txt", &be), ("bom8.txt", &bom8)] {
        let p = tmp(name, bytes);
        let o = gouji(&["check", "--format", "json", p.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
        assert_eq!(v["format"], "2019", "{name}");
        assert_eq!(v["summary"]["passed"], want["summary"]["passed"], "{name}");
        for t in ["active", "applications", "review"] {
            let vals = |r: &serde_json::Value| -> Vec<serde_json::Value> {
                r["tables"][t]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["value"].clone())
                    .collect()
            };
            assert_eq!(vals(&v), vals(&want), "{name} {t}");
        }
    }
    // UTF-16 cut in the middle of a surrogate pair, and GBK bytes: refused, exit 2.
    let mut broken = vec![0xFF, 0xFE];
    broken.extend([0x3D, 0xD8, 0x41, 0x00]);
    let p = tmp("broken16.txt", &broken);
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("UTF-16"), "{}", stderr(&o));
    let p = tmp("gbk.txt", &[0xC7, 0xE0, 0xBA, 0xCC, 0xCA, 0xD0, 0xFF, 0x00]);
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("GBK"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_64_with_a_message_saying_what_was_wrong() {
    let p = tmp("usage.txt", Fixture::f2021().render(Layout::Tab).as_bytes());
    let f = p.to_str().unwrap();
    for (args, says) in [
        (vec!["check", "--bogus", f], "--bogus"),
        (vec!["check", f, "--bogus"], "--bogus"),
        (vec!["check", "--format", "xml", f], "xml"),
        (vec!["check", "--format=yaml", f], "yaml"),
        (vec!["check", "--format"], "--format"),
        (vec!["check", "--lang", "fr", f], "fr"),
        (vec!["check", "--summary", "xls", f], "xls"),
        (vec!["check", "--jobs", "0", f], "0"),
        (vec!["check", "--jobs", "many", f], "many"),
        (
            vec!["check", "--summary", "csv", "--format", "json", f],
            "--format",
        ),
        (vec!["check"], "FILE"),
        (vec!["lint", f], "lint"),
        (vec!["rules", "json"], "json"),
        (vec!["rules", "--format", "xml"], "xml"),
        (vec!["--bogus"], "--bogus"),
        (vec![], "Usage"),
    ] {
        let o = gouji(&args);
        assert_eq!(o.status.code(), Some(64), "{args:?}");
        assert!(stderr(&o).contains(says), "{args:?}: {}", stderr(&o));
        assert!(stdout(&o).is_empty(), "{args:?}");
    }
}

#[test]
fn help_and_version_succeed_in_both_languages() {
    for args in [
        vec!["--help"],
        vec!["-h"],
        vec!["help"],
        vec!["help", "check"],
    ] {
        let o = gouji(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        assert!(stdout(&o).contains("用法 Usage"), "{args:?}");
    }
    let o = gouji(&["check", "--help"]);
    let h = stdout(&o);
    for opt in [
        "--format",
        "--lang",
        "--no-tables",
        "--summary",
        "--jobs",
        "--previous",
        "退出状态",
        "exit status",
        "64",
    ] {
        assert!(h.contains(opt), "{opt} missing from:\n{h}");
    }
    let o = gouji(&["--version"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o).trim(),
        format!("gouji {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn rules_text_and_json() {
    let o = gouji(&["rules"]);
    assert_eq!(o.status.code(), Some(0));
    let text = stdout(&o);
    assert!(text.lines().any(|l| l.starts_with("R1 ")), "{text}");
    assert!(!text.trim_start().starts_with('['));
    let o = gouji(&["rules", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0));
    assert_ne!(stdout(&o), text);
    for args in [
        vec!["rules", "--format", "json"],
        vec!["rules", "--format=json"],
    ] {
        let o = gouji(&args);
        assert_eq!(o.status.code(), Some(0), "{args:?}");
        let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("json");
        let ids: Vec<&str> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["id"].as_str().unwrap())
            .collect();
        assert!(ids.contains(&"R1") && ids.contains(&"R30"), "{ids:?}");
    }
}

#[test]
fn text_output_names_the_expected_value_under_a_caret_and_ends_with_the_verdict() {
    let mut f = Fixture::f2021();
    f.agency = "白鹭县示例局".into();
    let want = f.t3_get("TOTAL", "NP");
    f.t3_set("TOTAL", "NP", want + 1);
    let text = f.render(Layout::Tab);
    let line = text.lines().position(|l| l.contains("（七）总计")).unwrap();
    let p = tmp("caret.txt", text.as_bytes());
    let o = gouji(&["check", p.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    // The suspect cell's source line, then a caret line under the number with its label.
    let src = lines
        .iter()
        .position(|l| l.starts_with(&format!("{} │", line + 1)) && l.contains("（七）总计"))
        .unwrap_or_else(|| panic!("source line {} missing:\n{out}", line + 1));
    let caret = lines[src + 1];
    let at = caret
        .find('^')
        .unwrap_or_else(|| panic!("no caret:\n{out}"));
    assert!(
        caret.contains(&format!("报告 {}，应为 {want}", want + 1)),
        "{caret}"
    );
    // The carets stand under the number (codespan shows tabs expanded to spaces): the
    // same display column in the caret line as the number in the source line.
    let width = |s: &str| -> usize {
        s.chars()
            .map(|c| if (c as u32) >= 0x1100 { 2 } else { 1 })
            .sum()
    };
    let num = (want + 1).to_string();
    let src_line = lines[src];
    let label_end = src_line.find("总计").unwrap() + "总计".len();
    let num_at = label_end + src_line[label_end..].find(&num).unwrap();
    assert_eq!(
        width(&caret[..at]),
        width(&src_line[..num_at]),
        "caret not under {num}:\n{src_line}\n{caret}"
    );
    assert_eq!(caret.matches('^').count(), num.len(), "{caret}");
    assert!(
        out.contains("error[R1/") || out.contains("error[R2/"),
        "{out}"
    );
    let last = lines.last().unwrap();
    assert!(last.starts_with("结论：1 处数字对不上"), "{last}");
    assert!(last.contains("项检查"), "{last}");
    let o = gouji(&["check", "--lang", "en", p.to_str().unwrap()]);
    let en = stdout(&o);
    assert!(
        en.contains(&format!("reported {}, would need {want}", want + 1)),
        "{en}"
    );
    assert!(en.lines().last().unwrap().starts_with("verdict: "), "{en}");
}

// ---- batch: directories, summary, parallel order ----------------------------------------

/// A directory of reports from two fictional agencies, nested, with files that are not
/// reports and one that cannot be read.
fn batch_dir() -> PathBuf {
    let dir = tmp_dir("batch");
    let mut a = Fixture::f2021();
    a.agency = "白鹭县示例局".into();
    let mut b = Fixture::f2019();
    b.agency = "青禾县审计局".into();
    let mut bad = Fixture::f2021();
    bad.agency = "青禾县审计局".into();
    bad.t3_set("GRANT", "NP", bad.t3_get("GRANT", "NP") + 1);
    write(&dir, "a/白鹭县-2024.txt", a.render(Layout::Tab).as_bytes());
    write(&dir, "a/白鹭县-2024.md", a.render(Layout::Pipes).as_bytes());
    write(
        &dir,
        "b/deep/青禾县-2020.TXT",
        b.render(Layout::Spaces).as_bytes(),
    );
    write(
        &dir,
        "b/青禾县-2024.htm",
        bad.render(Layout::Tab).as_bytes(),
    );
    write(&dir, "b/binary.txt", &[0u8, 159, 146, 150, 0, 1, 2]);
    write(&dir, "b/notes.pdf", b"%PDF-1.4");
    write(&dir, "b/README", b"not a report");
    dir
}

#[test]
fn a_directory_gives_one_summary_row_per_report_in_path_order() {
    let dir = batch_dir();
    let d = dir.to_str().unwrap();
    let o = gouji(&["check", "--summary", "csv", d]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let csv = stdout(&o);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "file,agency,year,format,cells_read,cells_expected,errors,warnings,cannot_check,status,exit,verdict,previous"
    );
    let rel: Vec<String> = lines[1..]
        .iter()
        .map(|l| {
            l.split(',')
                .next()
                .unwrap()
                .replacen(&format!("{d}/"), "", 1)
        })
        .collect();
    assert_eq!(
        rel,
        [
            "a/白鹭县-2024.md",
            "a/白鹭县-2024.txt",
            "b/binary.txt",
            "b/deep/青禾县-2020.TXT",
            "b/青禾县-2024.htm",
        ],
        "{csv}"
    );
    let row = |i: usize| -> Vec<&str> { lines[i].split(',').collect() };
    // file agency year format read expected errors warnings cannot status exit verdict
    assert_eq!(
        &row(2)[1..11],
        [
            "白鹭县示例局",
            "2024",
            "2021",
            "200",
            "200",
            "0",
            "0",
            "0",
            "pass",
            "0"
        ]
    );
    assert!(row(2)[11].starts_with("结论：通过"));
    assert_eq!(
        row(3)[1..11],
        ["", "", "", "", "", "", "", "", "not_checked", "2"]
    );
    assert!(lines[3].contains("UTF-8"), "{}", lines[3]);
    assert_eq!(&row(4)[1..4], ["青禾县审计局", "2020", "2019"]);
    assert_eq!(row(4)[9], "pass");
    assert_eq!(&row(5)[9..11], ["errors", "1"]);
    assert_ne!(row(5)[6], "0");
    // Only the summary goes to stdout; the unreadable file is also named on stderr.
    assert!(!csv.contains("error["), "{csv}");
    assert!(stderr(&o).contains("binary.txt"), "{}", stderr(&o));
    // stderr is not a terminal here: no progress bar is drawn.
    assert!(!stderr(&o).contains(['\r', '█', '░']), "{}", stderr(&o));
}

#[test]
fn summary_formats_agree_and_the_order_does_not_depend_on_jobs() {
    let dir = batch_dir();
    let d = dir.to_str().unwrap();
    let csv1 = stdout(&gouji(&["check", "--summary", "csv", "--jobs", "1", d]));
    for j in ["2", "4", "7"] {
        let o = gouji(&["check", "--summary", "csv", "-j", j, d]);
        assert_eq!(stdout(&o), csv1, "--jobs {j}");
        assert_eq!(o.status.code(), Some(1));
    }
    let o = gouji(&["check", "--summary", "tsv", d]);
    let tsv = stdout(&o);
    for l in tsv.lines() {
        assert_eq!(l.matches('\t').count(), 12, "{l}");
    }
    assert_eq!(tsv.lines().count(), csv1.lines().count());
    let o = gouji(&["check", "--summary", "json", "--lang", "en", d]);
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("one JSON array");
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), csv1.lines().count() - 1);
    let ok = &rows[1];
    assert_eq!(ok["agency"], "白鹭县示例局");
    assert_eq!(ok["year"], 2024);
    assert_eq!(ok["cells_read"], 200);
    assert_eq!(ok["exit"], 0);
    assert!(ok["verdict"].as_str().unwrap().starts_with("verdict: pass"));
    assert!(rows[2]["errors"].is_null());
    assert_eq!(rows[2]["status"], "not_checked");
    // The per-report output keeps the same order whatever the jobs.
    let a = stdout(&gouji(&["check", "--format", "json", "-j", "1", d]));
    let b = stdout(&gouji(&["check", "--format", "json", "-j", "3", d]));
    assert_eq!(a, b);
    assert_eq!(a.lines().count(), 4, "one JSON line per readable report");
}

#[test]
fn an_empty_directory_is_not_a_pass() {
    let dir = tmp_dir("empty-dir");
    write(&dir, "x.pdf", b"%PDF");
    let o = gouji(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("no .txt .md .html .htm file"),
        "{}",
        stderr(&o)
    );
    let o = gouji(&["check", "--summary", "json", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
}
