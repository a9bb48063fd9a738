import { describe, expect, it } from 'vitest';
import { analyzeWorkspace, FINDING_KIND_LABELS, landscape } from '../../src/core/analysis';
import { demoWorkspace } from '../../src/core/demo';
import { buildReportHtml, REPORT_SUBTITLE } from '../../src/core/report';
import type { Workspace } from '../../src/core/model/types';
import { type El, parseXmlTree } from './fixtures/xmlTree';

const NOW = '2026-11-22T10:00:00Z';
const DATE = '2026-11-22';
const ws = demoWorkspace(NOW);
const findings = analyzeWorkspace(ws);

// ---- Reading the page back: the report is well-formed XML, so an XML parser gives its tree. ----

function parse(html: string): El {
  return parseXmlTree(html, 'html', { processEntities: true, htmlEntities: false });
}

function all(el: El, pred: (e: El) => boolean, out: El[] = []): El[] {
  if (pred(el)) out.push(el);
  for (const c of el.children) all(c, pred, out);
  return out;
}
const byName = (root: El, name: string) => all(root, (e) => e.name === name);
const textOf = (el: El): string => el.text + el.children.map(textOf).join('');
/** Heading text without its number ("2.1"). */
const headingText = (el: El): string => el.children.filter((c) => c.attrs.class !== 'num').map(textOf).join('') + el.text;
const tableRows = (table: El): El[][] => all(table, (e) => e.name === 'tr').map((tr) => tr.children.filter((c) => c.name === 'td' || c.name === 'th'));

