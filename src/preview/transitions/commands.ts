import { dirname } from 'node:path';
import type { Command } from 'commander';
import { EXIT_CLEAN, EXIT_FINDINGS, InputError } from '../../errors.js';
import { escapeControl } from '../../formats/check/escape.js';
import type { CliIo } from '../../cli/io.js';
import { resolveCwd } from '../../cli/commands/shared.js';
import { applyPlan, JOURNAL_FILE, recoverInterrupted } from './journal.js';
import type { TransitionPlan } from './plan.js';

type SetExitCode = (code: number) => void;

/**
 * Test hook, like write-atomic's: the process kills itself (SIGKILL) once this many file
 * operations of a transition are done, so the tests can stop `promote` after k of n operations.
 */
const KILL_AFTER_OPERATIONS_ENV = 'LIFECYCLE_TEST_KILL_AFTER_OPERATIONS';

interface CommonFlags {
  cwd?: string;
  policy?: string;
  dryRun?: boolean;
}

const EXIT_CODES = `
Exit codes: 0 done and clean, 1 done with manual steps or findings left, 2 refused or usage error
(nothing written). Every edit is planned first and applied as one step; a run that is killed
leaves a journal (${JOURNAL_FILE}) that the next run of promote, renew or remove replays.`;

/** Registers `promote`, `renew` and `remove` (a preview feature of feature-lifecycle itself). */
export function registerTransitionCommands(program: Command, io: CliIo, setExitCode: SetExitCode): void {
  program
    .command('promote')
    .description('[preview] move a preview feature to stable: its code, every import of it, its labels and its registry entry')
    .argument('<feature>', '[preview] the feature id')
    .option('--to <dir>', '[preview] where its code goes (default: features.<id>.promoteTo, else the preview folder without the preview segment)')
    .option('--dry-run', '[preview] print the moves and a unified diff of every edit; write nothing')
    .option('--no-git', '[preview] move files without staging the moves in git')
    .option('--force', '[preview] go ahead although files it must touch have uncommitted changes')
    .option('-p, --policy <file>', '[preview] policy file (default: lifecycle.yaml in --cwd or the nearest parent)')
    .option('-C, --cwd <dir>', '[preview] project directory (default: the current directory)')
    .addHelpText('after', `${EXIT_CODES}\n\nExample:\n  $ lifecycle promote fwaas --dry-run`)
    .action(async (feature: string, flags: CommonFlags & { to?: string; git: boolean; force?: boolean }) => {
      const command = `lifecycle promote ${feature}`;
      const [{ openWorkspace }, { planPromotion }, { verifyImports, leftAfterPromotion }] = await Promise.all([
        import('../../workspace/open-workspace.js'),
        import('./promote.js'),
        import('./after-promotion.js'),
      ]);
      await runTransition(io, setExitCode, flags, command, async (cwd) => {
        const workspace = openWorkspace({ cwd, ...(flags.policy ? { policyPath: flags.policy } : {}) });
        const planned = planPromotion(workspace, { feature, git: flags.git, force: Boolean(flags.force), ...(flags.to ? { to: flags.to } : {}) }, command);
        return {
          plan: planned.plan,
          root: workspace.root,
          verify: () => verifyImports(cwd, flags.policy, planned.expected),
          after: () => leftAfterPromotion(cwd, flags.policy, feature, planned.plan),
          done: `promoted ${feature} to stable (${planned.folders.map((folder) => `${folder.from} -> ${folder.to}`).join(', ')})`,
        };
      });
    });

  program
    .command('renew')
    .description('[preview] renew a preview feature: a new approved plan adds one renewal to its registry entry')
    .argument('<feature>', '[preview] the feature id')
    .requiredOption('--tracking <url>', '[preview] link to the approved plan of the renewal')
    .requiredOption('--reason <text>', '[preview] why the feature stays in preview')
    .option('--release <release>', '[preview] the release of the renewal (default: releases.current)')
    .option('-p, --policy <file>', '[preview] policy file (default: lifecycle.yaml in --cwd or the nearest parent)')
    .option('-C, --cwd <dir>', '[preview] project directory (default: the current directory)')
    .addHelpText('after', `${EXIT_CODES}\n\nExample:\n  $ lifecycle renew fwaas --tracking https://tracker.example/fwaas-v2 --reason "API review moved to 2027.1"`)
    .action(async (feature: string, flags: CommonFlags & { tracking: string; reason: string; release?: string }) => {
      const command = `lifecycle renew ${feature}`;
      const [{ loadPolicy }, { planRenewal }] = await Promise.all([import('../../load-policy.js'), import('./renew.js')]);
      await runTransition(io, setExitCode, flags, command, async (cwd) => {
        const loaded = loadPolicy({ cwd, ...(flags.policy ? { policyPath: flags.policy } : {}) });
        const request = { feature, tracking: flags.tracking, reason: flags.reason, ...(flags.release ? { release: flags.release } : {}) };
        const { plan, summary } = planRenewal(loaded, request, command);
        return { plan, root: loaded.root, done: summary };
      });
    });

  program
    .command('remove')
    .description('[preview] remove a preview feature: delete its code and tests, mark it removed in the registry')
    .argument('<feature>', '[preview] the feature id')
    .option('--dry-run', '[preview] print what would be deleted and edited; write nothing')
    .option('--force', '[preview] delete although stable code imports it or files have uncommitted changes (those imports are listed)')
    .option('--no-git', '[preview] delete files without staging the deletions in git')
    .option('-p, --policy <file>', '[preview] policy file (default: lifecycle.yaml in --cwd or the nearest parent)')
    .option('-C, --cwd <dir>', '[preview] project directory (default: the current directory)')
    .addHelpText('after', `${EXIT_CODES}\nIts config keys and docs are listed, never edited.\n\nExample:\n  $ lifecycle remove vpnaas --dry-run`)
    .action(async (feature: string, flags: CommonFlags & { force?: boolean; git: boolean }) => {
      const command = `lifecycle remove ${feature}`;
      const [{ openWorkspace }, { planRemoval }] = await Promise.all([import('../../workspace/open-workspace.js'), import('./remove.js')]);
      await runTransition(io, setExitCode, flags, command, async (cwd) => {
        const workspace = openWorkspace({ cwd, ...(flags.policy ? { policyPath: flags.policy } : {}) });
        const plan = planRemoval(workspace, { feature, force: Boolean(flags.force), git: flags.git }, command);
        return { plan, root: workspace.root, done: `removed ${feature} (status: removed; its entry stays for history)` };
      });
    });
}

