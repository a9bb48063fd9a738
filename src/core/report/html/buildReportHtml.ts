import type { Finding } from '../../analysis/types';
import type { Workspace } from '../../model/types';
import { renderMapSvg } from '../../picture/renderMapSvg';
import { xmlText as esc } from '../../picture/svgMarkup';
import { type DepartmentPart, type FindingsPart, type GlossaryPart, type Heading, type LandscapePart, type MapPart, reportContent, SEVERITY_WORD } from '../content';
import { KIND_TAG, type StepRow, useText } from '../mapSteps';
import type { ReportOptions } from '../options';
import { REPORT_CSS } from './reportCss';

// The report as one HTML file that needs nothing else: the stylesheet inline, each map as
// inline SVG drawn from the model, no scripts and no requests (its Content-Security-Policy
// forbids both, in case anything slipped through). Every piece of user text is escaped, and the
// markup is also well-formed XML (void elements closed), so XML tools can read it too.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";
const DASH = '<span class="empty">–</span>';

export function buildReportHtml(ws: Workspace, opts: ReportOptions = {}): string {
  const c = reportContent(ws, opts);
  // The badges on the pictures follow the findings table: none when it is left out.
  const badges = c.findings?.list ?? [];
  const body = [
    cover(c.title, c.subtitle, c.workspaceLine, c.date),
    contentsList(c.contents),
    `<section class="part" aria-labelledby="${c.summary.heading.anchor}">${h2(c.summary.heading)}` +
      c.summary.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('') +
      (c.summary.bullets.length ? `<ul class="bullets">${c.summary.bullets.map((b) => `<li>${esc(b)}</li>`).join('')}</ul>` : '') +
      '</section>',
    ...c.departments.map((d) => department(d, ws, badges)),
    c.findings ? findingsSection(c.findings) : '',
    landscapeSection(c.landscape),
    glossarySection(c.glossary),
    `<footer class="end">${esc(c.title)} · ${esc(c.subtitle)} · ${esc(c.date)} · Made with Lanemap</footer>`,
  ].join('\n');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}" />\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1" />\n<meta name="generator" content="Lanemap" />\n' +
    `<title>${esc(`${c.title}: ${c.subtitle}`)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n` +
    `<body>\n<div class="page">\n${body}\n</div>\n</body>\n</html>\n`
  );
}

const h2 = (h: Heading): string => `<h2 id="${h.anchor}"><span class="num">${h.number}</span>${esc(h.title)}</h2>`;

function cover(title: string, subtitle: string, workspace: string, date: string): string {
  return (
    '<header class="cover">' +
    '<p class="kicker">Process maps and findings</p>' +
    `<h1>${esc(title)}</h1><p class="subtitle">${esc(subtitle)}</p>` +
    (workspace ? `<p class="workspace">${esc(workspace)}</p>` : '') +
    `<p class="date">${esc(date)}</p></header>`
  );
}

function contentsList(headings: Heading[]): string {
  const link = (h: Heading) => `<a href="#${h.anchor}"><span class="num">${h.number}</span>${esc(h.title)}</a>`;
  let html = '';
  for (const [i, h] of headings.entries()) {
    if (h.level === 2) continue;
    const subs = [];
    for (let j = i + 1; j < headings.length && headings[j]!.level === 2; j++) subs.push(headings[j]!);
    html += `<li>${link(h)}${subs.length ? `<ol>${subs.map((s) => `<li>${link(s)}</li>`).join('')}</ol>` : ''}</li>`;
  }
  return `<nav class="contents" aria-labelledby="contents-title"><h2 id="contents-title">Contents</h2><ol>${html}</ol></nav>`;
}

function department(d: DepartmentPart, ws: Workspace, badges: Finding[]): string {
  return `<section class="part wide" aria-labelledby="${d.heading.anchor}">${h2(d.heading)}<p>${esc(d.intro)}</p>${d.maps.map((m) => mapArticle(m, ws, badges)).join('')}</section>`;
}

/** Inline SVG needs no namespace, and the report must hold no web address at all. */
const inlineSvg = (svg: string): string => svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg');

function mapArticle(m: MapPart, ws: Workspace, badges: Finding[]): string {
  const picture = renderMapSvg(m.map, ws, { findings: badges, padding: 8 });
  const refs = m.findings.length
    ? `<p class="refs">Findings on this map: ${m.findings.map((f) => `<a href="#${f.anchor}">${f.ref}</a>`).join(', ')}.</p>`
    : '';
  const steps = m.steps.length
    ? `<table class="steps"><caption>Steps of “${esc(m.heading.title)}”</caption><thead><tr><th scope="col">#</th><th scope="col">Step</th><th scope="col">Lane</th><th scope="col">Systems and stores used</th></tr></thead><tbody>${m.steps.map(stepRow).join('')}</tbody></table>`
    : '<p class="empty">This map has no steps yet.</p>';
  const notes = m.notes.length
    ? `<h4>Notes on the map</h4><ul class="bullets">${m.notes.map((n) => `<li>${esc(n.label)}${n.notes ? `<span class="note">${esc(n.notes)}</span>` : ''}</li>`).join('')}</ul>`
    : '';
  return (
    `<article class="map" aria-labelledby="${m.heading.anchor}"><h3 id="${m.heading.anchor}"><span class="num">${m.heading.number}</span>${esc(m.heading.title)}</h3>` +
    `<p class="facts">${esc(m.facts)}</p><figure class="map">${inlineSvg(picture.svg)}<figcaption>The map “${esc(m.heading.title)}” as drawn in the workshop.</figcaption></figure>` +
    `${refs}${steps}${notes}</article>`
  );
}

