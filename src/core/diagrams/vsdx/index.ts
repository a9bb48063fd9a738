import { count } from '../../model/vocabulary';
import { checkSize, importIds, type ImportResult, type ReaderOptions } from '../../formats/importResult';
import { SkipCounter } from '../diagram/drawing';
import { drawingsToWorkspace } from '../diagram/drawingToWorkspace';
import { childrenNamed, countOf, firstChild } from '../../formats/xml';
import { ImportError } from '../../formats/importResult';
import { MAX_SHAPES_PER_MAP, tooManyShapes } from '../../formats/importLimits';
import { readMasters } from './vsdxMasters';
import { VsdxPackage } from './vsdxPackage';
import { vsdxDrawing } from './vsdxDrawing';

// Visio import (.vsdx): one map per foreground page, named after the page. See vsdxMasters for
// which master becomes which node; lanes, start or end and flow kinds are settled in
// drawingToWorkspace, as for draw.io.

const PAGES = 'visio/pages/pages.xml';

/** Shapes on a page, counted before the slow parse: every <Shape> but the connectors (1-D shapes). */
const shapeCheck = (name: string) => (text: string) => {
  const n = countOf(text, '<Shape ') - countOf(text, 'N="BeginX"');
  if (n > MAX_SHAPES_PER_MAP) throw new ImportError(tooManyShapes(`The page “${name}”`, n));
};

export async function importVsdx(bytes: Uint8Array, opts: ReaderOptions): Promise<ImportResult> {
  checkSize(bytes.byteLength, opts.fileName);
  opts.progress?.('Unpacking the drawing');
  const pkg = VsdxPackage.open(bytes, opts.fileName);
  const masters = readMasters(pkg);
  const files = pkg.relations(PAGES);
  const skipped = new SkipCounter();
  const warnings: string[] = [];
  const pages = childrenNamed(pkg.xml(PAGES), 'Page').filter((p) => p.attrs.Background !== '1');
  const drawings = pages.map((p, i) => {
    opts.progress?.(`Reading page ${i + 1} of ${pages.length}`);
    const path = files.get(firstChild(p, 'Rel')?.attrs['r:id'] ?? '') ?? `visio/pages/page${i + 1}.xml`;
    const name = (p.attrs.Name || p.attrs.NameU || `Page ${i + 1}`).trim();
    const { drawing, groups } = vsdxDrawing(pkg.xml(path, shapeCheck(name)), p.attrs.ID ?? String(i), name, masters, skipped);
    if (groups) warnings.push(`${count(groups, 'group')} on “${name}” opened: the shapes in ${groups === 1 ? 'it were' : 'them were'} kept one by one.`);
    return drawing;
  });
  warnings.unshift(...skipped.warnings('the drawing'));
  opts.progress?.('Building the maps');
  return drawingsToWorkspace(drawings, { fileName: opts.fileName, now: opts.now, ids: importIds('vsdx', idSeed(bytes)), warnings, tool: 'Visio' });
}

/** A string the import ids are drawn from: the file's bytes, sampled. */
function idSeed(bytes: Uint8Array): string {
  const step = Math.max(1, Math.floor(bytes.length / 8192));
  let s = `${bytes.length}:`;
  for (let i = 0; i < bytes.length; i += step) s += String.fromCharCode(bytes[i]!);
  return s;
}
