import { AlignmentType, InternalHyperlink, Paragraph } from 'docx';
import { type AcrossPart, type CommentsPart, type Cover, type FindingsPart, type GlossaryPart, type LandscapePart, type RecommendationsPart, type ReportContent, SEVERITY_WORD, type SummaryPart } from '../content';
import { MARK_FILL, SEVERITY_FILL } from '../reportColours';
import type { PageShape } from '../paper';
import type { Block } from './docxMaps';
import { COLOURS, gap, headerWordTwips, headingPara, mutedPara, para, reportTable, type RowSpec, subHeading, TABLE_TEXT, text } from './docxParts';

// The text parts of the Word report: cover, contents, summary, the part across departments,
// recommendations, the register of all findings and the glossary.

export function cover(c: Cover): Paragraph[] {
  const line = (label: string, value: string | undefined) =>
    value ? [para([text(`${label}  `, { size: 22, color: COLOURS.muted }), text(value, { size: 24, color: COLOURS.ink })], { spacing: { after: 80 } })] : [];
  return [
    para('', { spacing: { before: 3000, after: 0 } }),
    para([text('PROCESS MAPS AND FINDINGS', { size: 20, color: COLOURS.muted, characterSpacing: 40 })], { spacing: { after: 360 } }),
    para([text(c.title, { size: 56, bold: true, color: COLOURS.accent })], { spacing: { after: 240 }, keepLines: true }),
    para([text(c.subtitle, { size: 30, color: COLOURS.ink })], { spacing: { after: 960 } }),
    ...line('Organisation', c.organisation),
    ...line('Prepared by', c.preparedBy),
    ...line('Date', c.date),
    ...line('Status', c.status),
  ];
}

export function contents(c: ReportContent): Paragraph[] {
  return [
    para([text('Contents', { size: 36, bold: true, color: COLOURS.accent })], { spacing: { after: 240 } }),
    ...c.contents.map(
      (h) =>
        new Paragraph({
          indent: { left: h.level === 2 ? 560 : 0 },
          spacing: { before: h.level === 1 ? 120 : 0, after: 40 },
          children: [
            new InternalHyperlink({
              anchor: h.anchor,
              children: [text(`${h.number}   `, { color: COLOURS.muted }), text(h.title, h.level === 1 ? { bold: true } : {})],
            }),
          ],
        }),
    ),
  ];
}

export function summary(s: SummaryPart, page: PageShape): Block[] {
  const blocks: Block[] = [headingPara(s.heading, { pageBreakBefore: true }), ...s.paragraphs.map((p) => para(p))];
  if (s.kinds?.length) {
    blocks.push(reportTable([{ title: 'Kind of finding', width: page.textWidth - 1400 }, { title: 'Found', width: 1400, align: 'center' }], s.kinds.map((k) => ({ cells: [k.label, String(k.count)] }))), gap());
  }
  if (s.costly) {
    blocks.push(subHeading('The findings that cost most'));
    if (s.costly.rows.length) {
      const w = page.textWidth;
      blocks.push(
        reportTable(
          [{ title: '#', width: 600 }, { title: 'Finding', width: Math.round(w * 0.42) }, { title: 'Staff time', width: 1900 }, { title: 'How it is counted', width: w - 600 - Math.round(w * 0.42) - 1900 }],
          s.costly.rows.map((r) => ({ cells: [r.ref, r.title, r.hours, r.basis || '–'] })),
        ),
        gap(),
      );
    }
    if (s.costly.note) blocks.push(s.costly.rows.length ? para(s.costly.note) : mutedPara(s.costly.note));
  }
  return blocks;
}

