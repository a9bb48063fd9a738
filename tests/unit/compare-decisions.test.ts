import { describe, expect, it } from 'vitest';
import { matchSteps } from '../../src/core/compare';
import { CommandError, decideMatch } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { parseBundleText, toBundle } from '../../src/core/schema/bundle';
import { expectNoOp, expectUndoable, runCmd } from './fixtures/maps';

// The user's decisions on step matches: one undoable command, kept in the workspace and its
// bundle, one counterpart per step; the matcher obeys them after a round trip.

const NOW = '2026-11-22T10:00:00Z';
const pair = { mapA: 'm-adm', mapB: 'm-mkt' };

describe('deciding matches', () => {
  it('confirms, rejects and matches by hand; a new pairing of a step replaces its old one; null forgets', () => {
    let ws = demoWorkspace(NOW);
    ws = expectUndoable(decideMatch, ws, { ...pair, nodeA: 'n-adm-2', nodeB: 'n-mkt-17', verdict: 'confirmed' });
    expect(ws.meta.matchDecisions).toEqual([{ ...pair, nodeA: 'n-adm-2', nodeB: 'n-mkt-17', verdict: 'confirmed' }]);
    // The same pair named the other way round is the same pair.
    expectNoOp(decideMatch, ws, { mapA: 'm-mkt', nodeA: 'n-mkt-17', mapB: 'm-adm', nodeB: 'n-adm-2', verdict: 'confirmed' });
    ws = runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-2', nodeB: 'n-mkt-2', verdict: 'manual' });
    expect(ws.meta.matchDecisions).toEqual([{ ...pair, nodeA: 'n-adm-2', nodeB: 'n-mkt-2', verdict: 'manual' }]);
    ws = runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-3', nodeB: 'n-mkt-5', verdict: 'rejected' });
    expect(ws.meta.matchDecisions).toHaveLength(2);
    ws = runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-2', nodeB: 'n-mkt-2', verdict: null });
    ws = runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-3', nodeB: 'n-mkt-5', verdict: null });
    expect('matchDecisions' in ws.meta).toBe(false);
  });

  it('refuses a step that is not there, a store, or one map with itself, and changes nothing', () => {
    const ws = demoWorkspace(NOW);
    expect(() => runCmd(decideMatch, ws, { ...pair, nodeA: 'nope', nodeB: 'n-mkt-17', verdict: 'manual' })).toThrow(CommandError);
    expect(() => runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-17', nodeB: 'n-mkt-17', verdict: 'manual' })).toThrow('No step with id "n-adm-17"');
    expect(() => runCmd(decideMatch, ws, { mapA: 'm-adm', mapB: 'm-adm', nodeA: 'n-adm-2', nodeB: 'n-adm-3', verdict: 'manual' })).toThrow('two different maps');
    expect(ws.meta.matchDecisions).toBeUndefined();
  });

  it('is kept through the bundle and the matcher obeys it; a file without it reads as before; a bad verdict is refused naming the field', () => {
    let ws = demoWorkspace(NOW);
    const adm = () => ws.maps.find((m) => m.id === 'm-adm')!;
    const mkt = () => ws.maps.find((m) => m.id === 'm-mkt')!;
    const before = matchSteps(adm(), mkt());
    expect(before.matches.map((m) => [m.a, m.b])).toContainEqual(['n-adm-2', 'n-mkt-17']);
    ws = runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-2', nodeB: 'n-mkt-17', verdict: 'rejected' });
    ws = runCmd(decideMatch, ws, { ...pair, nodeA: 'n-adm-3', nodeB: 'n-mkt-5', verdict: 'manual' });
    const text = JSON.stringify(toBundle(ws, NOW));
    const back = parseBundleText(text);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.workspace.meta.matchDecisions).toEqual(ws.meta.matchDecisions);
    const after = matchSteps(adm(), mkt(), { decisions: back.workspace.meta.matchDecisions });
    expect(after.matches.map((m) => [m.a, m.b])).not.toContainEqual(['n-adm-2', 'n-mkt-17']);
    expect(after.matches[0]).toMatchObject({ a: 'n-adm-3', b: 'n-mkt-5', decided: 'manual' });

    const older = JSON.parse(text);
    delete older.workspace.matchDecisions;
    const plain = parseBundleText(JSON.stringify(older));
    expect(plain.ok && plain.workspace.meta.matchDecisions).toBeUndefined();

    const bad = JSON.parse(text);
    bad.workspace.matchDecisions[0].verdict = 'maybe';
    const refused = parseBundleText(JSON.stringify(bad));
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.errors[0]!.path).toBe('workspace.matchDecisions[0].verdict');
  });
});
