import 'fake-indexeddb/auto'; // before Dexie, which picks up indexedDB when it loads
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoWorkspace } from '../../src/core/demo';
import { readWorkspace } from '../../src/persistence/workspaceRegistry';
import { RegistryDB } from '../../src/persistence/registryDb';
import { onCommandError, useDocument } from '../../src/state/documentStore';
import { createMap } from '../../src/state/mapActions';
import { createWorkspace, duplicateWorkspace, editWorkspaceDetails, restoreWorkspace, trashWorkspace } from '../../src/state/workspaceActions';
import { currentSession, openWorkspace, startWorkspaces } from '../../src/state/workspaceSession';
import { useWorkspaces } from '../../src/state/workspaceStore';

// One tab's open workspace and opening another: what was typed in one is on disk before the
// other opens, a write that fails keeps the tab where it is, and the list follows.

const reg = new RegistryDB('registry-session');
const doc = () => useDocument.getState().workspace!;
const entryNamed = (name: string) => useWorkspaces.getState().entries.find((e) => e.name === name)!;

/** What the first run looked like the moment the demo was first in the document. */
const atFirstDraw: { listed?: Promise<number>; refusals?: string[]; maps?: string[]; openId?: string | null } = {};

beforeAll(async () => {
  const refusals: string[] = [];
  const stopErrors = onCommandError((m) => refusals.push(m));
  const stopWatch = useDocument.subscribe((s) => {
    if (!s.workspace || atFirstDraw.maps) return;
    atFirstDraw.maps = s.workspace.maps.map((m) => m.name);
    atFirstDraw.listed = reg.workspaces.count();
    atFirstDraw.openId = useWorkspaces.getState().currentId;
    // An edit made while the demo is still being written: made, and saved once it is stored.
    createMap({ name: 'Drawn at once', departmentId: null });
    atFirstDraw.refusals = [...refusals];
  });
  try {
    await startWorkspaces(reg, () => demoWorkspace('2026-11-23T10:00:00.000Z'));
  } finally {
    stopWatch();
    stopErrors();
  }
});

afterAll(async () => {
  for (const e of await reg.workspaces.toArray()) await Dexie.delete(e.dbName);
  await reg.delete();
});

describe('a first run', () => {
  it('draws the demo before it is stored; an edit made meanwhile is kept, undoable and saved', async () => {
    expect(atFirstDraw.maps!.length).toBeGreaterThanOrEqual(4);
    expect(await atFirstDraw.listed).toBe(0);
    expect(atFirstDraw.refusals).toEqual([]);
    expect(doc().maps.map((m) => m.name)).toContain('Drawn at once');
    await currentSession()!.repo.flush();
    // What is stored is what is open: the demo as written (the session took it from memory
    // rather than reading it back) and the edit made while it was written.
    const entry = (await reg.workspaces.toArray())[0]!;
    // Open as that workspace from the first: the editor is not drawn afresh once it is stored.
    expect(atFirstDraw.openId).toBe(entry.id);
    const stored = await readWorkspace(entry);
    expect(stored!.maps.map((m) => m.name)).toContain('Drawn at once');
    expect(stored).toEqual(doc());
    // Its undo entry stayed when the stored demo became the open workspace.
    expect(useDocument.getState().undo(null)).toBeDefined();
    expect(doc().maps.map((m) => m.name)).not.toContain('Drawn at once');
    expect(useDocument.getState().redo(null)).toBeDefined();
    expect(doc().maps.map((m) => m.name)).toContain('Drawn at once');
  });
});

