import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { applyPlan, JOURNAL_FILE, nodeTransitionFs, type TransitionFs } from '../../../src/preview/transitions/journal.js';
import type { TransitionPlan } from '../../../src/preview/transitions/plan.js';
import { tempProject } from '../../helpers/temp-project.js';
import { snapshot } from './tree.js';

const FILES = {
  'a/one.ts': 'one\n',
  'a/two.ts': 'two\n',
  'b/keep.ts': 'keep\n',
  'doomed.bin': Buffer.from([0, 1, 2, 255]),
};

function plan(): TransitionPlan {
  return {
    command: 'lifecycle test',
    operations: [
      { kind: 'move', from: 'a/one.ts', to: 'c/one.ts' },
      { kind: 'move', from: 'a/two.ts', to: 'c/two.ts' },
      { kind: 'write', path: 'c/one.ts', content: 'one, edited\n' },
      { kind: 'write', path: 'b/keep.ts', content: 'keep, edited\n' },
      { kind: 'write', path: 'b/new.ts', content: 'new\n' },
      { kind: 'delete', path: 'doomed.bin' },
    ],
    git: false,
    manualSteps: [],
    notes: [],
  };
}

/** The real file system, except that the call numbered `failAt` (0-based) throws like a full disk. */
function failingFs(failAt: number): TransitionFs {
  let calls = 0;
  const guard = <A extends unknown[]>(call: (...args: A) => void) => (...args: A) => {
    if (calls++ === failAt) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    call(...args);
  };
  return { write: guard(nodeTransitionFs.write), move: guard(nodeTransitionFs.move), remove: guard(nodeTransitionFs.remove) };
}

describe('applyPlan', () => {
  it('applies every operation and leaves no journal', () => {
    const root = tempProject(FILES);
    applyPlan(root, plan());
    expect(snapshot(root)).toEqual({ 'b/keep.ts': 'keep, edited\n', 'b/new.ts': 'new\n', 'c/one.ts': 'one, edited\n', 'c/two.ts': 'two\n' });
    expect(existsSync(join(root, 'a'))).toBe(false); // the folder the moves emptied is gone
  });

  it.each([0, 1, 2, 3, 4, 5])('rolls everything back when operation %i of 6 fails, and says so', (failAt) => {
    const root = tempProject(FILES);
    const before = snapshot(root);
    const binary = snapshot(root)['doomed.bin'];
    let error: unknown;
    try {
      applyPlan(root, plan(), { fs: failingFs(failAt) });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`lifecycle test: step ${failAt + 1} of 6 failed (no space left on device); rolled back, the tree is as it was before`);
    expect(snapshot(root)).toEqual(before);
    expect(snapshot(root)['doomed.bin']).toBe(binary);
    expect(existsSync(join(root, JOURNAL_FILE))).toBe(false);
    expect(existsSync(join(root, 'c'))).toBe(false);
  });

  it('rolls back when the result does not hold up (verify throws)', () => {
    const root = tempProject(FILES);
    const before = snapshot(root);
    expect(() => applyPlan(root, plan(), { verify: () => { throw new Error('1 reference would not resolve after the move'); } })).toThrow(
      'lifecycle test: the result did not hold up (1 reference would not resolve after the move); rolled back, the tree is as it was before',
    );
    expect(snapshot(root)).toEqual(before);
  });

  it('refuses to start while another journal is there (a transition was interrupted)', () => {
    const root = tempProject({ ...FILES, [JOURNAL_FILE]: '{}\n' });
    const before = snapshot(root);
    expect(() => applyPlan(root, plan())).toThrow(/already exists; not overwriting it/);
    expect(snapshot(root)).toEqual(before);
  });
});
