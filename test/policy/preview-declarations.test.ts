import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadPolicy } from '../../src/load-policy.js';
import { compileExportNamePattern, previewDeclaration, type DeclarationEvidence } from '../../src/policy/preview-declarations.js';
import type { Policy } from '../../src/policy/model.js';
import { tempProject } from '../helpers/temp-project.js';

const POLICY = `version: 1
releases: { current: '1.1', train: [{ name: '1.0' }, { name: '1.1' }] }
preview:
  code: src/preview/{feature}/**
  tags: { '@experimental': from-name, '@alpha': otlp }
  exportNames: ['experimental_{feature}', 'unstable_*']
features:
  otlp: { status: preview, introduced: '1.0', tracking: https://t.example/1, owners: [a] }
  charts: { status: preview, introduced: '1.0', tracking: https://t.example/2, owners: [a], exports: ['createChart*'] }
`;

function policyOf(text: string): Policy {
  return loadPolicy({ cwd: tempProject({ 'lifecycle.yaml': text, 'src/a.ts': '' }) }).policy;
}

function loadError(text: string): string {
  try {
    policyOf(text);
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

const stable = { zone: 'stable' as const };
const decide = (policy: Policy, evidence: Partial<DeclarationEvidence> & { name: string }) =>
  previewDeclaration({ tags: [], file: stable, ...evidence }, policy.preview.declarations);

describe('preview declarations', () => {
  const policy = policyOf(POLICY);

  it('a stable declaration with no tag and no preview name is stable', () => {
    expect(decide(policy, { name: 'createClient' })).toBeUndefined();
  });

  it('@preview <feature> is built in and names the feature', () => {
    expect(decide(policy, { name: 'createClient', tags: [{ tag: '@preview', text: 'otlp  exporter setup' }] })).toEqual({ feature: 'otlp', registered: true, reason: 'tagged @preview otlp' });
  });

  it('@preview without an id is preview of no known feature (a finding, never stable)', () => {
    expect(decide(policy, { name: 'x', tags: [{ tag: '@preview', text: '' }] })).toEqual({ feature: undefined, registered: false, reason: '@preview tag without a feature id' });
  });

  it('a tag mapped to a feature gives that feature; one mapped to from-name takes the name\'s {feature}', () => {
    expect(decide(policy, { name: 'x', tags: [{ tag: '@alpha', text: '' }] })?.feature).toBe('otlp');
    expect(decide(policy, { name: 'experimental_otlp', tags: [{ tag: '@experimental', text: '' }] })).toMatchObject({ feature: 'otlp', registered: true });
  });

  it('from-name falls back to the file\'s feature, and a stable file with no bound name leaves the feature unknown', () => {
    expect(decide(policy, { name: 'makeThing', tags: [{ tag: '@experimental', text: '' }], file: { zone: 'preview', feature: 'charts' } })?.feature).toBe('charts');
    expect(decide(policy, { name: 'makeThing', tags: [{ tag: '@experimental', text: '' }] })).toMatchObject({ feature: undefined, registered: false });
  });

  it('an unmapped tag (@beta) does not make a declaration preview', () => {
    expect(decide(policy, { name: 'x', tags: [{ tag: '@beta', text: '' }] })).toBeUndefined();
  });

  it('export names bind {feature} up to the next underscore; a pattern without it keeps the feature unknown', () => {
    expect(decide(policy, { name: 'experimental_otlp_createExporter' })).toEqual({ feature: 'otlp', registered: true, reason: 'name matches experimental_{feature} (preview.exportNames)' });
    expect(decide(policy, { name: 'experimental_createClient' })).toMatchObject({ feature: 'createClient', registered: false });
    expect(decide(policy, { name: 'unstable_cache' })).toMatchObject({ feature: undefined, registered: false });
    expect(decide(policy, { name: 'isexperimental_otlp' })).toBeUndefined();
  });

  it('features.<id>.exports wins over names and tags', () => {
    expect(decide(policy, { name: 'createChartView', tags: [{ tag: '@preview', text: 'otlp' }] })).toEqual({ feature: 'charts', registered: true, reason: 'listed in features.charts.exports (createChart*)' });
  });

  it('a declaration in preview code is preview of the file\'s feature', () => {
    expect(decide(policy, { name: 'anything', file: { zone: 'preview', feature: 'otlp' } })).toEqual({ feature: 'otlp', registered: true, reason: 'declared in preview code' });
  });

  it('patterns match names literally ($ included) and in linear time', () => {
    expect(compileExportNamePattern('$experimental_*').regex.matches('$experimental_x')).toBe(true);
    expect(compileExportNamePattern('$experimental_*').regex.matches('a$experimental_x')).toBe(false);
    expect(compileExportNamePattern('*_*_*_*_*_x').regex.matches(`${'_'.repeat(5000)}y`)).toBe(false);
    expect(compileExportNamePattern('*_*_*_*_*_x').matches(`${'_'.repeat(5000)}y`)).toBe(false);
    expect(compileExportNamePattern('*_*_*_*_*_x').matches(`${'_'.repeat(5000)}x`)).toBe(true);
  });

  it('a pattern without {feature} is matched without its regex, and answers as the regex does on every name', () => {
    const patterns = ['experimental_*', 'unstable', '*_beta', 'a*b', 'a*a', '*ab*', 'ab*ab*ab', '$x*', 'x**y', 'a*b*a', '*a*'];
    const letters = ['a', 'b', '_', '$', 'x', 'y', 'é'];
    const names: string[] = ['', 'experimental_', 'experimental_x', 'xexperimental_', 'unstable', 'unstable_', 'x_beta', '_beta', 'beta'];
    // Every name of up to 4 characters over a small alphabet (é is no name character: never matched).
    const grow = (prefix: string, depth: number): void => {
      names.push(prefix);
      if (depth > 0) for (const letter of letters) grow(prefix + letter, depth - 1);
    };
    grow('', 4);
    let disagreements = 0;
    let matched = 0;
    for (const text of patterns) {
      const pattern = compileExportNamePattern(text);
      expect(pattern.bindsFeature).toBe(false);
      for (const name of names) {
        const fast = pattern.matches(name);
        if (fast !== pattern.regex.matches(name)) disagreements++;
        if (fast) matched++;
      }
    }
    expect(disagreements).toBe(0);
    expect(matched).toBeGreaterThan(100); // the names exercise matches, not only misses
  });

  it('a pattern with {feature} is matched by its regex (the binding needs it)', () => {
    const pattern = compileExportNamePattern('experimental_{feature}');
    expect(pattern.matches('experimental_otlp_createExporter')).toBe(true);
    expect(pattern.matches('experimental__x')).toBe(false);
  });
});

describe('preview declaration keys are validated where they are written', () => {
  it('rejects a tag mapped to an unknown feature, with the nearest id', () => {
    expect(loadError(POLICY.replace("'@alpha': otlp", "'@alpha': otpl"))).toMatch(/lifecycle\.yaml:5:49: preview\.tags\.@alpha: unknown feature "otpl" \(did you mean "otlp"\?\)/);
  });

  it('rejects @preview in preview.tags (it is built in)', () => {
    expect(loadError(POLICY.replace("'@alpha': otlp", "'@preview': otlp"))).toMatch(/preview\.tags\.@preview: @preview is built in/);
  });

  it('rejects an export-name pattern with other characters, two {feature}s, or no fixed part', () => {
    expect(loadError(POLICY.replace('unstable_*', 'unstable-*'))).toMatch(/lifecycle\.yaml:6:\d+: preview\.exportNames\[1\]: "unstable-\*" is not an export-name pattern/);
    expect(loadError(POLICY.replace('unstable_*', '{feature}_{feature}'))).toMatch(/has \{feature\} more than once/);
    expect(loadError(POLICY.replace('unstable_*', '*'))).toMatch(/matches every name/);
  });

  it('rejects {feature} in features.<id>.exports', () => {
    expect(loadError(POLICY.replace('createChart*', 'createChart{feature}'))).toMatch(/features\.charts\.exports\[0\]: "createChart\{feature\}": \{feature\} is not allowed here/);
  });

  it('defaults: re-exports forbidden, no tags but @preview, no export names, no api entry points', () => {
    const plain = policyOf("version: 1\nreleases: { current: '1.0', train: [{ name: '1.0' }] }\n");
    expect(plain.preview.reexports).toBe('forbid');
    expect(plain.preview.declarations.exportNames).toEqual([]);
    expect(plain.api.entryPoints).toEqual([]);
    expect(previewDeclaration({ name: 'x', tags: [{ tag: '@preview', text: 'ghost' }], file: stable }, plain.preview.declarations)).toEqual({ feature: 'ghost', registered: false, reason: 'tagged @preview ghost' });
  });
});
