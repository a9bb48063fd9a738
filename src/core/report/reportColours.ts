// The colours of the paper report, shared by the writers that draw it themselves (.docx, PDF),
// so the two files look alike. Hex without '#', as Word takes it.

export const COLOURS = { accent: '1F3A5F', ink: '1D2733', muted: '5A6878', rule: 'C9D2DC', band: 'F3F6F9', groupBand: 'E3E9F0' };

/** Landscape matrix cells: C creates or updates, R reads, CR both. */
export const MARK_FILL: Record<string, string> = { C: 'DCEBFA', R: 'E3F3E6', CR: 'D6E8EF' };

/** A finding's severity cell, and a landscape row's flags. */
export const SEVERITY_FILL = { high: 'FDE8E6', medium: 'FDF0D5', low: 'E9EDF2' } as const;
