import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { PREVIEW_FOLDER_NAMES } from '../../policy/preview-folders.js';
import { PREVIEW_FOLDER_NAMES_WHEN_CODE, PREVIEW_NAME_PREFIXES, PREVIEW_PACKAGE_PREFIXES, PREVIEW_PACKAGE_SUFFIXES } from '../../init/preview-words.js';
import type { CliIo } from '../io.js';
import { resolveCwd } from './shared.js';

export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a starter lifecycle.yaml from the preview packages, folders and names found in the project')
    .option('-C, --cwd <dir>', 'project directory (default: the current directory)')
    .option('--dry-run', 'print the policy instead of writing it')
    .addHelpText(
      'after',
      `
Reads the repository (honouring .gitignore; .yarn/ and vendored bundles left out) and registers
a preview feature for:
  - each workspace package named ${[...PREVIEW_PACKAGE_SUFFIXES.map((word) => `*-${word}`), ...PREVIEW_PACKAGE_PREFIXES.map((word) => `${word}-*`)].join(', ')};
  - each sub-folder holding code of a folder named ${PREVIEW_FOLDER_NAMES.join(', ')}
    (or ${PREVIEW_FOLDER_NAMES_WHEN_CODE.join(', ')}, when it holds code), never a generic one (utils, shared, types, …);
    files directly in such a folder join its one feature, or are a feature of their own;
  - each file named ${PREVIEW_NAME_PREFIXES.map((prefix) => `${prefix}*`).join(', ')} (a feature per workspace package, or per file);
  - in a Deno workspace, the unstable_*.ts files of each member, and each member still at 0.x.
The label is experimental when most features were found by that word. releases.current is the
root version's major.minor, else a workspace package's version, else a placeholder comment.
Prints what it decided and why on stderr (and keeps it in the policy's header). Never overwrites
an existing lifecycle.yaml.

Examples:
  $ lifecycle init --dry-run     # see what it would write
  $ lifecycle init && lifecycle check`,
    )
    .action(async (flags: { cwd?: string; dryRun?: boolean }) => {
      const root = resolveCwd(io.cwd, flags.cwd);
      // Loaded here, not at the top: `lifecycle --help` and the other commands need none of it.
      const [{ loadPolicy }, { POLICY_FILE_NAMES }, { planStarterPolicy }] = await Promise.all([
        import('../../load-policy.js'),
        import('../../policy/load.js'),
        import('../../init/plan-starter.js'),
      ]);
      const existing = POLICY_FILE_NAMES.map((name) => join(root, name)).find((path) => existsSync(path));
      if (existing && !flags.dryRun) throw new InputError(`${existing} already exists; not overwriting it (delete it first, or use --dry-run)`);
      const { text, decisions } = planStarterPolicy(root);
      // The policy's header holds the decisions too, so --dry-run prints them once, with it.
      if (flags.dryRun) {
        io.stdout(text);
        return;
      }
      const target = join(root, 'lifecycle.yaml');
      const { writeFileAtomic } = await import('../../engine/write-atomic.js');
      // Created exclusively: a policy written while this one was prepared is never overwritten.
      // Validated before it becomes visible: a starter that does not load must not be left behind.
      writeFileAtomic(target, text, 'the starter policy', {
        exclusive: true,
        beforePublish: (temporary) => loadPolicy({ cwd: root, policyPath: temporary }),
      });
      io.stderr(decisions.map((line) => `${line}\n`).join(''));
      io.stdout(`wrote ${target}\nnext: fill in owners and tracking links, then run \`lifecycle check\`\n`);
    });
}
