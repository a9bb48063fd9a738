import { useEffect, useState } from 'react';
import { FINDING_KIND_LABELS, type FindingKind } from '../../core/analysis/types';
import { WORKSPACE_STATUSES, type Workspace, type WorkspaceStatus } from '../../core/model/types';
import { STATUS_LABEL } from '../../core/model/vocabulary';
import { PAPER_NAME, PAPERS, type Paper } from '../../core/report/paper';
import { REPORT_SECTIONS, type ReportSection, SECTION_TITLES } from '../../core/report/options';
import { DEFAULT_RECOMMENDATIONS, isEdited, recommendationFor } from '../../core/report/recommendations';
import { setRecommendation, editWorkspaceDetails } from '../../state/workspaceActions';

// The report's own settings in the export dialog: the cover's details (which are the
// workspace's: renaming here renames the workspace, as one undoable edit), the paper, the
// sections, and the recommendations, which the user may rewrite in their own words.

/** A text box that saves when it loses focus or on Enter; an edit the command refuses goes back to what is kept. */
function DetailField({ label, value, onSave, required }: { label: string; value: string; onSave: (v: string) => void; required?: boolean }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const save = () => {
    if (text.trim() === value.trim()) return;
    if (required && !text.trim()) {
      setText(value);
      return;
    }
    onSave(text);
  };
  return (
    <label className="report-field">
      <span>{label}</span>
      <input
        type="text"
        value={text}
        required={required}
        onChange={(e) => setText(e.target.value)}
        onBlur={save}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            save();
          }
        }}
      />
    </label>
  );
}

export function ReportDetails({ ws }: { ws: Workspace }) {
  const m = ws.meta;
  return (
    <fieldset className="export-group report-details">
      <legend>Cover (the workspace’s details)</legend>
      <DetailField label="Title (workspace name)" value={m.name} required onSave={(name) => editWorkspaceDetails({ name })} />
      <DetailField label="Organisation" value={m.organisation ?? ''} onSave={(organisation) => editWorkspaceDetails({ organisation })} />
      <DetailField label="Prepared by" value={m.preparedBy ?? ''} onSave={(preparedBy) => editWorkspaceDetails({ preparedBy })} />
      <label className="report-field">
        <span>Status</span>
        <select value={m.status ?? ''} onChange={(e) => e.target.value && editWorkspaceDetails({ status: e.target.value as WorkspaceStatus })}>
          {!m.status && <option value="">Not set</option>}
          {WORKSPACE_STATUSES.map((s) => (
            <option key={s} value={s}>{STATUS_LABEL[s]}</option>
          ))}
        </select>
      </label>
    </fieldset>
  );
}

export function PaperChoice({ paper, onChange }: { paper: Paper; onChange: (p: Paper) => void }) {
  return (
    <fieldset className="export-group export-inline">
      <legend>Paper</legend>
      {PAPERS.map((p) => (
        <label key={p}>
          <input type="radio" name="report-paper" value={p} checked={paper === p} onChange={() => onChange(p)} /> {PAPER_NAME[p]}
        </label>
      ))}
    </fieldset>
  );
}

export function SectionChoice({ sections, onChange, findings }: { sections: Partial<Record<ReportSection, boolean>>; onChange: (s: Partial<Record<ReportSection, boolean>>) => void; findings: boolean }) {
  const needsFindings: ReportSection[] = ['recommendations', 'findings'];
  return (
    <fieldset className="export-group">
      <legend>Sections (the cover and contents are always in)</legend>
      {REPORT_SECTIONS.map((s) => (
        <label key={s}>
          <input type="checkbox" checked={sections[s] !== false && (findings || !needsFindings.includes(s))} disabled={!findings && needsFindings.includes(s)} onChange={(e) => onChange({ ...sections, [s]: e.target.checked })} /> {SECTION_TITLES[s]}
        </label>
      ))}
    </fieldset>
  );
}

/** One box per kind of finding the report will show; what is typed is kept with the workspace. */
export function RecommendationsEditor({ ws, kinds }: { ws: Workspace; kinds: FindingKind[] }) {
  if (kinds.length === 0) return null;
  return (
    <details className="export-group report-recommendations">
      <summary>Recommendations ({kinds.length}): edit the words the report uses</summary>
      {kinds.map((k) => (
        <RecommendationBox key={k} ws={ws} kind={k} />
      ))}
    </details>
  );
}

function RecommendationBox({ ws, kind }: { ws: Workspace; kind: FindingKind }) {
  const kept = recommendationFor(ws.meta, kind);
  const [text, setText] = useState(kept);
  useEffect(() => setText(kept), [kept]);
  const id = `rec-${kind}`;
  return (
    <div className="report-recommendation">
      <label htmlFor={id}>{FINDING_KIND_LABELS[kind]}</label>
      <textarea id={id} rows={3} value={text} onChange={(e) => setText(e.target.value)} onBlur={() => text.trim() !== kept && setRecommendation(kind, text.trim() === DEFAULT_RECOMMENDATIONS[kind] ? '' : text)} />
      {isEdited(ws.meta, kind) && (
        <button type="button" className="link-button" onClick={() => setRecommendation(kind, '')} aria-label={`Use the report’s own words for ${FINDING_KIND_LABELS[kind]}`}>
          Use the report’s own words
        </button>
      )}
    </div>
  );
}
