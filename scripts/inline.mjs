#!/usr/bin/env node
// Builds the offline single file (works from file://, no network): the page's own ES modules
// (www/app.js and what it imports, incl. the wasm-bindgen glue) bundled by bundle.mjs, with
// the wasm and the example inlined, the page CSS as one <style>, and a strict meta CSP that
// allows exactly these two inline blocks by hash.
//   node scripts/inline.mjs [out=dist/gouji.html]
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { bundle } from './bundle.mjs';

const out = process.argv[2] ?? 'dist/gouji.html';
const WWW = resolve('www');
const entry = resolve(WWW, 'app.js');

const { code: bundled, count } = bundle(entry, WWW);
// The batch mode's Web Worker (www/batch-worker.js), bundled on its own: the page starts it
// from a Blob of this code (so the CSP below allows `worker-src blob:`) and hands it the wasm.
// A classic worker: Chromium refuses a module worker from a blob: URL of a file:// page (an
// opaque origin), and the bundle has no import left; its one `import.meta.url` (the glue's
// default wasm URL, unused since the page passes the bytes) becomes the worker's own URL.
const workerCode = bundle(resolve(WWW, 'batch-worker.js'), WWW).code.replace(/\bimport\.meta\.url\b/g, 'self.location.href');
if (/\bimport\s*[.(]|^\s*(import|export)\s/m.test(workerCode)) throw new Error('the worker bundle is not a classic script');
const b64 = readFileSync(resolve(WWW, 'gouji/pkg/gouji_bg.wasm')).toString('base64');
const example = readFileSync(resolve(WWW, 'example.txt'), 'utf8');
const jsString = (s) => JSON.stringify(s).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const script = `globalThis.__GOUJI_INLINE__ = true;
globalThis.__GOUJI_WASM_BYTES__ = Uint8Array.from(atob("${b64}"), (c) => c.charCodeAt(0));
globalThis.__GOUJI_EXAMPLE__ = ${jsString(example)};
globalThis.__GOUJI_WORKER__ = ${jsString(workerCode)};
${bundled}`;
if (/<\/script/i.test(script)) throw new Error('inlined code contains </script');
const css = readFileSync(resolve(WWW, 'style.css'), 'utf8');
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; worker-src blob:; style-src ${sha(css)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

let html = readFileSync(resolve(WWW, 'index.html'), 'utf8');
const replaceOnce = (re, fn) => {
  if (!re.test(html)) throw new Error(`index.html: ${re} not found`);
  html = html.replace(re, fn);   // function replacers: '$' in the code must stay literal
};
replaceOnce(/\s*<link rel="icon"[^>]*>/, () => '');
replaceOnce(/\s*<link rel="stylesheet" href="style.css">/, () => '');
replaceOnce(/\s*<script type="module" src="app.js"><\/script>/, () => '');
replaceOnce(/\s*<a id="offline"[^>]*>[^<]*<\/a>/, () => '');
replaceOnce(/<meta charset="utf-8">/, () => `<meta charset="utf-8">\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
replaceOnce(/<\/head>/, () => `<style>${css}</style>\n</head>`);
replaceOnce(/<\/body>/, () => `<script type="module">${script}</script>\n</body>`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`wrote ${out} (${html.length} chars; ${count} modules; wasm ${b64.length} base64 chars)`);
