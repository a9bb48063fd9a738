import * as C from '../../core/commands';
import { ACCESS_KINDS, FLOW_KINDS, type Access, type Flow, type FlowKind, type ProcessMap } from '../../core/model/types';
import { ACCESS_WORD, capitalise, FLOW_KIND_LABEL, FLOW_KIND_MEANING } from '../../core/model/vocabulary';
import { reverseFlow, updateFlow } from '../../state/flowActions';
import { SelectField, TextField } from './fields';

const KINDS: { value: FlowKind; label: string }[] = FLOW_KINDS.map((k) => ({ value: k, label: `${FLOW_KIND_LABEL[k]} (${FLOW_KIND_MEANING[k]})` }));
const ACCESS_OPTIONS: { value: Access | ''; label: string }[] = [
  { value: '', label: 'From the direction of the arrow' },
  ...ACCESS_KINDS.map((a) => ({ value: a, label: capitalise(ACCESS_WORD[a]) })),
];

export function FlowInspector({ map, flow }: { map: ProcessMap; flow: Flow }) {
  const patch = (p: C.FlowPatch) => updateFlow(map.id, flow.id, p);
  const from = map.nodes.find((n) => n.id === flow.from);
  const to = map.nodes.find((n) => n.id === flow.to);
  return (
    <section>
      <h2>Flow</h2>
      <p className="hint">{from?.label} → {to?.label}</p>
      <SelectField label="Flow kind" value={flow.kind} options={KINDS} onChange={(kind) => patch({ kind })} />
      <TextField label="Label" value={flow.label ?? ''} placeholder="e.g. Yes, No, by e-mail" onCommit={(label) => patch({ label })} />
      {flow.kind === 'data' && (
        <SelectField<Access | ''>
          label="Access"
          value={flow.access ?? ''}
          options={ACCESS_OPTIONS}
          onChange={(access) => patch({ access: access || null })}
        />
      )}
      <button type="button" onClick={() => reverseFlow(map.id, flow.id)}>Reverse direction</button>
    </section>
  );
}
