import { describe, expect, it } from 'vitest';
import { unresolvedImport } from '../../src/checks/unresolved-import.js';
import { factsOf, importOf, policyWith, sourceFile, stable } from '../helpers/facts.js';

describe('unresolved-import', () => {
  it('reports unresolved project imports, not undeclared-but-declared packages or computed names', () => {
    const unresolved = (declared: boolean, specifier: string | undefined) =>
      importOf('', stable, { specifier, target: { kind: 'unresolved', cause: declared ? 'not-installed' : specifier ? 'missing-file' : 'computed', reason: 'no such file', declared } });
    const facts = factsOf(policyWith(), [
      sourceFile('src/a.ts', stable, [unresolved(false, './missing'), unresolved(true, 'lodash'), unresolved(false, undefined)]),
    ]);
    expect(unresolvedImport.run(facts)).toEqual([
      {
        rule: 'unresolved-import',
        severity: 'warn',
        file: 'src/a.ts',
        line: 1,
        column: 20,
        message: 'cannot resolve "./missing": no such file; preview imports through it would go unnoticed',
        target: './missing',
      },
    ]);
  });
});
