// <gouji-checker lang="zh|en">: paste a report, see where its tables do not reconcile.
//
// Properties: value (the pasted text; setting it checks at once), report (last Report),
// lastTiming ({check, render} in ms). Methods: check(), loadExample(), openFile(file).
// Event: "report" (CustomEvent, detail = the Report) after every check; bubbles, composed.
// Parts: root, input, result, verdict, table, cell, finding, inspector.
//
// Everything from the report or the user is rendered with textContent / attributes only,
// never as HTML. Clipboard and file HTML goes through DOMParser (inert) and only string
// grids reach the engine. All wording about the report and every number come from Rust.
import { init, check, checkGrid, rules, EngineTrapped, __trapForTest } from './gouji.js';
import { gridsFromHtml, textFromHtml, tableMarkup } from './grid.js';
import {
  T2_BLOCKS, T3_ROWS, T3_COLUMNS, T3_GROUPS, T3_OUTCOME_ZH, T3_OUTCOME_EN, T3_CORNER, T3_HEAD,
  T4_ROWS, T4_COLUMNS, T4_LIT, rowLabel, colLabel, cellLabel, pick,
} from './forms.js';
import { strings, msg, normLang } from './i18n.js';
import css from './checker-css.js';

/** Larger inputs are refused with a message (the text is kept). */
export const MAX_CHARS = 2 * 1024 * 1024;
const DEBOUNCE_MS = 150;
const FILE_TYPES = /\.(txt|text|md|markdown|html?|tsv|csv)$/i;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** Small DOM builder: attributes via setAttribute, children as nodes or text. Never HTML. */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

const key = (r) => `${r.table}|${r.row}|${r.column}`;
const fmt = (v) => (v === null || v === undefined ? '—' : String(v));
const STATUS_MARK = { pass: '✓', fail: '✗', cannot_check: '?', not_applicable: '–' };

/** Cells the tables found should have had but that were not read. */
export function cellsNotRead(r) {
  return (r?.table_info ?? []).reduce((n, i) => n + Math.max(0, (i.cells_expected | 0) - (i.cells_read | 0)), 0);
}

/**
 * What an incomplete check lacks, in plain words (“未能完整读取：N 个单元格未读出”), or
 * “未找到统计表” when nothing was recognised; the same words in the verdict, the copied
 * summary and print.
 */
function incompleteText(r, t) {
  if (!r.recognised) return t.notRecognised;
  const parts = [];
  const n = cellsNotRead(r);
  if (n > 0) parts.push(t.cellsNotRead(n));
  const missing = (r.table_info ?? []).filter((i) => !i.found).map((i) => t.tableNames[i.table] ?? i.table);
  if (missing.length) parts.push(t.tablesNotFound(missing));
  if (!parts.length) {
    const m = (r.checks ?? []).filter((c) => c.status === 'cannot_check' && c.severity === 'error').length;
    parts.push(t.checksNotRun(m));
  }
  return t.incomplete(parts);
}

/** ✓ only for a table found and read completely. */
function tableMark(info, t) {
  if (!info?.found) return `✗ ${t.notFound}`;
  if ((info.cells_read | 0) < (info.cells_expected | 0)) return `◐ ${t.readPartly} ${info.cells_read}/${info.cells_expected}`;
  return '✓';
}

async function decodeFile(file) {
  const buf = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    return new TextDecoder('gb18030').decode(buf);     // many official files are GBK
  }
}

export class GoujiChecker extends HTMLElement {
  static observedAttributes = ['lang'];

