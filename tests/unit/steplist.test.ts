import { describe, expect, it } from 'vitest';
import { createMap } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { emptyMap } from '../../src/core/model/factory';
import type { ProcessMap, Workspace } from '../../src/core/model/types';
import { applyStepList, type Item, listFlows, parseStepList, stepsOf, writeStepList } from '../../src/core/steplist';
import { ctx, expectNodesInTheirBands, expectNoOp, expectUndoable, getMap, runCmd, workspace } from './fixtures/maps';

const items = (text: string): Item[] => {
  const r = parseStepList(text);
  if (!r.ok) throw new Error(`test: ${JSON.stringify(r.errors)}`);
  return r.items;
};

/** The workspace fixture with an empty map "m-new" (no department) to draw into. */
function withEmptyMap(): Workspace {
  const map = emptyMap({ id: 'm-new', name: 'Enquiries', departmentId: 'd-sales', lanes: [], now: 'x' });
  return createMap.run(workspace(), { map }, ctx);
}

const apply = (ws: Workspace, text: string, seed = 's1', mapId = 'm-new') => expectUndoable(applyStepList, ws, { mapId, items: items(text), seed });

/** Flows as "from label -> to label (kind, label)", readable in a failing test. */
const flowsOf = (map: ProcessMap) => {
  const label = (id: string) => map.nodes.find((n) => n.id === id)!.label;
  return map.flows.map((f) => `${label(f.from)} -> ${label(f.to)} (${f.kind}${f.label ? `, ${f.label}` : ''})`);
};

const ENQUIRY = `Enquiries officer: Log enquiry [CRM, Enquiry spreadsheet]
Check details
? Complete?
  Yes: Send prospectus
  No: Applicant: Supply missing details
    -> Check details
Operations: Book visit [CRM]`;

describe('parseStepList', () => {
  it('reads lanes, steps, systems, a decision with branches and a go-to', () => {
    const list = items(ENQUIRY);
    expect(stepsOf(list).map((s) => `${s.lane}|${s.kind}|${s.text}|${s.systems.join(',')}`)).toEqual([
      'Enquiries officer|step|Log enquiry|CRM,Enquiry spreadsheet',
      'Enquiries officer|step|Check details|',
      'Enquiries officer|decision|Complete?|',
      'Enquiries officer|step|Send prospectus|',
      'Applicant|step|Supply missing details|',
      'Operations|step|Book visit|CRM',
    ]);
    expect(listFlows(list).map((f) => `${f.from.text} > ${f.to.text}${f.label ? ` (${f.label})` : ''}`)).toEqual([
      'Log enquiry > Check details',
      'Check details > Complete?',
      'Complete? > Send prospectus (Yes)',
      'Complete? > Supply missing details (No)',
      'Supply missing details > Check details',
      // The No branch ends in a go-to, so only the Yes branch runs on to the next line.
      'Send prospectus > Book visit',
    ]);
  });

  it('reads rows pasted from a spreadsheet, header and empty lane cells included', () => {
    const list = items('Lane\tStep\tSystems\nAdmissions\tLog enquiry\tSITS, Mailbox\n\tReply\t\nFinance\tInvoice');
    expect(stepsOf(list).map((s) => `${s.lane}|${s.text}|${s.systems.join(',')}`)).toEqual(['Admissions|Log enquiry|SITS,Mailbox', 'Admissions|Reply|', 'Finance|Invoice|']);
    expect(listFlows(list)).toHaveLength(2);
  });

  it('ends a path at a blank line, and an empty branch goes straight on with its label', () => {
    const list = items('A: one\n? Paid?\n  Yes:\n  No: chase\nA: two\n\nA: three');
    expect(listFlows(list).map((f) => `${f.from.text} > ${f.to.text}${f.label ? ` (${f.label})` : ''}`)).toEqual([
      'one > Paid?',
      'Paid? > chase (No)',
      'Paid? > two (Yes)',
      'chase > two',
    ]);
  });

  it('names every bad line and why, and gives nothing to apply', () => {
    const r = parseStepList('Log enquiry\nOfficer: \n  Yes: indented under a step\nOfficer: ok [CRM\n-> Nowhere\n? Officer: Decide\n  no colon here');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.line)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(r.errors[0]!.message).toMatch(/Lane: step/);
    expect(r.errors[4]!.message).toMatch(/No step "Nowhere"/);
    expect(parseStepList('  \n\n').ok).toBe(false);
  });
});

