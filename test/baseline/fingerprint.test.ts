import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { applyBaseline, readBaseline, serializeBaseline, updateBaseline, type Baseline } from '../../src/baseline/baseline.js';
import { fingerprintOf, normalizeLine, withFingerprints, type LineLookup } from '../../src/baseline/fingerprint.js';
import type { CheckResult, Finding } from '../../src/findings.js';
import { summaryOf } from '../formats/check/fixtures.js';

const finding = (line: number, extra: Partial<Finding> = {}): Finding => ({
  rule: 'no-preview-import',
  severity: 'error',
  file: 'src/a.ts',
  line,
  column: 1,
  message: `message at line ${line}`,
  ...extra,
});

const linesOf = (text: string): LineLookup => (_file, line) => text.split('\n')[line - 1];

describe('fingerprints', () => {
  it('depend on the line text, not the line number or the message', () => {
    const [before] = withFingerprints([finding(1)], linesOf("import x from './p';"));
    const [after] = withFingerprints([finding(7, { message: 'reworded' })], linesOf(`${'\n'.repeat(6)}  import   x from './p';`));
    expect(after!.fingerprint).toBe(before!.fingerprint);
    expect(before!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('differ by rule, file, target and occurrence of the same line text', () => {
    const text = "import x from './p';\nimport x from './p';";
    const base = withFingerprints([finding(1), finding(2)], linesOf(text));
    expect(base[0]!.fingerprint).not.toBe(base[1]!.fingerprint);
    const variants = [{ rule: 'other' }, { file: 'src/b.ts' }, { target: 'src/preview/x.ts' }].map(
      (extra) => withFingerprints([finding(1, extra)], linesOf(text))[0]!.fingerprint,
    );
    expect(new Set([base[0]!.fingerprint, ...variants]).size).toBe(4);
  });

  it('number occurrences by position, whatever the input order', () => {
    const text = 'same\nsame';
    const sorted = withFingerprints([finding(1), finding(2)], linesOf(text));
    const reversed = withFingerprints([finding(2), finding(1)], linesOf(text));
    expect(reversed.map((item) => item.fingerprint)).toEqual([sorted[1]!.fingerprint, sorted[0]!.fingerprint]);
  });

  it('fall back to the message when the line cannot be read', () => {
    const [unread] = withFingerprints([finding(1)], () => undefined);
    expect(unread!.fingerprint).toBe(fingerprintOf(finding(1)));
    expect(normalizeLine('\t a \t b  ')).toBe('a b');
  });
});

describe('baseline files', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
  const write = (text: string) => {
    const dir = mkdtempSync(join(tmpdir(), 'lifecycle-baseline-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'b.json'), text);
    return join(dir, 'b.json');
  };

  const findings = withFingerprints(
    [finding(2, { file: 'src/b.ts' }), finding(1), finding(3, { severity: 'warn', rule: 'unresolved-import' })],
    (file, line) => `${file} line ${line}`,
  );

  it('serialize deterministically: versioned, sorted by file, rule, fingerprint, fixed key order', () => {
    const { baseline } = updateBaseline({ version: 1, entries: [] }, findings);
    const text = serializeBaseline(baseline);
    expect(serializeBaseline(updateBaseline({ version: 1, entries: [] }, [...findings].reverse()).baseline)).toBe(text);
    const parsed = JSON.parse(text) as { version: number; entries: Record<string, string>[] };
    expect(parsed.version).toBe(1);
    expect(parsed.entries.map((entry) => `${entry.file} ${entry.rule}`)).toEqual(['src/a.ts no-preview-import', 'src/a.ts unresolved-import', 'src/b.ts no-preview-import']);
    expect(Object.keys(parsed.entries[0]!)).toEqual(['rule', 'file', 'fingerprint', 'message']);
    expect(readBaseline(write(text))).toEqual(parsed);
  });

  it('drop listed findings, recount the summary, and count what they dropped', () => {
    const { baseline } = updateBaseline({ version: 1, entries: [] }, findings.slice(0, 2));
    const result: CheckResult = { version: 1, findings, summary: summaryOf({ errors: 2, warnings: 1, files: 2, unresolved: 0 }), tool: { name: 'feature-lifecycle', version: '0.0.0' }, rules: [], unresolvedImports: [] };
    const applied = applyBaseline(result, baseline);
    expect(applied.findings).toEqual([findings[2]]);
    expect(applied.summary).toEqual(summaryOf({ errors: 0, warnings: 1, files: 2, unresolved: 0 }));
    expect(applied.baselined).toBe(2);
  });

  it('prune fixed entries and count kept and added ones on update', () => {
    const previous: Baseline = updateBaseline({ version: 1, entries: [] }, findings.slice(0, 2)).baseline;
    const update = updateBaseline(previous, findings.slice(1));
    expect(update).toMatchObject({ kept: 1, added: 1, pruned: 1 });
    expect(update.baseline.entries).toHaveLength(2);
  });

  it('reject a missing, unparsable or wrongly shaped file with one clear line', () => {
    expect(() => readBaseline('/nonexistent/b.json')).toThrow('baseline file not found: /nonexistent/b.json (create it with --update-baseline)');
    expect(() => readBaseline(write('{'))).toThrow(/b\.json:1:2: not a valid baseline file \(invalid JSON: /);
    expect(() => readBaseline(write('{"version":2,"entries":[]}'))).toThrow('not a valid baseline file: unsupported version 2 (expected 1)');
    expect(() => readBaseline(write('{"version":1,"entries":[{"rule":"x"}]}'))).toThrow('entries[0] needs string "rule", "file" and "fingerprint"');
  });
});
