import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { memoryCli } from './fixtures/memoryCli';
import { demoWorkspace } from '../../src/core/demo';
import { toBundle } from '../../src/core/schema/bundle';

describe('lanemap analyze (through the command table)', () => {
  const bundle = JSON.stringify(toBundle(demoWorkspace('2026-11-23T00:00:00Z'), '2026-11-23T00:00:00Z'));

  it('prints {"findings": [...]} with --json, one entry per finding with its fields', async () => {
    const m = memoryCli({ 'ws.json': bundle });
    expect(await runCli(['analyze', 'ws.json', '--json'], m.io)).toBe(0);
    const { findings } = JSON.parse(m.out());
    expect(findings.length).toBe(21);
    for (const f of findings) for (const k of ['kind', 'severity', 'title', 'explanation', 'subjects', 'mapIds', 'suggestion']) expect(f, k).toHaveProperty(k);
    expect(findings.some((f: { kind: string }) => f.kind === 'silo-system')).toBe(true);
  });

  it('carries the workspace requirements list with --json, linked to finding ids it printed', async () => {
    const ws = demoWorkspace('2026-11-23T00:00:00Z');
    const requirement = { id: 'r1', text: 'Keep enquiries once', priority: 'essential' as const, findingIds: ['silo-system:ds-enq'] };
    ws.meta = { ...ws.meta, requirements: [requirement] };
    const m = memoryCli({ 'ws.json': JSON.stringify(toBundle(ws, '2026-11-23T00:00:00Z')) });
    expect(await runCli(['analyze', 'ws.json', '--json'], m.io)).toBe(0);
    const out = JSON.parse(m.out());
    expect(out.requirements).toEqual([requirement]);
    expect(out.findings.map((f: { id: string }) => f.id)).toContain('silo-system:ds-enq');
    const plain = memoryCli({ 'ws.json': bundle });
    await runCli(['analyze', 'ws.json', '--json'], plain.io);
    expect(JSON.parse(plain.out()).requirements).toEqual([]);
  });

  it('prints a readable report grouped by kind without --json', async () => {
    const m = memoryCli({ 'ws.json': bundle });
    expect(await runCli(['analyze', 'ws.json'], m.io)).toBe(0);
    expect(m.out()).toMatch(/Silo systems and stores \(3\)/);
    expect(m.out()).toMatch(/Duplicate customer data \(2\)/);
  });

  it('refuses an invalid file with a message on stderr and exit code 2', async () => {
    const m = memoryCli({ 'bad.json': '{"format": "lanemap.workspace"' });
    expect(await runCli(['analyze', 'bad.json'], m.io)).toBe(2);
    expect(m.err()).toMatch(/not valid JSON/);
    expect(m.out()).toBe('');
  });
});
