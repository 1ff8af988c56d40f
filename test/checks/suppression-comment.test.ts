import { describe, expect, it } from 'vitest';
import { applySuppressions } from '../../src/checks/suppression-comment.js';
import { findSuppressions } from '../../src/extract/shared/suppression-directive.js';
import { suppressionComment, suppressionFindings } from '../../src/checks/suppression-comment.js';
import type { Finding } from '../../src/findings.js';
import { policyWith } from '../helpers/facts.js';

const finding = (line: number, rule = 'no-preview-import'): Finding => ({ rule, severity: 'error', file: 'a.ts', line, column: 1, message: 'm' });

describe('suppression comments', () => {
  it('parses ids, reason, block comments and the lines they cover', () => {
    const text = [
      '// lifecycle-disable-next-line no-preview-import -- migrations need it',
      "import x from './p';",
      '/* lifecycle-disable-next-line no-preview-import, parse-error -- two at once */',
      'import {',
      '  y,',
      "} from './q';",
    ].join('\n');
    const found = findSuppressions(text, new Map([[2, 2], [4, 6]]));
    expect(found).toEqual([
      { line: 1, column: 1, rules: ['no-preview-import'], reason: 'migrations need it', coversUntilLine: 2 },
      { line: 3, column: 1, rules: ['no-preview-import', 'parse-error'], reason: 'two at once', coversUntilLine: 6 },
    ]);
  });

  it('counts lines as TypeScript and ESLint do: \\r\\n, a lone \\r, U+2028 and U+2029 end a line too', () => {
    const directive = '// lifecycle-disable-next-line no-preview-import -- reason';
    for (const [name, text] of [
      ['crlf', `const s = 'a';\r\n${directive}\r\nimport x from './p';`],
      ['lone cr', `const s = 'a';\r${directive}\rimport x from './p';`],
      ['u2028 in a string', `const s = 'a\u2028b';\n${directive}\nimport x from './p';`],
      ['u2029', `const s = 'a';\u2029const t = 1;\n${directive}\nimport x from './p';`],
    ] as const) {
      const line = name === 'crlf' || name === 'lone cr' ? 2 : 3;
      expect(findSuppressions(text, new Map()), name).toEqual([{ line, column: 1, rules: ['no-preview-import'], reason: 'reason', coversUntilLine: line + 1 }]);
    }
  });

  it('suppresses only with a reason, only the named rule, only the covered lines', () => {
    const suppressions = findSuppressions(
      ['// lifecycle-disable-next-line no-preview-import -- ok', 'x', '// lifecycle-disable-next-line no-preview-import', 'y'].join('\n'),
      new Map(),
    );
    const result = applySuppressions([finding(2), finding(2, 'parse-error'), finding(3), finding(4)], new Map([['a.ts', suppressions]]));
    expect(result.map((item) => `${item.line} ${item.rule}`)).toEqual(['2 parse-error', '3 no-preview-import', '4 no-preview-import', '3 suppression-comment']);
    expect(result[3]!.message).toMatch(/has no reason, so it suppresses nothing/);
  });

  it('reports unused suppressions and unknown ids', () => {
    const suppressions = findSuppressions('// lifecycle-disable-next-line no-preview-import -- stale\nx\n// lifecycle-disable-next-line no-such-rule -- why\ny\n// lifecycle-disable-next-line -- no id\n', new Map());
    const messages = applySuppressions([], new Map([['a.ts', suppressions]])).map((item) => item.message);
    expect(messages).toEqual([
      expect.stringMatching(/^unused lifecycle-disable-next-line no-preview-import/),
      'lifecycle-disable-next-line names unknown check id(s): no-such-rule',
      expect.stringMatching(/names no check id/),
    ]);
  });
});

describe('suppression comments: edge cases', () => {
  it('ignores the directive inside a string literal', () => {
    const text = "const s = '// lifecycle-disable-next-line no-preview-import -- not a comment';\n";
    expect(findSuppressions(text, new Map(), [[10, 74]])).toEqual([]);
  });

  it('suggests the nearest check id for a misspelt one', () => {
    const suppressions = findSuppressions('// lifecycle-disable-next-line no-preview-imports -- why\nx\n', new Map());
    expect(applySuppressions([], new Map([['a.ts', suppressions]]))[0]?.message).toBe(
      'lifecycle-disable-next-line names unknown check id(s): no-preview-imports (did you mean "no-preview-import"?)',
    );
  });
});

describe('the suppression-comment check', () => {
  const directive = (rules: string[], reason: string | undefined) => ({ line: 3, column: 2, rules, reason, coversUntilLine: 4 });

  it('judges the directives it is given, with whether each suppressed something, and nothing else', () => {
    const findings = suppressionFindings([
      { file: 'a.ts', directive: directive(['no-preview-import'], 'kept'), used: true },
      { file: 'a.ts', directive: directive(['no-preview-import'], 'stale'), used: false },
      { file: 'b.ts', directive: directive(['parse-error'], undefined), used: false },
    ]);
    expect(findings.map(({ rule, severity, file, line, column }) => ({ rule, severity, file, line, column }))).toEqual([
      { rule: 'suppression-comment', severity: 'error', file: 'a.ts', line: 3, column: 2 },
      { rule: 'suppression-comment', severity: 'error', file: 'b.ts', line: 3, column: 2 },
    ]);
    expect(findings.map((item) => item.message)).toEqual([
      'unused lifecycle-disable-next-line no-preview-import: nothing to suppress on the next line; remove it',
      'lifecycle-disable-next-line parse-error has no reason, so it suppresses nothing; add ` -- <why this is allowed>`',
    ]);
  });

  it('reads the suppression facts of its input; before the engine sets them it finds nothing', () => {
    const policy = policyWith();
    expect(suppressionComment.run({ files: [], tree: undefined, policy })).toEqual([]);
    const uses = [{ file: 'a.ts', directive: directive([], 'why'), used: false }];
    expect(suppressionComment.run({ files: [], tree: undefined, policy, suppressions: uses })).toEqual(suppressionFindings(uses));
  });
});
