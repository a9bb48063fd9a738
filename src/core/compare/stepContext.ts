import { normaliseName } from '../catalogue/fuzzy';
import type { Id, MapNode, ProcessMap } from '../model/types';
import { isControlKind, laneDepartment } from '../model/vocabulary';
import { labelTerms, type LabelTerms, termSimilarity } from './labelSimilarity';

// What surrounds a step, for telling which step of another map does the same job when the
// words alone do not settle it: its lane's role, its stage in the flow, the steps just before
// and after it, and the systems and stores it reads or writes.

/**
 * Each control node's stage in the flow, 0 (first) to 1 (last): its distance from a start
 * over sequence and message flows, over the longest such distance. Nodes the walk does not
 * reach have none.
 */
export function flowPositions(map: ProcessMap): Map<Id, number> {
  const { next, hasIncoming } = controlLinks(map);
  const control = map.nodes.filter((n) => isControlKind(n.kind));
  let roots = control.filter((n) => n.kind === 'start');
  // A draft without a start begins wherever nothing leads in.
  if (roots.length === 0) roots = control.filter((n) => !hasIncoming.has(n.id));
  const depth = new Map<Id, number>(roots.map((n) => [n.id, 0]));
  const queue = roots.map((n) => n.id);
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const to of next.get(id) ?? []) {
      if (depth.has(to)) continue;
      depth.set(to, depth.get(id)! + 1);
      queue.push(to);
    }
  }
  const max = Math.max(0, ...depth.values());
  const out = new Map<Id, number>();
  for (const [id, d] of depth) out.set(id, max === 0 ? 0 : d / max);
  return out;
}

function push(m: Map<Id, Id[]>, k: Id, v: Id): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

/** Sequence and message flows between control nodes, both ways. */
function controlLinks(map: ProcessMap) {
  const kind = new Map(map.nodes.map((n) => [n.id, n.kind]));
  const next = new Map<Id, Id[]>();
  const prev = new Map<Id, Id[]>();
  const hasIncoming = new Set<Id>();
  for (const f of map.flows) {
    if (f.kind === 'data' || !isControlKind(kind.get(f.from) ?? 'note') || !isControlKind(kind.get(f.to) ?? 'note')) continue;
    push(next, f.from, f.to);
    push(prev, f.to, f.from);
    hasIncoming.add(f.to);
  }
  return { next, prev, hasIncoming };
}

export interface LaneRole {
  terms: LabelTerms;
  departmentId: Id | null;
  /** The customer's own lane ("Applicant", "Donor"): no department, and its name is a person. */
  customer: boolean;
}

function laneRoles(map: ProcessMap): Map<Id, LaneRole> {
  return new Map(
    map.lanes.map((l) => {
      const terms = labelTerms(l.name);
      const customer = !l.departmentId && terms.objects.includes('person');
      return [l.id, { terms, departmentId: laneDepartment(map, l), customer }];
    }),
  );
}

/** 0..1: the customer's lane matches the customer's lane; staff lanes by department and by name. */
export function laneSimilarity(a: LaneRole | undefined, b: LaneRole | undefined): number {
  if (!a || !b) return 0;
  if (a.customer || b.customer) return a.customer && b.customer ? 1 : 0;
  const sameDept = a.departmentId !== null && a.departmentId === b.departmentId ? 0.7 : 0;
  return Math.max(sameDept, termSimilarity({ verb: null, objects: a.terms.objects }, { verb: null, objects: b.terms.objects }));
}

/** A catalogue entry by its id; a drawing not in the catalogue by its words. */
const touchKey = (n: MapNode): string => (n.refId ? `ref:${n.refId}` : `name:${normaliseName(n.label)}`);

export interface Touch {
  key: string;
  /** As drawn on this map, for saying why. */
  label: string;
}

/** The systems and stores each step reads or writes (data flows), by catalogue entry. */
function touches(map: ProcessMap): Map<Id, Touch[]> {
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const out = new Map<Id, Touch[]>();
  for (const f of map.flows) {
    if (f.kind !== 'data') continue;
    const from = byId.get(f.from);
    const to = byId.get(f.to);
    if (!from || !to) continue;
    const [step, target] = isControlKind(from.kind) ? [from, to] : [to, from];
    if (!isControlKind(step.kind) || isControlKind(target.kind) || target.kind === 'note') continue;
    const list = out.get(step.id) ?? out.set(step.id, []).get(step.id)!;
    const key = touchKey(target);
    if (!list.some((t) => t.key === key)) list.push({ key, label: target.label });
  }
  return out;
}

/** Everything the matcher knows of one map's control nodes. */
export interface Side {
  map: ProcessMap;
  nodes: MapNode[];
  index: Map<Id, number>;
  terms: LabelTerms[];
  lanes: Map<Id, LaneRole>;
  positions: Map<Id, number>;
  touches: Map<Id, Touch[]>;
  next: Map<Id, Id[]>;
  prev: Map<Id, Id[]>;
}

export function side(map: ProcessMap): Side {
  const nodes = map.nodes.filter((n) => isControlKind(n.kind));
  const { next, prev } = controlLinks(map);
  return {
    map, nodes, index: new Map(nodes.map((n, i) => [n.id, i])), terms: nodes.map((n) => labelTerms(n.label)),
    lanes: laneRoles(map), positions: flowPositions(map), touches: touches(map), next, prev,
  };
}

/** Shared systems and stores over all touched by either (Jaccard), or null when either touches none. */
export function touchSimilarity(a: readonly Touch[] | undefined, b: readonly Touch[] | undefined): { score: number; shared: string[] } | null {
  if (!a?.length || !b?.length) return null;
  const keys = new Set(b.map((t) => t.key));
  const shared = a.filter((t) => keys.has(t.key));
  return { score: shared.length / (a.length + b.length - shared.length), shared: shared.map((t) => t.label) };
}
