import { describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { MIN_BAND } from '../../src/core/layout/constants';
import { measureLayout } from '../../src/core/layout/metrics';
import { quickLayout } from '../../src/core/layout/quickLayout';
import { LANE_HEADER_WIDTH, laneBands } from '../../src/core/model/geometry';
import type { ProcessMap } from '../../src/core/model/types';
import { isControlKind } from '../../src/core/model/vocabulary';

const NOW = '2026-11-22T10:00:00Z';
const ws = demoWorkspace(NOW);

const unique = (ids: string[]) => new Set(ids).size === ids.length;
/** A map the workshop left unfinished on purpose ("… (draft)"): no start, end or decision yet. */
const isDraft = (m: ProcessMap) => m.name.endsWith('(draft)');

function overlapsOrOutside(map: ProcessMap): string[] {
  const problems: string[] = [];
  const bands = new Map(laneBands(map).map((b) => [b.laneId, b]));
  for (const n of map.nodes) {
    const b = map.view.nodes[n.id];
    const band = bands.get(n.laneId);
    if (!b || !band || b.y < band.y || b.y + b.height > band.y + band.height || b.x < LANE_HEADER_WIDTH) problems.push(`${n.id} outside`);
    for (const m of map.nodes) {
      const c = map.view.nodes[m.id];
      if (m.id <= n.id || !b || !c) continue;
      if (b.x < c.x + c.width && c.x < b.x + b.width && b.y < c.y + c.height && c.y < b.y + b.height) problems.push(`${n.id}/${m.id}`);
    }
  }
  return problems;
}

describe('demo workspace', () => {
  it('is the university CRM workshop with its catalogue', () => {
    expect(ws.meta).toEqual({ id: 'ws-demo', name: 'University CRM (demo)' });
    expect(ws.maps.length).toBeGreaterThanOrEqual(5);
    expect(ws.maps.map((m) => m.id)).toEqual(expect.arrayContaining(['m-adm', 'm-alu', 'm-dev', 'm-mkt', 'm-reg']));
    expect(ws.maps.filter(isDraft).map((m) => m.id)).toEqual(['m-reg']);
    expect(ws.departments.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Admissions', 'Registry', 'Alumni Relations', 'Fundraising (Development)', 'Marketing', 'Finance']));
    expect(ws.systems.some((s) => s.integratesWith.length > 0)).toBe(true);
    for (const m of ws.maps) expect(m.updatedAt).toBe(NOW);
  });

  it('has unique ids in every list', () => {
    expect(unique(ws.departments.map((d) => d.id))).toBe(true);
    expect(unique(ws.systems.map((s) => s.id))).toBe(true);
    expect(unique(ws.dataStores.map((d) => d.id))).toBe(true);
    expect(unique(ws.maps.map((m) => m.id))).toBe(true);
    for (const m of ws.maps) {
      expect(unique(m.lanes.map((l) => l.id))).toBe(true);
      expect(unique(m.nodes.map((n) => n.id))).toBe(true);
      expect(unique(m.flows.map((f) => f.id))).toBe(true);
    }
  });

  it('resolves every reference: lanes, departments, flow ends, catalogue links when present', () => {
    const dept = new Set(ws.departments.map((d) => d.id));
    const sys = new Set(ws.systems.map((s) => s.id));
    const store = new Set(ws.dataStores.map((d) => d.id));
    for (const s of ws.systems) {
      for (const other of s.integratesWith) expect(sys.has(other)).toBe(true);
      if (s.ownerDepartmentId) expect(dept.has(s.ownerDepartmentId)).toBe(true);
    }
    for (const d of ws.dataStores) {
      if (d.systemId !== null) expect(sys.has(d.systemId)).toBe(true);
      expect(dept.has(d.ownerDepartmentId!)).toBe(true);
      expect(d.customerFields.length).toBeGreaterThan(0);
    }
    for (const m of ws.maps) {
      const lanes = new Set(m.lanes.map((l) => l.id));
      const nodes = new Set(m.nodes.map((n) => n.id));
      expect(dept.has(m.departmentId!)).toBe(true);
      for (const l of m.lanes) if (l.departmentId) expect(dept.has(l.departmentId)).toBe(true);
      for (const n of m.nodes) {
        expect(lanes.has(n.laneId), `${n.id} lane`).toBe(true);
        // A store or system may be drawn without a catalogue link; a link, when present, resolves.
        if (n.kind === 'dataStore' && n.refId !== undefined) expect(store.has(n.refId), `${n.id} refId`).toBe(true);
        if (n.kind === 'system' && n.refId !== undefined) expect(sys.has(n.refId), `${n.id} refId`).toBe(true);
        if (n.kind !== 'dataStore' && n.kind !== 'system') expect(n.refId).toBeUndefined();
      }
      for (const f of m.flows) expect(nodes.has(f.from) && nodes.has(f.to), `${f.id} ends`).toBe(true);
    }
    // Every system node is linked, and so is every store node but the ones left out on purpose.
    const nodes = ws.maps.flatMap((m) => m.nodes);
    expect(nodes.filter((n) => n.kind === 'system' && n.refId === undefined)).toEqual([]);
    expect(nodes.filter((n) => n.kind === 'dataStore' && n.refId === undefined).map((n) => n.id)).toEqual(['n-adm-20']);
  });

  it('gives every map lanes, a start, an end, a labelled decision, hand-offs, data flows, a document and a note', () => {
    for (const m of ws.maps.filter((m) => !isDraft(m))) {
      const kinds = new Set(m.nodes.map((n) => n.kind));
      const kindOf = new Map(m.nodes.map((n) => [n.id, n.kind]));
      expect(m.lanes.length, m.id).toBeGreaterThanOrEqual(3);
      expect(m.lanes.length, m.id).toBeLessThanOrEqual(5);
      expect(m.nodes.length, m.id).toBeGreaterThanOrEqual(10);
      expect(m.nodes.length, m.id).toBeLessThanOrEqual(20);
      for (const k of ['start', 'end', 'step', 'decision', 'document', 'note'] as const) expect(kinds.has(k), `${m.id} ${k}`).toBe(true);
      expect(m.nodes.some((n) => n.manual), m.id).toBe(true);
      expect(m.flows.some((f) => f.kind === 'message'), m.id).toBe(true);
      expect(m.flows.some((f) => f.kind === 'data'), m.id).toBe(true);
      // Some lane belongs to another department: the hand-offs cross a department line.
      expect(m.lanes.some((l) => l.departmentId && l.departmentId !== m.departmentId), m.id).toBe(true);
      const labelledBranches = m.flows.filter((f) => kindOf.get(f.from) === 'decision' && f.label);
      expect(labelledBranches.length, m.id).toBeGreaterThanOrEqual(2);
      // Data flows touch a store, system or document at one end; control flows never do.
      for (const f of m.flows) {
        const ends = [kindOf.get(f.from)!, kindOf.get(f.to)!];
        if (f.kind === 'data') expect(ends.some((k) => !isControlKind(k)), f.id).toBe(true);
        else expect(ends.every((k) => isControlKind(k)), f.id).toBe(true);
      }
    }
  });

  it('keeps a draft small but drawn: lanes, steps, hand-offs, data flows and a note, though no start, end or decision', () => {
    for (const m of ws.maps.filter(isDraft)) {
      const kinds = new Set(m.nodes.map((n) => n.kind));
      const kindOf = new Map(m.nodes.map((n) => [n.id, n.kind]));
      expect(m.lanes.length, m.id).toBeGreaterThanOrEqual(2);
      expect(m.lanes.length, m.id).toBeLessThanOrEqual(5);
      expect(m.nodes.length, m.id).toBeLessThanOrEqual(20);
      for (const k of ['step', 'note'] as const) expect(kinds.has(k), `${m.id} ${k}`).toBe(true);
      for (const k of ['start', 'end'] as const) expect(kinds.has(k), `${m.id} ${k}`).toBe(false);
      expect(m.flows.some((f) => f.kind === 'message'), m.id).toBe(true);
      expect(m.flows.some((f) => f.kind === 'data'), m.id).toBe(true);
      for (const f of m.flows) {
        const ends = [kindOf.get(f.from)!, kindOf.get(f.to)!];
        if (f.kind === 'data') expect(ends.some((k) => !isControlKind(k)), f.id).toBe(true);
        else expect(ends.every((k) => isControlKind(k)), f.id).toBe(true);
      }
    }
  });

  it('plants the problems the analysis should find', () => {
    const fieldsOf = (id: string) => ws.dataStores.find((d) => d.id === id)!.customerFields;
    // The same e-mail address kept under two names in different departments' stores.
    expect(fieldsOf('ds-sits')).toContain('E-mail address');
    expect(fieldsOf('ds-alum')).toContain('Email');
    expect(fieldsOf('ds-enq')).toEqual(expect.arrayContaining(['Full name', 'Mobile']));
    // A silo spreadsheet (Admissions only) and a silo system (integrates with nothing, in either list).
    expect(ws.dataStores.find((d) => d.id === 'ds-enq')!.systemId).toBeNull();
    const alumdb = ws.systems.find((s) => s.id === 's-alumdb')!;
    expect(alumdb.integratesWith).toEqual([]);
    expect(ws.systems.some((s) => s.integratesWith.includes('s-alumdb'))).toBe(false);
    // Re-keying: a manual step reading one store and writing another.
    const alu = ws.maps.find((m) => m.id === 'm-alu')!;
    expect(alu.flows).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'data', from: 'n-alu-4', to: 'n-alu-5' }),
      expect.objectContaining({ kind: 'data', from: 'n-alu-5', to: 'n-alu-6' }),
    ]));
    // The structural slips: a step with no way out ...
    expect(alu.flows.some((f) => f.from === 'n-alu-19' && f.kind !== 'data')).toBe(false);
    // ... a decision with its "No" branch never drawn, which leaves an end nothing leads to ...
    const mkt = ws.maps.find((m) => m.id === 'm-mkt')!;
    expect(mkt.flows.filter((f) => f.from === 'n-mkt-14' && f.kind !== 'data').map((f) => f.to)).toEqual(['n-mkt-15']);
    expect(mkt.flows.some((f) => f.to === 'n-mkt-16')).toBe(false);
    // ... a lane nobody drew in and an end nobody named ...
    const dev = ws.maps.find((m) => m.id === 'm-dev')!;
    expect(dev.lanes.map((l) => l.id)).toContain('l-dev-dir');
    expect(dev.nodes.some((n) => n.laneId === 'l-dev-dir')).toBe(false);
    expect(dev.nodes.find((n) => n.id === 'n-dev-19')).toMatchObject({ kind: 'end', label: '' });
    // ... and a draft with neither start nor end.
    const reg = ws.maps.find((m) => m.id === 'm-reg')!;
    expect(reg.nodes.some((n) => n.kind === 'start' || n.kind === 'end')).toBe(false);
  });

  it('comes laid out and routed: no overlaps, every node inside its lane band, no flow through a node, a band even for an empty lane', () => {
    for (const m of ws.maps) {
      expect(Object.keys(m.view.nodes).sort()).toEqual(m.nodes.map((n) => n.id).sort());
      expect(Object.keys(m.view.laneHeights)).toEqual(m.lanes.map((l) => l.id));
      for (const l of m.lanes) expect(m.view.laneHeights[l.id], `${m.id} ${l.id}`).toBeGreaterThanOrEqual(MIN_BAND);
      expect(Object.keys(m.view.flowPoints).sort()).toEqual(m.flows.map((f) => f.id).sort());
      expect(overlapsOrOutside(m), m.id).toEqual([]);
      const q = measureLayout(m);
      expect({ through: q.flowsThroughNodes, diagonal: q.diagonalSegments, detached: q.detachedEnds }, m.id).toEqual({ through: 0, diagonal: 0, detached: 0 });
    }
    // The empty lane keeps a band to drop steps into rather than collapsing to nothing.
    expect(ws.maps.find((m) => m.id === 'm-dev')!.view.laneHeights['l-dev-dir']).toBe(MIN_BAND);
  });

  it('is deterministic apart from the time, and quickLayout is stable on it', () => {
    const again = demoWorkspace(NOW);
    expect(again).toEqual(ws);
    const later = demoWorkspace('2027-01-01T00:00:00Z');
    expect({ ...later, maps: later.maps.map((m) => ({ ...m, updatedAt: NOW })) }).toEqual(ws);
    for (const m of ws.maps) expect(quickLayout(m)).toEqual(m);
  });

  it('hands out fresh copies, so editing one demo leaves the next untouched', () => {
    const a = demoWorkspace(NOW);
    a.dataStores[0]!.customerFields.push('Changed');
    a.maps[0]!.nodes[0]!.label = 'Changed';
    expect(demoWorkspace(NOW)).toEqual(ws);
  });
});
