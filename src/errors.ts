/**
 * An error in what the user gave us: a policy file, a flag, an input file.
 * The CLI prints `message` on one line (no stack trace unless --debug) and exits with code 2.
 */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    message: string,
    /** Extra lines (e.g. a list of all problems found) printed after the first line. */
    readonly details: readonly string[] = [],
  ) {
    super(message);
  }
}

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_INPUT_ERROR = 2;
