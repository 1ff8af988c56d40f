import { describe, expect, it } from 'vitest';
import { runLifecycle } from '../../helpers/cli.js';
import { policyYaml, tempProject } from '../../helpers/temp-project.js';

const IMPORT = "import { a } from '../preview/fwaas/index';\nexport const b = a;\n";
const NEWLINE_NAME = 'src/core/evil\n::error file=src/core/ok.ts,line=1::forged by a newline.ts';
const COMMAND_NAME = 'src/core/::error::forged at the start.ts';
const ESC_NAME = 'src/core/\u001b[2K\u001b[31mred\u001b[0m.ts';

/** Three files with hostile names, each importing preview code, and a hostile specifier. */
const project = () =>
  tempProject({
    'lifecycle.yaml': policyYaml().replace('introduced: 2026.1', 'introduced: 2026.2'),
    'src/preview/fwaas/index.ts': 'export const a = 1;\n',
    [NEWLINE_NAME]: IMPORT,
    [COMMAND_NAME]: IMPORT,
    [ESC_NAME]: IMPORT,
    'src/core/specifier.ts': "import { c } from './missing\\n::error::forged by a specifier';\nexport const d = c;\n",
  });

/** The lines a GitHub Actions runner would take as commands (it trims leading blanks first). */
const commandLines = (text: string) => text.split('\n').filter((line) => /^\s*(::|##\[)/.test(line));
const hasControl = (text: string) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text);

describe('hostile file names and specifiers are escaped in every human format', () => {
  it.each(['stylish', 'markdown'])('check --format %s: no forged line, no control character', (format) => {
    const run = runLifecycle(['check', '--format', format, '--verbose', '--cwd', project()]);
    expect(run.status).toBe(1);
    expect(commandLines(run.stdout + run.stderr)).toEqual([]);
    expect(hasControl(run.stdout + run.stderr)).toBe(false);
    expect(run.stdout).toContain('evil\\n::error file=src/core/ok.ts,line=1::forged by a newline.ts');
    expect(run.stdout).toContain('\\x1b[2K\\x1b[31mred\\x1b[0m.ts');
  });

  it('stylish prints a name that starts a line with a backslash in front of its `::`', () => {
    const root = tempProject({ 'lifecycle.yaml': policyYaml(), 'src/preview/fwaas/index.ts': 'export const a = 1;\n', '::warning::x.ts': IMPORT.replace('../preview', './src/preview') });
    const run = runLifecycle(['check', '--cwd', root]);
    expect(run.stdout.split('\n')).toContain('\\::warning::x.ts');
  });

  it('check --format github: exactly one annotation line per finding, the rest of each line escaped', () => {
    const run = runLifecycle(['check', '--format', 'github', '--cwd', project()]);
    const [summary, ...annotations] = run.stdout.split('\n').filter(Boolean).reverse();
    expect(summary).toMatch(/^::notice title=lifecycle check::/);
    expect(annotations).toHaveLength(4); // the three hostile importers, and an unresolved import of the one nested in folders by its `/`
    for (const line of annotations) expect(line).toMatch(/^::(error|warning) file=[^:,]*,line=\d+,col=\d+,title=[a-z-]+::[^\n]*$/);
    expect(hasControl(run.stdout)).toBe(false);
    expect(run.stdout).toContain('file=src/core/evil%0A%3A%3Aerror file=src/core/ok.ts%2Cline=1%3A%3Aforged by a newline.ts,');
  });

  it.each(['text', 'markdown'])('report --format %s and explain', (format) => {
    const root = project();
    const report = runLifecycle(['report', '--format', format, '--cwd', root]);
    expect(report.status).toBe(0);
    expect(commandLines(report.stdout + report.stderr)).toEqual([]);
    expect(hasControl(report.stdout + report.stderr)).toBe(false);
    const explain = runLifecycle(['explain', NEWLINE_NAME, '--cwd', root]);
    expect(explain.status).toBe(0);
    expect(commandLines(explain.stdout)).toEqual([]);
    expect(explain.stdout.split('\n')[0]).toBe('src/core/evil\\n::error file=src/core/ok.ts,line=1::forged by a newline.ts');
    const specifier = runLifecycle(['explain', 'src/core/specifier.ts', '--cwd', root]);
    expect(commandLines(specifier.stdout)).toEqual([]);
    expect(specifier.stdout).toContain('./missing\\n::error::forged by a specifier');
  });
});
