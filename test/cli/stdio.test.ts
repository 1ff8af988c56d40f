import { spawn, spawnSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const CLI = join(REPO_ROOT, 'dist', 'src', 'cli', 'main.js');

/** A project whose check has an error-level finding, so a run that wrote everything exits 1. */
const project = () =>
  tempProject({
    'lifecycle.yaml': policyYaml(),
    'src/preview/fwaas/index.ts': 'export const a = 1;\n',
    'src/core/a.ts': "import { a } from '../preview/fwaas/index';\nexport const b = a;\n",
  });

describe('errors writing standard output', () => {
  it('ENOSPC: one line on stderr and exit 2, not exit 1 and no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    try {
      for (const format of ['stylish', 'json']) {
        const run = spawnSync(process.execPath, [CLI, 'check', '--format', format, '--cwd', project()], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
        expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 2, stderr: 'lifecycle: cannot write standard output: no space left on device (ENOSPC)\n' });
      }
      const help = spawnSync(process.execPath, [CLI, '--help'], { stdio: ['ignore', full, 'pipe'], encoding: 'utf8' });
      expect({ status: help.status, stderr: help.stderr }).toEqual({ status: 2, stderr: 'lifecycle: cannot write standard output: no space left on device (ENOSPC)\n' });
    } finally {
      closeSync(full);
    }
  });

  it('EPIPE (the reader went away, as with `| head`): quiet, with the broken-pipe status 141', async () => {
    const root = project();
    const child = spawn(process.execPath, [CLI, 'check', '--format', 'json', '--cwd', root], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // closes the read end before the CLI writes anything
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    expect({ status, stderr }).toEqual({ status: 141, stderr: '' });
  });
});
