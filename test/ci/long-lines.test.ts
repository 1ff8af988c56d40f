import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonRecords, readLineBatches } from '../../src/ci/sources/read.js';
import { CLI, ROOT, fixture } from './helpers.js';

/** Text in 64 KiB chunks, as the file reader yields it. */
async function* chunked(text: string, size = 1 << 16): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function lines(text: string, options: Parameters<typeof readLineBatches>[1]): Promise<string[]> {
  const out: string[] = [];
  for await (const batch of readLineBatches(chunked(text), options)) out.push(...batch.lines);
  return out;
}

function lifecycle(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('reading long lines', () => {
  it('reads a 40 MB line in linear time (it took 11.6 s when each chunk re-joined the line)', async () => {
    const long = `{"type":"run","message":"${'x'.repeat(40 * 1024 * 1024)}"}`;
    const started = performance.now();
    const read = await lines(`{"a":1}\n${long}\n{"b":2}\n`, { source: 'mem' });
    expect(performance.now() - started).toBeLessThan(3000);
    expect(read.map((l) => l.length)).toEqual([7, long.length, 7]);
  });

  it('stops at the cap with the source and line, also on an unterminated line', async () => {
    const max = 1024 * 1024;
    await expect(lines(`{}\n{}\n${'y'.repeat(max + 1)}\n{}\n`, { source: 'runs.ndjson', maxLength: max })).rejects.toThrow(
      'runs.ndjson: line 3 is longer than 1 MiB, the limit',
    );
    await expect(lines(`{}\n${'y'.repeat(3 * max)}`, { source: 'runs.ndjson', maxLength: max })).rejects.toThrow('runs.ndjson: line 2 is longer than 1 MiB');
    expect(await lines(`{}\n${'y'.repeat(max)}`, { source: 'mem', maxLength: max })).toHaveLength(2);
  });

  it('cuts long lines instead when asked (log scanning), keeping the line numbers', async () => {
    expect(await lines(`${'z'.repeat(200_000)}\nnext\n`, { source: 'log', maxLength: 10, overlong: 'truncate' })).toEqual(['zzzzzzzzzz', 'next']);
  });

  it('drops a leading byte-order mark', async () => {
    expect(await lines('\uFEFF{"a":1}\n{"b":2}', { source: 'mem' })).toEqual(['{"a":1}', '{"b":2}']);
  });

  it('caps a JSON record the same way', async () => {
    const text = `[{"a":1},\n{"big":"${'q'.repeat(300_000)}"}]`;
    const read = async (maxLength: number) => {
      const out: unknown[] = [];
      for await (const r of readJsonRecords(chunked(text), { source: 'builds.json', xssi: 'reject', format: 'zuul', unwrap: [], maxLength })) out.push(r);
      return out;
    };
    await expect(read(100_000)).rejects.toThrow('builds.json: the record at line 2 is longer than 100000 characters, the limit');
    expect(await read(1_000_000)).toHaveLength(2);
  });
});

describe('ci-readiness on long lines and BOMs (built CLI)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ci-long-lines-'));
  const runs = readFileSync(fixture('runs.ndjson'), 'utf8');

  it('reads NDJSON with a byte-order mark like any other JSON input', () => {
    const plain = join(dir, 'plain.ndjson');
    const bom = join(dir, 'bom.ndjson');
    writeFileSync(plain, runs);
    writeFileSync(bom, `\uFEFF${runs}`);
    const args = ['--source-format', 'ndjson', '--system', 'acme', '--format', 'json', '--as-of', '2026-03-07'];
    const a = lifecycle(['ci-readiness', '--history', plain, ...args]);
    const b = lifecycle(['ci-readiness', '--history', bom, ...args]);
    expect(JSON.parse(a.stdout).systems[0].name).toBe('acme');
    expect(b.stderr).toBe('');
    expect(b.stdout).toBe(a.stdout);
    // and detected as NDJSON without --source-format
    expect(lifecycle(['ci-readiness', '--history', bom, ...args.slice(2)]).stdout).toBe(a.stdout);
  });

  it('exits 2 naming the file and line when a line is over --max-line-mb', () => {
    const file = join(dir, 'long.ndjson');
    writeFileSync(file, `${runs.split('\n').slice(0, 2).join('\n')}\n{"type":"run","message":"${'m'.repeat(2 * 1024 * 1024)}"}\n`);
    const r = lifecycle(['ci-readiness', '--history', file, '--source-format', 'ndjson', '--system', 'acme', '--max-line-mb', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^lifecycle: .*long\.ndjson: line 3 is longer than 1 MiB, the limit .*--max-line-mb\)\n$/);
    expect(lifecycle(['ci-readiness', '--history', file, '--system', 'acme', '--max-line-mb', 'lots']).stderr).toBe(
      'lifecycle: --max-line-mb "lots": expected a positive number of MiB\n',
    );
  });
});
