import type { MapNode, ProcessMap } from '../model/types';
import { plural } from '../model/vocabulary';
import { listEn, q } from './english';
import type { FindingCost } from './types';
import type { DataAccess } from './accessIndex';

// What a finding costs a year in staff hours, from the maps' measures: a step's minutes per
// case times its cases a year (the step's own, else its map's). A measure that is missing is
// named in `missing` and the hours are null: never guessed, never counted as zero.

interface StepUse {
  map: ProcessMap;
  step: MapNode;
}

/** 1800 -> "1,800", the same on every machine (no locale). */
export const thousands = (n: number): string => {
  const [whole, frac] = String(n).split('.');
  return `${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${frac ? `.${frac}` : ''}`;
};

const stepName = (u: StepUse): string => `${q(u.step.label.trim() || u.step.id)} on ${q(u.map.name.trim() || u.map.id)}`;

/** Each step once, in the order first met (a node object belongs to one map, so it is the key). */
function uniqueSteps(accesses: readonly DataAccess[]): StepUse[] {
  const seen = new Set<MapNode>();
  const out: StepUse[] = [];
  for (const a of accesses) {
    if (seen.has(a.actor)) continue;
    seen.add(a.actor);
    out.push({ map: a.map, step: a.actor });
  }
  return out;
}

/** A finding's cost field, absent when there is nothing to count (JSON-safe: no undefined key). */
export const costField = (cost: FindingCost | undefined): { cost?: FindingCost } => (cost ? { cost } : {});

const valid = (n: number | undefined): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;

/** The measures a step lacks, in words ('' when none): one constant string, no list per step. */
const lacking = (perCase: boolean, cases: boolean): string =>
  perCase ? (cases ? '' : 'cases a year') : cases ? 'minutes per case' : 'minutes per case and cases a year';

/** The hours a year of the steps, with how they were counted and what is missing. */
export function stepsCost(steps: readonly StepUse[], what: string): FindingCost {
  const missing: string[] = [];
  const parts: string[] = [];
  let minutes = 0;
  for (const u of steps) {
    const perCase = u.step.minutesPerCase;
    const cases = valid(u.step.casesPerYear) ? u.step.casesPerYear : u.map.casesPerYear;
    const lacks = lacking(valid(perCase), valid(cases));
    if (lacks) missing.push(`${lacks} at ${stepName(u)}`);
    if (valid(perCase) && valid(cases)) {
      minutes += perCase * cases;
      parts.push(`${thousands(perCase)} min × ${thousands(cases)} cases at ${q(u.step.label.trim() || u.step.id)}`);
    }
  }
  if (missing.length > 0) return { hoursPerYear: null, basis: `${what}; measures missing`, missing };
  return { hoursPerYear: Math.round((minutes / 60) * 10) / 10, basis: `${what}: ${listEn(parts)}`, missing: [] };
}

/** Re-keying: the step's own time, every case. */
export function rekeyingCost(first: DataAccess): FindingCost {
  return stepsCost([{ map: first.map, step: first.actor }], 're-keying every case');
}

/**
 * Duplicated data: the writes needed to keep the copies in step. The store most steps write is
 * taken as the one to keep; the steps that write the other stores (and not that one) are the
 * cost of the copies.
 * No cost when no step on any map writes a copy: the maps do not show that work.
 */
export function duplicateCost(usesByStore: readonly (readonly DataAccess[])[], names: readonly string[]): FindingCost | undefined {
  const writers = usesByStore.map((uses) => uniqueSteps(uses.filter((a) => a.write && a.actor.kind === 'step')));
  let keep = 0;
  writers.forEach((w, i) => {
    if (w.length > writers[keep]!.length) keep = i;
  });
  const kept = new Set(writers[keep]!.map((u) => u.step));
  const copies: StepUse[] = [];
  const seen = new Set<MapNode>();
  writers.forEach((w, i) => {
    if (i === keep) return;
    for (const u of w) {
      if (kept.has(u.step) || seen.has(u.step)) continue;
      seen.add(u.step);
      copies.push(u);
    }
  });
  if (copies.length === 0) return undefined;
  return stepsCost(copies, `writing the copies beside ${names[keep]}`);
}

/** Silos: the look-ups staff do in the silo, apart from the shared records. */
export function siloCost(accesses: readonly DataAccess[], name: string): FindingCost | undefined {
  const readers = uniqueSteps(accesses.filter((a) => a.read && a.actor.kind === 'step'));
  if (readers.length === 0) return undefined;
  return stepsCost(readers, `looking customers up in ${name}`);
}

/** "1,240 hours a year", "7.5 hours a year". */
export function hoursWords(h: number): string {
  return `${thousands(h >= 100 ? Math.round(h) : Math.round(h * 10) / 10)} ${plural(h, 'hour')} a year`;
}

/** A finding's cost in a line: its hours, or what is missing; '' when it has none. */
export function costWords(cost: FindingCost | undefined): string {
  if (!cost) return '';
  if (cost.hoursPerYear !== null) return hoursWords(cost.hoursPerYear);
  return `Cost not known: missing ${cost.missing.join('; ')}`;
}

/**
 * Dearest first: findings with hours by hours, then those whose measures are missing, then
 * those with nothing to count; within each, the order given (the analysis's).
 */
export function rankByCost<F extends { cost?: FindingCost }>(findings: readonly F[]): F[] {
  const tier = (f: F): number => (f.cost === undefined ? 2 : f.cost.hoursPerYear === null ? 1 : 0);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => tier(a.f) - tier(b.f) || (b.f.cost?.hoursPerYear ?? 0) - (a.f.cost?.hoursPerYear ?? 0) || a.i - b.i)
    .map((x) => x.f);
}
