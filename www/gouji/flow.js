// 申请去向图 / Where the applications went: Table 3 of a report, one applicant column at a
// time, as a fixed Sankey-like picture in inline SVG (no library). Left: 本年新收 and 上年结转;
// right: the outcome groups and 结转下年度, heights proportional to the cells as read. When
// the two sides do not balance, the engine's own difference (its R1 finding in that column:
// actual − expected, the left side's sum minus the right's) is drawn as a red band: “去向不明
// N 件” when the right side is short, “多出 N 件” when it is longer. The page does no rule
// arithmetic: group heights add the form's rows, and every difference shown is a finding's.
//
//   const flow = flowSection();      // { el, update(report, lang) }
//   shadowRoot.append(flow.el);  flow.update(report, 'zh');
// Colours come from the element's custom properties (checker-css.js: --_fg, --_fail, …).
import { forms } from './gouji.js';
import { msg, normLang } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const W = 720;
const BAR = 18;
const LEFT_X = 170;
const RIGHT_X = W - 220;
const MIN_BAD = 4;         // a band of 1 among hundreds is still seen
const GAP = 8;             // between the nodes of the right side
const HEIGHT = 260;        // of the bars, at most
const LINE = 16;           // a label's height: labels are pushed apart by at least this

const STR = {
  zh: {
    title: '申请去向图',
    column: '申请人',
    in: { NEW: '本年新收', CARRY_IN: '上年结转' },
    out: { GRANT: '（一）予以公开', PARTIAL: '（二）部分公开', DENY: '（三）不予公开', UNABLE: '（四）无法提供', NOTPROC: '（五）不予处理', OTHER: '（六）其他处理', CARRY_OUT: '结转下年度' },
    n: (v) => `${v} 件`,
    notRead: '未读出',
    partlyRead: (v) => `${v}（部分未读出）`,
    lost: (n) => `去向不明 ${n} 件`,
    extra: (n) => `多出 ${n} 件`,
    unsplit: (n) => `总计比各项之和多 ${n} 件`,
    svgTitle: (col) => `申请去向图（${col}）`,
    balanced: '两边相等：本年新收与上年结转的申请都有去向。',
    lostText: (n, l, r) => `右边比左边少 ${n} 件（左边 ${l} 件，右边 ${r} 件）：有 ${n} 件申请在表中找不到去向。`,
    extraText: (n, l, r) => `右边比左边多 ${n} 件（左边 ${l} 件，右边 ${r} 件）：办理结果与结转合计多出 ${n} 件。`,
    totalText: (t, s, dashed) => `（七）总计填的是 ${t}，各项之和为 ${s}${dashed ? '：多出的部分画成虚线框。' : '：图右侧按各项画出。'}`,
    cannot: '无法核对本列两边是否相等：',
    notRun: '本列两边是否相等未能核对。',
    unread: '有单元格未读出：图中只画出已读出的数字。',
    empty: '本列没有申请。',
    item: '项目', count: '件数', side: '一侧', left: '左边（来源）', right: '右边（去向）',
    difference: '差额',
    desc: (items) => `左边：${items.left}。右边：${items.right}。`,
  },
  en: {
    title: 'Where the applications went',
    column: 'Applicants',
    in: { NEW: 'new this year', CARRY_IN: 'carried in' },
    out: { GRANT: '(1) disclosed', PARTIAL: '(2) partly disclosed', DENY: '(3) withheld', UNABLE: '(4) cannot provide', NOTPROC: '(5) not processed', OTHER: '(6) otherwise handled', CARRY_OUT: 'carried out' },
    n: (v) => String(v),
    notRead: 'not read',
    partlyRead: (v) => `${v} (partly not read)`,
    lost: (n) => `${n} unaccounted for`,
    extra: (n) => `${n} too many`,
    unsplit: (n) => `total exceeds its items by ${n}`,
    svgTitle: (col) => `Where the applications went (${col})`,
    balanced: 'Both sides are equal: every application received or carried in is accounted for.',
    lostText: (n, l, r) => `The right side is ${n} short (left ${l}, right ${r}): ${n} application(s) have no outcome in the table.`,
    extraText: (n, l, r) => `The right side is ${n} longer (left ${l}, right ${r}): outcomes and carry-over exceed what came in by ${n}.`,
    totalText: (t, s, dashed) => `(7) total reads ${t}, its items add up to ${s}${dashed ? ': the excess is drawn dashed.' : ': the right side is drawn from the items.'}`,
    cannot: 'Whether both sides are equal could not be checked: ',
    notRun: 'Whether both sides are equal was not checked.',
    unread: 'Some cells were not read: only the numbers read are drawn.',
    empty: 'No applications in this column.',
    item: 'Item', count: 'Count', side: 'Side', left: 'Left (in)', right: 'Right (out)',
    difference: 'Difference',
    desc: (items) => `Left: ${items.left}. Right: ${items.right}.`,
  },
};

