import { noteAnchors } from '../layout/notes';
import type { Flow, Id, MapNode, ProcessMap, Workspace } from '../model/types';
import { isCatalogueKind, isControlKind } from '../model/vocabulary';
import { holderName } from './listCatalogue';

// A map written as a step list, so a map drawn by hand can be edited as text and applied
// back: parsing what this writes and applying it to the same map changes nothing. Starts and
// ends are lines of the path; a step's documents and the notes beside it follow its line.
// A document no step uses is not written (applying leaves it as it is).

const KIND_MARK: Partial<Record<MapNode['kind'], string>> = { decision: '? ', start: '(start) ', end: '(end) ' };

export function writeStepList(ws: Pick<Workspace, 'systems' | 'dataStores'>, map: ProcessMap): string {
  const listed = map.nodes.filter((n) => isControlKind(n.kind));
  const notesOf = new Map<Id, MapNode[]>();
  for (const [noteId, stepId] of noteAnchors(map)) notesOf.set(stepId, [...(notesOf.get(stepId) ?? []), map.nodes.find((n) => n.id === noteId)!]);
  const byId = new Map(map.nodes.map((n) => [n.id, n]));
  const ids = new Set(listed.map((n) => n.id));
  const control = map.flows.filter((f) => f.kind !== 'data' && ids.has(f.from) && ids.has(f.to));
  const outs = (id: Id): Flow[] => control.filter((f) => f.from === id);
  const hasIn = new Set(control.map((f) => f.to));
  const laneName = new Map(map.lanes.map((l) => [l.id, l.name]));
  const emitted = new Set<Id>();
  const lines: string[] = [];
  const pad = (n: number) => ' '.repeat(n);
  const label = (n: MapNode) => n.label.trim().replace(/\s+/g, ' ') || '(unnamed)';

  const systemsOf = (n: MapNode): string[] => {
    const names = map.flows
      .filter((f) => f.kind === 'data' && (f.from === n.id || f.to === n.id))
      .map((f) => byId.get(f.from === n.id ? f.to : f.from))
      .filter((h): h is MapNode => !!h && isCatalogueKind(h.kind))
      .map((h) => holderName(ws, h));
    return [...new Set(names)];
  };

  const lineOf = (n: MapNode): string => {
    const systems = systemsOf(n);
    // An unnamed start or end stays unnamed ("(end) Registry:"); a step needs words to be found again.
    const text = (n.kind === 'start' || n.kind === 'end') && !n.label.trim() ? '' : ` ${label(n)}`;
    return `${KIND_MARK[n.kind] ?? ''}${laneName.get(n.laneId) ?? ''}:${text}${systems.length ? ` [${systems.join(', ')}]` : ''}`;
  };

  /** "(doc) Offer letter" and "(note) …" lines for what goes with a node. */
  const attachedLines = (n: MapNode, indent: number): void => {
    const docs = map.flows
      .filter((f) => f.kind === 'data' && (f.from === n.id || f.to === n.id))
      .map((f) => byId.get(f.from === n.id ? f.to : f.from))
      .filter((d): d is MapNode => d?.kind === 'document');
    for (const d of new Set(docs)) lines.push(`${pad(indent)}(doc) ${label(d)}`);
    for (const note of notesOf.get(n.id) ?? []) lines.push(`${pad(indent)}(note) ${label(note)}`);
  };

  /** A node and the path on from it; `branch` writes it as a decision's branch ("Yes: …"), its path indented under. */
  const chain = (n: MapNode, indent: number, branch?: string): void => {
    emitted.add(n.id);
    lines.push(pad(indent) + (branch !== undefined ? `${branch}: ` : '') + lineOf(n));
    const on = branch !== undefined ? indent + 2 : indent;
    // A decision's own are written among its branches (deeper lines under it are its).
    attachedLines(n, n.kind === 'decision' ? on + 2 : on);
    if (n.kind === 'decision') {
      for (const f of outs(n.id)) {
        const t = byId.get(f.to)!;
        const answer = f.label?.trim() || '-';
        if (emitted.has(t.id)) lines.push(`${pad(on + 2)}${answer}: -> ${label(t)}`);
        else chain(t, on + 2, answer);
      }
      return;
    }
    const next = outs(n.id);
    const cont = next.find((f) => !emitted.has(f.to));
    for (const f of next) if (f !== cont) lines.push(`${pad(on)}-> ${label(byId.get(f.to)!)}`);
    if (cont) chain(byId.get(cont.to)!, on);
  };

  const roots = [...listed.filter((n) => !hasIn.has(n.id)), ...listed];
  for (const n of roots) {
    if (emitted.has(n.id)) continue;
    if (lines.length) lines.push('');
    chain(n, 0);
  }
  return lines.join('\n');
}
