import { datedName, downloadBlob } from '../io/download';
import { useCompareUi } from './compareStore';
import { fitAllPanes } from './linkedViews';
import { inPrintColours } from '../shell/theme';

// "Export comparison": the summary and the maps as one PNG for the policy document. The
// canvases show only part of each map, so for the picture the maps are stacked full width
// (the .cmp-exporting layout), each framed whole, drawn by html-to-image (pinned 1.11.11:
// later versions drop React Flow's edges), and then put back as they were.

const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
/** Long enough for React to render the export layout and React Flow to measure it. */
async function settle(): Promise<void> {
  await frame();
  await frame();
  await new Promise((resolve) => setTimeout(resolve, 60));
  await frame();
}

/**
 * Left out of the picture: the zoom buttons, and what is never seen (connection handles, the
 * wide invisible paths that catch clicks on flows). html-to-image copies every computed style
 * of every element it clones, so each element left out saves time: about a quarter here.
 */
const HIDDEN = ['react-flow__controls', 'react-flow__handle', 'react-flow__edge-interaction'];
const onPage = (node: HTMLElement) => !HIDDEN.some((c) => node.classList?.contains(c));

export async function exportComparison(region: HTMLElement, baseName: string): Promise<string> {
  const ui = useCompareUi.getState();
  ui.hover(null);
  ui.setExporting(true);
  let restore = () => {};
  try {
    await settle();
    restore = fitAllPanes();
    await settle();
    // Loaded when first used, as in the map export: it is not part of the first screen's script.
    const { toBlob } = await import('html-to-image');
    // No web fonts to embed (system fonts only): skipping the search through every style sheet saves seconds.
    const blob = await inPrintColours(region, () => toBlob(region, { backgroundColor: '#ffffff', pixelRatio: 1.5, filter: onPage, skipFonts: true }));
    if (!blob) throw new Error('the browser made an empty image');
    const file = datedName(baseName, 'png');
    downloadBlob(blob, file);
    return file;
  } finally {
    restore();
    useCompareUi.getState().setExporting(false);
  }
}