export const flowCss = `
details.flow { margin: 1.2rem 0 .5rem; }
details.flow > summary { cursor: pointer; font-weight: 600; font-size: 1.05em; padding: .2rem 0; }
details.flow label { margin-right: .5rem; }
details.flow select { font: inherit; color: var(--_fg); background: var(--_bg); border: 1px solid var(--_input-line); border-radius: 4px; padding: .15rem .3rem; }
.flowpic { max-width: 44rem; }
.flowpic .svgbox { overflow-x: auto; }
.flowpic svg { display: block; width: 100%; min-width: 540px; height: auto; margin: .5rem 0; }
.flowpic text { fill: var(--_fg); font-size: 13px; font-family: inherit; }
.flowpic text.num { font-variant-numeric: tabular-nums; }
.flowpic .in { fill: var(--_accent); }
.flowpic .out { fill: var(--_pass); }
.flowpic .carry { fill: var(--_muted); }
.flowpic .zero { stroke: var(--_muted); stroke-width: 1; }
.flowpic .band { fill: var(--_accent); opacity: .16; }
.flowpic .bad { fill: var(--_fail); }
.flowpic .band.bad { opacity: .3; }
.flowpic text.bad { fill: var(--_fail); font-weight: 700; }
.flowpic .unsplit { fill: var(--_missing); stroke: var(--_muted); stroke-dasharray: 3 2; }
.flowpic p.flownote { margin: .25rem 0; }
.flowpic p.flownote.bad { color: var(--_fail); font-weight: 600; }
.flowpic table { border-collapse: collapse; font-size: .9em; margin-top: .4rem; }
.flowpic th, .flowpic td { border: 1px solid var(--_line); padding: .15rem .5rem; text-align: left; }
.flowpic td.num { text-align: right; font-variant-numeric: tabular-nums; }
.flowpic tr.bad td, .flowpic tr.bad th { color: var(--_fail); font-weight: 600; }
`;

function el(tag, attrs = {}, ...kids) {
  const e = tag.startsWith('svg:') ? document.createElementNS(SVG, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined && v !== false) e.setAttribute(k, String(v));
  e.append(...kids.flat().filter((k) => k !== null && k !== undefined && k !== false).map((k) => (k instanceof Node ? k : String(k))));
  return e;
}

let formsCache = null;
const formsOnce = () => (formsCache ??= forms());

/**
 * The picture's numbers for one column, from the report: the cells as read, grouped as the
 * form groups them, and the engine's R1 (balance) and R2 (total = its items) outcomes.
 */
