import { describe, expect, it } from 'vitest';
import { defaultElk } from '../../src/core/layout/elkNode';
import { layoutOrQuick } from '../../src/core/layout/layoutOrQuick';
import { quickLayout } from '../../src/core/layout/quickLayout';
import type { ElkLike } from '../../src/core/layout/types';
import { layoutProblems, makeMap } from './layout-helpers';

// Where ELK gives up, the map is still drawn (the quick layout) and the reason is passed on.

const map = makeMap(['A', 'B'], [['s', 'start', 'A'], ['a', 'step', 'A'], ['b', 'step', 'B'], ['e', 'end', 'B']], [['s', 'a'], ['a', 'b', 'message'], ['b', 'e']]);
const brokenElk: ElkLike = { layout: () => Promise.reject(new RangeError('Maximum call stack size exceeded')) };

describe('layoutOrQuick', () => {
  it('gives the full layout when ELK works, with no fallback', async () => {
    const r = await layoutOrQuick(map, { elk: defaultElk() });
    expect(r.fallback).toBeUndefined();
    expect(layoutProblems({ ...map, view: r.view })).toEqual([]);
  });

  it('gives the quick layout and the reason when ELK fails', async () => {
    const r = await layoutOrQuick(map, { elk: brokenElk });
    expect(r.fallback).toBe('Maximum call stack size exceeded');
    expect(r.view).toEqual(quickLayout(map).view);
    expect(layoutProblems({ ...map, view: r.view })).toEqual([]);
  });
});