describe('applyStepList', () => {
  it('builds lanes in order of first appearance, steps, flows, hand-offs and systems as one undoable edit', () => {
    const next = apply(withEmptyMap(), ENQUIRY);
    const map = getMap(next, 'm-new');
    expect(map.lanes.map((l) => l.name)).toEqual(['Enquiries officer', 'Applicant', 'Operations']);
    // "Operations" is a department of the workspace, so its lane is that department's.
    expect(map.lanes[2]!.departmentId).toBe('d-ops');
    expect(map.nodes.filter((n) => n.kind === 'step' || n.kind === 'decision').map((n) => n.label)).toEqual([
      'Log enquiry',
      'Check details',
      'Complete?',
      'Send prospectus',
      'Supply missing details',
      'Book visit',
    ]);
    expect(flowsOf(map)).toEqual(
      expect.arrayContaining([
        'Log enquiry -> Check details (sequence)',
        'Complete? -> Send prospectus (sequence, Yes)',
        'Complete? -> Supply missing details (sequence, No)',
        'Send prospectus -> Book visit (message)',
        'Log enquiry -> CRM (data)',
        'Log enquiry -> Enquiry spreadsheet (data)',
        'Book visit -> CRM (data)',
      ]),
    );
    // CRM is reused from the catalogue and drawn once; the spreadsheet is new, as a store.
    expect(map.nodes.filter((n) => n.kind === 'system').map((n) => n.refId)).toEqual(['sys-crm']);
    expect(next.systems).toHaveLength(1);
    const sheet = next.dataStores.find((d) => d.name === 'Enquiry spreadsheet');
    expect(sheet?.kind).toBe('spreadsheet');
    expect(map.nodes.find((n) => n.kind === 'dataStore')?.refId).toBe(sheet!.id);
    expectNodesInTheirBands(map);
  });

  it('reuses catalogue entries by a name spelt loosely', () => {
    const ws = withEmptyMap();
    const next = apply(ws, 'Sales: Raise order [order sheets, crm]');
    const map = getMap(next, 'm-new');
    expect(map.nodes.filter((n) => n.refId).map((n) => n.refId).sort()).toEqual(['ds-sheet', 'sys-crm']);
    expect(next.systems).toBe(ws.systems);
    expect(next.dataStores).toBe(ws.dataStores);
  });

  it('applied again unchanged, changes nothing', () => {
    const once = apply(withEmptyMap(), ENQUIRY);
    expectNoOp(applyStepList, once, { mapId: 'm-new', items: items(ENQUIRY), seed: 's2' });
  });

  it('applied again edited, keeps positions and manual edits of the steps still there', () => {
    const once = apply(withEmptyMap(), ENQUIRY);
    const map = getMap(once, 'm-new');
    const check = map.nodes.find((n) => n.label === 'Check details')!;
    // The user moved a step, marked it manual and wrote a note on it.
    const edited: Workspace = {
      ...once,
      maps: once.maps.map((m) =>
        m.id !== 'm-new'
          ? m
          : {
              ...m,
              nodes: m.nodes.map((n) => (n.id === check.id ? { ...n, manual: true, notes: 'Done on paper' } : n)),
              view: { ...m.view, nodes: { ...m.view.nodes, [check.id]: { ...m.view.nodes[check.id]!, x: 777 } } },
            },
      ),
    };
    const text = ENQUIRY.replace('Send prospectus', 'Send the prospectus').replace('Operations: Book visit [CRM]', 'Operations: Book campus visit');
    const twice = apply(edited, text, 's2');
    const after = getMap(twice, 'm-new');
    const checkAfter = after.nodes.find((n) => n.id === check.id)!;
    expect(checkAfter).toMatchObject({ label: 'Check details', manual: true, notes: 'Done on paper' });
    expect(after.view.nodes[check.id]!.x).toBe(777);
    // A close spelling in the same lane is the same step, renamed.
    const send = map.nodes.find((n) => n.label === 'Send prospectus')!;
    expect(after.nodes.find((n) => n.id === send.id)?.label).toBe('Send the prospectus');
    // "Book visit" -> "Book campus visit" is also a renaming; its CRM is no longer named, and CRM still serves Log enquiry.
    expect(flowsOf(after)).toContain('Send the prospectus -> Book campus visit (message)');
    expect(flowsOf(after)).not.toContain('Book campus visit -> CRM (data)');
    expect(after.nodes.some((n) => n.kind === 'system')).toBe(true);
  });

  it('removes steps the list no longer names, with their flows, and a store no step uses any more', () => {
    const once = apply(withEmptyMap(), 'Office: Log [Paper file]\nOffice: Reply\nOffice: Close');
    const twice = apply(once, 'Office: Log\nOffice: Close', 's2');
    const map = getMap(twice, 'm-new');
    expect(map.nodes.map((n) => n.label)).toEqual(['Log', 'Close']);
    expect(flowsOf(map)).toEqual(['Log -> Close (sequence)']);
    // The catalogue entry itself stays: other maps may use it.
    expect(twice.dataStores.some((d) => d.name === 'Paper file')).toBe(true);
  });

  it('moving a step to another department\'s lane makes its flows hand-offs', () => {
    const once = apply(withEmptyMap(), 'Sales: Quote\nSales: Fulfil order');
    const twice = apply(once, 'Sales: Quote\nOperations: Fulfil order', 's2');
    expect(flowsOf(getMap(twice, 'm-new'))).toEqual(['Quote -> Fulfil order (message)']);
    expectNodesInTheirBands(getMap(twice, 'm-new'));
  });

  it('takes a laid-out view for the map it draws', () => {
    const ws = withEmptyMap();
    const args = { mapId: 'm-new', items: items('A: one\nA: two'), seed: 's1' };
    const plain = getMap(runCmd(applyStepList, ws, args), 'm-new');
    const view = { nodes: Object.fromEntries(plain.nodes.map((n, i) => [n.id, { x: 300 + 200 * i, y: 50, width: 150, height: 64 }])), laneHeights: { [plain.lanes[0]!.id]: 180 }, flowPoints: {} };
    const laid = getMap(runCmd(applyStepList, ws, { ...args, view }), 'm-new');
    expect(laid.view.nodes).toEqual(view.nodes);
    expect(laid.view.laneHeights).toEqual(view.laneHeights);
  });
});

