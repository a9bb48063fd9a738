// Small text helpers the report's writers share: dates in words, names in glossary order, and text
// made safe for XML (Word's document.xml cannot hold control characters, even escaped) and
// for reading (no bidi controls reordering it).

import { writableText } from '../text/bidi';
import type { MapReview, MapReviewState } from '../model/types';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-11-22" (or a full ISO time) as "22 November 2026"; anything else is shown as given. */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

const REVIEW_DONE: Readonly<Record<MapReviewState, string>> = { draft: 'Set back to draft', review: 'Sent for review', agreed: 'Agreed' };

/** "Agreed by Ana Silva on 6 December 2026": who set a map's review status and when; null when nobody is named. */
export function reviewSentence(review: MapReview | undefined): string | null {
  if (!review?.by) return null;
  return `${REVIEW_DONE[review.state]} by ${review.by}${review.at ? ` on ${longDate(review.at)}` : ''}`;
}

/** A user's text with the characters XML cannot hold and bidi controls dropped; docx escapes the markup itself. */
export const plainText = writableText;

/** Names compared as a reader expects in a glossary, the same on every machine. */
export const byName = (a: { name: string }, b: { name: string }): number =>
  a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
