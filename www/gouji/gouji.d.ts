// Types of the gouji browser API (www/gouji/gouji.js) and the <gouji-checker> element;
// shipped as gouji.d.ts in the element package (dist/gouji-element/).
// The report shape is the engine's (src/model.rs, schema/report.schema.json), declared in
// the generated ./report.d.ts (`cargo run --example schema`) and re-exported here. The
// glue's own declarations are not generated (the build passes --no-typescript): this file
// is the only declaration of the API.

export * from './report.js';
import type { Report, RuleInfo, TableId, Message } from './report.js';

/** A row or column of an official form: the full label, and the short one used in cell names
 *  ("（七）总计" / "(7) total handled"); a cell's name is row.short + "·" + column.short. */
export interface Label { key: string; label: Message; short: Message; }
export interface FormLayout {
  format: '2019' | '2021';
  active_blocks: { caption: Message; rows: string[]; columns: string[] }[];
  active_rows: Label[]; active_columns: Label[];
  /** Table 3 rows in form order for this format. */
  applications_rows: string[];
}
/** The official forms for drawing (forms()): every label in zh-CN and one English translation. */
export interface Forms {
  names: { table: TableId; name: Message }[];
  formats: FormLayout[];
  applications_rows: Label[]; applications_columns: Label[];
  applications_groups: { key: string; label: Message; rows: string[] }[];
  applications_outcomes: Message; applications_corner: Message;
  applications_applicants: Message; applications_legal: Message;
  review_rows: Label[]; review_columns: Label[]; review_litigation: Message;
}
/** One table as an expanded grid: rows of cell texts; covered rowspan/colspan slots are "". */
export type Grid = string[][];

/** Loads the engine once (default: the .wasm beside the module). */
export function init(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
export function isReady(): boolean;
/** Options of check() and checkGrid(). */
export interface CheckOptions {
  /** Last year's report of the same agency, as pasted text: the cross-year checks (R8, R17,
   *  R20, R21, R25) are added to this year's report and counted in its `problems` and
   *  `verdict`; their findings point at this year's cells. Blank or absent: no cross-year check. */
  previous?: string;
}
/** Checks a pasted report (the whole text or only its tables). Never throws for any text
 *  (only for options of the wrong shape). */
export function check(text: string, options?: CheckOptions): Report;
/** Checks tables given as grids (e.g. read from clipboard HTML). With `context` (the text
 *  pasted with them) the title and year are read from it, and no position is given. */
export function checkGrid(tables: Grid[], context?: string, options?: CheckOptions): Report;
export function rules(): RuleInfo[];
export function forms(): Forms;
export function version(): string;
/** Thrown when the engine trapped; it has been re-instantiated when `reloaded` is true. */
export class EngineTrapped extends Error { reloaded: boolean; cause: unknown; }

/** <gouji-checker lang="zh|en" theme="light|dark">. Fires `ready` once the engine has
 *  loaded, and `report` (CustomEvent<Report | null>) after every check and when the box is
 *  cleared (then the engine's report for empty input). See docs/embed.md. */
export class GoujiChecker extends HTMLElement {
  /** The pasted text; setting it checks at once. A value set before the element is defined is kept. */
  value: string;
  /** Last year's report (the optional second box); setting it checks at once, "" removes it.
   *  A value set before the element is defined is kept. */
  previous: string;
  /** The last report; null before the first check and when the box is empty. */
  readonly report: Report | null;
  lastTiming: { check: number; render: number };
  check(): Report | null;
  /** What the last check read (to reproduce it, e.g. in a share link); null without a report. */
  readonly checkedInput: { text: string; grids: string[][][] | null; previous: string } | null;
  /** Checks tables given as grids, `context` (title, year) as the box's text. */
  checkGrids(grids: string[][][], context?: string): Report | null;
  /** Checks the tables of an HTML string (parsed inert); the box shows `context` or the HTML's text. */
  checkHtml(html: string, context?: string): Report | null;
  loadExample(): Promise<void>;
  openFile(file: File): Promise<void>;
  summaryText(): string;
}
declare global {
  interface HTMLElementTagNameMap { 'gouji-checker': GoujiChecker; }
  interface HTMLElementEventMap { report: CustomEvent<Report | null>; }
}
