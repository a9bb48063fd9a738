import { editDistance, normaliseName } from '../catalogue/fuzzy';

// How alike two step labels are in what they say the step does. Workshops in different
// departments write the same activity in their own words ("Log enquiry in spreadsheet",
// "Record enquiry in Excel"), so words are reduced to a rough stem and then to a concept
// (log, record, enter and key are one verb; Excel and spreadsheet one medium). A label is
// read as an optional action verb plus the things it acts on; the things weigh more than
// the verb, and the medium (e-mail, letter, by hand) less than the thing itself, since the
// point of the comparison is to find one activity done two ways.

/** Words that say nothing about the activity. */
const STOP = new Set(('a an the to in into on onto from for of with by and or via at as is are be it its their our '
  + 'any all each every new this that then if when up out off about you your we they them me my').split(' '));

/** Concepts: every word of a group stands for its first word. Verbs first, since the first verb of a label is its action. */
const VERB_GROUPS: string[][] = [
  ['record', 'log', 'enter', 'add', 'input', 'key', 'rekey', 'type', 'capture', 'register', 'note'],
  ['send', 'post', 'dispatch', 'forward', 'pass', 'email', 'mail', 'issue', 'hand'],
  ['check', 'verify', 'review', 'assess', 'validate', 'vet', 'screen'],
  ['approve', 'signoff', 'authorise', 'authorize', 'endorse'],
  ['create', 'set', 'setup', 'make', 'generate', 'build', 'draft', 'write', 'prepare'],
  ['update', 'change', 'amend', 'edit', 'correct', 'modify', 'fix'],
  ['reply', 'respond', 'answer', 'acknowledge'],
  ['export', 'download', 'extract', 'pull'],
  ['import', 'upload', 'load', 'sync'],
  ['receive', 'get', 'obtain', 'collect', 'gather'],
  ['read', 'view', 'look', 'consult', 'search', 'find'],
  ['ask', 'request', 'enquire', 'inquire', 'query'],
  ['chase', 'remind', 'follow'],
  ['decide', 'choose', 'select', 'pick'],
  ['sign', 'signup', 'subscribe', 'join', 'book'],
  ['pay', 'bank', 'charge', 'invoice'],
  ['give', 'donate'],
  ['thank'],
  ['confirm', 'notify', 'inform', 'tell'],
  ['file', 'store', 'save', 'archive', 'keep'],
  ['delete', 'remove', 'unsubscribe', 'cancel', 'close'],
];
const NOUN_GROUPS: string[][] = [
  ['person', 'applicant', 'student', 'donor', 'alumnus', 'alumni', 'graduate', 'prospect', 'enquirer', 'customer',
    'supporter', 'constituent', 'client', 'member', 'attendee', 'guest', 'contact', 'learner', 'payer'],
  ['enquiry', 'inquiry', 'question'],
  ['invitation', 'invite'],
  ['spreadsheet', 'excel', 'sheet', 'xlsx', 'csv', 'workbook'],
  ['email', 'mail', 'outlook', 'inbox', 'mailbox'],
  ['phone', 'telephone', 'call'],
  ['letter', 'postal'],
  ['gift', 'donation'],
  ['detail', 'data', 'information', 'info'],
  ['address'],
  ['form', 'pdf'],
  ['hand', 'manually', 'paper', 'printed', 'print'],
];
/** Concepts that say how, not what: they count for less. */
const MEDIA = new Set(['spreadsheet', 'email', 'phone', 'letter', 'form', 'hand', 'portal', 'system', 'database', 'website', 'web', 'online']);
const VERB_WEIGHT = 0.45;
const MEDIUM_WEIGHT = 0.5;

/** A rough English stem: plurals, -ed and -ing, a final e ("updates", "updated", "updating" -> "updat"). */
export function stem(word: string): string {
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const suffix = w.endsWith('ing') ? 3 : w.endsWith('ed') ? 2 : 0;
  if (suffix && w.length - suffix >= 3) {
    w = w.slice(0, -suffix);
    if (/([b-df-hj-np-tv-z])\1$/.test(w) && !/(ll|ss)$/.test(w)) w = w.slice(0, -1);
    else if (w.endsWith('i')) w = `${w.slice(0, -1)}y`;
  }
  if (w.endsWith('e') && w.length > 3) w = w.slice(0, -1);
  return w;
}

