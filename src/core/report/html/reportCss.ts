import { type Paper, pageShape, PAPER_NAME, twipsToMm } from '../paper';

// The HTML report's one stylesheet, inlined: a calm screen layout and a print layout with the
// Word report's pages: A4 or Letter, each part starting a page, maps that need it on landscape
// pages with narrow margins, the workspace's name at the top and "Page n of m" at the foot.

/** Text as a CSS string: quotes and backslashes escaped, and no "<" that could end the style element. */
const cssString = (s: string): string => `"${[...s].map((ch) => (ch.charCodeAt(0) < 32 || ch.charCodeAt(0) === 127 ? ' ' : ch)).join('').replace(/[\\"]/g, '\\$&').replace(/</g, '\\3c ').replace(/&/g, '\\26 ')}"`;

function pageRules(paper: Paper, header: string): string {
  const p = pageShape(paper, 'portrait');
  const l = pageShape(paper, 'landscape');
  const size = PAPER_NAME[paper] === 'A4' ? 'A4' : 'letter';
  const m = (s: typeof p) => `${twipsToMm(s.margins.top)}mm ${twipsToMm(s.margins.right)}mm ${twipsToMm(s.margins.bottom)}mm ${twipsToMm(s.margins.left)}mm`;
  const boxes = `@top-right { content: ${cssString(header)}; font-size: 8.5pt; color: #5a6878; } @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8.5pt; color: #5a6878; }`;
  return (
    `@page { size: ${size} portrait; margin: ${m(p)}; ${boxes} }\n` +
    `@page :first { @top-right { content: none; } @bottom-center { content: none; } }\n` +
    `@page wide { size: ${size} landscape; margin: ${m(l)}; ${boxes} }\n`
  );
}

export const reportCss = (paper: Paper, header: string): string => REPORT_CSS + pageRules(paper, header);

