// <gouji-form lang="zh|en" format="2021|2019" draft-key="…">: the official statistical
// tables as a blank form to fill in (填报), checked by the engine as the user types.
// Documented in docs/fill.md.
//
// The form is drawn from the engine's forms() (form-layout.js); what is typed becomes the
// tab-separated text of the official tables, which the engine checks (check()). Every
// verdict, problem, failing cell and “应为 N” shown comes from that report (its `verdict`,
// `problems`, `findings` and `implied`); this file adds no number up and decides no rule.
// Everything is rendered with textContent and attributes, never as HTML.
import { init, check, forms, EngineTrapped } from './gouji.js';
import { gridsFromHtml } from './grid.js';
import { msg, normLang } from './i18n.js';
import { formStrings } from './form-i18n.js';
import { buildLayout, place, tsv, html, FORMATS } from './form-layout.js';
import checkerCss from './checker-css.js';
import formCss from './form-css.js';
import { h, copyBySelection } from './dom.js';

const DEBOUNCE_MS = 120;
const SAVE_MS = 400;
/** Engine readings that are a number the user meant; anything else pasted is refused. */
const PASTE_OK = new Set(['number', 'dash_zero', 'blank']);
const MAX_VALUE_CHARS = 64;      // a cell of a draft or a paste longer than this is refused
const DRAFT_VERSION = 1;

let sheets = null;
function styleSheets() {
  if (!sheets) {
    sheets = [checkerCss, formCss].map((css) => {
      const s = new CSSStyleSheet();
      s.replaceSync(css);
      return s;
    });
  }
  return sheets;
}


const refKey = (r) => `${r.table}|${r.row}|${r.column}`;
const has = (v) => v !== null && v !== undefined;
const num = (v) => (typeof v === 'bigint' ? v.toString() : String(v));
const jsonOf = (r) => JSON.stringify(r, (k, v) => (typeof v === 'bigint' ? Number(v) : v), 2);

/** A draft read back from storage: null unless it has exactly the expected shape. */
function validDraft(raw, keys) {
  let d;
  try { d = JSON.parse(raw); } catch { return null; }
  if (!d || typeof d !== 'object' || d.v !== DRAFT_VERSION || !FORMATS.includes(d.format)) return null;
  if (!d.values || typeof d.values !== 'object' || Array.isArray(d.values)) return null;
  const values = {};
  for (const [k, v] of Object.entries(d.values)) {
    if (!keys.has(k) || typeof v !== 'string' || v.length > MAX_VALUE_CHARS) return null;
    values[k] = v;
  }
  const title = typeof d.title === 'string' ? d.title.slice(0, 200) : '';
  const saved = Number.isFinite(d.saved) ? d.saved : null;
  return { format: d.format, values, title, saved };
}

export class GoujiForm extends HTMLElement {
  static observedAttributes = ['lang', 'format'];

