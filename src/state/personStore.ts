import { create } from 'zustand';

// The name this browser's user goes by, given once and remembered here: it signs what they
// set (a map agreed, later their comments and their place among the others in a shared
// workspace). localStorage, as the other choices kept per browser; where it is blocked, the
// name lasts for this session only.

const KEY = 'lanemap.person';
/** As long as a name on a cover or a list can sensibly be. */
export const MAX_NAME_LENGTH = 80;

function stored(): string | null {
  try {
    const v = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null') as { name?: unknown } | null;
    return typeof v?.name === 'string' && v.name.trim() ? v.name.trim().slice(0, MAX_NAME_LENGTH) : null;
  } catch {
    return null;
  }
}

export const usePerson = create<{ name: string | null }>(() => ({ name: stored() }));

export function setPersonName(name: string): void {
  const clean = name.trim().slice(0, MAX_NAME_LENGTH);
  if (!clean) return;
  usePerson.setState({ name: clean });
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ name: clean }));
  } catch {
    // blocked or full: kept for this session
  }
}
