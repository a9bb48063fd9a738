// The formats Lanemap imports, by name, apart from the readers (importFile.ts and the readers
// it loads), so the Import button's file picker needs none of them to be drawn.

export type ImportFormat = 'bundle' | 'bpmn' | 'drawio' | 'vsdx';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  bundle: 'Lanemap workspace',
  bpmn: 'BPMN 2.0',
  drawio: 'draw.io',
  vsdx: 'Visio',
};

/** What the file picker offers. */
export const IMPORT_ACCEPT = '.json,.bpmn,.bpmn2,.xml,.drawio,.vsdx,application/json,text/xml,application/xml';
