import { xmlText as esc } from '../../picture/svgMarkup';
import { type AcrossPart, type CommentsPart, type FindingsPart, type GlossaryPart, type LandscapePart, type RecommendationsPart, SEVERITY_WORD, type SummaryPart } from '../content';
import { DASH, h2, h3, ref, table } from './htmlMaps';

// The text parts of the HTML report: summary, across departments, recommendations, the
// register of all findings, the glossary.

const section = (anchor: string, body: string, wide = false): string => `<section class="part${wide ? ' wide' : ''}" aria-labelledby="${anchor}">${body}</section>`;

export function summary(s: SummaryPart): string {
  let body = h2(s.heading) + s.paragraphs.map((p) => `<p>${esc(p)}</p>`).join('');
  if (s.kinds?.length) body += table('kinds', ['Kind of finding', 'Found'], s.kinds.map((k) => `<tr><td>${esc(k.label)}</td><td class="n">${k.count}</td></tr>`));
  if (s.costly) {
    body += '<h4>The findings that cost most</h4>';
    if (s.costly.rows.length) {
      body += table('costly', ['#', 'Finding', 'Staff time', 'How it is counted'], s.costly.rows.map((r) => `<tr><td class="ref">${ref(r)}</td><td>${esc(r.title)}</td><td>${esc(r.hours)}</td><td>${r.basis ? esc(r.basis) : DASH}</td></tr>`));
    }
    if (s.costly.note) body += `<p${s.costly.rows.length ? '' : ' class="empty"'}>${esc(s.costly.note)}</p>`;
  }
  return section(s.heading.anchor, body);
}

export function across(a: AcrossPart): string {
  let body = h2(a.heading) + `<p>${esc(a.intro)}</p>`;
  if (a.duplicates) {
    body += h3(a.duplicates.heading) + `<p>${esc(a.duplicates.intro)}</p>`;
    for (const g of a.duplicates.groups) {
      body += `<h4 id="dup_${g.anchor}">${ref(g)}  ${esc(g.title)}</h4><p>${esc(g.explanation)}</p>`;
      body += table('group', g.table.columns, g.table.rows.map((r) => `<tr>${r.map((c) => `<td>${c ? esc(c) : DASH}</td>`).join('')}</tr>`));
    }
  }
  if (a.silos) {
    body += h3(a.silos.heading) + `<p>${esc(a.silos.intro)}</p>`;
    body += table('silos', ['#', 'System or store', 'Owner', 'Why it matters'], a.silos.rows.map((r) => `<tr><td class="ref">${ref(r)}</td><td>${esc(r.name)}</td><td>${esc(r.owner)}</td><td>${esc(r.why)}</td></tr>`));
  }
  if (a.rekeying) {
    body += h3(a.rekeying.heading) + `<p>${esc(a.rekeying.intro)}</p>`;
    body += table('rekeying', ['#', 'Step', 'Map', 'Copied'], a.rekeying.rows.map((r) => `<tr><td class="ref">${ref(r)}</td><td>${esc(r.step)}</td><td>${esc(r.map)}</td><td>${r.copies.length ? `<ul>${r.copies.map((c) => `<li>${esc(c)}</li>`).join('')}</ul>` : DASH}</td></tr>`));
  }
  return section(a.heading.anchor, body + landscape(a.landscape));
}

function landscape(l: LandscapePart): string {
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
  const matrix = l.groups.length
    ? `<table class="matrix"><caption>Departments by systems and data stores</caption>${head}<tbody>${body}</tbody></table>`
    : '<p class="empty">The maps in this report use no systems or data stores of the catalogue yet.</p>';
  return h3(l.heading) + `<p>${esc(l.intro)}</p>${matrix}`;
}

export function recommendations(r: RecommendationsPart): string {
  const items = r.items.map((i) => `<h4>${esc(i.label)}</h4><p class="recommendation">${esc(i.text)}</p><p class="refs">Answers ${i.refs.map(ref).join(', ')}.</p>`).join('');
  return section(r.heading.anchor, h2(r.heading) + `<p>${esc(r.intro)}</p>${items}`);
}

export function findingsRegister(f: FindingsPart): string {
  const rows = f.rows.map(
    (r) =>
      `<tr id="${r.anchor}"><td class="ref">${r.ref}</td><td><span class="sev sev-${r.severity}">${SEVERITY_WORD[r.severity]}</span></td>` +
      `<td><span class="title">${esc(r.title)}</span>${esc(r.explanation)}<span class="maps">${esc([r.kindLabel, r.maps && `Maps: ${r.maps}`].filter(Boolean).join(' · '))}</span>` +
      `${r.cost ? `<span class="cost">Cost: ${esc(r.cost)}</span>` : ''}</td><td>${esc(r.suggestion)}</td></tr>`,
  );
  return section(f.heading.anchor, h2(f.heading) + `<p>${esc(f.intro)}</p>` + (rows.length ? table('findings', ['#', 'Severity', 'Finding', 'Suggestion'], rows) : ''));
}

const cell = (items: string[]): string => (items.length ? esc(items.join(', ')) : DASH);

export function glossary(g: GlossaryPart): string {
  const systems = g.systems.length
    ? table('glossary', ['System', 'Kind', 'Owner', 'Data stores in it', 'Integrates with'], g.systems.map((s) => `<tr><th scope="row">${esc(s.name)}</th><td>${cell([s.kind].filter(Boolean))}</td><td>${cell([s.owner].filter(Boolean))}</td><td>${cell(s.stores)}</td><td>${cell(s.integrations)}</td></tr>`), 'Systems')
    : '<p class="empty">The maps in this report use no system of the catalogue.</p>';
  const stores = g.stores.length
    ? table('glossary', ['Data store', 'Kind', 'Part of system', 'Owner', 'Customer fields'], g.stores.map((d) => `<tr><th scope="row">${esc(d.name)}</th><td>${esc(d.kind)}</td><td>${cell([d.system].filter(Boolean))}</td><td>${cell([d.owner].filter(Boolean))}</td><td>${cell(d.fields)}</td></tr>`), 'Data stores')
    : '<p class="empty">The maps in this report use no data store of the catalogue.</p>';
  return section(g.heading.anchor, h2(g.heading) + `<p>${esc(g.intro)}</p>${systems}${stores}`);
}

export function commentsAppendix(c: CommentsPart): string {
  const rows = c.threads.map(
    (t) =>
      `<tr><th scope="row">${esc(t.map)}</th><td>${esc(t.step)}</td><td>${t.resolved ? 'Resolved' : 'Open'}</td>` +
      `<td>${t.comments.map((x) => `<p class="comment"><strong>${esc(x.author)}</strong>, ${esc(x.date)}: ${esc(x.text)}</p>`).join('')}</td></tr>`,
  );
  return section(c.heading.anchor, h2(c.heading) + `<p>${esc(c.intro)}</p>` + table('comments', ['Map', 'Step', 'Status', 'Comments'], rows));
}
