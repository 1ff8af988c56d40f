import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeLinesAtomic } from '../../src/engine/write-atomic-stream.js';
import { CLI, ROOT, fixture } from './helpers.js';

function lifecycle(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, 'ci-readiness', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('--export-ndjson is written atomically', () => {
  it('creates missing folders, like --output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-export-'));
    const target = join(dir, 'not', 'yet', 'there.ndjson');
    const r = lifecycle(['--history', fixture('gerrit.json'), '--export-ndjson', target]);
    expect(r.stderr).toMatch(/^lifecycle: wrote \d+ runs/);
    expect(r.code).toBe(0);
    expect(readFileSync(target, 'utf8')).toMatch(/^\{"type":"patchset"/);
    expect(readdirSync(join(dir, 'not', 'yet'))).toEqual(['there.ndjson']);
  });

  it('leaves the previous file whole, and no temporary file, when writing fails after k lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-export-fail-'));
    const target = join(dir, 'runs.ndjson');
    writeFileSync(target, 'the previous, complete export\n');
    function* failing(k: number): Generator<string> {
      for (let i = 0; i < k; i++) yield `{"type":"run","n":${i},"pad":"${'x'.repeat(1000)}"}`;
      throw new Error('disk pulled out');
    }
    await expect(writeLinesAtomic(target, failing(5000), '--export-ndjson')).rejects.toThrow(`cannot write --export-ndjson ${target} (disk pulled out)`);
    expect(readFileSync(target, 'utf8')).toBe('the previous, complete export\n');
    expect(readdirSync(dir)).toEqual(['runs.ndjson']);
    await writeLinesAtomic(target, failing(0), 'x').catch(() => undefined);
    await writeLinesAtomic(target, ['a', 'b'], '--export-ndjson');
    expect(readFileSync(target, 'utf8')).toBe('a\nb\n');
    expect(readdirSync(dir)).toEqual(['runs.ndjson']);
  });

  it('fails with one line when the folder cannot be made', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-export-file-'));
    writeFileSync(join(dir, 'file'), '');
    const r = lifecycle(['--history', fixture('gerrit.json'), '--export-ndjson', join(dir, 'file', 'out.ndjson')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`lifecycle: cannot write --export-ndjson ${join(dir, 'file', 'out.ndjson')} (a parent of it is a file, not a folder)\n`);
  });
});
