import { useEffect, useRef, useState } from 'react';
import { analyzeWorkspace } from '../../core/analysis';
import type { Id } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useUi } from '../../state/uiStore';
import { copyPng } from './copyImage';
import { EXPORT_FORMATS, mapPng, runExport, scaleNote, SCALES, type ExportFormat, type ExportProgress, type Scale } from './exportFiles';
import { viewToPng } from './exportView';
import type { Raster } from './canvasRaster';
import type { Paper, ReportSection } from '../../core/report';
import { ReportPreview } from './ReportPreview';
import { PaperChoice, RecommendationsEditor, ReportDetails, SectionChoice } from './ReportSettings';
import './export.css';

// The export dialog: what to make (pictures, a report, the view on screen), of which maps,
// with or without findings and a title block; one file per map, with a progress bar.

const FORMAT_TEXT: Record<ExportFormat, [string, string]> = {
  svg: ['SVG picture', 'Sharp at any size, text stays text: for Word, web pages and print.'],
  png: ['PNG picture', 'A plain image, 1x to 3x.'],
  docx: ['Report (.docx)', 'A Word document with the maps and their findings.'],
  html: ['Report (.html)', 'The same report as a web page.'],
  view: ['Current view (PNG)', 'Exactly what the canvas shows now, at its zoom.'],
};
const PICTURES: readonly ExportFormat[] = ['svg', 'png', 'view'];
const isReport = (f: ExportFormat) => f === 'docx' || f === 'html';

type Which = 'open' | 'all' | 'some' | 'departments';
type Message = { tone: 'info' | 'error'; lines: string[] };

