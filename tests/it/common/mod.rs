//! Fixture builder: the report of a FICTIONAL agency (青禾市示例局), in the 2021 format
//! and the 2019 trial format, with one consistent set of numbers that can be edited and
//! rendered in the layouts real pasted input takes (domain-spec §E).
//!
//! Every test file includes this module; not every file uses every helper.

use std::collections::HashMap;

use gouji::{Check, Finding, GridTable, Report, Severity, Status, TableId};

/// Which official format the fixture follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fmt {
    F2019,
    F2021,
}

impl Fmt {
    pub fn key(self) -> &'static str {
        match self {
            Fmt::F2019 => "2019",
            Fmt::F2021 => "2021",
        }
    }
}

/// How the report text is laid out (domain-spec §E).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Browser / Word copy like the seed: one table row per line, tabs between slots,
    /// merged labels once, covered slots as empty cells.
    Tab,
    /// Browser copy that drops covered slots entirely (rows of different lengths).
    TabCompact,
    /// PDF copy: labels then numbers separated by spaces; long labels wrapped on lines
    /// of their own before the numbers.
    Spaces,
    /// Markdown pipe table from a conversion tool.
    Pipes,
    /// One cell per line, empty cells dropped.
    Lines,
    /// Excel / WPS copy: full rows, cells with line breaks quoted (`"商业\n企业"`).
    Excel,
    /// Tab layout whose labels are broken by spaces ("自然 人", "本 年度办 理结果").
    SpacedLabels,
    /// Tab layout with full-width digits ("２３").
    FullWidth,
    /// Tab layout in traditional characters (申請, 結轉, 予以公開, 行政復議).
    Traditional,
    /// Tab layout with zeros written "/" or "—".
    DashZero,
    /// PDF text whose Table 3 rows have their digits glued to the label
    /// ("一、本年新收政府信息公开申请数量230000023").
    Glued,
}

impl Layout {
    pub const ALL: [Layout; 11] = [
        Layout::Tab,
        Layout::TabCompact,
        Layout::Spaces,
        Layout::Pipes,
        Layout::Lines,
        Layout::Excel,
        Layout::SpacedLabels,
        Layout::FullWidth,
        Layout::Traditional,
        Layout::DashZero,
        Layout::Glued,
    ];
}

/// Options around the tables.
#[derive(Debug, Clone, Copy)]
pub struct Opts {
    /// Title, statistical period, section headings and prose.
    pub prose: bool,
    /// Page furniture ("— 4 —") in the middle of Table 3.
    pub furniture: bool,
}

impl Default for Opts {
    fn default() -> Self {
        Opts {
            prose: true,
            furniture: false,
        }
    }
}

/// A Table 2 row: key, label, column keys and labels, cell texts.
#[derive(Debug, Clone)]
pub struct T2Row {
    pub key: &'static str,
    pub label: &'static str,
    pub cols: Vec<(&'static str, &'static str)>,
    pub vals: Vec<String>,
    /// The block caption (第二十条第（一）项…) this row opens, if it opens one.
    pub caption: Option<&'static str>,
}

pub const T3_COLS: [&str; 7] = ["NP", "BE", "RI", "PW", "LS", "OT", "TOT"];
pub const T4_ROWS: [&str; 3] = ["REV", "LIT_DIRECT", "LIT_AFTER"];
pub const T4_COLS: [&str; 5] = ["UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL"];

pub fn t3_rows(fmt: Fmt) -> Vec<&'static str> {
    let mut v = vec![
        "NEW",
        "CARRY_IN",
        "GRANT",
        "PARTIAL",
        "DENY_1",
        "DENY_2",
        "DENY_3",
        "DENY_4",
        "DENY_5",
        "DENY_6",
        "DENY_7",
        "DENY_8",
        "UNABLE_1",
        "UNABLE_2",
        "UNABLE_3",
        "NOTPROC_1",
        "NOTPROC_2",
        "NOTPROC_3",
        "NOTPROC_4",
        "NOTPROC_5",
    ];
    match fmt {
        Fmt::F2019 => v.push("OTHER"),
        Fmt::F2021 => v.extend(["OTHER_1", "OTHER_2", "OTHER_3"]),
    }
    v.extend(["TOTAL", "CARRY_OUT"]);
    v
}

pub fn outcome_rows(fmt: Fmt) -> Vec<&'static str> {
    t3_rows(fmt)
        .into_iter()
        .filter(|r| !matches!(*r, "NEW" | "CARRY_IN" | "TOTAL" | "CARRY_OUT"))
        .collect()
}

