// How much an imported file may ask of Lanemap. Far above any workshop's drawing, they stop a
// broken or hostile file (a zip bomb, a drawing of half a million shapes) from freezing the
// page or exhausting memory: the file is refused with a plain reason instead.

const MB = 1024 * 1024;

/** What a zip (a .vsdx) may unpack to, counted as it inflates, not as it claims. */
export const ZIP_LIMITS = {
  /** Files listed in the archive, read or not. */
  entries: 5000,
  /** All the parts that are read, together. */
  totalBytes: 200 * MB,
  /** One part. */
  entryBytes: 50 * MB,
  /** Unpacked to packed: XML packs about 10:1; a bomb packs 1000:1. */
  ratio: 100,
  /** Below this a part may pack as well as it likes (a small part of blanks is harmless). */
  ratioFloorBytes: 1 * MB,
} as const;

/** Shapes (steps, decisions, stores…) on one map: a large workshop map has a few hundred. */
export const MAX_SHAPES_PER_MAP = 20_000;

/** Lanes on one map: a workshop map has a handful. */
export const MAX_LANES_PER_MAP = 1000;

/** Connectors on one map. */
export const MAX_FLOWS_PER_MAP = 60_000;

/** Shapes inside shapes (groups, pools, lanes), counted from the page down. */
export const MAX_NESTING = 64;

export const formatCount = (n: number): string => n.toLocaleString('en-GB');

/** "“Intake” has 30,000 shapes; Lanemap reads up to 20,000 on one map…": said alike by every reader. */
export function tooManyOnOneMap(where: string, what: string, max: number, found?: number): string {
  const count = found === undefined ? `more than ${formatCount(max)} ${what}` : `${formatCount(found)} ${what}`;
  return `${where} has ${count}; Lanemap reads up to ${formatCount(max)} on one map. Split the drawing into smaller pages, then import it again.`;
}

export const tooManyShapes = (where: string, found?: number): string => tooManyOnOneMap(where, 'shapes', MAX_SHAPES_PER_MAP, found);
