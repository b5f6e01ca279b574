//! Prose ↔ table relations P1–P14 (domain-spec §D) as data: the words that introduce a
//! figure, and the table cells (or sums) it may stand for. Where the spec says a figure
//! may mean either of two counterparts (P1: new only, or new + carried in; P10: a sub-row),
//! every reading is an alternative and the first that agrees is named.

use crate::forms::FormCell;
use crate::RuleId;
use crate::TableId::{Applications as T3, Review as T4};

/// One reading of a figure: the sum of `cells` (a cell absent from the layout that was
/// read, e.g. F2019's single （六） row in a 2021 table, is left out).
pub struct Alt {
    pub zh: &'static str,
    pub en: &'static str,
    pub cells: &'static [FormCell],
    /// Each of `cells` alone is also a reading (the prose may cite one sub-row).
    pub sub_rows: bool,
}

/// A phrase that introduces a count, and what the count stands for.
pub struct Pattern {
    pub rule: RuleId,
    /// Words that end right before the figure, once filler words ("申请", "共", "为", …)
    /// are set aside; the longest wins.
    pub keys: &'static [&'static str],
    /// The fillers set aside must include "申请" (P1: "受理…申请 749 件", not "受理 5 件").
    pub needs_application: bool,
    /// The sentence before the figure must name one of these ("申请": "已办理 2520 件" about
    /// hotline calls is not about applications). Empty: no condition.
    pub context: &'static [&'static str],
    /// The key must open its clause or follow one of these words ("共答复", not "公开答复").
    /// Empty: no condition.
    pub only_after: &'static [&'static str],
    /// Words right after the unit instead ("有 1 件涉及…的行政复议").
    pub after: &'static [&'static str],
    pub alts: &'static [Alt],
    /// A percentage after the figure is checked against （七）总计 (P13).
    pub percent: bool,
}

const fn c3(row: &'static str, col: &'static str) -> FormCell {
    FormCell::new(T3, row, col)
}
const fn c4(row: &'static str, col: &'static str) -> FormCell {
    FormCell::new(T4, row, col)
}

const fn alt(zh: &'static str, en: &'static str, cells: &'static [FormCell]) -> Alt {
    Alt {
        zh,
        en,
        cells,
        sub_rows: false,
    }
}

const fn subs(zh: &'static str, en: &'static str, cells: &'static [FormCell]) -> Alt {
    Alt {
        zh,
        en,
        cells,
        sub_rows: true,
    }
}

const OTHERS: [&str; 5] = ["BE", "RI", "PW", "LS", "OT"];

macro_rules! others {
    ($row:expr) => {
        &[
            c3($row, OTHERS[0]),
            c3($row, OTHERS[1]),
            c3($row, OTHERS[2]),
            c3($row, OTHERS[3]),
            c3($row, OTHERS[4]),
        ]
    };
}

const NEW: &[FormCell] = &[c3("NEW", "TOT")];
const NEW_IN: &[FormCell] = &[c3("NEW", "TOT"), c3("CARRY_IN", "TOT")];
const TOTAL: &[FormCell] = &[c3("TOTAL", "TOT")];

