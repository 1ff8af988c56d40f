import { describe, expect, it } from 'vitest';
import { includedExplicitly, vendoredByContent, vendoredByPath } from '../../src/workspace/vendored.js';

describe('vendored and minified files', () => {
  it('are recognised by path: .yarn/ and .pnp.*', () => {
    expect(vendoredByPath('.yarn/releases/yarn-4.1.0.cjs')).toEqual({ reason: 'under .yarn/ (Yarn releases, plugins and cache)', part: '.yarn' });
    expect(vendoredByPath('packages/app/.yarn/plugins/x.cjs')?.part).toBe('packages/app/.yarn');
    expect(vendoredByPath('.pnp.cjs')?.part).toBe('.pnp.cjs');
    expect(vendoredByPath('src/yarn/index.ts')).toBeUndefined();
    expect(vendoredByPath('src/pnp.ts')).toBeUndefined();
  });

  it('are recognised by content: a line over 10,000 characters, or 1 MB+ under vendor/ without prettier-ignore', () => {
    const longLine = `var a=${'1+'.repeat(5001)}1;\n`;
    expect(vendoredByContent('public/app.min.js', longLine)?.reason).toBe('minified (a line over 10000 characters)');
    expect(vendoredByContent('src/a.ts', `${'x'.repeat(10_000)}\nshort\n`)).toBeUndefined();
    const big = 'export const x = 1;\n'.repeat(60_000); // 1.2 MB of short lines
    expect(vendoredByContent('lib/vendor/big.js', big)).toEqual({ reason: 'a file of 1 MB or more under vendor/', part: 'lib/vendor' });
    expect(vendoredByContent('lib/vendor/big.js', `// prettier-ignore\n${big}`)).toBeUndefined();
    expect(vendoredByContent('lib/big.js', big)).toBeUndefined();
    expect(vendoredByContent('vendor/small.js', 'export const x = 1;\n')).toBeUndefined();
  });

  it('are analysed when a files.include glob names their folder or the file itself', () => {
    const yarn = vendoredByPath('.yarn/releases/yarn.cjs')!;
    expect(includedExplicitly('.yarn/releases/yarn.cjs', yarn, ['.yarn/**'])).toBe(true);
    expect(includedExplicitly('.yarn/releases/yarn.cjs', yarn, ['.yarn/releases/*.cjs'])).toBe(true);
    expect(includedExplicitly('.yarn/releases/yarn.cjs', yarn, ['**'])).toBe(false);
    expect(includedExplicitly('.yarn/releases/yarn.cjs', yarn, undefined)).toBe(false);
    const minified = { reason: 'minified', part: 'public/app.min.js' };
    expect(includedExplicitly('public/app.min.js', minified, ['public/app.min.js'])).toBe(true);
    expect(includedExplicitly('public/app.min.js', minified, ['public/**'])).toBe(false);
    expect(includedExplicitly('public/app.min.js', minified, ['**/*.min.js'])).toBe(false);
  });
});
