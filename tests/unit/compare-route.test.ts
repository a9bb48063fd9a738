import { describe, expect, test } from 'vitest';
import { compareHash, isCompareHash, parseCompareHash } from '../../src/ui/compare/compareRoute';

// The compare screen's address: map ids and older versions (<id>@<revision>) survive the
// round trip whatever characters they hold; a broken address names fewer maps, never wrong ones.

describe('compare addresses', () => {
  test('ids and revision keys round-trip, slashes and @ included', () => {
    const slots = [{ mapId: 'm/1@x' }, { mapId: 'm-2', revision: '2024-03-01T10:00:00.000Z' }, { mapId: 'é' }];
    const hash = compareHash(slots);
    expect(hash).toBe('#/compare/m%2F1%40x/m-2@2024-03-01T10%3A00%3A00.000Z/%C3%A9');
    expect(parseCompareHash(hash)).toEqual(slots);
    expect(compareHash(['a', 'b'])).toBe('#/compare/a/b');
  });

  test('at most four maps; empty and malformed parts are dropped', () => {
    expect(parseCompareHash('#/compare/a/b/c/d/e').map((s) => s.mapId)).toEqual(['a', 'b', 'c', 'd']);
    expect(parseCompareHash('#/compare/a//%E0%A4%A/b@r@s/c')).toEqual([{ mapId: 'a' }, { mapId: 'c' }]);
    expect(parseCompareHash('#/compare')).toEqual([]);
    expect(compareHash([])).toBe('#/compare');
  });

  test('only the compare screen’s addresses are compare addresses', () => {
    expect(isCompareHash('#/compare')).toBe(true);
    expect(isCompareHash('#/compare/a/b')).toBe(true);
    expect(isCompareHash('#/compared')).toBe(false);
    expect(isCompareHash('#/map/compare')).toBe(false);
    expect(parseCompareHash('#/map/a')).toEqual([]);
  });
});
