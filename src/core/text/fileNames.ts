// File names made from a user's text, shared by the browser's downloads and the CLI's exports.

/** No path characters, no control characters, short; `fallback` when nothing is left. */
export function safeFileName(name: string, fallback = 'lanemap'): string {
  const cleaned = name
    .normalize('NFKD')
    .replace(/[^\w\s.-]+/g, '')
    .trim()
    .replace(/\s+/g, '-')
    .replace(/^[.-]+/, '')
    .slice(0, 80);
  return cleaned || fallback;
}

export function datedName(base: string, ext: string, date = new Date()): string {
  return `${safeFileName(base)}-${date.toISOString().slice(0, 10)}.${ext}`;
}

/** One distinct file name per map, even when two maps share a name. */
export function uniqueNames(names: readonly string[], ext: string): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const base = safeFileName(n, 'map');
    const count = (seen.get(base.toLowerCase()) ?? 0) + 1;
    seen.set(base.toLowerCase(), count);
    return count === 1 ? `${base}.${ext}` : `${base}-${count}.${ext}`;
  });
}
