import type { NodeKind } from '../../model/types';

// Labels as Lanemap shows them: drawing tools break lines by hand to fit a box, which our
// shapes do by themselves, so breaks become spaces; a note keeps its lines (it is free text).

export function cleanLabel(text: string, kind: NodeKind): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0]+/g, ' ').trim());
  if (kind === 'note') return lines.join('\n').replace(/\n{3,}/g, '\n\n').trim();
  return lines.filter(Boolean).join(' ');
}
