import { beforeAll, describe, expect, it } from 'vitest';
import { buildReportPdf } from '../../src/cli/pdf/buildReportPdf';
import { demoWorkspace } from '../../src/core/demo';
import type { Workspace } from '../../src/core/model/types';
import { reportContent } from '../../src/core/report/content';
import type { ReportOptions } from '../../src/core/report/options';
import { toBundle } from '../../src/core/schema/bundle';
import { chainMap } from './fixtures/chainMap';
import { memoryCli } from './fixtures/memoryCli';
import { openPdf, type PdfOutline, smallestInFigures } from './fixtures/pdf';

// The PDF report read back by pdf.js, as a reader's viewer shows it: what it says, where, and
// at what size. The same content as the Word report (report-docx.test.ts), laid out by pdfkit.

const NOW = '2026-11-22T10:00:00Z';
const DATE = '2026-11-22';
const SLOW = 120_000;
const demo = demoWorkspace(NOW);
/** The demo as a user's own workspace after a workshop: renamed, with its cover details. */
const ws: Workspace = { ...demo, meta: { id: 'ws-io', name: 'International Office CRM review', organisation: 'University of Example', preparedBy: 'J. Analyst', status: 'review' } };

const build = async (w: Workspace, opts: ReportOptions = {}) => {
  const report = await buildReportPdf(w, { date: DATE, ...opts });
  return { report, pdf: await openPdf(report.bytes) };
};
type Built = Awaited<ReturnType<typeof build>>;

const flat = (o: PdfOutline[]): PdfOutline[] => o.flatMap((e) => [e, ...flat(e.items)]);
const pictureCount = (w: Workspace, opts: ReportOptions = {}) => reportContent(w, opts).departments.reduce((n, d) => n + d.maps.reduce((k, m) => k + m.pictures.pictures.length, 0), 0);

