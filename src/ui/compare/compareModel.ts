import type { CSSProperties } from 'react';
import { compareCatalogue, diffVersions, matchSteps, type CatalogueComparison, type ElementDiff, type StepMatching, type VersionDiff } from '../../core/compare';
import type { Id, ProcessMap, Workspace } from '../../core/model/types';
import type { NodeRef } from './compareStore';
import { entryColour } from './palette';

// Everything the canvases draw besides the maps themselves, worked out once per set of maps:
// which nodes wear a shared entry's colour or an "only here" mark, which steps are matched
// and with what, and, for two versions of one map, what was added, removed or changed.

export type ChangeKind = 'added' | 'removed' | 'changed';

export interface NodeDecor {
  className: string;
  style?: CSSProperties;
  /** Said after the node's own name by screen readers: "shared with B: Enquiries spreadsheet (colour 1)". */
  note: string;
}

export interface CompareModel {
  mode: 'maps' | 'versions';
  /** The compared maps, in order. */
  maps: readonly ProcessMap[];
  letters: string[];
  catalogue: CatalogueComparison | null;
  /** Matched steps between every two maps, each pair once (i < j), the user's decisions applied. */
  matchings: ({ i: number; j: number } & StepMatching)[];
  diff: VersionDiff | null;
  nodes: Map<Id, NodeDecor>[];
  edges: Map<Id, string>[];
  lanes: Map<Id, ChangeKind>[];
  /** `${map}:${nodeId}` -> the node's counterparts in the other maps. */
  counterparts: Map<string, NodeRef[]>;
}

/** How the compared maps are called on screen and in the image, in order. */
export const LETTERS = ['A', 'B', 'C', 'D'];
const refKey = (map: number, id: Id) => `${map}:${id}`;

export function isVersions(maps: readonly ProcessMap[]): boolean {
  return maps.length === 2 && maps[0]!.id === maps[1]!.id;
}

function link(out: Map<string, NodeRef[]>, a: NodeRef, b: NodeRef): void {
  for (const [x, y] of [[a, b], [b, a]] as const) {
    const k = refKey(x.map, x.nodeId);
    const list = out.get(k);
    if (list) list.push(y);
    else out.set(k, [y]);
  }
}

function add(decor: Map<Id, NodeDecor>, id: Id, className: string, note: string, style?: CSSProperties): void {
  const d = decor.get(id);
  if (d) decor.set(id, { className: `${d.className} ${className}`, note: `${d.note}; ${note}`, style: { ...d.style, ...style } });
  else decor.set(id, { className, note, style });
}

function mapsModel(ws: Workspace, maps: readonly ProcessMap[]): CompareModel {
  const letters = LETTERS.slice(0, maps.length);
  const catalogue = compareCatalogue(ws, maps);
  const nodes = maps.map(() => new Map<Id, NodeDecor>());
  const colourOf = new Map(catalogue.shared.map((e, i) => [e.id, { entry: e, n: i + 1, colour: entryColour(i) }]));
  catalogue.nodes.forEach((entries, i) => {
    for (const [nodeId, e] of entries) {
      const c = colourOf.get(e.entryId);
      if (e.shared && c) {
        const others = c.entry.maps.filter((m) => m !== i).map((m) => letters[m]).join(', ');
        add(nodes[i]!, nodeId, 'cmp-shared', `shared with ${others}: ${c.entry.name} (colour ${c.n})`, {
          '--cmp-stroke': c.colour.stroke, '--cmp-fill': c.colour.fill, '--cmp-tag': `"${c.n}"`,
        } as CSSProperties);
      } else add(nodes[i]!, nodeId, 'cmp-only', 'only on this map');
    }
  });
  const counterparts = new Map<string, NodeRef[]>();
  const matchings: CompareModel['matchings'] = [];
  const labelOf = (m: number, id: Id) => maps[m]!.nodes.find((n) => n.id === id)?.label ?? id;
  for (let i = 0; i < maps.length; i++) {
    for (let j = i + 1; j < maps.length; j++) {
      const r = matchSteps(maps[i]!, maps[j]!, { decisions: ws.meta.matchDecisions });
      matchings.push({ i, j, ...r });
      for (const m of r.matches) {
        link(counterparts, { map: i, nodeId: m.a }, { map: j, nodeId: m.b });
        add(nodes[i]!, m.a, 'cmp-matched', `same as “${labelOf(j, m.b)}” in ${letters[j]}`);
        add(nodes[j]!, m.b, 'cmp-matched', `same as “${labelOf(i, m.a)}” in ${letters[i]}`);
      }
    }
  }
  return { mode: 'maps', maps, letters, catalogue, matchings, diff: null, nodes, edges: maps.map(() => new Map()), lanes: maps.map(() => new Map()), counterparts };
}

