// String ids everywhere (DESIGN.md): they survive merging, import and future sync.
// Commands take ids in their arguments, so tests pass readable ones instead.

export type IdGenerator = (prefix: string) => string;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A random UUID (version 4). crypto.randomUUID exists only on secure pages (https, localhost):
 * served over plain http on an intranet name it is missing, while crypto.getRandomValues is
 * there on every page, so the id is built from that.
 */
export function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => HEX[x]!);
  return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`;
}

export const randomIds: IdGenerator = (prefix) => `${prefix}-${uuid().replace(/-/g, '').slice(0, 12)}`;