/// (group label in label column 1 or 2, sub-row label) of a Table 3 row.
fn t3_labels(fmt: Fmt, key: &str) -> (&'static str, &'static str, &'static str) {
    // (col1, col2, col3) label slots, "" = covered / none.
    match key {
        "NEW" => ("一、本年新收政府信息公开申请数量", "", ""),
        "CARRY_IN" => ("二、上年结转政府信息公开申请数量", "", ""),
        "GRANT" => ("三、本年度办理结果", "（一）予以公开", ""),
        "PARTIAL" => (
            "",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "",
        ),
        "DENY_1" => ("", "（三）不予公开", "1.属于国家秘密"),
        "DENY_2" => ("", "", "2.其他法律行政法规禁止公开"),
        "DENY_3" => ("", "", "3.危及“三安全一稳定”"),
        "DENY_4" => ("", "", "4.保护第三方合法权益"),
        "DENY_5" => ("", "", "5.属于三类内部事务信息"),
        "DENY_6" => ("", "", "6.属于四类过程性信息"),
        "DENY_7" => ("", "", "7.属于行政执法案卷"),
        "DENY_8" => ("", "", "8.属于行政查询事项"),
        "UNABLE_1" => ("", "（四）无法提供", "1.本机关不掌握相关政府信息"),
        "UNABLE_2" => ("", "", "2.没有现成信息需要另行制作"),
        "UNABLE_3" => ("", "", "3.补正后申请内容仍不明确"),
        "NOTPROC_1" => ("", "（五）不予处理", "1.信访举报投诉类申请"),
        "NOTPROC_2" => ("", "", "2.重复申请"),
        "NOTPROC_3" => ("", "", "3.要求提供公开出版物"),
        "NOTPROC_4" => ("", "", "4.无正当理由大量反复申请"),
        "NOTPROC_5" => ("", "", "5.要求行政机关确认或重新出具已获取信息"),
        "OTHER" => ("", "（六）其他处理", ""),
        "OTHER_1" => (
            "",
            "（六）其他处理",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ),
        "OTHER_2" => (
            "",
            "",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ),
        "OTHER_3" => ("", "", "3.其他"),
        "TOTAL" => ("", "（七）总计", ""),
        "CARRY_OUT" => ("四、结转下年度继续办理", "", ""),
        _ => {
            let _ = fmt;
            ("", "", "")
        }
    }
}

/// The label a human would use for the row (for text output assertions).
pub fn t3_row_label(fmt: Fmt, key: &str) -> &'static str {
    let (a, b, c) = t3_labels(fmt, key);
    if !c.is_empty() {
        c
    } else if !b.is_empty() {
        b
    } else {
        a
    }
}

#[derive(Debug, Clone)]
pub struct Fixture {
    pub fmt: Fmt,
    pub agency: String,
    /// Year in the title.
    pub year: i32,
    /// Year in the 统计期限 sentence (normally = year).
    pub period_year: i32,
    pub t2: Vec<T2Row>,
    /// Table 3: row key → [NP, BE, RI, PW, LS, OT, TOT].
    pub t3: Vec<(&'static str, [i64; 7])>,
    /// Table 4: 15 values, REV / LIT_DIRECT / LIT_AFTER × UPHELD … TOTAL.
    pub t4: [i64; 15],
    /// Cell texts written instead of the number: (table, row, column) → text.
    pub raw: HashMap<(TableId, String, String), String>,
    /// Tables to leave out of the rendering.
    pub omit: Vec<TableId>,
    /// Render Table 2 in the other format (R29 mixture).
    pub t2_override: Option<Vec<T2Row>>,
}

fn t2_2021() -> Vec<T2Row> {
    let docs = vec![
        ("MADE", "本年制发件数"),
        ("REPEALED", "本年废止件数"),
        ("VALID", "现行有效件数"),
    ];
    let dec = vec![("DECISIONS", "本年处理决定数量")];
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        T2Row {
            key: "REG",
            label: "规章",
            cols: docs.clone(),
            vals: s(&["1", "0", "6"]),
            caption: Some("第二十条第（一）项"),
        },
        T2Row {
            key: "NDOC",
            label: "行政规范性文件",
            cols: docs,
            vals: s(&["3", "1", "25"]),
            caption: None,
        },
        T2Row {
            key: "LICENSE",
            label: "行政许可",
            cols: dec.clone(),
            vals: s(&["1520"]),
            caption: Some("第二十条第（五）项"),
        },
        T2Row {
            key: "PUNISH",
            label: "行政处罚",
            cols: dec.clone(),
            vals: s(&["845"]),
            caption: Some("第二十条第（六）项"),
        },
        T2Row {
            key: "COERCE",
            label: "行政强制",
            cols: dec,
            vals: s(&["12"]),
            caption: None,
        },
        T2Row {
            key: "FEE",
            label: "行政事业性收费",
            cols: vec![("AMOUNT", "本年收费金额（单位：万元）")],
            vals: s(&["12.35"]),
            caption: Some("第二十条第（八）项"),
        },
    ]
}

