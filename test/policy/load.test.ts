import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadPolicy } from '../../src/load-policy.js';
import { findPolicyFile } from '../../src/policy/load.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

function loadError(cwd: string, policyPath?: string): InputError {
  try {
    loadPolicy({ cwd, ...(policyPath ? { policyPath } : {}) });
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('policy discovery', () => {
  it('walks up from the working directory to the nearest lifecycle.yaml', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml(), 'src/deep/er/x.ts': '' });
    expect(findPolicyFile(join(root, 'src/deep/er'))).toBe(join(root, 'lifecycle.yaml'));
    expect(loadPolicy({ cwd: join(root, 'src/deep') }).root).toBe(root);
  });

  it('says how to get a policy when there is none', () => {
    const root = tempProject({ 'src/x.ts': '' });
    expect(loadError(root).message).toMatch(/no lifecycle\.yaml in .* \(run `lifecycle init`/);
  });

  it('reports a missing --policy file', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml() });
    expect(loadError(root, 'nope.yaml').message).toBe(`policy file not found: ${join(root, 'nope.yaml')}`);
  });
});

describe('validation', () => {
  it('names file:line:column, the key path and the nearest key for a nested typo', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml('registry:\n  minOwner: 2\n') });
    expect(loadError(root).message).toBe(
      `invalid policy: ${join(root, 'lifecycle.yaml')}:18:3: registry.minOwner: unknown key "minOwner"; did you mean "minOwners"?`,
    );
  });

  it('lists the valid keys when nothing is close', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml('registry:\n  zzzzzzzz: 2\n') });
    expect(loadError(root).message).toContain('valid keys: minOwners, requireTracking');
  });

  it('reports a wrong type at the value with the path', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml().replace('tracking: https://tracker.example/fwaas', 'tracking: [1]') });
    expect(loadError(root).message).toMatch(/lifecycle\.yaml:15:15: features\.fwaas\.tracking: Invalid input/);
  });

  it('rejects an invalid status with the allowed values', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml().replace('status: preview', 'status: beta') });
    expect(loadError(root).message).toMatch(/features\.fwaas\.status: .*"preview"\|"stable"\|"deprecated"\|"removed"/);
  });

  it('reports duplicate keys as YAML errors with a position', () => {
    const root = tempProject({ 'lifecycle.yaml': 'version: 1\nversion: 1\n' });
    expect(loadError(root).message).toMatch(/invalid YAML: .*lifecycle\.yaml:2:1: Map keys must be unique/);
  });

  it('rejects a file that is not a mapping', () => {
    const root = tempProject({ 'lifecycle.yaml': '- 1\n- 2\n' });
    expect(loadError(root).message).toMatch(/lifecycle\.yaml:1:1: a policy file must be a YAML mapping/);
  });

  it('rejects binary content', () => {
    const root = tempProject({ 'lifecycle.yaml': Buffer.from([0x76, 0x00, 0x01]) });
    expect(loadError(root).message).toMatch(/not a text file/);
  });

  it('rejects globs that escape the project root or are absolute', () => {
    const escape = tempProject({ 'lifecycle.yaml': policyYaml('files:\n  include: [src/**, ../**]\n') });
    expect(loadError(escape).message).toMatch(/lifecycle\.yaml:18:21: files\.include\[1\]: glob "\.\.\/\*\*" escapes the project root/);
    const absolute = tempProject({ 'lifecycle.yaml': policyYaml('files:\n  exclude: [/etc/**]\n') });
    expect(loadError(absolute).message).toMatch(/files\.exclude\[0\]: glob "\/etc\/\*\*" must be relative/);
  });

  it('requires {feature} in preview.code', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml().replace('src/preview/{feature}/**', 'src/preview/**') });
    expect(loadError(root).message).toMatch(/preview\.code: glob "src\/preview\/\*\*" needs the \{feature\} placeholder/);
  });

  it('rejects an unknown check id with a suggestion', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml('checks:\n  no-preview-imports: warn\n') });
    expect(loadError(root).message).toMatch(/checks\.no-preview-imports: unknown check id "no-preview-imports"; did you mean "no-preview-import"\?/);
  });

  it('rejects an exception limited to an unknown feature', () => {
    const yaml = policyYaml().replace('features:', 'features:').replace(
      'preview:\n',
      'preview:\n  exceptions:\n    - { path: src/db/**, reason: migrations, features: [fwass] }\n',
    );
    const root = tempProject({ 'lifecycle.yaml': yaml });
    expect(loadError(root).message).toMatch(/preview\.exceptions\[0\]\.features: unknown feature "fwass"/);
  });
});

