import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportModel } from '../../src/report/model.js';
import { REPORT_REPORTERS } from '../../src/formats/report/index.js';
import { REPO_ROOT, fixture, runLifecycle } from '../helpers/cli.js';

const NETSVC = join(REPO_ROOT, 'examples', 'netsvc');

function model(cwd: string): ReportModel {
  return JSON.parse(runLifecycle(['report', '--cwd', cwd, '--format', 'json']).stdout) as ReportModel;
}

describe('report reporters', () => {
  const netsvc = model(NETSVC);

  it('the CLI prints what the reporters of the one map render from the JSON model', () => {
    for (const format of ['text', 'markdown', 'html'] as const) {
      expect(REPORT_REPORTERS[format](netsvc, { color: false })).toBe(runLifecycle(['report', '--cwd', NETSVC, '--format', format]).stdout);
    }
    expect(netsvc.version).toBe(1);
    expect(Object.keys(netsvc)).toEqual(['version', 'project', 'policy', 'release', 'settings', 'summary', 'check', 'features', 'ci']);
  });

  it('text: an aligned table, a block per feature, the CI verdicts; colour only when asked', () => {
    const text = REPORT_REPORTERS.text(netsvc, { color: false });
    expect(text).toContain('Release review: netsvc as of 2026.2 (releases.current)\n');
    const table = text.split('\n').filter((line) => /^(FEATURE|fwaas|vpnaas|dvr) {2}/.test(line));
    expect(table).toHaveLength(4);
    // Aligned: every column starts at the same offset in every row.
    const offset = (line: string, column: number) => [...line.matchAll(/ {2}(?=\S)/g)][column - 1]!.index;
    for (const column of [1, 2, 5]) expect(new Set(table.map((line) => offset(line, column))).size).toBe(1);
    expect(text).toContain('  → PROMOTE  due next release (2027.1) and ready');
    expect(text).toMatch(/\n {2}broken-ci {3}NOT-YET {2}may not vote/);
    expect(text).not.toContain('\u001b[');
    const coloured = REPORT_REPORTERS.text(netsvc, { color: true });
    expect(coloured).toContain('\u001b[32m→ PROMOTE\u001b[39m');
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(text);
  });

  it('markdown: a checklist of decisions, the table, details and the CI table, ready for a release issue', () => {
    const markdown = REPORT_REPORTERS.markdown(netsvc, { color: false });
    expect(markdown.startsWith('<!-- feature-lifecycle report -->\n## Release review: netsvc 2026.2\n')).toBe(true);
    expect(markdown).toContain('- [ ] **fwaas** (Firewall as a service): **promote** — due next release (2027.1) and ready');
    expect(markdown).toContain('| **vpnaas** | preview | 2026.2 | 0 | 2027.1+1 | ok | 2/5 | 0/1 | - | 2 (1 forbidden) | 1 | 5/0 | **keep** |');
    expect(markdown).toContain('| broken-ci | `not-yet` | **no** | - | 2026-04-15 | probation 0 days (>= 30 days); coverage 69.74% (>= 95%)');
    expect(markdown).toContain('  - `src/core/router.ts`: violation, 1 import');
  });

  it('escapes what the policy says in Markdown and HTML', () => {
    const hostile = structuredClone(model(fixture('report-states')));
    const feature = hostile.features.find((candidate) => candidate.id === 'ripe')!;
    feature.title = '<script>alert(1)</script> *bold* | pipe';
    feature.tracking = 'javascript:alert(1)';
    const html = REPORT_REPORTERS.html(hostile, { color: false });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    const markdown = REPORT_REPORTERS.markdown(hostile, { color: false });
    expect(markdown).toContain('&lt;script>alert(1)&lt;/script> \\*bold\\*');
  });

  it('html: one self-contained file: inline style, script and SVG, a CSP forbidding requests, no timestamp', () => {
    const html = REPORT_REPORTERS.html(netsvc, { color: false });
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="en">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<(?:link|script|img)[^>]+(?:src|href)="(?!data:|#)/);
    expect(html).not.toMatch(/url\(/);
    expect(html).toContain('<svg class="timeline"');
    expect(html.match(/<svg class="strip"/g)).toHaveLength(2);
    expect(html).toContain('<table class="sortable" id="feature-table">');
    // Dates come from the input only (the CI records); nothing says when the report was made.
    expect(html).not.toContain(new Date().toISOString().slice(0, 10));
  });
});
