import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers.js';

/** A CI history whose change, job and log text carry a newline, an ESC sequence and a `::` command. */
function hostileHistory(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ci-hostile-'));
  const lines = [
    { type: 'patchset', project: 'netsvc', change: '101\n::error::forged by a change', patchset: '1', time: '2026-03-06T10:00:00Z' },
    {
      type: 'run',
      system: 'acme',
      project: 'netsvc',
      change: '101\n::error::forged by a change',
      patchset: '1',
      pipeline: 'check',
      job: '\u001b[2K\u001b[31mjob\u001b[0m',
      cell: '',
      voting: true,
      end: '2026-03-06T11:00:00Z',
      result: 'FAILURE',
      log: 'https://logs.example/101',
    },
  ];
  const path = join(dir, 'runs.ndjson');
  writeFileSync(path, `${lines.map((line) => JSON.stringify(line)).join('\n')}\n`);
  return path;
}

/** Lines a GitHub Actions runner would take as commands (it trims leading blanks first). */
const commandLines = (text: string) => text.split('\n').filter((line) => /^\s*(::|##\[)/.test(line));
const hasControl = (text: string) => /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/.test(text);

describe('names from a CI history are escaped in the human formats of ci-readiness and ci vote', () => {
  it.each(['text', 'markdown'])('ci-readiness --format %s: no forged line, no control character', (format) => {
    const history = hostileHistory();
    const r = spawnSync(process.execPath, [CLI, 'ci-readiness', '--history', history, '--system', 'acme', '--format', format], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('forged by a change'); // the text is shown, escaped
    expect(r.stdout).toContain('101\\n::error::forged by a change');
    expect(commandLines(r.stdout)).toEqual([]);
    expect(hasControl(r.stdout)).toBe(false);
  });

  it('keeps the raw strings in JSON, where its own syntax escapes them', () => {
    const r = spawnSync(process.execPath, [CLI, 'ci-readiness', '--history', hostileHistory(), '--system', 'acme', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    expect(JSON.parse(r.stdout).systems[0].account.lastSeen.change).toBe('101\n::error::forged by a change');
  });

  it('ci vote quotes a matched log line escaped', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ci-vote-hostile-'));
    const log = join(dir, 'console.log');
    writeFileSync(log, 'Could not resolve host: mirror \u001b[31mred\u001b[0m\r::error::forged\n'); // an infra pattern matches: the line is quoted
    const r = spawnSync(process.execPath, [CLI, 'ci', 'vote', '--result', 'FAILURE', '--log', log], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stdout).toContain('at line 1: Could not resolve host: mirror \\x1b[31mred');
    expect(commandLines(r.stdout)).toEqual([]);
    expect(hasControl(r.stdout)).toBe(false);
  });
});
