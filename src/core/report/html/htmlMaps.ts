import { xmlText as esc } from '../../picture/svgMarkup';
import { type DepartmentPart, type FindingRow, type Heading, type MapPart, SEVERITY_WORD } from '../content';
import { KIND_TAG, type StepRow, usesFor } from '../mapSteps';
import { pictureCaption, type ReportPicture } from '../pictures/mapPictures';

// A department's part of the HTML report: its opening (what it does, its maps, the findings
// that concern it), then each map with its picture at printed size and its steps.

export const DASH = '<span class="empty">–</span>';
export const h2 = (h: Heading): string => `<h2 id="${h.anchor}"><span class="num">${h.number}</span>${esc(h.title)}</h2>`;
export const h3 = (h: Heading): string => `<h3 id="${h.anchor}"><span class="num">${h.number}</span>${esc(h.title)}</h3>`;

/** A table whose header row repeats on every printed page. */
export const table = (cls: string, head: string[], rows: string[], caption = ''): string =>
  `<table class="${cls}">${caption ? `<caption>${esc(caption)}</caption>` : ''}<thead><tr>${head.map((h) => `<th scope="col">${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;

export const ref = (r: { ref: string; anchor: string }): string => `<a href="#${r.anchor}">${r.ref}</a>`;

export function department(d: DepartmentPart): string {
  const maps = `<h4>Maps</h4><ul class="bullets">${d.maps.map((m) => `<li><a href="#${m.heading.anchor}">${esc(m.heading.title)}</a>: ${esc(m.facts)}</li>`).join('')}</ul>`;
  const findings = d.findings?.length ? `<h4>Findings that concern ${esc(d.departmentId === null ? 'these maps' : d.heading.title)}</h4>${findingsBrief(d.findings)}` : '';
  return (
    `<section class="part" aria-labelledby="${d.heading.anchor}">${h2(d.heading)}<p>${esc(d.intro)}</p>${maps}${findings}</section>` +
    d.maps.map(mapArticle).join('')
  );
}

function findingsBrief(rows: FindingRow[]): string {
  return table(
    'brief',
    ['#', 'Severity', 'Finding', 'Cost a year'],
    rows.map((r) => `<tr><td class="ref">${ref(r)}</td><td><span class="sev sev-${r.severity}">${SEVERITY_WORD[r.severity]}</span></td><td>${esc(r.title)}</td><td>${r.cost ? esc(r.cost.replace(/ \(.*\)$/, '')) : DASH}</td></tr>`),
  );
}

/** Inline SVG needs no namespace, and the report must hold no web address at all. */
const inlineSvg = (svg: string): string => svg.replace(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, '<svg');

/** The picture at its printed size (CSS pixels are 1/96 inch, on paper too). */
function figure(p: ReportPicture, last: boolean): string {
  const size = `width:${Math.ceil(p.shownWidth)}px;height:${Math.ceil(p.shownHeight)}px`;
  const svg = inlineSvg(p.svg).replace(/^<svg /, `<svg style="${size}" `);
  const caption = pictureCaption(p, last);
  // The part's line comes first, as in the Word report, so it stays on the picture's page.
  return `<figure class="map${p.part > 1 ? ' next-part' : ''}">${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}${svg}</figure>`;
}

function mapArticle(m: MapPart): string {
  const pics = m.pictures.pictures;
  const refs = m.findings.length ? `<p class="refs">Findings on this map (the numbers on its badges): ${m.findings.map(ref).join(', ')}.</p>` : '';
  const steps = m.steps.length
    ? `<h4>Steps</h4>${table('steps', ['#', 'Lane', 'Step', 'Reads', 'Writes'], m.steps.map(stepRow), `Steps of “${m.heading.title}”`)}`
    : '<p class="empty">This map has no steps yet.</p>';
  const notes = m.notes.length
    ? `<h4>Notes on the map</h4><ul class="bullets">${m.notes.map((n) => `<li>${esc(n.label)}${n.notes ? `<span class="note">${esc(n.notes)}</span>` : ''}</li>`).join('')}</ul>`
    : '';
  return (
    `<article class="map ${m.pictures.orientation}" aria-labelledby="${m.heading.anchor}">${h3(m.heading)}<p class="facts">${esc(m.facts)}</p>${refs}` +
    pics.map((p, i) => figure(p, i === pics.length - 1)).join('') +
    `${steps}${notes}</article>`
  );
}

function stepRow(s: StepRow, i: number): string {
  const label = s.label ? esc(s.label) : '<span class="empty">Unlabelled</span>';
  const tags = (KIND_TAG[s.kind] ? `<span class="tag">${KIND_TAG[s.kind]}</span>` : '') + (s.manual ? '<span class="tag">Manual</span>' : '');
  const notes = s.notes ? `<span class="note">${esc(s.notes)}</span>` : '';
  const list = (access: 'read' | 'write') => {
    const names = usesFor(s, access).map((u) => `<li>${esc(u.name)}${u.catalogued ? '' : ' <span class="note-inline">(not in the catalogue)</span>'}</li>`);
    return names.length ? `<ul>${names.join('')}</ul>` : DASH;
  };
  return `<tr><td class="n">${i + 1}</td><td>${esc(s.lane)}</td><td>${label}${tags}${notes}</td><td>${list('read')}</td><td>${list('write')}</td></tr>`;
}
