import { type RefObject, useLayoutEffect, useState } from 'react';

// The toolbar keeps one row: when its buttons are wider than the bar, the least used go into
// its "More" menu. Every button stays drawn (those in the menu out of the flow and unseen), so
// each one's width is known without drawing the bar twice.

/** How much a button is wanted in the bar: the lowest go to "More" first. */
const KEEP: Record<string, number> = {
  'add-step': 10,
  'add-decision': 9,
  undo: 9,
  present: 9,
  'step-list': 9,
  redo: 8,
  'add-lane': 8,
  export: 8,
  'add-dataStore': 7,
  'add-system': 7,
  'auto-layout': 6,
  'add-start': 5,
  'zoom-to-fit': 4,
  'add-end': 3,
  'add-document': 2,
  'add-note': 1,
};

/** A rule between groups: 1 px, 6 px either side, and the bar's gap. */
const SEP_WIDTH = 16;

/**
 * The ids of `groups` that do not fit in `bar` (with its "More" button, `more`) and go into the
 * menu, recomputed whenever the bar changes width.
 */
export function useToolbarFit(bar: RefObject<HTMLElement | null>, more: RefObject<HTMLElement | null>, groups: readonly (readonly string[])[]): string[] {
  const [overflow, setOverflow] = useState<string[]>([]);
  useLayoutEffect(() => {
    const el = bar.current;
    if (!el) return;
    const fit = () => {
      const style = getComputedStyle(el);
      const gap = parseFloat(style.columnGap) || 0;
      const room = el.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const width = new Map(groups.flat().map((id) => [id, (el.querySelector<HTMLElement>(`[data-tool="${id}"]`)?.offsetWidth ?? 0) + gap]));
      const used = (out: Set<string>) =>
        groups.reduce((sum, g, i) => {
          const shown = g.filter((id) => !out.has(id));
          return sum + shown.reduce((s, id) => s + width.get(id)!, 0) + (i > 0 && shown.length ? SEP_WIDTH : 0);
        }, 0);
      const out = new Set<string>();
      if (used(out) > room) {
        const moreWidth = (more.current?.offsetWidth ?? 0) + gap + SEP_WIDTH;
        const byNeed = groups.flat().sort((a, b) => (KEEP[a] ?? 0) - (KEEP[b] ?? 0));
        for (const id of byNeed) {
          if (used(out) + moreWidth <= room) break;
          out.add(id);
        }
      }
      const next = groups.flat().filter((id) => out.has(id));
      setOverflow((prev) => (prev.join() === next.join() ? prev : next));
    };
    fit();
    const watch = new ResizeObserver(fit);
    watch.observe(el);
    return () => watch.disconnect();
  }, [bar, more, groups]);
  return overflow;
}
