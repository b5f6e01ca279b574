//! Seeded generator of random but plausible reports, and one renderer per input
//! layout the engine claims to read. Independent of `tests/it/common`: its own PRNG, its own
//! model and its own simplified→traditional table, so the engine is not checked against
//! its own data.
//!
//! A generated report is consistent: R1–R3 and R10–R12 hold, every count is a
//! non-negative integer, and the warnings are kept away (CARRY_OUT ≤ NEW per column,
//! LIT_AFTER.TOTAL ≤ the concluded reviews, VALID ≥ MADE, PREV_ITEMS + DELTA ≥ 0, …).
//! Rendering is deterministic in its own seed and draws the same random numbers whatever
//! the values are, so a report with one number changed renders identically elsewhere.

use gouji::{GridTable, TableId};

// ------------------------------------------------------------------ PRNG

/// splitmix64.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in 0..n (0 when n = 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            0
        } else {
            self.next_u64() % n
        }
    }
    /// Uniform in lo..=hi.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo) as u64 + 1) as i64
    }
    /// True with probability `pct` percent.
    pub fn pct(&mut self, pct: u64) -> bool {
        self.below(100) < pct
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
    /// A count as real reports have them: zeros common, mostly small, sometimes in the
    /// millions.
    pub fn count(&mut self) -> i64 {
        match self.below(100) {
            0..=29 => 0,
            30..=59 => self.range(1, 9),
            60..=79 => self.range(10, 99),
            80..=91 => self.range(100, 999),
            92..=96 => self.range(1000, 99_999),
            _ => self.range(100_000, 5_000_000),
        }
    }
}

// ------------------------------------------------------------------ the form

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

pub const T3_COLS: [&str; 7] = ["NP", "BE", "RI", "PW", "LS", "OT", "TOT"];
pub const T4_ROWS: [&str; 3] = ["REV", "LIT_DIRECT", "LIT_AFTER"];
pub const T4_COLS: [&str; 5] = ["UPHELD", "CORRECTED", "OTHER", "PENDING", "TOTAL"];

const OUTCOMES: [&str; 18] = [
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

pub fn outcome_rows(fmt: Fmt) -> Vec<&'static str> {
    let mut v = OUTCOMES.to_vec();
    match fmt {
        Fmt::F2019 => v.push("OTHER"),
        Fmt::F2021 => v.extend(["OTHER_1", "OTHER_2", "OTHER_3"]),
    }
    v
}

pub fn t3_rows(fmt: Fmt) -> Vec<&'static str> {
    let mut v = vec!["NEW", "CARRY_IN"];
    v.extend(outcome_rows(fmt));
    v.extend(["TOTAL", "CARRY_OUT"]);
    v
}

