import { analyzeWorkspace } from '../../core/analysis';
import { renderMapSvg } from '../../core/io/svg';
import { useDocument } from '../../state/documentStore';
import { viewToPng, viewToSvg } from './exportView';
import { svgToPng } from './rasterise';

// The export pipeline without the dialog, for the browser benchmark (tests/bench/exportBrowser.ts)
// to time our SVG -> PNG against html-to-image on the same map. Like __lanemapFlush, a hook for
// tools; nothing in the app calls it.

function mapById(mapId: string) {
  const ws = useDocument.getState().workspace;
  const map = ws?.maps.find((m) => m.id === mapId);
  if (!ws || !map) throw new Error(`No map ${mapId}`);
  return { ws, map };
}

const hook = {
  mapSvg(mapId: string, findings = false) {
    const { ws, map } = mapById(mapId);
    const r = renderMapSvg(map, ws, { findings: findings ? analyzeWorkspace(ws) : undefined, title: true });
    return { bytes: new Blob([r.svg]).size, width: r.width, height: r.height };
  },
  async mapPng(mapId: string, scale: number) {
    const { ws, map } = mapById(mapId);
    const r = renderMapSvg(map, ws, { title: true });
    const png = await svgToPng(r.svg, r, scale);
    return { bytes: png.blob.size, width: png.width, height: png.height, scale: png.scale };
  },
  async viewPng(scale: number) {
    const png = await viewToPng(scale);
    return { bytes: png.blob.size, width: png.width, height: png.height, scale: png.scale };
  },
  async viewSvg() {
    return { bytes: new Blob([await viewToSvg()]).size };
  },
};

export type ExportHook = typeof hook;
(window as unknown as { __lanemapExport?: ExportHook }).__lanemapExport = hook;
