import type { Workspace } from '../model/types';

// What another tool's file may carry in one label is unbounded; what a Lanemap bundle may
// hold is not (schema/limits.ts). An imported label of 200,000 characters would be kept in the
// browser but make every backup of the workspace unreadable on the way back in. So imports are
// fitted to the bundle's limits as they arrive, and the user is told how many were cut.

/** The bundle's MAX_TEXT_LENGTH and MAX_NOTES_LENGTH (tests/unit/hostile-files.test.ts ties them). */
export const MAX_IMPORTED_TEXT = 10_000;
export const MAX_IMPORTED_NOTES = 100_000;

/** At most `max` characters, the last an ellipsis, never half of a surrogate pair. */
export function clipText(value: string, max: number): string {
  if (value.length <= max) return value;
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end)}…`;
}

/** Fits every name, label and note of a freshly imported workspace (in place); returns how many were cut. */
export function fitTexts(ws: Workspace): number {
  let cut = 0;
  const fit = (value: string, max = MAX_IMPORTED_TEXT) => {
    const out = clipText(value, max);
    if (out !== value) cut++;
    return out;
  };
  ws.meta.name = fit(ws.meta.name);
  for (const d of ws.departments) d.name = fit(d.name);
  for (const s of ws.systems) s.name = fit(s.name);
  for (const s of ws.dataStores) {
    s.name = fit(s.name);
    s.customerFields = s.customerFields.map((f) => fit(f));
  }
  for (const m of ws.maps) {
    m.name = fit(m.name);
    for (const l of m.lanes) l.name = fit(l.name);
    for (const n of m.nodes) {
      n.label = fit(n.label);
      if (n.notes !== undefined) n.notes = fit(n.notes, MAX_IMPORTED_NOTES);
    }
    for (const f of m.flows) if (f.label !== undefined) f.label = fit(f.label);
  }
  return cut;
}
