import { describe, expect, it } from 'vitest';
import { analyzeWorkspace } from '../../src/core/analysis';
import { keepUnchanged } from '../../src/core/analysis/stableFindings';
import { demoWorkspace } from '../../src/core/demo';

// The worker's findings after an edit are new objects; the panel keeps those that did not change.

const ws = demoWorkspace('2026-11-22T10:00:00Z');
const before = analyzeWorkspace(ws);
const copy = () => structuredClone(before);

describe('keepUnchanged', () => {
  it('hands back the list it had when the new one is equal (as the worker sends it: a structured copy)', () => {
    expect(keepUnchanged(before, copy())).toBe(before);
  });

  it('keeps the objects of unchanged findings and takes the changed and new ones', () => {
    const next = copy();
    next[0] = { ...next[0]!, title: `${next[0]!.title} (changed)` };
    next.push({ ...next[1]!, id: 'new-one' });
    const kept = keepUnchanged(before, next);
    expect(kept).not.toBe(before);
    expect(kept[0]).toBe(next[0]);
    expect(kept.slice(1, before.length).every((f, i) => f === before[i + 1])).toBe(true);
    expect(kept.at(-1)!.id).toBe('new-one');
    expect(kept.map((f) => f.title)).toEqual(next.map((f) => f.title));
  });

  it('sees a change deep inside a finding, and a new order of the same findings', () => {
    const deep = copy();
    deep[2] = { ...deep[2]!, mapIds: [...deep[2]!.mapIds, 'm-extra'] };
    expect(keepUnchanged(before, deep)[2]).toBe(deep[2]);
    const reordered = copy().reverse();
    const kept = keepUnchanged(before, reordered);
    expect(kept).not.toBe(before);
    expect(kept[0]).toBe(before.at(-1));
  });
});
