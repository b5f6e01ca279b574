// Types of the gouji browser API (www/gouji.js) and the <gouji-checker> element.
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
export interface Report {
  schema_version: number; engine: string; format: '2019' | '2021' | null; year: number | null;
  title: string | null; recognised: boolean; table_info: TableInfo[];
  tables: { active: Cell[]; applications: Cell[]; review: Cell[] };
  findings: Finding[]; checks: Check[]; summary: Summary; partial: boolean; notes: Note[];
}
export interface RuleInfo {
  id: string; severity: Severity; table: TableId | null; formula: Message;
  official: string | null; description: Message;
}
/** One table as an expanded grid: rows of cell texts; covered rowspan/colspan slots are "". */
export type Grid = string[][];

/** Loads the engine once (default: ./pkg/gouji_bg.wasm next to gouji.js). */
export function init(source?: string | URL | Response | BufferSource | WebAssembly.Module): Promise<void>;
export function isReady(): boolean;
/** Checks a pasted report (the whole text or only its tables). Never throws for any text. */
export function check(text: string): Report;
/** Checks tables given as grids (e.g. read from clipboard HTML). */
export function checkGrid(tables: Grid[]): Report;
export function rules(): RuleInfo[];
export function version(): string;
/** Thrown when the engine trapped; it has been re-instantiated when `reloaded` is true. */
export class EngineTrapped extends Error { reloaded: boolean; cause: unknown; }

/** <gouji-checker lang="zh|en">; fires `report` (CustomEvent<Report>) after every check. */
export class GoujiChecker extends HTMLElement {
  value: string;
  readonly report: Report | null;
  lastTiming: { check: number; render: number };
  check(): Report | null;
  loadExample(): Promise<void>;
  openFile(file: File): Promise<void>;
  summaryText(): string;
}
declare global {
  interface HTMLElementTagNameMap { 'gouji-checker': GoujiChecker; }
  interface HTMLElementEventMap { report: CustomEvent<Report>; }
}
