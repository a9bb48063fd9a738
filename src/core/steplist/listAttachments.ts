import { placeInLane } from '../commands/nodes';
import { noteAnchors } from '../layout/notes';
import { laneBands, NODE_SIZE } from '../model/geometry';
import type { Flow, Id, MapNode, NodeKind, ProcessMap } from '../model/types';
import { sameText, type StepItem } from './parseStepList';

// A step's documents and notes as the list writes them under it ("(doc) Offer letter",
// "(note) We type it twice"). A document is a node joined to its step by a data flow; a note is
// the step's when it sits nearest to it (layout's noteAnchors, as the writer reads it). Those the
// list names are kept as they are, new ones are put beside their step, and ones it no longer
// names under a listed step go.

export function attachDocsAndNotes(map: ProcessMap, before: ProcessMap, steps: StepItem[], nodeOf: Map<StepItem, Id>, newId: (prefix: string) => string): ProcessMap {
  const nodes = [...map.nodes];
  let flows = [...map.flows];
  const boxes = { ...map.view.nodes };
  const anchors = noteAnchors(before);
  const goneNotes = new Set<Id>();
  const byId = new Map(nodes.map((x) => [x.id, x]));
  const place = (kind: NodeKind, step: MapNode, label: string): MapNode => {
    const node: MapNode = { id: newId('n'), kind, laneId: step.laneId, label };
    const at = kind === 'note' ? besideStep(map, boxes, step) : undefined;
    boxes[node.id] = { ...(at ?? placeInLane({ ...map, nodes, view: { ...map.view, nodes: boxes } }, step.laneId, kind, step.id)), ...NODE_SIZE[kind] };
    nodes.push(node);
    byId.set(node.id, node);
    return node;
  };

  for (const s of steps) {
    const step = byId.get(nodeOf.get(s)!)!;
    const wanted = s.attached ?? [];
    const other = (f: Flow) => byId.get(f.from === step.id ? f.to : f.from);
    const docFlows = flows.filter((f) => f.kind === 'data' && (f.from === step.id || f.to === step.id) && other(f)?.kind === 'document');
    const keptFlows = new Set<Id>();
    for (const d of wanted.filter((a) => a.kind === 'document')) {
      const hit = docFlows.find((f) => !keptFlows.has(f.id) && sameText(other(f)!.label) === sameText(d.text));
      if (hit) {
        keptFlows.add(hit.id);
        continue;
      }
      // A document of that name on the map already (another step's) is the same paper.
      const doc = nodes.find((x) => x.kind === 'document' && sameText(x.label) === sameText(d.text)) ?? place('document', step, d.text);
      const flow: Flow = { id: newId('f'), kind: 'data', from: step.id, to: doc.id };
      flows.push(flow);
      keptFlows.add(flow.id);
    }
    const dropped = new Set(docFlows.filter((f) => !keptFlows.has(f.id)).map((f) => f.id));
    if (dropped.size) flows = flows.filter((f) => !dropped.has(f.id));

    const mine = before.nodes.filter((x) => x.kind === 'note' && anchors.get(x.id) === step.id);
    const keptNotes = new Set<Id>();
    for (const n of wanted.filter((a) => a.kind === 'note')) {
      const hit = mine.find((x) => !keptNotes.has(x.id) && sameText(x.label) === sameText(n.text));
      if (hit) keptNotes.add(hit.id);
      else place('note', step, n.text);
    }
    for (const x of mine) if (!keptNotes.has(x.id)) goneNotes.add(x.id);
  }
  const kept = goneNotes.size ? nodes.filter((x) => !goneNotes.has(x.id)) : nodes;
  return { ...map, nodes: kept, flows, view: { ...map.view, nodes: boxes } };
}

/** A new note just under its step (above it if the lane has no room below), so it is nearest to that step. */
function besideStep(map: ProcessMap, boxes: ProcessMap['view']['nodes'], step: MapNode): { x: number; y: number } | undefined {
  const box = boxes[step.id];
  const band = laneBands(map).find((b) => b.laneId === step.laneId);
  if (!box || !band) return undefined;
  const h = NODE_SIZE.note.height;
  const below = box.y + box.height + 12;
  const y = below + h <= band.y + band.height || box.y - h - 12 < band.y ? below : box.y - h - 12;
  return { x: box.x, y };
}
