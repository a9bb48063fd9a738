import * as C from '../../core/commands';
import type { Access, Flow, FlowKind, ProcessMap } from '../../core/model/types';
import { reverseFlow, updateFlow } from '../../state/flowActions';
import { SelectField, TextField } from './fields';

const KINDS: { value: FlowKind; label: string }[] = [
  { value: 'sequence', label: 'Sequence (next step)' },
  { value: 'message', label: 'Message (hand-off to another department)' },
  { value: 'data', label: 'Data (reads or writes a store)' },
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
          options={[
            { value: '', label: 'From the direction of the arrow' },
            { value: 'read', label: 'Reads' },
            { value: 'write', label: 'Writes' },
            { value: 'readwrite', label: 'Reads and writes' },
          ]}
          onChange={(access) => patch({ access: access || null })}
        />
      )}
      <button type="button" onClick={() => reverseFlow(map.id, flow.id)}>Reverse direction</button>
    </section>
  );
}