function stepRow(s: StepRow, i: number): string {
  const label = s.label ? esc(s.label) : '<span class="empty">Unlabelled</span>';
  const tags = (KIND_TAG[s.kind] ? `<span class="tag">${KIND_TAG[s.kind]}</span>` : '') + (s.manual ? '<span class="tag">Manual</span>' : '');
  const notes = s.notes ? `<span class="note">${esc(s.notes)}</span>` : '';
  const uses = s.uses.length ? `<ul>${s.uses.map((u) => `<li>${esc(useText(u))}</li>`).join('')}</ul>` : DASH;
  return `<tr><td class="n">${i + 1}</td><td>${label}${tags}${notes}</td><td>${esc(s.lane)}</td><td>${uses}</td></tr>`;
}

function findingsSection(f: FindingsPart): string {
  const rows = f.rows
    .map(
      (r) =>
        `<tr id="${r.anchor}"><td class="ref">${r.ref}</td><td>${esc(r.kind)}</td><td><span class="sev sev-${r.severity}">${SEVERITY_WORD[r.severity]}</span></td>` +
        `<td><span class="title">${esc(r.title)}</span>${esc(r.explanation)}${r.maps ? `<span class="maps">Maps: ${esc(r.maps)}</span>` : ''}</td><td>${esc(r.suggestion)}</td></tr>`,
    )
    .join('');
  const table = f.rows.length
    ? `<table class="findings"><thead><tr><th scope="col">#</th><th scope="col">Kind</th><th scope="col">Severity</th><th scope="col">Finding</th><th scope="col">Suggestion</th></tr></thead><tbody>${rows}</tbody></table>`
    : '';
  return `<section class="part wide" aria-labelledby="${f.heading.anchor}">${h2(f.heading)}<p>${esc(f.intro)}</p>${table}</section>`;
}

function landscapeSection(l: LandscapePart): string {
  const cols = l.departments.length + 2;
  const head = `<thead><tr><th scope="col">System or store</th>${l.departments.map((d) => `<th scope="col" class="dept">${esc(d)}</th>`).join('')}<th scope="col">Flags</th></tr></thead>`;
  const body = l.groups
    .map(
      (g) =>
        `<tr class="group"><th colspan="${cols}" scope="rowgroup">${esc(g.label)}</th></tr>` +
        g.rows
          .map(
            (r) =>
              `<tr><th scope="row">${esc(r.name)}<span class="kind">${esc(r.kind)}</span></th>` +
              r.marks.map((m) => (m ? `<td class="mark ${m}">${m}</td>` : '<td class="mark"></td>')).join('') +
              `<td>${r.flags.map((f) => `<span class="tag flag-${f === 'Silo' ? 'silo' : 'duplicate'}">${esc(f)}</span>`).join(' ')}</td></tr>`,
          )
          .join(''),
    )
    .join('');
  const table = l.groups.length
    ? `<table class="matrix"><caption>Departments by systems and data stores</caption>${head}<tbody>${body}</tbody></table>`
    : '<p class="empty">The catalogue has no systems or data stores yet.</p>';
  return `<section class="part wide" aria-labelledby="${l.heading.anchor}">${h2(l.heading)}<p>${esc(l.intro)}</p>${table}</section>`;
}

const cell = (items: string[]): string => (items.length ? esc(items.join(', ')) : DASH);

function glossarySection(g: GlossaryPart): string {
  const systems = g.systems.length
    ? '<table class="glossary"><caption>Systems</caption><thead><tr><th scope="col">System</th><th scope="col">Kind</th><th scope="col">Owner</th><th scope="col">Data stores in it</th><th scope="col">Integrates with</th></tr></thead><tbody>' +
      g.systems.map((s) => `<tr><th scope="row">${esc(s.name)}</th><td>${cell([s.kind].filter(Boolean))}</td><td>${cell([s.owner].filter(Boolean))}</td><td>${cell(s.stores)}</td><td>${cell(s.integrations)}</td></tr>`).join('') +
      '</tbody></table>'
    : '<p class="empty">No systems in the catalogue.</p>';
  const stores = g.stores.length
    ? '<table class="glossary"><caption>Data stores</caption><thead><tr><th scope="col">Data store</th><th scope="col">Kind</th><th scope="col">Part of system</th><th scope="col">Owner</th><th scope="col">Customer fields</th></tr></thead><tbody>' +
      g.stores.map((d) => `<tr><th scope="row">${esc(d.name)}</th><td>${esc(d.kind)}</td><td>${cell([d.system].filter(Boolean))}</td><td>${cell([d.owner].filter(Boolean))}</td><td>${cell(d.fields)}</td></tr>`).join('') +
      '</tbody></table>'
    : '<p class="empty">No data stores in the catalogue.</p>';
  return `<section class="part" aria-labelledby="${g.heading.anchor}">${h2(g.heading)}<p>${esc(g.intro)}</p>${systems}${stores}</section>`;
}
