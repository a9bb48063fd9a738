import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../src/cli/pngFromSvg';
import { analyzeWorkspace, landscape } from '../../src/core/analysis';
import { findingFocus } from '../../src/core/analysis/focus';
import type { Finding } from '../../src/core/analysis/types';
import { demoWorkspace } from '../../src/core/demo';
import { generateMap } from '../../src/core/layout/generate';
import type { Workspace } from '../../src/core/model/types';
import { buildReportDocx, type ReportOptions } from '../../src/core/report';
import { chainMap } from './fixtures/chainMap';
import { headings, openDocx, smallestPrintedPt, tableWithHeader } from './fixtures/docx';

const NOW = '2026-11-22T10:00:00Z';
const DATE = '2026-11-22';
const SLOW = 60_000;
const demo = demoWorkspace(NOW);
/** The demo as a user's own workspace after a workshop: renamed, with its cover details. */
const ws: Workspace = { ...demo, meta: { id: 'ws-io', name: 'International Office CRM review', organisation: 'University of Example', preparedBy: 'J. Analyst', status: 'review' } };
const findings = analyzeWorkspace(ws);
/** Small PNG fallbacks keep the tests quick; the SVG is what is measured. */
const tinyPng: ReportOptions['rasterise'] = async (svg, size) => rasterise(svg, size, 0.1).png;

const build = (w: Workspace, opts: ReportOptions = {}) => buildReportDocx(w, { date: DATE, rasterise: tinyPng, ...opts }).then(openDocx);

