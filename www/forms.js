// The official layouts of the three statistical tables (国办公开办函〔2019〕60号 / 〔2021〕30号),
// used only to draw them: labels, header merges and row order. No arithmetic here.
// Keys are the engine's canonical keys (domain-spec section A).

/** Table 3 columns, in form order. */
export const T3_COLUMNS = ['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'];

/** Table 4 rows (blocks) and columns, in form order. */
export const T4_ROWS = ['REV', 'LIT_DIRECT', 'LIT_AFTER'];
export const T4_COLUMNS = ['UPHELD', 'CORRECTED', 'OTHER', 'PENDING', 'TOTAL'];

const DENY = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `DENY_${i}`);
const UNABLE = [1, 2, 3].map((i) => `UNABLE_${i}`);
const NOTPROC = [1, 2, 3, 4, 5].map((i) => `NOTPROC_${i}`);
const OTHER3 = [1, 2, 3].map((i) => `OTHER_${i}`);

/** Table 3 body rows per format. */
export const T3_ROWS = {
  2019: ['NEW', 'CARRY_IN', 'GRANT', 'PARTIAL', ...DENY, ...UNABLE, ...NOTPROC, 'OTHER', 'TOTAL', 'CARRY_OUT'],
  2021: ['NEW', 'CARRY_IN', 'GRANT', 'PARTIAL', ...DENY, ...UNABLE, ...NOTPROC, ...OTHER3, 'TOTAL', 'CARRY_OUT'],
};

/** Groups of outcome rows that share a （三）（四）（五）（六） label cell. */
export const T3_GROUPS = [
  { key: 'DENY', rows: DENY, zh: '（三）不予公开', en: '(3) Not disclosed' },
  { key: 'UNABLE', rows: UNABLE, zh: '（四）无法提供', en: '(4) Cannot be provided' },
  { key: 'NOTPROC', rows: NOTPROC, zh: '（五）不予处理', en: '(5) Not processed' },
  { key: 'OTHER', rows: OTHER3, zh: '（六）其他处理', en: '(6) Otherwise handled' },
];

export const T3_OUTCOME_ZH = '三、本年度办理结果';
export const T3_OUTCOME_EN = '3. Outcomes this year';
export const T3_CORNER = {
  zh: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  en: '(In every column: item 1 + item 2 = item 3 + item 4)',
};

const T3_ROW_LABELS = {
  NEW: ['一、本年新收政府信息公开申请数量', '1. New applications received this year'],
  CARRY_IN: ['二、上年结转政府信息公开申请数量', '2. Carried over from last year'],
  GRANT: ['（一）予以公开', '(1) Disclosed'],
  PARTIAL: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partly disclosed (counted only here)'],
  DENY_1: ['1.属于国家秘密', '1. State secret'],
  DENY_2: ['2.其他法律行政法规禁止公开', '2. Barred by other laws or regulations'],
  DENY_3: ['3.危及“三安全一稳定”', '3. Endangers security or stability'],
  DENY_4: ['4.保护第三方合法权益', '4. Protects third-party rights'],
  DENY_5: ['5.属于三类内部事务信息', '5. Internal affairs information'],
  DENY_6: ['6.属于四类过程性信息', '6. Process information'],
  DENY_7: ['7.属于行政执法案卷', '7. Law-enforcement case files'],
  DENY_8: ['8.属于行政查询事项', '8. Administrative enquiry matters'],
  UNABLE_1: ['1.本机关不掌握相关政府信息', '1. Not held by this agency'],
  UNABLE_2: ['2.没有现成信息需要另行制作', '2. Would have to be newly produced'],
  UNABLE_3: ['3.补正后申请内容仍不明确', '3. Still unclear after correction'],
  NOTPROC_1: ['1.信访举报投诉类申请', '1. Petitions, reports, complaints'],
  NOTPROC_2: ['2.重复申请', '2. Repeated application'],
  NOTPROC_3: ['3.要求提供公开出版物', '3. Asks for published material'],
  NOTPROC_4: ['4.无正当理由大量反复申请', '4. Mass repeated applications without cause'],
  NOTPROC_5: ['5.要求行政机关确认或重新出具已获取信息', '5. Asks to confirm or reissue information already obtained'],
  OTHER: ['（六）其他处理', '(6) Otherwise handled'],
  OTHER_1: ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1. Not corrected in time; no longer processed'],
  OTHER_2: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2. Fee not paid in time; no longer processed'],
  OTHER_3: ['3.其他', '3. Other'],
  TOTAL: ['（七）总计', '(7) Total'],
  CARRY_OUT: ['四、结转下年度继续办理', '4. Carried over to next year'],
};

const T3_COL_LABELS = {
  NP: ['自然人', 'Natural persons'],
  BE: ['商业企业', 'Businesses'],
  RI: ['科研机构', 'Research institutes'],
  PW: ['社会公益组织', 'Public-welfare organisations'],
  LS: ['法律服务机构', 'Legal-service institutions'],
  OT: ['其他', 'Other'],
  TOT: ['总计', 'Total'],
};
export const T3_HEAD = {
  applicants: ['申请人情况', 'Applicants'],
  legal: ['法人或其他组织', 'Legal persons or other organisations'],
};

