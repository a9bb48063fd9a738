import type { Id, MapNode, ProcessMap } from '../model/types';
import { isControlKind } from '../model/types';
import { capitalise, kindWord, nodeName, q } from './text';
import type { Finding, FindingKind, Severity } from './types';
import { type AnalysisContext, type MapIndex, resolveTarget } from './usage';

// Structural checks, one map at a time. Control flow (FORMAT.md): sequence and message flows
// alike carry control, and only between control nodes (start, end, step, decision); data flows
// never do. Stores, systems, documents and notes are outside the control flow: they are never
// unreachable and never dead ends.
// - unreachable-node: a control node no path of control flows reaches from any start. Not
//   checked on a map without a start: missing-start says it once instead of flagging every node.
// - dead-end: a step or decision with no outgoing control flow (an outgoing data flow is no way on).
// - decision-branches: a decision with exactly one outgoing control target; one with none is a
//   dead-end and reported once, as that. Two flows to the same node are one branch.
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

/** Control successors of each control node: targets of sequence and message flows. */
function controlGraph(index: MapIndex): Map<Id, Set<Id>> {
  const out = new Map<Id, Set<Id>>();
  for (const n of index.map.nodes) if (isControlKind(n.kind)) out.set(n.id, new Set());
  for (const f of index.map.flows) {
    if (f.kind === 'data' || f.from === f.to) continue;
    const to = index.nodeById.get(f.to);
    if (to && isControlKind(to.kind)) out.get(f.from)?.add(f.to);
  }
  return out;
}

function reachable(index: MapIndex, next: Map<Id, Set<Id>>): Set<Id> {
  const seen = new Set<Id>();
  const stack: Id[] = [];
  for (const n of index.map.nodes) if (n.kind === 'start') { seen.add(n.id); stack.push(n.id); }
  while (stack.length > 0) {
    for (const to of next.get(stack.pop()!)!) if (!seen.has(to)) { seen.add(to); stack.push(to); }
  }
  return seen;
}

function controlFindings(index: MapIndex, out: Finding[]): void {
  const { map } = index;
  const controls = map.nodes.filter((n) => isControlKind(n.kind));
  if (controls.length === 0) return;
  const mapName = q(map.name);
  const hasStart = controls.some((n) => n.kind === 'start');
  if (!hasStart) {
    out.push(finding(map, 'missing-start', map.id, `${mapName} has no start`,
      `The map ${mapName} has no start, so it does not show what sets the process off (an enquiry, a gift, a graduation), ` +
      `and the analysis cannot tell which of its steps are ever reached. A CRM policy needs to know where each customer journey begins.`,
      'Add a start where the process begins and connect it to the first step.'));
  }
  if (!controls.some((n) => n.kind === 'end')) {
    out.push(finding(map, 'missing-end', map.id, `${mapName} has no end`,
      `The map ${mapName} has no end, so it does not show when the customer's case is finished or what state their record is left in.`,
      'Add an end for each way the process can finish and connect the last steps to it.'));
  }
  const next = controlGraph(index);
  const seen = hasStart ? reachable(index, next) : null;
  for (const n of controls) {
    const name = nodeName(n);
    if (seen && !seen.has(n.id)) {
      out.push(finding(map, 'unreachable-node', n.id, `${capitalise(name)} is not reachable from a start`,
        `In ${mapName}, no path of sequence or message flows leads from a start to the ${name} (lane ${laneName(index, n)}), ` +
        `so the map does not show when or why it happens. An unconnected step is usually a missing hand-off, and the policy ` +
        `may miss a place where customer data is handled.`,
        `Connect the ${name} to the step that comes before it, or remove it if it no longer happens.`));
    }
    if (n.kind !== 'step' && n.kind !== 'decision') continue;
    const outgoing = next.get(n.id)!.size;
    if (outgoing === 0) {
      out.push(finding(map, 'dead-end', n.id, `${capitalise(name)} is a dead end`,
        `In ${mapName}, the ${name} (lane ${laneName(index, n)}) has no outgoing sequence or message flow, so the process stops there ` +
        `without reaching an end. The map does not show what happens to the customer next, which is where records are often left half-updated.`,
        `Connect the ${name} to what happens next, or to an end if the process really finishes there.`));
    } else if (n.kind === 'decision' && outgoing === 1) {
      out.push(finding(map, 'decision-branches', n.id, `${capitalise(name)} has only one branch`,
        `In ${mapName}, the ${name} (lane ${laneName(index, n)}) has only one way out, so the map does not show what happens ` +
        `otherwise. Customers on the missing branch are left out of the journey the CRM policy describes.`,
        `Add the missing branch (and label both, such as Yes and No), or replace the decision by a step if there is no choice.`));
    }
  }
}

function otherFindings(ctx: AnalysisContext, index: MapIndex, out: Finding[]): void {
  const { map } = index;
  const mapName = q(map.name);
  const used = new Set<Id>();
  for (const n of map.nodes) {
    used.add(n.laneId);
    const name = nodeName(n);
    if ((n.kind === 'dataStore' || n.kind === 'system') && !resolveTarget(ctx, n)) {
      const list = n.kind === 'dataStore' ? 'data stores' : 'systems';
      out.push(finding(map, 'uncatalogued-store', n.id, `${capitalise(name)} is not in the catalogue`,
        `In ${mapName}, the ${name} (lane ${laneName(index, n)}) is not linked to an entry in the catalogue of ${list}, so the ` +
        `analysis does not know which customer fields it holds or which system it belongs to: silos, duplicates and re-keying ` +
        `that involve it go unreported, and it is missing from the landscape.`,
        `Link the node to the catalogue entry it stands for, or add a new entry with its customer fields.`));
    }
    if (n.kind !== 'note' && n.label.trim() === '') {
      out.push(finding(map, 'unlabelled-node', n.id, `Unlabelled ${kindWord(n.kind)} in lane ${laneName(index, n)} of ${mapName}`,
        `A ${kindWord(n.kind)} in lane ${laneName(index, n)} of ${mapName} has no label, so readers of the map and of the CRM policy ` +
        `cannot tell what happens there.`,
        `Give the ${kindWord(n.kind)} a short label, such as a verb and an object ("Log enquiry").`));
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
    otherFindings(ctx, index, out);
  }
  return out;
}
