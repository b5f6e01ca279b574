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
