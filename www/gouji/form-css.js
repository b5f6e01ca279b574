// Styles <gouji-form> adds to the checker's stylesheet (checker-css.js: colours, buttons,
// verdict, tables), applied as a constructed stylesheet: no <style>, no style="", so a
// strict CSP holds.
export default `
.form-mode .top { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: flex-end; }
fieldset.format { border: 1px solid var(--_line); border-radius: 6px; padding: .2rem .75rem .45rem; margin: 0; }
fieldset.format legend { font-weight: 600; padding: 0 .25rem; }
fieldset.format span { display: inline-flex; align-items: center; gap: .25rem; margin-right: 1rem; min-height: 2rem; }
fieldset.format input { width: 1.1rem; height: 1.1rem; margin: 0; }
.titlebox { flex: 1 1 18rem; min-width: 0; }
.titlebox input {
  display: block; width: 100%; font: inherit; padding: .35rem .5rem; min-height: 2.25rem;
  color: var(--_fg); background: var(--_bg); border: 1px solid var(--_input-line); border-radius: 6px;
}
.form-mode .toolbar { margin: 0; }
.form-mode .verdict { margin-top: .75rem; }
ol.problems.form-problems > li, .form-mode ol.problems > li { padding: .4rem .6rem; display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; }
.form-mode ol.problems button.go { min-height: 1.9rem; padding: .1rem .6rem; font-size: .85em; }
.form-mode .tbl h3 { margin-top: 1rem; }
table.form td { padding: 0; position: relative; vertical-align: top; min-width: 4.2rem; }
table.form td input {
  display: block; width: 100%; min-width: 4rem; border: none; margin: 0; padding: .35rem .45rem;
  font: inherit; font-variant-numeric: tabular-nums; text-align: right; color: inherit; background: transparent;
  min-height: 2.1rem;
}
table.form td input:focus { outline: 3px solid var(--_focus); outline-offset: -3px; background: var(--_bg); color: var(--_fg); }
table.form td .note { display: block; font-size: .75em; line-height: 1.2; padding: 0 .35rem .2rem; text-align: right; white-space: nowrap; }
table.form td .note:empty { display: none; }
table.form td .note[data-kind="wrong"] { color: var(--_fail); font-weight: 700; }
table.form td .note[data-kind="blank"] { color: var(--_muted); }
table.form td .note[data-kind="ok"] { color: var(--_pass); }
table.form td .note[data-kind="bad"] { color: var(--_fail); font-weight: 700; }
table.form td.bad { background: var(--_fail-bg); }
table.form td.suspect::after { content: none; }
table.form td.suspect input { font-weight: 700; }
ul.exports { list-style: none; padding: 0; margin: .5rem 0; }
ul.exports li { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .4rem 1rem; padding: .4rem 0; border-bottom: 1px solid var(--_line); }
ul.exports .btns { display: inline-flex; gap: .5rem; }
section.draft { margin-top: 1.5rem; padding: .5rem .9rem .8rem; border: 1px dashed var(--_line); border-radius: 8px; }
section.draft h2 { margin-top: .3rem; font-size: 1em; }
@media (max-width: 600px) {
  table.form td input { min-width: 3.4rem; }
  table.form th.rowlabel { min-width: 5rem; }
}
@media print {
  .top, .hint, .export, section.draft, .status, button.go { display: none !important; }
  table.form td input { padding: .1rem .2rem; }
}
`;
