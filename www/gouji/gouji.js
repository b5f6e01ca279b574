// gouji ES-module API: the only importer of the wasm-bindgen glue.
//
//   import { init, check, checkGrid, rules, forms, version } from './gouji.js';
//   await init();                  // fetches ./pkg/gouji_bg.wasm (or uses inlined bytes)
//   const report = check(text);    // plain data, see gouji.d.ts
//
// If the module ever traps (an engine bug; panics abort on wasm32), the call throws an
// EngineTrapped error and the module is re-instantiated at once, so the next call works.
import initWasm, * as glue from './pkg/gouji.js';

/** Thrown when the engine trapped during a call; the engine has been reloaded. */
export class EngineTrapped extends Error {
  constructor(cause, reloaded) {
    super(`gouji engine trapped: ${cause?.message ?? cause}`);
    this.name = 'EngineTrapped';
    this.cause = cause;
    this.reloaded = reloaded;
  }
}

let ready = null;
let loaded = false;

/**
 * Loads the engine once. `source` may be a URL, a Response, bytes or a WebAssembly.Module;
 * by default the single-file build's inlined bytes, else ./pkg/gouji_bg.wasm.
 */
export function init(source) {
  if (!ready) {
    const src = source ?? globalThis.__GOUJI_WASM_BYTES__;
    ready = initWasm(src === undefined ? undefined : { module_or_path: src })
      .then(() => { loaded = true; })
      .catch((e) => { ready = null; throw e; });
  }
  return ready;
}

export const isReady = () => loaded;

function reload() {
  try {
    glue.__wbg_reset_state();
    glue.version();
    return true;
  } catch {
    loaded = false;
    return false;
  }
}

function call(fn, ...args) {
  if (!loaded) throw new Error('gouji: call init() first');
  try {
    return fn(...args);
  } catch (e) {
    if (e instanceof WebAssembly.RuntimeError) throw new EngineTrapped(e, reload());
    throw e;
  }
}

/** Checks a pasted report (whole text or only its tables) → Report. */
export const check = (text) => call(glue.check, String(text));
/**
 * Checks tables given as grids (string[][][]: tables → rows → cells) → Report. With
 * `context` (the text pasted with them) the report keeps the title and year, and gives no
 * positions (they would point into the grids, not into the text).
 */
export const checkGrid = (tables, context) => call(glue.checkGrid, tables, context === undefined || context === null ? undefined : String(context));
/** The rule catalogue → RuleInfo[] (with a plain-language `explain` per rule). */
export const rules = () => call(glue.rules);
/** The official forms' rows, columns and labels (zh and English) → Forms. */
export const forms = () => call(glue.forms);
/** The engine version string. */
export const version = () => call(glue.version);
