// The step list: a process typed as fast as people talk, one line per step.
//
//   Enquiries officer: Log enquiry [CRM, Enquiries spreadsheet]
//   Check details                      (no lane: the lane of the line before)
//   ? Officer: Complete?               (a decision; its branches are indented under it)
//     Yes: Send prospectus
//       Finance: Raise invoice         (indented deeper: the branch goes on)
//     No: -> Log enquiry               (-> a step named earlier or later: a flow to it)
//   Officer: Close enquiry             (open branch ends flow into the next line)
//   (doc) Closing letter               (a document the step above makes; (note) a sticky note beside it)
//   (end) Officer: Enquiry closed      ((start) a start, (end) an end: nothing flows on from an end)
//
// A blank line starts a new path (nothing flows into the line after it). A row pasted from a
// spreadsheet is Lane<TAB>Step<TAB>Systems (comma-separated). Lines starting with # are comments.
// Parsing is pure and reports every bad line; nothing is applied unless all lines read.

export interface StepItem {
  kind: 'step' | 'decision' | 'start' | 'end';
  lane: string;
  text: string;
  systems: string[];
  /** 1-based line number in the text, for messages. */
  line: number;
  /** A decision's branches, in order. */
  branches?: Branch[];
  /** The documents and notes written under it, in order. */
  attached?: Attachment[];
}

/** "(doc) Offer letter", "(note) We type it twice": kept with the step above it, not on the path. */
export interface Attachment {
  kind: 'document' | 'note';
  text: string;
  line: number;
}

/** A flow from where the path is to a step named elsewhere in the list. */
export interface GotoItem {
  kind: 'goto';
  target: string;
  line: number;
}

/** A blank line: the path ends, the next line starts a new one. */
export interface BreakItem {
  kind: 'break';
  line: number;
}

export type Item = StepItem | GotoItem | BreakItem;

/** Parsed, before attachments are put with their steps. */
type RawItem = Item | (Attachment & { attach: true });

export interface Branch {
  /** "Yes", "No"; empty for an unlabelled way out ("-:"). */
  label: string;
  items: Item[];
  line: number;
}

export interface StepListError {
  line: number;
  message: string;
}

export type StepListParse = { ok: true; items: Item[] } | { ok: false; errors: StepListError[] };

interface Line {
  no: number;
  indent: number;
  text: string;
}

const HEADER = /^lane\tstep(\tsystems?)?\s*$/i;

export function parseStepList(source: string): StepListParse {
  const errors: StepListError[] = [];
  const lines: Line[] = source.split(/\r?\n/).map((raw, i) => {
    const text = raw.trim();
    // A tab inside the text makes a spreadsheet row, whose first cell (the lane) may be empty.
    if (raw.replace(/^[ \t]*/, '').includes('\t')) return { no: i + 1, indent: 0, text: raw.replace(/[\s]+$/, '').replace(/^ +/, '') };
    return { no: i + 1, indent: /^[ \t]*/.exec(raw)![0].replace(/\t/g, '  ').length, text };
  });
  const state = { lane: '' };
  const items = attachToSteps(parseBlock(lines, 0, lines.length, state, errors), errors);
  if (!items.some((i) => i.kind !== 'break') && errors.length === 0) errors.push({ line: 1, message: 'The list is empty: write one step a line, as "Lane: step".' });
  checkGotos(items, errors);
  return errors.length ? { ok: false, errors: errors.sort((a, b) => a.line - b.line) } : { ok: true, items };
}

