import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/engine/write-atomic.js';
import { REPO_ROOT, runLifecycle } from '../helpers/cli.js';
import { policyYaml, tempProject } from '../helpers/temp-project.js';

const isRoot = process.getuid?.() === 0;

describe('writeFileAtomic: what is at the target survives', () => {
  it('writes through a symbolic link to its real path and keeps the link', () => {
    const root = tempProject({ 'real/report.txt': 'old\n' });
    symlinkSync('real/report.txt', join(root, 'link.txt'));
    writeFileAtomic(join(root, 'link.txt'), 'new\n', '--output');
    expect(lstatSync(join(root, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(root, 'link.txt'))).toBe('real/report.txt');
    expect(readFileSync(join(root, 'real/report.txt'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(root, 'real'))).toEqual(['report.txt']);
  });

  it('creates the file a dangling link points at, through a chain of links', () => {
    const root = tempProject({ 'out/.keep': '' });
    symlinkSync('out/final.json', join(root, 'b.json'));
    symlinkSync('b.json', join(root, 'a.json'));
    writeFileAtomic(join(root, 'a.json'), '{}\n', '--output');
    expect(readFileSync(join(root, 'out/final.json'), 'utf8')).toBe('{}\n');
    expect(lstatSync(join(root, 'a.json')).isSymbolicLink() && lstatSync(join(root, 'b.json')).isSymbolicLink()).toBe(true);
  });

  it('refuses a symbolic link loop with a clear error', () => {
    const root = tempProject({});
    symlinkSync('y', join(root, 'x'));
    symlinkSync('x', join(root, 'y'));
    expect(() => writeFileAtomic(join(root, 'x'), 'a', '--output')).toThrow(/cannot write --output .*x \(more than 40 symbolic links\)/);
  });

  it('keeps the mode of the file it replaces', () => {
    const root = tempProject({ 'baseline.json': '{}' });
    execFileSync('chmod', ['640', join(root, 'baseline.json')]);
    writeFileAtomic(join(root, 'baseline.json'), '[]', 'baseline');
    expect(statSync(join(root, 'baseline.json')).mode & 0o777).toBe(0o640);
  });

  it('writes into a FIFO without replacing it', async () => {
    const root = tempProject({});
    const fifo = join(root, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = new Promise((done) => reader.on('close', done));
    writeFileAtomic(fifo, 'through the pipe\n', '--output');
    await closed;
    expect(received).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(root)).toEqual(['pipe']);
  });

  it.runIf(isRoot)('writes into a character device without replacing the device node', () => {
    const root = tempProject({});
    const device = join(root, 'null');
    execFileSync('mknod', [device, 'c', '1', '3']);
    writeFileAtomic(device, 'discarded\n', '--output');
    expect(lstatSync(device).isCharacterDevice()).toBe(true);
    expect(readdirSync(root)).toEqual(['null']);
  });

  it('reports ENOSPC from a full device as an input error', () => {
    // As root, a private node of the full device: a writer that replaces its target must not replace /dev/full itself.
    const full = isRoot ? join(tempProject({}), 'full') : '/dev/full';
    if (isRoot) execFileSync('mknod', [full, 'c', '1', '7']);
    expect(() => writeFileAtomic(full, 'x', '--output')).toThrow(`cannot write --output ${full} (ENOSPC)`);
    expect(lstatSync(full).isCharacterDevice()).toBe(true);
  });

  it('refuses a directory and a socket, naming what is there', () => {
    const root = tempProject({ 'dir/.keep': '' });
    expect(() => writeFileAtomic(join(root, 'dir'), 'x', '--output')).toThrow(/it is a directory; only regular files, FIFOs and character devices are written/);
    const socket = join(root, 'sock');
    spawnSync('python3', ['-c', `import socket; s=socket.socket(socket.AF_UNIX); s.bind(${JSON.stringify(socket)})`]);
    expect(lstatSync(socket).isSocket()).toBe(true);
    expect(() => writeFileAtomic(socket, 'x', '--output')).toThrow(/it is a socket/);
    expect(lstatSync(socket).isSocket()).toBe(true);
  });

  // /dev/fd/1 rather than /dev/stdout: a writer that replaces its target (the bug this guards against)
  // cannot create a temporary file under /proc, so running this test against it does no harm as root.
  it('writes to /dev/fd/1 (like /dev/stdout) as to the standard output, appending to a file it is redirected to', () => {
    const root = tempProject({ 'out.txt': 'kept\n', 'lifecycle.yaml': policyYaml(), 'src/preview/fwaas/index.ts': 'export const a = 1;\n' });
    const out = join(root, 'out.txt');
    const cli = join(REPO_ROOT, 'dist/src/cli/main.js');
    spawnSync('sh', ['-c', `"${process.execPath}" "${cli}" check --format json -o /dev/fd/1 --cwd "${root}" >> "${out}"`]);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('kept\n{')).toBe(true);
    expect(JSON.parse(text.slice('kept\n'.length))).toMatchObject({ version: 1 });
    expect(lstatSync(out).isFile()).toBe(true);
  });

  it('exclusive: never replaces a file created while the new one was being prepared', () => {
    const root = tempProject({});
    const target = join(root, 'lifecycle.yaml');
    expect(() =>
      writeFileAtomic(target, 'version: 1\n# starter\n', 'the starter policy', {
        exclusive: true,
        beforePublish: () => writeFileSync(target, 'version: 1\n# written meanwhile\n'),
      }),
    ).toThrow(/lifecycle\.yaml \(it already exists; not overwriting it\)/);
    expect(readFileSync(target, 'utf8')).toBe('version: 1\n# written meanwhile\n');
    expect(readdirSync(root)).toEqual(['lifecycle.yaml']);
  });
});

describe('a writer killed mid-write', () => {
  const project = () =>
    tempProject({
      'lifecycle.yaml': policyYaml(),
      'src/preview/fwaas/index.ts': 'export const a = 1;\n',
      'src/core/a.ts': "import { a } from '../preview/fwaas/index';\nexport const b = a;\n",
      'reports/lifecycle.sarif': 'previous report\n',
    });

  it('leaves the previous file whole, and the next run removes the stray temporary file', () => {
    const root = project();
    const killed = runLifecycle(['check', '--format', 'sarif', '-o', 'reports/lifecycle.sarif', '--cwd', root], { env: { LIFECYCLE_TEST_KILL_AFTER_WRITES: '1' } });
    expect(killed.status).toBe(-1); // killed by a signal
    expect(readFileSync(join(root, 'reports/lifecycle.sarif'), 'utf8')).toBe('previous report\n');
    const stray = readdirSync(join(root, 'reports')).filter((name) => name.endsWith('.tmp'));
    expect(stray).toHaveLength(1);
    expect(readFileSync(join(root, 'reports', stray[0]!), 'utf8')).toContain('"version": "2.1.0"');
    const next = runLifecycle(['check', '--format', 'sarif', '-o', 'reports/lifecycle.sarif', '--cwd', root]);
    expect(next.status).toBe(1);
    expect(readdirSync(join(root, 'reports'))).toEqual(['lifecycle.sarif']);
    expect(JSON.parse(readFileSync(join(root, 'reports/lifecycle.sarif'), 'utf8'))).toMatchObject({ version: '2.1.0' });
  });

  it('a temporary file of a writer still running is left alone', () => {
    const root = project();
    const live = join(root, 'reports', `.lifecycle.sarif.${process.pid}.0123abcd.tmp`);
    writeFileSync(live, 'someone else is writing');
    expect(runLifecycle(['check', '-o', 'reports/lifecycle.sarif', '--cwd', root]).status).toBe(1);
    expect(readFileSync(live, 'utf8')).toBe('someone else is writing');
  });

  it('--update-baseline and report -o write through a symlinked target', () => {
    const root = project();
    mkdirSync(join(root, 'shared'));
    writeFileSync(join(root, 'shared/baseline.json'), '{"version":1,"entries":[]}\n');
    symlinkSync('shared/baseline.json', join(root, 'baseline.json'));
    symlinkSync('shared/review.md', join(root, 'review.md'));
    expect(runLifecycle(['check', '--baseline', 'baseline.json', '--update-baseline', '--cwd', root]).status).toBe(0);
    expect(lstatSync(join(root, 'baseline.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'shared/baseline.json'), 'utf8')).toContain('"rule": "no-preview-import"');
    expect(runLifecycle(['report', '--format', 'markdown', '-o', 'review.md', '--cwd', root]).status).toBe(0);
    expect(lstatSync(join(root, 'review.md')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(root, 'shared/review.md'), 'utf8')).toContain('fwaas');
  });
});
