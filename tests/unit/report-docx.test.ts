import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { rasterise } from '../../src/cli/pngFromSvg';
import { analyzeWorkspace, FINDING_KIND_LABELS, landscape } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import { buildReportDocx, type MapImage, REPORT_SUBTITLE } from '../../src/core/report';
import { fitPicture } from '../../src/core/report/docx/buildReportDocx';
import { renderMapSvg } from '../../src/core/picture';
import type { ProcessMap, Workspace } from '../../src/core/model/types';

const NOW = '2026-11-22T10:00:00Z';
const DATE = '2026-11-22';
const SLOW = 60_000;
const ws = demoWorkspace(NOW);
const findings = analyzeWorkspace(ws);

// ---- Reading a .docx back: its document.xml as paragraphs and tables of plain text. ----

const decode = (s: string): string =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

const runText = (xml: string): string => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');

interface Para {
  style: string;
  text: string;
}

function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p(?: [^>]*)?>(.*?)<\/w:p>/gs)].map((m) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(m[1]!)?.[1] ?? '',
    text: runText(m[1]!),
  }));
}

/** Each table as rows of cells; a cell's paragraphs joined by line breaks. */
function tables(xml: string): string[][][] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/gs)].map((t) =>
    [...t[1]!.matchAll(/<w:tr(?: [^>]*)?>(.*?)<\/w:tr>/gs)].map((r) =>
      [...r[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/gs)].map((c) => paragraphs(c[1]!).map((p) => p.text).join('\n')),
    ),
  );
}

const tableWithHeader = (all: string[][][], first: string): string[][] | undefined => all.find((t) => t[0]?.[0] === first);

async function open(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const media = Object.keys(zip.files).filter((p) => p.startsWith('word/media/'));
  return { zip, xml, media, paras: paragraphs(xml), tables: tables(xml) };
}

const headings = (paras: Para[], style: string): string[] => paras.filter((p) => p.style === style).map((p) => p.text.replace(/^[\d.]+\s+/, ''));

/** Real pictures from the SVG renderer, small so the test stays quick. */
function pictures(w: Workspace, maps: ProcessMap[] = w.maps): Record<string, MapImage> {
  return Object.fromEntries(
    maps.map((m) => {
      const r = renderMapSvg(m, w, { findings });
      return [m.id, { png: rasterise(r.svg, r, 0.25).png, svg: r.svg, width: r.width, height: r.height }];
    }),
  );
}

