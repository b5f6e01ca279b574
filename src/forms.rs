//! The official forms as data (domain-spec §A): row and column keys, labels, the
//! keywords that recognise a label in any copy, and which rows exist in which format.
//! A new format is a new table here, not new code elsewhere.

use crate::RuleId;

/// The two national formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    F2019,
    F2021,
}

impl Format {
    pub fn key(self) -> &'static str {
        match self {
            Format::F2019 => "2019",
            Format::F2021 => "2021",
        }
    }
}

/// A row of an official table.
pub struct RowDef {
    pub key: &'static str,
    /// Official label (simplified, as in the 2021 format).
    pub label: &'static str,
    /// Short label used in formulas.
    pub short: &'static str,
    /// The label in English, one translation used everywhere.
    pub en: &'static str,
    /// Any of these (as `label_key`s) identifies the row; the most specific row wins
    /// when a line carries several labels (group label + sub-row label).
    pub keywords: &'static [&'static str],
}

#[derive(Debug)]
pub struct ColDef {
    pub key: &'static str,
    pub label: &'static str,
    pub en: &'static str,
}

// ---------------------------------------------------------------- Table 3

pub const T3_COLUMNS: &[ColDef] = &[
    ColDef {
        key: "NP",
        label: "自然人",
        en: "natural persons",
    },
    ColDef {
        key: "BE",
        label: "商业企业",
        en: "businesses",
    },
    ColDef {
        key: "RI",
        label: "科研机构",
        en: "research institutions",
    },
    ColDef {
        key: "PW",
        label: "社会公益组织",
        en: "public-welfare organisations",
    },
    ColDef {
        key: "LS",
        label: "法律服务机构",
        en: "legal-service organisations",
    },
    ColDef {
        key: "OT",
        label: "其他",
        en: "other organisations",
    },
    ColDef {
        key: "TOT",
        label: "总计",
        en: "total",
    },
];

/// Tables 3 and 4 add up across: a row's last column (总计) is the sum of the others.
/// Table 2 has no such sum.
pub fn row_sum(table: crate::TableId) -> Option<(&'static ColDef, &'static [ColDef])> {
    match table {
        crate::TableId::Applications => T3_COLUMNS.split_last(),
        crate::TableId::Review => T4_COLUMNS.split_last(),
        crate::TableId::Active => None,
    }
}

const fn row(
    key: &'static str,
    label: &'static str,
    short: &'static str,
    en: &'static str,
    keywords: &'static [&'static str],
) -> RowDef {
    RowDef {
        key,
        label,
        short,
        en,
        keywords,
    }
}

