#!/usr/bin/env node
// Self-check of the generator: resolves every planted violation's specifier with TypeScript's own
// resolver (ts.resolveModuleName, the importing package's tsconfig.json) and checks that it lands
// on the planted target. Workspace package imports are not resolvable by TypeScript in a fresh
// clone (no node_modules, exports point into the unbuilt dist/); they are listed separately.
//
// Usage: node bench/verify-ts-resolution.js [repoDir]   (default bench/.work/mono-2000; --help: the usage)
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { readCommandLine } from './command-line.js';

const USAGE = `Usage: node bench/verify-ts-resolution.js [repoDir]

Checks the generator, not speed: resolves every planted violation's specifier in a repo from
bench/generate-monorepo.js with TypeScript's own resolver (the importing package's tsconfig.json)
and reports the ones that do not land on the planted target (exit 1 if any). Workspace-package
imports, which TypeScript cannot resolve in a fresh clone, are listed apart. Reads
<repoDir>.expected.json.

Arguments:
  [repoDir]    the generated repo, relative to the current directory (default bench/.work/mono-2000)
Options:
  -h, --help   print this help and exit

Example:
  node bench/verify-ts-resolution.js bench/.work/mono-20000
`;

/** Reads the command line (see USAGE); exits 0 after --help, 2 on a usage error. */
function parseCommandLine() {
  const { positionals, fail } = readCommandLine({ script: 'bench/verify-ts-resolution.js', usage: USAGE, allowPositionals: true });
  if (positionals.length > 1) fail(`expected at most one [repoDir], got ${positionals.length} arguments`);
  const dir = resolve(positionals[0] ?? 'bench/.work/mono-2000');
  if (!existsSync(`${dir}.expected.json`)) fail(`${dir}.expected.json not found (make the repo with node bench/generate-monorepo.js)`);
  return { repoDir: dir };
}

const { repoDir } = parseCommandLine();
const require = createRequire(import.meta.url);
const ts = require('typescript');

const expected = JSON.parse(readFileSync(`${repoDir}.expected.json`, 'utf8'));
const configs = new Map();
function optionsFor(file) {
  const pkgDir = file.split('/').slice(0, 2).join('/');
  if (!configs.has(pkgDir)) {
    const configPath = join(repoDir, pkgDir, 'tsconfig.json');
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    configs.set(pkgDir, parsed.options);
  }
  return configs.get(pkgDir);
}

let ok = 0;
const bad = [];
const workspace = [];
for (const v of expected.violations) {
  const containing = join(repoDir, v.from);
  const mode = v.form === 'require' || v.form === 'import-equals-require' ? ts.ModuleKind.CommonJS : ts.ModuleKind.ESNext;
  const res = ts.resolveModuleName(v.specifier, containing, optionsFor(v.from), ts.sys, undefined, undefined, mode);
  const got = res.resolvedModule ? relative(repoDir, res.resolvedModule.resolvedFileName).split('\\').join('/') : null;
  if (v.form === 'workspace-package') workspace.push(`${v.from}: '${v.specifier}' → TS: ${got ?? 'unresolved'} (planted: ${v.to})`);
  else if (got === v.to) ok++;
  else bad.push(`${v.from}: '${v.specifier}' [${v.form}] → TS: ${got ?? 'unresolved'}, planted: ${v.to}`);
}
console.log(`TypeScript ${ts.version}: ${ok} of ${expected.violations.length - workspace.length} non-workspace violations resolve to the planted target`);
for (const line of bad) console.log(`  MISMATCH ${line}`);
console.log(`workspace-package violations (need the workspace → src mapping): ${workspace.length}`);
for (const line of workspace.slice(0, 5)) console.log(`  ${line}`);
process.exitCode = bad.length ? 1 : 0;
