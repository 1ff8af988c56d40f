import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULT_CRITERIA, DEFAULT_RECHECK, mergeCriteria } from '../../src/ci/defaults.js';
import { planFromPolicy } from '../../src/ci/config.js';
import { ciSectionSchema } from '../../src/policy/schema-ci.js';
import { policyFileSchema, policyJsonSchema } from '../../src/policy/schema.js';
import { ROOT } from './helpers.js';

function preset(name: string): Record<string, unknown> {
  return parse(readFileSync(join(ROOT, 'policies', `${name}.yaml`), 'utf8')) as Record<string, unknown>;
}

describe('the ci: section of the policy', () => {
  it('recommended.yaml carries the same defaults as the code', () => {
    const ci = ciSectionSchema.parse(preset('recommended').ci);
    expect(mergeCriteria(DEFAULT_CRITERIA, ci.criteria)).toEqual(DEFAULT_CRITERIA);
    expect(ci.criteria).toEqual(DEFAULT_CRITERIA);
    expect(ci.recheck).toBe(DEFAULT_RECHECK);
  });

  it('the OpenStack preset is a valid policy file with a month of probation and 48 h of silence', () => {
    const file = policyFileSchema.parse(preset('openstack-third-party-ci'));
    expect(file.ci?.criteria).toMatchObject({ probationDays: 30, maxSilenceHours: 48, maxReportsWithoutLog: 0, minContacts: 2 });
  });

  it('rejects unknown keys, patterns RE2 cannot run, bad live specs and inputs with two sources', () => {
    const problems = (ci: unknown): string[] => {
      const r = ciSectionSchema.safeParse(ci);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    };
    expect(problems({ criteria: { probationDay: 30 } })).toEqual([expect.stringMatching(/^criteria: Unrecognized key: "probationDay"/)]);
    expect(problems({ patterns: { infra: [{ pattern: 'a(?!b)' }] } })).toEqual([expect.stringMatching(/^patterns\.infra\.0\.pattern: pattern \/a\(\?!b\)\/: not a valid regular expression: .*RE2 syntax/)]);
    expect(problems({ systems: [{ name: 'x', recheck: '(re)\\1check' }] })).toEqual([expect.stringMatching(/^systems\.0\.recheck: pattern .*invalid escape sequence/)]);
    // nested quantifiers are harmless on a linear-time engine
    expect(problems({ patterns: { infra: [{ pattern: '(a+)+$' }] }, systems: [{ name: 'x', recheck: '(\\w+\\s?)*$' }] })).toEqual([]);
    expect(problems({ systems: [{ name: 'x', history: [{ from: 'svn:x' }] }] })).toEqual(['systems.0.history.0.from: expected zuul:URL, gerrit:URL or github:OWNER/REPO']);
    expect(problems({ systems: [{ name: 'x', history: [{ path: 'a', from: 'zuul:http://z' }] }] })).toEqual(['systems.0.history.0: give exactly one of path, paths or from']);
    expect(problems({ criteria: { minCoverage: 1.5 } })).toHaveLength(1);
  });

  it('describes every ci key in the published JSON schema', () => {
    const text = JSON.stringify(policyJsonSchema());
    for (const phrase of ['Length of the probation window in days', 'A temporarily disabled cell', 'Live source: zuul:BUILDS_API_URL', 'The upstream gate']) {
      expect(text).toContain(phrase);
    }
  });

  it('resolves systems, aliases, per-system criteria and matrix expiries into a plan', () => {
    const plan = planFromPolicy(
      ciSectionSchema.parse({
        criteria: { probationDays: 14 },
        reference: { name: 'Zuul', history: [{ format: 'gerrit', path: 'ci/gerrit.json' }] },
        systems: [
          { name: 'a', aliases: ['A CI'], history: [{ path: 'ci/a.json', format: 'zuul' }], criteria: { maxSilenceHours: 72 }, matrix: [{ cell: 'arm', disabled: { reason: 'r', until: '2026-06-30' } }] },
          { name: 'b', voting: true, history: [{ from: 'github:acme/b', workflow: 'B' }] },
        ],
      }),
      { root: '/project', cwd: '/project', names: ['a'] },
    );
    expect(plan.systems.map((s) => [s.name, s.settings.probationDays, s.settings.maxSilenceHours])).toEqual([['a', 14, 72]]);
    expect(plan.systems[0]?.matrix).toEqual([{ cell: 'arm', voting: true, disabled: { reason: 'r', until: Date.UTC(2026, 5, 30, 23, 59, 59, 999) } }]);
    expect(plan.inputs).toEqual([
      { path: '/project/ci/a.json', format: 'zuul', display: 'ci/a.json', assign: 'a', workflow: undefined },
      { path: '/project/ci/gerrit.json', format: 'gerrit', display: 'ci/gerrit.json', assign: 'Zuul', workflow: undefined },
    ]);
    expect(plan.identities.map((i) => i.name)).toEqual(['a', 'Zuul', 'b']);
    expect(plan.reference).toBe('Zuul');
    expect(() => planFromPolicy({}, { root: '/', cwd: '/', names: [] })).toThrow('the policy has no ci.systems');
  });
});
