// Types of the gouji browser API (www/gouji/gouji.js) and the <gouji-checker> element;
// shipped as gouji.d.ts in the element package (dist/gouji-element/).
// The report shape is the engine's (src/model.rs, schema/report.schema.json). The glue's
// own declarations are not generated (the build passes --no-typescript): this file is the
// only declaration of the API and the report.

export interface Span { start: number; end: number; line: number; col: number; }  // byte offsets (UTF-8)
export interface Message { zh: string; en: string; }
export type TableId = 'active' | 'applications' | 'review';
export type Severity = 'error' | 'warning' | 'info';
export type Status = 'pass' | 'fail' | 'cannot_check' | 'not_applicable';
/** How a cell's text became a value: one_digit = a run with exactly as many digits as cells,
 *  read one digit per cell; split_glued = split out of glued digits by the table's own sums. */
export type ReadHow = 'number' | 'blank' | 'dash_zero' | 'split_glued' | 'one_digit' | 'assumed' | 'unreadable' | 'missing';
export interface CellRef { table: TableId; row: string; column: string; }
/** value: a number; a BigInt only beyond ±2^53 (never in a real report). */
export interface Cell extends CellRef {
  value: number | bigint | null; raw: string; read: ReadHow; annotation?: string; span?: Span; line: number | null;
}
export interface Operand extends CellRef { value: number | bigint | null; assumed?: string; }
export interface Finding {
  rule: string; code: string; severity: Severity; status: Status; instance: string;
  formula: Message; cells: CellRef[]; suspects: CellRef[]; operands: Operand[];
  expected: number | bigint | null; actual: number | bigint | null; difference: number | bigint | null;
  /** When one cell alone explains the failure: the value that cell would need. */
  suggested: number | bigint | null;
  message: Message; span?: Span;
}
export interface Check { rule: string; instance: string; severity: Severity; status: Status; reason?: Message; }
export interface TableInfo {
  table: TableId; found: boolean; format: string | null; layout: string | null;
  rows: string[]; columns: string[]; line: number | null; cells_read: number; cells_expected: number;
}
export interface Summary {
  errors: number; warnings: number; infos: number; checks: number;
  passed: number; failed: number; cannot_check: number; not_applicable: number;
}
export interface Note { code: string; severity: Severity; message: Message; span?: Span; }
/** Findings grouped as a reader counts them (src/problems.rs): one wrong cell with every
 *  relation it breaks is one problem; a finding no single cell explains is a problem alone.
 *  Every finding is in exactly one problem. */
export interface Problem {
  severity: Severity;
  /** The one cell every grouped finding points at, when there is one. */
  cell: CellRef | null;
  /** What the report gives in `cell`, and what it would need for every grouped relation to hold. */
  reported: number | bigint | null; suggested: number | bigint | null;
  /** What is wrong in plain words: "（七）总计·自然人 填的是 85，按本表其他各项应为 84". */
  message: Message;
  /** Indices into `findings`. */
  findings: number[];
}
/** The headline: "通过" (pass) only when the three tables were read completely and the
 *  error-level checks ran on read cells. */
export interface Verdict {
  kind: 'pass' | 'fail' | 'partial' | 'none';
  /** "通过", "1 处数字对不上", "未能完整读取：3 个单元格未读出", "未找到统计表". */
  message: Message;
  /** With errors: what was not read as well (else null). */
  incomplete: Message | null;
  /** Problems by severity. */
  errors: number; warnings: number; infos: number;
}
export interface Report {
  schema_version: number; engine: string; format: '2019' | '2021' | null; year: number | null;
  title: string | null; recognised: boolean; table_info: TableInfo[];
  tables: { active: Cell[]; applications: Cell[]; review: Cell[] };
  findings: Finding[]; checks: Check[]; summary: Summary; partial: boolean; notes: Note[];
  problems: Problem[]; verdict: Verdict;
}
export interface RuleInfo {
  id: string; code: string; severity: Severity; table: TableId | null; formula: Message;
  official: string | null; description: Message;
  /** Why the rule holds, in plain words for a citizen. */
  explain: Message | null;
}
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
/** Checks a pasted report (the whole text or only its tables). Never throws for any text. */
export function check(text: string): Report;
/** Checks tables given as grids (e.g. read from clipboard HTML). With `context` (the text
 *  pasted with them) the title and year are read from it, and no position is given. */
export function checkGrid(tables: Grid[], context?: string): Report;
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
  /** The last report; null before the first check and when the box is empty. */
  readonly report: Report | null;
  lastTiming: { check: number; render: number };
  check(): Report | null;
  loadExample(): Promise<void>;
  openFile(file: File): Promise<void>;
  summaryText(): string;
}
declare global {
  interface HTMLElementTagNameMap { 'gouji-checker': GoujiChecker; }
  interface HTMLElementEventMap { report: CustomEvent<Report | null>; }
}