describe('buildReportDocx', () => {
  it('has the title page, a linked contents list, every department and map, the findings, the landscape and the glossary', async () => {
    const doc = await open(await buildReportDocx(ws, { date: DATE, images: pictures(ws) }));
    expect(XMLValidator.validate(doc.xml)).toBe(true);
    const texts = doc.paras.map((p) => p.text);
    expect(texts).toContain('University CRM (demo)');
    expect(texts).toContain(REPORT_SUBTITLE);
    expect(texts).toContain('22 November 2026');

    // Every department with a map has its part, in workspace order; Finance has none yet.
    expect(headings(doc.paras, 'Heading1')).toEqual([
      'Summary', 'Admissions', 'Registry', 'Alumni Relations', 'Fundraising (Development)', 'Marketing',
      'Findings', 'Customer data landscape', 'Glossary of systems and data stores',
    ]);
    expect(texts.some((t) => t.includes('No map has been drawn yet for Finance'))).toBe(true);
    expect(new Set(headings(doc.paras, 'Heading2'))).toEqual(new Set(ws.maps.map((m) => m.name)));

    // The contents list is real text, and each entry links to a bookmark that exists.
    const anchors = [...doc.xml.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]!);
    const bookmarks = new Set([...doc.xml.matchAll(/<w:bookmarkStart [^>]*w:name="([^"]+)"/g)].map((m) => m[1]!));
    expect(anchors.length).toBe(9 + ws.maps.length);
    for (const a of anchors) expect(bookmarks.has(a)).toBe(true);

    // One picture per map: the SVG, drawn sharp at any zoom, and its PNG for readers without SVG.
    expect(doc.media.filter((p) => p.endsWith('.png'))).toHaveLength(ws.maps.length);
    const svgs = doc.media.filter((p) => p.endsWith('.svg'));
    expect(svgs).toHaveLength(ws.maps.length);
    expect([...doc.xml.matchAll(/<asvg:svgBlip [^>]*r:embed="([^"]+)"/g)]).toHaveLength(ws.maps.length);
    const svgTexts = await Promise.all(svgs.map((p) => doc.zip.file(p)!.async('string')));
    for (const m of ws.maps) {
      expect(svgTexts.some((t) => t.includes(`aria-label="${m.name.replace(/'/g, '&apos;')}`)), m.name).toBe(true);
    }
    expect(svgTexts.some((t) => t.includes('>Log enquiry in spreadsheet<') || t.includes('>Log enquiry in<'))).toBe(true);
  }, SLOW);

  it('lists each step with its lane and the systems and stores it uses', async () => {
    const doc = await open(await buildReportDocx(ws, { date: DATE }));
    const stepTables = doc.tables.filter((t) => t[0]?.join('|') === '#|Step|Lane|Systems and stores used');
    expect(stepTables).toHaveLength(ws.maps.length);
    const admissions = stepTables[0]!;
    const log = admissions.find((r) => r[1]!.startsWith('Log enquiry in spreadsheet'))!;
    expect(log[1]).toContain('Manual');
    expect(log[2]).toBe('Enquiries officer');
    expect(log[3]!.split('\n')).toEqual(
      expect.arrayContaining(['Reads Admissions enquiries mailbox', 'Writes Enquiries spreadsheet', 'Reads Phone message pad (not in the catalogue)']),
    );
    // Reading order: the start comes first.
    expect(admissions[1]![1]).toMatch(/^Asks about a course/);
    // A map without pictures says so instead of leaving a gap.
    expect(doc.media).toHaveLength(0);
    expect(doc.paras.filter((p) => p.text === 'No picture of this map was included.')).toHaveLength(ws.maps.length);
  }, SLOW);

  it('has one findings row per finding, with its kind, severity, explanation and suggestion', async () => {
    const doc = await open(await buildReportDocx(ws, { date: DATE, findings }));
    const table = doc.tables.find((t) => t[0]?.[2] === 'Severity')!;
    expect(table[0]).toEqual(['#', 'Kind', 'Severity', 'Finding', 'Suggestion']);
    const rows = table.slice(1);
    expect(rows).toHaveLength(findings.length);
    findings.forEach((f, i) => {
      const [ref, kind, severity, finding, suggestion] = rows[i]!;
      expect(ref).toBe(`F${i + 1}`);
      expect(kind).toBe(FINDING_KIND_LABELS[f.kind]);
      expect(severity!.toLowerCase()).toBe(f.severity);
      expect(finding).toContain(f.title);
      expect(finding).toContain(f.explanation);
      expect(suggestion).toBe(f.suggestion);
    });
  }, SLOW);

  it('has the landscape matrix with the same marks and flags as the app', async () => {
    const doc = await open(await buildReportDocx(ws, { date: DATE, findings }));
    const matrix = tableWithHeader(doc.tables, 'System or store')!;
    const l = landscape(ws, findings);
    expect(matrix[0]).toEqual(['System or store', ...l.departments.map((d) => d.name), 'Flags']);
    for (const col of l.columns) {
      const row = matrix.find((r) => r[0]!.split('\n')[0] === col.name)!;
      expect(row, col.name).toBeDefined();
      expect(row.slice(1, -1)).toEqual(l.departments.map((d) => l.cells[d.id]![col.id]));
    }
    const enquiries = matrix.find((r) => r[0]!.startsWith('Enquiries spreadsheet'))!;
    expect(enquiries.at(-1)).toContain('Silo');
  }, SLOW);

  it('has the catalogue as a glossary: kind, owner, customer fields and integrations', async () => {
    const doc = await open(await buildReportDocx(ws, { date: DATE }));
    const systems = tableWithHeader(doc.tables, 'System')!;
    const stores = tableWithHeader(doc.tables, 'Data store')!;
    expect(systems.slice(1).map((r) => r[0]).sort()).toEqual(ws.systems.map((s) => s.name).sort());
    expect(stores.slice(1).map((r) => r[0]).sort()).toEqual(ws.dataStores.map((d) => d.name).sort());
    const sits = systems.find((r) => r[0] === 'Student records system (SITS)')!;
    expect(sits).toEqual(['Student records system (SITS)', 'Application', 'Registry', 'Applicant and student records', 'Finance system']);
    const alumni = stores.find((r) => r[0] === 'Alumni records')!;
    expect(alumni).toEqual(['Alumni records', 'Database', 'Alumni database (Access)', 'Alumni Relations', 'Full name, Email, Mobile, Address, Graduation year, Student ID']);
  }, SLOW);

  it('leaves the findings out when asked, with [] or includeFindings: false', async () => {
    for (const opts of [{ findings: [] }, { includeFindings: false }]) {
      const doc = await open(await buildReportDocx(ws, { date: DATE, ...opts }));
      expect(headings(doc.paras, 'Heading1')).not.toContain('Findings');
      expect(doc.tables.find((t) => t[0]?.[2] === 'Severity')).toBeUndefined();
      for (const f of findings) expect(doc.xml).not.toContain(f.suggestion.replace(/&/g, '&amp;').slice(0, 60));
      // No flags in the matrix either: they are findings.
      const matrix = tableWithHeader(doc.tables, 'System or store')!;
      expect(matrix.slice(1).every((r) => r.length === 1 || r.at(-1) === '')).toBe(true);
    }
  }, SLOW);

  it('includes only the chosen maps, in workspace order, with one picture each', async () => {
    const doc = await open(await buildReportDocx(ws, { date: DATE, mapIds: ['m-alu', 'm-reg'], images: pictures(ws) }));
    expect(headings(doc.paras, 'Heading2')).toEqual(['Registry: change of address (draft)', 'Alumni relations: graduate to engaged alumnus']);
    expect(headings(doc.paras, 'Heading1')).not.toContain('Admissions');
    // Each picture as SVG and as its PNG fallback.
    expect(doc.media.filter((p) => p.endsWith('.svg'))).toHaveLength(2);
    expect(doc.media.filter((p) => p.endsWith('.png'))).toHaveLength(2);
  }, SLOW);

  it('keeps names with markup and odd characters intact, and lists empty maps and maps without a department', async () => {
    const odd: Workspace = {
      meta: { id: 'w', name: 'Acme <CRM> & "friends"' },
      departments: [{ id: 'd1', name: 'Sales & Service' }],
      systems: [],
      dataStores: [],
      maps: [
        {
          id: 'm1', name: 'R&D <draft>', departmentId: null, updatedAt: NOW,
          lanes: [{ id: 'l1', name: 'Lab <team>' }],
          nodes: [{ id: 'n1', kind: 'step', laneId: 'l1', label: 'Check\u0001 <script>alert(1)</script>' }],
          flows: [],
          view: { nodes: {}, laneHeights: {}, flowPoints: {} },
        },
        { id: 'm2', name: 'Nothing yet', departmentId: 'd1', updatedAt: NOW, lanes: [], nodes: [], flows: [], view: { nodes: {}, laneHeights: {}, flowPoints: {} } },
      ],
    };
    const doc = await open(await buildReportDocx(odd, { date: DATE }));
    expect(XMLValidator.validate(doc.xml)).toBe(true);
    expect(doc.xml).not.toContain('<draft>');
    expect(doc.xml).not.toContain('<script>');
    const texts = doc.paras.map((p) => p.text);
    expect(texts).toContain('Acme <CRM> & "friends"');
    expect(headings(doc.paras, 'Heading1')).toEqual(['Summary', 'Sales & Service', 'Other maps', 'Findings', 'Customer data landscape', 'Glossary of systems and data stores']);
    expect(headings(doc.paras, 'Heading2')).toEqual(['Nothing yet', 'R&D <draft>']);
    expect(texts).toContain('This map has no steps yet.');
    const steps = doc.tables.find((t) => t[0]?.[1] === 'Step')!;
    expect(steps[1]!.slice(1, 3)).toEqual(['Check <script>alert(1)</script>', 'Lab <team>']);
  }, SLOW);
});

describe('fitPicture', () => {
  it('fits a wide or a tall map into the page, keeping its shape, and never enlarges a small one', () => {
    const wide = fitPicture({ width: 4000, height: 800 }, 960, 500);
    expect(wide.width).toBe(960);
    expect(wide.height).toBe(192);
    const tall = fitPicture({ width: 1000, height: 2000 }, 960, 500);
    expect(tall).toEqual({ width: 250, height: 500 });
    expect(fitPicture({ width: 300, height: 200 }, 960, 500)).toEqual({ width: 300, height: 200 });
  });
});
