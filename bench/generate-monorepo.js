#!/usr/bin/env node
// Deterministic generator of synthetic npm-workspaces monorepos for the `lifecycle check`
// vs dependency-cruiser benchmark. Same (files, seed) → byte-identical tree.
//
// Layout of a generated repo (a "fresh clone": no node_modules, no dist/):
//   package.json                    npm workspaces ["packages/*"]
//   tsconfig.base.json              paths: @app/<pkg>/* → ./packages/<pkg>/src/*
//   tsconfig.json                   solution file (references every package)
//   lifecycle.yaml                  policy: preview.code packages/*/src/preview/{feature}/**
//   lifecycle.api-leak.yaml         the same, with preview-api-leak on (bench/api-leak-vs-tsc.js)
//   .dependency-cruiser.cjs         the same forbidden rule for dependency-cruiser
//   depcruise-resolve.webpack.cjs   resolve.alias for workspace package names (see below)
//   packages/<pkg>/package.json     exports/main/types → ./dist/** (never built)
//   packages/<pkg>/tsconfig.json    extends ../../tsconfig.base.json
//   packages/<pkg>/src/{index,utils/index,core,model,service,api,util,db/migrations}/…
//   packages/<pkg>/src/preview/<feature>/**
//   (v5) per package one stable experimental_<feature>_* declaration (features.<id>.exports), re-exported
//   by its index (a forbidden crossing point) and imported by name by two stable files of the next
//   package: the name-following no-preview-import findings, listed as nameViolations.
//
// Usage: node bench/generate-monorepo.js [--files N] [--out DIR] [--seed N]   (--help: the usage)
// Prints the expected violation count; writes <out>.expected.json next to the repo.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { positiveInteger, readCommandLine } from './command-line.js';

export const GENERATOR_VERSION = 5;
const SCOPE = '@bench';
const ALIAS = '@app';
const CURRENT_RELEASE = '2026.2';
const FILES_PER_PACKAGE = 200;
/** Violation forms, round-robin; each violation is one distinct (from, to) pair. */
export const VIOLATION_FORMS = [
  'relative-js',
  'relative-no-ext',
  'path-alias',
  'workspace-package',
  'import-type',
  'export-from',
  'dynamic-import',
  'require',
  'import-equals-require',
];
const AREAS = ['core', 'model', 'service', 'api', 'util'];
const WORDS = [
  'billing', 'auth', 'catalog', 'orders', 'search', 'inventory', 'shipping', 'payments', 'users',
  'reports', 'notify', 'audit', 'pricing', 'tenant', 'storage', 'gateway', 'metrics', 'sched',
  'media', 'ledger', 'quota', 'routing', 'session', 'export', 'import',
];
const FEATURE_WORDS = [
  'fwaas', 'vpnaas', 'charts', 'graphql', 'autoscale', 'webhooks', 'sso', 'realtime', 'ml-rank',
  'dark-mode', 'bulk-edit', 'geo', 'streams', 'sandbox', 'insights',
];

/** mulberry32: small, fast, deterministic. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const pascal = (s) => s.replace(/(^|[-_/])(\w)/g, (_, __, c) => c.toUpperCase());
const camel = (s) => {
  const p = pascal(s);
  return p[0].toLowerCase() + p.slice(1);
};

/** Relative specifier from one src file to another, with or without the `.js` extension. */
function relativeSpecifier(fromPath, toPath, withJs) {
  let rel = posix.relative(posix.dirname(fromPath), toPath).replace(/\.ts$/, withJs ? '.js' : '');
  if (!withJs && rel.endsWith('/index')) rel = rel.slice(0, -'/index'.length) || '.';
  return rel.startsWith('.') ? rel : `./${rel}`;
}

