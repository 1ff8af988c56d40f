#!/usr/bin/env node
import { runCli } from './program.js';
import { exitOnStandardStreamErrors } from './stdio.js';

exitOnStandardStreamErrors();
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
});
