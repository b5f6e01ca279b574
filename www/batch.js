// 批量 (Batch): many reports at once. Open or drop files or folders (.txt .md .html .htm) →
// one row per file with the engine's verdict; sortable, exported as CSV, and a row opens
// that report's full check in the 核对 mode. The checks run in a Web Worker
// (batch-worker.js) so the page stays responsive; files are read and HTML is turned into
// grids here, with the very functions <gouji-checker> uses (grid.js), because a worker has
// no DOMParser: an .html file gives the same report here as in the checker.
// docs/batch.md: the worker under both CSPs, limits.
import { registerMode, show } from './modes.js';
import { gridsFromHtml, textFromHtml, tableMarkup } from './gouji/grid.js';
import { MAX_CHARS } from './gouji/gouji-checker.js';
import { msg } from './gouji/i18n.js';
import { h } from './gouji/dom.js';
import { decodeText, looksBinary } from './gouji/text-file.js';

/** What the checker accepts too (gouji-checker.js): larger files get a row saying so. */
const MAX_BYTES = MAX_CHARS * 4;
const REPORT_FILE = /\.(txt|md|html?)$/i;
const HTML_FILE = /\.html?$/i;
/** Files read ahead of the worker: enough to keep it busy, few enough to bound memory. */
const AHEAD = 4;

const S = {
  zh: {
    intro: '一次核对多份年度报告：打开或拖入多个 .txt、.md、.html 文件，或整个文件夹（含子文件夹）。每份报告一行，点文件名查看完整核对结果。所有检查都在您的浏览器中完成，文件不会上传。',
    files: '选择文件…',
    folder: '选择文件夹…',
    drop: '把文件或文件夹拖到这里',
    cancel: '取消',
    csv: '导出 CSV',
    progress: '核对进度',
    caption: '批量核对结果',
    cols: { file: '文件', agency: '机关', year: '年度', format: '格式', cells: '读出单元格', errors: '错误', warnings: '警告', verdict: '结论' },
    colHelp: { errors: '数字对不上的处数（与结论相同：一个错数牵连的几条关系算一处）', warnings: '提醒的处数', cells: '已读出 / 应有（所找到的表）' },
    open: (f) => `查看 ${f} 的完整核对结果`,
    waiting: '等待核对…',
    running: (d, n) => `正在核对：${d} / ${n}`,
    done: (n, s) => `已核对 ${n} 个文件，用时 ${s} 秒。`,
    cancelled: (d, n) => `已取消：核对了 ${d} / ${n} 个文件。`,
    skipped: (n) => `跳过了 ${n} 个不是 .txt、.md、.html、.htm 的文件。`,
    nothing: '没有可核对的文件（只核对 .txt、.md、.html、.htm）。',
    tally: (p, f, i, x) => `通过 ${p} · 数字对不上 ${f} · 未完整读取或未找到统计表 ${i} · 无法核对 ${x}`,
    f2021: '2021', f2019: '2019 试行',
    err: {
      type: '不支持的文件类型（可用 .txt .md .html .htm）',
      big: (mb) => `文件过大（${mb} MB），超过 ${MAX_BYTES / 1048576} MB 的上限，未核对`,
      bigText: (mb) => `文本过大（${mb} MB 字符），超过 ${MAX_CHARS / 1048576} M 字符的上限，未核对`,
      read: '无法读取这个文件',
      binary: '不是文本文件（可能是 PDF、Word 或图片），未核对；请另存为 .txt 或 .html',
      empty: '文件是空的，未核对',
      engine: '检查引擎出错：',
      noWorker: '无法启动后台核对（Web Worker）：',
      cancelled: '已取消，未核对',
    },
  },
  en: {
    intro: 'Check many annual reports at once: open or drop several .txt, .md or .html files, or a whole folder (with its subfolders). One row per report; select a file name for its full check. Everything runs in your browser; no file is uploaded.',
    files: 'Choose files…',
    folder: 'Choose a folder…',
    drop: 'Drop files or folders here',
    cancel: 'Cancel',
    csv: 'Export CSV',
    progress: 'Progress',
    caption: 'Batch check results',
    cols: { file: 'File', agency: 'Agency', year: 'Year', format: 'Format', cells: 'Cells read', errors: 'Errors', warnings: 'Warnings', verdict: 'Verdict' },
    colHelp: { errors: 'problems, as the verdict counts them (one wrong number breaking several relations is one)', warnings: 'warnings (problems of warning level)', cells: 'read / expected (in the tables found)' },
    open: (f) => `Open the full check of ${f}`,
    waiting: 'Waiting…',
    running: (d, n) => `Checking: ${d} / ${n}`,
    done: (n, s) => `${n} files checked in ${s} s.`,
    cancelled: (d, n) => `Cancelled: ${d} of ${n} files checked.`,
    skipped: (n) => `Skipped ${n} file(s) that are not .txt, .md, .html or .htm.`,
    nothing: 'No file to check (only .txt, .md, .html and .htm are checked).',
    tally: (p, f, i, x) => `pass ${p} · numbers do not add up ${f} · read partly or no table ${i} · not checked ${x}`,
    f2021: '2021', f2019: '2019 trial',
    err: {
      type: 'Not a report file type (.txt .md .html .htm)',
      big: (mb) => `File too large (${mb} MB, limit ${MAX_BYTES / 1048576} MB); not checked`,
      bigText: (mb) => `Text too large (${mb} M characters, limit ${MAX_CHARS / 1048576} M); not checked`,
      read: 'This file could not be read',
      binary: 'Not a text file (a PDF, Word file or image?); not checked. Save it as .txt or .html',
      empty: 'The file is empty; not checked',
      engine: 'Engine error: ',
      noWorker: 'Could not start the background check (Web Worker): ',
      cancelled: 'Cancelled; not checked',
    },
  },
};
const COLS = ['file', 'agency', 'year', 'format', 'cells', 'errors', 'warnings', 'verdict'];
const NUMERIC = new Set(['year', 'cells', 'errors', 'warnings']);