/** Lines [from, to), the first one's indent and deeper; a decision takes the deeper lines after it as its branches. */
function parseBlock(lines: Line[], from: number, to: number, state: { lane: string }, errors: StepListError[]): RawItem[] {
  const items: RawItem[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i]!;
    if (line.text === '' || line.text.startsWith('#')) {
      if (line.text === '' && items.length && items[items.length - 1]!.kind !== 'break') items.push({ kind: 'break', line: line.no });
      i++;
      continue;
    }
    // Lines indented under this one belong to it (a decision's branches).
    let end = i + 1;
    while (end < to && (lines[end]!.text === '' || lines[end]!.indent > line.indent)) end++;
    // Trailing blank lines belong to the level above.
    while (end > i + 1 && lines[end - 1]!.text === '') end--;
    const item = parseLine(line, state, errors);
    if (item?.kind === 'decision') item.branches = parseBranches(item, lines, i + 1, end, state, errors);
    else if (end > i + 1) errors.push({ line: lines[i + 1]!.no, message: 'Only a decision (a line starting with ?) has indented lines under it.' });
    if (item) items.push(item);
    i = end;
  }
  while (items.length && items[items.length - 1]!.kind === 'break') items.pop();
  return items;
}

/**
 * A decision's branches: each begins "Label:" at the first indent under it; deeper lines go on
 * with it. A document or note line there is the decision's own.
 */
function parseBranches(decision: StepItem, lines: Line[], from: number, to: number, state: { lane: string }, errors: StepListError[]): Branch[] {
  const branches: Branch[] = [];
  let i = from;
  while (i < to) {
    const line = lines[i]!;
    if (line.text === '' || line.text.startsWith('#')) {
      i++;
      continue;
    }
    let end = i + 1;
    while (end < to && (lines[end]!.text === '' || lines[end]!.indent > line.indent)) end++;
    const own = marked(line.text);
    if (own?.kind === 'document' || own?.kind === 'note') {
      const item = parseLine(line, state, errors);
      if (item && 'attach' in item) (decision.attached ??= []).push({ kind: item.kind, text: item.text, line: item.line });
      i = end;
      continue;
    }
    const m = /^([^:\t]{1,30}):\s*(.*)$/.exec(line.text);
    if (!m) {
      errors.push({ line: line.no, message: 'A branch begins with its answer and a colon: "Yes: Send prospectus".' });
      i = end;
      continue;
    }
    const label = m[1]!.trim() === '-' ? '' : m[1]!.trim();
    const first = m[2]!.trim();
    const items: RawItem[] = [];
    const item = first ? parseLine({ ...line, text: first }, state, errors) : null;
    if (item) items.push(item);
    // "No: ? Paid?": the lines under it are that decision's branches; else they go on with this branch.
    if (item?.kind === 'decision') item.branches = parseBranches(item, lines, i + 1, end, state, errors);
    else items.push(...parseBlock(lines, i + 1, end, state, errors));
    branches.push({ label, items: attachToSteps(items, errors), line: line.no });
    i = end;
  }
  return branches;
}

const MARKS = { '(start)': 'start', '(end)': 'end', '(doc)': 'document', '(note)': 'note' } as const;

/** "(end) Closed": the kind its mark gives a line, and the rest of it. */
function marked(text: string): { kind: (typeof MARKS)[keyof typeof MARKS]; rest: string } | null {
  const m = /^\((start|end|doc|note)\)\s*/i.exec(text);
  return m ? { kind: MARKS[`(${m[1]!.toLowerCase()})` as keyof typeof MARKS], rest: text.slice(m[0].length).trim() } : null;
}

function parseLine(line: Line, state: { lane: string }, errors: StepListError[]): RawItem | null {
  const fail = (message: string) => (errors.push({ line: line.no, message }), null);
  let text = line.text;
  if (text.includes('\t')) return parseRow(line, state, errors);
  if (text.startsWith('->')) {
    const target = text.slice(2).trim();
    return target ? { kind: 'goto', target, line: line.no } : fail('Say which step to go to: "-> Log enquiry".');
  }
  let kind: StepItem['kind'] = 'step';
  const mark = marked(text);
  if (mark?.kind === 'document' || mark?.kind === 'note') {
    // Its words as written, colons and brackets included: a note is free text.
    return mark.rest ? { attach: true, kind: mark.kind, text: mark.rest, line: line.no } : fail(`Write the ${mark.kind}'s text after "(${mark.kind === 'document' ? 'doc' : 'note'})".`);
  }
  if (mark) {
    kind = mark.kind;
    text = mark.rest;
  } else if (text.startsWith('?')) {
    kind = 'decision';
    text = text.slice(1).trim();
  }
  const systems = takeSystems(text);
  if (systems.error) return fail(systems.error);
  text = systems.rest;
  let lane = state.lane;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    lane = text.slice(0, colon).trim();
    text = text.slice(colon + 1).trim();
    if (!lane) return fail('The lane before the colon is empty.');
  }
  if (!lane) return fail('Say whose step this is: "Lane: step" (later lines without a lane stay in it).');
  // A start or an end may go unnamed ("(end) Registry:"); a step may not.
  if (!text && kind !== 'start' && kind !== 'end') return fail(`Lane "${lane}" has no step after the colon.`);
  state.lane = lane;
  return { kind, lane, text, systems: systems.names, line: line.no };
}

