// The 批量 (batch) mode: 50 files → a table of the engine's verdicts, checked in a Web Worker,
// sortable, exported as CSV, each row opening its full check; also in the offline file.
// Run: node --test tests/e2e/batch.test.mjs   (after scripts/build.sh)
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, open, startBrowser, stopBrowser, verdict, axe, shot, fixture, EXAMPLE } from './harness.mjs';

/** The engine has loaded (the checker's panel is hidden while the batch mode is shown). */
const ready = (page) => page.locator('gouji-checker[data-ready]').waitFor({ state: 'attached', timeout: 15_000 });

let srv;
let dir;
const files = [];          // { name, path, kind: 'report' | 'binary' | 'empty' }

/** 50 files: passing, failing (the example, a changed number), HTML, Markdown, one binary, one empty. */
function makeFiles() {
  dir = mkdtempSync(join(tmpdir(), 'gouji-batch-'));
  const consistent = fixture('consistent.txt');
  const add = (name, body, kind = 'report') => {
    const path = join(dir, name);
    writeFileSync(path, body);
    files.push({ name, path, kind });
  };
  for (let i = 1; i <= 10; i++) add(`pass-${String(i).padStart(2, '0')}.txt`, consistent.replace(/青禾市示例局/g, `青禾市第${i}局`));
  for (let i = 1; i <= 10; i++) add(`example-${String(i).padStart(2, '0')}.txt`, EXAMPLE);
  for (let i = 1; i <= 8; i++) add(`page-${i}.html`, fixture('example.html'));
  for (let i = 1; i <= 6; i++) add(`one-cell-${i}.txt`, fixture('one-cell-changed.txt'));
  // a changed number: 四、结转下年度·自然人 7 → 7 + i (the balance R1 and the row sum break)
  for (let i = 1; i <= 10; i++) {
    const body = consistent.replace(/^(四、结转下年度继续办理\t\t\t)7\t/m, `$1${7 + i}\t`);
    assert.notEqual(body, consistent);
    add(`changed-${String(i).padStart(2, '0')}.txt`, body);
  }
  for (let i = 1; i <= 4; i++) add(`notes-${i}.md`, consistent.replace(/2024/g, '2023'));
  add('scan.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x00, 0xff, 0xfe, 0x01]), 'binary');
  add('empty.txt', '', 'empty');
  assert.equal(files.length, 50);
}

before(async () => {
  makeFiles();
  await startBrowser();
  srv = await serve();
});
after(async () => {
  await stopBrowser();
  srv?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const rowsOf = (page) => page.evaluate(() => Array.from(document.querySelectorAll('[data-testid="batch-table"] tbody tr'), (tr) => {
  const c = Array.from(tr.children, (x) => x.textContent);
  return { file: c[0], agency: c[1], year: c[2], format: c[3], cells: c[4], errors: c[5], warnings: c[6], verdict: c[7], kind: tr.dataset.kind };
}));

/** What <gouji-checker> gives for a file, opened as a user opens it (openFile). */
async function checkerView(page, name, body) {
  return page.evaluate(async ({ name: n, body: b }) => {
    const el = document.querySelector('gouji-checker');
    await el.openFile(new File([b], n));
    const r = el.report;
    const v = r.verdict;
    const count = (sev) => r.problems.filter((p) => p.severity === sev).length;
    return { errors: count('error'), warnings: count('warning'), agency: r.agency, year: r.year,
      verdict: [v.message.zh, v.incomplete?.zh].filter(Boolean).join('；') };
  }, { name, body });
}

/** RFC 4180 → rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], f = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') { f += '"'; i++; } else if (ch === '"') q = false; else f += ch;
    } else if (ch === '"') q = true;
    else if (ch === ',') { row.push(f); f = ''; } else if (ch === '\r' && text[i + 1] === '\n') { row.push(f); rows.push(row); row = []; f = ''; i++; } else f += ch;
  }
  if (f !== '' || row.length) { row.push(f); rows.push(row); }
  return rows;
}

async function runBatch(page, paths) {
  await page.evaluate(() => {
    // the longest gap between animation frames while the batch runs: the page stays responsive
    globalThis.__gap = 0;
    let last = performance.now();
    const tick = (t) => { globalThis.__gap = Math.max(globalThis.__gap, t - last); last = t; if (!globalThis.__stop) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
  });
  const t0 = Date.now();
  await page.locator('[data-testid="batch-files"]').setInputFiles(paths);
  await page.locator('#mode-batch[data-state="done"]').waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  const gap = await page.evaluate(() => { globalThis.__stop = true; return globalThis.__gap; });
  return { ms, gap };
}

test('50 files: the engine\'s verdicts in a sortable table, CSV, a row opens its check', async () => {
  const { page, context, errors } = await open(`${srv.url}?mode=batch&blank`);
  await ready(page);
  assert.equal(await page.locator('#tab-batch').getAttribute('aria-selected'), 'true');
  await shot(page, 'batch-0-empty');
  const { ms, gap } = await runBatch(page, files.map((f) => f.path));
  const status = await page.locator('[data-testid="batch-status"]').textContent();
  console.log(`# 50 files checked: ${ms} ms wall clock (page says: ${status}); longest frame gap ${gap.toFixed(0)} ms`);
  assert.ok(ms < 20_000, `50 files took ${ms} ms`);
  assert.ok(gap < 1000, `the page froze for ${gap} ms`);
  // the progress bar reached the end
  assert.equal(await page.locator('[data-testid="batch-progress"]').evaluate((p) => [p.value, p.max].join('/')), '50/50');
  assert.equal(await page.locator('[data-testid="batch-count"]').textContent(), '50 / 50');
  assert.match(status, /已核对 50 个文件，用时 [\d.]+ 秒/);

  const rows = await rowsOf(page);
  assert.equal(rows.length, 50);
  assert.deepEqual(rows.map((r) => r.file), files.map((f) => f.name), 'input order until sorted');
  for (const f of files) {
    const row = rows.find((r) => r.file === f.name);
    if (f.kind === 'binary') { assert.match(row.verdict, /不是文本文件/); assert.equal(row.errors, '—'); continue; }
    if (f.kind === 'empty') { assert.match(row.verdict, /文件是空的/); continue; }
    const want = await checkerView(page, f.name, readFileSync(f.path, 'utf8'));
    assert.equal(row.errors, String(want.errors), `${f.name} errors`);
    assert.equal(row.warnings, String(want.warnings), `${f.name} warnings`);
    assert.equal(row.verdict, want.verdict, `${f.name} verdict`);
    assert.equal(row.agency, want.agency ?? '—', `${f.name} agency`);
    assert.equal(row.year, String(want.year), `${f.name} year`);
  }
  // a few figures known independently of the page
  const by = (n) => rows.find((r) => r.file === n);
  assert.equal(by('pass-03.txt').verdict, '通过');
  assert.equal(by('pass-03.txt').agency, '青禾市第3局');
  assert.equal(by('pass-03.txt').cells, '200/200');
  assert.equal(by('example-01.txt').verdict, '1 处数字对不上');
  assert.equal(by('page-1.html').verdict, '1 处数字对不上', 'an HTML file is read from its table cells');
  assert.equal(by('page-1.html').errors, by('example-01.txt').errors);
  assert.notEqual(by('changed-01.txt').verdict, '通过');
  assert.equal(by('notes-1.md').year, '2023');
  assert.match(await page.locator('[data-testid="batch-tally"]').textContent(), /^通过 14 · 数字对不上 34 · 未完整读取或未找到统计表 0 · 无法核对 2$/);
  await shot(page, 'batch-1-done');
  await axe(page, 'batch table');

  // sort by errors: ascending, then descending; unknowns (—) last either way
  const errorsHead = page.locator('th[data-col="errors"]');
  await errorsHead.locator('button').click();
  assert.equal(await errorsHead.getAttribute('aria-sort'), 'ascending');
  let col = (await rowsOf(page)).map((r) => r.errors);
  const nums = (xs) => xs.filter((x) => x !== '—').map(Number);
  assert.deepEqual(nums(col), [...nums(col)].sort((a, b) => a - b));
  assert.deepEqual(col.slice(-2), ['—', '—']);
  await errorsHead.locator('button').click();
  assert.equal(await errorsHead.getAttribute('aria-sort'), 'descending');
  col = (await rowsOf(page)).map((r) => r.errors);
  assert.deepEqual(nums(col), [...nums(col)].sort((a, b) => b - a));
  assert.deepEqual(col.slice(-2), ['—', '—']);
  assert.equal(await page.locator('th[aria-sort]').count(), 1);
  // by agency: numbers inside names in numeric order (第2局 before 第10局)
  await page.locator('th[data-col="agency"] button').click();
  const agencies = (await rowsOf(page)).map((r) => r.agency).filter((a) => a.startsWith('青禾市第'));
  assert.deepEqual(agencies, Array.from({ length: 10 }, (_, i) => `青禾市第${i + 1}局`));
  await shot(page, 'batch-2-sorted');

  // CSV: UTF-8 with BOM, zh headers, RFC 4180, the rows as shown (in the sorted order)
  const shown = await rowsOf(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="batch-csv"]').click()]);
  assert.equal(download.suggestedFilename(), 'gouji-batch.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'BOM');
  const csv = parseCsv(bytes.subarray(3).toString('utf8'));
  assert.deepEqual(csv[0], ['文件', '机关', '年度', '格式', '已读单元格', '应有单元格', '错误', '警告', '结论']);
  assert.equal(csv.length, 51);
  csv.slice(1).forEach((c, i) => {
    const r = shown[i];
    assert.equal(c[0], r.file);
    assert.equal(c[1], r.agency === '—' ? '' : r.agency);
    assert.equal(c[2], r.year === '—' ? '' : r.year);
    assert.equal(c[6], r.errors === '—' ? '' : r.errors);
    assert.equal(c[7], r.warnings === '—' ? '' : r.warnings);
    assert.equal(c[8], r.verdict);
    if (r.cells !== '—') assert.equal(`${c[4]}/${c[5]}`, r.cells);
  });

  // a row opens that report's full check in the 核对 mode
  const target = shown.find((r) => r.file === 'changed-04.txt');
  await page.locator('th.file button', { hasText: 'changed-04.txt' }).click();
  await page.locator('#tab-check[aria-selected="true"]').waitFor();
  await page.locator('gouji-checker[data-state="checked"]').waitFor();
  assert.equal(await page.locator('#mode-batch').isHidden(), true);
  await verdict(page).waitFor();
  const opened = await page.evaluate(() => {
    const el = document.querySelector('gouji-checker');
    return { errors: el.report.problems.filter((p) => p.severity === 'error').length, value: el.value };
  });
  assert.equal(String(opened.errors), target.errors);
  assert.equal(opened.value, readFileSync(join(dir, 'changed-04.txt'), 'utf8'));
  assert.ok(target.verdict.startsWith(await verdict(page).textContent()));
  assert.match(page.url(), /^[^?]*(\?(?!.*mode=batch).*)?$/, 'the 核对 mode is in the query');
  await shot(page, 'batch-3-opened');
  // the HTML row opens as the checker reads HTML: from its table cells
  await page.locator('#tab-batch').click();
  await page.locator('th.file button', { hasText: 'page-2.html' }).click();
  await page.locator('#tab-check[aria-selected="true"]').waitFor();
  await page.waitForFunction(() => /page-2\.html/.test(document.querySelector('gouji-checker').shadowRoot.querySelector('#status').textContent));
  assert.equal(await verdict(page).textContent(), '1 处数字对不上');
  assert.match(await page.locator('gouji-checker').evaluate((el) => el.shadowRoot.querySelector('#status').textContent), /page-2\.html/);
  // the unreadable row has nothing to open
  await page.locator('#tab-batch').click();
  assert.equal(await page.locator('th.file button', { hasText: 'scan.txt' }).isDisabled(), true);

  // English: headers and the engine's English verdicts
  await page.locator('#lang').click();
  assert.equal(await page.locator('th[data-col="verdict"] button').textContent(), 'Verdict');
  const en = await rowsOf(page);
  assert.equal(en.find((r) => r.file === 'example-01.txt').verdict, '1 number does not add up');
  assert.match(await page.locator('[data-testid="batch-status"]').textContent(), /^50 files checked in [\d.]+ s\./);
  await shot(page, 'batch-4-english');
  await page.emulateMedia({ colorScheme: 'dark' });
  await shot(page, 'batch-5-dark');
  await axe(page, 'batch table, dark');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a folder (webkitdirectory) is read recursively; other file types are skipped and counted', async () => {
  const root = join(dir, 'folder');
  mkdirSync(join(root, 'a'), { recursive: true });
  mkdirSync(join(root, 'b', 'c'), { recursive: true });
  writeFileSync(join(root, 'a', 'x.txt'), EXAMPLE);
  writeFileSync(join(root, 'b', 'c', 'y.HTML'), fixture('example.html'));
  writeFileSync(join(root, 'b', 'scan.pdf'), '%PDF-1.7');
  const { page, context, errors } = await open(`${srv.url}?mode=batch&blank`);
  await ready(page);
  await page.locator('[data-testid="batch-folder"]').setInputFiles(root);
  await page.locator('#mode-batch[data-state="done"]').waitFor({ timeout: 30_000 });
  const rows = await rowsOf(page);
  assert.deepEqual(rows.map((r) => r.file), ['folder/a/x.txt', 'folder/b/c/y.HTML']);
  assert.deepEqual(rows.map((r) => r.verdict), ['1 处数字对不上', '1 处数字对不上']);
  assert.match(await page.locator('[data-testid="batch-status"]').textContent(), /跳过了 1 个/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropped files (a DataTransfer on the panel) become rows', async () => {
  const { page, context, errors } = await open(`${srv.url}?mode=batch&blank`);
  await ready(page);
  const over = await page.evaluate(({ a, b }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([a], 'dropped.txt', { type: 'text/plain' }));
    dt.items.add(new File([b], 'dropped.html', { type: 'text/html' }));
    const panel = document.getElementById('mode-batch');
    panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    const lit = panel.querySelector('.batch-drop').classList.contains('over');
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    return lit;
  }, { a: EXAMPLE, b: fixture('example.html') });
  assert.equal(over, true, 'the drop zone is lit while dragging');
  await page.locator('#mode-batch[data-state="done"]').waitFor({ timeout: 30_000 });
  const rows = await rowsOf(page);
  assert.deepEqual(rows.map((r) => [r.file, r.verdict]), [['dropped.txt', '1 处数字对不上'], ['dropped.html', '1 处数字对不上']]);
  assert.deepEqual(errors, []);
  await context.close();
});

test('dropped folders (FileSystemEntry) are read recursively, past readEntries\' batches of 100', async () => {
  const { page, context, errors } = await open(`${srv.url}?mode=batch&blank`);
  await ready(page);
  const got = await page.evaluate(async () => {
    const { filesOfEntries } = await import('./batch.js');
    // the shapes Chromium gives for a dropped folder: readEntries hands out at most 100 at a time
    const file = (dir, name) => ({ isFile: true, isDirectory: false, name, fullPath: `${dir}/${name}`, file: (ok) => ok(new File(['x'], name)) });
    const folder = (path, kids) => ({
      isFile: false, isDirectory: true, name: path.split('/').pop(), fullPath: path,
      createReader: () => { let i = 0; return { readEntries: (ok) => { const b = kids.slice(i, i + 100); i += 100; setTimeout(() => ok(b)); } }; },
    });
    const many = Array.from({ length: 150 }, (_, i) => file('/top/sub', `r${String(i).padStart(3, '0')}.txt`));
    const top = folder('/top', [file('/top', 'b.html'), file('/top', 'a.txt'), file('/top', 'pic.png'), folder('/top/sub', [...many].reverse())]);
    const skipped = { n: 0 };
    const out = await filesOfEntries([top, file('', 'alone.pdf')], skipped);
    return { paths: out.map((x) => x.path), skipped: skipped.n };
  });
  assert.equal(got.paths.length, 153);
  assert.deepEqual(got.paths.slice(0, 4), ['top/a.txt', 'top/b.html', 'top/sub/r000.txt', 'top/sub/r001.txt']);
  assert.equal(got.paths[151], 'top/sub/r149.txt');
  assert.equal(got.paths[152], 'alone.pdf', 'a file dropped by itself is kept (it gets a row saying its type is not read)');
  assert.equal(got.skipped, 1, 'pic.png inside the folder');
  assert.deepEqual(errors, []);
  await context.close();
});

test('cancel stops the batch: what was checked stays, the rest says cancelled', async () => {
  const { page, context, errors } = await open(`${srv.url}?mode=batch&blank`);
  await ready(page);
  const many = [...files, ...files, ...files, ...files].map((f) => f.path);   // 200 files
  await page.locator('[data-testid="batch-files"]').setInputFiles(many);
  await page.locator('[data-testid="batch-cancel"]').click();
  await page.locator('#mode-batch[data-state="cancelled"]').waitFor({ timeout: 10_000 });
  const rows = await rowsOf(page);
  assert.equal(rows.length, 200);
  const cancelled = rows.filter((r) => r.verdict === '已取消，未核对').length;
  assert.ok(cancelled > 0, 'some rows were not checked');
  assert.match(await page.locator('[data-testid="batch-status"]').textContent(), new RegExp(`已取消：核对了 ${200 - cancelled} / 200 个文件`));
  assert.equal(await page.locator('[data-testid="batch-cancel"]').isDisabled(), true);
  assert.equal(await page.locator('[data-testid="batch-csv"]').isDisabled(), false);
  await shot(page, 'batch-6-cancelled', false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline single file from file://, network blocked: the batch runs in a blob: worker', async () => {
  const blocked = [];
  const { page, context, errors, requests } = await open(`${pathToFileURL(resolve('dist/gouji.html')).href}?mode=batch&blank`, {
    route: (route) => {
      const u = route.request().url();
      if (u.startsWith('file:') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
      blocked.push(u);
      return route.abort();
    },
  });
  await ready(page);
  const some = files.filter((f) => /^(pass-01|example-01|page-1|changed-02|one-cell-1|notes-1|scan|empty)\./.test(f.name));
  const { ms } = await runBatch(page, some.map((f) => f.path));
  console.log(`# offline file: ${some.length} files in ${ms} ms`);
  const rows = await rowsOf(page);
  assert.equal(rows.length, some.length);
  for (const f of some.filter((x) => x.kind === 'report')) {
    const want = await checkerView(page, f.name, readFileSync(f.path, 'utf8'));
    const row = rows.find((r) => r.file === f.name);
    assert.equal(row.verdict, want.verdict, f.name);
    assert.equal(row.errors, String(want.errors), f.name);
  }
  assert.equal(rows.find((r) => r.file === 'page-1.html').verdict, '1 处数字对不上');
  assert.ok(await page.evaluate(() => typeof globalThis.__GOUJI_WORKER__ === 'string'), 'the bundled worker');
  assert.deepEqual(blocked, []);
  assert.deepEqual(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:')), []);
  await shot(page, 'batch-7-offline');
  // a row opens its check, with the 申请去向图 and its band, in the offline file too
  await page.locator('th.file button', { hasText: 'example-01.txt' }).click();
  await page.locator('gouji-checker[data-state="checked"]').waitFor({ state: 'visible' });
  await page.locator('gouji-checker [data-testid="flow-section"] summary').click();
  assert.match(await page.locator('gouji-checker [data-testid="flow-band"]').textContent(), /^右边比左边多 1 件/);
  await shot(page, 'batch-8-offline-opened');
  assert.deepEqual(errors, [], 'no CSP violation');
  await context.close();
});