/// The three label slots of a Table 3 row ("" = covered by a merged label).
fn t3_label_slots(key: &str, comma: bool) -> [&'static str; 3] {
    match key {
        "NEW" => ["一、本年新收政府信息公开申请数量", "", ""],
        "CARRY_IN" => ["二、上年结转政府信息公开申请数量", "", ""],
        "GRANT" => ["三、本年度办理结果", "（一）予以公开", ""],
        "PARTIAL" => [
            "",
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
            "",
        ],
        "DENY_1" => ["", "（三）不予公开", "1.属于国家秘密"],
        "DENY_2" => ["", "", "2.其他法律行政法规禁止公开"],
        "DENY_3" => ["", "", "3.危及“三安全一稳定”"],
        "DENY_4" => ["", "", "4.保护第三方合法权益"],
        "DENY_5" => ["", "", "5.属于三类内部事务信息"],
        "DENY_6" => ["", "", "6.属于四类过程性信息"],
        "DENY_7" => ["", "", "7.属于行政执法案卷"],
        "DENY_8" => ["", "", "8.属于行政查询事项"],
        "UNABLE_1" => ["", "（四）无法提供", "1.本机关不掌握相关政府信息"],
        "UNABLE_2" => ["", "", "2.没有现成信息需要另行制作"],
        "UNABLE_3" => ["", "", "3.补正后申请内容仍不明确"],
        "NOTPROC_1" => ["", "（五）不予处理", "1.信访举报投诉类申请"],
        "NOTPROC_2" => ["", "", "2.重复申请"],
        "NOTPROC_3" => ["", "", "3.要求提供公开出版物"],
        "NOTPROC_4" => ["", "", "4.无正当理由大量反复申请"],
        "NOTPROC_5" => ["", "", "5.要求行政机关确认或重新出具已获取信息"],
        "OTHER" => ["", "（六）其他处理", ""],
        "OTHER_1" if comma => [
            "",
            "（六）其他处理",
            "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ],
        "OTHER_1" => [
            "",
            "（六）其他处理",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ],
        "OTHER_2" if comma => [
            "",
            "",
            "2、申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ],
        "OTHER_2" => [
            "",
            "",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ],
        "OTHER_3" if comma => ["", "", "3、其他"],
        "OTHER_3" => ["", "", "3.其他"],
        "TOTAL" => ["", "（七）总计", ""],
        "CARRY_OUT" => ["四、结转下年度继续办理", "", ""],
        _ => ["", "", ""],
    }
}

/// A Table 2 cell: its text as written (e.g. "+3", "251000元", "12.35") and its value.
#[derive(Debug, Clone)]
pub struct T2Cell {
    pub col: &'static str,
    pub col_label: &'static str,
    pub text: String,
    /// Canonical value ("3", "-2", "251000", "12.35").
    pub value: String,
}

#[derive(Debug, Clone)]
pub struct T2Row {
    pub key: &'static str,
    pub label: &'static str,
    pub caption: Option<&'static str>,
    pub cells: Vec<T2Cell>,
}

/// One generated report.
#[derive(Debug, Clone)]
pub struct Report {
    pub fmt: Fmt,
    pub year: i32,
    pub agency: &'static str,
    pub t2: Vec<T2Row>,
    /// Table 3 in form order: row key → NP, BE, RI, PW, LS, OT, TOT.
    pub t3: Vec<(&'static str, [i64; 7])>,
    /// Table 4: REV, LIT_DIRECT, LIT_AFTER × UPHELD, CORRECTED, OTHER, PENDING, TOTAL.
    pub t4: [i64; 15],
}

impl Report {
    pub fn t3_get(&self, row: &str, col: usize) -> i64 {
        self.t3
            .iter()
            .find(|(k, _)| *k == row)
            .map_or(0, |r| r.1[col])
    }
    pub fn title(&self) -> String {
        format!("{} {} 年政府信息公开工作年度报告", self.agency, self.year)
    }
}

fn t2_cell(col: &'static str, col_label: &'static str, v: i64) -> T2Cell {
    T2Cell {
        col,
        col_label,
        text: v.to_string(),
        value: v.to_string(),
    }
}

fn money(rng: &mut Rng) -> String {
    if rng.pct(20) {
        return "0".into();
    }
    let int = match rng.below(3) {
        0 => rng.range(0, 99),
        1 => rng.range(100, 9999),
        _ => rng.range(10_000, 999_999),
    };
    match rng.below(5) {
        0 => int.to_string(),
        d => {
            let frac = rng.range(1, 10i64.pow(d as u32) - 1);
            let f = format!("{frac:0width$}", width = d as usize);
            // "12.30" reads as 12.3; keep the text as a report would print it.
            format!("{int}.{f}")
        }
    }
}

/// A decimal text's canonical value (trailing zeros dropped).
fn canon_decimal(s: &str) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0').trim_end_matches('.');
        t.to_string()
    } else {
        s.to_string()
    }
}

fn gen_t2(rng: &mut Rng, fmt: Fmt, county: bool) -> Vec<T2Row> {
    let mut rows = Vec::new();
    match fmt {
        Fmt::F2021 => {
            for (key, label, caption) in [
                ("REG", "规章", Some("第二十条第（一）项")),
                ("NDOC", "行政规范性文件", None),
            ] {
                let (made, rep, valid) = if key == "REG" && county {
                    (0, 0, 0)
                } else {
                    let made = if rng.pct(40) { 0 } else { rng.range(1, 40) };
                    let rep = if rng.pct(50) { 0 } else { rng.range(1, 30) };
                    (made, rep, made + rng.range(0, 300))
                };
                let label = if key == "NDOC" && rng.pct(20) {
                    "规范性文件"
                } else {
                    label
                };
                rows.push(T2Row {
                    key,
                    label,
                    caption,
                    cells: vec![
                        t2_cell("MADE", "本年制发件数", made),
                        t2_cell("REPEALED", "本年废止件数", rep),
                        t2_cell("VALID", "现行有效件数", valid),
                    ],
                });
            }
            for (key, label, caption) in [
                ("LICENSE", "行政许可", Some("第二十条第（五）项")),
                ("PUNISH", "行政处罚", Some("第二十条第（六）项")),
                ("COERCE", "行政强制", None),
            ] {
                let v = rng.count();
                rows.push(T2Row {
                    key,
                    label,
                    caption,
                    cells: vec![t2_cell("DECISIONS", "本年处理决定数量", v)],
                });
            }
            let m = money(rng);
            rows.push(T2Row {
                key: "FEE",
                label: "行政事业性收费",
                caption: Some("第二十条第（八）项"),
                cells: vec![T2Cell {
                    col: "AMOUNT",
                    col_label: "本年收费金额（单位：万元）",
                    value: canon_decimal(&m),
                    text: m,
                }],
            });
        }
        Fmt::F2019 => {
            for (key, label, caption) in [
                ("REG", "规章", Some("第二十条第（一）项")),
                ("NDOC", "规范性文件", None),
            ] {
                let (made, publ, total) = if key == "REG" && county {
                    (0, 0, 0)
                } else {
                    let publ = if rng.pct(40) { 0 } else { rng.range(1, 40) };
                    (publ + rng.range(0, 5), publ, publ + rng.range(0, 300))
                };
                rows.push(T2Row {
                    key,
                    label,
                    caption,
                    cells: vec![
                        t2_cell("NEW_MADE", "本年新制作数量", made),
                        t2_cell("NEW_PUBLISHED", "本年新公开数量", publ),
                        t2_cell("TOTAL_PUBLISHED", "对外公开总数量", total),
                    ],
                });
            }
            for (key, label, caption) in [
                ("LICENSE", "行政许可", Some("第二十条第（五）项")),
                ("OTHERSVC", "其他对外管理服务事项", None),
                ("PUNISH", "行政处罚", Some("第二十条第（六）项")),
                ("COERCE", "行政强制", None),
                ("FEE", "行政事业性收费", Some("第二十条第（八）项")),
            ] {
                let prev = if rng.pct(25) { 0 } else { rng.range(1, 800) };
                let delta = if rng.pct(50) { 0 } else { rng.range(-prev, 60) };
                let dtext = if delta > 0 && rng.pct(60) {
                    format!("+{delta}")
                } else {
                    delta.to_string()
                };
                let mut cells = vec![
                    t2_cell("PREV_ITEMS", "上一年项目数量", prev),
                    T2Cell {
                        col: "DELTA",
                        col_label: "本年增/减",
                        text: dtext,
                        value: delta.to_string(),
                    },
                ];
                if key != "FEE" {
                    cells.push(t2_cell("DECISIONS", "处理决定数量", rng.count()));
                }
                rows.push(T2Row {
                    key,
                    label,
                    caption,
                    cells,
                });
            }
            let projects = if rng.pct(30) { 0 } else { rng.range(1, 200) };
            let amount = if projects == 0 {
                "0".to_string()
            } else if rng.pct(50) {
                rng.range(1000, 9_999_999).to_string()
            } else {
                money(rng)
            };
            let (text, value) = if amount != "0" && !amount.contains('.') && rng.pct(40) {
                (format!("{amount}元"), amount.clone())
            } else {
                (amount.clone(), canon_decimal(&amount))
            };
            rows.push(T2Row {
                key: "PROC",
                label: "政府集中采购",
                caption: Some("第二十条第（九）项"),
                cells: vec![
                    t2_cell("PROJECTS", "采购项目数量", projects),
                    T2Cell {
                        col: "AMOUNT",
                        col_label: "采购总金额",
                        text,
                        value,
                    },
                ],
            });
        }
    }
    rows
}

/// A consistent random report.
pub fn generate(seed: u64) -> Report {
    let mut rng = Rng::new(seed);
    let fmt = if rng.pct(50) { Fmt::F2021 } else { Fmt::F2019 };
    let year = match fmt {
        Fmt::F2019 => rng.range(2019, 2020) as i32,
        Fmt::F2021 => rng.range(2021, 2025) as i32,
    };
    let county = rng.pct(30);
    let agency = if county {
        *rng.pick(&["青禾县示例局", "青禾县人民政府办公室"])
    } else {
        *rng.pick(&["青禾市示例局", "青禾市人民政府办公室", "青禾市示例委员会"])
    };
    // Table 3, column by column.
    let outs = outcome_rows(fmt);
    let mut t3: Vec<(&'static str, [i64; 7])> =
        t3_rows(fmt).into_iter().map(|r| (r, [0i64; 7])).collect();
    let idle = rng.pct(8); // an agency with no applications at all
    for c in 0..6 {
        let active = !idle && if c == 0 { rng.pct(92) } else { rng.pct(40) };
        if !active {
            continue;
        }
        let scale: i64 = match rng.below(100) {
            0..=49 => 5,
            50..=79 => 40,
            80..=93 => 400,
            94..=98 => 20_000,
            _ => 2_000_000,
        };
        let dense = rng.range(20, 80) as u64;
        let mut total = 0;
        for r in &outs {
            let v = if rng.pct(dense) {
                rng.range(1, scale)
            } else {
                0
            };
            total += v;
            set(&mut t3, r, c, v);
        }
        let carry_in = if total == 0 || rng.pct(50) {
            0
        } else {
            rng.range(0, total.min(scale))
        };
        let carry_out = if rng.pct(50) { 0 } else { rng.range(0, scale) };
        set(&mut t3, "TOTAL", c, total);
        set(&mut t3, "CARRY_IN", c, carry_in);
        set(&mut t3, "CARRY_OUT", c, carry_out);
        set(&mut t3, "NEW", c, total + carry_out - carry_in);
    }
    for (_, v) in t3.iter_mut() {
        v[6] = v[..6].iter().sum();
    }
    // Table 4: LIT_AFTER.TOTAL ≤ concluded reviews (R14, R15).
    let mut t4 = [0i64; 15];
    let inflow = t3[0].1[6] + t3[1].1[6];
    if inflow > 0 {
        for (b, _) in T4_ROWS.iter().enumerate() {
            if rng.pct(40) {
                continue;
            }
            let mut budget = if b == 2 {
                t4[0] + t4[1] + t4[2]
            } else {
                i64::MAX
            };
            let big = rng.pct(5);
            for c in 0..4 {
                let v = if rng.pct(50) {
                    0
                } else if big {
                    rng.range(1, 200_000)
                } else {
                    rng.range(1, 30)
                };
                let v = v.min(budget);
                budget -= v;
                t4[b * 5 + c] = v;
            }
            t4[b * 5 + 4] = t4[b * 5..b * 5 + 4].iter().sum();
        }
    }
    let t2 = gen_t2(&mut rng, fmt, county);
    Report {
        fmt,
        year,
        agency,
        t2,
        t3,
        t4,
    }
}

fn set(t3: &mut [(&'static str, [i64; 7])], row: &str, c: usize, v: i64) {
    if let Some(r) = t3.iter_mut().find(|(k, _)| *k == row) {
        r.1[c] = v;
    }
}

// ------------------------------------------------------------------ layouts

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Browser/Word copy: tabs, merged labels once (covered slots empty or dropped).
    Tab,
    /// PDF copy: label then numbers separated by spaces, long labels wrapped.
    Spaces,
    /// Markdown pipes.
    Pipes,
    /// One cell per line.
    Lines,
    /// Excel/WPS copy: cells with line breaks quoted.
    Excel,
    /// Labels broken by spaces (and header labels by line breaks).
    SpacedLabels,
    /// Full-width digits and punctuation.
    FullWidth,
    /// Traditional characters.
    Traditional,
    /// "/", "—", "-", "无" (and blanks) for zero.
    Dash,
    /// Digits glued to the label, Table 4 as one 15-digit run.
    Glued,
    /// `check_grid` with spans expanded.
    Grid,
    /// Browser selection copy of an HTML table: one cell per line, blank lines between
    /// cells, a lone NBSP for an empty cell.
    Selection,
}

impl Layout {
    pub const ALL: [Layout; 12] = [
        Layout::Tab,
        Layout::Spaces,
        Layout::Pipes,
        Layout::Lines,
        Layout::Excel,
        Layout::SpacedLabels,
        Layout::FullWidth,
        Layout::Traditional,
        Layout::Dash,
        Layout::Glued,
        Layout::Grid,
        Layout::Selection,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Layout::Tab => "tab",
            Layout::Spaces => "spaces",
            Layout::Pipes => "pipes",
            Layout::Lines => "lines",
            Layout::Excel => "excel",
            Layout::SpacedLabels => "spaced-labels",
            Layout::FullWidth => "full-width",
            Layout::Traditional => "traditional",
            Layout::Dash => "dash",
            Layout::Glued => "glued",
            Layout::Grid => "grid",
            Layout::Selection => "selection",
        }
    }
}

/// What happens to a rendering on its way to the user's paste (web pages, scrapers, chat
/// apps and "copy all" lose or change line breaks and tabs): the line breaks
/// and tabs of every layout are only hints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Collapse {
    /// As rendered.
    None,
    /// Line breaks → one space.
    NlSpace,
    /// Line breaks → nothing (tabs kept).
    NlNone,
    /// Line breaks doubled (blank lines everywhere).
    NlDouble,
    /// Tabs → one space.
    TabSpace,
    /// The whole report on one line: line breaks and tabs → one space.
    OneLine,
    /// Line breaks → nothing and tabs → one space.
    NlNoneTabSpace,
    /// Line breaks → one space, tabs → an ideographic space (U+3000).
    Ideographic,
    /// Windows line ends.
    Crlf,
}

impl Collapse {
    pub const ALL: [Collapse; 9] = [
        Collapse::None,
        Collapse::NlSpace,
        Collapse::NlNone,
        Collapse::NlDouble,
        Collapse::TabSpace,
        Collapse::OneLine,
        Collapse::NlNoneTabSpace,
        Collapse::Ideographic,
        Collapse::Crlf,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Collapse::None => "as-is",
            Collapse::NlSpace => "nl-space",
            Collapse::NlNone => "nl-none",
            Collapse::NlDouble => "nl-double",
            Collapse::TabSpace => "tab-space",
            Collapse::OneLine => "one-line",
            Collapse::NlNoneTabSpace => "nl-none-tab-space",
            Collapse::Ideographic => "ideographic",
            Collapse::Crlf => "crlf",
        }
    }
    fn map(self, c: char) -> Option<&'static str> {
        match (self, c) {
            (Collapse::NlSpace | Collapse::OneLine | Collapse::Ideographic, '\n') => Some(" "),
            (Collapse::NlNone | Collapse::NlNoneTabSpace, '\n') => Some(""),
            (Collapse::NlDouble, '\n') => Some("\n\n"),
            (Collapse::Crlf, '\n') => Some("\r\n"),
            (Collapse::TabSpace | Collapse::OneLine | Collapse::NlNoneTabSpace, '\t') => Some(" "),
            (Collapse::Ideographic, '\t') => Some("\u{3000}"),
            _ => None,
        }
    }
}

