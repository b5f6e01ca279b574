//! The report's six sections (domain-spec §A.1): present and in order (S1), section 五
//! says something (S2), section 六 reports information-processing fees from the 2021
//! format on (S3) and agrees with the fee table (S4) and with Table 3 row （六）2 (R9).
//!
//! Headings are found by their words after a Chinese numeral and "、", never by the
//! numeral alone (reports insert sections and renumber, and Table 3's rows reuse
//! "一、" … "四、"). A paste that shows neither the report's beginning (一、总体情况) nor
//! its end (五 or 六) is a paste of tables: the section checks are not applicable.

use super::text::{is_clause_end, KeyText, BREAK};
use super::words::{words, Word, Words};
use super::Ctx;
use crate::forms::{FormCell, Format};
use crate::rules::finding;
use crate::{catalogue, Check, Finding, Message, Num, RuleId, Status, TableId};

/// One of the six sections: words that open its heading (right after "一、"), or that
/// must all occur within `WINDOW` characters of it.
struct SectionDef {
    zh: &'static str,
    en: &'static str,
    starts: &'static [&'static str],
    /// Alternatively: every group has a word within the window.
    within: &'static [&'static [&'static str]],
    /// Sub-headings that show the section is there when its heading was lost (a PDF
    /// conversion drops it): looked for between the sections around it.
    evidence: &'static [&'static str],
    /// How many characters may come before a `starts` word ("政府信息" + "主动公开情况").
    slack: usize,
    /// Headings of a section some reports put in this one's place (a 信息处理费 section
    /// instead of 其他需要报告的事项): the section counts as present, in any position.
    stand_in: &'static [&'static str],
}

const WINDOW: usize = 26;

const SECTIONS: [SectionDef; 6] = [
    SectionDef {
        zh: "一、总体情况",
        en: "1 general situation",
        starts: &[
            "总体情况",
            "总体概况",
            "基本情况",
            "概述",
            "总体概述",
            "工作概况",
            "概况",
        ],
        within: &[],
        slack: 4,
        evidence: &[],
        stand_in: &[],
    },
    SectionDef {
        zh: "二、主动公开政府信息情况",
        en: "2 proactive disclosure",
        starts: &["主动公开"],
        within: &[],
        slack: 4,
        evidence: &[],
        stand_in: &[],
    },
    SectionDef {
        zh: "三、收到和处理政府信息公开申请情况",
        en: "3 applications received and handled",
        starts: &[
            "收到和处理",
            "收到及处理",
            "收到与处理",
            "依申请公开",
            "政府信息公开申请",
            "受理和处理",
        ],
        within: &[],
        slack: 0,
        evidence: &[],
        stand_in: &[],
    },
    SectionDef {
        zh: "四、政府信息公开行政复议、行政诉讼情况",
        en: "4 administrative review and litigation",
        starts: &[],
        within: &[&["复议"], &["诉讼"]],
        slack: 0,
        evidence: &[],
        stand_in: &[],
    },
    SectionDef {
        zh: "五、存在的主要问题及改进情况",
        en: "5 main problems and improvements",
        starts: &[],
        within: &[&["问题", "不足"], &["改进", "整改", "措施", "打算", "计划"]],
        slack: 0,
        evidence: &[
            "存在的主要问题",
            "存在问题",
            "主要问题",
            "存在的问题",
            "改进情况",
            "改进措施",
            "整改措施",
            "整改情况",
        ],
        stand_in: &[],
    },
    SectionDef {
        zh: "六、其他需要报告的事项",
        en: "6 other matters to report",
        starts: &[
            "其他需要报告",
            "其他需报告",
            "需要报告的其他",
            "需要说明的其他",
            "其他事项",
            "其他需要说明",
        ],
        within: &[],
        slack: 0,
        evidence: &[],
        stand_in: &["信息处理费", "政府信息公开信息处理费"],
    },
];

