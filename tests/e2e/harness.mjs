// Shared by the e2e test files: the browser (Debian's headless Chromium via playwright-core),
// the static server, page helpers and the checks every page state must pass (axe, no stray
// null/undefined/NaN). Each test file calls startBrowser()/stopBrowser() in before/after.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-quic', '--no-first-run',
];
export const SHOTS = resolve(process.env.SCREENSHOT_DIR ?? 'tests/e2e/screenshots');
mkdirSync(SHOTS, { recursive: true });
export const fixture = (name) => readFileSync(resolve('tests/e2e/fixtures', name), 'utf8');
export const EXAMPLE = readFileSync(resolve('www/example.txt'), 'utf8');

let browser;

export async function startBrowser() {
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
  return browser;
}
export const stopBrowser = () => browser?.close();

export function serve(env = {}, dir = 'www') {
  return new Promise((res, rej) => {
    const p = spawn(process.execPath, ['scripts/serve.mjs', '0', dir], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    p.on('error', rej);
    p.stdout.setEncoding('utf8');
    p.stdout.on('data', (d) => {
      const m = d.match(/serving (http:\/\/\S+)/);
      if (m) res({ url: m[1], stop: () => p.kill() });
    });
    setTimeout(() => rej(new Error('server did not start')), 10_000).unref();
  });
}

/** Opens url in a fresh context; collects console errors, page errors and every request. */
export async function open(url, { viewport = { width: 1280, height: 900 }, context: ctxOpts = {}, route } = {}) {
  const context = await browser.newContext({ viewport, ...ctxOpts });
  if (route) await context.route('**/*', route);
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, context, errors, requests };
}

export const ready = (page) => page.locator('gouji-checker[data-ready]').waitFor({ timeout: 15_000 });
export const verdict = (page) => page.locator('[data-testid="verdict-main"]');

export async function setValue(page, text) {
  return page.evaluate((t) => {
    const el = document.querySelector('gouji-checker');
    el.value = t;
    return el.report;
  }, text);
}

/** Dispatches a synthetic paste (text/plain and optionally text/html) into the textarea. */
export async function paste(page, { plain = '', html = '' }) {
  await page.evaluate(({ plain: p, html: h }) => {
    const ta = document.querySelector('gouji-checker').shadowRoot.querySelector('textarea');
    ta.focus();
    ta.select();
    const dt = new DataTransfer();
    if (p) dt.setData('text/plain', p);
    if (h) dt.setData('text/html', h);
    ta.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, { plain, html });
}

export async function axe(page, name) {
  await page.evaluate(AXE);
  const res = await page.evaluate(() => globalThis.axe.run(document, { resultTypes: ['violations'] }));
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of res.violations) {
    console.log(`# axe ${name}: ${v.impact} ${v.id} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target.join(' ')).join(' | ')}`);
  }
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help}`), [], `axe serious/critical violations on ${name}`);
}

/**
 * Nothing on the page reads null, undefined or NaN: the text of the page and of the
 * element's shadow tree, and every title and aria-label. Run on every state (every shot).
 */
export async function assertClean(page, name) {
  const bad = await page.evaluate(() => {
    const out = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        for (const a of ['title', 'aria-label', 'data-testid']) {
          const v = el.getAttribute(a);
          if (v && /\bnull\b|\bundefined\b|\bNaN\b/.test(v)) out.push(`${el.localName}[${a}]: ${v.slice(0, 80)}`);
        }
        if (el.shadowRoot) walk(el.shadowRoot);
      }
      const text = root === document ? document.body.innerText : Array.from(root.children).map((c) => c.innerText ?? c.textContent).join('\n');
      const m = text.match(/.{0,30}\b(null|undefined|NaN)\b.{0,30}/);
      if (m) out.push(`text: ${m[0]}`);
    };
    walk(document);
    return out;
  });
  assert.deepEqual(bad, [], `null/undefined/NaN shown on ${name}`);
}

export async function shot(page, name, fullPage = true) {
  await assertClean(page, name);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage });
}
export const summaryOf = (r) => ({ summary: r.summary, findings: r.findings.map((f) => [f.rule, f.instance, f.status, f.suspects.map((s) => `${s.table}|${s.row}|${s.column}`)]) });
