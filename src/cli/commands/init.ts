import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.js';
import { PREVIEW_FOLDER_NAMES } from '../../policy/preview-folders.js';
import type { CliIo } from '../io.js';
import { resolveCwd } from './shared.js';

export function registerInitCommand(program: Command, io: CliIo): void {
  program
    .command('init')
    .description('write a starter lifecycle.yaml from the preview folders found in the project')
    .option('-C, --cwd <dir>', 'project directory (default: the current directory)')
    .option('--dry-run', 'print the policy instead of writing it')
    .addHelpText(
      'after',
      `
Looks for folders named ${PREVIEW_FOLDER_NAMES.join(', ')} (honouring .gitignore), registers
each sub-folder as a preview feature, and adds an exception for migrations folders. In a Deno
workspace (deno.json "workspace"), files named unstable_*.ts are preview code of a feature per
member, and a member still at 0.x is a preview feature as a whole. Never overwrites an existing
lifecycle.yaml.

Examples:
  $ lifecycle init --dry-run     # see what it would write
  $ lifecycle init && lifecycle check`,
    )
    .action(async (flags: { cwd?: string; dryRun?: boolean }) => {
      const root = resolveCwd(io.cwd, flags.cwd);
      // Loaded here, not at the top: `lifecycle --help` and the other commands need none of it.
      const [{ loadPolicy, POLICY_FILE_NAMES }, { detectLayout, renderStarterPolicy }, { detectDenoLayout }, { discoverFiles }] = await Promise.all([
        import('../../policy/load.js'),
        import('../../init/starter-policy.js'),
        import('../../init/deno-starter.js'),
        import('../../workspace/discover.js'),
      ]);
      const existing = POLICY_FILE_NAMES.map((name) => join(root, name)).find((path) => existsSync(path));
      if (existing && !flags.dryRun) throw new InputError(`${existing} already exists; not overwriting it (delete it first, or use --dry-run)`);
      const files = discoverFiles(root).files;
      const text = renderStarterPolicy(root, detectLayout(files), detectDenoLayout(root, files));
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
      io.stdout(`wrote ${target}\nnext: fill in owners and tracking links, then run \`lifecycle check\`\n`);
    });
}
