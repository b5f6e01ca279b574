// End-to-end tests of the 填报 (fill-in) mode: <gouji-form> in the site (www/fill.js).
// Run: node --test tests/e2e/fill.test.mjs   (needs scripts/build.sh first and /usr/bin/chromium)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  serve, open, startBrowser, stopBrowser, setValue, axe, shot, fixture,
} from './harness.mjs';

let srv;
before(async () => {
  await startBrowser();
  srv = await serve();
});
after(async () => { await stopBrowser(); srv?.stop(); });

const DRAFT = 'gouji:fill:draft:v1';
// the checker is in the hidden 核对 panel while 填报 is shown
const ready = (page) => page.locator('gouji-checker[data-ready]').waitFor({ state: 'attached', timeout: 15_000 });
const formReady = (page) => page.locator('gouji-form[data-ready]').waitFor({ timeout: 15_000 });
const cell = (page, key) => page.locator(`gouji-form input[data-key="${key}"]`);
const note = (page, key) => page.locator(`gouji-form td[data-key="${key}"] .note`);
const formVerdict = (page) => page.locator('[data-testid="form-verdict-main"]');
const formReport = (page) => page.evaluate(() => document.querySelector('gouji-form').report);
const formKeys = (page) => page.evaluate(() => [...document.querySelector('gouji-form').shadowRoot.querySelectorAll('input[data-key]')].map((i) => i.dataset.key));
const focusedKey = (page) => page.evaluate(() => document.querySelector('gouji-form').shadowRoot.activeElement?.dataset?.key ?? null);
const settle = (page) => page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
const refKey = (c) => `${c.table}|${c.row}|${c.column}`;

/** A checker report's cells as form values (the numbers as read). */
function valuesOf(report) {
  const out = {};
  for (const t of ['active', 'applications', 'review']) {
    for (const c of report.tables[t]) if (c.value !== null) out[refKey(c)] = c.read === 'dash_zero' ? c.raw : String(c.value);
  }
  return out;
}

/** Synthetic paste of a clipboard (text/plain, text/html) into the focused form cell. */
function pasteInto(page, key, { plain = '', html = '' }) {
  return page.evaluate(({ key: k, plain: p, html: h }) => {
    const input = document.querySelector('gouji-form').shadowRoot.querySelector(`input[data-key="${k}"]`);
    input.focus();
    const dt = new DataTransfer();
    if (p) dt.setData('text/plain', p);
    if (h) dt.setData('text/html', h);
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true, composed: true }));
  }, { key, plain, html });
}

async function openFill(query = '') {
  const o = await open(`${srv.url}?mode=fill&blank${query}`, { context: { permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true } });
  await ready(o.page);
  await formReady(o.page);
  return o;
}

