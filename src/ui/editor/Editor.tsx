import { ReactFlowProvider } from '@xyflow/react';
import { Inspector } from '../inspector/Inspector';
import { Canvas } from './Canvas';
import { Palette } from './Palette';
import { useEditorKeys } from './useEditorKeys';

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
  return (
    <div className="editor">
      <Palette />
      <div className="editor-main">
        <Canvas mapId={mapId} />
        <Inspector mapId={mapId} />
      </div>
    </div>
  );
}
