import { quickLayout } from '../core/layout/quickLayout';
import { randomIds } from '../core/model/ids';
import type { Id } from '../core/model/types';
import { applyStepList, type ApplyStepListArgs, parseStepList, type StepListError, writeStepList } from '../core/steplist';
import { layoutInWorker } from '../workers/layoutClient';
import { getMap, useDocument } from './documentStore';

// The step list panel's operations: a map written as a list, and a list applied to a map.

export type ApplyOutcome = { ok: true; changed: boolean } | { ok: false; errors: StepListError[] };

/** The open map as a step list, to edit and apply back. */
export function stepListOf(mapId: Id): string {
  const ws = useDocument.getState().workspace;
  const map = getMap(mapId);
  return ws && map ? writeStepList(ws, map) : '';
}

/**
 * Apply a list to a map as one undoable edit. A list with a bad line changes nothing and
 * says which lines. A map drawn from nothing is laid out by the auto layout (in its worker)
 * before the edit is made, so the one edit holds the finished drawing; a map that had
 * positions keeps them, and new steps go after the step before them.
 */
export async function applyStepListText(mapId: Id, text: string): Promise<ApplyOutcome> {
  const parsed = parseStepList(text);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  const doc = useDocument.getState();
  const ws = doc.workspace;
  const map = getMap(mapId);
  if (!ws || !map) return { ok: true, changed: false };
  const args: ApplyStepListArgs = { mapId, items: parsed.items, seed: randomIds('sl') };
  const drawnBefore = map.nodes.some((n) => map.view.nodes[n.id]);
  if (!drawnBefore) {
    const preview = applyStepList.run(ws, args, { now: () => new Date().toISOString() }).maps.find((m) => m.id === mapId)!;
    try {
      args.view = (await layoutInWorker(preview)).view;
    } catch {
      // The worker failed or was replaced by another layout: the quick layout draws it the same way, without ELK.
      args.view = quickLayout(preview).view;
    }
  }
  return { ok: true, changed: useDocument.getState().dispatch(applyStepList, args) };
}
