import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { demoWorkspace } from '../../src/core/demo';
import { toBundle } from '../../src/core/schema/bundle';

function memoryIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (t: string) => void out.push(t),
      stderr: (t: string) => void err.push(t),
      readFile: async (p: string) => {
        if (!(p in files)) throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
        return files[p]!;
      },
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('lanemap analyze (through the command table)', () => {
  const bundle = JSON.stringify(toBundle(demoWorkspace('2026-11-23T00:00:00Z'), '2026-11-23T00:00:00Z'));

  it('prints {"findings": [...]} with --json, one entry per finding with its fields', async () => {
    const m = memoryIo({ 'ws.json': bundle });
    expect(await runCli(['analyze', 'ws.json', '--json'], m.io)).toBe(0);
    const { findings } = JSON.parse(m.out());
    expect(findings.length).toBe(20);
    for (const f of findings) for (const k of ['kind', 'severity', 'title', 'explanation', 'subjects', 'mapIds', 'suggestion']) expect(f, k).toHaveProperty(k);
    expect(findings.some((f: { kind: string }) => f.kind === 'silo-system')).toBe(true);
  });

  it('prints a readable report grouped by kind without --json', async () => {
    const m = memoryIo({ 'ws.json': bundle });
    expect(await runCli(['analyze', 'ws.json'], m.io)).toBe(0);
    expect(m.out()).toMatch(/Silo systems and stores \(3\)/);
    expect(m.out()).toMatch(/Duplicate customer data \(1\)/);
  });

  it('refuses an invalid file with a message on stderr and exit code 2', async () => {
    const m = memoryIo({ 'bad.json': '{"format": "lanemap.workspace"' });
    expect(await runCli(['analyze', 'bad.json'], m.io)).toBe(2);
    expect(m.err()).toMatch(/not valid JSON/);
    expect(m.out()).toBe('');
  });
});
