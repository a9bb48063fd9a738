import { useEffect, useRef } from 'react';
import { looksLikeShareHash, parseShareHash } from '../../core/sync/shareLink';
import { useDocument } from '../../state/documentStore';
import { useJoin } from '../../live/liveStatus';
import { personName } from '../people/NameDialog';

// Opening a share link (#/join/<room>/<secret>): the secret is taken out of the address bar at
// once (it would otherwise stay in the history and in any link copied from the page), the
// person's name is asked the first time, and the workspace is received, kept and opened.
// This dialog says that it is happening, and why it failed when it does.

const loadActions = () => import('../../live/liveActions');

async function joinFromAddress(): Promise<void> {
  const hash = window.location.hash;
  if (!looksLikeShareHash(hash)) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  const link = parseShareHash(hash);
  if (!link) {
    useJoin.setState({ state: 'failed', message: 'This share link is incomplete (part of it was cut off when it was copied). Ask for the link again and paste all of it.' });
    return;
  }
  const name = await personName('Others in the shared workspace see your name beside what you select.');
  if (!name) return;
  await (await loadActions()).joinLink(link);
}

export function JoinHost() {
  const ready = useDocument((s) => s.ready);
  const { state, message } = useJoin();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (!ready) return;
    const run = () => void joinFromAddress().catch((e: unknown) => useJoin.setState({ state: 'failed', message: `Joining failed: ${e instanceof Error ? e.message : String(e)}` }));
    run();
    window.addEventListener('hashchange', run);
    return () => window.removeEventListener('hashchange', run);
  }, [ready]);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (state !== 'idle' && !d.open) d.showModal();
    if (state === 'idle' && d.open) d.close();
  }, [state]);
  const close = () => {
    if (state === 'joining') void loadActions().then((m) => m.cancelJoin());
    else useJoin.setState({ state: 'idle', message: null });
  };
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="join-title" aria-busy={state === 'joining' || undefined} onCancel={(e) => { e.preventDefault(); close(); }}>
      <h2 id="join-title">{state === 'failed' ? 'Could not join the shared workspace' : 'Joining the shared workspace…'}</h2>
      {state === 'joining' && <p role="status">Receiving the workspace from the Lanemap server. Nothing is kept here until it has all arrived.</p>}
      {state === 'failed' && <p role="alert">{message}</p>}
      <div className="dialog-actions">
        <button type="button" onClick={close}>{state === 'joining' ? 'Cancel' : 'Close'}</button>
      </div>
    </dialog>
  );
}