describe('buildReportHtml', () => {
  const html = buildReportHtml(ws, { date: DATE, findings });
  const root = parse(html);

  it('is one file that loads nothing and runs nothing', () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/\burl\(|@import|\bsrc=/i);
    for (const a of byName(root, 'a')) expect(a.attrs.href).toMatch(/^#/);
    expect(all(root, (e) => Object.keys(e.attrs).some((k) => /^on/i.test(k)))).toHaveLength(0);
    const csp = byName(root, 'meta').find((m) => m.attrs['http-equiv'] === 'Content-Security-Policy');
    expect(csp?.attrs.content).toContain("default-src 'none'");
    expect(byName(root, 'style')).toHaveLength(1);
  });

  it('has the title page and a contents list whose links all land on a heading', () => {
    expect(textOf(byName(root, 'h1')[0]!)).toBe('University CRM (demo)');
    expect(html).toContain(REPORT_SUBTITLE);
    expect(html).toContain('22 November 2026');
    const nav = byName(root, 'nav')[0]!;
    const links = byName(nav, 'a').map((a) => a.attrs.href!.slice(1));
    const headings = all(root, (e) => (e.name === 'h2' || e.name === 'h3') && e.attrs.id !== undefined && e.attrs.id !== 'contents-title');
    expect(links).toEqual(headings.map((h) => h.attrs.id));
    expect(new Set(all(root, (e) => e.attrs.id !== undefined).map((e) => e.attrs.id)).size).toBe(all(root, (e) => e.attrs.id !== undefined).length);
  });

  it('has a part per department with each map drawn inline and its steps', () => {
    const h2 = byName(root, 'h2').filter((h) => h.attrs.id !== 'contents-title').map(headingText);
    expect(h2).toEqual([
      'Summary', 'Admissions', 'Registry', 'Alumni Relations', 'Fundraising (Development)', 'Marketing',
      'Across departments', 'Recommendations', 'All findings', 'Glossary of systems and data stores',
    ]);
    const h3 = byName(root, 'h3').map(headingText);
    for (const m of ws.maps) expect(h3).toContain(m.name);
    const svgs = byName(root, 'svg');
    expect(svgs.length).toBeGreaterThanOrEqual(ws.maps.length);
    for (const m of ws.maps) expect(svgs.some((s) => s.attrs['aria-label']?.startsWith(m.name))).toBe(true);
    // Each picture is set at its printed size: its own size (CSS pixels, 1/96 inch) or larger.
    for (const s of svgs) expect(Number(/width:(\d+)px/.exec(s.attrs.style!)![1])).toBeGreaterThanOrEqual(Number(s.attrs.width));
    const admissions = byName(root, 'table').find((t) => t.attrs.class === 'steps')!;
    const log = tableRows(admissions).find((r) => r[2] && textOf(r[2]).startsWith('Log enquiry in spreadsheet'))!;
    expect(textOf(log[1]!)).toBe('Enquiries officer');
    expect(byName(log[3]!, 'li').map(textOf)).toEqual(expect.arrayContaining(['Admissions enquiries mailbox', 'Phone message pad (not in the catalogue)']));
    expect(byName(log[4]!, 'li').map(textOf)).toEqual(['Enquiries spreadsheet']);
  });

  it('has one findings row per finding, linked from the maps it concerns', () => {
    const table = byName(root, 'table').find((t) => t.attrs.class === 'findings')!;
    const rows = tableRows(table).slice(1);
    expect(rows).toHaveLength(findings.length);
    findings.forEach((f, i) => {
      const cells = rows[i]!.map(textOf);
      expect(cells[0]).toBe(`F${i + 1}`);
      expect(cells[1]!.toLowerCase()).toBe(f.severity);
      expect(cells[2]).toContain(f.explanation);
      expect(cells[2]).toContain(FINDING_KIND_LABELS[f.kind]);
      expect(cells[3]).toBe(f.suggestion);
    });
    const refs = all(root, (e) => e.name === 'p' && e.attrs.class === 'refs').flatMap((p) => byName(p, 'a').map((a) => a.attrs.href!.slice(1)));
    const ids = new Set(all(table, (e) => e.name === 'tr' && e.attrs.id !== undefined).map((e) => e.attrs.id));
    expect(refs.length).toBeGreaterThan(0);
    for (const r of refs) expect(ids.has(r)).toBe(true);
  });

  it('has the landscape matrix and the glossary', () => {
    const matrix = byName(root, 'table').find((t) => t.attrs.class === 'matrix')!;
    const l = landscape(ws, findings);
    const rows = tableRows(matrix);
    // Finance draws no map yet: only departments whose steps use something have a column.
    const depts = l.departments.filter((d) => l.columns.some((c) => l.cells[d.id]![c.id]));
    expect(rows[0]!.map(textOf)).toEqual(['System or store', ...depts.map((d) => d.name), 'Flags']);
    for (const col of l.columns.filter((c) => depts.some((d) => l.cells[d.id]![c.id]))) {
      const row = rows.find((r) => r[0] && byName(r[0], 'span').length && textOf(r[0]).startsWith(col.name))!;
      expect(row.slice(1, -1).map(textOf)).toEqual(depts.map((d) => l.cells[d.id]![col.id]));
    }
    const glossary = byName(root, 'table').filter((t) => t.attrs.class === 'glossary');
    const names = glossary.flatMap((t) => tableRows(t).slice(1).map((r) => textOf(r[0]!)));
    const drawn = new Set(ws.maps.flatMap((m) => m.nodes.map((n) => n.refId)));
    const used = [...ws.systems, ...ws.dataStores].filter((e) => drawn.has(e.id) || ws.dataStores.some((d) => (drawn.has(d.id) && d.systemId === e.id) || (d.id === e.id && d.systemId && drawn.has(d.systemId))));
    expect(names.sort()).toEqual(used.map((e) => e.name).sort());
    expect(html).toContain('Full name, Email, Mobile, Address, Graduation year, Student ID');
  });

  it('leaves the findings out when asked', () => {
    for (const opts of [{ findings: [] }, { includeFindings: false }]) {
      const out = buildReportHtml(ws, { date: DATE, ...opts });
      const r = parse(out);
      expect(byName(r, 'h2').map(headingText)).not.toContain('All findings');
      expect(byName(r, 'h2').map(headingText)).not.toContain('Recommendations');
      expect(byName(r, 'table').some((t) => t.attrs.class === 'findings')).toBe(false);
      expect(out).not.toContain('class="refs"');
      expect(out).not.toContain('Silo</span>');
    }
  });

  it('escapes every label: markup in names stays text', () => {
    const odd: Workspace = {
      meta: { id: 'w', name: 'Acme <CRM> & "friends"' },
      departments: [{ id: 'd1', name: '<b>Sales</b>' }],
      systems: [{ id: 's1', name: '<img src=x onerror=alert(1)>', kind: 'app', integratesWith: [] }],
      dataStores: [],
      maps: [
        {
          id: 'm1', name: 'R&D <draft>', departmentId: 'd1', updatedAt: NOW,
          lanes: [{ id: 'l1', name: 'Lab' }],
          nodes: [
            { id: 'n1', kind: 'step', laneId: 'l1', label: '<script>alert(1)</script>' },
            { id: 'n2', kind: 'system', laneId: 'l1', label: 'x', refId: 's1' },
          ],
          flows: [{ id: 'f1', kind: 'data', from: 'n1', to: 'n2' }],
          view: { nodes: {}, laneHeights: {}, flowPoints: {} },
        },
      ],
    };
    const out = buildReportHtml(odd, { date: DATE });
    const r = parse(out);
    expect(out).not.toMatch(/<script|<img|<b>|<draft>/i);
    expect(out).toContain('R&amp;D &lt;draft&gt;');
    expect(textOf(byName(r, 'title')[0]!)).toContain('Acme <CRM> & "friends"');
    expect(byName(r, 'h3').map(headingText)).toContain('R&D <draft>');
    expect(byName(r, 'h2').map(headingText)).toContain('<b>Sales</b>');
    const step = tableRows(byName(r, 'table').find((t) => t.attrs.class === 'steps')!)[1]!;
    expect(textOf(step[2]!)).toBe('<script>alert(1)</script>');
    expect(textOf(step[4]!)).toBe('<img src=x onerror=alert(1)>');
    // The running header of the printed pages is a CSS string: nothing in the name can end it or the style element.
    expect(byName(r, 'style')[0]!.text).toContain('content: "Acme \\3c CRM> \\26  \\"friends\\""');
  });
});