fn t2_2019() -> Vec<T2Row> {
    let docs = vec![
        ("NEW_MADE", "本年新制作数量"),
        ("NEW_PUBLISHED", "本年新公开数量"),
        ("TOTAL_PUBLISHED", "对外公开总数量"),
    ];
    let items = vec![
        ("PREV_ITEMS", "上一年项目数量"),
        ("DELTA", "本年增/减"),
        ("DECISIONS", "处理决定数量"),
    ];
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    vec![
        T2Row {
            key: "REG",
            label: "规章",
            cols: docs.clone(),
            vals: s(&["1", "1", "6"]),
            caption: Some("第二十条第（一）项"),
        },
        T2Row {
            key: "NDOC",
            label: "规范性文件",
            cols: docs,
            vals: s(&["4", "4", "37"]),
            caption: None,
        },
        T2Row {
            key: "LICENSE",
            label: "行政许可",
            cols: items.clone(),
            vals: s(&["56", "+2", "1320"]),
            caption: Some("第二十条第（五）项"),
        },
        T2Row {
            key: "OTHERSVC",
            label: "其他对外管理服务事项",
            cols: items.clone(),
            vals: s(&["12", "-1", "300"]),
            caption: None,
        },
        T2Row {
            key: "PUNISH",
            label: "行政处罚",
            cols: items.clone(),
            vals: s(&["120", "0", "845"]),
            caption: Some("第二十条第（六）项"),
        },
        T2Row {
            key: "COERCE",
            label: "行政强制",
            cols: items,
            vals: s(&["8", "0", "12"]),
            caption: None,
        },
        T2Row {
            key: "FEE",
            label: "行政事业性收费",
            cols: vec![("PREV_ITEMS", "上一年项目数量"), ("DELTA", "本年增/减")],
            vals: s(&["3", "0"]),
            caption: Some("第二十条第（八）项"),
        },
        T2Row {
            key: "PROC",
            label: "政府集中采购",
            cols: vec![("PROJECTS", "采购项目数量"), ("AMOUNT", "采购总金额")],
            vals: s(&["5", "251000元"]),
            caption: Some("第二十条第（九）项"),
        },
    ]
}

/// Outcome values (NP, BE, RI, PW, LS, OT) of the 2021 form; LS stays empty (R6 applies).
const OUTCOMES_2021: [(&str, [i64; 6]); 21] = [
    ("GRANT", [12, 3, 1, 0, 0, 1]),
    ("PARTIAL", [4, 1, 0, 1, 0, 0]),
    ("DENY_1", [1, 0, 0, 0, 0, 0]),
    ("DENY_2", [0, 1, 0, 0, 0, 0]),
    ("DENY_3", [2, 0, 0, 0, 0, 0]),
    ("DENY_4", [3, 1, 0, 0, 0, 0]),
    ("DENY_5", [1, 0, 0, 0, 0, 0]),
    ("DENY_6", [2, 0, 1, 0, 0, 0]),
    ("DENY_7", [0, 0, 0, 0, 0, 1]),
    ("DENY_8", [1, 0, 0, 0, 0, 0]),
    ("UNABLE_1", [15, 2, 0, 1, 0, 0]),
    ("UNABLE_2", [3, 0, 0, 0, 0, 0]),
    ("UNABLE_3", [2, 0, 0, 0, 0, 1]),
    ("NOTPROC_1", [5, 0, 0, 0, 0, 0]),
    ("NOTPROC_2", [2, 1, 0, 0, 0, 0]),
    ("NOTPROC_3", [1, 0, 0, 0, 0, 0]),
    ("NOTPROC_4", [1, 0, 0, 0, 0, 0]),
    ("NOTPROC_5", [0, 1, 0, 0, 0, 0]),
    ("OTHER_1", [3, 0, 0, 0, 0, 0]),
    ("OTHER_2", [1, 0, 0, 0, 0, 0]),
    ("OTHER_3", [4, 1, 0, 1, 0, 0]),
];

impl Fixture {
    /// The 2021-format report of 青禾市示例局 for 2024.
    pub fn f2021() -> Fixture {
        Fixture::new(Fmt::F2021)
    }

    /// The 2019 trial-format report of 青禾市示例局 for 2020.
    pub fn f2019() -> Fixture {
        Fixture::new(Fmt::F2019)
    }

