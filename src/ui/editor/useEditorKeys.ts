import { useReactFlow } from '@xyflow/react';
import { useEffect } from 'react';
import type { NodeKind } from '../../core/model/types';
import * as A from '../../state/editorActions';
import { autoLayout } from '../../state/layoutActions';
import { useFindings } from '../../state/findingsStore';
import { useUi } from '../../state/uiStore';
import { confirmLaneDelete } from '../common/confirm';
import { openExport } from '../export/ExportDialog';
import { openShortcuts } from '../shell/ShortcutsDialog';

const ADD_KEYS: Record<string, NodeKind> = { s: 'step', d: 'decision', b: 'start', e: 'end', t: 'dataStore', y: 'system', o: 'document', n: 'note' };

/** Typing in a field or a dialog is never taken for a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || !el.closest) return false;
  return !!el.closest('input, textarea, select, [contenteditable="true"], dialog[open]');
}

/** The editor's keyboard: every toolbar action and more, listed in the shortcuts dialog. */
export function useEditorKeys(): void {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      let handled = true;
      if (mod && key === 'z' && !e.shiftKey) A.undo();
      else if (mod && ((key === 'z' && e.shiftKey) || key === 'y')) A.redo();
      else if (mod && e.shiftKey && key === 'e') openExport();
      else if (mod && key === 'c') handled = A.copySelection();
      else if (mod && key === 'v') A.paste();
      else if (mod && key === 'd') A.duplicateSelection();
      else if (mod && key === 'a') A.selectAll();
      else if (mod || e.altKey && !e.key.startsWith('Arrow')) handled = false;
      else if (e.key === 'Delete' || e.key === 'Backspace') A.deleteSelection(confirmLaneDelete);
      else if (e.key === 'F2') A.startEditing();
      else if (e.key === 'Escape') {
        useUi.getState().clearSelection();
        useUi.getState().setEditing(null);
        useFindings.getState().setHighlight(null);
      } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) A.moveSelectionToLane(e.key === 'ArrowUp' ? -1 : 1);
      else if (e.key.startsWith('Arrow')) {
        const step = e.shiftKey ? 50 : 10;
        const [dx, dy] = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }[e.key] ?? [0, 0];
        A.nudge(dx!, dy!);
      } else if (e.key === '!' || (e.shiftKey && e.code === 'Digit1')) void fitView({ padding: 0.08, duration: 250 });
      else if (e.key === '?') openShortcuts();
      else if (key === 'l' && e.shiftKey) {
        const id = useUi.getState().openMapId;
        if (id) void autoLayout(id);
      } else if (key === 'l') A.addLane();
      else if (ADD_KEYS[key] && !e.shiftKey) A.addNodeOfKind(ADD_KEYS[key]);
      else handled = false;
      if (handled) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [fitView]);
}
