#!/usr/bin/env node
// Builds the element package an embedder installs or copies as one folder:
//   dist/gouji-element/
//     gouji-element.js   one ES module: registers <gouji-checker> and exports the API
//     gouji_bg.wasm      the engine, loaded from beside gouji-element.js
//     gouji.d.ts         types of the API and the element
//     report.d.ts        types of the report (generated from the engine's Rust types)
//     example.txt        the example loadExample() shows
//     package.json       name, version, "exports"
//     README.md          how to use it
//   node scripts/package.mjs [outDir=dist/gouji-element]
// Needs www/gouji/pkg/ (scripts/build.sh runs this after wasm-bindgen and wasm-opt).
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { bundle } from './bundle.mjs';

const out = resolve(process.argv[2] ?? 'dist/gouji-element');
const LIB = resolve('www/gouji');
const version = readFileSync('Cargo.toml', 'utf8').match(/^version\s*=\s*"([^"]+)"/m)[1];

const { code, entryId, names, count } = bundle(resolve(LIB, 'gouji-checker-define.js'), LIB);
const js = `// gouji ${version}: <gouji-checker> and the gouji API in one ES module.
// The engine (gouji_bg.wasm) is loaded from beside this file. See README.md.
${code}
export const { ${names.join(', ')} } = ${entryId};
`;
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
writeFileSync(resolve(out, 'gouji-element.js'), js);
copyFileSync(resolve(LIB, 'pkg/gouji_bg.wasm'), resolve(out, 'gouji_bg.wasm'));
copyFileSync(resolve(LIB, 'gouji.d.ts'), resolve(out, 'gouji.d.ts'));
copyFileSync(resolve(LIB, 'report.d.ts'), resolve(out, 'report.d.ts'));
copyFileSync(resolve('www/example.txt'), resolve(out, 'example.txt'));
writeFileSync(resolve(out, 'package.json'), `${JSON.stringify({
  name: 'gouji-element',
  version,
  description: '勾稽: <gouji-checker>, a custom element that checks the statistical tables of 政府信息公开工作年度报告 in the browser (WebAssembly, nothing uploaded)',
  license: 'MIT',
  type: 'module',
  main: './gouji-element.js',
  types: './gouji.d.ts',
  exports: {
    '.': { types: './gouji.d.ts', default: './gouji-element.js' },
    './gouji_bg.wasm': './gouji_bg.wasm',
    './example.txt': './example.txt',
    './package.json': './package.json',
  },
  files: ['gouji-element.js', 'gouji_bg.wasm', 'gouji.d.ts', 'report.d.ts', 'example.txt', 'README.md'],
  sideEffects: ['./gouji-element.js'],
}, null, 2)}\n`);
writeFileSync(resolve(out, 'README.md'), `# gouji-element ${version}

\`<gouji-checker>\`: paste a 政府信息公开工作年度报告 and see, cell by cell, where its statistical
tables do not reconcile. Everything runs in the visitor's browser (WebAssembly); nothing is uploaded.

Copy this folder to your site (or \`npm install ./gouji-element\`), serve \`.wasm\` as
\`application/wasm\`, and allow \`'wasm-unsafe-eval'\` in your CSP's \`script-src\`:

\`\`\`html
<script type="module" src="/gouji-element/gouji-element.js"></script>
<gouji-checker lang="zh"></gouji-checker>
\`\`\`

The API without the user interface: \`import { init, check, checkGrid, rules, forms, version } from 'gouji-element'\`.
Attributes, properties, events, parts and colour properties: docs/embed.md in the gouji repository.
`);
console.log(`wrote ${out}/ (${count} modules; exports ${names.join(', ')})`);
