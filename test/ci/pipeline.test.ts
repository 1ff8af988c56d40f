import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const NETSVC_CI = join(REPO_ROOT, 'examples', 'netsvc', 'ci');

/** A project whose policy judges netsvc's healthy-ci against Zuul; `extra` goes into its ci: section. */
function project(extra = ''): string {
  const ci = `ci:
${extra}  reference:
    name: Zuul
    history: [{ format: gerrit-events, path: ${JSON.stringify(join(NETSVC_CI, 'upstream.gerrit-events.ndjson'))} }]
  systems:
    - name: healthy-ci
      contacts: [a@example.org, b@example.org]
      history: [{ format: zuul, path: ${JSON.stringify(join(NETSVC_CI, 'healthy-ci.builds.json'))} }]
      matrix:
        - { cell: healthy-arm64, voting: false }
        - { cell: healthy-centos, disabled: { reason: "CentOS mirror migration", until: 2026-06-30 } }
`;
  return tempProject({ 'lifecycle.yaml': policyYaml(ci).replace('introduced: 2026.1', 'introduced: 2026.2'), 'src/preview/fwaas/index.ts': 'export const a = 1;\n' });
}

/** The verdicts of `lifecycle ci-readiness` and of `lifecycle report` for the same policy. */
function verdicts(root: string): { readiness: unknown; report: unknown } {
  const readiness = runLifecycle(['ci-readiness', '--cwd', root, '--format', 'json']);
  const report = runLifecycle(['report', '--cwd', root, '--format', 'json']);
  expect(readiness.stderr).toBe('');
  expect(report.stderr).toBe('');
  const pick = (s: { name: string; verdict: string; mayVote: boolean }) => ({ name: s.name, verdict: s.verdict, mayVote: s.mayVote });
  return {
    readiness: JSON.parse(readiness.stdout).systems.map(pick),
    report: JSON.parse(report.stdout).ci.systems.map(pick),
  };
}

describe('one CI readiness pipeline for ci-readiness and report', () => {
  it('gives both commands the same verdicts, ci.resultCodes included', () => {
    const plain = verdicts(project());
    expect(plain.readiness).toEqual([{ name: 'healthy-ci', verdict: 'grant', mayVote: true }]);
    expect(plain.report).toEqual(plain.readiness);
    // Every SUCCESS counted as an infra failure: the infra-rate criterion fails, in both commands
    // (report used to build its own load step and ignored ci.resultCodes).
    const overridden = verdicts(project('  resultCodes: { SUCCESS: infra }\n'));
    expect(overridden.readiness).toEqual([{ name: 'healthy-ci', verdict: 'not-yet', mayVote: false }]);
    expect(overridden.report).toEqual(overridden.readiness);
  });
});
