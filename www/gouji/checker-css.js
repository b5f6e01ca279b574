// Styles of <gouji-checker>'s shadow tree, applied as a constructed stylesheet
// (adoptedStyleSheets): no <style> element and no style="" attribute, so a strict CSP holds.
//
// The element inherits the host page's font (set --gouji-font to choose another). Every
// colour goes through a documented custom property (docs/embed.md) with defaults for light
// and dark: dark follows prefers-color-scheme unless theme="light"; theme="dark" forces it.
const LIGHT = `
  --_fg: var(--gouji-fg, #1b1f24);
  --_bg: var(--gouji-bg, #ffffff);
  --_muted: var(--gouji-muted, #4f5863);
  --_line: var(--gouji-line, #c9d1da);
  --_soft: var(--gouji-soft, #f4f6f8);
  --_accent: var(--gouji-accent, #0b57a4);
  --_focus: var(--gouji-focus, #f2a900);
  --_hover: var(--gouji-hover-bg, #e8f0fa);
  --_selected: var(--gouji-selected-bg, #e3edf9);
  --_caption: var(--gouji-caption-bg, #e9eef4);
  --_missing: var(--gouji-missing-bg, #eceff2);
  --_stripe: var(--gouji-blank-stripe, #e3e7ec);
  --_input-line: var(--gouji-input-border, #8a96a3);
  --_fail: var(--gouji-fail, #b3261e);
  --_fail-bg: var(--gouji-fail-bg, #fdecea);
  --_warn: var(--gouji-warn, #7a4f00);
  --_warn-bg: var(--gouji-warn-bg, #fff3d1);
  --_pass: var(--gouji-pass, #1d6b33);
  --_pass-bg: var(--gouji-pass-bg, #e6f4ea);
  color-scheme: light;
`;
const DARK = `
  --_fg: var(--gouji-fg, #e6e9ed);
  --_bg: var(--gouji-bg, #15191e);
  --_muted: var(--gouji-muted, #a9b3be);
  --_line: var(--gouji-line, #3e4852);
  --_soft: var(--gouji-soft, #1f252c);
  --_accent: var(--gouji-accent, #8cc1ff);
  --_focus: var(--gouji-focus, #f2c14e);
  --_hover: var(--gouji-hover-bg, #22303f);
  --_selected: var(--gouji-selected-bg, #1d3350);
  --_caption: var(--gouji-caption-bg, #26303a);
  --_missing: var(--gouji-missing-bg, #262c33);
  --_stripe: var(--gouji-blank-stripe, #2c343d);
  --_input-line: var(--gouji-input-border, #6b7784);
  --_fail: var(--gouji-fail, #ffb4ab);
  --_fail-bg: var(--gouji-fail-bg, #3b1715);
  --_warn: var(--gouji-warn, #f5c96a);
  --_warn-bg: var(--gouji-warn-bg, #33270c);
  --_pass: var(--gouji-pass, #8fd19e);
  --_pass-bg: var(--gouji-pass-bg, #12301b);
  color-scheme: dark;
`;