const T4_ROW_LABELS = {
  REV: ['行政复议', 'Administrative review'],
  LIT_DIRECT: ['未经复议直接起诉', 'Suit without prior review'],
  LIT_AFTER: ['复议后起诉', 'Suit after review'],
};
export const T4_LIT = ['行政诉讼', 'Litigation'];
const T4_COL_LABELS = {
  UPHELD: ['结果维持', 'Upheld'],
  CORRECTED: ['结果纠正', 'Corrected'],
  OTHER: ['其他结果', 'Other result'],
  PENDING: ['尚未审结', 'Pending'],
  TOTAL: ['总计', 'Total'],
};

const T2_ROW_LABELS = {
  REG: ['规章', 'Rules (规章)'],
  NDOC: ['行政规范性文件', 'Normative documents'],
  LICENSE: ['行政许可', 'Administrative licensing'],
  OTHERSVC: ['其他对外管理服务事项', 'Other public services'],
  PUNISH: ['行政处罚', 'Administrative penalties'],
  COERCE: ['行政强制', 'Administrative coercion'],
  FEE: ['行政事业性收费', 'Administrative fees'],
  PROC: ['政府集中采购', 'Centralised procurement'],
};
const T2_COL_LABELS = {
  MADE: ['本年制发件数', 'Issued this year'],
  REPEALED: ['本年废止件数', 'Repealed this year'],
  VALID: ['现行有效件数', 'In force'],
  DECISIONS: ['本年处理决定数量', 'Decisions this year'],
  AMOUNT: ['本年收费金额（单位：万元）', 'Fees this year (10,000 yuan)'],
  NEW_MADE: ['本年新制作数量', 'Newly made'],
  NEW_PUBLISHED: ['本年新公开数量', 'Newly published'],
  TOTAL_PUBLISHED: ['对外公开总数量', 'Total published'],
  PREV_ITEMS: ['上一年项目数量', 'Items last year'],
  DELTA: ['本年增/减', 'Change this year'],
  PROJECTS: ['采购项目数量', 'Procurement projects'],
};

/** Table 2 blocks per format: caption, rows, columns. */
export const T2_BLOCKS = {
  2021: [
    { caption: '第二十条第（一）项', rows: ['REG', 'NDOC'], columns: ['MADE', 'REPEALED', 'VALID'] },
    { caption: '第二十条第（五）项', rows: ['LICENSE'], columns: ['DECISIONS'] },
    { caption: '第二十条第（六）项', rows: ['PUNISH', 'COERCE'], columns: ['DECISIONS'] },
    { caption: '第二十条第（八）项', rows: ['FEE'], columns: ['AMOUNT'] },
  ],
  2019: [
    { caption: '第二十条第（一）项', rows: ['REG', 'NDOC'], columns: ['NEW_MADE', 'NEW_PUBLISHED', 'TOTAL_PUBLISHED'] },
    { caption: '第二十条第（五）项', rows: ['LICENSE', 'OTHERSVC'], columns: ['PREV_ITEMS', 'DELTA', 'DECISIONS'] },
    { caption: '第二十条第（六）项', rows: ['PUNISH', 'COERCE'], columns: ['PREV_ITEMS', 'DELTA', 'DECISIONS'] },
    { caption: '第二十条第（八）项', rows: ['FEE'], columns: ['PREV_ITEMS', 'DELTA'] },
    { caption: '第二十条第（九）项', rows: ['PROC'], columns: ['PROJECTS', 'AMOUNT'] },
  ],
};

const ROWS = { active: T2_ROW_LABELS, applications: T3_ROW_LABELS, review: T4_ROW_LABELS };
const COLS = { active: T2_COL_LABELS, applications: T3_COL_LABELS, review: T4_COL_LABELS };
const idx = (lang) => (lang === 'en' ? 1 : 0);

/** Label of a row key in a table, or the key itself when unknown. */
export function rowLabel(table, row, lang) {
  const l = ROWS[table]?.[row];
  return l ? l[idx(lang)] : row;
}

/** Label of a column key in a table, or the key itself when unknown. */
export function colLabel(table, column, lang) {
  const l = COLS[table]?.[column];
  return l ? l[idx(lang)] : column;
}

/** Full label of a cell, e.g. "（三）不予公开 1.属于国家秘密 · 自然人". */
export function cellLabel(ref, lang) {
  let row = rowLabel(ref.table, ref.row, lang);
  if (ref.table === 'applications') {
    const g = T3_GROUPS.find((gr) => gr.rows.includes(ref.row));
    if (g) row = `${lang === 'en' ? g.en : g.zh} ${row}`;
  }
  return `${row} · ${colLabel(ref.table, ref.column, lang)}`;
}

export const pick = (pair, lang) => pair[idx(lang)];
