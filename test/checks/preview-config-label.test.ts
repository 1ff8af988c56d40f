import { describe, expect, it } from 'vitest';
import { compileConfigPattern } from '../../src/policy/config-key-owners.js';
import { previewConfigLabel } from '../../src/checks/preview-config-label.js';
import { configFileFacts } from '../../src/config-files/index.js';
import { factsOf, policyWith } from '../helpers/facts.js';
import type { ConfigFileFacts } from '../../src/facts/config-file.js';

const policy = policyWith(`    config: [fwaas.*]
  vpnaas:
    status: preview
    introduced: 2026.2
    tracking: https://tracker.example/vpnaas
    owners: [carol@example.org, dave@example.org]
    config: [vpnaas]
  dvr:
    status: stable
    config: ["dvr.**"]
`);

const run = (...files: ConfigFileFacts[]): string[] =>
  previewConfigLabel.run({ ...factsOf(policy, []), config: files }).map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.feature ?? '-'} ${finding.message}`);

describe('preview-config-label', () => {
  it('is quiet when every preview key is labelled by a comment on or above it or its section, or by its path', () => {
    const yaml = configFileFacts(
      'etc/a.yaml',
      ['# Preview: firewall', 'fwaas:', '  enabled: false', 'vpnaas:', '  enabled: false # preview', '  # [preview] driver', '  driver: x', '  preview_mode: true', 'dvr:', '  enabled: true'].join('\n'),
    );
    expect(run(yaml)).toEqual([]);
  });

  it('reports each unlabelled preview key at the key', () => {
    const ini = configFileFacts('etc/a.ini', ['[fwaas]', 'enabled = false', '', '[vpnaas]', '; preview', 'enabled = false', 'ipsec_driver = strongswan ; preview'].join('\n'));
    expect(run(ini)).toEqual([
      'etc/a.ini:2:1 fwaas config key "fwaas.enabled" of preview feature "fwaas" is not labelled "preview": say "preview" in a comment on or directly above the key or its section, or in the key path',
      'etc/a.ini:7:1 vpnaas config key "vpnaas.ipsec_driver" of preview feature "vpnaas" is not labelled "preview": say "preview" in a comment on or directly above the key or its section, or in the key path',
    ]);
  });

  it('reports a stale label once per comment, at the comment, and a stale label in a key path at the key', () => {
    const toml = configFileFacts('etc/a.toml', ['# preview: distributed routing', '[dvr]', 'enabled = true', 'mode = "dvr" # preview', 'preview_snat = false'].join('\n'));
    expect(run(toml)).toEqual([
      'etc/a.toml:5:1 dvr config key "dvr.preview_snat" of stable feature "dvr" still says "preview" in its path: rename it (keep the old name as a deprecated alias if users set it)',
      'etc/a.toml:1:1 dvr stale "preview" label on dvr: "dvr" is no longer in preview; remove the label from this comment',
      'etc/a.toml:4:14 dvr stale "preview" label on dvr.mode: "dvr" is no longer in preview; remove the label from this comment',
    ]);
  });

  it('keeps a comment that labels preview and stable keys alike (it is still needed)', () => {
    const json = configFileFacts('etc/a.jsonc', '// preview\n{ "fwaas": { "enabled": false }, "dvr": { "enabled": true } }');
    const top = configFileFacts('etc/b.json', '{\n  "$comment": "preview settings",\n  "fwaas": { "enabled": false },\n  "dvr": { "on": true }\n}');
    expect(run(json, top)).toEqual([]);
  });

  it('matches .env names word by word, case-insensitively', () => {
    const env = configFileFacts('etc/agent.env', ['FWAAS_ENABLED=false # preview', 'VPNAAS_IPSEC_DRIVER=strongswan', 'DVR_ENABLED=true # preview', 'OTHER=1'].join('\n'));
    expect(run(env).map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['etc/agent.env:2:1 vpnaas', 'etc/agent.env:3:18 dvr']);
  });

  it('reports a file that does not parse once, at the parser position, and checks the other files', () => {
    const broken = configFileFacts('etc/broken.yaml', 'fwaas:\n  enabled: [false\n');
    const fine = configFileFacts('etc/fine.ini', '[fwaas]\nenabled = false\n');
    const findings = run(broken, fine);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatch(/^etc\/broken\.yaml:3:1 - .*; the keys of this config file were not checked$/);
    expect(findings[1]).toMatch(/^etc\/fine\.ini:2:1 fwaas /);
  });

  it('does nothing without config facts (the ESLint extractor)', () => {
    expect(previewConfigLabel.run(factsOf(policy, []))).toEqual([]);
  });
});

describe('config key patterns', () => {
  const matches = (pattern: string, key: string, format: Parameters<typeof compileConfigPattern>[1] = 'yaml') => compileConfigPattern(pattern, format)(key.split('.'));

  it('* is one segment (or part of one), ** any number of segments', () => {
    expect(matches('fwaas.*', 'fwaas.enabled')).toBe(true);
    expect(matches('fwaas.*', 'fwaas.driver.name')).toBe(false);
    expect(matches('fwaas.**', 'fwaas.driver.name')).toBe(true);
    expect(matches('fwaas.**', 'fwaas')).toBe(true);
    expect(matches('**.ipsec_*', 'agent.vpn.ipsec_driver')).toBe(true);
    expect(matches('fwaas.*', 'FWAAS.enabled')).toBe(false);
    expect(matches('fwaas.*', 'FWAAS.enabled', 'ini')).toBe(true);
  });

  it('in .env files _ separates words and * matches one or more of them', () => {
    expect(matches('vpnaas.*', 'vpnaas.ipsec.driver', 'env')).toBe(true);
    expect(matches('vpnaas.ipsec_driver', 'vpnaas.ipsec.driver', 'env')).toBe(true);
    expect(matches('vpnaas.*', 'vpnaas', 'env')).toBe(false);
  });
});
