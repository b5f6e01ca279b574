// 申请去向图 (www/gouji/flow.js) in <gouji-checker>: the picture's numbers are the table's
// cells, and the imbalance band is the engine's R1 difference (never the page's arithmetic).
// Run: node --test tests/e2e/flow.test.mjs   (after scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve, open, startBrowser, stopBrowser, ready, setValue, axe, shot, fixture, EXAMPLE } from './harness.mjs';

let srv;
before(async () => {
  await startBrowser();
  srv = await serve();
});
after(async () => { await stopBrowser(); srv?.stop(); });

const flow = (page) => page.locator('gouji-checker [data-testid="flow-section"]');

/** The picture's state: the column, each bar's value, the numbers table, the notes. */
const picture = (page) => page.locator('gouji-checker').evaluate((el) => {
  const root = el.shadowRoot.querySelector('[data-testid="flow-section"]');
  const svg = root.querySelector('svg');
  return {
    column: root.querySelector('select').value,
    bars: Object.fromEntries(Array.from(svg?.querySelectorAll('rect[data-key], line[data-key]') ?? [], (r) => [r.dataset.key, Number(r.dataset.value ?? 0)])),
    table: Object.fromEntries(Array.from(root.querySelectorAll('[data-testid="flow-numbers"] tbody tr'), (tr) => [tr.dataset.key, Number(tr.lastChild.textContent)])),
    band: root.querySelector('[data-testid="flow-band"]')?.textContent ?? null,
    cannot: root.querySelector('[data-testid="flow-cannot"]')?.textContent ?? null,
    labels: Array.from(svg?.querySelectorAll('text') ?? [], (t) => t.textContent),
    title: svg?.querySelector('title')?.textContent ?? null,
    desc: svg?.querySelector('desc')?.textContent ?? null,
    role: svg?.getAttribute('role') ?? null,
  };
});

/** The cells of Table 3 as the checker's own table shows them, for one column. */
const tableCells = (page, col) => page.locator('gouji-checker').evaluate((el, c) => Object.fromEntries(
  Array.from(el.shadowRoot.querySelectorAll(`td[data-table="applications"][data-column="${c}"]`), (td) => [td.dataset.row, td.textContent === '' ? null : Number(td.textContent)])), col);

const GROUPS = { GRANT: ['GRANT'], PARTIAL: ['PARTIAL'], DENY: [1, 2, 3, 4, 5, 6, 7, 8].map((i) => `DENY_${i}`), UNABLE: ['UNABLE_1', 'UNABLE_2', 'UNABLE_3'], NOTPROC: [1, 2, 3, 4, 5].map((i) => `NOTPROC_${i}`), OTHER: ['OTHER_1', 'OTHER_2', 'OTHER_3'] };

function assertNumbersAreTheCells(p, cells) {
  assert.equal(p.table.NEW, cells.NEW);
  assert.equal(p.table.CARRY_IN, cells.CARRY_IN);
  assert.equal(p.table.CARRY_OUT, cells.CARRY_OUT);
  for (const [g, rows] of Object.entries(GROUPS)) assert.equal(p.table[g], rows.reduce((n, r) => n + cells[r], 0), g);
  // the bars are drawn from the same numbers
  for (const k of ['NEW', 'CARRY_IN', 'CARRY_OUT', ...Object.keys(GROUPS)]) assert.equal(p.bars[k], p.table[k], `bar ${k}`);
}

