import { projectRelative } from '../../project-path.js';
import { existsSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { Option, type Command } from 'commander';
import { EXIT_CLEAN, EXIT_FINDINGS, InputError } from '../../errors.js';
import { defuseCommandLines, escapeControl } from '../../formats/check/escape.js';
import type { CliIo } from '../io.js';
import { resolveCwd } from './shared.js';
import type { ImportFact } from '../../facts/source-file.js';

interface ExplainFlags {
  format: 'text' | 'json';
  policy?: string;
  cwd?: string;
}

export function registerExplainCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  program
    .command('explain')
    .description('show how one file is classified and what each of its imports resolves to')
    .argument('<file>', 'the file to explain')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-p, --policy <file>', 'policy file (default: lifecycle.yaml in --cwd or the nearest parent)')
    .option('-C, --cwd <dir>', 'directory to run in')
    .addHelpText(
      'after',
      `
Prints the file's zone (preview, stable, or an allowed exception), its feature, the glob that
decided it, the policy that did (the nearest lifecycle.yaml: a subtree's own one, as in
lifecycle check; with --policy, that one), and for every import: the specifier, the resolved target, how it was resolved, the
target's zone, and whether no-preview-import allows it (and why), and how many findings
lifecycle check reports in the file.

Exit codes: 0 the file has no finding at error level, 1 it has one (as lifecycle check <file>
would report it), 2 a missing file, a directory, or a policy or input error.

Example:
  $ lifecycle explain src/core/router.ts`,
    )
    .action(async (file: string, flags: ExplainFlags) => {
      const cwd = resolveCwd(io.cwd, flags.cwd);
      // Loaded here, not at the top: `lifecycle --help` and the other commands need none of it.
      const [{ openWorkspace }, { analyzeFile }, { verdictFor }, { runCheck }] = await Promise.all([
        import('../../workspace/open-workspace.js'),
        import('../../engine/analyze-file.js'),
        import('../../checks/no-preview-import.js'),
        import('../../engine/run-check.js'),
      ]);
      const top = openWorkspace({ cwd, ...(flags.policy ? { policyPath: flags.policy } : {}) });
      const abs = resolve(cwd, file);
      if (!existsSync(abs)) throw new InputError(`no such file: ${file}`);
      if (statSync(abs).isDirectory()) throw new InputError(`${file} is a directory: explain takes one file (lifecycle check ${file} checks a directory)`);
      const rel = projectRelative(top.root, abs);
      if (rel.startsWith('..') || isAbsolute(rel)) throw new InputError(`${file} is outside the project root ${top.root}`);
      // Like discovery in `lifecycle check`: a symbolic link out of the root is never followed.
      const real = realpathSync(abs);
      const realRoot = realpathSync(top.root);
      if (real !== realRoot && !real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep)) {
        throw new InputError(`${file} leads outside the project root ${top.root} (through a symbolic link, to ${real}); lifecycle check does not read it either`);
      }
      // The policy that decides: the nearest nested one (as in lifecycle check), paths shown from the top root.
      const { workspace, prefix, file: ownPath } = top.ownerOf(rel);
      const fromTop = (path: string) => (prefix === '' ? path : `${prefix}/${path}`);
      const { facts, readBy } = analyzeFile(workspace, ownPath, { fullParse: true }); // one file: show every syntax error
      const policy = workspace.loaded.policy;
      const vendored = workspace.skipped.vendored.find((item) => item.file === ownPath)?.reason ?? (readBy.kind === 'vendored' ? readBy.reason : undefined);
      const inScope = workspace.sourceFiles.includes(ownPath) && vendored === undefined;
      const policyFile = projectRelative(top.root, workspace.loaded.path);
      const describe = (fact: ImportFact) => (fact.target.kind === 'file' ? fromTop(fact.target.file) : describeTarget(fact));
      const imports = facts.imports.map((fact) => ({ fact, verdict: verdictFor(facts, fact, { policy }) }));
      const cls = facts.class;
      const zone = cls.zone === 'stable' && cls.exceptions ? 'exception' : cls.zone;
      // The exit code says what `lifecycle check <file>` would: the findings in this file, by level.
      const findings = inScope ? (await runCheck({ cwd, paths: [abs], ...(flags.policy ? { policyPath: flags.policy } : {}) })).result.findings.filter((finding) => finding.file === rel) : [];
      const errors = findings.filter((finding) => finding.severity === 'error').length;
      const warnings = findings.length - errors;
      setExitCode(errors > 0 ? EXIT_FINDINGS : EXIT_CLEAN);
      if (flags.format === 'json') {
        const body = {
          version: 1,
          file: rel,
          inScope,
          policy: policyFile,
          zone,
          feature: cls.feature ?? null,
          registered: cls.registered ?? null,
          matchedBy: cls.matchedBy,
          exceptions: (cls.exceptions ?? []).map((entry) => ({ path: entry.path, reason: entry.reason, features: entry.features ?? null })),
          problem: facts.problem ?? null,
          findings: { errors, warnings },
          imports: imports.map(({ fact, verdict }) => ({
            line: fact.line,
            column: fact.column,
            specifier: fact.specifier ?? null,
            form: fact.form,
            typeOnly: fact.typeOnly,
            target: describe(fact),
            targetZone: 'class' in fact.target ? fact.target.class.zone : 'outside',
            targetFeature: 'class' in fact.target ? (fact.target.class.feature ?? null) : null,
            targetDecidedBy: 'class' in fact.target ? fact.target.class.matchedBy : null,
            via: fact.via,
            allowed: verdict.allowed,
            reason: verdict.reason,
          })),
        };
        io.stdout(`${JSON.stringify(body, null, 2)}\n`);
        return;
      }
      const lines = [
        rel,
        `  zone:     ${zone}${cls.feature ? ` (feature "${cls.feature}"${cls.registered === false ? ', NOT registered' : ''})` : ''}${cls.isTest ? ', test' : ''}`,
        `  decided:  ${cls.matchedBy}`,
        ...(cls.exceptions ?? []).map((entry) => `  exception: ${entry.path.join(', ')}${entry.features ? ` (features: ${entry.features.join(', ')})` : ''} — ${entry.reason}`),
        `  policy:   ${relative(cwd, workspace.loaded.path) || workspace.loaded.path}${prefix === '' ? '' : ` (nested policy of ${prefix}/, the nearest to the file)`}`,
        ...(vendored !== undefined ? [`  note:     vendored or minified (${vendored}), so \`lifecycle check\` does not analyse it; name it in files.include to analyse it`] : []),
        ...(inScope || vendored !== undefined ? [] : ['  note:     this file is outside files.include/exclude (or ignored), so `lifecycle check` does not analyse it']),
        ...(facts.problem ? [`  problem:  ${facts.problem.line}:${facts.problem.column} ${facts.problem.message}`] : []),
        `  imports:${imports.length === 0 ? '  none' : ''}`,
      ];
      for (const { fact, verdict } of imports) {
        const targetZone = 'class' in fact.target ? ` [${fact.target.class.zone}${fact.target.class.feature ? `: ${fact.target.class.feature}` : ''}]` : '';
        lines.push(`    ${fact.line}:${fact.column}  ${fact.specifier ?? '(computed)'}${fact.typeOnly ? ' (type-only)' : ''} → ${describe(fact)}${targetZone}`);
        if (fact.target.kind !== 'unresolved') lines.push(`          resolved by ${fact.via}`);
        // A target in a nested project is classified by that project's policy: say which rule did.
        if (fact.target.kind === 'file' && workspace.ownerOf(fact.target.file).workspace !== workspace) lines.push(`          target decided by ${fact.target.class.matchedBy}`);
        lines.push(`          ${verdict.allowed ? 'allowed' : 'FORBIDDEN'}: ${verdict.reason}`);
      }
      if (inScope) lines.push(`  check:    ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in this file (lifecycle check ${rel})`);
      // One line per entry: a hostile name cannot break a line or forge one.
      io.stdout(defuseCommandLines(`${lines.map(escapeControl).join('\n')}\n`));
    });
}

function describeTarget(fact: ImportFact): string {
  const target = fact.target;
  switch (target.kind) {
    case 'file':
      return target.file;
    case 'package':
      return `package ${target.packageName}`;
    case 'external':
      return `external package ${target.packageName}`;
    case 'builtin':
      return `node builtin ${target.packageName}`;
    case 'unresolved':
      return `unresolved (${target.reason})`;
  }
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
