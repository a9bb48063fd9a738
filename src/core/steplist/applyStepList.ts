import { fuzzyMatch } from '../catalogue/fuzzy';
import { type Command, findMap, updateMap } from '../commands/define';
import { inferFlowKind } from '../commands/flows';
import { placeInLane } from '../commands/nodes';
import { DEFAULT_LANE_HEIGHT, laneBands, NODE_SIZE } from '../model/geometry';
import type { Flow, Id, Lane, MapNode, MapView, ProcessMap, Workspace } from '../model/types';
import { isCatalogueKind, isControlKind } from '../model/vocabulary';
import { attachDocsAndNotes } from './listAttachments';
import { findEntry, holderName, newEntry } from './listCatalogue';
import { listFlows } from './listFlows';
import { type Item, sameText, type StepItem, stepsOf } from './parseStepList';

// A step list applied to a map, as one edit (one undo). Steps already on the map are found by
// their lane and text (or a close spelling of it in their lane) and keep their position, notes,
// "manual" mark and everything else the list does not say; steps and decisions the list no
// longer names go; new ones are added after the step before them. Flows between listed steps
// become what the list says; a flow that changes department is a hand-off (inferFlowKind).

export interface ApplyStepListArgs {
  mapId: Id;
  items: Item[];
  /** New records' ids are `${seed}-…`, so the command replays to the same result. */
  seed: string;
  /** Positions laid out for the result (a map drawn from nothing): every box, lane height and route in it is taken. */
  view?: MapView;
}

/** Kinds a list line stands for (steps, decisions, starts, ends): only these are matched, changed or removed by it. */
const isListKind = (n: MapNode) => isControlKind(n.kind);

/** A label and its near-renaming ("Log enquiry" / "Log the enquiry"): the better of both ways round. */
const RENAME_SCORE = 0.7;
const likeness = (a: string, b: string): number =>
  Math.max(fuzzyMatch(a, [b], { minScore: 0 })[0]?.score ?? 0, fuzzyMatch(b, [a], { minScore: 0 })[0]?.score ?? 0);

export const applyStepList: Command<ApplyStepListArgs> = {
  name: 'applyStepList',
  title: 'Apply step list',
  scope: (a) => ({ kind: 'map', mapId: a.mapId }),
  run: (ws, a, ctx) => {
    const before = findMap(ws, a.mapId);
    let n = 0;
    const newId = (prefix: string) => `${a.seed}-${prefix}${++n}`;
    const steps = stepsOf(a.items);

    // Lanes: the map's own by name, new ones after them in the order the list names them.
    const lanes: Lane[] = [...before.lanes];
    const laneHeights = { ...before.view.laneHeights };
    const laneOf = new Map<string, Id>();
    for (const s of steps) {
      const key = sameText(s.lane);
      if (laneOf.has(key)) continue;
      let lane = lanes.find((l) => sameText(l.name) === key);
      if (!lane) {
        // A lane named after another department is that department's: flows into it are hand-offs.
        const dep = ws.departments.find((d) => sameText(d.name) === key && d.id !== before.departmentId);
        lane = { id: newId('l'), name: s.lane.trim(), ...(dep ? { departmentId: dep.id } : {}) };
        lanes.push(lane);
        laneHeights[lane.id] = DEFAULT_LANE_HEIGHT;
      }
      laneOf.set(key, lane.id);
    }
    const laneIdOf = (s: StepItem) => laneOf.get(sameText(s.lane))!;

    const nodeOf = matchSteps(before, steps, laneIdOf);
    const listed = new Set(nodeOf.values());
    const removed = new Set(before.nodes.filter((x) => isListKind(x) && !listed.has(x.id)).map((x) => x.id));

    // Matched steps take the list's text, kind and lane; their other fields stay as edited.
    const moved = new Set<Id>();
    let map: ProcessMap = { ...before, lanes, view: { ...before.view, laneHeights, nodes: { ...before.view.nodes } } };
    const bands = new Map(laneBands(map).map((b) => [b.laneId, b]));
    const boxes = map.view.nodes;
    const nodes: MapNode[] = before.nodes
      .filter((x) => !removed.has(x.id))
      .map((node) => {
        const s = steps.find((st) => nodeOf.get(st) === node.id);
        if (!s) return node;
        const laneId = laneIdOf(s);
        const next = { ...node, label: s.text, kind: s.kind, laneId };
        const box = boxes[node.id];
        if (box && (laneId !== node.laneId || s.kind !== node.kind)) {
          const size = NODE_SIZE[s.kind];
          const band = bands.get(laneId)!;
          boxes[node.id] = { x: box.x, y: Math.round(band.y + (band.height - size.height) / 2), ...size };
          moved.add(node.id);
        }
        return next.label === node.label && next.kind === node.kind && next.laneId === node.laneId ? node : next;
      });
    map = { ...map, nodes };

    // New steps, in list order, each placed after the step before it.
    const wanted = listFlows(a.items);
    for (const s of steps) {
      if (nodeOf.has(s)) continue;
      const id = newId('n');
      const prev = wanted.find((f) => f.to === s && nodeOf.has(f.from));
      const at = placeInLane(map, laneIdOf(s), s.kind, prev ? nodeOf.get(prev.from) : undefined);
      nodeOf.set(s, id);
      map.nodes.push({ id, kind: s.kind, laneId: laneIdOf(s), label: s.text });
      boxes[id] = { ...at, ...NODE_SIZE[s.kind] };
    }

    map = { ...map, flows: controlFlows(map, before, wanted, nodeOf, removed, moved, newId) };
    let next: Workspace = { ...ws };
    ({ map, ws: next } = attachSystems(next, map, steps, nodeOf, newId));
    map = attachDocsAndNotes(map, before, steps, nodeOf, newId);
    map = dropEmptiedHolders(map, before);
    if (a.view) map = withView(map, a.view);
    map = { ...map, view: { ...map.view, flowPoints: keptRoutes(map, before, moved) } };

    const same = (x: unknown, y: unknown) => JSON.stringify(x) === JSON.stringify(y);
    const mapSame = same([map.lanes, map.nodes, map.flows, map.view], [before.lanes, before.nodes, before.flows, before.view]);
    if (mapSame && next.systems === ws.systems && next.dataStores === ws.dataStores) return ws;
    return updateMap(next, a.mapId, ctx, () => map);
  },
};

