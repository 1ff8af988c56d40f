import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { describe, expect, it } from 'vitest';
import plugin from '../../../src/eslint-plugin.js';
import rule from '../../../rules/preview-api-leak.js';
import { FIXTURES } from '../../helpers/cli.js';
import { ruleTester } from '../rule-tester.js';

const ROOT = join(FIXTURES, 'preview-api-leak-monorepo');
const at = (file: string) => join(ROOT, file);
const source = (file: string) => readFileSync(at(file), 'utf8');

/** Typed linting: @typescript-eslint/parser with the fixture's tsconfig.json (its paths resolve both packages). */
const typed = new RuleTester({ languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: ROOT } } });

const leak = (path: string, declaredAt: string, reason = 'tagged @preview otlp') =>
  `exposes a preview declaration in its public API: ${path} (preview feature "otlp"; ${reason}, ${declaredAt})`;

/** Typed tests name files relative to tsconfigRootDir (the tester joins them); untyped ones absolutely. */
typed.run('preview-api-leak', rule, {
  valid: [
    { name: 'a stable package file that is not an entry point, nor in a public signature', code: source('packages/telemetry/src/stable/sampler.ts'), filename: 'packages/telemetry/src/stable/sampler.ts' },
    {
      name: 'preview declarations using preview types, a stable type named like a preview one, a private helper',
      code: [
        "import type { Sampler } from './stable/sampler.js';",
        "import { ExperimentalExporter, type ExperimentalTransport } from './transport.js';",
        '/** @preview otlp */',
        'export function createPreviewPipeline(transport: ExperimentalTransport): ExperimentalExporter { void transport; return new ExperimentalExporter(); }',
        'export function createSampler(rate: number): Sampler { return { rate }; }',
        'function helper(transport: ExperimentalTransport): void { void transport; }',
        'export function flushAll(): number { helper(null as unknown as ExperimentalTransport); return 0; }',
      ].join('\n'),
      filename: 'packages/telemetry/src/index.ts',
    },
  ],
  invalid: [
    {
      name: 'the leaks of the package entry point, as lifecycle check reports them',
      code: source('packages/telemetry/src/index.ts'),
      filename: 'packages/telemetry/src/index.ts',
      errors: [
        { messageId: 'finding', line: 8, column: 17, data: { message: leak('createTracer.transport → ExperimentalTransport', 'packages/telemetry/src/transport.ts:8:18') } },
        { messageId: 'finding', line: 13, column: 18, data: { message: leak('TracerConfig → ExperimentalSampler', 'packages/telemetry/src/transport.ts:13:18') } },
        { messageId: 'finding', line: 18, column: 14 },
        { messageId: 'finding', line: 21, column: 14 },
        { messageId: 'finding', line: 28, column: 13 },
        { messageId: 'finding', line: 31, column: 18, data: { message: leak('ExporterTable[string] → ExperimentalExporter', 'packages/telemetry/src/transport.ts:18:14') } },
        { messageId: 'finding', line: 36, column: 18 },
        { messageId: 'finding', line: 41, column: 17, data: { message: leak('batching → BatchPolicy', 'packages/telemetry/src/preview/otlp/sampler.ts:8:18', 'declared in preview code') } },
      ],
    },
    {
      name: 'across two packages, through a type the package does not export; an unresolvable type',
      code: source('packages/client/src/index.ts'),
      filename: 'packages/client/src/index.ts',
      errors: [
        { messageId: 'finding', line: 7, column: 17, data: { message: leak('createClient → ClientOptions.transport → ExperimentalTransport', 'packages/telemetry/src/transport.ts:8:18') } },
        { messageId: 'finding', line: 17, column: 17 },
      ],
    },
    {
      name: 'the code being edited, not the file on disk',
      code: "import type { ExperimentalSampler } from '../../telemetry/src/transport.js';\nexport function record(span: { name: string }): ExperimentalSampler | undefined { void span; return undefined; }",
      filename: 'packages/client/src/index.ts',
      errors: [{ messageId: 'finding', line: 2, column: 17, data: { message: leak('record → ExperimentalSampler', 'packages/telemetry/src/transport.ts:13:18') } }],
    },
  ],
});

ruleTester.run('preview-api-leak without type information', rule, {
  valid: [],
  invalid: [
    {
      name: 'one report that says what to set up, instead of silence',
      code: source('packages/client/src/index.ts'),
      filename: at('packages/client/src/index.ts'),
      errors: [{ messageId: 'needsTypes', line: 1, column: 1 }],
    },
  ],
});

describe('lifecycle/preview-api-leak metadata', () => {
  it('is the one rule that requires type checking, as the catalogue says (typeAware)', () => {
    const typedRules = Object.entries(plugin.rules).filter(([, candidate]) => (candidate.meta.docs as { requiresTypeChecking?: boolean } | undefined)?.requiresTypeChecking === true).map(([id]) => id);
    expect(typedRules).toEqual(['preview-api-leak']);
    expect(plugin.configs.strict.rules?.['lifecycle/preview-api-leak']).toBe('error');
    expect(plugin.configs.recommended.rules?.['lifecycle/preview-api-leak']).toBe('off');
  });
});
