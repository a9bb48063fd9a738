import type { MapNode } from '../model/types';
import { nodeKindWord } from '../model/vocabulary';

// Small helpers for the findings' English: they end up verbatim in a policy document.

/** A name in curly quotes, so labels with spaces read as one thing. */
export const q = (s: string): string => `“${s}”`;

/** "a", "a and b", "a, b and c" (no serial comma, as in British usage). */
export function listEn(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** `step “Log enquiry”`, or `unlabelled step` when the workshop left it blank. */
export function nodeName(node: MapNode): string {
  const label = node.label.trim();
  return label ? `${nodeKindWord(node.kind)} ${q(label)}` : `unlabelled ${nodeKindWord(node.kind)}`;
}

/** At most `max` items, then "and N more". */
export function truncateList(items: readonly string[], max: number, what: string): string[] {
  if (items.length <= max) return [...items];
  const rest = items.length - max;
  return [...items.slice(0, max), `${rest} more ${what}`];
}