pub const T3_ROWS: &[RowDef] = &[
    row(
        "NEW",
        "一、本年新收政府信息公开申请数量",
        "一",
        "new (1)",
        &["本年新收"],
    ),
    row(
        "CARRY_IN",
        "二、上年结转政府信息公开申请数量",
        "二",
        "carried in (2)",
        &["上年结转"],
    ),
    row(
        "GRANT",
        "（一）予以公开",
        "（一）",
        "(1) disclosed",
        &["予以公开"],
    ),
    row(
        "PARTIAL",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（二）",
        "(2) partly disclosed",
        &["部分公开"],
    ),
    row(
        "DENY_1",
        "（三）不予公开 1.属于国家秘密",
        "（三）1",
        "(3) withheld 1",
        &["国家秘密"],
    ),
    row(
        "DENY_2",
        "（三）不予公开 2.其他法律行政法规禁止公开",
        "（三）2",
        "(3) withheld 2",
        &["禁止公开", "其他法律行政"],
    ),
    row(
        "DENY_3",
        "（三）不予公开 3.危及“三安全一稳定”",
        "（三）3",
        "(3) withheld 3",
        &["三安全一稳定"],
    ),
    row(
        "DENY_4",
        "（三）不予公开 4.保护第三方合法权益",
        "（三）4",
        "(3) withheld 4",
        &["第三方合法权益"],
    ),
    row(
        "DENY_5",
        "（三）不予公开 5.属于三类内部事务信息",
        "（三）5",
        "(3) withheld 5",
        &["三类内部事务"],
    ),
    row(
        "DENY_6",
        "（三）不予公开 6.属于四类过程性信息",
        "（三）6",
        "(3) withheld 6",
        &["四类过程性"],
    ),
    row(
        "DENY_7",
        "（三）不予公开 7.属于行政执法案卷",
        "（三）7",
        "(3) withheld 7",
        &["行政执法案卷"],
    ),
    row(
        "DENY_8",
        "（三）不予公开 8.属于行政查询事项",
        "（三）8",
        "(3) withheld 8",
        &["行政查询事项"],
    ),
    row(
        "UNABLE_1",
        "（四）无法提供 1.本机关不掌握相关政府信息",
        "（四）1",
        "(4) cannot provide 1",
        &["不掌握"],
    ),
    row(
        "UNABLE_2",
        "（四）无法提供 2.没有现成信息需要另行制作",
        "（四）2",
        "(4) cannot provide 2",
        &["另行制作", "没有现成信息"],
    ),
    row(
        "UNABLE_3",
        "（四）无法提供 3.补正后申请内容仍不明确",
        "（四）3",
        "(4) cannot provide 3",
        &["仍不明确"],
    ),
    row(
        "NOTPROC_1",
        "（五）不予处理 1.信访举报投诉类申请",
        "（五）1",
        "(5) not processed 1",
        &["信访举报"],
    ),
    row(
        "NOTPROC_2",
        "（五）不予处理 2.重复申请",
        "（五）2",
        "(5) not processed 2",
        &["重复申请"],
    ),
    row(
        "NOTPROC_3",
        "（五）不予处理 3.要求提供公开出版物",
        "（五）3",
        "(5) not processed 3",
        &["公开出版物"],
    ),
    row(
        "NOTPROC_4",
        "（五）不予处理 4.无正当理由大量反复申请",
        "（五）4",
        "(5) not processed 4",
        // 反覆 is also a simplified form, so traditional text keeps it.
        &["大量反复", "大量反覆"],
    ),
    row(
        "NOTPROC_5",
        "（五）不予处理 5.要求行政机关确认或重新出具已获取信息",
        "（五）5",
        "(5) not processed 5",
        &["确认或重新出具", "重新出具", "要求行政机关确认"],
    ),
    row(
        "OTHER",
        "（六）其他处理",
        "（六）",
        "(6) otherwise handled",
        &["(六)其他处理", "(六)其他"],
    ),
    row(
        "OTHER_1",
        "（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "（六）1",
        "(6) otherwise handled 1",
        &["逾期不补正", "无正当理由逾期"],
    ),
    row(
        "OTHER_2",
        "（六）其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "（六）2",
        "(6) otherwise handled 2",
        &["收费通知", "缴纳费用"],
    ),
    row(
        "OTHER_3",
        "（六）其他处理 3.其他",
        "（六）3",
        "(6) otherwise handled 3",
        &["3.其他"],
    ),
    row(
        "TOTAL",
        "（七）总计",
        "（七）总计",
        "(7) total handled",
        &["(七)总计", "七)总计"],
    ),
    row(
        "CARRY_OUT",
        "四、结转下年度继续办理",
        "四",
        "carried out (4)",
        &["结转下年", "结转下一年"],
    ),
];

/// The two Table 3 layouts: 2019 has one （六） row, 2021 three. A 2021 report built on
/// the old template keeps one row (seen in real reports), so the layout is decided by
/// the table itself, and the format by the markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum T3Layout {
    SingleOther,
    ThreeOther,
}

impl T3Layout {
    /// The （六） rows of this layout; all other rows are common to both.
    fn other_rows(self) -> &'static [&'static str] {
        match self {
            T3Layout::SingleOther => &["OTHER"],
            T3Layout::ThreeOther => &["OTHER_1", "OTHER_2", "OTHER_3"],
        }
    }
    /// Outcome rows summed into （七）总计: the rows between 二 and （七） in `T3_ROWS`,
    /// with this layout's （六） rows.
    pub fn outcome_rows(self) -> Vec<&'static str> {
        let all = ["OTHER", "OTHER_1", "OTHER_2", "OTHER_3"];
        let first = T3_ROWS.iter().position(|r| r.key == "GRANT").unwrap_or(0);
        let total = T3_ROWS
            .iter()
            .position(|r| r.key == "TOTAL")
            .unwrap_or(T3_ROWS.len());
        T3_ROWS[first..total]
            .iter()
            .map(|r| r.key)
            .filter(|k| !all.contains(k) || self.other_rows().contains(k))
            .collect()
    }
    /// Every data row, in form order.
    pub fn rows(self) -> Vec<&'static str> {
        self.form().rows()
    }
    /// This layout's arithmetic, as the rules use it.
    pub fn form(self) -> T3Form {
        T3Form {
            columns: T3_COLUMNS,
            new: "NEW",
            carry_in: "CARRY_IN",
            outcomes: self.outcome_rows(),
            total: "TOTAL",
            carry_out: "CARRY_OUT",
        }
    }
    pub fn format(self) -> Format {
        match self {
            T3Layout::SingleOther => Format::F2019,
            T3Layout::ThreeOther => Format::F2021,
        }
    }
}