function conceptIndex(groups: string[][]): Map<string, string> {
  const out = new Map<string, string>();
  for (const g of groups) for (const word of g) if (!out.has(stem(word))) out.set(stem(word), stem(g[0]!));
  return out;
}
const VERBS = conceptIndex(VERB_GROUPS);
const VERB_WORDS = new Map(VERB_GROUPS.map((g) => [stem(g[0]!), g[0]!]));
/** A verb concept as a word a person reads ("updat" -> "update"). */
export const verbWord = (concept: string): string => VERB_WORDS.get(concept) ?? concept;
const NOUNS = conceptIndex(NOUN_GROUPS);
const MEDIA_STEMS = new Set([...MEDIA].map(stem));

export interface LabelTerms {
  /** The action's concept, when the label has a known verb. */
  verb: string | null;
  /** The things acted on, as concepts, each once. */
  objects: string[];
}

/** Words as the fuzzy search normalises them, with "e-mail" and "re-key" put back together. */
function words(label: string): string[] {
  const out: string[] = [];
  for (const w of normaliseName(label).split(' ')) {
    if (!w) continue;
    const prev = out[out.length - 1];
    if ((prev === 'e' && w.startsWith('mail')) || prev === 're' || (prev === 'set' && w === 'up') || (prev === 'sign' && w === 'off')) out[out.length - 1] = prev + w;
    else out.push(w);
  }
  return out;
}

export function labelTerms(label: string): LabelTerms {
  let verb: string | null = null;
  const objects: string[] = [];
  for (const w of words(label)) {
    if (STOP.has(w)) continue;
    const s = stem(w);
    if (verb === null && objects.length === 0 && VERBS.has(s)) {
      verb = VERBS.get(s)!;
      continue;
    }
    // A verb after the thing ("Enquiry logged") is still the action; a second verb is a thing ("Send offer letter").
    if (verb === null && objects.length > 0 && VERBS.has(s) && !NOUNS.has(s)) {
      verb = VERBS.get(s)!;
      continue;
    }
    const concept = NOUNS.get(s) ?? VERBS.get(s) ?? s;
    if (!objects.includes(concept)) objects.push(concept);
  }
  return { verb, objects };
}

const weight = (concept: string): number => (MEDIA_STEMS.has(concept) ? MEDIUM_WEIGHT : 1);

/** Same concept, or the same word with a typo ("adress"); short words must be exact. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  return Math.min(a.length, b.length) >= 5 && Math.abs(a.length - b.length) <= 1 && editDistance(a, b, 1) <= 1;
}

/** Weighted Dice overlap of the things acted on: 1 when they are the same, 0 when none is shared. */
function objectSimilarity(a: readonly string[], b: readonly string[]): number {
  const total = a.reduce((s, x) => s + weight(x), 0) + b.reduce((s, x) => s + weight(x), 0);
  if (total === 0) return 0;
  let shared = 0;
  const used = new Set<number>();
  for (const x of a) {
    const j = b.findIndex((y, k) => !used.has(k) && sameWord(x, y));
    if (j < 0) continue;
    used.add(j);
    shared += weight(x) + weight(b[j]!);
  }
  return shared / total;
}

/** 0..1: how alike two labels are in what they describe. Empty labels are like nothing. */
export function labelSimilarity(a: string, b: string): number {
  return termSimilarity(labelTerms(a), labelTerms(b));
}

export function termSimilarity(a: LabelTerms, b: LabelTerms): number {
  if (a.objects.length === 0 && b.objects.length === 0) return a.verb !== null && a.verb === b.verb ? 0.5 : 0;
  const objects = objectSimilarity(a.objects, b.objects);
  // Neither names an action ("Complete application?"): the things are all there is.
  if (a.verb === null && b.verb === null) return objects;
  const verbs = a.verb === null || b.verb === null ? 0.5 : a.verb === b.verb ? 1 : 0;
  return VERB_WEIGHT * verbs + (1 - VERB_WEIGHT) * objects;
}
