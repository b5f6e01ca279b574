// <gouji-checker lang="zh|en" theme="light|dark">: paste a report, see where its tables do
// not reconcile. Documented in docs/embed.md (attributes, properties, events, parts, the
// custom properties that colour it).
//
// Everything from the report or the user is rendered with textContent / attributes only,
// never as HTML. Clipboard and file HTML goes through DOMParser (inert) and only string
// grids reach the engine. Every number, label and sentence about the report comes from
// the engine (check(), rules(), forms()); this file only lays them out.
import { init, check, checkGrid, rules, forms, EngineTrapped } from './gouji.js';
import { gridsFromHtml, textFromHtml, tableMarkup } from './grid.js';
import { strings, msg, normLang } from './i18n.js';
import css from './checker-css.js';
import { flowSection, flowCss } from './flow.js';
import { h, copyBySelection } from './dom.js';
import { decodeText } from './text-file.js';

/** Larger inputs are refused with a message (the text is kept). */
export const MAX_CHARS = 2 * 1024 * 1024;
const DEBOUNCE_MS = 150;
const FILE_TYPES = /\.(txt|text|md|markdown|html?|tsv|csv)$/i;
/** Below this width (of the element) a checked paste folds the input away: verdict first. */
const NARROW_PX = 600;

let sheet = null;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css + flowCss);
  }
  return sheet;
}


const key = (r) => `${r.table}|${r.row}|${r.column}`;
const has = (v) => v !== null && v !== undefined;
const fmt = (v) => (has(v) ? String(v) : '—');
const STATUS_MARK = { pass: '✓', fail: '✗', cannot_check: '?', not_applicable: '–' };
const TABLES = ['active', 'applications', 'review'];
/** The rules that compare this year's report with last year's: the engine's catalogue marks
 *  them by their stable code ("XY-…"); read once the engine has loaded. */
let crossYear = null;
const isCrossYear = (rule) => {
  crossYear ??= new Set(rules().filter((r) => r.code.startsWith('XY-')).map((r) => r.id));
  return crossYear.has(rule);
};

// ---------------------------------------------------------------- the engine's form labels

/** Labels of the official forms, from the engine (forms()); filled once it has loaded. */
const L = { forms: null, rows: {}, cols: {} };

function loadForms() {
  const f = forms();
  L.forms = f;
  const index = (list) => Object.fromEntries(list.map((x) => [x.key, x]));
  // Table 2's labels differ by format (AMOUNT is 收费金额 in 2021, 采购总金额 in 2019).
  L.active = Object.fromEntries(f.formats.map((fl) => [fl.format, { rows: index(fl.active_rows), cols: index(fl.active_columns) }]));
  L.rows = { applications: index(f.applications_rows), review: index(f.review_rows) };
  L.cols = { applications: index(f.applications_columns), review: index(f.review_columns) };
  setActiveFormat('2021');
  L.groups = f.applications_groups;
  L.names = Object.fromEntries(f.names.map((n) => [n.table, n.name]));
}

/** Table 2 labels follow the format of the report being drawn. */
function setActiveFormat(format) {
  const a = L.active?.[format] ?? L.active?.['2021'];
  if (a) { L.rows.active = a.rows; L.cols.active = a.cols; }
}

const pickL = (m, lang) => msg(m, lang);
const tableName = (id, lang) => (L.names?.[id] ? pickL(L.names[id], lang) : id);
const rowLabel = (table, row, lang) => (L.rows[table]?.[row] ? pickL(L.rows[table][row].label, lang) : row);
const colLabel = (table, col, lang) => (L.cols[table]?.[col] ? pickL(L.cols[table][col].label, lang) : col);
/** A cell's name in the findings' own words: "（七）总计·自然人" / "(7) total handled · natural persons". */
function cellName(ref, lang) {
  const r = L.rows[ref.table]?.[ref.row];
  const c = L.cols[ref.table]?.[ref.column];
  const en = normLang(lang) === 'en';
  return `${r ? pickL(r.short, lang) : ref.row}${en ? ' · ' : '·'}${c ? pickL(c.short, lang) : ref.column}`;
}
/** A rule instance ("NP", "DENY_1", "REV", "NP:CARRY_OUT", "T2/T3", "year") in the form's labels. */
const TABLE_OF = { T2: 'active', T3: 'applications', T4: 'review' };
function instanceLabel(inst, lang, t) {
  return String(inst).split(/[:/]/).map((part) => {
    const c = L.cols.applications?.[part];
    if (c) return pickL(c.short, lang);
    for (const tb of ['applications', 'review', 'active']) {
      const r = L.rows[tb]?.[part];
      if (r) return pickL(r.short, lang);
    }
    const table = TABLE_OF[part] ?? part;
    if (L.names?.[table]) return tableName(table, lang);
    if (part === 'year') return t.year;
    return part;
  }).join(' · ');
}

