import { describe, expect, test } from 'vitest';
import { flowPositions, LABEL_MIN, labelSimilarity, matchSteps } from '../../src/core/compare';
import type { Flow, Lane, MapNode, NodeKind, ProcessMap } from '../../src/core/model/types';

// Step matching across two departments' maps: labels that say the same thing in other
// words match, labels that share only a verb or a medium do not, and context (lane role,
// stage in the flow) decides between two candidates.

type Row = [id: string, kind: NodeKind, lane: string, label: string];

function map(id: string, lanes: Lane[], rows: Row[], flows: [string, string][] = []): ProcessMap {
  const nodes: MapNode[] = rows.map(([nid, kind, laneId, label]) => ({ id: nid, kind, laneId, label }));
  const fl: Flow[] = flows.map(([from, to], i) => ({ id: `${id}-f${i}`, kind: 'sequence', from, to }));
  return { id, name: id, departmentId: `d-${id}`, lanes, nodes, flows: fl, view: { nodes: {}, laneHeights: {}, flowPoints: {} }, updatedAt: '' };
}

/** One step each, in an officer's lane of each department: only the labels differ. */
function pair(labelA: string, labelB: string) {
  const a = map('a', [{ id: 'la', name: 'Enquiries officer', departmentId: 'd-a' }], [['x', 'step', 'la', labelA]]);
  const b = map('b', [{ id: 'lb', name: 'Admissions officer', departmentId: 'd-b' }], [['y', 'step', 'lb', labelB]]);
  return matchSteps(a, b);
}

describe('label pairs', () => {
  const same: [string, string][] = [
    ['Log enquiry in spreadsheet', 'Record enquiry in Excel'],
    ['Log enquiry in spreadsheet', 'Add leads to enquiries spreadsheet'],
    ['Send offer letter', 'Post offer letter'],
    ['Check new address', 'Verify address'],
    ['Update address by hand', 'Updates address on portal'],
    ['Reply with prospectus', 'Respond with prospectus'],
    ['Create applicant record', 'Create donor record'],
    ['Enquiry logged', 'Log enquiry'],
    ['Chase missing documents', 'Chasing missing document'],
    ['Send offer letter', 'Send offer by e-mail'],
    ['Send thank-you e-mail', 'Email thank you'],
    ['Re-key address into database', 'Type address into the database'],
  ];
  test.each(same)('“%s” matches “%s”', (a, b) => {
    expect(labelSimilarity(a, b)).toBeGreaterThanOrEqual(LABEL_MIN);
    expect(pair(a, b).matches).toHaveLength(1);
  });

  const different: [string, string][] = [
    ['Send offer letter', 'Send regret e-mail'],
    ['Send regret e-mail', 'Send campaign e-mail'],
    ['Log enquiry in spreadsheet', "Log gift in Raiser's Edge"],
    ['Import online gifts', 'Export graduation list'],
    ['Run open day', 'Open post and bank cheque'],
    ['Add to Gift Aid claim', 'Add to guest list'],
    ['Send offer letter', 'Write thank-you letter'],
    ['Assess application', 'Send application'],
    ['', ''],
  ];
  test.each(different)('“%s” does not match “%s”', (a, b) => {
    expect(labelSimilarity(a, b)).toBeLessThan(LABEL_MIN);
    expect(pair(a, b)).toEqual({ matches: [], onlyA: ['x'], onlyB: ['y'], rejected: [] });
  });

  test('similarity is symmetric and 1 for the same words in another order', () => {
    expect(labelSimilarity('Complete application?', 'Application complete?')).toBe(1);
    expect(labelSimilarity('Log enquiry in spreadsheet', 'Add leads to enquiries spreadsheet')).toBe(
      labelSimilarity('Add leads to enquiries spreadsheet', 'Log enquiry in spreadsheet'),
    );
  });
});

