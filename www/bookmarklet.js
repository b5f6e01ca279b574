// The bookmarklet “勾稽：检查本页” (docs/share.md): run on a report page, it opens this page
// in a new tab at `#bm=TOKEN` and, once this page says it is ready, posts it the page's
// tables (outerHTML of each innermost <table>) and title — to this page's exact origin, and
// only in answer to a message from the tab it opened with its own random token. This page
// takes one message from its opener carrying that token, then forgets the token; it checks
// the tables like an HTML paste (inert parsing, only cell text reaches the engine).
// The “工具” panel offers the bookmarklet, built from this page's own address.
import { registerMode } from './modes.js';
import { h, tr, notice } from './dom.js';
import { textFromHtml } from './gouji/grid.js';
import { MAX_CHARS } from './gouji/gouji-checker.js';

/** How long this page waits for the tables before saying to copy and paste instead. */
export const WAIT_MS = 8000;
const MAX_TABLES = 1000;

/**
 * Runs in the report's page, not here: stringified into the javascript: URL, so it must be
 * self-contained. Reads only document.title and the innermost tables.
 */
function bookmarklet(url, origin) {
  var tables = [].filter.call(document.querySelectorAll('table'), function (t) { return !t.querySelector('table'); })
    .map(function (t) { return t.outerHTML; });
  var token = [].map.call(crypto.getRandomValues(new Uint8Array(16)), function (b) { return (b + 256).toString(16).slice(1); }).join('');
  var w = window.open(url + '#bm=' + token, '_blank');
  if (!w) { alert('勾稽：未能打开新标签页（可能被浏览器拦截）。\ngouji: could not open a new tab (blocked?).'); return; }
  var on = function (e) {
    if (e.source !== w || e.origin !== origin || !e.data || e.data.gouji !== 'ready' || e.data.token !== token) return;
    removeEventListener('message', on);
    w.postMessage({ gouji: 'tables', token: token, title: String(document.title), tables: tables }, origin);
  };
  addEventListener('message', on);
  setTimeout(function () { removeEventListener('message', on); }, 120000);
}

/** The javascript: URL for this page (its origin and path; English when the site is). */
export function bookmarkletUrl(lang = 'zh') {
  const url = `${location.origin}${location.pathname}${lang === 'en' ? '?lang=en' : ''}`;
  return `javascript:${encodeURIComponent(`void (${bookmarklet})(${JSON.stringify(url)},${JSON.stringify(location.origin)})`)}`;
}

/** The bookmarklet can target only a page with a real origin (not the offline file's "null"). */
const canTarget = () => /^https?:$/.test(location.protocol) && location.origin !== 'null';

const T = {
  waiting: { zh: '正在接收本页的表格……', en: 'Receiving the page\'s tables…' },
  noTables: { zh: '没有收到本页的表格（书签小工具未能把表格传过来：页面可能禁止了它，或没有与本标签页的联系）。请复制整页后粘贴到这里。',
    en: 'No tables arrived from the page (the bookmarklet could not hand them over: the page may block it, or this tab has no link back to it). Copy the page and paste it here.' },
  empty: { zh: '收到了本页，但其中没有表格（<table>）：报告可能是 PDF、图片或嵌在框架中。请复制报告内容后粘贴到这里。',
    en: 'The page arrived but holds no tables (<table>): the report may be a PDF, an image or inside a frame. Copy the report and paste it here.' },
  tooBig: { zh: '收到的表格太多或太大，未核对。请复制报告中的统计表后粘贴到这里。', en: 'The tables that arrived are too many or too large; not checked. Copy the report\'s tables and paste them here.' },
  received: (n, from) => ({ zh: `已收到 ${n} 个表格（来自 ${from}），下面是它们的核对结果；页面的其他内容没有读取。`,
    en: `Received ${n} table${n === 1 ? '' : 's'} (from ${from}); their check is below. Nothing else of the page was read.` }),
};

// ---------------------------------------------------------------- receiving the tables

function receive(checker, token) {
  const opener = window.opener;
  let timer = 0;
  let again = 0;
  const forget = () => { token = null; removeEventListener('message', onMessage); clearTimeout(timer); clearInterval(again); };
  const fail = (m) => { forget(); notice(() => [tr(m)], 'bad'); };
  function onMessage(e) {
    // one message, from the opener, with this tab's token; anything else is ignored
    if (!token || e.source !== opener || !e.data || e.data.gouji !== 'tables' || e.data.token !== token) return;
    forget();
    const { tables } = e.data;
    const title = typeof e.data.title === 'string' ? e.data.title.slice(0, 500).trim() : '';
    if (!Array.isArray(tables) || !tables.every((t) => typeof t === 'string')) { fail(T.noTables); return; }
    if (tables.length === 0) { fail(T.empty); return; }
    const html = tables.join('\n');
    if (tables.length > MAX_TABLES || html.length > MAX_CHARS * 4) { fail(T.tooBig); return; }
    checker.checkHtml(html, [title, textFromHtml(html)].filter(Boolean).join('\n'));
    const u = new URL(location.href);
    u.hash = '';
    history.replaceState(history.state, '', u);   // the token is spent; a reload shows the start page
    const from = e.origin;
    notice(() => [tr(T.received(tables.length, from))]);
  }
  if (!token || !/^[0-9a-f]{32}$/.test(token) || !opener) { fail(T.noTables); return; }
  notice(() => [tr(T.waiting)]);
  addEventListener('message', onMessage);
  // '*': the report page's origin is not known here; only the opener gets it, and the token
  // it reveals is the one the opener made (docs/share.md, security model)
  const hello = () => { try { opener.postMessage({ gouji: 'ready', token }, '*'); return true; } catch { return false; } };
  if (!hello()) { fail(T.noTables); return; }
  again = setInterval(hello, 1000);   // in case the report page was busy the first time
  timer = setTimeout(() => fail(T.noTables), WAIT_MS);
}

