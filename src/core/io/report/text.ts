// Small text helpers the report's writers share: dates in words, names in glossary order, and text
// made safe for XML (Word's document.xml cannot hold control characters, even escaped).

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-22" (or a full ISO time) as "22 November 2026"; anything else is shown as given. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * Characters XML 1.0 forbids even when escaped (C0 controls but tab and line breaks, U+FFFE,
 * U+FFFF, lone surrogates): one in a label would make Word refuse the whole file.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** A user's text with the characters XML cannot hold dropped; docx escapes the markup itself. */
export const plainText = (value: string): string => value.replace(XML_ILLEGAL, '');

/** Names compared as a reader expects in a glossary, the same on every machine. */
export const byName = (a: { name: string }, b: { name: string }): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
