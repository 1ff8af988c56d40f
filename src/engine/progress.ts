/** Progress of `lifecycle check` on stderr: only on a terminal, never in CI, only for slow runs. */
interface Progress {
  /** Called after each analysed file. */
  update(done: number, total: number): void;
  /** Clears the progress line (if one was drawn). */
  finish(): void;
}

interface ProgressOptions {
  write: (text: string) => void;
  /** Show progress at all: stderr is a TTY, CI is not set, and the format is for humans. */
  enabled: boolean;
  now?: () => number;
  /** Nothing is drawn before this many milliseconds have passed since creation. */
  delayMs?: number;
  /** At most one redraw per this many milliseconds. */
  intervalMs?: number;
}

const CLEAR_LINE = '\r\u001b[2K';

export function createProgress(options: ProgressOptions): Progress {
  if (!options.enabled) return { update: () => undefined, finish: () => undefined };
  const now = options.now ?? Date.now;
  const delayMs = options.delayMs ?? 1000;
  const intervalMs = options.intervalMs ?? 100;
  const started = now();
  let lastDrawn: number | undefined;
  return {
    update(done, total) {
      const time = now();
      if (time - started < delayMs) return;
      if (lastDrawn !== undefined && time - lastDrawn < intervalMs && done < total) return;
      lastDrawn = time;
      options.write(`${CLEAR_LINE}lifecycle: checking files ${done}/${total}`);
    },
    finish() {
      if (lastDrawn !== undefined) options.write(CLEAR_LINE);
      lastDrawn = undefined;
    },
  };
}

/** The rule of when to show progress, in one place. */
export function progressWanted(env: NodeJS.ProcessEnv, stderrIsTTY: boolean, format: string): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stderrIsTTY && !ci && format === 'stylish';
}
