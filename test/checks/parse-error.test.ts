import { describe, expect, it } from 'vitest';
import { parseError } from '../../src/checks/parse-error.js';
import { factsOf, policyWith, sourceFile, stable } from '../helpers/facts.js';

describe('parse-error', () => {
  it('turns each file problem into one finding at its position', () => {
    const broken = { ...sourceFile('src/a.ts', stable), problem: { line: 3, column: 7, message: 'syntax error: x' } };
    expect(parseError.run(factsOf(policyWith(), [broken, sourceFile('src/b.ts', stable)]))).toEqual([
      { rule: 'parse-error', severity: 'error', file: 'src/a.ts', line: 3, column: 7, message: 'syntax error: x' },
    ]);
  });
});

describe('parse-error for directories discovery could not list', () => {
  it('reports each one at its path, so an unreadable folder never passes as clean', () => {
    const facts = { ...factsOf(policyWith(), [sourceFile('src/b.ts', stable)]), unreadableDirectories: [{ path: 'src/secret', code: 'EACCES' }] };
    expect(parseError.run(facts)).toEqual([
      {
        rule: 'parse-error',
        severity: 'error',
        file: 'src/secret',
        line: 1,
        column: 1,
        message: 'cannot read directory (EACCES); the files in it were not analysed (fix its permissions, or list it in .gitignore)',
      },
    ]);
  });
});
