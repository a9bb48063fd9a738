import { fuzzyMatch } from '../catalogue/fuzzy';
import type { DataStore, DataStoreKind, Id, MapNode, System, Workspace } from '../model/types';

// The systems a step list names, found in the shared catalogue by name as people say it
// ("SITS" finds "Student records (SITS)"), or created there.

/** Below this a name is taken for a new entry rather than a slip for an old one. */
const REUSE_SCORE = 0.7;

export interface Entry {
  table: 'systems' | 'dataStores';
  id: Id;
  name: string;
}

/** A store by its name: spreadsheets, mailboxes, paper files and folders hold records; anything else is a system. */
const STORE_WORDS: [RegExp, DataStoreKind][] = [
  [/spreadsheet|excel|sheet|\.xlsx?\b/i, 'spreadsheet'],
  [/mailbox|inbox|e-?mail|outlook/i, 'email'],
  [/paper|folder|filing|form\b|forms\b|file\b|files\b|post\b/i, 'paper'],
  [/database|\bdb\b|access\b/i, 'database'],
  [/document|word\b|\.docx?\b/i, 'document'],
];

export function storeKindFromName(name: string): DataStoreKind | null {
  return STORE_WORDS.find(([re]) => re.test(name))?.[1] ?? null;
}

export function findEntry(ws: Pick<Workspace, 'systems' | 'dataStores'>, name: string): Entry | null {
  const all: Entry[] = [
    ...ws.systems.map((s) => ({ table: 'systems' as const, id: s.id, name: s.name })),
    ...ws.dataStores.map((d) => ({ table: 'dataStores' as const, id: d.id, name: d.name })),
  ];
  const hit = fuzzyMatch(name, all.map((e) => e.name), { limit: 1, minScore: REUSE_SCORE })[0];
  return hit ? all[hit.index]! : null;
}

/** A new catalogue entry for a name nothing in the catalogue matches. */
export function newEntry(id: Id, name: string, owner: Id | null): { system?: System; store?: DataStore } {
  const kind = storeKindFromName(name);
  if (kind) return { store: { id, name, kind, systemId: null, ownerDepartmentId: owner, customerFields: [] } };
  return { system: { id, name, kind: 'application', integratesWith: [], ownerDepartmentId: owner } };
}

/** What a store or system node is called: its catalogue entry's name, else its own label. */
export function holderName(ws: Pick<Workspace, 'systems' | 'dataStores'>, node: MapNode): string {
  if (node.refId) {
    const entry = node.kind === 'system' ? ws.systems.find((s) => s.id === node.refId) : ws.dataStores.find((d) => d.id === node.refId);
    if (entry) return entry.name;
  }
  return node.label;
}