function planPackages(totalFiles, rnd) {
  const packageCount = Math.max(2, Math.round(totalFiles / FILES_PER_PACKAGE));
  const packages = [];
  let featureSerial = 0;
  for (let p = 0; p < packageCount; p++) {
    const word = WORDS[p % WORDS.length];
    const dir = packageCount <= WORDS.length ? word : `${word}-${String(Math.floor(p / WORDS.length)).padStart(2, '0')}`;
    const featureCount = rnd.int(1, 3);
    const features = [];
    for (let f = 0; f < featureCount; f++) {
      const base = FEATURE_WORDS[featureSerial % FEATURE_WORDS.length];
      features.push(`${base}-${String(featureSerial).padStart(3, '0')}`);
      featureSerial++;
    }
    packages.push({ pos: p, dir, name: `${SCOPE}/${dir}`, features, files: [], deps: new Set() });
  }
  // Distribute exactly totalFiles across the packages.
  const base = Math.floor(totalFiles / packageCount);
  let extra = totalFiles - base * packageCount;
  for (const pkg of packages) {
    pkg.fileBudget = base + (extra-- > 0 ? 1 : 0);
  }
  return packages;
}

/** Decide every file of a package: path, zone, feature. */
function planFiles(pkg, rnd) {
  const src = `packages/${pkg.dir}/src`;
  const files = [];
  const add = (path, zone, feature) => {
    const file = { path, zone, feature, pkg, id: files.length, imports: [], exportsFrom: [] };
    files.push(file);
    return file;
  };
  const budget = pkg.fileBudget;
  const previewBudget = Math.max(pkg.features.length * 3, Math.round(budget * 0.12));
  const migrationBudget = Math.max(2, Math.round(budget * 0.03));
  const fixed = 2; // index.ts, utils/index.ts
  const stableBudget = budget - previewBudget - migrationBudget - fixed;
  if (stableBudget < 10) throw new Error(`package ${pkg.dir}: too few files (${budget})`);

  for (let i = 0; i < stableBudget; i++) {
    const area = AREAS[i % AREAS.length];
    const nested = rnd.chance(0.3) ? `${pick2(rnd)}/` : '';
    add(`${src}/${area}/${nested}${area}-${String(i).padStart(4, '0')}.ts`, 'stable', null);
  }
  pkg.utilsIndex = add(`${src}/utils/index.ts`, 'stable', null);
  pkg.index = add(`${src}/index.ts`, 'stable', null);
  for (let i = 0; i < migrationBudget; i++) {
    add(`${src}/db/migrations/m${String(i).padStart(4, '0')}-${pkg.dir}.ts`, 'migration', null);
  }
  pkg.featureIndex = new Map();
  let left = previewBudget;
  pkg.features.forEach((feature, fi) => {
    const share = fi === pkg.features.length - 1 ? left : Math.floor(previewBudget / pkg.features.length);
    left -= share;
    pkg.featureIndex.set(feature, add(`${src}/preview/${feature}/index.ts`, 'preview', feature));
    for (let i = 1; i < share; i++) {
      const sub = rnd.chance(0.5) ? `${rnd.pick(['handlers', 'model', 'ui', 'store'])}/` : '';
      add(`${src}/preview/${feature}/${sub}${feature.split('-')[0]}-${String(i).padStart(3, '0')}.ts`, 'preview', feature);
    }
  });
  pkg.files = files;
  return files;
}

function pick2(rnd) {
  return rnd.pick(['internal', 'helpers', 'adapters', 'v2']);
}

const symbolOf = (file) => camel(posix.basename(file.path, '.ts') === 'index'
  ? `${file.pkg.dir}-${posix.basename(posix.dirname(file.path))}-index`
  : posix.basename(file.path, '.ts'));
const typeOf = (file) => pascal(`${symbolOf(file)}-options`);

