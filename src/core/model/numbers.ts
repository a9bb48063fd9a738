// The least and greatest of many numbers. Math.min(...values) passes every value as an
// argument, and past about 100,000 of them the call overflows the stack ("Maximum call stack
// size exceeded"): a large imported map did exactly that. These loop instead.

export function minOf(values: Iterable<number>, empty = Infinity): number {
  let out = empty;
  for (const v of values) if (v < out) out = v;
  return out;
}

export function maxOf(values: Iterable<number>, empty = -Infinity): number {
  let out = empty;
  for (const v of values) if (v > out) out = v;
  return out;
}
