// Share links (#r=) and the bookmarklet (#bm=) in headless Chromium: www/share.js,
// www/bookmarklet.js, docs/share.md. The page is reached through a logging proxy, so the
// tests see every request line a server receives (the fragment must never be among them);
// the bookmarklet's report page is served from a second origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  serve, open, startBrowser, stopBrowser, ready, verdict, setValue, paste, axe, shot, fixture,
  summaryOf, EXAMPLE,
} from './harness.mjs';

let srv;          // the page (scripts/serve.mjs, strict CSP)
let proxy;        // in front of it: records every request line
let seen = [];    // request lines the server received
let host;         // the "government site": another origin
let base;         // the page's URL through the proxy
let hostUrl;
let hostPage = '';

const listen = (server) => new Promise((res) => server.listen(0, '127.0.0.1', () => res(`http://127.0.0.1:${server.address().port}/`)));

before(async () => {
  await startBrowser();
  srv = await serve();
  const up = new URL(srv.url);
  proxy = http.createServer((req, res) => {
    seen.push(req.url);
    const r = http.request({ host: up.hostname, port: up.port, path: req.url, method: req.method, headers: req.headers }, (u) => {
      res.writeHead(u.statusCode, u.headers);
      u.pipe(res);
    });
    r.on('error', () => res.writeHead(502).end());
    req.pipe(r);
  });
  base = await listen(proxy);
  // ?csp=… sends that policy, ?coop sends Cross-Origin-Opener-Policy: same-origin
  host = http.createServer((req, res) => {
    const u = new URL(req.url, 'http://x');
    const headers = { 'content-type': 'text/html; charset=utf-8' };
    if (u.searchParams.get('csp')) headers['content-security-policy'] = u.searchParams.get('csp');
    if (u.searchParams.has('coop')) headers['cross-origin-opener-policy'] = 'same-origin';
    res.writeHead(200, headers).end(hostPage);
  });
  hostUrl = await listen(host);
  hostPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>青禾市示例局 2024 年政府信息公开工作年度报告</title></head>
<body><p id="secret">本页的正文不该被读取：SECRET-PROSE 全年新收政府信息公开申请 999 件</p>
<div><table><tr><td>布局表格外层</td><td>${fixture('example.html').replace(/<\/?(html|body)>/g, '')}</td></tr></table></div></body></html>`;
});
after(async () => { await stopBrowser(); srv?.stop(); proxy?.close(); host?.close(); });

const report = (page) => page.evaluate(() => document.querySelector('gouji-checker').report);
const boxText = (page) => page.evaluate(() => document.querySelector('gouji-checker').value);
const strip = (r) => JSON.stringify(r);
const isProse = (rule) => /^[PS]\d|^R9$/.test(rule);
const tableChecks = (r) => ({
  checks: r.checks.filter((c) => !isProse(c.rule)).map((c) => [c.rule, c.instance, c.status]),
  findings: r.findings.filter((f) => !isProse(f.rule)).map((f) => [f.rule, f.instance, f.status, f.actual, f.expected]),
  cells: ['active', 'applications', 'review'].map((t) => r.tables[t].map((c) => [c.row, c.column, c.value, c.read])),
  verdict: r.verdict.kind,
});

async function share(page) {
  await page.locator('[data-testid="share"]').click();
  const out = page.locator('[data-testid="share-out"]');
  await out.waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-msg"]').textContent !== '');
  return {
    kind: await out.getAttribute('data-kind'),
    link: await page.locator('[data-testid="share-link"]').inputValue(),
    msg: await page.locator('[data-testid="share-msg"]').textContent(),
    length: Number(await out.getAttribute('data-length')),
  };
}

/** Opens `url` in a new page of `context` and waits for the shared check. */
async function openLink(context, url) {
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(url);
  await ready(p);
  await p.waitForFunction(() => document.querySelector('gouji-checker').report);
  return { p, errors };
}

/** Random CJK prose that deflate cannot shrink much: a long text, not a long link by repetition. */
function prose(n, seed = 1) {
  let x = seed * 7919 + 1, s = '';
  for (let i = 0; i < n; i++) {
    x = (x * 48271) % 2147483647;
    s += String.fromCharCode(0x4e00 + (x % 3000));
    if (i % 60 === 59) s += '。\n';
  }
  return s;
}

// ---------------------------------------------------------------- share links

test('share link round trip on the hosted page: same verdict and report; the fragment never reaches the server', async () => {
  seen = [];
  const { page, context, errors } = await open(base);
  await verdict(page).waitFor({ timeout: 15_000 });
  const before = await report(page);
  const s = await share(page);
  assert.equal(s.kind, 'full');
  assert.ok(s.link.startsWith(`${base}#r=`), s.link.slice(0, 60));
  assert.equal(s.length, s.link.length);
  assert.match(s.msg, new RegExp(`链接长 ${s.link.length.toLocaleString('en')} 个字符`));
  assert.ok(s.link.length > 2000, 'the example gives a link over the warning length');
  assert.match(s.msg, /超过 2,000 个字符：一些聊天软件/);
  // the payload: version byte 1, then deflate-raw
  const bytes = Buffer.from(s.link.split('#r=')[1], 'base64url');
  assert.equal(bytes[0], 1);
  await page.locator('[data-testid="share-out"]').screenshot({ path: 'tests/e2e/screenshots/share-01-link.png' });
  await shot(page, 'share-01-page', false);
  await axe(page, 'share link shown');

  const { p, errors: e2 } = await openLink(context, s.link);
  assert.equal(strip(await report(p)), strip(before));
  assert.equal(await verdict(p).textContent(), '1 处数字对不上');
  assert.equal(await boxText(p), EXAMPLE);
  assert.match(await p.locator('[data-testid="notice"]').textContent(), /已打开分享的检查/);
  await shot(p, 'share-02-opened', false);
  // a chat app that glues the next “。” to the link does not break it
  const { p: p2 } = await openLink(context, `${s.link}%E3%80%82`);
  assert.equal(strip(await report(p2)), strip(before));
  await axe(p, 'share link opened');
  // the server saw the page and its files, never the payload
  const payload = s.link.split('#r=')[1];
  assert.ok(seen.includes('/'), seen.join(' '));
  assert.deepEqual(seen.filter((u) => u.includes('r=') || u.includes(payload.slice(0, 20)) || u.includes('#')), []);
  assert.deepEqual([...errors, ...e2], []);
  await context.close();
});