/** Which node each listed step is: same lane and text, then same text anywhere, then a close spelling in its lane. */
function matchSteps(map: ProcessMap, steps: StepItem[], laneIdOf: (s: StepItem) => Id): Map<StepItem, Id> {
  const nodeOf = new Map<StepItem, Id>();
  const free = map.nodes.filter(isListKind);
  const take = (s: StepItem, test: (x: MapNode) => boolean) => {
    if (nodeOf.has(s)) return;
    const i = free.findIndex(test);
    if (i >= 0) nodeOf.set(s, free.splice(i, 1)[0]!.id);
  };
  for (const s of steps) take(s, (x) => x.laneId === laneIdOf(s) && sameText(x.label) === sameText(s.text));
  for (const s of steps) take(s, (x) => sameText(x.label) === sameText(s.text));
  for (const s of steps) {
    if (nodeOf.has(s)) continue;
    let best: MapNode | undefined;
    let bestScore = RENAME_SCORE;
    for (const x of free) {
      if (x.laneId !== laneIdOf(s)) continue;
      const score = likeness(s.text, x.label);
      if (score >= bestScore) [best, bestScore] = [x, score];
    }
    if (best) take(s, (x) => x === best);
  }
  return nodeOf;
}

/** The flows between listed steps become the list's; others stay. A flow whose end changed lane takes the kind its lanes give it now. */
function controlFlows(
  map: ProcessMap,
  before: ProcessMap,
  wanted: ReturnType<typeof listFlows>,
  nodeOf: Map<StepItem, Id>,
  removed: Set<Id>,
  moved: Set<Id>,
  newId: (prefix: string) => string,
): Flow[] {
  const listed = new Set(nodeOf.values());
  const byId = new Map(map.nodes.map((x) => [x.id, x]));
  const want = new Map(wanted.map((f) => [`${nodeOf.get(f.from)}>${nodeOf.get(f.to)}`, f]));
  const flows: Flow[] = [];
  const have = new Set<string>();
  for (const f of before.flows) {
    if (removed.has(f.from) || removed.has(f.to)) continue;
    const between = listed.has(f.from) && listed.has(f.to) && f.kind !== 'data';
    if (!between) {
      flows.push(f);
      continue;
    }
    const key = `${f.from}>${f.to}`;
    const w = want.get(key);
    if (!w || have.has(key)) continue;
    have.add(key);
    let next = f;
    if (w.label && w.label !== f.label) next = { ...next, label: w.label };
    if (moved.has(f.from) || moved.has(f.to)) next = { ...next, kind: inferFlowKind(map, byId.get(f.from)!, byId.get(f.to)!) };
    flows.push(next);
  }
  for (const [key, w] of want) {
    if (have.has(key)) continue;
    const from = byId.get(nodeOf.get(w.from)!)!;
    const to = byId.get(nodeOf.get(w.to)!)!;
    flows.push({ id: newId('f'), kind: inferFlowKind(map, from, to), from: from.id, to: to.id, ...(w.label ? { label: w.label } : {}) });
  }
  return flows;
}

