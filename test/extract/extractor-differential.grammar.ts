/**
 * The source generator of extractor-differential.test.ts: small, random but reproducible files
 * (one seeded PRNG per case) built from a grammar of every import form, placed at the top level
 * and nested, among noise that must not count, plus CLI-help and route calls.
 *
 * Static text of the grammar's templates (`t\`…\``) uses two markers: `~` becomes any whitespace
 * (spaces, tabs, a block or line comment, line breaks in the case's line-ending style) and `_`
 * whitespace on the same line (where a line break would change the parse: `async_function`,
 * `)_=>`, `type_T`). Interpolated values are inserted as they are.
 */

import { Rng, caseSeed, EXTENSIONS, type KnownId, type Profile } from './extractor-differential.grammar-base.js';
import { StatementWriter } from './extractor-differential.grammar-statements.js';

export interface GeneratorOptions {
  avoid: ReadonlySet<KnownId>;
}

export interface GeneratedCase {
  index: number;
  file: string;
  text: string;
  profile: Profile;
}

export function generateCase(seed: number, index: number, options: GeneratorOptions): GeneratedCase {
  const rng = new Rng(caseSeed(seed, index));
  const ext = rng.pick(EXTENSIONS);
  const roll = rng.next();
  const profile: Profile = roll < 0.15 ? 'shallow' : roll < 0.45 && ext !== '.tsx' && ext !== '.jsx' ? 'scan' : 'full';
  const writer = new Writer(rng, ext, profile, options.avoid);
  return { index, file: `case-${index}${ext}`, text: writer.file(), profile };
}

class Writer extends StatementWriter {
  // ---- the file -----------------------------------------------------------------------------

  file(): string {
    const items: string[] = [];
    const prefix = this.rng.choose([
      [10, () => ''],
      [1, () => '\ufeff'],
      [1, () => `#!/usr/bin/env node${this.eol()}`],
      [1, () => `'use strict';${this.eol()}`],
      [1, () => `// lifecycle-disable-next-line no-preview-import${this.eol()}`],
    ]);
    const count = 2 + this.rng.int(7);
    for (let index = 0; index < count; index += 1) items.push(this.topLevelItem());
    let text = prefix;
    items.forEach((item, index) => {
      text += item;
      if (index < items.length - 1) text += this.rng.chance(0.15) ? this.eol() + this.eol() : this.eol();
    });
    return text + (this.rng.chance(0.8) ? this.eol() : '');
  }

  protected topLevelItem(): string {
    if (this.shallow) {
      return this.rng.choose<string>([
        [6, () => this.importDeclaration()],
        [3, () => this.exportFrom()],
        [this.ts ? 1 : 0, () => this.importEquals()],
        [this.ts ? 3 : 0, () => this.ambientModule()],
        [3, () => this.noiseStatement()],
        [3, () => this.labelledCallStatement()],
        [1, () => this.decoratedClassThenExport()],
        [1, () => this.t`export~const~${this.name()}~=~${this.labelledCall()};`],
      ]);
    }
    const scan = this.profile === 'scan';
    return this.rng.choose<string>([
      [6, () => this.importDeclaration()],
      [3, () => this.exportFrom()],
      [this.ts ? 2 : 0, () => this.importEquals()],
      [this.ts && !scan ? 1 : 0, () => this.ambientModule()],
      [scan ? 4 : 8, () => this.statement()],
      [4, () => this.noiseStatement()],
      [3, () => this.labelledCallStatement()],
      [scan ? 0 : 1, () => this.decoratedClassThenExport()],
      [scan ? 0 : 1, () => `${this.rng.pick(['async', 'declare', 'abstract', 'static', 'readonly', 'public', 'accessor'])}${this.eol()}${this.rng.chance(0.5) ? this.importDeclaration() : this.exportFrom()}`],
    ]);
  }

}
