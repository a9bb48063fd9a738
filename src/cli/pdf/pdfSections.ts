import { type AcrossPart, type CommentsPart, type Cover, type FindingsPart, type GlossaryPart, type LandscapePart, type RecommendationsPart, SEVERITY_WORD, type SummaryPart } from '../../core/report/content';
import { COLOURS, MARK_FILL, SEVERITY_FILL } from '../../core/report/reportColours';
import { muted, para, type PdfFlow, SMALL } from './pdfFlow';
import { type Cell, cellPara, type Column, type Row, table } from './pdfTable';

// The text parts of the PDF report, as the Word report has them: cover, summary, the part
// across departments, recommendations, the register of all findings and the glossary.

export function cover(flow: PdfFlow, c: Cover): void {
  flow.newPage('portrait');
  flow.y = flow.top + 150;
  flow.para(para([{ text: 'PROCESS MAPS AND FINDINGS' }], { size: 10, color: COLOURS.muted, after: 18 }));
  flow.para(flow.fitted(para(c.title, { size: 28, color: COLOURS.accent, after: 12 })), { whole: true });
  flow.para(para(c.subtitle, { size: 15, after: 48 }));
  const line = (label: string, value: string | undefined) => {
    if (value) flow.para(para([{ text: `${label}   `, color: COLOURS.muted, size: 11 }, { text: value, size: 12 }], { after: 4 }));
  };
  line('Organisation', c.organisation);
  line('Prepared by', c.preparedBy);
  line('Date', c.date);
  line('Status', c.status);
}

/** Each column's width: the given points, the last taking what is left of the text width. */
export const fill = (flow: PdfFlow, columns: Omit<Column, 'width'>[], widths: number[]): Column[] =>
  columns.map((c, i) => ({ ...c, width: i < widths.length ? widths[i]! : flow.width - widths.reduce((n, w) => n + w, 0) }));

const or = (value: string): string => value || '–';

export function summary(flow: PdfFlow, s: SummaryPart): void {
  flow.heading(s.heading, { newPage: true });
  for (const p of s.paragraphs) flow.para(para(p));
  if (s.kinds?.length) table(flow, fill(flow, [{ title: 'Kind of finding' }, { title: 'Found', align: 'center' }], [flow.width - 70]), s.kinds.map((k) => ({ cells: [k.label, String(k.count)] })));
  if (s.costly) {
    flow.subHeading('The findings that cost most');
    if (s.costly.rows.length) {
      table(
        flow,
        fill(flow, [{ title: '#' }, { title: 'Finding' }, { title: 'Staff time' }, { title: 'How it is counted' }], [30, Math.round(flow.width * 0.42), 95]),
        s.costly.rows.map((r) => ({ cells: [r.ref, r.title, r.hours, or(r.basis)] })),
      );
    }
    if (s.costly.note) flow.para(s.costly.rows.length ? para(s.costly.note) : muted(s.costly.note));
  }
}

export function across(flow: PdfFlow, a: AcrossPart): void {
  flow.heading(a.heading, { newPage: true });
  flow.para(para(a.intro));
  if (a.duplicates) {
    flow.heading(a.duplicates.heading);
    flow.para(para(a.duplicates.intro));
    for (const g of a.duplicates.groups) {
      flow.subHeading(`${g.ref}  ${g.title}`, 110);
      flow.para(para(g.explanation), { keep: 50 });
      const n = g.table.columns.length;
      const w = Math.floor(flow.width / n);
      table(flow, fill(flow, g.table.columns.map((title) => ({ title })), Array(n - 1).fill(w) as number[]), g.table.rows.map((r) => ({ cells: r.map(or) })));
    }
  }
  if (a.silos) {
    flow.heading(a.silos.heading);
    flow.para(para(a.silos.intro));
    table(flow, fill(flow, [{ title: '#' }, { title: 'System or store' }, { title: 'Owner' }, { title: 'Why it matters' }], [30, 120, 90]), a.silos.rows.map((r) => ({ cells: [r.ref, r.name, r.owner, r.why] })));
  }
  if (a.rekeying) {
    flow.heading(a.rekeying.heading);
    flow.para(para(a.rekeying.intro));
    table(
      flow,
      fill(flow, [{ title: '#' }, { title: 'Step' }, { title: 'Map' }, { title: 'Copied' }], [30, 130, 115]),
      a.rekeying.rows.map((r) => ({ cells: [r.ref, r.step, r.map, r.copies.length ? r.copies : '–'] })),
    );
  }
  landscapeMatrix(flow, a.landscape);
}

