/** Where a command writes and what it knows of its terminal; injected so tests can capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  isTTY: boolean;
  /** Whether stderr is a terminal (progress display); false when absent. */
  stderrIsTTY?: boolean;
}
