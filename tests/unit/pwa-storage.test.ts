import { afterEach, describe, expect, test } from 'vitest';
import { createMap } from '../../src/core/commands';
import { demoWorkspace } from '../../src/core/demo';
import { saveIsFailing, useAppStatus } from '../../src/state/appStatusStore';
import { useDocument } from '../../src/state/documentStore';
import { countEdit, parseBackupState, recordBackup, useBackup } from '../../src/ui/storage/backupStore';
import { PAUSE_MS, QUIET_MS, REMIND_AFTER_EDITS, reminderDue } from '../../src/ui/storage/backupReminder';
import { formatBytes, persistAfterFirstNewMap } from '../../src/ui/storage/storageInfo';

const MIN = 60_000;

describe('backup reminder', () => {
  const base = { editsSinceBackup: REMIND_AFTER_EDITS, lastEditAt: 0, lastShownAt: null, now: PAUSE_MS };

  test('due after enough edits and a pause in editing', () => {
    expect(reminderDue(base)).toBe(true);
  });

  test('not while the user is still editing', () => {
    expect(reminderDue({ ...base, now: PAUSE_MS - 1 })).toBe(false);
  });

  test('not for a few edits', () => {
    expect(reminderDue({ ...base, editsSinceBackup: REMIND_AFTER_EDITS - 1 })).toBe(false);
  });

  test('not when no edit was made in this tab (opening the app to look is no session of edits)', () => {
    expect(reminderDue({ ...base, lastEditAt: null, now: 10 * PAUSE_MS })).toBe(false);
  });

  test('not again within the quiet hour after it was shown, then again', () => {
    const shown = { ...base, lastShownAt: 0 };
    expect(reminderDue({ ...shown, lastEditAt: 50 * MIN, now: 50 * MIN + PAUSE_MS })).toBe(false);
    expect(reminderDue({ ...shown, lastEditAt: QUIET_MS, now: QUIET_MS + PAUSE_MS })).toBe(true);
  });
});

describe('backup record', () => {
  afterEach(() => useBackup.setState({ lastBackupAt: null, lastBackupFile: null, editsSinceBackup: 0 }));

  test('a backup records its time and file and starts the count of edits again', () => {
    countEdit();
    countEdit();
    expect(useBackup.getState().editsSinceBackup).toBe(2);
    recordBackup('Workshop 2026-11-23.lanemap.json', 1_700_000_000_000);
    expect(useBackup.getState()).toEqual({ lastBackupAt: 1_700_000_000_000, lastBackupFile: 'Workshop 2026-11-23.lanemap.json', editsSinceBackup: 0 });
  });

  test('a stored record that is missing, broken or odd reads as "no backup yet"', () => {
    const none = { lastBackupAt: null, lastBackupFile: null, editsSinceBackup: 0 };
    expect(parseBackupState(null)).toEqual(none);
    expect(parseBackupState('{not json')).toEqual(none);
    expect(parseBackupState('{"lastBackupAt":"yesterday","editsSinceBackup":-3,"lastBackupFile":7}')).toEqual(none);
    expect(parseBackupState('{"lastBackupAt":5,"editsSinceBackup":4.7,"lastBackupFile":"a.json"}')).toEqual({ lastBackupAt: 5, lastBackupFile: 'a.json', editsSinceBackup: 4 });
  });
});

describe('save failure', () => {
  afterEach(() => useAppStatus.getState().set({ save: { state: 'saved' }, storageUnavailable: null, readOnly: false }));

  test('the failure keeps the moment it began across retries, and ends only with a save that worked', () => {
    const { set } = useAppStatus.getState();
    set({ save: { state: 'error', message: 'Not saved: full' } });
    const began = useAppStatus.getState().saveFailedAt;
    expect(began).not.toBeNull();
    set({ save: { state: 'saving' } });
    set({ save: { state: 'error', message: 'Not saved: full' } });
    expect(useAppStatus.getState().saveFailedAt).toBe(began);
    set({ save: { state: 'saved' } });
    expect(useAppStatus.getState().saveFailedAt).toBeNull();
  });

  test('only a failing save of working storage is a save failure (no storage, or read-only, are said elsewhere)', () => {
    const failed = 1_700_000_000_000;
    expect(saveIsFailing({ saveFailedAt: failed, storageUnavailable: null, readOnly: false })).toBe(true);
    expect(saveIsFailing({ saveFailedAt: failed, storageUnavailable: 'blocked', readOnly: false })).toBe(false);
    expect(saveIsFailing({ saveFailedAt: failed, storageUnavailable: null, readOnly: true })).toBe(false);
    expect(saveIsFailing({ saveFailedAt: null, storageUnavailable: null, readOnly: false })).toBe(false);
  });

  test('a retry in progress is still a failure, with the message of the failed save, until a save works', () => {
    const { set } = useAppStatus.getState();
    set({ save: { state: 'error', message: 'Not saved: the disk is full.' } });
    set({ save: { state: 'saving' } });
    expect(saveIsFailing(useAppStatus.getState())).toBe(true);
    expect(useAppStatus.getState().saveFailMessage).toBe('Not saved: the disk is full.');
    set({ save: { state: 'saved' } });
    expect(saveIsFailing(useAppStatus.getState())).toBe(false);
    expect(useAppStatus.getState().saveFailMessage).toBe('');
  });
});

describe('persistent storage', () => {
  test('asked for once, when the first map beyond those loaded is created', () => {
    const ws = demoWorkspace('2026-11-23T10:00:00.000Z');
    useDocument.getState().load(ws);
    let asked = 0;
    const stop = persistAfterFirstNewMap(async () => asked++);
    useDocument.getState().dispatch(createMap, { map: { ...structuredClone(ws.maps[0]!), id: 'm-new-1', name: 'Admissions' } });
    useDocument.getState().dispatch(createMap, { map: { ...structuredClone(ws.maps[0]!), id: 'm-new-2', name: 'Finance' } });
    stop();
    expect(asked).toBe(1);
  });

  test('not for an edit that adds no map', () => {
    useDocument.getState().load(demoWorkspace('2026-11-23T10:00:00.000Z'));
    let asked = 0;
    const stop = persistAfterFirstNewMap(async () => asked++);
    useDocument.getState().load({ ...useDocument.getState().workspace!, meta: { ...useDocument.getState().workspace!.meta, name: 'Renamed' } });
    stop();
    expect(asked).toBe(0);
  });
});

test('sizes read as people read them', () => {
  expect(formatBytes(512)).toBe('512 bytes');
  expect(formatBytes(1536)).toBe('1.5 KB');
  expect(formatBytes(250 * 1024 * 1024)).toBe('250 MB');
  expect(formatBytes(9.8 * 1024 ** 3)).toBe('9.8 GB');
});
