import { seededRandom } from '../../../src/core/layout/generate';
import type { Id, ProcessMap } from '../../../src/core/model/types';
import { derive, type Derived, type Edit } from './derive';

// A paraphrasing generator: another department's version of any map, from a seed. Labels are
// rewritten with its own table of phrasings (written apart from the matcher's word lists, and
// wider: "look over", "draw up", "let ... know"), words inflected or moved ("Send offer" ->
// "Offer sent"), filler added; some steps are left out, steps of its own inserted, lanes renamed.
// The truth is the provenance: every kept control node pairs with its paraphrase.

/** Leading verb -> ways another team says it. */
const VERB_PHRASES: Record<string, string[]> = {
  log: ['record', 'enter', 'note down', 'write up'],
  record: ['log', 'enter', 'capture'],
  enter: ['key in', 'type in', 'record'],
  add: ['enter', 'put', 'include'],
  send: ['email', 'post', 'forward', 'dispatch'],
  forward: ['pass on', 'send on', 'send'],
  pass: ['hand over', 'send'],
  check: ['verify', 'review', 'look over', 'go through'],
  review: ['check', 'look over', 'assess'],
  assess: ['review', 'evaluate', 'score'],
  validate: ['check', 'verify'],
  approve: ['sign off', 'authorise', 'OK'],
  create: ['set up', 'open', 'make'],
  prepare: ['draw up', 'get ready', 'put together'],
  write: ['draft', 'compose'],
  update: ['amend', 'change', 'correct'],
  reply: ['respond', 'answer', 'get back'],
  export: ['download', 'extract', 'pull'],
  import: ['upload', 'load'],
  receive: ['get', 'take in'],
  read: ['go through', 'look at', 'open'],
  chase: ['follow up', 'remind'],
  inform: ['tell', 'let know', 'notify'],
  perform: ['do', 'carry out', 'run'],
  run: ['hold', 'organise'],
  publish: ['post', 'put up'],
  select: ['choose', 'pick'],
  archive: ['file', 'store'],
  scan: ['digitise', 'scan in'],
  assign: ['allocate', 'give'],
  configure: ['set up'],
  register: ['sign up', 'enrol'],
  give: ['hand', 'present'],
  introduce: ['present', 'walk through'],
  request: ['ask for'],
};
/** Nouns -> other words for the same thing. */
const NOUN_PHRASES: Record<string, string[]> = {
  enquiry: ['inquiry', 'query'],
  spreadsheet: ['Excel sheet', 'tracker sheet', 'workbook'],
  email: ['e-mail', 'message'],
  letter: ['letter'],
  application: ['application form'],
  documents: ['paperwork', 'documents'],
  gift: ['donation'],
  gifts: ['donations'],
  invitation: ['invite'],
  list: ['list'],
  employee: ['new starter', 'staff member'],
  contract: ['contract'],
  invoice: ['bill', 'invoice'],
  customer: ['client'],
  address: ['home address'],
  details: ['information', 'details'],
  approver: ['authoriser'],
};
const FILLER_AFTER = ['', '', ' as usual', ' for the file', ' straight away'];
const INSERTED = ['Print a copy for the file', 'Phone the manager', 'Wait for the weekly meeting', 'Scan paperwork', 'Update the whiteboard', 'Tick off the checklist'];
const LANE_WORDS: Record<string, string> = { officer: 'team', team: 'office', manager: 'lead', coordinator: 'organiser', department: 'unit', assistant: 'administrator' };

/** Near enough for the generator's verbs: "email" -> "emailed", "file" -> "filed". */
const pastTense = (v: string): string => (v.endsWith('e') ? `${v}d` : `${v}ed`);

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

/** One label in other words; starts, ends and decisions keep more of their wording, as people do. */
export function paraphraseLabel(label: string, r: () => number): string {
  const words = label.split(/\s+/).filter(Boolean);
  if (words.length === 0) return label;
  const head = words[0]!.toLowerCase();
  const out = words.map((w) => {
    const alts = NOUN_PHRASES[w.toLowerCase()];
    return alts && r() < 0.6 ? pick(r, alts) : w;
  });
  const verbAlts = VERB_PHRASES[head];
  if (verbAlts && r() < 0.85) out[0] = pick(r, verbAlts);
  let text = out.join(' ');
  // Now and then the thing first and the verb after: "Offer letter sent".
  if (verbAlts && out.length >= 2 && !out[0]!.includes(' ') && r() < 0.2) text = `${out.slice(1).join(' ')} ${pastTense(out[0]!)}`;
  if (r() < 0.3) text = `${text}${pick(r, FILLER_AFTER)}`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ParaphraseOptions {
  seed: number;
  departmentId: Id;
  /** Share of steps left out (0..1). */
  drop?: number;
  /** Steps of its own the other team adds. */
  inserts?: number;
}

export function paraphrase(src: ProcessMap, o: ParaphraseOptions): Derived {
  const r = seededRandom(o.seed);
  const labels: Record<Id, string | null> = {};
  const steps = src.nodes.filter((n) => n.kind === 'step' || n.kind === 'start' || n.kind === 'end' || n.kind === 'decision');
  for (const n of steps) {
    if (n.kind === 'step' && r() < (o.drop ?? 0.1)) labels[n.id] = null;
    else labels[n.id] = paraphraseLabel(n.label, r);
  }
  const lanes: Record<Id, string> = {};
  for (const l of src.lanes) lanes[l.id] = l.name.split(/\s+/).map((w) => LANE_WORDS[w.toLowerCase()] ?? w).join(' ');
  const kept = steps.filter((n) => labels[n.id] !== null && n.kind === 'step');
  const insert: Edit['insert'] = [];
  for (let k = 0; k < (o.inserts ?? 2) && kept.length > 0; k++) insert.push({ after: pick(r, kept).id, label: pick(r, INSERTED) });
  return derive(src, { departmentId: o.departmentId, name: `${src.name} (as ${o.departmentId} draws it)`, labels, lanes, insert }, `p${o.seed}-`);
}