const REPORT_CSS = `
:root {
  --ink: #1d2733; --muted: #5a6878; --accent: #1f3a5f; --rule: #d5dce4; --band: #f3f6f9;
  --high: #a61b1b; --high-bg: #fde8e6; --medium: #7a4b00; --medium-bg: #fdf0d5; --low: #3d4a5c; --low-bg: #e9edf2;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: #e9edf2;
  font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Liberation Sans', sans-serif;
}
.page { max-width: 1180px; margin: 24px auto; background: #fff; padding: 48px 56px; box-shadow: 0 1px 4px rgba(20, 30, 45, .12); }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.25; margin: 0; }
h2 { font-size: 1.6em; margin: 0 0 .6em; padding-bottom: .3em; border-bottom: 2px solid var(--accent); }
h3 { font-size: 1.2em; margin: 2em 0 .3em; }
h4 { font-size: 1em; margin: 1.4em 0 .4em; color: var(--ink); }
.num { color: var(--muted); font-weight: 600; margin-right: .5em; }
p { margin: 0 0 .8em; max-width: 80ch; }
a { color: var(--accent); }
section.part { margin-top: 56px; }

.cover { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; border-left: 8px solid var(--accent); padding: 24px 0 24px 40px; }
.cover .kicker { text-transform: uppercase; letter-spacing: .12em; font-size: .8em; color: var(--muted); margin: 0 0 1em; }
.cover h1 { font-size: 2.6em; }
.cover .subtitle { font-size: 1.35em; color: var(--ink); margin: .6em 0 0; }
.cover .workspace { font-size: 1.05em; color: var(--muted); margin: .4em 0 0; }
.cover dl.facts { margin: 3em 0 0; display: grid; gap: .35em; }
.cover dl.facts div { display: flex; gap: 1em; }
.cover dl.facts dt { color: var(--muted); width: 7.5em; }
.cover dl.facts dd { margin: 0; }

nav.contents { margin-top: 48px; }
nav.contents ol { list-style: none; padding: 0; margin: 0; max-width: 70ch; }
nav.contents li { margin: .25em 0; }
nav.contents ol ol { padding-left: 2.2em; font-size: .95em; }
nav.contents a { text-decoration: none; color: var(--ink); }
nav.contents a:hover, nav.contents a:focus { text-decoration: underline; color: var(--accent); }

ul.bullets { margin: 0 0 1em; padding-left: 1.4em; }
.facts { color: var(--muted); font-size: .9em; margin: 0 0 .8em; }
.empty { color: var(--muted); font-style: italic; }
.refs { font-size: .9em; }

figure.map { margin: 0 0 1em; border: 1px solid var(--rule); border-radius: 4px; padding: 8px; overflow-x: auto; background: #fff; text-align: center; }
figure.map svg { display: block; margin: 0 auto; }
figure.map figcaption { font-size: .85em; color: var(--muted); margin-top: 6px; }

table { border-collapse: collapse; width: 100%; font-size: .88em; margin: 0 0 1.2em; }
caption { text-align: left; font-weight: 600; color: var(--ink); padding: 0 0 .4em; }
th, td { border: 1px solid var(--rule); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--accent); color: #fff; font-weight: 600; border-color: var(--accent); }
tbody tr:nth-child(even) td { background: var(--band); }
td.n { width: 2.5em; color: var(--muted); text-align: right; }
td ul { margin: 0; padding-left: 1.1em; }
.tag { display: inline-block; font-size: .75em; font-weight: 600; padding: 0 .45em; border-radius: 3px; background: var(--low-bg); color: var(--low); margin-left: .35em; white-space: nowrap; }
.note { display: block; color: var(--muted); font-size: .85em; margin-top: 2px; }
.sev { display: inline-block; font-weight: 700; font-size: .8em; padding: 1px .5em; border-radius: 3px; }
.sev-high { color: var(--high); background: var(--high-bg); }
.sev-medium { color: var(--medium); background: var(--medium-bg); }
.sev-low { color: var(--low); background: var(--low-bg); }
table.findings td.ref { font-weight: 700; white-space: nowrap; }
table.findings th:nth-child(2) { width: 9%; }
table.findings th:nth-child(4) { width: 30%; }
table.findings .cost { display: block; font-size: .85em; margin-top: 4px; }
td.ref { font-weight: 700; white-space: nowrap; }
.recommendation { font-size: 1.05em; }
table.findings .title { font-weight: 600; display: block; margin-bottom: 2px; }
table.findings .maps { display: block; color: var(--muted); font-size: .85em; margin-top: 4px; }

table.matrix td.mark { text-align: center; font-weight: 700; width: 1%; white-space: nowrap; }
table.matrix td.mark.C { background: #dcebfa; color: #174a7c; }
table.matrix td.mark.R { background: #e3f3e6; color: #1d5b2a; }
table.matrix td.mark.CR { background: #d6e8ef; color: #123f55; }
table.matrix th.dept { text-align: center; font-size: .8em; }
table.matrix tr.group th { background: #e3e9f0; color: var(--ink); text-align: left; border-color: var(--rule); }
table.matrix .kind { display: block; color: var(--muted); font-size: .8em; font-weight: 400; }
.flag-silo { background: var(--high-bg); color: var(--high); }
.flag-duplicate { background: var(--medium-bg); color: var(--medium); }

footer.end { margin-top: 48px; color: var(--muted); font-size: .8em; border-top: 1px solid var(--rule); padding-top: 8px; }

@media screen {
  figure.map svg { max-width: 100%; height: auto !important; }
}
@media print {
  body { background: #fff; font-size: 10pt; }
  .page { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  .cover { min-height: 0; height: 230mm; break-after: page; border-left-width: 6px; }
  nav.contents { margin-top: 0; }
  section.part { margin-top: 0; break-before: page; }
  article.map { break-before: page; }
  article.map.landscape { page: wide; }
  article.map h3 { margin-top: 0; }
  article.map .facts { margin-bottom: 4px; }
  figure.map figcaption { margin: 0 0 4px; }
  figure.map.next-part { break-before: page; }
  h2, h3, h4 { break-after: avoid; break-inside: avoid; }
  figure.map { break-inside: avoid; overflow: visible; border: none; padding: 0; margin: 0 0 6px; }
  figure.map svg { max-width: none; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  table.findings tr { break-inside: auto; }
  a { color: inherit; text-decoration: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