/** "Log enquiry [CRM, Spreadsheet]": the names in brackets at the end. */
function takeSystems(text: string): { rest: string; names: string[]; error?: string } {
  const open = text.lastIndexOf('[');
  if (open < 0) return text.includes(']') ? { rest: text, names: [], error: 'A "]" without its "[".' } : { rest: text, names: [] };
  if (!text.endsWith(']')) return { rest: text, names: [], error: 'Systems go in brackets at the end of the line: "Log enquiry [CRM]".' };
  return { rest: text.slice(0, open).trim(), names: splitNames(text.slice(open + 1, -1)) };
}

const splitNames = (s: string): string[] => s.split(/[,;]/).map((n) => n.trim()).filter(Boolean);

/** A spreadsheet row: Lane, Step, Systems. */
function parseRow(line: Line, state: { lane: string }, errors: StepListError[]): Item | null {
  if (HEADER.test(line.text)) return null;
  const [laneCell = '', stepCell = '', systemsCell = ''] = line.text.split('\t').map((c) => c.trim());
  let text = stepCell;
  let kind: StepItem['kind'] = 'step';
  if (text.startsWith('?')) {
    kind = 'decision';
    text = text.slice(1).trim();
  }
  const lane = laneCell || state.lane;
  if (!lane) return errors.push({ line: line.no, message: 'The row has no lane in its first column.' }), null;
  if (!text) return errors.push({ line: line.no, message: 'The row has no step in its second column.' }), null;
  state.lane = lane;
  return { kind, lane, text, systems: splitNames(systemsCell), line: line.no };
}

/** Documents and notes go with the step (or decision, start, end) before them in their list. */
function attachToSteps(raw: RawItem[], errors: StepListError[]): Item[] {
  const items: Item[] = [];
  let step: StepItem | undefined;
  for (const item of raw) {
    if ('attach' in item) {
      const { attach: _, ...attachment } = item;
      if (step) (step.attached ??= []).push(attachment);
      else errors.push({ line: item.line, message: `A ${item.kind} goes under the step it belongs to.` });
      continue;
    }
    if (item.kind === 'break') step = undefined;
    else if (item.kind !== 'goto') step = item;
    items.push(item);
  }
  return items;
}

/** Every step the list names, in order (branches included). */
export function stepsOf(items: readonly Item[]): StepItem[] {
  const out: StepItem[] = [];
  const walk = (list: readonly Item[]) => {
    for (const item of list) {
      if (item.kind === 'goto' || item.kind === 'break') continue;
      out.push(item);
      for (const b of item.branches ?? []) walk(b.items);
    }
  };
  walk(items);
  return out;
}

function checkGotos(items: Item[], errors: StepListError[]): void {
  const names = new Set(stepsOf(items).map((s) => sameText(s.text)));
  const walk = (list: readonly Item[]) => {
    for (const item of list) {
      if (item.kind === 'goto' && !names.has(sameText(item.target))) errors.push({ line: item.line, message: `No step "${item.target}" in the list to go to.` });
      if (item.kind === 'decision') for (const b of item.branches ?? []) walk(b.items);
    }
  };
  walk(items);
}

/** Text compared as people mean it: case and runs of spaces do not matter. */
export const sameText = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();