export function across(a: AcrossPart, page: PageShape): Block[] {
  const w = page.textWidth;
  const blocks: Block[] = [headingPara(a.heading), para(a.intro)];
  if (a.duplicates) {
    blocks.push(headingPara(a.duplicates.heading), para(a.duplicates.intro));
    for (const g of a.duplicates.groups) {
      blocks.push(subHeading(`${g.ref}  ${g.title}`), para(g.explanation, { keepNext: true }));
      const n = g.table.columns.length;
      const colW = Math.floor(w / n);
      blocks.push(reportTable(g.table.columns.map((t, i) => ({ title: t, width: i === n - 1 ? w - colW * (n - 1) : colW })), g.table.rows.map((r) => ({ cells: r }))), gap());
    }
  }
  if (a.silos) {
    blocks.push(headingPara(a.silos.heading), para(a.silos.intro));
    blocks.push(reportTable([{ title: '#', width: 600 }, { title: 'System or store', width: 2400 }, { title: 'Owner', width: 1800 }, { title: 'Why it matters', width: w - 4800 }], a.silos.rows.map((r) => ({ cells: [r.ref, r.name, r.owner, r.why] }))), gap());
  }
  if (a.rekeying) {
    blocks.push(headingPara(a.rekeying.heading), para(a.rekeying.intro));
    blocks.push(
      reportTable(
        [{ title: '#', width: 600 }, { title: 'Step', width: 2600 }, { title: 'Map', width: 2300 }, { title: 'Copied', width: w - 5500 }],
        a.rekeying.rows.map((r) => ({ cells: [r.ref, r.step, r.map, r.copies.length ? r.copies : '–'] })),
      ),
      gap(),
    );
  }
  return [...blocks, ...landscapeMatrix(a.landscape, page)];
}

function landscapeMatrix(l: LandscapePart, page: PageShape): Block[] {
  const blocks: Block[] = [headingPara(l.heading), para(l.intro)];
  if (l.groups.length === 0) return [...blocks, mutedPara('The maps in this report use no systems or data stores of the catalogue yet.')];
  const w = page.textWidth;
  const nameWidth = Math.round(w * 0.26);
  const flagWidth = Math.round(w * 0.14);
  const deptWidth = Math.floor((w - nameWidth - flagWidth) / Math.max(1, l.departments.length));
  // A department's name never breaks inside a word: too narrow a column turns its title upright.
  const vertical = l.departments.some((d) => headerWordTwips(d) > deptWidth);
  const columns = [
    { title: 'System or store', width: nameWidth },
    ...l.departments.map((d) => ({ title: d, width: deptWidth, align: 'center' as const, vertical })),
    { title: 'Flags', width: w - nameWidth - deptWidth * l.departments.length },
  ];
  const rows: RowSpec[] = l.groups.flatMap((g) => [
    { cells: [g.label], group: true },
    ...g.rows.map((r) => ({
      cells: [
        [
          new Paragraph({ spacing: { after: 0 }, children: [text(r.name, { size: TABLE_TEXT, bold: true })] }),
          new Paragraph({ spacing: { after: 0 }, children: [text(r.kind, { size: TABLE_TEXT - 2, color: COLOURS.muted })] }),
        ],
        ...r.marks.map((m) => [new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 0 }, children: [text(m, { size: TABLE_TEXT, bold: true })] })]),
        r.flags.join(', '),
      ],
      fills: [undefined, ...r.marks.map((m) => MARK_FILL[m]), r.flags.includes('Silo') ? 'FDE8E6' : r.flags.length ? 'FDF0D5' : undefined],
    })),
  ]);
  return [...blocks, reportTable(columns, rows)];
}

export function recommendations(r: RecommendationsPart): Block[] {
  const blocks: Block[] = [headingPara(r.heading), para(r.intro)];
  for (const item of r.items) {
    blocks.push(subHeading(item.label), para(item.text, { keepNext: true }), para([text(`Answers ${item.refs.map((f) => f.ref).join(', ')}.`, { color: COLOURS.muted, size: 19 })]));
  }
  return blocks;
}

