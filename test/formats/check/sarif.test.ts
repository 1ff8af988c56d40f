import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { CHECKS } from '../../../src/checks/catalogue.js';
import { formatSarif } from '../../../src/formats/check/sarif.js';
import { REPO_ROOT, runLifecycle } from '../../helpers/cli.js';
import { tempProject } from '../../helpers/temp-project.js';
import { importProjectFiles, sampleResult, summaryOf } from './fixtures.js';

const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'data', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(schema);

function expectValid(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  const valid = validateSarif(log);
  expect(validateSarif.errors ?? [], ajv.errorsText(validateSarif.errors)).toEqual([]);
  expect(valid).toBe(true);
  return log;
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } } }[];
  partialFingerprints?: Record<string, string>;
  properties?: Record<string, string>;
}

interface SarifLog {
  version: string;
  runs: {
    tool: { driver: { name: string; version: string; informationUri: string; rules: { id: string; helpUri: string; shortDescription: { text: string }; defaultConfiguration: { level: string; enabled?: boolean } }[] } };
    originalUriBaseIds: Record<string, unknown>;
    results: SarifResult[];
  }[];
}

describe('sarif reporter', () => {
  it('is valid against the official SARIF 2.1.0 schema, awkward paths and messages included', () => {
    expectValid(formatSarif(sampleResult()));
    expectValid(formatSarif(sampleResult({ findings: [], summary: summaryOf({ errors: 0, warnings: 0, files: 0, unresolved: 0 }) })));
  });

  it('the validator really rejects a broken log (an unknown level, an unencoded URI)', () => {
    const badLevel = JSON.parse(formatSarif(sampleResult())) as SarifLog;
    (badLevel.runs[0]!.results[0] as unknown as Record<string, unknown>).level = 'fatal';
    expect(validateSarif(badLevel)).toBe(false);
    const badUri = JSON.parse(formatSarif(sampleResult())) as SarifLog;
    badUri.runs[0]!.results[0]!.locations[0]!.physicalLocation.artifactLocation.uri = 'a b#c#d';
    expect(validateSarif(badUri)).toBe(false);
  });

  it('describes every check id as a rule, with its doc page and default level', () => {
    const run = expectValid(formatSarif(sampleResult())).runs[0]!;
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    expect(run.tool.driver).toMatchObject({ name: 'feature-lifecycle', version: manifest.version, informationUri: 'https://github.com/feature-lifecycle/feature-lifecycle' });
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(CHECKS.map((check) => check.id));
    for (const [index, check] of CHECKS.entries()) {
      const rule = run.tool.driver.rules[index]!;
      expect(rule.helpUri).toBe(`https://github.com/feature-lifecycle/feature-lifecycle/blob/main/docs/rules/${check.id}.md`);
      expect(rule.shortDescription.text).toBe(check.description);
      expect(rule.defaultConfiguration).toEqual(
        check.defaultSeverity === 'off' ? { enabled: false, level: 'error' } : { level: check.defaultSeverity === 'error' ? 'error' : 'warning' },
      );
    }
  });

  it('maps findings to results relative to %SRCROOT%, with rule index, level and stable fingerprints', () => {
    const run = expectValid(formatSarif(sampleResult())).runs[0]!;
    expect(Object.keys(run.originalUriBaseIds)).toEqual(['%SRCROOT%']);
    const [registry, importResult, custom] = run.results;
    expect(registry).toMatchObject({
      ruleId: 'preview-registry',
      ruleIndex: CHECKS.findIndex((check) => check.id === 'preview-registry'),
      level: 'warning',
      partialFingerprints: { 'featureLifecycle/v1': 'f'.repeat(32) },
      properties: { feature: 'solo' },
    });
    expect(importResult!.locations[0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'src/core/a%2Cb%3A%20c.ts', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 7 },
    });
    expect(importResult!.level).toBe('error');
    expect(importResult!.properties).toEqual({ feature: 'fwaas', target: 'src/preview/fwaas/index.ts' });
    // An id the result's rules do not list has no rule index; a finding without a fingerprint (the
    // engine gives every one of its findings one) has no partial fingerprint.
    expect(custom!.ruleIndex).toBeUndefined();
    expect(custom!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('docs/a%20b%23c%3F.md');
    expect(custom!.partialFingerprints).toBeUndefined();
  });

  it('from the CLI: valid, byte-identical on two runs, exit code still reflects findings', () => {
    const root = tempProject(importProjectFiles());
    const first = runLifecycle(['check', '--format', 'sarif', '--cwd', root]);
    const second = runLifecycle(['check', '--format', 'sarif', '--cwd', root]);
    expect(first.status).toBe(1);
    expect(second.stdout).toBe(first.stdout);
    const results = expectValid(first.stdout).runs[0]!.results;
    expect(results.map((result) => `${result.locations[0]!.physicalLocation.artifactLocation.uri}:${result.ruleId}`)).toEqual(['src/core/a.ts:no-preview-import']);
  });

  it('the bundled example gives a valid log too, whatever it finds', () => {
    expectValid(runLifecycle(['check', '--format', 'sarif', '--cwd', 'examples/netsvc']).stdout);
  });

  it('keeps a finding\'s fingerprint when lines are inserted above it', () => {
    const files = importProjectFiles();
    const fingerprint = (root: string) => {
      const log = expectValid(runLifecycle(['check', '--format', 'sarif', '--cwd', root]).stdout);
      return log.runs[0]!.results.map((result) => [result.locations[0]!.physicalLocation.region.startLine, result.partialFingerprints?.['featureLifecycle/v1']]);
    };
    const before = fingerprint(tempProject(files));
    const after = fingerprint(tempProject({ ...files, 'src/core/a.ts': `// a header\n\n${files['src/core/a.ts']}` }));
    expect(before[0]![0]).toBe(1);
    expect(after[0]![0]).toBe(3);
    expect(after[0]![1]).toBe(before[0]![1]);
  });
});
