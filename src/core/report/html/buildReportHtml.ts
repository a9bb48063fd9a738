import type { Workspace } from '../../model/types';
import { xmlText as esc } from '../../picture/svgMarkup';
import { type Cover, type Heading, reportContent } from '../content';
import type { ReportOptions } from '../options';
import { department } from './htmlMaps';
import { across, commentsAppendix, findingsRegister, glossary, recommendations, summary } from './htmlSections';
import { reportCss } from './reportCss';

// The report as one HTML file that needs nothing else: the stylesheet inline, each map as
// inline SVG drawn from the model at its printed size, no scripts and no requests (its
// Content-Security-Policy forbids both, in case anything slipped through). Every piece of user
// text is escaped, and the markup is also well-formed XML (void elements closed), so XML tools
// can read it too. Printed from a browser, it breaks pages where the Word report does.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function buildReportHtml(ws: Workspace, opts: ReportOptions = {}): string {
  const c = reportContent(ws, opts);
  const body = [
    cover(c.cover),
    contentsList(c.contents),
    c.summary ? summary(c.summary) : '',
    ...c.departments.map(department),
    c.across ? across(c.across) : '',
    c.recommendations ? recommendations(c.recommendations) : '',
    c.findings ? findingsRegister(c.findings) : '',
    c.glossary ? glossary(c.glossary) : '',
    c.comments ? commentsAppendix(c.comments) : '',
    `<footer class="end">${esc(c.cover.title)} · ${esc(c.cover.subtitle)} · ${esc(c.cover.date)} · Made with Lanemap</footer>`,
  ].join('\n');
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8" />\n' +
    `<meta http-equiv="Content-Security-Policy" content="${CSP}" />\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1" />\n<meta name="generator" content="Lanemap" />\n' +
    `<title>${esc(`${c.cover.title}: ${c.cover.subtitle}`)}</title>\n<style>${reportCss(c.paper, c.runningHeader)}</style>\n</head>\n` +
    `<body>\n<div class="page">\n${body}\n</div>\n</body>\n</html>\n`
  );
}

function cover(c: Cover): string {
  const line = (label: string, value: string | undefined) => (value ? `<div><dt>${label}</dt><dd>${esc(value)}</dd></div>` : '');
  return (
    '<header class="cover">' +
    '<p class="kicker">Process maps and findings</p>' +
    `<h1>${esc(c.title)}</h1><p class="subtitle">${esc(c.subtitle)}</p>` +
    `<dl class="facts">${line('Organisation', c.organisation)}${line('Prepared by', c.preparedBy)}${line('Date', c.date)}${line('Status', c.status)}</dl></header>`
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
