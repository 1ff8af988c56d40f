import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../src/package-root.js';

/**
 * `npm run demo`: the main jobs on the bundled example, as a user would type them. The example
 * has deliberate findings, so a step's exit code 1 is expected and reported, not treated as a crash.
 */
const root = packageRoot();
const cli = join(root, 'dist', 'src', 'cli', 'main.js');
const steps: { title: string; args: string[]; expected: number[] }[] = [
  { title: 'lifecycle check --cwd examples/netsvc', args: ['check', '--cwd', 'examples/netsvc'], expected: [1] },
  { title: 'lifecycle explain src/core/router.ts --cwd examples/netsvc', args: ['explain', 'src/core/router.ts', '--cwd', 'examples/netsvc'], expected: [1] },
  { title: 'lifecycle ci-readiness --cwd examples/netsvc', args: ['ci-readiness', '--cwd', 'examples/netsvc'], expected: [1] },
  { title: 'lifecycle ci vote --result NODE_FAILURE', args: ['ci', 'vote', '--result', 'NODE_FAILURE'], expected: [0] },
  { title: 'lifecycle report --cwd examples/netsvc', args: ['report', '--cwd', 'examples/netsvc'], expected: [0] },
];

let failed = false;
for (const step of steps) {
  process.stdout.write(`\n$ ${step.title}\n`);
  const run = spawnSync(process.execPath, [cli, ...step.args], { cwd: root, stdio: 'inherit' });
  const status = run.status ?? -1;
  const ok = step.expected.includes(status);
  failed ||= !ok;
  process.stdout.write(`(exit code ${status}${ok ? ', as expected for the example' : `, expected ${step.expected.join(' or ')}`})\n`);
}
process.exitCode = failed ? 1 : 0;
