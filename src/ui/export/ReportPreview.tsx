import { useEffect, useState } from 'react';
import type { Workspace } from '../../core/model/types';
import { reportHtml, type ReportChoice } from './reportFiles';

// The report's first pages before download: the HTML report (the same content as the Word
// file) in a frame that runs nothing and loads nothing, made again when the choices change
// while it is open.

export function ReportPreview({ ws, choice, disabled }: { ws: Workspace; choice: ReportChoice; disabled: boolean }) {
  const [open, setOpen] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const key = JSON.stringify([choice.mapIds, choice.includeFindings, choice.paper, choice.sections, ws.meta]);
  useEffect(() => {
    if (!open) return;
    let live = true;
    setError(null);
    reportHtml(ws, choice).then(
      (h) => live && setHtml(h),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
    // The choice object is new on every render; its content is in `key`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open, key, ws]);
  return (
    <div className="report-preview">
      <button type="button" onClick={() => setOpen((o) => !o)} disabled={disabled && !open} aria-expanded={open}>
        {open ? 'Hide the preview' : 'Preview the first pages'}
      </button>
      {open && error && <p role="alert" className="export-message error">{error}</p>}
      {open && !error && (html ? <iframe title="Report preview" sandbox="" srcDoc={html} className="report-preview-frame" /> : <p className="export-hint" aria-live="polite">Making the preview…</p>)}
    </div>
  );
}
