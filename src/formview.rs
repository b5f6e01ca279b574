//! The official forms as a front end draws them: every table's rows and columns with their
//! labels in zh-CN and one English translation, the header merges of Table 3 and Table 4
//! and the blocks of Table 2, per format. `forms()` in the JS API returns this, so the page
//! draws the tables and names cells with the engine's own labels (the same words as the
//! findings), and keeps no copy of them.
//!
//! Keys, zh labels and short labels come from `forms.rs`; this file adds the English
//! translation of each full label and the header texts. A cell's name is `short` of its
//! row and `label` of its column joined by "·" (zh) or " · " (en), exactly as in findings.

use serde::{Deserialize, Serialize};

use crate::forms::{self, Format};
use crate::{Message, TableId};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Label {
    pub key: String,
    /// The form's full label.
    pub label: Message,
    /// The label used in cell names and formulas ("（七）总计" / "(7) total handled").
    pub short: Message,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Group {
    pub key: String,
    pub label: Message,
    pub rows: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Block {
    pub caption: Message,
    pub rows: Vec<String>,
    pub columns: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct FormLayout {
    pub format: String,
    /// Table 2 in blocks, as printed.
    pub active_blocks: Vec<Block>,
    pub active_rows: Vec<Label>,
    pub active_columns: Vec<Label>,
    /// Table 3 rows in form order for this format.
    pub applications_rows: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Forms {
    pub names: Vec<TableName>,
    pub formats: Vec<FormLayout>,
    pub applications_rows: Vec<Label>,
    pub applications_columns: Vec<Label>,
    /// Outcome rows that share a （三）…（六） label cell.
    pub applications_groups: Vec<Group>,
    /// "三、本年度办理结果", the label cell spanning every outcome row.
    pub applications_outcomes: Message,
    /// The note in Table 3's top-left cell.
    pub applications_corner: Message,
    pub applications_applicants: Message,
    pub applications_legal: Message,
    pub review_rows: Vec<Label>,
    pub review_columns: Vec<Label>,
    pub review_litigation: Message,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TableName {
    pub table: TableId,
    pub name: Message,
}

fn msg(zh: &str, en: &str) -> Message {
    Message {
        zh: zh.to_string(),
        en: en.to_string(),
    }
}

/// Capitalises the first letter (a label starts with one; a short name in a sentence not).
fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// English of the full Table 3 row labels; the short names are `forms::cell_name`'s.
const T3_EN: &[(&str, &str)] = &[
    ("NEW", "1. New applications received this year"),
    ("CARRY_IN", "2. Carried in from last year"),
    ("GRANT", "(1) Disclosed"),
    (
        "PARTIAL",
        "(2) Partly disclosed (counted here only, not under any other outcome)",
    ),
    ("DENY_1", "1. State secret"),
    ("DENY_2", "2. Barred by other laws or regulations"),
    ("DENY_3", "3. Endangers security or stability"),
    ("DENY_4", "4. Protects third parties' lawful rights"),
    ("DENY_5", "5. Internal-affairs information"),
    ("DENY_6", "6. Process information"),
    ("DENY_7", "7. Law-enforcement case files"),
    ("DENY_8", "8. Administrative enquiry matters"),
    ("UNABLE_1", "1. Not held by this agency"),
    ("UNABLE_2", "2. Would have to be newly produced"),
    ("UNABLE_3", "3. Still unclear after correction"),
    ("NOTPROC_1", "1. Petitions, reports and complaints"),
    ("NOTPROC_2", "2. Repeated applications"),
    ("NOTPROC_3", "3. Asks for published material"),
    (
        "NOTPROC_4",
        "4. Mass repeated applications without good reason",
    ),
    (
        "NOTPROC_5",
        "5. Asks to confirm or reissue information already obtained",
    ),
    ("OTHER", "(6) Otherwise handled"),
    (
        "OTHER_1",
        "1. Not corrected in time without good reason; no longer processed",
    ),
    ("OTHER_2", "2. Fee not paid in time; no longer processed"),
    ("OTHER_3", "3. Other"),
    ("TOTAL", "(7) Total handled"),
    ("CARRY_OUT", "4. Carried out to next year"),
];

fn en_of(table: &[(&str, &'static str)], key: &str) -> &'static str {
    table.iter().find(|(k, _)| *k == key).map_or("", |(_, v)| v)
}

/// Row part of a cell name ("（七）总计" / "(7) total handled").
fn short(table: TableId, row: &str, col: &str) -> Message {
    let n = forms::cell_name(table, row, col);
    let zh = n.zh.split('·').next().unwrap_or("").to_string();
    let en = n.en.split(" · ").next().unwrap_or("").to_string();
    Message { zh, en }
}

fn col_label(key: &str, zh: &str, en: &str) -> Label {
    Label {
        key: key.to_string(),
        label: Message {
            zh: zh.to_string(),
            en: cap(en),
        },
        short: msg(zh, en),
    }
}

fn t3_row_label(key: &str) -> Label {
    let (zh, short_zh) = forms::t3_row(key).map_or((key, key), |r| {
        // The full label without the group prefix: "（三）不予公开 1.属于国家秘密" → "1.属于国家秘密".
        let full = r.label.rsplit_once(' ').map_or(r.label, |(_, l)| l);
        (full, r.short)
    });
    let s = short(TableId::Applications, key, "NP");
    Label {
        key: key.to_string(),
        label: Message {
            zh: zh.to_string(),
            en: en_of(T3_EN, key).to_string(),
        },
        short: Message {
            zh: short_zh.to_string(),
            en: s.en,
        },
    }
}

fn active_layout(f: Format) -> (Vec<Block>, Vec<Label>, Vec<Label>) {
    let caption = |n: &str, en: &str| {
        msg(
            &format!("第二十条第（{n}）项"),
            &format!("Article 20 ({en})"),
        )
    };
    let b = |c: Message, rows: &[&str], columns: &[&str]| Block {
        caption: c,
        rows: rows.iter().map(|s| s.to_string()).collect(),
        columns: columns.iter().map(|s| s.to_string()).collect(),
    };
    let blocks = match f {
        Format::F2021 => vec![
            b(
                caption("一", "1"),
                &["REG", "NDOC"],
                &["MADE", "REPEALED", "VALID"],
            ),
            b(caption("五", "5"), &["LICENSE"], &["DECISIONS"]),
            b(caption("六", "6"), &["PUNISH", "COERCE"], &["DECISIONS"]),
            b(caption("八", "8"), &["FEE"], &["AMOUNT"]),
        ],
        Format::F2019 => vec![
            b(
                caption("一", "1"),
                &["REG", "NDOC"],
                &["NEW_MADE", "NEW_PUBLISHED", "TOTAL_PUBLISHED"],
            ),
            b(
                caption("五", "5"),
                &["LICENSE", "OTHERSVC"],
                &["PREV_ITEMS", "DELTA", "DECISIONS"],
            ),
            b(
                caption("六", "6"),
                &["PUNISH", "COERCE"],
                &["PREV_ITEMS", "DELTA", "DECISIONS"],
            ),
            b(caption("八", "8"), &["FEE"], &["PREV_ITEMS", "DELTA"]),
            b(caption("九", "9"), &["PROC"], &["PROJECTS", "AMOUNT"]),
        ],
    };
    let rows = forms::active_rows(f);
    let row_labels = rows
        .iter()
        .map(|r| {
            let s = short(
                TableId::Active,
                r.key,
                r.columns.first().map_or("", |c| c.key),
            );
            Label {
                key: r.key.to_string(),
                label: Message {
                    zh: r.label.to_string(),
                    en: cap(&s.en),
                },
                short: Message {
                    zh: r.label.to_string(),
                    en: s.en,
                },
            }
        })
        .collect();
    let mut cols: Vec<Label> = Vec::new();
    for r in rows {
        for c in r.columns {
            if !cols.iter().any(|x| x.key == c.key) {
                cols.push(col_label(c.key, c.label, c.en));
            }
        }
    }
    (blocks, row_labels, cols)
}

/// The forms, for drawing.
pub fn forms() -> Forms {
    let formats = [Format::F2019, Format::F2021]
        .into_iter()
        .map(|f| {
            let (active_blocks, active_rows, active_columns) = active_layout(f);
            let layout = match f {
                Format::F2019 => forms::T3Layout::SingleOther,
                Format::F2021 => forms::T3Layout::ThreeOther,
            };
            FormLayout {
                format: f.key().to_string(),
                active_blocks,
                active_rows,
                active_columns,
                applications_rows: layout.rows().iter().map(|s| s.to_string()).collect(),
            }
        })
        .collect();
    let groups = [
        ("DENY", "（三）不予公开", 8),
        ("UNABLE", "（四）无法提供", 3),
        ("NOTPROC", "（五）不予处理", 5),
        ("OTHER", "（六）其他处理", 3),
    ];
    let applications_groups = groups
        .iter()
        .map(|(g, zh, n)| {
            let en = short(TableId::Applications, &format!("{g}_1"), "NP").en;
            let en = en.trim_end_matches(" 1");
            Group {
                key: g.to_string(),
                label: msg(zh, &cap(en)),
                rows: (1..=*n).map(|i| format!("{g}_{i}")).collect(),
            }
        })
        .collect();
    Forms {
        names: TableId::ALL
            .iter()
            .map(|t| TableName {
                table: *t,
                name: msg(t.zh(), &cap(t.en())),
            })
            .collect(),
        formats,
        applications_rows: forms::T3_ROWS.iter().map(|r| t3_row_label(r.key)).collect(),
        applications_columns: forms::T3_COLUMNS
            .iter()
            .map(|c| col_label(c.key, c.label, c.en))
            .collect(),
        applications_groups,
        applications_outcomes: msg("三、本年度办理结果", "3. Outcomes this year"),
        applications_corner: msg(
            "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）",
            "(In every column: item 1 + item 2 = item 3 + item 4)",
        ),
        applications_applicants: msg("申请人情况", "Applicants"),
        applications_legal: msg("法人或其他组织", "Legal persons or other organisations"),
        review_rows: forms::T4_ROWS
            .iter()
            .map(|r| {
                let s = short(TableId::Review, r.key, "TOTAL");
                Label {
                    key: r.key.to_string(),
                    label: Message {
                        zh: r.short.to_string(),
                        en: cap(&s.en),
                    },
                    short: Message {
                        zh: r.short.to_string(),
                        en: s.en,
                    },
                }
            })
            .collect(),
        review_columns: forms::T4_COLUMNS
            .iter()
            .map(|c| col_label(c.key, c.label, c.en))
            .collect(),
        review_litigation: msg("行政诉讼", "Litigation"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_findings_words() {
        let f = forms();
        let total = f
            .applications_rows
            .iter()
            .find(|r| r.key == "TOTAL")
            .expect("TOTAL row");
        let np = f
            .applications_columns
            .iter()
            .find(|c| c.key == "NP")
            .expect("NP column");
        let name = forms::cell_name(TableId::Applications, "TOTAL", "NP");
        assert_eq!(format!("{}·{}", total.short.zh, np.short.zh), name.zh);
        assert_eq!(format!("{} · {}", total.short.en, np.short.en), name.en);
        for r in &f.applications_rows {
            assert!(!r.label.en.is_empty(), "{} has an English label", r.key);
        }
        assert_eq!(f.formats.len(), 2);
    }
}
