import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, fixture } from './helpers.js';

/** `lifecycle ci-readiness --format html`, called as users do. */
const GERRIT = ['ci-readiness', '--history', fixture('gerrit.json'), '--source-format', 'gerrit', '--system', 'Acme CI', '--contact', 'a@x', '--contact', 'b@y', '--as-of', '2026-03-07'];

function lifecycle(args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('ci-readiness --format html', () => {
  const r = lifecycle([...GERRIT, '--format', 'html', '--change-url', 'https://review.example.org/c/{change}/{patchset}']);

  it('writes one self-contained page that may make no request at all', () => {
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(r.stdout.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(r.stdout).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`);
    // Nothing that would load: no script, no external stylesheet, image or font.
    expect(r.stdout).not.toMatch(/<script|<link rel="stylesheet"|<img |url\(|@import/);
    expect(r.stdout).not.toMatch(/\ssrc=/);
    // The only href outside links people click is the empty data: icon (which stops a favicon request).
    expect([...r.stdout.matchAll(/<(?!a )(\w+)[^>]*\shref="([^"]*)"/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual(['link data:,']);
  });

  it('has the verdict, the account with linked changes, the strip with its broken row and the daily chart by class', () => {
    expect(r.stdout).toContain('<h2>Acme CI <span class="badge verdict-not-yet">not-yet</span></h2>');
    expect(r.stdout).toContain('<dt>last good report</dt><dd>2026-03-07T10:00:00Z, change <a href="https://review.example.org/c/107/1">107/1</a></dd>');
    const strip = /<svg class="strip"[\s\S]*?<\/svg>/.exec(r.stdout)?.[0] ?? '';
    expect((strip.match(/<rect class="day /g) ?? []).length).toBe(30);
    // The window's last week: 03-01 +, 03-02 f (broken), 03-03 +, 03-04 f (broken), 03-05 + (broken), 03-06 s, 03-07 +
    expect((strip.match(/<rect class="broken-day /g) ?? []).length).toBe(3);
    expect(strip).toContain('<title>2026-03-02: test failure reported (-1)</title>');
    const daily = /<svg class="daily"[\s\S]*?<\/svg>/.exec(r.stdout)?.[0] ?? '';
    // The window's 10 reports by class: 6 pass, 2 test, 1 infra, 1 novote.
    const bars = [...daily.matchAll(/<rect class="cls-(\w+)"[^>]*><title>([^<]*)<\/title>/g)].map((m) => `${m[1]} ${m[2]}`);
    const count = (cls: string) => bars.filter((b) => b.startsWith(`${cls} `)).reduce((sum, b) => sum + Number(/: (\d+) /.exec(b)?.[1]), 0);
    expect([count('pass'), count('test'), count('infra'), count('unknown'), count('novote')]).toEqual([6, 2, 1, 0, 1]);
    expect(r.stdout).toContain('<td><code>coverage</code></td><td class="num">87.5%</td><td>&gt;= 95%</td><td class="fail">FAIL</td>');
  });

  it('is byte-identical for identical input', () => {
    expect(lifecycle([...GERRIT, '--format', 'html', '--change-url', 'https://review.example.org/c/{change}/{patchset}']).stdout).toBe(r.stdout);
  });

  it('rejects a --change-url without {change} (exit 2, one line)', () => {
    const bad = lifecycle([...GERRIT, '--change-url', 'https://review.example.org/']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('--change-url "https://review.example.org/": expected an http(s) URL template with {change}');
  });
});
