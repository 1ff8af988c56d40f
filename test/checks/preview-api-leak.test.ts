import { describe, expect, it } from 'vitest';
import { previewApiLeak } from '../../src/checks/preview-api-leak.js';
import type { ApiDeclaration, ApiSurfaceFacts } from '../../src/facts/api-surface.js';
import { factsOf, policyWith } from '../helpers/facts.js';

const policy = policyWith('', (yaml) => yaml.replace('  tests: test/preview/{feature}/**\n', "  tests: test/preview/{feature}/**\n  exportNames: ['experimental_{feature}']\n"));

let line = 0;
/** A declaration in a stable file (or as `over` says), one per line of src/api.ts. */
function declaration(name: string, references: ApiDeclaration['references'] = [], over: Partial<ApiDeclaration> = {}): ApiDeclaration {
  line += 1;
  return { name, file: 'src/api.ts', line, column: 14, tags: [], fileClass: { zone: 'stable' }, references, unresolved: [], ...over };
}
const previewTag = (feature: string) => ({ tags: [{ tag: '@preview', text: feature }] });

function run(surface: ApiSurfaceFacts) {
  return previewApiLeak.run({ ...factsOf(policy, []), apiSurface: surface });
}

describe('preview-api-leak', () => {
  it('reports the shortest path from an exported declaration to each preview declaration it exposes', () => {
    line = 0;
    const declarations = [
      declaration('createClient', [{ to: 1, via: '' }, { to: 2, via: '' }]),
      declaration('ClientOptions', [{ to: 2, via: '.transport' }]),
      declaration('ExperimentalTransport', [{ to: 3, via: '.next' }], previewTag('fwaas')),
      declaration('DeeperPreview', [], previewTag('fwaas')),
    ];
    const findings = run({ declarations, exports: [{ entryPoint: 'src/index.ts', name: 'createClient', declaration: 0 }], problems: [] });
    // Direct reference wins over the longer path; the walk stops at the preview declaration.
    expect(findings).toEqual([
      {
        rule: 'preview-api-leak',
        severity: 'error',
        file: 'src/api.ts',
        line: 1,
        column: 14,
        feature: 'fwaas',
        message: 'exposes a preview declaration in its public API: createClient → ExperimentalTransport (preview feature "fwaas"; tagged @preview fwaas, src/api.ts:3:14)',
      },
    ]);
  });

  it('names each step of a longer path, member by member', () => {
    line = 0;
    const declarations = [
      declaration('createClient', [{ to: 1, via: '' }]),
      declaration('ClientOptions', [{ to: 2, via: '.transport' }]),
      declaration('ExperimentalTransport', [], { fileClass: { zone: 'preview', feature: 'fwaas' } }),
    ];
    const [finding] = run({ declarations, exports: [{ entryPoint: 'src/index.ts', name: 'createClient', declaration: 0 }], problems: [] });
    expect(finding?.message).toBe('exposes a preview declaration in its public API: createClient → ClientOptions.transport → ExperimentalTransport (preview feature "fwaas"; declared in preview code, src/api.ts:3:14)');
  });

  it('lets preview declarations (by tag, by name, by the name an entry point gives them) use preview types', () => {
    line = 0;
    const declarations = [
      declaration('tagged', [{ to: 3, via: '' }], previewTag('fwaas')),
      declaration('experimental_fwaas_create', [{ to: 3, via: '' }]),
      declaration('renamed', [{ to: 3, via: '' }]),
      declaration('Target', [], previewTag('fwaas')),
    ];
    const exports = [
      { entryPoint: 'src/index.ts', name: 'tagged', declaration: 0 },
      { entryPoint: 'src/index.ts', name: 'experimental_fwaas_create', declaration: 1 },
      { entryPoint: 'src/index.ts', name: 'experimental_fwaas_renamed', declaration: 2 },
    ];
    expect(run({ declarations, exports, problems: [] })).toEqual([]);
  });

  it('reports each exported declaration once, even when two entry points export it', () => {
    line = 0;
    const declarations = [declaration('make', [{ to: 1, via: '' }]), declaration('Target', [], previewTag('fwaas'))];
    const exports = [
      { entryPoint: 'src/index.ts', name: 'make', declaration: 0 },
      { entryPoint: 'src/other.ts', name: 'make', declaration: 0 },
    ];
    expect(run({ declarations, exports, problems: [] })).toHaveLength(1);
  });

  it('follows reference cycles without looping, and reports nothing for a clean shape', () => {
    line = 0;
    const declarations = [declaration('A', [{ to: 1, via: '.b' }]), declaration('B', [{ to: 0, via: '.a' }])];
    expect(run({ declarations, exports: [{ entryPoint: 'src/index.ts', name: 'A', declaration: 0 }], problems: [] })).toEqual([]);
  });

  it('fails closed: unresolved types on the way and problems of the extraction are findings', () => {
    line = 0;
    const declarations = [
      declaration('connect', [{ to: 1, via: '' }]),
      declaration('Options', [], { unresolved: [{ file: 'src/api.ts', line: 9, column: 3, via: '.connection' }] }),
    ];
    const findings = run({
      declarations,
      exports: [{ entryPoint: 'src/index.ts', name: 'connect', declaration: 0 }],
      problems: [{ file: 'package.json', line: 1, column: 1, message: 'cannot check the public API of x "./*": an exports pattern is not expanded' }],
    });
    expect(findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.message}`)).toEqual([
      'package.json:1:1 cannot check the public API of x "./*": an exports pattern is not expanded',
      'src/api.ts:1:14 cannot check connect → Options.connection: its type does not resolve (src/api.ts:9:3: a missing module or name), so a preview type behind it would go unnoticed',
    ]);
  });

  it('names an unregistered or unknown feature as such', () => {
    line = 0;
    const declarations = [declaration('make', [{ to: 1, via: '' }, { to: 2, via: '' }]), declaration('A', [], previewTag('nope')), declaration('B', [], previewTag(''))];
    const messages = run({ declarations, exports: [{ entryPoint: 'src/index.ts', name: 'make', declaration: 0 }], problems: [] }).map((finding) => finding.message);
    expect(messages).toEqual([
      'exposes a preview declaration in its public API: make → A (preview feature "nope", not in the registry; tagged @preview nope, src/api.ts:2:14)',
      'exposes a preview declaration in its public API: make → B (a preview declaration of no known feature; @preview tag without a feature id, src/api.ts:3:14)',
    ]);
  });

  it('reports nothing without API facts (the check is off, or no type information)', () => {
    expect(previewApiLeak.run(factsOf(policy, []))).toEqual([]);
  });
});