/// Table 3's arithmetic as data: the rows that flow in (一 new, 二 carried in), the
/// mutually exclusive outcome rows, the handled total （七） and the row carried out (四);
/// across, the last column (总计) is the sum of the others. The Table 3 rules (R1–R3,
/// R5–R7, R16) are generated from this, so a format with other rows or columns is a new
/// value here, not new rule code.
#[derive(Debug, Clone)]
pub struct T3Form {
    pub columns: &'static [ColDef],
    pub new: &'static str,
    pub carry_in: &'static str,
    pub outcomes: Vec<&'static str>,
    pub total: &'static str,
    pub carry_out: &'static str,
}

impl T3Form {
    /// Every data row, in form order.
    pub fn rows(&self) -> Vec<&'static str> {
        let mut v = Vec::with_capacity(self.outcomes.len() + 4);
        v.extend([self.new, self.carry_in]);
        v.extend(&self.outcomes);
        v.extend([self.total, self.carry_out]);
        v
    }
    /// The total column and the columns it adds up.
    pub fn row_sum(&self) -> Option<(&'static ColDef, &'static [ColDef])> {
        self.columns.split_last()
    }
}

pub fn t3_row(key: &str) -> Option<&'static RowDef> {
    T3_ROWS.iter().find(|r| r.key == key)
}

// ---------------------------------------------------------------- Table 4

pub const T4_ROWS: &[RowDef] = &[
    row("REV", "行政复议", "行政复议", "review", &["行政复议"]),
    row(
        "LIT_DIRECT",
        "行政诉讼 未经复议直接起诉",
        "未经复议直接起诉",
        "suit without review",
        &["未经复议"],
    ),
    row(
        "LIT_AFTER",
        "行政诉讼 复议后起诉",
        "复议后起诉",
        "suit after review",
        &["复议后起诉"],
    ),
];

/// Which rule checks each Table 4 block's 总计 = its four results.
pub const T4_SUM_RULES: &[(&str, RuleId)] = &[
    ("REV", RuleId::R10),
    ("LIT_DIRECT", RuleId::R11),
    ("LIT_AFTER", RuleId::R12),
];

/// The rule that checks a Table 4 block's sum.
pub fn t4_sum_rule(block: &str) -> RuleId {
    T4_SUM_RULES
        .iter()
        .find(|(b, _)| *b == block)
        .map_or(RuleId::R10, |(_, r)| *r)
}

pub const T4_COLUMNS: &[ColDef] = &[
    ColDef {
        key: "UPHELD",
        label: "结果维持",
        en: "upheld",
    },
    ColDef {
        key: "CORRECTED",
        label: "结果纠正",
        en: "corrected",
    },
    ColDef {
        key: "OTHER",
        label: "其他结果",
        en: "other outcome",
    },
    ColDef {
        key: "PENDING",
        label: "尚未审结",
        en: "pending",
    },
    ColDef {
        key: "TOTAL",
        label: "总计",
        en: "total",
    },
];

// ---------------------------------------------------------------- Table 2

/// A Table 2 row: its label keywords and its value columns in this format.
pub struct ActiveRow {
    pub key: &'static str,
    pub label: &'static str,
    /// The label in English, one translation used everywhere.
    pub en: &'static str,
    /// `label_key`s that may start the row's label cell.
    pub keywords: &'static [&'static str],
    pub columns: &'static [ColDef],
    /// Columns whose values may be negative (F2019 本年增/减).
    pub signed: &'static [&'static str],
    /// Columns holding money (decimals allowed).
    pub money: &'static [&'static str],
}

const C2021_DOCS: &[ColDef] = &[
    ColDef {
        key: "MADE",
        label: "本年制发件数",
        en: "made this year",
    },
    ColDef {
        key: "REPEALED",
        label: "本年废止件数",
        en: "repealed this year",
    },
    ColDef {
        key: "VALID",
        label: "现行有效件数",
        en: "in force",
    },
];
const C2021_DECISIONS: &[ColDef] = &[ColDef {
    key: "DECISIONS",
    label: "本年处理决定数量",
    en: "decisions this year",
}];
const C2021_FEE: &[ColDef] = &[ColDef {
    key: "AMOUNT",
    label: "本年收费金额（单位：万元）",
    en: "fees (10k yuan)",
}];