describe('writeStepList', () => {
  it('writes a map as a list that applies back to the same map', () => {
    const once = apply(withEmptyMap(), ENQUIRY);
    const text = writeStepList(once, getMap(once, 'm-new'));
    expect(text.split('\n')[0]).toBe('Enquiries officer: Log enquiry [CRM, Enquiry spreadsheet]');
    expectNoOp(applyStepList, once, { mapId: 'm-new', items: items(text), seed: 's2' });
  });

  it('writes a hand-drawn map (the fixture) so that applying it changes nothing', () => {
    const ws = workspace();
    const text = writeStepList(ws, getMap(ws));
    expect(text).toBe('(start) Sales: Enquiry\nSales: Quote [CRM]\nOperations: Fulfil order\n? Operations: Complete?\n  OK: (end) Sales: Closed');
    expectNoOp(applyStepList, ws, { mapId: 'map-a', items: items(text), seed: 's2' });
  });

  it('writes every demo map so that applying it back changes nothing', () => {
    const ws = demoWorkspace('2026-01-01T00:00:00.000Z');
    for (const map of ws.maps) {
      const text = writeStepList(ws, map);
      expect(text.length, map.name).toBeGreaterThan(0);
      expectNoOp(applyStepList, ws, { mapId: map.id, items: items(text), seed: 's9' });
    }
  });
});

