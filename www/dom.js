// Small DOM helpers for the site's features (share links, the bookmarklet): elements built
// with attributes and text only (never HTML), and the one notice line above the checker.

import { h } from './gouji/dom.js';

export { h };

export const isEn = () => document.documentElement.lang === 'en';
/** The site's language now: { zh, en } → the string. */
export const tr = (m) => (isEn() ? m.en : m.zh);

let box = null;
let current = null;   // [render] of the notice shown, re-run on a language switch

/**
 * Shows a notice above the checker (replacing the previous one): `render()` returns its
 * children, so it is rebuilt in the other language when the site switches. `kind` 'bad'
 * for a failure. `notice(null)` removes it.
 */
export function notice(render, kind = 'info') {
  if (!box) {
    box = h('div', { class: 'notice', role: 'status', 'aria-live': 'polite', 'data-testid': 'notice', hidden: true });
    document.getElementById('mode-check')?.prepend(box);
    document.addEventListener('gouji-lang', () => { if (current) box.replaceChildren(...current()); });
  }
  current = render;
  box.hidden = !render;
  box.dataset.kind = kind;
  box.replaceChildren(...(render ? render() : []));
  return box;
}