    pub fn new(fmt: Fmt) -> Fixture {
        let mut t3: Vec<(&'static str, [i64; 7])> = Vec::new();
        for r in t3_rows(fmt) {
            t3.push((r, [0; 7]));
        }
        let mut f = Fixture {
            fmt,
            agency: "青禾市示例局".into(),
            year: if fmt == Fmt::F2021 { 2024 } else { 2020 },
            period_year: if fmt == Fmt::F2021 { 2024 } else { 2020 },
            t2: if fmt == Fmt::F2021 {
                t2_2021()
            } else {
                t2_2019()
            },
            t3,
            t4: [3, 1, 0, 1, 5, 1, 0, 1, 0, 2, 1, 0, 0, 1, 2],
            raw: HashMap::new(),
            omit: Vec::new(),
            t2_override: None,
        };
        for (r, v) in OUTCOMES_2021 {
            let key = match (fmt, r) {
                (Fmt::F2019, "OTHER_1" | "OTHER_2" | "OTHER_3") => "OTHER",
                _ => r,
            };
            let row = f.row_mut(key);
            for c in 0..6 {
                row[c] += v[c];
            }
        }
        *f.row_mut("CARRY_IN") = [5, 1, 0, 0, 0, 0, 0];
        *f.row_mut("CARRY_OUT") = [6, 1, 1, 0, 0, 0, 0];
        f.balance();
        f
    }

    pub fn row(&self, key: &str) -> [i64; 7] {
        self.t3
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .unwrap_or_else(|| panic!("no row {key}"))
    }

    pub fn row_mut(&mut self, key: &str) -> &mut [i64; 7] {
        &mut self
            .t3
            .iter_mut()
            .find(|(k, _)| *k == key)
            .unwrap_or_else(|| panic!("no row {key}"))
            .1
    }

    pub fn t3_get(&self, row: &str, col: &str) -> i64 {
        self.row(row)[col_index(col)]
    }

    pub fn t3_set(&mut self, row: &str, col: &str, v: i64) {
        self.row_mut(row)[col_index(col)] = v;
    }

    pub fn t4_get(&self, row: &str, col: &str) -> i64 {
        self.t4[t4_index(row, col)]
    }

    pub fn t4_set(&mut self, row: &str, col: &str, v: i64) {
        self.t4[t4_index(row, col)] = v;
    }

    pub fn t2_get(&self, row: &str, col: &str) -> Option<String> {
        let r = self.t2.iter().find(|r| r.key == row)?;
        let i = r.cols.iter().position(|c| c.0 == col)?;
        Some(r.vals[i].clone())
    }

    pub fn t2_set(&mut self, row: &str, col: &str, v: &str) {
        let r = self
            .t2
            .iter_mut()
            .find(|r| r.key == row)
            .unwrap_or_else(|| panic!("no T2 row {row}"));
        let i = r
            .cols
            .iter()
            .position(|c| c.0 == col)
            .unwrap_or_else(|| panic!("no T2 col {col}"));
        r.vals[i] = v.to_string();
    }

    /// Writes `text` in a cell instead of its number.
    pub fn set_raw(&mut self, t: TableId, row: &str, col: &str, text: &str) {
        self.raw
            .insert((t, row.to_string(), col.to_string()), text.to_string());
    }

    /// Recomputes every derived cell so that R1–R3 and R10–R12 hold: 总计 column, （七）总计
    /// row, 一、本年新收 from the others; Table 4 totals.
    pub fn balance(&mut self) {
        let outs = outcome_rows(self.fmt);
        let mut total = [0i64; 7];
        for r in &outs {
            let v = self.row(r);
            for c in 0..6 {
                total[c] += v[c];
            }
        }
        *self.row_mut("TOTAL") = total;
        let (cin, cout) = (self.row("CARRY_IN"), self.row("CARRY_OUT"));
        let mut new = [0i64; 7];
        for c in 0..6 {
            new[c] = total[c] + cout[c] - cin[c];
        }
        *self.row_mut("NEW") = new;
        for (_, v) in self.t3.iter_mut() {
            v[6] = v[..6].iter().sum();
        }
        for b in 0..3 {
            self.t4[b * 5 + 4] = self.t4[b * 5..b * 5 + 4].iter().sum();
        }
    }

    /// The expected value of a Table 2 cell as a plain number string ("+2" → "2",
    /// "251000元" → "251000").
    pub fn t2_expected(&self, row: &str, col: &str) -> Option<String> {
        let v = self.t2_get(row, col)?;
        let v = v.trim_start_matches('+').trim_end_matches('元').to_string();
        Some(v)
    }

    fn t2_rows(&self) -> &Vec<T2Row> {
        self.t2_override.as_ref().unwrap_or(&self.t2)
    }

    /// Replaces Table 2 by the other format's (a mixed report, R29).
    pub fn mix_other_t2(&mut self) {
        self.t2_override = Some(match self.fmt {
            Fmt::F2021 => t2_2019(),
            Fmt::F2019 => t2_2021(),
        });
    }

    pub fn title(&self) -> String {
        format!("{} {} 年政府信息公开工作年度报告", self.agency, self.year)
    }

    pub fn render(&self, layout: Layout) -> String {
        self.render_with(layout, Opts::default())
    }

    pub fn render_with(&self, layout: Layout, opts: Opts) -> String {
        let text = render_text(self, layout, opts);
        match layout {
            Layout::FullWidth => text
                .chars()
                .map(|c| {
                    if c.is_ascii_digit() {
                        char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
                    } else {
                        c
                    }
                })
                .collect(),
            Layout::Traditional => text.chars().map(to_traditional).collect(),
            _ => text,
        }
    }

    /// The three tables as grids with spans expanded (origin slot holds the text,
    /// covered slots are "").
    pub fn grids(&self) -> Vec<GridTable> {
        let mut out = Vec::new();
        for t in [TableId::Active, TableId::Applications, TableId::Review] {
            if self.omit.contains(&t) {
                continue;
            }
            let rows = self
                .model(t, Layout::Tab)
                .into_iter()
                .filter(|r| !r.furniture)
                .map(|r| {
                    r.slots
                        .into_iter()
                        .map(|s| s.text.replace('\n', ""))
                        .collect()
                })
                .collect();
            out.push(GridTable { rows });
        }
        out
    }

    /// The text of a cell as the fixture writes it (before layout transformations).
    fn cell_text(&self, t: TableId, row: &str, col: &str, v: i64, layout: Layout) -> String {
        if let Some(r) = self.raw.get(&(t, row.to_string(), col.to_string())) {
            return r.clone();
        }
        if layout == Layout::DashZero && v == 0 {
            // Alternate the two dashes seen in real reports.
            let h = row.len() + col.len();
            return if h.is_multiple_of(2) { "/" } else { "—" }.to_string();
        }
        v.to_string()
    }

    fn model(&self, t: TableId, layout: Layout) -> Vec<MRow> {
        match t {
            TableId::Active => self.model_t2(layout),
            TableId::Applications => self.model_t3(layout),
            TableId::Review => self.model_t4(layout),
        }
    }

    fn model_t2(&self, layout: Layout) -> Vec<MRow> {
        let mut rows = Vec::new();
        let width = 4;
        let mut last_cols: Vec<&str> = Vec::new();
        for r in self.t2_rows() {
            if let Some(cap) = r.caption {
                let mut s = vec![Slot::label(cap)];
                s.extend((1..width).map(|_| Slot::covered()));
                rows.push(MRow::header(s));
                last_cols.clear();
            }
            let labels: Vec<&str> = r.cols.iter().map(|c| c.1).collect();
            if labels != last_cols {
                let mut s = vec![Slot::label("信息内容")];
                s.extend(span_slots(&labels, width - 1, Slot::label));
                rows.push(MRow::header(s));
                last_cols = labels;
            }
            let mut s = vec![Slot::label(r.label)];
            let vals: Vec<String> = r
                .cols
                .iter()
                .zip(&r.vals)
                .map(|(c, v)| {
                    match self
                        .raw
                        .get(&(TableId::Active, r.key.to_string(), c.0.to_string()))
                    {
                        Some(x) => x.clone(),
                        None if layout == Layout::DashZero && v == "0" => "/".to_string(),
                        None => v.clone(),
                    }
                })
                .collect();
            let refs: Vec<&str> = vals.iter().map(String::as_str).collect();
            s.extend(span_slots(&refs, width - 1, Slot::value));
            rows.push(MRow::data(s, None));
        }
        rows
    }

    fn model_t3(&self, layout: Layout) -> Vec<MRow> {
        let mut rows = Vec::new();
        let note = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";
        let mut h1 = vec![Slot::label(note), Slot::covered(), Slot::covered()];
        h1.push(Slot::label("申请人情况"));
        h1.extend((0..6).map(|_| Slot::covered()));
        rows.push(MRow::header(h1));
        let mut h2 = vec![Slot::covered(), Slot::covered(), Slot::covered()];
        h2.push(Slot::label("自然\n人"));
        h2.push(Slot::label("法人或其他组织"));
        h2.extend((0..4).map(|_| Slot::covered()));
        h2.push(Slot::label("总计"));
        rows.push(MRow::header(h2));
        let mut h3 = vec![Slot::covered(); 4];
        for l in [
            "商业\n企业",
            "科研\n机构",
            "社会\n公益\n组织",
            "法律\n服务\n机构",
            "其他",
        ] {
            h3.push(Slot::label(l));
        }
        h3.push(Slot::covered());
        rows.push(MRow::header(h3));
        for (key, vals) in &self.t3 {
            let (a, b, c) = t3_labels(self.fmt, key);
            let mut s = Vec::new();
            // A label of colspan 3 (一、二、四) or 2 (（一）（二）（七）, F2019 （六）).
            s.push(if a.is_empty() {
                Slot::covered()
            } else {
                Slot::label(a)
            });
            if a.is_empty() || !b.is_empty() {
                s.push(if b.is_empty() {
                    Slot::covered()
                } else {
                    Slot::label(b)
                });
            } else {
                s.push(Slot::covered());
            }
            s.push(if c.is_empty() {
                Slot::covered()
            } else {
                Slot::label(c)
            });
            for (i, col) in T3_COLS.iter().enumerate() {
                let text = self.cell_text(TableId::Applications, key, col, vals[i], layout);
                s.push(Slot::value(&text));
            }
            rows.push(MRow::data(s, Some(key)));
        }
        rows
    }

    fn model_t4(&self, layout: Layout) -> Vec<MRow> {
        let mut rows = Vec::new();
        let mut h1 = vec![Slot::label("行政复议")];
        h1.extend((0..4).map(|_| Slot::covered()));
        h1.push(Slot::label("行政诉讼"));
        h1.extend((0..9).map(|_| Slot::covered()));
        rows.push(MRow::header(h1));
        let res = [
            "结果\n维持",
            "结果\n纠正",
            "其他\n结果",
            "尚未\n审结",
            "总计",
        ];
        let mut h2: Vec<Slot> = res.iter().map(|l| Slot::label(l)).collect();
        h2.push(Slot::label("未经复议直接起诉"));
        h2.extend((0..4).map(|_| Slot::covered()));
        h2.push(Slot::label("复议后起诉"));
        h2.extend((0..4).map(|_| Slot::covered()));
        rows.push(MRow::header(h2));
        let mut h3 = vec![Slot::covered(); 5];
        for _ in 0..2 {
            h3.extend(res.iter().map(|l| Slot::label(l)));
        }
        rows.push(MRow::header(h3));
        let mut s = Vec::new();
        for (b, row) in T4_ROWS.iter().enumerate() {
            for (c, col) in T4_COLS.iter().enumerate() {
                let text = self.cell_text(TableId::Review, row, col, self.t4[b * 5 + c], layout);
                s.push(Slot::value(&text));
            }
        }
        rows.push(MRow::data(s, None));
        rows
    }
}

pub fn col_index(col: &str) -> usize {
    T3_COLS
        .iter()
        .position(|c| *c == col)
        .unwrap_or_else(|| panic!("no column {col}"))
}

pub fn t4_index(row: &str, col: &str) -> usize {
    let b = T4_ROWS.iter().position(|r| *r == row).expect("T4 row");
    let c = T4_COLS.iter().position(|r| *r == col).expect("T4 col");
    b * 5 + c
}

/// `n` slots from `texts`, the last text spanning the rest.
fn span_slots(texts: &[&str], n: usize, mk: fn(&str) -> Slot) -> Vec<Slot> {
    let mut v: Vec<Slot> = texts.iter().map(|t| mk(t)).collect();
    while v.len() < n {
        v.push(Slot::covered());
    }
    v
}

#[derive(Debug, Clone)]
struct Slot {
    text: String,
    covered: bool,
    value: bool,
}

impl Slot {
    fn label(t: &str) -> Slot {
        Slot {
            text: t.to_string(),
            covered: false,
            value: false,
        }
    }
    fn value(t: &str) -> Slot {
        Slot {
            text: t.to_string(),
            covered: false,
            value: true,
        }
    }
    fn covered() -> Slot {
        Slot {
            text: String::new(),
            covered: true,
            value: false,
        }
    }
}

#[derive(Debug, Clone)]
struct MRow {
    slots: Vec<Slot>,
    /// A Table 3 data row (its key).
    t3: Option<&'static str>,
    header: bool,
    furniture: bool,
}

impl MRow {
    fn header(slots: Vec<Slot>) -> MRow {
        MRow {
            slots,
            t3: None,
            header: true,
            furniture: false,
        }
    }
    fn data(slots: Vec<Slot>, t3: Option<&'static str>) -> MRow {
        MRow {
            slots,
            t3,
            header: false,
            furniture: false,
        }
    }
}

/// Inserts spaces into a label the way Word spans and PDF copies break them.
fn break_label(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        let next = chars.get(i + 1);
        if i % 3 == 1
            && next.is_some_and(|n| !n.is_ascii_digit() && *n != '.')
            && !c.is_ascii_digit()
        {
            out.push(' ');
        }
    }
    out
}

