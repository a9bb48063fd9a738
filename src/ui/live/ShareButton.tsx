import { lazy } from 'react';
import { useLive } from '../../live/liveStatus';
import { LazyPart } from '../common/Lazy';
import { PeopleHere } from './PeopleHere';
import { closeShare, openShare, useShareOpen } from './shareOpen';
import { shortcutOf } from '../actions/table';

// "Share" in the top bar, and once shared, who is here and whether the room is reachable.
const ShareDialog = lazy(() => import('./ShareDialog').then((m) => ({ default: m.ShareDialog })));

const CONNECTION_WORDS = { off: '', connecting: 'connecting…', connected: 'live', offline: 'offline', refused: 'link refused' } as const;

export function ShareButton() {
  const open = useShareOpen((s) => s.open);
  const room = useLive((s) => s.room);
  const connection = useLive((s) => s.connection);
  const unsent = useLive((s) => s.unsent);
  const status = room ? `${CONNECTION_WORDS[connection]}${connection !== 'connected' && unsent > 0 ? `, ${unsent} unsent` : ''}` : '';
  return (
    <div className="share-area">
      {room && <PeopleHere />}
      <button type="button" aria-haspopup="dialog" onClick={openShare} className={room ? `share-button share-${connection}` : 'share-button'} title={`Share this workspace with a link: edit it together, live (${shortcutOf('share')})`}>
        Share
        {room && <span className="share-dot" aria-hidden="true" />}
        {/* Live and connected says little: a dot. Anything else is said in words. */}
        {room && <span className={connection === 'connected' && unsent === 0 ? 'visually-hidden' : 'share-state'}> ({status})</span>}
      </button>
      {open && (
        <LazyPart what="sharing" over>
          <ShareDialog onClose={closeShare} />
        </LazyPart>
      )}
    </div>
  );
}
