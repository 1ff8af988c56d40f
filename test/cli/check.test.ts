import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

/** The test policy with fwaas introduced in the current release, so no deadline warning joins the findings. */
const currentPolicy = (extra = ''): string => policyYaml(extra).replace('introduced: 2026.1', 'introduced: 2026.2');

describe('lifecycle check', () => {
  it('prints grouped human output and exits 1 on the bundled example', () => {
    const run = runLifecycle(['check', '--cwd', 'examples/netsvc']);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        'docs/dvr.md',
        '  1:1  error  stale "preview" label in the title of a doc of stable feature "dvr": remove it  preview-docs-label',
        '',
        'docs/vpnaas.md',
        '  1:1  error  doc of preview feature "vpnaas" is not labelled "preview": say "preview" in its title, or in an admonition or badge before the first section  preview-docs-label',
        '',
        'etc/netsvc.ini',
        '  14:1  error  config key "vpnaas.ipsec_driver" of preview feature "vpnaas" is not labelled "preview": say "preview" in a comment on or directly above the key or its section, or in the key path  preview-config-label',
        '  16:1  error  stale "preview" label on dvr: "dvr" is no longer in preview; remove the label from this comment  preview-config-label',
        '',
        'etc/netsvc.yaml',
        '  15:3  error  config key "vpnaas.ipsec_driver" of preview feature "vpnaas" is not labelled "preview": say "preview" in a comment on or directly above the key or its section, or in the key path  preview-config-label',
        '  16:3  error  config key "vpnaas.ike_version" of preview feature "vpnaas" is not labelled "preview": say "preview" in a comment on or directly above the key or its section, or in the key path  preview-config-label',
        '',
        'lifecycle.yaml',
        '  29:3  warn   preview feature "fwaas" must leave preview by 2027.1, the next release (introduced in 2026.1, preview.maxCycles: 2): promote, renew or remove it  preview-deadline',
        '',
        'src/core/router.ts',
        '  3:36  error  stable code imports preview feature "vpnaas" (src/preview/vpnaas/service.ts)  no-preview-import',
        '',
        '✖ 8 problems (7 errors, 1 warning) · 26 files checked, 1 skipped (1 outside files.include) · 53 imports resolved',
        '',
      ].join('\n'),
    );
  });

  it('gives byte-identical JSON on two runs, in the documented shape', () => {
    const first = runLifecycle(['check', '--format', 'json', '--cwd', fixture('import-forms')]);
    const second = runLifecycle(['check', '--format', 'json', '--cwd', fixture('import-forms')]);
    expect(second.stdout).toBe(first.stdout);
    const parsed = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(['version', 'findings', 'summary']);
    expect(parsed.summary).toEqual({
      errors: 19,
      warnings: 0,
      files: 10,
      unresolved: 1,
      resolved: 21,
      skipped: { total: 0, notIncluded: 0, excluded: 0, vendored: 0, outsidePaths: 0, unchanged: 0 },
      discovered: { files: 14, sourceFiles: 10, gitignoredFiles: 0, gitignoredDirectories: 0, unreadableDirectories: 0 },
    });
    expect(Object.keys((parsed.findings as object[])[0]!)).toEqual(['rule', 'severity', 'file', 'line', 'column', 'message', 'feature', 'target']);
  });

  it('exits 0 with warnings only, and checks only the given paths', () => {
    expect(runLifecycle(['check', '--cwd', fixture('registry-basics')]).status).toBe(0);
    const run = runLifecycle(['check', 'src/stable/healthy.ts', '--format', 'json', '--cwd', fixture('syntax-error-file')]);
    const output = JSON.parse(run.stdout) as { findings: { file: string }[]; summary: { files: number } };
    expect(output.findings.map((finding) => finding.file)).toEqual(['src/stable/healthy.ts']);
    expect(output.summary.files).toBe(1);
  });

  it('lists unresolved imports with --verbose', () => {
    const quiet = runLifecycle(['check', '--cwd', fixture('import-forms')]);
    expect(quiet.stdout).toContain('· 21 imports resolved, 1 unresolved (--verbose lists them)');
    const verbose = runLifecycle(['check', '--verbose', '--cwd', fixture('import-forms')]);
    expect(verbose.stdout).toContain('Unresolved imports\n  src/stable/dynamic-imports.ts:18:10  "(computed)"  the module name is computed at run time');
  });

  it('warns about an unresolvable project import, so a broken alias is never a silent clean run', () => {
    const root = tempProject({
      'lifecycle.yaml': currentPolicy(),
      'tsconfig.json': JSON.stringify({ compilerOptions: { module: 'nodenext', paths: { '@preview/*': ['src/previews/*'] } } }),
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': "import { a } from '@preview/fwaas/index.js';\nexport const b = a;\n",
    });
    const run = runLifecycle(['check', '--format', 'json', '--cwd', root]);
    const output = JSON.parse(run.stdout) as { findings: { rule: string; message: string }[]; summary: object };
    expect(output.findings.map((finding) => finding.rule)).toEqual(['unresolved-import']);
    expect(output.summary).toMatchObject({ errors: 0, warnings: 1, files: 2, unresolved: 1, resolved: 0 });
  });

  it('honours checks: severities from the policy (off drops, warn caps)', () => {
    const root = tempProject({
      'lifecycle.yaml': currentPolicy('checks:\n  no-preview-import: warn\n'),
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': "import { a } from '../preview/fwaas/index';\nexport const b = a;\n",
    });
    const run = runLifecycle(['check', '--format', 'json', '--cwd', root]);
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as { summary: object }).summary).toMatchObject({ errors: 0, warnings: 1 });
  });

  it('exits 2 with one clear line on usage and input errors', () => {
    const badFormat = runLifecycle(['check', '--format', 'xml']);
    expect(badFormat.status).toBe(2);
    expect(badFormat.stderr).toContain("error: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are stylish, json, sarif, github, markdown.");
    const missingPolicy = runLifecycle(['check', '--policy', 'nope.yaml', '--cwd', fixture('exceptions')]);
    expect(missingPolicy).toMatchObject({ status: 2, stdout: '' });
    expect(missingPolicy.stderr).toBe(`lifecycle: policy file not found: ${fixture('exceptions')}/nope.yaml\n`);
    const missingPath = runLifecycle(['check', 'src/nope', '--cwd', fixture('exceptions')]);
    expect(missingPath.stderr).toBe('lifecycle: no such file or directory: src/nope\n');
    expect(runLifecycle(['check', '--cwd', '/nonexistent-dir']).status).toBe(2);
  });

  it('shows the stack trace of an input error only with --debug', () => {
    const run = runLifecycle(['--debug', 'check', '--cwd', fixture('bad-unknown-key')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/\n\s+at /);
  });

  it('prints its version with --version and -V', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      expect(runLifecycle([flag])).toMatchObject({ status: 0, stdout: `${manifest.version}\n`, stderr: '' });
    }
  });

  it('has --help with an example for every command', () => {
    for (const command of ['check', 'explain', 'init']) {
      const run = runLifecycle([command, '--help']);
      expect(run.status).toBe(0);
      expect(run.stdout).toContain('Example');
      expect(run.stdout).toContain(`$ lifecycle ${command}`);
    }
  });
});
