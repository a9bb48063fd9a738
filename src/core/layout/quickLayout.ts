// A small, deterministic, synchronous lane layout. It gives positions and routed flows to maps
// that have none (the demo, a map exported before it was ever drawn) at once, without ELK.
//
// Columns come from the longest path over control flow (sequence and message flows from the
// start nodes, back edges dropped so loops work); the first guess at the order in each column
// stacks each cell around its lane's axis. Ordering, placement and routing are then the full
// layout's (layoutOnColumns), so no flow runs through a node and no node leaves its band.

import { DEFAULT_LANE_HEIGHT, NODE_SIZE } from '../model/geometry';
import type { Id, MapNode, ProcessMap } from '../model/types';
import { isControlKind, isDataKind } from '../model/vocabulary';
import { buildGraph } from './graph';
import { layoutOnColumns } from './layout';
import { noteAnchors } from './notes';

/** Vertical space between nodes stacked in one cell, and between a band edge and its nodes. */
const GAP = 20;
const PAD = 20;

export function quickLayout(map: ProcessMap): ProcessMap {
  const column = assignColumns(map);
  const startY = stackedCentres(map, column);
  const g = buildGraph(map);
  const cols = g.nodes.map((n) => column.get(n.id) ?? 0);
  const centreY = g.nodes.map((n) => startY.get(n.id) ?? 0);
  const count = cols.reduce((m, c) => Math.max(m, c + 1), 0);
  return { ...map, view: layoutOnColumns(map, g, { column: cols, count, centreY }).view };
}

/** Each node's centre y with every cell stacked around its lane's axis: the order the sweeps start from. */
function stackedCentres(map: ProcessMap, column: Map<Id, number>): Map<Id, number> {
  const laneIds = new Set(map.lanes.map((l) => l.id));
  // A node whose lane is missing is drawn in the first lane (where laneAtY would put it).
  const fallbackLane = map.lanes[0]?.id ?? '';
  const laneOf = (n: MapNode): Id => (laneIds.has(n.laneId) ? n.laneId : fallbackLane);

  // Cells: lane -> column -> nodes in model order (control nodes first in the stack).
  const cells = new Map<Id, Map<number, MapNode[]>>();
  for (const n of map.nodes) {
    const lane = laneOf(n);
    let row = cells.get(lane);
    if (!row) cells.set(lane, (row = new Map()));
    const col = column.get(n.id) ?? 0;
    const list = row.get(col) ?? [];
    list.push(n);
    row.set(col, list);
  }

  // Offsets of each node's top from its lane's axis, and how far each lane reaches above/below.
  const relTop = new Map<Id, number>();
  const reach = new Map<Id, { above: number; below: number }>();
  for (const [lane, row] of cells) {
    const r = { above: 0, below: 0 };
    for (const list of row.values()) {
      const s = stackCell(list, relTop);
      r.above = Math.max(r.above, s.above);
      r.below = Math.max(r.below, s.below);
    }
    reach.set(lane, r);
  }

  // Bands stacked in list order; the axis is centred in the band when the band has room to spare.
  const axisY = new Map<Id, number>();
  let y = 0;
  const bandLanes = map.lanes.length > 0 ? map.lanes.map((l) => l.id) : [fallbackLane];
  for (const lane of bandLanes) {
    const r = reach.get(lane) ?? { above: 0, below: 0 };
    const needed = r.above + r.below + 2 * PAD;
    const height = Math.max(DEFAULT_LANE_HEIGHT, needed);
    axisY.set(lane, y + PAD + r.above + Math.floor((height - needed) / 2));
    y += height;
  }

  return new Map(map.nodes.map((n) => [n.id, (axisY.get(laneOf(n)) ?? 0) + (relTop.get(n.id) ?? 0) + NODE_SIZE[n.kind].height / 2]));
}

/**
 * Stacks one cell around its lane's axis (y = 0): the control nodes centred on it, so sequence
 * flows between columns run straight; stores, documents and notes alternately below and above,
 * next to the step that uses them. With no control node the first other node takes the centre.
 */
function stackCell(list: MapNode[], relTop: Map<Id, number>): { above: number; below: number } {
  const control = list.filter((n) => isControlKind(n.kind));
  const others = list.filter((n) => !isControlKind(n.kind));
  const core = control.length > 0 ? control : others.slice(0, 1);
  const rest = control.length > 0 ? others : others.slice(1);
  const coreHeight = core.reduce((h, n) => h + NODE_SIZE[n.kind].height, 0) + GAP * Math.max(0, core.length - 1);
  let top = -Math.floor(coreHeight / 2);
  let bottom = top + coreHeight;
  let cursor = top;
  for (const n of core) {
    relTop.set(n.id, cursor);
    cursor += NODE_SIZE[n.kind].height + GAP;
  }
  rest.forEach((n, i) => {
    const h = NODE_SIZE[n.kind].height;
    if (i % 2 === 0) {
      relTop.set(n.id, bottom + GAP);
      bottom += GAP + h;
    } else {
      top -= GAP + h;
      relTop.set(n.id, top);
    }
  });
  return { above: -top, below: bottom };
}

