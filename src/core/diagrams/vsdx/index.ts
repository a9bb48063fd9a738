import { count } from '../../model/vocabulary';
import { checkSize, importIds, type ImportResult } from '../../formats/importResult';
import { SkipCounter } from '../diagram/drawing';
import { drawingsToWorkspace } from '../diagram/drawingToWorkspace';
import { childrenNamed, firstChild } from '../../formats/xml';
import { readMasters } from './vsdxMasters';
import { VsdxPackage } from './vsdxPackage';
import { vsdxDrawing } from './vsdxDrawing';

// Visio import (.vsdx): one map per foreground page, named after the page. See vsdxMasters for
// which master becomes which node; lanes, start or end and flow kinds are settled in
// drawingToWorkspace, as for draw.io.

const PAGES = 'visio/pages/pages.xml';

export async function importVsdx(bytes: Uint8Array, opts: { fileName: string; now: string }): Promise<ImportResult> {
  checkSize(bytes.byteLength, opts.fileName);
  const pkg = VsdxPackage.open(bytes, opts.fileName);
  const masters = readMasters(pkg);
  const files = pkg.relations(PAGES);
  const skipped = new SkipCounter();
  const warnings: string[] = [];
  const drawings = childrenNamed(pkg.xml(PAGES), 'Page')
    .filter((p) => p.attrs.Background !== '1')
    .map((p, i) => {
      const path = files.get(firstChild(p, 'Rel')?.attrs['r:id'] ?? '') ?? `visio/pages/page${i + 1}.xml`;
      const name = (p.attrs.Name || p.attrs.NameU || `Page ${i + 1}`).trim();
      const { drawing, groups } = vsdxDrawing(pkg.xml(path), p.attrs.ID ?? String(i), name, masters, skipped);
      if (groups) warnings.push(`${count(groups, 'group')} on “${name}” opened: the shapes in ${groups === 1 ? 'it were' : 'them were'} kept one by one.`);
      return drawing;
    });
  warnings.unshift(...skipped.warnings('the drawing'));
  return drawingsToWorkspace(drawings, { ...opts, ids: importIds('vsdx', idSeed(bytes)), warnings, tool: 'Visio' });
}

/** A string the import ids are drawn from: the file's bytes, sampled. */
function idSeed(bytes: Uint8Array): string {
  const step = Math.max(1, Math.floor(bytes.length / 8192));
  let s = `${bytes.length}:`;
  for (let i = 0; i < bytes.length; i += step) s += String.fromCharCode(bytes[i]!);
  return s;
}
