import { beforeEach, describe, expect, test } from 'vitest';
import { announceOfflineReady, announceUpdate, dismissOfflineReady, postponeUpdate, reloadToUpdate, usePwaUpdate } from '../../src/pwa/updateStore';

// The "A new version is available: Reload" prompt: edits are written before the new version
// takes over, and a reload that would lose edits waits for the user.

function fakeApp(opts: { saveFails?: boolean } = {}) {
  const log: string[] = [];
  let pending = 1;
  return {
    log,
    activate: async () => {
      log.push(`activate (pending ${pending})`);
    },
    deps: {
      flush: async () => {
        log.push('flush');
        if (!opts.saveFails) pending = 0;
      },
      unsaved: () => (pending > 0 ? 'Not saved: the disk is full.' : null),
    },
  };
}

beforeEach(() => usePwaUpdate.setState({ offlineReady: false, waiting: false, reloading: false, problem: null }));

describe('update prompt', () => {
  test('nothing is offered until the service worker finds a new version', () => {
    expect(usePwaUpdate.getState().waiting).toBe(false);
    announceUpdate(async () => {});
    expect(usePwaUpdate.getState()).toMatchObject({ waiting: true, reloading: false, problem: null });
  });

  test('Reload writes pending edits first, then hands over to the new version', async () => {
    const app = fakeApp();
    announceUpdate(app.activate);
    expect(await reloadToUpdate(app.deps)).toBe(true);
    expect(app.log).toEqual(['flush', 'activate (pending 0)']);
    expect(usePwaUpdate.getState().reloading).toBe(true);
  });

  test('edits that cannot be saved hold the reload back and say why', async () => {
    const app = fakeApp({ saveFails: true });
    announceUpdate(app.activate);
    expect(await reloadToUpdate(app.deps)).toBe(false);
    expect(app.log).toEqual(['flush']);
    expect(usePwaUpdate.getState()).toMatchObject({ waiting: true, reloading: false, problem: 'Not saved: the disk is full.' });
  });

  test('"Reload anyway" (after a backup) reloads without waiting for saves', async () => {
    const app = fakeApp({ saveFails: true });
    announceUpdate(app.activate);
    await reloadToUpdate(app.deps);
    expect(await reloadToUpdate(app.deps, { anyway: true })).toBe(true);
    expect(app.log).toEqual(['flush', 'activate (pending 1)']);
  });

  test('a flush that throws is a reason not to reload, not a stuck button', async () => {
    announceUpdate(async () => {});
    const ok = await reloadToUpdate({ flush: () => Promise.reject(new Error('database closed')), unsaved: () => null });
    expect(ok).toBe(false);
    expect(usePwaUpdate.getState()).toMatchObject({ reloading: false, problem: 'Saving failed: database closed' });
  });

  test('a second click while reloading does nothing', async () => {
    const app = fakeApp();
    announceUpdate(app.activate);
    const first = reloadToUpdate(app.deps);
    expect(await reloadToUpdate(app.deps)).toBe(false);
    await first;
    expect(app.log.filter((l) => l === 'flush')).toHaveLength(1);
  });

  test('Later hides the prompt', () => {
    announceUpdate(async () => {});
    postponeUpdate();
    expect(usePwaUpdate.getState().waiting).toBe(false);
  });

  test('"Ready to work offline" is shown when announced and goes when dismissed', () => {
    announceOfflineReady();
    expect(usePwaUpdate.getState().offlineReady).toBe(true);
    dismissOfflineReady();
    expect(usePwaUpdate.getState().offlineReady).toBe(false);
  });
});
