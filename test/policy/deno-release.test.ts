import { utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { loadPolicy } from '../../src/policy/load.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

function loadError(cwd: string): string {
  try {
    loadPolicy({ cwd });
  } catch (error) {
    if (error instanceof InputError) return error.message;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('releases.current: deno.json / deno.jsonc read the version like package.json', () => {
  it('maps the deno.json version to a release of the train (JSONC: comments and trailing commas allowed)', () => {
    const root = tempProject({
      'deno.json': '{\n  // the workspace root is a package too\n  "name": "@acme/root",\n  "version": "2026.2.4",\n}\n',
      'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: deno.json'),
    });
    expect(loadPolicy({ cwd: root }).policy.releases).toMatchObject({ current: '2026.2', currentIndex: 1 });
  });

  it('reads deno.jsonc when the policy names it', () => {
    const root = tempProject({
      'deno.jsonc': '{ "version": "2027.1.0" /* next */ }',
      'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: deno.jsonc'),
    });
    expect(loadPolicy({ cwd: root }).policy.releases.current).toBe('2027.1');
  });

  it('fails closed: no deno.json, no version, a version off the train, a syntax error', () => {
    const policy = policyYaml().replace('current: 2026.2', 'current: deno.json');
    expect(loadError(tempProject({ 'lifecycle.yaml': policy }))).toMatch(/lifecycle\.yaml:3:12: releases\.current: no deno\.json next to the policy/);
    expect(loadError(tempProject({ 'lifecycle.yaml': policy, 'deno.json': '{ "name": "@a/b" }' }))).toMatch(/releases\.current: .*deno\.json has no "version"/);
    expect(loadError(tempProject({ 'lifecycle.yaml': policy, 'deno.json': '{ "version": "3.0.0" }' }))).toMatch(
      /releases\.current: deno\.json version 3\.0\.0 matches no release of the train \(2026\.1, 2026\.2, 2027\.1\)/,
    );
    expect(loadError(tempProject({ 'lifecycle.yaml': policy, 'deno.json': '{ "version": 2026.2 ' }))).toMatch(/cannot read the version from .*deno\.json: invalid JSON at 1:/);
  });

  it('package.json stays strict JSON (a comment there is an error)', () => {
    const root = tempProject({
      'package.json': '{ // no\n "version": "2026.2.0" }',
      'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: package.json'),
    });
    expect(loadError(root)).toMatch(/invalid JSON at 1:3 \(InvalidCommentToken\)/);
  });

  it('reloads when deno.json changes (a version bump in a long-lived editor)', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml().replace('current: 2026.2', 'current: deno.json'), 'deno.json': '{ "version": "2026.2.0" }' });
    expect(loadPolicy({ cwd: root }).policy.releases.current).toBe('2026.2');
    writeFileSync(join(root, 'deno.json'), '{ "version": "2027.1.0" }');
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(root, 'deno.json'), later, later);
    expect(loadPolicy({ cwd: root }).policy.releases.current).toBe('2027.1');
  });
});
