import { dropXmlIllegal } from './xmlChars';

// Bidirectional controls: embeddings and overrides (U+202A–U+202E), isolates (U+2066–U+2069),
// the left-to-right and right-to-left marks (U+200E, U+200F) and the Arabic letter mark
// (U+061C). Invisible, they reorder the text around them: "Invoice‮fdp.exe" shows as
// "Invoiceexe.pdf", and one left open in a label runs on into the next words of a picture or
// a report. Labels never need them (letters carry their own direction), so writers drop them:
// the words stay, in the order they were typed.

const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export const dropBidiControls = (value: string): string => value.replace(BIDI_CONTROLS, '');

/** A user's text as every writer (picture, report, BPMN) puts it in a file: what XML cannot hold and bidi controls dropped. */
export const writableText = (value: string): string => dropBidiControls(dropXmlIllegal(value));