pub const PATTERNS: &[Pattern] = &[
    Pattern {
        rule: RuleId::P1,
        keys: &["收到", "受理", "新收", "接收", "接到", "共收到", "共受理"],
        needs_application: true,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[
            alt("一、本年新收", "NEW", NEW),
            alt("一、本年新收 + 二、上年结转", "NEW + CARRY_IN", NEW_IN),
        ],
        percent: false,
    },
    Pattern {
        rule: RuleId::P2,
        keys: &["自然人", "公民"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[
            alt(
                "一、本年新收·自然人",
                "NEW · natural persons",
                &[c3("NEW", "NP")],
            ),
            alt(
                "一 + 二·自然人",
                "NEW + CARRY_IN · natural persons",
                &[c3("NEW", "NP"), c3("CARRY_IN", "NP")],
            ),
            alt(
                "（七）总计·自然人",
                "TOTAL · natural persons",
                &[c3("TOTAL", "NP")],
            ),
        ],
        percent: false,
    },
    Pattern {
        rule: RuleId::P2,
        keys: &[
            "法人或其他组织",
            "法人和其他组织",
            "法人或者其他组织",
            "法人及其他组织",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[
            alt(
                "一、本年新收·法人或其他组织",
                "NEW · legal persons and other organisations",
                others!("NEW"),
            ),
            alt(
                "一 + 二·法人或其他组织",
                "NEW + CARRY_IN · legal persons and other organisations",
                &[
                    c3("NEW", "BE"),
                    c3("NEW", "RI"),
                    c3("NEW", "PW"),
                    c3("NEW", "LS"),
                    c3("NEW", "OT"),
                    c3("CARRY_IN", "BE"),
                    c3("CARRY_IN", "RI"),
                    c3("CARRY_IN", "PW"),
                    c3("CARRY_IN", "LS"),
                    c3("CARRY_IN", "OT"),
                ],
            ),
            alt(
                "（七）总计·法人或其他组织",
                "TOTAL · legal persons and other organisations",
                others!("TOTAL"),
            ),
        ],
        percent: false,
    },
    Pattern {
        rule: RuleId::P3,
        keys: &[
            "上年结转",
            "上年度结转",
            "上一年度结转",
            "上一年结转",
            "含上年结转",
            "含上年度结转",
            "上年度转结",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt("二、上年结转", "CARRY_IN", &[c3("CARRY_IN", "TOT")])],
        percent: false,
    },
    Pattern {
        rule: RuleId::P4,
        keys: &[
            "办结",
            "完成答复",
            "作出答复",
            "办结答复",
            "依申请公开答复",
            "予以答复",
        ],
        needs_application: false,
        context: &["申请"],
        only_after: &[],
        after: &[],
        alts: &[alt("（七）总计", "TOTAL", TOTAL)],
        percent: false,
    },
    Pattern {
        rule: RuleId::P4,
        keys: &["答复"],
        needs_application: false,
        context: &["申请"],
        only_after: &["共", "已", "均", "全部", "依法", "累计", "共计", "合计"],
        after: &[],
        alts: &[alt("（七）总计", "TOTAL", TOTAL)],
        percent: false,
    },
    Pattern {
        rule: RuleId::P4,
        // "办理" alone may count what was handled or what came in.
        keys: &["办理", "共办理", "处理"],
        needs_application: false,
        context: &["申请"],
        only_after: &[],
        after: &[],
        alts: &[
            alt("（七）总计", "TOTAL", TOTAL),
            alt("一、本年新收 + 二、上年结转", "NEW + CARRY_IN", NEW_IN),
        ],
        percent: false,
    },
    Pattern {
        rule: RuleId::P5,
        keys: &[
            "结转下年度",
            "结转下一年度",
            "结转下一年",
            "结转至下一年度",
            "结转至下年度",
            "结转到下一年度",
            "结转到下年度",
            "转下一年度",
            "转下年度",
            "转入下年度",
            "转入下一年度",
            "顺延到下年度",
            "顺延至下年度",
            "结转下年度继续办理",
            "结转下一年度继续办理",
            "转下一年度办理",
            "结转下年",
            "结转次年",
            "转下年度办理",
            "转入下年度办理",
            "转入下一年度办理",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt(
            "四、结转下年度继续办理",
            "CARRY_OUT",
            &[c3("CARRY_OUT", "TOT")],
        )],
        percent: false,
    },
    Pattern {
        rule: RuleId::P6,
        keys: &[
            "予以公开",
            "同意公开",
            "同意公开答复",
            "予以公开答复",
            "全部公开",
            "公开答复",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt("（一）予以公开", "GRANT", &[c3("GRANT", "TOT")])],
        percent: true,
    },
    Pattern {
        rule: RuleId::P7,
        keys: &[
            "部分公开",
            "部分公开答复",
            "同意部分公开",
            "同意部分公开答复",
            "予以部分公开",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt("（二）部分公开", "PARTIAL", &[c3("PARTIAL", "TOT")])],
        percent: true,
    },
    Pattern {
        rule: RuleId::P8,
        keys: &[
            "予以公开及部分公开",
            "予以公开和部分公开",
            "予以公开或部分公开",
            "同意公开和部分公开",
            "同意公开及部分公开",
            "公开和部分公开",
            "公开及部分公开",
            "全部或部分公开",
            "全部公开和部分公开",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt(
            "（一）予以公开 + （二）部分公开",
            "GRANT + PARTIAL",
            &[c3("GRANT", "TOT"), c3("PARTIAL", "TOT")],
        )],
        percent: true,
    },
    Pattern {
        rule: RuleId::P9,
        keys: &["不予公开", "不予公开答复", "不公开"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[subs(
            "（三）不予公开 1–8",
            "DENY_1..8",
            &[
                c3("DENY_1", "TOT"),
                c3("DENY_2", "TOT"),
                c3("DENY_3", "TOT"),
                c3("DENY_4", "TOT"),
                c3("DENY_5", "TOT"),
                c3("DENY_6", "TOT"),
                c3("DENY_7", "TOT"),
                c3("DENY_8", "TOT"),
            ],
        )],
        percent: true,
    },
    Pattern {
        rule: RuleId::P10,
        keys: &["无法提供", "无法提供答复", "信息不存在", "政府信息不存在"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[subs(
            "（四）无法提供 1–3",
            "UNABLE_1..3",
            &[
                c3("UNABLE_1", "TOT"),
                c3("UNABLE_2", "TOT"),
                c3("UNABLE_3", "TOT"),
            ],
        )],
        percent: true,
    },
    Pattern {
        rule: RuleId::P11,
        keys: &["不予处理"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[subs(
            "（五）不予处理 1–5",
            "NOTPROC_1..5",
            &[
                c3("NOTPROC_1", "TOT"),
                c3("NOTPROC_2", "TOT"),
                c3("NOTPROC_3", "TOT"),
                c3("NOTPROC_4", "TOT"),
                c3("NOTPROC_5", "TOT"),
            ],
        )],
        percent: true,
    },
    Pattern {
        rule: RuleId::P12,
        keys: &["其他处理", "其他方式处理"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[subs(
            "（六）其他处理",
            "OTHER",
            &[
                c3("OTHER", "TOT"),
                c3("OTHER_1", "TOT"),
                c3("OTHER_2", "TOT"),
                c3("OTHER_3", "TOT"),
            ],
        )],
        percent: true,
    },
    Pattern {
        rule: RuleId::P14,
        keys: &["行政复议", "被申请行政复议", "申请行政复议", "复议"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &["行政复议"],
        alts: &[alt("行政复议·总计", "REV · total", &[c4("REV", "TOTAL")])],
        percent: false,
    },
    Pattern {
        rule: RuleId::P14,
        keys: &[
            "行政诉讼",
            "被提起行政诉讼",
            "提起行政诉讼",
            "诉讼",
            "行政应诉",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &["行政诉讼"],
        alts: &[
            alt(
                "未经复议直接起诉·总计 + 复议后起诉·总计",
                "LIT_DIRECT + LIT_AFTER · total",
                &[c4("LIT_DIRECT", "TOTAL"), c4("LIT_AFTER", "TOTAL")],
            ),
            alt(
                "未经复议直接起诉·总计",
                "LIT_DIRECT · total",
                &[c4("LIT_DIRECT", "TOTAL")],
            ),
        ],
        percent: false,
    },
    Pattern {
        rule: RuleId::P14,
        keys: &["复议后起诉", "复议后提起诉讼"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt(
            "复议后起诉·总计",
            "LIT_AFTER · total",
            &[c4("LIT_AFTER", "TOTAL")],
        )],
        percent: false,
    },
    Pattern {
        rule: RuleId::P14,
        keys: &["直接起诉", "未经复议直接起诉"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt(
            "未经复议直接起诉·总计",
            "LIT_DIRECT · total",
            &[c4("LIT_DIRECT", "TOTAL")],
        )],
        percent: false,
    },
    Pattern {
        rule: RuleId::P14,
        keys: &[
            "相关案件",
            "复议诉讼案件",
            "复议和诉讼案件",
            "复议、诉讼案件",
            "行政复议和行政诉讼案件",
        ],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[alt(
            "三项总计之和",
            "REV + LIT_DIRECT + LIT_AFTER · total",
            &[
                c4("REV", "TOTAL"),
                c4("LIT_DIRECT", "TOTAL"),
                c4("LIT_AFTER", "TOTAL"),
            ],
        )],
        percent: false,
    },
    Pattern {
        rule: RuleId::P14,
        keys: &["纠错", "被纠错", "纠正", "被纠正", "败诉"],
        needs_application: false,
        context: &[],
        only_after: &[],
        after: &[],
        alts: &[
            alt(
                "行政复议·结果纠正",
                "REV · corrected",
                &[c4("REV", "CORRECTED")],
            ),
            alt(
                "行政诉讼·结果纠正",
                "LIT · corrected",
                &[c4("LIT_DIRECT", "CORRECTED"), c4("LIT_AFTER", "CORRECTED")],
            ),
            alt(
                "三项结果纠正之和",
                "all corrected",
                &[
                    c4("REV", "CORRECTED"),
                    c4("LIT_DIRECT", "CORRECTED"),
                    c4("LIT_AFTER", "CORRECTED"),
                ],
            ),
        ],
        percent: false,
    },
];

/// What a percentage after a count is a share of (P13): （七）总计, or what came in.
pub const PERCENT_OF: &[Alt] = &[
    alt("（七）总计", "TOTAL", TOTAL),
    alt("一、本年新收", "NEW", NEW),
    alt("一、本年新收 + 二、上年结转", "NEW + CARRY_IN", NEW_IN),
];

/// Words set aside between a phrase and its figure ("受理政府信息公开申请 749 件",
/// "涉及的行政诉讼数为 0 件"), longest first.
pub const FILLERS: &[&str] = &[
    "政府信息公开申请",
    "政务信息公开申请",
    "信息公开申请",
    "政务公开申请",
    "依申请公开申请",
    "依申请公开",
    "依申请",
    "申请件",
    "申请",
    "答复",
    "案件",
    "事项",
    "共计",
    "合计",
    "总计",
    "总数",
    "数量",
    "一共",
    "共",
    "计",
    "为",
    "数",
    "量",
    "有",
    "的",
    "达",
    "了",
    "是",
    "件",
    "均",
    "总",
    "提出",
    "提交",
];

/// Words naming a wider area ("全区共受理…"): in a report that is not a people's
/// government's own, the figure may not be this agency's.
pub const WIDER_AREA: &[&str] = &[
    "全区", "全县", "全市", "全省", "全州", "全旗", "全镇", "全乡",
];

/// Words naming several bodies: the figure may add up more than this report's table.
pub const SEVERAL_BODIES: &[&str] = &[
    "各部门",
    "各单位",
    "各乡镇",
    "各街道",
    "各县",
    "各区",
    "下属",
];

/// Words in a clause before the phrase that make its figure's meaning uncertain (another
/// count, another year, a part of the agency): the figure is checked only if some reading
/// agrees, never reported.
pub const UNCERTAIN: &[&str] = &["结转", "复议", "诉讼", "起诉"];

/// Words in the clause that mean the figure is not this year's count for this agency:
/// a change, a comparison, a part ("代表区政府受理…17 件" in a report whose table covers
/// the whole district). Nothing is checked.
pub const NOT_COMPARABLE: &[&str] = &[
    "代表",
    "本级",
    "较上年",
    "较去年",
    "同比",
    "比上年",
    "比去年",
    "增加",
    "减少",
    "增长",
    "下降",
    "上升",
    "累计",
    "以来",
    "历年",
    "月份",
    "上半年",
    "下半年",
    "季度",
];

/// A claim about Table 4 outcomes (P14): words, and which blocks' results they constrain.
pub struct Claim {
    pub words: &'static [&'static str],
    /// All cases concluded with the decision upheld: CORRECTED = OTHER = PENDING = 0.
    pub all_upheld: bool,
    /// Only lawsuits (败诉).
    pub suits_only: bool,
    /// The word states a correction, so it must be negated ("未被…纠错", "零败诉").
    pub needs_negation: bool,
}

pub const CLAIMS: &[Claim] = &[
    Claim {
        words: &[
            "均获维持",
            "均被维持",
            "均予维持",
            "均予以维持",
            "全部维持",
            "全部获得维持",
            "均维持",
            "均得到维持",
        ],
        all_upheld: true,
        suits_only: false,
        needs_negation: false,
    },
    Claim {
        words: &["败诉"],
        all_upheld: false,
        suits_only: true,
        needs_negation: true,
    },
    Claim {
        words: &["纠错"],
        all_upheld: false,
        suits_only: false,
        needs_negation: true,
    },
];

/// Negations that make a correction word a claim of none ("未", "零败诉", "没有").
pub const NEGATIONS: &[&str] = &["未", "没有", "无", "零", "不存在"];

/// Words that make a claim an aim, a rate or a plan, not a statement of fact.
pub const NOT_A_CLAIM: &[&str] = &[
    "力争", "争取", "确保", "努力", "避免", "降低", "减少", "防止", "杜绝", "预防", "将", "率",
    "风险", "目标", "如",
];