/** Opened through ExportDialogHost, which loads this module on first use. */
export function ExportDialog({ onClose }: { onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const ws = useDocument((s) => s.workspace);
  const openMapId = useUi((s) => s.openMapId);
  const [format, setFormat] = useState<ExportFormat>('png');
  const [scale, setScale] = useState<Scale>(2);
  const [which, setWhich] = useState<Which>('open');
  const [picked, setPicked] = useState<Set<Id>>(() => new Set(openMapId ? [openMapId] : []));
  // Pictures are clean unless asked; a report has its findings unless told not to.
  const [findingsChoice, setFindings] = useState<boolean | null>(null);
  const [title, setTitle] = useState(true);
  const [paper, setPaper] = useState<Paper>('a4');
  const [sections, setSections] = useState<Partial<Record<ReportSection, boolean>>>({});
  const [depts, setDepts] = useState<Set<Id | null>>(() => new Set());
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<Message | null>(null);
  const stop = useRef(false);
  // Stop while running, Close after: focus follows, so it is never lost with a disabled control
  // (and Escape keeps reaching the dialog).
  const secondary = useRef<HTMLButtonElement>(null);
  const started = useRef(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  useEffect(() => {
    if (running) started.current = true;
    if (started.current) secondary.current?.focus();
  }, [running]);

  const maps = ws?.maps ?? [];
  const openMap = maps.find((m) => m.id === openMapId);
  const findings = findingsChoice ?? isReport(format);
  const departments = ws?.departments ?? [];
  const deptOf = (m: (typeof maps)[number]): Id | null => (m.departmentId && departments.some((d) => d.id === m.departmentId) ? m.departmentId : null);
  const mapIds =
    format === 'view' || which === 'open'
      ? openMap ? [openMap.id] : []
      : which === 'all' ? maps.map((m) => m.id)
      : which === 'departments' ? maps.filter((m) => depts.has(deptOf(m))).map((m) => m.id)
      : maps.filter((m) => picked.has(m.id)).map((m) => m.id);
  const report = isReport(format);
  const findingKinds = report && findings && ws ? [...new Set(analyzeWorkspace(ws).filter((f) => f.mapIds.length === 0 || f.mapIds.some((id) => mapIds.includes(id))).map((f) => f.kind))] : [];
  const canCopy = PICTURES.includes(format) && mapIds.length === 1;

  const exportNow = async () => {
    if (!ws || running) return;
    stop.current = false;
    setRunning(true);
    setMessage(null);
    try {
      const result = await runExport(ws, { format, scale, mapIds, findings, title, paper, sections }, setProgress, () => stop.current);
      const stoppedNote = stop.current && result.files.length < mapIds.length ? [`Stopped after ${result.files.length} of ${mapIds.length} maps.`] : [];
      setMessage({ tone: 'info', lines: [`Downloaded ${result.files.length === 1 ? result.files[0] : `${result.files.length} files: ${result.files.join(', ')}`}.`, ...stoppedNote, ...result.notes] });
    } catch (e) {
      setMessage({ tone: 'error', lines: [e instanceof Error ? e.message : String(e)] });
    } finally {
      setRunning(false);
    }
  };

  const copyNow = async () => {
    const map = maps.find((m) => m.id === mapIds[0]);
    if (!ws || !map) return;
    setMessage(null);
    let raster: Raster | undefined;
    const made = (format === 'view' ? viewToPng(scale) : mapPng(ws, map, { scale, title }, findings ? analyzeWorkspace(ws) : undefined)).then((r) => {
      raster = r;
      return r.blob;
    });
    try {
      await copyPng(made);
      const note = raster && scaleNote(map.name, scale, raster);
      setMessage({ tone: 'info', lines: ['The picture is on the clipboard: paste it into Word with Ctrl+V.', ...(note ? [note] : [])] });
    } catch (e) {
      setMessage({ tone: 'error', lines: [e instanceof Error ? e.message : String(e)] });
    }
  };

  return (
    <dialog
      ref={ref}
      className={`dialog export-dialog${isReport(format) ? ' report' : ''}`}
      aria-labelledby="export-title"
      onCancel={(e) => {
        e.preventDefault();
        if (running) stop.current = true;
        else onClose();
      }}
    >
      <form onSubmit={(e) => { e.preventDefault(); void exportNow(); }}>
        <h2 id="export-title">Export</h2>
        <fieldset className="export-options" disabled={running}>
          <fieldset className="export-group">
            <legend>Format</legend>
            {EXPORT_FORMATS.map((f) => (
              <label key={f} className="export-choice">
                <input type="radio" name="export-format" value={f} checked={format === f} onChange={() => setFormat(f)} />
                <span><strong>{FORMAT_TEXT[f][0]}</strong> <span className="export-hint">{FORMAT_TEXT[f][1]}</span></span>
              </label>
            ))}
          </fieldset>
          {(format === 'png' || format === 'view') && (
            <fieldset className="export-group export-inline">
              <legend>Scale</legend>
              {SCALES.map((s) => (
                <label key={s}>
                  <input type="radio" name="export-scale" value={s} checked={scale === s} onChange={() => setScale(s)} /> {s}x
                </label>
              ))}
            </fieldset>
          )}
          {format !== 'view' ? (
            <fieldset className="export-group">
              <legend>Maps</legend>
              <label><input type="radio" name="export-maps" checked={which === 'open'} onChange={() => setWhich('open')} disabled={!openMap} /> This map{openMap ? `: ${openMap.name}` : ''}</label>
              <label><input type="radio" name="export-maps" checked={which === 'all'} onChange={() => setWhich('all')} /> All maps ({maps.length})</label>
              <label><input type="radio" name="export-maps" checked={which === 'some'} onChange={() => setWhich('some')} /> Choose maps…</label>
              {report && <label><input type="radio" name="export-maps" checked={which === 'departments'} onChange={() => setWhich('departments')} /> Choose departments…</label>}
              {which === 'departments' && (
                <ul className="export-map-list" aria-label="Departments to report on">
                  {[...departments.map((d) => ({ id: d.id as Id | null, name: d.name })), { id: null, name: 'Maps of no department' }]
                    .filter((d) => maps.some((m) => deptOf(m) === d.id))
                    .map((d) => (
                      <li key={d.id ?? '-'}>
                        <label>
                          <input type="checkbox" checked={depts.has(d.id)} onChange={(e) => setDepts((p) => { const next = new Set(p); if (e.target.checked) next.add(d.id); else next.delete(d.id); return next; })} /> {d.name} ({maps.filter((m) => deptOf(m) === d.id).length})
                        </label>
                      </li>
                    ))}
                </ul>
              )}
              {which === 'some' && (
                <ul className="export-map-list" aria-label="Maps to export">
                  {maps.map((m) => (
                    <li key={m.id}>
                      <label>
                        <input type="checkbox" checked={picked.has(m.id)} onChange={(e) => setPicked((p) => { const next = new Set(p); if (e.target.checked) next.add(m.id); else next.delete(m.id); return next; })} /> {m.name}
                      </label>
                    </li>
                  ))}
                </ul>
              )}
              {!isReport(format) && mapIds.length > 1 && <p className="export-hint">One file per map ({mapIds.length} files).</p>}
            </fieldset>
          ) : (
            <p className="export-hint">The view is of the map on screen{openMap ? `, ${openMap.name}` : ''}, with its badges and highlights as they are.</p>
          )}
          {format !== 'view' && (
            <label className="export-check">
              <input type="checkbox" checked={findings} onChange={(e) => setFindings(e.target.checked)} />{' '}
              {isReport(format) ? 'Include the findings' : 'Show findings (a badge on each node they concern)'}
            </label>
          )}
          {report && ws && (
            <>
              <PaperChoice paper={paper} onChange={setPaper} />
              <SectionChoice sections={sections} onChange={setSections} findings={findings} />
              <ReportDetails ws={ws} />
              <RecommendationsEditor ws={ws} kinds={findingKinds} />
            </>
          )}
          {(format === 'svg' || format === 'png') && (
            <label className="export-check">
              <input type="checkbox" checked={title} onChange={(e) => setTitle(e.target.checked)} /> Title block (map name, department, date)
            </label>
          )}
        </fieldset>

        {progress && (
          <div className="export-progress-area">
            <div className="export-progress" role="progressbar" aria-label="Export progress" aria-valuemin={0} aria-valuemax={progress.total} aria-valuenow={progress.done} aria-valuetext={`${progress.done} of ${progress.total}`}>
              <div className="export-progress-bar" style={{ width: `${progress.total ? (100 * progress.done) / progress.total : 0}%` }} />
            </div>
            <p className="export-hint" aria-live="polite">
              {running && progress.current ? `${progress.current}… (${progress.done + 1} of ${progress.total})` : `${progress.done} of ${progress.total} done`}
            </p>
          </div>
        )}
        {message && (
          <div className={`export-message ${message.tone}`} role={message.tone === 'error' ? 'alert' : 'status'}>
            {message.lines.map((l) => <p key={l}>{l}</p>)}
          </div>
        )}

        {report && ws && <ReportPreview ws={ws} choice={{ mapIds, findings: findings ? analyzeWorkspace(ws) : [], includeFindings: findings, date: new Date().toISOString().slice(0, 10), paper, sections }} disabled={running || mapIds.length === 0} />}

        <div className="dialog-actions">
          {PICTURES.includes(format) && (
            <button type="button" onClick={() => void copyNow()} disabled={!canCopy || running} title={canCopy ? 'Put a PNG on the clipboard, to paste into Word' : 'Copy works with one map at a time'}>
              Copy image
            </button>
          )}
          {running ? (
            <button type="button" ref={secondary} onClick={() => { stop.current = true; }}>Stop</button>
          ) : (
            <button type="button" ref={secondary} onClick={onClose}>Close</button>
          )}
          <button type="submit" className="primary" disabled={running || mapIds.length === 0}>
            {running ? 'Exporting…' : 'Export'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
