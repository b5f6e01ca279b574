// The batch mode's engine (www/batch.js), in a Web Worker so the page stays responsive
// while many reports are checked. A module worker: on the served page it is this file
// (the CSP's script-src 'self' covers it, and its own response carries the same CSP, whose
// 'wasm-unsafe-eval' lets it compile the engine); in the offline single file it is this
// file bundled into a Blob and run as a classic worker (scripts/inline.mjs, `worker-src
// blob:`), and the page hands it the inlined wasm bytes, since it cannot fetch anything.
//
// Messages in:  { type: 'init', wasm? }                  wasm: bytes (offline file) or absent
//               { type: 'check', id, text, grids? }      grids: tables read from HTML by the page
// Messages out: { type: 'ready' } | { type: 'failed', error }
//               { type: 'result', id, row } | { type: 'result', id, error }
// A row carries only what the batch table shows (the full report stays here and is dropped):
// every figure and word in it is the engine's.
import { init, check, checkGrid } from './gouji/gouji.js';

let ready = null;

/** The batch table's fields of one report (as the CLI's `--summary` computes them). */
function rowOf(r) {
  const found = r.table_info.filter((t) => t.found);
  const sum = (k) => found.reduce((n, t) => n + Number(t[k] ?? 0), 0);
  return {
    agency: r.agency ?? null,
    title: r.title ?? null,
    year: r.year ?? null,
    format: r.format ?? null,
    recognised: r.recognised,
    cellsRead: r.recognised ? sum('cells_read') : null,
    cellsExpected: r.recognised ? sum('cells_expected') : null,
    // problems, as the verdict counts them: one wrong cell that breaks three relations is one
    errors: r.problems.filter((p) => p.severity === 'error').length,
    warnings: r.problems.filter((p) => p.severity === 'warning').length,
    verdict: { kind: r.verdict.kind, message: r.verdict.message, incomplete: r.verdict.incomplete ?? null },
  };
}

self.onmessage = async (ev) => {
  const m = ev.data;
  if (m?.type === 'init') {
    ready = init(m.wasm);
    ready.then(() => self.postMessage({ type: 'ready' }),
      (e) => self.postMessage({ type: 'failed', error: String(e?.message ?? e) }));
    return;
  }
  if (m?.type !== 'check') return;
  try {
    await ready;
    const report = m.grids ? checkGrid(m.grids, m.text) : check(m.text);
    self.postMessage({ type: 'result', id: m.id, row: rowOf(report) });
  } catch (e) {
    self.postMessage({ type: 'result', id: m.id, error: String(e?.message ?? e) });
  }
};
