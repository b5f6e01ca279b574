// A tiny bundler for the page's own ES modules (no dependencies), used by inline.mjs (the
// offline single file) and package.mjs (the element package): each module becomes a
// function scope that returns its exports; imports become constants. Handles the
// import/export forms used in www/ (named, default, namespace, re-export *); anything else
// fails loudly.
import { readFileSync } from 'node:fs';
import { dirname, resolve, relative } from 'node:path';

// The clause before `from` holds no quote or semicolon, so a bare `import 'x';` never swallows the next line.
const IMPORT_RE = /^import\s+(?:([^'";]*?)\s+from\s+)?'([^']+)';?[ \t]*$/gm;
const REEXPORT_ALL_RE = /^export \* from '([^']+)';?[ \t]*$/gm;

/**
 * Bundles `entry` and what it imports. Returns { code, entryId, names, count }: `code`
 * defines one constant per module, `entryId` is the entry's constant, `names` the entry's
 * export names (statically known ones; `export *` adds its source's names).
 */
export function bundle(entry, root) {
  const modules = new Map(); // abs path -> { id, file, src }
  const order = [];

  function load(file, stack = []) {
    if (modules.has(file)) return modules.get(file);
    if (stack.includes(file)) throw new Error(`import cycle: ${[...stack, file].join(' -> ')}`);
    const src = readFileSync(file, 'utf8');
    const mod = { id: `__m${modules.size}`, file, src, names: [] };
    modules.set(file, mod);
    const deps = [];
    for (const m of src.matchAll(IMPORT_RE)) deps.push(resolve(dirname(file), m[2]));
    for (const m of src.matchAll(REEXPORT_ALL_RE)) deps.push(resolve(dirname(file), m[1]));
    for (const d of deps) load(d, [...stack, file]);
    order.push(mod);
    return mod;
  }

  function transform(mod) {
    const dep = (spec) => modules.get(resolve(dirname(mod.file), spec));
    const exports = [];   // [exportedName, localName]
    const spreads = [];
    let code = mod.src;
    if (/\bimport\s*\(/.test(code)) throw new Error(`${mod.file}: dynamic import() cannot be inlined`);
    code = code.replace(IMPORT_RE, (_, clause, spec) => {
      const id = dep(spec).id;
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
    code = code.replace(REEXPORT_ALL_RE, (_, spec) => { const d = dep(spec); spreads.push(d.id); mod.names.push(...d.names.filter((n) => n !== 'default')); return ''; });
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
    mod.names.push(...exports.map(([n]) => n));
    const ret = [...spreads.map((s) => `...${s}`), ...exports.map(([n, l]) => `${JSON.stringify(n)}: ${l}`)];
    return `// ---- ${relative(root, mod.file)}\nconst ${mod.id} = (() => {\n${code}\nreturn { ${ret.join(', ')} };\n})();\n`;
  }

  const main = load(entry);
  const code = order.map(transform).join('\n');
  return { code, entryId: main.id, names: [...new Set(main.names)], count: order.length };
}
