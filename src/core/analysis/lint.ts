import type { Id, MapNode, ProcessMap } from '../model/types';
import { nodeName, q } from './english';
import type { Finding, FindingKind, Severity } from './types';
import type { AnalysisContext, MapIndex } from './accessIndex';
import { capitalise, isCatalogueKind, isControlKind, nodeKindPlural, nodeKindWord } from '../model/vocabulary';

// Structural checks, one map at a time. Control flow (FORMAT.md): sequence and message flows
// alike carry control, and only between control nodes (start, end, step, decision); data flows
// never do. Stores, systems, documents and notes are outside the control flow: they are never
// unreachable and never dead ends.
// - unreachable-node: a control node no path of control flows reaches from any start. Not
//   checked on a map without a start: missing-start says it once instead of flagging every node.
// - dead-end: a step or decision with no outgoing control flow (an outgoing data flow is no way on).
// - decision-branches: a decision with fewer than two outgoing control targets (two flows to the
//   same node are one branch). One with none is also a dead-end, as the issue defines both.
// - missing-start / missing-end: a map with control nodes but no start / no end. A map with no
//   control nodes at all (a blank new map, a catalogue sketch) is not a process yet.
// - uncatalogued-store: a dataStore or system node whose refId is missing or names nothing of
//   its kind in the catalogue.
// - empty-lane: a lane no node sits in.
// - unlabelled-node: any node but a note with a blank label (a note is free comment).

const SEVERITY: Record<Exclude<FindingKind, 'silo-system' | 'duplicate-data' | 'manual-rekeying'>, Severity> = {
  'unreachable-node': 'medium',
  'decision-branches': 'medium',
  'dead-end': 'medium',
  'missing-start': 'medium',
  'missing-end': 'medium',
  'uncatalogued-store': 'medium',
  'empty-lane': 'low',
  'unlabelled-node': 'low',
};

type LintKind = keyof typeof SEVERITY;

function finding(map: ProcessMap, kind: LintKind, subject: Id, title: string, explanation: string, suggestion: string): Finding {
  return { id: `${kind}:${map.id}:${subject}`, kind, severity: SEVERITY[kind], title, explanation, subjects: [subject], mapIds: [map.id], suggestion };
}

function laneName(index: MapIndex, node: MapNode): string {
  const lane = index.laneById.get(node.laneId);
  return lane ? q(lane.name.trim() || lane.id) : 'no lane';
}

/**
 * Control successors by position in map.nodes, as one flat array (CSR): node i's successors
 * are targets[first[i] .. first[i + 1]). Two passes over the flows, no array per node.
 */
interface ControlGraph {
  first: Int32Array;
  targets: Int32Array;
}

function controlGraph(index: MapIndex, control: Uint8Array): ControlGraph {
  const { flows } = index.map;
  const { flowFrom, flowTo } = index;
  const first = new Int32Array(control.length + 1);
  // A flow counts when it is not data, not a self-loop, and joins two control nodes; its
  // source's position is kept in `from` (-1 otherwise) for the second pass.
  const from = new Int32Array(flows.length).fill(-1);
  for (let k = 0; k < flows.length; k++) {
    const f = flows[k]!;
    if (f.kind === 'data' || f.from === f.to) continue;
    const a = flowFrom[k]!;
    const b = flowTo[k]!;
    if (a < 0 || b < 0 || !control[a] || !control[b]) continue;
    from[k] = a;
    first[a + 1]!++;
  }
  for (let i = 0; i < control.length; i++) first[i + 1]! += first[i]!;
  const fill = first.slice(0, control.length);
  const targets = new Int32Array(first[control.length]!);
  for (let k = 0; k < flows.length; k++) if (from[k]! >= 0) targets[fill[from[k]!]!++] = flowTo[k]!;
  return { first, targets };
}

function reachable(index: MapIndex, g: ControlGraph): Uint8Array {
  const nodes = index.map.nodes;
  const seen = new Uint8Array(nodes.length);
  const stack: number[] = [];
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i]!.kind === 'start') {
      seen[i] = 1;
      stack.push(i);
    }
  }
  while (stack.length > 0) {
    const i = stack.pop()!;
    for (let k = g.first[i]!; k < g.first[i + 1]!; k++) {
      const to = g.targets[k]!;
      if (!seen[to]) {
        seen[to] = 1;
        stack.push(to);
      }
    }
  }
  return seen;
}

