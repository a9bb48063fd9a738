import { ReactFlowProvider } from '@xyflow/react';
import { FindingsPanel } from '../findings/FindingsPanel';
import { Inspector } from '../inspector/Inspector';
import { Canvas } from './Canvas';
import { Palette } from './Palette';
import { useEditorKeys } from './useEditorKeys';
import { useLayoutOnOpen } from './useLayoutOnOpen';

/** One open map: the toolbar, the canvas and the inspector, with its own React Flow state. */
export function Editor({ mapId }: { mapId: string }) {
  return (
    <ReactFlowProvider>
      <EditorBody mapId={mapId} />
    </ReactFlowProvider>
  );
}

function EditorBody({ mapId }: { mapId: string }) {
  useEditorKeys();
  useLayoutOnOpen(mapId);
  return (
    <div className="editor">
      <Palette />
      <div className="editor-main">
        <Canvas mapId={mapId} />
        <div className="side">
          <Inspector mapId={mapId} />
          <FindingsPanel mapId={mapId} />
        </div>
      </div>
    </div>
  );
}
