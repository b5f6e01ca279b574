// The official forms as a grid of header cells and data slots, built from the engine's
// forms() (its rows, columns and labels; nothing hand-kept but the section numbers), and
// what <gouji-form> makes of it: the text the engine checks, the tab-separated export and the
// HTML table fragment. One layout serves all three, so the table on screen, the text
// checked and the exports have the same cells in the same places.
//
// A layout is a list of tables { id, heading: {zh,en}, rows }, each row a list of slots:
// a header { th: true, text: {zh,en}, colspan, rowspan, scope } or a data slot { key,
// colspan } whose key is "table|ROW|COLUMN" (the engine's cell keys).

/** The section numbers of the three tables in the report (二、三、四、). */
const SECTION = { active: ['二、', '2. '], applications: ['三、', '3. '], review: ['四、', '4. '] };
/** Table 2's first header cell; the form prints it, forms() does not carry it. */
const INFO_CONTENT = { zh: '信息内容', en: 'Content' };
const WIDTH = 4;   // Table 2's printed width: the label column and three data columns

export const FORMATS = ['2021', '2019'];
export const cellKey = (table, row, column) => `${table}|${row}|${column}`;
const th = (text, extra = {}) => ({ th: true, text, colspan: 1, rowspan: 1, ...extra });
const slot = (table, row, column, colspan = 1) => ({ key: cellKey(table, row, column), colspan, rowspan: 1 });
const index = (list) => Object.fromEntries(list.map((x) => [x.key, x]));

/** The layout of `format` ('2021' | '2019') from forms(). */
export function buildLayout(F, format) {
  const fl = F.formats.find((x) => x.format === format) ?? F.formats.find((x) => x.format === '2021');
  const names = Object.fromEntries(F.names.map((n) => [n.table, n.name]));
  const heading = (id) => ({ zh: SECTION[id][0] + names[id].zh, en: SECTION[id][1] + names[id].en });
  const labels = {};   // key → { zh, en }: the words that name a data slot (its row and column)
  const join = (a, b) => ({ zh: `${a.zh} · ${b.zh}`, en: `${a.en} · ${b.en}` });
  const cat = (...parts) => ({ zh: parts.map((p) => p.zh).join(' '), en: parts.map((p) => p.en).join(' ') });

  // Table 2, in its printed blocks
  const aRows = index(fl.active_rows), aCols = index(fl.active_columns);
  const t2 = [];
  for (const b of fl.active_blocks) {
    t2.push([th(b.caption, { colspan: WIDTH, scope: 'colgroup', cls: 'caption' })]);
    const span = Math.max(1, Math.floor((WIDTH - 1) / b.columns.length));
    const cs = (j) => (j === b.columns.length - 1 ? WIDTH - 1 - span * j : span);
    t2.push([th(INFO_CONTENT, { scope: 'col' }), ...b.columns.map((c, j) => th(aCols[c].label, { scope: 'col', colspan: cs(j) }))]);
    for (const row of b.rows) {
      t2.push([th(aRows[row].label, { scope: 'row', cls: 'rowlabel' }), ...b.columns.map((c, j) => {
        labels[cellKey('active', row, c)] = join(aRows[row].label, aCols[c].label);
        return slot('active', row, c, cs(j));
      })]);
    }
  }

  // Table 3
  const rows3 = index(F.applications_rows);
  const cols = F.applications_columns.map((c) => c.key);
  const cols3 = index(F.applications_columns);
  const legal = cols.slice(1, -1);
  const t3 = [
    [th(F.applications_corner, { colspan: 3, rowspan: 3, cls: 'small' }), th(F.applications_applicants, { colspan: cols.length, scope: 'colgroup' })],
    [th(cols3[cols[0]].label, { rowspan: 2, scope: 'col' }), th(F.applications_legal, { colspan: legal.length, scope: 'colgroup' }),
      th(cols3[cols[cols.length - 1]].label, { rowspan: 2, scope: 'col' })],
    legal.map((c) => th(cols3[c].label, { scope: 'col' })),
  ];
  const flow = ['NEW', 'CARRY_IN', 'CARRY_OUT'];
  const outcomes = fl.applications_rows.filter((k) => !flow.includes(k));
  for (const row of fl.applications_rows) {
    const tr = [];
    const label = rows3[row].label;
    let name = label;
    if (flow.includes(row)) {
      tr.push(th(label, { colspan: 3, scope: 'row', cls: 'rowlabel' }));
    } else {
      if (row === outcomes[0]) tr.push(th(F.applications_outcomes, { rowspan: outcomes.length, cls: 'rowlabel' }));
      const g = F.applications_groups.find((gr) => gr.rows.includes(row));
      if (g) {
        if (g.rows[0] === row) tr.push(th(g.label, { rowspan: g.rows.length, cls: 'rowlabel' }));
        tr.push(th(label, { scope: 'row', cls: 'rowlabel' }));
        name = cat(g.label, label);
      } else {
        tr.push(th(label, { colspan: 2, scope: 'row', cls: 'rowlabel' }));
      }
    }
    for (const c of cols) {
      const col = legal.includes(c) ? cat(F.applications_legal, cols3[c].label) : cols3[c].label;
      labels[cellKey('applications', row, c)] = join(name, col);
      tr.push(slot('applications', row, c));
    }
    t3.push(tr);
  }

  // Table 4: one row of three blocks
  const cols4 = F.review_columns;
  const blocks = F.review_rows;
  const t4 = [
    [th(blocks[0].label, { colspan: cols4.length, scope: 'colgroup' }),
      th(F.review_litigation, { colspan: cols4.length * (blocks.length - 1), scope: 'colgroup' })],
    [...cols4.map((c) => th(c.label, { rowspan: 2, scope: 'col' })),
      ...blocks.slice(1).map((b) => th(b.label, { colspan: cols4.length, scope: 'colgroup' }))],
    blocks.slice(1).flatMap(() => cols4.map((c) => th(c.label, { scope: 'col' }))),
    blocks.flatMap((b, i) => cols4.map((c) => {
      labels[cellKey('review', b.key, c.key)] = join(i === 0 ? b.label : cat(F.review_litigation, b.label), c.label);
      return slot('review', b.key, c.key);
    })),
  ];

  const tables = [
    { id: 'active', heading: heading('active'), rows: t2 },
    { id: 'applications', heading: heading('applications'), rows: t3 },
    { id: 'review', heading: heading('review'), rows: t4 },
  ];
  const keys = tables.flatMap((t) => t.rows.flatMap((r) => r.filter((s) => s.key).map((s) => s.key)));
  return { format: fl.format, tables, keys, labels };
}

