import * as C from '../../core/commands';
import type { MapNode, NodeKind, ProcessMap } from '../../core/model/types';
import { NODE_KINDS } from '../../core/model/types';
import { isCatalogueKind, isControlKind, NODE_KIND_LABEL } from '../../core/model/vocabulary';
import { setNodesLane, updateNode } from '../../state/nodeActions';
import { CatalogueLink } from './CatalogueLink';
import { type ConnectOption, ConnectToField } from './ConnectToField';
import { StepComments } from './StepComments';
import { MeasureField, SelectField, TextField } from './fields';

export function NodeInspector({ map, node }: { map: ProcessMap; node: MapNode }) {
  const patch = (p: C.NodePatch) => updateNode(map.id, node.id, p);
  const others = map.nodes.filter((n) => n.id !== node.id && n.kind !== 'note');
  const outgoing = map.flows.filter((f) => f.from === node.id);
  const incoming = map.flows.filter((f) => f.to === node.id);
  const nameOf = (id: string) => map.nodes.find((n) => n.id === id)?.label ?? id;
  return (
    <section>
      <h2>{NODE_KIND_LABEL[node.kind]}</h2>
      <TextField label="Label" value={node.label} onCommit={(label) => patch({ label })} />
      <SelectField<NodeKind> label="Kind" value={node.kind} options={NODE_KINDS.map((k) => ({ value: k, label: NODE_KIND_LABEL[k] }))} onChange={(kind) => patch({ kind })} />
      <SelectField label="Lane" value={node.laneId} options={map.lanes.map((l) => ({ value: l.id, label: l.name }))} onChange={(laneId) => setNodesLane(map.id, [node.id], laneId)} />
      {isControlKind(node.kind) && (
        <label className="field check">
          <input type="checkbox" checked={!!node.manual} onChange={(e) => patch({ manual: e.target.checked })} />
          <span>Done by hand (re-keying, paper)</span>
        </label>
      )}
      {node.kind === 'step' && (
        <fieldset className="measures">
          <legend>Measures (for the findings’ yearly cost)</legend>
          <MeasureField label="Minutes per case" value={node.minutesPerCase} onCommit={(minutesPerCase) => patch({ minutesPerCase })} />
          <MeasureField
            label="Cases a year"
            value={node.casesPerYear}
            hint={map.casesPerYear !== undefined ? `Map’s: ${map.casesPerYear}` : 'Not measured'}
            onCommit={(casesPerYear) => patch({ casesPerYear })}
          />
        </fieldset>
      )}
      {isCatalogueKind(node.kind) && <CatalogueLink map={map} node={node} />}
      <TextField label="Notes" value={node.notes ?? ''} multiline placeholder="What people said about this step" onCommit={(notes) => patch({ notes })} />
      {node.kind !== 'note' && others.length > 0 && (
        <ConnectToField mapId={map.id} nodeId={node.id} options={others.map((n): ConnectOption => [n.id, `${n.label} (${NODE_KIND_LABEL[n.kind]})`])} />
      )}
      {(incoming.length > 0 || outgoing.length > 0) && (
        <div className="flows-summary">
          {incoming.length > 0 && <p>From: {incoming.map((f) => nameOf(f.from)).join(', ')}</p>}
          {outgoing.length > 0 && <p>To: {outgoing.map((f) => nameOf(f.to)).join(', ')}</p>}
        </div>
      )}
      {node.kind !== 'note' && <StepComments map={map} node={node} />}
    </section>
  );
}