/// Rewrites `text` character by character and moves `spans` (byte offsets at character
/// boundaries) along.
fn remap(
    text: &str,
    spans: &mut [Option<(usize, usize)>],
    f: impl Fn(char) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let mut at = vec![usize::MAX; text.len() + 1];
    for (i, c) in text.char_indices() {
        at[i] = out.len();
        match f(c) {
            Some(s) => out.push_str(&s),
            None => out.push(c),
        }
    }
    at[text.len()] = out.len();
    for (a, b) in spans.iter_mut().flatten() {
        *a = at[*a];
        *b = at[*b];
    }
    out
}

/// How a cell was written, hence how it must be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Written {
    Number,
    Dash,
    Blank,
    Glued,
    /// A zero cell left out entirely (a row with six numbers for seven cells): the text
    /// does not say whether it was 0 or blank.
    Omitted,
}

/// What the engine must read for one cell.
#[derive(Debug, Clone)]
pub struct Expect {
    pub table: TableId,
    pub row: &'static str,
    pub col: &'static str,
    /// The cell text exactly as it stands in the input (after width/script changes).
    pub raw: String,
    /// Canonical value; None for a blank cell.
    pub value: Option<String>,
    pub written: Written,
    /// Byte offsets of the cell's text in the final text (None: not in the text).
    pub span: Option<(usize, usize)>,
}

/// The text that holds one data row's cells: from its first cell to its last.
#[derive(Debug, Clone)]
pub struct Region {
    pub table: TableId,
    /// Row key (Table 4: "ALL", the one data row of 15 cells).
    pub row: &'static str,
    /// Indices into `Rendered::cells`, in form order.
    pub cells: Vec<usize>,
    pub start: usize,
    pub end: usize,
    /// Where the row's line (its first label) starts.
    pub row_start: usize,
}

impl Region {
    /// Sum groups of the row for the splitter.
    pub fn groups(&self) -> &'static [usize] {
        match self.table {
            TableId::Applications => &[7],
            TableId::Review => &[5, 5, 5],
            TableId::Active => &[],
        }
    }
}

pub struct Rendered {
    /// The text given to `gouji::check` (for a grid: `gouji::grid_text` of it).
    pub text: String,
    /// Given to `gouji::check_grid` (uncollapsed grid layout only).
    pub grid: Option<Vec<GridTable>>,
    pub cells: Vec<Expect>,
    pub regions: Vec<Region>,
    /// A short description of the choices made (for failure messages).
    pub variant: String,
    /// Engine bugs this rendering is known to trigger; the property test would count a
    /// failure here under the bug instead of failing (none is excused today).
    pub known: Vec<&'static str>,
}