/// Wraps a label into lines of about `w` characters, never leaving a digit or "." at a
/// break (a lone "1" would read as a number).
fn wrap(s: &str, w: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut n = 0;
    for (i, c) in chars.iter().enumerate() {
        cur.push(*c);
        n += 1;
        let next = chars.get(i + 1);
        let ok_break = !c.is_ascii_digit()
            && *c != ' '
            && *c != '.'
            && next.is_some_and(|n| !n.is_ascii_digit() && *n != '.' && *n != ' ');
        if n >= w && ok_break {
            out.push(std::mem::take(&mut cur));
            n = 0;
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

fn flat(s: &str) -> String {
    s.replace('\n', "")
}

fn serialize_table(rows: &[MRow], layout: Layout, out: &mut String) {
    for r in rows {
        if r.furniture {
            out.push_str("— 4 —\n");
            continue;
        }
        match layout {
            Layout::Tab
            | Layout::FullWidth
            | Layout::Traditional
            | Layout::DashZero
            | Layout::SpacedLabels => {
                let cells: Vec<String> = r
                    .slots
                    .iter()
                    .map(|s| {
                        if layout == Layout::SpacedLabels && !s.value {
                            break_label(&flat(&s.text))
                        } else if layout == Layout::SpacedLabels {
                            s.text.clone()
                        } else {
                            flat(&s.text)
                        }
                    })
                    .collect();
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
            Layout::Excel => {
                let cells: Vec<String> = r
                    .slots
                    .iter()
                    .map(|s| {
                        if s.text.contains('\n') {
                            format!("\"{}\"", s.text)
                        } else {
                            s.text.clone()
                        }
                    })
                    .collect();
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
            Layout::TabCompact => {
                let cells: Vec<String> = r
                    .slots
                    .iter()
                    .filter(|s| !s.covered)
                    .map(|s| flat(&s.text))
                    .collect();
                out.push_str(&cells.join("\t"));
                out.push('\n');
            }
            Layout::Pipes => {
                let cells: Vec<String> = r.slots.iter().map(|s| flat(&s.text)).collect();
                out.push_str("| ");
                out.push_str(&cells.join(" | "));
                out.push_str(" |\n");
                if r.header && std::ptr::eq(r, &rows[0]) {
                    out.push('|');
                    for _ in &r.slots {
                        out.push_str("---|");
                    }
                    out.push('\n');
                }
            }
            Layout::Lines => {
                for s in r.slots.iter().filter(|s| !s.covered) {
                    let t = flat(&s.text);
                    if !t.is_empty() {
                        out.push_str(&t);
                        out.push('\n');
                    }
                }
            }
            Layout::Spaces | Layout::Glued => {
                let labels: Vec<String> = r
                    .slots
                    .iter()
                    .filter(|s| !s.covered && !s.value)
                    .map(|s| flat(&s.text))
                    .collect();
                let vals: Vec<String> = r
                    .slots
                    .iter()
                    .filter(|s| s.value && !s.text.is_empty())
                    .map(|s| s.text.clone())
                    .collect();
                let label = labels.join(" ");
                if layout == Layout::Glued && r.t3.is_some() {
                    out.push_str(&label);
                    out.push_str(&vals.concat());
                    out.push('\n');
                    continue;
                }
                if r.t3.is_some() {
                    // Long labels wrap; the numbers follow the last piece.
                    let pieces = wrap(&label, 14);
                    let (last, first) = pieces.split_last().expect("label");
                    for p in first {
                        out.push_str(p);
                        out.push('\n');
                    }
                    out.push_str(last);
                } else {
                    out.push_str(&label);
                }
                for v in &vals {
                    if !out.is_empty() && !out.ends_with('\n') {
                        out.push(' ');
                    }
                    out.push_str(v);
                }
                out.push('\n');
            }
        }
    }
}

fn render_text(f: &Fixture, layout: Layout, opts: Opts) -> String {
    let mut out = String::new();
    let new_tot = f.row("NEW")[6];
    let cin_tot = f.row("CARRY_IN")[6];
    let total_tot = f.row("TOTAL")[6];
    if opts.prose {
        out.push_str(&f.title());
        out.push_str("\n\n");
        out.push_str(&format!(
            "本报告根据《中华人民共和国政府信息公开条例》编制，由总体情况、主动公开政府信息情况等六部分组成。本报告中所列数据的统计期限自 {} 年 1 月 1 日起至 {} 年 12 月 31 日止。\n\n",
            f.period_year, f.period_year
        ));
        out.push_str("一、总体情况\n\n");
        out.push_str(&format!(
            "（一）主动公开。{} 年，本局通过门户网站主动公开政府信息 168 条。\n",
            f.year
        ));
        out.push_str(&format!(
            "（二）依申请公开。全年共收到政府信息公开申请 {new_tot} 件，上年结转 {cin_tot} 件，办结 {total_tot} 件。\n\n"
        ));
        out.push_str("二、主动公开政府信息情况\n\n");
    }
    let tables = [TableId::Active, TableId::Applications, TableId::Review];
    for t in tables {
        if t == TableId::Applications && opts.prose {
            out.push_str("三、收到和处理政府信息公开申请情况\n\n");
        }
        if t == TableId::Review && opts.prose && !f.omit.contains(&t) {
            out.push_str("四、政府信息公开行政复议、行政诉讼情况\n\n");
            out.push_str(&format!(
                "本年度发生政府信息公开行政复议 {} 件，行政诉讼 {} 件。\n\n",
                f.t4[4],
                f.t4[9] + f.t4[14]
            ));
        }
        if f.omit.contains(&t) {
            continue;
        }
        let mut rows = f.model(t, layout);
        if t == TableId::Applications && opts.furniture {
            let at = rows
                .iter()
                .position(|r| r.t3 == Some("DENY_5"))
                .expect("DENY_5");
            let mut fur = MRow::header(Vec::new());
            fur.furniture = true;
            rows.insert(at, fur);
        }
        serialize_table(&rows, layout, &mut out);
        out.push('\n');
    }
    if opts.prose {
        out.push_str("五、存在的主要问题及改进情况\n\n");
        out.push_str("一是信息公开的及时性有待提高；二是政策解读形式较为单一。下一步，本局将加强培训，丰富解读形式。\n\n");
        out.push_str("六、其他需要报告的事项\n\n");
        out.push_str("本年度未收取信息处理费。\n");
    }
    out
}

/// Simplified → traditional for the characters of the labels, headings and prose.
fn to_traditional(c: char) -> char {
    const S2T: &[(char, char)] = &[
        ('条', '條'),
        ('项', '項'),
        ('发', '發'),
        ('废', '廢'),
        ('现', '現'),
        ('规', '規'),
        ('范', '範'),
        ('处', '處'),
        ('决', '決'),
        ('数', '數'),
        ('许', '許'),
        ('罚', '罰'),
        ('强', '強'),
        ('费', '費'),
        ('额', '額'),
        ('单', '單'),
        ('万', '萬'),
        ('业', '業'),
        ('请', '請'),
        ('况', '況'),
        ('组', '組'),
        ('织', '織'),
        ('构', '構'),
        ('务', '務'),
        ('总', '總'),
        ('计', '計'),
        ('关', '關'),
        ('系', '係'),
        ('为', '為'),
        ('于', '於'),
        ('开', '開'),
        ('结', '結'),
        ('转', '轉'),
        ('办', '辦'),
        ('国', '國'),
        ('稳', '穩'),
        ('护', '護'),
        ('权', '權'),
        ('属', '屬'),
        ('类', '類'),
        ('内', '內'),
        ('过', '過'),
        ('执', '執'),
        ('询', '詢'),
        ('补', '補'),
        ('访', '訪'),
        ('举', '舉'),
        ('报', '報'),
        ('诉', '訴'),
        ('复', '復'),
        ('获', '獲'),
        ('确', '確'),
        ('认', '認'),
        ('缴', '繳'),
        ('纳', '納'),
        ('继', '繼'),
        ('续', '續'),
        ('议', '議'),
        ('讼', '訟'),
        ('维', '維'),
        ('纠', '糾'),
        ('审', '審'),
        ('经', '經'),
        ('无', '無'),
        ('机', '機'),
        ('后', '後'),
        ('当', '當'),
        ('会', '會'),
        ('对', '對'),
        ('减', '減'),
        ('采', '採'),
        ('购', '購'),
        ('统', '統'),
        ('据', '據'),
        ('门', '門'),
        ('没', '沒'),
        ('问', '問'),
        ('题', '題'),
        ('进', '進'),
        ('体', '體'),
        ('级', '級'),
        ('个', '個'),
        ('编', '編'),
        ('动', '動'),
        ('政', '政'),
    ];
    S2T.iter().find(|(s, _)| *s == c).map_or(c, |(_, t)| *t)
}

// ------------------------------------------------------------------ assertions

/// Error findings of a report.
pub fn errors(r: &Report) -> Vec<&Finding> {
    r.findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .collect()
}

pub fn findings<'a>(r: &'a Report, rule: &str) -> Vec<&'a Finding> {
    r.findings.iter().filter(|f| f.rule == rule).collect()
}

pub fn checks<'a>(r: &'a Report, rule: &str) -> Vec<&'a Check> {
    r.checks.iter().filter(|c| c.rule == rule).collect()
}

pub fn check_status(r: &Report, rule: &str, instance: &str) -> Option<Status> {
    r.checks
        .iter()
        .find(|c| c.rule == rule && c.instance == instance)
        .map(|c| c.status)
}

/// Short human summary of the findings, for assertion messages.
pub fn describe(r: &Report) -> String {
    let mut s = String::new();
    for f in &r.findings {
        s.push_str(&format!(
            "  {} {:?} {:?} [{}] suspects={:?} {}\n",
            f.rule,
            f.severity,
            f.status,
            f.instance,
            f.suspects
                .iter()
                .map(|c| format!("{}.{}", c.row, c.column))
                .collect::<Vec<_>>(),
            f.message.zh
        ));
    }
    for n in &r.notes {
        s.push_str(&format!("  note {} {}\n", n.code, n.message.zh));
    }
    s
}

pub fn has_suspect(f: &Finding, t: TableId, row: &str, col: &str) -> bool {
    f.suspects
        .iter()
        .any(|c| c.table == t && c.row == row && c.column == col)
}

pub fn has_cell(f: &Finding, t: TableId, row: &str, col: &str) -> bool {
    f.cells
        .iter()
        .any(|c| c.table == t && c.row == row && c.column == col)
}

/// Number of ways a glued Table 3 row can be split into 6 parts plus their sum (no
/// leading zeros), at most 2.
pub fn glued_splits(d: &str) -> usize {
    fn go(d: &[u8], parts: &mut Vec<i64>, n: &mut usize) {
        if *n >= 2 {
            return;
        }
        if parts.len() == 6 {
            let s: i64 = parts.iter().sum();
            if d == s.to_string().as_bytes() {
                *n += 1;
            }
            return;
        }
        for len in 1..=d.len().min(12) {
            let p = &d[..len];
            if len > 1 && p[0] == b'0' {
                break;
            }
            let v: i64 = std::str::from_utf8(p).unwrap().parse().unwrap();
            parts.push(v);
            go(&d[len..], parts, n);
            parts.pop();
        }
    }
    let mut n = 0;
    go(d.as_bytes(), &mut Vec::new(), &mut n);
    n
}

/// The glued digits of a Table 3 row as the fixture writes them.
pub fn glued_digits(v: &[i64; 7]) -> String {
    v.iter().map(|x| x.to_string()).collect()
}
