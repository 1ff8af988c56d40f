import { policyYaml } from '../../helpers/temp-project.js';
import type { CheckCounts, CheckResult, CheckSummary, Finding } from '../../../src/findings.js';
// As a library user builds a result for the reporters: the exports of the package's entry point.
import { checkRuleInfos, toolInfo } from '../../../src/index.js';

/** A full summary from the four original counts: nothing skipped, `resolved` 0 unless given. */
export function summaryOf(counts: CheckCounts, extra: Partial<Omit<CheckSummary, keyof CheckCounts>> = {}): CheckSummary {
  return {
    ...counts,
    resolved: 0,
    skipped: { total: 0, notIncluded: 0, excluded: 0, vendored: 0, outsidePaths: 0, unchanged: 0 },
    discovered: { files: counts.files, sourceFiles: counts.files, gitignoredFiles: 0, gitignoredDirectories: 0, unreadableDirectories: 0 },
    ...extra,
  };
}

/** A hand-made result with the awkward cases every reporter must survive. */
export function sampleResult(overrides: Partial<CheckResult> = {}): CheckResult {
  const findings: Finding[] = [
    {
      rule: 'preview-registry',
      severity: 'warn',
      file: 'lifecycle.yaml',
      line: 18,
      column: 5,
      message: 'preview feature "solo" has 1 owner(s); at least 2 are required',
      feature: 'solo',
      fingerprint: 'f'.repeat(32),
    },
    {
      rule: 'no-preview-import',
      severity: 'error',
      file: 'src/core/a,b: c.ts',
      line: 3,
      column: 7,
      message: 'stable code imports preview feature "fwaas" (100% preview)\nsecond line | with a pipe',
      feature: 'fwaas',
      target: 'src/preview/fwaas/index.ts',
      fingerprint: '0'.repeat(32),
    },
    { rule: 'custom-rule', severity: 'error', file: 'docs/a b#c?.md', line: 1, column: 1, message: 'a rule no CHECKS entry knows\r\n<b>bold</b>' },
  ];
  return {
    version: 1,
    findings,
    summary: summaryOf({ errors: 2, warnings: 1, files: 4, unresolved: 1 }, { resolved: 6 }),
    tool: toolInfo(),
    rules: checkRuleInfos(),
    unresolvedImports: [],
    ...overrides,
  };
}

/**
 * A small project with one stable→preview import (src/core/a.ts:1:19). Its fwaas feature is
 * introduced in the current release, so no deadline warning joins the findings.
 */
export function importProjectFiles(): Record<string, string> {
  return {
    'lifecycle.yaml': policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2'),
    'src/preview/fwaas/index.ts': 'export const a = 1;\n',
    'src/core/a.ts': "import { a } from '../preview/fwaas/index';\nexport const b = a;\n",
  };
}
