// How wide a line of text is, without a browser: advance widths of DejaVu Sans (regular and
// bold) in thousandths of an em, read from the font files. DejaVu is the widest of the usual
// sans faces (Segoe UI, Arial and Liberation Sans are narrower), so text wrapped by these
// widths fits its shape in whichever of them the viewer has.

// Code points 32..126, then 160..255.
const REGULAR = [318,401,460,838,636,950,780,275,390,390,500,838,318,361,318,337,636,636,636,636,636,636,636,636,636,636,337,337,838,838,838,531,1000,684,686,698,770,632,575,775,752,295,295,656,557,863,748,787,603,787,695,635,611,732,684,989,685,611,685,390,337,390,838,500,500,613,635,550,635,615,352,635,634,278,278,579,278,974,634,612,635,635,411,521,392,634,592,818,592,592,525,636,337,636,838];
const REGULAR_LATIN1 = [318,401,636,636,636,636,337,500,500,1000,471,612,838,361,1000,500,500,838,401,401,500,636,636,318,500,401,471,612,969,969,969,531,684,684,684,684,684,684,974,698,632,632,632,632,295,295,295,295,775,748,787,787,787,787,787,838,787,732,732,732,732,611,605,630,613,613,613,613,613,613,982,550,615,615,615,615,278,278,278,278,612,634,612,612,612,612,612,838,612,634,634,634,634,592,635,592];
const BOLD = [348,456,521,838,696,1002,872,306,457,457,523,838,380,415,380,365,696,696,696,696,696,696,696,696,696,696,400,400,838,838,838,580,1000,774,762,734,830,683,683,821,837,372,372,775,637,995,837,850,733,850,770,720,682,812,774,1103,771,724,725,457,365,457,838,500,500,675,716,593,716,678,435,716,712,343,343,665,343,1042,712,687,716,716,493,595,478,712,652,924,645,652,582,712,365,712,838];
const BOLD_LATIN1 = [348,456,696,696,636,696,365,500,500,1000,564,646,838,415,1000,500,500,838,438,438,500,736,636,380,500,438,564,646,1035,1035,1035,580,774,774,774,774,774,774,1085,734,683,683,683,683,372,372,372,372,838,837,850,850,850,850,850,838,850,812,812,812,812,724,738,719,675,675,675,675,675,675,1048,593,678,678,678,678,343,343,343,343,687,712,687,687,687,687,687,838,687,712,712,712,712,652,716,652];

/** Punctuation from word processors: dashes, curly quotes, bullet, ellipsis, euro. */
const PUNCTUATION: Record<number, [number, number]> = {
  0x2013: [500, 500], 0x2014: [1000, 1000], 0x2018: [318, 380], 0x2019: [318, 380], 0x201c: [518, 657],
  0x201d: [518, 657], 0x2022: [590, 639], 0x2026: [1000, 1000], 0x20ac: [636, 696],
};

/** Letters outside the tables: an average Latin width, or a full em for wide scripts. */
const OTHER = 620;
const WIDE = 1000;

function charWidth(code: number, bold: boolean): number {
  if (code >= 32 && code < 127) return (bold ? BOLD : REGULAR)[code - 32]!;
  if (code >= 160 && code < 256) return (bold ? BOLD_LATIN1 : REGULAR_LATIN1)[code - 160]!;
  const p = PUNCTUATION[code];
  if (p) return p[bold ? 1 : 0];
  if (code >= 0x300 && code < 0x370) return 0; // combining marks sit on the letter before
  if (code >= 0x2e80) return WIDE;
  return bold ? OTHER + 60 : OTHER;
}

/** Width in pixels of one line of text at a font size. */
export function textWidth(text: string, size: number, bold = false): number {
  let units = 0;
  for (const ch of text) units += charWidth(ch.codePointAt(0)!, bold);
  return (units * size) / 1000;
}

export interface WrapOptions {
  size: number;
  bold?: boolean;
  /** Whether a word wider than the line is cut (overflow-wrap: anywhere) or left to stick out. */
  breakWords?: boolean;
}

/**
 * Breaks text into lines no wider than `width`, as the editor's labels wrap: at spaces, and
 * inside a word only when the word alone is too wide and `breakWords` is on. Runs of white
 * space, line breaks included, count as one space, as in HTML.
 */
export function wrapText(text: string, width: number, opts: WrapOptions): string[] {
  const { size, bold = false, breakWords = true } = opts;
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  const fits = (s: string) => textWidth(s, size, bold) <= width;
  for (const word of words) {
    const joined = line ? `${line} ${word}` : word;
    if (fits(joined)) {
      line = joined;
      continue;
    }
    if (line) lines.push(line);
    // A word wider than the line is cut where it reaches the edge.
    let rest = word;
    while (breakWords && !fits(rest)) {
      const cut = Math.max(1, fitCount(rest, width, size, bold));
      const chars = Array.from(rest);
      lines.push(chars.slice(0, cut).join(''));
      rest = chars.slice(cut).join('');
    }
    line = rest;
  }
  if (line) lines.push(line);
  // Every line is kept: nothing drawn is cut with "…" (issue 15), the box grows instead.
  return lines;
}

/** How many leading characters of `text` fit in `width`. */
function fitCount(text: string, width: number, size: number, bold: boolean): number {
  let used = 0;
  let count = 0;
  for (const ch of text) {
    used += (charWidth(ch.codePointAt(0)!, bold) * size) / 1000;
    if (used > width) break;
    count++;
  }
  return count;
}
