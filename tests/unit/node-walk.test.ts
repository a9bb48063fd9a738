import { describe, expect, it } from 'vitest';
import { firstNode, walkFrom } from '../../src/core/drawing/nodeWalk';
import { getMap, workspace } from './fixtures/maps';

// The fixture (tests/unit/fixtures/maps.ts): Sales lane start -> quote -> (hand-off) fulfil ->
// check -> close; quote writes to CRM in the Systems lane below.
describe('the arrow keys walk the map', () => {
  const map = getMap(workspace());

  it('start at the first start event', () => {
    expect(firstNode(map)).toBe('start');
  });

  it('go right along the flows, across lanes where the process does', () => {
    expect(walkFrom(map, 'start', 'right')).toBe('quote');
    expect(walkFrom(map, 'quote', 'right')).toBe('fulfil');
    expect(walkFrom(map, 'fulfil', 'right')).toBe('check');
    expect(walkFrom(map, 'check', 'right')).toBe('close');
  });

  it('go left back along the flows', () => {
    expect(walkFrom(map, 'close', 'left')).toBe('check');
    expect(walkFrom(map, 'fulfil', 'left')).toBe('quote');
    expect(walkFrom(map, 'start', 'left')).toBeNull();
  });

  it('go up and down to the nearest node in the lanes above and below', () => {
    expect(walkFrom(map, 'quote', 'down')).toBe('fulfil');
    expect(walkFrom(map, 'fulfil', 'down')).toBe('crm');
    expect(walkFrom(map, 'check', 'down')).toBe('sheet');
    expect(walkFrom(map, 'check', 'up')).toBe('close');
    expect(walkFrom(map, 'quote', 'up')).toBeNull();
  });

  it('go right by position where no flow leads on (a store)', () => {
    expect(walkFrom(map, 'crm', 'right')).toBe('sheet');
  });
});
