import * as C from '../core/commands';
import { randomIds } from '../core/model/ids';
import type { Id, Workspace } from '../core/model/types';
import { NODE_KIND_LABEL, nodeKindWord } from '../core/model/vocabulary';
import { useDocument } from './documentStore';
import { historyMessage } from './editorActions';
import { useUi } from './uiStore';

// What the catalogue screen's buttons, cells and keys do, and the inspector's edits of a linked
// store. Catalogue edits are in the workspace's history, so undo here never reaches into a
// map's own edits.

const doc = () => useDocument.getState();
const ui = () => useUi.getState();

/** "New system", or "New system 2" when that is taken, so a fresh row is easy to tell apart. */
function freshName(base: string, taken: { name: string }[]): string {
  const names = new Set(taken.map((t) => t.name.toLowerCase()));
  let name = base;
  for (let n = 2; names.has(name.toLowerCase()); n++) name = `${base} ${n}`;
  return name;
}

export function addSystem(): Id | undefined {
  const ws = doc().workspace;
  if (!ws) return undefined;
  const systemId = randomIds('s');
  return doc().dispatch(C.addSystem, { systemId, name: freshName('New system', ws.systems) }) ? systemId : undefined;
}

export function addDataStore(): Id | undefined {
  const ws = doc().workspace;
  if (!ws) return undefined;
  const dataStoreId = randomIds('ds');
  return doc().dispatch(C.addDataStore, { dataStoreId, name: freshName('New data store', ws.dataStores) }) ? dataStoreId : undefined;
}

export function updateSystem(systemId: Id, patch: C.SystemPatch): boolean {
  return doc().dispatch(C.updateSystem, { systemId, patch });
}

export function updateDataStore(dataStoreId: Id, patch: C.DataStorePatch): boolean {
  return doc().dispatch(C.updateDataStore, { dataStoreId, patch });
}

type Kind = 'system' | 'dataStore';
/** Asks the user a yes/no question (the UI's confirm dialog), so this layer needs no React. */
export type Ask = (q: { title: string; body: string; confirmLabel: string; danger?: boolean }) => Promise<boolean>;

/** Ask first when maps draw the entry: deleting unlinks their nodes. Then delete, with an Undo in the message. */
async function deleteEntry(kind: Kind, entry: { id: Id; name: string }, extra: string, ask: Ask, run: (force: boolean) => boolean): Promise<void> {
  const ws = doc().workspace;
  if (!ws) return;
  const maps = C.mapsUsing(ws, kind, entry.id);
  if (maps.length > 0) {
    const ok = await ask({
      title: `Delete ${nodeKindWord(kind)} “${entry.name}”?`,
      body: `It is drawn on ${maps.length === 1 ? 'the map' : `${maps.length} maps:`} ${maps.map((m) => `“${m}”`).join(', ')}. Those nodes keep their labels but no longer point at the catalogue.${extra} You can undo this (Ctrl+Z).`,
      confirmLabel: `Delete ${nodeKindWord(kind)}`,
      danger: true,
    });
    if (!ok) return;
  }
  if (run(maps.length > 0)) {
    ui().toast({ tone: 'info', message: `${NODE_KIND_LABEL[kind]} “${entry.name}” deleted`, action: { label: 'Undo', run: () => doc().undo(null) } });
  }
}

export function deleteSystem(ws: Workspace, systemId: Id, ask: Ask): Promise<void> {
  const system = ws.systems.find((s) => s.id === systemId);
  if (!system) return Promise.resolve();
  const inside = ws.dataStores.filter((d) => d.systemId === systemId).length;
  const extra = inside ? ` ${inside === 1 ? 'The data store inside it becomes' : `The ${inside} data stores inside it become`} standalone.` : '';
  return deleteEntry('system', system, extra, ask, (force) => doc().dispatch(C.deleteSystem, { systemId, force }));
}

export function deleteDataStore(ws: Workspace, dataStoreId: Id, ask: Ask): Promise<void> {
  const store = ws.dataStores.find((d) => d.id === dataStoreId);
  if (!store) return Promise.resolve();
  return deleteEntry('dataStore', store, '', ask, (force) => doc().dispatch(C.deleteDataStore, { dataStoreId, force }));
}

/** Undo or redo the newest catalogue (workspace) edit, and say what it was. */
export function stepCatalogueHistory(dir: 'undo' | 'redo'): void {
  const entry = dir === 'undo' ? doc().undo(null) : doc().redo(null);
  if (!entry) return;
  // A message's "Undo" would now take back some other edit: withdraw it.
  for (const t of ui().toasts) if (t.action?.label === 'Undo') ui().dismissToast(t.id);
  ui().toast({ tone: 'info', message: historyMessage(dir === 'undo' ? 'Undid' : 'Redid', entry, null) });
}
