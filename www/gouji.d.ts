// Types of the gouji browser API (www/gouji.js) and the <gouji-checker> element.
// The report shape is the engine's (src/model.rs, schema/report.schema.json), declared in
// the generated ./report.d.ts. The glue's own declarations are not generated (the build
// passes --no-typescript): this file is the only declaration of the API.

// The report and rule-catalogue types are generated from the engine's Rust types into
// ./report.d.ts (`cargo run --example schema`); re-exported here.
export * from './report.js';
import type { Report, RuleInfo } from './report.js';

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
