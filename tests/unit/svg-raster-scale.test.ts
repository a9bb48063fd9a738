import { describe, expect, it } from 'vitest';
import { canvasSizeFor, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from '../../src/ui/export/rasterScale';

describe('PNG size within the browser canvas limits', () => {
  it('draws an ordinary map at exactly the scale asked', () => {
    expect(canvasSizeFor(2532, 957, 2)).toEqual({ width: 5064, height: 1914, scale: 2 });
    expect(canvasSizeFor(2532, 957, 3)).toEqual({ width: 7596, height: 2871, scale: 3 });
  });

  it('scales a picture too large for the canvas area down, and says to what', () => {
    // A 1000-node map is about 29,640 x 5,911 at 1x: at 2x it would be 700 million pixels.
    const r = canvasSizeFor(29640, 5911, 2);
    expect(r.scale).toBeLessThan(2);
    expect(r.width * r.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(Math.max(r.width, r.height)).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(r.width).toBe(Math.round(29640 * r.scale));
    expect(Math.round(r.scale * 100) / 100).toBe(r.scale);
  });

  it('keeps a very long, thin picture under the longest side a canvas may have', () => {
    const r = canvasSizeFor(40000, 300, 1);
    expect(r.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(r.scale).toBeLessThan(1);
    expect(r.height).toBe(Math.round(300 * r.scale));
  });

  it('never asks for an empty canvas', () => {
    expect(canvasSizeFor(0, 0, 2)).toEqual({ width: 2, height: 2, scale: 2 });
    const huge = canvasSizeFor(10_000_000, 10_000_000, 3);
    expect(huge.width).toBeGreaterThan(0);
    expect(huge.width * huge.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
  });
});
