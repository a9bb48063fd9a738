import { ConnectionMode, Controls, ReactFlow, ReactFlowProvider, type Edge, type Node, type ReactFlowInstance } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { laneBands, mapWidth } from '../../core/model/geometry';
import type { Id, ProcessMap } from '../../core/model/types';
import { useDocument } from '../../state/documentStore';
import type { Selection } from '../../state/uiStore';
import { buildEdges, buildNodes, isLaneNodeId, newNodeCache } from '../editor/buildElements';
import { FlowEdge } from '../editor/edges/FlowEdge';
import { ShapeNode } from '../editor/nodes/ShapeNode';
import { CompareLane } from './CompareLane';
import { type CompareModel, litNodes } from './compareModel';
import { useCompareUi } from './compareStore';
import { followPane, registerPane, revealMatches } from './linkedViews';
import { PaneContext, type PaneInfo } from './paneContext';

// One compared map in its own React Flow: drawn with the editor's node and edge components,
// read only, with the comparison's marks added as class names and a lit set.

const nodeTypes = { lane: CompareLane, shape: ShapeNode };
const edgeTypes = { flow: FlowEdge };
const NO_SELECTION: Selection = { nodeIds: [], flowIds: [], laneId: null };
const NO_DRAG = new Map<Id, { x: number; y: number }>();
/** Both maps open whole, each fitted to its pane (a person compares shapes before words). */
const FIT = { padding: 0.04, maxZoom: 1 };
/** As in the editor: above this many nodes only what is on screen is drawn (framed whole for the export). */
const BIG_MAP = 300;
/** Width of the image the export makes, for each map stacked in full width. */
export const EXPORT_WIDTH = 1600;

export interface PaneProps {
  map: ProcessMap;
  index: number;
  model: CompareModel;
  title: string;
  subtitle: string;
}

export function CompareCanvas(props: PaneProps) {
  return (
    <ReactFlowProvider>
      <Pane {...props} />
    </ReactFlowProvider>
  );
}

const mapHeight = (map: ProcessMap) => laneBands(map).reduce((h, b) => h + b.height, 0) || 400;

function Pane({ map, index, model, title, subtitle }: PaneProps) {
  const hovered = useCompareUi((s) => s.hovered);
  const entry = useCompareUi((s) => s.entry);
  const exporting = useCompareUi((s) => s.exporting);
  const departments = useDocument((s) => s.workspace?.departments);
  const [rf, setRf] = useState<ReactFlowInstance | null>(null);
  const cache = useRef(newNodeCache());
  const lit = useMemo(() => litNodes(model, index, hovered, entry), [model, index, hovered, entry]);
  const nodes = useMemo(() => {
    const decor = model.nodes[index]!;
    return buildNodes(map, NO_SELECTION, NO_DRAG, null, cache.current, { badges: new Map(), lit }).map((n): Node => {
      const d = decor.get(n.id);
      const base = { ...n, draggable: false, connectable: false, selectable: false };
      return d ? { ...base, className: d.className, style: d.style, ariaLabel: `${n.ariaLabel} (${d.note})` } : base;
    });
  }, [map, model, index, lit]);
  const edges = useMemo(() => {
    const marks = model.edges[index]!;
    return buildEdges(map, NO_SELECTION, NO_DRAG).map((e): Edge => {
      const mark = marks.get(e.id);
      return { ...e, focusable: false, selectable: false, className: mark ? `${e.className} ${mark}` : e.className };
    });
  }, [map, model, index]);
  const pane: PaneInfo = useMemo(() => ({ map, departments: departments ?? [], laneMarks: model.lanes[index]! }), [map, departments, model, index]);
  useEffect(() => (rf ? registerPane(index, rf) : undefined), [rf, index]);

  const ui = useCompareUi.getState;
  const pointAt = (nodeId: string | null | undefined) => {
    if (nodeId && !isLaneNodeId(nodeId)) ui().hover({ map: index, nodeId });
  };
  const leave = (nodeId: string) => {
    const h = ui().hovered;
    if (h?.map === index && h.nodeId === nodeId) ui().hover(null);
  };
  /** A store or system picks its catalogue entry (lit in every map), again to let go; a step brings its counterparts into view. */
  const pick = (nodeId: string) => {
    const e = model.catalogue?.nodes[index]!.get(nodeId);
    if (e) ui().pickEntry(ui().entry === e.entryId ? null : e.entryId);
    else revealMatches(model, { map: index, nodeId }, index);
  };
  const nodeIdOf = (el: EventTarget) => (el as HTMLElement).closest?.('.react-flow__node')?.getAttribute('data-id');
  const onKeyDown = (e: KeyboardEvent) => {
    const id = nodeIdOf(e.target);
    if (id && (e.key === 'Enter' || e.key === ' ')) {
      e.preventDefault();
      pick(id);
    }
  };
  const height = exporting ? Math.round((EXPORT_WIDTH * mapHeight(map)) / mapWidth(map)) + 24 : undefined;

  return (
    <section className="cmp-pane" aria-label={`Map ${model.letters[index]}: ${title}`}>
      <header className="cmp-pane-head">
        <span className="cmp-letter" aria-hidden>{model.letters[index]}</span>
        <span className="cmp-pane-title">{title}</span>
        <span className="cmp-pane-sub">{subtitle}</span>
      </header>
      <div
        className="cmp-canvas"
        style={height ? { height } : undefined}
        onFocus={(e: FocusEvent) => pointAt(nodeIdOf(e.target))}
        onBlur={(e: FocusEvent) => { const id = nodeIdOf(e.target); if (id) leave(id); }}
        onKeyDown={onKeyDown}
      >
        <PaneContext.Provider value={pane}>
          <ReactFlow
            nodes={nodes}
            edges={edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            edgesFocusable={false}
            // The editor's nodes have only source handles; flows end on them as in the editor.
            connectionMode={ConnectionMode.Loose}
            deleteKeyCode={null}
            zoomOnDoubleClick={false}
            onlyRenderVisibleElements={map.nodes.length > BIG_MAP}
            minZoom={0.1}
            maxZoom={2.5}
            fitView
            fitViewOptions={FIT}
            onInit={setRf}
            onMove={(_e, vp) => followPane(index, vp)}
            onNodeMouseEnter={(_e, n) => pointAt(n.id)}
            onNodeMouseLeave={(_e, n) => leave(n.id)}
            onNodeClick={(_e, n) => pick(n.id)}
            onPaneClick={() => ui().pickEntry(null)}
            proOptions={{ hideAttribution: true }}
          >
            <Controls showInteractive={false} aria-label={`Zoom map ${model.letters[index]}`} />
          </ReactFlow>
        </PaneContext.Provider>
      </div>
    </section>
  );
}