const checker = document.querySelector('gouji-checker');
const m = /^#bm=(.*)$/s.exec(location.hash);
if (checker && m) receive(checker, m[1]);

// ---------------------------------------------------------------- the 工具 panel

const P = {
  title: { zh: '书签小工具“勾稽：检查本页”', en: 'Bookmarklet “gouji: check this page”' },
  what: { zh: '在政府网站上看年度报告时，用它把本页的统计表交给勾稽核对：它只读取本页的表格（<table>）和标题，在新标签页打开勾稽并把它们直接传过去；页面的其他内容不读取，也不发送给任何服务器。',
    en: 'While reading an annual report on a government site, use it to hand the page\'s tables to gouji: it reads only the page\'s tables (<table>) and title, opens gouji in a new tab and passes them to it directly; nothing else of the page is read, and nothing goes to any server.' },
  step1: { zh: '把下面的按钮拖到浏览器的书签栏（或右键点它，选“将链接添加到书签/收藏”）。', en: 'Drag the button below to your browser\'s bookmarks bar (or right-click it and bookmark the link).' },
  step2: { zh: '打开报告所在的网页，点击这个书签。', en: 'Open the report\'s web page and click the bookmark.' },
  step3: { zh: '勾稽在新标签页中打开，显示这些表格的核对结果。', en: 'gouji opens in a new tab and shows the check of those tables.' },
  link: { zh: '勾稽：检查本页', en: 'gouji: check this page' },
  dragHint: { zh: '请把它拖到书签栏，而不是在这里点击。', en: 'Drag it to the bookmarks bar rather than clicking it here.' },
  limitsH: { zh: '不能使用的情况', en: 'Where it does not work' },
  csp: { zh: '页面的内容安全策略（CSP）禁止脚本时：在我们测试的 Chromium 中，从书签启动的小工具照常运行；有的浏览器或设置会拦下它，这时点击后没有任何反应。',
    en: 'Where the page\'s Content Security Policy forbids scripts: in the Chromium we tested, the bookmarklet started from a bookmark still runs; some browsers or settings stop it, and then clicking it does nothing.' },
  coop: { zh: '页面切断了与新窗口的联系（Cross-Origin-Opener-Policy）时，勾稽会打开，但收不到表格，并会说明（最多等待 8 秒）。', en: 'Where the page cuts its link to the windows it opens (Cross-Origin-Opener-Policy), gouji opens but receives no tables, and says so (it waits 8 seconds at most).' },
  pdf: { zh: '报告是 PDF、图片或嵌在框架（iframe）里时，本页没有可读的表格。', en: 'Where the report is a PDF, an image or inside a frame (iframe), the page has no tables to read.' },
  fallback: { zh: '这些情况下，请复制整页（Ctrl+A、Ctrl+C）后粘贴到“核对”的输入框。', en: 'In these cases copy the whole page (Ctrl+A, Ctrl+C) and paste it into the box under “Check”.' },
  offline: { zh: '离线版不能作为书签小工具的目标：从本机打开的文件（file://）不能被网页打开，也无法确认消息来自哪里。请在在线页面上添加这个书签。',
    en: 'The offline file cannot be the bookmarklet\'s target: a file opened from disk (file://) cannot be opened by a web page, and messages to it cannot be tied to an origin. Add the bookmarklet from the hosted page.' },
};

registerMode({
  id: 'tools',
  zh: '工具',
  en: 'Tools',
  mount(panel, site) {
    const text = (tag, m, attrs = {}) => h(tag, { ...attrs, 'data-zh': m.zh, 'data-en': m.en }, tr(m));
    const hint = h('p', { class: 'bm-hint', role: 'status', 'aria-live': 'polite' });
    let link = null;
    if (canTarget()) {
      link = h('a', { class: 'bookmarklet', 'data-testid': 'bookmarklet', draggable: 'true' });
      link.addEventListener('click', (e) => { e.preventDefault(); hint.textContent = tr(P.dragHint); });
    }
    const set = () => {
      if (!link) return;
      link.textContent = tr(P.link);
      link.href = bookmarkletUrl(site.lang());
      if (hint.textContent) hint.textContent = tr(P.dragHint);
    };
    set();
    document.addEventListener('gouji-lang', set);
    panel.classList.add('tools');
    panel.append(...[
      text('h2', P.title),
      text('p', P.what),
      link ? h('ol', {}, text('li', P.step1), text('li', P.step2), text('li', P.step3)) : text('p', P.offline, { 'data-testid': 'bookmarklet-offline' }),
      link ? h('p', {}, link) : null,
      hint,
      text('h3', P.limitsH),
      h('ul', {}, text('li', P.csp), text('li', P.coop), text('li', P.pdf), text('li', P.fallback), link ? text('li', P.offline) : null),
    ].filter(Boolean));   // append() would write a null as the text "null"
  },
});
