import type { Access, DataStoreKind, Flow, FlowKind, Id, Lane, MapNode, NodeKind, ProcessMap, WorkspaceStatus } from './types';

// The words and rules of the format that every part of Lanemap says alike: what the kinds are
// called, plurals, which nodes act and which hold data, the department a step belongs to and
// the access a data flow gives (shared/FORMAT.md). Written once here, so the editor, the
// analysis, the report, the comparison and the file formats cannot drift apart.

// ---- Counting --------------------------------------------------------------------------

/** The word alone for n things: plural(2, 'field') is "fields". */
export const plural = (n: number, one: string, many = `${one}s`): string => (n === 1 ? one : many);

/** "1 store", "3 stores"; `many` for words that do not just take an s ("3 processes"). */
export const count = (n: number, one: string, many = `${one}s`): string => `${n} ${plural(n, one, many)}`;

/** "Data store" from "data store": the first letter only, the rest as written. */
export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

// ---- Node kinds ------------------------------------------------------------------------

/** A kind as a heading, a menu entry or a button names it: "Data store". */
export const NODE_KIND_LABEL: Readonly<Record<NodeKind, string>> = {
  start: 'Start',
  end: 'End',
  step: 'Step',
  decision: 'Decision',
  dataStore: 'Data store',
  system: 'System',
  document: 'Document',
  note: 'Note',
};

/** A kind inside a sentence: "data store". */
export const nodeKindWord = (k: NodeKind): string => NODE_KIND_LABEL[k].toLowerCase();

/** More than one of a kind: "data stores". */
export const nodeKindPlural = (k: NodeKind): string => `${nodeKindWord(k)}s`;

/**
 * Nodes that take part in the control flow: they act (FORMAT.md: stores, systems, documents
 * and notes do not). Comparisons rather than a list lookup: the analysis asks this for every
 * node and flow on each edit.
 */
export const isControlKind = (k: NodeKind): boolean => k === 'step' || k === 'decision' || k === 'start' || k === 'end';

/** Nodes that hold data: a flow touching one carries data. */
export const isDataKind = (k: NodeKind): boolean => k === 'dataStore' || k === 'system' || k === 'document';

/** Nodes that stand for a catalogue entry (by refId): a data store or a system. */
export const isCatalogueKind = (k: NodeKind): boolean => k === 'dataStore' || k === 'system';

// ---- Data store kinds ------------------------------------------------------------------

/** A store's kind as the catalogue offers it. */
export const STORE_KIND_LABEL: Readonly<Record<DataStoreKind, string>> = {
  database: 'Database',
  spreadsheet: 'Spreadsheet',
  paper: 'Paper',
  email: 'E-mail',
  document: 'Document',
  other: 'Other',
};

/** A store's kind as a thing the report names in its catalogue table: "Mailbox", "Paper file". */
export const STORE_KIND_NAME: Readonly<Record<DataStoreKind, string>> = {
  database: 'Database',
  spreadsheet: 'Spreadsheet',
  paper: 'Paper file',
  email: 'Mailbox',
  document: 'Document',
  other: 'Other',
};

/** A store of this kind inside a sentence: "a mailbox", "a paper file", and plainly "a store" for other. */
export const storeKindNoun = (k: DataStoreKind): string => (k === 'other' ? 'store' : STORE_KIND_NAME[k].toLowerCase());

// ---- Flow kinds and access ---------------------------------------------------------------

/** A flow's kind as a menu entry names it. */
/** A workspace's or a map's standing with the people who approve it, as the screens and the report name it. */
export const STATUS_LABEL: Readonly<Record<WorkspaceStatus, string>> = { draft: 'Draft', review: 'For review', agreed: 'Agreed' };

export const FLOW_KIND_LABEL: Readonly<Record<FlowKind, string>> = { sequence: 'Sequence', message: 'Message', data: 'Data' };

/** What a flow of the kind means on a map (FORMAT.md 'Flow kinds'). */
export const FLOW_KIND_MEANING: Readonly<Record<FlowKind, string>> = {
  sequence: 'next step',
  message: 'hand-off to another department',
  data: 'reads or writes a store',
};

/** A flow inside a sentence or an accessible name: "message flow". */
export const flowKindName = (k: FlowKind): string => `${FLOW_KIND_LABEL[k].toLowerCase()} flow`;

/** What a step does with a store, inside a sentence: "reads and writes". */
export const ACCESS_WORD: Readonly<Record<Access, string>> = { read: 'reads', write: 'writes', readwrite: 'reads and writes' };

/**
 * The access a data flow gives the step at one of its ends (FORMAT.md 'Flow kinds'): a flow
 * out of the step writes, a flow into it reads, unless the flow's `access` says otherwise.
 */
export const flowAccess = (flow: Pick<Flow, 'access'>, stepIsSource: boolean): Access => flow.access ?? (stepIsSource ? 'write' : 'read');

/**
 * A data flow as a step reading or writing what `holds` accepts at its other end, with the
 * access it gives; null for any other flow (a sequence or message flow, store to store, step to step).
 */
export function stepAccess<N extends Pick<MapNode, 'kind'>>(flow: Pick<Flow, 'kind' | 'access'>, from: N, to: N, holds: (n: N) => boolean): { step: N; holder: N; access: Access } | null {
  if (flow.kind !== 'data') return null;
  if (isControlKind(from.kind) && holds(to)) return { step: from, holder: to, access: flowAccess(flow, true) };
  if (isControlKind(to.kind) && holds(from)) return { step: to, holder: from, access: flowAccess(flow, false) };
  return null;
}

export const accessReads = (a: Access): boolean => a !== 'write';
export const accessWrites = (a: Access): boolean => a !== 'read';

/** Two accesses of one step to one store as one: the same, or both. */
export const mergeAccess = (a: Access, b: Access): Access => (a === b ? a : 'readwrite');

// ---- Departments -----------------------------------------------------------------------

type Owner = Pick<ProcessMap, 'departmentId'>;

/** The department a lane's steps belong to (FORMAT.md): the lane's own if set, else the map's. */
export const laneDepartment = (map: Owner, lane: Pick<Lane, 'departmentId'> | undefined): Id | null => lane?.departmentId ?? map.departmentId ?? null;

/** The department a node belongs to: its lane's (see laneDepartment). */
export const nodeDepartment = (map: Owner & Pick<ProcessMap, 'lanes'>, node: Pick<MapNode, 'laneId'>): Id | null =>
  laneDepartment(map, map.lanes.find((l) => l.id === node.laneId));

/** A lane's department where it is not the map's own (worth naming beside the lane), else null. */
export const laneOwnDepartment = (map: Owner, lane: Pick<Lane, 'departmentId'>): Id | null =>
  lane.departmentId && lane.departmentId !== map.departmentId ? lane.departmentId : null;
