import {
  Background,
  BackgroundVariant,
  ConnectionMode,
  Controls,
  MiniMap,
  Panel,
  ReactFlow,
  useReactFlow,
  type Connection,
  type Edge,
  type EdgeChange,
  type FinalConnectionState,
  type Node,
  type NodeChange,
} from '@xyflow/react';
import { usePresenting } from './presentMode';
import { openContextMenu } from './contextMenuOpen';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type FocusEvent, type ReactNode } from 'react';
import type { Id, NodeBox, NodeKind } from '../../core/model/types';
import { NODE_KINDS } from '../../core/model/types';
import { useMap } from '../../state/documentStore';
import { connectAndSelect } from '../../state/flowActions';
import { resizeLane } from '../../state/laneActions';
import { moveNodes, resizeNode } from '../../state/nodeActions';
import { useMapReadOnly } from '../../state/lockStore';
import { addNodeOfKind, selectNothing } from '../../state/editorActions';
import type { Viewport } from '../actions/readableFit';
import { shortcutOf } from '../actions/table';
import { revealNode } from '../actions/canvasView';
import { useUi } from '../../state/uiStore';
import { buildEdges, buildNodes, isLaneNodeId, laneIdOfNode, newEdgeCache, newNodeCache, placeDragged, type LiveBox } from './buildElements';
import { dragTo, endDrag, NOT_DRAGGING, useLiveDrag } from './liveDrag';
import { FlowEdge } from './edges/FlowEdge';
import { LaneNode } from './nodes/LaneNode';
import { LaneResizeContext } from './nodes/laneResizeContext';
import { NodeResizeContext } from './nodes/nodeResizeContext';
import { ShapeNode } from './nodes/ShapeNode';
import { StickyLaneNames } from './StickyLaneNames';
import { useLayoutAnimation } from './useLayoutAnimation';
import { useMarks } from './useMarks';
import { useRevealEditing } from './useRevealEditing';
import { DRAG_TYPE } from './Palette';
import { openingView } from './openingView';
import { LabelLayerProvider } from './edges/labelLayer';
import { markStart } from '../../state/startMarks';

const nodeTypes = { lane: LaneNode, shape: ShapeNode };
const edgeTypes = { flow: FlowEdge };
const SNAP: [number, number] = [10, 10];
const MULTI_KEYS = ['Shift', 'Meta', 'Control'];
/** Above this many nodes only what is on screen is drawn (DESIGN.md: 5000 nodes stay at 60 fps). */
const BIG_MAP = 300;