test('share link of an HTML paste with last year\'s report: grids, context and previous come back', async () => {
  const { page, context, errors } = await open(`${base}?blank`);
  await ready(page);
  await page.evaluate((prev) => { document.querySelector('gouji-checker').previous = prev; }, fixture('consistent.txt').replace(/2024/g, '2023'));
  await paste(page, { plain: EXAMPLE, html: fixture('example.html') });
  await page.waitForFunction(() => document.querySelector('gouji-checker').checkedInput?.grids);
  const before = await report(page);
  assert.ok(before.checks.some((c) => c.rule === 'R8'), 'cross-year checks ran');
  const s = await share(page);
  assert.equal(s.kind, 'full');
  assert.match(s.msg, /上一年度报告也在链接中/);
  const { p } = await openLink(context, s.link);
  assert.equal(strip(await report(p)), strip(before));
  const input = await p.evaluate(() => document.querySelector('gouji-checker').checkedInput);
  assert.ok(Array.isArray(input.grids) && input.grids.length === 3);
  assert.match(await p.locator('[data-testid="notice"]').textContent(), /含上一年度报告/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('share link round trip in the offline file (file://)', async () => {
  const url = pathToFileURL(resolve('dist/gouji.html')).href;
  const { page, context, errors } = await open(url);
  await verdict(page).waitFor({ timeout: 15_000 });
  const before = await report(page);
  const s = await share(page);
  assert.ok(s.link.startsWith(`${url}#r=`));
  assert.match(s.msg, /这是离线版/);
  const { p, errors: e2 } = await openLink(context, s.link);
  assert.equal(strip(await report(p)), strip(before));
  assert.equal(await verdict(p).textContent(), '1 处数字对不上');
  // the same fragment opens on the hosted page too
  const { p: p3 } = await openLink(context, `${base}#r=${s.link.split('#r=')[1]}`);
  assert.equal(strip(await report(p3)), strip(before));
  assert.deepEqual([...errors, ...e2].filter((e) => !/Content Security Policy/.test(e)), []);
  await context.close();
});

test('too long for a link: the tables-only link gives the same table checks; the prose is said to be left out', async () => {
  const { page, context } = await open(`${base}?blank`);
  await ready(page);
  const long = EXAMPLE.replace('六、其他需要报告的事项', `${prose(30000)}\n六、其他需要报告的事项`);
  const before = await setValue(page, long);
  const s = await share(page);
  assert.equal(s.kind, 'tables');
  assert.ok(s.link.length <= 32000 && s.link.length > 0);
  assert.match(s.msg, /全文的链接有 [\d,]+ 个字符，超过上限 32,000；已改为只含统计表的链接/);
  assert.match(s.msg, /正文未包含在内/);
  await page.locator('[data-testid="share-out"]').screenshot({ path: 'tests/e2e/screenshots/share-03-tables-only.png' });
  const { p } = await openLink(context, s.link);
  const after = await report(p);
  assert.deepEqual(tableChecks(after), tableChecks(before));
  assert.ok(after.title === before.title && after.year === before.year);
  assert.ok((await boxText(p)).length < 2000, 'the prose is not in the link');
  assert.match(await p.locator('[data-testid="notice"]').textContent(), /只含统计表/);
  await context.close();
});

test('a link over the warning length offers the shorter tables-only link', async () => {
  const { page, context } = await open(`${base}?blank`);
  await ready(page);
  const before = await setValue(page, EXAMPLE.replace('六、其他需要报告的事项', `${prose(3000, 7)}\n六、其他需要报告的事项`));
  const s = await share(page);
  assert.equal(s.kind, 'full');
  assert.ok(s.link.length > 2000 && s.link.length <= 32000);
  const alt = page.locator('[data-testid="share-tables"]');
  assert.match(await alt.textContent(), /改为复制只含统计表的链接（[\d,]+ 个字符）/);
  await alt.click();
  await page.waitForFunction(() => document.querySelector('[data-testid="share-out"]').dataset.kind === 'tables');
  const link = await page.locator('[data-testid="share-link"]').inputValue();
  assert.ok(link.length < s.link.length);
  assert.match(await page.locator('[data-testid="share-msg"]').textContent(), /正文未包含在内/);
  const { p } = await openLink(context, link);
  assert.deepEqual(tableChecks(await report(p)), tableChecks(before));
  await context.close();
});

test('over the maximum even with only the tables: refused with a message, nothing copied', async () => {
  const { page, context } = await open(`${base}?blank`);
  await ready(page);
  // a page with the report's tables and 200 other tables of noise: its grids alone are too long
  let noise = '';
  for (let i = 0; i < 200; i++) noise += `<table><tr><td>${prose(120, i + 3)}</td><td>${i}</td></tr></table>`;
  await paste(page, { plain: EXAMPLE, html: fixture('example.html').replace('</body>', `${noise}</body>`) });
  await page.waitForFunction(() => document.querySelector('gouji-checker').checkedInput?.grids);
  const s = await share(page);
  assert.equal(s.kind, 'refused');
  assert.equal(s.link, '');
  assert.match(s.msg, /无法生成分享链接：即使只含统计表，链接也有 [\d,]+ 个字符，超过上限 32,000/);
  assert.equal(await page.locator('.share-label').isVisible(), false);
  await page.locator('[data-testid="share-out"]').screenshot({ path: 'tests/e2e/screenshots/share-04-refused.png' });
  await axe(page, 'share refused');
  await context.close();
});

test('a corrupt, truncated or newer link gives a clear message, never a crash; the box is kept', async () => {
  const { page: src, context } = await open(base);
  await verdict(src).waitFor({ timeout: 15_000 });
  const good = (await share(src)).link.split('#r=')[1];
  const cases = [
    ['not base64!*', /已损坏（含有不该有的字符）/],
    [good.slice(0, Math.floor(good.length / 8) * 4), /不完整或已损坏（可能在转发时被截断）/],
    [Buffer.concat([Buffer.from([2]), Buffer.from(good, 'base64url').subarray(1)]).toString('base64url'), /来自更新版本的勾稽/],
    ['', /分享链接是空的/],
    [Buffer.concat([Buffer.from([1]), Buffer.from('not deflate at all, plainly')]).toString('base64url'), /不完整或已损坏/],
  ];
  for (const [frag, msg] of cases) {
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(String(e)));
    await p.goto(`${base}#r=${frag}`);
    await ready(p);
    const n = p.locator('[data-testid="notice"]');
    await n.waitFor();
    assert.match(await n.textContent(), msg, frag.slice(0, 20));
    assert.equal(await n.getAttribute('data-kind'), 'bad');
    assert.equal(await boxText(p), '', 'no example loaded over a failed link');
    assert.deepEqual(errors, []);
    if (frag === '') { await shot(p, 'share-05-corrupt', false); await axe(p, 'corrupt link'); }
    await p.close();
  }
  await context.close();
});

test('text in the box is not lost: a link opened later asks first', async () => {
  const { page, context } = await open(base);
  await verdict(page).waitFor({ timeout: 15_000 });
  const frag = (await share(page)).link.split('#r=')[1];
  const mine = fixture('consistent.txt');
  await setValue(page, mine);
  // a corrupt link pasted into the address bar of this tab: message, box unchanged
  await page.evaluate(() => { location.hash = '#r=%%%'; });
  await page.locator('[data-testid="notice"][data-kind="bad"]').waitFor();
  assert.match(await page.locator('[data-testid="notice"]').textContent(), /输入框中的内容没有改动/);
  assert.equal(await boxText(page), mine);
  // a good link: asked, kept on “keep”
  await page.evaluate((f) => { location.hash = `#r=${f}`; }, frag);
  await page.locator('[data-testid="share-keep"]').waitFor();
  assert.match(await page.locator('[data-testid="notice"]').textContent(), /替换输入框中现有的内容/);
  await shot(page, 'share-06-ask', false);
  await axe(page, 'ask before replacing');
  await page.locator('[data-testid="share-keep"]').click();
  assert.equal(await boxText(page), mine);
  assert.equal(new URL(page.url()).hash, '');
  // again, and replace
  await page.evaluate((f) => { location.hash = `#r=${f}`; }, frag);
  await page.locator('[data-testid="share-replace"]').click();
  await page.waitForFunction((t) => document.querySelector('gouji-checker').value === t, EXAMPLE);
  assert.equal(await verdict(page).textContent(), '1 处数字对不上');
  await context.close();
});

// ---------------------------------------------------------------- the bookmarklet

async function bookmarkletHref(lang = 'zh') {
  const { page, context } = await open(`${base}?mode=tools${lang === 'en' ? '&lang=en' : ''}`);
  const a = page.locator('[data-testid="bookmarklet"]');
  await a.waitFor();
  const href = await a.getAttribute('href');
  await context.close();
  return href;
}

/** The report that pasting exactly `tables` (HTML, with the title as its text) into a fresh page gives. */
async function pastedTables(context, tables, title) {
  const p = await context.newPage();
  await p.goto(`${base}?blank`);
  await ready(p);
  await paste(p, { html: tables.join('\n'), plain: title });
  await p.waitForFunction(() => document.querySelector('gouji-checker').report);
  const r = await report(p);
  await p.close();
  return r;
}

test('bookmarklet on a report page of another origin: the gouji tab checks exactly its tables', async () => {
  const href = await bookmarkletHref();
  assert.match(href, /^javascript:/);
  assert.ok(decodeURIComponent(href).includes(JSON.stringify(new URL(base).origin)), 'the page\'s own origin is embedded');
  const { page: hp, context, errors } = await open(hostUrl);
  const tables = await hp.evaluate(() => [...document.querySelectorAll('table')].filter((t) => !t.querySelector('table')).map((t) => t.outerHTML));
  assert.equal(tables.length, 3);
  // a bookmark click is a navigation the browser starts: CDP Page.navigate is the same kind
  const popup = context.waitForEvent('page');
  const cdp = await context.newCDPSession(hp);
  await cdp.send('Page.navigate', { url: href });
  const gp = await popup;
  await ready(gp);
  await gp.waitForFunction(() => document.querySelector('gouji-checker').report);
  const r = await report(gp);
  assert.equal(r.title, '青禾市示例局 2024 年政府信息公开工作年度报告');
  assert.equal(await verdict(gp).textContent(), '1 处数字对不上');
  assert.deepEqual(tableChecks(r), tableChecks(await pastedTables(context, tables, r.title)));
  assert.deepEqual(summaryOf(r).findings.filter(([rule]) => !isProse(rule)), summaryOf(await pastedTables(context, tables, r.title)).findings.filter(([rule]) => !isProse(rule)));
  const box = await boxText(gp);
  assert.doesNotMatch(box, /SECRET-PROSE|布局表格外层/, 'nothing but the innermost tables and the title');
  assert.match(await gp.locator('[data-testid="notice"]').textContent(), new RegExp(`已收到 3 个表格（来自 ${new URL(hostUrl).origin}）`));
  assert.equal(new URL(gp.url()).hash, '', 'the token is gone from the address');
  await shot(gp, 'bm-01-received', false);
  await axe(gp, 'bookmarklet delivered');
  assert.deepEqual(errors, []);
  await context.close();
});

test('bookmarklet under a strict host CSP: what headless Chromium does', async () => {
  const href = await bookmarkletHref();
  const csp = "default-src 'none'; script-src 'none'";
  // started by the browser (as a bookmark is): runs, delivers
  {
    const { page: hp, context, errors } = await open(`${hostUrl}?csp=${encodeURIComponent(csp)}`);
    const popup = context.waitForEvent('page');
    await (await context.newCDPSession(hp)).send('Page.navigate', { url: href });
    const gp = await popup;
    await gp.waitForFunction(() => document.querySelector('gouji-checker').report, null, { timeout: 15_000 });
    assert.equal(await verdict(gp).textContent(), '1 处数字对不上');
    console.log(`# strict CSP host, browser-started javascript: URL: ran and delivered (${errors.length} console errors)`);
    await context.close();
  }
  // started by the page's own script: refused by the CSP, no tab opens
  {
    const { page: hp, context, errors } = await open(`${hostUrl}?csp=${encodeURIComponent(csp)}`);
    const popup = context.waitForEvent('page', { timeout: 3000 }).then(() => 'opened', () => 'none');
    await hp.evaluate((u) => { location.href = u; }, href);
    assert.equal(await popup, 'none');
    assert.ok(errors.some((e) => /Running the JavaScript URL violates the following Content Security Policy directive/.test(e)), errors.join('\n'));
    await context.close();
  }
});

test('bookmarklet on a page with Cross-Origin-Opener-Policy: the gouji tab says at once to copy and paste', async () => {
  const href = await bookmarkletHref();
  const { page: hp, context } = await open(`${hostUrl}?coop`);
  const popup = context.waitForEvent('page');
  const t0 = Date.now();
  await (await context.newCDPSession(hp)).send('Page.navigate', { url: href });
  const gp = await popup;
  await gp.locator('[data-testid="notice"][data-kind="bad"]').waitFor({ timeout: 5000 });
  assert.ok(Date.now() - t0 < 5000);
  assert.match(await gp.locator('[data-testid="notice"]').textContent(), /没有收到本页的表格.*请复制整页后粘贴到这里/);
  await ready(gp);
  assert.equal(await boxText(gp), '', 'no example over the message');
  await shot(gp, 'bm-02-no-opener', false);
  await axe(gp, 'bookmarklet no opener');
  await context.close();
});

test('the gouji tab takes one message from its opener with its token; wrong token, other window, a second message are ignored', async () => {
  const gouji = new URL(base).origin;
  const token = 'ab'.repeat(16);
  const { page: hp, context } = await open(hostUrl);
  const popup = context.waitForEvent('page');
  const tables = await hp.evaluate(() => [...document.querySelectorAll('table')].filter((t) => !t.querySelector('table')).map((t) => t.outerHTML));
  await hp.evaluate(({ url, token: t }) => {
    window.__ready = new Promise((res) => addEventListener('message', (e) => { if (e.data?.gouji === 'ready') res(e.data.token); }));
    window.__w = window.open(`${url}#bm=${t}`, '_blank');
    const f = document.createElement('iframe');
    document.body.append(f);
    f.contentWindow.eval('window.sendTo = (w, m, o) => w.postMessage(m, o)');
    window.__frame = f.contentWindow;
  }, { url: base, token });
  const gp = await popup;
  assert.equal(await hp.evaluate(() => window.__ready), token);
  const evil = ['<table><tr><td>行政许可</td><td>1</td></tr></table>'];
  const one = tables.slice(0, 1);
  await hp.evaluate(({ o, t, evil: ev }) => {
    window.__w.postMessage({ gouji: 'tables', token: 'cd'.repeat(16), title: 'wrong token', tables: ev }, o);
    window.__frame.sendTo(window.__w, { gouji: 'tables', token: t, title: 'not the opener', tables: ev }, o);
  }, { o: gouji, t: token, evil });
  await gp.waitForTimeout(300);
  assert.equal(await boxText(gp), '', 'nothing taken yet');
  await hp.evaluate(({ o, t, tables: tb }) => window.__w.postMessage({ gouji: 'tables', token: t, title: 'the real one', tables: tb }, o), { o: gouji, t: token, tables: one });
  await gp.waitForFunction(() => document.querySelector('gouji-checker').value.startsWith('the real one'));
  await hp.evaluate(({ o, t, evil: ev }) => window.__w.postMessage({ gouji: 'tables', token: t, title: 'second', tables: ev }, o), { o: gouji, t: token, evil });
  await gp.waitForTimeout(500);
  assert.match(await boxText(gp), /^the real one/);
  await ready(gp);
  await gp.waitForFunction(() => document.querySelector('gouji-checker').report);
  assert.equal(await gp.evaluate(() => document.querySelector('gouji-checker').checkedInput.grids.length), 1);
  assert.match(await gp.locator('[data-testid="notice"]').textContent(), /已收到 1 个表格/);
  await context.close();
});

test('no answer from the opener: after a bounded wait the gouji tab says to copy and paste', async () => {
  const { page: hp, context } = await open(hostUrl);
  const popup = context.waitForEvent('page');
  await hp.evaluate((url) => { window.open(`${url}#bm=${'0f'.repeat(16)}`, '_blank'); }, base);
  const gp = await popup;
  const n = gp.locator('[data-testid="notice"]');
  await n.waitFor();
  assert.match(await n.textContent(), /正在接收本页的表格/);
  const t0 = Date.now();
  await gp.locator('[data-testid="notice"][data-kind="bad"]').waitFor({ timeout: 12_000 });
  const waited = Date.now() - t0;
  assert.ok(waited > 5000 && waited < 10_000, `waited ${waited} ms`);
  assert.match(await n.textContent(), /没有收到本页的表格/);
  await context.close();
});

test('the 工具 panel: the bookmarklet, its instructions, axe; the offline file says it cannot be a target', async () => {
  const { page, context, errors } = await open(`${base}?mode=tools`);
  const a = page.locator('[data-testid="bookmarklet"]');
  await a.waitFor();
  assert.equal(await a.textContent(), '勾稽：检查本页');
  assert.match(await page.locator('#mode-tools').textContent(), /拖到浏览器的书签栏.*不能使用的情况/s);
  // clicking it here does nothing but say to drag it (and no CSP error: it is not run)
  await a.click();
  assert.match(await page.locator('.bm-hint').textContent(), /拖到书签栏/);
  assert.equal(new URL(page.url()).pathname, '/');
  await shot(page, 'bm-03-tools', false);
  await axe(page, 'tools panel');
  await page.locator('#lang').click();
  assert.equal(await a.textContent(), 'gouji: check this page');
  assert.match(decodeURIComponent(await a.getAttribute('href')), /\?lang=en/);
  await shot(page, 'bm-04-tools-en', false);
  assert.deepEqual(errors, []);
  await context.close();

  const off = await open(`${pathToFileURL(resolve('dist/gouji.html')).href}?mode=tools`);
  await off.page.locator('[data-testid="bookmarklet-offline"]').waitFor();
  assert.equal(await off.page.locator('[data-testid="bookmarklet"]').count(), 0);
  await shot(off.page, 'bm-05-offline', false);
  await off.context.close();
});

test('dark, 375 px, English: the share output, the notice and the 工具 panel stay readable (axe)', async () => {
  const { page, context, errors } = await open(`${base}?lang=en`, { viewport: { width: 375, height: 800 }, context: { colorScheme: 'dark' } });
  await verdict(page).waitFor({ timeout: 15_000 });
  const s = await share(page);
  assert.match(s.msg, /Share link copied\.|Could not copy/);
  assert.match(s.msg, new RegExp(`The link is ${s.link.length.toLocaleString('en')} characters long`));
  assert.ok(new URL(s.link).searchParams.get('lang') === 'en');
  await page.locator('[data-testid="share-out"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/share-07-dark-narrow-en.png' });
  await axe(page, 'share output, dark, narrow, English');
  // switching language re-words what is shown
  await page.locator('#lang').click();
  assert.match(await page.locator('[data-testid="share-msg"]').textContent(), /链接长 [\d,]+ 个字符/);
  assert.equal(await page.locator('[data-testid="share"]').textContent(), '复制分享链接');
  const bad = await context.newPage();
  await bad.goto(`${base}?lang=en#r=x`);
  await bad.locator('[data-testid="notice"][data-kind="bad"]').waitFor();
  assert.match(await bad.locator('[data-testid="notice"]').textContent(), /damaged|incomplete/);
  await bad.screenshot({ path: 'tests/e2e/screenshots/share-08-corrupt-dark-en.png' });
  await axe(bad, 'corrupt link, dark, English');
  await bad.goto(`${base}?mode=tools`);
  await bad.locator('[data-testid="bookmarklet"]').waitFor();
  await shot(bad, 'bm-06-tools-dark-narrow');
  await axe(bad, 'tools, dark, narrow');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a link near the maximum (over 25,000 characters) still opens to the same report', async () => {
  const { page, context } = await open(`${base}?blank`);
  await ready(page);
  const before = await setValue(page, EXAMPLE.replace('六、其他需要报告的事项', `${prose(9000, 11)}\n六、其他需要报告的事项`));
  const s = await share(page);
  assert.equal(s.kind, 'full');
  assert.ok(s.link.length > 25000 && s.link.length <= 32000, String(s.link.length));
  const { p } = await openLink(context, s.link);
  assert.equal(strip(await report(p)), strip(before));
  await context.close();
});
