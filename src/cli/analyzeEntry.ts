import { analyzeCommand, ANALYZE_USAGE, defaultAnalyzeIo } from './analyzeCommand';
import type { Command } from './command';

/** `analyze` in the command table; it writes through the shared CLI output ("-" reads stdin). */
export const analyze: Command = {
  name: 'analyze',
  summary: 'Find silo systems, duplicate customer data, re-keying and broken process logic',
  usage: ANALYZE_USAGE,
  run: (args, io) =>
    analyzeCommand(args, { readText: (p) => (p === '-' ? defaultAnalyzeIo.readText(p) : io.readFile(p)), out: io.stdout, err: io.stderr }),
};
