import { useState } from 'react';
import { count } from '../../core/model/vocabulary';
import { useLoadFailure, type LoadFailure } from '../../state/loadFailureStore';
import { downloadReadable } from './recoveryDownload';
import './recovery.css';

// Shown instead of the editor when the stored workspace could not be loaded: what failed,
// everything readable as a download, and "Try again". Nothing is written meanwhile, and the
// demo is never put in its place.

export function RecoveryScreen({ failure }: { failure: LoadFailure }) {
  const retry = useLoadFailure((s) => s.retry);
  const [said, setSaid] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<'download' | 'retry' | null>(null);

  const download = async () => {
    setBusy('download');
    try {
      const d = await downloadReadable(failure.dbName, failure.name);
      const damaged = d.damaged > 0 ? `, and ${count(d.damaged, 'damaged record')} as they were stored (in “damagedRecords”)` : '';
      const missing = d.unreadable.length > 0 ? ` Some rows could not be read at all: ${d.unreadable.join('; ')}.` : '';
      setSaid({ ok: true, text: `Downloaded ${d.file}: ${count(d.maps, 'map')} and the catalogue${damaged}. “Import” reads it back.${missing}` });
    } catch (e) {
      setSaid({ ok: false, text: `Nothing could be read for the download: ${e instanceof Error ? e.message : String(e)}` });
    } finally {
      setBusy(null);
    }
  };

  const again = async () => {
    if (!retry) return;
    setBusy('retry');
    setSaid(null);
    await retry();
    setBusy(null);
  };

  return (
    <main className="recovery" aria-label="Recovery">
      <h1>Lanemap could not open “{failure.name}”</h1>
      <p>
        Reading this workspace from the browser's storage failed. Nothing was changed or deleted: your maps stay where they are, and Lanemap writes nothing until it can read
        them.
      </p>
      <section aria-labelledby="recovery-what">
        <h2 id="recovery-what">What failed</h2>
        <p className="recovery-error">{failure.message}</p>
      </section>
      <section aria-labelledby="recovery-next">
        <h2 id="recovery-next">What you can do</h2>
        <ol>
          <li>Download everything that can still be read, to keep it safe or to import it in another browser.</li>
          <li>Try again: closing other Lanemap tabs, or restarting the browser, often helps.</li>
        </ol>
        <div className="recovery-actions">
          <button type="button" className="primary" onClick={() => void download()} disabled={busy !== null}>
            Download everything readable
          </button>
          <button type="button" onClick={() => void again()} disabled={busy !== null || !retry}>
            Try again
          </button>
        </div>
        <p role="status" className={said?.ok === false ? 'recovery-said recovery-failed' : 'recovery-said'}>
          {busy === 'retry' ? 'Opening the workspace again…' : (said?.text ?? '')}
        </p>
      </section>
    </main>
  );
}
