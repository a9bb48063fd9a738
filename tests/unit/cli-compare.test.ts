import { describe, expect, it } from 'vitest';
import { decideMatch } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { toBundle } from '../../src/core/schema/bundle';
import { runCmd } from './fixtures/maps';
import { memoryCli } from './fixtures/memoryCli';

// lanemap compare: the matched steps of two maps with confidence and why, the steps only one
// has, the user's decisions from the bundle; clear refusals for bad usage.

const NOW = '2026-11-23T10:00:00Z';
const bundle = (ws = demoWorkspace(NOW)) => JSON.stringify(toBundle(ws, NOW));

interface Out { matches: { a: string; b: string; confidence: number; why: string; decided?: string }[]; onlyA: string[]; onlyB: string[]; rejected: { a: string; b: string }[] }

describe('lanemap compare', () => {
  it('prints the pairs with confidence and why, and every start, end, step and decision of each map once', async () => {
    const r = await memoryCli({ 'ws.json': bundle() }).run(['compare', 'ws.json', '--maps', 'm-adm', 'm-mkt', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.matches).toEqual([expect.objectContaining({ a: 'n-adm-2', b: 'n-mkt-17', why: expect.stringContaining('both use Enquiries spreadsheet') })]);
    expect(out.matches[0]!.confidence).toBeGreaterThan(0);
    expect(out.matches[0]!.confidence).toBeLessThanOrEqual(1);
    const ws = demoWorkspace(NOW);
    const control = (id: string) => ws.maps.find((m) => m.id === id)!.nodes.filter((n) => ['start', 'end', 'step', 'decision'].includes(n.kind)).map((n) => n.id).sort();
    expect([...out.onlyA, ...out.matches.map((m) => m.a)].sort()).toEqual(control('m-adm'));
    expect([...out.onlyB, ...out.matches.map((m) => m.b)].sort()).toEqual(control('m-mkt'));
  });

  it('follows the decisions kept in the bundle, whichever map is named first', async () => {
    let ws = demoWorkspace(NOW);
    ws = runCmd(decideMatch, ws, { mapA: 'm-adm', nodeA: 'n-adm-2', mapB: 'm-mkt', nodeB: 'n-mkt-17', verdict: 'rejected' });
    ws = runCmd(decideMatch, ws, { mapA: 'm-adm', nodeA: 'n-adm-15', mapB: 'm-mkt', nodeB: 'n-mkt-19', verdict: 'manual' });
    const r = await memoryCli({ 'ws.json': bundle(ws) }).run(['compare', 'ws.json', '--json', '--maps', 'm-mkt', 'm-adm']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.matches).toEqual([{ a: 'n-mkt-19', b: 'n-adm-15', confidence: 1, why: 'matched by hand', decided: 'manual' }]);
    expect(out.rejected).toEqual([{ a: 'n-mkt-17', b: 'n-adm-2' }]);
  });

  it('reads as a short report without --json', async () => {
    const r = await memoryCli({ 'ws.json': bundle() }).run(['compare', 'ws.json', '--maps', 'm-adm', 'm-mkt']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Matched: 1 step\n');
    expect(r.stdout).toMatch(/\d\.\d\d {2}“Log enquiry in spreadsheet” = “Add leads to enquiries spreadsheet”/);
    expect(r.stdout).toContain('Only in A: 13 steps');
  });

  it.each([
    [['compare', 'ws.json'], /Missing --maps/],
    [['compare', 'ws.json', '--maps', 'm-adm'], /--maps needs two map ids/],
    [['compare', '--maps', 'm-adm', 'm-mkt'], /Missing the bundle file/],
    [['compare', 'ws.json', '--maps', 'm-adm', 'nope'], /No map with id "nope" in ws\.json \(maps: m-adm \(Admissions/],
    [['compare', 'ws.json', '--maps', 'm-adm', 'm-adm'], /names "m-adm" twice/],
    [['compare', 'ws.json', '--maps', 'm-adm', 'm-mkt', '--colour'], /Unknown option --colour/],
    [['compare', 'gone.json', '--maps', 'm-adm', 'm-mkt'], /Cannot read gone\.json: no such file/],
  ])('%j is refused with exit code 2 and a reason', async (args, message) => {
    const r = await memoryCli({ 'ws.json': bundle() }).run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('a broken bundle is refused naming the field', async () => {
    const bad = JSON.parse(bundle());
    bad.workspace.matchDecisions = [{ mapA: 'm-adm', nodeA: 'n-adm-2', mapB: 'm-mkt', nodeB: 'n-mkt-17', verdict: 'perhaps' }];
    const r = await memoryCli({ 'ws.json': JSON.stringify(bad) }).run(['compare', 'ws.json', '--maps', 'm-adm', 'm-mkt']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('workspace.matchDecisions[0].verdict');
  });
});
