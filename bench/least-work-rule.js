// A reference for (b) of bench/eslint-overhead.js (issue #21), never shipped: one ESLint rule that
// gives no-preview-import's findings on the generated monorepo (bench/generate-monorepo.js) with as
// little work as its author could: the plugin's rule time is read against it in the same run, and
// the bench checks that both report the same import sites.
//
// Once per process: lifecycle.yaml by yaml.parse (no validation); picomatch of files.include,
// preview.code and preview.exceptions; the name patterns of features.<id>.exports; one walk of
// packages/ into a Set of paths; tsconfig.base.json `paths` and the workspace packages' names
// (a package name or subpath is taken straight to the package's src/).
// Per file: the import sites and their names, collected during ESLint's traversal. At Program:exit
// each site is resolved by string operations against that Set and its target classified
// (memoised). An import of a preview file from stable code (or of another feature's, from preview
// code) is reported unless an exception covers the file. Otherwise each imported or re-exported
// name, and each `export * as` namespace, is followed to its declaration, with the plugin's
// shortcuts: a target is read once per run (open, fstat, read, close, as the plugin reads one) and
// parsed by TypeScript (no parent links) only when its text could matter (for a name: `@preview`
// or a pattern's first fixed part, a bare `export *`, or the name in an `export { … }` list; for a
// namespace: such a word in it or in a module it re-exports from, followed through the texts, as
// the plugin's moduleMayMatter); `export … from` and `export *` are followed; a declaration is
// preview when a feature's exports pattern matches its name, its doc comment has @preview, or its
// file is preview code; preview code may use its own feature's declarations, a stable file those
// of the features it declares preview declarations of.
//
// What it leaves out, and the plugin does: policy validation; preview.exportNames and preview.tags
// (the generated policy has none); tsconfig per project and its references; package `exports` and
// `imports` read from package.json; import maps, node_modules, format-dependent resolution,
// symlinks, .gitignore; `export { local }` lists, `import * as` member uses, `export =`, the names
// behind a bare `export * from` site, a preview file's namespace re-exported under a name,
// exceptions[].features, ambiguous `export *` (the generator writes none); messages that say why; suppressions; the
// three other rules of configs.recommended; keeping any of it current in a long-lived editor. It
// is right only on the import forms the generator writes, which is why it lives in bench/.
import { closeSync, fstatSync, openSync, readdirSync, readFileSync, readSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const require = createRequire(import.meta.url);
const YAML = require('yaml');
const picomatch = require('picomatch');
const ts = require('typescript');

const EXTENSIONS = ['.ts', '.tsx', '.d.ts', '.js'];

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
  const code = policy.preview.code;
  const patterns = Object.entries(policy.features ?? {}).flatMap(([id, feature]) =>
    (feature.exports ?? []).map((glob) => ({ feature: id, regex: new RegExp(`^${glob.split('*').map((part) => part.replace(/[$]/g, '\\$')).join('[A-Za-z0-9_$]*')}$`), prefix: glob.split('*')[0] })),
  );
  return {
    root,
    inScope: picomatch(policy.files.include),
    isPreview: picomatch(code.replace('{feature}', '*')),
    // The path segment where preview.code has {feature}.
    featureSegment: code.split('/').indexOf('{feature}'),
    isExcepted: picomatch((policy.preview.exceptions ?? []).map((exception) => exception.path)),
    typeOnlyAllowed: policy.preview.typeOnlyImports === 'allow',
    patterns,
    prefixes: [...new Set(patterns.map((pattern) => pattern.prefix))],
    files,
    dirs,
    paths,
    packages,
    features: new Map(),
    targets: new Map(),
    namespaces: new Map(),
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

/** The preview feature of a file ('' when stable), memoised. */
function featureOf(file) {
  let feature = repo.features.get(file);
  if (feature === undefined) {
    feature = repo.isPreview(file) ? file.split('/')[repo.featureSegment] : '';
    repo.features.set(file, feature);
  }
  return feature;
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

/**
 * A target's text, read once per run, and what it shows without parsing: a word that may make a
 * declaration preview (@preview, a pattern's first fixed part), a bare `export *`, any
 * `export … from`, and the names written in `export { … }` lists.
 */
function targetOf(file) {
  let target = repo.targets.get(file);
  if (!target) {
    const text = readText(join(repo.root, file));
    const listed = new Set();
    if (text.includes('export')) for (const match of text.matchAll(EXPORT_LIST)) for (const word of match[1].match(/[\w$]+/g) ?? []) listed.add(word);
    target = {
      text,
      mentionsPreview: text.includes('@preview') || repo.prefixes.some((prefix) => text.includes(prefix)),
      starExport: STAR_EXPORT.test(text),
      reexportFrom: [...text.matchAll(REEXPORT_FROM)].map((match) => match[2]),
      listed,
      table: undefined,
    };
    repo.targets.set(file, target);
  }
  return target;
}

const EXPORT_LIST = /\bexport\s*(?:type\s*)?\{([^}]*)\}/g;
const STAR_EXPORT = /\bexport\s*(?:type\s*)?\*\s*from\b/;
const REEXPORT_FROM = /\bexport\s*(?:type\s*)?(?:\*(?:\s*as\s+[\w$]+)?|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/g;

/**
 * Whether any name of a module can be preview, from the texts alone (the plugin's
 * moduleMayMatter): preview code, a preview word, or a module it re-exports from that may matter.
 */
function moduleMayMatter(file, visiting = new Set()) {
  if (file === undefined) return true; // does not resolve: look closer
  if (file === 'outside' || visiting.has(file)) return false;
  if (featureOf(file) !== '') return true;
  const target = targetOf(file);
  if (target.mayMatter !== undefined) return target.mayMatter;
  visiting.add(file);
  const matters = target.mentionsPreview || target.reexportFrom.some((from) => moduleMayMatter(resolveSpecifier(from, dirname(file)), visiting));
  visiting.delete(file);
  if (matters || visiting.size === 0) target.mayMatter = matters;
  return matters;
}

/** A target's exports, parsed on first need: name → local declaration, re-export or namespace, and its bare `export *`. */
function tableOf(file, target) {
  if (target.table) return target.table;
  const table = { names: new Map(), stars: [] };
  const source = ts.createSourceFile(file, target.text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  for (const statement of source.statements) {
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const from = statement.moduleSpecifier.text;
      const clause = statement.exportClause;
      if (!clause) table.stars.push(from);
      else if (ts.isNamespaceExport(clause)) table.names.set(clause.name.text, { namespace: from });
      else for (const element of clause.elements) table.names.set(element.name.text, { from, imported: (element.propertyName ?? element.name).text });
    } else if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
      // The doc comment right before the statement: its @preview tag and feature, read from the text (no parent links needed).
      const comment = ts.getLeadingCommentRanges(target.text, statement.pos)?.at(-1);
      const tag = comment === undefined ? undefined : target.text.slice(comment.pos, comment.end).match(/^\/\*\*[\s\S]*?@preview(?:\s+([\w-]+))?/);
      const tagFeature = tag ? (tag[1] ?? '') : undefined;
      const names = ts.isVariableStatement(statement) ? statement.declarationList.declarations.map((declaration) => declaration.name.getText(source)) : statement.name ? [statement.name.text] : [];
      for (const name of names) table.names.set(name, { local: true, tagFeature });
    }
  }
  target.table = table;
  return table;
}

/** The feature of a name's preview declaration by its name (features.<id>.exports), or undefined. */
function patternFeature(name) {
  return repo.patterns.find((pattern) => pattern.regex.test(name))?.feature;
}

/**
 * The feature of the preview declaration `name`, exported by `file`, ends at ('' for @preview
 * without one), or undefined when it ends at a stable one (a namespace, `export * as`, counts as
 * stable: its own site is where it is judged, as the plugin does).
 */
function previewFeatureOf(file, name, seen = new Set()) {
  const fileFeature = featureOf(file);
  if (fileFeature !== '') return patternFeature(name) ?? fileFeature;
  const key = `${file}\0${name}`;
  if (seen.has(key)) return undefined;
  seen.add(key);
  const target = targetOf(file);
  // No word that makes a declaration preview, no `export *`, the name in no `export { … }` list:
  // it ends here, at a stable declaration (or is not exported), without a parse.
  if (!target.mentionsPreview && !target.starExport && !target.listed.has(name)) return undefined;
  const table = tableOf(file, target);
  const entry = table.names.get(name);
  if (entry?.local) return patternFeature(name) ?? entry.tagFeature;
  if (entry?.namespace !== undefined) return undefined;
  if (entry) {
    const next = resolveSpecifier(entry.from, dirname(file));
    return next === undefined || next === 'outside' ? undefined : previewFeatureOf(next, entry.imported, seen);
  }
  if (name === 'default') return undefined;
  for (const from of table.stars) {
    const next = resolveSpecifier(from, dirname(file));
    const feature = next === undefined || next === 'outside' ? undefined : previewFeatureOf(next, name, seen);
    if (feature !== undefined) return feature;
  }
  return undefined;
}

/** The features of the preview declarations among a module's names (its namespace); memoised. */
function namespaceFeatures(file, visiting = new Set()) {
  if (file === undefined || file === 'outside') return NO_FEATURES;
  if (repo.namespaces.has(file)) return repo.namespaces.get(file);
  if (visiting.has(file)) return NO_FEATURES;
  visiting.add(file);
  const features = new Set();
  const target = featureOf(file) === '' ? targetOf(file) : undefined;
  if (!target) features.add(featureOf(file));
  else if (moduleMayMatter(file)) {
    const table = tableOf(file, target);
    for (const name of table.names.keys()) {
      const feature = previewFeatureOf(file, name);
      if (feature !== undefined) features.add(feature);
    }
    for (const from of table.stars) for (const feature of namespaceFeatures(resolveSpecifier(from, dirname(file)), visiting)) features.add(feature);
  }
  repo.namespaces.set(file, features);
  return features;
}

const NO_FEATURES = new Set();

/** The features a stable linted file declares preview declarations of (it may use theirs). */
function ownFeatures(sourceCode) {
  const features = new Set();
  for (const statement of sourceCode.ast.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : undefined;
    if (!declaration) continue;
    const names = declaration.type === 'VariableDeclaration' ? declaration.declarations.map((declarator) => declarator.id.name) : declaration.id ? [declaration.id.name] : [];
    const tag = sourceCode.getCommentsBefore(statement).at(-1)?.value.match(/@preview\s+([\w-]+)/)?.[1];
    for (const name of names) {
      const feature = patternFeature(name) ?? tag;
      if (feature !== undefined) features.add(feature);
    }
  }
  return features;
}

const nameOf = (node) => node.name ?? node.value;

export const leastWorkRule = {
  meta: { type: 'problem', messages: { preview: 'imports preview code ({{what}})', unresolved: 'cannot resolve "{{specifier}}"' }, schema: [] },
  create(context) {
    repo ??= openRepo(context.cwd);
    const file = relative(repo.root, context.filename);
    if (!repo.inScope(file)) return {};
    const sites = [];
    // names: [node, imported name] pairs to follow; '*': the site's namespace (export * as).
    const add = (source, typeOnly, names) => {
      if (source && typeof source.value === 'string') sites.push({ node: source, specifier: source.value, typeOnly, names });
    };
    return {
      ImportDeclaration: (node) =>
        add(node.source, node.importKind === 'type', node.specifiers.map((specifier) => [specifier, specifier.type === 'ImportSpecifier' ? nameOf(specifier.imported) : specifier.type === 'ImportDefaultSpecifier' ? 'default' : undefined]).filter(([, name]) => name !== undefined)),
      ExportNamedDeclaration: (node) => node.source && add(node.source, node.exportKind === 'type', node.specifiers.map((specifier) => [specifier, nameOf(specifier.local)])),
      ExportAllDeclaration: (node) => add(node.source, node.exportKind === 'type', node.exported ? [[node.source, '*']] : []),
      ImportExpression: (node) => add(node.source, false, []),
      ...(context.sourceCode.text.includes('require') ? { CallExpression: (node) => node.callee.type === 'Identifier' && node.callee.name === 'require' && add(node.arguments[0], false, []) } : {}),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && add(node.moduleReference.expression, false, []),
      'Program:exit'() {
        const fromDir = dirname(file);
        const feature = featureOf(file);
        const excepted = feature === '' && repo.isExcepted(file);
        let allowed;
        for (const site of sites) {
          const to = resolveSpecifier(site.specifier, fromDir);
          if (to === undefined) {
            context.report({ node: site.node, messageId: 'unresolved', data: { specifier: site.specifier } });
            continue;
          }
          if (to === 'outside' || excepted || (site.typeOnly && repo.typeOnlyAllowed)) continue;
          const targetFeature = featureOf(to);
          if (targetFeature !== '') {
            if (targetFeature !== feature) context.report({ node: site.node, messageId: 'preview', data: { what: to } });
            continue;
          }
          for (const [node, name] of site.names) {
            const found = (name === '*' ? [...namespaceFeatures(to)] : [previewFeatureOf(to, name)]).filter((previewFeature) => previewFeature !== undefined);
            if (found.length === 0) continue;
            // Preview code may use its own feature's declarations; stable code those of the features it declares some of.
            allowed ??= feature !== '' ? new Set([feature]) : ownFeatures(context.sourceCode);
            if (found.some((previewFeature) => !allowed.has(previewFeature))) context.report({ node, messageId: 'preview', data: { what: `${name} of ${to}` } });
          }
        }
      },
    };
  },
};

export default { rules: { 'no-preview-import': leastWorkRule } };