/** Marks of one element kind: removed and changed on the older map, added and changed on the newer. */
function changeMarks<T extends { id: Id }>(d: ElementDiff<T>): [Map<Id, ChangeKind>, Map<Id, ChangeKind>] {
  const older = new Map<Id, ChangeKind>();
  const newer = new Map<Id, ChangeKind>();
  for (const x of d.removed) older.set(x.id, 'removed');
  for (const x of d.added) newer.set(x.id, 'added');
  for (const c of d.changed) {
    older.set(c.before.id, 'changed');
    newer.set(c.after.id, 'changed');
  }
  return [older, newer];
}

const FIELD_WORDS: Record<string, string> = { laneId: 'lane', refId: 'catalogue link', manual: 'by hand', from: 'source', to: 'target', departmentId: 'department' };

function versionsModel(older: ProcessMap, newer: ProcessMap): CompareModel {
  const diff = diffVersions(older, newer);
  const changedFields = new Map(diff.nodes.changed.map((c) => [c.after.id, c.fields.map((f) => FIELD_WORDS[f] ?? f).join(', ')]));
  const nodes = [new Map<Id, NodeDecor>(), new Map<Id, NodeDecor>()];
  changeMarks(diff.nodes).forEach((marks, side) => {
    for (const [id, kind] of marks) add(nodes[side]!, id, `cmp-${kind}`, kind === 'changed' ? `changed: ${changedFields.get(id)}` : kind);
  });
  const edges = changeMarks(diff.flows).map((marks) => new Map([...marks].map(([id, kind]) => [id, `cmp-${kind}`])));
  const counterparts = new Map<string, NodeRef[]>();
  const inNewer = new Set(newer.nodes.map((n) => n.id));
  for (const n of older.nodes) if (inNewer.has(n.id)) link(counterparts, { map: 0, nodeId: n.id }, { map: 1, nodeId: n.id });
  return { mode: 'versions', maps: [older, newer], letters: ['A', 'B'], catalogue: null, matchings: [], diff, nodes, edges, lanes: changeMarks(diff.lanes), counterparts };
}

export function buildCompareModel(ws: Workspace, maps: readonly ProcessMap[]): CompareModel {
  return isVersions(maps) ? versionsModel(maps[0]!, maps[1]!) : mapsModel(ws, maps);
}

/** The nodes of map `i` to light: the pointed-at step and its counterparts, and the nodes of the picked entry. */
export function litNodes(model: CompareModel, i: number, hovered: NodeRef | null, entry: Id | null): Set<Id> {
  const lit = new Set<Id>();
  if (hovered) {
    if (hovered.map === i) lit.add(hovered.nodeId);
    for (const r of model.counterparts.get(refKey(hovered.map, hovered.nodeId)) ?? []) if (r.map === i) lit.add(r.nodeId);
  }
  if (entry && model.catalogue) for (const [nodeId, e] of model.catalogue.nodes[i]!) if (e.entryId === entry) lit.add(nodeId);
  return lit;
}
