// The lanemap command line: `npm run -s cli -- <command> ...`. Each command lives in its own
// file; add it to COMMANDS to make it available.

import { pathToFileURL } from 'node:url';
import type { Command } from './command';
import { CliError, processIO, quietOnClosedPipe, type CliIO } from './io';
import { analyze } from './analyzeEntry';
import { layoutCommand } from './layoutCommand';
import { importCommand } from './importCommand';
import { exportCommand } from './exportCommand';
import { reportCommand } from './reportCommand';
import { compareCommand } from './compareCommand';

export const COMMANDS: readonly Command[] = [analyze, layoutCommand, importCommand, exportCommand, reportCommand, compareCommand];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return ['Usage: lanemap <command> [options]', '', 'Commands:', ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`)].join('\n');
}

/** Runs one command line; returns the exit code (0 ok, 2 bad input, 1 our own failure). */
export async function runCli(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}"\n${usage()}\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`lanemap ${command.name}: ${e.message}\n`);
      return e.code;
    }
    io.stderr(`lanemap ${command.name}: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  quietOnClosedPipe(process.stdout);
  runCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
