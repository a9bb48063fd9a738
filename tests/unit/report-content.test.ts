import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import { reportContent } from '../../src/core/report/content';
import { catalogueOf, mapSteps, useText } from '../../src/core/report/mapSteps';
import type { ProcessMap, Workspace } from '../../src/core/model/types';

const NOW = '2026-11-22T10:00:00Z';
const DATE_ONLY = '2026-11-22';

function workspace(map: Partial<ProcessMap>): Workspace {
  return {
    meta: { id: 'w', name: 'W' },
    departments: [{ id: 'd1', name: 'Sales' }],
    systems: [{ id: 's1', name: 'CRM', kind: 'application', integratesWith: [] }],
    dataStores: [{ id: 'ds1', name: 'Contacts', kind: 'database', systemId: 's1', customerFields: ['Email'] }],
    maps: [{ id: 'm1', name: 'M', departmentId: 'd1', updatedAt: NOW, lanes: [], nodes: [], flows: [], view: { nodes: {}, laneHeights: {}, flowPoints: {} }, ...map }],
  };
}

describe('the report steps', () => {
  it('lists steps left to right with their lane, and each store once with what the step does there', () => {
    const ws = workspace({
      lanes: [{ id: 'a', name: 'Desk' }, { id: 'b', name: 'Back office' }],
      nodes: [
        { id: 'later', kind: 'step', laneId: 'a', label: 'Update contact' },
        { id: 'first', kind: 'start', laneId: 'b', label: 'Call comes in' },
        { id: 'st1', kind: 'dataStore', laneId: 'a', label: 'contacts db', refId: 'ds1' },
        { id: 'st2', kind: 'dataStore', laneId: 'b', label: 'contacts again', refId: 'ds1' },
        { id: 'sys', kind: 'system', laneId: 'a', label: 'Old Access file' },
        { id: 'note', kind: 'note', laneId: 'a', label: 'Ask Jo', notes: 'She knows the old file' },
      ],
      flows: [
        { id: 'f1', kind: 'sequence', from: 'first', to: 'later' },
        { id: 'f2', kind: 'data', from: 'st1', to: 'later' },
        { id: 'f3', kind: 'data', from: 'later', to: 'st2' },
        { id: 'f4', kind: 'data', from: 'later', to: 'sys', access: 'read' },
      ],
      view: {
        nodes: {
          later: { x: 400, y: 20, width: 140, height: 60 },
          first: { x: 200, y: 220, width: 40, height: 40 },
          st1: { x: 400, y: 100, width: 100, height: 60 },
          st2: { x: 600, y: 220, width: 100, height: 60 },
          sys: { x: 600, y: 20, width: 100, height: 60 },
          note: { x: 800, y: 20, width: 100, height: 60 },
        },
        laneHeights: { a: 200, b: 200 },
        flowPoints: {},
      },
    });
    const { steps, notes } = mapSteps(ws.maps[0]!, catalogueOf(ws));
    expect(steps.map((s) => [s.label, s.lane])).toEqual([['Call comes in', 'Back office'], ['Update contact', 'Desk']]);
    expect(steps[1]!.uses.map(useText)).toEqual(['Reads and writes Contacts', 'Reads Old Access file (not in the catalogue)']);
    expect(notes).toEqual([{ label: 'Ask Jo', notes: 'She knows the old file' }]);
  });

  it('numbers the headings and keeps only the findings about the chosen maps', () => {
    const ws = demoWorkspace(NOW);
    const c = reportContent(ws, { mapIds: ['m-reg'], date: '2026-01-05' });
    expect(c.cover.date).toBe('5 January 2026');
    expect(c.contents.map((h) => `${h.number} ${h.title}`)).toEqual([
      '1 Summary', '2 Registry', '2.1 Registry: change of address (draft)', '3 Across departments', '3.1 Duplicated customer data', '3.2 Customer data landscape',
      '4 Recommendations', '5 All findings', '6 Glossary of systems and data stores',
    ]);
    expect(c.findings!.rows.length).toBeGreaterThan(0);
    const ids = new Set(c.findings!.rows.map((r) => r.id));
    expect(analyzeWorkspace(ws).filter((f) => ids.has(f.id)).every((f) => f.mapIds.length === 0 || f.mapIds.includes('m-reg'))).toBe(true);
    expect(c.departments[0]!.maps[0]!.findings.map((f) => f.ref)).toEqual(c.findings!.rows.filter((r) => r.maps.includes('Registry')).map((r) => r.ref));
  });

  it("says in each map's facts whether it is agreed or for review, and who set it when", () => {
    const facts = (review: ProcessMap['review']) => reportContent(workspace({ review }), { date: '2026-12-01' }).departments[0]!.maps[0]!.facts;
    expect(facts({ state: 'agreed', by: 'Ana Silva', at: '2026-11-20T15:30:00.000Z' })).toBe('0 lanes · 0 steps · updated 22 November 2026 · agreed by Ana Silva on 20 November 2026');
    expect(facts({ state: 'review', by: 'Ben' })).toBe('0 lanes · 0 steps · updated 22 November 2026 · sent for review by Ben');
    expect(facts({ state: 'review' })).toBe('0 lanes · 0 steps · updated 22 November 2026 · for review');
    expect(facts({ state: 'draft', by: 'Ana', at: NOW })).toBe('0 lanes · 0 steps · updated 22 November 2026');
    expect(facts(undefined)).toBe('0 lanes · 0 steps · updated 22 November 2026');
  });

  it('says in the summary where the maps stand with their departments, once any is for review or agreed', () => {
    const demo = demoWorkspace(NOW);
    const standing = (w: Workspace) => reportContent(w, { date: DATE_ONLY }).summary!.paragraphs.find((p) => /agreed|for review/.test(p));
    expect(standing(demo)).toBeUndefined();
    const set = (id: string, state: 'agreed' | 'review') => (m: ProcessMap) => (m.id === id ? { ...m, review: { state, by: 'Ana', at: NOW } } : m);
    const reviewed = { ...demo, maps: demo.maps.map(set('m-adm', 'agreed')).map(set('m-reg', 'agreed')).map(set('m-alu', 'review')) };
    const names = (ids: string[]) => ids.map((id) => `“${demo.maps.find((m) => m.id === id)!.name}”`);
    expect(standing(reviewed)).toBe(`2 of the 5 maps are agreed: ${names(['m-adm', 'm-reg']).join(' and ')}; 1 is with its department for review: ${names(['m-alu'])[0]}; 2 are drafts.`);
  });

  it('shows a findings part that says so when asked for findings and there are none', () => {
    const ws = workspace({});
    const c = reportContent(ws, { findings: [], includeFindings: true });
    expect(c.findings?.rows).toEqual([]);
    expect(c.findings?.intro).toMatch(/found nothing/);
    expect(reportContent(ws, { findings: [] }).findings).toBeUndefined();
  });
});
