import { describe, expect, it } from 'vitest';
import { fixture, runLifecycle } from '../helpers/cli.js';

interface JsonFinding {
  rule: string;
  file: string;
  line: number;
  column: number;
  message: string;
  feature?: string;
  target?: string;
}

function check(name: string): { status: number; findings: JsonFinding[] } {
  const run = runLifecycle(['check', '--format', 'json', '--cwd', fixture(name)]);
  return { status: run.status, findings: (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings };
}

const brief = (finding: JsonFinding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${finding.feature ?? '-'} → ${finding.target ?? '-'}`;

describe('preview declarations: no-preview-import follows names (test/fixtures/preview-declarations-monorepo)', () => {
  const { status, findings } = check('preview-declarations-monorepo');

  it('reports exactly the stable uses of preview declarations, the forbidden re-export and the unregistered tag', () => {
    expect(status).toBe(1);
    expect(findings.map(brief)).toEqual([
      // import { renderChart } from '@acme/sdk' (@preview charts, re-exported by the index)
      'packages/app/src/dashboard.ts:1:36 no-preview-import charts → packages/sdk/src/charts.ts',
      // through two `export *` links
      'packages/app/src/exporter.ts:2:10 no-preview-import otlp → packages/sdk/src/otlp/exporter.ts',
      // `MeterProvider as Meter` (@experimental → metrics), and metrics.MeterProvider of `export * as metrics`
      'packages/app/src/meter.ts:2:10 no-preview-import metrics → packages/sdk/src/metrics.ts',
      'packages/app/src/meter.ts:5:37 no-preview-import metrics → packages/sdk/src/metrics.ts',
      // import * as sdk; sdk.experimental_otlp_batch (sdk.createClient stays clean)
      'packages/app/src/namespace.ts:4:26 no-preview-import otlp → packages/sdk/src/otlp/batch.ts',
      // the `exports` subpath @acme/sdk/otlp
      'packages/app/src/subpath.ts:2:10 no-preview-import otlp → packages/sdk/src/otlp/batch.ts',
      // the crossing point charts does not allow (otlp and metrics do: features.<id>.reexports: allow)
      'packages/sdk/src/index.ts:3:10 no-preview-import charts → packages/sdk/src/charts.ts',
      'packages/sdk/src/tracing.ts:5:17 preview-unregistered tracing → -',
    ]);
  });

  it('names the declaration, where it is defined, its feature, why it is preview and the chain', () => {
    const byPlace = new Map(findings.map((finding) => [`${finding.file}:${finding.line}:${finding.column}`, finding.message]));
    expect(byPlace.get('packages/app/src/exporter.ts:2:10')).toBe(
      'stable code imports preview declaration "experimental_otlp_createExporter" of preview feature "otlp" [name matches experimental_{feature} (preview.exportNames)], defined at packages/sdk/src/otlp/exporter.ts:4:17 through packages/sdk/src/index.ts:5:15 → packages/sdk/src/otlp/index.ts:1:15',
    );
    expect(byPlace.get('packages/app/src/meter.ts:2:10')).toBe(
      'stable code imports Meter, preview declaration "MeterProvider" of preview feature "metrics" [tagged @experimental (preview.tags: @experimental → metrics)], defined at packages/sdk/src/metrics.ts:2:14 through packages/sdk/src/index.ts:4:10',
    );
    expect(byPlace.get('packages/app/src/namespace.ts:4:26')).toMatch(/^stable code uses sdk\.experimental_otlp_batch, preview declaration "experimental_otlp_batch" of preview feature "otlp"/);
    expect(byPlace.get('packages/sdk/src/index.ts:3:10')).toBe(
      'stable code re-exports preview declaration "renderChart" of preview feature "charts" [tagged @preview charts], defined at packages/sdk/src/charts.ts:5:17; a stable file re-exporting it is the crossing point: allow it with features.charts.reexports: allow',
    );
    expect(byPlace.get('packages/sdk/src/tracing.ts:5:17')).toBe(
      'preview declaration "startSpan" (tagged @preview tracing) belongs to unregistered feature "tracing": add features.tracing to lifecycle.yaml',
    );
  });

  it('leaves the negative cases clean: same-feature use, a stable namesake, stable names of the same index', () => {
    const files = new Set(findings.map((finding) => finding.file));
    expect(files.has('packages/sdk/src/otlp/exporter.ts')).toBe(false);
    expect(files.has('packages/app/src/page.ts')).toBe(false);
    expect(files.has('packages/app/src/local-chart.ts')).toBe(false);
    // dashboard.ts imports createClient and formatAxis from the same index: only renderChart is reported.
    expect(findings.filter((finding) => finding.file === 'packages/app/src/dashboard.ts')).toHaveLength(1);
  });
});

describe('preview declarations: eight stable files using two experimental_* APIs through a stable index (test/fixtures/preview-declarations-index)', () => {
  it('reports exactly the nine specifiers', () => {
    const { status, findings } = check('preview-declarations-index');
    expect(status).toBe(1);
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule} ${/"(experimental_\w+)"/.exec(finding.message)?.[1]}`)).toEqual([
      'src/features/audit.ts:1:10 no-preview-import experimental_retry',
      'src/features/billing.ts:1:10 no-preview-import experimental_createStream',
      'src/features/export-csv.ts:1:10 no-preview-import experimental_createStream',
      'src/features/notifications.ts:1:10 no-preview-import experimental_createStream',
      'src/features/reports.ts:1:10 no-preview-import experimental_retry',
      'src/features/search.ts:1:10 no-preview-import experimental_createStream',
      'src/features/sync.ts:1:23 no-preview-import experimental_createStream',
      'src/features/sync.ts:1:50 no-preview-import experimental_retry',
      'src/features/upload.ts:1:10 no-preview-import experimental_createStream',
    ]);
    expect(new Set(findings.map((finding) => finding.file)).size).toBe(8);
  });
});