/** Each step's systems as the list names them: reused from the map or the catalogue, else created; ones no longer named are let go. */
function attachSystems(ws: Workspace, map: ProcessMap, steps: StepItem[], nodeOf: Map<StepItem, Id>, newId: (p: string) => string): { ws: Workspace; map: ProcessMap } {
  let { systems, dataStores } = ws;
  const nodes = [...map.nodes];
  let flows = [...map.flows];
  const boxes = map.view.nodes;
  const byId = () => new Map(nodes.map((x) => [x.id, x]));
  for (const s of steps) {
    const stepId = nodeOf.get(s)!;
    const index = byId();
    const attached = flows.filter((f) => f.kind === 'data' && (f.from === stepId || f.to === stepId)).map((f) => ({ f, node: index.get(f.from === stepId ? f.to : f.from)! })).filter((x) => x.node && isCatalogueKind(x.node.kind));
    const names = attached.map((x) => holderName({ systems, dataStores }, x.node));
    const kept = new Set<number>();
    for (const name of s.systems) {
      const i = names.findIndex((x, j) => !kept.has(j) && (sameText(x) === sameText(name) || likeness(name, x) >= 0.8));
      if (i >= 0) {
        kept.add(i);
        continue;
      }
      let entry = findEntry({ systems, dataStores }, name);
      if (!entry) {
        const made = newEntry(newId(storeKind(name) ? 'ds' : 's'), name.trim(), map.departmentId);
        if (made.store) dataStores = [...dataStores, made.store];
        if (made.system) systems = [...systems, made.system];
        entry = { table: made.store ? 'dataStores' : 'systems', id: (made.store ?? made.system)!.id, name: name.trim() };
      }
      let holder = nodes.find((x) => x.refId === entry!.id && isCatalogueKind(x.kind));
      if (!holder) {
        const kind = entry.table === 'systems' ? 'system' : 'dataStore';
        const step = index.get(stepId)!;
        holder = { id: newId('n'), kind, laneId: step.laneId, label: entry.name, refId: entry.id };
        const at = placeInLane({ ...map, nodes, view: { ...map.view, nodes: boxes } }, step.laneId, kind, stepId);
        boxes[holder.id] = { ...at, ...NODE_SIZE[kind] };
        nodes.push(holder);
      }
      if (!flows.some((f) => f.kind === 'data' && ((f.from === stepId && f.to === holder!.id) || (f.to === stepId && f.from === holder!.id)))) {
        flows.push({ id: newId('f'), kind: 'data', from: stepId, to: holder.id });
      }
    }
    const dropped = new Set(attached.filter((_, j) => !kept.has(j)).map((x) => x.f.id));
    if (dropped.size) flows = flows.filter((f) => !dropped.has(f.id));
  }
  const changedCatalogue = systems !== ws.systems || dataStores !== ws.dataStores;
  return { ws: changedCatalogue ? { ...ws, systems, dataStores } : ws, map: { ...map, nodes, flows, view: { ...map.view, nodes: boxes } } };
}

const storeKind = (name: string) => !!newEntry('x', name, null).store;

/** A store, system or document node that lost every flow it had (its steps went, or no longer name it) goes too. */
function dropEmptiedHolders(map: ProcessMap, before: ProcessMap): ProcessMap {
  const touched = (flows: Flow[], id: Id) => flows.some((f) => f.from === id || f.to === id);
  const gone = new Set(map.nodes.filter((x) => (isCatalogueKind(x.kind) || x.kind === 'document') && touched(before.flows, x.id) && !touched(map.flows, x.id)).map((x) => x.id));
  if (gone.size === 0 && map.nodes.length === before.nodes.length) return tidyBoxes(map);
  return tidyBoxes({ ...map, nodes: map.nodes.filter((x) => !gone.has(x.id)) });
}

/** Boxes of nodes that are gone go with them. */
function tidyBoxes(map: ProcessMap): ProcessMap {
  const ids = new Set(map.nodes.map((x) => x.id));
  const nodes = Object.fromEntries(Object.entries(map.view.nodes).filter(([id]) => ids.has(id)));
  return { ...map, view: { ...map.view, nodes } };
}

/** A laid-out view taken whole for the nodes, lanes and flows it covers. */
function withView(map: ProcessMap, view: MapView): ProcessMap {
  const nodes = { ...map.view.nodes };
  for (const x of map.nodes) if (view.nodes[x.id]) nodes[x.id] = view.nodes[x.id]!;
  const laneHeights = { ...map.view.laneHeights };
  for (const l of map.lanes) if (view.laneHeights[l.id] !== undefined) laneHeights[l.id] = view.laneHeights[l.id]!;
  const flowPoints = { ...map.view.flowPoints };
  for (const f of map.flows) if (view.flowPoints[f.id]) flowPoints[f.id] = view.flowPoints[f.id]!;
  return { ...map, view: { nodes, laneHeights, flowPoints } };
}

/** Routes survive for flows that are still there and whose ends did not move. */
function keptRoutes(map: ProcessMap, before: ProcessMap, moved: Set<Id>): MapView['flowPoints'] {
  const old = new Map(before.flows.map((f) => [f.id, f]));
  const keep = map.flows.filter((f) => {
    const was = old.get(f.id);
    return map.view.flowPoints[f.id] && (!was || (was.from === f.from && was.to === f.to && !moved.has(f.from) && !moved.has(f.to)));
  });
  return Object.fromEntries(keep.map((f) => [f.id, map.view.flowPoints[f.id]!]));
}