/// Inputs that can trigger a still-open engine bug (none excused).
fn known_bugs(_style: &Style, _cells: &[Expect], _text: &str) -> Vec<&'static str> {
    Vec::new()
}

#[derive(Debug, Clone, PartialEq)]
enum SlotKind {
    Label,
    Covered,
    /// Index into the expectations.
    Value(usize),
}

#[derive(Debug, Clone)]
struct Slot {
    text: String,
    kind: SlotKind,
    /// Left out of the text entirely (no separator either).
    omit: bool,
}

impl Slot {
    fn label(t: &str) -> Slot {
        Slot {
            text: t.to_string(),
            kind: SlotKind::Label,
            omit: false,
        }
    }
    fn covered() -> Slot {
        Slot {
            text: String::new(),
            kind: SlotKind::Covered,
            omit: false,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum RowKind {
    Header,
    T2Data,
    T3Data,
    T4Data,
}

#[derive(Debug, Clone)]
struct MRow {
    slots: Vec<Slot>,
    kind: RowKind,
    /// Table 3: the label slot holding the group label (（三）不予公开 …), if any, and
    /// whether the next row belongs to the same group.
    group: Option<usize>,
}

/// Render-time choices, drawn once per rendering.
#[derive(Debug, Clone)]
struct Style {
    visible: Option<Target>,
    base: Layout,
    /// Per-mille of zero cells written as a dash.
    dash: u64,
    /// Per-mille of zero cells left blank.
    blank: u64,
    /// A blank cell is written as a lone NBSP instead of nothing.
    blank_nbsp: bool,
    /// Table 3 总计 column left blank (上海 2019 style).
    blank_totals: bool,
    compact: bool,
    halfwidth_punct: bool,
    comma_numbering: bool,
    /// Separator after a sub-row number: '.', '．' or '、'.
    numbering: char,
    /// Numbers of four digits or more with thousands separators ("1,234").
    thousands: bool,
    /// One Table 3 cell (row index, column) left out when it is 0.
    omit: Option<(usize, usize)>,
    /// Selection copy: an empty line between cells.
    sel_blank_lines: bool,
    prose: bool,
    /// A fifth table (信息处理费) after Table 4.
    fees: bool,
    /// Which section-four heading.
    heading4: usize,
    full_width: bool,
    traditional: bool,
    spaced: bool,
}

fn explicit(l: Layout) -> bool {
    matches!(
        l,
        Layout::Tab | Layout::Pipes | Layout::Excel | Layout::Grid | Layout::SpacedLabels
    )
}

/// Collects the byte spans of value cells while a table is written.
struct Out {
    s: String,
    spans: Vec<Option<(usize, usize)>>,
    row_start: Vec<Option<usize>>,
}

impl Out {
    fn new(cells: usize) -> Out {
        Out {
            s: String::new(),
            spans: vec![None; cells],
            row_start: vec![None; cells],
        }
    }
    fn push(&mut self, t: &str) {
        self.s.push_str(t);
    }
    /// Pushes a slot's text as given (`t`), recording it when it is a value cell.
    fn slot(&mut self, slot: &Slot, t: &str) {
        let a = self.s.len();
        self.s.push_str(t);
        if let SlotKind::Value(i) = slot.kind {
            self.spans[i] = Some((a, self.s.len()));
        }
    }
    /// Marks where a data row starts.
    fn row(&mut self, r: &MRow) {
        let at = self.s.len();
        for s in &r.slots {
            if let SlotKind::Value(i) = s.kind {
                self.row_start[i] = Some(at);
            }
        }
    }
}

/// As `render`, with one cell always written as its number (the changed cell of a
/// mutation: a change hidden behind a blank or a dash would not be a change at all), and
/// the rendering collapsed.
pub fn render_with(
    r: &Report,
    layout: Layout,
    seed: u64,
    visible: Option<Target>,
    collapse: Collapse,
) -> Rendered {
    let mut rng = Rng::new(seed ^ 0xA5A5_5A5A_1234_5678);
    let base = match layout {
        Layout::FullWidth => *rng.pick(&[Layout::Tab, Layout::Spaces, Layout::Pipes]),
        Layout::Traditional => *rng.pick(&[Layout::Tab, Layout::Spaces, Layout::Pipes]),
        Layout::Dash => *rng.pick(&[Layout::Tab, Layout::Spaces, Layout::Pipes, Layout::Lines]),
        Layout::SpacedLabels => *rng.pick(&[Layout::Tab, Layout::Excel]),
        l => l,
    };
    // Blanks: often where the layout keeps empty cells, sometimes elsewhere (there they
    // vanish, and the row has fewer numbers than cells).
    let blanks_pct = if explicit(base) || base == Layout::Selection {
        40
    } else {
        12
    };
    let blanks_draw = rng.below(100);
    let blank_amount = rng.range(100, 600) as u64;
    let numbering = *rng.pick(&['.', '.', '．', '、']);
    let omit_row = rng.below(27) as usize;
    let omit_col = rng.below(7) as usize;
    let omit_draw = rng.below(100);
    let mut style = Style {
        visible,
        base,
        dash: if layout == Layout::Dash {
            rng.range(300, 1000) as u64
        } else if base != Layout::Glued && rng.pct(10) {
            200
        } else {
            0
        },
        blank: 0,
        blank_nbsp: base == Layout::Selection || rng.pct(30),
        blank_totals: false,
        compact: base == Layout::Tab && rng.pct(40),
        halfwidth_punct: rng.pct(25),
        comma_numbering: rng.pct(30),
        numbering,
        thousands: rng.pct(15),
        omit: None,
        sel_blank_lines: rng.pct(70),
        prose: rng.pct(75),
        fees: rng.pct(25),
        heading4: rng.below(3) as usize,
        full_width: layout == Layout::FullWidth,
        traditional: layout == Layout::Traditional,
        spaced: layout == Layout::SpacedLabels,
    };
    if blanks_draw < blanks_pct {
        style.blank = if explicit(base) || base == Layout::Selection {
            blank_amount
        } else {
            blank_amount / 8
        };
    }
    if explicit(base) && rng.pct(15) {
        style.blank_totals = true;
    }
    if matches!(base, Layout::Spaces | Layout::Lines | Layout::Glued) && omit_draw < 10 {
        style.omit = Some((omit_row, omit_col));
    }
    let mut cells: Vec<Expect> = Vec::new();
    let t2 = model_t2(r, &style, &mut rng, &mut cells);
    let t3 = model_t3(r, &style, &mut rng, &mut cells);
    let t4 = model_t4(r, &style, &mut rng, &mut cells);
    let variant = format!(
        "base={:?} collapse={} dash={} blank={}{} blank_totals={} compact={} halfwidth={} numbering={:?} thousands={} omit={:?} prose={} fees={}",
        style.base,
        collapse.name(),
        style.dash,
        style.blank,
        if style.blank_nbsp { "(nbsp)" } else { "" },
        style.blank_totals,
        style.compact,
        style.halfwidth_punct,
        style.numbering,
        style.thousands,
        style.omit,
        style.prose,
        style.fees,
    );
    let mut out = Out::new(cells.len());
    let mut grid = None;
    if layout == Layout::Grid {
        let g: Vec<GridTable> = [&t2, &t3, &t4]
            .iter()
            .map(|rows| GridTable {
                rows: rows
                    .iter()
                    .map(|m| m.slots.iter().map(|s| s.text.clone()).collect())
                    .collect(),
            })
            .collect();
        // The tab text a grid stands for (as `gouji::grid_text` writes it), with spans.
        for rows in [&t2, &t3, &t4] {
            for m in rows.iter() {
                out.row(m);
                for (k, s) in m.slots.iter().enumerate() {
                    if k > 0 {
                        out.push("\t");
                    }
                    let t: String = s
                        .text
                        .chars()
                        .map(|c| {
                            if matches!(c, '\t' | '\n' | '\r') {
                                ' '
                            } else {
                                c
                            }
                        })
                        .collect();
                    out.slot(s, &t);
                }
                out.push("\n");
            }
            out.push("\n");
        }
        if collapse == Collapse::None {
            grid = Some(g);
        }
    } else {
        if style.prose {
            prose_head(r, &mut out.s);
        }
        serialize(&t2, &style, &mut rng, &mut out, TableId::Active);
        out.push("\n");
        if style.prose {
            out.push("三、收到和处理政府信息公开申请情况\n\n");
        }
        serialize(&t3, &style, &mut rng, &mut out, TableId::Applications);
        out.push("\n");
        if style.prose {
            out.push(
                [
                    "四、政府信息公开行政复议、行政诉讼情况\n\n",
                    "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n\n",
                    "四、政府信息公开行政复议与行政诉讼情况\n\n",
                ][style.heading4],
            );
            out.push(&format!(
                "本年度共发生政府信息公开行政复议 {} 件，行政诉讼 {} 件，详见下表。\n\n",
                r.t4[4],
                r.t4[9] + r.t4[14]
            ));
        }
        serialize(&t4, &style, &mut rng, &mut out, TableId::Review);
        out.push("\n");
        if style.prose {
            let mut n = 5;
            let mut paid = None;
            if style.fees {
                paid = Some(fees_table(&style, &mut rng, &mut out.s));
                n = 6;
            }
            out.push(&format!("{}、存在的主要问题及改进情况\n\n一是信息公开的及时性有待提高；二是政策解读形式较为单一。下一步将加强培训，丰富解读形式。\n\n", ["五", "六"][n - 5]));
            // Section 六 says what the fee table says (S4 compares them).
            let fees = match paid {
                Some(p) if p > 0 => format!("本年度收取信息处理费 {p} 元。"),
                _ => "本年度未收取信息处理费。".to_string(),
            };
            out.push(&format!(
                "{}、其他需要报告的事项\n\n{fees}\n",
                ["六", "七"][n - 5]
            ));
        }
    }
    let Out {
        s: mut text,
        mut spans,
        row_start,
    } = out;
    let mut row_start: Vec<Option<(usize, usize)>> =
        row_start.iter().map(|r| r.map(|a| (a, a))).collect();
    if style.traditional {
        let t = to_traditional(&text);
        assert_eq!(
            t.len(),
            text.len(),
            "traditional characters keep byte offsets"
        );
        text = t;
    }
    if style.full_width {
        let f = |c: char| Some(full_width(&c.to_string()));
        let mut both: Vec<Option<(usize, usize)>> =
            spans.iter().chain(&row_start).copied().collect();
        text = remap(&text, &mut both, f);
        let (a, b) = both.split_at(spans.len());
        spans = a.to_vec();
        row_start = b.to_vec();
    }
    if collapse != Collapse::None {
        let mut both: Vec<Option<(usize, usize)>> =
            spans.iter().chain(&row_start).copied().collect();
        text = remap(&text, &mut both, |c| collapse.map(c).map(str::to_string));
        let (a, b) = both.split_at(spans.len());
        spans = a.to_vec();
        row_start = b.to_vec();
    }
    for (c, sp) in cells.iter_mut().zip(&spans) {
        c.span = *sp;
        if let Some((a, b)) = sp {
            c.raw = text[*a..*b].to_string();
        }
    }
    if let Some(g) = &grid {
        assert_eq!(text, gouji::grid_text(g), "grid text as gouji writes it");
    }
    let regions = regions(&cells, &row_start);
    let known = known_bugs(&style, &cells, &text);
    Rendered {
        text,
        grid,
        cells,
        regions,
        variant,
        known,
    }
}

/// One region per data row (Table 4: its one row of 15 cells).
fn regions(cells: &[Expect], row_start: &[Option<(usize, usize)>]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    for (i, c) in cells.iter().enumerate() {
        let row = if c.table == TableId::Review {
            "ALL"
        } else {
            c.row
        };
        let k = match out.iter().position(|r| r.table == c.table && r.row == row) {
            Some(k) => k,
            None => {
                out.push(Region {
                    table: c.table,
                    row,
                    cells: Vec::new(),
                    start: usize::MAX,
                    end: 0,
                    row_start: usize::MAX,
                });
                out.len() - 1
            }
        };
        let r = &mut out[k];
        r.cells.push(i);
        if let Some((a, b)) = c.span {
            r.start = r.start.min(a);
            r.end = r.end.max(b);
        }
        if let Some((a, _)) = row_start[i] {
            r.row_start = r.row_start.min(a);
        }
    }
    for r in &mut out {
        if r.start == usize::MAX {
            r.start = 0;
            r.end = 0;
        }
        r.row_start = r.row_start.min(r.start);
    }
    out
}

/// The 2024–2025 fees table after Table 4: it has numbers and must not be read as one of
/// the three.
/// Writes the fee table some 2024–2025 reports add; returns the amount collected.
fn fees_table(style: &Style, rng: &mut Rng, out: &mut String) -> i64 {
    let n = rng.range(0, 3);
    let amount = n * rng.range(0, 200);
    let paid = amount;
    let sep = match style.base {
        Layout::Tab | Layout::Excel | Layout::SpacedLabels => "\t",
        Layout::Lines | Layout::Selection => "\n",
        Layout::Pipes => " | ",
        _ => " ",
    };
    out.push_str("五、信息处理费收取情况\n\n");
    let head = ["通知收取件数", "通知收取金额（元）", "实际收取金额（元）"].join(sep);
    let vals = [n, amount, paid]
        .iter()
        .map(|v| v.to_string())
        .collect::<Vec<_>>()
        .join(sep);
    if style.base == Layout::Pipes {
        out.push_str(&format!("| {head} |\n| --- | --- | --- |\n| {vals} |\n\n"));
    } else {
        out.push_str(&format!("{head}\n{vals}\n\n"));
    }
    paid
}

fn prose_head(r: &Report, out: &mut String) {
    let new = r.t3[0].1[6];
    let total = r.t3_get("TOTAL", 6);
    out.push_str(&r.title());
    out.push_str("\n\n");
    out.push_str(&format!(
        "本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自 {} 年 1 月 1 日起至 {} 年 12 月 31 日止。\n\n",
        r.year, r.year
    ));
    out.push_str("一、总体情况\n\n");
    out.push_str(&format!(
        "（一）依申请公开。全年共收到政府信息公开申请 {new} 件，办结 {total} 件，均在法定期限内答复。\n\n"
    ));
    out.push_str("（二）政府信息管理。严格落实公开前保密审查，动态更新政府信息公开指南。\n\n");
    out.push_str("二、主动公开政府信息情况\n\n");
}

/// "1234567" → "1,234,567".
fn thousands(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (b.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The text of a value cell under the style, recorded as an expectation.
#[allow(clippy::too_many_arguments)]
fn value_slot(
    style: &Style,
    rng: &mut Rng,
    cells: &mut Vec<Expect>,
    table: TableId,
    row: &'static str,
    col: &'static str,
    text: &str,
    value: &str,
    total_col: bool,
    omit: bool,
) -> Slot {
    // Always draw the same numbers, whatever the value.
    let d = rng.below(1000);
    let b = rng.below(1000);
    let which = rng.below(4);
    let zero = value == "0";
    let shown = style
        .visible
        .is_some_and(|t| t.table == table && t.row == row && t.col == col);
    let plain = if style.thousands && text.len() > 3 && text.bytes().all(|c| c.is_ascii_digit()) {
        thousands(text)
    } else {
        text.to_string()
    };
    let glued = style.base == Layout::Glued && table != TableId::Active;
    let blank_text = if style.blank_nbsp { "\u{a0}" } else { "" };
    let (text, written, value, omitted) = if shown {
        let w = if glued {
            Written::Glued
        } else {
            Written::Number
        };
        (plain, w, Some(value.to_string()), false)
    } else if omit && zero {
        (String::new(), Written::Omitted, Some("0".to_string()), true)
    } else if (style.blank_totals && total_col) || (zero && b < style.blank) {
        (blank_text.to_string(), Written::Blank, None, false)
    } else if zero && d < style.dash {
        let t = ["/", "—", "-", "无"][which as usize];
        (t.to_string(), Written::Dash, Some("0".to_string()), false)
    } else if glued {
        (plain, Written::Glued, Some(value.to_string()), false)
    } else {
        (plain, Written::Number, Some(value.to_string()), false)
    };
    cells.push(Expect {
        table,
        row,
        col,
        raw: text.clone(),
        value,
        written,
        span: None,
    });
    Slot {
        text,
        kind: SlotKind::Value(cells.len() - 1),
        omit: omitted,
    }
}

/// A sub-row label with the style's numbering ("1." → "1．" or "1、").
fn numbered(style: &Style, s: &str) -> String {
    let mut ch = s.chars();
    match (ch.next(), ch.next()) {
        (Some(d), Some('.' | '、')) if d.is_ascii_digit() => {
            format!("{d}{}{}", style.numbering, ch.as_str())
        }
        _ => s.to_string(),
    }
}

fn punct(style: &Style, s: &str) -> String {
    if style.halfwidth_punct {
        s.replace('（', "(")
            .replace('）', ")")
            .replace('：', ":")
            .replace('，', ",")
    } else {
        s.to_string()
    }
}

/// Inserts spaces at a few positions between CJK characters ("本 年度办 理结果").
fn spaced(rng: &mut Rng, s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if let Some(n) = chars.get(i + 1) {
            let roll = rng.below(100);
            if is_cjk(*c) && is_cjk(*n) && roll < 20 {
                out.push(if roll < 3 { '\u{3000}' } else { ' ' });
            }
        }
    }
    out
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

fn label(style: &Style, rng: &mut Rng, s: &str) -> Slot {
    let t = punct(style, s);
    let t = if style.spaced { spaced(rng, &t) } else { t };
    Slot::label(&t)
}

/// A header label; in Excel/grid/spaced copies narrow header cells carry line breaks.
fn header(style: &Style, rng: &mut Rng, s: &str) -> Slot {
    let t = punct(style, s);
    let breakable = matches!(style.base, Layout::Excel | Layout::Grid) || style.spaced;
    let chars: Vec<char> = t.chars().collect();
    if breakable && chars.len() >= 4 && chars.len() <= 8 && rng.pct(60) {
        let mid = chars.len() / 2;
        let a: String = chars[..mid].iter().collect();
        let b: String = chars[mid..].iter().collect();
        return Slot::label(&format!("{a}\n{b}"));
    }
    label(style, rng, &t)
}

fn model_t2(r: &Report, style: &Style, rng: &mut Rng, cells: &mut Vec<Expect>) -> Vec<MRow> {
    let mut rows = Vec::new();
    let mut last_cols: Vec<&str> = Vec::new();
    for row in &r.t2 {
        if let Some(cap) = row.caption {
            let mut s = vec![label(style, rng, cap)];
            s.extend((0..3).map(|_| Slot::covered()));
            rows.push(MRow {
                slots: s,
                kind: RowKind::Header,
                group: None,
            });
            last_cols.clear();
        }
        let cols: Vec<&str> = row.cells.iter().map(|c| c.col_label).collect();
        if cols != last_cols {
            let mut s = vec![label(style, rng, "信息内容")];
            for c in &cols {
                s.push(header(style, rng, c));
            }
            while s.len() < 4 {
                s.push(Slot::covered());
            }
            rows.push(MRow {
                slots: s,
                kind: RowKind::Header,
                group: None,
            });
            last_cols = cols;
        }
        let mut s = vec![label(style, rng, row.label)];
        for c in &row.cells {
            s.push(value_slot(
                style,
                rng,
                cells,
                TableId::Active,
                row.key,
                c.col,
                &c.text,
                &c.value,
                false,
                false,
            ));
        }
        while s.len() < 4 {
            s.push(Slot::covered());
        }
        rows.push(MRow {
            slots: s,
            kind: RowKind::T2Data,
            group: None,
        });
    }
    rows
}

fn model_t3(r: &Report, style: &Style, rng: &mut Rng, cells: &mut Vec<Expect>) -> Vec<MRow> {
    let mut rows = Vec::new();
    let note = if rng.pct(15) {
        "(本列数据的勾稽关系为:第一项加第二项之和,等于第三项加第四项之和)"
    } else {
        "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
    };
    let mut h1 = vec![label(style, rng, note), Slot::covered(), Slot::covered()];
    h1.push(label(style, rng, "申请人情况"));
    h1.extend((0..6).map(|_| Slot::covered()));
    let mut h2 = vec![Slot::covered(), Slot::covered(), Slot::covered()];
    h2.push(header(style, rng, "自然人"));
    h2.push(label(style, rng, "法人或其他组织"));
    h2.extend((0..4).map(|_| Slot::covered()));
    h2.push(header(style, rng, "总计"));
    let mut h3 = vec![Slot::covered(); 4];
    for l in [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ] {
        h3.push(header(style, rng, l));
    }
    h3.push(Slot::covered());
    for h in [h1, h2, h3] {
        rows.push(MRow {
            slots: h,
            kind: RowKind::Header,
            group: None,
        });
    }
    for (ri, (key, vals)) in r.t3.iter().enumerate() {
        let labels = t3_label_slots(key, style.comma_numbering);
        let mut s: Vec<Slot> = labels
            .iter()
            .map(|l| {
                if l.is_empty() {
                    Slot::covered()
                } else {
                    label(style, rng, &numbered(style, l))
                }
            })
            .collect();
        for (c, col) in T3_COLS.iter().enumerate() {
            let v = vals[c].to_string();
            s.push(value_slot(
                style,
                rng,
                cells,
                TableId::Applications,
                key,
                col,
                &v,
                &v,
                c == 6,
                style.omit == Some((ri, c)),
            ));
        }
        // Group label in slot 1 with sub-rows in slot 2.
        let group = (!labels[1].is_empty() && !labels[2].is_empty()).then_some(1);
        rows.push(MRow {
            slots: s,
            kind: RowKind::T3Data,
            group,
        });
    }
    rows
}

fn model_t4(r: &Report, style: &Style, rng: &mut Rng, cells: &mut Vec<Expect>) -> Vec<MRow> {
    let mut rows = Vec::new();
    let res = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
    let mut h1 = vec![label(style, rng, "行政复议")];
    h1.extend((0..4).map(|_| Slot::covered()));
    h1.push(label(style, rng, "行政诉讼"));
    h1.extend((0..9).map(|_| Slot::covered()));
    let mut h2: Vec<Slot> = res.iter().map(|l| header(style, rng, l)).collect();
    h2.push(label(style, rng, "未经复议直接起诉"));
    h2.extend((0..4).map(|_| Slot::covered()));
    h2.push(label(style, rng, "复议后起诉"));
    h2.extend((0..4).map(|_| Slot::covered()));
    let mut h3 = vec![Slot::covered(); 5];
    for _ in 0..2 {
        for l in res {
            h3.push(header(style, rng, l));
        }
    }
    for h in [h1, h2, h3] {
        rows.push(MRow {
            slots: h,
            kind: RowKind::Header,
            group: None,
        });
    }
    let mut s = Vec::new();
    for (b, row) in T4_ROWS.iter().enumerate() {
        for (c, col) in T4_COLS.iter().enumerate() {
            let v = r.t4[b * 5 + c].to_string();
            s.push(value_slot(
                style,
                rng,
                cells,
                TableId::Review,
                row,
                col,
                &v,
                &v,
                false,
                false,
            ));
        }
    }
    rows.push(MRow {
        slots: s,
        kind: RowKind::T4Data,
        group: None,
    });
    rows
}

/// Break points of a label: between two CJK characters only, so no piece ends or starts
/// with a digit (a lone "1" would be a number).
fn wrap(rng: &mut Rng, s: &str, width: usize) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut n = 0;
    for (i, c) in chars.iter().enumerate() {
        cur.push(*c);
        n += 1;
        let ok = is_cjk(*c) && chars.get(i + 1).is_some_and(|x| is_cjk(*x));
        if ok && n >= width {
            out.push(std::mem::take(&mut cur));
            n = 0;
        }
    }
    let _ = rng;
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Splits a label in two at a CJK boundary near the middle ("（四）无" / "法提供").
fn halves(s: &str) -> Option<(String, String)> {
    let chars: Vec<char> = s.chars().collect();
    let mid = chars.len() / 2;
    let at = (1..chars.len()).min_by_key(|&i| {
        if is_cjk(chars[i - 1]) && is_cjk(chars[i]) {
            i.abs_diff(mid)
        } else {
            usize::MAX
        }
    })?;
    if !(is_cjk(chars[at - 1]) && is_cjk(chars[at])) {
        return None;
    }
    Some((chars[..at].iter().collect(), chars[at..].iter().collect()))
}

fn serialize(rows: &[MRow], style: &Style, rng: &mut Rng, out: &mut Out, table: TableId) {
    match style.base {
        Layout::Tab | Layout::Excel | Layout::SpacedLabels => {
            for r in rows {
                out.row(r);
                let slots = r
                    .slots
                    .iter()
                    .filter(|s| !(s.omit || style.compact && s.kind == SlotKind::Covered));
                for (k, s) in slots.enumerate() {
                    if k > 0 {
                        out.push("\t");
                    }
                    let t = if s.text.contains('\n') {
                        if style.base == Layout::Excel {
                            format!("\"{}\"", s.text)
                        } else {
                            s.text.replace('\n', " ")
                        }
                    } else {
                        s.text.clone()
                    };
                    out.slot(s, &t);
                }
                out.push("\n");
            }
        }
        Layout::Pipes => {
            for (i, r) in rows.iter().enumerate() {
                out.row(r);
                out.push("| ");
                for (k, s) in r.slots.iter().filter(|s| !s.omit).enumerate() {
                    if k > 0 {
                        out.push(" | ");
                    }
                    out.slot(s, &s.text.replace('\n', ""));
                }
                out.push(" |\n");
                if i == 0 {
                    out.push("|");
                    for _ in &r.slots {
                        out.push(" --- |");
                    }
                    out.push("\n");
                }
            }
        }
        Layout::Lines => {
            for r in rows {
                out.row(r);
                for s in r.slots.iter().filter(|s| !s.omit) {
                    let t = s.text.replace('\n', "");
                    if !t.is_empty() {
                        out.slot(s, &t);
                        out.push("\n");
                    }
                }
            }
        }
        Layout::Selection => {
            // Every cell of the HTML table (merged cells once), each on its own line.
            let gap = if style.sel_blank_lines { "\n\n" } else { "\n" };
            for r in rows {
                out.row(r);
                for s in &r.slots {
                    if s.omit || s.kind == SlotKind::Covered {
                        continue;
                    }
                    let t = s.text.replace('\n', "");
                    if t.is_empty() && s.kind == SlotKind::Label {
                        continue;
                    }
                    out.slot(s, &t);
                    out.push(gap);
                }
            }
        }
        Layout::Spaces | Layout::Glued => serialize_plain(rows, style, rng, out, table),
        _ => {}
    }
}

/// Pushes value slots joined by `sep`, recording their spans.
fn push_values(out: &mut Out, vals: &[&Slot], sep: &str) {
    for (k, v) in vals.iter().enumerate() {
        if k > 0 {
            out.push(sep);
        }
        out.slot(v, &v.text);
    }
}

fn serialize_plain(rows: &[MRow], style: &Style, rng: &mut Rng, out: &mut Out, table: TableId) {
    let glued = style.base == Layout::Glued;
    // A piece of a group label carried over to the next row's line.
    let mut carry = String::new();
    for (ri, r) in rows.iter().enumerate() {
        let mut labels: Vec<String> = r
            .slots
            .iter()
            .filter(|s| s.kind == SlotKind::Label)
            .map(|s| s.text.replace('\n', ""))
            .collect();
        let vals: Vec<&Slot> = r
            .slots
            .iter()
            .filter(|s| matches!(s.kind, SlotKind::Value(_)) && !s.omit)
            .collect();
        let roll = rng.below(100);
        let width = rng.range(6, 16) as usize;
        if !carry.is_empty() {
            labels.insert(0, std::mem::take(&mut carry));
        }
        out.row(r);
        match r.kind {
            RowKind::Header => {
                // Header labels may wrap ("结 果" / "维持").
                let line = labels.join(" ");
                if table == TableId::Review && roll < 30 && !glued {
                    for w in line.split(' ') {
                        let ch: Vec<char> = w.chars().collect();
                        if ch.len() == 4 {
                            let a: String = ch[..2].iter().collect();
                            let b: String = ch[2..].iter().collect();
                            out.push(&format!("{a}\n{b}\n"));
                        } else {
                            out.push(w);
                            out.push("\n");
                        }
                    }
                } else {
                    out.push(&line);
                    out.push("\n");
                }
            }
            RowKind::T2Data => {
                let l = labels.join(" ");
                let texts: Vec<&str> = vals.iter().map(|v| v.text.as_str()).collect();
                out.push(&l);
                if glued && vals.len() == 1 && r.slots.len() == 4 && is_decisions(&texts) {
                    push_values(out, &vals, "");
                } else {
                    for v in &vals {
                        out.push(" ");
                        out.slot(v, &v.text);
                    }
                }
                out.push("\n");
            }
            RowKind::T4Data => {
                push_values(out, &vals, if glued { "" } else { " " });
                out.push("\n");
            }
            RowKind::T3Data => {
                if glued {
                    out.push(&labels.join(" "));
                    push_values(out, &vals, "");
                    out.push("\n");
                    continue;
                }
                // Group label split over this row and the next ("（四）无" / "法提供").
                let next_same_group = rows.get(ri + 1).is_some_and(|n| {
                    n.kind == RowKind::T3Data
                        && n.slots[1].kind == SlotKind::Covered
                        && n.slots[2].kind == SlotKind::Label
                });
                if r.group.is_some() && next_same_group && roll < 25 && labels.len() >= 2 {
                    let gi = labels.len() - 2;
                    if let Some((a, b)) = halves(&labels[gi]) {
                        labels[gi] = a;
                        carry = b;
                    }
                }
                let label = labels.join(" ");
                match roll % 4 {
                    // label and numbers on one line
                    0 | 1 => {
                        out.push(&label);
                        out.push(" ");
                        push_values(out, &vals, " ");
                        out.push("\n");
                    }
                    // wrapped label, numbers after the last piece
                    2 => {
                        let pieces = wrap(rng, &label, width);
                        let (last, first) = pieces.split_last().unwrap_or((&label, &[]));
                        for p in first {
                            out.push(p);
                            out.push("\n");
                        }
                        out.push(last);
                        out.push(" ");
                        push_values(out, &vals, " ");
                        out.push("\n");
                    }
                    // wrapped label, numbers on their own line
                    _ => {
                        for p in wrap(rng, &label, width) {
                            out.push(&p);
                            out.push("\n");
                        }
                        push_values(out, &vals, " ");
                        out.push("\n");
                    }
                }
            }
        }
    }
}

fn is_decisions(vals: &[&str]) -> bool {
    vals.iter()
        .all(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
}

/// Full-width digits and punctuation.
pub fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '.' | '/' | '+' | '-' | '(' | ')' | ':' | ',' => {
                char::from_u32(c as u32 + 0xFEE0).unwrap_or(c)
            }
            c => c,
        })
        .collect()
}

/// Simplified → traditional, written for this test from the label, heading and prose
/// texts (context first: 重复 → 重複, 制发/制作 → 製發/製作, as converters do).
pub fn to_traditional(s: &str) -> String {
    let s = s
        .replace("重复", "重複")
        .replace("反复", "反覆")
        .replace("制发", "製發")
        .replace("制作", "製作");
    const MAP: &[(char, char)] = &[
        ('开', '開'),
        ('请', '請'),
        ('数', '數'),
        ('结', '結'),
        ('转', '轉'),
        ('办', '辦'),
        ('处', '處'),
        ('计', '計'),
        ('这', '這'),
        ('区', '區'),
        ('无', '無'),
        ('访', '訪'),
        ('举', '舉'),
        ('报', '報'),
        ('诉', '訴'),
        ('类', '類'),
        ('复', '復'),
        ('机', '機'),
        ('关', '關'),
        ('确', '確'),
        ('认', '認'),
        ('获', '獲'),
        ('补', '補'),
        ('后', '後'),
        ('内', '內'),
        ('当', '當'),
        ('费', '費'),
        ('缴', '繳'),
        ('纳', '納'),
        ('总', '總'),
        ('继', '繼'),
        ('续', '續'),
        ('议', '議'),
        ('讼', '訟'),
        ('维', '維'),
        ('纠', '糾'),
        ('审', '審'),
        ('经', '經'),
        ('条', '條'),
        ('项', '項'),
        ('发', '發'),
        ('废', '廢'),
        ('现', '現'),
        ('规', '規'),
        ('范', '範'),
        ('决', '決'),
        ('许', '許'),
        ('罚', '罰'),
        ('强', '強'),
        ('额', '額'),
        ('单', '單'),
        ('万', '萬'),
        ('业', '業'),
        ('组', '組'),
        ('织', '織'),
        ('构', '構'),
        ('务', '務'),
        ('会', '會'),
        ('为', '為'),
        ('于', '於'),
        ('据', '據'),
        ('况', '況'),
        ('护', '護'),
        ('权', '權'),
        ('属', '屬'),
        ('过', '過'),
        ('执', '執'),
        ('询', '詢'),
        ('稳', '穩'),
        ('没', '沒'),
        ('对', '對'),
        ('减', '減'),
        ('采', '採'),
        ('购', '購'),
        ('问', '問'),
        ('题', '題'),
        ('进', '進'),
        ('体', '體'),
        ('统', '統'),
        ('动', '動'),
        ('门', '門'),
        ('级', '級'),
        ('个', '個'),
        ('编', '編'),
        ('国', '國'),
        ('华', '華'),
        ('条', '條'),
        ('例', '例'),
        ('严', '嚴'),
        ('实', '實'),
        ('时', '時'),
        ('间', '間'),
        ('应', '應'),
        ('该', '該'),
        ('员', '員'),
        ('县', '縣'),
        ('厅', '廳'),
        ('会', '會'),
        ('种', '種'),
        ('导', '導'),
        ('训', '訓'),
        ('读', '讀'),
        ('较', '較'),
        ('丰', '豐'),
        ('详', '詳'),
        ('见', '見'),
        ('宁', '寧'),
        ('与', '與'),
        ('态', '態'),
        ('录', '錄'),
        ('记', '記'),
        ('调', '調'),
        ('产', '產'),
        ('东', '東'),
        ('书', '書'),
    ];
    s.chars()
        .map(|c| MAP.iter().find(|(a, _)| *a == c).map_or(c, |(_, t)| *t))
        .collect()
}

// ------------------------------------------------------------------ mutation

/// A Table 3 or Table 4 cell.
#[derive(Debug, Clone, Copy)]
pub struct Target {
    pub table: TableId,
    pub row: &'static str,
    pub col: &'static str,
}

/// Changes one Table 3 / Table 4 number to another non-negative value; returns the
/// cell and its old and new values.
pub fn mutate(r: &mut Report, rng: &mut Rng) -> (Target, i64, i64) {
    let n3 = r.t3.len() * 7;
    let k = rng.below((n3 + 15) as u64) as usize;
    let old;
    let target;
    if k < n3 {
        let (row, col) = (r.t3[k / 7].0, k % 7);
        old = r.t3[k / 7].1[col];
        target = Target {
            table: TableId::Applications,
            row,
            col: T3_COLS[col],
        };
    } else {
        let i = k - n3;
        old = r.t4[i];
        target = Target {
            table: TableId::Review,
            row: T4_ROWS[i / 5],
            col: T4_COLS[i % 5],
        };
    }
    let new = loop {
        let v = match rng.below(6) {
            0 => 0,
            1 => old + 1,
            2 => (old - 1).max(0),
            3 => old + rng.range(2, 100),
            4 => old * 10 + rng.range(0, 9),
            _ => rng.count(),
        };
        if v != old {
            break v;
        }
    };
    if k < n3 {
        r.t3[k / 7].1[k % 7] = new;
    } else {
        r.t4[k - n3] = new;
    }
    (target, old, new)
}
