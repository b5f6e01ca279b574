// Share a check without uploading it (docs/share.md). “复制分享链接” puts what the check read
// (the text, or the grids of an HTML paste, and last year's report) into the URL fragment,
// `#r=` + base64url( [version byte] + deflate-raw(UTF-8 JSON) ). Browsers never send the
// fragment to a server; opening the link (hosted page or offline file) checks it again in the
// browser. Too long → a link with only the tables, verified by the engine to give the same
// table checks; above MAX_LINK refused.
import { check, checkGrid } from './gouji/gouji.js';
import { h, tr, isEn, notice } from './dom.js';
import { copyBySelection } from './gouji/dom.js';
import { show } from './modes.js';

/** The payload format's version: the first byte, before the compressed JSON. */
export const FORMAT = 1;
/** Above this, say that chat apps and mail clients may cut the link (docs/share.md). */
export const WARN_LINK = 2000;
/** Above this, refuse: Chromium shows a longer URL as its origin only (docs/share.md). */
export const MAX_LINK = 32000;
/** A decoded payload larger than this is refused (a link can inflate to much more than it is). */
const MAX_INFLATED = 24 * 1024 * 1024;

const T = {
  share: { zh: '复制分享链接', en: 'Copy share link' },
  linkLabel: { zh: '分享链接', en: 'Share link' },
  copied: { zh: '已复制分享链接。', en: 'Share link copied.' },
  notCopied: { zh: '未能自动复制，请手动复制下面的链接。', en: 'Could not copy automatically; copy the link below.' },
  chars: (n) => ({ zh: `链接长 ${n.toLocaleString('en')} 个字符。`, en: `The link is ${n.toLocaleString('en')} characters long.` }),
  private: { zh: '内容只在链接的 # 之后，打开链接时不会发送给任何服务器。', en: 'The content is only after the # of the link: opening it sends it to no server.' },
  long: { zh: `超过 ${WARN_LINK.toLocaleString('en')} 个字符：一些聊天软件、短信和邮件客户端会截断过长的链接，请确认对方收到的链接完整。`,
    en: `Over ${WARN_LINK.toLocaleString('en')} characters: some chat apps, text messages and mail clients cut long links; make sure the whole link arrives.` },
  offerTables: (n) => ({ zh: `改为复制只含统计表的链接（${n.toLocaleString('en')} 个字符）`, en: `Copy a link with only the tables instead (${n.toLocaleString('en')} characters)` }),
  tablesOnly: (n) => ({ zh: `全文的链接有 ${n.toLocaleString('en')} 个字符，超过上限 ${MAX_LINK.toLocaleString('en')}；已改为只含统计表的链接。`,
    en: `A link with the whole text would be ${n.toLocaleString('en')} characters, over the limit of ${MAX_LINK.toLocaleString('en')}; this link holds only the tables.` }),
  proseLeft: { zh: '正文未包含在内：依据正文的检查（正文与表格是否一致等）不在分享的检查中；表格的检查与这里相同。',
    en: 'The prose is left out: the checks based on it (does the text agree with the tables, …) are not in the shared check; the table checks are the same as here.' },
  previousIn: { zh: '上一年度报告也在链接中（跨年度检查相同）。', en: 'Last year\'s report is in the link too (same cross-year checks).' },
  refused: (n) => ({ zh: `无法生成分享链接：即使只含统计表，链接也有 ${n.toLocaleString('en')} 个字符，超过上限 ${MAX_LINK.toLocaleString('en')}。请改用“导出 JSON”，或把原文件发给对方。`,
    en: `No share link: even with only the tables it would be ${n.toLocaleString('en')} characters, over the limit of ${MAX_LINK.toLocaleString('en')}. Use “Export JSON”, or send the file itself.` }),
  refusedNoTables: (n) => ({ zh: `无法生成分享链接：全文的链接有 ${n.toLocaleString('en')} 个字符，超过上限 ${MAX_LINK.toLocaleString('en')}；只含表格的链接无法得到同样的检查。请改用“导出 JSON”，或把原文件发给对方。`,
    en: `No share link: with the whole text it would be ${n.toLocaleString('en')} characters, over the limit of ${MAX_LINK.toLocaleString('en')}, and a link with only the tables would not give the same checks. Use “Export JSON”, or send the file itself.` }),
  offline: { zh: '这是离线版：链接指向本机上的这个文件。对方可把链接中 # 及其后的部分接在自己的勾稽页面地址后打开。',
    en: 'This is the offline file: the link points to this file on this computer. The recipient can append the part from # on to the address of their own gouji page.' },
  failed: { zh: '无法生成分享链接', en: 'Could not make a share link' },
  // opening a link
  opened: { zh: '已打开分享的检查：内容来自链接本身，没有经过任何服务器。', en: 'Opened a shared check: its content came in the link itself, through no server.' },
  openedTables: { zh: '这个分享只含统计表：正文未包含，依据正文的检查不在其中。', en: 'This share holds only the tables: the prose was left out, so the checks based on it are missing.' },
  openedPrevious: { zh: '含上一年度报告，已一并核对。', en: 'It includes last year\'s report, checked as well.' },
  ask: { zh: '链接中有一份分享的检查。打开它会替换输入框中现有的内容。', en: 'The link holds a shared check. Opening it replaces what is in the box now.' },
  replace: { zh: '打开分享的检查', en: 'Open the shared check' },
  keep: { zh: '保留我的内容', en: 'Keep my text' },
  bad: {
    base64: { zh: '分享链接已损坏（含有不该有的字符），无法打开。', en: 'The share link is damaged (it holds characters it should not) and cannot be opened.' },
    empty: { zh: '分享链接是空的，无法打开。', en: 'The share link is empty and cannot be opened.' },
    version: { zh: '这个分享链接来自更新版本的勾稽，这里无法读取；请用最新的页面打开。', en: 'This share link comes from a newer gouji and cannot be read here; open it with the current page.' },
    inflate: { zh: '分享链接不完整或已损坏（可能在转发时被截断），无法打开。请让对方重新复制完整的链接。', en: 'The share link is incomplete or damaged (perhaps cut when it was forwarded) and cannot be opened. Ask for the whole link again.' },
    content: { zh: '分享链接的内容不对，无法打开。', en: 'The share link\'s content is not valid and cannot be opened.' },
    big: { zh: '分享链接展开后太大，已拒绝打开。', en: 'The share link expands to too much and was refused.' },
  },
  boxKept: { zh: '输入框中的内容没有改动。', en: 'What is in the box was not changed.' },
};

