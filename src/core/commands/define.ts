import type { Id, ProcessMap, Workspace } from '../model/types';

/** Where an edit belongs in the undo history: one map's own history, or the workspace's. */
export type Scope = { kind: 'map'; mapId: Id } | { kind: 'workspace' };

export interface CommandContext {
  /** ISO time stamped on changed maps. */
  now: () => string;
}

/**
 * A named edit. `run` is pure: it returns a new workspace (or the same object when the
 * edit changes nothing, which then makes no history entry). Ids of new records come in
 * `args`, so a command replays to the same result.
 */
export interface Command<A> {
  name: string;
  /** Shown in the undo button's tooltip: "Undo Add step". */
  title: string;
  scope: (args: A) => Scope;
  run: (ws: Workspace, args: A, ctx: CommandContext) => Workspace;
}

export class CommandError extends Error {}

export function findMap(ws: Workspace, mapId: Id): ProcessMap {
  const map = ws.maps.find((m) => m.id === mapId);
  if (!map) throw new CommandError(`No map with id "${mapId}"`);
  return map;
}

/** Replace one map by `fn(map)`; unchanged when `fn` returns the same map. */
export function updateMap(ws: Workspace, mapId: Id, ctx: CommandContext, fn: (map: ProcessMap) => ProcessMap): Workspace {
  const map = findMap(ws, mapId);
  const next = fn(map);
  if (next === map) return ws;
  const stamped = { ...next, updatedAt: ctx.now() };
  return { ...ws, maps: ws.maps.map((m) => (m.id === mapId ? stamped : m)) };
}

/** A command on one map, recorded in that map's history. */
export function mapCommand<A extends { mapId: Id }>(
  name: string,
  title: string,
  fn: (map: ProcessMap, args: A, ws: Workspace) => ProcessMap,
): Command<A> {
  return {
    name,
    title,
    scope: (args) => ({ kind: 'map', mapId: args.mapId }),
    run: (ws, args, ctx) => updateMap(ws, args.mapId, ctx, (map) => fn(map, args, ws)),
  };
}

export function workspaceCommand<A>(
  name: string,
  title: string,
  run: (ws: Workspace, args: A, ctx: CommandContext) => Workspace,
): Command<A> {
  return { name, title, scope: () => ({ kind: 'workspace' }), run };
}

export const scopeKey = (s: Scope): string => (s.kind === 'map' ? `map:${s.mapId}` : 'workspace');
