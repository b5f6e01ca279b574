//! The rule catalogue (domain-spec §B) as one table: id, severity, table, stable code,
//! formula in the form's own labels, official wording and description. Rule ids are
//! never renumbered.

use crate::{Message, RuleId, RuleInfo, Severity, TableId};

/// How a relation's two sides must compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Eq,
    Le,
    Ge,
}

impl Op {
    /// The sign of a broken relation: what the two sides are, since they are not as required.
    pub fn broken_sign(self) -> &'static str {
        match self {
            Op::Eq => "≠",
            Op::Le => ">",
            Op::Ge => "<",
        }
    }
}

pub struct RuleDef {
    pub id: RuleId,
    pub code: &'static str,
    pub severity: Severity,
    pub table: Option<TableId>,
    pub formula_zh: &'static str,
    pub formula_en: &'static str,
    pub official: Option<&'static str>,
    pub zh: &'static str,
    pub en: &'static str,
}

use Severity::{Error as E, Info as I, Warning as W};
use TableId::{Active as T2, Applications as T3, Review as T4};

const OFFICIAL_R1: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

pub const RULES: &[RuleDef] = &[
    RuleDef { id: RuleId::R1, code: "T3-BALANCE", severity: E, table: Some(T3),
        formula_zh: "一 + 二 = （七）总计 + 四", formula_en: "new (1) + carried in (2) = (7) total handled + carried out (4)",
        official: Some(OFFICIAL_R1),
        zh: "每一列：本年新收加上年结转，等于办理结果总计加结转下年度", en: "in every column, new plus carried-in applications equal the handled total plus those carried out" },
    RuleDef { id: RuleId::R2, code: "T3-OUTCOME-SUM", severity: E, table: Some(T3),
        formula_zh: "（七）总计 = （一）+（二）+（三）1–8 +（四）1–3 +（五）1–5 +（六）", formula_en: "(7) total handled = (1) + (2) + (3) 1–8 + (4) 1–3 + (5) 1–5 + (6)",
        official: None,
        zh: "每一列：（七）总计等于各项办理结果之和（各情形互斥）", en: "in every column, （七）总计 is the sum of the mutually exclusive outcome rows" },
    RuleDef { id: RuleId::R3, code: "T3-ROW-SUM", severity: E, table: Some(T3),
        formula_zh: "总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他", formula_en: "total = natural persons + businesses + research institutions + public-welfare organisations + legal-service organisations + other organisations",
        official: None,
        zh: "每一行：总计列等于六个申请人列之和", en: "in every row, the 总计 column is the sum of the six applicant columns" },
    RuleDef { id: RuleId::R4, code: "T3-VALUE", severity: E, table: Some(T3),
        formula_zh: "每个数据单元格为非负整数", formula_en: "every data cell is an integer ≥ 0",
        official: None, zh: "第三表每个数据单元格都是非负整数", en: "every Table 3 data cell is a non-negative integer" },
    RuleDef { id: RuleId::R5, code: "T3-EXCEEDS-INFLOW", severity: E, table: Some(T3),
        formula_zh: "四 ≤ 一 + 二，（七）总计 ≤ 一 + 二", formula_en: "carried out (4) ≤ new (1) + carried in (2), (7) total handled ≤ new (1) + carried in (2)",
        official: Some(OFFICIAL_R1),
        zh: "办理结果总计和结转下年度都不能超过新收加上年结转（作为 R1 的说明报告）", en: "neither the handled total nor the carried-out count can exceed new plus carried-in (reported with R1)" },
    RuleDef { id: RuleId::R6, code: "T3-EMPTY-COLUMN", severity: E, table: Some(T3),
        formula_zh: "若 一 + 二 = 0，则该列全部为 0", formula_en: "if new (1) + carried in (2) = 0, every cell of the column is 0",
        official: Some(OFFICIAL_R1),
        zh: "某类申请人没有申请时，该列不应有任何办理结果", en: "a column with no applications cannot have outcomes" },
    RuleDef { id: RuleId::R7, code: "T3-CARRY-OUT-GT-NEW", severity: W, table: Some(T3),
        formula_zh: "四 ≤ 一", formula_en: "carried out (4) ≤ new (1)",
        official: None,
        zh: "结转下年度的申请通常是年末新收的，一般不超过本年新收", en: "carried-out applications are normally late-year receipts, so not more than the new ones" },
    RuleDef { id: RuleId::R8, code: "XY-CARRY-IN", severity: W, table: Some(T3),
        formula_zh: "本年 二、上年结转 = 上年 四、结转下年度", formula_en: "carried in (2) this year = carried out (4) last year",
        official: None, zh: "跨年度：本年的上年结转等于上年报告的结转下年度（每一列；需上年报告）", en: "cross-year: this year's carried-in equals last year's carried-out, in every column (needs last year's report)" },
    RuleDef { id: RuleId::R10, code: "T4-REVIEW-SUM", severity: E, table: Some(T4),
        formula_zh: "行政复议 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", formula_en: "review: total = upheld + corrected + other outcome + pending",
        official: None, zh: "行政复议的总计等于四种结果之和", en: "the review total is the sum of its four outcomes" },
    RuleDef { id: RuleId::R11, code: "T4-DIRECT-SUIT-SUM", severity: E, table: Some(T4),
        formula_zh: "未经复议直接起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", formula_en: "suit without review: total = upheld + corrected + other outcome + pending",
        official: None, zh: "未经复议直接起诉的总计等于四种结果之和", en: "the direct-suit total is the sum of its four outcomes" },
    RuleDef { id: RuleId::R12, code: "T4-SUIT-AFTER-REVIEW-SUM", severity: E, table: Some(T4),
        formula_zh: "复议后起诉 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结", formula_en: "suit after review: total = upheld + corrected + other outcome + pending",
        official: None, zh: "复议后起诉的总计等于四种结果之和", en: "the suit-after-review total is the sum of its four outcomes" },
    RuleDef { id: RuleId::R13, code: "T4-VALUE", severity: E, table: Some(T4),
        formula_zh: "15 个单元格均为非负整数", formula_en: "all 15 cells are integers ≥ 0",
        official: None, zh: "第四表每个单元格都是非负整数", en: "every Table 4 cell is a non-negative integer" },
    RuleDef { id: RuleId::R14, code: "T4-SUITS-AFTER-REVIEW", severity: W, table: Some(T4),
        formula_zh: "复议后起诉 总计 ≤ 行政复议 总计", formula_en: "suit after review: total ≤ review: total",
        official: None, zh: "复议后起诉的案件一般不多于行政复议案件（可能涉及往年复议）", en: "suits after review normally do not outnumber reviews (they may concern earlier years)" },
    RuleDef { id: RuleId::R15, code: "T4-SUITS-AFTER-CONCLUDED", severity: I, table: Some(T4),
        formula_zh: "复议后起诉 总计 ≤ 行政复议 维持 + 纠正 + 其他结果", formula_en: "suit after review: total ≤ review: upheld + corrected + other outcome",
        official: None, zh: "只有审结的复议才能起诉", en: "only concluded reviews can be followed by a suit" },
    RuleDef { id: RuleId::R16, code: "T4-WITHOUT-APPLICATIONS", severity: I, table: Some(T4),
        formula_zh: "若 一 + 二 的总计为 0，则第四表总计一般为 0", formula_en: "no applications → normally no review or suit",
        official: None, zh: "没有申请却有复议或诉讼（可能涉及往年答复）", en: "reviews or suits without any application (they may concern earlier years' replies)" },
    RuleDef { id: RuleId::R17, code: "XY-REVIEW-PENDING", severity: I, table: Some(T4),
        formula_zh: "本年 总计 ≥ 上年 尚未审结（注明含上年度结转时）", formula_en: "total this year ≥ pending last year (when the counts include carried-over cases)",
        official: None, zh: "跨年度：报告注明复议诉讼数量含上年度结转时，各总计不少于上年尚未审结的数量", en: "cross-year: where counts include last year's cases, each total is at least last year's pending cases" },
    RuleDef { id: RuleId::R18, code: "T2-VALUE-2021", severity: E, table: Some(T2),
        formula_zh: "件数为非负整数，收费金额为非负数", formula_en: "counts are integers ≥ 0, the fee amount a number ≥ 0",
        official: None, zh: "第二表（2021 格式）的数值类型", en: "value types of Table 2 (2021 format)" },
    RuleDef { id: RuleId::R19, code: "T2-VALID-GE-MADE", severity: W, table: Some(T2),
        formula_zh: "现行有效件数 ≥ 本年制发件数", formula_en: "in force ≥ made this year",
        official: None, zh: "本年制发的文件一般仍现行有效", en: "documents made this year are normally still in force" },
    RuleDef { id: RuleId::R20, code: "XY-DOCS-IN-FORCE", severity: W, table: Some(T2),
        formula_zh: "本年 现行有效件数 = 上年 现行有效件数 + 本年制发件数 − 本年废止件数", formula_en: "in force this year = in force last year + made this year − repealed this year",
        official: None, zh: "跨年度：现行有效件数按制发和废止变化（修订、自然失效的计法可能不同）", en: "cross-year: documents in force change by those made and repealed (revisions and lapses may be counted differently)" },
    RuleDef { id: RuleId::R21, code: "XY-REPEALED-LE", severity: W, table: Some(T2),
        formula_zh: "本年废止件数 ≤ 上年现行有效件数 + 本年制发件数", formula_en: "repealed this year ≤ in force last year + made this year",
        official: None, zh: "跨年度：废止的文件不多于上年现行有效的加本年制发的", en: "cross-year: no more documents repealed than were in force last year plus made this year" },
    RuleDef { id: RuleId::R22, code: "T2-COUNTY-REGULATIONS", severity: I, table: Some(T2),
        formula_zh: "县级及以下机关：规章 = 0", formula_en: "county level and below: regulations = 0",
        official: None, zh: "县级及以下机关无权制定规章（《立法法》）", en: "county-level and lower bodies cannot make 规章 (Legislation Law)" },
    RuleDef { id: RuleId::R23, code: "T2-VALUE-2019", severity: E, table: Some(T2),
        formula_zh: "除本年增/减外均为非负数，本年增/减为整数", formula_en: "all cells ≥ 0 except the signed change this year",
        official: None, zh: "第二表（2019 试行格式）的数值类型", en: "value types of Table 2 (2019 trial format)" },
    RuleDef { id: RuleId::R24, code: "T2-ITEMS-NONNEGATIVE", severity: E, table: Some(T2),
        formula_zh: "上一年项目数量 + 本年增/减 ≥ 0", formula_en: "items last year + change this year ≥ 0",
        official: None, zh: "本年项目数量不能为负", en: "this year's item count cannot be negative" },
    RuleDef { id: RuleId::R25, code: "XY-ITEMS-2019", severity: W, table: Some(T2),
        formula_zh: "2020 年 上一年项目数量 = 2019 年 上一年项目数量 + 本年增/减", formula_en: "items last year (2020 report) = items last year (2019 report) + change this year (2019 report)",
        official: None, zh: "跨年度（仅 2019→2020，试行格式）：项目数量前后衔接", en: "cross-year (2019 → 2020 only, trial format): item counts carry over" },
    RuleDef { id: RuleId::R26, code: "T2-PUBLISHED-TOTAL", severity: W, table: Some(T2),
        formula_zh: "对外公开总数量 ≥ 本年新公开数量", formula_en: "total published ≥ newly published",
        official: None, zh: "对外公开总数量包含本年新公开的数量", en: "the total published includes this year's new ones" },
    RuleDef { id: RuleId::R27, code: "T2-PUBLISHED-LE-MADE", severity: I, table: Some(T2),
        formula_zh: "本年新公开数量 ≤ 本年新制作数量", formula_en: "newly published ≤ newly made",
        official: None, zh: "新公开的一般不多于新制作的（上年末制作的可能本年公开）", en: "newly published normally not more than newly made" },
    RuleDef { id: RuleId::R28, code: "REPORT-YEAR", severity: W, table: None,
        formula_zh: "标题年份 = 统计期限年份，且与格式相符", formula_en: "title year = statistical period year, consistent with the format",
        official: None, zh: "报告年份、统计期限与表格格式一致", en: "the report's year, statistical period and format agree" },
    RuleDef { id: RuleId::R29, code: "REPORT-MIXED-FORMAT", severity: W, table: None,
        formula_zh: "各表格式一致", formula_en: "all tables from one format",
        official: None, zh: "报告各表应来自同一版格式", en: "the report's tables come from one format" },
    RuleDef { id: RuleId::R30, code: "REPORT-TABLES-PRESENT", severity: W, table: None,
        formula_zh: "三张统计表齐全", formula_en: "all three statistical tables present",
        official: None, zh: "主动公开、依申请公开、复议诉讼三张表都应出现", en: "the three statistical tables are all present" },
    // ---- prose and sections (src/prose/)
    RuleDef { id: RuleId::R9, code: "FEE-NOTICE-T3", severity: I, table: Some(T3),
        formula_zh: "第六部分称未发出收费通知 → （六）2 总计 = 0", formula_en: "section 6 says no fee notice → OTHER_2.TOT = 0",
        official: None, zh: "第六部分说未发出收费通知时，第三表“逾期未按收费通知要求缴纳费用”应为 0", en: "if section 6 says no fee notice was issued, Table 3 row (6)2 should be 0" },
    RuleDef { id: RuleId::P1, code: "PROSE-RECEIVED", severity: W, table: Some(T3),
        formula_zh: "正文收到/受理申请数 = 一（或 一 + 二）", formula_en: "applications received in the text = NEW (or NEW + CARRY_IN)",
        official: None, zh: "正文所述收到（受理）的申请数与第三表一致", en: "the applications received that the text states agree with Table 3" },
    RuleDef { id: RuleId::P2, code: "PROSE-APPLICANTS", severity: W, table: Some(T3),
        formula_zh: "正文自然人/法人或其他组织申请数 = 第三表相应列", formula_en: "applications by applicant type in the text = Table 3's columns",
        official: None, zh: "正文所述自然人、法人或其他组织的申请数与第三表一致", en: "the counts by applicant type in the text agree with Table 3" },
    RuleDef { id: RuleId::P3, code: "PROSE-CARRIED-IN", severity: W, table: Some(T3),
        formula_zh: "正文上年结转数 = 二", formula_en: "carried in, in the text = CARRY_IN",
        official: None, zh: "正文所述上年结转数与第三表一致", en: "the carried-in count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P4, code: "PROSE-HANDLED", severity: W, table: Some(T3),
        formula_zh: "正文办结/答复数 = （七）总计", formula_en: "handled, in the text = TOTAL",
        official: None, zh: "正文所述办结（答复）数与第三表（七）总计一致", en: "the handled count in the text agrees with Table 3's total" },
    RuleDef { id: RuleId::P5, code: "PROSE-CARRIED-OUT", severity: W, table: Some(T3),
        formula_zh: "正文结转下年度数 = 四", formula_en: "carried out, in the text = CARRY_OUT",
        official: None, zh: "正文所述结转下年度数与第三表一致", en: "the carried-out count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P6, code: "PROSE-GRANTED", severity: W, table: Some(T3),
        formula_zh: "正文予以公开数 = （一）", formula_en: "granted, in the text = GRANT",
        official: None, zh: "正文所述予以公开数与第三表一致", en: "the granted count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P7, code: "PROSE-PARTIAL", severity: W, table: Some(T3),
        formula_zh: "正文部分公开数 = （二）", formula_en: "partly granted, in the text = PARTIAL",
        official: None, zh: "正文所述部分公开数与第三表一致", en: "the partly granted count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P8, code: "PROSE-GRANTED-AND-PARTIAL", severity: W, table: Some(T3),
        formula_zh: "正文予以公开及部分公开数 = （一）+（二）", formula_en: "granted and partly granted, in the text = GRANT + PARTIAL",
        official: None, zh: "正文所述予以公开及部分公开数与第三表一致", en: "the granted-and-partly-granted count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P9, code: "PROSE-DENIED", severity: W, table: Some(T3),
        formula_zh: "正文不予公开数 = （三）1–8 之和", formula_en: "denied, in the text = Σ DENY_1..8",
        official: None, zh: "正文所述不予公开数与第三表一致", en: "the denied count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P10, code: "PROSE-UNABLE", severity: W, table: Some(T3),
        formula_zh: "正文无法提供数 = （四）1–3 之和（或其中一项）", formula_en: "unable to provide, in the text = Σ UNABLE_1..3 (or one sub-row)",
        official: None, zh: "正文所述无法提供数与第三表一致", en: "the unable-to-provide count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P11, code: "PROSE-NOT-PROCESSED", severity: W, table: Some(T3),
        formula_zh: "正文不予处理数 = （五）1–5 之和", formula_en: "not processed, in the text = Σ NOTPROC_1..5",
        official: None, zh: "正文所述不予处理数与第三表一致", en: "the not-processed count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P12, code: "PROSE-OTHER", severity: W, table: Some(T3),
        formula_zh: "正文其他处理数 = （六）之和", formula_en: "otherwise handled, in the text = Σ OTHER rows",
        official: None, zh: "正文所述其他处理数与第三表一致", en: "the otherwise-handled count in the text agrees with Table 3" },
    RuleDef { id: RuleId::P13, code: "PROSE-PERCENT", severity: W, table: Some(T3),
        formula_zh: "正文比例 = 该项 ÷ （七）总计", formula_en: "percentage in the text = figure ÷ TOTAL",
        official: None, zh: "正文所述各项办理结果的比例与第三表一致（按印出的精度）", en: "the shares the text gives agree with Table 3 (to the printed precision)" },
    RuleDef { id: RuleId::P14, code: "PROSE-REVIEW-LITIGATION", severity: W, table: Some(T4),
        formula_zh: "正文复议、诉讼数及“均获维持”“未被纠错”“零败诉” = 第四表", formula_en: "review and litigation counts and claims in the text = Table 4",
        official: None, zh: "正文所述行政复议、行政诉讼数量及结果与第四表一致", en: "the review and litigation counts and outcomes the text states agree with Table 4" },
    RuleDef { id: RuleId::S1, code: "SECTIONS-PRESENT", severity: W, table: None,
        formula_zh: "一至六部分齐全且顺序正确", formula_en: "sections 1–6 present and in order",
        official: None, zh: "报告包含全国统一格式的六个部分，且顺序一致", en: "the report has the national format's six sections, in order" },
    RuleDef { id: RuleId::S2, code: "SECTION-5-CONTENT", severity: W, table: None,
        formula_zh: "第五部分不为空、不只写“无”、不止一句", formula_en: "section 5 is not empty, \"none\" or one sentence",
        official: None, zh: "第五部分应说明存在的主要问题及改进情况", en: "section 5 states the main problems and the improvements" },
    RuleDef { id: RuleId::S3, code: "SECTION-6-FEES", severity: W, table: None,
        formula_zh: "第六部分说明信息处理费收取情况（2021 年格式起）", formula_en: "section 6 reports information-processing fees (2021 format on)",
        official: None, zh: "2021 年格式要求在第六部分报告信息处理费的收取情况", en: "the 2021 format asks section 6 to report information-processing fees" },
    RuleDef { id: RuleId::S4, code: "SECTION-6-FEE-TABLE", severity: W, table: None,
        formula_zh: "第六部分所述收费金额 = 信息处理费表实际收取金额", formula_en: "fees stated in section 6 = the fee table's amount collected",
        official: None, zh: "第六部分所述信息处理费与信息处理费表一致", en: "the fees section 6 states agree with the fee table" },
];

