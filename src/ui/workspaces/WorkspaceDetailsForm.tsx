import { useState } from 'react';
import { WORKSPACE_STATUSES, type WorkspaceMeta, type WorkspaceStatus } from '../../core/model/types';
import { STATUS_LABEL } from '../../core/model/vocabulary';
import { useDocument } from '../../state/documentStore';
import { editWorkspaceDetails } from '../../state/workspaceActions';

// The open workspace's own details, edited in place: what the report's cover, running header
// and file names say. A change is kept when the box is left or Enter is pressed, as one
// undoable edit (Ctrl+Z, or Undo in the toolbar).


type TextKey = 'name' | 'organisation' | 'preparedBy';

export function WorkspaceDetailsForm({ disabled }: { disabled?: boolean }) {
  const meta = useDocument((s) => s.workspace?.meta);
  if (!meta) return null;
  return (
    <fieldset className="ws-details" disabled={disabled}>
      <legend>This workspace</legend>
      <DetailField label="Name" field="name" meta={meta} placeholder="e.g. Student journey, as-is" />
      <DetailField label="Organisation" field="organisation" meta={meta} placeholder="e.g. University of Example" />
      <DetailField label="Prepared by" field="preparedBy" meta={meta} placeholder="e.g. A. Analyst, CRM programme" />
      <label className="field">
        <span>Status</span>
        <select value={meta.status ?? ''} onChange={(e) => editWorkspaceDetails({ status: e.target.value as WorkspaceStatus })}>
          {!meta.status && <option value="" disabled>Not set</option>}
          {WORKSPACE_STATUSES.map((s) => <option key={s} value={s}>{STATUS_LABEL[s]}</option>)}
        </select>
      </label>
      <p className="hint">The report’s cover, page header and file names use these. Changes can be undone (Ctrl+Z).</p>
    </fieldset>
  );
}

function DetailField({ label, field, meta, placeholder }: { label: string; field: TextKey; meta: WorkspaceMeta; placeholder: string }) {
  const stored = meta[field] ?? '';
  const [text, setText] = useState(stored);
  // Follow the stored value when it changes under the box (undo, another tab).
  const [shown, setShown] = useState(stored);
  if (stored !== shown) {
    setShown(stored);
    setText(stored);
  }
  const commit = () => {
    // Unchanged, or refused (an empty name: the reason is said as a message): the box shows what is kept.
    if (text.trim() === stored || !editWorkspaceDetails({ [field]: text })) setText(stored);
  };
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="text"
        value={text}
        placeholder={placeholder}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          e.preventDefault();
          commit();
        }}
        required={field === 'name'}
      />
    </label>
  );
}
