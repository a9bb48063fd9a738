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

/**
 * One distinct file name per map, even when two maps share a name, or one map is named as
 * another's numbered copy ("Intake", "Intake", "Intake-2"). Distinct without regard to case:
 * "Intake.svg" and "intake.svg" are one file on Windows and macOS.
 */
export function uniqueNames(names: readonly string[], ext: string): string[] {
  const taken = new Set<string>();
  return names.map((n) => {
    const base = safeFileName(n, 'map');
    let name = `${base}.${ext}`;
    for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}-${k}.${ext}`;
    taken.add(name.toLowerCase());
    return name;
  });
}
