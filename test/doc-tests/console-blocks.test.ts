import { describe, expect, it } from 'vitest';
import { documentationFiles, expectedAndActual, lifecycleConsoleBlocks, readDoc, runsOnBundledExample, type ConsoleBlock } from '../helpers/console-blocks.js';

/**
 * Every console block of README.md and docs/ that starts with a `$ lifecycle …` command on a
 * bundled project (examples/, test/fixtures/) is run and must print exactly its text (durations
 * and this checkout's path aside), so the tour cannot drift from the tool.
 */
const blocks: ConsoleBlock[] = documentationFiles().flatMap((file) => lifecycleConsoleBlocks(file, readDoc(file)));
const runnable = blocks.filter(runsOnBundledExample);

/** The blocks that name no bundled project, each with the reason it is not run here. */
const NOT_ON_A_BUNDLED_EXAMPLE: Record<string, string> = {
  '$ npx lifecycle check': 'README: a policy error on the reader\'s own /repo/lifecycle.yaml (docs/policy.md runs the same error on test/fixtures/bad-unknown-nested-key)',
  '$ lifecycle ci-readiness --history gerrit.json --source-format gerrit --system "Acme CI" \\': 'run by test/ci/votes-as-data.test.ts on test/fixtures/ci/gerrit.json',
  '$ lifecycle ci vote --result FAILURE --log job-output.txt': 'the log is the reader\'s own job output',
  '$ lifecycle ci vote --policy lifecycle.yaml --result FAILURE': 'run by test/ci/votes-as-data.test.ts on a temporary smokestack policy',
};

describe('console blocks in README.md and docs/', () => {
  it('finds the tour blocks, and every block it does not run is one listed with its reason', () => {
    expect(runnable.map((block) => block.firstLine)).toEqual(
      expect.arrayContaining(['$ npx lifecycle check --cwd examples/netsvc', '$ npx lifecycle explain src/core/router.ts --cwd examples/netsvc', '$ npx lifecycle report --cwd examples/netsvc']),
    );
    const skipped = blocks.filter((block) => !runsOnBundledExample(block)).map((block) => block.firstLine);
    expect(skipped.sort()).toEqual(Object.keys(NOT_ON_A_BUNDLED_EXAMPLE).sort());
  });

  it.each(runnable.map((block) => [block.where, block] as const))('%s prints what it shows', (_where, block) => {
    const { expected, actual } = expectedAndActual(block);
    expect(actual).toBe(expected);
  });

  it('fails when a tour block is edited to differ from the real output', () => {
    const tour = runnable.find((block) => block.firstLine === '$ npx lifecycle check --cwd examples/netsvc')!;
    const edited: ConsoleBlock = { ...tour, steps: tour.steps.map((step) => ({ ...step, output: step.output.replace('✖ 8 problems', '✖ 7 problems') })) };
    expect(edited.steps[0]!.output).not.toBe(tour.steps[0]!.output);
    const { expected, actual } = expectedAndActual(edited);
    expect(actual).not.toBe(expected);
    expect(expected).toContain('✖ 7 problems');
    expect(actual).toContain('✖ 8 problems');
  });

  it('normalises durations and nothing else', () => {
    const block: ConsoleBlock = { where: 'test', firstLine: '$ lifecycle x', steps: [{ command: 'lifecycle x', output: 'took 1.2 s, then 340 ms; 272.3 h silent\n' }] };
    const { expected, actual } = expectedAndActual(block, () => ({ status: 0, stdout: 'took 9 s, then 1 ms; 272.3 h silent\n', stderr: '' }));
    expect(actual).toBe(expected);
    const other = expectedAndActual(block, () => ({ status: 0, stdout: 'took 9 s, then 1 ms; 272.4 h silent\n', stderr: '' }));
    expect(other.actual).not.toBe(other.expected);
  });
});