function controlFindings(index: MapIndex, out: Finding[]): void {
  const { map } = index;
  let starts = 0;
  let ends = 0;
  let controls = 0;
  const control = new Uint8Array(map.nodes.length);
  for (let i = 0; i < map.nodes.length; i++) {
    const n = map.nodes[i]!;
    if (!isControlKind(n.kind)) continue;
    control[i] = 1;
    controls++;
    if (n.kind === 'start') starts++;
    else if (n.kind === 'end') ends++;
  }
  if (controls === 0) return;
  const mapName = q(map.name);
  if (starts === 0) {
    out.push(finding(map, 'missing-start', map.id, `${mapName} has no start`,
      `The map ${mapName} has no start, so it does not show what sets the process off (an enquiry, a gift, a graduation), ` +
      `and the analysis cannot tell which of its steps are ever reached. A CRM policy needs to know where each customer journey begins.`,
      'Add a start where the process begins and connect it to the first step.'));
  }
  if (ends === 0) {
    out.push(finding(map, 'missing-end', map.id, `${mapName} has no end`,
      `The map ${mapName} has no end, so it does not show when the customer's case is finished or what state their record is left in.`,
      'Add an end for each way the process can finish and connect the last steps to it.'));
  }
  const graph = controlGraph(index, control);
  const seen = starts > 0 ? reachable(index, graph) : null;
  for (let i = 0; i < map.nodes.length; i++) {
    if (!control[i]) continue;
    const n = map.nodes[i]!;
    // Names are built only for nodes with a problem: this loop sees every node on every edit.
    if (seen && !seen[i]) {
      const name = nodeName(n);
      out.push(finding(map, 'unreachable-node', n.id, `${capitalise(name)} is not reachable from a start`,
        `In ${mapName}, no path of sequence or message flows leads from a start to the ${name} (lane ${laneName(index, n)}), ` +
        `so the map does not show when or why it happens. An unconnected step is usually a missing hand-off, and the policy ` +
        `may miss a place where customer data is handled.`,
        `Connect the ${name} to the step that comes before it, or remove it if it no longer happens.`));
    }
    if (n.kind !== 'step' && n.kind !== 'decision') continue;
    const lo = graph.first[i]!;
    const hi = graph.first[i + 1]!;
    const name = nodeName(n);
    if (lo === hi) {
      out.push(finding(map, 'dead-end', n.id, `${capitalise(name)} is a dead end`,
        `In ${mapName}, the ${name} (lane ${laneName(index, n)}) has no outgoing sequence or message flow, so the process stops there ` +
        `without reaching an end. The map does not show what happens to the customer next, which is where records are often left half-updated.`,
        `Connect the ${name} to what happens next, or to an end if the process really finishes there.`));
    }
    if (n.kind !== 'decision') continue;
    // Every way out leading to the same node is one branch: two flows to one node are not a choice.
    let branches = lo === hi ? 0 : 1;
    for (let k = lo + 1; k < hi && branches < 2; k++) if (graph.targets[k] !== graph.targets[lo]) branches = 2;
    if (branches < 2) {
      out.push(finding(map, 'decision-branches', n.id, `${capitalise(name)} has ${branches === 0 ? 'no branches' : 'only one branch'}`,
        `In ${mapName}, the ${name} (lane ${laneName(index, n)}) has ${branches === 0 ? 'no way out' : 'only one way out'}, so the map does not ` +
        `show what happens for each answer. Customers on a missing branch are left out of the journey the CRM policy describes.`,
        `Add ${branches === 0 ? 'a flow for each answer' : 'the missing branch'} (and label them, such as Yes and No), or replace the decision by a step if there is no choice.`));
    }
  }
}

function otherFindings(index: MapIndex, out: Finding[]): void {
  const { map } = index;
  const mapName = q(map.name);
  const used = new Set<Id>();
  for (let i = 0; i < map.nodes.length; i++) {
    const n = map.nodes[i]!;
    used.add(n.laneId);
    if (isCatalogueKind(n.kind) && index.targets[i] === undefined) {
      const name = nodeName(n);
      const list = nodeKindPlural(n.kind);
      out.push(finding(map, 'uncatalogued-store', n.id, `${capitalise(name)} is not in the catalogue`,
        `In ${mapName}, the ${name} (lane ${laneName(index, n)}) is not linked to an entry in the catalogue of ${list}, so the ` +
        `analysis does not know which customer fields it holds or which system it belongs to: silos, duplicates and re-keying ` +
        `that involve it go unreported, and it is missing from the landscape.`,
        `Link the node to the catalogue entry it stands for, or add a new entry with its customer fields.`));
    }
    if (n.kind !== 'note' && n.label.trim() === '') {
      out.push(finding(map, 'unlabelled-node', n.id, `Unlabelled ${nodeKindWord(n.kind)} in lane ${laneName(index, n)} of ${mapName}`,
        `A ${nodeKindWord(n.kind)} in lane ${laneName(index, n)} of ${mapName} has no label, so readers of the map and of the CRM policy ` +
        `cannot tell what happens there.`,
        `Give the ${nodeKindWord(n.kind)} a short label, such as a verb and an object ("Log enquiry").`));
    }
  }
  for (const lane of map.lanes) {
    if (used.has(lane.id)) continue;
    const name = q(lane.name.trim() || lane.id);
    out.push(finding(map, 'empty-lane', lane.id, `Lane ${name} in ${mapName} is empty`,
      `The lane ${name} in ${mapName} has no steps or stores. Either this role takes no part in the process, or its work ` +
      `(and any customer data it handles) was not drawn.`,
      `Draw what ${name} does in this process, or remove the lane.`));
  }
}

export function lintFindings(ctx: AnalysisContext): Finding[] {
  const out: Finding[] = [];
  for (const index of ctx.maps) {
    controlFindings(index, out);
    otherFindings(index, out);
  }
  return out;
}
