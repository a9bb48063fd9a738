import { Inflate } from 'fflate';

// Raw inflate (a zip part, a compressed draw.io page) that stops as soon as the output passes
// a cap, or grows too many times larger than its input: a bomb is refused after a few
// megabytes of work, never unpacked in full. What a header says the size is counts for nothing.

export interface InflateLimits {
  /** The output may not pass this many bytes; `over` is thrown once it does. */
  maxBytes: number;
  over: () => Error;
  /** The output may not pass `max` times the input read so far, once it is past `floorBytes`. */
  ratio?: { max: number; floorBytes: number; packed: () => Error };
  /** Sees each piece of output as it comes, and may stop the inflate by throwing. */
  watch?: (chunk: Uint8Array) => void;
}

/** How often `pattern` occurs in `bytes` (a match split between two pieces is missed: counts are for caps). */
export function countBytes(bytes: Uint8Array, pattern: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(pattern[0]!); at >= 0 && at + pattern.length <= bytes.length; at = bytes.indexOf(pattern[0]!, at + 1)) {
    let k = 1;
    while (k < pattern.length && bytes[at + k] === pattern[k]) k++;
    if (k === pattern.length) n++;
  }
  return n;
}

// Small slices bound the overshoot: deflate packs at most about 1000:1, so one slice can
// unpack to 1 MB at worst before the caps are looked at again. The ratio is of the input read
// so far, so a bomb is caught in its first megabytes, whatever its length.
const SLICE = 1024;

export function inflateCapped(data: Uint8Array, limits: InflateLimits): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let read = 0;
  const { ratio } = limits;
  const inflate = new Inflate((chunk) => {
    total += chunk.length;
    if (total > limits.maxBytes) throw limits.over();
    if (ratio && total > ratio.floorBytes && total > read * ratio.max) throw ratio.packed();
    limits.watch?.(chunk);
    chunks.push(chunk);
  });
  for (let i = 0; i < data.length; i += SLICE) {
    read = Math.min(data.length, i + SLICE);
    inflate.push(data.subarray(i, read), read === data.length);
  }
  if (data.length === 0) inflate.push(new Uint8Array(0), true);
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
