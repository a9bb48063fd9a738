// What every command shares: reading a workspace bundle, parsing flags, and failing with a
// clear message and exit code 2 when the input is wrong (1 is left for our own bugs).

import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parseBundleText } from '../core/schema/bundle';
import type { Workspace } from '../core/model/types';

/** Bad input or usage: the message goes to stderr and the process exits with `code`. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly code = 2,
  ) {
    super(message);
  }
}

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(path: string): Promise<string>;
  readBytes(path: string): Promise<Uint8Array>;
  /** Creates missing folders on the way. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** Whether something (a file, a folder) is already at `path`. */
  exists(path: string): Promise<boolean>;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  writeFile: async (path, data) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, data);
  },
  exists: (path) => access(path).then(() => true, () => false),
};

/**
 * A closed pipe (`lanemap analyze … | head`) ends the command quietly and successfully: the
 * reader has all it wanted. Any other failure to write (a full disk) is said in one line.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') process.stderr.write(`lanemap: the output could not be written (${e.code ?? e.message})\n`);
    exit(e.code === 'EPIPE' ? 0 : 1);
  });
}

/** A file that cannot be read, said the way a person understands it. */
export function readFailure(path: string, e: unknown): CliError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : code === 'EACCES' ? 'permission denied' : String((e as Error).message ?? e);
  return new CliError(`Cannot read ${path}: ${why}`);
}

export interface LoadedBundle {
  workspace: Workspace;
  /** The bundle's own export time, when it has one: reused so output depends only on input. */
  exportedAt: string | undefined;
}

export async function readBundle(io: CliIO, path: string): Promise<LoadedBundle> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    throw readFailure(path, e);
  }
  const parsed = parseBundleText(text);
  if (!parsed.ok) {
    const lines = parsed.errors.map((err) => `  ${err.path}: ${err.message}`);
    throw new CliError(`${path} is not a valid Lanemap workspace bundle:\n${lines.join('\n')}`);
  }
  for (const w of parsed.warnings) io.stderr(`warning: ${w}\n`);
  let exportedAt: string | undefined;
  try {
    const raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { exportedAt?: unknown };
    if (typeof raw.exportedAt === 'string') exportedAt = raw.exportedAt;
  } catch {
    // Already parsed once above; cannot fail here.
  }
  return { workspace: parsed.workspace, exportedAt };
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/**
 * `--name value` for flags listed in `withValue`, `--name` for those in `boolean`; anything
 * else starting with `--` is an error naming the flags the command knows.
 */
export function parseArgs(args: readonly string[], spec: { withValue: string[]; boolean: string[] }, usage: string): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (spec.boolean.includes(name)) flags.set(name, true);
    else if (spec.withValue.includes(name)) {
      const value = inline ?? args[++i];
      if (value === undefined || value === '') throw new CliError(`--${name} needs a value\n${usage}`);
      flags.set(name, value);
    } else throw new CliError(`Unknown option --${name}\n${usage}`);
  }
  return { positional, flags };
}