/** How `from` refers to `to` in a given form; returns { specifier, kind }. */
function specifierFor(from, to, form) {
  const samePkg = from.pkg === to.pkg;
  const toRel = to.path.slice(`packages/${to.pkg.dir}/src/`.length).replace(/\.ts$/, '');
  switch (form) {
    case 'relative-js':
      return relativeSpecifier(from.path, to.path, true);
    case 'relative-no-ext':
      return relativeSpecifier(from.path, to.path, false);
    case 'path-alias':
      return `${ALIAS}/${to.pkg.dir}/${toRel}`;
    case 'workspace-package': {
      // Only entry points declared in package.json "exports" are reachable by name.
      if (to === to.pkg.index) return to.pkg.name;
      if (to === to.pkg.utilsIndex) return `${to.pkg.name}/utils`;
      if (to.zone === 'preview' && to === to.pkg.featureIndex.get(to.feature)) return `${to.pkg.name}/preview/${to.feature}`;
      throw new Error(`not an exported entry: ${to.path}`);
    }
    default:
      return samePkg ? relativeSpecifier(from.path, to.path, true) : `${ALIAS}/${to.pkg.dir}/${toRel}`;
  }
}

/** One import statement (or expression) of `to` from `from`, in the given syntactic form. */
function statementFor(from, to, form, specForm) {
  const spec = specifierFor(from, to, specForm ?? form);
  const sym = symbolOf(to);
  const type = typeOf(to);
  const local = `${sym}From${from.id}`;
  switch (form) {
    case 'import-type':
      return { top: `import type { ${type} } from '${spec}';`, use: `export type Re${type}${from.id} = ${type};` };
    case 'export-from':
      return { top: `export { ${sym} as ${local} } from '${spec}';` };
    case 'export-preview':
      return { top: `export { ${to.previewDeclaration} } from '${spec}';` };
    case 'import-preview':
      return { top: `import { ${from.importsPreview} } from '${spec}';`, use: `export const previewUse${from.id} = ${from.importsPreview};` };
    case 'export-star-as':
      return { top: `export * as ${local}Ns from '${spec}';` };
    case 'dynamic-import':
      return { body: `  const lazy${from.id}x${to.id} = await import('${spec}');\n  total += lazy${from.id}x${to.id}.${sym}({ id: 'lazy', size: total }).length;` };
    case 'require':
      return { body: `  const req${from.id}x${to.id} = require('${spec}') as { ${sym}: (o: unknown) => string };\n  total += req${from.id}x${to.id}.${sym}({}).length;` };
    case 'import-equals-require':
      return { top: `import ${local}Legacy = require('${spec}');`, use: `export const ${local}Via = ${local}Legacy;` };
    default:
      return { top: `import { ${sym} as ${local}, type ${type} as ${type}${from.id} } from '${spec}';`, use: `export const ${local}Value = (o: ${type}${from.id}) => ${local}(o);` };
  }
}

