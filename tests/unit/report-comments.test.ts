import { describe, expect, it } from 'vitest';
import { rasterise } from '../../src/cli/pngFromSvg';
import { buildReportPdf } from '../../src/cli/pdf/buildReportPdf';
import { demoWorkspace } from '../../src/core/demo';
import type { StepComment, Workspace } from '../../src/core/model/types';
import { buildReportDocx, buildReportHtml } from '../../src/core/report';
import { reportContent } from '../../src/core/report/content';
import { headings, openDocx } from './fixtures/docx';
import { openPdf } from './fixtures/pdf';

// The report's appendix of comments on steps: in the content once, and the same in the Word,
// HTML and PDF files.

const NOW = '2026-11-22T10:00:00Z';
const DATE = '2026-11-22';
const SLOW = 120_000;
const demo = demoWorkspace(NOW);
const adm = demo.maps.find((m) => m.id === 'm-adm')!;
const [first, second] = adm.nodes.filter((n) => n.kind === 'step');
const said = (id: string, nodeId: string, author: string, text: string, at: string): StepComment => ({ id, nodeId, author, text, at });
/** The demo after a workshop: two steps of Admissions commented on, one thread resolved, and one comment left on a step since deleted. */
const ws: Workspace = {
  ...demo,
  maps: demo.maps.map((m) =>
    m.id !== 'm-adm'
      ? m
      : {
          ...m,
          nodes: m.nodes.map((n) => (n.id === second!.id ? { ...n, commentsResolved: true } : n)),
          comments: [
            said('c1', first!.id, 'Ana Silva', 'Who keys this in a second time?', '2026-11-20T15:30:00Z'),
            said('c2', second!.id, 'Ben Okoro', 'Registry already has this.', '2026-11-20T16:00:00Z'),
            said('c3', first!.id, 'Ben Okoro', 'Admissions does, from the form.', '2026-11-21T09:00:00Z'),
            said('c4', 'gone-step', 'Ana Silva', 'On a step that was deleted', '2026-11-21T10:00:00Z'),
          ],
        },
  ),
};

describe('the comments appendix', () => {
  it('lists each commented step once, in map order, with its comments oldest first and whether it is resolved', () => {
    const c = reportContent(ws, { date: DATE });
    expect(c.contents.at(-1)).toMatchObject({ title: 'Comments on steps', level: 1 });
    // `first` comes before `second` in the map, so its thread does, whatever the comments' order.
    expect(adm.nodes.indexOf(first!)).toBeLessThan(adm.nodes.indexOf(second!));
    expect(c.comments!.threads).toEqual([
      { map: adm.name, step: first!.label, resolved: false, comments: [
        { author: 'Ana Silva', date: '20 November 2026', text: 'Who keys this in a second time?' },
        { author: 'Ben Okoro', date: '21 November 2026', text: 'Admissions does, from the form.' },
      ] },
      { map: adm.name, step: second!.label, resolved: true, comments: [{ author: 'Ben Okoro', date: '20 November 2026', text: 'Registry already has this.' }] },
    ]);
    expect(c.comments!.intro).toBe('What the people who drew and checked the maps said about their steps: 3 comments on 2 steps, 1 still open.');
  });

  it('is left out when nobody commented, when the section is unticked, and for maps not chosen', () => {
    expect(reportContent(demo, { date: DATE }).comments).toBeUndefined();
    expect(reportContent(ws, { date: DATE, sections: { comments: false } }).comments).toBeUndefined();
    expect(reportContent(ws, { date: DATE, mapIds: ['m-reg'] }).comments).toBeUndefined();
  });

  it('is the last part of the HTML report, a table of map, step, status and comments', () => {
    const html = buildReportHtml(ws, { date: DATE });
    const part = html.slice(html.indexOf('<table class="comments">'));
    expect(part).toContain('<th scope="col">Comments</th>');
    expect(part).toContain('<strong>Ana Silva</strong>, 20 November 2026: Who keys this in a second time?');
    expect(part).toContain('<td>Resolved</td>');
    expect(part).not.toContain('deleted');
    expect(html.indexOf('<table class="comments">')).toBeGreaterThan(html.indexOf('Glossary of systems and data stores</h2>'));
  });

  it('is the last part of the Word report, with the same table', async () => {
    const doc = await openDocx(await buildReportDocx(ws, { date: DATE, rasterise: async (svg, size) => rasterise(svg, size, 0.1).png }));
    expect(headings(doc.paras, 'Heading1').at(-1)).toBe('Comments on steps');
    const table = doc.tables.find((t) => t[0]?.join('|') === 'Map|Step|Status|Comments')!;
    expect(table.slice(1).map((r) => [r[1], r[2]])).toContainEqual([second!.label, 'Resolved']);
    expect(table.slice(1).some((r) => r[3]!.includes('Ana Silva, 20 November 2026: Who keys this in a second time?'))).toBe(true);
  }, SLOW);

  it('is the last part of the PDF report, in its outline, with each comment on the page', async () => {
    const pdf = await openPdf((await buildReportPdf(ws, { date: DATE })).bytes);
    const last = pdf.outline.at(-1)!;
    expect(last.title).toMatch(/Comments on steps$/);
    const text = pdf.text(last.page) + pdf.text(Math.min(last.page + 1, pdf.pages.length - 1));
    for (const words of ['Who keys this in a second time?', 'Registry already has this.', 'Resolved']) expect(text).toContain(words);
  }, SLOW);
});