describe('the PDF report', () => {
  let user: Built;
  beforeAll(async () => {
    user = await build(ws);
  }, SLOW);

  it('has a cover with the workspace’s name and details, a running header and “Page n of m” on every other page, and no trace of the demo', () => {
    const { pdf } = user;
    const n = pdf.pages.length;
    expect(pdf.info.Title).toBe('International Office CRM review: CRM policy: how we handle customers today');
    expect(pdf.info.Author).toBe('J. Analyst');
    const cover = pdf.text(0);
    for (const s of ['International Office CRM review', 'Organisation', 'University of Example', 'Prepared by', 'J. Analyst', '22 November 2026', 'For review']) expect(cover).toContain(s);
    // The cover has neither header nor page number; every other page has both, at its top and foot.
    expect(cover).not.toMatch(/Page \d+ of/);
    for (let i = 1; i < n; i++) {
      const page = pdf.pages[i]!;
      const header = page.texts.filter((t) => t.str === 'International Office CRM review' && t.y > page.height - 45);
      const footer = page.texts.filter((t) => t.str === `Page ${i + 1} of ${n}` && t.y < 45);
      expect(header, `page ${i + 1}`).toHaveLength(1);
      expect(footer, `page ${i + 1}`).toHaveLength(1);
    }
    // Nothing a reader can see, nor the file's properties or bookmarks, says "demo".
    for (let i = 0; i < n; i++) expect(pdf.text(i), `page ${i + 1}`).not.toMatch(/demo/i);
    expect(JSON.stringify(pdf.info)).not.toMatch(/demo/i);
    expect(JSON.stringify(pdf.outline)).not.toMatch(/demo/i);
  });

  it('has the parts in the Word report’s order, and a contents list whose page numbers lead to the headings', () => {
    const { pdf } = user;
    expect(pdf.outline.map((o) => o.title.replace(/^[\d.]+\s+/, ''))).toEqual([
      'Summary', 'Admissions', 'Registry', 'Alumni Relations', 'Fundraising (Development)', 'Marketing',
      'Across departments', 'Recommendations', 'All findings', 'Glossary of systems and data stores',
    ]);
    const entries = flat(pdf.outline);
    expect(entries.length).toBeGreaterThan(15);
    const contents = pdf.pages[1]!.texts;
    for (const e of entries) {
      const title = e.title.replace(/^[\d.]+\s+/, '');
      // The bookmark leads to a page that shows the heading…
      expect(pdf.text(e.page), e.title).toContain(title);
      // …and the contents list gives that page's number on the heading's line.
      const line = contents.find((t) => t.str === title);
      expect(line, e.title).toBeDefined();
      expect(contents.some((t) => t.y === line!.y && t.str === String(e.page + 1)), e.title).toBe(true);
    }
    // The summary's table of the costliest findings, or its note, is there.
    expect(pdf.text(entries.find((e) => e.title.endsWith('Summary'))!.page)).toContain('The findings that cost most');
  });

  it('repeats a table’s header row on each page it runs onto', () => {
    const { pdf } = user;
    const start = pdf.outline.find((o) => o.title.endsWith('All findings'))!.page;
    const end = pdf.outline.find((o) => o.title.endsWith('Glossary of systems and data stores'))!.page;
    expect(end - start).toBeGreaterThan(1);
    for (let i = start + 1; i < end; i++) {
      const body = pdf.pages[i]!.texts.filter((t) => t.y < pdf.pages[i]!.height - 45);
      expect(body.slice(0, 4).map((t) => t.str), `page ${i + 1}`).toEqual(['#', 'Severity', 'Finding', 'Suggestion']);
    }
  });

  it('draws every map picture as vectors with its smallest text at 8 pt or more, on A4 and on Letter', async () => {
    for (const paper of ['a4', 'letter'] as const) {
      const { pdf, report } = paper === 'a4' ? user : await build(ws, { paper });
      // The writer itself shrinks nothing the report's layout placed.
      expect(report.shrunk).toEqual([]);
      const expected = reportContent(ws, { paper }).departments.flatMap((d) => d.maps.flatMap((m) => m.pictures.pictures.map((p) => ({ map: m.map, p }))));
      const figures = smallestInFigures(pdf.pages);
      expect(figures, paper).toHaveLength(expected.length);
      expect(pdf.pages.some((p) => p.raster), 'no raster image anywhere').toBe(false);
      figures.forEach((f, i) => {
        const { map, p } = expected[i]!;
        // The picture of that map: its lanes' names are in it.
        for (const lane of map.lanes) expect(f.text, p.label).toContain(lane.name.split(' ')[0]);
        // A map taller than any page is the one the report shrinks, and its caption says to what size.
        const shrunk = /its text prints at ([\d.]+) pt/.exec(p.note ?? '');
        if (shrunk) {
          expect(f.pt, p.label).toBeCloseTo(Number(shrunk[1]), 0);
          expect(pdf.text(f.page)).toContain(p.note);
        } else expect(f.pt, `${paper}: ${p.label} on page ${f.page + 1}`).toBeGreaterThanOrEqual(8 - 1e-6);
      });
      // The pages are the size asked for.
      expect(Math.round(pdf.pages[0]!.width)).toBe(paper === 'a4' ? 595 : 612);
    }
  }, SLOW);

  it('draws a 24-step map in four lanes in at most three parts at 8 pt or more, each part on a page of its own', async () => {
    const one: Workspace = { ...ws, maps: [chainMap(24, 4)] };
    for (const paper of ['a4', 'letter'] as const) {
      const { pdf, report } = await build(one, { paper });
      const figures = smallestInFigures(pdf.pages);
      expect(figures.length).toBe(pictureCount(one, { paper }));
      expect(figures.length).toBeGreaterThan(1);
      expect(figures.length).toBeLessThanOrEqual(3);
      expect(new Set(figures.map((f) => f.page)).size).toBe(figures.length);
      for (const f of figures) expect(f.pt).toBeGreaterThanOrEqual(8 - 1e-6);
      expect(report.shrunk).toEqual([]);
      // Every step is in a part.
      const drawn = figures.map((f) => f.text).join(' ');
      for (let i = 1; i <= 24; i++) expect(drawn).toMatch(new RegExp(`documents ${i}\\b`));
      // A sane length: cover, contents, summary, the department part, the map, across, recommendations, findings, glossary.
      expect(pdf.pages.length).toBeLessThanOrEqual(14);
      const parts = pdf.pages.map((_, i) => pdf.text(i)).filter((t) => /Part \d of \d/.test(t));
      expect(parts.length).toBe(figures.length);
    }
  }, SLOW);

  it('prints what the font can show and names what it cannot, instead of failing', async () => {
    const lane = 'Ödön’s “team” – Zürich…';
    const w: Workspace = { ...ws, maps: [{ ...ws.maps[1]!, name: '学生 enquiries', lanes: ws.maps[1]!.lanes.map((l, i) => (i === 0 ? { ...l, name: lane } : l)) }] };
    const { report, pdf } = await build(w);
    expect(report.missing.sort()).toEqual(['学', '生']);
    const all = pdf.pages.map((_, i) => pdf.text(i)).join(' ');
    expect(all).toContain('\uFFFD\uFFFD enquiries');
    expect(all).toContain(lane);
    // The CLI writes the file and says what happened.
    const cli = memoryCli({ 'ws.json': JSON.stringify(toBundle(w, NOW)) });
    const r = await cli.run(['report', 'ws.json', '--format', 'pdf', '--out', 'policy.pdf']);
    expect(r.code).toBe(0);
    expect(new TextDecoder().decode((cli.written.get('policy.pdf') as Uint8Array).slice(0, 5))).toBe('%PDF-');
    expect(r.stderr).toContain("Warning: The PDF's font");
    expect(r.stderr).toContain('学 生');
  }, SLOW);

  it('never breaks a heading inside a word: a word too long for the line makes the heading smaller', async () => {
    const long = 'Internationalisationandpartnershipsdepartmentoffice';
    const w: Workspace = { ...ws, departments: ws.departments.map((d, i) => (i === 0 ? { ...d, name: long } : d)), maps: [ws.maps[0]!] };
    const { pdf } = await build(w, { sections: { across: false, findings: false, recommendations: false, glossary: false, summary: false } });
    const page = flat(pdf.outline).find((o) => o.title.endsWith(long))!.page;
    // The heading is the page’s first text: the whole word on a line of its own, smaller than a part’s heading (17 pt).
    const [number, title] = pdf.pages[page]!.texts;
    expect(number!.str).toMatch(/^\d+$/);
    expect(title!.str).toBe(long);
    expect(title!.size).toBeLessThan(17);
    expect(title!.size).toBeGreaterThan(10);
  }, SLOW);
});
