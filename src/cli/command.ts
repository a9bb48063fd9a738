import type { CliIO } from './io';

/** One subcommand: `run` returns the exit code, or throws CliError for bad input. */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  run(args: string[], io: CliIO): Promise<number>;
}
