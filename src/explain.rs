//! Each rule in plain words for a citizen, zh-CN and English, keyed by rule id.
//!
//! The catalogue (`catalogue.rs`) holds the formula and a technical description; this file
//! says *why* the relation must hold, in words a reader of the report understands without
//! the form in front of them. `rules()` returns it as `explain` on every catalogue entry.

use crate::{Message, RuleId};

// One explanation for every prose rule P1–P14: each compares a figure in the text with its table cell.
const PROSE_ZH: &str = "报告正文里写到的数字（如“共受理申请 21 件”）应当与统计表里对应的数一致；不一致时，至少有一处写错了。";
const PROSE_EN: &str = "A figure quoted in the report's text (e.g. \"21 applications received\") must equal its counterpart in the tables; if they differ, one of them is wrong.";

/// (rule id, zh, en).
const EXPLAIN: &[(RuleId, &str, &str)] = &[
    (RuleId::R1,
     "今年收到的申请和去年没办完转过来的申请，都必须有个去处：要么今年办结了（计入办理结果总计），要么转到明年继续办。两边的数应当相等。",
     "Every application received this year or carried in from last year must be accounted for: either decided this year (the total of outcomes) or carried over to next year. The two sides must be equal."),
    (RuleId::R2,
     "每件办结的申请只计入一种办理结果，所以各种结果的件数加起来，应当正好等于办理结果的总计。",
     "Each decided application is counted under exactly one outcome, so the outcomes must add up to the total of outcomes."),
    (RuleId::R3,
     "“总计”列是各类申请人（自然人、企业、科研机构等）的合计，每一行的六类申请人加起来应当等于该行的总计。",
     "The total column counts all applicants, so in every row the six kinds of applicant must add up to that row's total."),
    (RuleId::R4,
     "申请件数只能是 0 或正整数，不能是负数、小数或文字。",
     "A number of applications can only be 0 or a whole positive number, never negative, a fraction or text."),
    (RuleId::R5,
     "办结的和转到明年的申请，不可能比收到的（今年新收加去年转来）还多。",
     "No more applications can be decided or carried over than were received (new this year plus carried in)."),
    (RuleId::R6,
     "如果某类申请人今年没有提出申请、也没有去年转来的申请，这一列就不应出现任何办理结果。",
     "If a kind of applicant made no application this year and had none carried in, its column cannot show any outcome."),
    (RuleId::R7,
     "转到明年继续办的申请，一般是年底才收到的，通常不会比全年新收的还多。",
     "Applications carried over to next year are normally ones received late in the year, so there are usually not more of them than new ones."),
    (RuleId::R10,
     "每一件行政复议案件都有一个结果（维持、纠正、其他）或者尚未审结，这几项加起来应当等于复议总数。",
     "Every administrative review ends upheld, corrected or otherwise, or is still pending; together they must equal the number of reviews."),
    (RuleId::R11,
     "每一件未经复议直接起诉的案件都有一个结果或者尚未审结，这几项加起来应当等于该类诉讼的总数。",
     "Every suit filed without a prior review ends upheld, corrected or otherwise, or is still pending; together they must equal the number of such suits."),
    (RuleId::R12,
     "每一件复议后起诉的案件都有一个结果或者尚未审结，这几项加起来应当等于该类诉讼的总数。",
     "Every suit filed after a review ends upheld, corrected or otherwise, or is still pending; together they must equal the number of such suits."),
    (RuleId::R13,
     "复议、诉讼的件数只能是 0 或正整数。",
     "Numbers of reviews and suits can only be 0 or whole positive numbers."),
    (RuleId::R14,
     "复议后起诉的案件来自行政复议，一般不会比复议案件还多（跨年的情况除外）。",
     "Suits after review come from reviews, so there are normally not more of them than reviews (unless they concern earlier years)."),
    (RuleId::R15,
     "只有复议已经有了结果，才能在复议后起诉；复议后起诉的案件一般不多于已审结的复议。",
     "A suit after review needs a finished review, so such suits are normally not more than the reviews already concluded."),
    (RuleId::R16,
     "一年没有收到任何申请，却有复议或诉讼，可能是针对往年的答复，值得核实。",
     "Reviews or suits in a year without any application may concern earlier years' replies; worth confirming."),
    (RuleId::R18,
     "主动公开表中的件数只能是 0 或正整数，收费金额不能为负数。",
     "Counts in the proactive-disclosure table are whole numbers of 0 or more, and the fee amount cannot be negative."),
    (RuleId::R19,
     "今年制发的文件，一般今年年底仍然有效，所以现行有效件数通常不少于本年制发件数。",
     "Documents made this year are normally still in force at the end of the year, so the number in force is usually not smaller."),
    (RuleId::R22,
     "按照《立法法》，县级及以下机关无权制定规章，规章件数应为 0。",
     "Under the Legislation Law, county-level and lower bodies cannot make 规章, so the count should be 0."),
    (RuleId::R23,
     "主动公开表中的数量不能为负，只有“本年增/减”可以是负数。",
     "Numbers in the proactive-disclosure table cannot be negative, except the change this year."),
    (RuleId::R24,
     "上一年的项目数量加上本年的增减，就是今年的项目数量，不可能小于 0。",
     "Last year's items plus this year's change is this year's count, which cannot be below 0."),
    (RuleId::R26,
     "对外公开的总数量包括今年新公开的，所以不应比今年新公开的少。",
     "The total published includes this year's new publications, so it cannot be smaller."),
    (RuleId::R27,
     "新公开的文件一般是新制作的，所以通常不多于新制作的数量（上年末制作、本年公开的除外）。",
     "Newly published documents are normally newly made, so there are usually not more of them (except ones made late last year)."),
    (RuleId::R28,
     "报告标题的年份、统计期限的年份和所用的表格格式应当一致。",
     "The year in the title, the year of the statistical period and the form used must agree."),
    (RuleId::R29,
     "同一份报告的几张表应当来自同一版格式。",
     "All tables of one report must come from the same version of the form."),
    (RuleId::R30,
     "年度报告应当包括主动公开、收到和处理申请、复议诉讼三张统计表。",
     "An annual report must contain all three statistical tables: proactive disclosure, applications, and review and litigation."),
    (RuleId::R8,
     "去年报告里“结转下年度继续办理”的申请，就是今年报告里“上年结转”的申请，两份报告的这两个数应当相同。",
     "The applications last year's report carried over to this year are the ones this year's report says were carried in: the two numbers should be the same."),
    (RuleId::R17,
     "如果报告说明复议、诉讼数量包含上年度结转的案件，那么今年的总数不会少于去年还没审结的案件数。",
     "If the report says its review and suit counts include cases carried over from last year, this year's totals cannot be smaller than last year's pending cases."),
    (RuleId::R20,
     "现行有效的文件数，等于去年现行有效的，加上今年新制发的，减去今年废止的。",
     "Documents in force this year are last year's documents in force, plus those made this year, minus those repealed this year."),
    (RuleId::R21,
     "今年废止的文件，只能来自去年仍然有效的或今年新制发的，不会比这两者加起来还多。",
     "Documents repealed this year can only be ones in force last year or made this year, so there cannot be more of them than both together."),
    (RuleId::R25,
     "试行格式下，2020 年报告中的“上一年项目数量”应当等于 2019 年报告的项目数量加上当年的增减。",
     "In the trial format, the 2020 report's item count for last year should equal the 2019 report's count plus that year's change."),
    (RuleId::R9,
     "报告第六部分说没有发出收费通知，那么第三表里“申请人逾期未按收费通知要求缴纳费用”的件数就应当是 0。",
     "If section 6 says no fee notice was sent, Table 3 cannot count applications dropped because a fee notice went unpaid."),
    (RuleId::P1, PROSE_ZH, PROSE_EN),
    (RuleId::P2, PROSE_ZH, PROSE_EN),
    (RuleId::P3, PROSE_ZH, PROSE_EN),
    (RuleId::P4, PROSE_ZH, PROSE_EN),
    (RuleId::P5, PROSE_ZH, PROSE_EN),
    (RuleId::P6, PROSE_ZH, PROSE_EN),
    (RuleId::P7, PROSE_ZH, PROSE_EN),
    (RuleId::P8, PROSE_ZH, PROSE_EN),
    (RuleId::P9, PROSE_ZH, PROSE_EN),
    (RuleId::P10, PROSE_ZH, PROSE_EN),
    (RuleId::P11, PROSE_ZH, PROSE_EN),
    (RuleId::P12, PROSE_ZH, PROSE_EN),
    (RuleId::P13, PROSE_ZH, PROSE_EN),
    (RuleId::P14, PROSE_ZH, PROSE_EN),
    (RuleId::S1,
     "年度报告按全国统一格式分六个部分（总体情况……其他需要报告的事项），缺了或顺序乱了，读者就难以找到该有的内容。",
     "The national format has six sections (overview … other matters); a missing or misplaced one makes required content hard to find."),
    (RuleId::S2,
     "第五部分应当写明工作中存在的主要问题和改进情况；空着、只写“无”或一句话，等于没有报告。",
     "Section 5 must describe the main problems and how they are being fixed; leaving it empty, \"无\" or one sentence reports nothing."),
    (RuleId::S3,
     "2021 年起的格式要求在第六部分说明收取信息处理费的情况，即使没有收费也应写明。",
     "From the 2021 format on, section 6 must say how information-processing fees were handled, even when none were charged."),
    (RuleId::S4,
     "第六部分关于信息处理费的说法，应当与报告里的收费表一致。",
     "What section 6 says about information-processing fees must agree with the report's fee table."),
];

/// The plain-language explanation of a rule, when there is one.
pub fn explain(rule: RuleId) -> Option<Message> {
    EXPLAIN
        .iter()
        .find(|(id, _, _)| *id == rule)
        .map(|(_, zh, en)| Message {
            zh: (*zh).to_string(),
            en: (*en).to_string(),
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_rule_in_the_catalogue_is_explained() {
        for r in crate::catalogue::RULES {
            assert!(
                super::explain(r.id).is_some(),
                "{} has no explanation",
                r.id
            );
        }
    }
}
