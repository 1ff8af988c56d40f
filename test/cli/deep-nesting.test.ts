import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const NESTED = 'nested too deeply to parse (Maximum call stack size exceeded); not analysed';

/** 700 nested brackets in preview code (always parsed in full), 3,000 nested parentheses in stable code. */
const project = () =>
  tempProject({
    'lifecycle.yaml': policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2'),
    'src/preview/fwaas/deep.ts': `export const x = ${'['.repeat(700)}${']'.repeat(700)};\n`,
    'src/core/deep.ts': `export const y = ${'('.repeat(3000)}1${')'.repeat(3000)};\n`,
    'src/core/a.ts': "import { x } from '../preview/fwaas/deep';\nexport const b = x;\n",
  });

interface Output {
  findings: { rule: string; file: string; line: number; message: string }[];
}
const findingsOf = (stdout: string) => (JSON.parse(stdout) as Output).findings.map((finding) => `${finding.file}:${finding.line} ${finding.rule} ${finding.message}`);

describe('deep nesting is a parse-error finding, and the run goes on', () => {
  it('check (scan) and check --full-parse', () => {
    const root = project();
    const scanned = runLifecycle(['check', '--format', 'json', '--cwd', root]);
    expect({ status: scanned.status, stderr: scanned.stderr }).toEqual({ status: 1, stderr: '' });
    expect(findingsOf(scanned.stdout)).toEqual([
      expect.stringMatching(/^src\/core\/a\.ts:1 no-preview-import /),
      `src/preview/fwaas/deep.ts:1 parse-error ${NESTED}`,
    ]);
    const full = runLifecycle(['check', '--format', 'json', '--full-parse', '--cwd', root]);
    expect({ status: full.status, stderr: full.stderr }).toEqual({ status: 1, stderr: '' });
    expect(findingsOf(full.stdout)).toEqual([
      expect.stringMatching(/^src\/core\/a\.ts:1 no-preview-import /),
      `src/core/deep.ts:1 parse-error ${NESTED}`,
      `src/preview/fwaas/deep.ts:1 parse-error ${NESTED}`,
    ]);
  });

  it('report and explain', () => {
    const root = project();
    const report = runLifecycle(['report', '--format', 'json', '--cwd', root]);
    expect({ status: report.status, stderr: report.stderr }).toEqual({ status: 0, stderr: '' });
    expect(report.stdout).toContain('"parse-error"');
    const explain = runLifecycle(['explain', 'src/preview/fwaas/deep.ts', '--cwd', root]);
    expect({ status: explain.status, stderr: explain.stderr }).toEqual({ status: 1, stderr: '' }); // the parse-error is an error finding (issue #20)
    expect(explain.stdout).toContain(`  problem:  1:1 ${NESTED}\n`);
  });
});