// ---------------------------------------------------------------- reading files

/** Bytes → text (as the checker decodes them), or null for a file that is not text. */
const decode = (buf) => (looksBinary(buf) ? null : decodeText(buf));

/** A file's text, or { error: [key, ...args] }. */
async function readText(file) {
  if (file.size > MAX_BYTES) return { error: ['big', (file.size / 1048576).toFixed(1)] };
  let buf;
  try { buf = await file.arrayBuffer(); } catch { return { error: ['read'] }; }
  const text = decode(buf);
  if (text === null) return { error: ['binary'] };
  if (text.trim() === '') return { error: ['empty'] };
  return { text };
}

/**
 * What the worker checks for one file, read as <gouji-checker>'s openFile() reads it: HTML
 * (by name, or text that is really HTML source) as grids with its readable text as context.
 */
async function prepare(file) {
  if (!REPORT_FILE.test(file.name)) return { error: ['type'] };
  const got = await readText(file);
  if (got.error) return got;
  const markup = HTML_FILE.test(file.name) ? null : tableMarkup(got.text);
  if (!HTML_FILE.test(file.name) && !markup) {
    if (got.text.length > MAX_CHARS) return { error: ['bigText', (got.text.length / 1048576).toFixed(1)] };
    return { text: got.text };
  }
  const html = markup?.html ?? got.text;
  let grids = [];
  try { grids = gridsFromHtml(html); } catch { grids = []; }
  const text = textFromHtml(html);
  if (text.length > MAX_CHARS) return { error: ['bigText', (text.length / 1048576).toFixed(1)] };
  return grids.length ? { text, grids } : { text };
}

/**
 * Every file under dropped entries (FileSystemEntry: folders read recursively, in name order),
 * as { file, path }; files of other types inside folders are counted in `skipped.n`.
 */
