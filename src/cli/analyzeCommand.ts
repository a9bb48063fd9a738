import { readFile } from 'node:fs/promises';
import { analyzeWorkspace, FINDING_KIND_LABELS, FINDING_KINDS, type Finding, SEVERITIES, tooLargeToAnalyse } from '../core/analysis';
import type { Workspace } from '../core/model/types';
import { count } from '../core/model/vocabulary';
import { parseBundleText } from '../core/schema/bundle';
import { dropBidiControls } from '../core/text/bidi';

// `lanemap analyze <bundle.json> [--json]`: the workspace findings, as JSON for tools or as a
// readable report grouped by kind. Exit codes: 0 analysed (findings or not), 2 bad usage or
// a file that cannot be read as a workspace bundle.

export const ANALYZE_USAGE = `Usage: lanemap analyze <bundle.json> [--json]

Reads a Lanemap workspace bundle and reports silo systems, duplicate customer data,
re-keying between stores and structural problems in the maps.

  <bundle.json>  the bundle file, or - to read it from standard input
  --json         print {"findings": [...], "requirements": [...]} instead of a readable report
                 (requirements: the workspace's list for the CRM, each with the findings it answers)
  -h, --help     show this help`;

/** Where the command writes; tests pass their own. */
export interface AnalyzeIo {
  readText: (path: string) => Promise<string>;
  out: (text: string) => void;
  err: (text: string) => void;
}

/** A bundle larger than this is not read: far past any workspace, and it would be held whole in memory. */
export const MAX_BUNDLE_BYTES = 100 * 1024 * 1024;
const tooBig = (what: string) => `${what} is larger than ${MAX_BUNDLE_BYTES / 1024 / 1024} MB, far past any Lanemap workspace; analyse a smaller bundle`;

export const defaultAnalyzeIo: AnalyzeIo = {
  readText: (path) => (path === '-' ? readStdin() : readFile(path, 'utf8')),
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

interface Options {
  file: string;
  json: boolean;
}

function parseArgs(args: readonly string[]): Options | 'help' | string {
  let file: string | undefined;
  let json = false;
  for (const arg of args) {
    if (arg === '--json') json = true;
    else if (arg === '-h' || arg === '--help') return 'help';
    else if (arg.startsWith('-') && arg !== '-') return `Unknown option ${arg}`;
    else if (file !== undefined) return `Only one bundle file can be analysed at a time (got ${file} and ${arg})`;
    else file = arg;
  }
  return file === undefined ? 'Missing the bundle file to analyse' : { file, json };
}

/** Runs the command; returns the process exit code instead of exiting, so main.ts decides. */
export async function analyzeCommand(args: string[], io: AnalyzeIo = defaultAnalyzeIo): Promise<number> {
  const opts = parseArgs(args);
  if (opts === 'help') {
    io.out(`${ANALYZE_USAGE}\n`);
    return 0;
  }
  if (typeof opts === 'string') {
    io.err(`lanemap analyze: ${opts}\n\n${ANALYZE_USAGE}\n`);
    return 2;
  }

  let text: string;
  try {
    text = await io.readText(opts.file);
  } catch (e) {
    if (e instanceof RangeError) {
      io.err(`lanemap analyze: ${tooBig(opts.file)}\n`);
      return 2;
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : e instanceof Error ? e.message : String(e);
    io.err(`lanemap analyze: cannot read ${opts.file}: ${why}\n`);
    return 2;
  }

  if (text.length > MAX_BUNDLE_BYTES) {
    io.err(`lanemap analyze: ${tooBig(opts.file)}\n`);
    return 2;
  }
  const parsed = parseBundleText(text);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.path}: ${e.message}`);
    io.err(`lanemap analyze: ${opts.file} is not a valid Lanemap workspace bundle:\n${lines.join('\n')}\n`);
    return 2;
  }
  for (const w of parsed.warnings) io.err(`lanemap analyze: warning: ${w}\n`);
  const tooLarge = tooLargeToAnalyse(parsed.workspace);
  if (tooLarge) {
    io.err(`lanemap analyze: ${opts.file}: ${tooLarge}\n`);
    return 2;
  }

  const findings = analyzeWorkspace(parsed.workspace);
  const requirements = parsed.workspace.meta.requirements ?? [];
  io.out(opts.json ? `${JSON.stringify({ findings, requirements }, null, 2)}\n` : formatReport(parsed.workspace, findings));
  return 0;
}

/** Standard input, up to the cap: past it a RangeError, said as "larger than 100 MB". */
async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > MAX_BUNDLE_BYTES) throw new RangeError('standard input is too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** The readable report: a summary line, then one section per kind in FINDING_KINDS order. */
export function formatReport(ws: Workspace, findings: readonly Finding[]): string {
  const mapName = new Map(ws.maps.map((m) => [m.id, m.name]));
  const bySeverity = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  const lines: string[] = [];
  const total = count(findings.length, 'finding');
  lines.push(
    findings.length === 0
      ? `Workspace “${ws.meta.name}”: no findings in ${count(ws.maps.length, 'map')}.`
      : `Workspace “${ws.meta.name}”: ${total} (${bySeverity.map(([s, n]) => `${n} ${s}`).join(', ')}) in ${count(ws.maps.length, 'map')}.`,
  );
  for (const kind of FINDING_KINDS) {
    const group = findings.filter((f) => f.kind === kind);
    if (group.length === 0) continue;
    lines.push('', `${FINDING_KIND_LABELS[kind]} (${group.length})`, '-'.repeat(FINDING_KIND_LABELS[kind].length + String(group.length).length + 3));
    for (const f of group) {
      lines.push(`[${f.severity}] ${f.title}`);
      lines.push(`  ${f.explanation}`);
      lines.push(`  Suggestion: ${f.suggestion}`);
      if (f.mapIds.length > 0) lines.push(`  Maps: ${f.mapIds.map((id) => mapName.get(id) ?? id).join('; ')}`);
      lines.push('');
    }
    lines.pop();
  }
  // Read in a terminal: a name's bidi controls would reorder the lines after it.
  return `${dropBidiControls(lines.join('\n'))}\n`;
}
