import type { Finding } from '../findings.js';
import type { Check } from './check.js';
import type { ImportFact } from '../facts/source-file.js';
import type { CheckInput } from './check.js';
import { unfollowedNames } from './no-preview-import.js';

/**
 * Imports of project code that could not be resolved cannot be checked, so they are reported.
 * Packages that a package.json declares but that are not installed are only counted (a fresh
 * clone has none installed), as are dynamic imports of computed names.
 */
export const unresolvedImport: Check = {
  id: 'unresolved-import',
  run(facts: CheckInput): Finding[] {
    const names = facts.files.flatMap((file) =>
      file.imports.flatMap((fact) =>
        unfollowedNames(fact).map(({ name, reason }) => ({
          rule: 'unresolved-import',
          severity: 'warn' as const,
          file: file.file,
          line: name.line,
          column: name.column,
          message: `cannot follow "${name.name}" from "${fact.specifier ?? ''}" to its declaration: ${reason}; a preview declaration behind it would go unnoticed`,
          target: fact.specifier,
        })),
      ),
    );
    return [...names, ...unresolvedSites(facts)];
  },
};

function unresolvedSites(facts: CheckInput): Finding[] {
    return facts.files.flatMap((file) =>
      file.imports.filter(isReportable).map((fact) => ({
        rule: 'unresolved-import',
        severity: 'warn' as const,
        file: file.file,
        line: fact.line,
        column: fact.column,
        message: `cannot resolve "${fact.specifier ?? ''}": ${fact.target.kind === 'unresolved' ? fact.target.reason : ''}; preview imports through it would go unnoticed`,
        target: fact.specifier,
      })),
    );
}

/** Unresolved and worth a finding: a project path, or a bare name nothing declares. */
function isReportable(fact: ImportFact): boolean {
  return fact.specifier !== undefined && fact.target.kind === 'unresolved' && !fact.target.declared;
}
