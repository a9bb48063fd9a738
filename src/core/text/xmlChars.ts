// Characters XML 1.0 forbids even when escaped: C0 controls other than tab, line feed and
// carriage return; U+FFFE and U+FFFF; and halves of surrogate pairs standing alone. One of them
// in a label (pasted from a PDF, say) would make Word, a BPMN tool or an SVG reader refuse the
// whole file, so every writer drops them.

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with the characters XML cannot hold dropped (markup is left to the caller). */
export const dropXmlIllegal = (value: string): string => value.replace(XML_ILLEGAL, '');