test('the example: the band “多出 1 件” in 自然人 is the engine\'s R1 difference', async () => {
  const { page, context, errors } = await open(`${srv.url}?blank`);
  await ready(page);
  const report = await setValue(page, EXAMPLE);
  await flow(page).locator('summary').click();
  const p = await picture(page);
  // opened on the column whose balance fails
  assert.equal(p.column, 'NP');
  const r1 = report.findings.find((f) => f.rule === 'R1' && f.instance === 'NP');
  assert.equal(r1.status, 'fail');
  const n = Math.abs(r1.difference);
  assert.equal(n, 1);
  // the right side is longer (difference = left − right < 0): “多出”, on the left
  assert.ok(r1.difference < 0);
  assert.equal(p.bars.EXTRA, n);
  assert.equal(p.table.EXTRA, n);
  assert.ok(p.labels.includes(`多出 ${n} 件`));
  assert.equal(p.bars.LOST, undefined);
  assert.equal(p.band, `右边比左边多 ${n} 件（左边 ${r1.actual} 件，右边 ${r1.expected} 件）：办理结果与结转合计多出 ${n} 件。`);
  assertNumbersAreTheCells(p, await tableCells(page, 'NP'));
  assert.equal(p.role, 'img');
  assert.equal(p.title, '申请去向图（自然人）');
  assert.match(p.desc, /^左边：本年新收 86 件、上年结转 5 件、多出 1 件。右边：（一）予以公开 31 件、/);
  await shot(page, 'flow-1-example');
  await flow(page).screenshot({ path: 'tests/e2e/screenshots/flow-1-picture.png' });
  await axe(page, 'flow picture');

  // the 总计 column of the example balances: no band
  await flow(page).locator('select').selectOption('TOT');
  const tot = await picture(page);
  assert.equal(tot.column, 'TOT');
  assert.equal(tot.band, null);
  assert.equal(tot.bars.EXTRA, undefined);
  assert.equal(tot.bars.LOST, undefined);
  assertNumbersAreTheCells(tot, await tableCells(page, 'TOT'));
  // the reader's choice of column stays when the text changes
  await setValue(page, `${EXAMPLE}\n`);
  assert.equal((await picture(page)).column, 'TOT');

  // English, dark
  await page.locator('#lang').click();
  await flow(page).locator('select').selectOption('NP');
  const en = await picture(page);
  assert.equal(en.title, 'Where the applications went (Natural persons)');
  assert.ok(en.labels.includes(`${n} too many`));
  await page.emulateMedia({ colorScheme: 'dark' });
  await flow(page).screenshot({ path: 'tests/e2e/screenshots/flow-2-english-dark.png' });
  await axe(page, 'flow picture, dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a consistent report: no band in any column; a short right side is “去向不明 N 件”', async () => {
  const { page, context, errors } = await open(`${srv.url}?blank`);
  await ready(page);
  await setValue(page, fixture('consistent.txt'));
  await flow(page).locator('summary').click();
  for (const col of ['TOT', 'NP', 'BE', 'RI', 'PW', 'LS', 'OT']) {
    await flow(page).locator('select').selectOption(col);
    const p = await picture(page);
    assert.equal(p.band, null, col);
    assert.equal(p.bars.EXTRA ?? p.bars.LOST, undefined, col);
    if (Object.keys(p.bars).length) assertNumbersAreTheCells(p, await tableCells(page, col));
  }
  // 四、结转下年度·自然人 7 → 4: three applications of 自然人 go nowhere
  const text = fixture('consistent.txt').replace(/^(四、结转下年度继续办理\t\t\t)7\t/m, '$14\t');
  const report = await setValue(page, text);
  const r1 = report.findings.find((f) => f.rule === 'R1' && f.instance === 'NP');
  assert.equal(r1.difference, 3);
  await flow(page).locator('select').selectOption('NP');
  const p = await picture(page);
  assert.equal(p.bars.LOST, 3);
  assert.ok(p.labels.includes('去向不明 3 件'));
  assert.match(p.band, /^右边比左边少 3 件/);
  assertNumbersAreTheCells(p, await tableCells(page, 'NP'));
  await flow(page).screenshot({ path: 'tests/e2e/screenshots/flow-3-lost.png' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a cell not read: the balance cannot be checked, so no band is drawn', async () => {
  const { page, context, errors } = await open(`${srv.url}?blank`);
  await ready(page);
  // 一、本年新收·自然人 reads “x”: not a number
  const text = fixture('consistent.txt').replace(/^(一、本年新收政府信息公开申请数量\t\t\t)86\t/m, '$1x\t');
  const report = await setValue(page, text);
  const check = report.checks.find((c) => c.rule === 'R1' && c.instance === 'NP');
  assert.equal(check.status, 'cannot_check');
  await flow(page).locator('summary').click();
  await flow(page).locator('select').selectOption('NP');
  const p = await picture(page);
  assert.equal(p.band, null);
  assert.equal(p.bars.EXTRA ?? p.bars.LOST, undefined);
  assert.equal(p.cannot, `无法核对本列两边是否相等：${check.reason.zh}`);
  assert.match(p.cannot, /“x”不是数字/);
  // an unread cell is said to be unread, never shown as 0
  assert.ok(p.labels.includes('本年新收 未读出'), p.labels.join('|'));
  assert.equal(p.bars.NEW, 0);
  await flow(page).screenshot({ path: 'tests/e2e/screenshots/flow-4-cannot.png' });
  await shot(page, 'flow-4-cannot-page');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a 2019 trial-format report: （六）其他处理 is one row, the picture follows its layout', async () => {
  const { page, context, errors } = await open(`${srv.url}?blank`);
  await ready(page);
  const report = await setValue(page, readFileSync(resolve('tests/fixtures/yunxi-2019.txt'), 'utf8'));
  assert.equal(report.format, '2019');
  await flow(page).locator('summary').click();
  await flow(page).locator('select').selectOption('TOT');
  const p = await picture(page);
  const cells = await tableCells(page, 'TOT');
  assert.equal(cells.OTHER, 1);
  assertNumbersAreTheCells(p, { ...cells, OTHER_1: cells.OTHER, OTHER_2: 0, OTHER_3: 0 });
  assert.deepEqual(Object.keys(p.table).filter((k) => !['EXTRA', 'LOST', 'UNSPLIT'].includes(k)),
    ['NEW', 'CARRY_IN', 'GRANT', 'PARTIAL', 'DENY', 'UNABLE', 'NOTPROC', 'OTHER', 'CARRY_OUT']);
  // whatever the balance, the band is the engine's
  const r1 = report.findings.find((f) => f.rule === 'R1' && f.instance === 'TOT');
  assert.equal(p.bars.LOST ?? p.bars.EXTRA ?? null, r1 ? Math.abs(r1.difference) : null);
  await flow(page).screenshot({ path: 'tests/e2e/screenshots/flow-5-2019.png' });
  assert.deepEqual(errors, []);
  await context.close();
});
