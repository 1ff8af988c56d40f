import { describe, expect, it } from 'vitest';
import { configFileFacts, configFormatOf } from '../../src/config-files/index.js';
import type { ConfigFileFacts } from '../../src/facts/config-file.js';

/** `path@line:column [comments]` per key, with each section's comments after a `|`. */
function summary(facts: ConfigFileFacts): string[] {
  expect(facts.problem).toBeUndefined();
  return facts.keys.map((key) => {
    const own = key.comments.map((comment) => `${comment.placement}:${comment.text.trim()}`).join(',');
    const sections = key.sections.map((section) => `${section.path.join('.')}{${section.comments.map((comment) => comment.text.trim()).join(',')}}`).join(' ');
    return `${key.name ?? key.path.join('.')}@${key.line}:${key.column} [${own}]${sections ? ` | ${sections}` : ''}`;
  });
}

describe('config file formats', () => {
  it('knows formats by file name', () => {
    expect(['a.yaml', 'a.yml', 'a.json', 'a.jsonc', 'a.ini', 'neutron.conf', 'setup.cfg', 'a.toml', '.env', '.env.local', 'agent.env', 'a.xml'].map(configFormatOf)).toEqual([
      'yaml', 'yaml', 'json', 'jsonc', 'ini', 'ini', 'ini', 'toml', 'env', 'env', 'env', undefined,
    ]);
  });

  it('YAML: keys with positions, comments on and above keys and sections; block scalars hold no comments', () => {
    const text = [
      '# file header',
      '',
      '# preview: firewall',
      'fwaas:   # section note',
      '  enabled: false # preview',
      '  banner: |',
      '    # not a comment',
      '  # above rules',
      '  rules: [a, b]',
      '"quoted.key": 1',
      '---',
      'second: {nested: 1}',
    ].join('\n');
    expect(summary(configFileFacts('etc/a.yaml', text))).toEqual([
      'fwaas.enabled@5:3 [inline:preview] | fwaas{section note,preview: firewall}',
      'fwaas.banner@6:3 [] | fwaas{section note,preview: firewall}',
      'fwaas.rules@9:3 [above:above rules] | fwaas{section note,preview: firewall}',
      'quoted.key@10:1 []',
      'second.nested@12:10 [] | second{}',
    ]);
  });

  it('JSON and JSONC: comments, "$comment" members, trailing commas only in .jsonc', () => {
    const text = ['{', '  // preview', '  "fwaas": {', '    "$comment": "Preview feature",', '    "enabled": false, /* inline */', '    "list": [1, 2]', '  },', '}'].join('\n');
    expect(summary(configFileFacts('etc/a.jsonc', text))).toEqual([
      'fwaas.enabled@5:5 [inline:inline] | fwaas{preview,Preview feature}',
      'fwaas.list@6:5 [] | fwaas{preview,Preview feature}',
    ]);
    const strict = configFileFacts('etc/a.json', text);
    expect(strict.problem).toMatchObject({ line: 8, column: 1 });
    expect(strict.problem?.message).toMatch(/^invalid JSON: /);
  });

  it('INI (oslo.config): DEFAULT keys are top-level, comments only at line start, continuation lines', () => {
    const text = [
      '[DEFAULT]',
      'bind_host = 0.0.0.0',
      '',
      '; preview: firewall',
      '[fwaas] # section',
      'enabled = false ; preview is part of the value',
      'driver: iptables',
      '    more value',
      '  # indented comment',
      'policy = deny',
    ].join('\n');
    expect(summary(configFileFacts('etc/a.ini', text))).toEqual([
      'bind_host@2:1 [] | DEFAULT{}',
      'fwaas.enabled@6:1 [] | fwaas{section,preview: firewall}',
      'fwaas.driver@7:1 [] | fwaas{section,preview: firewall}',
      'fwaas.policy@10:1 [above:indented comment] | fwaas{section,preview: firewall}',
    ]);
    expect(configFileFacts('etc/b.ini', '[a]\nno delimiter here\n').problem).toEqual({
      line: 2,
      column: 1,
      message: 'invalid INI: expected "key = value", "[section]" or a comment, found: no delimiter here',
    });
    expect(configFileFacts('etc/c.ini', '[a\n').problem).toMatchObject({ line: 1, column: 1 });
  });

  it('TOML: tables are sections, dotted keys and inline tables, array tables are one setting', () => {
    const text = [
      'title = "x"',
      '# preview',
      '[fwaas]',
      'enabled = false # on',
      'driver.name = "iptables"',
      'limits = { rules = 10 }',
      '[[fwaas.rules]]',
      'name = "ssh"',
      '[[fwaas.rules]]',
      'name = "http"',
    ].join('\n');
    expect(summary(configFileFacts('etc/a.toml', text))).toEqual([
      'title@1:1 []',
      'fwaas.enabled@4:1 [inline:on] | fwaas{preview}',
      'fwaas.driver.name@5:1 [] | fwaas{preview}',
      'fwaas.limits.rules@6:12 [] | fwaas.limits{} fwaas{preview}',
      'fwaas.rules@7:1 []',
    ]);
    expect(configFileFacts('etc/b.toml', 'a = 1\nb = = 2\n').problem).toMatchObject({ line: 2, column: 5 });
  });

  it('.env: names split into lower-case words, inline comments after values and quotes, multi-line quotes', () => {
    const text = ['# preview', 'FWAAS_ENABLED=false', 'export VPNAAS_IPSEC_DRIVER="strong # swan" # preview', "CERT='line one", "line two'", 'URL=http://x/#anchor', 'NAME=a #note'].join('\n');
    const facts = configFileFacts('etc/agent.env', text);
    expect(facts.keys.map((key) => key.path.join('.'))).toEqual(['fwaas.enabled', 'vpnaas.ipsec.driver', 'cert', 'url', 'name']);
    expect(summary(facts)).toEqual([
      'FWAAS_ENABLED@2:1 [above:preview]',
      'VPNAAS_IPSEC_DRIVER@3:8 [inline:preview]',
      'CERT@4:1 []',
      'URL@6:1 []',
      'NAME@7:1 [inline:note]',
    ]);
    expect(configFileFacts('etc/b.env', 'OK=1\nnot an assignment\n').problem).toMatchObject({ line: 2, column: 1 });
    expect(configFileFacts('etc/c.env', 'A="never closed\n').problem).toMatchObject({ line: 1, column: 3 });
  });

  it('YAML syntax errors and unknown formats are one problem with a position', () => {
    expect(configFileFacts('etc/a.yaml', 'a: 1\nb: [unclosed\n').problem).toMatchObject({ line: 3 });
    expect(configFileFacts('etc/a.xml', '<x/>').problem).toMatchObject({ line: 1, column: 1, message: expect.stringContaining('unknown config format') });
  });
});
