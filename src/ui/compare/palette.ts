// Colours for shared catalogue entries: strong strokes that stay apart from each other and
// from the editor's own blues, with light fills that keep dark labels readable; each stroke
// also carries the entry's number in white at 4.5:1 or more. The number is there for readers
// who cannot tell colours apart and for print in grey.
const COLOURS = [
  { stroke: '#00796b', fill: '#d8f3ef' },
  { stroke: '#8e44ad', fill: '#f1e3f8' },
  { stroke: '#b34700', fill: '#fde8d7' },
  { stroke: '#c2185b', fill: '#fce1ec' },
  { stroke: '#5f6b00', fill: '#eef3c8' },
  { stroke: '#1565c0', fill: '#dbe9fb' },
  { stroke: '#8d5524', fill: '#f3e6da' },
  { stroke: '#455a64', fill: '#e3e9ec' },
] as const;

export function entryColour(i: number): { stroke: string; fill: string } {
  return COLOURS[i % COLOURS.length]!;
}
