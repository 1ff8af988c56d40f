import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverFiles } from '../../src/workspace/discover.js';
import { tempProject } from '../helpers/temp-project.js';

describe('discoverFiles', () => {
  it('honours root and nested .gitignore files, negations, and always skips node_modules and .git', () => {
    const root = tempProject({
      '.gitignore': 'generated/\n*.log\n',
      'src/a.ts': '',
      'src/debug.log': '',
      'generated/b.ts': '',
      'node_modules/x/index.js': '',
      '.git/config': '',
      'pkg/.gitignore': '*.local.ts\n!keep.local.ts\n',
      'pkg/drop.local.ts': '',
      'pkg/keep.local.ts': '',
      'pkg/main.ts': '',
    });
    expect(discoverFiles(root).files).toEqual(['.gitignore', 'pkg/.gitignore', 'pkg/keep.local.ts', 'pkg/main.ts', 'src/a.ts']);
  });

  it('survives a symlink loop, visits each directory once and says what it skipped', () => {
    const root = tempProject({ 'src/a/file.ts': '' });
    symlinkSync('../a', join(root, 'src/a/loop'));
    symlinkSync('self', join(root, 'src/self'));
    const discovery = discoverFiles(root);
    expect(discovery.files).toEqual(['src/a/file.ts']);
    expect(discovery.notes.map((note) => note.path).sort()).toEqual(['src/a/loop', 'src/self']);
  });

  it('follows a directory symlink inside the root once, and never one that leaves the root', () => {
    const outside = tempProject({ 'secret.ts': '' });
    const root = tempProject({ 'real/x.ts': '' });
    mkdirSync(join(root, 'links'));
    symlinkSync('../real', join(root, 'links/alias'));
    symlinkSync(outside, join(root, 'links/outside'));
    expect(discoverFiles(root).files).toEqual(['links/alias/x.ts']);
  });
});
