// draw.io keeps a label with html=1 as a fragment of HTML ("Check<br><b>order</b>&nbsp;form").
// Lanemap labels are plain text: tags go, breaks and blocks become line breaks, entities are
// decoded. A one-pass scan is enough: labels are fragments, never whole pages.

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  bull: '•',
  middot: '·',
  euro: '€',
  pound: '£',
  copy: '©',
  reg: '®',
  deg: '°',
  times: '×',
  rarr: '→',
  larr: '←',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  auml: 'ä',
  ouml: 'ö',
  uuml: 'ü',
  szlig: 'ß',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return NAMED[code.toLowerCase()] ?? whole;
  });
}

const BREAKS = new Set(['br', 'div', 'p', 'li', 'ul', 'ol', 'tr', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'section']);
const HIDDEN = new Set(['script', 'style']);

/** Text between tags, a line break for each break or block tag. One pass, so no input makes it slow. */
function stripTags(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let i = 0;
  let gt = -1;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) break;
    if (gt < lt) gt = html.indexOf('>', lt);
    if (gt < 0) break;
    out += html.slice(i, lt);
    // A tag starts with a letter ("<b", "</div"); the "<" of "a < b" is text.
    const m = /^(\/?)([a-z][a-z0-9]*)/.exec(lower.slice(lt + 1, Math.min(gt, lt + 16)));
    if (!m) {
      out += '<';
      i = lt + 1;
      continue;
    }
    const [, closing, name] = m;
    if (BREAKS.has(name!)) out += '\n';
    i = gt + 1;
    if (HIDDEN.has(name!) && !closing) {
      const end = lower.indexOf(`</${name}`, i);
      i = end < 0 ? html.length : lower.indexOf('>', end) + 1 || html.length;
    }
  }
  return out + html.slice(i);
}

/** The text a reader sees in an HTML label, one line per line break or block. */
export function htmlToText(html: string): string {
  // Whitespace in HTML source is spacing, never a break.
  return decodeEntities(stripTags(html.replace(/\s+/g, ' ')))
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
