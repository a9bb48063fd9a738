import { describe, expect, it } from 'vitest';
import { CommandError, setRecommendation, updateWorkspaceDetails } from '../../src/core/commands';
import { emptyWorkspace } from '../../src/core/model/factory';
import { parseBundle, toBundle } from '../../src/core/schema/bundle';

const ctx = { now: () => '2026-12-05T10:00:00Z' };

describe('updateWorkspaceDetails', () => {
  it('renames and sets organisation, authors and status, trimmed', () => {
    const ws = emptyWorkspace('ws-1', 'Untitled');
    const next = updateWorkspaceDetails.run(ws, { patch: { name: '  International Office  ', organisation: ' University of Example ', preparedBy: 'A. Analyst', status: 'review' } }, ctx);
    expect(next.meta).toEqual({ id: 'ws-1', name: 'International Office', organisation: 'University of Example', preparedBy: 'A. Analyst', status: 'review' });
  });

  it('removes an organisation cleared to nothing, and changes nothing when nothing differs', () => {
    const ws = { ...emptyWorkspace('ws-1', 'W'), meta: { id: 'ws-1', name: 'W', organisation: 'Org' } };
    expect(updateWorkspaceDetails.run(ws, { patch: { organisation: '  ' } }, ctx).meta).toEqual({ id: 'ws-1', name: 'W' });
    expect(updateWorkspaceDetails.run(ws, { patch: { name: 'W', organisation: 'Org' } }, ctx)).toBe(ws);
  });

  it('refuses an empty name with a message', () => {
    expect(() => updateWorkspaceDetails.run(emptyWorkspace('ws-1', 'W'), { patch: { name: ' ' } }, ctx)).toThrow(CommandError);
  });

  it('the bundle carries the details and reads them back; a status it does not know is refused with its path', () => {
    const ws = { ...emptyWorkspace('ws-1', 'W'), meta: { id: 'ws-1', name: 'W', organisation: 'Org', preparedBy: 'Me', status: 'agreed' as const } };
    const back = parseBundle(JSON.parse(JSON.stringify(toBundle(ws, '2026-12-05T10:00:00Z'))));
    expect(back.ok && back.workspace.meta).toEqual(ws.meta);
    const bad = parseBundle({ ...toBundle(ws, '2026-12-05T10:00:00Z'), workspace: { id: 'ws-1', name: 'W', status: 'final' } });
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.errors.map((e) => e.path)).toContain('workspace.status');
  });
});

describe('setRecommendation', () => {
  it('keeps the user’s words for a kind, goes back to the report’s own when cleared, and travels in the bundle', () => {
    const ws = emptyWorkspace('ws-1', 'W');
    const one = setRecommendation.run(ws, { kind: 'duplicate-data', text: '  One record in the CRM.  ' }, ctx);
    expect(one.meta.recommendations).toEqual({ 'duplicate-data': 'One record in the CRM.' });
    expect(setRecommendation.run(one, { kind: 'duplicate-data', text: 'One record in the CRM.' }, ctx)).toBe(one);
    const back = parseBundle(JSON.parse(JSON.stringify(toBundle(one, '2026-12-05T10:00:00Z'))));
    expect(back.ok && back.workspace.meta.recommendations).toEqual({ 'duplicate-data': 'One record in the CRM.' });
    expect(setRecommendation.run(one, { kind: 'duplicate-data', text: ' ' }, ctx).meta).toEqual({ id: 'ws-1', name: 'W' });
    const bad = parseBundle({ ...toBundle(one, '2026-12-05T10:00:00Z'), workspace: { id: 'ws-1', name: 'W', recommendations: { 'duplicate-data': 42 } } });
    expect(!bad.ok && bad.errors.map((e) => e.path)).toContain('workspace.recommendations["duplicate-data"]');
  });
});