function renderFile(file, rnd) {
  const top = [];
  const uses = [];
  const bodies = [];
  for (const edge of file.imports) {
    const st = statementFor(file, edge.to, edge.form, edge.specForm);
    if (st.top) top.push(st.top);
    if (st.use) uses.push(st.use);
    if (st.body) bodies.push(st.body);
  }
  const sym = symbolOf(file);
  const type = typeOf(file);
  const extras = [];
  if (file.nodeBuiltin) top.unshift(`import { join } from 'node:path';`);
  if (file.externalPkg) top.unshift(`import { debounce } from '${file.externalPkg}';`);
  if (file.nonLiteralImport) {
    bodies.push(`  const pluginName = ['plugin', String(total % 3)].join('-');\n  const plugin = await import(pluginName);\n  total += Object.keys(plugin).length;`);
  }
  const fields = rnd.int(2, 6);
  const fieldLines = Array.from({ length: fields }, (_, i) => `  ${['label', 'weight', 'enabled', 'tags', 'limit', 'region'][i]}?: ${['string', 'number', 'boolean', 'string[]', 'number', 'string'][i]};`);
  // A planted preview-api-leak (no random draws, so the rest of the tree stays as before): a
  // declaration tagged @preview in this stable file, exposed through the options of its function,
  // which the package's index re-exports.
  const hook = file.previewHook ? `Experimental${pascal(sym)}Hook` : null;
  if (hook) fieldLines.push(`  hook?: ${hook};`);
  const header = file.zone === 'preview'
    ? `// Preview feature ${file.feature}: API may change without notice.\n`
    : file.zone === 'migration'
      ? `// Database migration (ordered list); may touch preview tables.\n`
      : '';
  extras.push(
    `${header}${top.join('\n')}${top.length ? '\n' : ''}`,
    ...(hook ? [`/** @preview ${file.previewHook} */\nexport interface ${hook} {\n  onEvent(event: string): void;\n}\n`] : []),
    `export interface ${type} {\n  id?: string;\n  size?: number;\n${fieldLines.join('\n')}\n}`,
    '',
    `/** ${sym}: deterministic synthetic logic for ${file.path.split('/').slice(-2).join('/')}. */`,
    `export function ${sym}(options: ${type}): string {`,
    `  const parts: string[] = [];`,
    `  for (let i = 0; i < (options.size ?? ${rnd.int(2, 9)}); i++) {`,
    `    parts.push(\`\${options.id ?? '${sym}'}:\${i * ${rnd.int(2, 97)}}\`);`,
    `  }`,
    `  return parts.join('${rnd.pick([',', ';', '|'])}');`,
    `}`,
    '',
    `export class ${pascal(sym)}Service {`,
    `  private readonly cache = new Map<string, string>();`,
    `  get(key: string, options: ${type} = {}): string {`,
    `    const hit = this.cache.get(key);`,
    `    if (hit !== undefined) return hit;`,
    `    const value = ${sym}({ ...options, id: key });`,
    `    this.cache.set(key, value);`,
    `    return value;`,
    `  }`,
    `}`,
    '',
  );
  if (bodies.length) {
    extras.push(`export async function load${pascal(sym)}(): Promise<number> {`, `  let total = 0;`, ...bodies, `  return total;`, `}`, '');
  }
  if (file.previewDeclaration) extras.push(`/** Preview by name: features.<id>.exports. */`, `export function ${file.previewDeclaration}(): string {`, `  return '${file.previewDeclaration}';`, `}`, '');
  if (file.nodeBuiltin) extras.push(`export const ${sym}Path = join('data', '${sym}.json');`, '');
  if (file.externalPkg) extras.push(`export const ${sym}Debounced = debounce(() => ${sym}({}), 50);`, '');
  extras.push(...uses);
  return `${extras.join('\n').trimEnd()}\n`;
}

/**
 * Declaration-level preview (v5): per package, one stable file declares experimental_<feature>_<sym>
 * (its first feature lists the pattern in features.<id>.exports), the package index re-exports it
 * (a finding: reexports is forbid), and the last two stable files of the next package import it by
 * name through the package name.
 * No random draws: every other file is what v4 generated.
 */
function planPreviewDeclarations(packages) {
  const nameViolations = [];
  packages.forEach((pkg, p) => {
    const feature = pkg.features[0];
    const declaring = pkg.stable.find((f) => f.path.includes('/util/')) ?? pkg.stable[0];
    declaring.previewDeclaration = `experimental_${camel(feature)}_${symbolOf(declaring)}`;
    pkg.previewExports = `experimental_${camel(feature)}_*`;
    // The stable index re-exporting it is a crossing point (reexports: forbid, the default).
    pkg.index.imports.push({ to: declaring, form: 'export-preview', specForm: 'relative-js' });
    nameViolations.push({ from: pkg.index.path, to: declaring.path, name: declaring.previewDeclaration });
    const consumers = packages[(p + 1) % packages.length];
    for (const from of consumers.stable.slice(-2)) {
      from.importsPreview = declaring.previewDeclaration;
      from.imports.push({ to: pkg.index, form: 'import-preview', specForm: 'workspace-package' });
      if (consumers !== pkg) consumers.deps.add(pkg.name);
      nameViolations.push({ from: from.path, to: declaring.path, name: declaring.previewDeclaration });
    }
  });
  return nameViolations.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
}

