import { memo, useCallback, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Background, Controls, Handle, MiniMap, Position, ReactFlow, ReactFlowProvider, useEdgesState, useNodesState, useReactFlow, type Edge, type Node, type NodeProps, type Viewport } from '@xyflow/react';
import Dexie, { type EntityTable } from 'dexie';
import '@xyflow/react/dist/style.css';

// What a developer gets from React Flow's own examples, and nothing of Lanemap: the peer that
// tests/bench/editor.ts measures Lanemap against. It draws the nodes and flows of one map (a
// JSON file the benchmark writes next to this page), renames a node with F2 and Enter, and can
// store the map with one Dexie put. Hooks on window let the benchmark drive what has no key.

interface StepData extends Record<string, unknown> {
  label: string;
  editing?: boolean;
}
type Step = Node<StepData, 'step'>;
interface MapFile {
  nodes: Step[];
  edges: Edge[];
  /** The map as Lanemap stores it, for the save peer. */
  map: { id: string; nodes: { id: string; label: string }[] } & Record<string, unknown>;
}

const db = new Dexie('bare-peer') as Dexie & { maps: EntityTable<MapFile['map'], 'id'> };
db.version(1).stores({ maps: 'id' });

const StepNode = memo(function StepNode({ id, data }: NodeProps<Step>) {
  const { updateNodeData } = useReactFlow<Step>();
  return (
    <div className="bare-step" style={{ padding: 8, border: '1px solid #777', borderRadius: 4, background: '#fff', width: '100%', height: '100%', boxSizing: 'border-box', fontSize: 12 }}>
      <Handle type="target" position={Position.Left} />
      {data.editing ? (
        <input
          aria-label="Label"
          autoFocus
          defaultValue={data.label}
          onFocus={(e) => e.currentTarget.select()}
          onKeyDown={(e) => {
            if (e.key === 'Enter') updateNodeData(id, { label: e.currentTarget.value, editing: false });
            if (e.key === 'Escape') updateNodeData(id, { editing: false });
          }}
        />
      ) : (
        <span>{data.label}</span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
});
const nodeTypes = { step: StepNode };

function Editor({ file }: { file: MapFile }) {
  const [nodes, , onNodesChange] = useNodesState<Step>(file.nodes);
  const [edges, , onEdgesChange] = useEdgesState(file.edges);
  const rf = useReactFlow<Step>();

  const onKeyDown = useCallback(
    (e: KeyboardEvent) => {
      if (e.key !== 'F2') return;
      const selected = rf.getNodes().find((n) => n.selected);
      if (selected) rf.updateNodeData(selected.id, { editing: true });
    },
    [rf],
  );
  useEffect(() => {
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onKeyDown]);

  // The database open and the map stored once, as in Lanemap when an edit is saved.
  useEffect(() => void db.maps.put(file.map), [file]);

  useEffect(() => {
    Object.assign(window, {
      __bare: {
        setViewport: (v: Viewport) => rf.setViewport(v),
        /** The canvas as large as Lanemap's (which shares the window with its panels). */
        setSize: (width: number, height: number) => Object.assign(document.getElementById('root')!.style, { width: `${width}px`, height: `${height}px` }),
        fit: () => rf.fitView(),
        /** One Dexie put of the map with its current labels; resolves to the milliseconds it took. */
        save: async () => {
          const labels = new Map(rf.getNodes().map((n) => [n.id, n.data.label]));
          const map = { ...file.map, nodes: file.map.nodes.map((n) => ({ ...n, label: labels.get(n.id) ?? n.label })) };
          const t0 = performance.now();
          await db.maps.put(map);
          return performance.now() - t0;
        },
      },
    });
  }, [rf, file]);

  return (
    <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onlyRenderVisibleElements={nodes.length > 300} minZoom={0.02} maxZoom={2.5} fitView>
      <Background />
      <Controls />
      <MiniMap />
    </ReactFlow>
  );
}

function App() {
  const [file, setFile] = useState<MapFile | null>(null);
  useEffect(() => {
    const name = new URLSearchParams(location.search).get('map') ?? 'demo';
    void fetch(`maps/${encodeURIComponent(name)}.json`)
      .then((r) => r.json())
      .then(setFile);
  }, []);
  if (!file) return null;
  return (
    <ReactFlowProvider>
      <Editor file={file} />
    </ReactFlowProvider>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