/// The numerals, as a filter: this runs on every character, and most are passed over
/// after one bit test.
const NUMERALS: Words = words!(&["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]);

fn is_numeral(c: char) -> bool {
    NUMERALS.may_start(c)
        && matches!(
            c,
            '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
        )
}

/// The sections' words, prepared at compile time (`within`: at most two groups).
struct Prepared {
    starts: Words,
    within: [Words; 2],
    stand_in: Words,
}

const NO_WORDS: &[&str] = &[];

macro_rules! prepared {
    ($n:expr) => {
        Prepared {
            starts: words!(SECTIONS[$n].starts),
            within: [
                words!(if SECTIONS[$n].within.len() > 0 {
                    SECTIONS[$n].within[0]
                } else {
                    NO_WORDS
                }),
                words!(if SECTIONS[$n].within.len() > 1 {
                    SECTIONS[$n].within[1]
                } else {
                    NO_WORDS
                }),
            ],
            stand_in: words!(SECTIONS[$n].stand_in),
        }
    };
}

const PREPARED: [Prepared; 6] = [
    prepared!(0),
    prepared!(1),
    prepared!(2),
    prepared!(3),
    prepared!(4),
    prepared!(5),
];
const EVIDENCE: Words = words!(SECTIONS[4].evidence);

/// A section heading found: key index of its numeral, and past its words.
#[derive(Clone, Copy)]
struct Heading {
    at: usize,
    body: usize,
}

/// The heading's words in the window of key characters `[at, win)` (`WINDOW` long, or
/// to the end of the text): where they end.
fn heading_matches(k: &KeyText, at: usize, win: usize, n: usize) -> Option<usize> {
    let (def, words) = (&SECTIONS[n], &PREPARED[n]);
    for w in words.starts.list {
        // Right at `at`, or after a qualifier: "工作总体情况", "政府信息主动公开情况".
        // Only the first `slack` places can hold it (the first place it is found in the
        // window is then one of them): no need to search the whole window.
        let fits = |b: &usize| b + w.len <= win && k.word_at(*b, w);
        if let Some(b) = (at..=at + def.slack).find(fits) {
            return Some(b + w.len);
        }
    }
    if def.within.is_empty() {
        return None;
    }
    // The heading ends where its clause does (or at the window's end).
    let mut end = 0usize;
    for group in &words.within[..def.within.len()] {
        let hit = group
            .list
            .iter()
            .filter_map(|w| k.find(at, win, w).map(|b| b - at + w.len))
            .min()?;
        end = end.max(hit);
    }
    // Whole words after the last one: "改进情况", "整改措施".
    let e = at + end;
    if e + 2 <= win && (k.has_at(e, "情况") || k.has_at(e, "措施")) {
        end += 2;
    }
    Some(at + end)
}

/// Every heading of each section, in text order; then the stand-in headings.
fn headings(k: &super::text::KeyText) -> ([Vec<Heading>; 6], [Vec<Heading>; 6]) {
    let mut out: [Vec<Heading>; 6] = Default::default();
    let mut stand: [Vec<Heading>; 6] = Default::default();
    let ch = &k.chars;
    for i in 0..ch.len() {
        if !is_numeral(ch[i]) {
            continue;
        }
        if i > 0 && (is_numeral(ch[i - 1]) || matches!(ch[i - 1], '第' | '表' | '(')) {
            continue;
        }
        let mut j = i + 1;
        while j < ch.len() && is_numeral(ch[j]) && j - i < 3 {
            j += 1;
        }
        if !matches!(ch.get(j), Some('、' | '.')) {
            continue;
        }
        let at = j + 1;
        // One window per candidate heading, shared by every section's words.
        let win = (at + WINDOW).min(k.len());
        let found =
            (0..SECTIONS.len()).find_map(|n| heading_matches(k, at, win, n).map(|body| (n, body)));
        if let Some((n, body)) = found {
            out[n].push(Heading { at: i, body });
            continue;
        }
        for (n, words) in PREPARED.iter().enumerate() {
            let stand_in = words.stand_in.list.iter();
            if let Some(w) = stand_in
                .into_iter()
                .find(|w| at + w.len <= win && k.word_at(at, w))
            {
                stand[n].push(Heading {
                    at: i,
                    body: at + w.len,
                });
            }
        }
    }
    (out, stand)
}

fn push(
    checks: &mut Vec<Check>,
    id: RuleId,
    instance: &'static str,
    status: Status,
    reason: Option<Message>,
) {
    let def = catalogue::rule(id);
    checks.push(Check {
        rule: id,
        instance: instance.into(),
        severity: def.severity,
        status,
        reason,
    });
}

fn msg(zh: impl Into<String>, en: impl Into<String>) -> Message {
    Message {
        zh: zh.into(),
        en: en.into(),
    }
}

pub fn run(ctx: &Ctx, checks: &mut Vec<Check>, findings: &mut Vec<Finding>) {
    let k = ctx.k;
    let (all, stand) = headings(k);
    let found: Vec<bool> = all.iter().map(|h| !h.is_empty()).collect();
    let whole = found[0] && (found[4] || found[5]) && found.iter().filter(|f| **f).count() >= 3;
    let ids = [RuleId::S1, RuleId::S2, RuleId::S3, RuleId::S4, RuleId::R9];
    if !whole {
        let why = msg(
            "未见报告的开头（一、总体情况）和结尾（五、六）：只粘贴了表格或部分内容，不检查章节",
            "the report's beginning (1 general situation) and end (5, 6) are not in the paste: only tables or part of the report were pasted; sections not checked",
        );
        for id in ids {
            push(
                checks,
                id,
                "sections",
                Status::NotApplicable,
                Some(why.clone()),
            );
        }
        return;
    }
    // Pick each section's heading in order: the first after the previous section's.
    let mut chosen: [Option<Heading>; 6] = [None; 6];
    let mut out_of_order = Vec::new();
    let mut last = 0usize;
    for n in 0..6 {
        if let Some(h) = all[n].iter().find(|h| h.at >= last) {
            chosen[n] = Some(*h);
            last = h.at;
        } else if !all[n].is_empty() {
            out_of_order.push(n);
        }
    }
    // Section 五 whose heading was lost: its sub-headings between 四 and 六.
    if chosen[4].is_none() && out_of_order.is_empty() {
        let from = chosen[3].or(chosen[2]).map_or(0, |h| h.body);
        let to = chosen[5].map_or(k.len(), |h| h.at);
        if let Some(at) = EVIDENCE.list.iter().find_map(|w| k.find(from, to, w)) {
            chosen[4] = Some(Heading { at, body: at });
        }
    }
    // A stand-in section where the section itself is absent: present, in any position.
    for n in 0..6 {
        if all[n].is_empty() {
            if let Some(h) = stand[n].first() {
                chosen[n] = Some(*h);
            }
        }
    }
    // S1: all six, in order.
    let missing: Vec<usize> = (0..6)
        .filter(|n| chosen[*n].is_none() && !out_of_order.contains(n))
        .collect();
    let s1 = catalogue::rule(RuleId::S1);
    if missing.is_empty() && out_of_order.is_empty() {
        push(checks, RuleId::S1, "sections", Status::Pass, None);
    } else {
        push(checks, RuleId::S1, "sections", Status::Fail, None);
        let names = |v: &[usize], en: bool| -> String {
            v.iter()
                .map(|n| if en { SECTIONS[*n].en } else { SECTIONS[*n].zh })
                .collect::<Vec<_>>()
                .join(if en { ", " } else { "、" })
        };
        let mut zh = Vec::new();
        let mut en = Vec::new();
        if !missing.is_empty() {
            zh.push(format!(
                "未找到章节：{}（若粘贴不完整，可忽略）",
                names(&missing, false)
            ));
            en.push(format!(
                "section(s) not found: {} (ignore if the paste is incomplete)",
                names(&missing, true)
            ));
        }
        if !out_of_order.is_empty() {
            zh.push(format!(
                "章节顺序与全国统一格式不同：{}",
                names(&out_of_order, false)
            ));
            en.push(format!(
                "section(s) out of the national format's order: {}",
                names(&out_of_order, true)
            ));
        }
        let mut fd = finding(s1, "sections", msg(zh.join("；"), en.join("; ")));
        let at = out_of_order
            .first()
            .and_then(|n| all[*n].first().copied())
            .or_else(|| {
                missing
                    .iter()
                    .filter_map(|n| (0..*n).rev().find_map(|p| chosen[p]))
                    .next()
            });
        fd.span = at.and_then(|h| ctx.span(h.at, h.body.max(h.at + 1)));
        findings.push(fd);
    }
    // Section bodies: from a heading's words to the next section's heading.
    let body = |n: usize| -> Option<(usize, usize)> {
        let h = chosen[n]?;
        let end = chosen
            .iter()
            .flatten()
            .map(|x| x.at)
            .filter(|at| *at > h.at)
            .min()
            .unwrap_or(k.len());
        Some((h.body, end.max(h.body)))
    };
    // S2: section 五 is not empty, "无" or one sentence.
    match body(4) {
        None => push(
            checks,
            RuleId::S2,
            "五",
            Status::NotApplicable,
            Some(msg("未找到第五部分", "section 5 not found")),
        ),
        Some((a, b)) => {
            let text = k.chars.get(a.min(b)..b.min(k.len())).unwrap_or(&[]);
            // The words (no punctuation, no spaces), and how many sentences have more
            // than one character of them: counted on the key, without building strings.
            let is_word = |c: char| !is_clause_end(c) && c != ' ';
            let sentences = text
                .split(|c| matches!(c, '。' | '!' | '?' | ';'))
                .filter(|s| s.iter().filter(|c| is_word(**c)).count() > 1)
                .count();
            // Nothing, or only "无".
            let mut words = text.iter().copied().filter(|c| is_word(*c));
            let empty = matches!(
                [words.next(), words.next(), words.next()],
                [None, ..]
                    | [Some('无'), None, _]
                    | [Some('暂'), Some('无'), None]
                    | [Some('没'), Some('有'), None]
            );
            if empty || sentences <= 1 {
                push(checks, RuleId::S2, "五", Status::Fail, None);
                let (zh, en) = if empty {
                    (
                        "第五部分“存在的主要问题及改进情况”为空或只写“无”",
                        "section 5 (main problems and improvements) is empty or says only \"none\"",
                    )
                } else {
                    (
                        "第五部分“存在的主要问题及改进情况”只有一句话",
                        "section 5 (main problems and improvements) is a single sentence",
                    )
                };
                let mut fd = finding(catalogue::rule(RuleId::S2), "五", msg(zh, en));
                let h = chosen[4].map_or(a, |h| h.at);
                fd.span = ctx.span(h, b.max(h + 1));
                findings.push(fd);
            } else {
                push(checks, RuleId::S2, "五", Status::Pass, None);
            }
        }
    }
    // S3: section 六 reports information-processing fees (2021 format on).
    let f2021 = ctx.inp.format == Some(Format::F2021) || ctx.inp.year.is_some_and(|y| y >= 2021);
    let six = body(5).map(|(a, b)| (a, b, k.slice(a, b)));
    match (&six, f2021) {
        (None, _) => push(
            checks,
            RuleId::S3,
            "六",
            Status::NotApplicable,
            Some(msg("未找到第六部分", "section 6 not found")),
        ),
        (Some(_), false) => push(
            checks,
            RuleId::S3,
            "六",
            Status::NotApplicable,
            Some(msg(
                "2021 年格式之前不要求报告信息处理费",
                "fees are reported from the 2021 format on",
            )),
        ),
        (Some((_, _, t)), true) if t.contains('费') => {
            push(checks, RuleId::S3, "六", Status::Pass, None)
        }
        (Some(_), true) if k.contains(0, k.len(), &Word::new("处理费")) => push(
            checks,
            RuleId::S3,
            "六",
            Status::Pass,
            Some(msg(
                "信息处理费在报告其他部分说明",
                "fees are reported elsewhere in the report",
            )),
        ),
        (Some((a, b, _)), true) => {
            push(checks, RuleId::S3, "六", Status::Fail, None);
            let mut fd = finding(
                catalogue::rule(RuleId::S3),
                "六",
                msg(
                    "第六部分“其他需要报告的事项”未说明信息处理费的收取情况（2021 年格式要求）",
                    "section 6 (other matters) does not say how information-processing fees were handled (required by the 2021 format)",
                ),
            );
            let h = chosen[5].map_or(*a, |h| h.at);
            fd.span = ctx.span(h, (*b).max(h + 1));
            findings.push(fd);
        }
    }
    let fees = six.as_ref().map(|(a, b, t)| (*a, *b, fee_statement(t)));
    // R9: section 六 says no fee notice was issued → Table 3 （六）2 is 0.
    let other2 = FormCell::new(TableId::Applications, "OTHER_2", "TOT");
    match &fees {
        Some((a, b, st)) if st.no_notice => match ctx.value(other2) {
            Some(v) if v.is_zero() => push(checks, RuleId::R9, "OTHER_2", Status::Pass, None),
            Some(v) => {
                push(checks, RuleId::R9, "OTHER_2", Status::Fail, None);
                let mut fd = finding(
                    catalogue::rule(RuleId::R9),
                    "OTHER_2",
                    msg(
                        format!("第六部分称未发出收费通知，但第三表“（六）2.申请人逾期未按收费通知要求缴纳费用”为 {v}"),
                        format!("section 6 says no fee notice was issued, but Table 3 row (6)2 (fee not paid after notice) is {v}"),
                    ),
                );
                fd.cells = vec![other2.to_ref()];
                fd.operands = super::operands(&[(other2, v)]);
                fd.expected = Some(Num::ZERO);
                fd.actual = Some(v);
                fd.span = ctx.span(*a, *b);
                findings.push(fd);
            }
            None => push(
                checks,
                RuleId::R9,
                "OTHER_2",
                Status::CannotCheck,
                Some(msg("第三表（六）2 未读出", "Table 3 row (6)2 was not read")),
            ),
        },
        _ => push(
            checks,
            RuleId::R9,
            "OTHER_2",
            Status::NotApplicable,
            Some(msg(
                "第六部分未说明是否发出收费通知",
                "section 6 does not say whether fee notices were issued",
            )),
        ),
    }
    // S4: section 六's fee statement against the fee table.
    let table = fee_table(k);
    match (&fees, table) {
        (Some((a, b, st)), Some(t)) if st.none_collected || st.amount.is_some() => {
            let said = st.amount.unwrap_or(Num::ZERO);
            if said == t.collected {
                push(checks, RuleId::S4, "fees", Status::Pass, None);
            } else {
                push(checks, RuleId::S4, "fees", Status::Fail, None);
                let mut fd = finding(
                    catalogue::rule(RuleId::S4),
                    "fees",
                    msg(
                        format!("第六部分称收取信息处理费 {said} 元，信息处理费表中实际收取金额为 {} 元", t.collected),
                        format!("section 6 says {said} yuan of information-processing fees were collected, the fee table says {} yuan", t.collected),
                    ),
                );
                fd.expected = Some(t.collected);
                fd.actual = Some(said);
                fd.difference = said.checked_sub(t.collected);
                fd.span = ctx.span(*a, *b);
                findings.push(fd);
            }
        }
        (_, None) => push(
            checks,
            RuleId::S4,
            "fees",
            Status::NotApplicable,
            Some(msg("报告没有信息处理费表", "the report has no fee table")),
        ),
        _ => push(
            checks,
            RuleId::S4,
            "fees",
            Status::NotApplicable,
            Some(msg(
                "第六部分未说明收取金额",
                "section 6 does not state the amount collected",
            )),
        ),
    }
}

/// What section 六 says about fees.
#[derive(Debug, Default)]
struct FeeStatement {
    /// "未发出收费通知", "没有…收费通知".
    no_notice: bool,
    /// "未收取信息处理费", "没有产生信息公开处理费", "无收取信息处理费情况".
    none_collected: bool,
    /// "收取信息处理费共计 380 元".
    amount: Option<Num>,
}

const NEG: &[&str] = &["未", "没有", "无", "不"];

fn fee_statement(t: &str) -> FeeStatement {
    let mut st = FeeStatement::default();
    // Clause by clause.
    for clause in t.split(|c: char| matches!(c, '。' | ',' | ';' | '!' | '?' | BREAK)) {
        let has_neg = |before: &str| NEG.iter().any(|n| contains(before, n));
        if let Some(p) = find(clause, "收费通知") {
            if has_neg(&clause[..p]) && !contains(clause, "但") {
                st.no_notice = true;
            }
        }
        let fee_word = ["处理费", "收费"]
            .iter()
            .filter_map(|w| find(clause, w))
            .min();
        if let Some(p) = fee_word {
            let before = &clause[..p];
            if has_neg(before)
                && ["收取", "产生", "收费", "发生"]
                    .iter()
                    .any(|w| contains(clause, w))
                && !contains(clause, "但")
                && !contains(clause, "将")
            {
                st.none_collected = true;
            }
            // "…收取信息处理费共计380元"
            if let Some(y) = clause.find('元') {
                let digits: String = clause[..y]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_ascii_digit() || *c == '.')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                if y > p && contains(clause, "收取") && !has_neg(&clause[..y]) {
                    st.amount = Num::parse(&digits);
                }
            }
        }
    }
    if st.none_collected && st.amount.is_none() {
        st.amount = Some(Num::ZERO);
    }
    st
}

/// `h.find(n)` for the short words of section 六 in its short clauses: a plain scan
/// costs a fraction of setting up the general substring searcher each time. A match of
/// a whole UTF-8 word can only start on a character boundary, so the offset is the same.
fn find(h: &str, n: &str) -> Option<usize> {
    let (h, n) = (h.as_bytes(), n.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&p| h[p] == first && h[p..].starts_with(n))
}

fn contains(h: &str, n: &str) -> bool {
    find(h, n).is_some()
}

/// The fee table some 2024–2025 reports add (通知收取件数 / 通知收取金额（元） / 实际收取金额（元）).
struct FeeTable {
    collected: Num,
}

fn fee_table(k: &KeyText) -> Option<FeeTable> {
    let head = Word::new("实际收取金额");
    let mut i = k.find(0, k.len(), &head)? + head.len;
    if k.has_at(i, "(元)") {
        i += 3;
    }
    let run: String = k.chars[i.min(k.len())..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == ' ' || **c == '.')
        .collect();
    let nums: Vec<&str> = run.split(' ').filter(|s| !s.is_empty()).collect();
    if nums.len() == 3 {
        return Some(FeeTable {
            collected: Num::parse(nums[2])?,
        });
    }
    // Glued: only all zeros reads unambiguously.
    if !run.is_empty()
        && run.chars().all(|c| c == '0' || c == ' ')
        && run.chars().filter(|c| *c == '0').count() == 3
    {
        return Some(FeeTable {
            collected: Num::ZERO,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_agrees_with_str() {
        let hay = [
            "",
            "收",
            "未收取信息处理费",
            "收费通知未发出但收费",
            "a收费b收取",
            "处理",
        ];
        let needles = [
            "收费通知",
            "但",
            "处理费",
            "收费",
            "收取",
            "将",
            "未",
            "",
            "a",
        ];
        for h in hay {
            for n in needles {
                assert_eq!(find(h, n), h.find(n), "{h} {n}");
                assert_eq!(contains(h, n), h.contains(n), "{h} {n}");
            }
        }
    }
}
