import { useMemo } from 'react';
import { type Landscape, landscape } from '../../core/analysis';
import type { Workspace } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { CATALOGUE_HASH } from '../shell/useHashRoute';
import { copyLandscape, downloadLandscapeCsv } from './exportTable';
import { FLAG_ORDER, FLAG_TEXT } from './landscapeWords';
import { LandscapeTable } from './LandscapeTable';

// Which department creates and reads customer records where, across every map: the table
// that goes into the CRM policy document. Worked out afresh from the document on every
// change (landscape() is pure and fast), so it is never out of step with the maps.

export function LandscapeScreen() {
  const ws = useDocument((s) => s.workspace);
  const l = useMemo(() => (ws ? landscape(ws) : null), [ws]);
  if (!ws || !l) return null;
  const empty = l.departments.length === 0 || l.columns.length === 0;
  return (
    <div className="landscape">
      <div className="ls-head">
        <div>
          <h1>Landscape</h1>
          <p className="hint ls-intro">
            Each cell says what a department’s steps do with customer records in that system or data store, across all maps:{' '}
            <span className="ls-mark ls-mark-C">C</span> creates or writes them, <span className="ls-mark ls-mark-R">R</span> reads them,{' '}
            <span className="ls-mark ls-mark-CR">CR</span> both. A store inside a system counts as that system.
          </p>
        </div>
        <div className="ls-actions">
          <button type="button" className="primary" disabled={empty} onClick={() => downloadLandscapeCsv(ws)}>
            Download CSV
          </button>
          <button type="button" disabled={empty} onClick={() => void copyLandscape(l)} title="Copy as a table for Word or Excel">
            Copy table
          </button>
        </div>
      </div>
      {empty ? <EmptyLandscape ws={ws} l={l} /> : <Matrix ws={ws} l={l} />}
    </div>
  );
}

function Matrix({ ws, l }: { ws: Workspace; l: Landscape }) {
  const used = l.departments.some((d) => Object.values(l.cells[d.id] ?? {}).some(Boolean));
  return (
    <>
      <Legend />
      {!used && (
        <p className="ls-note" role="note">
          No step reads or writes a catalogued system or store yet. On a map, draw a data flow from a step to a store (it writes) or from a store to
          a step (it reads).
        </p>
      )}
      {/* Scrolls on its own, so the header row and department column stay in view. */}
      <div className="ls-scroll" role="region" aria-label="Landscape matrix" tabIndex={0}>
        <LandscapeTable ws={ws} l={l} />
      </div>
    </>
  );
}

/** C and R are explained in the intro line; the key is for the column flags. */
function Legend() {
  return (
    <ul className="ls-legend" aria-label="Key">
      {FLAG_ORDER.map((f) => (
        <li key={f}>
          <span className={`ls-swatch ls-${f}`} aria-hidden="true" />
          <span className={`ls-flag ls-flag-${f}`}>{FLAG_TEXT[f].short}</span>
          <span>
            <strong>{FLAG_TEXT[f].label}</strong>: {FLAG_TEXT[f].help}
          </span>
        </li>
      ))}
    </ul>
  );
}

function EmptyLandscape({ ws, l }: { ws: Workspace; l: Landscape }) {
  // Departments take part through their maps and steps: one left in the list with neither has no row.
  const noDepts = l.departments.length === 0;
  const idle = noDepts && ws.departments.length > 0;
  const noColumns = ws.systems.length === 0 && ws.dataStores.length === 0;
  return (
    <div className="empty-hint ls-empty">
      <p>
        <strong>Nothing to tabulate yet.</strong> The landscape sets departments against the systems and data stores their steps use.
      </p>
      <ul>
        {idle && <li>There are departments, but no department has a map or a step yet: draw a map for one.</li>}
        {noDepts && !idle && <li>Add departments: give a map or a lane a department when you draw it.</li>}
        {noColumns && (
          <li>
            Add the systems and data stores you use on the <a href={CATALOGUE_HASH}>Catalogue</a> screen, then point store and system nodes on
            your maps at them.
          </li>
        )}
      </ul>
    </div>
  );
}
