import type { Finding } from '../findings.js';
import type { Check, ProjectFacts } from './facts.js';

/** A file that could not be (fully) analysed is reported, never silently skipped. */
export const parseError: Check = {
  id: 'parse-error',
  run(facts: ProjectFacts): Finding[] {
    return facts.files.flatMap((file) =>
      file.problem
        ? [{ rule: 'parse-error', severity: 'error' as const, file: file.file, line: file.problem.line, column: file.problem.column, message: file.problem.message }]
        : [],
    );
  },
};
