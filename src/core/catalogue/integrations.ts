import type { Id, System } from '../model/types';

// An integration is symmetric in meaning (FORMAT.md) but may be written in either system's
// list, or both. Everything that shows or edits integrations goes through here.

/**
 * The systems `systemId` integrates with, whichever side lists it: its own list first, then
 * the systems that list it, in catalogue order. No self-links, no ids missing from the catalogue.
 */
export function integrationsOf(systems: readonly System[], systemId: Id): Id[] {
  const known = new Set(systems.map((s) => s.id));
  const own = systems.find((s) => s.id === systemId)?.integratesWith ?? [];
  const out = new Set(own.filter((id) => id !== systemId && known.has(id)));
  for (const s of systems) if (s.id !== systemId && s.integratesWith.includes(systemId)) out.add(s.id);
  return [...out];
}