// ---------------------------------------------------------------- the payload

class ShareError extends Error {
  constructor(code) { super(code); this.code = code; }
}

const toB64url = (bytes) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
function fromB64url(raw) {
  // chat apps sometimes glue the next punctuation (“。”, “）”, encoded or not) to a link
  let str = raw;
  try { str = decodeURIComponent(raw); } catch { /* keep it as it is */ }
  str = str.replace(/[^A-Za-z0-9_-]+$/u, '');
  if (!/^[A-Za-z0-9_-]*$/.test(str) || str.length % 4 === 1) throw new ShareError('base64');
  const bin = atob(str.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function pipe(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const parts = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.length;
    if (n > limit) { reader.cancel().catch(() => {}); throw new ShareError('big'); }
    parts.push(value);
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** { t, g?, p?, o? } → the fragment's value (base64url of version byte + deflate-raw JSON). */
export async function encodePayload(data) {
  const packed = await pipe(new TextEncoder().encode(JSON.stringify(data)), new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(packed.length + 1);
  bytes[0] = FORMAT;
  bytes.set(packed, 1);
  return toB64url(bytes);
}

const isGrids = (g) => Array.isArray(g) && g.every((t) => Array.isArray(t) && t.every((r) => Array.isArray(r) && r.every((c) => typeof c === 'string')));

/** The fragment's value → { t, g?, p?, o? }; throws ShareError(code) for anything else. */
export async function decodePayload(str) {
  const bytes = fromB64url(str);
  if (bytes.length === 0) throw new ShareError('empty');
  if (bytes[0] !== FORMAT) throw new ShareError('version');
  let json;
  try {
    json = new TextDecoder('utf-8', { fatal: true }).decode(await pipe(bytes.subarray(1), new DecompressionStream('deflate-raw'), MAX_INFLATED));
  } catch (e) {
    throw e instanceof ShareError ? e : new ShareError('inflate');
  }
  let d;
  try { d = JSON.parse(json); } catch { throw new ShareError('content'); }
  if (!d || typeof d !== 'object' || typeof d.t !== 'string'
    || (d.g !== undefined && !isGrids(d.g)) || (d.p !== undefined && typeof d.p !== 'string')) throw new ShareError('content');
  return d;
}

/** The page's address without query and fragment (plus ?lang=en in English). */
function base() {
  const u = new URL(location.href);
  u.hash = '';
  u.search = '';
  if (isEn()) u.searchParams.set('lang', 'en');
  return u.href;
}
const linkFor = async (data) => `${base()}#r=${await encodePayload(data)}`;

// ---------------------------------------------------------------- tables only

const isProse = (rule) => /^[PS]\d|^R9$/.test(rule);
/** What the table checks said: what a tables-only link must reproduce. */
const tableSig = (r) => JSON.stringify([r.format, r.year, r.table_info.map((t) => [t.table, t.found, t.cells_read]),
  r.checks.filter((c) => !isProse(c.rule)).map((c) => [c.rule, c.instance, c.status]),
  r.findings.filter((f) => !isProse(f.rule)).map((f) => [f.rule, f.instance, f.status, String(f.actual), String(f.expected), f.suspects])]);

/**
 * The lines of `text` that hold the tables the engine read: from each table's first cell
 * line back over up to `back` short lines (its headings and column heads), to its last
 * cell line; the title first.
 */
function tableLines(text, r, back) {
  const lines = text.split('\n');
  const keep = new Set();
  for (const info of r.table_info) {
    const at = (r.tables[info.table] ?? []).map((c) => c.line).filter((l) => l);
    if (!at.length) continue;
    let lo = Math.min(info.line ?? Infinity, ...at);
    const hi = Math.max(...at);
    for (let n = 0; lo > 1 && n < back && lines[lo - 2].length <= 60;) {
      lo--;
      if (lines[lo - 1].trim() !== '') n++;
    }
    for (let i = lo; i <= hi; i++) keep.add(i);
  }
  const body = [...keep].sort((a, b) => a - b).map((i) => lines[i - 1]).join('\n');
  return r.title ? `${r.title}\n${body}` : body;
}

/**
 * A tables-only payload whose check gives the same table checks as `report`, or null. Each
 * candidate is checked by the engine before it is offered.
 */
function tablesOnly(input, report) {
  const run = (d) => {
    const options = d.p ? { previous: d.p } : undefined;
    return d.g ? checkGrid(d.g, d.t, options) : check(d.t, options);
  };
  const want = tableSig(report);
  const prevReport = input.previous ? check(input.previous) : null;
  for (const back of [10, 40]) {
    const d = input.grids ? { t: report.title ?? '', g: input.grids } : { t: tableLines(input.text, report, back) };
    if (input.previous) d.p = tableLines(input.previous, prevReport, back);
    d.o = 1;
    try { if (tableSig(run(d)) === want) return d; } catch { /* engine trapped: no candidate */ }
  }
  return null;
}

// ---------------------------------------------------------------- the button

function fullPayload(input) {
  const d = { t: input.text };
  if (input.grids) d.g = input.grids;
  if (input.previous) d.p = input.previous;
  return d;
}

async function copy(text, field) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    field.focus();
    return copyBySelection(field, text);
  }
}

function mountButton(checker) {
  const btn = h('button', { type: 'button', slot: 'actions', 'data-testid': 'share' });
  const msg = h('p', { class: 'share-msg', role: 'status', 'aria-live': 'polite', 'data-testid': 'share-msg' });
  const field = h('input', { type: 'text', readonly: true, class: 'share-link', 'data-testid': 'share-link', spellcheck: 'false' });
  const fieldLabel = h('label', { class: 'share-label' });
  fieldLabel.append(h('span', {}), field);
  const alt = h('button', { type: 'button', 'data-testid': 'share-tables', hidden: true });
  const out = h('div', { slot: 'actions', class: 'share-out', hidden: true, 'data-testid': 'share-out' }, msg, fieldLabel, alt);
  checker.append(btn, out);

  let lines = [];   // [{zh,en}, …] of the message shown
  let altLink = null;
  let kind = '';    // 'full' | 'tables' | 'refused': set on the output with its message, never before it
  const render = () => {
    if (kind) out.dataset.kind = kind;
    btn.textContent = tr(T.share);
    fieldLabel.firstChild.textContent = tr(T.linkLabel);
    msg.replaceChildren(...lines.map((l, i) => h('span', { class: l.bad ? 'bad' : null, 'data-line': i }, tr(l), ' ')));
    if (altLink) alt.textContent = tr(T.offerTables(altLink.length));
  };
  document.addEventListener('gouji-lang', render);
  // a new check makes the link shown stale
  checker.addEventListener('report', () => { out.hidden = true; lines = []; altLink = null; });

  const offer = async (link, why) => {
    field.value = link;
    fieldLabel.hidden = false;
    out.dataset.length = String(link.length);
    const ok = await copy(link, field);
    lines = [ok ? T.copied : { ...T.notCopied, bad: true }, T.chars(link.length), ...why, T.private];
    if (link.length > WARN_LINK) lines.push({ ...T.long, bad: true });
    if (location.protocol === 'file:') lines.push(T.offline);
  };

  btn.addEventListener('click', async () => {
    const input = checker.checkedInput;
    const report = checker.report;
    if (!input || !report) return;
    out.hidden = false;
    alt.hidden = true;
    altLink = null;
    kind = 'full';
    try {
      const full = await linkFor(fullPayload(input));
      const prev = input.previous ? [T.previousIn] : [];
      if (full.length <= MAX_LINK) {
        await offer(full, prev);
        if (full.length > WARN_LINK) {
          const d = tablesOnly(input, report);
          const short = d ? await linkFor(d) : null;
          if (short && short.length < full.length) {
            altLink = short;
            alt.hidden = false;
            alt.onclick = async () => {
              alt.hidden = true;
              kind = 'tables';
              await offer(short, [T.proseLeft, ...prev]);
              render();
            };
          }
        }
      } else {
        const d = tablesOnly(input, report);
        const short = d ? await linkFor(d) : null;
        if (short && short.length <= MAX_LINK) {
          kind = 'tables';
          await offer(short, [T.tablesOnly(full.length), T.proseLeft, ...prev]);
        } else {
          kind = 'refused';
          field.value = '';
          fieldLabel.hidden = true;
          lines = [{ ...(short ? T.refused(short.length) : T.refusedNoTables(full.length)), bad: true }];
        }
      }
    } catch (e) {
      kind = 'refused';
      fieldLabel.hidden = true;
      lines = [{ zh: `${T.failed.zh}：${e?.message ?? e}`, en: `${T.failed.en}: ${e?.message ?? e}`, bad: true }];
    }
    render();
  });
  render();
}

// ---------------------------------------------------------------- opening a link

function apply(checker, d) {
  checker.previous = d.p ?? '';
  if (d.g) checker.checkGrids(d.g, d.t); else checker.value = d.t;
  notice(() => [tr(T.opened), d.o ? ` ${tr(T.openedTables)}` : '', d.p ? ` ${tr(T.openedPrevious)}` : '']);
}

async function receive(checker, later) {
  const m = /^#r=(.*)$/s.exec(location.hash);
  if (!m) return;
  // at load the link has no ?mode=, so the check is shown; a link pasted later may find another mode
  if (later) show('check', true);
  let d;
  try {
    d = await decodePayload(m[1]);
  } catch (e) {
    const bad = T.bad[e?.code] ?? T.bad.content;
    const kept = checker.value.trim() !== '';
    notice(() => [tr(bad), kept ? ` ${tr(T.boxKept)}` : ''], 'bad');
    return;
  }
  const mine = checker.value.trim() !== '' || checker.previous.trim() !== '';
  const same = checker.value === d.t && checker.previous === (d.p ?? '');
  if (!mine || same) { apply(checker, d); return; }
  // The box holds the user's own text: ask before replacing it.
  const yes = h('button', { type: 'button', 'data-testid': 'share-replace' });
  const no = h('button', { type: 'button', 'data-testid': 'share-keep' });
  yes.addEventListener('click', () => apply(checker, d));
  no.addEventListener('click', () => {
    const u = new URL(location.href);
    u.hash = '';
    history.replaceState(history.state, '', u);
    notice(() => [tr(T.boxKept)]);
  });
  notice(() => {
    yes.textContent = tr(T.replace);
    no.textContent = tr(T.keep);
    return [tr(T.ask), ' ', yes, ' ', no];
  });
}

const checker = document.querySelector('gouji-checker');
if (checker) {
  mountButton(checker);
  receive(checker);
  window.addEventListener('hashchange', () => receive(checker, true));
}
