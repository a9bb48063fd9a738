import { count } from '../../model/vocabulary';
import { checkSize, ImportError, importIds, type ImportResult, type ReaderOptions } from '../../formats/importResult';
import { SkipCounter } from '../diagram/drawing';
import { drawioDrawing } from './drawioDrawing';
import { readCells } from './drawioCells';
import { drawioPages } from './drawioPages';
import { drawingsToWorkspace } from '../diagram/drawingToWorkspace';

// draw.io import (.drawio, or .xml saved by draw.io): one map per page, named after the page
// (or the file, for a page draw.io named by default). See drawioStyle for which shape becomes
// which node, and drawingToWorkspace for lanes, start or end, and flow kinds.

const DEFAULT_PAGE_NAME = /^page-\d+$/i;

export function importDrawio(text: string, opts: ReaderOptions): ImportResult {
  checkSize(text.length, opts.fileName);
  const base = opts.fileName.replace(/\.[^.]+$/, '') || opts.fileName;
  try {
    const pages = drawioPages(text);
    const skipped = new SkipCounter();
    const warnings: string[] = [];
    const drawings = pages.map((p, i) => {
      opts.progress?.(`Reading page ${i + 1} of ${pages.length}`);
      const named = p.name && !(pages.length === 1 && DEFAULT_PAGE_NAME.test(p.name));
      const name = named ? p.name! : pages.length === 1 ? base : `${base} (page ${i + 1})`;
      const { drawing, groups } = drawioDrawing(readCells(p.model), p.id, name, skipped);
      if (groups) warnings.push(`${count(groups, 'group')} on “${name}” dissolved: the shapes in ${groups === 1 ? 'it were' : 'them were'} kept one by one.`);
      return drawing;
    });
    warnings.unshift(...skipped.warnings('the drawing')); // a handful: one per kind of shape left out
    opts.progress?.('Building the maps');
    return drawingsToWorkspace(drawings, { fileName: opts.fileName, now: opts.now, ids: importIds('drawio', text), warnings, tool: 'draw.io' });
  } catch (e) {
    // A drawing nested beyond reason overflows the walk; say so rather than crash.
    if (e instanceof RangeError) throw new ImportError(`“${opts.fileName}” nests shapes too deeply to be read.`);
    throw e;
  }
}