describe('matching whole maps', () => {
  const lanesA: Lane[] = [{ id: 'cust', name: 'Applicant' }, { id: 'off', name: 'Enquiries officer', departmentId: 'd-a' }];
  const lanesB: Lane[] = [{ id: 'pros', name: 'Prospective student' }, { id: 'mkt', name: 'Marketing officer', departmentId: 'd-b' }];

  test('of two steps with the same label, the one in the same role wins; each step matches once', () => {
    const a = map('a', lanesA, [['s', 'start', 'cust', 'Asks'], ['e1', 'step', 'cust', 'Sends e-mail'], ['e2', 'step', 'off', 'Reply by e-mail']], [['s', 'e1'], ['e1', 'e2']]);
    const b = map('b', lanesB, [['t', 'start', 'mkt', 'Plan'], ['m1', 'step', 'mkt', 'Send e-mail'], ['m2', 'step', 'pros', 'Sends email']], [['t', 'm1'], ['m1', 'm2']]);
    const r = matchSteps(a, b);
    expect(r.matches.map((m) => [m.a, m.b])).toEqual([['e1', 'm2']]);
    // "Reply by e-mail" and "Send e-mail" share a medium, not an activity.
    expect(r.onlyA).toEqual(['s', 'e2']);
    expect(r.onlyB).toEqual(['t', 'm1']);
  });

  test('the customer lane only matches the customer lane, and a decision only a decision', () => {
    const a = map('a', lanesA, [['d', 'decision', 'off', 'Complete application?'], ['x', 'step', 'cust', 'Check application']]);
    const b = map('b', lanesB, [['y', 'step', 'mkt', 'Complete application'], ['z', 'decision', 'mkt', 'Application complete?']]);
    const r = matchSteps(a, b);
    expect(r.matches.map((m) => [m.a, m.b])).toEqual([['d', 'z']]);
  });

  test('stores, documents and notes are not steps and are never listed', () => {
    const a = map('a', lanesA, [['s', 'dataStore', 'off', 'Enquiries'], ['n', 'note', 'off', 'Enquiries'], ['x', 'step', 'off', 'Log enquiry']]);
    const b = map('b', lanesB, [['t', 'dataStore', 'mkt', 'Enquiries'], ['y', 'step', 'mkt', 'Record enquiry']]);
    const r = matchSteps(a, b);
    expect(r.matches.map((m) => [m.a, m.b])).toEqual([['x', 'y']]);
    expect(r.onlyA).toEqual([]);
    expect(r.onlyB).toEqual([]);
  });

  test('a borderline label needs the same stage and role: the same pair apart in the flow does not match', () => {
    const a = map('a', lanesA, [['s', 'start', 'off', 'Go'], ['x', 'step', 'off', 'Send offer letter to applicant'], ['y', 'step', 'off', 'Wait'], ['z', 'step', 'off', 'Wait more']], [['s', 'x'], ['x', 'y'], ['y', 'z']]);
    const near = map('b', lanesB, [['t', 'start', 'mkt', 'Go'], ['p', 'step', 'mkt', 'Send offer e-mail']], [['t', 'p']]);
    const far = map('c', [{ id: 'cust', name: 'Applicant' }], [['t', 'start', 'cust', 'Go'], ['q', 'step', 'cust', 'Wait'], ['r', 'step', 'cust', 'Wait more'], ['p', 'step', 'cust', 'Send offer e-mail']], [['t', 'q'], ['q', 'r'], ['r', 'p']]);
    expect(matchSteps(a, near).matches.map((m) => m.a)).toContain('x');
    expect(matchSteps(a, far).matches.map((m) => m.a)).not.toContain('x');
  });

  test('flow positions run from 0 at the start to 1 at the furthest step; a draft without a start begins where nothing leads in', () => {
    const m = map('a', lanesA, [['s', 'start', 'cust', 'Go'], ['x', 'step', 'off', 'A'], ['y', 'step', 'off', 'B'], ['lost', 'step', 'off', 'C']], [['s', 'x'], ['x', 'y']]);
    expect([...flowPositions(m)]).toEqual([['s', 0], ['x', 0.5], ['y', 1]]);
    const draft = map('b', lanesA, [['x', 'step', 'off', 'A'], ['y', 'step', 'off', 'B']], [['x', 'y'], ['y', 'x']]);
    expect(flowPositions(draft).size).toBe(0);
    const open = map('c', lanesA, [['x', 'step', 'off', 'A'], ['y', 'step', 'off', 'B']], [['x', 'y']]);
    expect([...flowPositions(open)]).toEqual([['x', 0], ['y', 1]]);
  });
});
