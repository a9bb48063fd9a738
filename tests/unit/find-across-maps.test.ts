import { describe, expect, it } from 'vitest';
import { findAcrossMaps } from '../../src/core/catalogue';
import { demoWorkspace } from '../../src/core/demo';

describe('find across maps', () => {
  const ws = demoWorkspace('2026-01-01T00:00:00.000Z');

  it('finds steps, systems and stores in every map by a loose spelling, best first', () => {
    const hits = findAcrossMaps(ws, 'raisers edge');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]!.label).toMatch(/Raiser.s Edge/);
    expect(new Set(hits.map((h) => h.mapName)).size).toBeGreaterThanOrEqual(1);
    const steps = findAcrossMaps(ws, 'log enquiry');
    expect(steps[0]).toMatchObject({ kind: 'step', label: 'Log enquiry in spreadsheet', mapName: 'Admissions: enquiry to offer' });
  });

  it('lists a node once, even when its label and its catalogue entry both match', () => {
    const hits = findAcrossMaps(ws, 'SITS');
    const keys = hits.map((h) => `${h.mapId}/${h.nodeId}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(hits.some((h) => h.kind === 'system' || h.kind === 'dataStore')).toBe(true);
  });

  it('finds nothing for an empty query or a word no map has', () => {
    expect(findAcrossMaps(ws, '  ')).toEqual([]);
    expect(findAcrossMaps(ws, 'zebra crossing')).toEqual([]);
  });
});