/** Build the import graph: normal edges, exception edges and the deliberate violations. */
function planImports(packages, totalFiles, rnd) {
  const stableOf = (pkg) => pkg.files.filter((f) => f.zone === 'stable' && f !== pkg.index && f !== pkg.utilsIndex);
  const normalForms = ['relative-js', 'relative-js', 'relative-no-ext', 'path-alias', 'import-type', 'export-from', 'dynamic-import', 'require', 'import-equals-require', 'export-star-as'];
  for (const pkg of packages) {
    const stable = stableOf(pkg);
    pkg.stable = stable;
    // Stable files: imports of earlier stable files in the same package (a DAG), some cross-package.
    stable.forEach((file, i) => {
      const seen = new Set();
      const count = i === 0 ? 0 : rnd.int(2, 7);
      for (let k = 0; k < count; k++) {
        const to = stable[rnd.int(Math.max(0, i - 40), i - 1)];
        if (seen.has(to)) continue;
        seen.add(to);
        const form = rnd.pick(normalForms);
        file.imports.push({ to, form, specForm: form === 'path-alias' ? 'path-alias' : undefined });
      }
      if (pkg.pos > 0 && rnd.chance(0.25)) {
        const other = packages[rnd.int(0, pkg.pos - 1)];
        const to = rnd.chance(0.6) ? other.index : other.utilsIndex;
        file.imports.push({ to, form: 'named', specForm: 'workspace-package' });
        pkg.deps.add(other.name);
      }
      file.nodeBuiltin = rnd.chance(0.05);
      file.externalPkg = rnd.chance(0.02) ? 'lodash-es' : null;
      file.nonLiteralImport = rnd.chance(0.01);
    });
    // Entry points re-export a few stable modules.
    for (const to of stable.slice(0, 6)) pkg.index.imports.push({ to, form: 'export-from', specForm: 'relative-js' });
    for (const to of stable.filter((f) => f.path.includes('/util/')).slice(0, 4)) {
      pkg.utilsIndex.imports.push({ to, form: 'export-from', specForm: 'relative-no-ext' });
    }
    // Preview files import stable code of their package and files of their own feature.
    for (const feature of pkg.features) {
      const files = pkg.files.filter((f) => f.feature === feature);
      const [index, ...rest] = files;
      for (const to of rest.slice(0, 5)) index.imports.push({ to, form: 'export-from', specForm: 'relative-js' });
      rest.forEach((file, i) => {
        for (let k = 0; k < rnd.int(1, 4); k++) {
          file.imports.push({ to: rnd.pick(stable), form: rnd.pick(['relative-js', 'path-alias', 'import-type']), specForm: undefined });
        }
        if (i > 0) file.imports.push({ to: rest[rnd.int(0, i - 1)], form: 'relative-js' });
      });
    }
    // Migrations: an allowed exception; they import preview code (not a violation).
    const migrations = pkg.files.filter((f) => f.zone === 'migration');
    migrations.forEach((file, i) => {
      file.imports.push({ to: rnd.pick(stable), form: 'relative-no-ext' });
      const feature = pkg.features[i % pkg.features.length];
      file.imports.push({ to: rnd.pick(pkg.files.filter((f) => f.feature === feature)), form: i % 2 ? 'relative-js' : 'path-alias' });
    });
  }
  for (const f of packages.flatMap((p) => p.files)) {
    for (const e of f.imports) if (e.form === 'path-alias') e.specForm = 'path-alias';
  }

  // Deliberate violations: distinct stable importers, one preview target each, every form in turn.
  const violationCount = Math.max(VIOLATION_FORMS.length, Math.ceil(totalFiles / 100));
  const candidates = packages.flatMap((p) => p.stable);
  const chosen = new Set();
  const violations = [];
  for (let v = 0; v < violationCount; v++) {
    let from;
    do from = rnd.pick(candidates); while (chosen.has(from));
    chosen.add(from);
    const form = VIOLATION_FORMS[v % VIOLATION_FORMS.length];
    let targetPkg = from.pkg;
    if (form === 'workspace-package' || (form === 'path-alias' && rnd.chance(0.5))) {
      targetPkg = packages[(from.pkg.pos + 1 + rnd.int(0, packages.length - 2)) % packages.length];
      if (form === 'workspace-package') from.pkg.deps.add(targetPkg.name);
    }
    const feature = rnd.pick(targetPkg.features);
    const featureFiles = targetPkg.files.filter((f) => f.feature === feature);
    const to = form === 'workspace-package' ? targetPkg.featureIndex.get(feature) : rnd.pick(featureFiles);
    const stmtForm = ['relative-js', 'relative-no-ext', 'path-alias', 'workspace-package'].includes(form) ? 'named' : form;
    const specForm = ['relative-js', 'relative-no-ext', 'path-alias', 'workspace-package'].includes(form)
      ? form
      : (from.pkg === to.pkg ? (v % 2 ? 'relative-js' : 'relative-no-ext') : 'path-alias');
    from.imports.push({ to, form: stmtForm, specForm });
    const spec = specifierFor(from, to, specForm);
    violations.push({ from: from.path, to: to.path, form, specifier: spec });
  }
  violations.sort((a, b) => (a.from + a.to < b.from + b.to ? -1 : 1));
  return violations;
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

function lifecycleYaml(packages) {
  const lines = [
    '# Generated by bench/generate-monorepo.js — do not edit.',
    'version: 1',
    'releases:',
    `  current: "${CURRENT_RELEASE}"`,
    '  train:',
    '    - { name: "2026.1", date: 2026-04-01 }',
    '    - { name: "2026.2", date: 2026-10-01 }',
    '    - { name: "2027.1", date: 2027-04-01 }',
    'files:',
    '  include: ["packages/*/src/**"]',
    'preview:',
    '  code: packages/*/src/preview/{feature}/**',
    '  maxCycles: 2',
    '  typeOnlyImports: forbid',
    '  exceptions:',
    '    - { path: "packages/*/src/db/migrations/**", reason: "migrations form one ordered list" }',
    'features:',
  ];
  for (const pkg of packages) {
    for (const feature of pkg.features) {
      lines.push(
        `  ${feature}:`,
        '    status: preview',
        `    title: ${pascal(feature)} for ${pkg.dir}`,
        `    introduced: "${CURRENT_RELEASE}"`,
        `    owners: [${feature.split('-')[0]}-lead@example.org, ${pkg.dir}-core@example.org]`,
        `    tracking: https://tracker.example/blueprints/${feature}`,
        ...(feature === pkg.features[0] ? [`    exports: ["${pkg.previewExports}"]`] : []),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

function depcruiseConfig() {
  // The same rule as lifecycle's no-preview-import: stable code (anything outside the preview
  // subtree, except the migrations exception) must not depend on preview code, whatever the
  // dependency type (import, type-only, export-from, import(), require, import = require).
  return `// Generated by bench/generate-monorepo.js — do not edit.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-preview-import',
      severity: 'error',
      comment: 'stable code must not import preview code (migrations are an allowed exception)',
      from: {
        path: '^packages/[^/]+/src/',
        pathNot: ['^packages/[^/]+/src/preview/', '^packages/[^/]+/src/db/migrations/'],
      },
      to: { path: '^packages/[^/]+/src/preview/[^/]+/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/' },
    tsConfig: { fileName: 'tsconfig.base.json' },
    tsPreCompilationDeps: true,
    skipAnalysisNotInRules: true,
    // A fresh clone has no node_modules and every package's exports point into the unbuilt
    // dist/, so workspace package names are mapped to their sources with resolve.alias
    // (dependency-cruiser takes it from a webpack-style config; no webpack is needed).
    webpackConfig: { fileName: 'depcruise-resolve.webpack.cjs' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'module', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs'],
    },
    progress: { type: 'none' },
    cache: false,
  },
};
`;
}

function webpackAliasConfig(packages) {
  const lines = [];
  for (const pkg of packages) {
    const src = `packages/${pkg.dir}/src`;
    lines.push(`    '${pkg.name}$': path.join(__dirname, '${src}/index.ts'),`);
    lines.push(`    '${pkg.name}/utils$': path.join(__dirname, '${src}/utils/index.ts'),`);
    for (const feature of pkg.features) {
      lines.push(`    '${pkg.name}/preview/${feature}$': path.join(__dirname, '${src}/preview/${feature}/index.ts'),`);
    }
  }
  return `// Generated by bench/generate-monorepo.js — resolve.alias for dependency-cruiser only:
// workspace package name (and each "exports" subpath) → its source entry file.
const path = require('node:path');
module.exports = {
  resolve: {
    alias: {
${lines.join('\n')}
    },
  },
};
`;
}

/**
 * The path of bench/.work/mono-<files>, generated again when missing or made by another generator
 * version (a stale tree would measure old code paths). Used by the ESLint benches.
 */
export function currentMonorepo(files) {
  const repo = join(dirname(fileURLToPath(import.meta.url)), '.work', `mono-${files}`);
  const expectedPath = `${repo}.expected.json`;
  const current = existsSync(join(repo, 'lifecycle.yaml')) && existsSync(expectedPath) && JSON.parse(readFileSync(expectedPath, 'utf8')).generatorVersion === GENERATOR_VERSION;
  if (!current) {
    rmSync(repo, { recursive: true, force: true });
    generateMonorepo({ files, out: repo });
  }
  return repo;
}

export function generateMonorepo({ files: totalFiles, out, seed = 20260 + totalFiles }) {
  const rnd = createRandom(seed);
  const packages = planPackages(totalFiles, rnd);
  for (const pkg of packages) planFiles(pkg, rnd);
  const violations = planImports(packages, totalFiles, rnd);
  const nameViolations = planPreviewDeclarations(packages);
  // preview-api-leak: one per package, in the first stable file its index re-exports.
  const apiLeaks = packages.map((pkg) => {
    const file = pkg.stable[0];
    file.previewHook = pkg.features[0];
    return { file: file.path, declaration: symbolOf(file), preview: `Experimental${pascal(symbolOf(file))}Hook`, feature: pkg.features[0] };
  });

  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  writeJson(join(out, 'package.json'), {
    name: 'bench-monorepo',
    private: true,
    type: 'module',
    workspaces: ['packages/*'],
  });
  writeFileSync(join(out, '.gitignore'), 'node_modules/\ndist/\n');
  const paths = {};
  for (const pkg of packages) paths[`${ALIAS}/${pkg.dir}/*`] = [`./packages/${pkg.dir}/src/*`];
  writeJson(join(out, 'tsconfig.base.json'), {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      strict: true,
      declaration: true,
      composite: true,
      skipLibCheck: true,
      verbatimModuleSyntax: false,
      paths,
    },
  });
  writeJson(join(out, 'tsconfig.json'), {
    files: [],
    references: packages.map((p) => ({ path: `./packages/${p.dir}` })),
  });
  writeFileSync(join(out, 'lifecycle.yaml'), lifecycleYaml(packages));
  // The same policy with the type-aware check on (bench/api-leak-vs-tsc.js); lifecycle.yaml leaves it off.
  writeFileSync(join(out, 'lifecycle.api-leak.yaml'), '# Generated by bench/generate-monorepo.js — do not edit.\nversion: 1\nextends: [./lifecycle.yaml]\nchecks: { preview-api-leak: error }\n');
  writeFileSync(join(out, '.dependency-cruiser.cjs'), depcruiseConfig());
  writeFileSync(join(out, 'depcruise-resolve.webpack.cjs'), webpackAliasConfig(packages));

  let written = 0;
  for (const pkg of packages) {
    const pdir = join(out, 'packages', pkg.dir);
    mkdirSync(pdir, { recursive: true });
    const exportsField = {
      '.': { types: './dist/index.d.ts', import: './dist/index.js' },
      './utils': { types: './dist/utils/index.d.ts', import: './dist/utils/index.js' },
    };
    for (const feature of pkg.features) {
      exportsField[`./preview/${feature}`] = {
        types: `./dist/preview/${feature}/index.d.ts`,
        import: `./dist/preview/${feature}/index.js`,
      };
    }
    exportsField['./package.json'] = './package.json';
    writeJson(join(pdir, 'package.json'), {
      name: pkg.name,
      version: '1.0.0',
      type: 'module',
      main: './dist/index.js',
      types: './dist/index.d.ts',
      exports: exportsField,
      scripts: { build: 'tsc -b' },
      dependencies: Object.fromEntries([...pkg.deps].sort().map((d) => [d, '*'])),
    });
    writeJson(join(pdir, 'tsconfig.json'), {
      extends: '../../tsconfig.base.json',
      compilerOptions: { rootDir: 'src', outDir: 'dist' },
      include: ['src'],
    });
    for (const file of pkg.files) {
      const abs = join(out, file.path);
      mkdirSync(dirname(abs), { recursive: true });
      writeFileSync(abs, renderFile(file, rnd));
      written++;
    }
  }
  const expected = {
    generatorVersion: GENERATOR_VERSION,
    seed,
    files: written,
    packages: packages.length,
    features: packages.reduce((n, p) => n + p.features.length, 0),
    violations,
    nameViolations,
    apiLeaks,
  };
  writeJson(`${out}.expected.json`, expected);
  return expected;
}

const USAGE = `Usage: node bench/generate-monorepo.js [--files N] [--out DIR] [--seed N]

Writes a deterministic synthetic npm-workspaces monorepo (a fresh clone: no node_modules, no dist/)
with planted preview-import violations, for the benchmarks; the same files and seed give a
byte-identical tree. Writes the planted violations to <out>.expected.json and prints their count.
Measures nothing itself.

Options:
  --files N    source files to generate, an integer >= 100 (default 2000)
  --out DIR    where to write the repo; an existing DIR is deleted first (default bench/.work/mono-<N>)
  --seed N     an integer seed for the generator (default 20260 + N)
  -h, --help   print this help and exit

Example:
  node bench/generate-monorepo.js --files 20000
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { values, fail } = readCommandLine({
    script: 'bench/generate-monorepo.js',
    usage: USAGE,
    options: { files: { type: 'string', default: '2000' }, out: { type: 'string' }, seed: { type: 'string' } },
  });
  const files = positiveInteger(values.files, '--files', fail, 100);
  if (values.out === '') fail('--out takes a directory, got an empty string');
  if (values.seed !== undefined && !/^-?\d+$/.test(values.seed)) fail(`--seed takes an integer, got '${values.seed}'`);
  return { files, out: values.out ?? null, seed: values.seed === undefined ? undefined : Number(values.seed) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseCommandLine();
  try {
    const out = resolve(args.out ?? join(dirname(fileURLToPath(import.meta.url)), '.work', `mono-${args.files}`));
    const expected = generateMonorepo({ files: args.files, out, seed: args.seed });
    const byForm = {};
    for (const v of expected.violations) byForm[v.form] = (byForm[v.form] ?? 0) + 1;
    console.log(`generated ${out}: ${expected.files} files, ${expected.packages} packages, ${expected.features} preview features`);
    console.log(`expected violations: ${expected.violations.length} (${Object.entries(byForm).map(([k, n]) => `${k} ${n}`).join(', ')})`);
  } catch (error) {
    console.error(`generate-monorepo: ${error.message}`);
    process.exit(2);
  }
}
