import { execFileSync, spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inPieces } from '../../src/ci/export.js';
import { writeFileAtomic } from '../../src/engine/write-atomic.js';
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

  it('leaves the previous file whole, and no temporary file, when writing fails after k lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-export-fail-'));
    const target = join(dir, 'runs.ndjson');
    writeFileSync(target, 'the previous, complete export\n');
    function* failing(k: number): Generator<string> {
      for (let i = 0; i < k; i++) yield `{"type":"run","n":${i},"pad":"${'x'.repeat(1000)}"}`;
      throw new Error('disk pulled out');
    }
    expect(() => writeFileAtomic(target, inPieces(failing(5000), 64 * 1024), '--export-ndjson')).toThrow(`cannot write --export-ndjson ${target} (disk pulled out)`);
    expect(readFileSync(target, 'utf8')).toBe('the previous, complete export\n');
    expect(readdirSync(dir)).toEqual(['runs.ndjson']);
    expect(() => writeFileAtomic(target, inPieces(failing(0)), 'x')).toThrow(/disk pulled out/);
    writeFileAtomic(target, inPieces(['a', 'b']), '--export-ndjson');
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

  it('writes through a symbolic link and into a device node without replacing either (the one safe writer)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-export-special-'));
    writeFileSync(join(dir, 'real.ndjson'), 'old\n');
    symlinkSync('real.ndjson', join(dir, 'latest.ndjson'));
    const r = lifecycle(['--history', fixture('gerrit.json'), '--export-ndjson', join(dir, 'latest.ndjson')]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, 'latest.ndjson')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'latest.ndjson'))).toBe('real.ndjson');
    expect(readFileSync(join(dir, 'real.ndjson'), 'utf8')).toMatch(/^\{"type":"patchset"/);
    if (process.getuid?.() !== 0) return; // mknod needs root (CI and this machine run as root)
    // A private null device node (never /dev/null itself: a writer that replaced it would break the machine).
    const device = join(dir, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    const d = lifecycle(['--history', fixture('gerrit.json'), '--export-ndjson', device]);
    expect(d.code).toBe(0);
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
  });

  it('joins lines into pieces of about the size asked', () => {
    expect([...inPieces(['ab', 'cd', 'ef'], 5)]).toEqual(['ab\ncd\n', 'ef\n']);
    expect([...inPieces([], 5)]).toEqual([]);
  });
});
