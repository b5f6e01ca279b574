#!/usr/bin/env node
// Builds the offline single file (works from file://, no network): a tiny bundler for the
// page's own ES modules (www/app.js and what it imports, incl. the wasm-bindgen glue), with
// the wasm and the example inlined, the page CSS as one <style>, and a strict meta CSP that
// allows exactly these two inline blocks by hash.
//   node scripts/inline.mjs [out=dist/gouji.html]
// Each module becomes a function scope that returns its exports; imports become constants.
// Handles the import/export forms used in www/ (named, default, namespace, re-export *);
// anything else fails loudly.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, resolve, relative } from 'node:path';

const out = process.argv[2] ?? 'dist/gouji.html';
const WWW = resolve('www');
const entry = resolve(WWW, 'app.js');

const modules = new Map(); // abs path -> { id, code, deps }
const order = [];

const IMPORT_RE = /^import\s+(?:([\s\S]*?)\s+from\s+)?'([^']+)';?[ \t]*$/gm;
const REEXPORT_ALL_RE = /^export \* from '([^']+)';?[ \t]*$/gm;

function load(file, stack = []) {
  if (modules.has(file)) return modules.get(file);
  if (stack.includes(file)) throw new Error(`import cycle: ${[...stack, file].join(' -> ')}`);
  const src = readFileSync(file, 'utf8');
  const mod = { id: `__m${modules.size}`, file, src };
  modules.set(file, mod);
  const deps = [];
  for (const m of src.matchAll(IMPORT_RE)) deps.push(resolve(dirname(file), m[2]));
  for (const m of src.matchAll(REEXPORT_ALL_RE)) deps.push(resolve(dirname(file), m[1]));
  for (const d of deps) load(d, [...stack, file]);
  order.push(mod);
  return mod;
}

function transform(mod) {
  const dep = (spec) => modules.get(resolve(dirname(mod.file), spec)).id;
  const exports = [];   // [exportedName, localName]
  const spreads = [];
  let code = mod.src;
  if (/\bimport\s*\(/.test(code)) throw new Error(`${mod.file}: dynamic import() cannot be inlined`);
  code = code.replace(IMPORT_RE, (_, clause, spec) => {
    const id = dep(spec);
    if (!clause) return '';
    const parts = [];
    let rest = clause.trim();
    const ns = rest.match(/\*\s+as\s+(\w+)/);
    if (ns) { parts.push(`const ${ns[1]} = ${id};`); rest = rest.replace(ns[0], ''); }
    const named = rest.match(/\{([\s\S]*)\}/);
    if (named) {
      const binds = named[1].split(',').map((s) => s.trim()).filter(Boolean)
        .map((s) => { const [a, b] = s.split(/\s+as\s+/); return b ? `${a}: ${b}` : a; });
      parts.push(`const { ${binds.join(', ')} } = ${id};`);
      rest = rest.replace(named[0], '');
    }
    const def = rest.replace(/,/g, ' ').trim();
    if (def) parts.push(`const ${def} = ${id}.default;`);
    return parts.join(' ');
  });
  code = code.replace(REEXPORT_ALL_RE, (_, spec) => { spreads.push(dep(spec)); return ''; });
  code = code.replace(/^export \{([^}]*)\};?[ \t]*$/gm, (_, list) => {
    for (const s of list.split(',').map((x) => x.trim()).filter(Boolean)) {
      const [local, name] = s.split(/\s+as\s+/);
      exports.push([name ?? local, local]);
    }
    return '';
  });
  code = code.replace(/^export default (?=[`'"\w(\[{])/gm, () => { exports.push(['default', '__default']); return 'const __default = '; });
  code = code.replace(/^export (async function\*?|function\*?|class|const|let|var) +(\w+)/gm, (_, kw, name) => {
    exports.push([name, name]);
    return `${kw} ${name}`;
  });
  if (/^export\b/m.test(code)) throw new Error(`${mod.file}: unsupported export form`);
  const ret = [...spreads.map((s) => `...${s}`), ...exports.map(([n, l]) => `${JSON.stringify(n)}: ${l}`)];
  return `// ---- ${relative(WWW, mod.file)}\nconst ${mod.id} = (() => {\n${code}\nreturn { ${ret.join(', ')} };\n})();\n`;
}

load(entry);
const bundle = order.map(transform).join('\n');
const b64 = readFileSync(resolve(WWW, 'pkg/gouji_bg.wasm')).toString('base64');
const example = readFileSync(resolve(WWW, 'example.txt'), 'utf8');
const jsString = (s) => JSON.stringify(s).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const script = `globalThis.__GOUJI_INLINE__ = true;
globalThis.__GOUJI_WASM_BYTES__ = Uint8Array.from(atob("${b64}"), (c) => c.charCodeAt(0));
globalThis.__GOUJI_EXAMPLE__ = ${jsString(example)};
${bundle}`;
if (/<\/script/i.test(script)) throw new Error('inlined code contains </script');
const css = readFileSync(resolve(WWW, 'style.css'), 'utf8');
const sha = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
const csp = `default-src 'none'; script-src ${sha(script)} 'wasm-unsafe-eval'; style-src ${sha(css)}; img-src 'none'; base-uri 'none'; form-action 'none'`;

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
console.log(`wrote ${out} (${html.length} chars; ${order.length} modules; wasm ${b64.length} base64 chars)`);