  #root;
  #els = {};
  #F = null;              // forms()
  #layouts = {};          // format → layout
  #allKeys = new Set();   // every data key of both formats (what a draft may hold)
  #format = '2021';
  #values = {};           // key → text as typed
  #title = '';
  #report = null;
  #inputs = new Map();    // key → <input>
  #nav = [];              // per table: grid of keys (covered slots repeat their key)
  #pos = new Map();       // key → { t, r, c }
  #timer = 0;
  #saveTimer = 0;
  #ready = false;
  #focusValue = '';       // a cell's text when it got focus (Escape restores it)
  #status = null;         // [key, ...args] of the message line
  #statusBad = false;
  #draft = null;          // [key, ...args] of the draft line

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = styleSheets();
    this.#build();
  }

  get #lang() { return normLang(this.getAttribute('lang') || document.documentElement.lang); }
  get #t() { return formStrings(this.#lang); }

  /** The format drawn: '2021' (default) or '2019'. */
  get format() { return this.#format; }
  set format(f) { this.setAttribute('format', FORMATS.includes(String(f)) ? String(f) : '2021'); }

  /** The values typed, by cell key "table|ROW|COLUMN" (only the current format's cells). */
  get values() {
    const out = {};
    for (const k of this.#layout()?.keys ?? []) if ((this.#values[k] ?? '') !== '') out[k] = this.#values[k];
    return out;
  }
  set values(v) {
    this.#values = {};
    for (const [k, x] of Object.entries(v ?? {})) if (this.#allKeys.size === 0 || this.#allKeys.has(k)) this.#values[k] = String(x ?? '');
    this.#fillInputs();
    this.#runNow();
    this.#scheduleSave();
  }

  /** The report title line ('' for none). */
  get reportTitle() { return this.#title; }
  set reportTitle(v) { this.#title = String(v ?? ''); this.#els.title.value = this.#title; this.#runNow(); this.#scheduleSave(); }

  /** The engine's report on the form as filled (null before the engine has loaded). */
  get report() { return this.#report; }

  /** The filled form as tab-separated text (zh labels; what the engine checks). */
  toTsv() { return this.#layout() ? tsv(this.#layout(), this.#values, this.#title.trim()) : ''; }
  /** The filled form as an HTML table fragment (zh labels, rowspan/colspan as printed). */
  toHtml() { return this.#layout() ? html(this.#layout(), this.#values, this.#title.trim()) : ''; }
  /** The engine's report as JSON text. */
  toJson() { return this.#report ? jsonOf(this.#report) : ''; }

  /**
   * Loads the cells of a report (e.g. the checker's `report`) into the form to correct
   * them: its format, title and every cell as the engine read it.
   */
  loadReport(report) {
    if (!report?.tables) return false;
    const fmt = [report.format, ...(report.table_info ?? []).map((i) => i.format)].find((f) => FORMATS.includes(f));
    const values = {};
    for (const table of ['active', 'applications', 'review']) {
      for (const c of report.tables[table] ?? []) {
        const k = refKey(c);
        if (c.read === 'blank' || c.read === 'missing') continue;
        // what the engine read: the number (also when it was split out of glued digits),
        // a dash as written, unreadable text as written so it can be corrected
        values[k] = c.read === 'dash_zero' || c.read === 'unreadable' || !has(c.value) ? String(c.raw ?? '') : num(c.value);
      }
    }
    this.#title = String(report.title ?? '');
    this.#els.title.value = this.#title;
    if (fmt && fmt !== this.#format) this.setAttribute('format', fmt);
    this.values = values;
    return true;
  }

  /** Empties every cell and the title. */
  clear() {
    this.#title = '';
    this.#els.title.value = '';
    this.values = {};
    this.#setStatus(['cleared']);
  }

  connectedCallback() {
    if (this.#ready) return;
    this.#setStatus(['loading']);
    init()
      .then(() => {
        this.#F = forms();
        for (const f of FORMATS) {
          this.#layouts[f] = buildLayout(this.#F, f);
          for (const k of this.#layouts[f].keys) this.#allKeys.add(k);
        }
        this.#restoreDraft();
        this.#ready = true;
        this.#format = FORMATS.includes(this.getAttribute('format')) ? this.getAttribute('format') : this.#format;
        if (this.#status?.[0] === 'loading') this.#setStatus(null);
        this.#renderForm();
        this.#runNow();
        this.setAttribute('data-ready', '');
        this.dispatchEvent(new CustomEvent('ready'));
      })
      .catch((e) => {
        this.setAttribute('data-failed', '');
        this.#setStatus(['loadFailed', String(e?.message ?? e)], true);
      });
  }

  attributeChangedCallback(name) {
    if (name === 'format') {
      const f = FORMATS.includes(this.getAttribute('format')) ? this.getAttribute('format') : '2021';
      if (f === this.#format && this.#els.tables.childElementCount) return;
      this.#format = f;
      if (!this.#ready) return;
      this.#renderForm();
      this.#runNow();
      this.#scheduleSave();
      return;
    }
    this.#renderChrome();
    if (this.#ready) { this.#renderForm(); this.#paint(); }
  }

  #layout() { return this.#layouts[this.#format] ?? null; }

  // ---------------------------------------------------------------- building the DOM

  #build() {
    const e = this.#els;
    e.formatLegend = h('legend');
    e.formatOpts = FORMATS.map((f) => {
      const input = h('input', { type: 'radio', name: 'format', value: f, id: `fmt-${f}` });
      input.addEventListener('change', () => { if (input.checked) this.setAttribute('format', f); });
      const label = h('label', { for: `fmt-${f}` });
      return { f, input, label };
    });
    e.format = h('fieldset', { class: 'format' }, e.formatLegend, e.formatOpts.map((o) => h('span', {}, o.input, o.label)));
    e.titleLabel = h('label', { for: 'title', class: 'main' });
    e.title = h('input', { id: 'title', type: 'text', autocomplete: 'off', 'data-testid': 'title' });
    e.title.addEventListener('input', () => { this.#title = e.title.value; this.#changed(); });
    e.clear = h('button', { type: 'button', 'data-testid': 'clear' });
    e.clear.addEventListener('click', () => this.clear());
    e.hint = h('p', { class: 'hint', id: 'form-hint' });
    e.status = h('p', { class: 'status', role: 'status', 'aria-live': 'polite', 'data-testid': 'form-status' });

    e.verdictH = h('h2', { id: 'fv-h', class: 'sr' });
    e.verdict = h('div', { class: 'verdict', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true', 'data-testid': 'form-verdict' });
    e.problems = h('ol', { class: 'problems', 'data-testid': 'form-problems' });

    e.tablesH = h('h2', { id: 'ft-h', class: 'sr' });
    e.tables = h('div', { class: 'tables' });
    e.tables.addEventListener('keydown', (ev) => this.#onKey(ev));
    e.tables.addEventListener('paste', (ev) => this.#onPaste(ev));
    e.tables.addEventListener('input', (ev) => this.#onInput(ev));
    e.tables.addEventListener('focusin', (ev) => this.#onFocus(ev));
    e.tables.addEventListener('mouseup', (ev) => {
      // keep the whole cell selected after a click, so typing replaces it (as in a spreadsheet)
      if (ev.target.dataset?.fresh === '1') { ev.preventDefault(); ev.target.dataset.fresh = ''; }
    });

    e.exportH = h('h2', { id: 'fx-h' });
    e.exportNote = h('p', { class: 'hint' });
    e.exports = {};
    const rows = ['tsv', 'html', 'json'].map((kind) => {
      const label = h('span', { class: 'what', id: `fx-${kind}` });
      const copy = h('button', { type: 'button', 'data-testid': `copy-${kind}`, 'aria-describedby': `fx-${kind}` });
      const down = h('button', { type: 'button', 'data-testid': `download-${kind}`, 'aria-describedby': `fx-${kind}` });
      copy.addEventListener('click', () => this.#copy(kind));
      down.addEventListener('click', () => this.#download(kind));
      e.exports[kind] = { label, copy, down };
      return h('li', {}, label, h('span', { class: 'btns' }, copy, down));
    });
    e.exportList = h('ul', { class: 'exports' }, rows);
    e.copyBuf = h('textarea', { class: 'sr', 'aria-hidden': 'true', tabindex: '-1', readonly: true });

    e.draftH = h('h2', { id: 'fd-h' });
    e.draftLine = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite', 'data-testid': 'draft-status' });
    e.forget = h('button', { type: 'button', 'data-testid': 'forget-draft' });
    e.forget.addEventListener('click', () => this.forgetDraft());
    e.draftSec = h('section', { class: 'draft', 'aria-labelledby': 'fd-h' }, e.draftH, e.draftLine, e.forget);

    this.#root.append(h('div', { class: 'gj form-mode', part: 'root' },
      h('div', { class: 'top' }, e.format, h('div', { class: 'titlebox' }, e.titleLabel, e.title), h('div', { class: 'toolbar' }, e.clear)),
      e.hint,
      e.status,
      h('section', { 'aria-labelledby': 'fv-h' }, e.verdictH, e.verdict, e.problems),
      h('section', { 'aria-labelledby': 'ft-h' }, e.tablesH, e.tables),
      h('section', { class: 'export', 'aria-labelledby': 'fx-h' }, e.exportH, e.exportNote, e.exportList, e.copyBuf),
      e.draftSec));
    this.#renderChrome();
  }

  #renderChrome() {
    const t = this.#t, e = this.#els;
    e.formatLegend.textContent = t.format;
    for (const o of e.formatOpts) {
      o.label.textContent = o.f === '2021' ? t.format2021 : t.format2019;
      o.input.checked = o.f === this.#format;
    }
    e.titleLabel.textContent = t.title;
    e.title.placeholder = t.titlePlaceholder;
    e.clear.textContent = t.clear;
    e.hint.textContent = t.hint;
    e.verdictH.textContent = t.verdict;
    e.tablesH.textContent = t.tables;
    e.exportH.textContent = t.exportH;
    e.exportNote.textContent = t.exportNote;
    for (const [kind, x] of Object.entries(e.exports)) {
      x.label.textContent = kind === 'tsv' ? t.tsv : kind === 'html' ? t.htmlFrag : t.json;
      x.copy.textContent = t.copy;
      x.down.textContent = t.download;
    }
    e.draftH.textContent = t.draftH;
    e.forget.textContent = t.draftForget;
    this.#renderStatus();
    this.#renderDraft();
  }

  #setStatus(key, bad = false) { this.#status = key; this.#statusBad = bad; this.#renderStatus(); }
  #renderStatus() {
    const e = this.#els, t = this.#t;
    if (!this.#status) { e.status.textContent = ''; e.status.classList.remove('bad'); return; }
    const [k, ...args] = this.#status;
    const s = t[k];
    e.status.textContent = typeof s === 'function' ? s(...args) : k === 'loadFailed' ? `${s}${args[0]}` : s;
    e.status.classList.toggle('bad', this.#statusBad);
  }

  /** Draws the tables of the current format, with an input in every data slot. */
  #renderForm() {
    const L = this.#layout(), lang = this.#lang, e = this.#els;
    if (!L) return;
    const focused = this.#root.activeElement?.dataset?.key;
    for (const o of e.formatOpts) o.input.checked = o.f === this.#format;
    this.#inputs.clear();
    this.#pos.clear();
    this.#nav = [];
    e.tables.replaceChildren();
    L.tables.forEach((tb, ti) => {
      const grid = place(tb.rows);
      const nav = grid.map(() => []);
      // every grid position a slot covers knows its key, so arrows move by position
      grid.forEach((line, r) => line.forEach((s, c) => {
        if (!s?.key) return;
        for (let dy = 0; dy < s.rowspan; dy++) for (let dx = 0; dx < s.colspan; dx++) nav[r + dy][c + dx] = s.key;
        this.#pos.set(s.key, { t: ti, r, c });
      }));
      this.#nav.push(nav);
      const headId = `h-${tb.id}`;
      const body = h('tbody');
      const head = h('thead');
      tb.rows.forEach((row) => {
        const tr = h('tr');
        let isHead = true;
        for (const s of row) {
          const span = { colspan: s.colspan > 1 ? s.colspan : null, rowspan: s.rowspan > 1 ? s.rowspan : null };
          if (s.th) {
            tr.append(h('th', { ...span, scope: s.scope, class: s.cls }, msg(s.text, lang)));
          } else {
            isHead = false;
            tr.append(this.#cell(s, span, L));
          }
        }
        // Table 3 and 4 keep their header rows in a thead; Table 2 repeats headers per block
        (isHead && tb.id !== 'active' ? head : body).append(tr);
      });
      const table = h('table', { class: 'form', 'aria-labelledby': headId, 'data-table': tb.id }, head.childElementCount ? head : null, body);
      e.tables.append(h('div', { class: 'tbl', 'data-table': tb.id },
        h('h3', { id: headId }, msg(tb.heading, lang)),
        h('div', { class: 'scroll', role: 'region', 'aria-labelledby': headId }, table)));
    });
    if (focused && this.#inputs.has(focused)) this.#inputs.get(focused).focus();
    this.#renderChrome();
  }

  #cell(s, span, L) {
    const label = msg(L.labels[s.key], this.#lang);
    const input = h('input', {
      type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false',
      'aria-label': label, 'data-key': s.key, maxlength: MAX_VALUE_CHARS,
      'aria-describedby': `n-${s.key}`,
    });
    input.value = this.#values[s.key] ?? '';
    this.#inputs.set(s.key, input);
    const note = h('span', { class: 'note', id: `n-${s.key}`, 'data-testid': 'note' });
    return h('td', { ...span, 'data-key': s.key }, input, note);
  }

  #fillInputs() {
    for (const [k, input] of this.#inputs) input.value = this.#values[k] ?? '';
  }

  // ---------------------------------------------------------------- checking

  #changed() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#runNow(), DEBOUNCE_MS);
    this.#scheduleSave();
  }

  /** Checks the form now; returns the report (null before the engine has loaded). */
  check() { return this.#runNow(); }

  #runNow() {
    clearTimeout(this.#timer);
    if (!this.#ready) return null;
    try {
      this.#report = check(this.toTsv());
    } catch (err) {
      this.#report = null;
      this.#setStatus(err instanceof EngineTrapped ? ['trapped'] : ['loadFailed', String(err?.message ?? err)], true);
    }
    this.#paint();
    // not bubbling: a page with a <gouji-checker> listens for its 'report' higher up
    this.dispatchEvent(new CustomEvent('report', { detail: this.#report }));
    return this.#report;
  }

  /** Lights cells, writes the implied values and the verdict: all from the engine's report. */
  #paint() {
    const r = this.#report, t = this.#t, lang = this.#lang, e = this.#els;
    for (const x of Object.values(e.exports)) { x.copy.disabled = !r; x.down.disabled = !r; }
    e.verdict.replaceChildren();
    e.problems.replaceChildren();
    for (const [k, input] of this.#inputs) {
      const td = input.parentElement;
      td.removeAttribute('data-status');
      td.classList.remove('suspect', 'bad');
      input.removeAttribute('aria-invalid');
      td.querySelector('.note').textContent = '';
      td.querySelector('.note').removeAttribute('data-kind');
      td.title = msg(this.#layout().labels[k], lang);
    }
    if (!r) return;

    // failing relations, as the checker lights them
    const status = new Map();
    const tips = new Map();
    for (const f of r.findings) {
      if (f.status !== 'fail') continue;
      const level = f.severity === 'error' ? 'fail' : f.severity === 'warning' ? 'warn' : null;
      if (!level) continue;
      for (const c of f.cells) {
        const k = refKey(c);
        if (status.get(k) !== 'fail') status.set(k, level);
        if (!tips.has(k)) tips.set(k, []);
        tips.get(k).push(`${msg(f.formula, lang)}${t.colon}${t.fails}`);
      }
      for (const s of f.suspects) this.#inputs.get(refKey(s))?.parentElement.classList.add('suspect');
    }
    for (const [k, st] of status) {
      const input = this.#inputs.get(k);
      if (!input) continue;
      input.parentElement.setAttribute('data-status', st);
      input.setAttribute('aria-invalid', 'true');
      input.parentElement.title += `\n${tips.get(k).join('\n')}`;
    }
    // what each total should be, from the engine's implied values
    const implied = new Map();
    for (const i of r.implied ?? []) {
      const k = refKey(i);
      if (!implied.has(k)) implied.set(k, []);
      implied.get(k).push(i);
    }
    for (const [k, list] of implied) {
      const input = this.#inputs.get(k);
      if (!input) continue;
      const wrong = list.filter((i) => i.status === 'fail');
      // a blank total: its parts' sum, once a part is other than 0
      const blank = list.filter((i) => !has(i.actual) && i.status !== 'pass' && num(i.value) !== '0');
      const show = wrong.length ? wrong : blank;
      const note = input.parentElement.querySelector('.note');
      if (list.every((i) => i.status === 'pass')) {
        note.textContent = t.impliedOk;
        note.setAttribute('data-kind', 'ok');
        continue;
      }
      if (!show.length) continue;
      const vals = [...new Set(show.map((i) => num(i.value)))];
      note.textContent = vals.length === 1 ? t.implied(vals[0]) : t.impliedEither(vals);
      note.setAttribute('data-kind', wrong.length ? 'wrong' : 'blank');
    }
    // what the engine could not read as a number
    for (const table of ['active', 'applications', 'review']) {
      for (const c of r.tables[table] ?? []) {
        if (c.read !== 'unreadable' || String(c.raw ?? '').trim() === '') continue;
        const input = this.#inputs.get(refKey(c));
        if (!input) continue;
        input.parentElement.classList.add('bad');
        input.setAttribute('aria-invalid', 'true');
        const note = input.parentElement.querySelector('.note');
        note.textContent = t.notNumber;
        note.setAttribute('data-kind', 'bad');
      }
    }

    // the verdict, in the engine's words
    const v = r.verdict;
    const kind = v.kind === 'pass' && v.warnings > 0 ? 'warn' : v.kind;
    e.verdict.setAttribute('data-verdict', kind);
    const counts = h('span', { class: 'counts' }, h('span', { class: 'big', 'data-testid': 'form-verdict-main' }, msg(v.message, lang)));
    if (v.incomplete) counts.append(h('span', { class: 'incomplete' }, msg(v.incomplete, lang)));
    e.verdict.append(counts);
    for (const p of (r.problems ?? []).filter((x) => x.severity !== 'info')) {
      const li = h('li', { 'data-severity': p.severity }, h('span', { class: 'what' }, msg(p.message, lang)));
      const cell = p.cell ?? (r.findings[p.findings?.[0]]?.suspects ?? [])[0];
      const input = cell && this.#inputs.get(refKey(cell));
      if (input) {
        const go = h('button', { type: 'button', class: 'go' }, t.goToCell);
        go.addEventListener('click', () => { input.focus(); input.scrollIntoView({ block: 'center', inline: 'nearest' }); });
        li.append(' ', go);
      }
      e.problems.append(li);
    }
  }

  // ---------------------------------------------------------------- typing and moving

  #onInput(ev) {
    const k = ev.target?.dataset?.key;
    if (!k) return;
    this.#values[k] = ev.target.value;
    this.#changed();
  }

  #onFocus(ev) {
    const input = ev.target;
    if (!input?.dataset?.key) return;
    this.#focusValue = input.value;
    input.select();
    input.dataset.fresh = '1';
  }

  /** The key `steps` rows/columns away from `key` (arrows), or null at the edge. */
  #neighbour(key, dr, dc) {
    const p = this.#pos.get(key);
    if (!p) return null;
    const tables = this.#nav;
    if (dc) {
      const line = tables[p.t][p.r];
      for (let c = p.c + dc; c >= 0 && c < line.length; c += dc) if (line[c] && line[c] !== key) return line[c];
      return null;
    }
    for (let t = p.t, r = p.r + dr; t >= 0 && t < tables.length;) {
      const nav = tables[t];
      for (; r >= 0 && r < nav.length; r += dr) {
        const line = nav[r];
        // the same column, else the nearest slot of that row on the left (Table 2's narrower blocks)
        let k = line[Math.min(p.c, line.length - 1)];
        for (let c = Math.min(p.c, line.length - 1); !k && c >= 0; c--) k = line[c];
        if (k && k !== key) return k;
      }
      t += dr;
      if (t >= 0 && t < tables.length) r = dr > 0 ? 0 : tables[t].length - 1;
    }
    return null;
  }

  #move(key, dr, dc) {
    const next = this.#neighbour(key, dr, dc);
    if (!next) return false;
    const input = this.#inputs.get(next);
    input.focus();
    input.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    return true;
  }

  #onKey(ev) {
    const input = ev.target;
    const key = input?.dataset?.key;
    // an input method composing Chinese text owns Enter and the arrows
    if (!key || ev.isComposing || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const all = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    let moved = false;
    switch (ev.key) {
      case 'ArrowUp': moved = this.#move(key, -1, 0); ev.preventDefault(); break;
      case 'ArrowDown': moved = this.#move(key, 1, 0); ev.preventDefault(); break;
      case 'Enter': moved = this.#move(key, ev.shiftKey ? -1 : 1, 0); ev.preventDefault(); break;
      case 'ArrowLeft':
        if (all || input.selectionEnd === 0) { moved = this.#move(key, 0, -1); ev.preventDefault(); }
        break;
      case 'ArrowRight':
        if (all || input.selectionStart === input.value.length) { moved = this.#move(key, 0, 1); ev.preventDefault(); }
        break;
      case 'Escape':
        if (input.value !== this.#focusValue) {
          input.value = this.#focusValue;
          this.#values[key] = input.value;
          this.#changed();
          input.select();
          ev.preventDefault();
        }
        break;
      case 'F2':
        input.setSelectionRange(input.value.length, input.value.length);   // edit in place
        ev.preventDefault();
        break;
      default:
    }
    if (moved) this.#runNow();
  }

  // ---------------------------------------------------------------- pasting a block

  /** The clipboard as a block of cell texts: an HTML table if there is one, else tab-separated lines. */
  static blockOf(dt) {
    const htmlText = dt?.getData?.('text/html') ?? '';
    if (/<table/i.test(htmlText)) {
      try {
        const g = gridsFromHtml(htmlText);
        if (g.length) return g[0];
      } catch { /* fall back to the plain text */ }
    }
    const plain = String(dt?.getData?.('text/plain') ?? '').replace(/\r\n?/g, '\n').replace(/\n$/, '');
    if (plain === '') return [];
    return plain.split('\n').map((line) => line.split('\t'));
  }

  /** The data rows below `key` (itself first): each the row's keys from the cursor's column on. */
  #targets(key, rows, width) {
    const p = this.#pos.get(key);
    const out = [];
    let t = p.t, r = p.r;
    while (out.length < rows && t < this.#nav.length) {
      const nav = this.#nav[t];
      if (r >= nav.length) { t++; r = 0; continue; }
      const line = nav[r];
      const keys = [];
      for (let c = p.c; c < line.length && keys.length < width; c++) {
        if (line[c] && !keys.includes(line[c]) && this.#pos.get(line[c]).r === r) keys.push(line[c]);
      }
      if (keys.length) out.push(keys);
      r++;
    }
    return out;
  }

  #onPaste(ev) {
    const key = ev.target?.dataset?.key;
    if (!key) return;
    ev.preventDefault();
    const t = this.#t;
    const block = GoujiForm.blockOf(ev.clipboardData);
    if (!block.length || block.every((row) => row.every((c) => String(c).trim() === ''))) {
      this.#setStatus(['pasteEmpty'], true);
      return;
    }
    const width = block.reduce((w, row) => Math.max(w, row.length), 0);
    const targets = this.#targets(key, block.length, width);
    const before = {};
    const placed = [];   // [key, text, blockRow, blockCol]
    let overflow = 0;
    const tooLong = [];
    block.forEach((row, i) => row.forEach((cell, j) => {
      const k = targets[i]?.[j];
      if (!k) { if (String(cell).trim() !== '') overflow++; return; }
      const text = String(cell).replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (text.length > MAX_VALUE_CHARS) { tooLong.push([i, j, text.slice(0, 12) + '…']); return; }
      before[k] = this.#values[k] ?? '';
      this.#values[k] = text;
      placed.push([k, text, i, j]);
    }));
    // The engine decides what is a number: a pasted cell it cannot read as one (or a dash,
    // or blank) is put back as it was, and named.
    const r = this.#runNow();
    const read = new Map();
    for (const table of ['active', 'applications', 'review']) for (const c of r?.tables?.[table] ?? []) read.set(refKey(c), c.read);
    const rejected = tooLong.map(([i, j, text]) => t.pasteAt(i + 1, j + 1, text));
    let kept = 0;
    for (const [k, text, i, j] of placed) {
      if (text === '' || PASTE_OK.has(read.get(k))) { kept++; continue; }
      this.#values[k] = before[k];
      rejected.push(t.pasteAt(i + 1, j + 1, text));
    }
    this.#fillInputs();
    if (rejected.length) this.#runNow();
    this.#scheduleSave();
    const parts = [t.pasted(kept)];
    if (rejected.length) parts.push(t.pasteRejected(rejected.slice(0, 8).join('；') + (rejected.length > 8 ? ' …' : '')));
    if (overflow) parts.push(t.pasteOverflow(overflow));
    this.#status = null;
    this.#statusBad = rejected.length > 0 || overflow > 0;
    this.#els.status.textContent = parts.join(' ');
    this.#els.status.classList.toggle('bad', this.#statusBad);
    ev.target.select();
  }

  // ---------------------------------------------------------------- exports

  #exportText(kind) {
    return kind === 'tsv' ? this.toTsv() : kind === 'html' ? this.toHtml() : this.toJson();
  }

  #fileName(kind) {
    const y = this.#report?.year ?? 'form';
    return `gouji-${y}.${kind === 'tsv' ? 'tsv' : kind === 'html' ? 'html' : 'json'}`;
  }

  async #copy(kind) {
    const t = this.#t;
    const text = this.#exportText(kind);
    const what = kind === 'tsv' ? t.tsv : kind === 'html' ? t.htmlFrag : t.json;
    try {
      if (kind === 'tsv' && globalThis.ClipboardItem && navigator.clipboard?.write) {
        // with the same table as HTML, so Word and WPS paste a real table
        await navigator.clipboard.write([new ClipboardItem({
          'text/plain': new Blob([text], { type: 'text/plain' }),
          'text/html': new Blob([this.toHtml()], { type: 'text/html' }),
        })]);
      } else {
        await navigator.clipboard.writeText(text);
      }
      this.#setStatus(['copied', what]);
    } catch {
      const ok = copyBySelection(this.#els.copyBuf, text);
      this.#setStatus(ok ? ['copied', what] : ['copyFailed'], !ok);
    }
  }

  #download(kind) {
    const text = this.#exportText(kind);
    const type = kind === 'tsv' ? 'text/tab-separated-values' : kind === 'html' ? 'text/html' : 'application/json';
    // a byte-order mark, so Excel and a browser opening the file read it as UTF-8
    const blob = new Blob([kind === 'json' ? '' : '\ufeff', text], { type: `${type};charset=utf-8` });
    const url = URL.createObjectURL(blob);
    const name = this.#fileName(kind);
    const a = h('a', { href: url, download: name, hidden: true });
    this.#root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.#setStatus(['downloaded', name]);
  }

  // ---------------------------------------------------------------- the draft

  get #draftKey() { return this.getAttribute('draft-key'); }

  #storage() {
    try { return globalThis.localStorage ?? null; } catch { return null; }
  }

  #scheduleSave() {
    if (!this.#draftKey || !this.#ready) return;
    clearTimeout(this.#saveTimer);
    this.#saveTimer = setTimeout(() => this.saveDraft(), SAVE_MS);
  }

  /** Saves the draft now (only with a draft-key attribute); false when storage refuses. */
  saveDraft() {
    clearTimeout(this.#saveTimer);
    const key = this.#draftKey, store = this.#storage();
    if (!key) return false;
    if (!store) { this.#setDraft(['draftUnavailable']); return false; }
    const values = {};
    for (const [k, v] of Object.entries(this.#values)) if (v !== '' && this.#allKeys.has(k)) values[k] = v;
    const saved = Date.now();
    try {
      store.setItem(key, JSON.stringify({ v: DRAFT_VERSION, format: this.#format, title: this.#title, values, saved }));
    } catch {
      this.#setDraft(['draftUnavailable']);
      return false;
    }
    this.#setDraft(['draftSaved', saved]);
    return true;
  }

  /** Deletes the saved draft from this browser (the form keeps its values). */
  forgetDraft() {
    clearTimeout(this.#saveTimer);
    const key = this.#draftKey, store = this.#storage();
    try { if (key && store) store.removeItem(key); } catch { /* nothing stored then */ }
    this.#setDraft(['draftForgotten']);
  }

  #restoreDraft() {
    const key = this.#draftKey, store = this.#storage();
    this.#els.draftSec.hidden = !key;
    if (!key) return;
    if (!store) { this.#setDraft(['draftUnavailable']); return; }
    let raw = null;
    try { raw = store.getItem(key); } catch { raw = null; }
    if (raw === null) { this.#setDraft(['draftNone']); return; }
    const d = validDraft(raw, this.#allKeys);
    if (!d) { this.#setDraft(['draftBad']); return; }
    this.#format = d.format;
    this.setAttribute('format', d.format);
    this.#values = d.values;
    this.#title = d.title;
    this.#els.title.value = d.title;
    this.#setDraft(['draftRestored', d.saved]);
  }

  #setDraft(key) { this.#draft = key; this.#renderDraft(); }
  #renderDraft() {
    const e = this.#els, t = this.#t;
    if (!this.#draft) { e.draftLine.textContent = ''; return; }
    const [k, time] = this.#draft;
    const when = Number.isFinite(time)
      ? new Date(time).toLocaleString(this.#lang === 'en' ? 'en-GB' : 'zh-CN', { dateStyle: 'short', timeStyle: 'medium' })
      : '';
    const s = t[k];
    e.draftLine.textContent = typeof s === 'function' ? s(when) : s;
  }
}
