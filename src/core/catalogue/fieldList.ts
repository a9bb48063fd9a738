import type { Workspace } from '../model/types';

// Customer fields are free text typed in workshops. Within one store they are kept trimmed
// and unique regardless of case; across stores, the names already in use are offered as
// suggestions so that people reuse "Email" instead of inventing "E-mail" a fourth time.

/** Trimmed, inner spaces collapsed, empty ones dropped, the first of case-insensitive duplicates kept. */
export function normaliseFields(fields: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of fields) {
    const f = raw.trim().replace(/\s+/g, ' ');
    const key = f.toLowerCase();
    if (!f || seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}

export interface FieldSuggestionOptions {
  /** Fields not to offer (those the store already has), compared without case. */
  exclude?: readonly string[];
  limit?: number;
}

/**
 * Customer field names used in any data store that contain `prefix` (case-insensitive):
 * those starting with it first, then those containing it; within each, the most used
 * first, then alphabetical. Spellings differing only in case count as one, shown in the
 * spelling used most. An empty prefix lists every field.
 */
export function fieldSuggestions(ws: Workspace, prefix: string, opts: FieldSuggestionOptions = {}): string[] {
  const counts = new Map<string, { total: number; spellings: Map<string, number> }>();
  for (const store of ws.dataStores) {
    for (const f of normaliseFields(store.customerFields)) {
      const key = f.toLowerCase();
      const entry = counts.get(key) ?? { total: 0, spellings: new Map<string, number>() };
      entry.total++;
      entry.spellings.set(f, (entry.spellings.get(f) ?? 0) + 1);
      counts.set(key, entry);
    }
  }
  const p = prefix.trim().toLowerCase();
  const excluded = new Set((opts.exclude ?? []).map((f) => f.trim().toLowerCase()));
  const ranked = [...counts]
    .filter(([key]) => !excluded.has(key) && key.includes(p))
    .map(([key, e]) => ({ name: mostUsed(e.spellings), total: e.total, starts: key.startsWith(p) }))
    .sort((a, b) => Number(b.starts) - Number(a.starts) || b.total - a.total || a.name.localeCompare(b.name))
    .map((s) => s.name);
  return opts.limit === undefined ? ranked : ranked.slice(0, opts.limit);
}

function mostUsed(spellings: Map<string, number>): string {
  let best = '';
  let n = -1;
  for (const [s, c] of spellings) if (c > n) [best, n] = [s, c];
  return best;
}