pub const ACTIVE_2021: &[ActiveRow] = &[
    ActiveRow {
        key: "REG",
        label: "规章",
        en: "regulations",
        keywords: &["规章"],
        columns: C2021_DOCS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "NDOC",
        label: "行政规范性文件",
        en: "normative documents",
        keywords: &["行政规范性文件", "规范性文件"],
        columns: C2021_DOCS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "LICENSE",
        label: "行政许可",
        en: "licensing",
        keywords: &["行政许可"],
        columns: C2021_DECISIONS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "PUNISH",
        label: "行政处罚",
        en: "penalties",
        keywords: &["行政处罚"],
        columns: C2021_DECISIONS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "COERCE",
        label: "行政强制",
        en: "coercive measures",
        keywords: &["行政强制"],
        columns: C2021_DECISIONS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "FEE",
        label: "行政事业性收费",
        en: "fees",
        keywords: &["行政事业性收费"],
        columns: C2021_FEE,
        signed: &[],
        money: &["AMOUNT"],
    },
];

const C2019_DOCS: &[ColDef] = &[
    ColDef {
        key: "NEW_MADE",
        label: "本年新制作数量",
        en: "newly made",
    },
    ColDef {
        key: "NEW_PUBLISHED",
        label: "本年新公开数量",
        en: "newly published",
    },
    ColDef {
        key: "TOTAL_PUBLISHED",
        label: "对外公开总数量",
        en: "total published",
    },
];
const C2019_ITEMS: &[ColDef] = &[
    ColDef {
        key: "PREV_ITEMS",
        label: "上一年项目数量",
        en: "items last year",
    },
    ColDef {
        key: "DELTA",
        label: "本年增/减",
        en: "change this year",
    },
    ColDef {
        key: "DECISIONS",
        label: "处理决定数量",
        en: "decisions",
    },
];
const C2019_FEE: &[ColDef] = &[
    ColDef {
        key: "PREV_ITEMS",
        label: "上一年项目数量",
        en: "items last year",
    },
    ColDef {
        key: "DELTA",
        label: "本年增/减",
        en: "change this year",
    },
];
const C2019_PROC: &[ColDef] = &[
    ColDef {
        key: "PROJECTS",
        label: "采购项目数量",
        en: "procurement projects",
    },
    ColDef {
        key: "AMOUNT",
        label: "采购总金额",
        en: "procurement amount",
    },
];

pub const ACTIVE_2019: &[ActiveRow] = &[
    ActiveRow {
        key: "REG",
        label: "规章",
        en: "regulations",
        keywords: &["规章"],
        columns: C2019_DOCS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "NDOC",
        label: "规范性文件",
        en: "normative documents",
        keywords: &["规范性文件"],
        columns: C2019_DOCS,
        signed: &[],
        money: &[],
    },
    ActiveRow {
        key: "LICENSE",
        label: "行政许可",
        en: "licensing",
        keywords: &["行政许可"],
        columns: C2019_ITEMS,
        signed: &["DELTA"],
        money: &[],
    },
    ActiveRow {
        key: "OTHERSVC",
        label: "其他对外管理服务事项",
        en: "other services",
        keywords: &["其他对外管理服务事项"],
        columns: C2019_ITEMS,
        signed: &["DELTA"],
        money: &[],
    },
    ActiveRow {
        key: "PUNISH",
        label: "行政处罚",
        en: "penalties",
        keywords: &["行政处罚"],
        columns: C2019_ITEMS,
        signed: &["DELTA"],
        money: &[],
    },
    ActiveRow {
        key: "COERCE",
        label: "行政强制",
        en: "coercive measures",
        keywords: &["行政强制"],
        columns: C2019_ITEMS,
        signed: &["DELTA"],
        money: &[],
    },
    ActiveRow {
        key: "FEE",
        label: "行政事业性收费",
        en: "fees",
        keywords: &["行政事业性收费"],
        columns: C2019_FEE,
        signed: &["DELTA"],
        money: &[],
    },
    ActiveRow {
        key: "PROC",
        label: "政府集中采购",
        en: "procurement",
        keywords: &["政府集中采购"],
        columns: C2019_PROC,
        signed: &[],
        money: &["AMOUNT"],
    },
];