export default `
:host {
  ${LIGHT}
  display: block;
  color: var(--_fg);
  background: var(--_bg);
  font-family: var(--gouji-font, inherit);
  font-size: inherit;
  line-height: 1.55;
}
@media (prefers-color-scheme: dark) {
  :host(:not([theme="light"])) { ${DARK} }
}
:host([theme="dark"]) { ${DARK} }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
h2 { font-size: 1.15em; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1em; margin: 1.2rem 0 .4rem; }
p { margin: .4rem 0; }
button, ::slotted(button) {
  font: inherit; font-size: .95em; color: var(--_accent); background: var(--_bg);
  border: 1px solid var(--_accent); border-radius: 6px; padding: .35rem .8rem; cursor: pointer;
  min-height: 2.25rem;
}
button:hover, ::slotted(button:hover) { background: var(--_hover); }
button:disabled { color: var(--_muted); border-color: var(--_line); cursor: default; background: var(--_soft); }
button:focus-visible, textarea:focus-visible, [tabindex]:focus-visible, a:focus-visible, summary:focus-visible {
  outline: 3px solid var(--_focus); outline-offset: 2px;
}
.toolbar, .actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0; }
label.main { display: block; font-weight: 600; margin-bottom: .25rem; }
textarea {
  display: block; width: 100%; min-height: 12rem; height: 16rem; resize: vertical;
  font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Noto Sans Mono CJK SC", monospace;
  font-size: .85em; line-height: 1.5; tab-size: 8;
  color: var(--_fg); background: var(--_bg); border: 1px solid var(--_input-line); border-radius: 6px; padding: .5rem;
}
textarea.drop { border: 2px dashed var(--_accent); background: var(--_selected); }
.hint, .meta, .small { color: var(--_muted); font-size: .9em; }
.privacy { font-weight: 600; color: var(--_pass); }
.foldbar { display: none; align-items: center; flex-wrap: wrap; gap: .5rem; }
.in.folded .foldbar { display: flex; }
.in.folded > label, .in.folded > textarea, .in.folded > .toolbar, .in.folded > .hint, .in.folded > details.prev { display: none; }
details.prev { margin: .25rem 0 .5rem; }
details.prev > summary { cursor: pointer; color: var(--_accent); padding: .2rem 0; }
details.prev[open] > summary { margin-bottom: .35rem; }
details.prev > label.main { font-weight: 400; }
textarea.prev { min-height: 6rem; height: 9rem; }
.folded-text { color: var(--_muted); font-size: .9em; }
.status:empty { display: none; }
.status { font-size: .9em; padding: .35rem .6rem; border-left: 4px solid var(--_accent); background: var(--_soft); }
.status.bad { border-color: var(--_fail); background: var(--_fail-bg); }
.verdict {
  margin: 1rem 0 .5rem; padding: .8rem 1rem; border-radius: 8px; border: 1px solid var(--_line);
  background: var(--_soft);
}
.verdict .big { font-size: 1.6em; font-weight: 700; margin-right: .75rem; }
.verdict[data-verdict="pass"] { background: var(--_pass-bg); border-color: var(--_pass); }
.verdict[data-verdict="pass"] .big { color: var(--_pass); }
.verdict[data-verdict="fail"] { background: var(--_fail-bg); border-color: var(--_fail); }
.verdict[data-verdict="fail"] .big { color: var(--_fail); }
.verdict[data-verdict="warn"] .big { color: var(--_warn); }
.verdict[data-verdict="partial"], .verdict[data-verdict="none"] { background: var(--_warn-bg); border-color: var(--_warn); }
.verdict[data-verdict="partial"] .big, .verdict[data-verdict="none"] .big, .verdict .incomplete { color: var(--_warn); font-weight: 700; }
.verdict .counts span + span::before { content: " · "; color: var(--_muted); }
.verdict .meta { margin-top: .3rem; }
.badge {
  display: inline-block; font-size: .78em; font-weight: 600; border-radius: 4px; padding: 0 .4rem;
  margin-right: .4rem; border: 1px solid currentColor; white-space: nowrap;
}
.sev-error { color: var(--_fail); }
.sev-warning { color: var(--_warn); }
.sev-info { color: var(--_muted); }
.partial { padding: .5rem .75rem; border-left: 4px solid var(--_warn); background: var(--_warn-bg); }
ol.problems, ul.notes, ol.relations { padding: 0; margin: 0; list-style: none; }
ol.problems > li { margin: .5rem 0; border: 1px solid var(--_line); border-radius: 8px; padding: .25rem; }
ol.problems > li.small { border: none; padding: 0; }
ol.problems > li[data-severity="error"] { border-left: 4px solid var(--_fail); }
ol.problems > li[data-severity="warning"] { border-left: 4px solid var(--_warn); }
button.problem, button.finding {
  display: block; width: 100%; text-align: left; color: var(--_fg); background: transparent;
  border: 1px solid transparent; padding: .45rem .6rem;
}
button.problem .what { font-weight: 700; }
button.problem[aria-pressed="true"], button.finding[aria-pressed="true"] { border: 2px solid var(--_accent); background: var(--_selected); }
button.problem .where { color: var(--_muted); font-size: .85em; margin-left: .4rem; }
details.relations { margin: 0 .6rem .3rem; }
details.relations summary { cursor: pointer; color: var(--_accent); font-size: .9em; padding: .2rem 0; }
ol.relations li { margin: .2rem 0; }
button.finding { border-color: var(--_line); }
button.finding span { display: block; }
button.finding .formula { font-weight: 600; }
button.finding .msg { font-size: .9em; }
.code { color: var(--_muted); font-size: .8em; font-family: ui-monospace, Menlo, Consolas, monospace; }
th .code { display: block; font-weight: 400; }
ul.notes li { margin: .25rem 0; }
.inspector { border: 2px solid var(--_accent); border-radius: 8px; padding: .25rem 1rem .75rem; margin-top: .75rem; }
.inspector .explain { padding: .4rem .7rem; background: var(--_soft); border-radius: 6px; }
.inspector dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .5rem 0; }
.inspector dt { color: var(--_muted); }
.inspector dd { margin: 0; font-variant-numeric: tabular-nums; font-weight: 600; }
.inspector blockquote { margin: .3rem 0; padding: .3rem .75rem; border-left: 4px solid var(--_line); background: var(--_soft); }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--_line); border-radius: 6px; }
table { border-collapse: collapse; font-size: .85em; }
table.form { min-width: 100%; }
table.form th, table.form td { border: 1px solid var(--_line); padding: .3rem .45rem; vertical-align: middle; }
table.form th { background: var(--_soft); font-weight: 600; text-align: center; }
table.form th.rowlabel { text-align: left; font-weight: 500; min-width: 6rem; }
table.form th.caption { text-align: left; background: var(--_caption); }
table.form td { text-align: right; font-variant-numeric: tabular-nums; min-width: 3rem; white-space: nowrap; }
table.form td.blank { background: repeating-linear-gradient(45deg, transparent, transparent 4px, var(--_stripe) 4px, var(--_stripe) 8px); }
table.form td.missing { background: var(--_missing); color: var(--_muted); }
table.form td[data-status="fail"] { background: var(--_fail-bg); color: var(--_fail); font-weight: 700; }
table.form td[data-status="warn"] { background: var(--_warn-bg); color: var(--_warn); font-weight: 700; }
table.form td.suspect { outline: 3px solid var(--_fail); outline-offset: -3px; }
table.form td.suspect::after { content: " ⚠"; }
table.form td.sel { box-shadow: inset 0 0 0 3px var(--_accent); }
table.form td[tabindex] { cursor: pointer; }
table.form .annot { display: block; font-size: .75em; color: var(--_muted); font-weight: 400; }
table.ops td, table.ops th { border-bottom: 1px solid var(--_line); padding: .2rem .5rem; text-align: left; }
table.ops td.num { text-align: right; font-variant-numeric: tabular-nums; }
table.ops tr.suspect td { color: var(--_fail); font-weight: 700; }
table.checks { width: 100%; }
table.checks th, table.checks td { border-bottom: 1px solid var(--_line); padding: .35rem .4rem; text-align: left; vertical-align: top; }
.chips { display: flex; flex-wrap: wrap; gap: .25rem; }
.chip { font-size: .78em; border-radius: 4px; padding: 0 .35rem; border: 1px solid var(--_line); white-space: nowrap; }
.chip[data-status="pass"] { color: var(--_pass); background: var(--_pass-bg); border-color: var(--_pass); }
.chip[data-status="fail"] { color: var(--_fail); background: var(--_fail-bg); border-color: var(--_fail); font-weight: 700; }
.chip[data-status="cannot_check"] { color: var(--_warn); background: var(--_warn-bg); }
.chip[data-status="not_applicable"] { color: var(--_muted); background: var(--_soft); }
.sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
@media (max-width: 600px) {
  .verdict .big { font-size: 1.3em; display: block; }
  textarea { height: 11rem; }
  button { padding: .35rem .6rem; }
}
@media print {
  :host, :host([theme]), :host(:not([theme="light"])) { font-size: 10pt; ${LIGHT} }
  .in, .actions, .toolbar, button.show { display: none !important; }
  button.problem, button.finding { border: none; padding: .1rem 0; }
  /* the relations each problem breaks are printed, folded or not */
  details.relations::details-content { content-visibility: visible; display: block; }
  details.relations > summary { list-style: none; color: var(--_muted); }
  .scroll { overflow: visible; border: none; }
  .verdict { break-inside: avoid; }
  table.form { break-inside: auto; }
  .inspector { break-inside: avoid; }
}
`;
