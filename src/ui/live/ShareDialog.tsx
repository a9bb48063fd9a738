import { useEffect, useRef, useState } from 'react';
import { useLive } from '../../live/liveStatus';
import { confirm } from '../common/confirm';
import { personName } from '../people/NameDialog';
import { initialsOf, whereIs } from './PeopleHere';

// "Share": start sharing the open workspace, hand out its links (edit, view-only), see whether
// changes reach the room, and stop sharing (every link given out stops working).

const loadActions = () => import('../../live/liveActions');

function connectionText(connection: string, unsent: number, peers: number): string {
  const waiting = unsent > 0 ? ` ${unsent === 1 ? 'One change is' : `${unsent} changes are`} kept on this device and sent once the connection is back.` : '';
  switch (connection) {
    case 'connected':
      return `Connected: changes are shared as you make them. ${peers === 0 ? 'Nobody else is here yet.' : `${peers} ${peers === 1 ? 'other person is' : 'others are'} here.`}`;
    case 'connecting':
      return `Connecting to the Lanemap server…${waiting}`;
    case 'offline':
      return `Not connected to the Lanemap server; trying again. You can keep working.${waiting}`;
    default:
      return '';
  }
}

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const live = useLive();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'info' | 'error'; message: string } | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  const start = async () => {
    const name = await personName('Others in the shared workspace see your name beside what you select.');
    if (!name) return;
    setBusy(true);
    const outcome = await (await loadActions()).startSharing();
    setBusy(false);
    setNotice(outcome.ok ? null : { tone: 'error', message: outcome.message });
  };
  const stop = async () => {
    const sure = await confirm({
      title: 'Stop sharing?',
      body: 'Every link given out so far stops working, and whoever has the workspace open with one is disconnected (their copies stay in their browsers). New links are made for when you share again.',
      danger: true,
      confirmLabel: 'Stop sharing',
    });
    if (!sure) return;
    setBusy(true);
    const outcome = await (await loadActions()).stopSharing();
    setBusy(false);
    setNotice(outcome.ok ? { tone: 'info', message: 'Sharing stopped: the old links no longer work. The links above are new; hand them out to share again.' } : { tone: 'error', message: outcome.message });
  };

  return (
    <dialog ref={ref} className="dialog share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">Share this workspace</h2>
      {!live.room ? (
        <>
          <p>Everyone who opens the link edits the same maps with you, live, each on their own laptop. Changes made offline are kept and sent when the connection is back.</p>
          <p className="hint">Sharing needs the app opened from the Lanemap server (<code>npm run server</code>): the workspace is stored there.</p>
          <div className="dialog-actions">
            <button type="button" onClick={() => ref.current?.close()}>Cancel</button>
            <button type="button" className="primary" onClick={() => void start()} disabled={busy}>Start sharing</button>
          </div>
        </>
      ) : (
        <>
          {live.access === 'read' && <p>You have this workspace with a view-only link: you see every change as it is made, and cannot edit.</p>}
          <LinkField label="Link" help={live.viewLink ? 'Whoever has it can edit.' : 'The link this workspace was shared with.'} value={live.editLink ?? ''} onCopied={setNotice} />
          {live.viewLink && <LinkField label="View-only link" help="Whoever has it sees the maps change, and cannot edit." value={live.viewLink} onCopied={setNotice} />}
          <p className="share-connection" role="status">{connectionText(live.connection, live.unsent, live.peers.length)}</p>
          {live.peers.length > 0 && (
            <ul className="share-people" aria-label="Here now">
              {live.peers.map((p) => (
                <li key={p.id}>
                  <span className="person-mark" style={{ background: p.color }} aria-hidden="true">{initialsOf(p.name)}</span>
                  {p.name}, {whereIs(p)}
                </li>
              ))}
            </ul>
          )}
          {live.problem && <p className="share-problem" role="alert">{live.problem}</p>}
          <div className="dialog-actions">
            {live.viewLink && (
              <button type="button" className="danger" onClick={() => void stop()} disabled={busy || live.connection !== 'connected'} title={live.connection === 'connected' ? 'The links stop working; new ones are made' : 'Needs a connection to the server'}>
                Stop sharing
              </button>
            )}
            <button type="button" onClick={() => ref.current?.close()}>Close</button>
          </div>
        </>
      )}
      {notice && (
        <p className={notice.tone === 'error' ? 'share-problem' : 'share-notice'} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.message}
        </p>
      )}
    </dialog>
  );
}

function LinkField({ label, help, value, onCopied }: { label: string; help: string; value: string; onCopied: (n: { tone: 'info' | 'error'; message: string }) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(value);
      onCopied({ tone: 'info', message: `${label} copied: paste it into a chat or an email.` });
    } catch {
      // No clipboard permission (plain http on an intranet name): the text is selected to copy by hand.
      onCopied({ tone: 'info', message: `${label} selected: press Ctrl+C to copy it.` });
    }
  };
  return (
    <div className="field share-link">
      <label>
        <span>{label}</span>
        <input ref={input} value={value} readOnly onFocus={(e) => e.currentTarget.select()} />
      </label>
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${label.toLowerCase()}`}>Copy</button>
      <span className="hint">{help}</span>
    </div>
  );
}
