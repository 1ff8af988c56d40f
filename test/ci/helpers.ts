import { join, resolve } from 'node:path';
import { planAdHoc, type AdHocFlags } from '../../src/ci/config.js';
import { DEFAULT_CRITERIA } from '../../src/ci/defaults.js';
import { evaluateReadiness } from '../../src/ci/evaluate.js';
import type { ReadinessResult, SystemResult } from '../../src/ci/result.js';
import { loadHistory, type LoadedHistory } from '../../src/ci/load-history.js';
import { parseDay } from '../../src/ci/time.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'ci');
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

export function fixture(name: string): string {
  return join(FIXTURES, name);
}

export interface AdHoc extends Partial<AdHocFlags> {
  history: string[];
  system: string;
  asOf?: string;
  probationDays?: number;
}

/** Reads and evaluates like `ci-readiness` ad hoc does (probation window 7 days unless given). */
export async function evaluateAdHoc(flags: AdHoc): Promise<{ result: ReadinessResult; system: SystemResult; loaded: LoadedHistory }> {
  const plan = planAdHoc(
    {
      from: [],
      aliases: [],
      reference: [],
      referenceSystem: 'Zuul',
      voting: false,
      contacts: ['a@example.org', 'b@example.org'],
      projects: [],
      infraPatterns: [],
      testPatterns: [],
      ...flags,
    },
    { cwd: ROOT, ci: { criteria: { probationDays: flags.probationDays ?? 7 } } },
  );
  const loaded = await loadHistory({ ...plan, env: {}, keepRuns: true });
  const result = evaluateReadiness(loaded.history, {
    systems: plan.systems,
    reference: plan.reference,
    asOfDay: flags.asOf ? parseDay(flags.asOf) : undefined,
    today: 0,
    commentStream: loaded.commentStream,
  });
  return { result, system: result.systems[0] as SystemResult, loaded };
}

export function criterion(system: SystemResult, id: string): SystemResult['criteria'][number] {
  const found = system.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
}

export const SEVEN_DAYS = { ...DEFAULT_CRITERIA, probationDays: 7 };