export function Canvas({ mapId }: { mapId: Id }) {
  const map = useMap(mapId);
  // Another tab edits this map: look, select and zoom, but no dragging, connecting or typing.
  const readOnly = useMapReadOnly(mapId);
  // Presenting: no overview over the map, and no zooming out past readable text.
  const presenting = usePresenting((s) => s.on);
  const presentMin = usePresenting((s) => s.zoom);
  const selection = useUi((s) => s.selection);
  // A drag cut short by leaving the map (no drop) must not leave its places for the next canvas.
  useEffect(() => endDrag, [mapId]);
  const [laneResize, setLaneResize] = useState<{ laneId: Id; height: number } | null>(null);
  const [sizing, setSizing] = useState<{ nodeId: Id; box: NodeBox } | null>(null);
  const cache = useRef(newNodeCache());
  const edgeCache = useRef(newEdgeCache());
  const { screenToFlowPosition } = useReactFlow();

  const animated = useLayoutAnimation(map);
  // A node being resized is drawn at its live box, as a dragged one is at its live place.
  const reshaped = useMemo(() => {
    const base = animated ?? NOT_DRAGGING;
    return sizing ? new Map<Id, LiveBox>(base).set(sizing.nodeId, sizing.box) : base;
  }, [animated, sizing]);
  const marks = useMarks(map);
  useRevealEditing(map);
  const nodes = useMemo(() => (map ? buildNodes(map, selection, reshaped, laneResize, cache.current, marks) : []), [map, selection, reshaped, laneResize, marks]);
  const edges = useMemo(() => (map ? buildEdges(map, selection, reshaped, edgeCache.current) : []), [map, selection, reshaped]);

  const onNodesChange = useCallback((changes: NodeChange[]) => {
    const moves: { id: Id; x: number; y: number }[] = [];
    const ui = useUi.getState();
    let picked: Set<Id> | null = null;
    for (const c of changes) {
      if (c.type === 'position' && c.position && c.dragging && !isLaneNodeId(c.id)) {
        moves.push({ id: c.id, ...c.position });
      } else if (c.type === 'select' && !isLaneNodeId(c.id)) {
        picked ??= new Set(ui.selection.nodeIds);
        if (c.selected) picked.add(c.id);
        else picked.delete(c.id);
      }
    }
    dragTo(moves);
    // React Flow reports node and flow (de)selection separately; each handler owns its half.
    if (picked) ui.select({ nodeIds: [...picked], flowIds: ui.selection.flowIds });
  }, []);

  const onEdgesChange = useCallback((changes: EdgeChange[]) => {
    const ui = useUi.getState();
    let picked: Set<Id> | null = null;
    for (const c of changes) {
      if (c.type !== 'select') continue;
      picked ??= new Set(ui.selection.flowIds);
      if (c.selected) picked.add(c.id);
      else picked.delete(c.id);
    }
    if (picked) ui.select({ nodeIds: ui.selection.nodeIds, flowIds: [...picked] });
  }, []);

  const onNodeDragStop = useCallback(
    (_e: unknown, _node: Node, dragged: Node[]) => {
      const moves = dragged.filter((n) => !isLaneNodeId(n.id)).map((n) => ({ nodeId: n.id, x: n.position.x, y: n.position.y }));
      moveNodes(mapId, moves);
      endDrag();
    },
    [mapId],
  );

  const onConnect = useCallback(
    (c: Connection) => {
      if (!c.source || !c.target || c.source === c.target) return;
      connectAndSelect(mapId, c.source, c.target);
    },
    [mapId],
  );

  // Letting go anywhere on a node connects to it, not only on its small handles.
  const onConnectEnd = useCallback(
    (e: MouseEvent | TouchEvent, state: FinalConnectionState) => {
      if (state.isValid || !state.fromNode) return;
      const p = 'changedTouches' in e ? e.changedTouches[0]! : e;
      const el = document.elementFromPoint(p.clientX, p.clientY)?.closest('.react-flow__node');
      const target = el?.getAttribute('data-id');
      if (target && !isLaneNodeId(target)) onConnect({ source: state.fromNode.id, target, sourceHandle: null, targetHandle: null });
    },
    [onConnect],
  );

  const onDrop = useCallback(
    (e: React.DragEvent) => {
      const kind = e.dataTransfer.getData(DRAG_TYPE) as NodeKind;
      if (!NODE_KINDS.includes(kind)) return;
      e.preventDefault();
      useUi.getState().clearSelection();
      addNodeOfKind(kind, screenToFlowPosition({ x: e.clientX, y: e.clientY }));
    },
    [screenToFlowPosition],
  );

  const onLaneResize = useCallback((laneId: Id, height: number, done: boolean) => {
    if (!done) return setLaneResize({ laneId, height });
    setLaneResize(null);
    resizeLane(mapId, laneId, height);
  }, [mapId]);

  const onNodeResize = useCallback((nodeId: Id, box: NodeBox, done: boolean) => {
    if (!done) return setSizing({ nodeId, box });
    setSizing(null);
    resizeNode(mapId, nodeId, box);
  }, [mapId]);

  const onNodeDoubleClick = useCallback((_e: unknown, n: Node) => {
    if (!readOnly && !isLaneNodeId(n.id)) useUi.getState().setEditing({ kind: 'node', id: n.id });
  }, [readOnly]);
  const onEdgeDoubleClick = useCallback((_e: unknown, edge: Edge) => {
    useUi.getState().select({ flowIds: [edge.id] });
    if (!readOnly) useUi.getState().setEditing({ kind: 'flow', id: edge.id });
  }, [readOnly]);
  // React Flow is mounted only once the opening view is known, so its first frame is that view
  // (set after mounting, it first drew the top left at zoom 1: on a big map, steps never seen).
  const section = useRef<HTMLElement>(null);
  const [opening, setOpening] = useState<Viewport | null>(null);
  const hasMap = map !== undefined;
  useLayoutEffect(() => {
    if (!map || opening || !section.current) return;
    setOpening(openingView(map, nodes, section.current.getBoundingClientRect()));
    // Once per map shown: later edits keep the view the user has.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hasMap]);
  useLayoutEffect(() => {
    if (opening) markStart('canvas-rendered');
  }, [opening]);

  if (!map) return null;
  return (
    // Focusable, so Tab reaches the map: from there the arrow keys walk it and Enter renames.
    <section ref={section} className="canvas" tabIndex={0} aria-label={`Map canvas: ${map.name}`} onFocus={revealFocusedNode} onDragOver={(e) => { if (e.dataTransfer.types.includes(DRAG_TYPE)) { e.preventDefault(); e.dataTransfer.dropEffect = 'copy'; } }} onDrop={onDrop}>
      <LaneResizeContext.Provider value={onLaneResize}>
      <NodeResizeContext.Provider value={readOnly ? null : onNodeResize}>
        <LabelLayerProvider>
        {opening && <FollowDrag nodes={nodes} still={animated !== null}>{(shown) => <ReactFlow
          defaultViewport={opening}
          nodes={shown}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onEdgesChange={onEdgesChange}
          onNodeDragStop={onNodeDragStop}
          onConnect={onConnect}
          onConnectEnd={onConnectEnd}
          isValidConnection={isValidConnection}
          nodesDraggable={!readOnly}
          nodesConnectable={!readOnly}
          onNodeDoubleClick={onNodeDoubleClick}
          onEdgeDoubleClick={onEdgeDoubleClick}
          onPaneClick={selectNothing}
          onNodeContextMenu={onNodeContextMenu}
          onEdgeContextMenu={onEdgeContextMenu}
          onPaneContextMenu={onPaneContextMenu}
          connectionMode={ConnectionMode.Loose}
          deleteKeyCode={null}
          selectionKeyCode="Shift"
          multiSelectionKeyCode={MULTI_KEYS}
          disableKeyboardA11y
          zoomOnDoubleClick={false}
          snapToGrid
          onlyRenderVisibleElements={map.nodes.length > BIG_MAP}
          snapGrid={SNAP}
          minZoom={presenting ? presentMin : 0.1}
          maxZoom={2.5}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={20} size={1} />
          <StickyLaneNames map={map} />
          <Controls showInteractive={false} />
          {map.lanes.length === 0 && (
            <Panel position="top-center" className="empty-hint">
              This map is empty. Press <strong>Add lane</strong> ({shortcutOf('add-lane')}) for the first role or team, then <strong>Add start</strong> ({shortcutOf('add-start')}) and <strong>Add step</strong> ({shortcutOf('add-step')}).
            </Panel>
          )}
          {!presenting && <MiniMap pannable zoomable ariaLabel="Overview of the map" nodeColor={minimapColour} />}
        </ReactFlow>}</FollowDrag>}
        </LabelLayerProvider>
      </NodeResizeContext.Provider>
      </LaneResizeContext.Provider>
    </section>
  );
}

/**
 * The one part of the canvas that follows a drag move by move: it hands React Flow the nodes
 * with the dragged ones at their live places. Each flow follows its own ends (FlowEdge), so the
 * edge list stays as it is, and the Canvas around it (its hooks, its node list) is not run again
 * for every mouse move. While a layout animates, it owns the places and a drag is not shown.
 */
function FollowDrag({ nodes, still, children }: { nodes: Node[]; still: boolean; children: (nodes: Node[]) => ReactNode }) {
  const places = useLiveDrag((s) => s.places);
  const shown = useMemo(() => (still ? nodes : placeDragged(nodes, places)), [nodes, places, still]);
  return children(shown);
}

// Handlers that need nothing from the component: defined once, so React Flow's props stay the same between renders.
const isValidConnection = (c: Connection | Edge) => c.source !== c.target && !isLaneNodeId(c.source) && !isLaneNodeId(c.target);
const minimapColour = (n: Node) => (isLaneNodeId(n.id) ? 'var(--minimap-lane)' : 'var(--minimap-node)');

function onNodeContextMenu(e: React.MouseEvent, n: Node): void {
  e.preventDefault();
  const ui = useUi.getState();
  if (isLaneNodeId(n.id)) ui.select({ laneId: laneIdOfNode(n.id) });
  else if (!ui.selection.nodeIds.includes(n.id)) ui.select({ nodeIds: [n.id] });
  openContextMenu({ x: e.clientX, y: e.clientY, target: isLaneNodeId(n.id) ? 'lane' : 'node' });
}

function onEdgeContextMenu(e: React.MouseEvent, edge: Edge): void {
  e.preventDefault();
  useUi.getState().select({ flowIds: [edge.id] });
  openContextMenu({ x: e.clientX, y: e.clientY, target: 'flow' });
}

function onPaneContextMenu(e: React.MouseEvent | MouseEvent): void {
  e.preventDefault();
  openContextMenu({ x: e.clientX, y: e.clientY, target: 'canvas' });
}

/**
 * A step reached by the keyboard (Tab) is brought into view: focus that cannot be seen is lost.
 * React Flow's own auto-pan is off with its keyboard handling; a click's focus is left alone, as
 * the view must not move under a drag.
 */
function revealFocusedNode(e: FocusEvent): void {
  const el = e.target as HTMLElement;
  if (!el.classList.contains('react-flow__node') || !el.matches(':focus-visible')) return;
  const id = el.getAttribute('data-id');
  if (id && !isLaneNodeId(id)) revealNode(id);
}
