import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Code } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { parse as parseShell } from 'shell-quote';
import { REPO_ROOT, runLifecycle } from './cli.js';

/**
 * Console blocks of the documentation, run as the reader would type them: a block is a sequence
 * of `$ command` lines (a trailing `\` continues one), each followed by the output it prints.
 * `$ echo $?` prints the exit code of the command before it.
 */
export interface ConsoleBlock {
  /** `README.md:42` — the file and the line of the opening fence. */
  where: string;
  firstLine: string;
  steps: ConsoleStep[];
}

interface ConsoleStep {
  command: string;
  output: string;
}

/** README.md and every Markdown file under docs/, relative to the repository. */
export function documentationFiles(): string[] {
  const docs = (dir: string): string[] =>
    readdirSync(join(REPO_ROOT, dir)).flatMap((name) => {
      const path = `${dir}/${name}`;
      if (statSync(join(REPO_ROOT, path)).isDirectory()) return docs(path);
      return name.endsWith('.md') ? [path] : [];
    });
  return ['README.md', ...docs('docs')];
}

/** The code blocks of a Markdown text whose first line is a `$ lifecycle …` (or `$ npx lifecycle …`) command. */
export function lifecycleConsoleBlocks(file: string, text: string): ConsoleBlock[] {
  const blocks: ConsoleBlock[] = [];
  const visit = (node: { type: string; children?: unknown[] }) => {
    if (node.type === 'code') {
      const code = node as Code;
      const firstLine = code.value.split('\n')[0] ?? '';
      if (/^\$ (npx )?lifecycle /.test(firstLine)) blocks.push({ where: `${file}:${code.position?.start.line ?? 0}`, firstLine, steps: stepsOf(code.value) });
    }
    for (const child of node.children ?? []) visit(child as { type: string; children?: unknown[] });
  };
  visit(fromMarkdown(text));
  return blocks;
}

function stepsOf(value: string): ConsoleStep[] {
  const steps: ConsoleStep[] = [];
  const lines = value.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!;
    if (line.startsWith('$ ')) {
      let command = line.slice(2);
      while (command.endsWith('\\') && index + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[(index += 1)]!.trim()}`;
      steps.push({ command, output: '' });
    } else if (steps.length > 0) {
      const step = steps[steps.length - 1]!;
      step.output += `${line}\n`;
    }
  }
  return steps;
}

/** The words of a `lifecycle …` command (quotes and `# comments` as a POSIX shell reads them). */
function lifecycleArgs(command: string): string[] {
  const words = parseShell(command).flatMap((word) => (typeof word === 'string' ? [word] : []));
  if (words[0] === 'npx') words.shift();
  if (words[0] !== 'lifecycle') throw new Error(`not a lifecycle command: ${command}`);
  return words.slice(1);
}

/** The project directories a block's commands run on (`--cwd DIR`, `-C DIR`). */
function cwdsOf(block: ConsoleBlock): (string | undefined)[] {
  return block.steps
    .filter((step) => step.command !== 'echo $?')
    .map((step) => {
      const args = lifecycleArgs(step.command);
      const at = args.findIndex((arg) => arg === '--cwd' || arg === '-C');
      return at >= 0 ? args[at + 1] : undefined;
    });
}

/** Whether every command of the block runs on a project bundled in this repository (examples/, test/fixtures/). */
export function runsOnBundledExample(block: ConsoleBlock): boolean {
  return cwdsOf(block).every((cwd) => cwd !== undefined && /^(examples|test\/fixtures)\//.test(cwd) && existsSync(join(REPO_ROOT, cwd)));
}

/**
 * The text a block should show and the text the commands print, normalised alike: durations
 * (`1.2 s`, `340 ms`) become `<duration>`, and this checkout's absolute path — which only a policy
 * error prints — becomes `<checkout>`.
 */
export function expectedAndActual(block: ConsoleBlock, run: (args: string[]) => { status: number; stdout: string; stderr: string } = runLifecycle): { expected: string; actual: string } {
  let expected = '';
  let actual = '';
  let status: number | undefined;
  for (const step of block.steps) {
    expected += `$ ${step.command}\n${step.output}`;
    if (step.command === 'echo $?') {
      actual += `$ ${step.command}\n${status ?? ''}\n`;
      continue;
    }
    const result = run(lifecycleArgs(step.command));
    status = result.status;
    actual += `$ ${step.command}\n${result.stdout}${result.stderr}`;
  }
  return { expected: normalise(expected), actual: normalise(actual) };
}

function normalise(text: string): string {
  return text
    .replace(/\b\d+(\.\d+)? ?(ms|s)\b/g, '<duration>')
    .split(REPO_ROOT)
    .join('<checkout>')
    .replace(/\n+$/, '\n');
}

export function readDoc(file: string): string {
  return readFileSync(join(REPO_ROOT, file), 'utf8');
}