interface Planned {
  plan: TransitionPlan;
  root: string;
  done: string;
  verify?: () => void;
  /** Findings left once it is applied (lines for a person). */
  after?: () => Promise<string[]>;
}

async function runTransition(io: CliIo, setExitCode: SetExitCode, flags: CommonFlags, command: string, planner: (cwd: string) => Promise<Planned>): Promise<void> {
  const cwd = resolveCwd(io.cwd, flags.cwd);
  const { resolvePolicyPath } = await import('../../policy/load.js');
  const root = dirname(resolvePolicyPath({ cwd, ...(flags.policy ? { policyPath: flags.policy } : {}) }));
  if (flags.dryRun) {
    const { existsSync } = await import('node:fs');
    if (existsSync(`${root}/${JOURNAL_FILE}`)) throw new InputError(`${root}/${JOURNAL_FILE}: a transition was interrupted; run a transition without --dry-run to finish or roll it back first`);
  } else {
    const recovered = recoverInterrupted(root);
    if (recovered) {
      io.stderr(`lifecycle: ${escapeControl(recovered.message)}\n`);
      if (recovered.command === command && recovered.outcome === 'completed') {
        if (recovered.manualSteps.length > 0) io.stdout(`manual steps:\n${recovered.manualSteps.map((step) => `  - ${escapeControl(step)}\n`).join('')}`);
        setExitCode(recovered.manualSteps.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN);
        return;
      }
    }
  }
  const planned = await planner(cwd);
  const { plan } = planned;
  if (flags.dryRun) {
    const { renderPlan } = await import('./plan.js');
    io.stdout(escapeNonDiff(renderPlan(planned.root, plan)));
    printSteps(io, plan);
    setExitCode(plan.manualSteps.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN);
    return;
  }
  const killAfter = process.env[KILL_AFTER_OPERATIONS_ENV];
  applyPlan(planned.root, plan, {
    ...(planned.verify ? { verify: planned.verify } : {}),
    ...(killAfter !== undefined && /^\d+$/.test(killAfter)
      ? { afterOperation: (done: number) => (done >= Number(killAfter) ? process.kill(process.pid, 'SIGKILL') : undefined) }
      : {}),
  });
  const lines = [planned.done];
  for (const operation of plan.operations) {
    if (operation.kind === 'move') lines.push(`  moved ${operation.from} -> ${operation.to}`);
    else if (operation.kind === 'write') lines.push(`  edited ${operation.path}`);
    else lines.push(`  deleted ${operation.path}`);
  }
  io.stdout(`${lines.map(escapeControl).join('\n')}\n`);
  printSteps(io, plan);
  const left = planned.after ? await planned.after() : [];
  if (planned.after) io.stdout(left.length === 0 ? 'check: nothing left for a person\n' : `check: left for a person:\n${left.map((line) => `  ${escapeControl(line)}\n`).join('')}`);
  setExitCode(plan.manualSteps.length > 0 || left.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN);
}

function printSteps(io: CliIo, plan: TransitionPlan): void {
  for (const note of plan.notes) io.stdout(`note: ${escapeControl(note)}\n`);
  if (plan.manualSteps.length > 0) io.stdout(`manual steps:\n${plan.manualSteps.map((step) => `  - ${escapeControl(step)}\n`).join('')}`);
}

/** A diff shows file text as it is; only control characters other than tab and newline are escaped. */
function escapeNonDiff(text: string): string {
  return text.split('\n').map(escapeControl).join('\n');
}