  #root;
  #els = {};
  #report = null;
  #rules = new Map();
  #mode = 'text';          // 'text': check(textarea) | 'grid': checkGrid(#grids)
  #grids = null;
  #checkedText = '';
  #encoded = null;
  #selected = -1;
  #timer = 0;
  #ready = false;
  #statusKey = null;       // [key, ...args] of the current status line, re-rendered on lang change
  #statusBad = false;
  #trapNext = false;
  lastTiming = { check: 0, render: 0 };

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styleSheet()];
    this.#build();
  }

  get #lang() { return normLang(this.getAttribute('lang') || document.documentElement.lang); }
  get #t() { return strings(this.#lang); }

  /** The text in the input box. Setting it checks at once (text mode). */
  get value() { return this.#els.ta.value; }
  set value(v) {
    this.#els.ta.value = String(v ?? '');
    this.#mode = 'text';
    this.#grids = null;
    this.#setStatus(null);
    this.#runNow();
  }

  /** The last report (or null). */
  get report() { return this.#report; }

  connectedCallback() {
    if (this.#ready) return;
    this.#setStatus(['loading']);
    init()
      .then(() => {
        this.#ready = true;
        try {
          for (const r of rules()) this.#rules.set(r.id, r);
        } catch { /* catalogue is optional for rendering */ }
        this.setAttribute('data-ready', '');
        if (this.#statusKey?.[0] === 'loading') this.#setStatus(null);
        this.dispatchEvent(new CustomEvent('ready', { bubbles: true, composed: true }));
        this.#runNow();
      })
      .catch((e) => {
        this.setAttribute('data-failed', '');
        this.#setStatus(['loadFailed', String(e?.message ?? e)], true);
      });
  }

  attributeChangedCallback() {
    this.#renderChrome();
    this.#renderReport();
  }

  /** Checks the current input now and returns the report (null when nothing was checked). */
  check() { return this.#runNow(); }

  /** Loads the built-in example report (a fictional agency, one deliberate error). */
  async loadExample() {
    let text = globalThis.__GOUJI_EXAMPLE__;
    if (typeof text !== 'string') {
      const res = await fetch(new URL('example.txt', import.meta.url));
      text = await res.text();
    }
    this.value = text;
    this.#setStatus(['exampleLoaded']);
  }

  /** Opens a File (.txt .md .html .htm): HTML goes through the same grid path as a paste. */
  async openFile(file) {
    if (!FILE_TYPES.test(file.name)) { this.#setStatus(['fileType', file.name], true); return; }
    if (file.size > MAX_CHARS * 4) { this.#refuseBig(file.size); return; }
    let text;
    try {
      text = await decodeFile(file);
      if (text.length > MAX_CHARS && !/\.html?$/i.test(file.name)) { this.#refuseBig(text.length); return; }
    } catch {
      this.#setStatus(['fileFailed', file.name], true);
      return;
    }
    const markup = /\.html?$/i.test(file.name) ? null : tableMarkup(text);
    if (/\.html?$/i.test(file.name) || markup) {
      this.#takeHtml(markup?.html ?? text, null);
    } else {
      this.#els.ta.value = text;
      this.#mode = 'text';
      this.#grids = null;
      this.#runNow();
    }
    if (!this.#statusBad) this.#setStatus(['fileRead', file.name]);
  }

  // ---------------------------------------------------------------- building the DOM

  #build() {
    const e = this.#els;
    e.label = h('label', { class: 'main', for: 'ta', id: 'ta-label' });
    e.open = h('button', { type: 'button', id: 'open' });
    e.file = h('input', { type: 'file', hidden: true, tabindex: '-1', 'aria-hidden': 'true',
      accept: '.txt,.md,.markdown,.html,.htm,text/plain,text/html,text/markdown' });
    e.example = h('button', { type: 'button', id: 'example' });
    e.clear = h('button', { type: 'button', id: 'clear' });
    e.ta = h('textarea', { id: 'ta', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
      'aria-describedby': 'hint status', 'data-testid': 'input' });
    e.hint = h('span', {});
    e.privacy = h('span', { class: 'privacy' });
    e.status = h('p', { id: 'status', class: 'status', role: 'status', 'aria-live': 'polite' });
    const input = h('section', { class: 'in', part: 'input' },
      e.label,
      e.ta,
      h('div', { class: 'toolbar' }, e.open, e.example, e.clear, e.file),
      h('p', { id: 'hint', class: 'hint' }, e.hint, ' ', e.privacy),
      e.status);

    e.verdict = h('div', { class: 'verdict', part: 'verdict', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'verdict' });
    e.exportJson = h('button', { type: 'button', id: 'export' });
    e.copy = h('button', { type: 'button', id: 'copy' });
    e.print = h('button', { type: 'button', id: 'print' });
    e.actions = h('div', { class: 'actions' }, e.exportJson, e.copy, e.print);
    e.partial = h('p', { class: 'partial', hidden: true });
    e.notesH = h('h2', { id: 'notes-h' });
    e.notes = h('ul', { class: 'notes' });
    e.notesSec = h('section', { 'aria-labelledby': 'notes-h', hidden: true }, e.notesH, e.notes);
    e.findingsH = h('h2', { id: 'findings-h' });
    e.findings = h('ol', { class: 'findings', 'data-testid': 'findings' });
    e.inspector = h('section', { class: 'inspector', part: 'inspector', 'aria-labelledby': 'insp-h', hidden: true, tabindex: '-1', 'data-testid': 'inspector' });
    e.findingsSec = h('section', { 'aria-labelledby': 'findings-h' }, e.findingsH, e.findings, e.inspector);
    e.tablesH = h('h2', { id: 'tables-h' });
    e.tables = h('div', { class: 'tables' });
    e.tablesSec = h('section', { 'aria-labelledby': 'tables-h' }, e.tablesH, e.tables);
    e.checksH = h('h2', { id: 'checks-h' });
    e.checksSummary = h('p', { class: 'small', 'data-testid': 'checks-summary' });
    e.checks = h('div', { class: 'checks', 'data-testid': 'checks' });
    e.checksSec = h('section', { 'aria-labelledby': 'checks-h' }, e.checksH, e.checksSummary, e.checks);
    e.result = h('section', { class: 'out', part: 'result', 'aria-label': 'result' },
      e.verdict, e.actions, e.partial, e.findingsSec, e.notesSec, e.tablesSec, e.checksSec);
    e.copyBuf = h('textarea', { class: 'sr', 'aria-hidden': 'true', tabindex: '-1', readonly: true });
    this.#root.append(h('div', { class: 'gj', part: 'root' }, input, e.result, e.copyBuf));

    e.open.addEventListener('click', () => e.file.click());
    e.file.addEventListener('change', () => {
      const f = e.file.files?.[0];
      if (f) this.openFile(f);
      e.file.value = '';
    });
    e.example.addEventListener('click', () => this.loadExample().catch((err) => this.#setStatus(['fileFailed', String(err)], true)));
    e.clear.addEventListener('click', () => { this.value = ''; e.ta.focus(); });
    e.ta.addEventListener('input', () => {
      this.#mode = 'text';
      this.#grids = null;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#runNow(), DEBOUNCE_MS);
    });
    e.ta.addEventListener('paste', (ev) => this.#onPaste(ev));
    for (const target of [e.ta]) {
      target.addEventListener('dragover', (ev) => {
        if (ev.dataTransfer?.types?.includes('Files')) { ev.preventDefault(); e.ta.classList.add('drop'); }
      });
      target.addEventListener('dragleave', () => e.ta.classList.remove('drop'));
      target.addEventListener('drop', (ev) => {
        e.ta.classList.remove('drop');
        const f = ev.dataTransfer?.files?.[0];
        if (f) { ev.preventDefault(); this.openFile(f); }
      });
    }
    e.exportJson.addEventListener('click', () => this.#exportJson());
    e.copy.addEventListener('click', () => this.#copySummary());
    e.print.addEventListener('click', () => window.print());
    this.#renderChrome();
    this.#renderReport();
  }

  #renderChrome() {
    const t = this.#t, e = this.#els;
    e.label.textContent = t.inputLabel;
    e.open.textContent = t.open;
    e.example.textContent = t.example;
    e.clear.textContent = t.clear;
    e.hint.textContent = t.inputHint;
    e.privacy.textContent = t.privacy;
    e.exportJson.textContent = t.exportJson;
    e.copy.textContent = t.copySummary;
    e.print.textContent = t.print;
    e.notesH.textContent = t.notes;
    e.findingsH.textContent = t.findings;
    e.tablesH.textContent = t.tables;
    e.checksH.textContent = t.checks;
    e.result.setAttribute('aria-label', this.#lang === 'en' ? 'Result' : '检查结果');
    this.#renderStatus();
  }

  #setStatus(keyArgs, bad = false) {
    this.#statusKey = keyArgs;
    this.#statusBad = bad;
    this.#renderStatus();
  }

  #renderStatus() {
    const s = this.#els.status;
    if (!this.#statusKey) { s.textContent = ''; s.classList.remove('bad'); return; }
    const [k, ...args] = this.#statusKey;
    const v = this.#t[k];
    s.textContent = typeof v === 'function' ? v(...args) : args.length ? `${v}${args.join(' ')}` : v;
    s.classList.toggle('bad', this.#statusBad);
  }

  // ---------------------------------------------------------------- input

  #insertText(text) {
    const ta = this.#els.ta;
    const start = ta.selectionStart ?? ta.value.length;
    const end = ta.selectionEnd ?? start;
    ta.setRangeText(text, start, end, 'end');
    return start === 0 && end >= 0 && ta.value.length === text.length; // the paste is the whole input
  }

  #onPaste(ev) {
    const dt = ev.clipboardData;
    if (!dt) return;
    const html = dt.getData('text/html');
    const plain = dt.getData('text/plain');
    ev.preventDefault();
    // Refuse huge pastes before they reach the textarea: laying out megabytes of CJK text
    // alone blocks the page for seconds. The box keeps what it had.
    const size = Math.max(plain.length, html && !plain ? html.length : 0);
    if (size > MAX_CHARS) { this.#refuseBig(size); return; }
    if (html && /<table/i.test(html)) {
      this.#takeHtml(html, plain);
      return;
    }
    // plain text that is really HTML (a page's source, or its HTML in a script/JSON string)
    const markup = plain ? tableMarkup(plain) : null;
    if (markup) {
      this.#takeHtml(markup.html, textFromHtml(markup.html), 'fromSource');
      return;
    }
    this.#insertText(plain || (html ? textFromHtml(html) : ''));
    this.#mode = 'text';
    this.#grids = null;
    this.#setStatus(null);
    this.#runNow();
  }

  /** HTML (clipboard or file): tables → grids → checkGrid; the text goes into the box. */
  #takeHtml(html, plain, status = 'fromHtml') {
    let grids = [];
    try {
      grids = html.length <= MAX_CHARS * 4 ? gridsFromHtml(html) : [];
    } catch { grids = []; }
    const text = plain || textFromHtml(html);
    const whole = plain === null ? (this.#els.ta.value = text, true) : this.#insertText(text);
    if (grids.length && whole) {
      this.#mode = 'grid';
      this.#grids = grids;
      this.#setStatus([status, grids.length]);
    } else {
      this.#mode = 'text';
      this.#grids = null;
      this.#setStatus(null);
    }
    this.#runNow();
  }

  #refuseBig(size) {
    this.#setStatus(['tooBig', (size / 1048576).toFixed(1), MAX_CHARS / 1048576], true);
    this.setAttribute('data-state', 'too-big');
  }

  // ---------------------------------------------------------------- checking

  #runNow() {
    clearTimeout(this.#timer);
    if (!this.#ready) return null;
    const text = this.#els.ta.value;
    if (text.length > MAX_CHARS) {
      this.#report = null;
      this.#setStatus(['tooBig', (text.length / 1048576).toFixed(1), MAX_CHARS / 1048576], true);
      this.setAttribute('data-state', 'too-big');
      this.#renderReport();
      return null;
    }
    if (['tooBig', 'trapped', 'engineError'].includes(this.#statusKey?.[0])) this.#setStatus(null);
    if (text.trim() === '' && this.#mode === 'text') {
      this.#report = null;
      this.setAttribute('data-state', 'empty');
      this.#renderReport();
      return null;
    }
    const t0 = performance.now();
    let report;
    try {
      if (this.#trapNext) { this.#trapNext = false; __trapForTest(); }
      report = this.#mode === 'grid' && this.#grids ? checkGrid(this.#grids) : check(text);
    } catch (e) {
      this.#report = null;
      if (e instanceof EngineTrapped) {
        this.#setStatus([e.reloaded ? 'trapped' : 'reloadFailed'], true);
        this.setAttribute('data-state', 'trapped');
      } else {
        this.#setStatus(['engineError', String(e?.message ?? e)], true);
        this.setAttribute('data-state', 'error');
      }
      this.#renderReport();
      return null;
    }
    const t1 = performance.now();
    this.#checkedText = this.#mode === 'grid' ? '' : text;
    this.#encoded = null;
    this.#report = report;
    this.#selected = -1;
    this.#renderReport();
    const t2 = performance.now();
    this.lastTiming = { check: t1 - t0, render: t2 - t1 };
    this.setAttribute('data-state', 'checked');
    this.dispatchEvent(new CustomEvent('report', { detail: report, bubbles: true, composed: true }));
    return report;
  }

  /** Test hook: the next check traps the engine, as an engine bug would. */
  __simulateTrap() {
    this.#trapNext = true;
    return this.#runNow();
  }

  // ---------------------------------------------------------------- spans

  /** UTF-8 byte offset in the checked text → UTF-16 offset in the textarea. */
  #utf16(byteOffset) {
    this.#encoded ??= new TextEncoder().encode(this.#checkedText);
    return new TextDecoder().decode(this.#encoded.subarray(0, byteOffset)).length;
  }

  #selectSpan(span, focus) {
    if (!span || this.#mode === 'grid' || this.#checkedText !== this.#els.ta.value) return false;
    const ta = this.#els.ta;
    const a = this.#utf16(span.start), b = this.#utf16(span.end);
    if (focus) ta.focus({ preventScroll: true });
    ta.setSelectionRange(a, b);
    // scroll the box so the line is visible
    const lh = parseFloat(getComputedStyle(ta).lineHeight) || 18;
    ta.scrollTop = Math.max(0, (span.line - 3) * lh);
    if (focus) ta.scrollIntoView({ block: 'nearest' });
    return true;
  }

  // ---------------------------------------------------------------- rendering

  #renderReport() {
    const r = this.#report, t = this.#t, e = this.#els;
    const lang = this.#lang;
    e.verdict.replaceChildren();
    e.verdict.removeAttribute('data-verdict');
    const has = !!r;
    for (const el of [e.actions, e.findingsSec, e.tablesSec, e.checksSec]) el.hidden = !has || !r.recognised;
    e.partial.hidden = true;
    e.notesSec.hidden = true;
    e.inspector.hidden = true;
    if (!r) {
      // with an error status (too big, trapped, failed) the status line says it all
      e.verdict.append(h('span', { class: 'meta' }, t.empty));
      e.verdict.hidden = this.#statusBad || this.#els.ta.value.trim() !== '';
      return;
    }
    e.verdict.hidden = false;
    e.actions.hidden = false;
    this.#renderVerdict(r);
    e.partial.hidden = !(r.partial && r.recognised);
    e.partial.textContent = t.partial;
    this.#renderNotes(r);
    if (!r.recognised) return;
    this.#renderFindings(r);
    this.#renderTables(r);
    this.#renderChecks(r);
    if (this.#selected >= 0) this.#select(this.#selected, false);
  }

  #renderVerdict(r) {
    const t = this.#t, e = this.#els, s = r.summary;
    if (!r.recognised) {
      e.verdict.setAttribute('data-verdict', 'none');
      e.verdict.append(h('span', { class: 'big' }, t.notRecognised), h('p', { class: 'meta' }, t.notRecognisedHelp));
      return;
    }
    // A check that could not read everything never looks like a pass: "通过" only when the
    // report is complete; otherwise the verdict line itself says what is missing.
    const incomplete = r.partial ? incompleteText(r, t) : null;
    const v = s.errors > 0 ? 'fail' : incomplete ? 'partial' : s.warnings > 0 ? 'warn' : 'pass';
    e.verdict.setAttribute('data-verdict', v);
    const counts = h('span', { class: 'counts' });
    if (s.errors > 0) counts.append(h('span', { class: 'big', 'data-testid': 'verdict-main' }, t.errors(s.errors)));
    else counts.append(h('span', { class: 'big', 'data-testid': 'verdict-main' }, incomplete ?? t.pass));
    if (s.errors > 0 && incomplete) counts.append(h('span', { class: 'incomplete', 'data-testid': 'verdict-incomplete' }, incomplete));
    if (s.warnings > 0) counts.append(h('span', { class: 'sev-warning' }, t.warnings(s.warnings)));
    if (s.infos > 0) counts.append(h('span', { class: 'sev-info' }, t.infos(s.infos)));
    const fmtName = r.format === '2021' ? t.format2021 : r.format === '2019' ? t.format2019 : t.formatUnknown;
    const tables = ['active', 'applications', 'review'].map((id) => {
      const info = r.table_info.find((x) => x.table === id);
      return `${t.tableNames[id]} ${tableMark(info, t)}`;
    });
    const meta = h('p', { class: 'meta', 'data-testid': 'verdict-meta' },
      r.title ? h('strong', {}, r.title) : null, r.title ? h('br') : null,
      `${t.format}${t.colon}${fmtName} · ${t.year}${t.colon}${r.year ?? '—'} · ${t.checksSummary(s)}`, h('br'),
      `${t.tablesFound}${t.colon}${tables.join('　')}`);
    e.verdict.append(counts, meta);
  }

  #renderNotes(r) {
    const e = this.#els;
    e.notes.replaceChildren();
    for (const n of r.notes ?? []) {
      const li = h('li', {},
        h('span', { class: `badge sev-${n.severity}` }, this.#t.severity[n.severity] ?? n.severity),
        msg(n.message, this.#lang),
        n.span ? h('span', { class: 'small' }, ` (${this.#t.line(n.span.line)})`) : null);
      e.notes.append(li);
    }
    e.notesSec.hidden = e.notes.childElementCount === 0;
  }

  #renderFindings(r) {
    const t = this.#t, e = this.#els, lang = this.#lang;
    e.findings.replaceChildren();
    const order = r.findings.map((f, i) => i)
      .sort((a, b) => (r.findings[a].status === 'fail' ? 0 : 1) - (r.findings[b].status === 'fail' ? 0 : 1));
    if (r.findings.length === 0) {
      e.findings.append(h('li', { class: 'small' }, t.noFindings));
      return;
    }
    for (const i of order) {
      const f = r.findings[i];
      const btn = h('button', {
        type: 'button', class: 'finding', part: 'finding', 'aria-pressed': 'false',
        'data-index': i, 'data-rule': f.rule, 'data-status': f.status,
      },
      h('span', { class: `badge sev-${f.severity}` }, `${t.severity[f.severity] ?? f.severity}`),
      h('strong', {}, `${f.rule} · ${f.instance}`), ' ',
      msg(f.message, lang),
      f.span ? h('span', { class: 'where' }, t.line(f.span.line)) : null);
      btn.addEventListener('click', () => this.#select(i, true));
      e.findings.append(h('li', {}, btn));
    }
  }

  #select(i, user) {
    const r = this.#report;
    if (!r || !r.findings[i]) return;
    this.#selected = i;
    const f = r.findings[i];
    for (const b of this.#els.findings.querySelectorAll('button.finding')) {
      b.setAttribute('aria-pressed', String(Number(b.dataset.index) === i));
    }
    const keys = new Set(f.cells.map(key));
    for (const td of this.#els.tables.querySelectorAll('td[data-key]')) {
      td.classList.toggle('sel', keys.has(td.dataset.key));
    }
    this.#renderInspector(f);
    if (user) this.#selectSpan(f.span ?? this.#cellSpan(f.suspects[0]), false);
  }

  #cellSpan(ref) {
    if (!ref || !this.#report) return null;
    const c = this.#report.tables[ref.table]?.find((x) => x.row === ref.row && x.column === ref.column);
    return c?.span ?? null;
  }

  #renderInspector(f) {
    const t = this.#t, lang = this.#lang, e = this.#els;
    const info = this.#rules.get(f.rule);
    const suspects = new Set(f.suspects.map(key));
    const ops = h('table', { class: 'ops' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.cell), h('th', { scope: 'col' }, t.value))),
      h('tbody', {}, f.operands.map((o) => h('tr', { class: suspects.has(key(o)) ? 'suspect' : null },
        h('td', {}, `${t.tableNames[o.table] ? '' : ''}${cellLabel(o, lang)}${suspects.has(key(o)) ? ' ⚠' : ''}`),
        h('td', { class: 'num' }, fmt(o.value), o.assumed ? h('span', { class: 'small' }, ` (${t.assumed}: ${o.assumed})`) : null)))));
    const span = f.span ?? this.#cellSpan(f.suspects[0]);
    const show = h('button', { type: 'button', class: 'show' }, t.showInText);
    show.disabled = !span || this.#mode === 'grid';
    show.addEventListener('click', () => this.#selectSpan(span, true));
    e.inspector.replaceChildren(
      h('h3', { id: 'insp-h' }, `${t.inspector}${t.colon}${f.rule} · ${f.instance} `, h('span', { class: `badge sev-${f.severity}` }, t.severity[f.severity] ?? f.severity), h('span', { class: 'badge' }, t.status[f.status] ?? f.status), h('span', { class: 'small' }, f.code)),
      h('p', {}, msg(f.message, lang)),
      h('p', { class: 'formula' }, `${t.formula}${t.colon}`, msg(f.formula, lang)),
      h('dl', {},
        h('dt', {}, t.reported), h('dd', { 'data-testid': 'actual' }, fmt(f.actual)),
        h('dt', {}, t.computed), h('dd', { 'data-testid': 'expected' }, fmt(f.expected)),
        h('dt', {}, t.difference), h('dd', { 'data-testid': 'difference' }, fmt(f.difference)),
        h('dt', {}, t.suspect), h('dd', { 'data-testid': 'suspects' }, f.suspects.length ? f.suspects.map((s) => cellLabel(s, lang)).join('；') : '—')),
      h('h4', {}, t.operands),
      h('div', { class: 'scroll' }, ops),
      info?.official ? h('div', {}, h('h4', {}, t.official), h('blockquote', { lang: 'zh-CN' }, info.official)) : null,
      info?.description ? h('p', { class: 'small' }, `${t.description}${t.colon}`, msg(info.description, lang)) : null,
      span || this.#mode === 'grid' ? h('p', {}, show, this.#mode === 'grid' ? h('span', { class: 'small' }, ` ${t.noSpan}`) : null) : null);
    e.inspector.hidden = false;
  }

  // ---------------------------------------------------------------- the three tables

  #index(r) {
    const cells = new Map();
    for (const id of ['active', 'applications', 'review']) for (const c of r.tables[id] ?? []) cells.set(key(c), c);
    const inFindings = new Map();   // key → [finding index]
    const suspect = new Set();
    r.findings.forEach((f, i) => {
      for (const c of f.cells) {
        const k = key(c);
        if (!inFindings.has(k)) inFindings.set(k, []);
        inFindings.get(k).push(i);
      }
      if (f.status === 'fail') for (const s of f.suspects) suspect.add(key(s));
    });
    return { cells, inFindings, suspect, used: new Set() };
  }

  #td(ix, ref, extra = {}) {
    const r = this.#report, t = this.#t;
    const k = key(ref);
    ix.used.add(k);
    const c = ix.cells.get(k);
    const td = h('td', { part: 'cell', 'data-key': k, 'data-table': ref.table, 'data-row': ref.row, 'data-column': ref.column, 'data-read': c?.read ?? 'missing', ...extra });
    const tips = [cellLabel(ref, this.#lang)];
    if (!c || c.read === 'missing') {
      td.classList.add('missing');
      tips.push(t.cellMissing);
    } else if (c.read === 'blank') {
      td.classList.add('blank');
      tips.push(t.cellBlank);
    } else {
      td.append(c.value !== null && c.read !== 'dash_zero' ? String(c.value) : c.raw);
      // how the number was read (split from glued digits, one digit per cell, …), so a user
      // can tell the report's error from the reader's
      if (c.read !== 'number') tips.push(t.readHow[c.read] ?? c.read);
      if (c.annotation) td.append(h('span', { class: 'annot' }, c.annotation));
      if (c.line) tips.push(t.line(c.line));
    }
    const fs = ix.inFindings.get(k) ?? [];
    let status = null;
    for (const i of fs) {
      const f = r.findings[i];
      tips.push(`${f.rule} ${f.instance}: ${t.status[f.status] ?? f.status}`);
      if (f.status === 'fail') status = f.severity === 'error' || status === 'fail' ? 'fail' : (status ?? 'warn');
    }
    if (status) td.setAttribute('data-status', status);
    if (ix.suspect.has(k)) td.classList.add('suspect');
    if (fs.length) {
      td.setAttribute('tabindex', '0');
      const go = () => {
        const first = fs.find((i) => r.findings[i].status === 'fail') ?? fs[0];
        this.#select(first, true);
        this.#els.inspector.focus({ preventScroll: false });
      };
      td.addEventListener('click', go);
      td.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); go(); } });
    }
    td.title = tips.join('\n');
    td.setAttribute('aria-label', `${td.textContent || (c?.read === 'blank' ? t.cellBlank : t.cellMissing)}; ${tips.join('; ')}`);
    return td;
  }

  #tableBox(id, info, table) {
    const t = this.#t;
    const head = h('h3', { id: `t-${id}` }, t.tableNames[id],
      info ? h('span', { class: 'small', 'data-complete': String(!!info.found && info.cells_read >= info.cells_expected) }, info.found ? `　${info.cells_read < info.cells_expected ? t.readPartly : t.found}${info.line ? ` · ${t.line(info.line)}` : ''} · ${info.cells_read}/${info.cells_expected}` : `　${t.notFound}`) : h('span', { class: 'small' }, `　${t.notFound}`));
    const box = h('div', { class: 'tbl', 'data-table': id }, head);
    if (table) {
      table.setAttribute('part', 'table');
      table.setAttribute('aria-labelledby', `t-${id}`);
      box.append(h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': `t-${id}` }, table));
    }
    return box;
  }

  #renderTables(r) {
    const ix = this.#index(r);
    const lang = this.#lang, t = this.#t, e = this.#els;
    e.tables.replaceChildren();
    const info = (id) => r.table_info.find((x) => x.table === id);
    const fmt2 = (id) => {
      const f = info(id)?.format ?? r.format;
      if (f === '2019' || f === '2021') return f;
      return info('applications')?.rows?.includes('OTHER') ? '2019' : '2021';
    };

    // Table 2
    const t2i = info('active');
    let t2 = null;
    if (t2i?.found || (r.tables.active ?? []).length) {
      t2 = h('table', { class: 'form' });
      const body = h('tbody');
      for (const b of T2_BLOCKS[fmt2('active')]) {
        const width = 4;
        body.append(h('tr', {}, h('th', { class: 'caption', colspan: width, scope: 'colgroup' }, b.caption)));
        const span = Math.max(1, Math.floor(3 / b.columns.length));
        body.append(h('tr', {}, h('th', { scope: 'col' }, t.infoContent),
          b.columns.map((c, j) => h('th', { scope: 'col', colspan: j === b.columns.length - 1 ? width - 1 - span * j : span }, colLabel('active', c, lang)))));
        for (const row of b.rows) {
          body.append(h('tr', {}, h('th', { class: 'rowlabel', scope: 'row' }, rowLabel('active', row, lang)),
            b.columns.map((c, j) => this.#td(ix, { table: 'active', row, column: c },
              { colspan: j === b.columns.length - 1 ? width - 1 - span * j : span }))));
        }
      }
      t2.append(body);
    }
    e.tables.append(this.#tableBox('active', t2i, t2));

    // Table 3
    const t3i = info('applications');
    let t3 = null;
    if (t3i?.found || (r.tables.applications ?? []).length) {
      const rows = T3_ROWS[fmt2('applications')];
      t3 = h('table', { class: 'form' });
      t3.append(h('thead', {},
        h('tr', {}, h('th', { colspan: 3, rowspan: 3, class: 'small' }, pick([T3_CORNER.zh, T3_CORNER.en], lang)),
          h('th', { colspan: 7, scope: 'colgroup' }, pick(T3_HEAD.applicants, lang))),
        h('tr', {}, h('th', { rowspan: 2, scope: 'col' }, colLabel('applications', 'NP', lang)),
          h('th', { colspan: 5, scope: 'colgroup' }, pick(T3_HEAD.legal, lang)),
          h('th', { rowspan: 2, scope: 'col' }, colLabel('applications', 'TOT', lang))),
        h('tr', {}, ['BE', 'RI', 'PW', 'LS', 'OT'].map((c) => h('th', { scope: 'col' }, colLabel('applications', c, lang))))));
      const body = h('tbody');
      const outcomes = rows.filter((k) => !['NEW', 'CARRY_IN', 'CARRY_OUT'].includes(k));
      for (const row of rows) {
        const tr = h('tr', { 'data-row': row });
        if (['NEW', 'CARRY_IN', 'CARRY_OUT'].includes(row)) {
          tr.append(h('th', { colspan: 3, scope: 'row', class: 'rowlabel' }, rowLabel('applications', row, lang)));
        } else {
          if (row === outcomes[0]) tr.append(h('th', { rowspan: outcomes.length, class: 'rowlabel' }, lang === 'en' ? T3_OUTCOME_EN : T3_OUTCOME_ZH));
          const g = T3_GROUPS.find((gr) => gr.rows.includes(row));
          if (g) {
            if (g.rows[0] === row) tr.append(h('th', { rowspan: g.rows.length, class: 'rowlabel' }, lang === 'en' ? g.en : g.zh));
            tr.append(h('th', { scope: 'row', class: 'rowlabel' }, rowLabel('applications', row, lang)));
          } else {
            tr.append(h('th', { colspan: 2, scope: 'row', class: 'rowlabel' }, rowLabel('applications', row, lang)));
          }
        }
        for (const c of T3_COLUMNS) tr.append(this.#td(ix, { table: 'applications', row, column: c }));
        body.append(tr);
      }
      t3.append(body);
    }
    e.tables.append(this.#tableBox('applications', t3i, t3));

    // Table 4
    const t4i = info('review');
    let t4 = null;
    if (t4i?.found || (r.tables.review ?? []).length) {
      const col = (c) => colLabel('review', c, lang);
      t4 = h('table', { class: 'form' },
        h('thead', {},
          h('tr', {}, h('th', { colspan: 5, scope: 'colgroup' }, rowLabel('review', 'REV', lang)), h('th', { colspan: 10, scope: 'colgroup' }, pick(T4_LIT, lang))),
          h('tr', {}, T4_COLUMNS.map((c) => h('th', { rowspan: 2, scope: 'col' }, col(c))),
            h('th', { colspan: 5, scope: 'colgroup' }, rowLabel('review', 'LIT_DIRECT', lang)),
            h('th', { colspan: 5, scope: 'colgroup' }, rowLabel('review', 'LIT_AFTER', lang))),
          h('tr', {}, [...T4_COLUMNS, ...T4_COLUMNS].map((c) => h('th', { scope: 'col' }, col(c))))),
        h('tbody', {}, h('tr', {}, T4_ROWS.flatMap((row) => T4_COLUMNS.map((c) => this.#td(ix, { table: 'review', row, column: c }))))));
    }
    e.tables.append(this.#tableBox('review', t4i, t4));

    // Anything the engine read that the official layout above has no place for.
    const rest = [...ix.cells.values()].filter((c) => !ix.used.has(key(c)));
    if (rest.length) {
      const tb = h('table', { class: 'form' }, h('tbody', {}, rest.map((c) => h('tr', {},
        h('th', { scope: 'row', class: 'rowlabel' }, `${t.tableNames[c.table]} · ${cellLabel(c, lang)}`),
        this.#td(ix, c)))));
      e.tables.append(h('div', { class: 'tbl' }, h('h3', {}, t.otherCells), h('div', { class: 'scroll' }, tb)));
    }
  }

  #renderChecks(r) {
    const t = this.#t, e = this.#els, lang = this.#lang;
    e.checksSummary.textContent = t.checksSummary(r.summary);
    const byRule = new Map();
    for (const c of r.checks) {
      if (!byRule.has(c.rule)) byRule.set(c.rule, []);
      byRule.get(c.rule).push(c);
    }
    const tbody = h('tbody');
    for (const [rule, list] of byRule) {
      const info = this.#rules.get(rule);
      tbody.append(h('tr', { 'data-rule': rule },
        h('th', { scope: 'row' }, rule, h('br'), h('span', { class: `badge sev-${list[0].severity}` }, t.severity[list[0].severity] ?? list[0].severity)),
        h('td', {}, info ? msg(info.description, lang) || msg(info.formula, lang) : '', info?.formula ? h('div', { class: 'small' }, msg(info.formula, lang)) : null),
        h('td', {}, h('div', { class: 'chips' }, list.map((c) => {
          const label = `${c.instance} ${t.status[c.status] ?? c.status}${c.reason ? `: ${msg(c.reason, lang)}` : ''}`;
          return h('span', { class: 'chip', 'data-status': c.status, title: label, 'aria-label': label, role: 'img' },
            `${c.instance} ${STATUS_MARK[c.status] ?? ''}`);
        })))));
    }
    e.checks.replaceChildren(h('div', { class: 'scroll' }, h('table', { class: 'checks' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.rule), h('th', { scope: 'col' }, t.description), h('th', { scope: 'col' }, t.instances))),
      tbody)));
  }

  // ---------------------------------------------------------------- export

  #exportJson() {
    const r = this.#report;
    if (!r) return;
    const json = JSON.stringify(r, (k, v) => (typeof v === 'bigint' ? Number(v) : v), 2);
    const blob = new Blob([json], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = h('a', { href: url, download: `gouji-${r.year ?? 'report'}.json`, hidden: true });
    this.#root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** Plain-text summary of the last report (engine wording only). */
  summaryText() {
    const r = this.#report, t = this.#t, lang = this.#lang;
    if (!r) return '';
    const s = r.summary;
    const lines = [];
    if (r.title) lines.push(r.title);
    const incomplete = r.partial || !r.recognised ? incompleteText(r, t) : null;
    lines.push(r.recognised
      ? [s.errors > 0 ? t.errors(s.errors) : incomplete ?? t.pass, s.errors > 0 ? incomplete : '', s.warnings ? t.warnings(s.warnings) : '', s.infos ? t.infos(s.infos) : ''].filter(Boolean).join(' · ')
      : t.notRecognised);
    if (r.recognised) {
      lines.push(`${t.tablesFound}${t.colon}${['active', 'applications', 'review'].map((id) => `${t.tableNames[id]} ${tableMark(r.table_info.find((x) => x.table === id), t)}`).join('　')}`);
    }
    lines.push(`${t.format}${t.colon}${r.format ?? t.formatUnknown} · ${t.year}${t.colon}${r.year ?? '—'}`);
    lines.push(t.checksSummary(s));
    for (const f of r.findings) {
      lines.push(`[${t.severity[f.severity] ?? f.severity}/${t.status[f.status] ?? f.status}] ${f.rule} ${f.instance}: ${msg(f.message, lang)}`);
    }
    for (const n of r.notes ?? []) lines.push(`[${t.notes}] ${msg(n.message, lang)}`);
    lines.push(`— ${r.engine}`);
    return lines.join('\n');
  }

  async #copySummary() {
    const text = this.summaryText();
    try {
      await navigator.clipboard.writeText(text);
      this.#setStatus(['copied']);
    } catch {
      const buf = this.#els.copyBuf;
      buf.value = text;
      buf.select();
      let ok = false;
      try { ok = document.execCommand('copy'); } catch { ok = false; }
      this.#setStatus([ok ? 'copied' : 'copyFailed'], !ok);
    }
  }
}