function landscapeMatrix(flow: PdfFlow, l: LandscapePart): void {
  flow.heading(l.heading);
  flow.para(para(l.intro));
  if (l.groups.length === 0) return flow.para(muted('The maps in this report use no systems or data stores of the catalogue yet.'));
  const nameWidth = Math.round(flow.width * 0.26);
  const flagWidth = Math.round(flow.width * 0.14);
  const deptWidth = Math.floor((flow.width - nameWidth - flagWidth) / Math.max(1, l.departments.length));
  // A department's name never breaks inside a word: too narrow a column turns its title upright.
  const t = flow.text;
  const vertical = l.departments.some((d) => Math.max(...d.split(/\s+/).map((w) => t.width(t.printable(w), 'bold', SMALL))) + 8 > deptWidth);
  const columns = fill(flow, [{ title: 'System or store' }, ...l.departments.map((d) => ({ title: d, align: 'center' as const, vertical })), { title: 'Flags' }], [nameWidth, ...l.departments.map(() => deptWidth)]);
  const rows: Row[] = l.groups.flatMap((g) => [
    { cells: [g.label], group: true },
    ...g.rows.map((r) => ({
      cells: [[cellPara(r.name, { runs: [{ text: r.name, bold: true }] }), cellPara(r.kind, { size: 7.5, color: COLOURS.muted })], ...r.marks.map((m) => [cellPara(m, { runs: [{ text: m, bold: true }], align: 'center' })]), r.flags.join(', ')] as Cell[],
      fills: [undefined, ...r.marks.map((m) => MARK_FILL[m]), r.flags.includes('Silo') ? SEVERITY_FILL.high : r.flags.length ? SEVERITY_FILL.medium : undefined],
    })),
  ]);
  table(flow, columns, rows);
}

export function recommendations(flow: PdfFlow, r: RecommendationsPart): void {
  flow.heading(r.heading, { newPage: true });
  flow.para(para(r.intro));
  for (const item of r.items) {
    flow.subHeading(item.label);
    flow.para(para(item.text), { keep: 20 });
    flow.para(para(`Answers ${item.refs.map((f) => f.ref).join(', ')}.`, { size: 9, color: COLOURS.muted }));
  }
}

export function findingsRegister(flow: PdfFlow, f: FindingsPart): void {
  flow.heading(f.heading, { newPage: true });
  flow.para(para(f.intro));
  if (f.rows.length === 0) return;
  const columns = fill(flow, [{ title: '#' }, { title: 'Severity' }, { title: 'Finding' }, { title: 'Suggestion' }], [30, 55, Math.round(flow.width * 0.5)]);
  const rows: Row[] = f.rows.map((r) => ({
    cells: [
      r.ref,
      [cellPara(SEVERITY_WORD[r.severity], { runs: [{ text: SEVERITY_WORD[r.severity], bold: true }] })],
      [
        cellPara(r.title, { runs: [{ text: r.title, bold: true }], after: 2 }),
        cellPara(r.explanation),
        cellPara([r.kindLabel, r.maps && `Maps: ${r.maps}`].filter(Boolean).join(' · '), { size: 7.5, color: COLOURS.muted }),
        ...(r.cost ? [cellPara(`Cost: ${r.cost}`, { size: 7.5 })] : []),
      ],
      r.suggestion,
    ],
    fills: [undefined, SEVERITY_FILL[r.severity]],
  }));
  table(flow, columns, rows, { splitRows: true });
}

const joined = (items: string[]): string => (items.length ? items.join(', ') : '–');
const bold = (value: string): Cell => [cellPara(value, { runs: [{ text: value, bold: true }] })];

export function glossary(flow: PdfFlow, g: GlossaryPart): void {
  flow.heading(g.heading, { newPage: true });
  flow.para(para(g.intro));
  if (g.systems.length) {
    flow.subHeading('Systems');
    table(
      flow,
      fill(flow, [{ title: 'System' }, { title: 'Kind' }, { title: 'Owner' }, { title: 'Data stores in it' }, { title: 'Integrates with' }], [115, 75, 85, 110]),
      g.systems.map((s) => ({ cells: [bold(s.name), or(s.kind), or(s.owner), joined(s.stores), joined(s.integrations)] })),
    );
  } else flow.para(muted('The maps in this report use no system of the catalogue.'));
  if (g.stores.length) {
    flow.subHeading('Data stores');
    table(
      flow,
      fill(flow, [{ title: 'Data store' }, { title: 'Kind' }, { title: 'Part of system' }, { title: 'Owner' }, { title: 'Customer fields' }], [110, 65, 90, 80]),
      g.stores.map((d) => ({ cells: [bold(d.name), d.kind, or(d.system), or(d.owner), joined(d.fields)] })),
    );
  } else flow.para(muted('The maps in this report use no data store of the catalogue.'));
}

export function commentsAppendix(flow: PdfFlow, c: CommentsPart): void {
  flow.heading(c.heading, { newPage: true });
  flow.para(para(c.intro));
  table(
    flow,
    fill(flow, [{ title: 'Map' }, { title: 'Step' }, { title: 'Status' }, { title: 'Comments' }], [100, 100, 55]),
    c.threads.map((t) => ({
      cells: [bold(t.map), t.step, t.resolved ? 'Resolved' : 'Open', t.comments.map((x) => cellPara(`${x.author}, ${x.date}: ${x.text}`, { runs: [{ text: `${x.author}, ${x.date}: `, bold: true }, { text: x.text }], after: 3 }))],
    })),
    { splitRows: true },
  );
}