describe('lifecycle explain shows, per import, which names are preview and why', () => {
  it('json: the names of each import with their preview declarations and verdicts', () => {
    const run = runLifecycle(['explain', 'packages/app/src/meter.ts', '--format', 'json', '--cwd', fixture('preview-declarations-monorepo')]);
    expect(run.status).toBe(1);
    const body = JSON.parse(run.stdout) as { imports: { specifier: string; allowed: boolean; names: { name: string; preview: { declaration: string; file: string; feature: string | null; why: string }[]; allowed: boolean }[] }[] };
    expect(body.imports).toHaveLength(1);
    expect(body.imports[0]!.allowed).toBe(true); // the index file itself is stable
    expect(body.imports[0]!.names.map((name) => ({ name: name.name, allowed: name.allowed, preview: name.preview.map((end) => `${end.declaration} ${end.file} ${end.feature} (${end.why})`) }))).toEqual([
      { name: 'Meter', allowed: false, preview: ['MeterProvider packages/sdk/src/metrics.ts metrics (tagged @experimental (preview.tags: @experimental → metrics))'] },
      { name: 'metrics.MeterProvider', allowed: false, preview: ['MeterProvider packages/sdk/src/metrics.ts metrics (tagged @experimental (preview.tags: @experimental → metrics))'] },
      { name: 'metrics.METRICS_VERSION', allowed: true, preview: [] },
    ]);
  });

  it('text: one line per followed name', () => {
    const run = runLifecycle(['explain', 'packages/app/src/dashboard.ts', '--cwd', fixture('preview-declarations-monorepo')]);
    expect(run.stdout).toContain('          name 1:36 renderChart: preview "renderChart" of "charts" (tagged @preview charts)\n            FORBIDDEN: stable code imports preview declaration "renderChart"');
  });
});

describe('lifecycle report lists every preview declaration of a feature', () => {
  it('json, text, markdown and html', () => {
    const cwd = fixture('preview-declarations-monorepo');
    const json = JSON.parse(runLifecycle(['report', '--format', 'json', '--cwd', cwd]).stdout) as { features: { id: string; declarations: { name: string; file: string; line: number; kind: string; reason: string }[] }[] };
    expect(Object.fromEntries(json.features.map((feature) => [feature.id, feature.declarations.map((entry) => `${entry.name} ${entry.kind} ${entry.file}:${entry.line} (${entry.reason})`)]))).toEqual({
      charts: ['renderChart function packages/sdk/src/charts.ts:5 (tagged @preview charts)'],
      metrics: ['MeterProvider class packages/sdk/src/metrics.ts:2 (tagged @experimental (preview.tags: @experimental → metrics))'],
      otlp: [
        'experimental_otlp_batch function packages/sdk/src/otlp/batch.ts:1 (name matches experimental_{feature} (preview.exportNames))',
        'experimental_otlp_createExporter function packages/sdk/src/otlp/exporter.ts:4 (name matches experimental_{feature} (preview.exportNames))',
      ],
    });
    expect(runLifecycle(['report', '--cwd', cwd]).stdout).toContain('  declared   2 preview declarations\n             experimental_otlp_batch (function) packages/sdk/src/otlp/batch.ts:1:17: name matches experimental_{feature} (preview.exportNames)\n');
    expect(runLifecycle(['report', '--format', 'markdown', '--cwd', cwd]).stdout).toContain('- Declarations: 1 preview declaration\n  - `renderChart` (function), `packages/sdk/src/charts.ts:5:17`: tagged @preview charts\n');
    expect(runLifecycle(['report', '--format', 'html', '--cwd', cwd]).stdout).toContain('<code>MeterProvider</code> (class), <code>packages/sdk/src/metrics.ts:2:14</code>: tagged @experimental (preview.tags: @experimental → metrics)');
  });
});