describe('starts, ends, documents and notes in the list', () => {
  const FULL = `(start) Applicant: Asks about a course
Enquiries officer: Log enquiry [CRM]
(doc) Enquiry receipt
(note) Phone enquiries: typed twice, see finding 3
(end) Enquiries officer: Enquiry logged
Enquiries officer: Weekly report`;

  it('reads (start) and (end) as lines of the path, and (doc) and (note) as the step above’s; nothing flows out of an end', () => {
    const list = items(FULL);
    expect(stepsOf(list).map((s) => `${s.kind}|${s.lane}|${s.text}`)).toEqual([
      'start|Applicant|Asks about a course',
      'step|Enquiries officer|Log enquiry',
      'end|Enquiries officer|Enquiry logged',
      'step|Enquiries officer|Weekly report',
    ]);
    expect(stepsOf(list)[1]!.attached).toEqual([
      { kind: 'document', text: 'Enquiry receipt', line: 3 },
      // A note's colons and commas are its words, not a lane.
      { kind: 'note', text: 'Phone enquiries: typed twice, see finding 3', line: 4 },
    ]);
    expect(listFlows(list).map((f) => `${f.from.text} > ${f.to.text}`)).toEqual(['Asks about a course > Log enquiry', 'Log enquiry > Enquiry logged']);
  });

  it('says which line is wrong: a document with no step above it, a mark with no words', () => {
    const r = parseStepList('(doc) Receipt\nOfficer: Log\n(note)');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.line)).toEqual([1, 3]);
    // An unnamed end is allowed; an unnamed step is not.
    expect(parseStepList('Officer: Log\n(end) Officer:').ok).toBe(true);
    expect(parseStepList('Officer: Log\nOfficer:').ok).toBe(false);
  });

  it('draws them: a start and an end in their lanes, the document joined to its step by a data flow, the note beside it', () => {
    const ws = apply(withEmptyMap(), FULL);
    const map = getMap(ws, 'm-new');
    expect(map.nodes.map((n) => `${n.kind}:${n.label}`).sort()).toEqual([
      'document:Enquiry receipt',
      'end:Enquiry logged',
      'note:Phone enquiries: typed twice, see finding 3',
      'start:Asks about a course',
      'step:Log enquiry',
      'step:Weekly report',
      'system:CRM',
    ]);
    expect(flowsOf(map)).toEqual(
      ['Asks about a course -> Log enquiry (sequence)', 'Log enquiry -> Enquiry logged (sequence)', 'Log enquiry -> CRM (data)', 'Log enquiry -> Enquiry receipt (data)'],
    );
    expectNodesInTheirBands(map);
    // Written back, it reads the same; applied again, nothing changes.
    const text = writeStepList(ws, map);
    expect(text).toContain('(doc) Enquiry receipt');
    expect(text).toContain('(note) Phone enquiries: typed twice, see finding 3');
    expect(text).toContain('(start) Applicant: Asks about a course');
    expect(text).toContain('(end) Enquiries officer: Enquiry logged');
    expectNoOp(applyStepList, ws, { mapId: 'm-new', items: items(text), seed: 's3' });
  });

  it('a document or note line taken out of the list goes from the map (one undo brings it back); the others stay where they were', () => {
    const ws = apply(withEmptyMap(), FULL);
    const before = getMap(ws, 'm-new');
    const noteBox = before.view.nodes[before.nodes.find((n) => n.kind === 'note')!.id];
    const fewer = apply(ws, FULL.replace('(doc) Enquiry receipt\n', ''), 's4');
    const map = getMap(fewer, 'm-new');
    expect(map.nodes.some((n) => n.kind === 'document')).toBe(false);
    expect(map.flows.some((f) => f.kind === 'data' && map.nodes.find((n) => n.id === f.to)?.kind === 'document')).toBe(false);
    const note = map.nodes.find((n) => n.kind === 'note')!;
    expect(map.view.nodes[note.id]).toEqual(noteBox);
    const noNote = getMap(apply(fewer, FULL.replace('(doc) Enquiry receipt\n', '').replace(/\(note\).*\n/, ''), 's5'), 'm-new');
    expect(noNote.nodes.some((n) => n.kind === 'note')).toBe(false);
  });

  it('keeps every demo map’s starts, ends, documents and notes through map -> list -> map', () => {
    const ws = demoWorkspace('2026-01-01T00:00:00.000Z');
    const text = ws.maps.map((m) => writeStepList(ws, m)).join('\n');
    const count = (kind: string) => ws.maps.reduce((n, m) => n + m.nodes.filter((x) => x.kind === kind).length, 0);
    expect(text.match(/\(start\)/g)!.length).toBe(count('start'));
    expect(text.match(/\(end\)/g)!.length).toBe(count('end'));
    expect(text.match(/\(note\)/g)!.length).toBe(count('note'));
    expect(text.match(/\(doc\)/g)!.length).toBeGreaterThan(0);
  });
});