describe('the open workspace', () => {
  it('starts on the demo, and the list shows it as the one open', async () => {
    expect(doc().meta.name).toBe('University CRM (demo)');
    await expect.poll(() => useWorkspaces.getState().entries.map((e) => e.name)).toEqual(['University CRM (demo)']);
    expect(useWorkspaces.getState().currentId).toBe(entryNamed('University CRM (demo)').id);
  });

  it('a new workspace opens empty; what is drawn in it is saved there before another opens, and nowhere else', async () => {
    expect(await createWorkspace('  ')).toEqual({ ok: false, message: 'A workspace needs a name.' });
    expect(await createWorkspace('Fees review')).toEqual({ ok: true });
    expect(doc().meta).toMatchObject({ name: 'Fees review', status: 'draft' });
    expect(doc().maps).toEqual([]);
    createMap({ name: 'Refunds', departmentId: null });
    expect(editWorkspaceDetails({ organisation: 'University of Example' })).toBe(true);
    // At once, before the debounced save: opening another writes the edits first.
    expect(await openWorkspace(entryNamed('University CRM (demo)').id)).toEqual({ ok: true });
    expect(doc().meta.name).toBe('University CRM (demo)');
    expect(doc().maps.some((m) => m.name === 'Refunds')).toBe(false);
    const fees = await readWorkspace(entryNamed('Fees review'));
    expect(fees!.maps.map((m) => m.name)).toEqual(['Refunds']);
    expect(fees!.meta.organisation).toBe('University of Example');
    // The list has the details the document got.
    await expect.poll(() => entryNamed('Fees review').organisation).toBe('University of Example');
  });

  it('an edit that cannot be written keeps this tab on its workspace, edit and all', async () => {
    expect(await openWorkspace(entryNamed('Fees review').id)).toEqual({ ok: true });
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    try {
      createMap({ name: 'Bursaries', departmentId: null });
      const refused = await openWorkspace(entryNamed('University CRM (demo)').id);
      expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/last changes to “Fees review” are not saved/) });
      expect(doc().meta.name).toBe('Fees review');
      expect(doc().maps.map((m) => m.name)).toEqual(['Refunds', 'Bursaries']);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await openWorkspace(entryNamed('University CRM (demo)').id)).toEqual({ ok: true });
    expect((await readWorkspace(entryNamed('Fees review')))!.maps.map((m) => m.name)).toEqual(['Refunds', 'Bursaries']);
  });

  it('a duplicate is a copy as saved, not opened; deleting the open workspace opens the one used before it', async () => {
    const dup = await duplicateWorkspace(entryNamed('Fees review').id);
    expect(dup).toMatchObject({ ok: true, entry: { name: 'Copy of Fees review' } });
    expect(doc().meta.name).toBe('University CRM (demo)');
    await expect.poll(() => entryNamed('Copy of Fees review')).toBeDefined();
    const copy = await readWorkspace(entryNamed('Copy of Fees review'));
    expect(copy!.maps.map((m) => m.name)).toEqual(['Refunds', 'Bursaries']);
    expect(copy!.meta.id).not.toBe((await readWorkspace(entryNamed('Fees review')))!.meta.id);

    expect(await openWorkspace(entryNamed('Fees review').id)).toEqual({ ok: true });
    const fees = entryNamed('Fees review');
    expect(await trashWorkspace(fees.id)).toEqual({ ok: true });
    expect(doc().meta.name).toBe('University CRM (demo)');
    await expect.poll(() => entryNamed('Fees review').deletedAt).toBeTypeOf('number');
    expect(await openWorkspace(fees.id)).toMatchObject({ ok: false });
    // Undo: back from the trash, and open again.
    expect(await restoreWorkspace(fees.id, true)).toEqual({ ok: true });
    expect(currentSession()!.entry.id).toBe(fees.id);
    expect(doc().maps.map((m) => m.name)).toEqual(['Refunds', 'Bursaries']);
  });

  it('the last workspace left is not deleted: there would be nothing to open', async () => {
    for (const name of ['University CRM (demo)', 'Copy of Fees review']) expect(await trashWorkspace(entryNamed(name).id)).toEqual({ ok: true });
    await expect.poll(() => useWorkspaces.getState().entries.filter((e) => e.deletedAt === undefined).length).toBe(1);
    expect(await trashWorkspace(entryNamed('Fees review').id)).toEqual({ ok: false, message: '“Fees review” is the only workspace: make a new one before deleting this one.' });
  });
});