test('a blank 2021 form filled by keyboard: live check, “应为 N” from the engine, pass, exports', async () => {
  const { page, context, errors } = await openFill();
  // the consistent fixture's numbers, as the checker reads them
  const want = valuesOf(await setValue(page, fixture('consistent.txt')));
  assert.equal(await page.locator('#tab-fill').getAttribute('aria-selected'), 'true');
  assert.equal(await page.locator('gouji-form input[name="format"][value="2021"]').isChecked(), true);
  const keys = await formKeys(page);
  assert.equal(keys.length, 200, '10 + 175 + 15 data cells in the 2021 form');
  assert.deepEqual(keys.filter((k) => !(k in want)), [], 'every cell of the form has a value in the fixture');
  assert.equal(await cell(page, 'applications|TOTAL|NP').getAttribute('aria-label'), '（七）总计 · 自然人');
  assert.equal(await cell(page, 'applications|DENY_1|BE').getAttribute('aria-label'), '（三）不予公开 1.属于国家秘密 · 法人或其他组织 商业企业');
  assert.equal(await cell(page, 'review|LIT_AFTER|TOTAL').getAttribute('aria-label'), '行政诉讼 复议后起诉 · 总计');
  await shot(page, 'fill-01-blank');

  // type every cell, Tab to the next; （七）总计·自然人 one too many
  const wrongKey = 'applications|TOTAL|NP';
  const right = want[wrongKey];
  const wrong = String(Number(right) + 1);
  await cell(page, keys[0]).click();
  for (const k of keys) {
    await page.keyboard.type(k === wrongKey ? wrong : want[k]);
    await page.keyboard.press('Tab');
  }
  await settle(page);
  let r = await formReport(page);
  assert.equal(r.verdict.kind, 'fail');
  assert.equal(await formVerdict(page).textContent(), r.verdict.message.zh);
  assert.equal(await formVerdict(page).textContent(), '1 处数字对不上');
  // the total says what its column implies; the number is the engine's
  const implied = r.implied.find((i) => refKey(i) === wrongKey && i.rule === 'R2');
  const r2 = r.findings.find((f) => f.rule === 'R2' && f.instance === 'NP');
  assert.equal(String(implied.value), right);
  assert.equal(String(r2.expected), right);
  assert.equal(await note(page, wrongKey).textContent(), `应为 ${implied.value}`);
  assert.equal(await page.locator(`gouji-form td[data-key="${wrongKey}"]`).getAttribute('data-status'), 'fail');
  assert.equal(await cell(page, wrongKey).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator('[data-testid="form-problems"]').textContent(), new RegExp(`（七）总计·自然人 填的是 ${wrong}，按本表其他各项应为 ${right}`));
  // （七）总计·总计 is the total of its row too: the row (with the wrong cell) implies one more
  const both = r.implied.filter((i) => refKey(i) === 'applications|TOTAL|TOT');
  assert.deepEqual(both.map((i) => i.rule).sort(), ['R2', 'R3']);
  const rowSays = both.find((i) => i.rule === 'R3');
  assert.equal(rowSays.status, 'fail');
  assert.equal(await note(page, 'applications|TOTAL|TOT').textContent(), `应为 ${rowSays.value}`);
  await shot(page, 'fill-02-wrong-total');
  await axe(page, 'fill wrong total');

  // a blank total shows what its row adds up to, from the engine's implied list
  await cell(page, 'applications|NEW|TOT').click();
  await page.keyboard.press('Delete');
  await settle(page);
  r = await formReport(page);
  const blankNew = r.implied.find((i) => refKey(i) === 'applications|NEW|TOT' && i.rule === 'R3');
  assert.equal(blankNew.actual, null);
  assert.equal(blankNew.status, 'cannot_check');
  assert.equal(String(blankNew.value), want['applications|NEW|TOT']);
  assert.equal(await note(page, 'applications|NEW|TOT').textContent(), `应为 ${blankNew.value}`);
  await page.keyboard.type(want['applications|NEW|TOT']);

  // correct the total: the engine's verdict is a pass
  await cell(page, wrongKey).click();
  await page.keyboard.type(right);
  await settle(page);
  r = await formReport(page);
  assert.equal(r.verdict.kind, 'pass');
  assert.equal(await formVerdict(page).textContent(), '通过');
  // every total now adds up: each says so (the engine's implied entries all pass)
  assert.equal(await note(page, wrongKey).textContent(), '✓ 相符');
  assert.equal(r.implied.length, 35);
  assert.ok(r.implied.every((i) => i.status === 'pass'));
  assert.equal(await page.locator('gouji-form .note[data-kind="ok"]').count(), new Set(r.implied.map(refKey)).size);
  assert.equal(await page.locator('gouji-form .note[data-kind="wrong"], gouji-form .note[data-kind="blank"]').count(), 0);
  assert.equal(await page.locator('gouji-form td[data-status]').count(), 0);
  assert.equal(await page.locator('gouji-form [data-testid="form-problems"] li').count(), 0);
  await shot(page, 'fill-03-pass');

  // exports: the TSV holds the official header rows and the numbers as typed
  const tsv = await page.evaluate(() => document.querySelector('gouji-form').toTsv());
  const lines = tsv.split('\n');
  assert.ok(lines.includes('三、收到和处理政府信息公开申请情况'));
  assert.ok(lines.includes('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\t\t\t申请人情况\t\t\t\t\t\t'));
  assert.ok(lines.includes('\t\t\t\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t'));
  const newRow = ['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'].map((c) => want[`applications|NEW|${c}`]);
  assert.ok(lines.includes(`一、本年新收政府信息公开申请数量\t\t\t${newRow.join('\t')}`), 'row 一 with its numbers');
  assert.ok(lines.includes(`\t\t8.属于行政查询事项\t${['NP', 'BE', 'RI', 'PW', 'LS', 'OT', 'TOT'].map((c) => want[`applications|DENY_8|${c}`]).join('\t')}`));
  assert.ok(lines.includes(`规章\t${['MADE', 'REPEALED', 'VALID'].map((c) => want[`active|REG|${c}`]).join('\t')}`));
  assert.ok(lines.includes(['REV', 'LIT_DIRECT', 'LIT_AFTER'].flatMap((b) => ['UPHELD', 'CORRECTED', 'OTHER', 'PENDING', 'TOTAL'].map((c) => want[`review|${b}|${c}`])).join('\t')));
  // copy puts the same text on the clipboard
  await page.locator('[data-testid="copy-tsv"]').click();
  await page.locator('[data-testid="form-status"]').filter({ hasText: '已复制' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), tsv);
  // download: the same text after a byte-order mark
  const [dl] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-tsv"]').click()]);
  assert.match(dl.suggestedFilename(), /\.tsv$/);
  assert.equal(readFileSync(await dl.path(), 'utf8'), `\ufeff${tsv}`);

  // the HTML fragment: official labels, spans as printed, no script or style, every number
  const html = await page.evaluate(() => document.querySelector('gouji-form').toHtml());
  assert.doesNotMatch(html, /<script|<style|style=|on[a-z]+=|class=/i);
  assert.match(html, /<th colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）<\/th>/);
  assert.match(html, /<th rowspan="8">（三）不予公开<\/th>/);
  assert.match(html, /<th rowspan="22">三、本年度办理结果<\/th>/);
  const parsed = await page.evaluate((h) => {
    const doc = new DOMParser().parseFromString(h, 'text/html');
    return { tables: doc.querySelectorAll('table').length, tds: [...doc.querySelectorAll('td')].map((td) => td.textContent), h2: [...doc.querySelectorAll('h2')].map((x) => x.textContent) };
  }, html);
  assert.equal(parsed.tables, 3);
  assert.deepEqual(parsed.tds, keys.map((k) => want[k]));
  assert.deepEqual(parsed.h2, ['二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况']);
  const [dlh] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-html"]').click()]);
  assert.equal(readFileSync(await dlh.path(), 'utf8'), `\ufeff${html}`);
  // the JSON report is the engine's
  const [dlj] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="download-json"]').click()]);
  const json = JSON.parse(readFileSync(await dlj.path(), 'utf8'));
  assert.equal(json.verdict.kind, 'pass');
  assert.deepEqual(json.tables, r.tables);

  // the exported TSV pasted into the checker: the same numbers and the same verdict
  await page.locator('#tab-check').click();
  const back = await setValue(page, tsv);
  assert.equal(back.verdict.kind, 'pass');
  assert.equal(back.verdict.message.zh, r.verdict.message.zh);
  for (const t of ['active', 'applications', 'review']) {
    assert.deepEqual(back.tables[t].map((c) => [c.row, c.column, c.value]), r.tables[t].map((c) => [c.row, c.column, c.value]), t);
  }
  assert.equal(await page.locator('[data-testid="verdict-main"]').textContent(), '通过');
  // and its HTML pasted there too
  const fromHtml = await page.evaluate((h) => {
    const ta = document.querySelector('gouji-checker').shadowRoot.querySelector('textarea');
    ta.focus();
    const dt = new DataTransfer();
    dt.setData('text/html', h);
    dt.setData('text/plain', 'x');
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    return document.querySelector('gouji-checker').report;
  }, html);
  assert.equal(fromHtml.verdict.kind, 'pass');
  assert.deepEqual(fromHtml.tables.applications.map((c) => c.value), r.tables.applications.map((c) => c.value));
  assert.deepEqual(errors, []);
  await context.close();
});

