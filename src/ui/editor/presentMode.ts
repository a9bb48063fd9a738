import { create } from 'zustand';
import { closeStepList } from '../steplist/stepListOpen';

// Presentation mode: the canvas takes the whole window, at a zoom where every label reads at
// 16 px or more from the back of a room. Apart from the editor, so the action table can
// switch it without an import loop.

/** The smallest on-screen size of canvas text while presenting, in CSS pixels. */
export const PRESENT_TEXT_PX = 16;

/** `zoom`: the least zoom while presenting, measured from the labels on screen as the mode starts. */
export const usePresenting = create<{ on: boolean; zoom: number }>(() => ({ on: false, zoom: 1 }));
/** Presenting starts with the canvas alone; the step list (Shift+S) may then be opened beside it to type into. */
export function togglePresent(): void {
  if (!usePresenting.getState().on) closeStepList();
  usePresenting.setState((s) => (s.on ? { on: false } : { on: true, zoom: presentZoom() }));
}
export const leavePresent = () => usePresenting.setState({ on: false });
export const isPresenting = () => usePresenting.getState().on;

/** The zoom at which the smallest canvas label (node, lane or flow) is PRESENT_TEXT_PX on screen. */
export function presentZoom(root: ParentNode = document): number {
  const sizes = [...root.querySelectorAll('.canvas .shape-label, .canvas .flow-label, .canvas .lane-name')].map((el) => parseFloat(getComputedStyle(el).fontSize)).filter((s) => s > 0);
  // Before anything is drawn: the smallest label size the stylesheet uses (decisions, flow labels).
  const smallest = sizes.length ? Math.min(...sizes) : 11.5;
  return Math.ceil((PRESENT_TEXT_PX / smallest) * 100) / 100;
}