describe('releases', () => {
  it('keeps release names as written (2026.10 is not 2026.1)', () => {
    const root = tempProject({
      'lifecycle.yaml': 'version: 1\nreleases:\n  current: 2026.10\n  train: [{ name: 2026.9 }, { name: 2026.10 }]\n',
    });
    expect(loadPolicy({ cwd: root }).policy.releases).toMatchObject({ names: ['2026.9', '2026.10'], current: '2026.10', currentIndex: 1 });
  });

  it('reads the current release from package.json', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'x', version: '2026.2.3' }),
      'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: package.json'),
    });
    expect(loadPolicy({ cwd: root }).policy.releases.current).toBe('2026.2');
  });

  it('fails when the package.json version is not on the train', () => {
    const root = tempProject({
      'package.json': JSON.stringify({ name: 'x', version: '3.0.0' }),
      'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: package.json'),
    });
    expect(loadError(root).message).toMatch(/releases\.current: package\.json version 3\.0\.0 matches no release of the train/);
  });

  it('fails on an unknown current release with a suggestion', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: 2026.3') });
    expect(loadError(root).message).toMatch(/lifecycle\.yaml:3:12: releases\.current: unknown release "2026\.3"; the train has 2026\.1, 2026\.2, 2027\.1/);
  });

  it('fails on an unknown renewal release', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml('    renewals: [{ release: 2030.1, reason: x }]\n') });
    expect(loadError(root).message).toMatch(/features\.fwaas\.renewals\[0\]\.release: unknown release "2030\.1"/);
  });
});

describe('extends', () => {
  it('merges presets and relative files: objects key by key, arrays replaced, the extending file wins', () => {
    const root = tempProject({
      'base/team.yaml': 'version: 1\npreview:\n  maxCycles: 3\n  label: experimental\nchecks:\n  preview-registry: error\n',
      'lifecycle.yaml': policyYaml('extends: [recommended, ./base/team.yaml]\n').replace('preview:\n', 'preview:\n  label: labs\n'),
    });
    const { policy } = loadPolicy({ cwd: root });
    expect(policy.preview.maxCycles).toBe(3); // from team.yaml
    expect(policy.preview.label).toBe('labs'); // own value wins
    expect(policy.registry.minOwners).toBe(2); // from recommended
    expect(policy.severities['preview-registry']).toBe('error'); // team.yaml over recommended
    expect(policy.severities['preview-route-label']).toBe('off');
  });

  it('reports an unknown preset at its position', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml('extends: [recomended]\n') });
    expect(loadError(root).message).toMatch(/lifecycle\.yaml:17:11: extends\[0\]: no built-in preset "recomended"/);
  });

  it('reports errors in an extended file with that file\'s position', () => {
    const root = tempProject({
      'base.yaml': 'version: 1\npreview:\n  maxCycles: two\n',
      'lifecycle.yaml': policyYaml('extends: [./base.yaml]\n'),
    });
    expect(loadError(root).message).toMatch(new RegExp(`${join(root, 'base.yaml')}:3:14: preview\\.maxCycles`));
  });
});

describe('cache', () => {
  it('returns the cached policy until a file of the extends chain changes', () => {
    const root = tempProject({ 'base.yaml': 'version: 1\npreview:\n  maxCycles: 3\n', 'lifecycle.yaml': policyYaml('extends: [./base.yaml]\n') });
    const first = loadPolicy({ cwd: root });
    expect(loadPolicy({ cwd: root })).toBe(first);
    writeFileSync(join(root, 'base.yaml'), 'version: 1\npreview:\n  maxCycles: 4\n');
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'base.yaml'), later, later);
    const second = loadPolicy({ cwd: root });
    expect(second).not.toBe(first);
    expect(second.policy.preview.maxCycles).toBe(4);
  });

  it('with releases.current: package.json, reloads when package.json changes (a long-lived editor sees a version bump)', () => {
    const root = tempProject({
      'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: package.json'),
      'package.json': JSON.stringify({ name: 'x', version: '2026.2.0' }),
    });
    const first = loadPolicy({ cwd: root });
    expect(first.policy.releases.current).toBe('2026.2');
    expect(loadPolicy({ cwd: root })).toBe(first);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'x', version: '2027.1.0' }));
    const later = new Date(Date.now() + 5000);
    utimesSync(join(root, 'package.json'), later, later);
    expect(loadPolicy({ cwd: root }).policy.releases.current).toBe('2027.1');
  });
});
