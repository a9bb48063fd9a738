import { useEffect, useId, useRef, useState } from 'react';
import type { StepListError } from '../../core/steplist';
import { useMap } from '../../state/documentStore';
import { applyStepListText, stepListOf } from '../../state/stepListActions';
import { closeStepList, setDraft, useStepListOpen } from './stepListOpen';

const EXAMPLE = `(start) Applicant: Asks about a course
Enquiries officer: Log enquiry [CRM]
(note) Phone enquiries are typed twice
Check details
? Complete?
  Yes: Send prospectus
  No: Applicant: Send missing details
    -> Check details
Admissions: Make offer [SITS]
(doc) Offer letter
(end) Applicant: Offer received`;

/**
 * The step list beside the canvas: the map as text, one step a line, applied back as one edit.
 * Opened, it shows the map as it is; what is typed stays per map until applied.
 */
export function StepListPanel({ mapId, readOnly }: { mapId: string; readOnly: boolean }) {
  const draft = useStepListOpen((s) => s.drafts[mapId]);
  const map = useMap(mapId);
  const [applied, setApplied] = useState<string | null>(null);
  const [errors, setErrors] = useState<StepListError[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const hintId = useId();
  const errorsId = useId();

  useEffect(() => {
    if (draft === undefined) setDraft(mapId, stepListOf(mapId));
    box.current?.focus();
    // Filled once per map when first opened; later the user's text is kept.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapId]);

  const text = draft ?? '';
  const apply = async () => {
    if (busy || readOnly) return;
    setBusy(true);
    const outcome = await applyStepListText(mapId, text);
    setBusy(false);
    if (!outcome.ok) {
      setErrors(outcome.errors);
      setStatus(`Nothing applied: ${outcome.errors.length === 1 ? 'one line needs' : `${outcome.errors.length} lines need`} fixing.`);
      return;
    }
    setErrors([]);
    setApplied(text);
    setStatus(outcome.changed ? 'Applied to the map. Ctrl+Z takes it back.' : 'The map already says this.');
  };

  return (
    <section className="steplist" aria-labelledby={`${hintId}-title`}>
      <div className="steplist-head">
        <h2 id={`${hintId}-title`}>Step list</h2>
        <button type="button" onClick={closeStepList} aria-label="Close the step list">
          ×
        </button>
      </div>
      <p className="hint" id={hintId}>
        One step a line, <code>Lane: step [systems]</code>; a line without a lane stays in the lane above. <code>?</code> starts a decision, its answers
        indented under it (<code>Yes:</code>, <code>No:</code>); <code>-&gt; step</code> goes back to a step; a blank line starts a new path. <code>(start)</code> and <code>(end)</code> lines start and end it; <code>(doc)</code> and <code>(note)</code> under a step are its documents and notes. Rows pasted from a
        spreadsheet (Lane, Step, Systems) work too. Ctrl+Enter applies.
      </p>
      <textarea
        ref={box}
        aria-label="Step list"
        aria-describedby={errors.length ? `${hintId} ${errorsId}` : hintId}
        aria-invalid={errors.length > 0}
        // Applied text holds nothing unsaved: Ctrl+Z here then undoes the apply, as anywhere on the map.
        data-dirty={text === applied ? 'false' : 'true'}
        spellCheck={false}
        placeholder={EXAMPLE}
        value={text}
        readOnly={readOnly}
        onChange={(e) => setDraft(mapId, e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void apply();
          }
        }}
      />
      {errors.length > 0 && (
        <ul className="steplist-errors" id={errorsId} aria-label="Lines to fix">
          {errors.map((e) => (
            <li key={`${e.line}-${e.message}`}>
              Line {e.line}: {e.message}
            </li>
          ))}
        </ul>
      )}
      <div className="steplist-actions">
        <button type="button" className="primary" onClick={() => void apply()} disabled={busy || readOnly}>
          {busy ? 'Applying…' : 'Apply'}
        </button>
        <button type="button" onClick={() => setDraft(mapId, stepListOf(mapId))} disabled={!map} title="Replace the text with the map as it is now">
          Write from map
        </button>
      </div>
      <p className="hint" role="status">
        {status}
      </p>
    </section>
  );
}