export function flowData(report, column) {
  const F = formsOnce();
  const info = report.table_info?.find((x) => x.table === 'applications');
  const layout = F.formats.find((f) => f.format === (info?.format ?? report.format))
    ?? (report.tables.applications?.some((c) => c.row === 'OTHER') ? F.formats.find((f) => f.format === '2019') : F.formats[F.formats.length - 1]);
  const cells = new Map((report.tables.applications ?? []).filter((c) => c.column === column).map((c) => [c.row, c]));
  let unread = false;
  // an item: the form's rows it adds, their read values, and how many were not read
  const item = (key, rows) => {
    const x = { key, value: 0, rows, unread: 0 };
    for (const row of rows) {
      const c = cells.get(row);
      if (!c || c.value === null || c.value === undefined) { x.unread++; unread = true; } else x.value += Number(c.value);
    }
    return x;
  };
  const left = ['NEW', 'CARRY_IN'].map((k) => item(k, [k]));
  const groups = [];
  for (const row of layout.applications_rows) {
    if (['NEW', 'CARRY_IN', 'TOTAL', 'CARRY_OUT'].includes(row)) continue;
    const key = F.applications_groups.find((x) => x.rows.includes(row))?.key ?? row;
    const g = groups.find((x) => x.key === key);
    if (g) g.rows.push(row); else groups.push({ key, rows: [row] });
  }
  const right = groups.map((g) => item(g.key, g.rows));
  const carry = item('CARRY_OUT', ['CARRY_OUT']);
  const total = cells.get('TOTAL');
  const rule = (id) => ({
    check: report.checks.find((c) => c.rule === id && c.instance === column) ?? null,
    finding: report.findings.find((f) => f.rule === id && f.instance === column && f.status === 'fail') ?? null,
  });
  return { left, right, carry, total: total?.value ?? null, unread, balance: rule('R1'), items: rule('R2') };
}

/** A node's number as shown: what was read, and whether some of its cells were not. */
const shown = (n, s) => (!n.unread ? String(n.value) : n.unread === n.rows.length ? s.notRead : s.partlyRead(n.value));

