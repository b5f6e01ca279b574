// The hosted page (and the offline file): a header, a language switch, <gouji-checker> and the
// modes features add (modes.js). Kept out of index.html so the strict CSP (no inline script) holds.
import './gouji/gouji-checker-define.js';
import { startModes } from './modes.js';
// the order of the imports is the order of the tabs
import './share.js';
import './fill.js';
import './batch.js';
import './bookmarklet.js';

const el = document.querySelector('gouji-checker');
const params = new URLSearchParams(location.search);

function setLang(lang) {
  const en = lang === 'en';
  document.documentElement.lang = en ? 'en' : 'zh-CN';
  el.setAttribute('lang', en ? 'en' : 'zh');
  for (const node of document.querySelectorAll('[data-zh]')) {
    node.textContent = en ? node.dataset.en : node.dataset.zh;
  }
  document.title = en ? document.body.dataset.titleEn : document.body.dataset.titleZh;
  const sw = document.getElementById('lang');
  sw.textContent = en ? '中文' : 'English';
  sw.setAttribute('lang', en ? 'zh-CN' : 'en');
  sw.setAttribute('aria-label', en ? '切换到中文' : 'Switch to English');
  document.getElementById('modes').setAttribute('aria-label', en ? 'Modes' : '功能');
  document.dispatchEvent(new CustomEvent('gouji-lang', { detail: en ? 'en' : 'zh' }));
}

document.getElementById('lang').addEventListener('click', () => {
  const en = document.documentElement.lang !== 'en';
  setLang(en ? 'en' : 'zh');
  const u = new URL(location.href);
  if (en) u.searchParams.set('lang', 'en'); else u.searchParams.delete('lang');
  history.replaceState(null, '', u);
});
setLang(params.get('lang') === 'en' ? 'en' : 'zh');
startModes(document.getElementById('modes'), document.getElementById('mode-check'), params.get('mode'), {
  lang: () => (document.documentElement.lang === 'en' ? 'en' : 'zh'),
  checker: el,
});

// The offline single file has no separate file to download.
if (globalThis.__GOUJI_INLINE__) document.getElementById('offline')?.remove();

// First visit: show the example, unless ?blank is given, the box already has text, or a
// share link (#r=) or the bookmarklet (#bm=) brings what to check.
el.addEventListener('ready', () => {
  if (!params.has('blank') && el.value.trim() === '' && !/^#(?:r|bm)=/.test(location.hash)) {
    el.loadExample().catch(() => {});
  }
}, { once: true });
