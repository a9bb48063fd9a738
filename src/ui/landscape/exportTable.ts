import { type Landscape, landscapeCsv } from '../../core/analysis';
import type { Workspace } from '../../core/model/types';
import { useUi } from '../../state/uiStore';
import { datedName, downloadBlob } from '../io/download';
import { caption } from './landscapeWords';

// The matrix leaves the app two ways: a CSV file (landscapeCsv, the same text the CLI writes)
// and the clipboard, for pasting straight into Word or Excel.

/** The same rows as landscapeCsv: a header, one row per department, then the highlights. */
export function landscapeRows(l: Landscape): string[][] {
  return [
    ['Department', ...l.columns.map((c) => c.name)],
    ...l.departments.map((d) => [d.name, ...l.columns.map((c) => l.cells[d.id]?.[c.id] ?? '')]),
    ['Highlights', ...l.columns.map((c) => (l.highlights[c.id] ?? []).join('; '))],
  ];
}

/** A pasted cell starting with = + - @ would run as an Excel formula: defuse it as the CSV does. */
const tsvField = (v: string): string => {
  const flat = v.replace(/[\t\r\n]+/g, ' ');
  return /^[=+\-@]/.test(flat) ? `'${flat}` : flat;
};

export const toTsv = (rows: string[][]): string => rows.map((r) => r.map(tsvField).join('\t')).join('\r\n') + '\r\n';

const escapeHtml = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Word pastes HTML as a real table (plain tab-separated text would land as tabbed lines). */
export function toHtml(rows: string[][], title: string): string {
  const [head = [], ...body] = rows;
  const cell = (tag: string, v: string) => `<${tag} style="border:1px solid #999;padding:2px 6px">${escapeHtml(v)}</${tag}>`;
  return [
    '<table style="border-collapse:collapse">',
    `<caption>${escapeHtml(title)}</caption>`,
    `<thead><tr>${head.map((v) => cell('th', v)).join('')}</tr></thead>`,
    `<tbody>${body.map((r) => `<tr>${r.map((v, i) => cell(i === 0 ? 'th' : 'td', v)).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

async function writeClipboard(text: string, html: string): Promise<void> {
  const clip = navigator.clipboard;
  if (!clip) throw new Error('This browser offers no clipboard to the page.');
  if (typeof ClipboardItem !== 'undefined' && clip.write) {
    try {
      const item = new ClipboardItem({ 'text/plain': new Blob([text], { type: 'text/plain' }), 'text/html': new Blob([html], { type: 'text/html' }) });
      await clip.write([item]);
      return;
    } catch {
      // Some browsers refuse rich items but still take plain text: try that before giving up.
    }
  }
  await clip.writeText(text);
}

export async function copyLandscape(l: Landscape): Promise<void> {
  const rows = landscapeRows(l);
  const toast = useUi.getState().toast;
  try {
    await writeClipboard(toTsv(rows), toHtml(rows, caption(l)));
    toast({ tone: 'info', message: `Copied the table (${rows.length - 1} rows): paste it into Word or Excel.` });
  } catch {
    toast({
      tone: 'error',
      message: 'The browser would not let Lanemap copy to the clipboard. Allow clipboard access for this site, or use “Download CSV” instead.',
    });
  }
}

/** Returns the file name, for the message. */
export function downloadLandscapeCsv(ws: Workspace): string {
  const file = datedName(`${ws.meta.name} landscape`, 'csv');
  // The byte-order mark tells Excel the file is UTF-8; without it, accented names come out garbled.
  downloadBlob(new Blob(['\uFEFF', landscapeCsv(ws)], { type: 'text/csv;charset=utf-8' }), file);
  useUi.getState().toast({ tone: 'info', message: `Downloaded ${file}` });
  return file;
}
