import { useEffect } from 'react';
import { actionContext } from './context';
import { isTyping } from './isTyping';
import { keyAction } from './table';

/**
 * The app's one keyboard listener: a key outside a text box runs the action the table gives
 * it on this screen. Widgets that handle a key themselves (a lane's name button, a compare
 * pane) mark the event handled and are left alone.
 */
export function useKeyboard(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e)) return;
      const ctx = actionContext(e);
      const action = keyAction(e, ctx);
      if (!action) return;
      // Before it runs: an action that opens a text box (a new step's label, F2) must not
      // have its own key typed into the box that takes the focus.
      e.preventDefault();
      action.perform(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
