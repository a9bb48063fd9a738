import type { LabelTerms } from './labelSimilarity';
import { sameWord, verbWord } from './labelSimilarity';

// Why two steps were matched, in the words a person checking the match would use.

export interface MatchEvidence {
  a: LabelTerms;
  b: LabelTerms;
  label: number;
  lane: number;
  position: number;
  touch: { score: number; shared: string[] } | null;
  /** Share of the steps before and after that are matched to each other (0 in the first pass). */
  neighbours: number;
}

export function matchReasons(e: MatchEvidence): string {
  const out: string[] = [];
  if (e.a.verb !== null && e.a.verb === e.b.verb) out.push(`same action (${verbWord(e.a.verb)})`);
  const words = e.a.objects.filter((x) => e.b.objects.some((y) => sameWord(x, y)));
  if (words.length > 0) out.push(`same words: ${words.join(', ')}`);
  if (e.touch && e.touch.shared.length > 0) out.push(`both use ${e.touch.shared.join(', ')}`);
  if (e.neighbours > 0) out.push(e.neighbours >= 1 ? 'the steps before and after match' : 'a step before or after matches');
  if (e.lane >= 0.7) out.push('same role');
  if (e.position >= 0.85) out.push('same stage');
  return out.join('; ') || 'alike in words';
}
