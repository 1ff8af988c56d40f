import { existsSync, readFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import { parseJsonText } from '../policy/json-text.js';
import { compareStrings, type CheckResult, type Finding } from '../findings.js';
import { fingerprintOf } from './fingerprint.js';

/** Version of the baseline file format (see docs/output-formats.md#baseline). */
const BASELINE_VERSION = 1;

/** One accepted finding. Matching uses rule, file and fingerprint; the message is for reviewers. */
interface BaselineEntry {
  rule: string;
  file: string;
  fingerprint: string;
  message: string;
}

export interface Baseline {
  version: typeof BASELINE_VERSION;
  entries: BaselineEntry[];
}

/** Reads a baseline file; a missing, unparsable or wrongly shaped file is an input error (exit 2). */
export function readBaseline(path: string): Baseline {
  if (!existsSync(path)) throw new InputError(`baseline file not found: ${path} (create it with --update-baseline)`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new InputError(`${path}: cannot read the baseline file (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const parsed = parseJsonText(text);
  if ('problem' in parsed) {
    const { line, column, code } = parsed.problem;
    throw new InputError(`${path}:${line}:${column}: not a valid baseline file (invalid JSON: ${code})`);
  }
  const data = parsed.value;
  const problem = shapeProblem(data);
  if (problem) throw new InputError(`${path}: not a valid baseline file: ${problem}`);
  return data as Baseline;
}

/** Like readBaseline, but an absent or unreadable file is an empty baseline (it is about to be rewritten). */
export function readBaselineForUpdate(path: string): Baseline {
  try {
    return readBaseline(path);
  } catch {
    return { version: BASELINE_VERSION, entries: [] };
  }
}

/** Drops the findings the baseline lists; the summary counts only what is left. */
export function applyBaseline(result: CheckResult, baseline: Baseline): CheckResult {
  const accepted = new Set(baseline.entries.map(entryKey));
  const findings = result.findings.filter((finding) => !accepted.has(entryKey(toEntry(finding))));
  const baselined = result.findings.length - findings.length;
  return {
    ...result,
    findings,
    baselined: (result.baselined ?? 0) + baselined,
    summary: {
      ...result.summary,
      errors: findings.filter((finding) => finding.severity === 'error').length,
      warnings: findings.filter((finding) => finding.severity === 'warn').length,
    },
  };
}

interface BaselineUpdate {
  baseline: Baseline;
  kept: number;
  added: number;
  pruned: number;
}

/** The baseline of the current findings: fixed entries are pruned, new findings added. */
export function updateBaseline(previous: Baseline, findings: readonly Finding[]): BaselineUpdate {
  const entries = findings.map(toEntry).sort(compareEntries);
  const before = new Set(previous.entries.map(entryKey));
  const after = new Set(entries.map(entryKey));
  const kept = entries.filter((entry) => before.has(entryKey(entry))).length;
  return {
    baseline: { version: BASELINE_VERSION, entries },
    kept,
    added: entries.length - kept,
    pruned: [...before].filter((key) => !after.has(key)).length,
  };
}

/** Deterministic text of a baseline file: fixed key order, sorted entries, two-space indent. */
export function serializeBaseline(baseline: Baseline): string {
  const entries = [...baseline.entries].sort(compareEntries).map((entry) => ({
    rule: entry.rule,
    file: entry.file,
    fingerprint: entry.fingerprint,
    message: entry.message,
  }));
  return `${JSON.stringify({ version: BASELINE_VERSION, entries }, null, 2)}\n`;
}

function toEntry(finding: Finding): BaselineEntry {
  return { rule: finding.rule, file: finding.file, fingerprint: fingerprintOf(finding), message: finding.message };
}

function entryKey(entry: BaselineEntry): string {
  return `${entry.file}\u0000${entry.rule}\u0000${entry.fingerprint}`;
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  return compareStrings(a.file, b.file) || compareStrings(a.rule, b.rule) || compareStrings(a.fingerprint, b.fingerprint);
}

function shapeProblem(data: unknown): string | undefined {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return 'expected a JSON object';
  const record = data as Record<string, unknown>;
  if (record.version !== BASELINE_VERSION) return `unsupported version ${JSON.stringify(record.version)} (expected ${BASELINE_VERSION})`;
  if (!Array.isArray(record.entries)) return '"entries" must be an array';
  const bad = record.entries.findIndex(
    (entry: unknown) =>
      typeof entry !== 'object' ||
      entry === null ||
      !['rule', 'file', 'fingerprint'].every((key) => typeof (entry as Record<string, unknown>)[key] === 'string'),
  );
  return bad >= 0 ? `entries[${bad}] needs string "rule", "file" and "fingerprint"` : undefined;
}
