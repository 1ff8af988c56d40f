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
