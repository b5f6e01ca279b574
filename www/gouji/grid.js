// Clipboard / file HTML → string grids for checkGrid(), and → plain text for the textarea.
// The HTML is parsed with DOMParser into an inert document: nothing in it runs or loads,
// and none of its nodes is ever inserted into the page.

const MAX_SPAN = 1000;          // HTML caps colspan at 1000 and rowspan at 65534
const MAX_CELLS = 500_000;      // refuse absurd grids instead of allocating them

/** Parses HTML into an inert document. */
export function parseHtml(html) {
  // Inline handlers (onerror=…) and inline styles (style=…, <style>) never run or apply in a
  // DOMParser document, but Chromium still checks them against the page's CSP and logs a
  // violation; rename them first to keep the console clean.
  const defused = String(html)
    .replace(/<[a-zA-Z][^>]*>/g, (tag) => tag
      .replace(/(\s)(on[a-z]+|style)(\s*=)/gi, '$1data-defused-$2$3')
      .replace(/^<style\b/i, '<template data-defused-style'))
    .replace(/<\/style\b/gi, '</template');
  return new DOMParser().parseFromString(defused, 'text/html');
}

/** Text of a cell: <br> and block boundaries become spaces, whitespace collapsed. */
function cellText(cell) {
  let out = '';
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) out += n.data;
      else if (n.nodeType === 1) {
        const tag = n.localName;
        if (tag === 'br') { out += ' '; continue; }
        if (tag === 'script' || tag === 'style' || tag === 'template') continue;
        if (tag === 'table') { walk(n); out += ' '; continue; }
        const block = /^(p|div|li|h[1-6]|tr|td|th)$/.test(tag);
        if (block) out += ' ';
        walk(n);
        if (block) out += ' ';
      }
    }
  };
  walk(cell);
  return out.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
}

/**
 * One <table> → grid, by the HTML table-forming algorithm (simplified): each cell fills the
 * slots it spans; the origin slot holds its text, covered slots are "".
 */
export function gridFromTable(table) {
  const rows = Array.from(table.rows);
  const grid = [];
  let cells = 0;
  for (let r = 0; r < rows.length; r++) {
    grid[r] ??= [];
    let c = 0;
    for (const cell of rows[r].cells) {
      while (grid[r][c] !== undefined) c++;
      const cs = Math.min(Math.max(cell.colSpan | 0, 1), MAX_SPAN);
      let rs = cell.rowSpan | 0;
      if (rs <= 0) rs = rows.length - r;        // rowspan=0: to the end of the section
      rs = Math.min(rs, rows.length - r);
      const text = cellText(cell);
      for (let dy = 0; dy < rs; dy++) {
        const row = (grid[r + dy] ??= []);
        for (let dx = 0; dx < cs; dx++) {
          if (row[c + dx] === undefined) row[c + dx] = dy === 0 && dx === 0 ? text : '';
          if (++cells > MAX_CELLS) throw new RangeError('table too large');
        }
      }
      c += cs;
    }
  }
  const width = grid.reduce((w, row) => Math.max(w, row.length), 0);
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''));
}

/** All tables of an HTML string as grids (innermost tables only; layout tables skipped). */
export function gridsFromHtml(html) {
  const doc = parseHtml(html);
  const tables = Array.from(doc.querySelectorAll('table'))
    .filter((t) => !t.querySelector('table'));
  return tables.map(gridFromTable).filter((g) => g.length > 0);
}

/** Readable plain text of an HTML document: tables as tab-separated rows. */
export function textFromHtml(html) {
  const doc = parseHtml(html);
  const lines = [];
  let line = '';
  const flush = () => { if (line.trim() !== '') lines.push(line.replace(/[ \t\u00a0]+$/, '')); line = ''; };
  const walk = (node) => {
    for (const n of node.childNodes) {
      if (n.nodeType === 3) { line += n.data.replace(/[\s\u00a0]+/g, ' '); continue; }
      if (n.nodeType !== 1) continue;
      const tag = n.localName;
      if (tag === 'script' || tag === 'style' || tag === 'template' || tag === 'head') continue;
      if (tag === 'table' && !n.querySelector('table')) {
        flush();
        for (const row of gridFromTable(n)) lines.push(row.join('\t'));
        continue;
      }
      if (tag === 'br') { flush(); continue; }
      const block = /^(p|div|li|h[1-6]|tr|section|article|blockquote|pre|table|ul|ol|dl|dt|dd)$/.test(tag);
      if (block) flush();
      walk(n);
      if (block) flush();
    }
  };
  walk(doc.body ?? doc);
  flush();
  return lines.join('\n');
}

// ---------------------------------------------------------------- text that is really HTML

/** Table markup written as a JavaScript/JSON string: <\/td>, \u003ctd, \x3ctd, or \" in a table tag. */
const ESCAPED = /<\\\/t(?:able|d|h|r)\b|\\u003ct(?:able|d)\b|\\x3ct(?:able|d)\b|<t(?:able|d|h|r)\b[^>]{0,64}?\\"/i;

/** Undoes JavaScript/JSON string escapes (\" \' \/ \\ \n \r \t \uXXXX \xHH); other backslashes stay. */
export function unescapeJs(text) {
  return String(text).replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|["'/\\nrt])/g, (_, e) => {
    if (e.length > 1) return String.fromCharCode(parseInt(e.slice(1), 16));
    return { n: '\n', r: '\r', t: '\t' }[e] ?? e;
  });
}

/** `<table` followed somewhere by `<td` or `<th` (any case). */
export function hasTableMarkup(text) {
  const s = String(text);
  const m = /<table\b/i.exec(s);
  if (!m) return false;
  const cell = /<t[dh][\s/>]/gi;
  cell.lastIndex = m.index;
  return cell.test(s);
}

/**
 * Pasted plain text that is really HTML — a saved page's source, or the page's HTML kept in
 * a script or JSON string with escaped quotes and &nbsp; — as the HTML to read its tables
 * from ({ html, unescaped }), or null when it holds no table markup. Escaped markup is
 * unescaped first; when the tables are only inside a <script>, its text is read as markup
 * (parsed inert by DOMParser: nothing in it runs).
 */
export function tableMarkup(text) {
  let src = String(text ?? '');
  let unescaped = false;
  for (let i = 0; i < 3 && ESCAPED.test(src); i++) { src = unescapeJs(src); unescaped = true; }
  if (!hasTableMarkup(src)) return null;
  if (/<script/i.test(src) && !parseHtml(src).querySelector('table')) {
    const opened = src.replace(/<(\/?)script\b[^>]*>/gi, '<$1div>');
    if (parseHtml(opened).querySelector('table')) src = opened;
  }
  return { html: src, unescaped };
}