// The table above is indexed by id: its order is `RuleId::ALL`'s, checked when compiling.
const _: () = {
    assert!(RULES.len() == RuleId::ALL.len());
    let mut i = 0;
    while i < RULES.len() {
        assert!(RULES[i].id as usize == i);
        i += 1;
    }
};

/// Rules whose failure is reported inside another rule's finding (domain-spec §B.1: R5 is
/// "reported as the R1 failure, with this as the explanation"): (rule, reported with).
const REPORTED_WITH: &[(RuleId, RuleId)] = &[(RuleId::R5, RuleId::R1)];

/// The rule whose finding carries this rule's failure, if any.
pub fn reported_with(id: RuleId) -> Option<RuleId> {
    REPORTED_WITH
        .iter()
        .find(|(r, _)| *r == id)
        .map(|(_, w)| *w)
}

/// A rule's catalogue entry.
pub fn rule(id: RuleId) -> &'static RuleDef {
    &RULES[id as usize]
}

impl RuleDef {
    /// The formula in the form's own labels, both languages.
    pub fn formula(&self) -> Message {
        Message {
            zh: self.formula_zh.into(),
            en: self.formula_en.into(),
        }
    }
    /// The one-line description, both languages.
    pub fn description(&self) -> Message {
        Message {
            zh: self.zh.into(),
            en: self.en.into(),
        }
    }
}

pub fn infos() -> Vec<RuleInfo> {
    RULES
        .iter()
        .map(|r| RuleInfo {
            id: r.id,
            code: r.code.to_string(),
            explain: crate::explain::explain(r.id),
            severity: r.severity,
            table: r.table,
            formula: r.formula(),
            official: r.official.map(str::to_string),
            description: r.description(),
        })
        .collect()
}
