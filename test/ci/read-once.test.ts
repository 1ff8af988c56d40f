import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateAdHoc, fixture } from './helpers.js';

describe('a history file named twice is read once', () => {
  it('reads a CI-and-gate NDJSON named as --history and --reference once, with the same verdict', async () => {
    const once = await evaluateAdHoc({ history: [fixture('runs.ndjson')], system: 'acme', sourceFormat: 'ndjson', asOf: '2026-03-07' });
    const twice = await evaluateAdHoc({ history: [fixture('runs.ndjson')], reference: [fixture('runs.ndjson')], system: 'acme', sourceFormat: 'ndjson', asOf: '2026-03-07' });
    expect(twice.loaded.read).toHaveLength(1);
    expect(twice.loaded.history.duplicateRuns).toBe(once.loaded.history.duplicateRuns); // read twice, every run came back as a duplicate
    expect(twice.loaded.history.runCount).toBe(once.loaded.history.runCount);
    expect(twice.system).toEqual(once.system);
  });

  it('still gives runs without a system to each system the file was named for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-read-once-'));
    const file = join(dir, 'anonymous.ndjson');
    const run = (id: string) => JSON.stringify({ type: 'run', id, change: '1', patchset: '1', pipeline: 'check', job: 'unit', end: '2026-03-02T10:00:00Z', result: 'SUCCESS', log: 'https://l/1' });
    writeFileSync(file, `${run('a')}\n${run('b')}\n`);
    const twice = await evaluateAdHoc({ history: [file], reference: [file], referenceSystem: 'Zuul', system: 'acme', sourceFormat: 'ndjson', asOf: '2026-03-07' });
    expect(twice.loaded.read).toHaveLength(1);
    expect(twice.loaded.history.groups.map((g) => [g.system, g.count])).toEqual([['acme', 2], ['Zuul', 2]]);
  });
});