/** Column of every node: control nodes by longest path, data nodes by the step using them, notes by the step they are attached to. */
export function assignColumns(map: ProcessMap): Map<Id, number> {
  const kindOf = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const control = map.nodes.filter((n) => isControlKind(n.kind)).map((n) => n.id);
  const isControl = (id: Id) => {
    const k = kindOf.get(id);
    return k !== undefined && isControlKind(k);
  };

  const succ = new Map<Id, Id[]>(control.map((id) => [id, []]));
  for (const f of map.flows) {
    if (f.kind === 'data' || f.from === f.to || !isControl(f.from) || !isControl(f.to)) continue;
    succ.get(f.from)!.push(f.to);
  }

  const back = backEdges(control, succ, map.nodes.filter((n) => n.kind === 'start').map((n) => n.id));

  // Longest path over the remaining acyclic graph (Kahn's order; the result does not depend on it).
  const rank = new Map<Id, number>(control.map((id) => [id, 0]));
  const indeg = new Map<Id, number>(control.map((id) => [id, 0]));
  const forward = (u: Id) => succ.get(u)!.filter((v) => !back.has(edgeKey(u, v)));
  for (const u of control) for (const v of forward(u)) indeg.set(v, indeg.get(v)! + 1);
  const queue = control.filter((id) => indeg.get(id) === 0);
  for (let i = 0; i < queue.length; i++) {
    const u = queue[i]!;
    for (const v of forward(u)) {
      rank.set(v, Math.max(rank.get(v)!, rank.get(u)! + 1));
      indeg.set(v, indeg.get(v)! - 1);
      if (indeg.get(v) === 0) queue.push(v);
    }
  }

  const column = new Map(rank);
  // Data nodes take the column of the first control node linked to them (a data flow first).
  const dataIds = new Set(map.nodes.filter((n) => isDataKind(n.kind)).map((n) => n.id));
  for (const dataOnly of [true, false]) {
    for (const f of map.flows) {
      if (dataOnly && f.kind !== 'data') continue;
      for (const [a, b] of [[f.from, f.to], [f.to, f.from]] as const) {
        if (!column.has(a) && dataIds.has(a) && isControl(b)) column.set(a, rank.get(b)!);
      }
    }
  }
  // A store linked only to other stores (a spreadsheet exported from a system) follows them.
  for (let changed = true; changed; ) {
    changed = false;
    for (const f of map.flows) {
      for (const [a, b] of [[f.from, f.to], [f.to, f.from]] as const) {
        if (!column.has(a) && dataIds.has(a) && column.has(b)) {
          column.set(a, column.get(b)!);
          changed = true;
        }
      }
    }
  }

  // A note goes in the column of the step it is attached to.
  for (const [note, anchor] of noteAnchors(map)) if (column.has(anchor)) column.set(note, column.get(anchor)!);
  // Anything still unplaced goes in one column after the last.
  let last = -1;
  for (const c of column.values()) last = Math.max(last, c);
  for (const n of map.nodes) if (!column.has(n.id)) column.set(n.id, last + 1);
  return column;
}

const edgeKey = (u: Id, v: Id) => `${u}\u0000${v}`;

/** Edges that close a cycle in a depth-first search from the starts, then from every other node. */
function backEdges(nodes: Id[], succ: Map<Id, Id[]>, starts: Id[]): Set<string> {
  const state = new Map<Id, 1 | 2>(); // 1: on the DFS stack, 2: finished
  const back = new Set<string>();
  for (const root of [...starts, ...nodes]) {
    if (state.has(root)) continue;
    // Iterative, so a long chain in an imported map cannot overflow the call stack.
    const stack: [Id, number][] = [[root, 0]];
    state.set(root, 1);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = succ.get(top[0])!;
      if (top[1] < out.length) {
        const next = out[top[1]++]!;
        const s = state.get(next);
        if (s === 1) back.add(edgeKey(top[0], next));
        else if (s === undefined) {
          state.set(next, 1);
          stack.push([next, 0]);
        }
      } else {
        state.set(top[0], 2);
        stack.pop();
      }
    }
  }
  return back;
}
