import { CliError, type CliIO } from './io';

// Every command that writes files keeps what is already there: it refuses before writing
// anything, naming what is in the way, unless --force.

/** Refuses before anything is written when a target exists already (unless --force). */
export async function refuseToOverwrite(io: CliIO, paths: string[], force: boolean): Promise<void> {
  if (force) return;
  const there = [];
  for (const p of paths) if (await io.exists(p)) there.push(p);
  if (there.length > 0) {
    throw new CliError(`Not written: ${there.length === 1 ? `${there[0]} exists already` : `${there.length} files exist already (${there.slice(0, 3).join(', ')}${there.length > 3 ? ', …' : ''})`}. Choose another --out, or add --force to replace ${there.length === 1 ? 'it' : 'them'}.`);
  }
}
