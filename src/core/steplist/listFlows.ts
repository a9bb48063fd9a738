import { type Item, sameText, type StepItem, stepsOf } from './parseStepList';

/** A flow the list asks for, between two of its steps; label from a decision's branch. */
export interface ListFlow {
  from: StepItem;
  to: StepItem;
  label: string;
}

interface Source {
  item: StepItem;
  label: string;
}

/**
 * The flows a parsed list means: each line from the line before (or from every open branch
 * end of the decision before it), "->" lines to the step they name, nothing across a blank line
 * or out of an end.
 */
export function listFlows(items: readonly Item[]): ListFlow[] {
  const steps = stepsOf(items);
  const byText = new Map<string, StepItem>();
  for (const s of steps) if (!byText.has(sameText(s.text))) byText.set(sameText(s.text), s);
  const flows: ListFlow[] = [];
  const seen = new Set<string>();
  const add = (from: Source, to: StepItem) => {
    const key = `${steps.indexOf(from.item)}>${steps.indexOf(to)}`;
    if (from.item === to || seen.has(key)) return;
    seen.add(key);
    flows.push({ from: from.item, to, label: from.label });
  };

  /** Runs a path of items from `current`; returns its open ends. */
  const walk = (list: readonly Item[], start: Source[]): Source[] => {
    let current = start;
    for (const item of list) {
      if (item.kind === 'break') current = [];
      else if (item.kind === 'goto') {
        const target = byText.get(sameText(item.target));
        if (target) for (const s of current) add(s, target);
      } else {
        for (const s of current) add(s, item);
        // Nothing flows on from an end: the line after it starts a path of its own.
        current = item.kind === 'end' ? [] : item.kind === 'decision' && item.branches?.length ? branchEnds(item) : [{ item, label: '' }];
      }
    }
    return current;
  };

  /** A decision's open ends: each branch's last step, or the decision itself for an empty branch; a branch ending in "->" is closed. */
  const branchEnds = (decision: StepItem): Source[] =>
    decision.branches!.flatMap((b) => {
      const ends = walk(b.items, [{ item: decision, label: b.label }]);
      const last = b.items[b.items.length - 1];
      return last && last.kind !== 'step' && last.kind !== 'decision' ? [] : ends;
    });

  walk(items, []);
  return flows;
}
