import { useMemo } from 'react';
import { type Finding, findingTitles, PRIORITY_LABEL, requirementsCsv, sortedRequirements } from '../../core/analysis';
import type { Requirement, RequirementPriority, Workspace } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import { useFindings } from '../../state/findingsStore';
import { addRequirement, editRequirement, linkRequirementFinding, removeRequirement } from '../../state/requirementActions';
import { useUi } from '../../state/uiStore';
import { datedName, downloadBlob } from '../io/download';
import { SelectField, TextField } from '../inspector/fields';

// What the CRM must do, as a check-list for choosing one: the findings propose requirements in
// plain words; the user takes them, rewrites them, sorts them into essential and optional and
// links the findings each answers. Kept with the workspace; leaves as CSV.

const PRIORITIES: { value: RequirementPriority; label: string }[] = [
  { value: 'essential', label: PRIORITY_LABEL.essential },
  { value: 'optional', label: PRIORITY_LABEL.optional },
];

function downloadCsv(ws: Workspace, findings: readonly Finding[]): void {
  const file = datedName(`${ws.meta.name} requirements`, 'csv');
  // The byte-order mark tells Excel the file is UTF-8.
  downloadBlob(new Blob(['\uFEFF', requirementsCsv(ws, findings)], { type: 'text/csv;charset=utf-8' }), file);
  useUi.getState().toast({ tone: 'info', message: `Downloaded ${file}` });
}

function RequirementItem({ r, n, findings }: { r: Requirement; n: number; findings: readonly Finding[] }) {
  const titles = findingTitles(r, findings);
  const unlinked = findings.filter((f) => !r.findingIds.includes(f.id));
  return (
    <li className="requirement">
      <TextField label={`Requirement ${n}`} value={r.text} multiline onCommit={(text) => editRequirement(r.id, { text })} />
      <div className="requirement-row">
        <SelectField<RequirementPriority> label={`Priority of requirement ${n}`} value={r.priority} options={PRIORITIES} onChange={(priority) => editRequirement(r.id, { priority })} />
        <button type="button" onClick={() => removeRequirement(r.id)} aria-label={`Remove requirement ${n}`}>Remove</button>
      </div>
      {titles.length > 0 && (
        <ul className="requirement-findings" aria-label={`Findings of requirement ${n}`}>
          {r.findingIds.map((id, i) => (
            <li key={id}>
              {titles[i]}{' '}
              <button type="button" className="link-button" onClick={() => linkRequirementFinding(r.id, id, false)} aria-label={`Unlink “${titles[i]}” from requirement ${n}`}>
                Unlink
              </button>
            </li>
          ))}
        </ul>
      )}
      {unlinked.length > 0 && (
        <label className="field">
          <span>Link another finding</span>
          <select aria-label={`Link another finding to requirement ${n}`} value="" onChange={(e) => e.target.value && linkRequirementFinding(r.id, e.target.value, true)}>
            <option value="">Choose a finding</option>
            {unlinked.map((f) => <option key={f.id} value={f.id}>{f.title}</option>)}
          </select>
        </label>
      )}
    </li>
  );
}

export function RequirementsScreen() {
  const ws = useDocument((s) => s.workspace);
  const findings = useFindings((s) => s.findings);
  const list = useMemo(() => sortedRequirements(ws?.meta.requirements ?? []), [ws]);
  const taken = useMemo(() => new Set(list.flatMap((r) => r.findingIds)), [list]);
  if (!ws) return null;
  const proposals = findings.filter((f) => f.requirement && !taken.has(f.id));
  const groups = PRIORITIES.map((p) => ({ ...p, items: list.filter((r) => r.priority === p.value) }));
  let n = 0;
  return (
    <div className="requirements">
      <div className="ls-head">
        <div>
          <h1>Requirements</h1>
          <p className="hint">What the CRM must do, in your words: essential ones are the must-haves of the selection check-list, optional ones the nice-to-haves.</p>
        </div>
        <div className="ls-actions">
          <button type="button" className="primary" disabled={list.length === 0} onClick={() => downloadCsv(ws, findings)}>Download CSV</button>
        </div>
      </div>
      {list.length === 0 && <p className="hint">No requirements yet: add one the findings propose below.</p>}
      {groups.map((g) => g.items.length > 0 && (
        <section key={g.value} aria-label={`${g.label} requirements`}>
          <h2>{g.label} <span className="count">{g.items.length}</span></h2>
          <ol className="requirement-list">
            {g.items.map((r) => <RequirementItem key={r.id} r={r} n={++n} findings={findings} />)}
          </ol>
        </section>
      ))}
      <section aria-label="Proposed by the findings">
        <h2>Proposed by the findings <span className="count">{proposals.length}</span></h2>
        {proposals.length === 0 && <p className="hint">Every finding that proposes a requirement is in the list.</p>}
        <ul className="proposals">
          {proposals.map((f) => (
            <li key={f.id}>
              <p className="proposal-text">{f.requirement}</p>
              <p className="hint">From: {f.title}</p>
              <button type="button" onClick={() => addRequirement(f.requirement!, [f.id])} aria-label={`Add requirement: ${f.requirement}`}>Add to requirements</button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
