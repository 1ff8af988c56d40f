import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/engine/run-check.js';
import { fixture, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
  feature?: string;
}

function apiLeaks(cwd: string): { status: number; findings: string[] } {
  const run = runLifecycle(['check', '--format', 'json', '--cwd', cwd]);
  const output = JSON.parse(run.stdout) as { findings: JsonFinding[] };
  return {
    status: run.status,
    findings: output.findings.filter((finding) => finding.rule === 'preview-api-leak').map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`),
  };
}

const leak = (path: string, declaredAt: string, reason = 'tagged @preview otlp') =>
  `exposes a preview declaration in its public API: ${path} (preview feature "otlp"; ${reason}, ${declaredAt})`;
const TRANSPORT = 'packages/telemetry/src/transport.ts';

/** The expected findings of test/fixtures/preview-api-leak-monorepo (the ESLint parity test proves the rule reports the same). */
const EXPECTED_API_LEAKS = [
  `packages/client/src/index.ts:7:17 ${leak('createClient → ClientOptions.transport → ExperimentalTransport', `${TRANSPORT}:8:18`)}`,
  'packages/client/src/index.ts:17:17 cannot check connect: its type does not resolve (packages/client/src/index.ts:17:17: a missing module or name), so a preview type behind it would go unnoticed',
  `packages/telemetry/src/index.ts:8:17 ${leak('createTracer.transport → ExperimentalTransport', `${TRANSPORT}:8:18`)}`,
  `packages/telemetry/src/index.ts:13:18 ${leak('TracerConfig → ExperimentalSampler', `${TRANSPORT}:13:18`)}`,
  `packages/telemetry/src/index.ts:18:14 ${leak('exporters → ExperimentalExporter', `${TRANSPORT}:18:14`)}`,
  `packages/telemetry/src/index.ts:21:14 ${leak('HttpTransport → ExperimentalTransport', `${TRANSPORT}:8:18`)}`,
  `packages/telemetry/src/index.ts:28:13 ${leak('TelemetryAttributes → ExperimentalAttributes', `${TRANSPORT}:23:13`)}`,
  `packages/telemetry/src/index.ts:31:18 ${leak('ExporterTable[string] → ExperimentalExporter', `${TRANSPORT}:18:14`)}`,
  `packages/telemetry/src/index.ts:36:18 ${leak('telemetry.defaultExporter → ExperimentalExporter', `${TRANSPORT}:18:14`)}`,
  `packages/telemetry/src/index.ts:41:17 ${leak('batching → BatchPolicy', 'packages/telemetry/src/preview/otlp/sampler.ts:8:18', 'declared in preview code')}`,
];

describe('lifecycle check: preview-api-leak', () => {
  it('reports every leak of the fixture monorepo, at the exported declaration, with the path; the negatives stay clean', () => {
    const { status, findings } = apiLeaks(fixture('preview-api-leak-monorepo'));
    expect(status).toBe(1);
    expect(findings).toEqual(EXPECTED_API_LEAKS);
  });

  it('does not build a program when the check is off (the recommended default)', async () => {
    const root = tempProject({
      'lifecycle.yaml': policyYaml(),
      'package.json': JSON.stringify({ name: 'solo', exports: './src/index.ts' }),
      'src/index.ts': "import type { X } from './preview/fwaas/x';\nexport const leak: X | undefined = undefined;\n",
      'src/preview/fwaas/x.ts': 'export interface X { a: number }\n',
    });
    const run = await runCheck({ cwd: root });
    expect(run.facts.apiSurface).toBeUndefined();
    expect(run.result.findings.map((finding) => finding.rule)).not.toContain('preview-api-leak');
  });

  it('resolves workspace packages TypeScript cannot (a fresh clone: nothing installed, no paths) to their sources', () => {
    const root = tempProject({
      'lifecycle.yaml': `${policyYaml()}checks: { preview-api-leak: error }\n`,
      'package.json': JSON.stringify({ private: true, workspaces: ['packages/*'] }),
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, module: 'ESNext', moduleResolution: 'Bundler' }, include: ['packages'] }),
      'packages/a/package.json': JSON.stringify({ name: '@x/a', exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } } }),
      'packages/a/src/index.ts': '/** @preview fwaas */\nexport interface Firewall { rules: string[] }\n',
      'packages/b/package.json': JSON.stringify({ name: '@x/b', main: './dist/index.js' }),
      'packages/b/src/index.ts': "import type { Firewall } from '@x/a';\nexport function firewall(): Firewall { return { rules: [] }; }\n",
    });
    expect(apiLeaks(root).findings).toEqual([
      'packages/b/src/index.ts:2:17 exposes a preview declaration in its public API: firewall → Firewall (preview feature "fwaas"; tagged @preview fwaas, packages/a/src/index.ts:2:18)',
    ]);
  });

  it('terminates on recursive and deeply generic types', () => {
    const root = tempProject({
      'lifecycle.yaml': `${policyYaml()}checks: { preview-api-leak: error }\napi: { entryPoints: src/index.ts }\n`,
      'src/index.ts': [
        'export interface Deep<T> { next: Deep<[T]>; value: T; list: Deep<Deep<T>[]>[] }',
        'export type Chain<T> = { next: Chain<T[]> | undefined; self: Chain<T> };',
        'export interface Tree { children: Tree[]; parent?: Tree }',
        'export function deep(): Deep<Chain<Tree>> { throw new Error(); }',
        "import type { Firewall } from './preview/fwaas/firewall';",
        'export type Nested = Deep<Chain<Firewall>>;',
        '',
      ].join('\n'),
      'src/preview/fwaas/firewall.ts': 'export interface Firewall { rules: string[] }\n',
    });
    expect(apiLeaks(root).findings).toEqual([
      'src/index.ts:6:13 exposes a preview declaration in its public API: Nested → Firewall (preview feature "fwaas"; declared in preview code, src/preview/fwaas/firewall.ts:1:18)',
    ]);
  });

  it('follows enum member initializers, type parameter constraints and private members (which are not public)', () => {
    const root = tempProject({
      'lifecycle.yaml': `${policyYaml()}checks: { preview-api-leak: error }\napi: { entryPoints: src/index.ts }\n`,
      'src/index.ts': [
        "import { Level, type Rule } from './preview/fwaas/rules';",
        'export enum Severity { Low = Level.Low, High = 2 }',
        'export function pick<T extends Rule>(rules: T[]): number { return rules.length; }',
        'export class Engine { private rules: Rule[] = []; #cache?: Rule; count(): number { return this.rules.length + (this.#cache ? 1 : 0); } }',
        '',
      ].join('\n'),
      'src/preview/fwaas/rules.ts': 'export enum Level { Low = 1 }\nexport interface Rule { id: string }\n',
    });
    expect(apiLeaks(root).findings).toEqual([
      'src/index.ts:2:13 exposes a preview declaration in its public API: Severity.Low → Level (preview feature "fwaas"; declared in preview code, src/preview/fwaas/rules.ts:1:13)',
      'src/index.ts:3:17 exposes a preview declaration in its public API: pick → Rule (preview feature "fwaas"; declared in preview code, src/preview/fwaas/rules.ts:2:18)',
    ]);
  });

  it('fails closed: an entry point without a source file is a finding at its package.json', () => {
    const root = tempProject({
      'lifecycle.yaml': `${policyYaml()}checks: { preview-api-leak: error }\n`,
      'package.json': JSON.stringify({ name: 'gone', exports: { '.': './dist/index.js', './schema.json': './schema.json' } }),
      'src/other.ts': 'export const x = 1;\n',
    });
    expect(apiLeaks(root)).toEqual({
      status: 1,
      findings: [expect.stringMatching(/^package\.json:1:1 cannot check the public API of gone "\.": workspace package gone has no source file for "\."/) as unknown as string],
    });
  });
});
