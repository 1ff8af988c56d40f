import type { Finding } from '../findings.js';
import type { Check } from './check.js';
import type { CheckInput } from './check.js';

/**
 * A file that could not be (fully) analysed, or a directory discovery could not list, is
 * reported, never silently skipped.
 */
export const parseError: Check = {
  id: 'parse-error',
  run(facts: CheckInput): Finding[] {
    const files = facts.files.flatMap((file) =>
      file.problem
        ? [{ rule: 'parse-error', severity: 'error' as const, file: file.file, line: file.problem.line, column: file.problem.column, message: file.problem.message }]
        : [],
    );
    const directories = (facts.unreadableDirectories ?? []).map((dir) => ({
      rule: 'parse-error',
      severity: 'error' as const,
      file: dir.path,
      line: 1,
      column: 1,
      message: `cannot read directory (${dir.code}); the files in it were not analysed (fix its permissions, or list it in .gitignore)`,
    }));
    return [...files, ...directories];
  },
};
