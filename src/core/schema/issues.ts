import type { z } from 'zod';
import { count } from '../model/vocabulary';

// Problems found while reading a bundle or a stored record, each tied to the place in the
// document where it was found, so a user can fix a hand-edited file.

export interface BundleIssue {
  /** A readable JSON path such as `maps[2].nodes[5].laneId`, or `(root)`. */
  path: string;
  message: string;
}

/** More than this and the rest are summed up in one last line: nobody reads 2000 errors. */
export const MAX_ISSUES = 50;

export type PathPart = string | number;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && IDENTIFIER.test(p)) out += out ? `.${p}` : p;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out || '(root)';
}

/** Collects issues up to MAX_ISSUES, counting the ones left out. */
export class IssueList {
  readonly items: BundleIssue[] = [];
  private dropped = 0;

  add(path: readonly PropertyKey[], message: string): void {
    if (this.items.length < MAX_ISSUES - 1) this.items.push({ path: formatPath(path), message });
    else this.dropped++;
  }

  get empty(): boolean {
    return this.items.length === 0;
  }

  /** The issues, with a closing line when some were left out. */
  result(): BundleIssue[] {
    if (this.dropped === 0) return [...this.items];
    const n = this.dropped;
    return [...this.items, { path: '(root)', message: `…and ${count(n, 'more problem')} not listed` }];
  }
}

export function addZodIssues(list: IssueList, prefix: readonly PathPart[], error: z.ZodError): void {
  for (const iss of error.issues) list.add([...prefix, ...iss.path], iss.message);
}

/** A short description of a JSON value, for "found ..." in messages. */
export function describeValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return v.length > 40 ? `the text "${v.slice(0, 40)}…"` : `the text "${v}"`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  tuple: 'a list',
  object: 'an object',
  record: 'an object',
  null: 'null',
};

/**
 * Plain-language messages for zod's issues (passed as the per-parse `error` option). Zod's
 * defaults ("Invalid input: expected string, received undefined") are written for developers.
 */
export const humanError: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      if (iss.input === undefined) return 'is required';
      return `must be ${EXPECTED[iss.expected] ?? iss.expected}, found ${describeValue(iss.input)}`;
    case 'invalid_value':
      return `must be one of ${iss.values.map((v) => JSON.stringify(v)).join(', ')}; found ${describeValue(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'string' && Number(iss.minimum) === 1) return 'must not be empty';
      if (iss.origin === 'number') return `must be ${iss.inclusive ? 'at least' : 'greater than'} ${iss.minimum}, found ${describeValue(iss.input)}`;
      if (iss.origin === 'array') return `must have at least ${count(Number(iss.minimum), 'item')}`;
      return undefined;
    case 'too_big':
      if (iss.origin === 'array') return `must have at most ${iss.maximum} items`;
      if (iss.origin === 'string' && typeof iss.input === 'string') {
        return `is too long: ${iss.input.length.toLocaleString('en')} characters, at most ${Number(iss.maximum).toLocaleString('en')}`;
      }
      return undefined;
    default:
      return undefined;
  }
};
