import { describe, expect, test } from 'vitest';
import { labelSimilarity, LABEL_MIN, matchSteps } from '../../src/core/compare';
import type { Flow, Lane, MapNode, MatchDecision, NodeKind, ProcessMap } from '../../src/core/model/types';

// Matching by meaning: stems and verbs that mean one thing, the stores a step touches, the
// steps around it, one counterpart each; and the user's decisions over all of it.

type Row = [id: string, kind: NodeKind, lane: string, label: string, refId?: string];

function map(id: string, lanes: Lane[], rows: Row[], flows: [string, string, Flow['kind']?][] = []): ProcessMap {
  const nodes: MapNode[] = rows.map(([nid, kind, laneId, label, refId]) => ({ id: nid, kind, laneId, label, ...(refId ? { refId } : {}) }));
  const fl: Flow[] = flows.map(([from, to, kind], i) => ({ id: `${id}-f${i}`, kind: kind ?? 'sequence', from, to }));
  return { id, name: id, departmentId: `d-${id}`, lanes, nodes, flows: fl, view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt: '' };
}
const laneA: Lane[] = [{ id: 'la', name: 'Enquiries officer', departmentId: 'd-a' }];
const laneB: Lane[] = [{ id: 'lb', name: 'Faculty admin team', departmentId: 'd-b' }];
const pairs = (r: ReturnType<typeof matchSteps>) => r.matches.map((m) => [m.a, m.b]);

describe('words', () => {
  test.each([
    ['Approve invoice', 'Sign off the invoice'],
    ['Log enquiry', 'Record the enquiry in the spreadsheet'],
    ['Key in the gift batch', 'Enter gift batches'],
    ['Send event invitation', 'Email invites to the event'],
    ['Verify documents', 'Checking the document'],
  ])('“%s” reads like “%s”', (a, b) => expect(labelSimilarity(a, b)).toBeGreaterThanOrEqual(LABEL_MIN));

  test('approving is not checking: the two verbs are apart', () => {
    expect(labelSimilarity('Approve invoice', 'Check invoice')).toBeLessThan(LABEL_MIN);
  });
});

describe('context', () => {
  test('labels only half alike match when both steps write the same store, and not when they write different ones', () => {
    const rows = (side: string, lane: string, store: string): Row[] => [[`${side}1`, 'step', lane, side === 'a' ? 'Reply with prospectus' : 'Email the prospectus'], [`${side}s`, 'dataStore', lane, 'Prospectus log', store]];
    const a = map('a', laneA, rows('a', 'la', 'ds-log'), [['a1', 'as', 'data']]);
    expect(labelSimilarity('Reply with prospectus', 'Email the prospectus')).toBeLessThan(LABEL_MIN);
    const same = map('b', laneB, rows('b', 'lb', 'ds-log'), [['b1', 'bs', 'data']]);
    const other = map('b', laneB, rows('b', 'lb', 'ds-other'), [['b1', 'bs', 'data']]);
    const hit = matchSteps(a, same);
    expect(pairs(hit)).toEqual([['a1', 'b1']]);
    expect(hit.matches[0]!.why).toContain('both use Prospectus log');
    expect(pairs(matchSteps(a, other))).toEqual([]);
  });

  test('a start and an end in other words match when the steps next to them are matched', () => {
    const a = map('a', laneA, [['s', 'start', 'la', 'Asks about a course'], ['x', 'step', 'la', 'Log enquiry'], ['e', 'end', 'la', 'Done']], [['s', 'x'], ['x', 'e']]);
    const b = map('b', laneB, [['t', 'start', 'lb', 'Enquiry comes in'], ['y', 'step', 'lb', 'Record the enquiry'], ['f', 'end', 'lb', '']], [['t', 'y'], ['y', 'f']]);
    const r = matchSteps(a, b);
    expect(pairs(r).sort()).toEqual([['e', 'f'], ['s', 't'], ['x', 'y']]);
    expect(r.matches.find((m) => m.a === 's')!.why).toMatch(/before (and|or) after match/);
    // Without the matched step between them, nothing ties the start to the start.
    const lone = map('c', laneB, [['t', 'start', 'lb', 'Enquiry comes in'], ['y', 'step', 'lb', 'Plan the campaign']], [['t', 'y']]);
    expect(matchSteps(a, lone).matches).toEqual([]);
  });

  test('one counterpart each: of two like steps in B, only one pairs with A’s', () => {
    const a = map('a', laneA, [['x', 'step', 'la', 'Send offer letter']]);
    const b = map('b', laneB, [['y', 'step', 'lb', 'Post offer letter'], ['z', 'step', 'lb', 'Send the offer letter']]);
    const r = matchSteps(a, b);
    expect(r.matches).toHaveLength(1);
    expect(r.onlyB).toHaveLength(1);
    expect([...r.onlyB, r.matches[0]!.b].sort()).toEqual(['y', 'z']);
  });
});

describe('decisions', () => {
  const a = map('a', laneA, [['x', 'step', 'la', 'Send offer letter'], ['w', 'step', 'la', 'Chase missing documents']], [['x', 'w']]);
  const b = map('b', laneB, [['y', 'step', 'lb', 'Post offer letter'], ['v', 'step', 'lb', 'Phone the applicant']], [['y', 'v']]);
  const d = (nodeA: string, nodeB: string, verdict: MatchDecision['verdict']): MatchDecision => ({ mapA: 'a', nodeA, mapB: 'b', nodeB, verdict });

  test('with no decision the matcher pairs the letters only', () => {
    expect(pairs(matchSteps(a, b))).toEqual([['x', 'y']]);
  });

  test('a confirmed pair is kept and marked; a rejected pair is not made again', () => {
    const confirmed = matchSteps(a, b, { decisions: [d('x', 'y', 'confirmed')] });
    expect(confirmed.matches).toEqual([expect.objectContaining({ a: 'x', b: 'y', score: 1, decided: 'confirmed' })]);
    const rejected = matchSteps(a, b, { decisions: [d('x', 'y', 'rejected')] });
    expect(pairs(rejected)).toEqual([]);
    expect(rejected.onlyA).toEqual(['x', 'w']);
    expect(rejected.rejected).toEqual([['x', 'y']]);
  });

  test('a pair matched by hand holds, takes its steps out of the matcher, and is read either way round', () => {
    const manual = matchSteps(a, b, { decisions: [d('x', 'v', 'manual')] });
    expect(manual.matches).toEqual([expect.objectContaining({ a: 'x', b: 'v', decided: 'manual', why: 'matched by hand' })]);
    expect(manual.onlyB).toEqual(['y']);
    const turned = matchSteps(b, a, { decisions: [d('x', 'v', 'manual')] });
    expect(pairs(turned)).toEqual([['v', 'x']]);
  });

  test('decisions about other maps or deleted steps change nothing', () => {
    const stale: MatchDecision[] = [{ ...d('x', 'v', 'manual'), mapB: 'c' }, d('gone', 'y', 'manual'), d('x', 'gone', 'rejected')];
    const r = matchSteps(a, b, { decisions: stale });
    expect(pairs(r)).toEqual([['x', 'y']]);
    expect(r.rejected).toEqual([]);
  });
});
