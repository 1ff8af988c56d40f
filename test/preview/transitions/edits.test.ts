import { CHECKS } from '../../../src/checks/catalogue.js';
import { describe, expect, it } from 'vitest';
import { policyYaml } from '../../helpers/temp-project.js';
import { dropConfigLabels, dropDocLabels } from '../../../src/preview/transitions/drop-labels.js';
import { RegistryEditor } from '../../../src/preview/transitions/registry-edit.js';
import { relativeSpecifier } from '../../../src/preview/transitions/rewrite-imports.js';
import type { Policy } from '../../../src/policy/model.js';
import { buildPolicy } from '../../../src/policy/model.js';
import { parseYamlSource } from '../../../src/policy/yaml-source.js';
import type { PolicyFile } from '../../../src/policy/schema.js';

describe('relativeSpecifier keeps the convention each import was written in', () => {
  const from = 'src/core/app.ts';
  const to = 'src/core/app.ts';
  it.each([
    ['../preview/fwaas/rules.js', 'src/preview/fwaas/rules.ts', '../fwaas/rules.js'],
    ['../preview/fwaas/rules.ts', 'src/preview/fwaas/rules.ts', '../fwaas/rules.ts'],
    ['../preview/fwaas/rules', 'src/preview/fwaas/rules.ts', '../fwaas/rules'],
    ['../preview/fwaas/index.js', 'src/preview/fwaas/index.ts', '../fwaas/index.js'],
    ['../preview/fwaas/index', 'src/preview/fwaas/index.ts', '../fwaas/index'],
    ['../preview/fwaas', 'src/preview/fwaas/index.ts', '../fwaas'],
    ['../preview/fwaas/', 'src/preview/fwaas/index.ts', '../fwaas/'],
    ['../preview/fwaas/view.mjs', 'src/preview/fwaas/view.mts', '../fwaas/view.mjs'],
  ])('%s', (specifier, target, expected) => {
    expect(relativeSpecifier(specifier, from, target, to, target.replace('preview/', ''))).toBe(expected);
  });

  it('from a file that moved, to a neighbour that did not, and within the moved folder', () => {
    expect(relativeSpecifier('../../core/base.js', 'src/preview/fwaas/rules.ts', 'src/core/base.ts', 'src/fwaas/rules.ts', 'src/core/base.ts')).toBe('../core/base.js');
    expect(relativeSpecifier('./model.js', 'src/preview/fwaas/rules.ts', 'src/preview/fwaas/model.ts', 'src/fwaas/rules.ts', 'src/fwaas/model.ts')).toBe('./model.js');
    expect(relativeSpecifier('./x.js', 'src/preview/fwaas/rules.ts', 'src/preview/fwaas/y.ts', 'src/fwaas/rules.ts', 'src/fwaas/y.ts')).toBeUndefined();
  });
});

describe('RegistryEditor', () => {
  const text = `# top comment
version: 1
releases:
  current: "2026.10"
  train:
    - { name: 2026.1 }
    - { name: "2026.10" }   # ten
features:
  fwaas:   # the firewall
    status: preview   # still
    introduced: 2026.1
  flow: { status: preview }
`;
  it('replaces a value and adds a key, every other character kept; release names as the train writes them', () => {
    const editor = new RegistryEditor('lifecycle.yaml', text);
    editor.setFeatureField('fwaas', 'status', 'stable');
    editor.setFeatureField('fwaas', 'promoted', '2026.10');
    expect(editor.text).toBe(text.replace('status: preview   # still', 'status: stable   # still').replace('    introduced: 2026.1\n', '    introduced: 2026.1\n    promoted: "2026.10"\n'));
    expect((parseYamlSource('lifecycle.yaml', editor.text).value as { features: { fwaas: { promoted: string } } }).features.fwaas.promoted).toBe('2026.10');
  });

  it('refuses a feature written in flow style, and one the file does not hold', () => {
    const editor = new RegistryEditor('lifecycle.yaml', text);
    expect(() => editor.setFeatureField('flow', 'status', 'stable')).toThrow('lifecycle.yaml: features.flow is written in flow style ({ … }); write it as a block mapping, or edit it by hand');
    expect(() => editor.setFeatureField('other', 'status', 'stable')).toThrow(/features\.other is not written in this file/);
    expect(editor.text).toBe(text);
  });

  it('removes one exception entry, and the key with the last one', () => {
    const policy = `version: 1
preview:
  code: src/preview/{feature}/**
  exceptions:
    - path: src/db/**
      reason: "migrations"
    - { path: src/cli.ts, reason: "loader", features: [fwaas] }
features: {}
`;
    const editor = new RegistryEditor('lifecycle.yaml', policy);
    editor.removeException(1);
    expect(editor.text).toBe(policy.replace('    - { path: src/cli.ts, reason: "loader", features: [fwaas] }\n', ''));
    editor.removeException(0);
    expect(editor.text).toBe('version: 1\npreview:\n  code: src/preview/{feature}/**\nfeatures: {}\n');
  });
});

function stablePolicy(): Policy {
  const source = parseYamlSource('/p/lifecycle.yaml', `${policyYaml('    config: [fwaas.*]\n    docs: [docs/fwaas.md]\n').replace('status: preview', 'status: stable')}config:\n  files: [etc/*]\n`);
  return buildPolicy(source.value as PolicyFile, { checks: CHECKS, root: '/p', file: '/p/lifecycle.yaml', sources: [source] });
}

describe('dropping stale labels', () => {
  it('config: a comment that is only the label goes (its line too), a "preview:" prefix goes, other comments stay', () => {
    const ini = '; service\n; preview\n[fwaas]\nenabled = false\n; preview: the firewall driver\ndriver = iptables\n';
    expect(dropConfigLabels('etc/app.ini', ini, stablePolicy(), 'fwaas')).toEqual({ text: '; service\n[fwaas]\nenabled = false\n; the firewall driver\ndriver = iptables\n', manual: [] });
    const yaml = 'fwaas:\n  enabled: false # preview\n  driver: iptables # [preview] the driver\n';
    expect(dropConfigLabels('etc/app.yaml', yaml, stablePolicy(), 'fwaas')).toEqual({ text: 'fwaas:\n  enabled: false\n  driver: iptables # the driver\n', manual: [] });
  });

  it('config: a comment that says more around the label is a manual step', () => {
    const yaml = 'fwaas:\n  # keep this in preview mode for now\n  enabled: false\n';
    const fixed = dropConfigLabels('etc/app.yaml', yaml, stablePolicy(), 'fwaas');
    expect(fixed.text).toBe(yaml);
    expect(fixed.manual).toEqual([expect.stringMatching(/^etc\/app\.yaml:2:3: remove the "preview" label by hand/)]);
  });

  it('docs: the label goes from the title, a blockquote admonition and a badge that say it go', () => {
    const doc = '# Firewall (preview)\n\n![preview](https://img.example/preview.svg) ![build](https://img.example/ok.svg)\n\n> **Preview.** It may change.\n\nText.\n';
    const fixed = dropDocLabels('docs/fwaas.md', doc, stablePolicy(), 'fwaas');
    expect(fixed).toEqual({ text: '# Firewall\n\n ![build](https://img.example/ok.svg)\n\nText.\n', manual: [] });
  });
});