/** The picture as an <svg> (role img, with title and desc) and its notes. */
function draw(d, lang, columnName, ids) {
  const s = STR[lang];
  const bal = d.balance.finding;
  const diff = bal && bal.difference !== null && bal.difference !== undefined ? Number(bal.difference) : 0;
  const lost = diff > 0 ? diff : 0;     // the right side is short
  const extra = diff < 0 ? -diff : 0;   // the right side is longer
  // when （七）总计 exceeds its items (R2), that excess is on the right side of R1 too
  const it = d.items.finding;
  const unsplit = it && Number(it.difference) > 0 ? Number(it.difference) : 0;
  const leftNodes = [
    ...d.left.map((x) => ({ ...x, label: s.in[x.key], cls: 'in' })),
    extra ? { key: 'EXTRA', value: extra, label: s.extra(extra), cls: 'bad' } : null,
  ].filter(Boolean);
  const rightNodes = [
    ...d.right.map((x) => ({ ...x, label: s.out[x.key] ?? x.key, cls: 'out' })),
    unsplit ? { key: 'UNSPLIT', value: unsplit, label: s.unsplit(unsplit), cls: 'unsplit' } : null,
    { ...d.carry, label: s.out.CARRY_OUT, cls: 'carry' },
    lost ? { key: 'LOST', value: lost, label: s.lost(lost), cls: 'bad' } : null,
  ].filter(Boolean);
  const sum = (xs) => xs.reduce((n, x) => n + x.value, 0);
  const lt = sum(leftNodes), rt = sum(rightNodes);
  const k = (HEIGHT - GAP * (rightNodes.length - 1)) / Math.max(lt, rt, 1);
  const top = 24;

  // right nodes: stacked with gaps; a zero is a hairline
  let y = top;
  const height = (n) => Math.max(n.value * k, n.cls === 'bad' || n.cls === 'unsplit' ? MIN_BAD : 0);
  for (const n of rightNodes) { n.y = y; n.h = height(n); y += n.h + GAP; }
  // left: one bar without gaps (the ribbons leave it in order), centred on the right side
  const rightSpan = y - GAP - top;
  let ly = top + Math.max(0, (rightSpan - lt * k) / 2);
  for (const n of leftNodes) { n.y = ly; n.h = height(n); ly += n.h; }
  const leftTop = leftNodes[0].y;

  const svg = el('svg:svg', { viewBox: `0 0 ${W} 0`, role: 'img', 'aria-labelledby': `${ids}-t ${ids}-d`, 'data-testid': 'flow-svg' });
  const said = (n) => (!n.rows ? n.label : `${n.label} ${n.unread ? shown(n, s) : s.n(n.value)}`);   // a band's label has its number
  const list = (ns) => ns.map(said).join(lang === 'en' ? ', ' : '、');
  svg.append(el('svg:title', { id: `${ids}-t` }, s.svgTitle(columnName)),
    el('svg:desc', { id: `${ids}-d` }, s.desc({ left: list(leftNodes), right: list(rightNodes) })));

  // ribbons: right node i takes the same share of the left bar as of the right side
  let acc = 0;
  for (const n of rightNodes) {
    const a = leftTop + (acc / Math.max(rt, 1)) * lt * k, b = leftTop + ((acc + n.value) / Math.max(rt, 1)) * lt * k;
    acc += n.value;
    if (n.value === 0) continue;
    const x0 = LEFT_X + BAR, x1 = RIGHT_X, m = (x0 + x1) / 2;
    svg.append(el('svg:path', {
      class: `band${n.cls === 'bad' ? ' bad' : ''}`, 'data-key': n.key,
      d: `M${x0},${a}C${m},${a} ${m},${n.y} ${x1},${n.y}L${x1},${n.y + n.h}C${m},${n.y + n.h} ${m},${b} ${x0},${b}Z`,
    }));
  }
  const bar = (n, x) => (n.value === 0
    ? el('svg:line', { class: 'zero', x1: x, x2: x + BAR, y1: n.y, y2: n.y, 'data-key': n.key })
    : el('svg:rect', { class: n.cls, x, y: n.y, width: BAR, height: Math.max(n.h, 1), 'data-key': n.key, 'data-value': n.value }));
  // labels beside their bars, pushed apart where bars are thin
  const place = (ns) => {
    let last = -Infinity;
    for (const n of ns) { n.ty = Math.max(n.y + n.h / 2 + 4.5, last + LINE); last = n.ty; }
    return last;
  };
  const lastL = place(leftNodes), lastR = place(rightNodes);
  for (const n of leftNodes) {
    svg.append(bar(n, LEFT_X), el('svg:text', { x: LEFT_X - 6, y: n.ty, 'text-anchor': 'end', class: n.cls === 'bad' ? 'bad' : 'num', 'data-key': n.key }, n.cls === 'bad' ? n.label : `${n.label} ${shown(n, s)}`));
  }
  for (const n of rightNodes) {
    svg.append(bar(n, RIGHT_X), el('svg:text', { x: RIGHT_X + BAR + 6, y: n.ty, class: n.cls === 'bad' ? 'bad' : 'num', 'data-key': n.key }, ['bad', 'unsplit'].includes(n.cls) ? n.label : `${n.label} ${shown(n, s)}`));
  }
  svg.setAttribute('viewBox', `0 0 ${W} ${Math.ceil(Math.max(lastL, lastR, y) + 10)}`);
  return { svg, leftNodes, rightNodes, lost, extra, lt, rt };
}