export async function filesOfEntries(entries, skipped) {
  const out = [];
  const fileOf = (e) => new Promise((res) => e.file(res, () => res(null)));
  const readAll = async (dir) => {
    const reader = dir.createReader();
    const all = [];
    // readEntries gives at most 100 at a time: read until it gives none
    for (;;) {
      const batch = await new Promise((res) => reader.readEntries(res, () => res([])));
      if (!batch.length) return all;
      all.push(...batch);
    }
  };
  const walk = async (e, inFolder) => {
    if (e.isDirectory) {
      const kids = await readAll(e);
      kids.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const k of kids) await walk(k, true);
    } else if (e.isFile) {
      if (inFolder && !REPORT_FILE.test(e.name)) { skipped.n++; return; }
      const f = await fileOf(e);
      if (f) out.push({ file: f, path: e.fullPath.replace(/^\//, '') });
    }
  };
  for (const e of entries) await walk(e, false);
  return out;
}

// ---------------------------------------------------------------- the worker

function startWorker() {
  const src = globalThis.__GOUJI_WORKER__;
  if (typeof src === 'string') {
    // the offline single file: the bundled worker from a Blob, fed the inlined wasm. A classic
    // worker: Chromium refuses module workers from blob: URLs of file:// pages.
    const url = URL.createObjectURL(new Blob([src], { type: 'text/javascript' }));
    const w = new Worker(url);
    w.postMessage({ type: 'init', wasm: globalThis.__GOUJI_WASM_BYTES__ });
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return w;
  }
  const w = new Worker(new URL('./batch-worker.js', import.meta.url), { type: 'module' });
  w.postMessage({ type: 'init' });
  return w;
}

// ---------------------------------------------------------------- CSV

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. A text
 *  that a spreadsheet would run as a formula (= + @) gets a leading apostrophe. */
function csvField(v) {
  if (v === null || v === undefined) return '';
  let s = String(v);
  if (typeof v === 'string' && /^[=+@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// ---------------------------------------------------------------- the mode

function mount(panel, site) {
  const t = () => S[site.lang()];
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];

  const intro = h('p', { class: 'batch-intro' });
  const pickFiles = h('input', { type: 'file', multiple: true, hidden: true, tabindex: '-1', 'aria-hidden': 'true', 'data-testid': 'batch-files',
    accept: '.txt,.md,.html,.htm,text/plain,text/html,text/markdown' });
  const pickFolder = h('input', { type: 'file', multiple: true, webkitdirectory: true, hidden: true, tabindex: '-1', 'aria-hidden': 'true', 'data-testid': 'batch-folder' });
  const filesBtn = h('button', { type: 'button', class: 'batch-btn' });
  const folderBtn = h('button', { type: 'button', class: 'batch-btn' });
  const dropText = h('span', { class: 'batch-drophint' });
  const zone = h('div', { class: 'batch-drop', 'data-testid': 'batch-drop' }, filesBtn, folderBtn, dropText, pickFiles, pickFolder);
  const bar = h('progress', { max: 1, value: 0, 'data-testid': 'batch-progress' });
  const count = h('span', { class: 'batch-count', 'data-testid': 'batch-count' });
  const cancel = h('button', { type: 'button', class: 'batch-btn', disabled: true, 'data-testid': 'batch-cancel' });
  const csv = h('button', { type: 'button', class: 'batch-btn', disabled: true, 'data-testid': 'batch-csv' });
  const prog = h('div', { class: 'batch-progress', hidden: true }, bar, count, cancel, csv);
  const status = h('p', { class: 'batch-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'batch-status' });
  const tally = h('p', { class: 'batch-tally', 'data-testid': 'batch-tally' });
  const caption = h('caption', {});
  const headRow = h('tr');
  const tbody = h('tbody');
  const table = h('table', { class: 'batch-table', 'data-testid': 'batch-table' }, caption, h('thead', {}, headRow), tbody);
  const wrap = h('div', { class: 'batch-scroll', tabindex: '0', role: 'region', hidden: true }, table);
  panel.classList.add('batch');
  panel.append(intro, zone, prog, status, tally, wrap);

  let run = null;          // the current batch
  let sort = null;         // { key, dir: 1 | -1 }
  let statusKey = null;    // [key, ...args] of the status line, re-rendered on a language switch
  let skipped = 0;         // files of other types left out of the last folder
  const heads = {};

  for (const c of COLS) {
    const b = h('button', { type: 'button', class: 'sort', 'data-col': c });
    b.addEventListener('click', () => {
      sort = sort?.key === c ? { key: c, dir: -sort.dir } : { key: c, dir: 1 };
      applySort();
    });
    heads[c] = h('th', { scope: 'col', 'data-col': c }, b);
    headRow.append(heads[c]);
  }

  function renderChrome() {
    const s = t();
    intro.textContent = s.intro;
    filesBtn.textContent = s.files;
    folderBtn.textContent = s.folder;
    dropText.textContent = s.drop;
    cancel.textContent = s.cancel;
    csv.textContent = s.csv;
    bar.setAttribute('aria-label', s.progress);
    caption.textContent = s.caption;
    wrap.setAttribute('aria-label', s.caption);
    for (const c of COLS) {
      const b = heads[c].firstChild;
      b.textContent = s.cols[c];
      b.title = s.colHelp[c] ? `${s.cols[c]}：${s.colHelp[c]}` : '';
      if (!b.title) b.removeAttribute('title');
    }
    renderStatus();
    if (run) { for (const r of run.rows) renderRow(r); renderTally(); renderCount(); }
  }

  function setStatus(k) { statusKey = k; renderStatus(); }
  function renderStatus() {
    if (!statusKey) { status.textContent = ''; return; }
    const [k, ...args] = statusKey;
    const parts = [t()[k](...args)];
    if (skipped) parts.push(t().skipped(skipped));
    status.textContent = parts.join(' ');
  }

  // -------------------------------------------------------------- rows

  /** A row's fields in `lang`: what the table shows, sorts on and exports (null: unknown). */
  function cellsOf(r, lang) {
    const s = S[lang];
    const x = r.row;
    const fmt = x?.format === '2021' ? s.f2021 : x?.format === '2019' ? s.f2019 : '';
    let verdict;
    if (r.state === 'waiting') verdict = s.waiting;
    else if (r.error) {
      const [k, ...args] = r.error;
      const e = s.err[k];
      verdict = typeof e === 'function' ? e(...args) : `${e}${args.join(' ')}`;
    } else {
      verdict = [msg(x.verdict.message, lang), x.verdict.incomplete ? msg(x.verdict.incomplete, lang) : ''].filter(Boolean).join('；');
    }
    return {
      file: r.path,
      agency: x?.agency ?? null,
      year: x?.year ?? null,
      format: fmt || null,
      formatKey: x?.format ?? null,
      cells: x?.cellsRead ?? null,
      cellsExpected: x?.cellsExpected ?? null,
      errors: x ? x.errors : null,
      warnings: x ? x.warnings : null,
      verdict,
    };
  }

  function renderRow(r) {
    const s = t();
    const c = cellsOf(r, site.lang());
    const kind = r.state === 'waiting' ? 'waiting' : r.error ? 'error' : r.row.verdict.kind;
    r.tr.dataset.kind = kind;
    r.tr.dataset.state = r.state;
    const dash = (v) => (v === null || v === undefined ? '—' : String(v));
    const open = h('button', { type: 'button', class: 'open', 'aria-label': s.open(r.path), disabled: !canOpen(r) }, r.path);
    open.addEventListener('click', (ev) => { ev.stopPropagation(); openRow(r); });
    r.tr.replaceChildren(
      h('th', { scope: 'row', class: 'file' }, open),
      h('td', { class: 'agency' }, dash(c.agency)),
      h('td', { class: 'num' }, dash(c.year)),
      h('td', {}, dash(c.format)),
      h('td', { class: 'num' }, c.cells === null ? '—' : `${c.cells}/${c.cellsExpected}`),
      h('td', { class: 'num', 'data-col': 'errors' }, dash(c.errors)),
      h('td', { class: 'num', 'data-col': 'warnings' }, dash(c.warnings)),
      h('td', { class: 'verdict', 'data-col': 'verdict' }, c.verdict));
  }

  /** Checked, or not checked for a reason the checker may still get past (cancelled, engine error). */
  const canOpen = (r) => r.state === 'done' && (!r.error || ['cancelled', 'engine', 'noWorker'].includes(r.error[0]));

  async function openRow(r) {
    if (!canOpen(r)) return;
    // the checker reads the file itself (its openFile), so what it shows is its own check
    show('check', true);
    const got = await readText(r.file);
    if (got.error) return;
    const name = r.file.name;
    await site.checker.openFile(new File([got.text], name, { type: HTML_FILE.test(name) ? 'text/html' : 'text/plain' }));
    site.checker.scrollIntoView({ block: 'start' });
  }

  function applySort() {
    for (const c of COLS) {
      if (sort?.key === c) heads[c].setAttribute('aria-sort', sort.dir > 0 ? 'ascending' : 'descending');
      else heads[c].removeAttribute('aria-sort');
    }
    if (!run) return;
    const lang = site.lang();
    const rows = [...run.rows];
    if (sort) {
      const key = sort.key, dir = sort.dir;
      const val = (r) => cellsOf(r, lang)[key];
      rows.sort((a, b) => {
        const x = val(a), y = val(b);
        const nx = x === null || x === undefined || x === '', ny = y === null || y === undefined || y === '';
        if (nx || ny) return nx === ny ? a.id - b.id : nx ? 1 : -1;      // unknowns last either way
        const d = NUMERIC.has(key) ? x - y : String(x).localeCompare(String(y), lang === 'en' ? 'en' : 'zh-CN', { numeric: true });
        return d * dir || a.id - b.id;
      });
    }
    tbody.append(...rows.map((r) => r.tr));
  }

  function renderCount() {
    if (!run) return;
    bar.max = Math.max(1, run.rows.length);
    bar.value = run.done;
    count.textContent = `${run.done} / ${run.rows.length}`;
  }

  function renderTally() {
    if (!run || run.active) { tally.textContent = ''; return; }
    const n = { pass: 0, fail: 0, partial: 0, none: 0, error: 0 };
    for (const r of run.rows) n[r.error ? 'error' : r.row?.verdict.kind ?? 'error']++;
    tally.textContent = t().tally(n.pass, n.fail, n.partial + n.none, n.error);
  }

  // -------------------------------------------------------------- running a batch

  function finish(r, row, error) {
    if (r.state !== 'waiting') return;
    r.state = 'done';
    r.row = row;
    r.error = error;
    run.done++;
    renderRow(r);
    renderCount();
    if (sort && !run.sortQueued) {
      run.sortQueued = true;
      requestAnimationFrame(() => { run.sortQueued = false; applySort(); });
    }
    if (run.done === run.rows.length) end(false);
  }

  function end(cancelled) {
    const b = run;
    if (!b.active) return;
    b.active = false;
    b.worker?.terminate();
    b.worker = null;
    for (const r of b.rows) if (r.state === 'waiting') { r.state = 'done'; r.error = ['cancelled']; renderRow(r); }
    cancel.disabled = true;
    csv.disabled = false;
    b.seconds = ((performance.now() - b.t0) / 1000).toFixed(1);
    panel.dataset.state = cancelled ? 'cancelled' : 'done';
    setStatus(cancelled ? ['cancelled', b.done, b.rows.length] : ['done', b.rows.length, b.seconds]);
    renderTally();
    applySort();
  }

  async function feed() {
    const b = run;
    if (b.feeding) return;
    b.feeding = true;
    try {
      while (b.active && b.next < b.rows.length && b.inFlight < AHEAD) {
        const r = b.rows[b.next++];
        const job = await prepare(r.file);
        if (!b.active) return;
        if (job.error) { finish(r, null, job.error); continue; }
        b.inFlight++;
        b.worker.postMessage({ type: 'check', id: r.id, text: job.text, grids: job.grids });
      }
    } finally {
      b.feeding = false;
    }
  }

  function failAll(why) {
    for (const r of run.rows) if (r.state === 'waiting') finish(r, null, ['noWorker', why]);
  }

  function start(items, left = 0) {
    if (run?.active) end(true);
    skipped = left;
    if (!items.length) {
      run = null;
      wrap.hidden = true;
      prog.hidden = true;
      tally.textContent = '';
      setStatus(['nothing']);
      return;
    }
    const b = { rows: [], done: 0, next: 0, inFlight: 0, active: true, feeding: false, t0: performance.now() };
    run = b;
    b.rows = items.map(({ file, path }, id) => ({ id, file, path: path || file.name, state: 'waiting', row: null, error: null, tr: h('tr') }));
    for (const r of b.rows) r.tr.addEventListener('click', () => openRow(r));
    tbody.replaceChildren(...b.rows.map((r) => r.tr));
    for (const r of b.rows) renderRow(r);
    wrap.hidden = false;
    prog.hidden = false;
    cancel.disabled = false;
    csv.disabled = true;
    panel.dataset.state = 'running';
    renderCount();
    renderTally();
    setStatus(['running', 0, b.rows.length]);
    try {
      b.worker = startWorker();
    } catch (e) {
      failAll(String(e?.message ?? e));
      return;
    }
    b.worker.onmessage = (ev) => {
      const m = ev.data;
      if (b !== run || !b.active) return;
      if (m.type === 'failed') { failAll(m.error); return; }
      if (m.type !== 'result') return;
      b.inFlight--;
      finish(b.rows[m.id], m.row ?? null, m.error ? ['engine', m.error] : null);
      if (b.active) { statusKey = ['running', b.done, b.rows.length]; renderStatus(); feed(); }
    };
    b.worker.onerror = (ev) => {
      ev.preventDefault?.();
      if (b === run && b.active) failAll(ev.message || 'worker error');
    };
    feed();
  }

  cancel.addEventListener('click', () => { if (run?.active) end(true); });
  csv.addEventListener('click', () => {
    if (!run) return;
    const head = ['文件', '机关', '年度', '格式', '已读单元格', '应有单元格', '错误', '警告', '结论'];
    const lines = [head.map(csvField).join(',')];
    for (const tr of tbody.children) {
      const r = run.rows.find((x) => x.tr === tr);
      const c = cellsOf(r, 'zh');
      lines.push([c.file, c.agency, c.year, c.formatKey, c.cells, c.cellsExpected, c.errors, c.warnings, c.verdict].map(csvField).join(','));
    }
    const blob = new Blob(['\ufeff', lines.join('\r\n'), '\r\n'], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: 'gouji-batch.csv', hidden: true });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  });

  filesBtn.addEventListener('click', () => pickFiles.click());
  folderBtn.addEventListener('click', () => pickFolder.click());
  pickFiles.addEventListener('change', () => {
    start(Array.from(pickFiles.files ?? [], (file) => ({ file, path: file.name })));
    pickFiles.value = '';
  });
  pickFolder.addEventListener('change', () => {
    const all = Array.from(pickFolder.files ?? []);
    const ok = all.filter((f) => REPORT_FILE.test(f.name))
      .sort((a, b) => (a.webkitRelativePath < b.webkitRelativePath ? -1 : a.webkitRelativePath > b.webkitRelativePath ? 1 : 0));
    start(ok.map((file) => ({ file, path: file.webkitRelativePath || file.name })), all.length - ok.length);
    pickFolder.value = '';
  });
  panel.addEventListener('dragover', (ev) => {
    if (!ev.dataTransfer?.types?.includes('Files')) return;
    ev.preventDefault();
    zone.classList.add('over');
  });
  panel.addEventListener('dragleave', (ev) => { if (!panel.contains(ev.relatedTarget)) zone.classList.remove('over'); });
  panel.addEventListener('drop', async (ev) => {
    zone.classList.remove('over');
    const dt = ev.dataTransfer;
    if (!dt?.types?.includes('Files')) return;
    ev.preventDefault();
    // entries must be taken now: the DataTransfer is emptied once the handler yields
    const entries = Array.from(dt.items ?? [], (it) => (it.kind === 'file' ? it.webkitGetAsEntry?.() : null));
    if (entries.length && entries.every(Boolean)) {
      const left = { n: 0 };
      start(await filesOfEntries(entries, left), left.n);
    } else {
      start(Array.from(dt.files ?? [], (file) => ({ file, path: file.name })));
    }
  });
  document.addEventListener('gouji-lang', renderChrome);
  renderChrome();
  applySort();
}

const CSS = `
.batch .batch-intro { max-width: 60rem; }
.batch .batch-drop {
  display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; padding: 1.25rem 1rem;
  border: 2px dashed var(--page-line); border-radius: 8px; margin: .5rem 0 1rem;
}
.batch .batch-drop.over { border-color: var(--page-accent); background: var(--page-head); }
.batch .batch-drophint { color: var(--page-muted); }
.batch .batch-btn, .batch .sort, .batch .open {
  font: inherit; color: var(--page-accent); background: var(--page-bg); cursor: pointer;
}
.batch .batch-btn { border: 1px solid var(--page-accent); border-radius: 6px; padding: .35rem .8rem; min-height: 2.25rem; }
.batch .batch-btn:disabled { color: var(--page-muted); border-color: var(--page-line); cursor: default; }
.batch .batch-progress { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; }
.batch .batch-progress[hidden] { display: none; }
.batch progress { width: min(24rem, 100%); height: 1rem; accent-color: var(--page-accent); }
.batch .batch-count { font-variant-numeric: tabular-nums; min-width: 5rem; }
.batch .batch-tally { color: var(--page-muted); }
.batch .batch-scroll { overflow-x: auto; }
.batch table { border-collapse: collapse; width: 100%; font-size: .92rem; }
.batch caption { text-align: left; font-weight: 600; padding: .25rem 0; }
.batch th, .batch td { border: 1px solid var(--page-line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
.batch thead th { background: var(--page-head); white-space: nowrap; padding: 0; }
.batch .sort { border: none; background: none; color: inherit; font-weight: 600; padding: .4rem .5rem; width: 100%; text-align: left; }
.batch .sort::after { content: " ↕"; color: var(--page-muted); font-weight: 400; }
.batch th[aria-sort="ascending"] .sort::after { content: " ▲"; color: inherit; }
.batch th[aria-sort="descending"] .sort::after { content: " ▼"; color: inherit; }
.batch td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.batch th.file { font-weight: 400; min-width: 12rem; }
.batch td.agency { min-width: 9rem; }
.batch .open { border: none; background: none; padding: 0; text-align: left; text-decoration: underline; overflow-wrap: anywhere; }
.batch .open:disabled { color: inherit; text-decoration: none; cursor: default; }
.batch tr[data-kind="pass"] td.verdict { color: #1d6b33; }
.batch tr[data-kind="fail"] td.verdict { color: #b3261e; font-weight: 600; }
.batch tr[data-kind="partial"] td.verdict, .batch tr[data-kind="none"] td.verdict, .batch tr[data-kind="error"] td.verdict { color: #7a4f00; }
.batch tr[data-kind="waiting"] td.verdict { color: var(--page-muted); }
.batch tbody tr:hover { background: var(--page-head); }
@media (prefers-color-scheme: dark) {
  .batch tr[data-kind="pass"] td.verdict { color: #8fd19e; }
  .batch tr[data-kind="fail"] td.verdict { color: #ffb4ab; }
  .batch tr[data-kind="partial"] td.verdict, .batch tr[data-kind="none"] td.verdict, .batch tr[data-kind="error"] td.verdict { color: #f5c96a; }
}
`;

registerMode({ id: 'batch', zh: '批量', en: 'Batch', mount });
