// The one DOM builder of the library and the site: elements with attributes (setAttribute)
// and children as nodes or text — never HTML, so nothing from a report is ever parsed as markup.

/** Element `tag` with `attrs` (false/null/undefined skipped, true → empty) and `children`. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

/**
 * Copies `text` by selecting it in `field` (a textarea) — the way left where the async
 * clipboard is refused (no permission, file://, an older browser). True when it worked.
 */
export function copyBySelection(field, text) {
  field.value = text;
  field.select();
  try { return document.execCommand('copy'); } catch { return false; }
}
