import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatReport } from '../../src/cli/analyzeCommand';
import { analyzeWorkspace } from '../../src/core/analysis';
import { bpmnExport } from '../../src/core/bpmn';
import { demoWorkspace } from '../../src/core/demo';
import { randomIds, uuid } from '../../src/core/model/ids';
import { renderMapSvg } from '../../src/core/picture';
import { buildReportHtml } from '../../src/core/report';
import { dropBidiControls, writableText } from '../../src/core/text/bidi';
import type { Workspace } from '../../src/core/model/types';

const NOW = '2026-11-23T10:00:00Z';
const RLO = '\u202E';
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\u200E', '\u200F', '\u061C'];

/** The demo with a step, a lane and the map's name carrying a right-to-left override. */
function spoofed(): Workspace {
  const ws = demoWorkspace(NOW);
  const map = ws.maps.find((m) => m.id === 'm-alu')!;
  map.name = `Alumni ${RLO}txt.exe`;
  map.nodes.find((n) => n.label === 'Send event invitation')!.label = `Invoice${RLO}fdp.exe for the event`;
  map.lanes[0]!.name = `Graduate${BIDI.join('')}s`;
  return ws;
}

describe('bidirectional controls in labels and names', () => {
  it('every control of the list is dropped and the words stay in the order they were typed', () => {
    expect(dropBidiControls(`a${BIDI.join('')}b`)).toBe('ab');
    expect(dropBidiControls('שלום عالم')).toBe('שלום عالم');
    expect(writableText(`x\u0001${RLO}y`)).toBe('xy');
  });

  it('the map picture, the HTML report and the BPMN export hold none, with the text readable', () => {
    const ws = spoofed();
    const map = ws.maps.find((m) => m.id === 'm-alu')!;
    const svg = renderMapSvg(map, ws, { findings: analyzeWorkspace(ws), title: true, date: '2026-11-23' }).svg;
    const html = buildReportHtml(ws, { mapIds: [map.id], date: '2026-11-23' });
    const bpmn = bpmnExport(map, ws).xml;
    for (const [what, out] of Object.entries({ svg, html, bpmn })) {
      for (const c of BIDI) expect(out.includes(c), `${what} holds U+${c.charCodeAt(0).toString(16)}`).toBe(false);
      expect(out, what).toContain('Alumni txt.exe');
    }
    expect(svg.replace(/<\/tspan><tspan[^>]*>/g, ' ')).toContain('Invoicefdp.exe for the');
    expect(html).toContain('Invoicefdp.exe for the event');
    expect(bpmn).toContain('name="Invoicefdp.exe for the event"');
  });

  it('the command line\'s readable findings report holds none either', () => {
    const ws = spoofed();
    const text = formatReport(ws, analyzeWorkspace(ws));
    expect(text).toContain('Alumni txt.exe');
    for (const c of BIDI) expect(text.includes(c)).toBe(false);
  });
});

describe('ids on a page served over plain http', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are random version-4 UUIDs from getRandomValues when crypto.randomUUID is missing', () => {
    const real = globalThis.crypto;
    vi.stubGlobal('crypto', { getRandomValues: <T extends ArrayBufferView<ArrayBuffer>>(a: T) => real.getRandomValues(a) });
    expect(globalThis.crypto.randomUUID).toBeUndefined();
    const ids = Array.from({ length: 1000 }, () => uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(1000);
    expect(randomIds('n')).toMatch(/^n-[0-9a-f]{12}$/);
  });
});
