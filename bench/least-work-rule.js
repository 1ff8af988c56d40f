// A reference for (b) of bench/eslint-overhead.js (issue #21), never shipped: one ESLint rule that
// does the least work any implementation of no-preview-import must do on the generated monorepo
// (bench/generate-monorepo.js), so the plugin's rule time can be read against it in the same run.
//
// Once per process: lifecycle.yaml by yaml.parse (no validation), picomatch of files.include and
// preview.code, one walk of packages/ into a Set of paths, tsconfig.base.json `paths` and the
// workspace packages' names (their `exports` lead into dist/, which maps back to src/).
// Per file: the import specifiers and imported names, collected during ESLint's traversal; at
// Program:exit each is resolved by string operations against that Set, its target classified
// (memoised), and a stable target read once per run and scanned for what may make a name preview
// (a doc tag or an `experimental_` name, `export *`, a name in an `export { … }` list); a target
// whose scan says so is parsed once by TypeScript, as the plugin's declaration index does. An
// import of a preview file from stable code, or one that does not resolve, is reported.
//
// What it leaves out, and the plugin does: policy validation, tsconfig per project and its
// references, package `exports`/`imports` read from package.json, import maps, node_modules,
// format-dependent resolution, symlinks, .gitignore, re-export chains and namespaces followed to
// declarations, preview.exceptions and crossFeatureImports, type-only rules, suppressions, the three other
// rules of configs.recommended, and keeping any of it current in a long-lived editor. It resolves only the forms the
// generated repo uses; on any other repo it is wrong, which is why it lives in bench/.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const picomatch = require('picomatch');
const ts = require('typescript');

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js'];
const EXPORT_LIST = /\bexport\s*(?:type\s*)?(?:\{([^}]*)\}|\*\s*as\s+([\w$]+))/g;
const STAR_EXPORT = /\bexport\s*(?:type\s*)?\*\s*from\b/;
const PREVIEW_WORDS = ['@preview', 'experimental_'];

/** The repo's facts, read at the first file (the root is ESLint's cwd). */
let repo;

function openRepo(root) {
  const policy = YAML.parse(readFileSync(join(root, 'lifecycle.yaml'), 'utf8'));
  const files = new Set();
  const dirs = new Set();
  const walk = (dir) => {
    dirs.add(dir);
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'dist') walk(path);
      else if (entry.isFile()) files.add(path);
    }
  };
  walk('packages');
  const base = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8'));
  const paths = Object.entries(base.compilerOptions.paths ?? {}).map(([from, [to]]) => [from.replace('*', ''), to.replace(/^\.\//, '').replace('*', '')]);
  const packages = new Map();
  for (const dir of readdirSync(join(root, 'packages'))) {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', dir, 'package.json'), 'utf8'));
    packages.set(manifest.name, `packages/${dir}/src`);
  }
  return {
    root,
    inScope: picomatch(policy.files.include),
    isPreview: picomatch(policy.preview.code.replace('{feature}', '*')),
    files,
    dirs,
    paths,
    packages,
    zones: new Map(),
    targets: new Map(),
  };
}

/** `base` as a file: with an extension added (or `.js` read as `.ts`), or as a directory's index. */
function probe(base) {
  const stem = base.endsWith('.js') ? base.slice(0, -3) : base;
  for (const extension of EXTENSIONS) if (repo.files.has(stem + extension)) return stem + extension;
  if (repo.dirs.has(base)) for (const extension of EXTENSIONS) if (repo.files.has(`${base}/index${extension}`)) return `${base}/index${extension}`;
  return undefined;
}

function normalise(path) {
  const parts = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

/** A repo path, 'outside' (a builtin or an external package), or undefined (does not resolve). */
function resolveSpecifier(specifier, fromDir) {
  if (specifier.startsWith('.')) return probe(normalise(`${fromDir}/${specifier}`));
  if (specifier.startsWith('node:')) return 'outside';
  for (const [prefix, to] of repo.paths) if (specifier.startsWith(prefix)) return probe(to + specifier.slice(prefix.length));
  const parts = specifier.split('/');
  const nameParts = specifier.startsWith('@') ? 2 : 1;
  const dir = repo.packages.get(parts.slice(0, nameParts).join('/'));
  if (dir === undefined) return 'outside';
  const subpath = parts.slice(nameParts).join('/');
  return probe(subpath ? `${dir}/${subpath}` : dir);
}

function zoneOf(file) {
  let zone = repo.zones.get(file);
  if (zone === undefined) {
    zone = repo.isPreview(file) ? 'preview' : 'stable';
    repo.zones.set(file, zone);
  }
  return zone;
}

/** One open, fstat, read and close, as the plugin reads a target. */
function readText(abs) {
  const fd = openSync(abs, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      length += read;
      if (read === 0 || length === size) break;
    }
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}

/** A stable target's text and what it shows without parsing, once per run. */
function targetOf(file) {
  let target = repo.targets.get(file);
  if (!target) {
    const text = readText(join(repo.root, file));
    const listed = new Set();
    if (text.includes('export')) {
      for (const match of text.matchAll(EXPORT_LIST)) for (const word of (match[1] ?? match[2] ?? '').match(/[\w$]+/g) ?? []) listed.add(word);
    }
    target = { text, starExport: STAR_EXPORT.test(text), mentionsPreview: PREVIEW_WORDS.some((word) => text.includes(word)), listed, parsed: false };
    repo.targets.set(file, target);
  }
  return target;
}

const importedNames = (specifiers) =>
  specifiers.map((specifier) => (specifier.type === 'ImportSpecifier' ? (specifier.imported.name ?? specifier.imported.value) : specifier.type === 'ImportDefaultSpecifier' ? 'default' : '*'));

export const leastWorkRule = {
  meta: { type: 'problem', messages: { preview: 'stable code imports preview code ({{target}})', unresolved: 'cannot resolve "{{specifier}}"' }, schema: [] },
  create(context) {
    repo ??= openRepo(context.cwd);
    const file = relative(repo.root, context.filename);
    if (!repo.inScope(file)) return {};
    const sites = [];
    const add = (node, names) => {
      if (node && typeof node.value === 'string') sites.push({ node, specifier: node.value, names });
    };
    return {
      ImportDeclaration: (node) => add(node.source, importedNames(node.specifiers)),
      ExportNamedDeclaration: (node) => node.source && add(node.source, node.specifiers.map((specifier) => specifier.local.name ?? specifier.local.value)),
      ExportAllDeclaration: (node) => add(node.source, ['*']),
      ImportExpression: (node) => add(node.source, ['*']),
      CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && add(node.arguments[0], ['*']),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && add(node.moduleReference.expression, ['*']),
      'Program:exit'() {
        const fromDir = dirname(file);
        const stable = zoneOf(file) === 'stable';
        for (const site of sites) {
          const to = resolveSpecifier(site.specifier, fromDir);
          if (to === undefined) {
            context.report({ node: site.node, messageId: 'unresolved', data: { specifier: site.specifier } });
            continue;
          }
          if (to === 'outside') continue;
          if (zoneOf(to) === 'preview') {
            if (stable) context.report({ node: site.node, messageId: 'preview', data: { target: to } });
            continue;
          }
          const target = targetOf(to);
          if (!target.parsed && (target.mentionsPreview || target.starExport || site.names.some((name) => target.listed.has(name)))) {
            ts.createSourceFile(to, target.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
            target.parsed = true;
          }
        }
      },
    };
  },
};

export default { rules: { 'no-preview-import': leastWorkRule } };
