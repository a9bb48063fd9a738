import { afterEach, expect, test } from 'vitest';
import { markStart, onStartMoment, startMarkName } from '../../src/state/startMarks';

afterEach(() => performance.clearMarks());

test('each moment of a start is marked once, at its first occurrence: a later workspace or map opened does not move it', () => {
  markStart('workspace-ready');
  const first = performance.getEntriesByName(startMarkName('workspace-ready'), 'mark');
  markStart('workspace-ready');
  markStart('canvas-rendered');
  const after = performance.getEntriesByName(startMarkName('workspace-ready'), 'mark');
  expect(after).toHaveLength(1);
  expect(after[0]!.startTime).toBe(first[0]!.startTime);
  expect(performance.getEntriesByName(startMarkName('canvas-rendered'), 'mark')).toHaveLength(1);
});

test('work waiting on a moment runs once when it is marked, or at once when it was marked before', () => {
  const ran: string[] = [];
  onStartMoment('canvas-rendered', () => ran.push('drawn'));
  markStart('workspace-ready');
  expect(ran).toEqual([]);
  markStart('canvas-rendered');
  markStart('canvas-rendered');
  expect(ran).toEqual(['drawn']);
  onStartMoment('canvas-rendered', () => ran.push('late'));
  expect(ran).toEqual(['drawn', 'late']);
});