test('spreadsheet keys: arrows, Enter, Tab, typing replaces, Escape restores', async () => {
  const { page, context, errors } = await openFill();
  await cell(page, 'applications|NEW|NP').click();
  await page.keyboard.type('12');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedKey(page), 'applications|CARRY_IN|NP');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focusedKey(page), 'applications|CARRY_IN|BE');
  await page.keyboard.press('Enter');
  assert.equal(await focusedKey(page), 'applications|GRANT|BE');
  await page.keyboard.press('Shift+Enter');
  assert.equal(await focusedKey(page), 'applications|CARRY_IN|BE');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedKey(page), 'applications|NEW|NP');
  // the whole cell is selected: typing replaces it
  await page.keyboard.type('7');
  assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '7');
  await page.keyboard.press('Tab');
  assert.equal(await focusedKey(page), 'applications|NEW|BE');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('99');
  await page.keyboard.press('Escape');
  assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '7');
  // up from Table 3's first row reaches Table 2; down from its last reaches Table 4
  await page.keyboard.press('ArrowUp');
  assert.equal(await focusedKey(page), 'active|FEE|AMOUNT');
  await cell(page, 'applications|CARRY_OUT|TOT').click();
  await page.keyboard.press('ArrowDown');
  assert.match(await focusedKey(page), /^review\|/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Ctrl+V of a block from Excel/WPS fills cells from the cursor; non-numbers are refused and named', async () => {
  const { page, context, errors } = await openFill();
  // text/plain, tab-separated lines, as Excel and WPS put on the clipboard
  await pasteInto(page, 'applications|NEW|NP', { plain: '1\t2\t3\r\n4\t5\t6\r\n' });
  await settle(page);
  const got = async (keys) => Promise.all(keys.map((k) => cell(page, k).inputValue()));
  assert.deepEqual(await got(['applications|NEW|NP', 'applications|NEW|BE', 'applications|NEW|RI', 'applications|CARRY_IN|NP', 'applications|CARRY_IN|BE', 'applications|CARRY_IN|RI']),
    ['1', '2', '3', '4', '5', '6']);
  assert.equal(await cell(page, 'applications|NEW|PW').inputValue(), '');
  assert.match(await page.locator('[data-testid="form-status"]').textContent(), /已粘贴 6 个单元格/);
  let r = await formReport(page);
  const read = (k) => r.tables[k.split('|')[0]].find((c) => refKey(c) === k);
  assert.equal(read('applications|CARRY_IN|RI').value, 6);

  // a real Ctrl+V from the system clipboard, an HTML table (as a browser or WPS copies it)
  await page.evaluate(() => navigator.clipboard.write([new ClipboardItem({
    'text/html': new Blob(['<table><tr><td>10</td><td>/</td></tr><tr><td>-</td><td>1,200</td></tr></table>'], { type: 'text/html' }),
    'text/plain': new Blob(['10\t/\n-\t1,200'], { type: 'text/plain' }),
  })]));
  await cell(page, 'review|REV|UPHELD').click();
  await page.keyboard.press('Control+V');
  await settle(page);
  // Table 4 has one data row: the second pasted row falls outside it
  assert.deepEqual(await got(['review|REV|UPHELD', 'review|REV|CORRECTED']), ['10', '/']);
  assert.match(await page.locator('[data-testid="form-status"]').textContent(), /2 个单元格超出表格范围/);
  r = await formReport(page);
  assert.equal(read('review|REV|CORRECTED').read, 'dash_zero', 'the engine reads "/" as it always does');

  // non-numbers: refused, named, the cells keep what they had
  await pasteInto(page, 'applications|NEW|NP', { plain: '8\tabc\n合计\t9' });
  await settle(page);
  assert.deepEqual(await got(['applications|NEW|NP', 'applications|NEW|BE', 'applications|CARRY_IN|NP', 'applications|CARRY_IN|BE']), ['8', '2', '4', '9']);
  const status = await page.locator('[data-testid="form-status"]').textContent();
  assert.match(status, /已粘贴 2 个单元格/);
  assert.match(status, /不是数字，未填入：第 1 行第 2 列“abc”；第 2 行第 1 列“合计”/);
  r = await formReport(page);
  assert.equal(r.tables.applications.filter((c) => c.read === 'unreadable').length, 0, 'nothing unreadable was left in the form');
  // typed text is kept (never lost) and marked from the engine's reading
  await cell(page, 'applications|GRANT|NP').click();
  await page.keyboard.type('十');
  await settle(page);
  assert.equal(await note(page, 'applications|GRANT|NP').textContent(), '不是数字');
  assert.equal(await cell(page, 'applications|GRANT|NP').inputValue(), '十');
  await shot(page, 'fill-04-paste');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a draft survives a reload in this browser only; “forget” clears it; bad stored data is ignored', async () => {
  const { page, context, errors } = await openFill();
  await cell(page, 'applications|NEW|NP').click();
  await page.keyboard.type('42');
  await page.locator('gouji-form input[data-testid="title"]').fill('示例局 2024 年政府信息公开工作年度报告');
  await page.locator('[data-testid="draft-status"]').filter({ hasText: '草稿已自动保存' }).waitFor();
  const stored = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT));
  assert.equal(stored.format, '2021');
  assert.equal(stored.values['applications|NEW|NP'], '42');
  assert.ok(Number.isFinite(stored.saved));
  await page.reload();
  await formReady(page);
  assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '42');
  assert.equal(await page.locator('gouji-form input[data-testid="title"]').inputValue(), '示例局 2024 年政府信息公开工作年度报告');
  assert.match(await page.locator('[data-testid="draft-status"]').textContent(), /已恢复本浏览器中.*保存的草稿/);
  assert.equal((await formReport(page)).year, 2024);
  await shot(page, 'fill-05-draft-restored');
  // forget: gone from storage, said so, the numbers stay on the page
  await page.locator('[data-testid="forget-draft"]').click();
  assert.match(await page.locator('[data-testid="draft-status"]').textContent(), /草稿已从本浏览器删除/);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), DRAFT), null);
  assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '42');
  await page.reload();
  await formReady(page);
  assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '');
  // bad or foreign data under the key never breaks the page
  for (const bad of ['{not json', '[]', '{"v":1,"format":"2021","values":{"x|y|z":"1"}}', '{"v":1,"format":"1999","values":{}}', '{"v":1,"format":"2021","values":{"applications|NEW|NP":5}}', 'null']) {
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT, bad]);
    await page.reload();
    await formReady(page);
    assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '', bad);
    assert.match(await page.locator('[data-testid="draft-status"]').textContent(), /无法读取，已忽略/, bad);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('the 2019 trial format, and loading the report pasted in the checker', async () => {
  const { page, context, errors } = await openFill();
  await page.locator('gouji-form label[for="fmt-2019"]').click();
  const keys = await formKeys(page);
  assert.ok(keys.includes('active|PROC|AMOUNT') && keys.includes('applications|OTHER|NP'));
  assert.ok(!keys.includes('applications|OTHER_1|NP'));
  assert.equal((await formReport(page)).format, '2019');
  await shot(page, 'fill-06-2019-blank');
  // a 2019 report pasted in the checker, loaded into the form
  const checked = await setValue(page, readFileSync(resolve('tests/fixtures/yunxi-2019.txt'), 'utf8'));
  await page.locator('gouji-form label[for="fmt-2021"]').click();
  await page.locator('[data-testid="load-from-checker"]').click();
  assert.equal(await page.locator('gouji-form input[name="format"][value="2019"]').isChecked(), true);
  assert.match(await page.locator('.fill-said').textContent(), /已载入/);
  const r = await formReport(page);
  for (const t of ['active', 'applications', 'review']) {
    assert.deepEqual(r.tables[t].map((c) => [c.row, c.column, c.value]), checked.tables[t].map((c) => [c.row, c.column, c.value]), t);
  }
  assert.equal(r.verdict.message.zh, checked.verdict.message.zh);
  assert.equal(await formVerdict(page).textContent(), checked.verdict.message.zh);
  await shot(page, 'fill-07-2019-loaded');
  await axe(page, 'fill 2019');

  // the example (2021, one wrong total) loaded to be corrected
  await setValue(page, readFileSync(resolve('www/example.txt'), 'utf8'));
  await page.locator('[data-testid="load-from-checker"]').click();
  assert.equal(await page.locator('gouji-form input[name="format"][value="2021"]').isChecked(), true);
  assert.equal(await cell(page, 'applications|TOTAL|NP').inputValue(), '85');
  assert.equal(await note(page, 'applications|TOTAL|NP').textContent(), '应为 84');
  await page.locator('gouji-form [data-testid="form-problems"] button.go').first().click();
  assert.equal(await focusedKey(page), 'applications|TOTAL|NP');
  await page.keyboard.type('84');
  await settle(page);
  assert.equal((await formReport(page)).verdict.kind, 'pass');
  // nothing in the checker to load: said so
  await setValue(page, '');
  await page.locator('[data-testid="load-from-checker"]').click();
  assert.match(await page.locator('.fill-said').textContent(), /还没有可载入的报告/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('English, narrow screen (375 px), dark: labelled, axe clean', async () => {
  const o = await open(`${srv.url}?mode=fill&blank&lang=en`, { viewport: { width: 375, height: 800 }, context: { colorScheme: 'dark' } });
  const { page, context, errors } = o;
  await formReady(page);
  assert.equal(await page.locator('#tab-fill').textContent(), 'Fill in');
  await shot(page, 'fill-08a-en-narrow-top', false);
  assert.equal(await cell(page, 'applications|TOTAL|NP').getAttribute('aria-label'), '(7) Total handled · Natural persons');
  await cell(page, 'applications|NEW|NP').click();
  await page.keyboard.type('3');
  await settle(page);
  await shot(page, 'fill-08-en-narrow-dark', false);
  await axe(page, 'fill en narrow dark');
  // the page does not scroll sideways; the tables do, inside their boxes
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page wider than the screen by ${overflow}px`);
  // the language switch relabels the form
  await page.locator('#lang').click();
  assert.equal(await cell(page, 'applications|TOTAL|NP').getAttribute('aria-label'), '（七）总计 · 自然人');
  assert.equal(await page.locator('#tab-fill').textContent(), '填报');
  assert.equal(await cell(page, 'applications|NEW|NP').inputValue(), '3');
  await shot(page, 'fill-09-zh-narrow-dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the fill-in mode in the offline file from file:// with every network request blocked', async () => {
  const blocked = [];
  const { page, context, errors, requests } = await open(`${pathToFileURL(resolve('dist/gouji.html')).href}?mode=fill`, {
    route: (route) => {
      const u = route.request().url();
      if (u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
      blocked.push(u);
      return route.abort();
    },
  });
  await formReady(page);
  await pasteInto(page, 'review|REV|UPHELD', { plain: '3\t1\t0\t1\t6' });
  await settle(page);
  assert.equal(await note(page, 'review|REV|TOTAL').textContent(), '应为 5');
  const r = await formReport(page);
  assert.equal(r.implied.find((i) => refKey(i) === 'review|REV|TOTAL').value, 5);
  assert.match(await page.evaluate(() => document.querySelector('gouji-form').toTsv()), /3\t1\t0\t1\t6/);
  // the shadow styles apply under the file's hash-based CSP
  const color = await page.evaluate(() => getComputedStyle(document.querySelector('gouji-form').shadowRoot.querySelector('td[data-status="fail"]')).backgroundColor);
  assert.notEqual(color, 'rgba(0, 0, 0, 0)');
  assert.deepEqual(blocked, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:')), []);
  await shot(page, 'fill-10-offline');
  assert.deepEqual(errors, []);
  await context.close();
});