pub fn active_rows(f: Format) -> &'static [ActiveRow] {
    match f {
        Format::F2019 => ACTIVE_2019,
        Format::F2021 => ACTIVE_2021,
    }
}

// ---------------------------------------------------------------- markers (§C.2)

pub const MARKERS_2021: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "逾期不补正",
    "逾期未按收费通知",
];
pub const MARKERS_2019: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "其他对外管理服务事项",
    "第二十条第(九)项",
    "政府集中采购",
    "采购总金额",
];
pub const MARKERS_PRE2019: &[&str] = &[
    "申请总数",
    "同意公开答复数",
    "同意部分公开答复数",
    "否决公开答复",
    "行政申诉数",
    "依申请公开信息目录数",
    "非《条例》所指政府信息",
];

/// Label of a cell for display: "（七）总计 · 自然人" (concatenated: cheaper than `format!`,
/// and every finding names a few cells).
pub fn cell_label(table: crate::TableId, row: &str, col: &str) -> String {
    use crate::TableId;
    match table {
        TableId::Applications => {
            let r = t3_row(row).map_or(row, |r| r.short);
            let c = T3_COLUMNS
                .iter()
                .find(|c| c.key == col)
                .map_or(col, |c| c.label);
            [r, "·", c].concat()
        }
        TableId::Review => {
            let r = T4_ROWS
                .iter()
                .find(|r| r.key == row)
                .map_or(row, |r| r.short);
            let c = T4_COLUMNS
                .iter()
                .find(|c| c.key == col)
                .map_or(col, |c| c.label);
            [r, "·", c].concat()
        }
        TableId::Active => {
            let def = ACTIVE_2021.iter().chain(ACTIVE_2019).find(|r| r.key == row);
            let r = def.map_or(row, |r| r.label);
            let c = def
                .and_then(|d| d.columns.iter().find(|c| c.key == col))
                .map_or(col, |c| c.label);
            [r, "·", c].concat()
        }
    }
}

/// A cell of an official form named by its static keys: rule evaluation allocates nothing
/// per operand; a `CellRef` (the serialised form) is made only for what a finding reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct FormCell {
    pub table: crate::TableId,
    pub row: &'static str,
    pub column: &'static str,
}

impl FormCell {
    pub const fn new(table: crate::TableId, row: &'static str, column: &'static str) -> Self {
        FormCell { table, row, column }
    }
    pub fn to_ref(self) -> crate::CellRef {
        crate::CellRef {
            table: self.table,
            row: self.row.into(),
            column: self.column.into(),
        }
    }
    pub fn name(self) -> Name {
        cell_name(self.table, self.row, self.column)
    }
}

/// A cell's name in both languages: "（七）总计·自然人" / "(7) total handled · natural persons".
pub struct Name {
    pub zh: String,
    pub en: String,
}

pub fn cell_name(table: crate::TableId, row: &str, col: &str) -> Name {
    Name {
        zh: cell_label(table, row, col),
        en: [row_en(table, row), " · ", col_name_en(table, row, col)].concat(),
    }
}

fn row_en(table: crate::TableId, row: &str) -> &str {
    use crate::TableId;
    let en = match table {
        TableId::Applications => t3_row(row).map(|r| r.en),
        TableId::Review => T4_ROWS.iter().find(|r| r.key == row).map(|r| r.en),
        TableId::Active => ACTIVE_2021
            .iter()
            .chain(ACTIVE_2019)
            .find(|r| r.key == row)
            .map(|r| r.en),
    };
    en.unwrap_or(row)
}

fn col_name_en(table: crate::TableId, row: &str, col: &str) -> &'static str {
    match table {
        crate::TableId::Active => ACTIVE_2021
            .iter()
            .chain(ACTIVE_2019)
            .filter(|r| r.key == row)
            .flat_map(|r| r.columns.iter())
            .find(|c| c.key == col)
            .map_or("", |c| c.en),
        t => col_en(t, col),
    }
}

/// English column label.
pub fn col_en(table: crate::TableId, col: &str) -> &'static str {
    use crate::TableId;
    let cols: &[ColDef] = match table {
        TableId::Applications => T3_COLUMNS,
        TableId::Review => T4_COLUMNS,
        TableId::Active => return "",
    };
    cols.iter().find(|c| c.key == col).map_or("", |c| c.en)
}