/** The folded section “申请去向图” for <gouji-checker>: a column picker, the picture, its numbers. */
export function flowSection() {
  const summary = el('summary', {});
  const label = el('label', { for: 'flow-col' });
  const select = el('select', { id: 'flow-col', 'data-testid': 'flow-column' });
  const pic = el('div', { class: 'flowpic', 'data-testid': 'flow' });
  const root = el('details', { class: 'flow', part: 'flow', 'data-testid': 'flow-section' }, summary, el('p', {}, label, select), pic);
  let report = null, lang = 'zh', column = null, chosen = false, seq = 0;

  function render() {
    const s = STR[lang];
    summary.textContent = s.title;
    label.textContent = s.column;
    const t3 = report?.table_info?.find((x) => x.table === 'applications');
    root.hidden = !report?.recognised || !t3?.found;
    if (root.hidden || !root.open) { pic.replaceChildren(); return; }
    const F = formsOnce();
    const cols = F.applications_columns;
    const order = [cols[cols.length - 1], ...cols.slice(0, -1)];   // 总计 first, as the brief's picker lists it
    // the first column whose balance fails, unless the reader chose one
    if (!chosen || !order.some((c) => c.key === column)) {
      column = order.find((c) => report.findings.some((f) => f.rule === 'R1' && f.instance === c.key && f.status === 'fail'))?.key ?? order[0].key;
    }
    select.replaceChildren(...order.map((c) => el('option', { value: c.key, selected: c.key === column ? '' : null }, msg(c.label, lang))));
    select.value = column;
    const colName = msg(order.find((c) => c.key === column).label, lang);
    const d = flowData(report, column);
    const total = sumOf(d);
    const out = [];
    if (total === 0 && !d.unread) {
      out.push(el('p', { class: 'flownote' }, s.empty));
    } else {
      const pic1 = draw(d, lang, colName, `flow${++seq}`);
      // on a narrow screen the picture scrolls sideways rather than shrinking its labels away
      out.push(el('div', { class: 'svgbox', tabindex: '0', role: 'region', 'aria-label': s.svgTitle(colName) }, pic1.svg));
      const b = d.balance;
      if (b.finding) {
        const f = b.finding;
        out.push(el('p', { class: 'flownote bad', 'data-testid': 'flow-band' },
          (pic1.lost ? s.lostText : s.extraText)(pic1.lost || pic1.extra, f.actual, f.expected)));
      } else if (b.check?.status === 'pass') {
        out.push(el('p', { class: 'flownote' }, s.balanced));
      } else if (b.check?.status === 'cannot_check') {
        out.push(el('p', { class: 'flownote', 'data-testid': 'flow-cannot' }, s.cannot, b.check.reason ? msg(b.check.reason, lang) : ''));
      } else {
        out.push(el('p', { class: 'flownote', 'data-testid': 'flow-cannot' }, s.notRun));
      }
      if (d.items.finding) out.push(el('p', { class: 'flownote' }, s.totalText(d.items.finding.actual, d.items.finding.expected, Number(d.items.finding.difference) > 0)));
      if (d.unread) out.push(el('p', { class: 'flownote' }, s.unread));
      out.push(numbers(pic1, s));
    }
    pic.replaceChildren(...out);
  }

  select.addEventListener('change', () => { column = select.value; chosen = true; render(); });
  root.addEventListener('toggle', () => render());
  return {
    el: root,
    /** Shows `r` (a Report, or null to hide the section) in language `l`. */
    update(r, l) { report = r; lang = normLang(l); render(); },
  };
}

const sumOf = (d) => [...d.left, ...d.right, d.carry].reduce((n, x) => n + x.value, 0);

/** The same numbers as a table, for screen readers and for copying. */
function numbers(p, s) {
  const row = (side, n) => el('tr', { class: n.cls === 'bad' ? 'bad' : null, 'data-key': n.key },
    el('td', {}, side), el('th', { scope: 'row' }, n.label), el('td', { class: 'num' }, n.rows ? shown(n, s) : String(n.value)));
  return el('table', { 'data-testid': 'flow-numbers' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, s.side), el('th', { scope: 'col' }, s.item), el('th', { scope: 'col' }, s.count))),
    el('tbody', {}, p.leftNodes.map((n) => row(s.left, n)), p.rightNodes.map((n) => row(s.right, n))));
}
