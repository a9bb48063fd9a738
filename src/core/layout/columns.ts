/**
 * Columns from horizontal extents: nodes whose [left, right] overlap, directly or through a
 * chain of others, share a column. Layered layouts (ELK, dagre) never let two layers overlap,
 * so this recovers their layers from positions alone. Ties are broken by index.
 */
export function clusterColumns(left: readonly number[], right: readonly number[]): { column: number[]; count: number } {
  const order = left.map((_, i) => i).sort((a, b) => left[a]! - left[b]! || a - b);
  const column = new Array<number>(left.length).fill(0);
  let count = 0;
  let reach = -Infinity;
  for (const i of order) {
    if (left[i]! >= reach) count++;
    column[i] = count - 1;
    reach = Math.max(reach, right[i]!);
  }
  return { column, count };
}
