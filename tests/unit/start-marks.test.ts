import { afterEach, expect, test } from 'vitest';
import { markStart, startMarkName } from '../../src/state/startMarks';

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
