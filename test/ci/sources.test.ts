import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { readJsonRecords, readLineBatches } from '../../src/ci/sources/read.js';
import { sniffFormat } from '../../src/ci/sources/index.js';
import { evaluateAdHoc, fixture } from './helpers.js';

async function* chunked(text: string, size: number): AsyncGenerator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function records(text: string, size: number, xssi: 'strip' | 'reject' = 'strip', unwrap: string[] = []) {
  const out: Array<{ value: unknown; key: string | null; line: number }> = [];
  for await (const r of readJsonRecords(chunked(text, size), { source: 'mem', xssi, format: 'test', unwrap })) out.push(r);
  return out;
}

describe('JSON record reader', () => {
  const text = ")]}'\n[\n {\"a\": \"x]}\\\"\", \"b\": [1, {\"c\": 2}]},\n 7, \"s,t\", null\n]\n)]}'\n[{\"d\": 1}]\n";

  it('streams elements of top-level arrays, across any chunk boundary, with line numbers', async () => {
    for (const size of [1, 2, 3, 7, 1000]) {
      expect(await records(text, size)).toEqual([
        { value: { a: 'x]}"', b: [1, { c: 2 }] }, key: null, line: 3 },
        { value: 7, key: null, line: 4 },
        { value: 's,t', key: null, line: 4 },
        { value: null, key: null, line: 4 },
        { value: { d: 1 }, key: null, line: 7 },
      ]);
    }
  });

  it('unwraps array properties of concatenated top-level objects (gh api --paginate pages)', async () => {
    const pages = '{"total_count": 3, "workflow_runs": [{"id": 1}, {"id": 2}]}\n{"total_count": 3, "workflow_runs": [{"id": 3}]}{"other": true}';
    const out = await records(pages, 5, 'reject', ['workflow_runs']);
    expect(out.map((r) => [r.key, r.value])).toEqual([
      ['workflow_runs', { id: 1 }],
      ['workflow_runs', { id: 2 }],
      ['workflow_runs', { id: 3 }],
      [null, { other: true }],
    ]);
  });

  it('rejects truncated JSON, invalid elements and the XSSI prefix where it does not belong', async () => {
    await expect(records('[{"a": 1}, {"b": ', 4)).rejects.toThrow('mem: truncated JSON: the input ends inside the array opened at line 1');
    await expect(records('[{"a": tru}]', 4)).rejects.toThrow(/^mem: invalid JSON at line 1/);
    await expect(records(")]}'\n[]", 4, 'reject')).rejects.toThrow(InputError);
    await expect(records('42', 4)).rejects.toThrow('mem: line 1: expected a JSON array or object, found "4"');
  });

  it('splits lines across chunks, with and without a final newline', async () => {
    const batches: string[] = [];
    for await (const { lines } of readLineBatches(chunked('a\nbb\n\nccc', 2), { source: 'mem' })) batches.push(...lines);
    expect(batches).toEqual(['a', 'bb', '', 'ccc']);
  });
});

describe('source detection and bad input', () => {
  it('detects each fixture format from its first record', async () => {
    expect(await sniffFormat(fixture('gerrit.json'), 'g')).toBe('gerrit');
    expect(await sniffFormat(fixture('gerrit-events.ndjson'), 'e')).toBe('gerrit-events');
    expect(await sniffFormat(fixture('zuul-flat.json'), 'z')).toBe('zuul');
    expect(await sniffFormat(fixture('zuul-nested.json'), 'z')).toBe('zuul');
    expect(await sniffFormat(fixture('github-runs.json'), 'h')).toBe('github');
    expect(await sniffFormat(fixture('runs.ndjson'), 'n')).toBe('ndjson');
  });

  it('evaluates with a detected format as with the flag', async () => {
    const detected = await evaluateAdHoc({ history: [fixture('gerrit.json')], system: 'Acme CI', asOf: '2026-03-07' });
    const given = await evaluateAdHoc({ history: [fixture('gerrit.json')], sourceFormat: 'gerrit', system: 'Acme CI', asOf: '2026-03-07' });
    expect(detected.result).toEqual(given.result);
  });

  it('counts an unknown result code as unknown (an infra-like failure), never crashing', async () => {
    const { system } = await evaluateAdHoc({ history: [fixture('zuul-unknown-result.json')], sourceFormat: 'zuul', system: 'z', asOf: '2026-03-07' });
    expect(system.reports.unknown).toBe(1);
    expect(system.criteria.find((c) => c.id === 'infra-rate')).toMatchObject({
      value: 0.5,
      detail: '0 infra and 1 unknown-result failures in 2 reports (50%)',
    });
  });

  it.each([
    ['bad-truncated.json', 'zuul', 'bad-truncated.json: truncated JSON: the input ends inside the array opened at line 1'],
    ['bad-xssi-zuul.json', 'zuul', `bad-xssi-zuul.json: starts with Gerrit's ")]}'" prefix, which only Gerrit REST responses carry; use --source-format gerrit (given: zuul)`],
    ['github-runs.json', 'zuul', 'github-runs.json: line 1 is not zuul input: it looks like github'],
    ['zuul-flat.json', 'gerrit', 'zuul-flat.json: line 2 is not gerrit input: it looks like zuul'],
    ['gerrit-events.ndjson', 'ndjson', 'gerrit-events.ndjson: line 1 is not ndjson input: it looks like gerrit-events'],
    ['runs.ndjson', 'zuul', 'runs.ndjson: line 1 is not zuul input: it looks like ndjson'],
  ])('rejects %s read as %s', async (file, format, message) => {
    await expect(evaluateAdHoc({ history: [fixture(file)], sourceFormat: format, system: 'x' })).rejects.toThrow(message);
  });
});
