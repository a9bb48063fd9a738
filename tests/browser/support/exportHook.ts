import { analyzeWorkspace } from '../../../src/core/analysis';
import { renderMapSvg } from '../../../src/core/picture';
import { useDocument } from '../../../src/state/documentStore';
import { viewToPng, viewToSvg } from '../../../src/ui/export/exportView';
import { svgToPng } from '../../../src/ui/export/canvasRaster';
import { buildReportFile } from '../../../src/ui/export/reportFiles';
import { canvasSizeFor } from '../../../src/ui/export/rasterScale';

// The export pipeline without the dialog, for the browser benchmark (tests/bench/exportBrowser.ts)
// to time our SVG -> PNG against html-to-image on the same map. Installed by pageHooks.ts in
// test builds only; nothing in the app calls it.

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
  /** The "current view" picture's SVG text, to read which colours it was drawn in. */
  viewSvgText: () => viewToSvg(),
  /** The Word report of these maps as the dialog makes it (pictures drawn on a canvas). */
  async reportDocx(mapIds: string[]) {
    const ws = useDocument.getState().workspace!;
    const blob = await buildReportFile('docx', ws, { mapIds, findings: analyzeWorkspace(ws), includeFindings: true, date: '2026-01-01', paper: 'a4', sections: {} });
    return { bytes: blob.size };
  },
  /**
   * The whole map through html-to-image, the way React Flow's own "download image" example does
   * it: the viewport element moved to show every node at 1x and captured at its full size. Only
   * what React Flow has put in the page is drawn (maps over 300 nodes draw what is on screen).
   */
  async wholeMapHtmlPng(scale: number) {
    const viewport = document.querySelector<HTMLElement>('.canvas .react-flow__viewport');
    if (!viewport) throw new Error('No map on screen');
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const el of viewport.querySelectorAll<HTMLElement>('.react-flow__node')) {
      const t = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec(el.style.transform);
      if (!t) continue;
      const x = Number(t[1]), y = Number(t[2]);
      minX = Math.min(minX, x); minY = Math.min(minY, y);
      maxX = Math.max(maxX, x + el.offsetWidth); maxY = Math.max(maxY, y + el.offsetHeight);
    }
    const width = Math.ceil(maxX - minX), height = Math.ceil(maxY - minY);
    const size = canvasSizeFor(width, height, scale);
    const { toBlob } = await import('html-to-image');
    const blob = await toBlob(viewport, {
      width, height, pixelRatio: size.scale, backgroundColor: '#ffffff', skipFonts: true,
      style: { width: `${width}px`, height: `${height}px`, transform: `translate(${-minX}px, ${-minY}px) scale(1)` },
    });
    return { bytes: blob?.size ?? 0, width: size.width, height: size.height, scale: size.scale, nodes: viewport.querySelectorAll('.react-flow__node-shape').length };
  },
};

export type ExportHook = typeof hook;
export const exportHook: ExportHook = hook;