export function findingsRegister(f: FindingsPart, page: PageShape): Block[] {
  const blocks: Block[] = [headingPara(f.heading), para(f.intro)];
  if (f.rows.length === 0) return blocks;
  const w = page.textWidth;
  const columns = [
    { title: '#', width: 600 },
    { title: 'Severity', width: 1100 },
    { title: 'Finding', width: Math.round(w * 0.5) },
  ];
  columns.push({ title: 'Suggestion', width: w - columns.reduce((n, col) => n + col.width, 0) });
  const rows: RowSpec[] = f.rows.map((r) => ({
    cells: [
      r.ref,
      [new Paragraph({ spacing: { after: 0 }, children: [text(SEVERITY_WORD[r.severity], { size: TABLE_TEXT, bold: true })] })],
      [
        new Paragraph({ spacing: { after: 40 }, children: [text(r.title, { size: TABLE_TEXT, bold: true })] }),
        new Paragraph({ spacing: { after: 0 }, children: [text(r.explanation, { size: TABLE_TEXT })] }),
        new Paragraph({ spacing: { before: 40, after: 0 }, children: [text([r.kindLabel, r.maps && `Maps: ${r.maps}`].filter(Boolean).join(' · '), { size: TABLE_TEXT - 2, color: COLOURS.muted })] }),
        ...(r.cost ? [new Paragraph({ spacing: { before: 40, after: 0 }, children: [text(`Cost: ${r.cost}`, { size: TABLE_TEXT - 2, color: COLOURS.ink })] })] : []),
      ],
      r.suggestion,
    ],
    fills: [undefined, SEVERITY_FILL[r.severity]],
  }));
  return [...blocks, reportTable(columns, rows, { splitRows: true })];
}

const joined = (items: string[]): string => (items.length ? items.join(', ') : '–');
const boldCell = (value: string): Paragraph => new Paragraph({ spacing: { after: 0 }, children: [text(value, { size: TABLE_TEXT, bold: true })] });

export function glossary(g: GlossaryPart, page: PageShape): Block[] {
  const blocks: Block[] = [headingPara(g.heading), para(g.intro)];
  const w = page.textWidth;
  if (g.systems.length) {
    blocks.push(
      subHeading('Systems'),
      reportTable(
        [{ title: 'System', width: 2300 }, { title: 'Kind', width: 1500 }, { title: 'Owner', width: 1700 }, { title: 'Data stores in it', width: 2200 }, { title: 'Integrates with', width: w - 7700 }],
        g.systems.map((s) => ({ cells: [[boldCell(s.name)], s.kind || '–', s.owner || '–', joined(s.stores), joined(s.integrations)] })),
      ),
      gap(),
    );
  } else blocks.push(mutedPara('The maps in this report use no system of the catalogue.'));
  if (g.stores.length) {
    blocks.push(
      subHeading('Data stores'),
      reportTable(
        [{ title: 'Data store', width: 2200 }, { title: 'Kind', width: 1300 }, { title: 'Part of system', width: 1800 }, { title: 'Owner', width: 1600 }, { title: 'Customer fields', width: w - 6900 }],
        g.stores.map((d) => ({ cells: [[boldCell(d.name)], d.kind, d.system || '–', d.owner || '–', joined(d.fields)] })),
      ),
    );
  } else blocks.push(mutedPara('The maps in this report use no data store of the catalogue.'));
  return blocks;
}

export function commentsAppendix(c: CommentsPart, page: PageShape): Block[] {
  const said = (t: CommentsPart['threads'][number]): Paragraph[] =>
    t.comments.map((x) => new Paragraph({ spacing: { after: 60 }, children: [text(`${x.author}, ${x.date}: `, { size: TABLE_TEXT, bold: true }), text(x.text, { size: TABLE_TEXT })] }));
  return [
    headingPara(c.heading),
    para(c.intro),
    reportTable(
      [{ title: 'Map', width: 2000 }, { title: 'Step', width: 2000 }, { title: 'Status', width: 1100 }, { title: 'Comments', width: page.textWidth - 5100 }],
      c.threads.map((t) => ({ cells: [[boldCell(t.map)], t.step, t.resolved ? 'Resolved' : 'Open', said(t)] })),
      { splitRows: true },
    ),
  ];
}
