import { describe, expect, it } from 'vitest';
import { previewCliLabel } from '../../src/checks/preview-cli-label.js';
import { factsOf, policyWith, preview, sourceFile, stable } from '../helpers/facts.js';
import type { LabelledText } from '../../src/facts/source-file.js';

const text = (kind: LabelledText['kind'], value: string, line: number): LabelledText => ({ kind, where: '.description()', text: value, line, column: 5 });

describe('preview-cli-label', () => {
  it('reports unlabelled command, option and argument descriptions in preview code only', () => {
    const previewFile = {
      ...sourceFile('src/preview/fwaas/cli.ts', preview('fwaas')),
      labelledTexts: [text('command-description', '[preview] ok', 1), text('option-description', 'port to bind', 2), text('route-path', '/v2/fw', 3), text('argument-description', 'rules file', 4)],
    };
    const stableFile = { ...sourceFile('src/cli.ts', stable), labelledTexts: [text('command-description', 'Manage', 1)] };
    expect(previewCliLabel.run(factsOf(policyWith(), [previewFile, stableFile]))).toEqual([
      {
        rule: 'preview-cli-label',
        severity: 'error',
        file: 'src/preview/fwaas/cli.ts',
        line: 2,
        column: 5,
        feature: 'fwaas',
        message: 'CLI help "port to bind" (.description()) in preview feature "fwaas" does not say "preview"',
      },
      {
        rule: 'preview-cli-label',
        severity: 'error',
        file: 'src/preview/fwaas/cli.ts',
        line: 4,
        column: 5,
        feature: 'fwaas',
        message: 'CLI help "rules file" (.description()) in preview feature "fwaas" does not say "preview"',
      },
    ]);
  });

  it('uses the policy label', () => {
    const file = { ...sourceFile('src/preview/fwaas/cli.ts', preview('fwaas')), labelledTexts: [text('command-description', '[preview] x', 1)] };
    const labs = policyWith('', (yaml) => yaml.replace('preview:\n', 'preview:\n  label: labs\n'));
    expect(previewCliLabel.run(factsOf(labs, [file])).map((finding) => finding.message)).toEqual([
      'CLI help "[preview] x" (.description()) in preview feature "fwaas" does not say "labs"',
    ]);
  });
});