describe('the Word report', () => {
  it('has a cover with the workspace’s name and details, contents, a running header and page numbers, and no trace of the demo', async () => {
    const doc = await build(ws);
    expect(XMLValidator.validate(doc.xml)).toBe(true);
    const texts = doc.paras.map((p) => p.text);
    expect(texts[2]).toBe('International Office CRM review');
    for (const line of ['Organisation  University of Example', 'Prepared by  J. Analyst', 'Date  22 November 2026', 'Status  For review']) expect(texts).toContain(line);
    const headers = [...doc.files.entries()].filter(([n]) => /word\/header\d*\.xml$/.test(n)).map(([, x]) => x);
    expect(headers.some((h) => h.includes('International Office CRM review'))).toBe(true);
    const footers = [...doc.files.entries()].filter(([n]) => /word\/footer\d*\.xml$/.test(n)).map(([, x]) => x).join('');
    expect(footers).toContain('PAGE');
    expect(footers).toContain('NUMPAGES');
    // Nothing anywhere in the file (text, pictures, properties) says "demo".
    for (const [name, text] of doc.files) expect(text, name).not.toMatch(/demo/i);
    // Contents: every entry links to a bookmark that exists.
    const anchors = [...doc.xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]!);
    const bookmarks = new Set([...doc.xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]!));
    expect(anchors.length).toBeGreaterThan(10);
    for (const a of anchors) expect(bookmarks.has(a)).toBe(true);
  }, SLOW);

  it('has the summary first, a part per department, the part across departments, recommendations, all findings and the glossary', async () => {
    const doc = await build(ws);
    expect(headings(doc.paras, 'Heading1')).toEqual([
      'Summary', 'Admissions', 'Registry', 'Alumni Relations', 'Fundraising (Development)', 'Marketing',
      'Across departments', 'Recommendations', 'All findings', 'Glossary of systems and data stores',
    ]);
    const kinds = tableWithHeader(doc.tables, 'Kind of finding')!;
    expect(kinds.slice(1).reduce((n, r) => n + Number(r[1]), 0)).toBe(findings.length);
    // A table per group of duplicated data (the analysis's own): store, department, fields, who writes and who reads it.
    const groups = doc.tables.filter((t) => t[0]?.join('|') === 'Store|Department|Fields held|Who writes it|Who reads it');
    expect(groups).toHaveLength(findings.filter((f) => f.kind === 'duplicate-data').length);
    // Every header row repeats on each page; headings keep with what follows.
    expect(doc.xml.match(/<w:tblHeader\/>/g)?.length).toBe(doc.tables.length);
    expect(doc.files.get('word/styles.xml')).toMatch(/w:styleId="Heading1".*?<w:keepNext\/>/s);
  }, SLOW);

  it('prints every map picture’s smallest text at 8 pt or more, on A4 and on Letter', async () => {
    for (const paper of ['a4', 'letter'] as const) {
      const doc = await build(ws, { paper });
      expect(doc.pictures.length).toBeGreaterThanOrEqual(ws.maps.length);
      for (const p of doc.pictures) expect(smallestPrintedPt(p), `${paper}: ${p.name}`).toBeGreaterThanOrEqual(8);
      // Each picture fits the text width of its page (the widest page is landscape with half-inch sides).
      const pageWidthPt = paper === 'a4' ? (16838 - 1440) / 20 : (15840 - 1440) / 20;
      for (const p of doc.pictures) expect(p.widthPt, p.name).toBeLessThanOrEqual(pageWidthPt + 0.5);
      expect(doc.xml).toContain(paper === 'a4' ? 'w:w="11906"' : 'w:w="12240"');
    }
  }, SLOW);

  it('draws a 24-step map in four lanes in at most three parts, on A4 and on Letter', async () => {
    // A chain of 24 steps (the widest such map) and a workshop-like one with decisions, loops and stores.
    const generated = generateMap({ nodes: 32, lanes: 4, seed: 6 });
    expect(generated.nodes.filter((n) => n.kind === 'step')).toHaveLength(24);
    for (const map of [chainMap(24, 4), generated]) {
      const one: Workspace = { ...ws, maps: [map] };
      for (const paper of ['a4', 'letter'] as const) {
        const doc = await build(one, { paper });
        expect(doc.pictures.length, paper).toBeGreaterThan(1);
        expect(doc.pictures.length, `${map.name} on ${paper}`).toBeLessThanOrEqual(3);
        doc.pictures.forEach((p, i) => expect(p.name).toBe(`${map.name}, part ${i + 1} of ${doc.pictures.length}`));
        for (const p of doc.pictures) expect(smallestPrintedPt(p)).toBeGreaterThanOrEqual(8);
        // Every step is drawn in a part (print-layout.test.ts checks each lies whole in one).
        for (const n of map.nodes) expect(doc.pictures.filter((p) => p.svg.includes(`>${n.label}<`) || p.svg.includes(`>${n.label.split(' ').at(-1)}<`)).length, n.label).toBeGreaterThanOrEqual(1);
      }
    }
  }, SLOW);

  it('puts on each picture’s badges the numbers its findings have in the text', async () => {
    const doc = await build(ws);
    const register = tableWithHeader(doc.tables, '#')!;
    const all = doc.tables.find((t) => t[0]?.join('|') === '#|Severity|Finding|Suggestion')!;
    expect(all.slice(1).map((r) => r[0])).toEqual(findings.map((_, i) => `F${i + 1}`));
    expect(register).toBeDefined();
    const ref = new Map(findings.map((f, i) => [f.id, `F${i + 1}`]));
    let badges = 0;
    for (const map of ws.maps) {
      const svg = doc.pictures.filter((p) => p.name.startsWith(map.name)).map((p) => p.svg).join('');
      for (const node of map.nodes) {
        const expected = findings.filter((f: Finding) => f.mapIds.includes(map.id) && findingFocus(f, map, ws).nodeIds.includes(node.id)).map((f) => ref.get(f.id)!);
        if (expected.length === 0) continue;
        const shown = expected.length > 3 ? `${expected.slice(0, 3).join(' ')} +${expected.length - 3}` : expected.join(' ');
        expect(svg, `${map.name}: ${node.label}`).toContain(`<g class="finding-badge" data-severity="`);
        expect(svg, `${map.name}: ${node.label}`).toContain(`>${shown}</text></g>`);
        badges++;
      }
      // No badge names a finding the map's own line does not list.
      const at = doc.paras.findIndex((q) => q.style === 'Heading2' && q.text.endsWith(map.name));
      const listed = doc.paras.slice(at).find((p) => p.text.startsWith('Findings on this map'))?.text ?? '';
      for (const m of svg.matchAll(/class="finding-badge"[^>]*><rect[^>]*\/><text[^>]*>([^<]*)<\/text>/g)) {
        for (const r of m[1]!.split(' ').filter((x) => x.startsWith('F'))) expect(listed, map.name).toMatch(new RegExp(`\\b${r}\\b`));
      }
    }
    expect(badges).toBeGreaterThan(5);
  }, SLOW);

  it('covers only the chosen maps in the landscape matrix and the glossary', async () => {
    const doc = await build(ws, { mapIds: ['m-alu', 'm-reg'] });
    expect(headings(doc.paras, 'Heading2')).toContain('Registry: change of address (draft)');
    expect(headings(doc.paras, 'Heading1')).not.toContain('Admissions');
    const chosen = { ...ws, maps: ws.maps.filter((m) => m.id === 'm-alu' || m.id === 'm-reg') };
    const l = landscape(chosen);
    const used = l.columns.filter((c) => l.departments.some((d) => l.cells[d.id]![c.id])).map((c) => c.name);
    const matrix = tableWithHeader(doc.tables, 'System or store')!;
    const names = matrix.slice(1).filter((r) => r.length > 1).map((r) => r[0]!.split('\n')[0]);
    expect(names.sort()).toEqual([...used].sort());
    expect(names.length).toBeLessThan(landscape(ws).columns.length);
    const systems = tableWithHeader(doc.tables, 'System')!.slice(1).map((r) => r[0]);
    expect(systems).not.toContain('Marketing platform (HubSpot)');
  }, SLOW);

  it('prints the user’s own recommendation for a kind of finding, and the report’s words for the rest', async () => {
    const own: Workspace = { ...ws, meta: { ...ws.meta, recommendations: { 'duplicate-data': 'Adopt one contact record in the CRM by next September.' } } };
    const doc = await build(own, { sections: { departments: false } });
    const texts = doc.paras.map((p) => p.text);
    expect(texts).toContain('Adopt one contact record in the CRM by next September.');
    expect(texts.some((t) => t.startsWith('Integrate or retire each silo system.'))).toBe(true);
    expect(headings(doc.paras, 'Heading1')).not.toContain('Admissions');
    expect(doc.pictures).toHaveLength(0);
  }, SLOW);

  it('ranks the findings that cost most and shows a missing measure as missing', async () => {
    const [a, b, c] = findings;
    const costed = findings.map((f) =>
      f === a ? { ...f, cost: { hoursPerYear: 40, basis: '10 min × 240 cases a year', missing: [] } }
      : f === b ? { ...f, cost: { hoursPerYear: 300, basis: '15 min × 1,200 cases a year', missing: [] } }
      : f === c ? { ...f, cost: { hoursPerYear: null, basis: '', missing: ['cases a year of “Log enquiry in spreadsheet”'] } }
      : f,
    );
    const doc = await build(ws, { findings: costed, sections: { departments: false } });
    const top = tableWithHeader(doc.tables, '#')!;
    const costly = doc.tables.find((t) => t[0]?.join('|') === '#|Finding|Staff time|How it is counted')!;
    expect(top).toBeDefined();
    expect(costly.slice(1).map((r) => [r[0], r[2]])).toEqual([['F2', '300 hours a year'], ['F1', '40 hours a year']]);
    const texts = doc.paras.map((p) => p.text).join('\n');
    expect(texts).toContain('could not be costed, because the maps do not say cases a year of “Log enquiry in spreadsheet”');
    const all = doc.tables.find((t) => t[0]?.join('|') === '#|Severity|Finding|Suggestion')!;
    expect(all[3]![2]).toContain('Cost: Not known yet: missing cases a year of “Log enquiry in spreadsheet”');
  }, SLOW);

  it('keeps names with markup intact, and never lets a department’s name break inside a word', async () => {
    const odd: Workspace = {
      meta: { id: 'w', name: 'Acme <CRM> & "friends"' },
      departments: Array.from({ length: 9 }, (_, i) => ({ id: `d${i}`, name: `Internationalisation${i}` })),
      systems: [{ id: 's1', name: 'CRM', kind: 'application', integratesWith: [] }],
      dataStores: [],
      maps: Array.from({ length: 9 }, (_, i) => ({
        id: `m${i}`, name: `R&D <draft> ${i}`, departmentId: `d${i}`, updatedAt: NOW,
        lanes: [{ id: 'l1', name: 'Lab <team>' }],
        nodes: [{ id: 'n1', kind: 'step' as const, laneId: 'l1', label: 'Check\u0001 <script>alert(1)</script>' }, { id: 'n2', kind: 'system' as const, laneId: 'l1', label: 'CRM', refId: 's1' }],
        flows: [{ id: 'f1', kind: 'data' as const, from: 'n1', to: 'n2' }],
        view: { nodes: {}, laneHeights: {}, flowPoints: {} },
      })),
    };
    const doc = await build(odd);
    expect(XMLValidator.validate(doc.xml)).toBe(true);
    expect(doc.xml).not.toContain('<script>');
    expect(doc.paras.map((p) => p.text)).toContain('Acme <CRM> & "friends"');
    // Nine department columns are too narrow for their names across: the titles run upwards.
    const matrix = doc.xml.slice(doc.xml.indexOf('System or store'));
    expect(matrix.slice(0, 20000)).toContain('w:textDirection w:val="btLr"');
  }, SLOW);
});