/** A table's slots placed on a grid (rowspan and colspan expanded): [[slot | null]]. */
export function place(rows) {
  const grid = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let c = 0;
    for (const s of row) {
      while (grid[r][c] !== undefined) c++;
      for (let dy = 0; dy < s.rowspan; dy++) {
        const line = (grid[r + dy] ??= []);
        for (let dx = 0; dx < s.colspan; dx++) line[c + dx] = dy === 0 && dx === 0 ? s : null;
      }
      c += s.colspan;
    }
  });
  const width = grid.reduce((w, line) => Math.max(w, line.length), 0);
  return grid.map((line) => Array.from({ length: width }, (_, i) => line[i] ?? null));
}

const one = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').trim();

/** The tables as string grids (zh labels, values as typed), covered slots "". */
export function grids(layout, values) {
  return layout.tables.map((t) => place(t.rows).map((line) => line.map((s) => {
    if (!s) return '';
    return s.th ? s.text.zh : one(values[s.key]);
  })));
}

/** The report title for the year and agency typed, or '' when neither was. */
export function titleOf(agency, year) {
  const a = one(agency), y = one(year);
  if (!a && !y) return '';
  return `${a}${a && y ? ' ' : ''}${y ? `${y} 年` : ''}政府信息公开工作年度报告`;
}

/**
 * Tab-separated text: the title, then each table's heading line and its rows (header rows
 * included, merged cells repeated as empty cells, as spreadsheets copy them), a blank line
 * between tables. This is also the text the engine checks.
 */
export function tsv(layout, values, title = '') {
  const out = [];
  if (title) out.push(title, '');
  grids(layout, values).forEach((g, i) => {
    out.push(layout.tables[i].heading.zh);
    for (const line of g) out.push(line.join('\t'));
    out.push('');
  });
  return out.join('\n');
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * An HTML fragment for a website: the title, each table's heading and the table in the
 * official layout (rowspan and colspan as printed), zh labels, values as typed. No script,
 * no style, no class: plain markup for any CMS.
 */
export function html(layout, values, title = '') {
  const out = [];
  if (title) out.push(`<h1>${esc(title)}</h1>`);
  for (const t of layout.tables) {
    out.push(`<h2>${esc(t.heading.zh)}</h2>`, '<table border="1">');
    for (const row of t.rows) {
      const cells = row.map((s) => {
        const span = `${s.colspan > 1 ? ` colspan="${s.colspan}"` : ''}${s.rowspan > 1 ? ` rowspan="${s.rowspan}"` : ''}`;
        if (s.th) return `<th${s.scope ? ` scope="${s.scope}"` : ''}${span}>${esc(s.text.zh)}</th>`;
        return `<td${span}>${esc(one(values[s.key]))}</td>`;
      });
      out.push(`<tr>${cells.join('')}</tr>`);
    }
    out.push('</table>');
  }
  return `${out.join('\n')}\n`;
}