/** ✓ only for a table found and read completely. */
function tableMark(info, t) {
  if (!info?.found) return `✗ ${t.notFound}`;
  if ((info.cells_read | 0) < (info.cells_expected | 0)) return `◐ ${t.readPartly} ${info.cells_read}/${info.cells_expected}`;
  return '✓';
}

async function decodeFile(file) {
  return decodeText(await file.arrayBuffer());
}

export class GoujiChecker extends HTMLElement {
  static observedAttributes = ['lang', 'theme'];

  #root;
  #els = {};
  #report = null;
  #rules = new Map();
  #mode = 'text';          // 'text': check(textarea) | 'grid': checkGrid(#grids, textarea)
  #grids = null;
  #checkedText = '';
  #encoded = null;
  #selected = -1;
  #timer = 0;
  #ready = false;
  #statusKey = null;       // [key, ...args] of the current status line, re-rendered on lang change
  #statusBad = false;
  #foldNext = false;       // fold the input after the next check (a paste, a file, the example)
  #compared = false;       // the last report was checked against last year's report
  #input = null;           // what the last check read: { text, grids, previous }
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
    this.#foldNext = this.#els.ta.value.trim() !== '';
    this.#runNow();
  }

  /**
   * Last year's report of the same agency (the optional second box). While it holds a
   * report, every check adds the engine's cross-year checks (check(text, { previous })).
   * Setting it checks at once; "" removes it.
   */
  get previous() { return this.#els.prev.value; }
  set previous(v) {
    this.#els.prev.value = String(v ?? '');
    if (this.#els.prev.value.trim() !== '') this.#els.prevBox.open = true;
    this.#renderPrevSummary();
    this.#runNow();
  }

  /** The last report (null before the first check and when the box is empty). */
  get report() { return this.#report; }

  /**
   * What the last check read, to reproduce it elsewhere (a share link): `text` (the box; in
   * grid mode the context), `grids` (the tables read from HTML, or null for a text check),
   * `previous` ("" when none). Null when there is no report.
   */
  get checkedInput() { return this.#report ? this.#input : null; }

  /**
   * Checks tables given as grids (string[][][]) with `context` (the text around them: the
   * title and year are read from it) as the box's text; returns the report (null until the
   * engine has loaded: it is checked then).
   */
  checkGrids(grids, context = '') {
    this.#els.ta.value = String(context ?? '');
    this.#mode = 'grid';
    this.#grids = grids;
    this.#setStatus(null);
    this.#foldNext = true;
    return this.#runNow();
  }

  /**
   * Checks the tables of an HTML string (read like a paste, by grid.js: inert, only the
   * cells' text reaches the engine). The box shows `context` (default: the HTML's text).
   */
  checkHtml(html, context) {
    let grids = [];
    try { grids = String(html).length <= MAX_CHARS * 4 ? gridsFromHtml(String(html)) : []; } catch { grids = []; }
    const text = context ?? textFromHtml(String(html));
    if (!grids.length) { this.value = text; return this.#report; }
    return this.checkGrids(grids, text);
  }

  connectedCallback() {
    // A `value` set on the element before it was defined is an own property that shadows
    // the setter: take it and set it through the setter (the upgrade-property pattern).
    for (const prop of ['previous', 'value']) {
      if (Object.prototype.hasOwnProperty.call(this, prop)) {
        const v = this[prop];
        delete this[prop];
        this[prop] = v;
      }
    }
    if (this.#ready) return;
    this.#setStatus(['loading']);
    init()
      .then(() => {
        loadForms();
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

  attributeChangedCallback(name) {
    if (name === 'theme') return;     // colours only: the stylesheet follows the attribute
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
    this.#foldNext = true;
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
    // Last year's report, optional and folded away: the cross-year checks (R8 …).
    e.prevSummary = h('summary', { 'data-testid': 'previous-toggle' });
    e.prevLabel = h('label', { class: 'main', for: 'prev', id: 'prev-label' });
    e.prevHint = h('p', { id: 'prev-hint', class: 'hint' });
    e.prev = h('textarea', { id: 'prev', class: 'prev', spellcheck: 'false', autocomplete: 'off', autocapitalize: 'off',
      'aria-describedby': 'prev-hint', 'data-testid': 'previous' });
    e.prevBox = h('details', { class: 'prev', part: 'previous' }, e.prevSummary, e.prevLabel, e.prev, e.prevHint);
    e.folded = h('span', { class: 'folded-text' });
    e.unfold = h('button', { type: 'button', id: 'unfold', 'aria-controls': 'ta', 'aria-expanded': 'false' });
    e.foldBar = h('div', { class: 'foldbar' }, e.folded, e.unfold);
    e.input = h('section', { class: 'in', part: 'input' },
      e.label,
      e.ta,
      h('div', { class: 'toolbar' }, e.open, e.example, e.clear, e.file),
      h('p', { id: 'hint', class: 'hint' }, e.hint, ' ', e.privacy),
      e.prevBox,
      e.foldBar,
      e.status);

    e.verdict = h('div', { class: 'verdict', part: 'verdict', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'verdict' });
    e.exportJson = h('button', { type: 'button', id: 'export' });
    e.copy = h('button', { type: 'button', id: 'copy' });
    e.print = h('button', { type: 'button', id: 'print' });
    // slot "actions": the host page's own buttons beside these (the site's share link)
    e.actions = h('div', { class: 'actions' }, e.exportJson, e.copy, e.print, h('slot', { name: 'actions' }));
    e.partial = h('p', { class: 'partial', hidden: true });
    e.notesH = h('h2', { id: 'notes-h' });
    e.notes = h('ul', { class: 'notes' });
    e.notesSec = h('section', { 'aria-labelledby': 'notes-h', hidden: true }, e.notesH, e.notes);
    e.findingsH = h('h2', { id: 'findings-h' });
    e.findings = h('ol', { class: 'problems', 'data-testid': 'findings' });
    e.inspector = h('section', { class: 'inspector', part: 'inspector', 'aria-labelledby': 'insp-h', hidden: true, tabindex: '-1', 'data-testid': 'inspector' });
    e.findingsSec = h('section', { 'aria-labelledby': 'findings-h' }, e.findingsH, e.findings, e.inspector);
    e.tablesH = h('h2', { id: 'tables-h' });
    e.tables = h('div', { class: 'tables' });
    e.tablesSec = h('section', { 'aria-labelledby': 'tables-h' }, e.tablesH, e.tables);
    e.flow = flowSection();   // 申请去向图 (flow.js), folded until opened
    e.tablesSec.append(e.flow.el);
    e.checksH = h('h2', { id: 'checks-h' });
    e.checksSummary = h('p', { class: 'small', 'data-testid': 'checks-summary' });
    e.checks = h('div', { class: 'checks', 'data-testid': 'checks' });
    // unnamed: the scrolling list inside is the region the heading names (two regions of one name confuse screen readers)
    e.checksSec = h('section', {}, e.checksH, e.checksSummary, e.checks);
    e.result = h('section', { class: 'out', part: 'result', 'aria-label': 'result' },
      e.verdict, e.actions, e.partial, e.findingsSec, e.notesSec, e.tablesSec, e.checksSec);
    e.copyBuf = h('textarea', { class: 'sr', 'aria-hidden': 'true', tabindex: '-1', readonly: true });
    this.#root.append(h('div', { class: 'gj', part: 'root' }, e.input, e.result, e.copyBuf));

    e.open.addEventListener('click', () => e.file.click());
    e.file.addEventListener('change', () => {
      const f = e.file.files?.[0];
      if (f) this.openFile(f);
      e.file.value = '';
    });
    e.example.addEventListener('click', () => this.loadExample().catch((err) => this.#setStatus(['fileFailed', String(err)], true)));
    e.clear.addEventListener('click', () => { this.value = ''; e.ta.focus(); });
    e.unfold.addEventListener('click', () => { this.#fold(false); e.ta.focus(); });
    e.ta.addEventListener('input', () => {
      this.#mode = 'text';
      this.#grids = null;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#runNow(), DEBOUNCE_MS);
    });
    e.ta.addEventListener('paste', (ev) => this.#onPaste(ev));
    e.prev.addEventListener('input', () => {
      this.#renderPrevSummary();
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => this.#runNow(), DEBOUNCE_MS);
    });
    e.ta.addEventListener('dragover', (ev) => {
      if (ev.dataTransfer?.types?.includes('Files')) { ev.preventDefault(); e.ta.classList.add('drop'); }
    });
    e.ta.addEventListener('dragleave', () => e.ta.classList.remove('drop'));
    e.ta.addEventListener('drop', (ev) => {
      e.ta.classList.remove('drop');
      const f = ev.dataTransfer?.files?.[0];
      if (f) { ev.preventDefault(); this.openFile(f); }
    });
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
    e.unfold.textContent = t.unfold;
    e.prevLabel.textContent = t.previousLabel;
    e.prevHint.textContent = t.previousHint;
    this.#renderPrevSummary();
    e.folded.textContent = t.folded(this.#els.ta.value.length);
    e.exportJson.textContent = t.exportJson;
    e.copy.textContent = t.copySummary;
    e.print.textContent = t.print;
    e.notesH.textContent = t.notes;
    e.findingsH.textContent = t.findings;
    e.tablesH.textContent = t.tables;
    e.checksH.textContent = t.checks;
    e.result.setAttribute('aria-label', t.result);
    this.#renderStatus();
  }

  /** The second box's toggle: its name, and whether it holds a report. */
  #renderPrevSummary() {
    const t = this.#t, e = this.#els;
    const n = e.prev.value.trim() === '' ? 0 : e.prev.value.length;
    e.prevSummary.textContent = n ? `${t.previousToggle}${t.colon}${t.previousFilled(n)}` : t.previousToggle;
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

  /** Folds the input to one line (narrow screens, after a paste) or unfolds it. */
  #fold(on) {
    const e = this.#els;
    e.input.classList.toggle('folded', on);
    e.unfold.setAttribute('aria-expanded', String(!on));
    e.folded.textContent = this.#t.folded(e.ta.value.length);
    this.toggleAttribute('data-folded', on);
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
    this.#foldNext = true;
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

  /**
   * HTML (clipboard or file): tables → grids → checkGrid, with the readable text (which
   * goes into the box) as context, so the title and year outside the tables are kept.
   */
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

  #emit(report) {
    this.dispatchEvent(new CustomEvent('report', { detail: report, bubbles: true, composed: true }));
  }

  #runNow() {
    clearTimeout(this.#timer);
    if (!this.#ready) return null;
    const text = this.#els.ta.value;
    const prev = this.#els.prev.value;
    const tooBig = Math.max(text.length, prev.length);
    if (tooBig > MAX_CHARS) {
      this.#report = null;
      this.#setStatus(['tooBig', (tooBig / 1048576).toFixed(1), MAX_CHARS / 1048576], true);
      this.setAttribute('data-state', 'too-big');
      this.#renderReport();
      return null;
    }
    if (['tooBig', 'trapped', 'engineError'].includes(this.#statusKey?.[0])) this.#setStatus(null);
    if (text.trim() === '' && this.#mode === 'text') {
      this.#report = null;
      this.#foldNext = false;
      this.#fold(false);
      this.setAttribute('data-state', 'empty');
      this.#renderReport();
      // Listeners learn that the box was cleared: the engine's report for empty input
      // (recognised: false, verdict "none", note INPUT-EMPTY).
      let empty = null;
      try { empty = check(''); } catch { empty = null; }
      this.#emit(empty);
      return null;
    }
    const t0 = performance.now();
    let report;
    try {
      // last year's report, when the second box holds one: the engine adds the cross-year checks
      const options = prev.trim() === '' ? undefined : { previous: prev };
      report = this.#mode === 'grid' && this.#grids ? checkGrid(this.#grids, text, options) : check(text, options);
      this.#compared = options !== undefined;
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
    this.#input = { text, grids: this.#mode === 'grid' ? this.#grids : null, previous: prev.trim() === '' ? '' : prev };
    this.#encoded = null;
    this.#report = report;
    this.#selected = -1;
    if (this.#foldNext) {
      this.#foldNext = false;
      if (report.recognised && this.getBoundingClientRect().width < NARROW_PX) this.#fold(true);
    }
    this.#renderReport();
    const t2 = performance.now();
    this.lastTiming = { check: t1 - t0, render: t2 - t1 };
    this.setAttribute('data-state', 'checked');
    this.#emit(report);
    return report;
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
    if (this.#els.input.classList.contains('folded')) {
      if (!focus) return false;
      this.#fold(false);
    }
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
    e.verdict.replaceChildren();
    e.verdict.removeAttribute('data-verdict');
    const shown = !!r;
    for (const el of [e.actions, e.findingsSec, e.tablesSec, e.checksSec]) el.hidden = !shown || !r.recognised;
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
    setActiveFormat(r.table_info?.find((x) => x.table === 'active')?.format ?? r.format);
    this.#renderVerdict(r);
    e.partial.hidden = !(r.partial && r.recognised);
    e.partial.textContent = t.partial;
    this.#renderNotes(r);
    e.flow.update(r, this.#lang);
    if (!r.recognised) return;
    this.#renderProblems(r);
    this.#renderTables(r);
    this.#renderChecks(r);
    if (this.#selected >= 0) this.#select(this.#selected, false);
  }

  /**
   * Whether last year's report could be compared: said when a cross-year check ran, else
   * the engine's reason why none could (not one year apart, no table found in it, …).
   */
  #previousLine(r) {
    const t = this.#t;
    const xy = r.checks.filter((c) => isCrossYear(c.rule));
    if (xy.some((c) => c.status === 'pass' || c.status === 'fail')) return t.comparedWithPrevious;
    const why = xy.find((c) => c.reason)?.reason;
    return why ? `${t.notComparedWithPrevious}${t.colon}${msg(why, this.#lang)}` : t.notComparedWithPrevious;
  }

  /** The verdict line: the engine's words ("通过" only for a complete check). */
  #renderVerdict(r) {
    const t = this.#t, e = this.#els, lang = this.#lang, v = r.verdict;
    const kind = v.kind === 'pass' && v.warnings > 0 ? 'warn' : v.kind;
    e.verdict.setAttribute('data-verdict', kind);
    const counts = h('span', { class: 'counts' },
      h('span', { class: 'big', 'data-testid': 'verdict-main' }, msg(v.message, lang)));
    if (v.incomplete) counts.append(h('span', { class: 'incomplete', 'data-testid': 'verdict-incomplete' }, msg(v.incomplete, lang)));
    if (v.warnings > 0) counts.append(h('span', { class: 'sev-warning' }, t.warnings(v.warnings)));
    if (v.infos > 0) counts.append(h('span', { class: 'sev-info' }, t.infos(v.infos)));
    if (v.kind === 'none') {
      e.verdict.append(counts, h('p', { class: 'meta' }, t.notRecognisedHelp));
      return;
    }
    const fmtName = r.format === '2021' ? t.format2021 : r.format === '2019' ? t.format2019 : t.formatUnknown;
    const marks = TABLES.map((id) => `${tableName(id, lang)} ${tableMark(r.table_info.find((x) => x.table === id), t)}`);
    const meta = h('p', { class: 'meta', 'data-testid': 'verdict-meta' },
      r.title ? h('strong', {}, r.title) : null, r.title ? h('br') : null,
      `${t.format}${t.colon}${fmtName} · ${t.year}${t.colon}${has(r.year) ? r.year : t.yearUnknown} · ${t.checksSummary(r.summary)}`, h('br'),
      `${t.tablesFound}${t.colon}${marks.join('　')}`,
      this.#compared ? h('br') : null,
      this.#compared ? h('span', { 'data-testid': 'verdict-previous' }, this.#previousLine(r)) : null);
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

  /** One entry per problem (the engine's grouping); the relations it breaks fold out. */
  #renderProblems(r) {
    const t = this.#t, e = this.#els, lang = this.#lang;
    e.findings.replaceChildren();
    const problems = r.problems ?? [];
    if (problems.length === 0) {
      e.findings.append(h('li', { class: 'small' }, t.noFindings));
      return;
    }
    problems.forEach((p, pi) => {
      const first = r.findings[p.findings[0]];
      const span = first?.span;
      const head = h('button', {
        type: 'button', class: 'problem', part: 'finding', 'aria-pressed': 'false',
        'data-problem': pi, 'data-severity': p.severity, 'data-index': p.findings[0],
      },
      h('span', { class: `badge sev-${p.severity}` }, t.severity[p.severity] ?? p.severity),
      h('span', { class: 'what' }, msg(p.message, lang)),
      span ? h('span', { class: 'where' }, t.line(span.line)) : null);
      head.addEventListener('click', () => this.#select(p.findings[0], true));
      const list = h('ol', { class: 'relations' }, p.findings.map((i) => {
        const f = r.findings[i];
        const btn = h('button', {
          type: 'button', class: 'finding', 'aria-pressed': 'false',
          'data-index': i, 'data-rule': f.rule, 'data-status': f.status,
        },
        h('span', { class: 'formula' }, msg(f.formula, lang)),
        h('span', { class: 'msg' }, has(f.actual) && has(f.expected)
          ? `${t.left} ${f.actual} · ${t.right} ${f.expected}${has(f.difference) ? ` · ${t.difference} ${f.difference}` : ''}`
          : msg(f.message, lang)),
        h('span', { class: 'code' }, `${f.rule} · ${f.instance} · ${f.code}`));
        btn.addEventListener('click', () => this.#select(i, true));
        return h('li', {}, btn);
      }));
      const details = h('details', { class: 'relations' },
        h('summary', {}, p.cell ? t.breaks(p.findings.length) : t.relation), list);
      e.findings.append(h('li', { class: 'problem', 'data-severity': p.severity }, head, details));
    });
  }

  #select(i, user) {
    const r = this.#report;
    if (!r || !r.findings[i]) return;
    this.#selected = i;
    const f = r.findings[i];
    for (const b of this.#els.findings.querySelectorAll('button.finding, button.problem')) {
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

  /**
   * One relation in detail. The two sides are the formula's left and right (Finding.actual
   * is the left side's sum, expected the right's); reported vs suggested only for the one
   * suspect cell, when the engine names one.
   */
  #renderInspector(f) {
    const t = this.#t, lang = this.#lang, e = this.#els;
    const info = this.#rules.get(f.rule);
    const suspects = new Set(f.suspects.map(key));
    const ops = h('table', { class: 'ops' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.cell), h('th', { scope: 'col' }, t.value))),
      h('tbody', {}, f.operands.map((o) => h('tr', { class: suspects.has(key(o)) ? 'suspect' : null },
        h('td', {}, `${cellName(o, lang)}${suspects.has(key(o)) ? ' ⚠' : ''}`),
        h('td', { class: 'num' }, fmt(o.value), o.assumed ? h('span', { class: 'small' }, ` (${t.assumed}: ${o.assumed})`) : null)))));
    const span = f.span ?? this.#cellSpan(f.suspects[0]);
    const show = h('button', { type: 'button', class: 'show' }, t.showInText);
    show.addEventListener('click', () => this.#selectSpan(span, true));
    const one = f.suspects.length === 1 && has(f.suggested) ? f.suspects[0] : null;
    const reported = one ? f.operands.find((o) => key(o) === key(one))?.value : null;
    const row = (label, value, id) => (has(value) ? [h('dt', {}, label), h('dd', { 'data-testid': id }, String(value))] : []);
    const dl = h('dl', {},
      row(t.left, f.actual, 'left'),
      row(t.right, f.expected, 'right'),
      row(t.difference, f.difference, 'difference'),
      f.suspects.length ? [h('dt', {}, t.suspect), h('dd', { 'data-testid': 'suspects' }, f.suspects.map((s) => cellName(s, lang)).join('；'))] : [],
      one ? row(t.reportedValue, reported, 'reported') : [],
      one ? row(t.shouldBe, f.suggested, 'suggested') : []);
    e.inspector.replaceChildren(...[
      h('h3', { id: 'insp-h' }, msg(f.formula, lang), ' ',
        h('span', { class: `badge sev-${f.severity}` }, t.severity[f.severity] ?? f.severity),
        h('span', { class: 'badge' }, t.status[f.status] ?? f.status)),
      info?.explain ? h('p', { class: 'explain', 'data-testid': 'explain' }, msg(info.explain, lang)) : null,
      h('p', {}, msg(f.message, lang)),
      dl,
      h('h4', {}, t.operands),
      h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': t.operands }, ops),
      info?.official ? h('div', {}, h('h4', {}, t.official), h('blockquote', { lang: 'zh-CN' }, info.official)) : null,
      h('p', { class: 'small code', 'data-testid': 'codes' }, `${t.codes}${t.colon}${f.rule} · ${f.instance} · ${f.code}`),
      span && this.#mode !== 'grid' ? h('p', {}, show) : null,
      this.#mode === 'grid' ? h('p', { class: 'small' }, t.noSpan) : null,
    ].filter(Boolean));   // replaceChildren would print a null as the text "null"
    e.inspector.hidden = false;
  }

  // ---------------------------------------------------------------- the three tables

  #index(r) {
    const cells = new Map();
    for (const id of TABLES) for (const c of r.tables[id] ?? []) cells.set(key(c), c);
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
    const r = this.#report, t = this.#t, lang = this.#lang;
    const k = key(ref);
    ix.used.add(k);
    const c = ix.cells.get(k);
    const td = h('td', { part: 'cell', 'data-key': k, 'data-table': ref.table, 'data-row': ref.row, 'data-column': ref.column, 'data-read': c?.read ?? 'missing', ...extra });
    const tips = [cellName(ref, lang)];
    if (!c || c.read === 'missing') {
      td.classList.add('missing');
      tips.push(t.cellMissing);
    } else if (c.read === 'blank') {
      td.classList.add('blank');
      tips.push(t.cellBlank);
    } else {
      td.append(has(c.value) && c.read !== 'dash_zero' ? String(c.value) : c.raw);
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
      tips.push(`${msg(f.formula, lang)}${t.colon}${t.status[f.status] ?? f.status}`);
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
    const t = this.#t, lang = this.#lang;
    const complete = !!info?.found && info.cells_read >= info.cells_expected;
    const state = !info?.found ? t.notFound
      : `${complete ? t.found : t.readPartly}${info.line ? ` · ${t.line(info.line)}` : ''} · ${info.cells_read}/${info.cells_expected}`;
    const head = h('h3', { id: `t-${id}` }, tableName(id, lang),
      h('span', { class: 'small', 'data-complete': String(complete) }, `　${tableMark(info, t) === '✓' ? '✓ ' : ''}${state}`));
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
    const F = L.forms;
    e.tables.replaceChildren();
    const info = (id) => r.table_info.find((x) => x.table === id);
    const layout = (id) => {
      let f = info(id)?.format ?? r.format;
      if (f !== '2019' && f !== '2021') f = info('applications')?.rows?.includes('OTHER') ? '2019' : '2021';
      return F.formats.find((x) => x.format === f) ?? F.formats[F.formats.length - 1];
    };

    // Table 2, in its printed blocks
    const t2i = info('active');
    let t2 = null;
    if (t2i?.found || (r.tables.active ?? []).length) {
      t2 = h('table', { class: 'form' });
      const body = h('tbody');
      const width = 4;
      for (const b of layout('active').active_blocks) {
        body.append(h('tr', {}, h('th', { class: 'caption', colspan: width, scope: 'colgroup' }, msg(b.caption, lang))));
        const span = Math.max(1, Math.floor(3 / b.columns.length));
        const cs = (j) => (j === b.columns.length - 1 ? width - 1 - span * j : span);
        body.append(h('tr', {}, h('th', { scope: 'col' }, t.infoContent),
          b.columns.map((c, j) => h('th', { scope: 'col', colspan: cs(j) }, colLabel('active', c, lang)))));
        for (const row of b.rows) {
          body.append(h('tr', {}, h('th', { class: 'rowlabel', scope: 'row' }, rowLabel('active', row, lang)),
            b.columns.map((c, j) => this.#td(ix, { table: 'active', row, column: c }, { colspan: cs(j) }))));
        }
      }
      t2.append(body);
    }
    e.tables.append(this.#tableBox('active', t2i, t2));

    // Table 3
    const t3i = info('applications');
    let t3 = null;
    if (t3i?.found || (r.tables.applications ?? []).length) {
      const rows = layout('applications').applications_rows;
      const cols = F.applications_columns.map((c) => c.key);
      const legal = cols.slice(1, -1);
      t3 = h('table', { class: 'form' });
      t3.append(h('thead', {},
        h('tr', {}, h('th', { colspan: 3, rowspan: 3, class: 'small' }, msg(F.applications_corner, lang)),
          h('th', { colspan: cols.length, scope: 'colgroup' }, msg(F.applications_applicants, lang))),
        h('tr', {}, h('th', { rowspan: 2, scope: 'col' }, colLabel('applications', cols[0], lang)),
          h('th', { colspan: legal.length, scope: 'colgroup' }, msg(F.applications_legal, lang)),
          h('th', { rowspan: 2, scope: 'col' }, colLabel('applications', cols[cols.length - 1], lang))),
        h('tr', {}, legal.map((c) => h('th', { scope: 'col' }, colLabel('applications', c, lang))))));
      const body = h('tbody');
      const flow = ['NEW', 'CARRY_IN', 'CARRY_OUT'];
      const outcomes = rows.filter((k) => !flow.includes(k));
      for (const row of rows) {
        const tr = h('tr', { 'data-row': row });
        if (flow.includes(row)) {
          tr.append(h('th', { colspan: 3, scope: 'row', class: 'rowlabel' }, rowLabel('applications', row, lang)));
        } else {
          if (row === outcomes[0]) tr.append(h('th', { rowspan: outcomes.length, class: 'rowlabel' }, msg(F.applications_outcomes, lang)));
          const g = L.groups.find((gr) => gr.rows.includes(row));
          if (g) {
            if (g.rows[0] === row) tr.append(h('th', { rowspan: g.rows.length, class: 'rowlabel' }, msg(g.label, lang)));
            tr.append(h('th', { scope: 'row', class: 'rowlabel' }, rowLabel('applications', row, lang)));
          } else {
            tr.append(h('th', { colspan: 2, scope: 'row', class: 'rowlabel' }, rowLabel('applications', row, lang)));
          }
        }
        for (const c of cols) tr.append(this.#td(ix, { table: 'applications', row, column: c }));
        body.append(tr);
      }
      t3.append(body);
    }
    e.tables.append(this.#tableBox('applications', t3i, t3));

    // Table 4: one row of three blocks
    const t4i = info('review');
    let t4 = null;
    if (t4i?.found || (r.tables.review ?? []).length) {
      const cols = F.review_columns.map((c) => c.key);
      const blocks = F.review_rows.map((x) => x.key);
      const col = (c) => colLabel('review', c, lang);
      t4 = h('table', { class: 'form' },
        h('thead', {},
          h('tr', {}, h('th', { colspan: cols.length, scope: 'colgroup' }, rowLabel('review', blocks[0], lang)),
            h('th', { colspan: cols.length * (blocks.length - 1), scope: 'colgroup' }, msg(F.review_litigation, lang))),
          h('tr', {}, cols.map((c) => h('th', { rowspan: 2, scope: 'col' }, col(c))),
            blocks.slice(1).map((b) => h('th', { colspan: cols.length, scope: 'colgroup' }, rowLabel('review', b, lang)))),
          h('tr', {}, blocks.slice(1).flatMap(() => cols.map((c) => h('th', { scope: 'col' }, col(c)))))),
        h('tbody', {}, h('tr', {}, blocks.flatMap((row) => cols.map((c) => this.#td(ix, { table: 'review', row, column: c }))))));
    }
    e.tables.append(this.#tableBox('review', t4i, t4));

    // Anything the engine read that the official layout above has no place for.
    const rest = [...ix.cells.values()].filter((c) => !ix.used.has(key(c)));
    if (rest.length) {
      const tb = h('table', { class: 'form' }, h('tbody', {}, rest.map((c) => h('tr', {},
        h('th', { scope: 'row', class: 'rowlabel' }, `${tableName(c.table, lang)} · ${cellName(c, lang)}`),
        this.#td(ix, c)))));
      e.tables.append(h('div', { class: 'tbl' }, h('h3', {}, t.otherCells), h('div', { class: 'scroll' }, tb)));
    }
  }

  /** Every rule run: the form's formula first, the plain explanation, the code for experts. */
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
      const code = info?.code ? `${rule} · ${info.code}` : rule;
      tbody.append(h('tr', { 'data-rule': rule },
        h('th', { scope: 'row' }, info ? msg(info.formula, lang) : rule, h('br'),
          h('span', { class: `badge sev-${list[0].severity}` }, t.severity[list[0].severity] ?? list[0].severity),
          h('span', { class: 'small code' }, code)),
        h('td', {}, info?.explain ? msg(info.explain, lang) : info ? msg(info.description, lang) : ''),
        h('td', {}, h('div', { class: 'chips' }, list.map((c) => {
          const inst = instanceLabel(c.instance, lang, t);
          const label = `${inst} ${t.status[c.status] ?? c.status}${c.reason ? `${t.colon}${msg(c.reason, lang)}` : ''}`;
          return h('span', { class: 'chip', 'data-status': c.status, 'data-instance': c.instance, title: label, 'aria-label': label, role: 'img' },
            `${inst} ${STATUS_MARK[c.status] ?? ''}`);
        })))));
    }
    e.checks.replaceChildren(h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': 'checks-h' }, h('table', { class: 'checks' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t.rule), h('th', { scope: 'col' }, t.meaning), h('th', { scope: 'col' }, t.instances))),
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

  /** Plain-text summary of the last report: the verdict line's own words, then each problem. */
  summaryText() {
    const r = this.#report, t = this.#t, lang = this.#lang;
    if (!r) return '';
    const v = r.verdict;
    const lines = [];
    if (r.title) lines.push(r.title);
    lines.push([msg(v.message, lang), v.incomplete ? msg(v.incomplete, lang) : '',
      v.warnings ? t.warnings(v.warnings) : '', v.infos ? t.infos(v.infos) : ''].filter(Boolean).join(' · '));
    if (r.recognised) {
      lines.push(`${t.tablesFound}${t.colon}${TABLES.map((id) => `${tableName(id, lang)} ${tableMark(r.table_info.find((x) => x.table === id), t)}`).join('　')}`);
      const fmtName = r.format === '2021' ? t.format2021 : r.format === '2019' ? t.format2019 : t.formatUnknown;
      lines.push(`${t.format}${t.colon}${fmtName} · ${t.year}${t.colon}${has(r.year) ? r.year : t.yearUnknown}`);
      lines.push(t.checksSummary(r.summary));
      if (this.#compared) lines.push(this.#previousLine(r));
    }
    (r.problems ?? []).forEach((p, n) => {
      lines.push(`${n + 1}. [${t.severity[p.severity] ?? p.severity}] ${msg(p.message, lang)}`);
      if (p.cell) {
        for (const i of p.findings) {
          const f = r.findings[i];
          lines.push(`   - ${msg(f.message, lang)} (${f.rule} · ${f.instance})`);
        }
      } else {
        const f = r.findings[p.findings[0]];
        lines.push(`   (${f.rule} · ${f.instance})`);
      }
    });
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
      const ok = copyBySelection(this.#els.copyBuf, text);
      this.#setStatus([ok ? 'copied' : 'copyFailed'], !ok);
    }
  }
}
